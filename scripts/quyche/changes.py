"""What changed between two versions, computed from the structured data.

The summary compares facts with the same id in both versions (meetings,
reports, deadlines), and the names of units (phòng, ban, trung tâm) listed in
aligned clauses; every line points at the clauses on both sides.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .align import Alignment, Pair
from .describe import TYPES, when
from .model import Fact, Regulation
from .normalize import normalize
from .schedule import dates
from .worddiff import WordDiff, word_diff



@dataclass(frozen=True)
class FactChange:
    name: str
    old: Fact | None
    new: Fact | None
    old_words: str
    new_words: str
    old_per_year: int | None
    new_per_year: int | None


@dataclass(frozen=True)
class NameChange:
    pair: Pair
    removed: tuple[str, ...]
    added: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    pair: Pair
    diff: WordDiff | None

    @property
    def changed(self) -> bool:
        return self.pair.type in ("added", "removed") or (self.diff is not None and not self.diff.is_equal)


def per_year(reg: Regulation, fact: Fact, year: int) -> int | None:
    if fact.schedule is None:
        return None
    if fact.schedule.kind in ("rrule", "relative"):
        return len(dates(reg, fact, dt.date(year, 1, 1), dt.date(year, 12, 31)))
    multiplier = {"week": 52, "month": 12, "quarter": 4, "half_year": 2, "year": 1}
    if fact.schedule.kind == "frequency" and fact.schedule.per in multiplier:
        return fact.schedule.count * multiplier[fact.schedule.per]
    return None


def fact_changes(old: Regulation, new: Regulation, year: int) -> list[FactChange]:
    out = []
    new_by_id = {f.id: f for f in new.facts if f.type != "duty"}
    old_by_id = {f.id: f for f in old.facts if f.type != "duty"}
    for fact_id in list(old_by_id) + [i for i in new_by_id if i not in old_by_id]:
        a, b = old_by_id.get(fact_id), new_by_id.get(fact_id)
        words_a, words_b = (when(a) if a else ""), (when(b) if b else "")
        if a and b and normalize(words_a) == normalize(words_b) and a.chair == b.chair:
            continue
        out.append(FactChange((b or a).name, a, b, words_a, words_b,
                              per_year(old, a, year) if a else None, per_year(new, b, year) if b else None))
    order = {"meeting": 0, "report": 1, "plan_submission": 2, "lead_time": 3, "working_session": 4}
    # Changes to what both versions regulate first, then what one version alone has.
    # Largest change in how often something happens first.
    def shift(c: FactChange) -> int:
        if c.old_per_year is None or c.new_per_year is None:
            return 0
        return abs(c.old_per_year - c.new_per_year)

    return sorted(out, key=lambda c: (not (c.old and c.new), -shift(c), order.get((c.new or c.old).type, 9),
                                      (c.new or c.old).name))


def unit_names(text: str) -> list[str]:
    """Names in a list of units ("…: Phòng Tổng hợp, Phòng Kinh tế, …"); [] for prose."""
    plain = normalize(text)
    items = re.split(r"[,;:]\s*", plain.split(":", 1)[1] if ":" in plain else plain)
    names = []
    for item in items:
        item = re.sub(r"[.\s]+$", "", item.strip()).replace("–", "-")
        item = re.sub(r"\s+", " ", item)
        if re.match(r"^(Phòng|Ban|Trung tâm)\s", item) and len(item.split()) <= 9:
            names.append(item)
    return names if len(names) >= 2 else []


def name_changes(alignment: Alignment, old: Regulation, new: Regulation) -> list[NameChange]:
    """Units (phòng, ban, trung tâm) listed in aligned clauses that appear or disappear."""
    out = []
    for pair in alignment.pairs:
        if not (pair.old and pair.new):
            continue
        a = [n for i in pair.old for n in unit_names(old.unit(i).text)]
        b = [n for i in pair.new for n in unit_names(new.unit(i).text)]
        if len(a) < 2 and len(b) < 2:
            continue
        low_a, low_b = {n.lower() for n in a}, {n.lower() for n in b}
        removed = tuple(dict.fromkeys(n for n in a if n.lower() not in low_b))
        added = tuple(dict.fromkeys(n for n in b if n.lower() not in low_a))
        if removed or added:
            out.append(NameChange(pair, removed, added))
    return out


def rows(alignment: Alignment, ordered: list[Pair], old: Regulation, new: Regulation) -> list[Row]:
    out = []
    for pair in ordered:
        diff = None
        if pair.old and pair.new:
            diff = word_diff(" ".join(old.unit(i).text for i in pair.old),
                             " ".join(new.unit(i).text for i in pair.new))
        out.append(Row(pair, diff))
    return out


def type_name(kind: str) -> str:
    return {"same": "Giữ nguyên", "modified": "Sửa đổi", "moved": "Chuyển chỗ", "renumbered": "Đánh số lại",
            "split": "Tách", "merged": "Gộp", "added": "Bổ sung", "removed": "Bãi bỏ"}[kind]


FACT_TYPES = TYPES
