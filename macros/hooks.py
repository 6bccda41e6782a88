"""MkDocs hooks: generate one page per regulation during the build.

Pages are generated, never committed, so they cannot go stale. If any
structured file has a problem the build stops with every problem listed
(file:line), before a single page is written.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from quyche.problems import ProblemsFound
from quyche.site.build import corpus, regulation_page


def _root(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def on_config(config):
    try:
        regs = corpus(_root(config), fresh=True)
    except ProblemsFound as exc:
        raise PluginError("structured data has problems; run `quyche check`:\n" + str(exc)) from None
    section = {"Văn bản": [{reg.metadata.short_title: f"{slug}.md"} for slug, reg in regs.items()]}
    nav = list(config.nav or [])
    config.nav = nav[:1] + [section] + nav[1:]
    return config


def on_files(files, config):
    root = _root(config)
    for slug, reg in corpus(root).items():
        files.append(File.generated(config, f"{slug}.md", content=regulation_page(reg)))
        files.append(File.generated(config, f"nguon/{slug}.txt", abs_src_path=str(reg.source_path)))
    return files
