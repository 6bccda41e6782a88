"""Deadline tables, year calendars and export links, rendered from the model."""
from __future__ import annotations

import datetime as dt

from .. import fact_types
from ..describe import DUE, TYPES, actor_names, due_note, weekday, when, who
from ..holidays import day_off
from ..model import Regulation
from ..schedule import all_windows, occurrences
from .render import environment

MONTHS = [f"Tháng {m}" for m in range(1, 13)]


def years_shown(today: dt.date | None = None) -> range:
    """The current and the next year."""
    year = (today or dt.date.today()).year
    return range(year, year + 2)


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
            "reg": reg,
        })
    return rows


def calendar(reg: Regulation, years: range) -> list[dict]:
    """Per year and month, each concrete date with its weekday and day-off flag."""
    out = []
    for year in years:
        months: dict[int, list[dict]] = {}
        for occ in occurrences(reg, dt.date(year, 1, 1), dt.date(year, 12, 31)):
            sched = occ.fact.schedule
            off = day_off(occ.date)
            months.setdefault(occ.date.month, []).append({
                "date": occ.date, "weekday": weekday(occ.date), "fact": occ.fact, "off": off,
                "rule": sched.day_off_rule if sched else None,
                "hedges": sched.hedges if sched else (),
                "citation": reg.citation(occ.fact.source.unit), "due": due_note(occ.fact),
            })
        count = sum(len(v) for v in months.values())
        # Meetings fixed to a month but not a day ("dự kiến trong tháng Bảy") head their month.
        for win in all_windows(reg, dt.date(year, 1, 1), dt.date(year, 12, 31)):
            sched = win.fact.schedule
            months.setdefault(win.first.month, []).insert(0, {
                "window": win, "fact": win.fact, "hedges": sched.hedges,
                "citation": reg.citation(win.fact.source.unit)})
        out.append({"year": year, "months": [(MONTHS[m - 1], months[m]) for m in sorted(months)],
                    "count": count, "windows": sum(1 for v in months.values() for it in v if it.get("window"))})
    return out


def deadlines_html(reg: Regulation, site, links) -> str:
    template = environment().get_template("deadlines.html")
    actors = [a for a in reg.actors if any(a.id == x for f in reg.facts for _, x in f.actor_roles())]
    return template.render(reg=reg, rows=_rows(reg, links), calendar=calendar(reg, site.years), actors=actors,
                           years=site.years, url=links, corpus=site.regs)


def combined_html(site, links) -> str:
    template = environment().get_template("deadlines_all.html")
    return template.render(regs=site.texts, rows=[row for reg in site.texts for row in _rows(reg, links)], url=links)
