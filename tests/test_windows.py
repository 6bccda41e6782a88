"""Meetings fixed to a month or a quarter but not a day reach calendars and .ics files."""
from __future__ import annotations

import dataclasses
import datetime as dt

import recurring_ical_events
from icalendar import Calendar

from quyche.exports import icalendar
from quyche.schedule import windows
from quyche.site.facts_pages import months
from quyche.site.pages import links

from support import repo_corpus

CORPUS, _ = repo_corpus()


def _events(slug: str, years: range):
    reg = CORPUS[slug]
    cal = Calendar.from_ical(icalendar(reg, list(reg.facts), "x", "https://example.org", years))
    return recurring_ical_events.of(cal).between(dt.date(years.start, 1, 1), dt.date(years.stop, 1, 1))


def test_the_2025_summing_up_meetings_are_month_long_entries_with_their_hedge():
    events = [e for e in _events("dak-lak-vp-ubnd-2025", range(2027, 2028)) if "— trong" in str(e["SUMMARY"])]
    spans = {(e["DTSTART"].dt, e["DTEND"].dt, str(e["SUMMARY"])) for e in events}
    assert (dt.date(2027, 1, 1), dt.date(2027, 2, 1),
            "Hội nghị tổng kết năm công tác Văn phòng — trong tháng 1/2027 (dự kiến)") in spans
    assert (dt.date(2027, 7, 1), dt.date(2027, 8, 1),
            "Hội nghị sơ kết 6 tháng công tác Văn phòng — trong tháng 7/2027 (dự kiến)") in spans
    assert all(str(e["TRANSP"]) == "TRANSPARENT" for e in events)


def test_the_2021_giao_ban_with_the_departments_falls_in_may_and_november():
    reg = CORPUS["dak-lak-vp-ubnd-2021"]
    fact = reg.fact("giao-ban-van-phong-cac-so")
    found = windows(reg, fact, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert [(w.first, w.last) for w in found] == [(dt.date(2024, 5, 1), dt.date(2024, 5, 31)),
                                                (dt.date(2024, 11, 1), dt.date(2024, 11, 30))]
    events = _events("dak-lak-vp-ubnd-2021", range(2024, 2025))
    assert sum("Giao ban với Văn phòng các sở" in str(e["SUMMARY"]) for e in events) == 2


def test_a_quarter_window_spans_three_months():
    reg = CORPUS["dak-lak-vp-ubnd-2025"]
    fact = reg.fact("hoi-nghi-so-ket-6-thang")
    quarter = dataclasses.replace(fact.schedule, window="quarter", months=(10,))
    found = windows(reg, dataclasses.replace(fact, schedule=quarter), dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert [(w.first, w.last, w.label) for w in found] == [(dt.date(2027, 10, 1), dt.date(2027, 12, 31), "quý IV/2027")]


def test_the_month_calendar_heads_the_month_with_the_window():
    reg = CORPUS["dak-lak-vp-ubnd-2025"]
    cal = months(reg, reg.facts, range(2027, 2028), links(f"{reg.slug}/moc-thoi-gian.md", True))
    july = next(m["items"] for m in cal if m["key"] == "2027-07")
    assert july[0]["window"].label == "tháng 7/2027" and july[0]["fact"].id == "hoi-nghi-so-ket-6-thang"
    assert sum(1 for m in cal for it in m["items"] if it.get("window")) == 2
