"""The dates coming up, for the home page's "Sắp tới": every concrete date of the
texts in force over the years the site shows, as a data file from which a small
script picks the next ten after the reader's today (whatever the date: a window of
days showed nothing in quiet weeks).

The page is static and built once, but "today" changes every day: so the build
writes the dates and the reader's browser picks the next ones. Superseded texts
are left out (their meetings no longer happen). The file is loaded, not inlined,
so the home page stays small however many texts the corpus holds: one entry per
fact with its list of dates, days off listed once. It is a script that sets
``window.quycheUpcoming`` (JSON inside), loaded with ``<script src>``: a page opened
from a folder (file://) may load a script beside it, but may not fetch a JSON file.
"""
from __future__ import annotations

import datetime as dt
import json

from ..describe import due_note, who
from ..holidays import holidays
from ..model import Regulation
from ..schedule import dates
from .render import environment

SHOWN = 10   # the next ten meetings and deadlines
PATH = "xuat/sap-toi.js"
GLOBAL = "quycheUpcoming"


def upcoming_data(regs: list[Regulation], years: range, links) -> dict:
    """The dates, and links to each fact's clause as seen from the page that shows them (``links``)."""
    start, end = dt.date(years.start, 1, 1), dt.date(years.stop - 1, 12, 31)
    texts, facts = [], []
    for reg in regs:
        if reg.metadata.status != "in_force":
            continue
        for fact in reg.facts:
            days = dates(reg, fact, start, end)
            if not days:
                continue
            if not texts or texts[-1] != reg.metadata.short_title:
                texts.append(reg.metadata.short_title)
            sched = fact.schedule
            facts.append({"name": fact.name, "who": who(reg, fact), "text": len(texts) - 1,
                          "href": links.page("regulation", fact.source.unit, reg=reg), "cite": reg.citation(fact.source.unit),
                          "due": due_note(fact), "rule": (sched.day_off_rule or "") if sched else "",
                          "dates": [d.isoformat() for d in days]})
    off = {d.isoformat(): name for year in years for d, name in sorted(holidays(year).items())}
    return {"first": start.isoformat(), "last": end.isoformat(), "texts": texts, "holidays": off, "facts": facts}


def upcoming_script(regs: list[Regulation], years: range, links) -> bytes:
    data = json.dumps(upcoming_data(regs, years, links), ensure_ascii=False, separators=(",", ":"))
    return f"window.{GLOBAL} = {data};\n".encode("utf-8")


def upcoming_html(site, links) -> str:
    count = sum(len(f["dates"]) for f in upcoming_data(site.texts, site.years, links)["facts"])
    return environment().get_template("upcoming.html").render(src=links.file("upcoming"), years=site.years,
                                                              count=count, count_shown=SHOWN, url=links)
