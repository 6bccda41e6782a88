"""Search for Vietnamese readers: without accents, and with abbreviations.

Material's search (lunr, in the reader's browser) matches the words of the
index as they are written, so "chanh van phong" never finds "Chánh Văn
phòng", and Material's Vietnamese setup does not fold accents. The fix is
in the index, at build time: every entry of ``search/search_index.json``
gets two more fields that lunr searches like the others,

* ``ftitle``: the title folded (lower case, no accents, đ → d), boosted like
  the title;
* ``ftext``: the text folded, then the expansion of every abbreviation the
  text uses and the abbreviation of every expansion it spells out ("UBND" ↔
  "Ủy ban nhân dân", from :data:`quyche.abbreviations.ABBREVIATIONS`), both
  with and without accents.

A query typed with accents still matches ``title`` and ``text``; one typed
without accents matches ``ftitle`` and ``ftext``; results show the real,
accented title and text.

Regulation pages are indexed from the model, one entry per heading unit
(chapter, article, outline section, the blocks around the text), so a result
opens the page at the article that holds the words.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from markupsafe import escape

from ..abbreviations import ABBREVIATIONS
from ..model import Regulation, Unit
from ..normalize import fold, normalize
from .render import ROLES, STATUS, heading_level, plain_heading

#: Field boosts for the folded fields; the same as Material gives title and text.
FIELDS = {"ftitle": {"boost": 1000.0}, "ftext": {"boost": 1.0}}

_NOT_WORD = re.compile(r"[\W_]+")
_TAGS = re.compile(r"<[^>]*>")


def words(text: str) -> list[str]:
    """The folded words of a text, punctuation dropped."""
    return _NOT_WORD.sub(" ", fold(text)).split()


def _abbreviation_table() -> list[tuple[str, str, str]]:
    """(abbreviation, its folded words, the folded words of its expansion)."""
    table = []
    for abbr, expansion in ABBREVIATIONS.items():
        spelled = re.sub(r"\([^)]*\)", " ", expansion)   # "đối tác công tư (Public–Private…)"
        table.append((abbr, " ".join(words(abbr)), " ".join(words(spelled))))
    return table


_TABLE = _abbreviation_table()
# Abbreviations are matched as written, upper case and whole: "TU" (Tỉnh ủy),
# never the word "từ", which folds to the same "tu".
_ABBR = re.compile(r"(?<![\wĐđ])(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
                   + r")(?![\wĐđ])")


def abbreviation_terms(text: str) -> str:
    """Both sides of every abbreviation pair the text holds one side of, with and without accents."""
    used = set(_ABBR.findall(text))
    folded = " " + " ".join(words(text)) + " "
    extra: list[str] = []
    for abbr, abbr_folded, expansion_folded in _TABLE:
        if abbr in used:
            extra += [ABBREVIATIONS[abbr].lower(), expansion_folded]
        elif expansion_folded and f" {expansion_folded} " in folded:
            extra += [abbr.lower(), abbr_folded]
    return " ".join(extra)


def with_folded_fields(entry: dict) -> dict:
    """The entry with ``ftitle`` and ``ftext`` added (the words of its text, not of its HTML)."""
    title = html.unescape(_TAGS.sub(" ", entry.get("title", "")))
    text = html.unescape(_TAGS.sub(" ", entry.get("text", "")))
    plain = f"{title} {text}"
    return {**entry, "ftitle": " ".join(words(title)),
            "ftext": " ".join(words(text)) + " " + abbreviation_terms(plain)}


# -- regulation pages: one entry per heading unit, from the model ---------------------

def _heading_title(unit: Unit) -> str:
    if unit.kind == "khoi":
        return ROLES[unit.role]
    title = plain_heading(unit.text)
    return f"{title}: {plain_heading(unit.title)}" if unit.title else title


def _body(unit: Unit) -> Iterator[str]:
    """The texts under a heading unit, down to (not into) the next heading units."""
    for child in unit.children:
        if heading_level(child) or child.kind == "khoi":
            continue
        if child.text:
            yield normalize(child.text)
        yield from _body(child)


def _sections(units: Iterable[Unit]) -> Iterator[Unit]:
    for unit in units:
        if heading_level(unit) or unit.kind == "khoi":
            yield unit
        yield from _sections(unit.children)


def regulation_entries(reg: Regulation, url: str) -> list[dict]:
    """The page entry, then one entry per heading unit, for the page at ``url``."""
    m = reg.metadata
    facts = [m.issuing_body, f"{m.document_type} {m.number or ''}".strip(),
             f"ký ngày {m.signed.strftime('%d/%m/%Y')}" if m.signed else "", m.term or "", STATUS[m.status]]
    entries = [{"location": url, "title": str(escape(m.title)),
                "text": str(escape(". ".join(f for f in facts if f)))}]
    for unit in _sections(reg.units):
        heading = "" if unit.kind == "khoi" else normalize(unit.text)
        text = " ".join(t for t in (heading, *_body(unit)) if t)
        entries.append({"location": f"{url}#{unit.id}", "title": str(escape(_heading_title(unit))),
                        "text": str(escape(text))})
    return entries


def rewrite_index(index: dict, pages: dict[str, Regulation]) -> dict:
    """Material's index with regulation pages re-indexed per unit and folded fields on every entry.

    ``pages`` maps the URL of each regulation page (as in the index: ``slug/``)
    to its regulation. Entries stay in Material's order: a page, then its sections.
    """
    docs: list[dict] = []
    done: set[str] = set()
    for entry in index["docs"]:
        page = entry["location"].split("#", 1)[0]
        if page in pages:
            if page not in done:
                docs += regulation_entries(pages[page], page)
                done.add(page)
            continue
        docs.append(entry)
    for page, reg in pages.items():   # a regulation page Material did not index at all
        if page not in done:
            docs += regulation_entries(reg, page)
    config = {**index["config"], "fields": {**index["config"].get("fields", {}), **FIELDS}}
    return {**index, "config": config, "docs": [with_folded_fields(e) for e in docs]}
