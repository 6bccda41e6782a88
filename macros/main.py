"""Macros for the pages: small, documented, failing loudly on unknown ids."""
from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from quyche.site.build import corpus
from quyche.site.render import STATUS, regulation_html


def define_env(env):
    root = Path(env.conf["config_file_path"]).resolve().parent

    def regulation(slug: str):
        regs = corpus(root)
        if slug not in regs:
            raise KeyError(f"unknown regulation '{slug}'; known: {', '.join(regs)}")
        return regs[slug]

    @env.macro
    def reg_title(slug: str) -> str:
        """The regulation's full title, escaped."""
        return str(escape(regulation(slug).metadata.title))

    @env.macro
    def toan_van(slug: str) -> str:
        """Metadata box, contents and full text of one regulation, as HTML."""
        return regulation_html(regulation(slug), corpus(root))

    @env.macro
    def danh_sach_van_ban() -> str:
        """The home page table of regulations."""
        rows = []
        for slug, reg in corpus(root).items():
            m = reg.metadata
            signed = m.signed.strftime("%d/%m/%Y") if m.signed else "không ghi"
            rows.append(
                f'<tr><td><a href="{escape(slug)}/">{escape(m.title)}</a></td>'
                f"<td>{escape(m.issuing_body)}</td><td>{escape(m.document_type)}</td>"
                f"<td>{escape(m.number or 'không ghi')}</td><td>{signed}</td>"
                f'<td><span class="qc-status qc-status-{m.status}">{STATUS[m.status]}</span></td></tr>')
        return ('<table class="qc-list"><thead><tr><th scope="col">Văn bản</th><th scope="col">Cơ quan</th>'
                '<th scope="col">Loại</th><th scope="col">Số</th><th scope="col">Ngày ký</th>'
                '<th scope="col">Hiệu lực</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")
