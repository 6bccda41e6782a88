#!/usr/bin/env python3
"""Build-time benchmark: this project against plain mkdocs-material, same pages.

For each corpus size (default 20, 100 and 400 regulations) it writes, in a
temporary folder:

* a copy of this project (mkdocs.yml, docs/, macros/) whose regulations/ and
  structured/ hold N regulations derived from the real ones: the four real
  texts copied N/4 times under new slugs (relations renamed within each copy,
  titles numbered so every page is distinct);
* a plain mkdocs-material site of the same generated markdown: every page the
  project builds (regulations, deadline tables, comparisons, hand-written
  pages), written out by one extra, unmeasured build of the project as its
  front matter plus its final content, with the project's CSS, the same theme
  settings and no nav (MkDocs then lists every page in the navigation, on
  every page: the default a plain site gets).

Both are built with ``mkdocs build`` as child processes; the figures are that
child's own resource usage (``os.wait4``): CPU seconds (user + system), wall
time and peak memory, then the size of the built site and the median size of
its HTML pages. Not a test: it takes minutes at 400 (run it by hand, record the
figures in README.md, section "Performance").

    python scripts/benchmark.py                 # 20, 100, 400
    python scripts/benchmark.py --sizes 20 100  # quicker
    python scripts/benchmark.py --keep /tmp/b   # keep the generated projects
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


#: The targets of the issue: at 400 regulations the project builds in at most
#: a quarter of plain mkdocs-material's CPU time, with a median page < 100 KB.
TARGET_RATIO = 0.25
TARGET_MEDIAN = 100_000


@dataclass
class Build:
    cpu: float          # seconds, user + system, of the `mkdocs build` process
    wall: float         # seconds
    peak_mb: float      # maximum resident set size
    site_bytes: int
    median_page: int    # bytes, median over every .html file of the site
    pages: int


def synthetic_corpus(dest: Path, n: int) -> list[str]:
    """regulations/ and structured/ with n regulations derived from the real ones."""
    real = {p.stem: p for p in sorted((ROOT / "structured").glob("*.yaml"))}
    slugs = sorted(real)
    (dest / "regulations").mkdir(parents=True)
    (dest / "structured").mkdir(parents=True)
    shutil.copy(ROOT / "structured" / "regulation.schema.json", dest / "structured")
    rename = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, slugs)) + r")(?![\w-])")
    made = []
    for i in range(n):
        copy, slug = divmod(i, len(slugs))
        suffix = f"-b{copy + 1:03d}"
        text = rename.sub(lambda m: m.group(1) + suffix, real[slugs[slug]].read_text(encoding="utf-8"))
        text = re.sub(r"^(  short_title: )(.*)$", lambda m: f"{m.group(1)}{m.group(2).strip(chr(39))} ({copy + 1})",
                      text, count=1, flags=re.M)
        new = slugs[slug] + suffix
        (dest / "structured" / f"{new}.yaml").write_text(text, encoding="utf-8")
        shutil.copy(ROOT / "regulations" / f"{slugs[slug]}.txt", dest / "regulations" / f"{new}.txt")
        made.append(new)
    return made


def project_copy(dest: Path, n: int) -> None:
    for name in ("docs", "macros"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    synthetic_corpus(dest, n)


PLAIN_CONFIG = """\
site_name: Sổ tay quy chế làm việc
site_url: ""
theme:
  name: material
  language: vi
  font: false
  features:
    - navigation.top
    - search.highlight
plugins:
  - search
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - tables
  - toc:
      permalink: "¶"
"""

#: A hook added to a copy of the project's config, for one unmeasured build that
#: writes every page as plain markdown: its front matter and its final content
#: (every macro expanded, every generated body in place).
DUMP_HOOK = """\
import html
import os
from pathlib import Path

import yaml

OUT = Path(os.environ["QUYCHE_BENCH_DUMP"])


def on_page_context(context, page, config, nav):
    target = OUT / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: page.meta[k] for k in ("title", "hide") if k in page.meta}
    if "title" in meta:   # the project escapes titles (Markup) for its templates; plain gets the text
        meta["title"] = html.unescape(str(meta["title"]))
    front = "---\\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\\n\\n" if meta else ""
    target.write_text(front + page.content + "\\n", encoding="utf-8")
    return context
"""


def plain_copy(dest: Path, project: Path) -> None:
    """Every page the project generates, as markdown for plain mkdocs-material.

    Taken from the project's own build (a copy of its config with one more
    hook), so the plain site has exactly the same pages and content, whatever
    pages the project grows; it gets no macros, no hooks and no nav.
    """
    docs = dest / "docs"
    docs.mkdir(parents=True)
    (project / "bench_dump.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if re.search(r"^hooks:\s*$", config, re.M):
        config = re.sub(r"^hooks:\s*$", "hooks:\n  - bench_dump.py", config, count=1, flags=re.M)
    else:
        config += "\nhooks:\n  - bench_dump.py\n"
    (project / "mkdocs-dump.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "QUYCHE_BENCH_DUMP": str(docs)}
    site = dest / "dump-site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs-dump.yml", "-d", str(site)],
                          cwd=project, env=env, capture_output=True, text=True)
    (project / "bench_dump.py").unlink()
    (project / "mkdocs-dump.yml").unlink()
    if done.returncode != 0:
        raise SystemExit(f"the dump build failed:\n{done.stderr[-3000:]}")
    extra_css = re.findall(r"^\s*-\s*(assets/\S+\.css)", config, re.M)
    for css in extra_css:
        (docs / css).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(site / css, docs / css)
    shutil.rmtree(site)
    plain = PLAIN_CONFIG + ("extra_css:\n" + "".join(f"  - {c}\n" for c in extra_css) if extra_css else "")
    (dest / "mkdocs.yml").write_text(plain, encoding="utf-8")


def build(folder: Path, keep: bool = False) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
    site = folder / "site"
    log = folder / "build.log"
    started = time.perf_counter()
    with log.open("wb") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                                cwd=folder, env=env, stdout=sink, stderr=subprocess.STDOUT)
        # wait4 reaps this very child and returns its own usage (RUSAGE_CHILDREN
        # would mix the builds and keep the largest peak of all of them).
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {folder}:\n{log.read_text(errors='replace')[-3000:]}")
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    if not keep:
        shutil.rmtree(site)   # a plain site of 400 regulations is tens of GB
    return Build(cpu=usage.ru_utime + usage.ru_stime, wall=wall, peak_mb=usage.ru_maxrss / 1024,
                 site_bytes=size, median_page=int(statistics.median(pages)), pages=len(pages))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 100, 400])
    parser.add_argument("--keep", type=Path, help="write the generated projects here and keep them")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: rebuild the projects already generated there (after a code change)")
    args = parser.parse_args(argv)
    if any(n % 4 for n in args.sizes):
        parser.error("sizes must be multiples of 4 (the corpus is copied whole)")
    work = args.keep or Path(tempfile.mkdtemp(prefix="quyche-bench-"))
    results: dict[int, tuple[Build, Build]] = {}
    header = (f"{'regs':>5} {'build':>8} {'CPU s':>8} {'wall s':>8} {'peak MB':>8} {'site MB':>8} "
              f"{'pages':>6} {'median KB':>10}")
    print(header)
    print("-" * len(header))
    try:
        for n in args.sizes:
            proj, plain = work / f"project-{n}", work / f"plain-{n}"
            if not (args.reuse and proj.exists() and plain.exists()):
                for folder in (proj, plain):
                    if folder.exists():
                        shutil.rmtree(folder)
                project_copy(proj, n)
                plain_copy(plain, proj)
            else:
                for name in ("docs", "macros"):
                    shutil.rmtree(proj / name)
                    shutil.copytree(ROOT / name, proj / name, ignore=shutil.ignore_patterns("__pycache__"))
                shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
            pair = (build(proj, keep=bool(args.keep)), build(plain, keep=bool(args.keep)))
            results[n] = pair
            for name, b in zip(("project", "plain"), pair):
                print(f"{n:>5} {name:>8} {b.cpu:>8.2f} {b.wall:>8.2f} {b.peak_mb:>8.0f} "
                      f"{b.site_bytes / 1e6:>8.1f} {b.pages:>6} {b.median_page / 1000:>10.1f}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"{'regs':>5} {'CPU project/plain':>18} {'CPU ms/reg project':>19} {'CPU ms/reg plain':>17}")
    for n, (p, q) in results.items():
        print(f"{n:>5} {p.cpu / q.cpu:>18.2f} {1000 * p.cpu / n:>19.0f} {1000 * q.cpu / n:>17.0f}")
    sizes = sorted(results)
    if len(sizes) > 1:
        a, b = sizes[0], sizes[-1]
        growth = b / a
        print(f"\ngrowth from {a} to {b} regulations (x{growth:g}): "
              f"project CPU x{results[b][0].cpu / results[a][0].cpu:.1f}, "
              f"plain CPU x{results[b][1].cpu / results[a][1].cpu:.1f}; "
              f"project median page x{results[b][0].median_page / results[a][0].median_page:.2f}, "
              f"plain median page x{results[b][1].median_page / results[a][1].median_page:.2f}")
    big = max(results)
    p, q = results[big]
    ok = p.cpu <= TARGET_RATIO * q.cpu and p.median_page < TARGET_MEDIAN
    print(f"\ntarget at {big}: CPU ratio {p.cpu / q.cpu:.2f} (<= {TARGET_RATIO}), "
          f"median page {p.median_page / 1000:.1f} KB (< {TARGET_MEDIAN // 1000} KB): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
