"""The dates coming up, for the home page's "Sắp tới": every concrete date of the
texts in force over the years the site shows, as a data file from which a small
script picks the next ten after the reader's today (whatever the date: a window of
days showed nothing in quiet weeks).

The page is static and built once, but "today" changes every day: so the build
writes, for every day of the years shown, the next ten dates from that day
(``xuat/sap-toi/<yyyy-mm-dd>.js``), and the reader's browser loads the file of its
today. Superseded texts are left out (their meetings no longer happen). One file
of every date was 277 KB at 400 regulations, loaded by every visit to the home
page; a day's file is a few kilobytes whatever the corpus. Each is a script that
sets ``window.quycheUpcoming`` (JSON inside), loaded with ``<script src>``: a page
opened from a folder (file://) may load a script beside it, but may not fetch a
JSON file.
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
DAY = "yyyy-mm-dd"   # in the address written into the page, replaced by the reader's today
PATH = "xuat/sap-toi/{day}.js"
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


def _events(data: dict) -> list[tuple[str, int, str, int]]:
    """(date, text, name, fact) for every date, in the order the home page lists them."""
    return sorted((d, f["text"], f["name"], i) for i, f in enumerate(data["facts"]) for d in f["dates"])


def days(years: range) -> list[str]:
    start, end = dt.date(years.start, 1, 1), dt.date(years.stop - 1, 12, 31)
    return [(start + dt.timedelta(n)).isoformat() for n in range((end - start).days + 1)]


#: The dates and the day scripts of the site being built, computed once for the home
#: page's count and the 730 files (the site is kept, so its id is not reused).
_BUILT: dict[int, tuple] = {}


def _of(site, links) -> tuple[dict, dict[str, bytes]]:
    """``links`` are the home page's: the scripts are read there."""
    if id(site) not in _BUILT:
        _BUILT.clear()
        data = upcoming_data(site.texts, site.years, links)
        _BUILT[id(site)] = (site, data, _scripts(data, site.years))
    return _BUILT[id(site)][1:]


def upcoming_scripts(site, links) -> dict[str, bytes]:
    """Each day's script: the next ten dates from that day, in the order the page lists
    them, with only the facts, texts and days off they need."""
    return _of(site, links)[1]


def _scripts(data: dict, years: range) -> dict[str, bytes]:
    events = _events(data)
    out, at = {}, 0
    for day in days(years):
        while at < len(events) and events[at][0] < day:
            at += 1
        # the ten the page shows, in its order: at 400 texts a hundred bodies meet on
        # one Monday, and a tie shown whole made a day's file 32 KB
        chosen = events[at:at + SHOWN]
        facts: dict[int, dict] = {}
        for d, _, _, i in chosen:
            f = data["facts"][i]
            facts.setdefault(i, {**f, "dates": []})["dates"].append(d)
        texts = sorted({f["text"] for f in facts.values()})
        renumber = {t: n for n, t in enumerate(texts)}
        day_data = {"first": data["first"], "last": data["last"], "texts": [data["texts"][t] for t in texts],
                    "holidays": {d: name for d, name in data["holidays"].items() if d in {e[0] for e in chosen}},
                    "facts": [{**f, "text": renumber[f["text"]]} for _, f in sorted(facts.items())]}
        out[day] = f"window.{GLOBAL} = {json.dumps(day_data, ensure_ascii=False, separators=(',', ':'))};\n".encode()
    return out


def upcoming_html(site, links) -> str:
    count = sum(len(f["dates"]) for f in _of(site, links)[0]["facts"])
    return environment().get_template("upcoming.html").render(src=links.file("upcoming", day=DAY), day=DAY,
                                                              years=site.years,
                                                              count=count, count_shown=SHOWN, url=links)
