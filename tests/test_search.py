"""Search: the Pagefind index of the built site, and what the pages tell it.

What a reader sees when typing is tested in the browser (test_browser.py);
these tests read the built site and the functions that mark its pages.
"""
from __future__ import annotations

import re

import pytest

from quyche.site import search
from quyche.site.render import STATUS

from support import SLUGS, built_file, built_url, repo_corpus


def _html(site, src: str) -> str:
    return built_file(site, src).read_text(encoding="utf-8")


def test_the_build_writes_a_chunked_pagefind_index_and_no_lunr_file(site):
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert list((bundle / "index").glob("*.pf_index")), "no index chunk"
    assert len(list((bundle / "fragment").glob("*.pf_fragment"))) >= len(SLUGS)
    assert not (site / "search" / "search_index.json").exists(), "the theme's lunr index is back"


def _cards(site) -> set[str]:
    return {built_url(f"{slug}/vai-tro/{a.id}.md") for slug, reg in repo_corpus()[0].items() for a in reg.actors}


def test_every_page_but_the_role_cards_is_indexed_by_its_content_only(site):
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts and p.name != "404.html"]
    marked = {p.relative_to(site).as_posix() for p in pages if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    cards = _cards(site)
    assert cards and not cards & marked, "a role card is indexed as a page of its own"
    assert {p.relative_to(site).as_posix() for p in pages} - cards == marked


def test_each_role_card_is_an_anchor_of_its_texts_roles_page_leading_to_it(site):
    """Search finds a card on its text's roles page (one indexed page per text, not one per
    post) and leads to the card by the rule the search box is given (pages.search_links)."""
    from quyche.site.pages import search_links
    [(prefix, link, kind)] = search_links(directory_urls=False)
    assert kind == "Thẻ vai trò"
    reg = repo_corpus()[0]["dak-lak-vp-ubnd-2025"]
    page = _html(site, "dak-lak-vp-ubnd-2025/vai-tro/index.md")
    posts = dict(re.findall(r'<a class="qc-post" data-pagefind-weight="[\d.]+" id="([^"]+)" href="([^"]+)"', page))
    assert posts == {prefix + a.id: link.format(a.id) for a in reg.actors}
    assert all((site / "dak-lak-vp-ubnd-2025" / "vai-tro" / href).is_file() for href in posts.values())
    assert search_links(directory_urls=True) == [[prefix, "{}/", kind]]
    assert 'data-links="[[&#34;the:&#34;,&#34;{}.html&#34;,&#34;Thẻ vai trò&#34;]]"' in (site / "index.html").read_text(encoding="utf-8")


def test_the_home_page_loads_no_index(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "pagefind.js" not in home and "search_index" not in home


@pytest.mark.parametrize("slug", SLUGS)
def test_a_regulation_page_names_its_document_status_and_kind(site, slug):
    reg = repo_corpus()[0][slug]
    page = _html(site, f"{slug}/index.md")
    assert f'data-pagefind-filter="van_ban">{reg.metadata.short_title}<' in page
    assert f'data-pagefind-filter="hieu_luc">{search.STATUS_SHORT[reg.metadata.status]}<' in page
    assert 'data-pagefind-filter="loai_trang">Toàn văn<' in page


@pytest.mark.parametrize("slug", SLUGS)
def test_texts_no_longer_in_force_weigh_less(site, slug):
    reg = repo_corpus()[0][slug]
    body = re.search(r"<article [^>]*data-pagefind-body[^>]*>", _html(site, f"{slug}/index.md")).group(0)
    weighted = "data-pagefind-weight" in body
    assert weighted == (reg.metadata.status != "in_force"), body


@pytest.mark.parametrize(("src", "kind", "doc", "status"), [
    ("dak-lak-vp-ubnd-2025/index.md", "Toàn văn", "Văn phòng UBND tỉnh Đắk Lắk (2025)", "in_force"),
    ("dak-lak-vp-ubnd-2025/moc-thoi-gian.md", "Lịch và thời hạn", "Văn phòng UBND tỉnh Đắk Lắk (2025)", "in_force"),
    ("dak-lak-vp-ubnd-2021/vai-tro/index.md", "Thẻ vai trò", "Văn phòng UBND tỉnh Đắk Lắk (2021)", "superseded"),
    ("dien-bien-tinh-uy-2020-2025/vai-tro/index.md", "Thẻ vai trò", "Tỉnh ủy Điện Biên, khóa XIV (2020–2025)",
     "term_ended"),
    ("so-sanh/dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025.md", "So sánh phiên bản",
     "Văn phòng UBND tỉnh Đắk Lắk (2025)", "in_force"),
    ("chu-de/hop-lanh-dao.md", "So sánh giữa các cơ quan", None, None),
    ("index.md", search.OTHER, None, None),
    ("huong-dan-bien-tap.md", search.OTHER, None, None),
])
def test_each_page_kind_tells_search_its_kind_document_and_status(site, src, kind, doc, status):
    """From the page registry (quyche.site.pages): what a result shows and a reader filters by."""
    page = _html(site, src)
    found = dict(re.findall(r'data-pagefind-filter="(\w+)">([^<]*)<', page))
    assert found["loai_trang"] == kind
    assert found.get("van_ban") == doc
    assert found.get("hieu_luc") == (search.STATUS_SHORT[status] if status else None)
    assert found.get("ma_hieu_luc") == status


def test_no_page_carries_searchable_metadata(site):
    """Pagefind 1.5 searches metadata: a document's name there matched every page of it."""
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    assert not [p for p in pages if "data-pagefind-meta" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("selector", [".qc-repeated", ".qc-rolling", ".qc-superseded"])
def test_what_repeats_the_texts_is_left_out_of_the_index(site, selector):
    """Role card details, calendars and the all-texts pages are on the site; the index has their words once."""
    assert selector in search.EXCLUDE
    cls = selector[1:]
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html") if "pagefind" not in p.parts]
    assert any(re.search(rf'class="[^"]*\b{cls}\b', page) for page in pages), f"no page uses {selector}"


def _indexed(site) -> dict[str, str]:
    """What Pagefind indexed of each page: its fragments' text, by URL."""
    import gzip
    import json
    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw[raw.index(b"{"):])
        out[data["url"].lstrip("/")] = data["content"]
    return out


def test_the_index_holds_a_role_cards_name_and_other_names_on_its_roles_page_not_its_duties(site):
    indexed = _indexed(site)
    assert not _cards(site) & indexed.keys()
    roles = indexed[built_url("dak-lak-vp-ubnd-2025/vai-tro/index.md")]
    assert "Chánh Văn phòng" in roles
    for left_out in ("Nhiệm vụ, quyền hạn", "Lịch của chức danh", "In trang này", "Quan hệ báo cáo"):
        assert left_out not in roles, left_out
    reg = repo_corpus()[0]["dak-lak-vp-ubnd-2025"]
    assert all(alias in roles for a in reg.actors for alias in a.aliases)
    text = indexed[built_url("dak-lak-vp-ubnd-2025/index.md")]
    assert "Hội nghị tổng kết" in text and "In trang này" not in text


def test_a_posts_name_on_its_roles_page_weighs_as_a_cards_title_did(site):
    """Above the group heading over it ("Người đứng đầu cơ quan (Chánh Văn phòng)"), so
    the place a result shows first is the post, whose link is its card; half on a text
    no longer in force, like the rest of that text."""
    weights = {slug: re.findall(r'class="qc-post" data-pagefind-weight="([\d.]+)"', _html(site, f"{slug}/vai-tro/index.md"))
               for slug in ("dak-lak-vp-ubnd-2025", "dak-lak-vp-ubnd-2021")}
    assert set(weights["dak-lak-vp-ubnd-2025"]) == {str(search.POST_WEIGHT)}
    assert set(weights["dak-lak-vp-ubnd-2021"]) == {str(search.POST_WEIGHT * 0.5)}
    assert search.POST_WEIGHT > search.HEADING_WEIGHT[2]


def test_facets_come_from_the_registrys_front_matter():
    assert search.facets({}) == search.Facets(search.OTHER)
    meta = {"quyche": {"kind": "Thẻ vai trò", "document": "X (2021)", "status": STATUS["superseded"]}}
    assert search.facets(meta) == search.Facets("Thẻ vai trò", "X (2021)", "superseded")


def test_marking_escapes_metadata_and_separates_table_cells():
    f = search.Facets("Toàn văn", "Văn phòng UBND tỉnh Đắk Lắk (2021)", "superseded")
    out = search.mark_page('<html><article class="md-content__inner md-typeset"><h2 id="x">Điều 1</h2>'
                           '<table><tr><th>Việc</th><th>Ai</th></tr></table></article></html>', f)
    assert 'data-pagefind-body data-pagefind-weight="0.5">' in out
    assert '<h2 data-pagefind-weight="3.0" id="x">' in out   # a heading keeps its lead: 6 × 0.5
    assert "<th>Việc </th><th>Ai </th>" in out     # "Việc Ai" in an excerpt, not "ViệcAi"
    evil = search.annotations(search.Facets('<script>alert(1)</script>', "<b>"))
    assert "<script>" not in evil and "&lt;script&gt;" in evil and "&lt;b&gt;" in evil


def test_a_page_without_an_article_is_left_alone():
    assert search.mark_page("<html><body>redirect</body></html>", search.Facets()) == "<html><body>redirect</body></html>"


def test_a_page_found_at_another_pages_anchor_is_not_marked_for_the_index():
    page = '<html><article class="md-content__inner md-typeset"><h1>Thẻ vai trò: X</h1></article></html>'
    assert search.mark_page(page, search.Facets("Thẻ vai trò", "X (2025)", "in_force", indexed=False)) == page
    assert search.facets({"quyche": {"kind": "Thẻ vai trò", "indexed": False}}).indexed is False


def test_the_query_side_gets_every_abbreviation_without_its_gloss():
    table = dict(search.query_table())
    from quyche.abbreviations import ABBREVIATIONS
    assert table.keys() == ABBREVIATIONS.keys()
    assert table["BTV"] == "Ban Thường vụ" and table["PPP"] == "đối tác công tư"


def test_the_search_box_carries_the_abbreviation_table(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-terms="[[&#34;UBND&#34;,&#34;Ủy ban nhân dân&#34;]' in home or \
           'data-terms="[[&quot;UBND&quot;,&quot;Ủy ban nhân dân&quot;]' in home


def test_the_search_box_knows_which_spelling_of_a_d_word_the_texts_use(site):
    """Pagefind folds tones, not đ: the box searches "dak" as "đak" only, since the
    texts use "Đắk" and no "Dak"; "dien" both ways ("diện", "Điện")."""
    import json
    words = json.loads((site / "assets" / "tim-kiem-d.json").read_text(encoding="utf-8"))
    assert "đak" in words and "dak" not in words
    assert {"dien", "đien", "dan", "đang"} <= set(words)
    assert search.d_words(["Đắk Lắk và dân cư; ĐẢNG ủy"]) == ["dan", "đak", "đang"]
