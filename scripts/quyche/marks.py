"""Spans a text marks in bold or italic, where the marks carry meaning.

In the Điện Biên text bold and italic mark what was amended against the
replaced regulation (which is not in the corpus): this lists the marked spans
by article and says nothing about what they replaced.

Outside the normative text, bold and italic are typography (the title, the
signature block, "(để báo cáo)" in the recipients), except in the legal bases
("Căn cứ …"), which are plain paragraphs: a marked basis is an added one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Regulation, Unit
from .normalize import normalize

_MARK = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1(?!\*)", re.S)
_LABEL_ONLY = re.compile(r"^(\d+\.|\(\d+\)-?|[a-zđ]\)|-)$")
_BASIS = re.compile(r"^[*_\s]*Căn cứ\b")


def is_legal_basis(text: str) -> bool:
    """A paragraph of the front matter naming a legal basis ("Căn cứ …")."""
    return bool(_BASIS.match(normalize(text or "")))


@dataclass(frozen=True)
class Mark:
    unit: Unit
    article: Unit | None   # None for a legal basis in the front matter
    style: str        # "đậm", "nghiêng", "đậm và nghiêng"
    text: str
    whole: bool       # the mark covers the unit's whole text


def marks(reg: Regulation) -> list[Mark]:
    out = []

    def visit(unit: Unit, article: Unit | None) -> None:
        if unit.kind == "dieu":
            article = unit
        basis = not unit.normative and unit.kind == "doan" and is_legal_basis(unit.text)
        if unit.text and (unit.normative or basis) and unit.kind not in ("chuong", "dieu"):
            for m in _MARK.finditer(unit.text):
                text = normalize(m.group(2))
                if not text or _LABEL_ONLY.match(text):
                    continue   # a bold clause number is typography, not an amendment
                style = {1: "nghiêng", 2: "đậm", 3: "đậm và nghiêng"}[len(m.group(1))]
                whole = normalize(unit.text).strip("*- ") == text.strip("- ")
                out.append(Mark(unit, article, style, text, whole))
        for child in unit.children:
            visit(child, article)

    for unit in reg.units:
        visit(unit, None)
    return out
