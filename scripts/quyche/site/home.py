"""The hand-written pages' generated parts: the home page's starting points and
list of texts, the glossary, the combined role-card index.

The pages themselves are markdown in docs/; each calls one macro (macros/main.py)
that calls one function here with the page's own links.
"""
from __future__ import annotations

from ..abbreviations import glossary
from ..fact_diff import fact_changes
from ..topics import TOPICS
from .build import LIST_LIMIT
from .render import environment


#: The home page lists this many texts and comparisons; a corpus with more lists them
#: all on its own page (``van-ban.md``), so the home page stays light at 400 texts.
HOME_TEXTS = LIST_LIMIT
HOME_COMPARISONS = 3


def start_html(site, links) -> str:
    """Starting points, with figures and each comparison's headline change computed from the data."""
    compared = []
    for spec in site.comparisons[:HOME_COMPARISONS]:
        old, new = site.regulation(spec.old), site.regulation(spec.new)
        changed = [c for c in fact_changes(old, new, site.years.start) if c.old and c.new]
        compared.append({"old": old, "new": new, "first": changed[0] if changed else None})
    regs = site.texts
    return environment().get_template("home.html").render(
        regs=regs, comparisons=compared, more_comparisons=len(site.comparisons) - len(compared),
        topics=TOPICS, url=links,
        meetings=sum(f.type == "meeting" for r in regs for f in r.facts),
        reports=sum(f.type in ("report", "plan_submission") for r in regs for f in r.facts),
        cards=sum(len(r.actors) for r in regs))


def texts_html(site, links) -> str:
    """The home page's table of texts: every text, or in a large corpus the first texts
    in force (newest first per body) and the way to all of them."""
    regs = site.texts
    if site.large:
        regs = [r for r in regs if r.metadata.status == "in_force"][:HOME_TEXTS]
    return environment().get_template("texts.html").render(regs=regs, total=len(site.texts), url=links)


def texts_page_html(site, links) -> str:
    """Every text, and every comparison between versions."""
    comparisons = [(site.regulation(c.old), site.regulation(c.new)) for c in site.comparisons]
    return environment().get_template("texts.html").render(regs=site.texts, total=len(site.texts), url=links,
                                                           comparisons=comparisons, full=True)


def glossary_html(site, links) -> str:
    """Abbreviations that occur in the sources, with the first place each text uses them."""
    return environment().get_template("glossary.html").render(rows=glossary(site.texts), url=links)
