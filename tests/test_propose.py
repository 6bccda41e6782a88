"""Facts read by the machine: proposals, their review, and drafts compared in substance."""
from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys

import pytest

from quyche.loader import Project, load_file
from quyche.propose import items, parts, propose_actors, propose_facts, sentences

from support import ROOT, repo_corpus

CORPUS, _ = repo_corpus()
TRA_VINH = "tra-vinh-dang-uy-khoi-2019"


def _quyche(root, *args):
    return subprocess.run([sys.executable, "-m", "quyche.cli", "--root", str(root), *args],
                          capture_output=True, text=True, encoding="utf-8")


def _fresh(tmp_path, slug: str):
    """A copy of the project where one regulation has no facts, waivers or proposals."""
    for folder in ("regulations", "structured"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    path = tmp_path / "structured" / f"{slug}.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\nfacts:\n"), text.index("\nunits:\n")
    path.write_text(text[:start] + "\n" + text[end:], encoding="utf-8")
    return path


def test_a_clause_listing_items_is_cut_where_each_names_its_subject():
    sentence = ("Báo cáo hằng tháng gửi trước họp giao ban 02 ngày, báo cáo quý gửi trước ngày 20 tháng cuối quý, "
                "báo cáo 06 tháng gửi trước ngày 15/6")
    assert parts(sentence) == ["Báo cáo hằng tháng gửi trước họp giao ban 02 ngày",
                               "báo cáo quý gửi trước ngày 20 tháng cuối quý", "báo cáo 06 tháng gửi trước ngày 15/6"]
    assert parts("Tổ chức mỗi tháng một lần, vào ngày 25 của tháng") == ["Tổ chức mỗi tháng một lần, vào ngày 25 của tháng"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # invented, other offices' phrasing
    ("Giấy mời họp gửi trước ít nhất 05 ngày làm việc đối với kỳ họp thường lệ và trước 01 ngày đối với cuộc họp đột xuất.",
     [("Giấy mời họp gửi trước ít nhất 05 ngày làm việc đối với kỳ họp thường lệ", "", "kỳ họp thường lệ"),
      ("trước 01 ngày đối với cuộc họp đột xuất.", "Giấy mời họp gửi ", "cuộc họp đột xuất")]),
    ("Tài liệu trình Ủy ban gửi chậm nhất 07 ngày trước phiên họp đối với phiên họp thường kỳ, "
     "03 ngày trước phiên họp đối với phiên họp chuyên đề.",
     [("Tài liệu trình Ủy ban gửi chậm nhất 07 ngày trước phiên họp đối với phiên họp thường kỳ", "",
       "phiên họp thường kỳ"),
      ("03 ngày trước phiên họp đối với phiên họp chuyên đề.", "Tài liệu trình Ủy ban gửi ", "phiên họp chuyên đề")]),
    # the corpus (Điện Biên, Điều 25 khoản 3)
    ("văn phòng Tỉnh ủy gửi giấy mời và tài liệu hội nghị đến các thành viên trước kỳ họp 03 ngày, đối với hội nghị "
     "Tỉnh ủy và trước 02 ngày đối với hội nghị Ban Thường vụ Tỉnh ủy (trừ trường hợp hội nghị đột xuất).",
     [("văn phòng Tỉnh ủy gửi giấy mời và tài liệu hội nghị đến các thành viên trước kỳ họp 03 ngày, đối với hội "
       "nghị Tỉnh ủy", "", "hội nghị Tỉnh ủy"),
      ("trước 02 ngày đối với hội nghị Ban Thường vụ Tỉnh ủy (trừ trường hợp hội nghị đột xuất).",
       "văn phòng Tỉnh ủy gửi giấy mời và tài liệu hội nghị đến các thành viên ", "hội nghị Ban Thường vụ Tỉnh ủy")]),
    # not distributive: one time, and "với" naming a partner, not what the time applies to
    ("Chánh Văn phòng làm việc định kỳ hằng tháng với các phòng.",
     [("Chánh Văn phòng làm việc định kỳ hằng tháng với các phòng.", "", None)]),
])
def test_a_distributive_list_gives_each_time_what_it_applies_to_and_the_shared_subject(sentence, expected):
    assert [(p.text, p.context, p.applies_to) for p in items(sentence)] == expected


def test_each_item_of_a_distributive_list_is_a_lead_time_of_its_own_meeting():
    reg = CORPUS["dien-bien-tinh-uy-2020-2025"]
    blank = dataclasses.replace(reg, facts=(), proposals=(), waivers=(), _index={})
    found = [p for p in propose_facts(blank) if p.unit == "dieu-25-khoan-3" and p.type == "lead_time"]
    by_days = {p.days: p for p in found}
    assert by_days[3].meeting != by_days[2].meeting
    meetings = {p.id: p for p in propose_facts(blank) if p.type == "meeting"}
    assert "Ban Chấp hành" in meetings[by_days[3].meeting].name      # "hội nghị Tỉnh ủy": the Tỉnh ủy is its BCH
    assert "Ban Thường vụ" in meetings[by_days[2].meeting].name
    assert by_days[2].quote.startswith("trước 02 ngày") and by_days[2].quote in reg.unit("dieu-25-khoan-3").plain


def test_a_rule_whose_subject_coordinates_two_meetings_is_proposed_for_each():
    reg = CORPUS["dien-bien-tinh-uy-2020-2025"]
    blank = dataclasses.replace(reg, facts=(), proposals=(), waivers=(), _index={})
    proposed = propose_facts(blank)
    meetings = {p.id: p.name for p in proposed if p.type == "meeting"}
    quorums = [p for p in proposed if p.type == "quorum" and p.unit == "dieu-25-khoan-1"]
    assert sorted(meetings[q.meeting] for q in quorums) == ["Họp Ban Chấp hành Đảng bộ tỉnh", "Họp Ban Thường vụ Tỉnh ủy"]
    assert all("subject:coordinated" in q.rule and q.threshold == "ít nhất 2/3" for q in quorums)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hằng quý, các phòng gửi báo cáo về Văn phòng (riêng Phòng Tổng hợp gửi báo cáo tháng trước ngày 25 hằng tháng).",
     ["Hằng quý, các phòng gửi báo cáo về Văn phòng",
      "riêng Phòng Tổng hợp gửi báo cáo tháng trước ngày 25 hằng tháng)."]),
    ("Định kỳ hằng tháng, quý, 6 tháng, năm, các huyện ủy báo cáo với Ban Thường vụ (riêng lực lượng vũ trang tỉnh "
     "duy trì chế độ báo cáo tuần với Thường trực Tỉnh ủy).",
     ["Định kỳ hằng tháng, quý, 6 tháng, năm, các huyện ủy báo cáo với Ban Thường vụ",
      "riêng lực lượng vũ trang tỉnh duy trì chế độ báo cáo tuần với Thường trực Tỉnh ủy)."]),
    # a parenthesis that only says more of the same time stays with it
    ("Ban Thường vụ họp mỗi tháng một lần (vào tuần đầu của tháng).",
     ["Ban Thường vụ họp mỗi tháng một lần (vào tuần đầu của tháng)."]),
])
def test_a_parenthesis_naming_its_own_report_and_time_is_an_item_of_its_own(sentence, expected):
    assert parts(sentence) == expected


def test_sentences_split_at_full_stops_and_semicolons():
    assert [s for _, s in sentences("Một. Hai; ba: - bốn")] == ["Một.", "Hai;", "ba:", "- bốn"]


def test_proposals_for_a_text_without_facts_name_type_schedule_actors_and_quote():
    reg = CORPUS["dak-lak-vp-ubnd-2025"]
    blank = dataclasses.replace(reg, facts=(), waivers=(), _index={})
    found = {p.unit: p for p in propose_facts(blank)}
    giao_ban = found["dieu-19-khoan-2-gach-1"]
    assert giao_ban.type == "meeting"
    assert giao_ban.schedule["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=25"
    assert giao_ban.roles.get("chair") == "chanh-van-phong"
    assert giao_ban.quote in reg.unit("dieu-19-khoan-2-gach-1").plain
    quarterly = [p for p in propose_facts(blank) if p.unit == "dieu-22-khoan-2-doan-1"]
    assert {p.schedule.get("rrule") for p in quarterly} >= {"FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20",
                                                          "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15"}
    monthly = next(p for p in quarterly if p.schedule.get("kind") == "relative")
    assert monthly.schedule["relative_to"] == giao_ban.id and monthly.schedule["offset_days"] == -2
    assert all(p.rule.startswith("type:") for p in quarterly)


def test_actors_of_a_new_text_come_from_headings_member_lists_and_subjects():
    reg = CORPUS[TRA_VINH]
    blank = dataclasses.replace(reg, actors=(), facts=(), waivers=(), _index={})
    names = {a.name: a.rule for a in propose_actors(blank)}
    assert names.get("Ban Thường vụ Đảng ủy") or names.get("Ban Thường vụ"), names
    assert any(rule == "actor:heading" for rule in names.values())
    assert any(rule == "actor:subject" for rule in names.values())


def test_propose_writes_marked_proposals_never_touches_reviewed_data_and_is_idempotent(tmp_path):
    path = _fresh(tmp_path, "dak-lak-vp-ubnd-2025")
    before = path.read_text(encoding="utf-8")
    result = _quyche(tmp_path, "propose", "dak-lak-vp-ubnd-2025")
    assert result.returncode == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before[:before.index("\nactors:\n")])
    assert "review: proposed" in after and "# Máy đề xuất" in after
    # Every line of the reviewed file is still there, in order.
    kept = iter(after.splitlines())
    assert all(any(line == other for other in kept) for line in before.splitlines())
    again = _quyche(tmp_path, "propose", "dak-lak-vp-ubnd-2025")
    assert "0 fact(s)" in again.stdout and path.read_text(encoding="utf-8") == after
    check = _quyche(tmp_path, "check")
    assert "await review" in check.stdout
    reg, problems = load_file(path, Project(tmp_path))
    assert reg.facts == () and len(reg.proposals) >= 10
    assert not [p for p in problems if "proposed" in str(p)]


def test_accept_marks_proposals_reviewed_with_the_actors_they_name(tmp_path):
    path = _fresh(tmp_path, "dak-lak-vp-ubnd-2025")
    _quyche(tmp_path, "propose", "dak-lak-vp-ubnd-2025")
    reg, _ = load_file(path, Project(tmp_path))
    first = reg.proposals[0]
    result = _quyche(tmp_path, "accept", "dak-lak-vp-ubnd-2025", first.id)
    assert result.returncode == 0 and first.id in result.stdout
    reg, _ = load_file(path, Project(tmp_path))
    assert [f.id for f in reg.facts] == [first.id]
    assert first.id not in {f.id for f in reg.proposals}
    unknown = _quyche(tmp_path, "accept", "dak-lak-vp-ubnd-2025", "khong-co")
    assert unknown.returncode == 1 and "not a proposal" in unknown.stderr


def test_a_reviewed_fact_may_not_name_an_actor_still_proposed(tmp_path):
    path = _fresh(tmp_path, "dak-lak-vp-ubnd-2025")
    text = path.read_text(encoding="utf-8")
    text = text.replace("- id: van-phong-chinh-phu\n", "- id: van-phong-chinh-phu\n  review: proposed\n", 1)
    text = text.replace("\nunits:\n", "\nfacts:\n- id: thu\n  type: report\n  name: Thử\n  source:\n"
                        "    unit: dieu-12-khoan-1\n    quote: Văn phòng Chính phủ\n  to: [van-phong-chinh-phu]\n\nunits:\n", 1)
    path.write_text(text, encoding="utf-8")
    result = _quyche(tmp_path, "check")
    assert re.search(r"dak-lak-vp-ubnd-2025\.yaml:\d+: .*fact thu: to 'van-phong-chinh-phu' is still a proposal",
                     result.stderr), result.stderr


def test_compare_on_a_draft_lists_the_changed_weekday_count_and_lead_time(tmp_path):
    source = (ROOT / "regulations" / f"{TRA_VINH}.txt").read_text(encoding="utf-8")
    draft = source.replace("Hàng tuần vào ngày thứ hai, Thường trực", "Hàng tuần vào ngày thứ ba, Thường trực")
    draft = draft.replace("Ban Thường vụ họp định kỳ mỗi tháng 01 lần", "Ban Thường vụ họp định kỳ mỗi tháng 02 lần")
    draft = draft.replace("phải được gửi trước ít nhất 02 ngày", "phải được gửi trước ít nhất 03 ngày")
    assert draft.count("thứ ba, Thường trực") == 1
    (tmp_path / "hien-hanh.txt").write_text(source, encoding="utf-8")
    (tmp_path / "du-thao.txt").write_text(draft, encoding="utf-8")
    out = tmp_path / "so-sanh.html"
    result = subprocess.run([sys.executable, "-m", "quyche.cli", "compare", "hien-hanh.txt", "du-thao.txt", "-o", str(out)],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    summary = re.sub(r"<[^>]+>", " ", html[html.index('id="thay-doi-chinh"'):html.index('id="tung-don-vi"')])
    summary = re.sub(r"\s+", " ", summary)
    assert "ngày thứ hai» (52 lần trong năm" in summary and "ngày thứ ba»" in summary
    assert "mỗi tháng 01 lần" in summary and "mỗi tháng 02 lần" in summary
    assert "Số ngày: 2 → 3" in summary
    assert summary.count("máy đọc") >= 4          # every line marked, and the note
    assert summary.count(" Cũ: ") == 3, summary    # nothing else is said to have changed


def test_the_dak_lak_summary_names_renames_merges_and_changed_recipients(site):
    page = (site / "so-sanh" / "dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025" / "index.html")
    if not page.exists():
        page = next(site.glob("so-sanh/dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025*.html"))
    html = page.read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Hợp nhất: Phòng Hành chính - Tổ chức và Phòng Quản trị - Tài vụ → Phòng Hành chính - Quản trị" in text
    assert "Đổi tên: Phòng Kinh tế → Phòng Đầu tư - Kinh tế" in text
    # The merger is said once, not again as a change of who receives or does each thing.
    assert "Phòng Hành chính – Tổ chức → Phòng Hành chính – Quản trị" not in text
    assert "Nơi nhận: (không ghi) → Phòng Hành chính – Quản trị" in text           # 2025 names the recipient
    assert "Chủ trì: (không ghi) → Chánh Văn phòng" in text
    assert "Thành phần: lãnh đạo Văn phòng, lãnh đạo phòng → lãnh đạo Văn phòng, Trưởng phòng" in text
    assert "«Nửa tháng, quý, 06 tháng, 09 tháng và hằng năm" in text   # the rounds dropped in 2025
    assert "Nông nghiệp - Môi trường" not in text.split("Từng đơn vị")[0]   # written otherwise, not renamed


def test_a_new_version_carries_reviewed_facts_of_unchanged_clauses_and_proposes_the_rest(tmp_path):
    for folder in ("regulations", "structured"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    source = (ROOT / "regulations" / f"{TRA_VINH}.txt").read_text(encoding="utf-8")
    draft = source.replace("Ban Thường vụ họp định kỳ mỗi tháng 01 lần", "Ban Thường vụ họp định kỳ mỗi tháng 02 lần")
    (tmp_path / "regulations" / "tra-vinh-moi.txt").write_text(draft, encoding="utf-8")
    result = _quyche(tmp_path, "ingest", str(tmp_path / "regulations" / "tra-vinh-moi.txt"), "--supersedes", TRA_VINH)
    assert result.returncode == 0, result.stderr
    reg, problems = load_file(tmp_path / "structured" / "tra-vinh-moi.yaml", Project(tmp_path))
    old = CORPUS[TRA_VINH]
    assert len(reg.facts) >= len(old.facts) - 3
    assert "hop-ban-thuong-vu" not in {f.id for f in reg.facts}          # its clause changed
    again = next(p for p in reg.proposals if p.was == "hop-ban-thuong-vu")
    assert again.schedule.count == 2 and again.schedule.every == ("month",)
    assert len(reg.waivers) == len(old.waivers)
    assert (tmp_path / "structured" / "so-sanh" / f"{TRA_VINH}--tra-vinh-moi.yaml").is_file()
    check = _quyche(tmp_path, "check")
    own = [line for line in check.stderr.splitlines() if "tra-vinh-moi.yaml" in line]
    assert all("metadata" in line for line in own), own      # only the metadata left to fill in
    assert "status must be 'superseded'" in check.stderr


def test_a_fifth_regulation_nobody_annotated_goes_from_ingest_to_published_facts(tmp_path):
    """Another office's text, in its own words: ingest, propose, read, accept, check."""
    from quyche.exports import csv_rows, icalendar

    (tmp_path / "structured").mkdir()
    (tmp_path / "regulations").mkdir()
    shutil.copy(ROOT / "structured" / "regulation.schema.json", tmp_path / "structured")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    shutil.copy(ROOT / "tests" / "fixtures" / "so-noi-vu-quy-che-moi.txt", tmp_path / "regulations" / "so-noi-vu.txt")
    assert _quyche(tmp_path, "ingest", str(tmp_path / "regulations" / "so-noi-vu.txt")).returncode == 0
    path = tmp_path / "structured" / "so-noi-vu.yaml"
    text = path.read_text(encoding="utf-8").replace("short_title: 'TODO: điền'", "short_title: Sở Nội vụ")
    path.write_text(text.replace("issuing_body: 'TODO: điền'", "issuing_body: Sở Nội vụ tỉnh Hòa Bình"), encoding="utf-8")
    result = _quyche(tmp_path, "propose", "so-noi-vu")
    assert result.returncode == 0, result.stderr
    reg, _ = load_file(path, Project(tmp_path))
    by_unit = {f.source.unit: f for f in reg.proposals}
    weekly = by_unit["dieu-2-khoan-2"]
    assert (weekly.type, weekly.chair, weekly.schedule.rrule) == ("meeting", "giam-doc-so", "FREQ=WEEKLY;BYDAY=MO")
    assert by_unit["dieu-5-khoan-1"].schedule.rrule == "FREQ=MONTHLY;BYDAY=-1FR"
    assert by_unit["dieu-5-khoan-2"].days == 2 and by_unit["dieu-5-khoan-2"].meeting == by_unit["dieu-5-khoan-1"].id
    assert by_unit["dieu-6-khoan-1"].schedule.months == (7,) and "dự kiến" in by_unit["dieu-6-khoan-1"].schedule.hedges
    assert by_unit["dieu-6-khoan-3"].schedule.window == "quarter"
    monthly = by_unit["dieu-4-khoan-2"]
    assert (monthly.senders, monthly.receivers, monthly.schedule.due) == (("truong-phong",), ("van-phong-so",), "before")
    assert by_unit["dieu-7-khoan-3"].threshold == "quá nửa"
    assert _quyche(tmp_path, "accept", "so-noi-vu").returncode == 0
    check = _quyche(tmp_path, "check")
    assert check.returncode == 0, check.stderr
    reg, _ = load_file(path, Project(tmp_path))
    assert len(csv_rows(reg, "https://example.org")) >= 8
    assert icalendar(reg, list(reg.facts), "x", "https://example.org", range(2026, 2028)).count(b"BEGIN:VEVENT") >= 5
