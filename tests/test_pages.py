"""The page registry and the one way links are written (quyche.site.pages, quyche.site.urls)."""
from __future__ import annotations

import re

import pytest

from quyche.site import pages as registry
from quyche.site.build import Site, comparisons, corpus
from quyche.site.facts_pages import years_shown
from quyche.site.urls import Links, url_of

from support import ROOT

TEMPLATES = ROOT / "scripts" / "quyche" / "templates"


@pytest.fixture(scope="module")
def site() -> Site:
    """The site as the build sees it: the checked corpus, in readers' order, and its comparisons."""
    return Site(corpus(ROOT), tuple(comparisons(ROOT)), years_shown())


# --- where a docs file is published ------------------------------------------------------

@pytest.mark.parametrize("src,directory,file", [
    ("index.md", "", "index.html"),
    ("vai-tro.md", "vai-tro/", "vai-tro.html"),
    ("dak-lak/index.md", "dak-lak/", "dak-lak/index.html"),
    ("dak-lak/vai-tro/chanh-van-phong.md", "dak-lak/vai-tro/chanh-van-phong/", "dak-lak/vai-tro/chanh-van-phong.html"),
    ("xuat/dak-lak.ics", "xuat/dak-lak.ics", "xuat/dak-lak.ics"),
    ("chu-de/index-cu.md", "chu-de/index-cu/", "chu-de/index-cu.html"),
])
def test_a_docs_file_is_published_where_mkdocs_puts_it(src, directory, file):
    assert url_of(src, directory_urls=True) == directory
    assert url_of(src, directory_urls=False) == file


PATTERNS = {"regulation": "{slug}/index.md", "role": "{slug}/vai-tro/{actor}.md", "calendar": "xuat/{slug}.ics"}


@pytest.mark.parametrize("here,kind,params,anchor,directory,file", [
    # From the home page.
    ("index.md", "regulation", {"slug": "a"}, "", "a/", "a/index.html"),
    ("index.md", "regulation", {"slug": "a"}, "dieu-1", "a/#dieu-1", "a/index.html#dieu-1"),
    # From a role card to its text, to another card, to its calendar.
    ("a/vai-tro/x.md", "regulation", {"slug": "a"}, "dieu-19-khoan-2", "../../#dieu-19-khoan-2",
     "../index.html#dieu-19-khoan-2"),
    ("a/vai-tro/x.md", "role", {"slug": "a", "actor": "y"}, "", "../y/", "y.html"),
    ("a/vai-tro/x.md", "calendar", {"slug": "a"}, "", "../../../xuat/a.ics", "../../xuat/a.ics"),
    # From a text's calendar page to the text and to another text.
    ("a/moc-thoi-gian.md", "regulation", {"slug": "a"}, "k", "../#k", "index.html#k"),
    ("a/moc-thoi-gian.md", "regulation", {"slug": "b"}, "", "../../b/", "../b/index.html"),
    # From a text to itself.
    ("a/index.md", "regulation", {"slug": "a"}, "", "./", "index.html"),
])
def test_links_are_relative_to_the_page_that_holds_them(here, kind, params, anchor, directory, file):
    assert Links(here, True, PATTERNS).page(kind, anchor, **params) == directory
    assert Links(here, False, PATTERNS).page(kind, anchor, **params) == file


def test_a_link_to_the_home_page_and_to_a_hand_written_page():
    assert Links("a/vai-tro/x.md", True, PATTERNS).to("index.md") == "../../../"
    assert Links("a/vai-tro/x.md", False, PATTERNS).to("index.md") == "../../index.html"
    assert Links("a/index.md", True, PATTERNS).to("vai-tro.md") == "../vai-tro/"


def test_a_link_to_an_unknown_kind_says_which_kinds_exist():
    with pytest.raises(KeyError, match="unknown page kind 'rol'; known: regulation, role, calendar"):
        Links("index.md", True, PATTERNS).page("rol", slug="a")


def test_no_template_writes_a_link_by_hand():
    """Every href and src of a template comes from the link helper (or is an anchor on the page)."""
    by_hand = {}
    for template in sorted(TEMPLATES.glob("*.html")):
        for value in re.findall(r'(?:href|src)="([^"]*)"', template.read_text(encoding="utf-8")):
            if not value.startswith(("{{", "#")):
                by_hand.setdefault(template.name, []).append(value)
    assert not by_hand, by_hand


# --- the registry ------------------------------------------------------------------------

def test_every_page_kind_has_pages_in_the_corpus_and_every_page_its_own_path(site):
    generated = registry.pages(site)
    paths = [p.path for p in generated]
    assert len(paths) == len(set(paths))
    assert {p.kind.name for p in generated} == {k.name for k in registry.KINDS}
    files = [path for path, _, _ in registry.files(site)]
    assert len(files) == len(set(files)) and not set(files) & set(paths)


def test_a_page_knows_its_document_and_status_for_search(site):
    card = next(p for p in registry.pages(site) if p.kind.name == "role" and p.params["reg"].slug == "dak-lak-vp-ubnd-2021")
    assert card.search_meta() == {"kind": "Thẻ vai trò", "indexed": False,   # found on its text's roles page
                                  "document": "Văn phòng UBND tỉnh Đắk Lắk (2021)", "status": "Đã được thay thế"}
    roles = next(p for p in registry.pages(site) if p.kind.name == "roles" and p.params["reg"].slug == "dak-lak-vp-ubnd-2021")
    assert roles.search_meta() == {"kind": "Thẻ vai trò", "document": "Văn phòng UBND tỉnh Đắk Lắk (2021)",
                                   "status": "Đã được thay thế"}
    topic = next(p for p in registry.pages(site) if p.kind.name == "topic")
    assert topic.search_meta() == {"kind": "So sánh giữa các cơ quan"}


def test_a_page_source_is_its_heading_and_html_with_macros_off(site):
    page = next(p for p in registry.pages(site) if p.kind.name == "role")
    text = page.source(site)
    front, body = text.split("\n---\n\n", 1)
    assert "render_macros: false" in front
    assert body.startswith(f"# Thẻ vai trò: {page.params['actor'].name}")   # names of posts have no specials
    assert '<div class="qc-card">' in body


def test_the_navigation_fills_placeholders_in_order_and_drops_empty_ones(site):
    nav = [{"Trang chủ": "index.md"}, {"Văn bản": []}, {"Thẻ vai trò": "vai-tro.md"}, {"Không có gì": []},
           {"So sánh phiên bản": []}]
    out = registry.navigation(nav, registry.pages(site))
    titles = [next(iter(entry)) for entry in out]
    # Filled where written; unknown empty placeholder dropped; a section without a placeholder at the end.
    assert titles == ["Trang chủ", "Văn bản", "Thẻ vai trò", "So sánh phiên bản", "So sánh giữa các cơ quan"]
    texts = out[1]["Văn bản"]
    assert texts[0] == {"Tất cả văn bản": "van-ban.md"}     # the list of every text heads the section
    texts = texts[1:]
    assert [next(iter(t)) for t in texts] == [r.metadata.short_title for r in site.regs.values()]
    first = texts[0][next(iter(texts[0]))]
    assert first[:3] == [{"Toàn văn": f"{next(iter(site.regs))}/index.md"},
                         {"Lịch và thời hạn": f"{next(iter(site.regs))}/moc-thoi-gian.md"},
                         {"Thẻ vai trò": f"{next(iter(site.regs))}/vai-tro/index.md"}]


def test_a_new_page_kind_is_one_entry_of_the_registry(site, monkeypatch):
    """The example of the developers' guide (README, "Adding a page kind"): pages, nav and links follow."""
    kind = registry.PageKind(
        "signer", "Người ký", "{reg.slug}/nguoi-ky.md", lambda s: ({"reg": r} for r in s.texts),
        heading=lambda reg: f"Người ký: {reg.metadata.title}",
        render=lambda s, links, reg: f'<p><a href="{links.page("regulation", reg=reg)}">{reg.metadata.signer}</a></p>',
        nav=registry.NavPlace("Văn bản", title=lambda reg: "Người ký", group=lambda reg: reg.metadata.short_title))
    monkeypatch.setattr(registry, "KINDS", [*registry.KINDS, kind])
    monkeypatch.setattr(registry, "PATTERNS", {**registry.PATTERNS, kind.name: kind.path})
    new = [p for p in registry.pages(site) if p.kind is kind]
    assert [p.path for p in new] == [f"{slug}/nguoi-ky.md" for slug in site.regs]
    assert '<a href="../">' in new[0].source(site)   # from <slug>/nguoi-ky/ to <slug>/
    nav = registry.navigation([{"Văn bản": []}], registry.pages(site))
    group = nav[0]["Văn bản"][1]   # after "Tất cả văn bản"
    assert {"Người ký": new[0].path} in next(iter(group.values()))
    assert registry.links("index.md", True).page("signer", reg=new[0].params["reg"]) == new[0].path.replace(".md", "/")


def test_the_registry_does_not_depend_on_the_hook_order():
    """One hooks module builds pages, files and navigation; no state is shared between hook modules."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.findall(r"^  - (macros/\S+\.py)", config, re.M)
    for hook in hooks:
        source = (ROOT / hook).read_text(encoding="utf-8")
        assert not re.search(r"^_\w+\s*(:[^=]*)?=\s*(\[|\{|dict\(|list\()", source, re.M), f"{hook} keeps module state"
