"""Data shown as text, wherever it lands: in HTML, in markdown, in a Jinja page.

Titles and names from structured/*.yaml reach pages three ways: through the
HTML templates (Jinja autoescape handles them), as markdown headings of
generated pages ("# Thẻ vai trò: <name>"), and as page and navigation titles,
which MkDocs and Material print without escaping. A title holding "<b>",
"*x*", "![](http://…)", "{: onclick=…}" or "{{ … }}" must still read as those
characters, so each way escapes its own specials.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

# Python-Markdown's backslash escapes, plus braces (attr_list's "{: …}" and
# Jinja's "{{ … }}", which the macros plugin would otherwise evaluate).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")


def markdown_text(text: str) -> str:
    """``text`` for a markdown page: HTML-escaped, every markdown and Jinja special backslash-escaped."""
    return _MARKDOWN.sub(r"\\\1", str(escape(text)))


def front_matter_title(text: str) -> str:
    """``text`` for a double-quoted YAML ``title:`` in a generated page's front matter."""
    return text.replace("\\", "\\\\").replace('"', "'")


def html_text(text) -> Markup:
    """``text`` for a template that does not escape (MkDocs' and Material's titles); idempotent."""
    return escape(text)
