"""The Bảng so sánh a drafter hands a leader, and the comparison page made for review."""
from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from quyche.comparison import load_all
from quyche.drafting_table import HEADERS_VERSIONS, build, docx_bytes, xlsx_bytes
from quyche.loader import Project, load_valid_corpus
from quyche.review import BOILERPLATE, CHANGED, RENUMBERED, UNCHANGED, counts, review_rows
from quyche.site.compare_page import compare_html
from support import ROOT as REPOSITORY, built_file, link

ROOT = Project(REPOSITORY)   # not Project.find(): pytest may run from any directory
CORPUS = {r.slug: r for r in load_valid_corpus(ROOT)}
OLD, NEW = CORPUS["dak-lak-vp-ubnd-2021"], CORPUS["dak-lak-vp-ubnd-2025"]
PAGE = "so-sanh/dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025.md"


@pytest.fixture(scope="module")
def spec():
    specs, problems = load_all(ROOT, CORPUS)
    assert not problems
    return next(s for s in specs if (s.old, s.new) == (OLD.slug, NEW.slug))


@pytest.fixture(scope="module")
def table(spec):
    return build(spec, OLD, NEW, HEADERS_VERSIONS)


@pytest.fixture(scope="module")
def word(table):
    return Document(io.BytesIO(docx_bytes(table)))


# --- which rows matter -------------------------------------------------------------------

def test_the_issuing_decision_recipients_and_signatures_are_boilerplate(spec):
    review = review_rows(spec, OLD, NEW)
    boiler = [i for r in review if r.status == BOILERPLATE for i in (*r.pair.old, *r.pair.new)]
    assert any(i.startswith("quyet-dinh") for i in boiler) and any("noi-nhan" in i for i in boiler)
    assert any(i.startswith("trang-web") for i in boiler)
    assert not any(i.startswith(("dieu-", "muc-b-")) for i in boiler)


def test_a_renumbered_unit_is_told_apart_from_a_changed_one(spec):
    review = {tuple(r.pair.new): r for r in review_rows(spec, OLD, NEW)}
    # 2021 B.I.1.3 became Điều 4 khoản 3 with the same words: renumbered only
    assert review[("dieu-4-khoan-3",)].status == RENUMBERED
    assert review[("dieu-19-khoan-2-gach-1",)].status == CHANGED


def test_counts_are_in_articles(spec):
    review = review_rows(spec, OLD, NEW)
    figures = counts(review, OLD, NEW)
    articles_2025 = sum(1 for u in NEW.walk() if u.kind == "dieu" and u.normative)   # not the decision's Điều 1–3
    assert figures.modified + figures.added + figures.renumbered + figures.unchanged == articles_2025
    assert figures.sentence().startswith(f"{figures.modified} điều sửa đổi, {figures.added} điều bổ sung, ")


# --- the Word table --------------------------------------------------------------------------

def test_word_table_is_landscape_a4_and_names_the_documents_not_files(word):
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)
    heading = "\n".join(p.text for p in word.paragraphs[:4])
    assert "BẢNG SO SÁNH" in heading and ".txt" not in heading
    assert "3232/QĐ-VPUBND, ngày 19/11/2021" in heading and "ngày 17/07/2025" in heading
    assert "Quy chế làm việc của Văn phòng Ủy ban nhân dân tỉnh Đắk Lắk" in heading


def test_word_table_repeats_its_heading_row_on_every_page(word):
    first = word.tables[0].rows[0]
    assert [c.text for c in first.cells] == list(HEADERS_VERSIONS)
    assert first._tr.trPr.find(qn("w:tblHeader")) is not None


def test_word_table_marks_added_and_removed_words_in_the_cells(word):
    row = next(r for r in word.tables[0].rows if r.cells[1].text.startswith("[gạch đầu dòng thứ nhất khoản 2 Điều 19]"))
    old_runs, new_runs = row.cells[0].paragraphs[1].runs, row.cells[1].paragraphs[1].runs
    struck = "".join(r.text for r in old_runs if r.font.strike)
    added = "".join(r.text for r in new_runs if r.bold and r.underline)
    assert "thứ Sáu" in struck and "25" in added
    assert not any(r.font.strike for r in new_runs) and not any(r.bold for r in old_runs)


def test_word_table_puts_changed_rows_first_and_folds_the_rest(word, table):
    notes = [r.cells[2].text.split("\n")[0] for r in word.tables[0].rows[1:]]
    changed = len(table.ordered()[CHANGED])
    assert "Giữ nguyên" not in notes[:changed] and "Đánh số lại" not in notes[:changed]
    folded = notes[changed:]
    assert len(folded) == sum(1 for s in (RENUMBERED, UNCHANGED, BOILERPLATE) if table.ordered()[s])
    assert any("ngoài nội dung" in n for n in folded)
    assert not any(r.cells[0].text.startswith("[Quyết định") for r in word.tables[0].rows)


# --- the Excel table -------------------------------------------------------------------------

def test_excel_table_has_a_row_per_unit_a_filter_and_print_titles(table):
    sheet = load_workbook(io.BytesIO(xlsx_bytes(table)), rich_text=True).active
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows.replace("$", "") == "6:6"
    assert sheet.auto_filter.ref.startswith("A6:D")
    kinds = [sheet.cell(r, 4).value for r in range(7, sheet.max_row + 1)]
    statuses = table.ordered()
    assert kinds.count("Có thay đổi") == len(statuses[CHANGED])
    assert kinds.count("Chỉ đánh số lại") == len(statuses[RENUMBERED])
    assert kinds.count("Ngoài nội dung quy chế") == 1
    giao_ban = next(r for r in range(7, sheet.max_row + 1) if str(sheet.cell(r, 2).value).startswith("[gạch đầu dòng thứ nhất khoản 2 Điều 19]"))
    blocks = sheet.cell(giao_ban, 2).value
    assert any(getattr(b, "font", None) is not None and b.font.b and b.font.u == "single" and "25" in b.text
               for b in blocks)


# --- the page ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def page(spec):
    return compare_html(spec, OLD, NEW, 2026, "../../old/", "../../new/",
                        table_hrefs={"docx": "bang.docx", "xlsx": "bang.xlsx"})


def test_the_page_folds_the_non_normative_blocks_into_one_row(page):
    rows = page[page.index('id="tung-don-vi"'):]
    assert rows.count('class="qc-cmp-row qc-cmp-unchanged qc-cmp-boilerplate"') == 1
    folded = rows[rows.index("qc-cmp-boilerplate"):]
    assert 'href="../../old/#quyet-dinh' in folded or 'href="../../new/#quyet-dinh' in folded


def test_the_filter_hides_renumbered_only_rows_too(page):
    assert re.search(r'<tbody class="qc-cmp-row qc-cmp-unchanged qc-cmp-renumbered" id="cap-dieu-4-khoan-3">', page)


def test_the_article_index_jumps_to_every_article_of_both_versions(page):
    ids = set(re.findall(r'id="([^"]+)"', page))
    index = page[page.index('class="qc-cmp-index"'):page.index("</nav>")]
    targets = re.findall(r'href="#([^"]+)"', index)
    assert set(targets) <= ids
    assert ">Điều 19<" in index and ">Điều 25<" in index and ">khoản 5 mục II phần B<" in index


def test_the_page_counts_in_articles_and_links_both_tables(page, spec):
    figures = counts(review_rows(spec, OLD, NEW), OLD, NEW)
    assert f"{figures.modified} điều sửa đổi, {figures.added} điều bổ sung" in page
    assert "từ thay đổi" not in page
    assert 'href="bang.docx"' in page and 'href="bang.xlsx"' in page


def test_printing_repeats_the_column_headings_and_keeps_pairs_together():
    from quyche.site.compare_page import CSS
    css = CSS.read_text(encoding="utf-8")
    printing = css[css.index("@media print"):]
    assert "thead { display: table-header-group; }" in printing and "tbody { break-inside: avoid; }" in printing


def test_the_site_publishes_both_tables_and_the_page_links_them(site):
    for suffix in ("docx", "xlsx"):
        assert (site / "xuat" / "so-sanh" / f"dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025.{suffix}").stat().st_size > 10_000
    html = built_file(site, PAGE).read_text(encoding="utf-8")
    for suffix in ("docx", "xlsx"):
        assert f'href="{link(PAGE, f"xuat/so-sanh/dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025.{suffix}")}"' in html


def test_an_added_legal_basis_is_a_row_while_the_motto_and_signature_block_stay_folded(tmp_path):
    from quyche.align import propose
    from quyche.drafts import regulation_from_text
    from wordfiles import Para, as_text, plain, regulation

    current, draft = regulation(), regulation()
    draft.paras.insert(2, Para([plain("Căn cứ Luật Tổ chức chính quyền địa phương;")]))
    draft.table[0][1][2] = "Trần Văn Khác"
    draft.paras.insert(0, Para([plain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]))
    (tmp_path / "a.txt").write_text(as_text(current), encoding="utf-8")
    (tmp_path / "b.txt").write_text(as_text(draft), encoding="utf-8")
    old, new = regulation_from_text(tmp_path / "a.txt", "a"), regulation_from_text(tmp_path / "b.txt", "b")
    review = review_rows(propose(old, new), old, new)
    changed = [" ".join(new.unit(i).plain for i in r.pair.new) for r in review if r.status == CHANGED]
    assert any("Căn cứ Luật Tổ chức chính quyền địa phương" in text for text in changed)
    assert not any("Trần Văn Khác" in text or "CỘNG HÒA" in text for text in changed)
    assert any(r.status == BOILERPLATE for r in review)
