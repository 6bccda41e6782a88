"""Files for the programs offices use: an Excel workbook of the deadlines (openpyxl)
and the full text of a regulation as a Word document (python-docx).

The workbook has real dates in date cells (so Excel sorts and filters them) and
Vietnamese column heads; the CSV stays for other programs. The Word document keeps
the text exactly as the data holds it: headings by chương and điều (or the outline's
parts), the source's own bold and italic, every other unit a paragraph.
"""
from __future__ import annotations

import datetime as dt
import io
import math
import re

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .describe import TYPES, actor_names, due_note, weekday, when, who
from .exports import clause_url
from .holidays import day_off
from .model import Regulation, Unit
from .schedule import occurrences
from .site.render import STATUS, heading_level
from .validity import End

# --- Excel ------------------------------------------------------------------------

TABLE_HEAD = [("Văn bản", 24), ("Loại việc", 16), ("Việc", 36), ("Ai thực hiện, chủ trì", 26),
              ("Gửi cho, thành phần", 26), ("Khi nào (nguyên văn)", 40), ("Điều khoản", 22),
              ("Trích dẫn văn bản", 60), ("Xem trên trang", 30)]
DATES_HEAD = [("Ngày", 12), ("Thứ", 10), ("Việc", 40), ("Ghi chú về hạn", 22), ("Văn bản", 24),
              ("Ngày nghỉ", 26), ("Điều khoản", 22), ("Xem trên trang", 30)]
_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDE3F3")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _sheet(ws, head: list[tuple[str, int]], rows: list[list]) -> None:
    ws.append([name for name, _ in head])
    for col, (_, width) in enumerate(head, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
        cell = ws.cell(row=1, column=col)
        cell.font, cell.fill, cell.alignment = _BOLD, _HEAD_FILL, _WRAP
    for row in rows:
        ws.append(row)
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = _WRAP
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    for line in ws.iter_rows():
        # Programs do not all grow a wrapped row by themselves (LibreOffice prints
        # them overlapping): the height is set from the longest cell.
        needed = max(math.ceil(len(str(c.value or "")) / max(head[c.column - 1][1] - 2, 1))
                     + str(c.value or "").count("\n") for c in line)
        ws.row_dimensions[line[0].row].height = 15 * max(needed, 1)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _table_rows(reg: Regulation, base_url: str) -> list[list]:
    rows = []
    for fact in reg.facts:
        if fact.type == "duty":
            continue
        rows.append([reg.metadata.short_title, TYPES[fact.type], fact.name, who(reg, fact),
                     actor_names(reg, fact.receivers or fact.attendees), when(fact),
                     reg.citation(fact.source.unit), fact.source.quote,
                     clause_url(base_url, reg, fact.source.unit)])
    return rows


def _date_rows(reg: Regulation, base_url: str, years: range, end: End | None) -> list[list]:
    last = dt.date(years.stop - 1, 12, 31) if end is None else min(dt.date(years.stop - 1, 12, 31), end.last_day)
    rows = []
    for occ in occurrences(reg, dt.date(years.start, 1, 1), last):
        rows.append([occ.date, weekday(occ.date), occ.fact.name, due_note(occ.fact), reg.metadata.short_title,
                     day_off(occ.date) or "", reg.citation(occ.fact.source.unit),
                     clause_url(base_url, reg, occ.fact.source.unit)])
    return rows


def xlsx_bytes(regs: list[Regulation], base_url: str, years: range,
               ends: dict[str, End | None] | None = None) -> bytes:
    """Two sheets: "Thời hạn" (one row per meeting or deadline, as on the page) and
    "Lịch" (one row per date over the years shown, in date cells)."""
    ends = ends or {}
    book = Workbook()
    table = book.active
    table.title = "Thời hạn"
    _sheet(table, TABLE_HEAD, [row for reg in regs for row in _table_rows(reg, base_url)])
    dated = book.create_sheet("Lịch")
    rows = [row for reg in regs for row in _date_rows(reg, base_url, years, ends.get(reg.slug))]
    _sheet(dated, DATES_HEAD, sorted(rows, key=lambda r: (r[0], r[4], r[2])))
    about = book.create_sheet("Giới thiệu")
    about.column_dimensions["A"].width = 100
    lines = ["Sổ tay quy chế làm việc: lịch họp và thời hạn", ""]
    for reg in regs:
        lines.append(f"{reg.metadata.title} — {STATUS[reg.metadata.status]}")
        if ends.get(reg.slug):
            lines.append(ends[reg.slug].reason)
    lines += ["", f"Trang \"Lịch\": các ngày từ 01/01/{years.start} đến 31/12/{years.stop - 1}, tính từ các quy tắc "
                  "của văn bản. Cột \"Khi nào\" chép nguyên văn; mỗi dòng dẫn tới điều khoản quy định nó."]
    for line in lines:
        about.append([line])
        about.cell(row=about.max_row, column=1).alignment = _WRAP
    about.cell(row=1, column=1).font = Font(bold=True, size=13)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- Word ---------------------------------------------------------------------------

_MARK = re.compile(r"(\*\*\*|\*\*|\*)")


def runs(text: str) -> list[tuple[str, bool, bool]]:
    """The source's emphasis as (text, bold, italic) pieces: **bold**, *italic*, ***both***.
    A marker without its pair stays as text, as on the page."""
    out: list[tuple[str, bool, bool]] = []
    pattern = re.compile(r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*|\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])", re.S)
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False, False))
        if m.group(1) is not None:
            out.append((m.group(1), True, True))
        elif m.group(2) is not None:
            inner = runs(m.group(2))    # *italic* inside **bold**
            out.extend((t, True, i) for t, _, i in inner)
        else:
            out.append((m.group(3), False, True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False, False))
    return out


def _clean(text: str) -> str:
    """Markdown heading marks of the source file are layout, not words."""
    return re.sub(r"(?m)^#{1,6}\s+", "", text)


def _add(paragraph, text: str) -> None:
    lines = _clean(text).split("\n")
    for n, line in enumerate(lines):
        for piece, bold, italic in runs(line):
            run = paragraph.add_run(piece)
            if bold:        # plain runs stay plain: no <w:b w:val="0"/> to write
                run.bold = True
            if italic:
                run.italic = True
        if n < len(lines) - 1:
            paragraph.add_run().add_break()


def _unit(doc, unit: Unit, headings: dict) -> None:
    level = heading_level(unit)
    if unit.kind == "khoi":
        for child in unit.children:
            _unit(doc, child, headings)
        return
    if level:
        # The style object, not its name: python-docx looks a name up among all styles
        # on every call (3.7 ms a heading: a fifth of the site's build at 400 texts).
        heading = doc.add_paragraph(style=headings[min(level - 1, 3)])
        _add(heading, unit.text)
        if unit.title:
            heading.add_run().add_break()
            _add(heading, unit.title)
    else:
        paragraph = doc.add_paragraph()
        if unit.kind in ("diem", "gach"):
            paragraph.paragraph_format.left_indent = Cm(0.8)
        _add(paragraph, unit.text)
    for child in unit.children:
        _unit(doc, child, headings)


def docx_bytes(reg: Regulation, address: str = "") -> bytes:
    """The full text as a Word document, with a first block saying what it is."""
    meta = reg.metadata
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    for level in (1, 2, 3):    # headings as an office document sets them: black, Times
        style = doc.styles[f"Heading {level}"]
        style.font.name, style.font.color.rgb = "Times New Roman", RGBColor(0, 0, 0)
        style.font.size = Pt({1: 15, 2: 14, 3: 13}[level])
    doc.core_properties.title = meta.title
    doc.core_properties.language = "vi-VN"
    note = doc.add_paragraph()
    note.add_run(f"{meta.title}").bold = True
    note.add_run().add_break()
    signed = meta.signed.strftime("%d/%m/%Y") if meta.signed else "không ghi"
    note.add_run(f"{meta.issuing_body} · Số {meta.number or 'không ghi'} · ngày ký {signed} · {STATUS[meta.status]}")
    if address:
        note.add_run().add_break()
        note.add_run(f"Bản điện tử: {address}")
    note.add_run().add_break()
    note.add_run("Toàn văn dưới đây đúng từng chữ với văn bản gốc, kể cả lỗi của bản gốc.").italic = True
    footer = section.footer.paragraphs[0]
    footer.text = f"{meta.short_title} — {STATUS[meta.status]}"
    footer.runs[0].font.size = Pt(10)
    headings = {level: doc.styles["Title" if level == 0 else f"Heading {level}"] for level in range(4)}
    for unit in reg.units:
        _unit(doc, unit, headings)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def with_bom(data: bytes) -> bytes:
    """UTF-8 text with a byte-order mark (added once)."""
    return data if data.startswith(b"\xef\xbb\xbf") else b"\xef\xbb\xbf" + data
