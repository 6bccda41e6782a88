"""The comparison page: a summary of substantive changes, then every unit side by side."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from markupsafe import Markup, escape

from ..align import Alignment, display_order
from ..changes import FACT_TYPES, fact_changes, name_changes, rows, type_name
from ..ids import human_citation
from ..model import Regulation
from ..worddiff import DELETE, EQUAL, INSERT, join_tokens
from .render import environment

CSS = Path(__file__).resolve().parent.parent / "templates" / "compare.css"


def diff_html(diff, side: str) -> Markup:
    """One side of a word diff: deletions marked on the old side, insertions on the new."""
    parts = []
    for op, words in diff.ops:
        text = escape(join_tokens(words))
        if op == EQUAL:
            parts.append(str(text))
        elif op == DELETE and side == "old":
            parts.append(f"<del>{text}</del>")
        elif op == INSERT and side == "new":
            parts.append(f"<ins>{text}</ins>")
    return Markup(" ".join(parts))


def compare_html(alignment: Alignment, old: Regulation, new: Regulation, year: int,
                 old_href: str | None, new_href: str | None, standalone: bool = False) -> str:
    ordered = display_order(alignment, old, new)
    table = rows(alignment, ordered, old, new)
    counts = Counter(r.pair.type for r in table)
    changed_words = sum(r.diff.changed_words for r in table if r.diff)
    total_words = sum(r.diff.total_words for r in table if r.diff)
    template = environment().get_template("compare.html")
    return template.render(
        old=old, new=new, rows=table, counts=counts, type_name=type_name, year=year,
        facts=fact_changes(old, new, year), names=name_changes(alignment, old, new),
        changed_words=changed_words, total_words=total_words, diff_html=diff_html,
        cite=human_citation, old_href=old_href, new_href=new_href, FACT_TYPES=FACT_TYPES,
        standalone=standalone, css=Markup(CSS.read_text(encoding="utf-8")) if standalone else "",
    )
