"""Deadline tables, month calendars and export links, rendered from the model."""
from __future__ import annotations

import datetime as dt

from .. import fact_types
from ..describe import DUE, TYPES, actor_names, due_note, weekday, when, who
from ..exports import facts_of_actor, has_events
from ..holidays import day_off
from ..model import Regulation
from ..normalize import fold
from ..schedule import all_windows, dates, occurrences
from ..validity import End, end_of_use
from .render import STATUS, environment


def years_shown(today: dt.date | None = None) -> range:
    """The current and the next year."""
    year = (today or dt.date.today()).year
    return range(year, year + 2)


def address(site, links) -> str:
    """The page's published address, printed at the foot of every printed page."""
    return f"{site.base}/{links.here}"


def _rows(reg: Regulation, links) -> list[dict]:
    rows = []
    for fact in reg.facts:
        if not fact_types.is_listed(fact):
            continue
        rows.append({
            "fact": fact, "type": TYPES[fact.type], "who": who(reg, fact),
            "to": actor_names(reg, fact.receivers or fact.attendees),
            "when": when(fact), "due": DUE.get(fact.schedule.due, "") if fact.schedule else "",
            "href": links.page("regulation", fact.source.unit, reg=reg), "citation": reg.citation(fact.source.unit),
            "reg": reg, "posts": sorted({a.name for a in reg.actors if a.id in {x for _, x in fact.actor_roles()}}),
        })
    return rows


def _last(years: range, end: End | None) -> dt.date:
    last = dt.date(years.stop - 1, 12, 31)
    return last if end is None else min(last, end.last_day)


def months(reg: Regulation, facts, years: range, links, end: End | None = None) -> list[dict]:
    """Each month of the years shown that holds a date of these facts: the dates with
    their weekday and day-off flag; nothing after the end of a text no longer applied.
    All months are written; the reader's browser opens the list at the current month
    and shows twelve (docs/assets/upcoming.js), so a page built once stays current."""
    ids = {f.id for f in facts}
    out: dict[tuple[int, int], list[dict]] = {}
    for occ in occurrences(reg, dt.date(years.start, 1, 1), _last(years, end)):
        if occ.fact.id not in ids:
            continue
        sched = occ.fact.schedule
        out.setdefault((occ.date.year, occ.date.month), []).append({
            "date": occ.date, "weekday": weekday(occ.date), "fact": occ.fact, "off": day_off(occ.date),
            "rule": sched.day_off_rule if sched else None,
            "href": links.page("regulation", occ.fact.source.unit, reg=reg),
            "citation": reg.citation(occ.fact.source.unit), "due": due_note(occ.fact),
        })
    # Meetings fixed to a month but not a day ("dự kiến trong tháng Bảy") head their month.
    for win in all_windows(reg, dt.date(years.start, 1, 1), _last(years, end)):
        if win.fact.id in ids:
            out.setdefault((win.first.year, win.first.month), []).insert(0, {
                "window": win, "fact": win.fact, "hedges": win.fact.schedule.hedges,
                "href": links.page("regulation", win.fact.source.unit, reg=reg),
                "citation": reg.citation(win.fact.source.unit)})
    return [{"key": f"{y}-{m:02d}", "label": f"Tháng {m}/{y}", "items": items} for (y, m), items in sorted(out.items())]


def deadlines_html(reg: Regulation, site, links) -> str:
    template = environment().get_template("deadlines.html")
    end = end_of_use(reg, site.regs)
    # Only posts whose calendar holds a date are offered one (an empty .ics misleads).
    actors = [a for a in reg.actors if has_events(reg, facts_of_actor(reg, a.id), site.years, end)]
    return template.render(reg=reg, rows=_rows(reg, links), months=months(reg, reg.facts, site.years, links, end),
                           actors=actors, years=site.years, url=links, corpus=site.regs, end=end,
                           calendar_has_events=has_events(reg, list(reg.facts), site.years, end),
                           address=address(site, links), landscape=True,
                           print_title=f"Lịch và thời hạn — {reg.metadata.short_title} — {STATUS[reg.metadata.status]}")


def combined_html(site, links) -> str:
    """Every dated fact of the corpus in one table, with filters by document, post and
    month; in a large corpus, the texts (in force first) leading to each one's page."""
    template = environment().get_template("deadlines_all.html")
    if site.large:
        texts = sorted(site.texts, key=lambda r: r.metadata.status != "in_force")
        counts = [(reg, sum(f.type == "meeting" for f in reg.facts),
                   sum(f.type in ("report", "plan_submission") for f in reg.facts)) for reg in texts]
        return template.render(per_text=counts, url=links, STATUS=STATUS, address=address(site, links),
                               print_title="Lịch và thời hạn của tất cả văn bản")
    rows = []
    for reg in site.texts:
        end = end_of_use(reg, site.regs)
        for row in _rows(reg, links):
            days = dates(reg, row["fact"], dt.date(site.years.start, 1, 1), _last(site.years, end))
            row["months"] = sorted({d.month for d in days})
            rows.append(row)
    posts = sorted({p for r in rows for p in r["posts"]}, key=fold)
    return template.render(regs=site.texts, rows=rows, posts=posts, url=links, STATUS=STATUS,
                           address=address(site, links), landscape=True,
                           print_title="Lịch và thời hạn của tất cả văn bản")
