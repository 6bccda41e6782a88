"""What the MkDocs build needs from the model, loaded once per build."""
from __future__ import annotations

from pathlib import Path

from ..check import run_check
from ..loader import Project
from ..model import Regulation
from ..problems import ProblemsFound
from .text import front_matter_title, markdown_text

_cache: dict[Path, dict[str, Regulation]] = {}
_comparisons: dict[Path, list] = {}


def corpus(root: Path, fresh: bool = False) -> dict[str, Regulation]:
    """Regulations by slug, in the order readers expect: newest first per body."""
    root = root.resolve()
    if fresh or root not in _cache:
        # The site is built only from data that passes every check of
        # `quyche check`: a wrong number never reaches a reader.
        report = run_check(Project(root))
        if report.problems:
            raise ProblemsFound(report.problems)
        regs = list(report.regulations)
        _comparisons[root] = list(report.comparisons)
        regs.sort(key=lambda r: (r.metadata.issuing_body, -(r.metadata.signed.toordinal() if r.metadata.signed else 0)))
        _cache[root] = {r.slug: r for r in regs}
    return _cache[root]


def regulation_page(reg: Regulation) -> str:
    """The markdown source of a regulation page; the macro renders the body."""
    title = front_matter_title(reg.metadata.short_title)
    return (
        "---\n"
        f'title: "{title}"\n'
        "hide:\n  - toc\n"
        "---\n\n"
        f"# {{{{ reg_title('{reg.slug}') }}}}\n\n"
        f"{{{{ toan_van('{reg.slug}') }}}}\n"
    )


def deadlines_page(reg: Regulation) -> str:
    title = front_matter_title(f"Lịch và thời hạn — {reg.metadata.short_title}")
    return (
        "---\n"
        f'title: "{title}"\n'
        "---\n\n"
        f"# Lịch và thời hạn: {{{{ reg_title('{reg.slug}') }}}}\n\n"
        f"[← Toàn văn](../index.md)\n\n"
        f"{{{{ moc_thoi_gian('{reg.slug}') }}}}\n"
    )


def comparisons(root: Path) -> list:
    """The reviewed comparison specs (loaded and checked with the corpus)."""
    corpus(root)
    return _comparisons[root.resolve()]


def comparison_page(alignment) -> str:
    return (
        "---\n"
        "hide:\n  - toc\n"
        "---\n\n"
        f"# So sánh hai phiên bản\n\n"
        f"{{{{ so_sanh('{alignment.old}', '{alignment.new}') }}}}\n"
    )


def topic_page(topic) -> str:
    return f"---\nhide:\n  - toc\n---\n\n# {topic.title}\n\n{{{{ chu_de('{topic.slug}') }}}}\n"


def marks_page(reg: Regulation) -> str:
    title = front_matter_title(f"Đánh dấu sửa đổi — {reg.metadata.short_title}")
    return (f'---\ntitle: "{title}"\nhide:\n  - toc\n---\n\n# Các đoạn được đánh dấu sửa đổi\n\n'
            f"[← Toàn văn](../index.md)\n\n{{{{ danh_dau_sua_doi('{reg.slug}') }}}}\n")


def roles_page(reg: Regulation) -> str:
    title = front_matter_title(f"Thẻ vai trò — {reg.metadata.short_title}")
    return (f'---\ntitle: "{title}"\nhide:\n  - toc\n---\n\n# Thẻ vai trò\n\n'
            f"{{{{ danh_sach_vai_tro('{reg.slug}') }}}}\n")


def role_page(reg: Regulation, actor) -> str:
    title = front_matter_title(f"{actor.name} — {reg.metadata.short_title}")
    return (f'---\ntitle: "{title}"\nhide:\n  - toc\n---\n\n'
            f"# Thẻ vai trò: {markdown_text(actor.name)}\n\n{{{{ the_vai_tro('{reg.slug}', '{actor.id}') }}}}\n")
