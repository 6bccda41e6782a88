"""Calendar files (.ics) that do not mislead: every one the pages link holds events,
each event links to its clause by an absolute address and reminds the day before,
a text no longer applied stops at its end and says why, and no two files share a name."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import recurring_ical_events
from icalendar import Calendar

from quyche.exports import icalendar, summary
from quyche.validity import end_of_use

from support import repo_corpus


def _linked_calendars(site: Path) -> dict[str, set[str]]:
    """Every .ics a page links to -> the pages linking it."""
    out: dict[str, set[str]] = {}
    for page in site.rglob("*.html"):
        for href in re.findall(r'href="([^"]+\.ics)"', page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve()
            out.setdefault(str(target.relative_to(site.resolve())), set()).add(str(page.relative_to(site)))
    return out


def _events(path: Path) -> list:
    cal = Calendar.from_ical(path.read_bytes())
    return list(cal.walk("VEVENT")), cal


def test_every_linked_calendar_exists_and_holds_events_with_links_and_reminders(site):
    linked = _linked_calendars(site)
    assert len(linked) > 10
    for name in linked:
        path = site / name
        assert path.is_file(), (name, linked[name])
        events, _ = _events(path)
        assert events, f"{name} is empty but linked from {sorted(linked[name])[:3]}"
        for event in events:
            assert str(event["url"]).startswith(("https://", "http://")), name
            assert re.search(r"Xem điều khoản: https?://\S+#\S+", str(event["description"])), name
            alarms = event.walk("VALARM")
            assert len(alarms) == 1 and alarms[0].decoded("trigger") == dt.timedelta(hours=-15), name


def test_no_calendar_file_is_built_without_a_page_linking_it(site):
    built = {str(p.relative_to(site)) for p in site.rglob("*.ics")}
    assert built == set(_linked_calendars(site))


def test_calendar_file_names_carry_the_body_and_the_post(site):
    names = [p.name for p in site.rglob("*.ics")]
    assert len(names) == len(set(names))
    assert "dak-lak-vp-ubnd-2025--chanh-van-phong.ics" in names
    assert "dak-lak-vp-ubnd-2021--chanh-van-phong.ics" in names


def test_the_superseded_2021_calendar_stops_when_the_2025_text_was_signed_and_says_why(site):
    events, cal = _events(site / "xuat" / "dak-lak-vp-ubnd-2021.ics")
    days = [e.decoded("dtstart") for e in recurring_ical_events.of(cal).between(dt.date(2019, 1, 1), dt.date(2035, 1, 1))]
    assert days and max(days) <= dt.date(2025, 7, 17)
    assert max(days) >= dt.date(2025, 6, 1)           # the years it governed are still there
    assert "17/07/2025" in str(cal["x-wr-caldesc"]) and "thay thế" in str(cal["x-wr-caldesc"])
    assert all("17/07/2025" in str(e["description"]) for e in events)


def test_an_ended_term_calendar_stops_at_the_end_of_its_last_year():
    corpus, _ = repo_corpus()
    reg = corpus["tra-vinh-dang-uy-khoi-2019"]
    end = end_of_use(reg, corpus)
    assert end.last_day == dt.date(2020, 12, 31) and "nhiệm kỳ" in end.reason
    cal = Calendar.from_ical(icalendar(reg, list(reg.facts), "x", "https://example.org", range(2026, 2028), end))
    days = [e.decoded("dtstart") for e in recurring_ical_events.of(cal).between(dt.date(2015, 1, 1), dt.date(2035, 1, 1))]
    assert days and max(days) <= dt.date(2020, 12, 31)
    assert end_of_use(corpus["dak-lak-vp-ubnd-2025"], corpus) is None


def test_summaries_carry_the_before_reading_and_the_hedges():
    corpus, _ = repo_corpus()
    hedged = [(r, f) for r in corpus.values() for f in r.facts if f.schedule and f.schedule.hedges]
    assert hedged
    for _, fact in hedged:
        assert all(h in summary(fact) for h in fact.schedule.hedges)
    annual = corpus["dak-lak-vp-ubnd-2025"].fact("bao-cao-nam")
    assert summary(annual).startswith("Hạn: ") and "trước ngày này" in summary(annual)
