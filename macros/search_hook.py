"""MkDocs hook: search that finds "chanh van phong" and "UBND" (see quyche.site.search).

After Material's search plugin has written search/search_index.json, the
regulation pages are re-indexed from the model (one entry per article) and
every entry gets accent-free fields and abbreviation expansions.
"""
from __future__ import annotations

import json
from pathlib import Path

from quyche.site import pages as registry
from quyche.site.build import site_of
from quyche.site.search import rewrite_index
from quyche.site.urls import url_of


def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    site = site_of(config)
    texts = {url_of(page.path, site.directory_urls): page.params["reg"]
             for page in registry.pages(site) if page.kind.name == "regulation"}
    index = json.loads(path.read_text(encoding="utf-8"))
    index = rewrite_index(index, texts)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
