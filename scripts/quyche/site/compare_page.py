"""The comparison page: a summary of substantive changes, then every unit side by side."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from markupsafe import Markup, escape

from ..align import Alignment, display_order
from ..changes import FACT_TYPES, fact_changes, name_changes, rows, type_name
from ..ids import human_citation
from ..model import Regulation
from ..worddiff import DELETE, INSERT, join_tokens, space_before
from .render import environment

CSS = Path(__file__).resolve().parent.parent / "templates" / "compare.css"


def diff_html(diff, side: str) -> Markup:
    """One side of a word diff: deletions marked on the old side, insertions on the new."""
    shown: list[str] = []
    html = []
    for op, words in diff.ops:
        if op == (INSERT if side == "old" else DELETE):
            continue
        tag = {DELETE: "del", INSERT: "ins"}.get(op)
        lead = " " if space_before(shown, words[0]) else ""
        text = escape(join_tokens(words))
        shown.extend(words)
        html.append(f"{lead}<{tag}>{text}</{tag}>" if tag else f"{lead}{text}")
    return Markup("".join(html))


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
