"""The page kinds of the site, each declared once.

A kind says where its pages live (a docs path pattern, ``str.format`` over the
kind's parameters), which pages exist (``each``), their title and heading,
their place in the navigation, what search may know of them, and which
renderer draws them. The MkDocs hooks read this table to generate the files and
the navigation; renderers and templates read the same patterns, through
:class:`~quyche.site.urls.Links`, to link to a page. Files that are not pages
(calendars, tables, source texts) are declared the same way in :data:`FILES`.

Adding a page kind is one entry in :data:`KINDS`, one renderer and one template;
README.md ("Page kinds") shows one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
import json
import re
from dataclasses import dataclass

import yaml

from ..drafting_table import HEADERS_VERSIONS, build as drafting_table, docx_bytes, xlsx_bytes
from ..exports import csv_bytes, facts_of_actor, has_events, icalendar, json_bytes
from ..office import docx_bytes as full_text_docx, with_bom, xlsx_bytes as deadlines_xlsx
from ..model import Regulation
from ..topics import TOPICS
from .build import Site
from .compare_page import CSS as COMPARE_CSS, comparison_html
from .facts_pages import deadlines_html
from .home import texts_page_html
from .marks_page import marks_html
from .render import STATUS, regulation_html
from .role_pages import CARD_ANCHOR, role_card_html, roles_index_html
from .search import d_words, indexed_texts
from .text import markdown_text
from .topic_page import topic_html
from .upcoming import PATH as UPCOMING, days as upcoming_days, upcoming_scripts
from ..validity import end_of_use
from .urls import Links, url_of


@dataclass(frozen=True)
class NavPlace:
    """Where a kind's pages sit in the navigation.

    ``section`` is a top-level section: a placeholder of that title in
    mkdocs.yml's ``nav`` (``- Văn bản: []``) says where it goes, else it is
    added at the end. ``group`` (a sub-section per regulation, say) and
    ``title`` are computed from the page's parameters.
    """
    section: str
    title: Callable[..., str]
    group: Callable[..., str] | None = None


@dataclass(frozen=True)
class FoundAt:
    """Where search finds the pages of a kind that is not indexed page by page.

    Each page is an anchor of a page of ``kind`` (the same parameters but ``leaf``):
    ``prefix`` + the id of its ``leaf`` parameter. A result at that anchor leads
    to the page itself (``docs/assets/search.js``, told by :func:`search_links`).
    """
    kind: str
    leaf: str
    prefix: str


@dataclass(frozen=True)
class PageKind:
    name: str
    label: str                                   # what a reader calls the kind (a search filter)
    path: str                                    # docs path, str.format over the parameters
    each: Callable[[Site], Iterable[dict]]       # the parameters of every page of this kind
    heading: Callable[..., str]                  # the page's h1, as text
    render: Callable[..., str]                   # (site, links, **params) -> the page's body HTML
    title: Callable[..., str] | None = None      # page title when not the heading
    nav: NavPlace | None = None
    document: Callable[..., Regulation | None] = lambda **p: p.get("reg")   # the text a page is about
    toc: bool = False                            # show the theme's table of contents
    found_at: FoundAt | None = None              # None: search indexes each page of the kind
    # Stylesheets only this kind's pages load (docs paths), after the site's own (extra_css):
    # what no other page needs stays off the home page (macros/overrides/main.html links them).
    stylesheets: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileKind:
    """A generated file that is not a page: its path pattern, which exist, and its content."""
    name: str
    path: str
    each: Callable[[Site], Iterable[dict]]
    content: Callable[..., bytes | str | None] = lambda site, **p: None   # None: copied from `source`
    source: Callable[..., str] | None = None                              # a file on disk to publish


COMPARE_CSS_PATH = "assets/compare.css"   # only the comparison pages load it


def _regs(site: Site) -> Iterable[dict]:
    return ({"reg": reg} for reg in site.regs.values())


def _text(section_title: str) -> NavPlace:
    """An entry under the regulation's own sub-section of "Văn bản"."""
    return NavPlace("Văn bản", title=lambda **p: section_title, group=lambda reg, **p: reg.metadata.short_title)


KINDS: list[PageKind] = [
    # First, so it heads the "Văn bản" section; the home page lists only the first few texts.
    PageKind(
        "texts", "Danh sách văn bản", "van-ban.md", lambda site: [{}],
        heading=lambda: "Danh sách văn bản",
        render=lambda site, links: texts_page_html(site, links),
        nav=NavPlace("Văn bản", title=lambda: "Tất cả văn bản"),
        document=lambda: None),
    PageKind(
        "regulation", "Toàn văn", "{reg.slug}/index.md", _regs,
        heading=lambda reg: reg.metadata.title, title=lambda reg: reg.metadata.short_title,
        render=lambda site, links, reg: regulation_html(reg, site, links),
        nav=_text("Toàn văn")),
    PageKind(
        "deadlines", "Lịch và thời hạn", "{reg.slug}/moc-thoi-gian.md", _regs,
        heading=lambda reg: f"Lịch và thời hạn: {reg.metadata.title}",
        title=lambda reg: f"Lịch và thời hạn — {reg.metadata.short_title}",
        render=lambda site, links, reg: deadlines_html(reg, site, links),
        nav=_text("Lịch và thời hạn"), toc=True),
    PageKind(
        "roles", "Thẻ vai trò", "{reg.slug}/vai-tro/index.md", _regs,
        heading=lambda reg: "Thẻ vai trò", title=lambda reg: f"Thẻ vai trò — {reg.metadata.short_title}",
        render=lambda site, links, reg: roles_index_html(site, links, reg),
        nav=_text("Thẻ vai trò")),
    PageKind(
        "marks", "Đánh dấu sửa đổi", "{reg.slug}/danh-dau-sua-doi.md",
        lambda site: ({"reg": r} for r in site.regs.values() if r.metadata.marks_amendments),
        heading=lambda reg: "Các đoạn được đánh dấu sửa đổi",
        title=lambda reg: f"Đánh dấu sửa đổi — {reg.metadata.short_title}",
        render=lambda site, links, reg: marks_html(reg, links),
        nav=_text("Đánh dấu sửa đổi")),
    PageKind(
        "role", "Thẻ vai trò", "{reg.slug}/vai-tro/{actor.id}.md",
        lambda site: ({"reg": r, "actor": a} for r in site.regs.values() for a in r.actors),
        heading=lambda reg, actor: f"Thẻ vai trò: {actor.name}",
        title=lambda reg, actor: f"{actor.name} — {reg.metadata.short_title}",
        render=lambda site, links, reg, actor: role_card_html(site, links, reg, actor),
        # Found at their text's roles page: 8,400 cards of 400 regulations were 86% of the
        # index's pages, and its table of pages (58 KB) is fetched by every first query.
        found_at=FoundAt("roles", "actor", CARD_ANCHOR)),
    PageKind(
        "comparison", "So sánh phiên bản", "so-sanh/{old.slug}--{new.slug}.md",
        lambda site: ({"old": site.regs[c.old], "new": site.regs[c.new], "spec": c} for c in site.comparisons),
        heading=lambda **p: "So sánh hai phiên bản",
        title=lambda old, new, **p: f"{old.metadata.short_title} → {new.metadata.short_title}",
        render=lambda site, links, old, new, spec: comparison_html(site, links, spec, old, new),
        nav=NavPlace("So sánh phiên bản",
                     title=lambda old, new, **p: f"{old.metadata.short_title} → {new.metadata.short_title}"),
        document=lambda new, **p: new, stylesheets=(COMPARE_CSS_PATH,)),
    PageKind(
        "topic", "So sánh giữa các cơ quan", "chu-de/{topic.slug}.md",
        lambda site: ({"topic": t} for t in TOPICS),
        heading=lambda topic: topic.title,
        render=lambda site, links, topic: topic_html(site, links, topic),
        nav=NavPlace("So sánh giữa các cơ quan", title=lambda topic: topic.title)),
]

def _calendars(site: Site) -> Iterable[dict]:
    """The regulations whose calendar holds a date: an empty calendar is never offered."""
    return ({"reg": r} for r in site.regs.values()
            if has_events(r, list(r.facts), site.years, end_of_use(r, site.regs)))


def _post_calendars(site: Site) -> Iterable[dict]:
    return ({"reg": r, "actor": a} for r in site.regs.values() for a in r.actors
            if has_events(r, facts_of_actor(r, a.id), site.years, end_of_use(r, site.regs)))


FILES: list[FileKind] = [
    # A copy with a byte-order mark: browsers and Notepad then read it as UTF-8 whatever
    # charset a server declares; the repository's file stays as it is.
    FileKind("source", "nguon/{reg.slug}.txt", _regs, content=lambda site, reg: with_bom(reg.source_path.read_bytes())),
    FileKind("calendar", "xuat/{reg.slug}.ics", _calendars,
             content=lambda site, reg: icalendar(reg, list(reg.facts), reg.metadata.short_title, site.base,
                                                 site.years, end_of_use(reg, site.regs))),
    FileKind("table", "xuat/{reg.slug}.csv", _regs, content=lambda site, reg: csv_bytes([reg], site.base)),
    FileKind("workbook", "xuat/{reg.slug}.xlsx", _regs,
             content=lambda site, reg: deadlines_xlsx([reg], site.base, site.years,
                                                      {reg.slug: end_of_use(reg, site.regs)})),
    FileKind("full-text", "xuat/{reg.slug}.docx", _regs,
             content=lambda site, reg: full_text_docx(reg, f"{site.base}/{url_of(reg.slug + '/index.md', site.directory_urls)}")),
    # The body and year (the slug) and the post in the name: two downloads never share one.
    FileKind("actor-calendar", "xuat/{reg.slug}--{actor.id}.ics", _post_calendars,
             content=lambda site, reg, actor: icalendar(reg, facts_of_actor(reg, actor.id),
                                                        f"{actor.name} — {reg.metadata.short_title}",
                                                        site.base, site.years, end_of_use(reg, site.regs))),
    FileKind("comparison-table", "xuat/so-sanh/{old.slug}--{new.slug}.{format}",
             lambda site: ({"old": site.regs[c.old], "new": site.regs[c.new], "spec": c, "format": f}
                           for c in site.comparisons for f in ("docx", "xlsx")),
             content=lambda site, old, new, spec, format: {"docx": docx_bytes, "xlsx": xlsx_bytes}[format](
                 drafting_table(spec, old, new, HEADERS_VERSIONS))),
    FileKind("compare-css", COMPARE_CSS_PATH, lambda site: [{}], source=lambda: str(COMPARE_CSS)),
    FileKind("all-tables", "xuat/tat-ca.csv", lambda site: [{}],
             content=lambda site: csv_bytes(list(site.regs.values()), site.base)),
    FileKind("all-workbook", "xuat/tat-ca.xlsx", lambda site: [{}],
             content=lambda site: deadlines_xlsx(site.texts, site.base, site.years,
                                                 {r.slug: end_of_use(r, site.regs) for r in site.texts})),
    FileKind("all-facts", "xuat/du-kien.json", lambda site: [{}],
             content=lambda site: json_bytes(list(site.regs.values()), site.base)),
    # Which words starting with d or đ the index holds: the search box searches only
    # the spelling that exists (docs/assets/search.js).
    FileKind("search-words", "assets/tim-kiem-d.json", lambda site: [{}],
             content=lambda site: json.dumps(d_words(indexed_texts(site)), ensure_ascii=False)),
    FileKind("upcoming", UPCOMING, lambda site: ({"day": d} for d in upcoming_days(site.years)),
             # its links are read by the home page's script, so they start from the home page
             content=lambda site, day: upcoming_scripts(site, links("index.md", site.directory_urls))[day]),
]

PATTERNS = {k.name: k.path for k in [*KINDS, *FILES]}
_KIND = {k.name: k for k in KINDS}


_REST = "QC-REST-OF-ANCHOR"


class _Field:
    """A parameter of a path pattern whose every field ({reg.slug}, {actor.id}) is ``value``."""
    def __init__(self, value: str):
        self.value = value

    def __getattr__(self, name):
        return self.value


def search_links(directory_urls: bool) -> list[list[str]]:
    """[anchor prefix, link, kind] for the kinds found at another page's anchors: the link
    from that page to the anchor's own page, ``{}`` standing for the rest of the anchor,
    and what search calls the holding pages (a role card: ``["the:", "{}.html",
    "Thẻ vai trò"]``). The same for every text, read by search.js."""
    out = []
    for kind in KINDS:
        if kind.found_at:
            at = kind.found_at
            sample = {name: _Field("x") for name in re.findall(r"\{(\w+)[.}]", kind.path)}
            holder = PATTERNS[at.kind].format(**sample)
            link = links(holder, directory_urls).page(kind.name, **{**sample, at.leaf: _Field(_REST)})
            out.append([at.prefix, link.replace(_REST, "{}"), _KIND[at.kind].label])
    return out


def links(src: str, directory_urls: bool) -> Links:
    """The links of the page whose docs path is ``src`` (generated or hand-written)."""
    return Links(src, directory_urls, PATTERNS)


@dataclass(frozen=True, eq=False)
class Page:
    """One page of a kind: its parameters and docs path."""
    kind: PageKind
    params: dict
    path: str

    @property
    def document(self) -> Regulation | None:
        return self.kind.document(**self.params)

    def search_meta(self) -> dict:
        """What search may filter and show by: the kind, and the document with its status;
        whether the page is indexed itself (see :class:`FoundAt`)."""
        meta: dict = {"kind": self.kind.label}
        if self.kind.found_at:
            meta["indexed"] = False
        doc = self.document
        if doc is not None:
            meta |= {"document": doc.metadata.short_title, "status": STATUS[doc.metadata.status]}
        return meta

    def source(self, site: Site) -> str:
        """The page as MkDocs reads it: front matter, heading, and the rendered body.

        The body is HTML already (escaped by the templates), so the macros plugin
        is told to leave the page alone and no text from the data is ever read as
        Jinja; the heading is markdown-escaped.
        """
        heading = self.kind.heading(**self.params)
        front: dict = {"title": (self.kind.title or self.kind.heading)(**self.params)}
        if not self.kind.toc:
            front["hide"] = ["toc"]
        front["render_macros"] = False
        front["quyche"] = self.search_meta()
        if self.kind.stylesheets:
            front["quyche"]["stylesheets"] = list(self.kind.stylesheets)
        body = self.kind.render(site, links(self.path, site.directory_urls), **self.params)
        return ("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n"
                f"# {markdown_text(heading)}\n\n{body}\n")


def pages(site: Site) -> list[Page]:
    """Every generated page of the site, kind by kind in the order of :data:`KINDS`."""
    return [Page(kind, params, kind.path.format(**params)) for kind in KINDS for params in kind.each(site)]


def files(site: Site) -> Iterable[tuple[str, bytes | str | None, str | None]]:
    """Every generated file that is not a page: (docs path, content, or the file on disk to copy)."""
    for kind in FILES:
        for params in kind.each(site):
            source = kind.source(**params) if kind.source else None
            yield kind.path.format(**params), (None if source else kind.content(site, **params)), source


def navigation(nav: list, generated: list[Page]) -> list:
    """``nav`` with the generated pages put in their sections.

    A section of ``nav`` written as an empty placeholder (``- Văn bản: []``) is
    filled in place; a section not in ``nav`` is added at the end; a placeholder
    left empty (no comparison yet, say) is dropped.
    """
    sections: dict[str, list] = {}
    groups: dict[tuple[str, str], list] = {}
    for page in generated:
        place = page.kind.nav
        if place is None:
            continue
        entries = sections.setdefault(place.section, [])
        entry = {place.title(**page.params): page.path}
        if place.group is None:
            entries.append(entry)
            continue
        group = place.group(**page.params)
        if (place.section, group) not in groups:
            groups[(place.section, group)] = []
            entries.append({group: groups[(place.section, group)]})
        groups[(place.section, group)].append(entry)
    out = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1 and list(item.values()) == [[]]:
            (title,) = item
            if sections.get(title):
                out.append({title: sections.pop(title)})
            continue
        out.append(item)
    out += [{title: entries} for title, entries in sections.items() if entries]
    return out
