"""Comparing versions: a reviewed alignment, a page that shows every unit once, a drafter's command."""
from __future__ import annotations

import csv
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quyche.align import propose, text_units
from quyche.cli import main
from quyche.comparison import load_all
from quyche.loader import Project, load_valid_corpus
from quyche.site.compare_page import compare_html
from quyche.worddiff import word_diff

from support import ROOT as REPO

ROOT = Project(REPO)
CORPUS = {r.slug: r for r in load_valid_corpus(ROOT)}
OLD, NEW = CORPUS["dak-lak-vp-ubnd-2021"], CORPUS["dak-lak-vp-ubnd-2025"]


@pytest.fixture(scope="module")
def spec():
    specs, problems = load_all(ROOT, CORPUS)
    assert not problems, [str(p) for p in problems]
    return next(s for s in specs if (s.old, s.new) == (OLD.slug, NEW.slug))


@pytest.fixture(scope="module")
def page(spec) -> str:
    return compare_html(spec, OLD, NEW, 2026, "../../old/", "../../new/")


# --- the word diff ---------------------------------------------------------------------

def test_diff_is_by_syllable_not_by_character():
    diff = word_diff("vào ngày 25 của tháng", "vào ngày 26 của tháng")
    assert [(op, list(words)) for op, words in diff.ops if op] == [(-1, ["25"]), (1, ["26"])]


def test_whitespace_only_changes_are_not_changes():
    assert word_diff("Chánh  Văn\nphòng   chủ trì", "Chánh Văn phòng chủ trì").is_equal


def test_nfd_and_nfc_text_are_the_same_words():
    import unicodedata
    text = "Phó Chánh Văn phòng được ủy quyền"
    assert word_diff(text, unicodedata.normalize("NFD", text)).is_equal


# --- the reviewed spec -------------------------------------------------------------------

@pytest.mark.parametrize("reg,side", [(OLD, "old"), (NEW, "new")], ids=["2021", "2025"])
def test_every_unit_of_both_versions_is_accounted_for_exactly_once(spec, reg, side):
    listed = [i for p in spec.pairs for i in getattr(p, side)]
    assert sorted(listed) == sorted(u.id for u in text_units(reg))


def test_the_giao_ban_clauses_are_paired_by_a_person(spec):
    pair = next(p for p in spec.pairs if "dieu-19-khoan-2-gach-1" in p.new)
    assert pair.old == ["muc-b-ii-5-1-a"] and pair.type == "modified" and pair.match == "manual" and pair.reason


def _tmp_spec_project(tmp_path) -> Path:
    for name in ("regulations", "structured"):
        shutil.copytree(ROOT.root / name, tmp_path / name)
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
    return tmp_path / "structured" / "so-sanh" / f"{OLD.slug}--{NEW.slug}.yaml"


@pytest.mark.parametrize("edit,expect", [
    (lambda t: t.replace("- old: muc-b-ii-8-4\n", "- old: muc-b-ii-8-3\n", 1), "accounted for twice"),
    (lambda t: re.sub(r"- old: muc-b-ii-8-4\n(  .*\n)+", "", t, count=1), "is in no pair"),
    (lambda t: t.replace("  reason: 'Cùng quy định thời gian", "  note: 'Cùng quy định thời gian", 1), "unknown key 'note'"),
    (lambda t: re.sub(r"(- old: muc-b-ii-5-1-a\n  new: dieu-19-khoan-2-gach-1\n  type: modified\n  match: manual\n  similarity: [0-9.]+\n)  reason: .*\n",
                      r"\1", t, count=1), "below the floor"),
], ids=["duplicate", "missing", "unknown-key", "no-reason"])
def test_a_broken_spec_fails_the_check_with_its_line(tmp_path, capsys, edit, expect):
    path = _tmp_spec_project(tmp_path)
    text = path.read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text, "the edit must apply"
    path.write_text(changed, encoding="utf-8")
    assert main(["--root", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err
    assert f"structured/so-sanh/{OLD.slug}--{NEW.slug}.yaml:" in err and expect in err


def test_align_never_overwrites_a_reviewed_spec(tmp_path, capsys):
    path = _tmp_spec_project(tmp_path)
    before = path.read_bytes()
    assert main(["--root", str(tmp_path), "align", OLD.slug, NEW.slug]) == 1
    assert path.read_bytes() == before
    assert "--force" in capsys.readouterr().err


# --- the page ------------------------------------------------------------------------------

def test_the_summary_opens_with_the_giao_ban_change(page):
    summary = page[page.index('id="thay-doi-chinh"'):page.index('id="tung-don-vi"')]
    first = summary[summary.index("<li>"):summary.index("</ul>")]   # the first item and its changes
    assert "Hội nghị giao ban Văn phòng" in first
    assert "thứ Sáu của tuần thứ hai và tuần thứ tư" in first and "24 lần" in first
    assert "vào ngày 25 của tháng" in first and "12 lần" in first
    assert 'href="../../old/#muc-b-ii-5-1-a"' in first and 'href="../../new/#dieu-19-khoan-2-gach-1"' in first


def test_the_annual_report_deadline_change_is_in_the_summary(page):
    summary = page[page.index('id="thay-doi-chinh"'):page.index('id="tung-don-vi"')]
    assert "trước ngày 30/11" in summary and "trước ngày 25/11" in summary


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href", ""))


@pytest.mark.parametrize("reg,prefix", [(OLD, "../../old/#"), (NEW, "../../new/#")], ids=["2021", "2025"])
def test_every_unit_appears_exactly_once_side_by_side(page, reg, prefix):
    rows = page[page.index('id="tung-don-vi"'):]
    parser = _Links()
    parser.feed(rows)
    cited = [h[len(prefix):] for h in parser.hrefs if h.startswith(prefix)]
    assert sorted(cited) == sorted(u.id for u in text_units(reg))


def test_changed_words_are_marked_and_unchanged_units_collapsed(page):
    assert "<del>" in page and "<ins>" in page
    assert 'class="qc-cmp-same qc-cmp-unchanged"' in page
    assert 'id="qc-only-changed"' in page


MERGES_2021_2025 = [
    (["muc-b-i-2-3", "muc-b-i-2-4"], "dieu-5-khoan-3"),   # two kiêm nhiệm posts, one clause
    (["muc-b-i-3-2", "muc-b-i-3-3"], "dieu-6-khoan-2"),   # Trưởng phòng: duties + coordination
    (["muc-b-i-6-2", "muc-b-i-6-3"], "dieu-9-khoan-2"),   # the reporting sentence moved to the end
]


def test_the_proposer_finds_the_merges_a_reviewer_found_and_the_reverse_splits():
    merged = {(tuple(p.old), p.new[0]) for p in propose(OLD, NEW).pairs if p.type == "merged"}
    split = {(p.old[0], tuple(p.new)) for p in propose(NEW, OLD).pairs if p.type == "split"}
    assert merged == {(tuple(o), n) for o, n in MERGES_2021_2025}
    assert split == {(n, tuple(o)) for o, n in MERGES_2021_2025}


def test_the_reviewed_spec_records_the_merges(spec):
    recorded = {(tuple(p.old), tuple(p.new)) for p in spec.pairs if p.type == "merged"}
    assert recorded == {(tuple(o), (n,)) for o, n in MERGES_2021_2025}


def test_a_leftover_clause_whose_words_went_nowhere_is_not_merged_into_a_neighbour():
    """2021 mục B.II.3.4 (Phòng Tổng hợp theo dõi, đôn đốc…) stands next to 3.3, which pairs
    with 2025 Điều 17.2; fewer than half of 3.4's own words are there, so it stays removed."""
    pairs = propose(OLD, NEW).pairs
    assert next(p for p in pairs if "muc-b-ii-3-3" in p.old).old == ["muc-b-ii-3-3"]
    assert next(p for p in pairs if "muc-b-ii-3-4" in p.old).type == "removed"


# --- the drafter's command -------------------------------------------------------------------

@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> Path:
    """The 2025 text with a new Điều 4 inserted, later articles renumbered, one date changed."""
    src = NEW.source_path.read_text(encoding="utf-8")
    start = src.index("**Chương I**")
    body = re.sub(r"(Điều )(\d+)\.", lambda m: f"{m.group(1)}{int(m.group(2)) + (int(m.group(2)) >= 4)}.",
                  src[start:])
    body = body.replace("**Điều 5. Trách nhiệm", "**Điều 4. Bảo mật thông tin**\n\n1. Công chức, viên chức "
                        "phải giữ bí mật thông tin theo quy định.\n\n**Điều 5. Trách nhiệm", 1)
    body = body.replace("vào ngày 25 của tháng", "vào ngày 20 của tháng")
    path = tmp_path_factory.mktemp("draft") / "du-thao.txt"
    path.write_text(src[:start] + body, encoding="utf-8")
    return path


def test_compare_pairs_renumbered_articles_and_marks_the_inserted_one(draft, tmp_path):
    from quyche.drafts import regulation_from_text
    old, new = regulation_from_text(NEW.source_path, "cu"), regulation_from_text(draft, "moi")
    alignment = propose(old, new)
    by_old = {p.old[0]: p for p in alignment.pairs if len(p.old) == 1}
    assert by_old["dieu-4"].new == ["dieu-5"] and by_old["dieu-4"].type == "renumbered"
    assert by_old["dieu-19"].new == ["dieu-20"]
    added = [p.new[0] for p in alignment.pairs if p.type == "added"]
    assert "dieu-4" in added and "dieu-4-khoan-1" in added
    giao_ban = by_old["dieu-19-khoan-2-gach-1"]
    assert giao_ban.new == ["dieu-20-khoan-2-gach-1"]
    diff = word_diff(old.unit("dieu-19-khoan-2-gach-1").text, new.unit("dieu-20-khoan-2-gach-1").text)
    assert [(op, list(w)) for op, w in diff.ops if op] == [(-1, ["25"]), (1, ["20"])]


def test_compare_writes_one_self_contained_html_file_and_the_tables(draft, tmp_path, capsys):
    out, table_csv, table_docx = tmp_path / "so-sanh.html", tmp_path / "bang.csv", tmp_path / "bang.docx"
    assert main(["compare", str(NEW.source_path), str(draft), "-o", str(out), "--table", str(table_csv)]) == 0
    assert main(["compare", str(NEW.source_path), str(draft), "-o", str(out), "--table", str(table_docx)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert not re.search(r'(src|href)="(https?:)?//', html), "no request to another host"
    assert "<script" not in html
    # printed, every page names both texts and its number (CSS margin boxes, no script)
    assert re.search(r'@page \{ @top-left \{ content: "So sánh: [^"]+ → [^"]+"; \}', html)
    assert 'counter(page) "/" counter(pages)' in html and "qc-print" not in html
    with table_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Quy định hiện hành", "Dự thảo", "Thuyết minh"]
    # Each cell says where its text stands; "Thuyết minh" starts with the kind of change.
    assert ["", "[Điều 4]\nĐiều 4. Bảo mật thông tin", "Bổ sung"] in rows
    giao_ban = next(r for r in rows if r[0].startswith("[gạch đầu dòng thứ nhất khoản 2 Điều 19]\n"))
    assert giao_ban[1].startswith("[gạch đầu dòng thứ nhất khoản 2 Điều 20]\n- Tổ chức mỗi tháng một lần, vào ngày 20 của tháng")
    assert giao_ban[2] == "Sửa đổi"
    from docx import Document
    table = Document(str(table_docx)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Quy định hiện hành", "Dự thảo", "Thuyết minh"]
    added = next(r for r in table.rows if r.cells[1].text.startswith("[Điều 4]"))
    assert [p.text for p in added.cells[1].paragraphs] == ["[Điều 4]", "Điều 4. Bảo mật thông tin"]
    assert added.cells[1].paragraphs[0].runs[0].italic and added.cells[2].text == "Bổ sung"


def test_compare_works_on_the_outline_format_of_2021(tmp_path):
    """A draft of the 2021 text (A./I./1./1.1./a) numbering) that moves the giao ban:
    exactly one row, at Mục B.II.5.1.a on both sides."""
    src = OLD.source_path.read_text(encoding="utf-8")
    draft = tmp_path / "du-thao-2021.txt"
    draft.write_text(src.replace("thứ Sáu của tuần thứ hai và tuần thứ tư", "thứ Hai của tuần thứ nhất và tuần thứ ba"),
                     encoding="utf-8")
    table = tmp_path / "bang.csv"
    assert main(["compare", str(OLD.source_path), str(draft), "-o", str(tmp_path / "x.html"), "--table", str(table)]) == 0
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    assert len(rows) == 1
    old_cell, new_cell, note = rows[0]
    assert old_cell.startswith("[điểm a khoản 5.1 mục II phần B]\na) Thời gian tổ chức vào các ngày thứ Sáu")
    assert new_cell.startswith("[điểm a khoản 5.1 mục II phần B]\na) Thời gian tổ chức vào các ngày thứ Hai") and note == "Sửa đổi"


def test_compare_reports_a_missing_file_without_a_traceback(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "khong-co.txt"), str(NEW.source_path), "-o", str(tmp_path / "x.html")]) == 1
    err = capsys.readouterr().err
    assert "no such file" in err and "Traceback" not in err
