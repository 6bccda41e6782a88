"""MkDocs hook: search that finds "chanh van phong" and "UBND" (see quyche.site.search).

After Material's search plugin has written search/search_index.json, the
regulation pages are re-indexed from the model (one entry per article) and
every entry gets accent-free fields and abbreviation expansions.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from quyche.site.build import corpus
from quyche.site.search import rewrite_index

# The regulation template marks its body with the slug; pages are found by it,
# whatever their file name.
_REGULATION = re.compile(r'<div class="qc-regulation" data-slug="([^"]+)"')
_pages: dict[str, str] = {}


def on_config(config):
    _pages.clear()   # `mkdocs serve` rebuilds in the same process


def on_page_context(context, page, config, nav):
    found = _REGULATION.search(page.content or "")
    if found:
        _pages[page.url] = found.group(1)
    return context


def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    regs = corpus(Path(config["config_file_path"]).resolve().parent)
    index = json.loads(path.read_text(encoding="utf-8"))
    index = rewrite_index(index, {url: regs[slug] for url, slug in _pages.items()})
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
