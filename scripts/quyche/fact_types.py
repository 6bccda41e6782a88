"""The kinds of fact a regulation states, in one table.

Every consumer that treats fact types differently (deadline tables, role
cards, calendars, exports, comparison summaries, proposals) reads this table
instead of switching on type names; the JSON Schema's enum is checked against
it by the tests.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FactType:
    key: str
    label: str              # what a reader calls it
    deadline: bool          # listed in deadline tables and exports even without dates
    card_section: str       # where a role card lists it: meetings | reports | duties | rules
    order: int              # order in summaries and tables
    cue: re.Pattern         # words of a sentence that suggest this type to proposals
    due_prefix: bool = False  # a due date reads as "Hạn: …" in calendars
    needs: str | None = None  # the kind of time reading the type requires (quorum: a threshold)



def _cue(words: str) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)


#: In the order proposals try them: the first type whose cue occurs in the
#: sentence of a time expression wins (a vote threshold is a rule about a
#: meeting, so it is tried before the meeting).
TABLE: tuple[FactType, ...] = (
    FactType("vote_threshold", "Tỷ lệ biểu quyết", True, "rules", 6,
             _cue(r"biểu quyết|tán thành|đồng ý|bỏ phiếu|thông qua khi"), needs="threshold"),
    FactType("quorum", "Số lượng tham dự tối thiểu", True, "rules", 5,
             _cue(r"có mặt|tham dự|dự họp|số thành viên"), needs="threshold"),
    FactType("lead_time", "Gửi tài liệu trước họp", True, "reports", 4,
             _cue(r"tài liệu|giấy mời|dự thảo|hồ sơ"), due_prefix=True, needs="lead"),
    FactType("report", "Báo cáo", True, "reports", 2,
             _cue(r"báo cáo|tổng hợp tình hình|thông tin tình hình|thông báo kết luận|thông báo|biên bản|kết luận"),
             due_prefix=True),
    FactType("plan_submission", "Nộp kế hoạch, chương trình", True, "reports", 3,
             _cue(r"kế hoạch|chương trình|lịch công tác|dự toán"), due_prefix=True),
    FactType("meeting", "Cuộc họp", True, "meetings", 1,
             _cue(r"họp|hội nghị|giao ban|hội ý|sinh hoạt|phiên|kỳ họp|sơ kết|tổng kết|đại hội")),
    FactType("working_session", "Làm việc định kỳ", True, "meetings", 7,
             _cue(r"làm việc (?:hoặc|và) giao ban|làm việc với|làm việc định kỳ|tiếp công dân|đối thoại")),
    FactType("duty", "Nhiệm vụ", False, "duties", 8, _cue(r"\w+")),
)

TYPES: dict[str, FactType] = {t.key: t for t in TABLE}



def label(key: str) -> str:
    return TYPES[key].label if key in TYPES else key


def is_listed(fact) -> bool:
    """Whether a fact belongs in deadline tables and exports: its type says so, or
    its schedule states a cadence the reader can plan by, whatever the type."""
    if TYPES[fact.type].deadline:
        return True
    sched = fact.schedule
    return bool(sched and sched.kind not in ("occasional",))


def order(key: str) -> int:
    return TYPES[key].order if key in TYPES else 99


def guess(sentence: str, reading_kinds: set[str]) -> str:
    """The type a sentence suggests, given the kinds of time readings found in it.

    A threshold makes a vote or quorum rule, a lead time before a meeting with
    documents a lead time; otherwise the earliest cue in the sentence names its
    subject ("Báo cáo tháng gửi trước họp giao ban" is a report, "Ban Thường vụ
    họp … nghe báo cáo" a meeting).
    """
    for row in TABLE:
        if row.needs and row.needs in reading_kinds and row.cue.search(sentence):
            return row.key
    if "threshold" in reading_kinds:
        return "vote_threshold"
    found = [(m.start(), row.order, row.key) for row in TABLE if not row.needs and row.key != "duty"
             for m in [row.cue.search(sentence)] if m]
    return min(found)[2] if found else "duty"
