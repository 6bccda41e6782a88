"""Cross-body topics: the same question asked of every regulation.

Each topic selects facts by their type and by the kind of post involved, so
a new regulation joins the matrix as soon as its facts are recorded.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .model import Fact, Regulation

LEADERSHIP = {"office_leadership", "standing_board", "deputy_party_secretary", "deputy_head_of_office"}
COMMITTEES = {"standing_committee", "standing_committee_member", "executive_committee", "executive_committee_member"}


def _groups(reg: Regulation, fact: Fact, roles: set[str]) -> set[str]:
    groups = set()
    for role, actor in fact.actor_roles():
        if role in roles:
            try:
                groups.add(reg.actor(actor).group or "")
            except KeyError:
                pass
    return groups


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    intro: str
    select: Callable[[Regulation, Fact], bool]
    empty: str


TOPICS = [
    Topic("hop-lanh-dao", "Họp lãnh đạo, thường trực và giao ban",
          "Các cuộc họp của tập thể lãnh đạo hoặc thường trực, và giao ban, với tần suất theo nguyên văn.",
          lambda r, f: f.type == "meeting" and bool(_groups(r, f, {"attendee", "owner"}) & LEADERSHIP),
          "Văn bản không quy định cuộc họp lãnh đạo định kỳ."),
    Topic("ban-thuong-vu-ban-chap-hanh", "Họp Ban Thường vụ và Ban Chấp hành",
          "Hội nghị của Ban Thường vụ và Ban Chấp hành (cấp ủy).",
          lambda r, f: f.type == "meeting" and bool(_groups(r, f, {"attendee", "owner"}) & COMMITTEES),
          "Văn bản không có Ban Thường vụ hay Ban Chấp hành."),
    Topic("thoi-han-tai-lieu", "Thời hạn gửi tài liệu trước họp",
          "Tài liệu, giấy mời phải gửi trước cuộc họp bao nhiêu ngày.",
          lambda r, f: f.type == "lead_time",
          "Văn bản không quy định thời hạn gửi tài liệu trước họp."),
    Topic("bieu-quyet", "Số lượng tham dự và tỷ lệ biểu quyết",
          "Điều kiện để hội nghị hợp lệ và để một quyết định được thông qua.",
          lambda r, f: f.type in ("quorum", "vote_threshold"),
          "Văn bản không quy định số lượng tham dự hay tỷ lệ biểu quyết."),
    Topic("chu-ky-bao-cao", "Chu kỳ báo cáo",
          "Các báo cáo định kỳ: ai báo cáo, cho ai, khi nào.",
          lambda r, f: f.type == "report",
          "Văn bản không quy định báo cáo định kỳ."),
    Topic("ai-chu-tri", "Ai chủ trì",
          "Người chủ trì các cuộc họp và phiên làm việc, và người chủ trì thay khi vắng mặt.",
          lambda r, f: f.type in ("meeting", "working_session") and bool(f.chair),
          "Văn bản không nêu người chủ trì cuộc họp nào."),
]


def matrix(topic: Topic, regs: list[Regulation]) -> list[tuple[Regulation, list[Fact]]]:
    return [(reg, [f for f in reg.facts if topic.select(reg, f)]) for reg in regs]
