"""A second reading of every reviewed fact: what its clause says about time.

The checks in ``facts_check`` verify that a fact's numbers are stated by its
clause; this one goes the other way. The time-expression reader reads the
words the fact quotes, and the fact must carry every cadence, day, window and
period found there, with the same dates in a year, unless its schedule's
``interpretation`` says why it reads them otherwise. So a schedule that is
dropped, or a count that is changed, fails with what the machine read.

Several facts may share one listing ("định kỳ (nửa tháng, quý, 06 tháng,
năm)"): each carries some of the periods, and together they carry all.
"""
from __future__ import annotations

import datetime as dt

from .model import Fact, Regulation, Schedule
from .normalize import normalize
from .problems import Problem
from .schedule import dates, rule_dates
from .timeexpr import Reading, read
from .vietnamese import PERIODS

#: A year in which every rule is expanded for comparison (any year would do;
#: a fixed one keeps messages stable).
YEAR = 2027
#: How many times a period recurs in a year.
PER_YEAR = {"day": 365, "week": 52, "two_weeks": 26, "half_month": 24, "month": 12, "quarter": 4,
            "half_year": 2, "nine_months": 1, "year": 1}


def describe(reading: Reading) -> str:
    if reading.kind == "rrule":
        return f"the rule {reading.rrule.replace(chr(10), ' + ')}"
    if reading.kind == "frequency":
        per = PERIODS.get(reading.per, reading.per)
        every = f"every {reading.interval} × {per}" if reading.interval > 1 else f"per {per}"
        if reading.min is not None or reading.max is not None:
            return f"between {reading.min or 0} and {reading.max or '…'} times {every}"
        return f"{reading.count} time(s) {every}"
    if reading.kind == "periods":
        return "once per " + ", ".join(PERIODS.get(p, p) for p in reading.periods)
    if reading.kind == "window":
        what = "quarter(s) starting in month" if reading.window == "quarter" else "month(s)"
        return f"a window in {what} {', '.join(map(str, reading.months))}"
    if reading.kind == "term":
        return "once per term (nhiệm kỳ)"
    if reading.kind == "lead":
        days = "working days" if reading.working_days else "days"
        return f"{abs(reading.offset_days or 0)} {days} {'before' if (reading.offset_days or 0) < 0 else 'after'}"
    return reading.kind


def describe_schedule(sched: Schedule | None) -> str:
    if sched is None:
        return "the fact has no schedule"
    bits = [f"kind {sched.kind}"]
    if sched.rrule:
        bits.append(sched.rrule.replace("\n", " + "))
    if sched.count is not None:
        bits.append(f"count {sched.count}")
    if sched.min is not None:
        bits.append(f"min {sched.min}")
    if sched.max is not None:
        bits.append(f"max {sched.max}")
    if sched.every:
        bits.append("per " + ", ".join(sched.every))
    if sched.months:
        bits.append(f"months {', '.join(map(str, sched.months))}")
    if sched.offset_days is not None:
        bits.append(f"offset {sched.offset_days} {'working ' if sched.working_days else ''}days")
    return "the fact's schedule has " + ", ".join(bits)


TIME_KINDS = ("rrule", "frequency", "periods", "window", "term", "lead")


def _read(reg: Regulation, fact: Fact) -> list[Reading]:
    words = " ; ".join(normalize(s.quote) for s in fact.sources)
    return [r for r in read(words) if r.kind in TIME_KINDS]


def _fact_dates(reg: Regulation, fact: Fact) -> list[dt.date]:
    return dates(reg, fact, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))


def _count_agrees(sched: Schedule, reading: Reading) -> bool:
    if reading.min is not None or reading.max is not None:
        return sched.min == reading.min and sched.max == reading.max
    return sched.count in (None, reading.count or 1) and sched.min is None and sched.max is None


def _agrees(reg: Regulation, fact: Fact, reading: Reading, fact_dates: list[dt.date]) -> bool:
    """Whether the fact's schedule carries what one reading of its clause says."""
    sched = fact.schedule
    if reading.kind == "rrule":
        return bool(fact_dates) and set(rule_dates(reading.rrule, YEAR)) <= set(fact_dates) | _relative_base(reg, fact)
    if reading.kind == "lead":
        return sched.kind == "relative" and abs(sched.offset_days or 0) == abs(reading.offset_days or 0) \
            and sched.working_days == reading.working_days
    if reading.kind == "frequency":
        if reading.per == "term":
            return "term" in sched.every and _count_agrees(sched, reading)
        if fact_dates and reading.per in PER_YEAR:
            expected = PER_YEAR[reading.per] / reading.interval
            lo = (reading.min if reading.min is not None else reading.count) or 1
            hi = reading.max if reading.max is not None else (reading.count if reading.min is None else None)
            n = len(fact_dates)
            return n >= lo * expected - 1 and (hi is None or n <= hi * expected + 1)
        if sched.kind == "window":
            return reading.per == "year" and sched.count == (reading.count or 1)
        return reading.per in sched.every and sched.interval == reading.interval and _count_agrees(sched, reading)
    if reading.kind == "periods":
        if fact_dates:
            return True
        return bool(set(sched.every) & set(reading.periods)) and sched.count in (None, 1)
    if reading.kind == "window":
        if sched.kind == "window":
            return tuple(sched.months) == tuple(reading.months) and (sched.window or "month") == reading.window
        return bool(fact_dates) and all(_in_window(d, reading) for d in fact_dates)
    if reading.kind == "term":
        return "term" in sched.every and sched.count in (None, 1)
    return True


def _numbers_agree(sched: Schedule, readings: list[Reading]) -> bool:
    """With an interpretation, the reading may differ, but not its numbers: a count,
    an offset or a month the clause does not read is still an error."""
    counts = {r.count or 1 for r in readings if r.kind in ("frequency", "periods", "term")} | {1}
    bounds = {r.min for r in readings} | {r.max for r in readings}
    offsets = {abs(r.offset_days) for r in readings if r.kind == "lead" and r.offset_days is not None}
    months = {m for r in readings if r.kind == "window" for m in r.months}
    if sched.count is not None and sched.count not in counts and sched.kind != "window":
        return False
    if any(v is not None and v not in bounds for v in (sched.min, sched.max)):
        return False
    if sched.offset_days is not None and offsets and abs(sched.offset_days) not in offsets:
        return False
    if sched.months and months and not set(sched.months) <= months:
        return False
    return True


def _relative_base(reg: Regulation, fact: Fact) -> set[dt.date]:
    """For a deadline counted from a meeting, the meeting's dates are also stated."""
    sched = fact.schedule
    if sched and sched.kind == "relative" and sched.relative_to:
        try:
            return set(_fact_dates(reg, reg.fact(sched.relative_to)))
        except KeyError:
            return set()
    return set()


def _in_window(day: dt.date, reading: Reading) -> bool:
    span = 3 if reading.window == "quarter" else 1
    return any(m <= day.month < m + span for m in reading.months)


def second_reading(reg: Regulation, shown: str, fact: Fact) -> list[Problem]:
    readings = _read(reg, fact)
    if not readings:
        return []
    sched = fact.schedule
    leads = [r for r in readings if r.kind == "lead"]
    if leads and fact.days is not None and any(abs(r.offset_days or 0) == fact.days for r in leads):
        readings = [r for r in readings if r.kind != "lead"]     # a lead time stated as the fact's days
        if not readings:
            return []
    stated = "; ".join(f'"{r.span}" ({describe(r)})' for r in readings)
    if sched is None:
        return [Problem(shown, fact.line, f"fact {fact.id}: {fact.source.unit} states {stated}, but {describe_schedule(sched)}; "
                        "add the schedule (quyche propose shows the machine's reading)", fact.source.unit)]
    if sched.interpretation:
        if _numbers_agree(sched, readings):
            return []
        wrong = readings
    else:
        fact_dates = _fact_dates(reg, fact)
        wrong = [r for r in readings if not _agrees(reg, fact, r, fact_dates)]
        # "Sau họp giao ban, trong vòng 3 ngày làm việc": one lead time is the deadline,
        # the other names what it counts from; the fact must carry one of them.
        if any(r.kind == "lead" for r in readings) and any(r.kind == "lead" and r not in wrong for r in readings):
            wrong = [r for r in wrong if r.kind != "lead"]
    # A listing of periods shared by several facts ("báo cáo nửa tháng, quý, 06 tháng,
    # năm" split into one fact per period): the other facts citing the unit carry the rest.
    if any(r.kind == "rrule" for r in wrong):
        siblings = [f for f in reg.facts if f is not fact and f.schedule and
                    any(s.unit == fact.source.unit or s.unit in {x.unit for x in fact.sources} for s in f.sources)]
        if siblings:
            wrong = [r for r in wrong if r.kind != "rrule" or not any(
                _agrees(reg, f, r, _fact_dates(reg, f)) for f in siblings)]
    if not wrong:
        return []
    said = "; ".join(f'"{r.span}" ({describe(r)})' for r in wrong)
    return [Problem(shown, sched.line, f"fact {fact.id}: {fact.source.unit} states {said}, but {describe_schedule(sched)}; "
                    "carry it in the schedule, or say in `interpretation` why the words are read otherwise",
                    fact.source.unit)]
