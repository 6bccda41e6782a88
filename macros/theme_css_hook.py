"""MkDocs hook: the theme's main.css published without the rules no page can use.

Every page of the site loads Material's main.css (138 KB as served, 40% of the home
page before this): the rules for features the site does not use are left out once
the build has written every page (quyche.site.assets.pruned_theme_css says which).
The classes are read from each page as it is written and from every script of the
built site. A build that did not write every page (`--dirty`) keeps the whole file:
the pages it left alone were not read.
"""
from __future__ import annotations

from pathlib import Path

from quyche.site.assets import classes_of_page, pruned_theme_css, words_of_script

_present: set[str] = set()
_pages = {"expected": 0, "seen": 0}


def on_env(env, config, files):
    _present.clear()
    _pages.update(expected=len(files.documentation_pages()), seen=0)
    return env


def on_post_page(output, page, config):
    _present.update(classes_of_page(output))
    _pages["seen"] += 1
    return output


def on_post_template(output_content, template_name, config):
    _present.update(classes_of_page(output_content))   # 404.html
    return output_content


def on_post_build(config):
    if _pages["seen"] < _pages["expected"]:
        return
    site = Path(config.site_dir)
    for script in site.rglob("*.js"):
        _present.update(words_of_script(script.read_text(encoding="utf-8", errors="replace")))
    for css in (site / "assets" / "stylesheets").glob("main.*.css"):
        css.write_text(pruned_theme_css(css.read_text(encoding="utf-8"), _present), encoding="utf-8")
