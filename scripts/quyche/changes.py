"""What changed between two versions, computed from the structured data.

The summary compares facts (``quyche.fact_diff``) and the names of units
(phòng, ban, trung tâm) listed in aligned clauses: a unit renamed or merged is
said as such, not as one removed and one added, and a name written
differently ("Nông nghiệp - Môi trường" / "Nông nghiệp và Môi trường") is not
a change; every line points at the clauses on both sides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .align import Alignment, Pair
from .model import Regulation
from .normalize import fold, normalize
from .worddiff import WordDiff, word_diff



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


@dataclass(frozen=True)
class UnitName:
    name: str
    unit: str                 # the clause that lists it


@dataclass(frozen=True)
class Renaming:
    kind: str                 # renamed | merged | removed | added
    old: tuple[UnitName, ...]
    new: tuple[UnitName, ...]


_NAME_WORDS_IGNORED = {"phong", "ban", "trung", "tam", "va", "-", "–", ","}


def _content(name: str) -> set[str]:
    return {w for w in re.split(r"[\s\-–,]+", fold(name).lower()) if w and w not in _NAME_WORDS_IGNORED}


def renamings(alignment: Alignment, old: Regulation, new: Regulation) -> list[Renaming]:
    """Units of the old version's lists that the new version renamed, merged or dropped,
    and the new ones: an old name goes to the new name that holds at least half of
    its words (two or more old names to one new name are a merger)."""
    removed: dict[str, UnitName] = {}
    added: dict[str, UnitName] = {}
    for change in name_changes(alignment, old, new):
        for name in change.removed:
            removed.setdefault(fold(name).lower(), UnitName(name, change.pair.old[0]))
        for name in change.added:
            added.setdefault(fold(name).lower(), UnitName(name, change.pair.new[0]))
    # The same words written otherwise are not a change.
    for key in [k for k in removed if any(_content(removed[k].name) == _content(a.name) for a in added.values())]:
        twin = next(k2 for k2, a in added.items() if _content(a.name) == _content(removed[key].name))
        del removed[key], added[twin]
    target: dict[str, list[UnitName]] = {}
    for key, gone in list(removed.items()):
        words = _content(gone.name)
        scored = [(len(words & _content(a.name)) / max(1, len(words)), k) for k, a in added.items()]
        best = max(scored, default=(0, None))
        if best[0] >= 0.5:
            target.setdefault(best[1], []).append(gone)
            del removed[key]
    out = []
    for key, olds in target.items():
        out.append(Renaming("merged" if len(olds) > 1 else "renamed", tuple(olds), (added.pop(key),)))
    out += [Renaming("removed", (n,), ()) for n in removed.values()]
    out += [Renaming("added", (), (n,)) for n in added.values()]
    return out


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

