"""The search index: accent-free fields, abbreviations both ways, one entry per article.

What a reader sees when typing is tested in the browser (test_browser.py);
these tests read search/search_index.json of the built site and the functions
that write it.
"""
from __future__ import annotations

import json
import re

import pytest

from quyche import normalize
from quyche.site import search
from quyche.site.render import heading_level

from support import SLUGS, built_url, repo_corpus


@pytest.fixture(scope="session")
def index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def entries(index) -> dict[str, dict]:
    return {e["location"]: e for e in index["docs"]}


def test_fold_is_the_projects_fold_on_every_text_of_the_corpus():
    texts = [u.text for reg in repo_corpus()[0].values() for u in reg.walk() if u.text]
    assert [search.fold(t) for t in texts] == [normalize.fold(t) for t in texts]


@pytest.mark.parametrize(("text", "folded"), [
    ("Chánh Văn phòng", "chanh van phong"),
    ("Bí thư Tỉnh ủy", "bi thu tinh uy"),
    ("Uỷ ban", "uy ban"),                      # the older accent placement folds the same
    ("ĐẢNG ỦY KHỐI", "dang uy khoi"),
    ("Cha\u0301nh", "chanh"),                  # typed with combining marks
])
def test_fold(text, folded):
    assert search.fold(text) == folded


def test_words_drop_punctuation():
    assert search.words("(UBND) tỉnh; báo cáo năm.") == ["ubnd", "tinh", "bao", "cao", "nam"]


def test_an_abbreviation_brings_its_expansion_with_and_without_accents():
    terms = search.abbreviation_terms("Chủ tịch UBND tỉnh")
    assert "ủy ban nhân dân" in terms and "uy ban nhan dan" in terms


def test_an_expansion_brings_its_abbreviation():
    assert "ubnd" in search.abbreviation_terms("Văn phòng Ủy ban nhân dân tỉnh").split()


def test_abbreviations_match_whole_capital_words_only():
    # "TU" is Tỉnh ủy; the word "từ" folds to "tu" too, and must not bring "tỉnh ủy".
    assert "tinh uy" not in search.abbreviation_terms("từ ngày ký, tự chịu trách nhiệm")
    assert "tinh uy" in search.abbreviation_terms("Văn phòng TU")


def test_every_entry_has_folded_title_and_text(index):
    assert index["config"]["fields"]["ftitle"] == index["config"]["fields"]["title"]
    assert "ftext" in index["config"]["fields"]
    for entry in index["docs"]:
        assert entry["ftitle"] == " ".join(search.words(re.sub(r"<[^>]*>", " ", entry["title"])))
        assert not re.search(r"[^a-z0-9 ]", entry["ftitle"]), entry["location"]


def test_folded_fields_make_an_unaccented_word_findable(entries):
    entry = entries[built_url("dak-lak-vp-ubnd-2025/index.md") + "#dieu-4"]
    assert "Chánh Văn phòng" in entry["title"]
    assert "chanh van phong" in entry["ftitle"]


@pytest.mark.parametrize("slug", SLUGS)
def test_a_regulation_page_has_an_entry_per_heading_unit(entries, slug):
    reg = repo_corpus()[0][slug]
    page = built_url(f"{slug}/index.md")
    expected = {f"{page}#{u.id}" for u in reg.walk() if heading_level(u) or u.kind == "khoi"}
    indexed = {loc for loc in entries if loc.startswith(f"{page}#")}
    assert indexed == expected
    assert page in entries, "the page itself comes first, as Material expects"


def test_every_word_of_a_regulation_is_in_its_entries(entries):
    """Nothing of the text is lost by indexing per article."""
    for slug, reg in repo_corpus()[0].items():
        page = built_url(f"{slug}/index.md")
        indexed = " ".join(e["ftext"] for loc, e in entries.items() if loc.startswith(f"{page}#"))
        for unit in reg.walk():
            if unit.text:
                assert " ".join(search.words(unit.text)) in indexed, f"{slug}/{unit.id}"


def test_markup_in_a_text_stays_text_in_the_index(entries):
    """Search results are shown as HTML: a source's own "<sub>" must arrive escaped."""
    texts = " ".join(e["text"] for loc, e in entries.items() if loc.startswith("dien-bien-tinh-uy-2020-2025/"))
    assert "TH&lt;sub&gt;1&lt;/sub&gt;" in texts
    assert "<sub>" not in texts
