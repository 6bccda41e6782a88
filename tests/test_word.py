"""Word sources: `quyche ingest FILE.docx` and `quyche compare OLD.docx NEW.docx`.

The documents are built in the tests with the shapes offices use (see
wordfiles.py) and compared with the text a person would type for them.
"""
from __future__ import annotations

import io
import re
import zipfile

import pytest
import yaml
from docx import Document

from quyche.drafts import regulation_from_text
from quyche.ingest.word import WordProblem, read_docx
from quyche.ingest.writer import ingest_text
from quyche.loader import Project, load_corpus
from quyche.marks import marks

from wordfiles import Doc, Para, as_text, bold, bold_italic, italic, plain, regulation, with_tracked_change, write_docx

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.fixture
def word(tmp_path):
    return write_docx(regulation(), tmp_path / "quy-che-mau.docx")


# --- the text of a Word file -------------------------------------------------------------

def test_a_word_file_reads_as_the_text_a_person_would_type(word):
    assert read_docx(word).text == as_text(regulation())


def test_automatic_numbers_become_visible_text(word):
    text = read_docx(word).text
    # Điều runs on through the chapters (lvlRestart 0), khoản restart in each Điều, điểm in each khoản
    assert "**Chương II**" in text and "**Điều 2. Chế độ báo cáo**" in text and "**Điều 3. Hiệu lực thi hành**" in text
    assert "\n\n2. Báo cáo 6 tháng" in text and "\n\nb) Tỉnh ủy họp" in text
    assert "\n\n- Văn phòng Tỉnh ủy chuẩn bị tài liệu." in text


def test_a_title_of_bold_lines_stays_one_paragraph_with_hard_breaks(word):
    first = read_docx(word).text.split("\n\n")[0]
    assert first == "**QUY CHẾ LÀM VIỆC**  \n**của Ban Chấp hành Đảng bộ tỉnh Mẫu**  \n**khóa XV, nhiệm kỳ 2025 - 2030**"


def test_marks_hug_their_words_and_spaces_join_the_span_around_them(tmp_path):
    doc = Doc([Para([plain("Họp "), bold("mỗi tuần "), bold(" một lần"), italic(" (khi cần) "), plain("thôi.")])])
    text = read_docx(write_docx(doc, tmp_path / "x.docx")).text
    assert text == "Họp **mỗi tuần một lần** *(khi cần)* thôi.\n"


def test_bold_from_a_heading_style_counts_and_becomes_a_heading_marker(tmp_path):
    word = Document()
    word.add_heading("Điều 1. Phạm vi", level=2)
    word.add_paragraph("Nội dung.")
    word.save(str(tmp_path / "h.docx"))
    text = read_docx(tmp_path / "h.docx").text
    assert text.startswith("## ") and "Điều 1. Phạm vi" in text and "\n\nNội dung.\n" in text


# --- ingest ------------------------------------------------------------------------------

def _unit_texts(yaml_text: str) -> list[tuple[str, str, str]]:
    def walk(units):
        for u in units:
            yield u["id"], u["kind"], u.get("text", "")
            yield from walk(u.get("children", []))
    return list(walk(yaml.load(yaml_text, Loader=Loader)["units"]))


def test_ingest_of_word_keeps_the_docx_writes_the_text_and_passes_check(tmp_project, word):
    run = tmp_project.run("ingest", "--slug", "quy-che-mau", str(word))
    assert run.code == 0, run.err
    root = tmp_project.root
    assert (root / "regulations" / "quy-che-mau.docx").read_bytes() == word.read_bytes()
    assert (root / "regulations" / "quy-che-mau.txt").read_text(encoding="utf-8") == as_text(regulation())
    written = (root / "structured" / "quy-che-mau.yaml").read_text(encoding="utf-8")
    assert yaml.load(written, Loader=Loader)["metadata"]["source"] == "regulations/quy-che-mau.txt"

    check = tmp_project.check()
    assert "quy-che-mau: 100.0% of the source text covered" in check.out
    left = [p for p in check.problems if "quy-che-mau" in p and "is not filled in (still 'TODO: điền')" not in p
            and "is covered by no fact and no waiver" not in p]
    assert left == []


def test_ingest_of_word_gives_the_units_and_marked_spans_of_the_text_version(tmp_project, word):
    typed = tmp_project.root / "regulations" / "quy-che-go.txt"
    typed.write_text(as_text(regulation()), encoding="utf-8")
    assert tmp_project.run("ingest", str(typed)).code == 0
    assert tmp_project.run("ingest", "--slug", "quy-che-word", str(word)).code == 0
    from_word = (tmp_project.root / "structured" / "quy-che-word.yaml").read_text(encoding="utf-8")
    from_text = (tmp_project.root / "structured" / "quy-che-go.yaml").read_text(encoding="utf-8")
    assert _unit_texts(from_word) == _unit_texts(from_text)

    regs, _ = load_corpus(Project(tmp_project.root))
    by_slug = {r.slug: r for r in regs}

    def spans(slug):
        return [(m.unit.id, m.style, m.text) for m in marks(by_slug[slug])]

    assert spans("quy-che-word") == spans("quy-che-go")
    assert ("dieu-1-khoan-2", "đậm và nghiêng", "vào sáng thứ Hai hằng tuần") in spans("quy-che-word")
    assert any("Quy định số 80-QĐ/TW" in text for _, _, text in spans("quy-che-word")), "the added legal basis"


def test_ingest_never_replaces_an_existing_source_text_without_force(tmp_project, word):
    existing = tmp_project.root / "regulations" / "quy-che-mau.txt"
    existing.write_text("Một văn bản khác.\n", encoding="utf-8")
    run = tmp_project.run("ingest", "--slug", "quy-che-mau", str(word))
    assert run.code == 1 and "regulations/quy-che-mau.txt exists" in run.err and "--force" in run.err
    assert existing.read_text(encoding="utf-8") == "Một văn bản khác.\n"


def test_ingest_stdout_of_word_writes_nothing(tmp_project, word):
    run = tmp_project.run("ingest", "--stdout", "--slug", "quy-che-mau", str(word))
    assert run.code == 0 and run.out == ingest_text(as_text(regulation()), "quy-che-mau.txt", "quy-che-mau")
    assert not (tmp_project.root / "regulations" / "quy-che-mau.txt").exists()


# --- compare -----------------------------------------------------------------------------

def _draft() -> Doc:
    doc = regulation(amended=bold_italic("vào chiều thứ Sáu hằng tuần"))
    doc.paras.insert(15, Para([plain("Báo cáo quý gửi trước ngày 20 của tháng cuối quý.")], level=2))
    return doc


def _table_cells(path) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in Document(str(path)).tables[0].rows]


def test_compare_of_two_word_files_gives_the_diff_of_their_texts(tmp_path, tmp_project):
    old_w, new_w = write_docx(regulation(), tmp_path / "hien-hanh.docx"), write_docx(_draft(), tmp_path / "du-thao.docx")
    old_t, new_t = tmp_path / "hien-hanh.txt", tmp_path / "du-thao.txt"
    old_t.write_text(as_text(regulation()), encoding="utf-8")
    new_t.write_text(as_text(_draft()), encoding="utf-8")

    outputs = {}
    for kind, (a, b) in {"word": (old_w, new_w), "text": (old_t, new_t)}.items():
        html, table = tmp_path / f"{kind}.html", tmp_path / f"{kind}-bang.docx"
        run = tmp_project.run("compare", str(a), str(b), "-o", str(html), "--table", str(table))
        assert run.code == 0, run.err
        outputs[kind] = (re.sub(r"hien-hanh\.(txt|docx)|du-thao\.(txt|docx)", "F", html.read_text(encoding="utf-8")),
                         _table_cells(table))
    assert outputs["word"] == outputs["text"]
    page = outputs["word"][0]
    assert "<del>sáng thứ Hai</del>" in page and "<ins>chiều thứ Sáu</ins>" in page and "Báo cáo quý" in page


# --- tracked changes and comments --------------------------------------------------------

@pytest.fixture
def tracked(word):
    return with_tracked_change(word, deleted="ngày 25/11", inserted="ngày 30/11", where="ngày 25/11")


def test_a_draft_with_tracked_changes_is_refused_with_a_vietnamese_message(tmp_project, tracked):
    run = tmp_project.run("ingest", "--slug", "du-thao", str(tracked))
    assert run.code == 1 and "Traceback" not in run.err
    assert str(tracked) in run.err and "2 thay đổi được theo dõi" in run.err
    assert "--accept-changes" in run.err and "--reject-changes" in run.err
    assert not (tmp_project.root / "regulations" / "du-thao.txt").exists()
    assert not (tmp_project.root / "structured" / "du-thao.yaml").exists()


@pytest.mark.parametrize("flag,kept,gone", [("--accept-changes", "ngày 30/11", "ngày 25/11"),
                                            ("--reject-changes", "ngày 25/11", "ngày 30/11")],
                         ids=["accept", "reject"])
def test_a_draft_with_tracked_changes_is_read_accepted_or_rejected_when_asked(tmp_project, tracked, flag, kept, gone):
    run = tmp_project.run("ingest", flag, "--slug", "du-thao", str(tracked))
    assert run.code == 0, run.err
    text = (tmp_project.root / "regulations" / "du-thao.txt").read_text(encoding="utf-8")
    assert f"Báo cáo năm gửi trước {kept}." in text and gone not in text
    assert "2 thay đổi được theo dõi" in run.err


def test_compare_refuses_tracked_changes_too_and_reads_them_when_asked(tmp_path, tmp_project, word, tracked):
    out = tmp_path / "x.html"
    run = tmp_project.run("compare", str(word), str(tracked), "-o", str(out))
    assert run.code == 1 and "thay đổi được theo dõi" in run.err and not out.exists()
    run = tmp_project.run("compare", "--accept-changes", str(word), str(tracked), "-o", str(out))
    assert run.code == 0, run.err
    html = out.read_text(encoding="utf-8")
    assert "<del>25</del>" in html and "<ins>30</ins>" in html


def test_comments_are_left_out_and_said_so(tmp_project, tmp_path):
    word = Document()
    paragraph = word.add_paragraph("Điều 1. Phạm vi")
    word.add_comment(paragraph.runs, text="Đề nghị sửa lại tiêu đề", author="Phó Chánh Văn phòng")
    word.save(str(tmp_path / "binh-luan.docx"))
    result = read_docx(tmp_path / "binh-luan.docx")
    assert "Đề nghị" not in result.text and result.comments == 1
    run = tmp_project.run("ingest", "--stdout", str(tmp_path / "binh-luan.docx"))
    assert run.code == 0 and "bỏ qua 1 bình luận" in run.err


# --- files that are not (readable) Word files --------------------------------------------

def _encrypted(tmp_path, word):
    from msoffcrypto.format.ooxml import OOXMLFile
    out = tmp_path / "mat-khau.docx"
    with word.open("rb") as plain_file, out.open("wb") as handle:
        OOXMLFile(plain_file).encrypt("matkhau", handle)
    return out


def _truncated(tmp_path, word):
    out = tmp_path / "hong.docx"
    out.write_bytes(word.read_bytes()[: len(word.read_bytes()) // 2])
    return out


def _spreadsheet(tmp_path, word):
    from openpyxl import Workbook
    out = tmp_path / "bang-tinh.docx"
    Workbook().save(str(out))
    return out


def _text_named_docx(tmp_path, word):
    out = tmp_path / "van-ban.docx"
    out.write_text("Điều 1. Phạm vi\n", encoding="utf-8")
    return out


def _damaged_xml(tmp_path, word):
    out = tmp_path / "xml-hong.docx"
    with zipfile.ZipFile(word) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    return out


def _docx_renamed_txt(tmp_path, word):
    out = tmp_path / "that-ra-la-word.txt"
    out.write_bytes(word.read_bytes())
    return out


@pytest.mark.parametrize("make,expect", [
    (_encrypted, "bảo vệ bằng mật khẩu"),
    (_truncated, "không phải tệp Word .docx"),
    (_spreadsheet, "bảng tính Excel"),
    (_text_named_docx, "không phải tệp Word .docx"),
    (_damaged_xml, "bị hỏng"),
], ids=["password", "truncated", "xlsx", "text", "damaged-xml"])
def test_a_bad_word_file_is_a_clear_error_not_a_traceback(tmp_path, tmp_project, word, make, expect):
    bad = make(tmp_path, word)
    for args in (["ingest", str(bad)], ["compare", str(bad), str(word), "-o", str(tmp_path / "x.html")]):
        run = tmp_project.run(*args)
        assert run.code == 1, run.out
        assert str(bad) in run.err and expect in run.err and "Cần:" in run.err
        assert "Traceback" not in run.err
    with pytest.raises(WordProblem):
        read_docx(bad)


def test_a_word_file_named_txt_is_read_as_word(tmp_path, word):
    renamed = _docx_renamed_txt(tmp_path, word)
    assert regulation_from_text(renamed, "x").units == regulation_from_text(word, "x").units


# --- automatic numbering as Word computes it ---------------------------------------------

def _numbering(xml: str):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from quyche.ingest.word_numbering import Numbering
    return Numbering.from_part(parse_xml(f"<w:numbering {nsdecls('w')}>{xml}</w:numbering>"))


LEGAL = ('<w:abstractNum w:abstractNumId="1">'
         '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
         '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
         '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3."/></w:lvl>'
         '</w:abstractNum>')


def test_lists_sharing_a_definition_continue_and_a_start_override_restarts():
    numbering = _numbering(LEGAL + '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                           '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
                           '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                           '<w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    shown = [numbering.next_label(n, i)[0].strip() for n, i in
             [("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1), ("2", 0), ("1", 2), ("3", 0), ("3", 0)]]
    assert shown == ["1.", "a)", "b)", "2.", "a)", "3.", "3.1.", "1.", "2."]


def test_numbering_from_a_heading_style_is_visible_text(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from wordfiles import _add_lists

    word = Document()
    legal, _ = _add_lists(word)
    word.styles["Heading 2"].element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="{legal}"/></w:numPr>'))
    word.add_heading("Phạm vi", level=2)
    word.add_paragraph("Nội dung.")
    word.add_heading("Đối tượng", level=2)
    word.save(str(tmp_path / "kieu.docx"))
    paragraphs = read_docx(tmp_path / "kieu.docx").text.rstrip("\n").split("\n\n")
    assert paragraphs[0] == "## **Điều 1. Phạm vi**" and paragraphs[2] == "## **Điều 2. Đối tượng**"


def test_the_number_and_date_of_a_cited_text_are_not_taken_for_the_documents_own(word):
    meta = regulation_from_text(word, "x").metadata
    assert meta.number is None and meta.signed is None   # only "Căn cứ Quy định số 80-QĐ/TW, ngày 18/8/2022"
