"""Macros for the pages: small, documented, failing loudly on unknown ids."""
from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from quyche.abbreviations import glossary
from quyche.describe import actor_names, due_note, weekday, when
from quyche.holidays import day_off
from quyche.ids import human_citation
from quyche.marks import marks
from quyche.roles import GROUP_NAMES, ROLE_NAMES, card, changes, versions
from quyche.site.build import comparisons, corpus
from quyche.site.compare_page import compare_html
from quyche.site.facts_pages import combined_html, deadlines_html, years_shown
from quyche.site.render import STATUS, environment, regulation_html
from quyche.site.text import markdown_text
from quyche.topics import TOPICS, matrix


def define_env(env):
    root = Path(env.conf["config_file_path"]).resolve().parent

    def regulation(slug: str):
        regs = corpus(root)
        if slug not in regs:
            raise KeyError(f"unknown regulation '{slug}'; known: {', '.join(regs)}")
        return regs[slug]

    @env.macro
    def reg_title(slug: str) -> str:
        """The regulation's full title, as text in a markdown heading (HTML and markdown escaped)."""
        return markdown_text(regulation(slug).metadata.title)

    @env.macro
    def toan_van(slug: str) -> str:
        """Metadata box, contents and full text of one regulation, as HTML."""
        return regulation_html(regulation(slug), corpus(root), [(c.old, c.new) for c in comparisons(root)])

    @env.macro
    def danh_sach_van_ban() -> str:
        """The home page table of regulations."""
        rows = []
        for slug, reg in corpus(root).items():
            m = reg.metadata
            signed = m.signed.strftime("%d/%m/%Y") if m.signed else "không ghi"
            rows.append(
                f'<tr><td><a href="{escape(slug)}/">{escape(m.title)}</a></td>'
                f'<td data-label="Cơ quan">{escape(m.issuing_body)}</td>'
                f'<td data-label="Loại">{escape(m.document_type)}</td>'
                f'<td data-label="Số">{escape(m.number or "không ghi")}</td><td data-label="Ngày ký">{signed}</td>'
                f'<td><span class="qc-status qc-status-{m.status}">{STATUS[m.status]}</span></td></tr>')
        return ('<table class="qc-list"><thead><tr><th scope="col">Văn bản</th><th scope="col">Cơ quan</th>'
                '<th scope="col">Loại</th><th scope="col">Số</th><th scope="col">Ngày ký</th>'
                '<th scope="col">Hiệu lực</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")

    @env.macro
    def bat_dau() -> str:
        """Home page starting points, with figures and the headline change computed from the data."""
        from quyche.changes import fact_changes
        regs = list(corpus(root).values())
        compared = []
        for alignment in comparisons(root):
            old, new = regulation(alignment.old), regulation(alignment.new)
            changed = [c for c in fact_changes(old, new, years_shown().start) if c.old and c.new]
            compared.append({"old": old, "new": new, "first": changed[0] if changed else None})
        return environment().get_template("home.html").render(
            regs=regs, comparisons=compared, topics=TOPICS,
            meetings=sum(f.type == "meeting" for r in regs for f in r.facts),
            reports=sum(f.type in ("report", "plan_submission") for r in regs for f in r.facts),
            cards=sum(len(r.actors) for r in regs))

    @env.macro
    def sap_toi() -> str:
        """The dates of the texts in force, for the reader's browser to show the next two weeks."""
        from quyche.site.upcoming import upcoming_html
        return upcoming_html(list(corpus(root).values()), years_shown())

    @env.macro
    def moc_thoi_gian(slug: str) -> str:
        """Deadline table, year calendars and export links of one regulation."""
        return deadlines_html(regulation(slug), years_shown())

    @env.macro
    def moc_thoi_gian_tat_ca() -> str:
        """One table of every dated fact across the corpus."""
        return combined_html(list(corpus(root).values()))

    @env.macro
    def bang_viet_tat() -> str:
        """Glossary of abbreviations that occur in the sources, with where they occur."""
        rows = []
        for abbr, expansion, uses in glossary(list(corpus(root).values())):
            where = "; ".join(
                f'<a href="../{u.regulation.slug}/#{u.first_unit}">{escape(u.regulation.metadata.short_title)}</a>'
                f" ({u.count} lần{', định nghĩa: «' + str(escape(u.defined)) + '»' if u.defined else ''})"
                for u in uses)
            rows.append(f'<tr id="{escape(abbr.lower())}"><th scope="row"><abbr title="{escape(expansion)}">'
                        f"{escape(abbr)}</abbr></th><td>{escape(expansion)}</td><td>{where}</td></tr>")
        return ('<table class="qc-glossary"><thead><tr><th scope="col">Viết tắt</th><th scope="col">Nghĩa</th>'
                '<th scope="col">Dùng trong (lần đầu xuất hiện)</th></tr></thead><tbody>' + "".join(rows) +
                "</tbody></table>")

    @env.macro
    def so_sanh(old: str, new: str) -> str:
        """Summary of changes and the side-by-side diff of two versions."""
        for alignment in comparisons(root):
            if (alignment.old, alignment.new) == (old, new):
                tables = {kind: f"../../xuat/so-sanh/{old}--{new}.{kind}" for kind in ("docx", "xlsx")}
                return compare_html(alignment, regulation(old), regulation(new), years_shown().start,
                                    f"../../{old}/", f"../../{new}/", table_hrefs=tables)
        raise KeyError(f"no comparison spec structured/so-sanh/{old}--{new}.yaml")

    @env.macro
    def chu_de(slug: str) -> str:
        """One topic asked of every regulation: a column per regulation, each cell linked."""
        topic = next((t for t in TOPICS if t.slug == slug), None)
        if topic is None:
            raise KeyError(f"unknown topic '{slug}'; known: {', '.join(t.slug for t in TOPICS)}")
        return environment().get_template("topic.html").render(
            topic=topic, cells=matrix(topic, list(corpus(root).values())), names=actor_names, cite=human_citation)

    @env.macro
    def danh_dau_sua_doi(slug: str) -> str:
        """Spans the text marks as amended, by article."""
        reg = regulation(slug)
        found = marks(reg)
        groups: dict = {}
        for m in found:
            groups.setdefault(m.article.id if m.article else "", (m.article, []))[1].append(m)
        return environment().get_template("marks.html").render(
            reg=reg, marks=found, bases=groups.get("", (None, []))[1],
            groups=[g for g in groups.values() if g[0] is not None], cite=human_citation)

    @env.macro
    def the_vai_tro(slug: str, actor_id: str) -> str:
        """The role card of one post: relations, meetings, reports, duties, dates, changes across versions."""
        reg = regulation(slug)
        year = years_shown().start
        c = card(reg, reg.actor(actor_id), year)
        older, newer, diff = None, None, None
        for relation, version in versions(reg, corpus(root)):
            if any(a.id == actor_id for a in version.actors):
                older, newer = (version, reg) if relation == "older" else (reg, version)
                diff = changes(card(older, older.actor(actor_id), year), card(newer, newer.actor(actor_id), year))
                break
        return environment().get_template("role.html").render(
            c=c, reg=reg, year=year, base="../../../", cite=human_citation, when=when, weekday=weekday, off=day_off,
            due=due_note,
            names=actor_names, ROLE_NAMES=ROLE_NAMES, group_name=GROUP_NAMES.get(c.actor.group or "", ""),
            older=older, newer=newer, changes=diff)

    @env.macro
    def danh_sach_vai_tro(slug: str | None = None) -> str:
        """Role cards grouped by comparable post: of every regulation, or of one (`slug`)."""
        from quyche.roles import involved
        groups: dict = {}
        regs = [regulation(slug)] if slug else list(corpus(root).values())
        for reg in regs:
            for actor in reg.actors:
                count = len({f.id for _, f in involved(reg, actor.id)})
                groups.setdefault(actor.group or "", []).append((reg, actor, count))
        order = list(GROUP_NAMES)
        ordered = sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
        return environment().get_template("roles_index.html").render(
            groups=ordered, group_names=GROUP_NAMES, one=regulation(slug) if slug else None,
            base="" if slug else "../")
