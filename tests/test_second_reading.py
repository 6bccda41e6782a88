"""The second reading: a reviewed fact must carry the timing its clause states.

For every reviewed fact of the corpus that has a schedule, dropping the
schedule, or changing its count, day or months, must make the check fail at
the fact's own lines, with the clause and what the machine read there.
"""
from __future__ import annotations

import dataclasses

import pytest

from quyche.facts_check import check_fact
from quyche.model import Regulation
from quyche.second_reading import second_reading

from support import repo_corpus

CORPUS, _ = repo_corpus()
SCHEDULED = [(slug, f.id) for slug, reg in sorted(CORPUS.items()) for f in reg.facts
             if f.schedule and f.schedule.kind != "occasional"]


def _with_fact(reg: Regulation, fact) -> Regulation:
    return dataclasses.replace(reg, facts=tuple(fact if f.id == fact.id else f for f in reg.facts), _index={})


def test_the_corpus_passes_its_second_reading():
    for slug, reg in CORPUS.items():
        assert [str(p) for f in reg.facts for p in second_reading(reg, slug, f)] == []


@pytest.mark.parametrize("slug,fact_id", SCHEDULED, ids=[f"{s}:{f}" for s, f in SCHEDULED])
def test_dropping_a_schedule_fails(slug, fact_id):
    reg = CORPUS[slug]
    fact = reg.fact(fact_id)
    broken = _with_fact(reg, dataclasses.replace(fact, schedule=None))
    found = [p for p in second_reading(broken, "x.yaml", broken.fact(fact_id))]
    assert found, f"{fact_id}: schedule {fact.schedule.words!r} dropped, nothing reported"
    assert found[0].line == fact.line
    assert fact.source.unit in str(found[0]) and "states" in str(found[0])


def _changed_count(sched):
    if sched.count and sched.kind in ("frequency", "window"):
        return dataclasses.replace(sched, count=sched.count + 1)
    if sched.min is not None:
        return dataclasses.replace(sched, min=sched.min + 1)
    if sched.rrule and "BYMONTHDAY=" in sched.rrule:
        head, _, tail = sched.rrule.partition("BYMONTHDAY=")
        day, _, rest = tail.partition(";")
        return dataclasses.replace(sched, rrule=f"{head}BYMONTHDAY={int(day.split(',')[0]) % 27 + 1}{';' + rest if rest else ''}")
    if sched.rrule and "BYDAY=" in sched.rrule:
        head, _, days = sched.rrule.partition("BYDAY=")
        return dataclasses.replace(sched, rrule=head + "BYDAY=" + days.replace("FR", "WE").replace("MO", "TU").replace("TH", "WE"))
    if sched.months:
        return dataclasses.replace(sched, months=tuple(m % 12 + 1 for m in sched.months))
    if sched.offset_days:
        return dataclasses.replace(sched, offset_days=sched.offset_days - 1)
    return None


@pytest.mark.parametrize("slug,fact_id", SCHEDULED, ids=[f"{s}:{f}" for s, f in SCHEDULED])
def test_changing_a_count_day_or_month_fails(slug, fact_id):
    reg = CORPUS[slug]
    fact = reg.fact(fact_id)
    changed = _changed_count(fact.schedule)
    if changed is None:
        pytest.skip(f"{fact.schedule.kind} schedule with nothing to count")
    broken = _with_fact(reg, dataclasses.replace(fact, schedule=changed))
    fact = broken.fact(fact_id)
    problems = check_fact(broken, "x.yaml", fact, {a.id for a in reg.actors}, {f.id for f in reg.facts})
    problems += second_reading(broken, "x.yaml", fact)
    mine = [p for p in problems if f"fact {fact_id}:" in str(p)]
    assert mine, f"{fact_id}: {fact.schedule} -> {changed}, nothing reported"
