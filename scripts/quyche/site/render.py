"""HTML for regulation texts. Everything from YAML or sources is escaped here.

Jinja2 autoescape does the escaping; the only markup we add back is the
source's own emphasis (``**bold**``, ``*italic*``), applied after escaping so
that ``<script>`` in a text stays text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from ..model import Regulation, Unit
from ..numbering import SCHEMES
from ..notes import linked
from .dates import last_changed, took_effect

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_STRONG_EM = re.compile(r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*", re.S)
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_EM = re.compile(r"(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])", re.S)

STATUS = {"in_force": "Đang có hiệu lực", "superseded": "Đã được thay thế",
          "term_ended": "Hết nhiệm kỳ, chưa rõ văn bản thay thế"}
ROLES = {"decision": "Quyết định ban hành", "header": "Phần đầu văn bản",
         "recipients": "Nơi nhận", "signature": "Chữ ký", "chrome": "Giao diện trang web (không thuộc văn bản)"}
DEFECTS = {"page_break": "Ngắt trang giữa câu", "page_break_duplicate": "Ngắt trang lặp chữ",
           "duplicate": "Đoạn bị lặp", "typo": "Lỗi chính tả", "markup": "Lỗi định dạng",
           "missing_text": "Thiếu chữ"}


def inline(text: str) -> Markup:
    """Escape a source text, then show its own emphasis; line breaks kept."""
    html = str(escape(text))
    html = _STRONG_EM.sub(r"<strong><em>\1</em></strong>", html)
    html = _STRONG.sub(r"<strong>\1</strong>", html)
    html = _EM.sub(r"<em>\1</em>", html)
    return Markup(html.replace("\n", "<br>"))


def css_string(text: str) -> Markup:
    """A CSS string literal for text inside a <style> element, where HTML escapes are
    not read: every character that could end the string, the rule or the element is
    written as a CSS escape."""
    out = []
    for ch in str(text):
        out.append(f"\\{ord(ch):x} " if ch in '"\\<>&\n\r{}' or ord(ch) < 32 else ch)
    return Markup('"' + "".join(out) + '"')


def clause_of(unit_id: str) -> str:
    """The clause a paragraph (đoạn) belongs to: readers cite clauses, not paragraphs."""
    return re.sub(r"(-doan-\d+)+$", "", unit_id)


def plain_heading(text: str) -> str:
    return re.sub(r"\*+", "", text).replace("\n", " ").strip()


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["inline"] = inline
    env.filters["refs"] = linked     # [[unit-id]] in a note -> the clause's citation, linked
    env.filters["plain_heading"] = plain_heading
    env.filters["clause_of"] = clause_of
    env.filters["css_string"] = css_string
    env.globals.update(STATUS=STATUS, ROLES=ROLES, DEFECTS=DEFECTS)
    return env


def heading_level(unit: Unit) -> int | None:
    """Which units are headings: chapters and articles, or the outline's parts (the scheme says)."""
    return SCHEMES[unit.scheme].heading_level(unit.kind, bool(unit.children))


def toc(regulation: Regulation) -> list[tuple[Unit, list[Unit]]]:
    """Chapters (or parts) with their articles (or sections), for the page's contents box."""
    out: list[tuple[Unit, list[Unit]]] = []
    for unit in regulation.units:
        if unit.kind == "khoi":
            out.append((unit, []))
        elif unit.kind in ("chuong", "phan"):
            kids = [c for c in unit.children if heading_level(c)]
            out.append((unit, kids))
        elif heading_level(unit):
            out.append((unit, []))
    return out


PAGE_BREAKS = ("page_break", "page_break_duplicate")


def page_break_joins(regulation: Regulation) -> dict[str, list[Unit]]:
    """Paragraphs the source's page breaks cut in two, joined again for reading.

    The data keeps the source as it is: the sentence's second half is a unit of its
    own, with a page_break defect. On the page it is shown inside the paragraph it
    continues (the one before it in reading order), behind a discreet mark, so a
    reader meets one sentence. Returns: id of the paragraph -> the units joined to it.
    """
    broken = {d.unit for d in regulation.defects if d.kind in PAGE_BREAKS}
    joins: dict[str, list[Unit]] = {}
    host: dict[str, str] = {}
    previous: Unit | None = None
    for unit in regulation.walk():
        if heading_level(unit) or unit.kind == "khoi":
            previous = None
            continue
        if unit.id in broken and previous is not None:
            root = host.get(previous.id, previous.id)
            joins.setdefault(root, []).append(unit)
            host[unit.id] = root
        previous = unit
    return joins


def regulation_html(regulation: Regulation, site, links) -> str:
    """The full text page: metadata box, contents, every unit with its anchor."""
    by_unit_defects: dict[str, list] = {}
    for defect in regulation.defects:
        by_unit_defects.setdefault(defect.unit, []).append(defect)
    by_unit_anomalies: dict[str, list] = {}
    for anomaly in regulation.anomalies:
        by_unit_anomalies.setdefault(anomaly.unit, []).append(anomaly)
    joins = page_break_joins(regulation)
    template = environment().get_template("regulation.html")
    return template.render(reg=regulation, meta=regulation.metadata, corpus=site.regs, url=links,
                           joins=joins, joined={u.id for units in joins.values() for u in units},
                           cite=regulation.citation, effect=took_effect(regulation),
                           address=f"{site.base}/{links.here}",
                           updated=last_changed([regulation.path, regulation.source_path]),
                           print_title=f"{regulation.metadata.short_title} — {STATUS[regulation.metadata.status]}",
                           defects=by_unit_defects, anomalies=by_unit_anomalies,
                           toc=toc(regulation), heading_level=heading_level,
                           compared=[c for c in site.comparisons if regulation.slug in (c.old, c.new)])
