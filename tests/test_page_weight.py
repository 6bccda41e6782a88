"""What every page downloads stays light (issue 12: a home page under 300 KB as served).

The weight itself is measured by scripts/benchmark.py, not here; these tests fail if
what made it lighter comes undone: a stylesheet loaded where no page needs it.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from support import ROOT, built_file


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])


def loaded(page: Path) -> _Head:
    head = _Head()
    head.feed(page.read_text(encoding="utf-8"))
    return head


def test_the_theme_palette_stylesheet_is_not_loaded(site):
    """Material loads palette.css (12 KB) only when mkdocs.yml sets `theme.palette`; the site
    uses the theme's default colours (indigo), which main.css holds already."""
    for page in (built_file(site, "index.md"), built_file(site, "vai-tro.md")):
        assert not [s for s in loaded(page).stylesheets if "palette" in s], page


def test_a_stylesheet_of_one_page_kind_is_loaded_by_its_pages_only(site):
    """compare.css is declared with the comparison kind (PageKind.stylesheets), not in
    mkdocs.yml's extra_css: the comparisons load it, the home page and the others do not."""
    from quyche.site.pages import KINDS
    (comparison,) = [k for k in KINDS if k.name == "comparison"]
    assert "assets/compare.css" in comparison.stylesheets
    assert not re.search(r"^\s*- assets/compare\.css", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    comparisons = sorted((site / "so-sanh").glob("*.html"))
    assert comparisons
    linking = sorted(p for p in site.rglob("*.html")
                     if any(s.endswith("assets/compare.css") for s in loaded(p).stylesheets))
    assert linking == comparisons
    assert loaded(comparisons[0]).stylesheets[-1] == "../assets/compare.css"   # after theme-fixes.css


def _own_assets() -> list[tuple[Path, str]]:
    """The project's stylesheets and scripts, (source, where the site publishes it)."""
    from quyche.site.compare_page import CSS as COMPARE_CSS
    docs = ROOT / "docs"
    found = [(p, p.relative_to(docs).as_posix()) for p in sorted((docs / "assets").glob("*.*"))
             if p.suffix in (".css", ".js")]
    return found + [(COMPARE_CSS, "assets/compare.css")]


def test_the_sites_own_stylesheets_and_scripts_are_published_minified(site):
    """Every page loads them: the site gets them without comments or indentation, the
    sources keep both (rjsmin, rcssmin: quyche.site.assets)."""
    assets = _own_assets()
    assert {"assets/quyche.css", "assets/search.js", "assets/compare.css"} <= {a for _, a in assets}
    for source, published in assets:
        text, original = (site / published).read_text(encoding="utf-8"), source.read_text(encoding="utf-8")
        assert "/*" in original or "//" in original, f"{source} has no comment left to strip"
        assert "/*" not in text, f"{published}: a comment is published"
        assert not re.search(r"\n[ \t]", text), f"{published}: indented lines are published"
        assert len(text) < 0.9 * len(original), f"{published}: not minified"
