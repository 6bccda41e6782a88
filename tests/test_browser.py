"""The built site in a real browser: Debian's Chromium, driven by Playwright.

Every page of the built site is visited once (``crawl``): loaded on a desktop
screen, checked, then narrowed to a 390 px phone screen. The tests below read
what was seen: script errors, requests to other hosts, links and anchors,
axe-core's accessibility findings, horizontal overflow. Pages are found by walking the built site, so a
page kind added later (comparisons, role cards, …) is covered without a change
here. Search is tested by typing in the search box, without accents.

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
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.async_api import Error as PlaywrightError, async_playwright

from support import ROOT, repo_corpus

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
    links: list[str] = field(default_factory=list)      # every a[href], resolved by the browser
    ids: set[str] = field(default_factory=set)
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


def page_urls(site: Path, base: str) -> list[str]:
    """Every HTML page of the built site, as the browser asks for it."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append(base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return urls


_COLLECT = """() => ({
  links: [...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => !h.startsWith('javascript:')),
  ids: [...document.querySelectorAll('[id]')].map(e => e.id)
       .concat([...document.querySelectorAll('a[name]')].map(a => a.name)),
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
    visit.links, visit.ids = seen["links"], set(seen["ids"])
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
    """Every page of the site, visited once (desktop width, then 390 px)."""
    assert Path(CHROMIUM).exists(), (f"no Chromium at {CHROMIUM}: install Debian's package "
                                     "(apt-get install chromium), as .ci/run does, or set QUYCHE_CHROMIUM")
    return asyncio.run(_crawl(page_urls(site, served), served))


def _report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{url}\n    " + "\n    ".join(items[:8]) for url, items in problems.items() if items)


# --- every page ------------------------------------------------------------------------

def test_every_page_of_the_built_site_is_visited(site, crawl):
    assert len(crawl) == len(list(site.rglob("*.html"))) > 10
    regulation_pages = [url for url in crawl if any(url.endswith(f"/{slug}/") for slug in repo_corpus()[0])]
    assert len(regulation_pages) == len(repo_corpus()[0])


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


def test_every_link_and_anchor_resolves(crawl, served):
    """Links as the browser resolved them; anchors against the ids of the page they point to."""
    problems: dict[str, list[str]] = {}
    files: dict[str, bool] = {}
    for url, visit in crawl.items():
        for href in visit.links:
            if not href.startswith(served):
                continue   # another site: not fetched (no network), not ours to check
            parts = urlsplit(href)
            target = f"{parts.scheme}://{parts.netloc}{parts.path}"
            if target in crawl:
                if parts.fragment and unquote(parts.fragment) not in crawl[target].ids:
                    problems.setdefault(url, []).append(f"{href}: no element with id '{unquote(parts.fragment)}'")
            elif not _exists(target, files):
                problems.setdefault(url, []).append(f"{href}: not found")
    assert not problems, _report(problems)


def test_axe_core_finds_no_critical_or_serious_violation(crawl):
    problems = {url: v.violations for url, v in crawl.items()}
    assert not any(problems.values()), _report(problems)


def test_every_page_fits_a_390px_phone_screen(crawl):
    """No horizontal scrolling of the page on a phone.

    Every built page is checked, so the comparison pages (``so-sanh/``) and
    any page kind added later are covered as soon as they exist.
    """
    problems = {url: [f"{v.overflow}px wider than the screen"] for url, v in crawl.items() if v.overflow > 0}
    assert not problems, _report(problems)


def test_no_table_on_a_phone_squeezes_a_column_until_it_cannot_be_read(crawl):
    problems = {url: v.squeezed for url, v in crawl.items() if v.squeezed}
    assert not problems, _report(problems)


def test_the_comparison_pages_are_among_the_pages_checked_on_a_phone(crawl):
    specs = sorted((ROOT / "structured" / "so-sanh").glob("*.yaml"))
    compared = [url for url in crawl if "/so-sanh/" in url]
    assert len(compared) >= len(specs), f"comparison specs {[p.stem for p in specs]}, pages {compared}"


# --- search, typed without accents -----------------------------------------------------

@dataclass(frozen=True)
class Expected:
    heading: str        # a result on the first screen (10 results) has this in its title
    places: tuple       # and these passages are among the results


#: The four searches of the issue. Places are the passages that regulate the thing asked for.
SEARCHES = {
    "chanh van phong": Expected("Chánh Văn phòng", ("dak-lak-vp-ubnd-2025/#dieu-4", "dak-lak-vp-ubnd-2025/#dieu-5",
                                                     "dak-lak-vp-ubnd-2025/#dieu-10")),
    "giao ban": Expected("giao ban", ("dak-lak-vp-ubnd-2025/#dieu-19", "dak-lak-vp-ubnd-2021/#muc-b-ii-5",
                                      "tra-vinh-dang-uy-khoi-2019/#dieu-13")),
    "bao cao nam": Expected("báo cáo", ("dak-lak-vp-ubnd-2025/#dieu-22", "dak-lak-vp-ubnd-2021/#muc-b-ii-7")),
    "bi thu tinh uy": Expected("Bí thư Tỉnh ủy", ("dien-bien-tinh-uy-2020-2025/#dieu-6",)),
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
    entries = [e for slug, reg in repo_corpus()[0].items() for e in regulation_entries(reg, f"{slug}/")[1:]]
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
PERMALINKS = ["dak-lak-vp-ubnd-2025/#dieu-19-khoan-2",
              "so-sanh/dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025/#cap-dieu-6-khoan-2"]

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
