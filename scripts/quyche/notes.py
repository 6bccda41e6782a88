"""Clause references inside editors' notes: ``[[dieu-5-khoan-1]]``.

A note that says which clause it draws on writes the clause's id between
double brackets. ``quyche check`` resolves every reference against the
regulation's units (a reference to a clause that does not exist fails, with
the note's line), and reports a citation left in free text ("Điều 5 khoản 1",
"mục B.II.5.1"), which nothing could resolve. Pages show a reference as the
reader's citation linked to the clause ("khoản 1 Điều 5"); exports as the
citation alone. Never the id.
"""
from __future__ import annotations

import re
from typing import Iterator

from markupsafe import Markup, escape

from .model import Regulation
from .problems import Problem

REF = re.compile(r"\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]")

#: A clause of the text cited in words: "Điều 5", "Điều 5 khoản 1", "khoản 1 Điều 5",
#: "điểm a khoản 2 Điều 19", and the 2021 outline's "mục B.II.5.1".
FREE_CITATION = re.compile(
    r"(?<!\w)(?:(?:điểm\s+[a-zđ]\s+)?(?:khoản\s+\d+\s+)?Điều\s+\d+(?:\s+khoản\s+\d+(?:\s+điểm\s+[a-zđ]\b)?)?"
    r"|mục\s+[A-Z]\.[IVX]+(?:\.\d+)*(?:\.[a-zđ])?)", re.I)


def notes(reg: Regulation) -> Iterator[tuple[str, str, int]]:
    """(what, text, YAML line) of every note-like field an editor writes."""
    meta = reg.metadata
    if meta.note:
        yield "metadata note", meta.note, meta.line_of("note")
    for d in reg.defects:
        yield f"defect in {d.unit}", d.note, d.line
    for a in reg.actors:
        if a.note:
            yield f"actor {a.id}", a.note, a.line
    for f in reg.facts:
        if f.note:
            yield f"fact {f.id}", f.note, f.line_of("note")
        if f.schedule and f.schedule.interpretation:
            yield f"fact {f.id}", f.schedule.interpretation, f.schedule.line_of("interpretation")
    for w in reg.waivers:
        yield f"waiver for {w.unit}", w.reason, w.line


def check_notes(reg: Regulation, shown: str) -> list[Problem]:
    problems = []
    for what, text, line in notes(reg):
        for ref in REF.findall(text):
            if not reg.has_unit(ref):
                problems.append(Problem(shown, line, f"{what}: note cites [[{ref}]], which is not a unit of "
                                        f"{reg.slug}"))
        for m in FREE_CITATION.finditer(REF.sub(" ", text)):
            problems.append(Problem(shown, line, f"{what}: note cites \"{m.group(0)}\" in words; write the "
                                    "clause's id as [[id]] (e.g. [[dieu-5-khoan-1]]) so the check can resolve it"))
    return problems


def plain(text: str | None, reg: Regulation) -> str:
    """A note for exports: each reference as the reader's citation."""
    return REF.sub(lambda m: _cite(reg, m.group(1)), text or "")


def linked(text: str | None, reg: Regulation, url=None) -> Markup:
    """A note for a page: escaped, each reference a link to its clause (built by the
    page's URL helper ``url``; without one, an anchor on the same page)."""
    out, at = [], 0
    text = text or ""
    for m in REF.finditer(text):
        out.append(escape(text[at:m.start()]))
        href = url.page("regulation", m.group(1), reg=reg) if url is not None else f"#{m.group(1)}"
        out.append(Markup('<a href="{}">{}</a>').format(href, _cite(reg, m.group(1))))
        at = m.end()
    out.append(escape(text[at:]))
    return Markup("").join(out)


def _cite(reg: Regulation, unit_id: str) -> str:
    return reg.citation(unit_id) if reg.has_unit(unit_id) else unit_id
