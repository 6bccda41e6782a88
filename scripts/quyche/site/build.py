"""What the MkDocs build needs from the model, loaded once per build."""
from __future__ import annotations

from pathlib import Path

from ..loader import Project, load_valid_corpus
from ..model import Regulation

_cache: dict[Path, dict[str, Regulation]] = {}


def corpus(root: Path, fresh: bool = False) -> dict[str, Regulation]:
    """Regulations by slug, in the order readers expect: newest first per body."""
    root = root.resolve()
    if fresh or root not in _cache:
        regs = load_valid_corpus(Project(root))
        regs.sort(key=lambda r: (r.metadata.issuing_body, -(r.metadata.signed.toordinal() if r.metadata.signed else 0)))
        _cache[root] = {r.slug: r for r in regs}
    return _cache[root]


def regulation_page(reg: Regulation) -> str:
    """The markdown source of a regulation page; the macro renders the body."""
    title = reg.metadata.short_title.replace('"', "'")
    return (
        "---\n"
        f'title: "{title}"\n'
        "hide:\n  - toc\n"
        "---\n\n"
        f"# {{{{ reg_title('{reg.slug}') }}}}\n\n"
        f"{{{{ toan_van('{reg.slug}') }}}}\n"
    )
