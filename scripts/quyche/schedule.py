"""Concrete dates from a fact's schedule: RFC 5545 rules, and rules relative to them."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
import re
from dataclasses import dataclass

from dateutil.rrule import rruleset, rrulestr

from .model import Fact, Regulation
from .vietnamese import roman


@dataclass(frozen=True)
class Occurrence:
    date: dt.date
    fact: Fact


def rrule_parts(rule: str) -> dict[str, str]:
    """The parts of a rule (of several rules, one per line: their values joined by commas)."""
    parts: dict[str, str] = {}
    for line in rule.split("\n"):
        for part in line.split(";"):
            if "=" in part:
                key, value = part.split("=", 1)
                parts[key] = f"{parts[key]},{value}" if key in parts and value not in parts[key].split(",") else value
    return parts


def rrule_numbers(rule: str) -> set[int]:
    """The numbers a rule states (days of month, months, ordinals of weekdays, interval)."""
    parts = rrule_parts(rule)
    numbers: set[int] = set()
    for key in ("BYMONTHDAY", "BYMONTH", "BYSETPOS", "BYYEARDAY", "BYWEEKNO"):
        for value in parts.get(key, "").split(","):
            if value.strip("+-").isdigit():
                numbers.add(abs(int(value)))
    for value in parts.get("BYDAY", "").split(","):
        m = re.match(r"^([+-]?\d+)?([A-Z]{2})$", value)
        if m and m.group(1):
            numbers.add(abs(int(m.group(1))))
    if int(parts.get("INTERVAL", "1")) > 1:
        numbers.add(int(parts["INTERVAL"]))
    return numbers


def rrule_weekdays(rule: str) -> list[str]:
    days = rrule_parts(rule).get("BYDAY", "")
    return [re.sub(r"^[+-]?\d+", "", v) for v in days.split(",") if v]


def parse_rules(rule: str, start: dt.date) -> rruleset:
    """One or more RFC 5545 rules (one per line: "15/6 and 20/12" needs two) as one set."""
    out = rruleset()
    for line in filter(None, (part.strip() for part in rule.split("\n"))):
        out.rrule(rrulestr(line, dtstart=dt.datetime.combine(start, dt.time())))
    return out


def rule_dates(rule: str, year: int) -> list[dt.date]:
    """The dates a rule gives in one calendar year."""
    rules = parse_rules(rule, dt.date(year - 1, 1, 1))
    return [d.date() for d in rules.between(dt.datetime(year, 1, 1), dt.datetime(year, 12, 31), inc=True)]


def dtstart(regulation: Regulation) -> dt.date:
    """Rules run from the day the text was signed (or 1 Jan 2020 if undated)."""
    return regulation.metadata.signed or dt.date(2020, 1, 1)


def shift(day: dt.date, days: int, working_days: bool) -> dt.date:
    """Move by calendar days, or by working days (Monday to Friday) when the text says so."""
    if not working_days:
        return day + dt.timedelta(days=days)
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    while remaining:
        day += dt.timedelta(days=step)
        if day.weekday() < 5:
            remaining -= 1
    return day


@lru_cache(maxsize=1 << 16)
def _rule_dates(rrule: str, first: dt.datetime, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """A rule's dates in [start, end]. Cached: the deadline page, the month calendars,
    each role card, each .ics and the workbook ask for the same fact's dates (rrule
    iteration was a tenth of the build)."""
    rule = parse_rules(rrule, first)
    return tuple(d.date() for d in rule.between(dt.datetime.combine(start, dt.time()),
                                                dt.datetime.combine(end, dt.time()), inc=True))


def dates(regulation: Regulation, fact: Fact, start: dt.date, end: dt.date, _depth: int = 0) -> list[dt.date]:
    """Dates of one fact between start and end (inclusive); [] when the text fixes no date."""
    sched = fact.schedule
    if sched is None or _depth > 5:
        return []
    if sched.kind == "rrule" and sched.rrule:
        return list(_rule_dates(sched.rrule, dtstart(regulation), start, end))
    if sched.kind == "relative" and sched.relative_to:
        try:
            other = regulation.fact(sched.relative_to)
        except KeyError:
            return []
        days = sched.offset_days or 0
        margin = dt.timedelta(days=abs(days) * 2 + 7)
        base = dates(regulation, other, start - margin, end + margin, _depth + 1)
        shifted = [shift(d, days, sched.working_days) for d in base]
        return [d for d in shifted if start <= d <= end]
    return []


@dataclass(frozen=True)
class Window:
    """A month or a quarter in which something happens, when the text names no day."""
    first: dt.date
    last: dt.date
    fact: Fact

    @property
    def label(self) -> str:
        if (self.last.month - self.first.month) >= 2:
            return f"quý {roman((self.first.month - 1) // 3 + 1)}/{self.first.year}"
        return f"tháng {self.first.month}/{self.first.year}"


def windows(regulation: Regulation, fact: Fact, start: dt.date, end: dt.date) -> list[Window]:
    """The months (or quarters) of a window schedule that meet [start, end], from the
    text's date on."""
    sched = fact.schedule
    if sched is None or sched.kind != "window":
        return []
    span = 3 if sched.window == "quarter" else 1
    out = []
    for year in range(start.year, end.year + 1):
        for month in sched.months:
            first = dt.date(year, month, 1)
            after = dt.date(year + (month + span - 1) // 12, (month + span - 1) % 12 + 1, 1)
            last = after - dt.timedelta(days=1)
            if last >= start and first <= end and last >= dtstart(regulation):
                out.append(Window(first, last, fact))
    return out


def all_windows(regulation: Regulation, start: dt.date, end: dt.date) -> list[Window]:
    return sorted((w for f in regulation.facts for w in windows(regulation, f, start, end)),
                  key=lambda w: (w.first, w.fact.id))


def occurrences(regulation: Regulation, start: dt.date, end: dt.date) -> list[Occurrence]:
    out = [Occurrence(d, f) for f in regulation.facts for d in dates(regulation, f, start, end)]
    return sorted(out, key=lambda o: (o.date, o.fact.id))
