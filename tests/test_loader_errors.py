"""Bad input gives problems with file:line, never a traceback, and exit code 1.

Most cases break a small, valid regulation written out below (MINI_YAML), so
every expected line number can be read off the text; a few use a real file.
"""
from __future__ import annotations

import shutil
import unicodedata

import pytest

from support import ROOT, TmpProject

MINI_SOURCE = """\
QUY CHẾ LÀM VIỆC MẪU

Văn phòng, ngày 17 tháng 7 năm 2025

**Điều 1. Phạm vi điều chỉnh**

1. Quy chế này quy định việc làm việc của Văn phòng.

2. Chánh Văn phòng chủ trì giao ban vào ngày 25 của tháng.
"""

MINI_YAML = """\
# yaml-language-server: $schema=regulation.schema.json
id: mau
metadata:
  title: Quy chế làm việc mẫu
  short_title: Mẫu
  issuing_body: Văn phòng
  document_type: Quy chế
  number: null
  signed: '2025-07-17'
  signed_quote: ngày 17 tháng 7 năm 2025
  signer: null
  signer_quote: null
  status: in_force
  relations: []
  source: regulations/mau.txt
  scheme: dieu
anomalies: []
defects: []
actors:
- id: chanh-van-phong
  name: Chánh Văn phòng
  kind: individual
facts:
- id: giao-ban
  type: meeting
  name: Giao ban
  source:
    unit: dieu-1-khoan-2
    quote: Chánh Văn phòng chủ trì giao ban vào ngày 25 của tháng
  chair: chanh-van-phong
  schedule:
    kind: rrule
    words: vào ngày 25 của tháng
    rrule: FREQ=MONTHLY;BYMONTHDAY=25
units:
- id: mo-dau
  kind: khoi
  role: header
  normative: false
  children:
  - id: mo-dau-doan-1
    kind: doan
    text: QUY CHẾ LÀM VIỆC MẪU
  - id: mo-dau-doan-2
    kind: doan
    text: Văn phòng, ngày 17 tháng 7 năm 2025
- id: dieu-1
  kind: dieu
  text: '**Điều 1. Phạm vi điều chỉnh**'
  children:
  - id: dieu-1-khoan-1
    kind: khoan
    text: 1. Quy chế này quy định việc làm việc của Văn phòng.
  - id: dieu-1-khoan-2
    kind: khoan
    text: 2. Chánh Văn phòng chủ trì giao ban vào ngày 25 của tháng.
"""

MINI = "structured/mau.yaml"


def line_of(fragment: str, text: str = MINI_YAML) -> int:
    assert text.count(fragment) == 1, f"{fragment!r} must occur once"
    return text[: text.index(fragment)].count("\n") + 1


@pytest.fixture
def mini(tmp_path, capsys) -> TmpProject:
    """A project holding one small valid regulation, `mau`."""
    root = tmp_path / "mini"
    (root / "regulations").mkdir(parents=True)
    (root / "structured").mkdir()
    shutil.copy(ROOT / "structured" / "regulation.schema.json", root / "structured")
    (root / "mkdocs.yml").write_text("", encoding="utf-8")
    (root / "regulations" / "mau.txt").write_text(MINI_SOURCE, encoding="utf-8")
    (root / "structured" / "mau.yaml").write_text(MINI_YAML, encoding="utf-8")
    return TmpProject(root, capsys)


def write(mini: TmpProject, text: str | bytes) -> None:
    path = mini.yaml_path("mau")
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def test_the_mini_regulation_passes(mini):
    run = mini.check()
    run.assert_ok()
    assert "mau: 100.0% of the source text covered" in run.out


# --- refused, with file:line ---------------------------------------------------------

def test_malformed_yaml(mini):
    broken = MINI_YAML.replace("  status: in_force\n", "  status: 'in_force\n")
    write(mini, broken)
    run = mini.check()
    assert run.code == 1
    problem = run.problem(f"{MINI}:", "malformed YAML")
    line = int(problem.split(":")[1])
    assert line >= line_of("  status:"), problem


def test_malformed_yaml_bad_indentation_names_its_line(mini):
    write(mini, MINI_YAML.replace("  short_title: Mẫu\n", "  short_title: Mẫu\n issuing: x\n"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  short_title: Mẫu') + 1}: malformed YAML")


def test_duplicate_key_names_both_lines(mini):
    write(mini, MINI_YAML.replace("  source: regulations/mau.txt\n",
                                  "  source: regulations/mau.txt\n  status: superseded\n"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  source: regulations/') + 1}: duplicate key 'status' (first at line {line_of('  status:')})")


def test_duplicate_key_in_a_unit(mini):
    unit_text = "    text: 1. Quy chế này quy định việc làm việc của Văn phòng.\n"
    write(mini, MINI_YAML.replace(unit_text, unit_text + "    kind: diem\n"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of(unit_text) + 1}: duplicate key 'kind' (first at line {line_of(unit_text) - 1})")


def test_unknown_key_names_the_allowed_keys(mini):
    unit_text = "    text: 1. Quy chế này quy định việc làm việc của Văn phòng.\n"
    write(mini, MINI_YAML.replace(unit_text, unit_text + "    colour: red\n"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of(unit_text) + 1}: unknown key 'colour' at units/1/children/0; "
                "expected one of: children, id, kind, normative, role, text, title")


def test_unknown_metadata_key(mini):
    write(mini, MINI_YAML.replace("  number: null\n", "  numero: null\n"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  number:')}: unknown key 'numero' at metadata; expected one of:", "number")


@pytest.mark.parametrize(("old", "new", "message"), [
    pytest.param("  status: in_force", "  status: active",
                 "metadata/status: 'active' is not allowed; expected one of: in_force | superseded", id="status"),
    pytest.param("  scheme: dieu", "  scheme: chapters",
                 "metadata/scheme: 'chapters' is not allowed; expected one of: dieu | outline", id="scheme"),
    pytest.param("    kind: khoan\n    text: 2.", "    kind: clause\n    text: 2.",
                 "units/1/children/1/kind: 'clause' is not allowed; expected one of: khoi | phan | chuong", id="kind"),
])
def test_wrong_enum_value_names_the_allowed_values(mini, old, new, message):
    write(mini, MINI_YAML.replace(old, new))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of(old)}: {message}")


@pytest.mark.parametrize("written", ["'2025-02-30'", "2025-02-30"], ids=["quoted", "bare"])
def test_impossible_date(mini, written):
    write(mini, MINI_YAML.replace("  signed: '2025-07-17'", f"  signed: {written}"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  signed:')}:", "2025-02-30")


def test_date_in_another_form(mini):
    write(mini, MINI_YAML.replace("  signed: '2025-07-17'", "  signed: 17/7/2025"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  signed:')}:", "metadata/signed", "17/7/2025")


def test_id_must_equal_the_file_name(mini):
    write(mini, MINI_YAML.replace("id: mau\n", "id: mau-khac\n"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('id: mau')}: id 'mau-khac' must equal the file name 'mau'")


def test_missing_source_file(mini):
    mini.source_path("mau").unlink()
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  source: regulations/')}: source file regulations/mau.txt does not exist")


def test_source_of_another_name(mini):
    (mini.root / "regulations" / "khac.txt").write_text(MINI_SOURCE, encoding="utf-8")
    write(mini, MINI_YAML.replace("  source: regulations/mau.txt", "  source: regulations/khac.txt"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  source: regulations/')}: source file must be named regulations/mau.txt")


def test_relation_to_an_unknown_slug(mini):
    write(mini, MINI_YAML.replace("  relations: []\n",
                                  "  relations:\n  - type: supersedes\n    target: khong-co\n"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  relations:') + 1}: relation points to 'khong-co', "
                "which is not a regulation in structured/")


def test_missing_required_key(mini):
    write(mini, MINI_YAML.replace("  scheme: dieu\n", ""))
    run = mini.check()
    assert run.code == 1
    # reported at the mapping's own line: its first key
    run.problem(f"{MINI}:{line_of('  title:')}: metadata: 'scheme' is a required property")


def test_a_unit_without_text(mini):
    write(mini, MINI_YAML.replace("    text: 1. Quy chế này quy định việc làm việc của Văn phòng.\n", ""))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  - id: dieu-1-khoan-1')}: units/1/children/0: 'text' is a required property")


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"], ids=["empty", "blank lines", "comment only"])
def test_empty_file(mini, text):
    write(mini, text)
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:1: file is empty; expected a regulation mapping")


def test_a_list_instead_of_a_mapping(mini):
    write(mini, "- id: mau\n")
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:1: expected a mapping with keys id, metadata, units")


def test_merge_keys_are_refused(mini):
    unit_text = "    text: 1. Quy chế này quy định việc làm việc của Văn phòng.\n"
    write(mini, MINI_YAML.replace("  - id: mo-dau-doan-1\n", "  - &first\n    id: mo-dau-doan-1\n").replace(
        unit_text, unit_text + "    <<: *first\n"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of(unit_text) + 2}: YAML merge keys (<<) are not allowed here")


def test_a_byte_that_is_not_utf8_is_reported_at_its_line(mini):
    """As when one line was pasted from a Latin-1 or Windows-1258 file."""
    data = MINI_YAML.encode("utf-8").replace("  short_title: Mẫu".encode("utf-8"), b"  short_title: M\xe3u")
    write(mini, data)
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  short_title:')}: file is not valid UTF-8")


def test_problems_in_several_files_are_all_reported(mini):
    """Collect all errors, then fail once."""
    (mini.root / "structured" / "khac.yaml").write_text("", encoding="utf-8")
    write(mini, MINI_YAML.replace("  status: in_force", "  status: active"))
    run = mini.check()
    assert run.code == 1
    run.problem("structured/khac.yaml:1: file is empty")
    run.problem(f"{MINI}:{line_of('  status:')}: metadata/status")
    assert "quyche check: 2 problem(s)" in run.err


# --- accepted --------------------------------------------------------------------------

def test_nfd_text_in_a_unit_passes(mini):
    nfd = "    text: " + unicodedata.normalize("NFD", "2. Chánh Văn phòng chủ trì giao ban vào ngày 25 của tháng.")
    write(mini, MINI_YAML.replace("    text: 2. Chánh Văn phòng chủ trì giao ban vào ngày 25 của tháng.", nfd))
    assert nfd.encode() in mini.yaml_path("mau").read_bytes()
    run = mini.check()
    run.assert_ok()


def test_nfd_text_in_a_real_unit_passes(tmp_project, corpus):
    slug = "dak-lak-vp-ubnd-2025"
    line = corpus[slug].unit("dieu-19-khoan-2-gach-1").text_line
    lines = tmp_project.only(slug).lines(slug)
    lines[line - 1] = unicodedata.normalize("NFD", lines[line - 1])
    tmp_project.write_lines(slug, lines)
    run = tmp_project.check()
    run.assert_ok()


def test_a_whole_real_file_in_nfd_passes(tmp_project):
    slug = "dak-lak-vp-ubnd-2025"
    path = tmp_project.only(slug).yaml_path(slug)
    text = path.read_text(encoding="utf-8")
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text, "precondition: the file really changed"
    run = tmp_project.check()
    run.assert_ok()


def test_a_byte_order_mark_is_accepted(mini):
    write(mini, b"\xef\xbb\xbf" + MINI_YAML.encode("utf-8"))
    run = mini.check()
    run.assert_ok()


def test_a_byte_order_mark_on_a_real_file_is_accepted(tmp_project):
    slug = "tra-vinh-dang-uy-khoi-2019"
    path = tmp_project.only(slug).yaml_path(slug)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    run = tmp_project.check()
    run.assert_ok()


def test_a_signed_quote_starting_with_a_capital_is_read(mini):
    (mini.root / "regulations" / "mau.txt").write_text(
        MINI_SOURCE.replace("Văn phòng, ngày 17", "Ngày 17"), encoding="utf-8")
    write(mini, MINI_YAML.replace("signed_quote: ngày 17", "signed_quote: Ngày 17").replace(
        "text: Văn phòng, ngày 17", "text: Ngày 17"))
    run = mini.check()
    run.assert_ok()


def test_windows_line_endings_are_accepted(mini):
    write(mini, MINI_YAML.replace("\n", "\r\n"))
    run = mini.check()
    run.assert_ok()


def test_lines_still_count_after_a_byte_order_mark(mini):
    write(mini, b"\xef\xbb\xbf" + MINI_YAML.replace("  status: in_force", "  status: active").encode("utf-8"))
    run = mini.check()
    assert run.code == 1
    run.problem(f"{MINI}:{line_of('  status:')}: metadata/status")
