"""The built site in a real browser: Debian's Chromium, driven by Playwright.

One page of each page kind is visited (``crawl``): loaded on a desktop screen,
checked, then narrowed to a 390 px phone screen. The tests below read what was
seen: script errors, requests to other hosts, links that scripts add, axe-core's
accessibility findings, horizontal overflow. A page's kind comes from the page
registry (quyche.site.pages; one page per kind and status of its document, the
largest); a page the registry does not know (hand-written, a navigation
listing, 404) is a kind of its own. So a page kind added later is covered
without a change here, and the time of the suite does not grow with the
corpus: 84 role cards from one template are one page to axe. The checks that
need no browser (every link and anchor of every page, no resource from another
host) are tests/test_site.py's, on every page. Search is tested by typing in the
search box, without accents; the site is also opened from a folder (file://).

The browser is never downloaded: it is /usr/bin/chromium (``.ci/run`` installs
Debian's package), or $QUYCHE_CHROMIUM. The site is served on 127.0.0.1 only,
and every other host name resolves to nothing, so a page that reaches out is
caught, not served.
"""
from __future__ import annotations

import asyncio
import functools
import http.server
import json
import os
import threading
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.async_api import Error as PlaywrightError, async_playwright

from support import ROOT, built_file, built_url, repo_corpus

CHROMIUM = os.environ.get("QUYCHE_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"   # axe-core, pinned; see tests/vendor/README.md
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SERIOUS = {"critical", "serious"}
PARALLEL = 3   # pages open at once; the suite's time is mostly axe-core's


@dataclass
class Visit:
    """What one page showed in the browser."""
    url: str
    status: int = 0
    errors: list[str] = field(default_factory=list)     # uncaught exceptions and console errors
    foreign: list[str] = field(default_factory=list)    # requests to another host
    links: list[tuple[str, str]] = field(default_factory=list)  # every a[href]: as written, as resolved
    violations: list[str] = field(default_factory=list)  # axe-core, critical or serious only
    overflow: int = 0                                    # px the page is wider than a 390 px screen
    squeezed: list[str] = field(default_factory=list)    # table cells too narrow to read on a phone


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served(site):
    """The built site on http://127.0.0.1:<free port>/."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def page_kinds(site: Path) -> dict[str, list[Path]]:
    """Every built page, by kind: ``kind/status`` for generated pages, the page itself otherwise."""
    from quyche.site import pages as registry
    from quyche.site.build import Site, comparisons, corpus
    from quyche.site.facts_pages import years_shown
    known = Site(corpus(ROOT), tuple(comparisons(ROOT)), years_shown())
    kinds: dict[str, list[Path]] = {}
    generated = set()
    for page in registry.pages(known):
        doc = page.document
        path = built_file(site, page.path)
        generated.add(path)
        kinds.setdefault(f"{page.kind.name}/{doc.metadata.status if doc else ''}", []).append(path)
    for path in sorted(site.rglob("*.html")):
        if path not in generated:
            kinds[path.relative_to(site).as_posix()] = [path]
    return kinds


def representatives(site: Path) -> list[Path]:
    """One page per kind: the largest (the most of its template in use)."""
    return sorted(max(paths, key=lambda p: p.stat().st_size) for paths in page_kinds(site).values())


def page_url(site: Path, path: Path, base: str) -> str:
    rel = path.relative_to(site).as_posix()
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href is not None:
            self.hrefs.add(href)


def written_links(path: Path) -> set[str]:
    """The href of every link as the build wrote it (tests/test_site.py checks those)."""
    parser = _Hrefs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.hrefs


_COLLECT = """() => ({
  links: [...document.querySelectorAll('a[href]')].filter(a => !a.href.startsWith('javascript:'))
         .map(a => [a.getAttribute('href'), a.href]),
})"""
_AXE = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""
_OVERFLOW = """() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth"""
#: Table cells narrower than about six letters that hold a phrase: a table that fits the
#: screen by squeezing its columns until a title stands one syllable per line.
_SQUEEZED = """() => [...document.querySelectorAll('.md-content td, .md-content th')]
  .filter(c => { const w = c.getBoundingClientRect().width; return w > 0 && w < 64 && c.innerText.trim().length > 12; })
  .map(c => `${Math.round(c.getBoundingClientRect().width)}px: ${c.innerText.trim().slice(0, 40)}`)"""


async def _small_index(route) -> None:
    """The real index's config with its first entries: every page still starts search,
    without indexing the whole site a hundred times (the search tests use the real one)."""
    try:
        reply = await route.fetch()
        index = json.loads(await reply.text())
        index["docs"] = index["docs"][:20]
        await route.fulfill(response=reply, body=json.dumps(index))
    except PlaywrightError:
        pass   # the page was closed while its search index was loading


def _watch(page, visit: Visit, origin: str) -> list:
    """Record errors and foreign requests of one visit; returns the handlers, to remove after it."""
    handlers = [
        ("pageerror", lambda exc: visit.errors.append(f"uncaught {exc}")),
        ("console", lambda msg: visit.errors.append(f"console.error: {msg.text}") if msg.type == "error" else None),
        ("request", lambda req: visit.foreign.append(req.url)
         if req.url.split(":", 1)[0] in ("http", "https", "ws", "wss") and not req.url.startswith(origin) else None),
    ]
    for event, handler in handlers:
        page.on(event, handler)
    return handlers


async def _visit(page, url: str, origin: str) -> Visit:
    visit = Visit(url)
    handlers = _watch(page, visit, origin)
    await page.set_viewport_size(DESKTOP)
    response = await page.goto(url, wait_until="load")
    visit.status = response.status if response else 0
    seen = await page.evaluate(_COLLECT)
    visit.links = [tuple(pair) for pair in seen["links"]]
    for v in await page.evaluate(_AXE):
        if v["impact"] in SERIOUS:
            visit.violations.append(f"{v['impact']} {v['id']} ({v['help']}): {', '.join(v['nodes'])}")
    await page.set_viewport_size(PHONE)
    visit.overflow = await page.evaluate(_OVERFLOW)
    visit.squeezed = await page.evaluate(_SQUEEZED)
    for event, handler in handlers:
        page.remove_listener(event, handler)
    return visit


async def _crawl(urls: list[str], origin: str) -> dict[str, Visit]:
    """Every page, by a few tabs that each take the next page to visit."""
    queue: asyncio.Queue = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)
    visits: list[Visit] = []

    async def tab(context) -> None:
        page = await context.new_page()
        while not queue.empty():
            visits.append(await _visit(page, queue.get_nowait(), origin))
        await page.close()

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            context = await browser.new_context(viewport=DESKTOP)
            await context.add_init_script(path=str(AXE))
            await context.route("**/search/search_index.json", _small_index)
            await asyncio.gather(*(tab(context) for _ in range(PARALLEL)))
            # A search index may still be in flight when the last checks are done.
            await context.unroute_all(behavior="ignoreErrors")
        finally:
            await browser.close()
    return {v.url: v for v in visits}


@pytest.fixture(scope="session")
def crawl(site, served) -> dict[str, Visit]:
    """One page of each kind (see ``representatives``), visited once (desktop width, then 390 px)."""
    assert Path(CHROMIUM).exists(), (f"no Chromium at {CHROMIUM}: install Debian's package "
                                     "(apt-get install chromium), as .ci/run does, or set QUYCHE_CHROMIUM")
    return asyncio.run(_crawl([page_url(site, p, served) for p in representatives(site)], served))


def _report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{url}\n    " + "\n    ".join(items[:8]) for url, items in problems.items() if items)


# --- one page of each kind ------------------------------------------------------------

def test_one_page_of_every_kind_is_visited(site, crawl):
    kinds = page_kinds(site)
    from quyche.site import pages as registry
    assert {k.name for k in registry.KINDS} <= {kind.split("/")[0] for kind in kinds}
    visited = {page_url(site, p, "") for p in representatives(site)}
    assert len(crawl) == len(kinds) == len(visited) < len(list(site.rglob("*.html")))
    # The texts of each status, the comparison pages, the hand-written pages: all among them.
    statuses = {r.metadata.status for r in repo_corpus()[0].values()}
    assert {k for k in kinds if k.startswith("regulation/")} == {f"regulation/{s}" for s in statuses}
    assert any(url.startswith("so-sanh/") for url in visited)
    assert {"", "vai-tro.html", "moc-thoi-gian.html", "404.html"} <= {u.replace("index.html", "") for u in visited}


def test_every_page_loads_without_a_javascript_error(crawl):
    problems = {url: v.errors for url, v in crawl.items()}
    bad_status = {url: [f"HTTP {v.status}"] for url, v in crawl.items() if v.status != 200}
    assert not any(problems.values()) and not bad_status, _report({**problems, **bad_status})


def test_no_page_asks_another_host_for_anything(crawl):
    problems = {url: v.foreign for url, v in crawl.items()}
    assert not any(problems.values()), _report(problems)


def _exists(url: str, cache: dict[str, bool]) -> bool:
    if url not in cache:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=10) as reply:
                cache[url] = reply.status == 200
        except OSError:
            cache[url] = False
    return cache[url]


def test_every_link_a_script_adds_resolves(site, crawl, served):
    """Links written by the build are checked on every page by tests/test_site.py; links that
    only exist once scripts have run (the home page's "Sắp tới") are checked here."""
    problems: dict[str, list[str]] = {}
    files: dict[str, bool] = {}
    for url, visit in crawl.items():
        path = site / (urlsplit(url).path.lstrip("/") or "index.html")
        written = written_links(path / "index.html" if path.is_dir() else path)
        for raw, href in visit.links:
            if raw in written or not href.startswith(served):
                continue
            parts = urlsplit(href)
            target = f"{parts.scheme}://{parts.netloc}{parts.path}"
            if not _exists(target, files):
                problems.setdefault(url, []).append(f"{href}: not found")
            elif parts.fragment and target.endswith(".html"):
                page = site / parts.path.lstrip("/")
                if f'id="{unquote(parts.fragment)}"' not in page.read_text(encoding="utf-8"):
                    problems.setdefault(url, []).append(f"{href}: no element with id '{unquote(parts.fragment)}'")
    assert not problems, _report(problems)


def test_axe_core_finds_no_critical_or_serious_violation(crawl):
    problems = {url: v.violations for url, v in crawl.items()}
    assert not any(problems.values()), _report(problems)


def test_every_page_fits_a_390px_phone_screen(crawl):
    """No horizontal scrolling of the page on a phone, on a page of every kind."""
    problems = {url: [f"{v.overflow}px wider than the screen"] for url, v in crawl.items() if v.overflow > 0}
    assert not problems, _report(problems)


def test_no_table_on_a_phone_squeezes_a_column_until_it_cannot_be_read(crawl):
    problems = {url: v.squeezed for url, v in crawl.items() if v.squeezed}
    assert not problems, _report(problems)


# --- search, typed without accents -----------------------------------------------------

@dataclass(frozen=True)
class Expected:
    heading: str        # a result on the first screen (10 results) has this in its title
    places: tuple       # and these passages are among the results


def at(slug: str, unit: str) -> str:
    """A unit of a text as the browser shows its address (site path and anchor)."""
    return f"{built_url(f'{slug}/index.md')}#{unit}"


#: The four searches of the issue. Places are the passages that regulate the thing asked for.
SEARCHES = {
    "chanh van phong": Expected("Chánh Văn phòng", (at("dak-lak-vp-ubnd-2025", "dieu-4"), at("dak-lak-vp-ubnd-2025", "dieu-5"),
                                                     at("dak-lak-vp-ubnd-2025", "dieu-10"))),
    "giao ban": Expected("giao ban", (at("dak-lak-vp-ubnd-2025", "dieu-19"), at("dak-lak-vp-ubnd-2021", "muc-b-ii-5"),
                                      at("tra-vinh-dang-uy-khoi-2019", "dieu-13"))),
    "bao cao nam": Expected("báo cáo", (at("dak-lak-vp-ubnd-2025", "dieu-22"), at("dak-lak-vp-ubnd-2021", "muc-b-ii-7"))),
    "bi thu tinh uy": Expected("Bí thư Tỉnh ủy", (at("dien-bien-tinh-uy-2020-2025", "dieu-6"),)),
}

_RESULTS = """async (wanted) => {
  /* Material renders 10 results, then 4 more each time the end of the list comes
     into view: scroll up and down until the wanted places are there, or every
     result the count announces. */
  const wrap = document.querySelector('.md-search__scrollwrap');
  const links = () => [...document.querySelectorAll('a.md-search-result__link')]
    .map(a => { const u = new URL(a.href); return u.pathname.slice(1) + u.hash; });
  const count = () => document.querySelectorAll('.md-search-result__item').length;
  const pause = ms => new Promise(done => setTimeout(done, ms));
  const announced = parseInt(document.querySelector('.md-search-result__meta').textContent) || 0;
  const done = () => count() >= announced || wanted.every(w => links().includes(w));
  for (let stuck = 0; !done() && stuck < 5; ) {
    const before = count();
    wrap.scrollTop = 0; wrap.dispatchEvent(new Event('scroll')); await pause(30);
    wrap.scrollTop = wrap.scrollHeight; wrap.dispatchEvent(new Event('scroll')); await pause(100);
    stuck = count() > before ? 0 : stuck + 1;
  }
  return {announced, groups: [...document.querySelectorAll('.md-search-result__item')].map(item =>
    [...item.querySelectorAll('a.md-search-result__link')].map(a => {
      const url = new URL(a.href);
      const title = a.querySelector('h1, h2');
      return [url.pathname.slice(1) + url.hash, title ? title.textContent : ''];
    }))};
}"""


async def _search_all(base: str, queries: dict[str, list[str]]) -> dict[str, list[list[tuple[str, str]]]]:
    """Each query typed into the search box of the home page; its results, grouped by page.

    Results are read until the wanted places have shown up, or all of them.
    """
    out = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = await browser.new_page(viewport=DESKTOP)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await page.goto(base, wait_until="load")
            for query in queries:
                # Material reads the box on keyup: fill it, then press End as a reader's last key would.
                await page.fill("input.md-search__input", "")   # back to "type to search": no result
                await page.press("input.md-search__input", "End")
                await page.wait_for_selector(".md-search-result__link", state="detached", timeout=20_000)
                await page.fill("input.md-search__input", query)
                await page.press("input.md-search__input", "End")
                await page.wait_for_selector(".md-search-result__link", timeout=20_000)
                found = await page.evaluate(_RESULTS, queries[query])
                groups = [[tuple(link) for link in group] for group in found["groups"]]
                shown = {link for group in groups for link, _ in group}
                assert set(queries[query]) <= shown or len(groups) == found["announced"], (
                    f"{query!r}: the results stopped loading before all {found['announced']} were shown")
                out[query] = groups
            assert not errors, errors
        finally:
            await browser.close()
    return out


def _abbreviation_places() -> dict[str, str]:
    """A passage that has only the expansion, and one that has only the abbreviation."""
    from quyche.site.search import regulation_entries
    entries = [e for slug, reg in repo_corpus()[0].items() for e in regulation_entries(reg, built_url(f"{slug}/index.md"))[1:]]
    spelled = next(e for e in entries if "Ủy ban nhân dân" in e["text"] and "UBND" not in e["text"])
    short = next(e for e in entries if "UBND" in e["text"] and "Ủy ban nhân dân" not in e["text"])
    return {"UBND": spelled["location"], "uy ban nhan dan": short["location"]}


@pytest.fixture(scope="session")
def searches(served) -> dict[str, list[list[tuple[str, str]]]]:
    wanted = {query: list(expected.places) for query, expected in SEARCHES.items()}
    wanted.update({query: [place] for query, place in _abbreviation_places().items()})
    return asyncio.run(_search_all(served, wanted))


def _where(results, location: str) -> int | None:
    """1-based rank of the result group holding ``location``, if any."""
    return next((i for i, group in enumerate(results, 1) if any(link == location for link, _ in group)), None)


@pytest.mark.parametrize("query", SEARCHES)
def test_a_search_without_accents_finds_its_places(searches, query):
    expected, results = SEARCHES[query], searches[query]
    first_screen = [title for group in results[:10] for _, title in group]
    assert any(expected.heading.lower() in title.lower() for title in first_screen), (
        f"{query!r}: no result on the first screen is titled with {expected.heading!r}: {first_screen[:20]}")
    missing = [place for place in expected.places if _where(results, place) is None]
    assert not missing, f"{query!r}: not found: {missing}; results: {[g[0][0] for g in results]}"


@pytest.mark.parametrize("query", ["UBND", "uy ban nhan dan"])
def test_an_abbreviation_finds_its_expansion_and_back(searches, query):
    place = _abbreviation_places()[query]
    assert _where(searches[query], place), f"{query!r} does not find {place}"


# --- permalinks land where a reader can see them ---------------------------------------

#: A permalink of each kind: a clause of a regulation, a pair on a comparison page.
PERMALINKS = [at("dak-lak-vp-ubnd-2025", "dieu-19-khoan-2"),
              built_url("so-sanh/dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025.md") + "#cap-dieu-6-khoan-2"]

_COVERED = """(id) => {
  /* How far the target's top lies under what stays on screen while scrolling:
     the site header and, on a comparison page, the sticky column heads. */
  const top = document.getElementById(id).getBoundingClientRect().top;
  const bars = [...document.querySelectorAll('.md-header, .qc-cmp-head')]
    .filter(e => ['fixed', 'sticky'].includes(getComputedStyle(e).position) && e.offsetParent !== null)
    .map(e => e.getBoundingClientRect().bottom);
  return Math.max(0, ...bars.map(bottom => bottom - top));
}"""


async def _covered(base: str) -> dict[str, float]:
    out = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for name, size in (("desktop", DESKTOP), ("phone", PHONE)):
                page = await browser.new_page(viewport=size)
                for link in PERMALINKS:
                    await page.goto(base + link, wait_until="load")
                    await page.wait_for_timeout(200)
                    out[f"{name} {link}"] = await page.evaluate(_COVERED, link.split("#")[1])
                await page.close()
        finally:
            await browser.close()
    return out


def test_a_permalink_opens_with_its_unit_below_the_header_and_column_heads(served):
    covered = asyncio.run(_covered(served))
    assert len(covered) == 2 * len(PERMALINKS)
    assert not {k: v for k, v in covered.items() if v > 1}, covered


# --- "Sắp tới": the next two weeks, picked in the browser ------------------------------

async def _upcoming(base: str, today: str, script: bool = True) -> str:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            context = await browser.new_context(viewport=DESKTOP, java_script_enabled=script)
            page = await context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await page.clock.set_fixed_time(f"{today}T08:00:00")
            await page.goto(base, wait_until="load")
            text = await page.inner_text(".qc-upcoming")
            assert not errors, errors
            return text
        finally:
            await browser.close()


def _shown(day) -> str:
    from quyche.describe import weekday
    return f"{weekday(day)}, {day:%d/%m/%Y}"


def test_the_home_page_lists_the_next_two_weeks_of_the_texts_in_force(served):
    """Today is set to the Tuesday before the 4th Friday of November of the first year
    the build covers (24/11/2026 when written): the two weeks then hold both the 2025
    giao ban (the 25th) and the day the superseded 2021 one would fall on (4th Friday)."""
    import datetime as dt
    import re
    from quyche.site.facts_pages import years_shown
    november = [dt.date(years_shown().start, 11, n) for n in range(1, 31)]
    fourth_friday = [d for d in november if d.weekday() == 4][3]
    today = fourth_friday - dt.timedelta(days=3)
    text = asyncio.run(_upcoming(served, today.isoformat()))
    assert f"Từ hôm nay ({_shown(today)}) đến {_shown(today + dt.timedelta(days=14))}" in text
    # 2025 Điều 19.2: giao ban on the 25th of each month.
    day = text[text.index(_shown(today.replace(day=25))):]
    assert "Hội nghị giao ban Văn phòng — Chánh Văn phòng (Văn phòng UBND tỉnh Đắk Lắk (2025)" in day
    # Điều 22.2: the annual report is due "trước ngày 25/11": the 25th is a limit, and says so.
    assert "Báo cáo năm của Trưởng phòng (hạn: trước ngày này) — Trưởng phòng" in day
    # The superseded 2021 text (4th Friday) and the ended-term party texts: not listed.
    assert "(2021)" not in text and "Trà Vinh" not in text and "Điện Biên" not in text
    listed = [dt.datetime.strptime(d, "%d/%m/%Y").date() for d in re.findall(r"\d\d/\d\d/\d{4}", text)]
    # The first two are the range in the heading line; then one per day listed.
    assert len(listed) >= 3 and all(today <= d <= today + dt.timedelta(days=14) for d in listed)


def test_out_of_range_or_without_script_the_home_page_points_to_the_calendars(served):
    from quyche.site.facts_pages import years_shown
    later = asyncio.run(_upcoming(served, f"{years_shown().stop + 2}-03-02"))
    assert "hôm nay nằm ngoài khoảng đó" in later
    plain = asyncio.run(_upcoming(served, f"{years_shown().start}-11-23", script=False))
    assert "Lịch và thời hạn" in plain and "Bật JavaScript" in plain


# --- opened from a folder (file://), as a copy on a USB stick or a shared drive ------------

async def _from_folder(site: Path) -> list[tuple[str, str, str]]:
    """A reader's way through a copy of the site opened from disk, by clicking links:
    (what was clicked, the address reached, its heading)."""
    steps = [
        ("a text", ".qc-list tbody tr:first-child a"),
        ("its role cards", "table.qc-meta a[href*='vai-tro']"),
        ("a card", ".md-content ul li a[href$='.html']"),
        ("the card's text", ".qc-card-body a"),
        ("the text's calendar", "table.qc-meta a[href*='moc-thoi-gian']"),
        ("the home page", ".md-header__button.md-logo"),
        ("the calendar of every text", ".md-nav--primary a[href='moc-thoi-gian.html']"),
    ]
    seen = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = await browser.new_page(viewport=DESKTOP)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await page.goto((site / "index.html").as_uri(), wait_until="load")
            seen.append(("start", page.url, await page.inner_text(".md-content h1")))
            upcoming = await page.inner_text(".qc-upcoming")
            hint = await page.inner_text(".qc-start-search")
            for name, selector in steps:
                async with page.expect_navigation(wait_until="load"):
                    await page.click(selector)
                heading = await page.inner_text(".md-content h1") if await page.query_selector(".md-content h1") else ""
                seen.append((name, page.url, heading))
            # The theme's search looks for its index as a script from a folder, and says nothing;
            # the page says search needs a server (the hint, below). Any other error fails.
            assert not [e for e in errors if "search/search_index.js" not in e], errors
        finally:
            await browser.close()
    return seen, upcoming, hint


@pytest.fixture(scope="session")
def from_folder(site):
    return asyncio.run(_from_folder(site))


def test_opened_from_a_folder_every_link_opens_a_page(site, from_folder):
    """From the home page to a text, its role cards, a card, back to the text, its calendar,
    and through the navigation: each click opens a page (not a directory listing)."""
    seen, _, _ = from_folder
    assert len(seen) == 8
    for name, url, heading in seen:
        assert url.startswith("file://") and url.split("#")[0].endswith(".html"), (name, url)
        assert heading and "Index of" not in heading, (name, url, heading)
    assert seen[-2][1] == (site / "index.html").as_uri()


def test_opened_from_a_folder_upcoming_dates_show_and_search_says_it_needs_a_server(from_folder):
    _, upcoming, hint = from_folder
    assert "Từ hôm nay (" in upcoming and "Bật JavaScript" not in upcoming
    assert "không qua máy chủ web" in hint and "không cần gõ dấu" not in hint
