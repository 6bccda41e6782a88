"""Role cards and their indexes: what a text asks of each post, and the list of posts."""
from __future__ import annotations

from ..citations import citer
from ..describe import actor_names, due_note, weekday, when
from ..exports import facts_of_actor, has_events
from ..holidays import day_off
from ..model import Actor, Regulation
from ..roles import GROUP_NAMES, ROLE_NAMES, card, changes, involved, versions
from ..validity import end_of_use
from .cards import lead, meeting_rows, report_rows
from .facts_pages import address, months
from .render import STATUS, environment


#: A post's anchor on its text's roles page, where search finds its card (pages.FoundAt):
#: "the:" and the post's id. No heading's id starts so: headings are slugs, a-z, 0-9 and
#: "-" ("Thẻ vai trò" is "the-vai-tro").
CARD_ANCHOR = "the:"


def version_changes(reg: Regulation, actor: Actor, corpus: dict[str, Regulation], year: int):
    """(older, newer, changes) for the same post in another version of the text, or (None, None, None)."""
    for relation, version in versions(reg, corpus):
        if any(a.id == actor.id for a in version.actors):
            older, newer = (version, reg) if relation == "older" else (reg, version)
            return older, newer, changes(card(older, older.actor(actor.id), year),
                                         card(newer, newer.actor(actor.id), year))
    return None, None, None


def role_card_html(site, links, reg: Regulation, actor: Actor) -> str:
    """The card of one post: relations, meetings, reports, duties, its dates month by month,
    then what changed across versions (current duties first)."""
    year = site.years.start
    older, newer, diff = version_changes(reg, actor, site.regs, year)
    c = card(reg, actor, year)
    end = end_of_use(reg, site.regs)
    facts = [reg.fact(i) for i in sorted(c.facts)]
    return environment().get_template("role.html").render(
        c=c, reg=reg, year=year, url=links, corpus=site.regs, cite=citer(reg, older, newer),
        when=when, weekday=weekday, off=day_off, due=due_note, names=actor_names, ROLE_NAMES=ROLE_NAMES,
        group_name=GROUP_NAMES.get(actor.group or "", ""), older=older, newer=newer, changes=diff,
        has_calendar=has_events(reg, facts_of_actor(reg, actor.id), site.years, end),
        months=months(reg, facts, site.years, links, end), years=site.years, end=end,
        meeting_rows=meeting_rows, report_rows=report_rows, lead=lead, address=address(site, links),
        print_title=f"Thẻ vai trò: {actor.name} — {reg.metadata.short_title} — {STATUS[reg.metadata.status]}")


def _by_body(regs: list[Regulation]) -> list:
    """Cards by issuing body, the texts in force first in each: a reader looks up their own
    office first, and must not take a superseded card for the current one."""
    bodies: dict = {}
    for reg in sorted(regs, key=lambda r: (r.metadata.status != "in_force",
                                           -(r.metadata.signed.toordinal() if r.metadata.signed else 0))):
        cards = [(a, len({f.id for _, f in involved(reg, a.id)})) for a in reg.actors]
        bodies.setdefault(reg.metadata.issuing_body, []).append((reg, cards))
    return sorted(bodies.items(), key=lambda kv: (kv[1][0][0].metadata.status != "in_force", kv[0]))


def roles_index_html(site, links, one: Regulation | None = None) -> str:
    """Role cards of every text (by body, then by comparable post), or of ``one``."""
    groups: dict = {}
    regs = [one] if one else site.texts
    for reg in regs:
        for actor in reg.actors:
            count = len({f.id for _, f in involved(reg, actor.id)})
            groups.setdefault(actor.group or "", []).append((reg, actor, count))
    for items in groups.values():   # texts in force first within each post
        items.sort(key=lambda t: t[0].metadata.status != "in_force")
    order = list(GROUP_NAMES)   # groups the table does not know go last
    ordered = sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    return environment().get_template("roles_index.html").render(
        groups=ordered, group_names=GROUP_NAMES, one=one, url=links, anchor=CARD_ANCHOR, bodies=_by_body(regs), STATUS=STATUS,
        large=site.large and not one, total=len(regs))
