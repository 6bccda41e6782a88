"""What changed in substance between two versions: facts paired and compared.

Facts of the two versions are paired by id (versions edited in the corpus keep
them), then by the alignment of their clauses and their type, then by type and
name. Every attribute a reader plans by is compared: the cadence (as the dates
of a year when the text fixes them, as count and periods otherwise), the
deadline reading, the chair and the substitute, attendees, senders and
recipients (by name, since two versions need not share actor ids). A change of
words that leaves all of them equal (punctuation, a synonym) is not a change.
Facts only one version has are listed as added or removed. Machine-read facts
(proposals, drafts) are marked as such.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from difflib import SequenceMatcher

from . import fact_types
from .describe import names_of, when
from .model import Fact, Regulation
from .normalize import fold, normalize
from .schedule import dates
from .vietnamese import PERIODS

#: The attributes compared, in the order a summary lists them, with a reader's label.
ATTRIBUTES = (("schedule", "Thời gian"), ("due", "Hạn"), ("chair", "Chủ trì"), ("substitute", "Người chủ trì thay"),
              ("owner", "Chủ thể"), ("attendees", "Thành phần"), ("senders", "Người gửi"), ("receivers", "Nơi nhận"),
              ("days", "Số ngày"), ("threshold", "Tỷ lệ"))
_DUE = {"before": "trước ngày", "by": "chậm nhất", "on": "vào ngày"}


@dataclass(frozen=True)
class AttributeChange:
    key: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class FactChange:
    name: str
    old: Fact | None
    new: Fact | None
    old_words: str
    new_words: str
    old_per_year: int | None
    new_per_year: int | None
    changes: tuple[AttributeChange, ...] = ()
    machine: bool = False           # one side was read by the machine, not reviewed

    @property
    def type(self) -> str:
        return (self.new or self.old).type


def per_year(reg: Regulation, fact: Fact, year: int) -> int | None:
    """How many times a year the fact happens, when the text says so."""
    sched = fact.schedule
    if sched is None:
        return None
    if sched.kind in ("rrule", "relative"):
        return len(dates(reg, fact, dt.date(year, 1, 1), dt.date(year, 12, 31)))
    multiplier = {"week": 52, "two_weeks": 26, "half_month": 24, "month": 12, "quarter": 4, "half_year": 2,
                  "nine_months": 1, "year": 1}
    if sched.kind == "window":
        return sched.count or len(sched.months)
    if sched.kind == "frequency" and sched.count and len(sched.every) == 1 and sched.every[0] in multiplier:
        return sched.count * multiplier[sched.every[0]] // max(1, sched.interval)
    return None


def _cadence(reg: Regulation, fact: Fact, year: int):
    sched = fact.schedule
    if sched is None:
        return None
    if sched.kind in ("rrule", "relative"):
        return ("dates", tuple(dates(reg, fact, dt.date(year, 1, 1), dt.date(year, 12, 31))))
    return (sched.kind, sched.count, sched.min, sched.max, tuple(sorted(sched.every)), sched.interval,
            tuple(sched.months), sched.offset_days, sched.working_days)


def _key(name: str) -> str:
    return " ".join(fold(name).lower().replace("–", "-").split())


def _same_names(a: tuple[str, ...], b: tuple[str, ...], renames: dict[str, str] | None = None) -> bool:
    """The same posts and units, once the old names are read through the version's
    renamings and mergers (the work of a merged office is not a change of who does it)."""
    renames = renames or {}
    return sorted(renames.get(_key(x), _key(x)) for x in a) == sorted(_key(x) for x in b)


def schedule_words(fact: Fact) -> str:
    sched = fact.schedule
    if sched is None:
        return ""
    text = when(fact)
    if sched.periods:
        text += f" (mỗi kỳ: {', '.join(PERIODS.get(p, p) for p in sched.periods)})"
    return text


def compare_facts(old_reg: Regulation, old: Fact, new_reg: Regulation, new: Fact, year: int,
                  renames: dict[str, str] | None = None) -> tuple[AttributeChange, ...]:
    out = []
    if _cadence(old_reg, old, year) != _cadence(new_reg, new, year):
        # Empty words: the template says "(không ghi thời gian)".
        out.append(AttributeChange("schedule", "Thời gian", schedule_words(old), schedule_words(new)))
    old_due = old.schedule.due if old.schedule else None
    new_due = new.schedule.due if new.schedule else None
    if old_due != new_due and old.schedule and new.schedule and (old_due or new_due):
        out.append(AttributeChange("due", "Hạn", _DUE.get(old_due, "(không ghi)"), _DUE.get(new_due, "(không ghi)")))
    for key, label in ATTRIBUTES[2:8]:
        a = getattr(old, key)
        b = getattr(new, key)
        a = names_of(old_reg, [a] if isinstance(a, str) else (a or ()))
        b = names_of(new_reg, [b] if isinstance(b, str) else (b or ()))
        if not _same_names(a, b, renames):
            out.append(AttributeChange(key, label, ", ".join(a) or "(không ghi)", ", ".join(b) or "(không ghi)"))
    if old.days != new.days:
        out.append(AttributeChange("days", "Số ngày", str(old.days or "(không ghi)"), str(new.days or "(không ghi)")))
    if normalize(old.threshold or "") != normalize(new.threshold or ""):
        out.append(AttributeChange("threshold", "Tỷ lệ", old.threshold or "(không ghi)", new.threshold or "(không ghi)"))
    return tuple(out)


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, fold(a).lower(), fold(b).lower()).ratio()


def pair_facts(old: Regulation, new: Regulation, alignment=None) -> list[tuple[Fact | None, Fact | None]]:
    """Pairs of the same fact in two versions; (fact, None) and (None, fact) for the rest."""
    old_facts = [f for f in (*old.facts, *old.proposals)]
    new_facts = [f for f in (*new.facts, *new.proposals)]
    pairs: list[tuple[Fact | None, Fact | None]] = []
    used_old: set[str] = set()
    used_new: set[str] = set()
    new_by_id = {f.id: f for f in new_facts}
    for fact in old_facts:
        if fact.id in new_by_id and new_by_id[fact.id].type == fact.type:
            pairs.append((fact, new_by_id[fact.id]))
            used_old.add(fact.id)
            used_new.add(fact.id)
    aligned: dict[str, set[str]] = {}
    for pair in getattr(alignment, "pairs", ()) or ():
        for o in pair.old:
            aligned.setdefault(o, set()).update(pair.new)

    def units_aligned(a: Fact, b: Fact) -> bool:
        targets = {n for s in a.sources for n in aligned.get(s.unit, ())}
        return any(s.unit in targets for s in b.sources)

    candidates = []
    for a in old_facts:
        for b in new_facts:
            if a.id in used_old or b.id in used_new or a.type != b.type:
                continue
            name = _similar(a.name, b.name)
            quote = _similar(a.source.quote, b.source.quote)
            if units_aligned(a, b):
                candidates.append((1 + max(name, quote), a, b))
            elif max(name, quote) >= 0.75:
                candidates.append((max(name, quote), a, b))
    for _, a, b in sorted(candidates, key=lambda c: -c[0]):
        if a.id not in used_old and b.id not in used_new:
            pairs.append((a, b))
            used_old.add(a.id)
            used_new.add(b.id)
    pairs += [(a, None) for a in old_facts if a.id not in used_old]
    pairs += [(None, b) for b in new_facts if b.id not in used_new]
    return pairs


def fact_changes(old: Regulation, new: Regulation, year: int, alignment=None,
                 renamings=()) -> list[FactChange]:
    """Every substantive change, the changes to what both versions regulate first.
    `renamings` (``changes.renamings``) are said once, not again in every fact."""
    renames = {_key(o.name): _key(r.new[0].name) for r in renamings if r.kind in ("renamed", "merged") for o in r.old}
    out = []
    for a, b in pair_facts(old, new, alignment):
        fact = b or a
        if fact.type == "duty" and not (a and b):
            continue                      # duties are listed clause by clause below, not here
        changes = compare_facts(old, a, new, b, year, renames) if a and b else ()
        if a and b and not changes:
            continue
        machine = bool((a and a.proposed) or (b and b.proposed))
        out.append(FactChange(fact.name, a, b, schedule_words(a) if a else "", schedule_words(b) if b else "",
                              per_year(old, a, year) if a else None, per_year(new, b, year) if b else None,
                              changes, machine))

    def shift(c: FactChange) -> int:
        if c.old_per_year is None or c.new_per_year is None:
            return 0
        return abs(c.old_per_year - c.new_per_year)

    return sorted(out, key=lambda c: (not (c.old and c.new), -shift(c), fact_types.order(c.type), c.name))
