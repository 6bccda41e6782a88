"""Bad input, end to end: `quyche check`, the site build and `quyche ingest`.

Every case below is refused the same way: a problem that names the file and
line, exit code 1, no traceback, no page of the site written (the previous
site stays as it was) and no file overwritten. Inputs that are only another
encoding of good text — combining accents (NFD), a byte order mark, Windows
line ends — are accepted as that text. Text that holds markup (HTML, script,
markdown, Jinja) is shown as those characters on every page.

The cases break the small regulation of test_loader_errors.py (MINI_YAML,
MINI_SOURCE), so each expected line can be read off its text.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quyche.yamlio import MAX_BYTES, MAX_DEPTH
from support import ROOT, TmpProject
from test_loader_errors import MINI_SOURCE, MINI_YAML, line_of

MINI = "structured/mau.yaml"
SOURCE = "regulations/mau.txt"
CLAUSE_1 = "1. Quy chế này quy định việc làm việc của Văn phòng."


def mini_project(root: Path, yaml_text: str | bytes = MINI_YAML, source: str | bytes = MINI_SOURCE,
                 site: bool = False) -> Path:
    """A project holding the one regulation `mau`; with ``site``, the site's docs, macros and config too."""
    (root / "regulations").mkdir(parents=True)
    (root / "structured").mkdir()
    for schema in (ROOT / "structured").glob("*.json"):
        shutil.copy(schema, root / "structured")
    (root / "regulations" / "mau.txt").write_bytes(source if isinstance(source, bytes) else source.encode())
    (root / "structured" / "mau.yaml").write_bytes(yaml_text if isinstance(yaml_text, bytes) else yaml_text.encode())
    if site:
        for name in ("docs", "macros"):
            shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    else:
        (root / "mkdocs.yml").write_text("", encoding="utf-8")
    return root


def _laughs() -> str:
    """Nine lines that expand to a billion values if aliases are followed."""
    lines = ["lol0: &lol0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    lines += [f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def _with_source_clause(text: str) -> tuple[str, str]:
    """MINI with clause 1 of Điều 1 replaced by ``text``, in the YAML and in the source alike."""
    yaml_text = MINI_YAML.replace(f"    text: {CLAUSE_1}\n", "    text: '1. " + text.replace("'", "''") + "'\n")
    return yaml_text, MINI_SOURCE.replace(CLAUSE_1, "1. " + text)


@dataclass(frozen=True)
class Bad:
    """One bad input: what to write, and the problem expected (file, line, words in the message)."""
    yaml: str | bytes = MINI_YAML
    source: str | bytes = MINI_SOURCE
    file: str = MINI
    line: int | None = None        # None: any line at or after ``after``
    after: int = 1
    words: tuple = ()


_UNIT_1 = f"    text: {CLAUSE_1}\n"
_DEEP = "nested: " + "[" * (MAX_DEPTH + 50) + "]" * (MAX_DEPTH + 50) + "\n"

BAD = {
    "malformed YAML": Bad(yaml=MINI_YAML.replace("  status: in_force\n", "  status: [in_force\n"),
                          after=line_of("  status:"), words=("malformed YAML",)),
    "a control character in the YAML": Bad(yaml=MINI_YAML.replace("  short_title: Mẫu", "  short_title: M\x07ẫu"),
                                           line=line_of("  short_title:"), words=("U+0007", "not allowed")),
    "YAML that is not UTF-8": Bad(yaml=MINI_YAML.encode().replace("Mẫu".encode(), b"M\xe3u"),
                                  line=line_of("  short_title:"), words=("not valid UTF-8",)),
    "an unknown key": Bad(yaml=MINI_YAML.replace(_UNIT_1, _UNIT_1 + "    colour: red\n"),
                          line=line_of(_UNIT_1) + 1, words=("unknown key 'colour'",)),
    "a duplicate key": Bad(yaml=MINI_YAML.replace("  source: regulations/mau.txt\n",
                                                  "  source: regulations/mau.txt\n  status: superseded\n"),
                           line=line_of("  source: regulations/mau.txt") + 1, words=("duplicate key 'status'",)),
    "a duplicate unit id": Bad(yaml=MINI_YAML.replace("  - id: dieu-1-khoan-2\n", "  - id: dieu-1-khoan-1\n"),
                               line=line_of("  - id: dieu-1-khoan-2"),
                               words=("duplicate id", f"first at line {line_of('  - id: dieu-1-khoan-1')}")),
    "a relation to a regulation that does not exist": Bad(
        yaml=MINI_YAML.replace("  relations: []\n", "  relations:\n  - type: supersedes\n    target: khong-co\n"),
        line=line_of("  relations:") + 1, words=("khong-co", "not a regulation")),
    "a fact citing a unit that does not exist": Bad(
        yaml=MINI_YAML.replace("    unit: dieu-1-khoan-2\n", "    unit: dieu-7-khoan-2\n"),
        after=line_of("- id: giao-ban"), words=("unknown unit 'dieu-7-khoan-2'",)),
    "a defect citing a unit that does not exist": Bad(
        yaml=MINI_YAML.replace("defects: []\n", "defects:\n- kind: typo\n  unit: dieu-9\n  span: abc\n  note: x\n"),
        line=line_of("defects: []") + 1, words=("unknown unit 'dieu-9'",)),
    "an impossible date": Bad(yaml=MINI_YAML.replace("  signed: '2025-07-17'", "  signed: '2025-02-30'"),
                              line=line_of("  signed:"), words=("2025-02-30",)),
    "a source text that is not UTF-8": Bad(source=MINI_SOURCE.encode().replace("Văn phòng.".encode(), b"V\xe3n ph\xf2ng."),
                                           file=SOURCE, line=MINI_SOURCE[: MINI_SOURCE.index("Văn phòng.")].count("\n") + 1,
                                           words=("not valid UTF-8",)),
    # Reported where the anchor is: the alias hands back that very node.
    "YAML aliases that expand to a billion values": Bad(yaml=MINI_YAML + _laughs(), line=MINI_YAML.count("\n") + 1,
                                                        words=("anchors and aliases",)),
    "YAML nested too deep": Bad(yaml=MINI_YAML + _DEEP, line=MINI_YAML.count("\n") + 1, words=("nested more than",)),
    "a huge YAML file": Bad(yaml=MINI_YAML + "# " + "x" * (MAX_BYTES + 10) + "\n", line=1, words=("MB",)),
    "a huge source text": Bad(source=MINI_SOURCE + "x" * (MAX_BYTES + 10), file=SOURCE, line=1, words=("MB",)),
    "a huge text that differs from the source": Bad(
        yaml=MINI_YAML.replace(_UNIT_1, "    text: 1. Quy chế này " + "rất dài " * 200_000 + "\n"),
        line=line_of(_UNIT_1), words=("text differs from the source",)),
}


def _expected(bad: Bad) -> str:
    return f"{bad.file}:{bad.line}:" if bad.line is not None else f"{bad.file}:"


@pytest.fixture
def bad_project(tmp_path, capsys):
    def make(bad: Bad) -> TmpProject:
        return TmpProject(mini_project(tmp_path / "p", bad.yaml, bad.source), capsys)
    return make


# --- quyche check ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", BAD)
def test_quyche_check_names_file_and_line_and_exits_1(bad_project, case):
    bad = BAD[case]
    project = bad_project(bad)
    started = time.perf_counter()
    run = project.check()   # fails on any traceback in stderr
    assert time.perf_counter() - started < 20, "a bad input must be refused quickly"
    assert run.code == 1
    problem = run.problem(_expected(bad), *bad.words)
    if bad.line is None:
        assert int(problem.split(":")[1]) >= bad.after, problem


def test_the_mini_regulation_itself_is_good(bad_project):
    bad_project(Bad()).check().assert_ok()


# --- the site build ---------------------------------------------------------------------------

_OLD_SITE = "<!doctype html><title>the site as it was before</title>"


def _renamed(data: str | bytes, slug: str) -> str | bytes:
    if isinstance(data, bytes):
        return data.replace(b"id: mau\n", f"id: {slug}\n".encode()).replace(
            b"regulations/mau.txt", f"regulations/{slug}.txt".encode())
    return data.replace("id: mau\n", f"id: {slug}\n").replace("regulations/mau.txt", f"regulations/{slug}.txt")


@pytest.fixture(scope="session")
def bad_build(tmp_path_factory) -> tuple[int, str, Path, dict[str, str]]:
    """One site build over a previous site, of a project holding every bad case at once.

    Each case is its own regulation (``mau-<n>``), so one build shows that every
    problem is reported with its file and line, and that none of them lets a
    page be written. (Each case alone is run through `quyche check` above.)
    """
    root = mini_project(tmp_path_factory.mktemp("bad"), site=True)
    (root / "structured" / "mau.yaml").unlink()
    (root / "regulations" / "mau.txt").unlink()
    where = {}
    for n, (case, bad) in enumerate(BAD.items(), 1):
        slug = f"mau-{n}"
        data = _renamed(bad.yaml, slug)
        (root / "structured" / f"{slug}.yaml").write_bytes(data if isinstance(data, bytes) else data.encode())
        source = bad.source if isinstance(bad.source, bytes) else bad.source.encode()
        (root / "regulations" / f"{slug}.txt").write_bytes(source)
        where[case] = _expected(bad).replace("mau.", f"{slug}.")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text(_OLD_SITE, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stderr, root / "site", where


def test_the_site_build_stops_and_leaves_the_old_site(bad_build):
    code, err, site, _ = bad_build
    assert code == 1, err
    assert "Traceback" not in err, err
    assert sorted(p.name for p in site.iterdir()) == ["index.html"], "a partial site was written"
    assert (site / "index.html").read_text(encoding="utf-8") == _OLD_SITE


@pytest.mark.parametrize("case", BAD)
def test_the_site_build_names_file_and_line(bad_build, case):
    _, err, _, where = bad_build
    assert re.search(rf"^{re.escape(where[case])}", err, re.M), f"{where[case]} not in:\n{err[-3000:]}"


# --- quyche ingest: never overwrites, never leaves a half-written file ---------------------------

@pytest.mark.parametrize("case", ["a source text that is not UTF-8", "a huge source text"])
def test_ingest_of_a_bad_source_writes_nothing(tmp_path, capsys, case):
    project = TmpProject(mini_project(tmp_path / "p", source=BAD[case].source), capsys)
    project.yaml_path("mau").unlink()
    run = project.run("ingest", str(project.source_path("mau")))
    assert run.code == 1
    assert f"{SOURCE}" in run.err or "mau.txt" in run.err
    assert not project.yaml_path("mau").exists()


def test_ingest_over_an_existing_file_leaves_it_byte_for_byte(tmp_path, capsys):
    project = TmpProject(mini_project(tmp_path / "p"), capsys)
    before = project.yaml_path("mau").read_bytes()
    run = project.run("ingest", str(project.source_path("mau")))
    assert run.code == 1 and "not overwritten" in run.err
    assert project.yaml_path("mau").read_bytes() == before


# --- other encodings of good text: accepted as that text ------------------------------------------

GOOD = {
    "a source with a byte order mark": dict(source=b"\xef\xbb\xbf" + MINI_SOURCE.encode()),
    "a source with Windows line ends": dict(source=MINI_SOURCE.replace("\n", "\r\n").encode()),
    "a source with a byte order mark and Windows line ends": dict(
        source=b"\xef\xbb\xbf" + MINI_SOURCE.replace("\n", "\r\n").encode()),
    "a source typed with combining accents (NFD)": dict(source=unicodedata.normalize("NFD", MINI_SOURCE)),
    "YAML with a byte order mark and Windows line ends": dict(
        yaml_text=b"\xef\xbb\xbf" + MINI_YAML.replace("\n", "\r\n").encode()),
    "YAML typed with combining accents (NFD)": dict(yaml_text=unicodedata.normalize("NFD", MINI_YAML)),
}


@pytest.mark.parametrize("case", GOOD)
def test_another_encoding_of_good_text_passes_the_check(tmp_path, capsys, case):
    TmpProject(mini_project(tmp_path / "p", **GOOD[case]), capsys).check().assert_ok()


@pytest.mark.parametrize("case", [c for c in GOOD if c.startswith("a source")])
def test_ingest_reads_another_encoding_as_the_same_text(tmp_path, capsys, case):
    project = TmpProject(mini_project(tmp_path / "p", **GOOD[case]), capsys)
    run = project.run("ingest", str(project.source_path("mau")), "--slug", "moi", "--stdout")
    assert run.code == 0, run.err
    plain = TmpProject(mini_project(tmp_path / "plain"), capsys)
    expected = plain.run("ingest", str(plain.source_path("mau")), "--slug", "moi", "--stdout").out
    assert "\ufeff" not in run.out and "\r" not in run.out
    assert unicodedata.normalize("NFC", run.out) == expected


# --- markup in a text is shown as text --------------------------------------------------------------

MARKUP_TEXT = ('Chánh Văn phòng ký <script>alert("text")</script> và <img src="http://example.com/a.png" '
               'onerror="alert(1)"> {{ 7*7 }} {% raw %} ![i](http://example.com/b.png) '
               '[l](javascript:alert(2)) &amp; &lt;b&gt;')
MARKUP_TITLE = ('Quy chế <script>alert("title")</script> {{ 6*7 }} *em* ![t](http://example.com/t.png) '
                '{: onclick="alert(3)"} <b>đậm</b>')
MARKUP_SHORT = 'Mẫu <b>in</b> {{ 6*7 }} ![s](http://example.com/s.png) {: onclick="alert(4)"} 01\\2025'


@pytest.fixture(scope="session")
def markup_site(tmp_path_factory) -> Path:
    yaml_text, source = _with_source_clause(MARKUP_TEXT)
    yaml_text = yaml_text.replace("  title: Quy chế làm việc mẫu\n", "  title: '" + MARKUP_TITLE + "'\n")
    yaml_text = yaml_text.replace("  short_title: Mẫu\n", "  short_title: '" + MARKUP_SHORT + "'\n")
    root = mini_project(tmp_path_factory.mktemp("markup"), yaml_text, source, site=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"],
                          cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return root / "site"


class _Injected(HTMLParser):
    """Elements and attributes that only markup inside the data could have made."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in = ""   # "script" or "title": text, not markup
        self._last = ""

    def handle_starttag(self, tag, attrs):
        if self._in == "title":
            return
        a = dict(attrs)
        if tag in ("script", "title"):
            # Data for a script (the home page's dates) is JSON, read as text by the script.
            self._in = "json" if a.get("type") == "application/json" else tag
        if any(name.startswith("on") for name in a):
            self.found.append(f"<{tag} {[n for n in a if n.startswith('on')]}>")
        if "example.com" in (a.get("src") or "") + (a.get("href") or ""):
            self.found.append(f"<{tag}> to example.com")
        if (a.get("href") or "").startswith("javascript:"):
            self.found.append(f"<{tag} href=javascript:…>")
        self._last = tag

    def handle_endtag(self, tag):
        if tag == self._in or (tag == "script" and self._in == "json"):
            self._in = ""

    def handle_data(self, data):
        if self._last in ("b", "em") and data.strip() in ("in", "đậm", "em"):
            self.found.append(f"<{self._last}>{data.strip()}</{self._last}> made from the data")
        self._last = ""
        if self._in == "script" and "alert(" in data:
            self.found.append("a script from the data")
        if self._in == "json":
            try:
                json.loads(data)
            except ValueError:
                self.found.append("a JSON data block that is not JSON: the data ended it early")
            if "<" in data:
                self.found.append("a JSON data block with '<' in it, which could close its element")
            return
        if self._in != "script" and re.search(r"(?<![\d/])(42|49)(?![\d/])", data):
            self.found.append(f"Jinja evaluated: {data.strip()[:60]!r}")


def test_markup_in_text_and_titles_is_shown_as_text_on_every_page(markup_site):
    pages = sorted(markup_site.rglob("*.html"))
    assert len(pages) > 5
    problems = {}
    for page in pages:
        parser = _Injected()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.found:
            problems[str(page.relative_to(markup_site))] = sorted(set(parser.found))
    assert not problems, problems


class _Text(HTMLParser):
    """The text a reader sees (scripts and styles left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def test_the_markup_reads_as_its_characters(markup_site):
    reader = _Text()
    reader.feed((markup_site / "mau" / "index.html").read_text(encoding="utf-8"))
    text = " ".join(reader.parts)
    assert MARKUP_TEXT in text
    assert MARKUP_TITLE in text
    assert "01\\2025" in text, "a backslash in a title survives"


def test_markup_in_the_data_runs_nothing_in_the_browser(markup_site):
    from test_browser import CHROMIUM, FLAGS
    from playwright.async_api import async_playwright

    async def visit() -> tuple[list, list, str]:
        dialogs, foreign = [], []
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = await browser.new_page()
            page.on("dialog", lambda d: dialogs.append(d.message))
            page.on("request", lambda r: foreign.append(r.url) if "example.com" in r.url else None)
            await page.goto((markup_site / "mau" / "index.html").as_uri(), wait_until="load")
            heading = await page.inner_text("h1")
            await browser.close()
        return dialogs, foreign, heading

    dialogs, foreign, heading = asyncio.run(visit())
    assert not dialogs and not foreign
    assert '<script>alert("title")</script>' in heading and "{{ 6*7 }}" in heading and "*em*" in heading
