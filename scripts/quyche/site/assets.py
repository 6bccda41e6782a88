"""The site's own stylesheets and scripts, as they are published.

The sources (docs/assets/, scripts/quyche/templates/compare.css) stay readable,
with their comments; the site gets them minified, since every page loads them
and the home page must weigh under 300 KB as served without compression
(issue 12). Whitespace and comments only: nothing is renamed, so what a test or
a reader finds in the source is what runs.
"""
from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin
import tinycss2

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minified(path: str, text: str) -> str | None:
    """``text`` minified if ``path`` is a stylesheet or a script, else None."""
    for suffix, minify in MINIFIERS.items():
        if path.endswith(suffix):
            return minify(text)
    return None


# --- The theme's stylesheet, without the rules no page of this site can use -------------
#
# Material's main.css (138 KB) styles every feature of the theme; this site uses few
# (no code blocks, tabs, blog, tags, ...). A rule is dropped only when each of its
# selectors needs, outside :not()/:is()/:where(), a class that no built page carries
# and no script could add: no class attribute of any page, no word of any script
# (Material's bundle.js adds classes at run time, from string literals) or of a page's
# inline scripts. Element, id and attribute selectors are never reasons to drop.

_CLASS_ATTR = re.compile(rb'\bclass="([^"]*)"')
_INLINE_SCRIPT = re.compile(rb"<script\b[^>]*>(.*?)</script>", re.S)
_WORD = re.compile(r"[A-Za-z_][\w-]*")


def classes_of_site(site: Path) -> set[str]:
    """Every class a page of the built site carries, and every word of its scripts (a
    script may add a class: Material's bundle.js does, from string literals), inline
    or in files, Pagefind's included. Read as bytes: a class attribute repeats on
    thousands of pages, so the distinct ones are split once."""
    attributes: set[bytes] = set()
    scripts: set[bytes] = set()
    for page in site.rglob("*.html"):
        html = page.read_bytes()
        attributes.update(_CLASS_ATTR.findall(html))
        if b"<script" in html:
            scripts.update(_INLINE_SCRIPT.findall(html))
    scripts.update(p.read_bytes() for p in site.rglob("*.js"))
    found = {c for attr in attributes for c in attr.decode("utf-8", "replace").split()}
    for script in scripts:
        found.update(_WORD.findall(script.decode("utf-8", "replace")))
    return found


def _selectors(prelude) -> list[list]:
    out = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            out.append([])
        else:
            out[-1].append(token)
    return out


def _needed_classes(selector: list) -> list[str]:
    # Top-level tokens only: a class inside :not(...) or :is(...) is a function's argument.
    return [b.value for a, b in zip(selector, selector[1:])
            if a.type == "literal" and a.value == "." and b.type == "ident"]


def _unusable(rule, present: set[str]) -> bool:
    return all(any(c not in present for c in _needed_classes(s)) for s in _selectors(rule.prelude))


def _pruned(rules, present: set[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule" and _unusable(rule, present):
            continue
        if rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = _pruned(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), present)
            if not inner:
                continue
            kept.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + "".join(inner) + "}")
            continue
        if rule.type != "error":
            kept.append(tinycss2.serialize([rule]))
    return kept


def pruned_theme_css(css: str, present: set[str]) -> str:
    """``css`` without the rules whose every selector needs a class not in ``present``."""
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return "".join(_pruned(rules, present))
