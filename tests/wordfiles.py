"""Word files shaped like the ones offices circulate, built in the tests.

A document is written twice from one description: as a .docx (runs with
direct bold/italic, a title made of bold lines with line breaks, Chương /
Điều / khoản / điểm numbered automatically by one multi-level list, bullets,
a signature block in a borderless table) and as the text a person would type
for it (markdown bold/italic, numbers as text). Tests compare what the tools
make of each.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

#: A run: text, bold, italic.
Run = tuple[str, bool, bool]


@dataclass
class Para:
    runs: list[Run]
    level: int | None = None      # None: typed paragraph; 0 Chương, 1 Điều, 2 khoản, 3 điểm (automatic)
    bullet: bool = False
    breaks: bool = False          # runs are lines separated by line breaks (one paragraph)


@dataclass
class Doc:
    paras: list[Para]
    table: list[list[list[str]]] = field(default_factory=list)   # rows › cells › lines (signature block)


def plain(text: str) -> Run:
    return (text, False, False)


def bold(text: str) -> Run:
    return (text, True, False)


def italic(text: str) -> Run:
    return (text, False, True)


def bold_italic(text: str) -> Run:
    return (text, True, True)


# One multi-level list, as drafters set it up: Chương I (bold, its own line), Điều 1. (bold, numbered
# through the whole text: lvlRestart 0), 1. khoản (restarts in each Điều), a) điểm.
LEVELS = [("upperRoman", "Chương %1", True, "nothing", None), ("decimal", "Điều %2.", True, "space", 0),
          ("decimal", "%3.", False, "space", None), ("lowerLetter", "%4)", False, "space", None)]


def _add_lists(doc) -> tuple[str, str]:
    numbering = doc.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "")
        + f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        + ('<w:rPr><w:b/></w:rPr>' if strong else "") + "</w:lvl>"
        for i, (fmt, text, strong, suff, restart) in enumerate(LEVELS))
    legal = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
                      f'{levels}</w:abstractNum>')
    bullets = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                        '<w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    for abstract in (legal, bullets):
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    for num_id, abstract_id in (("90", "90"), ("91", "91")):
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return "90", "91"


def _number(paragraph, num_id: str, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def write_docx(doc: Doc, path: Path) -> Path:
    word = Document()
    legal, bullets = _add_lists(word)
    for para in doc.paras:
        paragraph = word.add_paragraph()
        if para.level is not None:
            _number(paragraph, legal, para.level)
        if para.bullet:
            _number(paragraph, bullets, 0)
        for i, (text, strong, slanted) in enumerate(para.runs):
            if para.breaks and i:
                paragraph.add_run().add_break()
            run = paragraph.add_run(text)
            run.bold, run.italic = strong or None, slanted or None
    if doc.table:
        table = word.add_table(rows=len(doc.table), cols=len(doc.table[0]))
        for row, cells in zip(table.rows, doc.table):
            for cell, lines in zip(row.cells, cells):
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    word.save(str(path))
    return path


def _marked(run: Run) -> str:
    text, strong, slanted = run
    marker = "***" if strong and slanted else "**" if strong else "*" if slanted else ""
    return f"{marker}{text}{marker}"


def as_text(doc: Doc) -> str:
    """The text a person types for the document: numbers written out, marks in markdown."""
    counters = [0, 0, 0, 0]
    out = []
    for para in doc.paras:
        prefix = ""
        if para.level is not None:
            counters[para.level] += 1
            for deeper in range(para.level + 1, 4):
                if deeper != 1:          # Điều runs on through the chapters
                    counters[deeper] = 0
            number = counters[para.level]
            prefix = {0: f"**Chương {_roman(number)}**", 1: f"**Điều {number}.**", 2: f"{number}.",
                      3: f"{chr(ord('a') + number - 1)})"}[para.level]
        if para.bullet:
            prefix = "-"
        if para.breaks:
            body = "  \n".join(_marked(r) for r in para.runs)
        else:
            body = "".join(_marked(r) for r in para.runs)
        if para.level == 1 and all(strong and not slanted for _, strong, slanted in para.runs):
            # "**Điều 1. Phạm vi**": a person bolds the whole heading at once
            out.append(f"**{prefix.strip('*')} {''.join(t for t, _, _ in para.runs)}**")
            continue
        out.append(" ".join(x for x in (prefix, body) if x))
    for row in doc.table:
        for cell in row:
            out.extend(line for line in cell if line)
    return "\n\n".join(out) + "\n"


def _roman(n: int) -> str:
    return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n]


def regulation(amended: Run = bold_italic("vào sáng thứ Hai hằng tuần")) -> Doc:
    """A short regulation with the shapes of the corpus: bold multi-line title, legal bases (one
    added, in bold italic), chapters, articles and clauses numbered by Word, an amended sentence,
    bullets, and the signature block in a table."""
    return Doc(paras=[
        Para([bold("QUY CHẾ LÀM VIỆC"), bold("của Ban Chấp hành Đảng bộ tỉnh Mẫu"), bold("khóa XV, nhiệm kỳ 2025 - 2030")],
             breaks=True),
        Para([plain("Căn cứ Điều lệ Đảng Cộng sản Việt Nam;")]),
        Para([bold_italic("Căn cứ Quy định số 80-QĐ/TW, ngày 18/8/2022 của Bộ Chính trị về phân cấp quản lý cán bộ;")]),
        Para([plain("Ban Chấp hành Đảng bộ tỉnh ban hành Quy chế làm việc như sau:")]),
        Para([], level=0),
        Para([bold("QUY ĐỊNH CHUNG")]),
        Para([bold("Phạm vi điều chỉnh")], level=1),
        Para([plain("Quy chế này quy định nhiệm vụ, "), bold("quyền hạn"), plain(" và chế độ làm việc của Tỉnh ủy.")],
             level=2),
        Para([plain("Thường trực Tỉnh ủy họp mỗi tuần một lần, "), amended, plain(".")], level=2),
        Para([plain("Ban Thường vụ họp thường kỳ mỗi tháng một lần;")], level=3),
        Para([plain("Tỉnh ủy họp thường lệ "), italic("03 tháng một lần"), plain(".")], level=3),
        Para([], level=0),
        Para([bold("CHẾ ĐỘ LÀM VIỆC")]),
        Para([bold("Chế độ báo cáo")], level=1),
        Para([plain("Báo cáo năm gửi trước ngày 25/11.")], level=2),
        Para([plain("Văn phòng Tỉnh ủy chuẩn bị tài liệu.")], bullet=True),
        Para([plain("Các ban đảng phối hợp.")], bullet=True),
        Para([plain("Báo cáo 6 tháng gửi trước ngày 25/5.")], level=2),
        Para([bold("Hiệu lực thi hành")], level=1),
        Para([plain("Quy chế này có hiệu lực từ ngày ký.")], level=2),
    ], table=[[["Nơi nhận:", "- Như trên,", "- Lưu Văn phòng Tỉnh ủy."],
               ["T/M TỈNH ỦY", "BÍ THƯ", "Nguyễn Văn Mẫu"]]])


def with_tracked_change(path: Path, deleted: str, inserted: str, where: str) -> Path:
    """A copy of the document at `path` in which the word `where` of the first paragraph
    holding it is replaced as a tracked change: <w:del>deleted</w:del><w:ins>inserted</w:ins>."""
    word = Document(str(path))
    for paragraph in word.paragraphs:
        for run in paragraph.runs:
            if where in run.text:
                before, after = run.text.split(where, 1)
                run.text = before
                tail = parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{after}</w:t></w:r>')
                change = parse_xml(
                    f'<w:del {nsdecls("w")} w:id="901" w:author="Chuyên viên" w:date="2026-11-30T09:00:00Z">'
                    f'<w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>')
                insert = parse_xml(
                    f'<w:ins {nsdecls("w")} w:id="902" w:author="Chuyên viên" w:date="2026-11-30T09:00:00Z">'
                    f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>')
                run._r.addnext(change)
                change.addnext(insert)
                insert.addnext(tail)
                out = path.with_name(path.stem + "-theo-doi.docx")
                word.save(str(out))
                return out
    raise AssertionError(f"{where!r} is not in {path}")
