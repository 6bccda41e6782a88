"""Grounded facts: every fact checked against its clause, complete, and exported faithfully."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
import recurring_ical_events
from icalendar import Calendar

from quyche import fact_types
from quyche.check import run_check
from quyche.exports import csv_bytes, icalendar, json_bytes
from quyche.facts_check import check_facts
from quyche.loader import Project, load_valid_corpus
from quyche.schedule import dates, windows
from support import built_file

from support import ROOT as REPO


ROOT = Project(REPO)
CORPUS = {r.slug: r for r in load_valid_corpus(ROOT)}
FACTS = [(reg, fact) for reg in CORPUS.values() for fact in reg.facts]
YEARS = range(2026, 2028)


@pytest.fixture(scope="module")
def fact_problems():
    return {slug: check_facts(reg, ROOT.shown(reg.path)) for slug, reg in CORPUS.items()}


@pytest.mark.parametrize("reg", CORPUS.values(), ids=lambda r: r.slug)
def test_every_regulation_has_actors_and_facts(reg):
    assert reg.actors and reg.facts


@pytest.mark.parametrize("reg,fact", FACTS, ids=[f"{r.slug}/{f.id}" for r, f in FACTS])
def test_fact_is_grounded_in_its_clause(reg, fact, fact_problems):
    problems, _ = fact_problems[reg.slug]
    mine = [str(p) for p in problems if f"fact {fact.id}:" in p.message]
    assert not mine


@pytest.mark.parametrize("reg", CORPUS.values(), ids=lambda r: r.slug)
def test_every_clause_with_a_schedule_is_covered_or_waived(reg, fact_problems):
    problems, completeness = fact_problems[reg.slug]
    assert completeness.needed > 0
    assert completeness.percent == 100.0, [str(p) for p in problems if "schedule expression" in p.message]


def test_the_whole_check_passes():
    report = run_check(ROOT)
    assert not report.problems, "\n".join(map(str, report.problems[:20]))


def _ics_dates(reg, fact_id: str, year: int) -> list[dt.date]:
    cal = Calendar.from_ical(icalendar(reg, list(reg.facts), reg.metadata.short_title, "https://example.org", YEARS))
    events = recurring_ical_events.of(cal).between(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
    return sorted({e.decoded("dtstart") for e in events if str(e["uid"]).startswith(f"{fact_id}@")})


def test_2021_giao_ban_falls_on_the_fridays_of_weeks_2_and_4_in_2026():
    got = _ics_dates(CORPUS["dak-lak-vp-ubnd-2021"], "giao-ban-van-phong", 2026)
    fridays = [dt.date(2026, m, 1) + dt.timedelta(days=d) for m in range(1, 13) for d in range(31)
               if (dt.date(2026, m, 1) + dt.timedelta(days=d)).month == m
               and (dt.date(2026, m, 1) + dt.timedelta(days=d)).weekday() == 4]
    expected = sorted(d for d in fridays if (d.day - 1) // 7 in (1, 3))
    assert got == expected and len(got) == 24


def test_2025_giao_ban_falls_on_the_25th_of_each_month_in_2026():
    got = _ics_dates(CORPUS["dak-lak-vp-ubnd-2025"], "giao-ban-van-phong", 2026)
    assert got == [dt.date(2026, m, 25) for m in range(1, 13)]


@pytest.mark.parametrize("reg", CORPUS.values(), ids=lambda r: r.slug)
def test_icalendar_export_is_valid_and_agrees_with_the_pages(reg):
    cal = Calendar.from_ical(icalendar(reg, list(reg.facts), "x", "https://example.org", YEARS))
    assert cal["version"] == "2.0" and cal["prodid"]
    for event in cal.walk("VEVENT"):
        assert event["uid"] and event["dtstamp"] and event["dtstart"] and event["summary"]
        fact = reg.fact(str(event["uid"]).split("@")[0])
        assert fact.source.quote in str(event["description"])   # names and quotes its clause
    expanded = recurring_ical_events.of(cal).between(dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    # Month and quarter windows are one event each ("…@slug.quyche/2026-07"), days are rules.
    days = [e for e in expanded if "/" not in str(e["uid"])]
    from_ics = sorted((str(e["uid"]).split("@")[0], e.decoded("dtstart")) for e in days)
    from_model = sorted((f.id, d) for f in reg.facts for d in dates(reg, f, dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    assert from_ics == from_model
    in_windows = sorted((str(e["uid"]).split("@")[0], e.decoded("dtstart")) for e in expanded if "/" in str(e["uid"]))
    assert in_windows == sorted((f.id, w.first) for f in reg.facts
                                for w in windows(reg, f, dt.date(2026, 1, 1), dt.date(2026, 12, 31)))


def test_csv_export_opens_in_excel_with_vietnamese_intact():
    data = csv_bytes(list(CORPUS.values()), "https://example.org")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "Văn bản"
    # Every fact a reader plans by: all but duties, and duties too when the text gives them a cadence.
    assert len(rows) - 1 == sum(1 for _, f in FACTS if fact_types.is_listed(f))
    assert any(r[2] == fact_types.label("duty") for r in rows[1:])


def test_json_export_holds_every_fact_with_its_citation():
    data = json.loads(json_bytes(list(CORPUS.values()), "https://example.org"))
    exported = {(r["slug"], f["id"]) for r in data["regulations"] for f in r["facts"]}
    assert exported == {(r.slug, f.id) for r, f in FACTS}
    assert all(f["source"]["quote"] for r in data["regulations"] for f in r["facts"])


# --- A wrong fact fails the check, naming file, line and what the source says ---

def _mutate(tmp_project, slug, old, new):
    path = tmp_project.yaml_path(slug)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {slug}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


@pytest.mark.parametrize("old,new,expect", [
    ("rrule: FREQ=MONTHLY;BYMONTHDAY=25", "rrule: FREQ=MONTHLY;BYMONTHDAY=26", "26"),
    ("chair: chanh-van-phong", "chair: van-phong-chinh-phu", "not named"),
    ("quote: Tổ chức mỗi tháng một lần, vào ngày 25 của tháng", "quote: Tổ chức mỗi tháng hai lần, vào ngày 25 của tháng", "quote not found"),
], ids=["day", "actor", "quote"])
def test_a_wrong_fact_fails_with_file_line_and_the_source(tmp_project, capsys, old, new, expect):
    slug = "dak-lak-vp-ubnd-2025"
    line = _mutate(tmp_project.only(slug), slug, old, new)
    run = tmp_project.check()
    code, err = run.code, run.err
    assert code == 1
    assert f"structured/{slug}.yaml:" in err and expect in err
    assert any(f"structured/{slug}.yaml:{n}:" in err for n in range(line - 12, line + 1))
    assert "giao-ban-van-phong" in err
    assert "Traceback" not in err


def test_an_actor_named_only_inside_a_longer_title_is_not_named(tmp_project):
    """Điều 5 of 2025 is about the "Phó Chánh Văn phòng"; "Chánh Văn phòng" is there
    only as part of that title, so a duty there owned by the Chánh Văn phòng fails."""
    slug = "dak-lak-vp-ubnd-2025"
    old = ("    quote: Trách nhiệm, quyền hạn, phạm vi giải quyết công việc của Phó Chánh Văn phòng\n"
           "  owner: pho-chanh-van-phong")
    line = _mutate(tmp_project.only(slug), slug, old, old.replace("owner: pho-chanh-van-phong",
                                                                    "owner: chanh-van-phong"))
    run = tmp_project.check()
    assert run.code == 1
    assert f"structured/{slug}.yaml:{line + 1}: dieu-5: fact nhiem-vu-pho-chanh-van-phong: owner " \
           f"'chanh-van-phong' (Chánh Văn phòng) is not named in dieu-5" in run.err


def test_a_reporting_line_may_take_one_post_from_the_article_heading_but_not_both(tmp_project):
    """Trà Vinh Dieu 1 lists what the Ban Chấp hành does ("Xem xét báo cáo … của Ủy ban
    Kiểm tra Đảng ủy"): the receiver comes from the heading. A line whose answering
    post is named in neither the clause nor the heading fails."""
    slug = "tra-vinh-dang-uy-khoi-2019"
    assert tmp_project.only(slug).check().code == 0
    old = ("- id: uy-ban-kiem-tra\n  name: Ủy ban Kiểm tra Đảng ủy\n  kind: collective\n"
           "  group: advisory_body\n  reports_to:\n  - actor: ban-chap-hanh")
    line = _mutate(tmp_project, slug, old, old.replace("- actor: ban-chap-hanh", "- actor: tinh-uy"))
    run = tmp_project.check()
    assert run.code == 1
    assert f"structured/{slug}.yaml:{line + 8}: dieu-1-khoan-8: actor uy-ban-kiem-tra: reporting line " \
           f"cites dieu-1-khoan-8, which does not name Tỉnh ủy" in run.err


def test_a_deadline_before_a_date_is_not_shown_as_due_on_it(site):
    """2025 Điều 22.2: the annual report is due "trước ngày 25/11". The calendar, the role
    card and the iCalendar event on 25/11 all say the date is a limit to be met before."""
    reg = CORPUS["dak-lak-vp-ubnd-2025"]
    assert reg.fact("bao-cao-nam").schedule.due == "before"
    calendar = built_file(site, f"{reg.slug}/moc-thoi-gian.md").read_text(encoding="utf-8")
    from quyche.site.facts_pages import years_shown
    assert f"25/11/{years_shown().start}</time> — Báo cáo năm của Trưởng phòng <strong>(hạn: trước ngày này)</strong>" in calendar
    card = built_file(site, f"{reg.slug}/vai-tro/truong-phong.md").read_text(encoding="utf-8")
    assert f"25/11/{years_shown().start}</time> — Báo cáo năm của Trưởng phòng <strong>(hạn: trước ngày này)</strong>" in card
    cal = Calendar.from_ical(icalendar(reg, [reg.fact("bao-cao-nam")], "x", "https://example.org", YEARS))
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["Hạn: Báo cáo năm của Trưởng phòng (hạn: trước ngày này)"]
