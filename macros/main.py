"""Macros of the hand-written pages (docs/*.md): one line each, calling a renderer with the page's links.

Generated pages do not use macros: they are declared in quyche.site.pages and
written as HTML by their renderers.
"""
from __future__ import annotations

from quyche.site import pages as registry
from quyche.site.build import site_of
from quyche.site.facts_pages import combined_html
from quyche.site.home import glossary_html, start_html, texts_html
from quyche.site.role_pages import roles_index_html
from quyche.site.upcoming import upcoming_html


def define_env(env):
    def here():
        """The site and the links of the page being rendered."""
        return site_of(env.conf), registry.links(env.page.file.src_uri, env.conf["use_directory_urls"])

    @env.macro
    def bat_dau() -> str:
        """Home page: starting points, with figures and each comparison's headline change."""
        return start_html(*here())

    @env.macro
    def sap_toi() -> str:
        """Home page: the dates of the texts in force, for the reader's browser to pick the next ones."""
        return upcoming_html(*here())

    @env.macro
    def danh_sach_van_ban() -> str:
        """Home page: the table of texts."""
        return texts_html(*here())

    @env.macro
    def moc_thoi_gian_tat_ca() -> str:
        """One table of every dated fact across the corpus."""
        return combined_html(*here())

    @env.macro
    def danh_sach_vai_tro() -> str:
        """Role cards of every text, grouped by comparable post."""
        return roles_index_html(*here())

    @env.macro
    def bang_viet_tat() -> str:
        """Abbreviations that occur in the sources, with where they occur."""
        return glossary_html(*here())
