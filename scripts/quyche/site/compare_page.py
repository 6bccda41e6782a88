"""The comparison page: a summary of substantive changes, then every unit side by side."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from markupsafe import Markup, escape

from ..align import Alignment
from .. import fact_types
from ..changes import renamings
from ..citations import citer
from ..fact_diff import fact_changes
from ..review import BOILERPLATE, article_index, counts, review_rows
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
                 old_href: str | None, new_href: str | None, standalone: bool = False,
                 table_hrefs: dict[str, str] | None = None, print_title: str = "", address: str = "") -> str:
    review = review_rows(alignment, old, new)
    target: dict[str, str] = {}
    for r in review:
        row_id = "cap-" + (r.pair.new or r.pair.old)[0]
        for unit_id in (*r.pair.old, *r.pair.new):
            target.setdefault(unit_id, row_id)
    index = [(reg, [(u, target[u.id]) for u in article_index(reg) if u.id in target]) for reg in (new, old)]
    names = renamings(alignment, old, new)
    facts = fact_changes(old, new, year, alignment, names)
    if standalone and not print_title:   # a file sent by e-mail and printed: its pages name the texts too
        print_title = f"So sánh: {old.metadata.short_title} → {new.metadata.short_title}"
    template = environment().get_template("compare.html")
    return template.render(
        old=old, new=new, review=review, boilerplate=[r for r in review if r.status == BOILERPLATE],
        statuses=Counter(r.status for r in review), counts=counts(review, old, new), index=index,
        table_hrefs=table_hrefs, year=year,
        facts=facts, machine=any(c.machine for c in facts), names=names, diff_html=diff_html,
        cite=citer(new, old), old_href=old_href, new_href=new_href, fact_label=fact_types.label,
        standalone=standalone, css=Markup(CSS.read_text(encoding="utf-8")) if standalone else "",
        print_title=print_title, address=address,
    )


def comparison_html(site, links, spec: Alignment, old: Regulation, new: Regulation) -> str:
    """The comparison page of the site: both texts linked from each unit."""
    tables = {f: links.file("comparison-table", old=old, new=new, format=f) for f in ("docx", "xlsx")}
    # Printed, every page names the two texts, the address and its number (not the print
    # date: the script that adds it also unfolds every row, and a printed copy shows what
    # the reader sees, unchanged rows folded).
    return compare_html(spec, old, new, site.years.start,
                        links.page("regulation", reg=old), links.page("regulation", reg=new), table_hrefs=tables,
                        print_title=f"So sánh: {old.metadata.short_title} → {new.metadata.short_title}",
                        address=f"{site.base}/{links.here}")
