"""Exports built from the model: iCalendar, CSV (Excel-friendly), JSON.

iCalendar files carry the text's own rule as a real RRULE where the text fixes
one; dates that depend on another fact (two days before the giao ban) are
listed as RDATEs for the years shown on the site. Every event says which
clause it comes from, quotes it, and links to it.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

from icalendar import Alarm, Calendar, Event, vRecur

from . import fact_types
from .describe import TYPES, actor_names, due_note, when, who
from .model import Fact, Regulation
from .notes import plain
from .schedule import dates, dtstart, windows
from .validity import End

PRODID = "-//So tay quy che lam viec//quyche//VI"


def clause_url(base_url: str, reg: Regulation, unit_id: str) -> str:
    return f"{base_url.rstrip('/')}/{reg.slug}/#{unit_id}"


#: A reminder at 9:00 the day before (events are all-day: they start at 0:00).
REMIND_BEFORE = dt.timedelta(hours=-15)


def summary(fact: Fact) -> str:
    """The event title: what, with the "before this date" reading and the text's hedges,
    so a calendar that only shows titles does not let a report go in a day late."""
    prefix = "Hạn: " if fact_types.TYPES[fact.type].due_prefix else ""
    notes = [n for n in (due_note(fact),) if n] + list(fact.schedule.hedges if fact.schedule else ())
    return f"{prefix}{fact.name}" + (f" ({'; '.join(notes)})" if notes else "")


def _alarm(fact: Fact) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", REMIND_BEFORE)
    alarm.add("description", f"Ngày mai: {summary(fact)}")
    return alarm


def _description(reg: Regulation, fact: Fact, url: str, end: End | None) -> str:
    sched = fact.schedule
    lines = [f"{reg.metadata.short_title}, {reg.citation(fact.source.unit)}: «{fact.source.quote}»",
             f"Thời gian theo văn bản: {when(fact)}"]
    if sched.day_off_rule:
        lines.append(f"Nếu trùng ngày nghỉ: «{sched.day_off_rule}»")
    if sched.interpretation:
        lines.append(f"Cách hiểu: {plain(sched.interpretation, reg)}")
    if end is not None:
        lines.append(end.reason)
    lines.append(f"Xem điều khoản: {url}")
    return "\n".join(lines)


def _window_events(reg: Regulation, fact: Fact, base_url: str, years: range,
                   end: End | None = None) -> list[Event]:
    """A meeting fixed to a month (or quarter) but not a day: an all-day event spanning
    it, with the text's hedge in the summary, so staff see it when they plan."""
    out = []
    sched = fact.schedule
    url = clause_url(base_url, reg, fact.source.unit)
    start, last = dt.date(years.start, 1, 1), dt.date(years.stop - 1, 12, 31)
    if end is not None:   # a text no longer applied: from signing to its end
        start, last = min(start, dtstart(reg)), min(last, end.last_day)
    for win in windows(reg, fact, start, last):
        event = Event()
        event.add("uid", f"{fact.id}@{reg.slug}.quyche/{win.first:%Y-%m}")   # one event per month
        event.add("dtstamp", dt.datetime.combine(dtstart(reg), dt.time(), tzinfo=dt.timezone.utc))
        hedges = "".join(f" ({h})" for h in sched.hedges)
        event.add("summary", f"{fact.name} — trong {win.label}{hedges}")
        event.add("dtstart", win.first)
        event.add("dtend", win.last + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")      # a month-long entry must not block the calendar
        event.add("description", f"{reg.metadata.short_title}, {reg.citation(fact.source.unit)}: "
                                 f"«{fact.source.quote}»\nVăn bản chỉ định {win.label}, không nêu ngày.\n"
                                 f"{(end.reason + chr(10)) if end else ''}Xem điều khoản: {url}")
        if url.startswith(("http://", "https://")):
            event.add("url", url)
        event.add_component(_alarm(fact))
        out.append(event)
    return out


def _event(reg: Regulation, fact: Fact, base_url: str, years: range, end: End | None = None) -> Event | None:
    sched = fact.schedule
    if sched is None or sched.kind not in ("rrule", "relative"):
        return None
    start, last = dt.date(years.start, 1, 1), dt.date(years.stop - 1, 12, 31)
    if end is not None:   # a text no longer applied: its dates from signing to its end
        start, last = min(start, dtstart(reg)), min(last, end.last_day)
    event = Event()
    event.add("uid", f"{fact.id}@{reg.slug}.quyche")
    event.add("dtstamp", dt.datetime.combine(dtstart(reg), dt.time(), tzinfo=dt.timezone.utc))
    event.add("summary", summary(fact))
    url = clause_url(base_url, reg, fact.source.unit)
    event.add("description", _description(reg, fact, url, end))
    if url.startswith(("http://", "https://")):
        event.add("url", url)   # RFC 5545 wants an absolute URI: site_url in mkdocs.yml
    if sched.kind == "rrule" and "\n" not in sched.rrule:
        first = dates(reg, fact, dtstart(reg), dtstart(reg) + dt.timedelta(days=800))
        if not first or (end is not None and first[0] > end.last_day):
            return None
        rule = vRecur.from_ical(sched.rrule)
        if end is not None:
            rule["UNTIL"] = [end.last_day]
        event.add("dtstart", first[0])
        event.add("rrule", rule)
    else:
        occurrences = dates(reg, fact, start, last)
        if not occurrences:
            return None
        event.add("dtstart", occurrences[0])
        if len(occurrences) > 1:
            event.add("rdate", occurrences[1:])
        event.add("comment", f"Ngày tính theo quy tắc tương đối, liệt kê đến {last:%d/%m/%Y}.")
    event.add_component(_alarm(fact))
    return event


def calendar_events(reg: Regulation, facts: list[Fact], base_url: str, years: range,
                    end: End | None = None) -> list[Event]:
    """The events of these facts: dated ones, and the months (or quarters) a text names
    without a day."""
    out = []
    for fact in facts:
        event = _event(reg, fact, base_url, years, end)
        if event is not None:
            out.append(event)
        out += _window_events(reg, fact, base_url, years, end)
    return out


def has_events(reg: Regulation, facts: list[Fact], years: range, end: End | None = None) -> bool:
    """Whether a calendar of these facts would hold any date: only those are offered."""
    return bool(calendar_events(reg, facts, "", years, end))


def icalendar(reg: Regulation, facts: list[Fact], name: str, base_url: str, years: range,
              end: End | None = None) -> bytes:
    """One calendar; `end` (quyche.validity) stops a superseded or ended-term text's
    dates and puts the reason in the calendar's description."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    about = f"Lịch họp và thời hạn theo {reg.metadata.title}. Mỗi sự kiện dẫn tới điều khoản quy định nó."
    if end is not None:
        about += " " + end.reason
    cal.add("x-wr-caldesc", about)
    for event in calendar_events(reg, facts, base_url, years, end):
        cal.add_component(event)
    return cal.to_ical()


def facts_of_actor(reg: Regulation, actor_id: str) -> list[Fact]:
    return [f for f in reg.facts if any(a == actor_id for _, a in f.actor_roles())]


CSV_HEADER = ["Văn bản", "Mã dữ kiện", "Loại", "Việc", "Ai thực hiện / chủ trì", "Gửi cho / thành phần",
              "Thời gian (nguyên văn)", "Quy tắc lịch", "Điều khoản", "Trích dẫn", "Liên kết"]


def csv_rows(reg: Regulation, base_url: str) -> list[list[str]]:
    rows = []
    for fact in reg.facts:
        if not fact_types.is_listed(fact):
            continue
        sched = fact.schedule
        rows.append([reg.metadata.short_title, fact.id, TYPES[fact.type], fact.name, who(reg, fact),
                     actor_names(reg, fact.receivers or fact.attendees), when(fact),
                     (sched.rrule or "") if sched else "", reg.citation(fact.source.unit),
                     fact.source.quote, clause_url(base_url, reg, fact.source.unit)])
    return rows


def csv_bytes(regs: list[Regulation], base_url: str) -> bytes:
    """UTF-8 with BOM: Excel then shows Vietnamese correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for reg in regs:
        writer.writerows(csv_rows(reg, base_url))
    return "\ufeff".encode("utf-8") + buffer.getvalue().encode("utf-8")


def _drop_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, (), [], "", False)}


def json_bytes(regs: list[Regulation], base_url: str) -> bytes:
    out = []
    for reg in regs:
        out.append({
            "slug": reg.slug,
            "title": reg.metadata.title,
            "issuing_body": reg.metadata.issuing_body,
            "status": reg.metadata.status,
            "actors": [_drop_empty({"id": a.id, "name": a.name, "aliases": list(a.aliases), "kind": a.kind,
                                    "group": a.group,
                                    "reports_to": [{"actor": r.actor, "unit": r.source.unit, "quote": r.source.quote}
                                                   for r in a.reports_to]}) for a in reg.actors],
            "facts": [_drop_empty({
                "id": f.id, "type": f.type, "name": f.name,
                "source": {"unit": f.source.unit, "quote": f.source.quote,
                           "citation": reg.citation(f.source.unit),
                           "url": clause_url(base_url, reg, f.source.unit)},
                "also": [{"unit": s.unit, "quote": s.quote} for s in f.also],
                "chair": f.chair, "substitute": f.substitute, "attendees": list(f.attendees), "invited": list(f.invited),
                "owner": f.owner, "from": list(f.senders), "to": list(f.receivers), "period": f.period,
                "meeting": f.meeting, "days": f.days, "threshold": f.threshold, "topic": f.topic,
                "schedule": _drop_empty({k: getattr(f.schedule, k) for k in (
                    "kind", "words", "rrule", "due", "relative_to", "offset_days", "working_days", "count",
                    "min", "max", "per", "day_off_rule")} | {"hedges": list(f.schedule.hedges),
                    "interpretation": plain(f.schedule.interpretation, reg) or None})
                if f.schedule else None,
            }) for f in reg.facts],
        })
    return json.dumps({"regulations": out}, ensure_ascii=False, indent=1).encode("utf-8")
