"""The site's own stylesheets and scripts, as they are published.

The sources (docs/assets/, scripts/quyche/templates/compare.css) stay readable,
with their comments; the site gets them minified, since every page loads them
and the home page must weigh under 300 KB as served without compression
(issue 12). Whitespace and comments only: nothing is renamed, so what a test or
a reader finds in the source is what runs.
"""
from __future__ import annotations

import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minified(path: str, text: str) -> str | None:
    """``text`` minified if ``path`` is a stylesheet or a script, else None."""
    for suffix, minify in MINIFIERS.items():
        if path.endswith(suffix):
            return minify(text)
    return None
