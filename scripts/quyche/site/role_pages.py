"""Role cards and their indexes: what a text asks of each post, and the list of posts."""
from __future__ import annotations

from ..citations import citer
from ..describe import actor_names, due_note, weekday, when
from ..holidays import day_off
from ..model import Actor, Regulation
from ..roles import GROUP_NAMES, ROLE_NAMES, card, changes, involved, versions
from .render import environment


def version_changes(reg: Regulation, actor: Actor, corpus: dict[str, Regulation], year: int):
    """(older, newer, changes) for the same post in another version of the text, or (None, None, None)."""
    for relation, version in versions(reg, corpus):
        if any(a.id == actor.id for a in version.actors):
            older, newer = (version, reg) if relation == "older" else (reg, version)
            return older, newer, changes(card(older, older.actor(actor.id), year),
                                         card(newer, newer.actor(actor.id), year))
    return None, None, None


def role_card_html(site, links, reg: Regulation, actor: Actor) -> str:
    """The card of one post: relations, meetings, reports, duties, dates, changes across versions."""
    year = site.years.start
    older, newer, diff = version_changes(reg, actor, site.regs, year)
    return environment().get_template("role.html").render(
        c=card(reg, actor, year), reg=reg, year=year, url=links, corpus=site.regs, cite=citer(reg, older, newer),
        when=when, weekday=weekday, off=day_off, due=due_note, names=actor_names, ROLE_NAMES=ROLE_NAMES,
        group_name=GROUP_NAMES.get(actor.group or "", ""), older=older, newer=newer, changes=diff)


def roles_index_html(site, links, one: Regulation | None = None) -> str:
    """Role cards grouped by comparable post: of every text, or of ``one``."""
    groups: dict = {}
    for reg in [one] if one else site.texts:
        for actor in reg.actors:
            count = len({f.id for _, f in involved(reg, actor.id)})
            groups.setdefault(actor.group or "", []).append((reg, actor, count))
    order = list(GROUP_NAMES)   # groups the table does not know go last
    ordered = sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    return environment().get_template("roles_index.html").render(
        groups=ordered, group_names=GROUP_NAMES, one=one, url=links)
