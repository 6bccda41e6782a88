"""Links between the pages of the site, built from the linking page's own URL.

Every link a page holds is relative (the site works under any address, and
from a folder opened without a server), so it depends on where the page
itself lands. That is decided here, once: :func:`url_of` says where MkDocs
publishes a docs file, :class:`Links` writes the way from one page to
another. No template or renderer counts ``../`` itself.
"""
from __future__ import annotations

from collections.abc import Mapping

from mkdocs.utils import get_relative_url


def url_of(src: str, directory_urls: bool) -> str:
    """The site URL of a docs file, as MkDocs publishes it ("" is the home page).

    ``a/index.md`` → ``a/`` (or ``a/index.html``), ``a/b.md`` → ``a/b/`` (or
    ``a/b.html``); any other file keeps its path.
    """
    if not src.endswith(".md"):
        return src
    stem = src[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


class Links:
    """The links of one page: to any docs file, or to a page or file of a kind of the registry.

    ``patterns`` maps a kind's name to its docs path pattern (``str.format`` over
    the kind's parameters, e.g. ``"{reg.slug}/vai-tro/{actor.id}.md"``).
    """

    def __init__(self, src: str, directory_urls: bool, patterns: Mapping[str, str]):
        self.src = src
        self.directory_urls = directory_urls
        self.here = url_of(src, directory_urls)
        self._patterns = patterns

    def to(self, path: str, anchor: str = "") -> str:
        """The relative link to the docs file ``path`` (a page ``x.md`` or any other file)."""
        target = url_of(path, self.directory_urls)
        href = get_relative_url(target or "./", self.here or "./")
        return f"{href}#{anchor}" if anchor else href

    def page(self, kind: str, anchor: str = "", **params) -> str:
        """The link to the page (or generated file) of ``kind`` with these parameters."""
        return self.to(self.path(kind, **params), anchor)

    file = page   # the same pattern lookup; the name reads better for downloads in templates

    def path(self, kind: str, **params) -> str:
        """The docs path of the page or file of ``kind`` with these parameters."""
        if kind not in self._patterns:
            raise KeyError(f"unknown page kind '{kind}'; known: {', '.join(self._patterns)}")
        return self._patterns[kind].format(**params)
