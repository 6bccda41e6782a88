"""How a reader cites a unit, built from the model's tree (never by parsing an id back).

Vietnamese legal writing cites from the smallest unit up: "điểm a khoản 2
Điều 19". Unnumbered units are counted within their parent in words:
"gạch đầu dòng thứ nhất khoản 2 Điều 19", "đoạn thứ hai khoản 2 Điều 22".
Articles are numbered through the whole text, so the chapter is left out of
an article's citation ("Điều 19", not "Điều 19 Chương III").

The 2021 Đắk Lắk outline text (A. → I. → 1. → 1.1. → a)) is cited the same
way with the names of its own levels: "điểm a khoản 5.1 mục II phần B"; a
sub-clause "5.1" already holds its clause "5", which is not repeated.

Blocks outside the normative text are cited by what a reader calls them
(``quyche.vietnamese.BLOCK_NAMES``): "Nơi nhận", "Phần cuối trang web",
"Điều 1, Quyết định ban hành", "đoạn thứ hai, Phần đầu".
"""
from __future__ import annotations

from typing import Sequence

from .vietnamese import CITATION_WORDS, KIND_NAMES, block_name, ordinal_words

#: Kinds cited with a capital inside a sentence; the others are written in lower case.
CAPITALISED = ("dieu", "chuong")


def _number(unit) -> str:
    parsed = unit.parsed
    if not parsed or parsed.kind != unit.kind:
        return ""
    if unit.kind == "tieu_khoan":
        return parsed.label.rstrip(".")          # "5.1." -> "5.1"
    return parsed.number


def _word(kind: str) -> str:
    word = CITATION_WORDS[kind]
    return word if kind in CAPITALISED else word.lower()


def _ordinal(unit, siblings: Sequence) -> int:
    same = [c for c in siblings if c.kind == unit.kind]
    return next(i for i, c in enumerate(same, 1) if c is unit)


def cite(trail: Sequence, top: Sequence) -> str:
    """The citation of ``trail[-1]``; ``trail`` is the unit with its ancestors, outermost
    first, ``top`` the regulation's top-level units (siblings of ``trail[0]``)."""
    for at in range(len(trail) - 1, -1, -1):      # the innermost block: a web page's header sits in the opening block
        unit = trail[at]
        if unit.kind == "khoi":
            name = block_name(unit.id) or KIND_NAMES["khoi"]
            inner = trail[at + 1:]
            return f"{_cite_units(inner, unit.children)}, {name}" if inner else name
    return _cite_units(trail, top)


def _cite_units(trail: Sequence, top: Sequence) -> str:
    words = []
    for at in range(len(trail) - 1, -1, -1):
        unit = trail[at]
        below = trail[at + 1:]
        siblings = trail[at - 1].children if at else top
        if unit.kind in ("gach", "doan"):
            words.append(f"{_word(unit.kind)} {ordinal_words(_ordinal(unit, siblings))}")
            continue
        if unit.kind in ("chuong", "phan") and any(u.kind == "dieu" for u in below):
            continue
        if unit.kind == "khoan" and below and below[0].kind == "tieu_khoan":
            continue
        number = _number(unit)
        words.append(f"{_word(unit.kind)} {number}" if number else _word(unit.kind))
    return " ".join(words)


def citer(*regulations):
    """A citation function for pages that show units of several versions (a comparison,
    a role card with its changes): each id is cited from the first regulation holding it.
    An id the versions share names the same place in both (ids follow the numbering)."""
    def cite_id(unit_id: str) -> str:
        for reg in regulations:
            if reg is not None and reg.has_unit(unit_id):
                return reg.citation(unit_id)
        raise KeyError(f"no unit '{unit_id}' in {', '.join(r.slug for r in regulations if r is not None)}")
    return cite_id
