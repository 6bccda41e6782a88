"""MkDocs hooks: the generated pages and files, and the navigation, from the page registry.

Pages are generated during the build, never committed, so they cannot go
stale; what exists, where, and under which navigation entry is declared once in
quyche.site.pages. If any structured file has a problem the build stops with
every problem listed (file:line), before a single page is written.

Each event recomputes what it needs from the config (the corpus is loaded and
checked once per build, in on_config): no state is kept between events here,
and no other hook module needs to run before or after this one.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from quyche.problems import ProblemsFound
from quyche.site import pages as registry
from quyche.site.assets import minified
from quyche.site.build import site_of
from quyche.site.navigation import listing_page, shorten
from quyche.site.text import html_text


def on_config(config):
    try:
        site_of(config, fresh=True)   # loads and checks the corpus, once per build
    except ProblemsFound as exc:
        raise PluginError("structured data has problems; run `quyche check`:\n" + str(exc)) from None
    return config


def on_files(files, config):
    """The generated pages and files, and the navigation that lists them (built from the files)."""
    site = site_of(config)
    generated = registry.pages(site)
    for page in generated:
        files.append(File.generated(config, page.path, content=page.source(site)))
    for path, content, source in registry.files(site):
        if source:
            files.append(File.generated(config, path, abs_src_path=source))
        else:
            files.append(File.generated(config, path, content=content))
    # Long sections become pages of their own, so every page carries a short sidebar.
    config.nav, moved = shorten(registry.navigation(list(config.nav or []), generated))
    for section in moved:
        files.append(File.generated(config, section.path, content=listing_page(section)))
    _minify_own_assets(files, config)
    return files


def _minify_own_assets(files, config) -> None:
    """The stylesheets and scripts copied from a file of the project (docs/, a template) are
    published minified. The theme's are minified already; files generated from data (the
    day scripts of "Sắp tới") are compact already; Pagefind writes its own after the build."""
    theme = [str(d) for d in config.theme.dirs]
    for file in list(files):
        source = file.abs_src_path
        if source is None or any(source.startswith(d) for d in theme):
            continue
        text = minified(file.src_uri, file.content_string) if file.src_uri.endswith((".css", ".js")) else None
        if text is not None:
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=text))


def _escape_titles(items) -> None:
    for item in items:
        if item.is_section:
            item.title = html_text(item.title)
            _escape_titles(item.children)


def on_nav(nav, config, files):
    """Titles come from data (a short title, a post's name), and MkDocs and Material print
    them into the sidebar, the header and <title> without escaping: section titles are
    escaped here, page titles in on_env, once each page has read its own."""
    _escape_titles(nav.items)
    return nav


def on_env(env, config, files):
    """Every page has read its source by now (and its title); none is rendered yet."""
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        if page.title is not None:
            page.title = html_text(page.title)
        if "title" in page.meta:
            page.meta["title"] = html_text(page.meta["title"])
    return env
