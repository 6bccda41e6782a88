"""MkDocs hook: the site's search is a Pagefind index written after every build.

Each page is marked with what Pagefind reads (quyche.site.search.mark_page),
then `on_post_build` runs Pagefind over the built site, so `mkdocs build` and
every rebuild of `mkdocs serve` ship a fresh ``pagefind/`` folder.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

from quyche.site.pages import search_links
from quyche.site.search import SearchIndexError, facets, index_site, mark_page, query_table


def on_config(config):
    # The query side's abbreviation table, from quyche.abbreviations (see partials/search.html).
    config.extra["search_terms"] = json.dumps(query_table(), ensure_ascii=False, separators=(",", ":"))
    # Pages found at another page's anchor (role cards on their text's roles page) and the way to them.
    config.extra["search_links"] = json.dumps(search_links(bool(config["use_directory_urls"])), ensure_ascii=False,
                                              separators=(",", ":"))
    return config


def on_post_page(output, page, config):
    return mark_page(output, facets(page.meta))


def on_post_build(config):
    try:
        index_site(Path(config.site_dir), bool(config["use_directory_urls"]))
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None
