"""What every page downloads stays light (issue 12: a home page under 300 KB as served).

The weight itself is measured by scripts/benchmark.py, not here; these tests fail if
what made it lighter comes undone: a stylesheet loaded where no page needs it.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from support import built_file


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
