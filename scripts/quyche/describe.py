"""Facts in words, for tables, calendars and exports (one wording everywhere)."""
from __future__ import annotations

import datetime as dt

from .model import Fact, Regulation, Unit
from .vietnamese import weekday_name

TYPES = {"meeting": "Cuộc họp", "report": "Báo cáo", "plan_submission": "Nộp kế hoạch, chương trình",
         "lead_time": "Gửi tài liệu trước họp", "quorum": "Số lượng tham dự tối thiểu",
         "vote_threshold": "Tỷ lệ biểu quyết", "working_session": "Làm việc định kỳ", "duty": "Nhiệm vụ"}
PER = {"day": "ngày", "week": "tuần", "month": "tháng", "quarter": "quý", "half_year": "6 tháng",
       "year": "năm", "term": "nhiệm kỳ"}
DUE = {"before": "trước ngày", "by": "chậm nhất vào ngày", "on": "vào ngày"}


#: What a listed date means when the text sets a deadline relative to it ("trước ngày 25/11"):
#: a calendar that only says "25/11" would let a reader hand in on the 25th, a day late.
DUE_NOTE = {"before": "hạn: trước ngày này", "by": "hạn: chậm nhất ngày này"}


def due_note(fact) -> str:
    return DUE_NOTE.get(fact.schedule.due, "") if fact.schedule and fact.schedule.due else ""


def weekday(day: dt.date) -> str:
    return weekday_name(day)


def actor_names(reg: Regulation, ids) -> str:
    names = []
    for actor_id in ids:
        try:
            names.append(reg.actor(actor_id).name)
        except KeyError:
            names.append(actor_id)
    return ", ".join(names)


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


def cite(unit: Unit) -> str:
    """'Điều 19, khoản 2' style citation built from the unit id."""
    return unit.id


def is_deadline(fact: Fact) -> bool:
    return fact.type not in ("duty",)
