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
child's own resource usage (``os.wait4``, which counts the Pagefind indexer the
build runs and waits for): CPU seconds (user + system), wall time and peak
memory, then the size of the built site and the median size of its HTML pages.

Then the project's site is served on 127.0.0.1 and, in Debian's Chromium (a
fresh browser profile per query, so nothing is cached), the home page is
opened and an accent-free query typed into the search box: the bytes the
home page loads (its whole weight), the bytes fetched from then until the
first results are shown, and the seconds from typing to the first results.

Not a test: it takes minutes at 400 (run it by hand, record the figures in
README.md, section "Performance").

    python scripts/benchmark.py                 # 20, 100, 400
    python scripts/benchmark.py --sizes 20 100  # quicker
    python scripts/benchmark.py --plain-up-to 100 --plain-cpu 400=3300
                                                # no plain build above 100: its CPU from a recorded run
    python scripts/benchmark.py --keep /tmp/b   # keep the generated projects
    python scripts/benchmark.py --search-only /tmp/b/project-400/site
                                                # the search again, on a kept site
"""
from __future__ import annotations

import argparse
import asyncio
import functools
import gzip
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


#: The targets of the issue: at 400 regulations the project builds in at most
#: a quarter of plain mkdocs-material's CPU time, with a median page < 100 KB.
TARGET_RATIO = 0.1          # issue 12: indexing included
TARGET_MEDIAN = 100_000
#: Search targets (issue 12): at 400 regulations, at most 300 KB fetched for the first
#: query beyond the page itself, first results within 1 s, a home page under 300 KB.
TARGET_QUERY_BYTES = 300_000
TARGET_FIRST_RESULTS = 1.0
TARGET_HOME_BYTES = 300_000
QUERIES = ("chanh van phong", "dak lak", "bao cao nam")
#: Each query is typed in this many fresh browser contexts: one first search on this
#: machine varied from 0.36 to 1.1 s with the same site and code.
RUNS = 3
CHROMIUM = os.environ.get("QUYCHE_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


@dataclass
class Build:
    cpu: float          # seconds, user + system, of the `mkdocs build` process
    wall: float         # seconds
    peak_mb: float      # maximum resident set size
    site_bytes: int
    median_page: int    # bytes, median over every .html file of the site
    pages: int
    searches: list = None   # Search figures, for the project's site


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


@dataclass
class Search:
    query: str
    home_bytes: int      # everything the home page loads before the reader types, as served
    home_gzip: int       # the same, as a server that compresses text would send it
    query_bytes: int     # fetched from typing until the first results are all shown
    query_gzip: int
    seconds: float       # from typing to the first results: the median of RUNS fresh browsers
    slowest: float       # … and the slowest of them


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


#: Types the query as one input event; resolves with the milliseconds until the first
#: result is shown, once the first results are all shown (the list no longer aria-busy),
#: so the bytes counted are those of the whole first batch.
_TYPE = """(q) => new Promise(done => {
  const input = document.querySelector('.qc-search .md-search__input');
  const box = document.querySelector('.qc-search');
  const meta = box.querySelector('.md-search-result__meta');
  const list = document.getElementById('qc-search-list');
  const t0 = performance.now();
  let first = null;
  const seen = () => meta.textContent.includes('«' + q + '»') && list.querySelector('li');
  new MutationObserver((_, obs) => {
    if (first === null && seen()) first = performance.now() - t0;
    if (first !== null && !list.hasAttribute('aria-busy')) { obs.disconnect(); done(first); }
  }).observe(box, {childList: true, characterData: true, subtree: true, attributes: true});
  input.focus(); input.value = q; input.dispatchEvent(new Event('input', {bubbles: true}));
})"""


async def _search_once(browser, base: str, query: str) -> tuple[tuple[int, int, int, int], float]:
    """One reader: a fresh browser context opens the home page and types the query.
    ((home bytes, gzip, query bytes, gzip), seconds to the first results)."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    phase = {"now": "home"}
    sizes: dict[str, list[tuple[int, int]]] = {"home": [], "query": [], "after": []}
    pending: list = []

    async def count(response, when):
        try:
            body = await response.body()
        except Exception:   # a redirect or an aborted request carries no body
            return
        sizes[when].append((len(body), min(len(body), len(gzip.compress(body, 6)))))

    try:
        context.on("response", lambda r: pending.append(asyncio.ensure_future(count(r, phase["now"]))))
        page = await context.new_page()
        await page.goto(base, wait_until="networkidle")
        await asyncio.gather(*pending)
        phase["now"] = "query"
        ms = await page.evaluate(_TYPE, query)
        phase["now"] = "after"
        await asyncio.gather(*pending)
    finally:
        await context.close()
    total = lambda when, i: sum(s[i] for s in sizes[when])
    return (total("home", 0), total("home", 1), total("query", 0), total("query", 1)), ms / 1000


async def _searches(base: str) -> list[Search]:
    """Bytes are counted from every response the browser gets."""
    from playwright.async_api import async_playwright
    out = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for query in QUERIES:
                runs = [await _search_once(browser, base, query) for _ in range(RUNS)]
                times = [seconds for _, seconds in runs]
                # the bytes are the same each time: the first run's
                out.append(Search(query, *runs[0][0], statistics.median(times), max(times)))
        finally:
            await browser.close()
    return out


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass   # a browser closing a connection early (a context closed mid-fetch) is no error here


def search_figures(site: Path) -> list[Search]:
    """The search measured in Chromium on the built site, served on 127.0.0.1."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        return asyncio.run(_searches(f"http://127.0.0.1:{server.server_address[1]}/"))
    finally:
        server.shutdown()
        server.server_close()


SEARCH_HEADER = (f"{'query':>16} {'home KB':>8} {'gzip':>6} {'query KB':>9} {'gzip':>6} "
                 f"{'first results s (median of ' + str(RUNS) + ')':>30} {'slowest':>8}")


def _search_row(s: Search) -> str:
    return (f"{s.query:>16} {s.home_bytes / 1000:>8.1f} {s.home_gzip / 1000:>6.1f} "
            f"{s.query_bytes / 1000:>9.1f} {s.query_gzip / 1000:>6.1f} {s.seconds:>30.2f} {s.slowest:>8.2f}")


def build(folder: Path, keep: bool = False, measure_search: bool = False) -> Build:
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
    searched = search_figures(site) if measure_search else []
    if not keep:
        shutil.rmtree(site)   # a plain site of 400 regulations is tens of GB
    return Build(cpu=usage.ru_utime + usage.ru_stime, wall=wall, peak_mb=usage.ru_maxrss / 1024,
                 site_bytes=size, median_page=int(statistics.median(pages)), pages=len(pages),
                 searches=searched)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 100, 400])
    parser.add_argument("--plain-up-to", type=int, default=None,
                        help="build plain mkdocs-material only up to this size (it is quadratic: ~1 h at 400)")
    parser.add_argument("--plain-cpu", nargs="*", default=[], metavar="N=SECONDS",
                        help="plain CPU seconds recorded by an earlier run, for sizes not built here")
    parser.add_argument("--keep", type=Path, help="write the generated projects here and keep them")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: rebuild the projects already generated there (after a code change)")
    parser.add_argument("--search-only", type=Path, metavar="SITE",
                        help="only measure the search of a site already built (kept by --keep), e.g. again on an idle machine")
    args = parser.parse_args(argv)
    if args.search_only:
        print(SEARCH_HEADER)
        for s in search_figures(args.search_only):
            print(_search_row(s))
        return 0
    if any(n % 4 for n in args.sizes):
        parser.error("sizes must be multiples of 4 (the corpus is copied whole)")
    recorded = {int(k): float(v) for k, v in (item.split("=") for item in args.plain_cpu)}
    work = args.keep or Path(tempfile.mkdtemp(prefix="quyche-bench-"))
    results: dict[int, tuple[Build, Build | None]] = {}
    header = (f"{'regs':>5} {'build':>8} {'CPU s':>8} {'wall s':>8} {'peak MB':>8} {'site MB':>8} "
              f"{'pages':>6} {'median KB':>10}")
    print(header)
    print("-" * len(header))
    try:
        for n in args.sizes:
            with_plain = args.plain_up_to is None or n <= args.plain_up_to
            proj, plain = work / f"project-{n}", work / f"plain-{n}"
            if not (args.reuse and proj.exists() and (plain.exists() or not with_plain)):
                for folder in (proj, plain):
                    if folder.exists():
                        shutil.rmtree(folder)
                project_copy(proj, n)
                if with_plain:
                    plain_copy(plain, proj)
            else:
                for name in ("docs", "macros"):
                    shutil.rmtree(proj / name)
                    shutil.copytree(ROOT / name, proj / name, ignore=shutil.ignore_patterns("__pycache__"))
                shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
            pair = (build(proj, keep=bool(args.keep), measure_search=True),
                    build(plain, keep=bool(args.keep)) if with_plain else None)
            results[n] = pair
            for name, b in zip(("project", "plain"), pair):
                if b:
                    print(f"{n:>5} {name:>8} {b.cpu:>8.2f} {b.wall:>8.2f} {b.peak_mb:>8.0f} "
                          f"{b.site_bytes / 1e6:>8.1f} {b.pages:>6} {b.median_page / 1000:>10.1f}", flush=True)
            for s in pair[0].searches:   # now, not only at the end: a long run may be stopped
                print(f"{n:>5} search {s.query!r}: home {s.home_bytes / 1000:.1f} KB ({s.home_gzip / 1000:.1f} gzip), "
                      f"query {s.query_bytes / 1000:.1f} KB ({s.query_gzip / 1000:.1f} gzip), "
                      f"first results {s.seconds:.2f} s (median of {RUNS}; slowest {s.slowest:.2f})", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    def plain_cpu(n: int) -> float | None:
        q = results[n][1]
        return q.cpu if q else recorded.get(n)

    print()
    print(f"{'regs':>5} {'CPU project/plain':>18} {'CPU ms/reg project':>19} {'CPU ms/reg plain':>17}")
    for n, (p, _) in results.items():
        q = plain_cpu(n)
        note = "" if results[n][1] else " (plain: recorded)"
        print(f"{n:>5} {p.cpu / q if q else float('nan'):>18.2f} {1000 * p.cpu / n:>19.0f} "
              f"{1000 * q / n if q else float('nan'):>17.0f}{note}")

    print()
    print(f"{'regs':>5} {SEARCH_HEADER}")
    for n, (p, _) in results.items():
        for s in p.searches:
            print(f"{n:>5} {_search_row(s)}")

    sizes = sorted(results)
    if len(sizes) > 1:
        a, b = sizes[0], sizes[-1]
        growth = b / a
        line = (f"\ngrowth from {a} to {b} regulations (x{growth:g}): "
                f"project CPU x{results[b][0].cpu / results[a][0].cpu:.1f}")
        if plain_cpu(a) and plain_cpu(b):
            line += f", plain CPU x{plain_cpu(b) / plain_cpu(a):.1f}"
        print(line + f"; project median page x{results[b][0].median_page / results[a][0].median_page:.2f}")
    big = max(results)
    p, q = results[big][0], plain_cpu(big)
    worst = lambda attr: max(getattr(s, attr) for s in p.searches)
    checks = {
        f"CPU ratio {p.cpu / q if q else float('nan'):.2f} (<= {TARGET_RATIO})": bool(q) and p.cpu <= TARGET_RATIO * q,
        f"median page {p.median_page / 1000:.1f} KB (< {TARGET_MEDIAN // 1000} KB)": p.median_page < TARGET_MEDIAN,
        f"first query {worst('query_bytes') / 1000:.0f} KB (<= {TARGET_QUERY_BYTES // 1000} KB)":
            worst("query_bytes") <= TARGET_QUERY_BYTES,
        f"first results {worst('seconds'):.2f} s, median of {RUNS} (<= {TARGET_FIRST_RESULTS:g} s)":
            worst("seconds") <= TARGET_FIRST_RESULTS,
        f"first results {worst('slowest'):.2f} s, slowest run (<= {TARGET_FIRST_RESULTS:g} s)":
            worst("slowest") <= TARGET_FIRST_RESULTS,
        f"home page {worst('home_bytes') / 1000:.0f} KB as served (< {TARGET_HOME_BYTES // 1000} KB)":
            worst("home_bytes") < TARGET_HOME_BYTES,
        f"home page {worst('home_gzip') / 1000:.0f} KB compressed (< {TARGET_HOME_BYTES // 1000} KB)":
            worst("home_gzip") < TARGET_HOME_BYTES,
    }
    print(f"\ntargets at {big} (worst of the queries):")
    for what, ok in checks.items():
        print(f"  {what}: {'met' if ok else 'NOT met'}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
