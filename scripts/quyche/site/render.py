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


def plain_heading(text: str) -> str:
    return re.sub(r"\*+", "", text).replace("\n", " ").strip()


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["inline"] = inline
    env.filters["refs"] = linked     # [[unit-id]] in a note -> the clause's citation, linked
    env.filters["plain_heading"] = plain_heading
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


def regulation_html(regulation: Regulation, site, links) -> str:
    """The full text page: metadata box, contents, every unit with its anchor."""
    by_unit_defects: dict[str, list] = {}
    for defect in regulation.defects:
        by_unit_defects.setdefault(defect.unit, []).append(defect)
    by_unit_anomalies: dict[str, list] = {}
    for anomaly in regulation.anomalies:
        by_unit_anomalies.setdefault(anomaly.unit, []).append(anomaly)
    template = environment().get_template("regulation.html")
    return template.render(reg=regulation, meta=regulation.metadata, corpus=site.regs, url=links,
                           defects=by_unit_defects, anomalies=by_unit_anomalies,
                           toc=toc(regulation), heading_level=heading_level,
                           compared=[c for c in site.comparisons if regulation.slug in (c.old, c.new)])
