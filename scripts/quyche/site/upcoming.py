"""The dates coming up, for the home page: every concrete date of the texts in
force over the years the site shows, as data a small script filters by today.

The page is static and built once, but "today" changes every day: so the build
writes the dates and the reader's browser picks the next ones. Superseded texts
are left out (their meetings no longer happen).
"""
from __future__ import annotations

import datetime as dt
import json

from markupsafe import Markup

from ..describe import due_note, who
from ..holidays import day_off
from ..ids import human_citation
from ..model import Regulation
from ..schedule import occurrences
from .render import environment


def upcoming_dates(regs: list[Regulation], years: range) -> list[dict]:
    out = []
    for reg in regs:
        if reg.metadata.status != "in_force":
            continue
        start, end = dt.date(years.start, 1, 1), dt.date(years.stop - 1, 12, 31)
        for occ in occurrences(reg, start, end):
            sched = occ.fact.schedule
            out.append({
                "date": occ.date.isoformat(), "name": occ.fact.name, "who": who(reg, occ.fact),
                "text": reg.metadata.short_title, "href": f"{reg.slug}/#{occ.fact.source.unit}",
                "cite": human_citation(occ.fact.source.unit), "off": day_off(occ.date) or "",
                "rule": (sched.day_off_rule or "") if sched else "", "due": due_note(occ.fact),
            })
    return sorted(out, key=lambda d: (d["date"], d["text"], d["name"]))


def _json_for_script(data) -> Markup:
    """JSON that cannot end its <script> element early: "<" is written as \\u003c."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"))


DAYS = 14   # this week and the next: what a reader plans for


def upcoming_html(regs: list[Regulation], years: range) -> str:
    dates = upcoming_dates(regs, years)
    return environment().get_template("upcoming.html").render(
        data=_json_for_script({"first": f"{years.start}-01-01", "last": f"{years.stop - 1}-12-31", "dates": dates}),
        years=years, count=len(dates), days=DAYS)
