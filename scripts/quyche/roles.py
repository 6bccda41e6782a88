"""Role cards: everything a regulation asks of one post, each line traceable to a clause."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .describe import when
from .model import Actor, Fact, Regulation
from .schedule import dates

GROUP_NAMES = {
    "head_of_office": "Người đứng đầu cơ quan (Chánh Văn phòng)",
    "deputy_head_of_office": "Cấp phó của người đứng đầu (Phó Chánh Văn phòng)",
    "office_leadership": "Lãnh đạo cơ quan (tập thể)",
    "head_of_unit": "Trưởng phòng, đơn vị",
    "deputy_head_of_unit": "Phó trưởng phòng, đơn vị",
    "unit": "Phòng, ban, đơn vị",
    "staff": "Công chức, viên chức, người lao động",
    "party_secretary": "Bí thư",
    "deputy_party_secretary": "Phó Bí thư",
    "standing_board": "Thường trực cấp ủy",
    "standing_committee": "Ban Thường vụ",
    "standing_committee_member": "Ủy viên Ban Thường vụ",
    "executive_committee": "Ban Chấp hành (cấp ủy)",
    "executive_committee_member": "Ủy viên Ban Chấp hành",
    "advisory_body": "Cơ quan tham mưu, giúp việc",
    "external": "Cơ quan, tổ chức bên ngoài",
    "": "Khác",
}
TOPIC_NAMES = {"to_chuc": "Tổ chức, bộ máy", "chuong_trinh_ke_hoach": "Chương trình, kế hoạch", "hop": "Hội họp",
               "bao_cao": "Báo cáo", "quan_he_cong_tac": "Quan hệ công tác", "van_ban": "Văn bản, thông tin",
               "can_bo": "Cán bộ", "kiem_tra_giam_sat": "Kiểm tra, giám sát", "khac": "Nhiệm vụ khác", None: "Nhiệm vụ khác"}
ROLE_NAMES = {"chair": "Chủ trì", "substitute": "Chủ trì khi người chủ trì vắng", "attendee": "Dự họp",
              "invited": "Có thể được mời dự (tùy nội dung)",
              "owner": "Thực hiện", "from": "Gửi, báo cáo", "to": "Nhận"}


@dataclass
class Card:
    reg: Regulation
    actor: Actor
    answers_to: list = field(default_factory=list)       # (Actor, Source)
    answered_by: list = field(default_factory=list)      # (Actor, Source)
    duties: dict = field(default_factory=dict)           # topic name -> [Fact]
    meetings: list = field(default_factory=list)         # (role, Fact)
    owes: list = field(default_factory=list)             # Fact (reports, plans, lead times it sends/does)
    receives: list = field(default_factory=list)         # Fact
    other: list = field(default_factory=list)            # (role, Fact) not in the lists above
    dates: list = field(default_factory=list)            # (date, Fact)

    @property
    def facts(self) -> set[str]:
        ids = {f.id for fs in self.duties.values() for f in fs}
        ids |= {f.id for _, f in self.meetings} | {f.id for f in self.owes} | {f.id for f in self.receives}
        ids |= {f.id for _, f in self.other}
        return ids


def involved(reg: Regulation, actor_id: str) -> list[tuple[str, Fact]]:
    return [(role, f) for f in reg.facts for role, a in f.actor_roles() if a == actor_id]


def card(reg: Regulation, actor: Actor, year: int) -> Card:
    c = Card(reg, actor)
    c.answers_to = [(reg.actor(line.actor), line.source) for line in actor.reports_to]
    c.answered_by = [(other, line.source) for other in reg.actors for line in other.reports_to
                     if line.actor == actor.id]
    seen: set[tuple[str, str]] = set()
    for role, fact in involved(reg, actor.id):
        if (role, fact.id) in seen:
            continue
        seen.add((role, fact.id))
        if fact.type == "duty":
            c.duties.setdefault(TOPIC_NAMES.get(fact.topic, "Nhiệm vụ khác"), []).append(fact)
        elif fact.type in ("meeting", "working_session") and role in ("chair", "substitute", "attendee", "invited", "owner"):
            c.meetings.append((role, fact))
        elif role in ("from", "owner"):
            c.owes.append(fact)
        elif role == "to":
            c.receives.append(fact)
        else:
            c.other.append((role, fact))
    for fact_id in sorted(c.facts):
        fact = reg.fact(fact_id)
        for day in dates(reg, fact, dt.date(year, 1, 1), dt.date(year, 12, 31)):
            c.dates.append((day, fact))
    c.dates.sort(key=lambda d: (d[0], d[1].id))
    return c


@dataclass(frozen=True)
class CardChange:
    kind: str           # duty_added | duty_removed | schedule | fact_added | fact_removed
    name: str
    old: Fact | None
    new: Fact | None


def changes(old_card: Card, new_card: Card) -> list[CardChange]:
    """What changed for the same post between two versions (facts paired by id)."""
    old_facts = {f: old_card.reg.fact(f) for f in old_card.facts}
    new_facts = {f: new_card.reg.fact(f) for f in new_card.facts}
    out = []
    for fid in sorted(set(old_facts) | set(new_facts)):
        a, b = old_facts.get(fid), new_facts.get(fid)
        duty = (a or b).type == "duty"
        if a and not b:
            out.append(CardChange("duty_removed" if duty else "fact_removed", a.name, a, None))
        elif b and not a:
            out.append(CardChange("duty_added" if duty else "fact_added", b.name, None, b))
        elif a and b and not duty and when(a) != when(b):
            out.append(CardChange("schedule", b.name, a, b))
    order = {"schedule": 0, "fact_added": 1, "fact_removed": 2, "duty_added": 3, "duty_removed": 4}
    return sorted(out, key=lambda c: (order[c.kind], c.name))


def versions(reg: Regulation, corpus: dict[str, Regulation]) -> list[tuple[str, Regulation]]:
    """The other versions of this regulation in the corpus: ('older', reg) or ('newer', reg)."""
    out = []
    for rel in reg.metadata.relations:
        if rel.target in corpus and rel.type in ("supersedes", "superseded_by"):
            out.append(("older" if rel.type == "supersedes" else "newer", corpus[rel.target]))
    return out
