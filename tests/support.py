"""Helpers shared by the tests: the repository's corpus, and a throw-away copy
of the project whose YAML files a test may break at will.

Kept out of conftest.py so test modules can import the constants they need
for parametrisation (``SLUGS``, ``repo_corpus``) at collection time.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quyche.cli import main
from quyche.loader import Project, load_corpus
from quyche.model import Regulation, Unit

ROOT = Path(__file__).resolve().parents[1]


def _directory_urls() -> bool:
    # Read as text: mkdocs.yml names Python functions (!!python/name), which a safe YAML load refuses.
    found = re.search(r"^use_directory_urls:\s*(true|false)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return found is None or found.group(1) == "true"


#: mkdocs.yml's use_directory_urls: whether pages are published as a/ or a.html.
DIRECTORY_URLS = _directory_urls()


def built_url(src: str) -> str:
    """The site URL of the docs page ``src`` (``"a/b.md"``) in this project's build ("" is the home page)."""
    from quyche.site.urls import url_of
    return url_of(src, DIRECTORY_URLS)


def built_file(site: Path, src: str) -> Path:
    """The built HTML file of the docs page ``src``."""
    url = built_url(src)
    return site / (url + "index.html" if url.endswith("/") or not url else url)


def link(here: str, to: str, anchor: str = "") -> str:
    """The relative link from docs page ``here`` to docs file ``to``, as the site writes it."""
    from quyche.site.urls import Links
    return Links(here, DIRECTORY_URLS, {}).to(to, anchor)

#: The four regulations of the corpus, by slug (regulations/<slug>.txt ↔ structured/<slug>.yaml).
SLUGS = (
    "dak-lak-vp-ubnd-2025",
    "tra-vinh-dang-uy-khoi-2019",
    "dak-lak-vp-ubnd-2021",
    "dien-bien-tinh-uy-2020-2025",
)


@lru_cache(maxsize=1)
def repo_corpus() -> tuple[dict[str, Regulation], tuple]:
    """The repository's regulations (by slug) and the loader's problems; loaded once."""
    regulations, problems = load_corpus(Project(ROOT))
    return {r.slug: r for r in regulations}, tuple(problems)


def unit_params() -> list:
    """One pytest param per unit of every regulation, id ``<slug>/<unit id>``."""
    regulations, _ = repo_corpus()
    return [pytest.param(slug, unit.id, id=f"{slug}/{unit.id}")
            for slug in SLUGS if slug in regulations
            for unit in regulations[slug].walk()]


def yaml_block(lines: list[str], unit_id: str) -> tuple[int, int]:
    """0-based [start, end) of the YAML lines of one unit (``- id: <unit_id>`` and all below it)."""
    starts = [i for i, line in enumerate(lines) if line.strip() == f"- id: {unit_id}"]
    assert len(starts) == 1, f"unit {unit_id} found {len(starts)} times in the YAML"
    start = starts[0]
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip()
                                or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return start, end


@dataclass
class CheckRun:
    """What `quyche check` (or another subcommand) said: exit code, stdout, stderr."""
    code: int
    out: str
    err: str

    @property
    def problems(self) -> list[str]:
        """The problem lines of stderr, without the closing summary line."""
        return [line for line in self.err.splitlines() if line and not line.startswith("quyche ")]

    def assert_ok(self) -> None:
        """Exit code 0 and no problem; on failure, shows every problem."""
        assert (self.code, self.problems) == (0, []), f"expected no problem; got:\n{self.err}"

    def problem(self, *fragments: str) -> str:
        """The one problem line holding every fragment; fails listing all problems if none."""
        hits = [p for p in self.problems if all(f in p for f in fragments)]
        assert hits, (f"no problem contains {fragments!r}; problems were:\n  "
                      + "\n  ".join(self.problems or ["(none)"]))
        return hits[0]


@dataclass
class TmpProject:
    """A copy of the project in a temporary folder, for tests that break data."""
    root: Path
    capsys: pytest.CaptureFixture

    # -- paths and text -------------------------------------------------------
    def yaml_path(self, slug: str) -> Path:
        return self.root / "structured" / f"{slug}.yaml"

    def source_path(self, slug: str) -> Path:
        return self.root / "regulations" / f"{slug}.txt"

    def shown(self, slug: str) -> str:
        return f"structured/{slug}.yaml"

    def lines(self, slug: str) -> list[str]:
        return self.yaml_path(slug).read_text(encoding="utf-8").split("\n")

    def write_lines(self, slug: str, lines: list[str]) -> None:
        self.yaml_path(slug).write_text("\n".join(lines), encoding="utf-8")

    # -- edits; each returns the 1-based YAML line it changed ------------------
    def replace_on_line(self, slug: str, line: int, old: str, new: str) -> int:
        lines = self.lines(slug)
        assert lines[line - 1].count(old) == 1, f"{old!r} is not once on line {line}: {lines[line - 1]!r}"
        lines[line - 1] = lines[line - 1].replace(old, new)
        self.write_lines(slug, lines)
        return line

    def replace_from(self, slug: str, line: int, old: str, new: str) -> int:
        """Replace the first occurrence of ``old`` on or after ``line``."""
        lines = self.lines(slug)
        for i in range(line - 1, len(lines)):
            if old in lines[i]:
                lines[i] = lines[i].replace(old, new, 1)
                self.write_lines(slug, lines)
                return i + 1
        raise AssertionError(f"{old!r} not found in {slug}.yaml from line {line}")

    def replace_unique(self, slug: str, old: str, new: str) -> int:
        text = self.yaml_path(slug).read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {slug}.yaml"
        line = text[: text.index(old)].count("\n") + 1
        self.yaml_path(slug).write_text(text.replace(old, new), encoding="utf-8")
        return line

    def delete_unit(self, slug: str, unit_id: str) -> list[str]:
        lines = self.lines(slug)
        start, end = yaml_block(lines, unit_id)
        removed = lines[start:end]
        self.write_lines(slug, lines[:start] + lines[end:])
        return removed

    def duplicate_unit(self, slug: str, unit_id: str) -> int:
        """Repeat a unit right after itself; returns the line of the copy's ``- id:``."""
        lines = self.lines(slug)
        start, end = yaml_block(lines, unit_id)
        self.write_lines(slug, lines[:end] + lines[start:end] + lines[end:])
        return end + 1

    def swap_units(self, slug: str, first_id: str, second_id: str) -> None:
        """Exchange two adjacent sibling units (``first_id`` directly before ``second_id``)."""
        lines = self.lines(slug)
        a0, a1 = yaml_block(lines, first_id)
        b0, b1 = yaml_block(lines, second_id)
        assert a1 == b0, f"{first_id} and {second_id} are not adjacent siblings"
        self.write_lines(slug, lines[:a0] + lines[b0:b1] + lines[a0:a1] + lines[b1:])

    # -- scope -----------------------------------------------------------------
    def only(self, *slugs: str, with_partners: bool = True) -> "TmpProject":
        """Keep only these regulations' YAML (and, by default, those they relate to).

        Parsing YAML is the slow part of a check; a test about one file need
        not parse the other three. Related files stay so relation checks hold.
        """
        keep = set(slugs)
        files = {p.stem: p for p in (self.root / "structured").glob("*.yaml")}
        if with_partners:
            for slug in slugs:
                keep |= set(re.findall(r"^\s*target:\s*(\S+)\s*$", files[slug].read_text(encoding="utf-8"), re.M))
            keep |= {other for other, path in files.items()
                     if any(re.search(rf"^\s*target:\s*{re.escape(s)}\s*$", path.read_text(encoding="utf-8"), re.M)
                            for s in slugs)}
        for stem, path in files.items():
            if stem not in keep:
                path.unlink()
        # Comparison specs only make sense while both of their versions are kept.
        for spec in (self.root / "structured" / "so-sanh").glob("*--*.yaml"):
            if not set(spec.stem.split("--")) <= keep:
                spec.unlink()
        return self

    # -- commands ----------------------------------------------------------------
    def run(self, *args: str) -> CheckRun:
        self.capsys.readouterr()
        code = main(["--root", str(self.root), *args])
        captured = self.capsys.readouterr()
        assert "Traceback" not in captured.err, captured.err
        return CheckRun(code, captured.out, captured.err)

    def check(self) -> CheckRun:
        return self.run("check")


def copy_project(dest: Path, capsys) -> TmpProject:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "regulations", dest / "regulations")
    shutil.copytree(ROOT / "structured", dest / "structured")
    (dest / "mkdocs.yml").write_text("", encoding="utf-8")
    return TmpProject(dest, capsys)


def text_line(unit: Unit) -> int:
    """The YAML line of a unit's text (where an edit to a one-line text lands)."""
    return unit.text_line or unit.line


def mkdocs_build(project: Path, site: Path):
    """`mkdocs build --strict` of a project into ``site``; returns the CompletedProcess."""
    import os
    import subprocess
    import sys
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                          cwd=project, capture_output=True, text=True, env=env)


class PageParts(HTMLParser):
    """What a built page holds and loads: its ids, the files it fetches, its links, and
    among what it fetches its stylesheets and scripts."""
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.resources: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("script", "img", "iframe", "audio", "video", "source") and a.get("src"):
            self.resources.append((tag, a["src"]))
        if tag == "link" and a.get("href") and a.get("rel") != "canonical":   # canonical names the page, loads nothing
            self.resources.append((tag, a["href"]))
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])


def parse(path: Path) -> PageParts:
    parts = PageParts()
    parts.feed(path.read_text(encoding="utf-8"))
    return parts
