"""`quyche check` catches every change to the data and says where: the issue's "done when".

Each test copies the project, breaks one thing in a YAML file the way an
editor might (textually, as in a text editor), runs
``quyche --root <copy> check`` and asserts: exit code 1, and a problem naming
``structured/<slug>.yaml:<line>``, the unit id, and what the source says.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from support import repo_corpus, yaml_block


def unit(slug: str, unit_id: str):
    regulations, _ = repo_corpus()
    return regulations[slug].unit(unit_id)


def source_line_of(slug: str, text: str) -> int:
    """The 1-based line of the source where a unit's (first line of) text stands."""
    regulations, _ = repo_corpus()
    lines = regulations[slug].source_text().split("\n")
    first = text.split("\n")[0].strip()
    hits = [i + 1 for i, line in enumerate(lines) if first in line]
    assert len(hits) == 1, f"{first!r} is on {len(hits)} source lines"
    return hits[0]


# --- one word or number changed in one unit's text ------------------------------

@dataclass(frozen=True)
class TextEdit:
    what: str           # the kind of edit, for the test id
    slug: str
    unit: str
    old: str            # words of the unit's text, as in the YAML
    new: str            # what the editor typed instead
    yaml_has: str       # the differing words as the report quotes them
    source_has: str

    @property
    def id(self) -> str:
        return f"{self.slug}/{self.unit}/{self.what}"


TEXT_EDITS = [
    TextEdit("digit", "dak-lak-vp-ubnd-2025", "dieu-19-khoan-2-gach-1", "ngày 25 của tháng", "ngày 26 của tháng", "26", "25"),
    TextEdit("diacritic-dropped", "dak-lak-vp-ubnd-2025", "dieu-4-khoan-2", "các Phó Chánh Văn phòng theo dõi",
             "các Phó Chanh Văn phòng theo dõi", "Chanh", "Chánh"),
    TextEdit("word-deleted", "tra-vinh-dang-uy-khoi-2019", "dieu-1-khoan-2", "xây dựng chương trình hành động",
             "xây dựng chương trình động", "(nothing)", "hành"),
    TextEdit("label-number", "tra-vinh-dang-uy-khoi-2019", "dieu-1-khoan-4", "4/- Quyết định", "5/- Quyết định", "5/-", "4/-"),
    TextEdit("diacritic-changed", "dien-bien-tinh-uy-2020-2025", "dieu-1-khoan-3-gach-1", "học tập lý luận",
             "học tập lí luận", "lí", "lý"),
    TextEdit("punctuation", "dien-bien-tinh-uy-2020-2025", "dieu-1-khoan-2", "Bộ Chính trị, Ban Bí thư",
             "Bộ Chính trị và Ban Bí thư", "trị và", "trị,"),
    TextEdit("word-added", "dak-lak-vp-ubnd-2021", "muc-a-1", "các Phó Chánh Văn phòng.", "các Phó Chánh Văn phòng tỉnh.",
             "phòng tỉnh.", "phòng."),
    TextEdit("case", "dak-lak-vp-ubnd-2021", "muc-b-i-1-3", "Quy chế làm việc của UBND tỉnh",
             "quy chế làm việc của UBND tỉnh", "quy", "Quy"),
]


@pytest.mark.parametrize("edit", TEXT_EDITS, ids=lambda e: e.id)
def test_a_changed_word_or_number_is_reported_at_its_yaml_line(tmp_project, edit):
    target = unit(edit.slug, edit.unit)
    assert "\n" not in target.text, "precondition: a one-line text, so its key line is the edited line"
    line = tmp_project.only(edit.slug).replace_on_line(edit.slug, target.text_line, edit.old, edit.new)
    src_line = source_line_of(edit.slug, target.text)

    run = tmp_project.check()

    assert run.code == 1
    problem = run.problem(f"structured/{edit.slug}.yaml:{line}: {edit.unit}: text differs from the source "
                          f"(regulations/{edit.slug}.txt:{src_line})")
    assert f'the YAML has "{edit.yaml_has}" where the source has "{edit.source_has}"' in problem


def test_the_issue_example_names_line_unit_and_source_text(tmp_project):
    """ "ngày 25 của tháng" -> "ngày 26 của tháng" in Điều 19 khoản 2, first dash item."""
    slug = "dak-lak-vp-ubnd-2025"
    tmp_project.only(slug)
    lines = tmp_project.lines(slug)
    changed = [i + 1 for i, text in enumerate(lines) if "ngày 25 của tháng" in text and "text:" in text]
    assert len(changed) == 1
    line = changed[0]
    start, _ = yaml_block(lines, "dieu-19-khoan-2-gach-1")
    assert start < line - 1 <= start + 2, "the edited text belongs to dieu-19-khoan-2-gach-1"
    tmp_project.replace_on_line(slug, line, "ngày 25 của tháng", "ngày 26 của tháng")

    run = tmp_project.check()

    assert run.code == 1
    problem = run.problem(f"structured/{slug}.yaml:{line}: dieu-19-khoan-2-gach-1:")
    assert '"26" where the source has "25"' in problem
    assert 'Source text: "- Tổ chức mỗi tháng một lần, vào ngày 25 của tháng' in problem
    # The text problem comes first; facts quoting the old words are reported too.
    assert run.problems[0] == problem
    assert all("quote not found in dieu-19-khoan-2-gach-1" in p for p in run.problems[1:])


# --- units deleted, repeated, reordered -----------------------------------------

def test_a_deleted_unit_is_reported_as_missing_source_text(tmp_project):
    slug, gone, after = "tra-vinh-dang-uy-khoi-2019", "dieu-1-khoan-3", "dieu-1-khoan-4"
    removed = tmp_project.only(slug).delete_unit(slug, gone)
    line = unit(slug, after).text_line - len(removed)

    run = tmp_project.check()

    assert run.code == 1
    problem = run.problem(f"structured/{slug}.yaml:{line}: {after}: source text is missing before this unit "
                          f"(regulations/{slug}.txt:{source_line_of(slug, unit(slug, gone).text)})")
    assert '"3/- Ban hành quy chế làm việc của Đảng ủy' in problem
    assert f"{slug}: 100.0%" not in run.out, "coverage drops"


def test_a_duplicated_unit_is_reported_as_duplicate_id_and_text(tmp_project):
    slug, twice = "dien-bien-tinh-uy-2020-2025", "dieu-1-khoan-2"
    original = unit(slug, twice)
    copy_line = tmp_project.only(slug).duplicate_unit(slug, twice)
    copy_text_line = copy_line + (original.text_line - original.line)

    run = tmp_project.check()

    assert run.code == 1
    run.problem(f"structured/{slug}.yaml:{copy_line}: {twice}: duplicate id (first at line {original.line})")
    run.problem(f"structured/{slug}.yaml:{copy_text_line}: {twice}: text duplicates or reorders source text "
                f"already covered at regulations/{slug}.txt:{source_line_of(slug, original.text)}")


def test_two_swapped_units_are_reported_as_reordered(tmp_project):
    slug, first, second = "dak-lak-vp-ubnd-2021", "muc-b-i-1-2", "muc-b-i-1-3"
    a, b = unit(slug, first), unit(slug, second)
    tmp_project.only(slug).swap_units(slug, first, second)
    # `first` now stands where `second` stood, shifted by the height of `second`'s block.
    first_text_line = a.text_line + (b.line - a.line)

    run = tmp_project.check()

    assert run.code == 1
    run.problem(f"structured/{slug}.yaml:", f"{second}: source text is missing before this unit",
                '"1.2. Phân công các Phó Chánh Văn phòng')
    run.problem(f"structured/{slug}.yaml:{first_text_line}: {first}: text duplicates or reorders source text "
                f"already covered at regulations/{slug}.txt:{source_line_of(slug, a.text)}")
    run.problem(f"{first}: numbering anomaly not recorded")


# --- anomalies, defects, metadata -------------------------------------------------

def anomaly_lines(tmp_project, slug: str, unit_id: str) -> tuple[int, int]:
    """0-based [start, end) of the anomaly item about ``unit_id``."""
    lines = tmp_project.lines(slug)
    at = [i for i, text in enumerate(lines) if text.strip() == f"unit: {unit_id}"]
    start = next(i for i in at if lines[i - 1].startswith("- kind: numbering_"))
    start -= 1
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    return start, end


def test_a_removed_anomaly_is_reported_as_not_recorded(tmp_project):
    slug = "dak-lak-vp-ubnd-2025"
    tmp_project.only(slug)
    lines = tmp_project.lines(slug)
    start, end = anomaly_lines(tmp_project, slug, "dieu-22")
    tmp_project.write_lines(slug, lines[:start] + lines[end:])

    run = tmp_project.check()

    assert run.code == 1
    problem = run.problem(f"structured/{slug}.yaml", "dieu-22: numbering anomaly not recorded")
    assert "{kind: numbering_gap, unit: dieu-22, expected: Điều 21, found: Điều 22}" in problem


def test_a_removed_anomaly_points_at_the_unit_line(tmp_project):
    slug = "dak-lak-vp-ubnd-2025"
    tmp_project.only(slug)
    lines = tmp_project.lines(slug)
    start, end = anomaly_lines(tmp_project, slug, "dieu-22")
    tmp_project.write_lines(slug, lines[:start] + lines[end:])
    line = unit(slug, "dieu-22").line - (end - start)

    run = tmp_project.check()

    run.problem(f"structured/{slug}.yaml:{line}: dieu-22: numbering anomaly not recorded")


def test_an_invented_anomaly_is_reported_as_not_in_the_text(tmp_project):
    slug = "dak-lak-vp-ubnd-2025"
    tmp_project.only(slug)
    start, _ = anomaly_lines(tmp_project, slug, "dieu-19")
    tmp_project.replace_from(slug, start + 1, "found: Điều 19", "found: Điều 20")

    run = tmp_project.check()

    assert run.code == 1
    run.problem(f"structured/{slug}.yaml:{start + 1}: dieu-19: recorded anomaly numbering_gap "
                "(Điều 18 → Điều 20) is not in the text")
    run.problem("dieu-19: numbering anomaly not recorded")


@dataclass(frozen=True)
class DefectEdit:
    what: str
    slug: str
    defect_unit: str
    old: str
    new: str
    message: str

    @property
    def id(self) -> str:
        return f"{self.slug}/{self.defect_unit}/{self.what}"


DEFECT_EDITS = [
    DefectEdit("span-letter", "tra-vinh-dang-uy-khoi-2019", "dieu-9-khoan-1-doan-3", "    việc,", "    viec,",
               "defect span is not in the source, byte for byte: 'làm\\n\\nviec,'"),
    DefectEdit("span-fixed", "dak-lak-vp-ubnd-2025", "dieu-23-khoan-3", "span: công văn đơn đốc", "span: công văn đôn đốc",
               "defect span is not in the source, byte for byte: 'công văn đôn đốc'"),
    DefectEdit("unknown-unit", "dien-bien-tinh-uy-2020-2025", "dieu-2-khoan-4-doan-1", "unit: dieu-2-khoan-4-doan-1",
               "unit: dieu-2-khoan-4-doan-9", "defect cites unknown unit 'dieu-2-khoan-4-doan-9'"),
    DefectEdit("wrong-unit", "dien-bien-tinh-uy-2020-2025", "dieu-2-khoan-4-doan-1", "unit: dieu-2-khoan-4-doan-1",
               "unit: dieu-1-khoan-2", "outside unit dieu-1-khoan-2"),
]


@pytest.mark.parametrize("edit", DEFECT_EDITS, ids=lambda e: e.id)
def test_a_defect_that_does_not_match_the_source_is_reported(tmp_project, edit):
    regulations, _ = repo_corpus()
    defect = next((d for d in regulations[edit.slug].defects if d.unit == edit.defect_unit), None)
    assert defect, f"precondition: {edit.slug} records a defect in {edit.defect_unit}"
    tmp_project.only(edit.slug).replace_from(edit.slug, defect.line, edit.old, edit.new)

    run = tmp_project.check()

    assert run.code == 1
    run.problem(f"structured/{edit.slug}.yaml:{defect.line}:", edit.message)


@pytest.mark.parametrize("slug", ["dak-lak-vp-ubnd-2025", "tra-vinh-dang-uy-khoi-2019", "dak-lak-vp-ubnd-2021"])
def test_an_altered_document_number_is_reported(tmp_project, slug):
    regulations, _ = repo_corpus()
    number = regulations[slug].metadata.number
    assert number, f"precondition: {slug} has a document number"
    altered = number.replace(number[0], "9" if number[0] != "9" else "8", 1)
    line = tmp_project.only(slug).replace_unique(slug, f"  number: {number}\n", f"  number: {altered}\n")

    run = tmp_project.check()

    assert run.code == 1
    run.problem(f"structured/{slug}.yaml:{line}: metadata number '{altered}' does not occur in the source")


def test_a_signed_date_that_contradicts_its_quote_is_reported(tmp_project):
    slug = "dak-lak-vp-ubnd-2025"
    line = tmp_project.only(slug).replace_unique(slug, "  signed: '2025-07-17'", "  signed: '2025-07-18'")

    run = tmp_project.check()

    assert run.code == 1
    run.problem(f"structured/{slug}.yaml:{line}: signed 2025-07-18 does not match signed_quote")


def test_a_one_sided_supersession_is_reported(tmp_project):
    """2025 supersedes 2021: the older text must say so too, and be marked superseded."""
    older = "dak-lak-vp-ubnd-2021"
    line = tmp_project.replace_unique(older, "  status: superseded\n", "  status: in_force\n")
    tmp_project.only(older)

    run = tmp_project.check()

    assert run.code == 1
    run.problem(f"structured/{older}.yaml:{line}: status must be 'superseded': dak-lak-vp-ubnd-2025 supersedes this text")


def test_an_ended_term_that_has_not_ended_is_reported(tmp_project):
    """'term_ended' is a reading of the term in the title: it must have ended."""
    slug = "tra-vinh-dang-uy-khoi-2019"
    tmp_project.only(slug).replace_unique(slug, "  term: khóa I, nhiệm kỳ 2015 - 2020\n",
                                          "  term: khóa I, nhiệm kỳ 2015 - 2099\n")
    text = tmp_project.yaml_path(slug).read_text(encoding="utf-8")
    line = text[: text.index("  status: term_ended")].count("\n") + 1

    run = tmp_project.check()

    assert run.code == 1
    run.problem(f"structured/{slug}.yaml:{line}: status 'term_ended', but the term (khóa I, nhiệm kỳ 2015 - 2099) "
                "runs until 2099")
