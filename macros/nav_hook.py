"""MkDocs hook: a sidebar that stays short however large the corpus (see quyche.site.navigation).

Registered after macros/hooks.py, so it sees the navigation that hook built.
"""
from __future__ import annotations

from mkdocs.structure.files import File

from quyche.site.navigation import listing_page, shorten

_moved: list = []


def on_config(config):
    config.nav, moved = shorten(list(config.nav or []))
    _moved[:] = moved
    return config


def on_files(files, config):
    for section in _moved:
        files.append(File.generated(config, section.path, content=listing_page(section)))
    return files
