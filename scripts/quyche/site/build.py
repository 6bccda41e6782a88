"""What the MkDocs build needs from the model, loaded once per build."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..check import run_check
from ..loader import Project
from ..model import Regulation
from ..problems import ProblemsFound
from .facts_pages import years_shown

#: Pages that gather every text (the home page's list, the all-texts deadline table, the
#: role-card index) show them whole up to this many texts; a larger corpus gets a list
#: of texts leading to each text's own page (at 400 texts the deadline table was 10 MB).
LIST_LIMIT = 12

_cache: dict[Path, dict[str, Regulation]] = {}
_comparisons: dict[Path, list] = {}


@dataclass(frozen=True)
class Site:
    """Everything a page is rendered from: the corpus, its comparisons, the years shown, the URL style."""
    regs: dict[str, Regulation]
    comparisons: tuple
    years: range
    directory_urls: bool = True
    base: str = ""   # site_url without its final slash, for links that leave the site (calendar files)

    @property
    def texts(self) -> list[Regulation]:
        return list(self.regs.values())

    @property
    def large(self) -> bool:
        """Too many texts for one page to gather all of them (:data:`LIST_LIMIT`)."""
        return len(self.regs) > LIST_LIMIT

    def regulation(self, slug: str) -> Regulation:
        if slug not in self.regs:
            raise KeyError(f"unknown regulation '{slug}'; known: {', '.join(self.regs)}")
        return self.regs[slug]


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


def comparisons(root: Path) -> list:
    """The reviewed comparison specs (loaded and checked with the corpus)."""
    corpus(root)
    return _comparisons[root.resolve()]


def site_of(config, fresh: bool = False) -> Site:
    """The Site of a MkDocs config (loaded and checked once per build; ``fresh`` reloads)."""
    root = Path(config["config_file_path"]).resolve().parent
    regs = corpus(root, fresh=fresh)
    return Site(regs, tuple(comparisons(root)), years_shown(), bool(config["use_directory_urls"]),
                (config["site_url"] or "/").rstrip("/"))
