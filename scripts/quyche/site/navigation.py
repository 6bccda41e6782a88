"""Keep the sidebar short, so every page does not carry the whole corpus.

MkDocs renders the navigation into every page. With every regulation (and its
deadline table, role cards, …) listed there, each page grows with the corpus
and the build grows with its square: a plain mkdocs-material site of 400
regulations has pages of 0.75 MB, nearly all navigation.

So a navigation section that lists more than :data:`LIMIT` pages is replaced
by one link to a page of its own (``muc-luc/<section>.md``) that lists the
same entries, nested the same way. With the four regulations of today the
sidebar is unchanged; with hundreds it stays a few lines long.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import fold
from .text import front_matter_title

#: Pages a navigation section may list before it moves to a page of its own.
LIMIT = 40
FOLDER = "muc-luc"


@dataclass(frozen=True)
class MovedSection:
    title: str
    entries: list
    path: str   # docs-relative path of the generated listing page


def _pages(entry) -> int:
    """How many pages a nav entry (a path, {title: path} or {title: [entries]}) lists."""
    if isinstance(entry, dict):
        return sum(_pages(v) for v in entry.values())
    if isinstance(entry, list):
        return sum(_pages(e) for e in entry)
    return 1


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-") or "muc"


def shorten(nav: list, limit: int = LIMIT) -> tuple[list, list[MovedSection]]:
    """The nav with long top-level sections replaced by a link to their own listing page."""
    out, moved = [], []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            (title, value), = entry.items()
            if isinstance(value, list) and _pages(value) > limit:
                section = MovedSection(title, value, f"{FOLDER}/{_slug(title)}.md")
                moved.append(section)
                out.append({title: section.path})
                continue
        out.append(entry)
    return out, moved


def _text(title: str) -> str:
    """A title as literal markdown text."""
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", title)


def _link(target: str, text: str) -> str:
    text = _text(text)
    if re.match(r"^[a-z]+://", target):
        return f"[{text}]({target})"
    return f"[{text}](../{target})"   # listing pages live one folder down


def _lines(entries: list, depth: int) -> list[str]:
    pad = "    " * depth
    lines = []
    for entry in entries:
        if isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, list):
                    lines.append(f"{pad}- {_text(title)}")
                    lines += _lines(value, depth + 1)
                else:
                    lines.append(f"{pad}- {_link(value, title)}")
        else:
            lines.append(f"{pad}- {_link(entry, entry)}")
    return lines


def listing_page(section: MovedSection) -> str:
    """Markdown of the page that lists a moved section (macros off: titles are data)."""
    title = front_matter_title(section.title)
    return ("---\n"
            f'title: "{title}"\n'
            "render_macros: false\n"
            "---\n\n"
            f"# {_text(section.title)}\n\n" + "\n".join(_lines(section.entries, 0)) + "\n")
