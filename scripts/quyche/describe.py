"""Facts in words, for tables, calendars and exports (one wording everywhere)."""
from __future__ import annotations

import datetime as dt

from . import fact_types
from .model import Fact, Regulation
from .vietnamese import weekday_name

#: Type labels, from the one table of fact types.
TYPES = {key: row.label for key, row in fact_types.TYPES.items()}
DUE = {"before": "trước ngày", "by": "chậm nhất vào ngày", "on": "vào ngày"}


#: What a listed date means when the text sets a deadline relative to it ("trước ngày 25/11"):
#: a calendar that only says "25/11" would let a reader hand in on the 25th, a day late.
DUE_NOTE = {"before": "hạn: trước ngày này", "by": "hạn: chậm nhất ngày này"}


def due_note(fact) -> str:
    return DUE_NOTE.get(fact.schedule.due, "") if fact.schedule and fact.schedule.due else ""


def weekday(day: dt.date) -> str:
    return weekday_name(day)


def names_of(reg: Regulation, ids) -> tuple[str, ...]:
    """The actors' names (an unknown id as itself, so nothing silently disappears)."""
    names = []
    for actor_id in ids:
        try:
            names.append(reg.actor(actor_id).name)
        except KeyError:
            names.append(actor_id)
    return tuple(names)


def actor_names(reg: Regulation, ids) -> str:
    return ", ".join(names_of(reg, ids))


def who(reg: Regulation, fact: Fact) -> str:
    """The actor who holds or owes the fact."""
    if fact.chair:
        return actor_names(reg, [fact.chair])
    if fact.senders:
        return actor_names(reg, fact.senders)
    if fact.owner:
        return actor_names(reg, [fact.owner])
    return ""


def when(fact: Fact) -> str:
    """The timing, in the text's words, with its hedges."""
    sched = fact.schedule
    if sched is None:
        return ""
    parts = [sched.words]
    parts += [f"({h})" for h in sched.hedges]
    return " ".join(parts)
