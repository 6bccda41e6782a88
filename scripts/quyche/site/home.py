"""The hand-written pages' generated parts: the home page's starting points and
list of texts, the glossary, the combined role-card index.

The pages themselves are markdown in docs/; each calls one macro (macros/main.py)
that calls one function here with the page's own links.
"""
from __future__ import annotations

from ..abbreviations import glossary
from ..fact_diff import fact_changes
from ..topics import TOPICS
from .render import environment


def start_html(site, links) -> str:
    """Starting points, with figures and each comparison's headline change computed from the data."""
    compared = []
    for spec in site.comparisons:
        old, new = site.regulation(spec.old), site.regulation(spec.new)
        changed = [c for c in fact_changes(old, new, site.years.start) if c.old and c.new]
        compared.append({"old": old, "new": new, "first": changed[0] if changed else None})
    regs = site.texts
    return environment().get_template("home.html").render(
        regs=regs, comparisons=compared, topics=TOPICS, url=links,
        meetings=sum(f.type == "meeting" for r in regs for f in r.facts),
        reports=sum(f.type in ("report", "plan_submission") for r in regs for f in r.facts),
        cards=sum(len(r.actors) for r in regs))


def texts_html(site, links) -> str:
    """The table of every text, with its body, type, number, date signed and status."""
    return environment().get_template("texts.html").render(regs=site.texts, url=links)


def glossary_html(site, links) -> str:
    """Abbreviations that occur in the sources, with the first place each text uses them."""
    return environment().get_template("glossary.html").render(rows=glossary(site.texts), url=links)
