"""The page listing the spans a text marks as amended (bold or italic), by article."""
from __future__ import annotations

from ..marks import marks
from ..model import Regulation
from .render import environment


def marks_html(reg: Regulation, links) -> str:
    found = marks(reg)
    groups: dict = {}
    for m in found:
        groups.setdefault(m.article.id if m.article else "", (m.article, []))[1].append(m)
    return environment().get_template("marks.html").render(
        reg=reg, marks=found, bases=groups.get("", (None, []))[1],
        groups=[g for g in groups.values() if g[0] is not None], cite=reg.citation, url=links)
