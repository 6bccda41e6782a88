"""MkDocs hooks: generate one page per regulation during the build.

Pages are generated, never committed, so they cannot go stale. If any
structured file has a problem the build stops with every problem listed
(file:line), before a single page is written.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from quyche.drafting_table import HEADERS_VERSIONS, build as drafting_table, docx_bytes as table_docx, xlsx_bytes as table_xlsx
from quyche.exports import csv_bytes, facts_of_actor, icalendar, json_bytes
from quyche.problems import ProblemsFound
from quyche.site.build import (comparison_page, comparisons, corpus, deadlines_page, marks_page,
                               regulation_page, role_page, roles_page, topic_page)
from quyche.topics import TOPICS
from quyche.site.compare_page import CSS as COMPARE_CSS
from quyche.site.facts_pages import years_shown
from quyche.site.upcoming import PATH as UPCOMING, upcoming_json


def _root(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def on_config(config):
    try:
        regs = corpus(_root(config), fresh=True)
    except ProblemsFound as exc:
        raise PluginError("structured data has problems; run `quyche check`:\n" + str(exc)) from None
    def pages(slug, reg):
        out = [{"Toàn văn": f"{slug}/index.md"}, {"Lịch và thời hạn": f"{slug}/moc-thoi-gian.md"},
               {"Thẻ vai trò": f"{slug}/vai-tro/index.md"}]
        if reg.metadata.marks_amendments:
            out.append({"Đánh dấu sửa đổi": f"{slug}/danh-dau-sua-doi.md"})
        return out

    section = {"Văn bản": [{reg.metadata.short_title: pages(slug, reg)} for slug, reg in regs.items()]}
    topics = {"So sánh giữa các cơ quan": [{t.title: f"chu-de/{t.slug}.md"} for t in TOPICS]}
    compared = [{f"{regs[c.old].metadata.short_title} → {regs[c.new].metadata.short_title}":
                 f"so-sanh/{c.old}--{c.new}.md"} for c in comparisons(_root(config))]
    nav = list(config.nav or [])
    config.nav = nav[:1] + [section] + [{"Thẻ vai trò": "vai-tro.md"}] + ([{"So sánh phiên bản": compared}] if compared else []) + [topics] + nav[1:]
    return config


def on_files(files, config):
    root = _root(config)
    regs = corpus(root)
    base = (config.site_url or "/").rstrip("/")
    years = years_shown()
    for slug, reg in regs.items():
        files.append(File.generated(config, f"{slug}/index.md", content=regulation_page(reg)))
        files.append(File.generated(config, f"{slug}/moc-thoi-gian.md", content=deadlines_page(reg)))
        files.append(File.generated(config, f"nguon/{slug}.txt", abs_src_path=str(reg.source_path)))
        files.append(File.generated(config, f"xuat/{slug}.ics",
                                    content=icalendar(reg, list(reg.facts), reg.metadata.short_title, base, years)))
        files.append(File.generated(config, f"xuat/{slug}.csv", content=csv_bytes([reg], base)))
        for actor in reg.actors:
            facts = facts_of_actor(reg, actor.id)
            if facts:
                name = f"{actor.name} — {reg.metadata.short_title}"
                files.append(File.generated(config, f"xuat/{slug}/{actor.id}.ics",
                                            content=icalendar(reg, facts, name, base, years)))
    for slug, reg in regs.items():
        files.append(File.generated(config, f"{slug}/vai-tro/index.md", content=roles_page(reg)))
        for actor in reg.actors:
            files.append(File.generated(config, f"{slug}/vai-tro/{actor.id}.md", content=role_page(reg, actor)))
    for topic in TOPICS:
        files.append(File.generated(config, f"chu-de/{topic.slug}.md", content=topic_page(topic)))
    for slug, reg in regs.items():
        if reg.metadata.marks_amendments:
            files.append(File.generated(config, f"{slug}/danh-dau-sua-doi.md", content=marks_page(reg)))
    for c in comparisons(root):
        files.append(File.generated(config, f"so-sanh/{c.old}--{c.new}.md", content=comparison_page(c)))
        table = drafting_table(c, regs[c.old], regs[c.new], HEADERS_VERSIONS)
        for suffix, write in (("docx", table_docx), ("xlsx", table_xlsx)):
            files.append(File.generated(config, f"xuat/so-sanh/{c.old}--{c.new}.{suffix}", content=write(table)))
    files.append(File.generated(config, "assets/compare.css", abs_src_path=str(COMPARE_CSS)))
    files.append(File.generated(config, "xuat/tat-ca.csv", content=csv_bytes(list(regs.values()), base)))
    files.append(File.generated(config, "xuat/du-kien.json", content=json_bytes(list(regs.values()), base)))
    files.append(File.generated(config, UPCOMING, content=upcoming_json(list(regs.values()), years)))
    return files
