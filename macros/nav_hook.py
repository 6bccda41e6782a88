"""MkDocs hook: the navigation and page titles, short and shown as text.

* A long navigation section becomes a page of its own, so the sidebar stays
  short however large the corpus (see quyche.site.navigation). Registered after
  macros/hooks.py, so it sees the navigation that hook built.
* Titles come from data (a regulation's short title, a post's name) and
  MkDocs and Material print them into the sidebar, the header and <title>
  without escaping: they are escaped here, once every page has its title.
"""
from __future__ import annotations

from mkdocs.structure.files import File

from quyche.site.navigation import listing_page, shorten
from quyche.site.text import html_text

_moved: list = []
_nav: list = []


def on_config(config):
    config.nav, moved = shorten(list(config.nav or []))
    _moved[:] = moved
    return config


def on_files(files, config):
    for section in _moved:
        files.append(File.generated(config, section.path, content=listing_page(section)))
    return files


def on_nav(nav, config, files):
    _nav[:] = [nav]
    return nav


def _escape_titles(items) -> None:
    for item in items:
        if item.title is not None:
            item.title = html_text(item.title)
        _escape_titles(getattr(item, "children", None) or [])


def on_env(env, config, files):
    """Every page has read its source by now; the pages are not rendered yet."""
    if _nav:
        _escape_titles(_nav[0].items)
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        if page.title is not None:
            page.title = html_text(page.title)
        if "title" in page.meta:
            page.meta["title"] = html_text(page.meta["title"])
    return env
