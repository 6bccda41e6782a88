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
import os
import threading
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.async_api import async_playwright

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
            await asyncio.gather(*(tab(context) for _ in range(PARALLEL)))
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


def test_the_comparison_pages_are_among_the_pages_checked_on_a_phone(crawl):
    specs = sorted((ROOT / "structured" / "so-sanh").glob("*.yaml"))
    compared = [url for url in crawl if "/so-sanh/" in url]
    assert len(compared) >= len(specs), f"comparison specs {[p.stem for p in specs]}, pages {compared}"


# --- search: typed as readers type, in the header's box ---------------------------------

#: A result must lead to one of these passages (the unit itself or a clause inside it)
#: within the first RANK results: the passages that regulate what is asked for.
RANK = 10
def at(slug: str, unit: str) -> str:
    """A unit of a text as the browser shows its address (site path and anchor)."""
    return f"{built_url(f'{slug}/index.md')}#{unit}"


def _text(slug: str, unit: str = "") -> str:
    """Where a result leads to a regulation's text (or one of its units), as the site links it."""
    return built_url(f"{slug}/index.md") + (f"#{unit}" if unit else "")


SEARCHES = {
    "chanh van phong": (_text("dak-lak-vp-ubnd-2025", "dieu-4"), _text("dak-lak-vp-ubnd-2025", "dieu-5"),
                        _text("dak-lak-vp-ubnd-2025", "dieu-10")),
    "giao ban": (_text("dak-lak-vp-ubnd-2025", "dieu-19"), _text("dak-lak-vp-ubnd-2021", "muc-b-ii-5"),
                 _text("tra-vinh-dang-uy-khoi-2019", "dieu-13")),
    "bao cao nam": (_text("dak-lak-vp-ubnd-2025", "dieu-22"), _text("dak-lak-vp-ubnd-2021", "muc-b-ii-7")),
    "bi thu tinh uy": (_text("dien-bien-tinh-uy-2020-2025", "dieu-6"),),
    "bao cao quy": (_text("dak-lak-vp-ubnd-2025", "dieu-22"),),
    "hoi nghi tong ket": (_text("dak-lak-vp-ubnd-2025", "dieu-19"), _text("dak-lak-vp-ubnd-2021", "muc-b-ii-4")),
    "dak lak": (_text("dak-lak-vp-ubnd-2025"),),
    # "BTV" is nowhere in the corpus: only its expansion can find these.
    "BTV": (_text("dien-bien-tinh-uy-2020-2025", "dieu-2"), _text("tra-vinh-dang-uy-khoi-2019", "dieu-3"),
            _text("tra-vinh-dang-uy-khoi-2019", "dieu-11"), _text("dien-bien-tinh-uy-2020-2025", "dieu-25")),
    "UBND": (),
    "uy ban nhan dan": (),
}

_READ = """() => [...document.querySelectorAll('#qc-search-list > li')].map(li => {
  const path = a => { const u = new URL(a.href); return u.pathname.slice(1) + u.hash; };
  const links = [...li.querySelectorAll('a.md-search-result__link')];
  return {page: path(links[0]), title: li.querySelector('h2').textContent,
          about: [...li.querySelectorAll('.qc-search-about > span')].map(s => s.textContent),
          places: links.slice(1).map(a => [path(a), [...a.querySelectorAll('mark')].map(m => m.textContent)])};
})"""


async def _type(page, query: str, more: bool = True) -> list[dict]:
    await page.fill(".qc-search .md-search__input", query)
    await page.wait_for_function(
        "q => document.querySelector('.qc-search .md-search-result__meta').textContent.includes('«' + q + '»')"
        " && !document.getElementById('qc-search-list').hasAttribute('aria-busy')",
        arg=query, timeout=20_000)
    # The box shows a few results first; a reader wanting more asks for them.
    while more and len(await page.query_selector_all("#qc-search-list > li")) < RANK and \
            await page.is_visible(".qc-search-more"):
        shown = len(await page.query_selector_all("#qc-search-list > li"))
        await page.click(".qc-search-more")
        await page.wait_for_function("n => document.querySelectorAll('#qc-search-list > li').length > n"
                                     " && !document.getElementById('qc-search-list').hasAttribute('aria-busy')",
                                     arg=shown, timeout=20_000)
    return await page.evaluate(_READ)


async def _search_all(base: str) -> dict:
    out: dict = {"errors": []}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = await browser.new_page(viewport=DESKTOP)
            page.on("pageerror", lambda exc: out["errors"].append(str(exc)))
            await page.goto(base, wait_until="load")
            out["before typing"] = await page.evaluate(
                "() => performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('pagefind'))")
            # The list is marked busy from typing until the first results are all shown
            # (they appear one by one, as their fragments come): the state is recorded at
            # each change of the list.
            await page.evaluate("""() => { window.busyLog = [];
              const l = document.getElementById('qc-search-list');
              new MutationObserver(() => window.busyLog.push([l.hasAttribute('aria-busy'), l.children.length]))
                .observe(l, {attributes: true, childList: true}); }""")
            out["results"] = {query: await _type(page, query) for query in SEARCHES}
            out["busy log"] = await page.evaluate("() => window.busyLog")
            # A reader typing key by key: a search runs on the page's thread, so none runs
            # until the reader pauses longer than between keys; one letter is not searched.
            await page.fill(".qc-search .md-search__input", "")
            await page.evaluate("""() => { window.searches = 0;
              const m = document.querySelector('.qc-search .md-search-result__meta');
              new MutationObserver(() => { if (m.textContent === 'Đang tìm…') window.searches++ })
                .observe(m, {childList: true, characterData: true, subtree: true}); }""")
            await page.keyboard.type("c")
            await page.wait_for_timeout(600)
            out["one letter"] = await page.evaluate(
                "() => [window.searches, document.querySelectorAll('#qc-search-list > li').length]")
            await page.keyboard.type("hanh van phong", delay=150)
            await page.wait_for_function(
                "() => document.querySelector('.qc-search .md-search-result__meta').textContent.includes('«chanh van phong»')"
                " && !document.getElementById('qc-search-list').hasAttribute('aria-busy')", timeout=20_000)
            out["searches while typing"] = await page.evaluate("() => window.searches")
            texts = [u.text for reg in repo_corpus()[0].values() for u in reg.walk() if u.text][:400]
            out["fold"] = (texts, await page.evaluate("texts => texts.map(quycheFold)", texts))
            out["variants"] = {q: await page.evaluate("q => quycheSearchVariants(q)", q)
                               for q in ("dak lak", "Đắk Lắk", "dien bien", "ubnd", "UBND", "tu", "TU", "uy ban nhan dan",
                                         "BTV")}
            # Keyboard: "/" to the box, arrows through the results, Enter opens, Esc closes.
            await page.goto(base, wait_until="load")
            await page.keyboard.press("/")
            out["slash focuses"] = await page.evaluate("() => document.activeElement.matches('.qc-search input')")
            await _type(page, "giao ban", more=False)
            await page.keyboard.press("ArrowDown")
            await page.keyboard.press("ArrowDown")
            target = await page.evaluate("() => document.activeElement.href")
            await page.keyboard.press("Enter")
            await page.wait_for_url(target)
            out["enter opens"] = (target, page.url)
            await page.keyboard.press("/")
            await page.keyboard.type("dak")
            await page.keyboard.press("Escape")
            out["escape closes"] = await page.evaluate(
                "() => !document.getElementById('__search').checked && !document.activeElement.matches('.qc-search input')")
            # A phone: the magnifier in the header opens the box over the page.
            phone = await browser.new_page(viewport=PHONE)
            phone.on("pageerror", lambda exc: out["errors"].append(str(exc)))
            await phone.goto(base, wait_until="load")
            await phone.click("label.md-header__button[for=__search]")
            await phone.wait_for_timeout(300)
            out["phone focused"] = await phone.evaluate("() => document.activeElement.matches('.qc-search input')")
            out["phone results"] = await _type(phone, "chanh van phong")
            out["phone box"] = await phone.evaluate(
                "() => { const r = document.querySelector('#qc-search-list > li').getBoundingClientRect();"
                " return [r.left, r.right, r.height]; }")
        finally:
            await browser.close()
    return out


@pytest.fixture(scope="session")
def searched(served) -> dict:
    return asyncio.run(_search_all(served))


def _covers(link: str, place: str) -> bool:
    """The link leads to the place: the unit itself, or a unit inside it (ids nest: dieu-19-khoan-2)."""
    return link == place or ("#" in place and link.startswith(place + "-"))


def rank(results: list[dict], places) -> int | None:
    """1-based rank of the first result leading to one of the places."""
    return next((i for i, r in enumerate(results, 1)
                 if any(_covers(link, p) for p in places for link in [r["page"], *(l for l, _ in r["places"])])), None)


def test_searching_loads_no_index_before_the_reader_types(searched):
    assert searched["before typing"] == []


def test_the_results_list_is_busy_while_results_arrive_and_free_after(searched):
    log = searched["busy log"]
    assert any(busy for busy, _ in log) and any(busy and n > 0 for busy, n in log), log[:20]
    assert log[-1][0] is False and log[-1][1] > 0


def test_typing_key_by_key_searches_once_the_reader_pauses_and_not_one_letter(searched):
    assert searched["one letter"] == [0, 0]
    assert searched["searches while typing"] == 1


def test_searching_raises_no_script_error(searched):
    assert searched["errors"] == []


@pytest.mark.parametrize("query", [q for q, places in SEARCHES.items() if places])
def test_a_search_leads_to_the_passage_that_regulates_it(searched, query):
    results = searched["results"][query]
    found = rank(results, SEARCHES[query])
    assert found and found <= RANK, (
        f"{query!r}: none of {SEARCHES[query]} in the first {RANK} results: "
        f"{[(r['page'], [l for l, _ in r['places']]) for r in results[:RANK]]}")


def test_each_result_names_its_document_and_status(searched):
    results = searched["results"]["dak lak"]
    regs = repo_corpus()[0]
    from quyche.site.search import STATUS_SHORT
    for r in results:
        slug = r["page"].split("/")[0]
        if slug in regs:
            assert regs[slug].metadata.short_title in r["about"], r
            assert STATUS_SHORT[regs[slug].metadata.status] in r["about"], r


def test_a_text_in_force_ranks_above_the_text_it_replaced(searched):
    pages = [r["page"] for r in searched["results"]["dak lak"]]
    assert pages.index(_text("dak-lak-vp-ubnd-2025")) < pages.index(_text("dak-lak-vp-ubnd-2021"))
    pages = [r["page"] for r in searched["results"]["chanh van phong"]]
    assert pages.index(built_url("dak-lak-vp-ubnd-2025/vai-tro/chanh-van-phong.md")) < pages.index(
        built_url("dak-lak-vp-ubnd-2021/vai-tro/chanh-van-phong.md"))


def test_a_query_that_is_a_posts_name_shows_its_card_first(searched):
    """Cards are found on their text's roles page (quyche.site.pages, found_at); a query
    naming a post puts that post's card first, the text in force's before the replaced one."""
    chanh = [r["page"] for r in searched["results"]["chanh van phong"]]
    assert chanh[:2] == [built_url("dak-lak-vp-ubnd-2025/vai-tro/chanh-van-phong.md"),
                         built_url("dak-lak-vp-ubnd-2021/vai-tro/chanh-van-phong.md")], chanh[:3]
    assert searched["results"]["chanh van phong"][0]["title"] == "Chánh Văn phòng"
    assert searched["results"]["bi thu tinh uy"][0]["page"] == built_url("dien-bien-tinh-uy-2020-2025/vai-tro/bi-thu.md")
    # words that are no post's name leave Pagefind's order alone
    assert not any("/vai-tro/" in r["page"] for r in searched["results"]["bao cao nam"][:5])


def test_role_cards_and_the_articles_on_the_post_both_come_up(searched):
    results = searched["results"]["chanh van phong"][:RANK]
    assert any("/vai-tro/" in r["page"] for r in results)
    assert rank(results, SEARCHES["chanh van phong"])


@pytest.mark.parametrize(("query", "spelled"), [("UBND", ["Ủy", "ban", "nhân", "dân"]),
                                                ("uy ban nhan dan", ["UBND"]),
                                                ("BTV", ["Ban", "Thường", "vụ"])])
def test_an_abbreviation_finds_its_expansion_and_back(searched, query, spelled):
    marks = [m for r in searched["results"][query][:RANK] for _, ms in r["places"] for m in ms]
    assert all(word in marks for word in spelled), f"{query!r}: {spelled} never marked in {marks[:40]}"


def test_d_and_dj_are_one_letter_both_ways(searched):
    v = searched["variants"]
    # searched in the spelling the index holds: "Đắk", never "Dak" …
    assert v["dak lak"] == ["đak lak"] and v["Đắk Lắk"] == ["Đắk Lắk"]
    # … and both ways where it holds both ("diện" and "Điện Biên")
    assert set(v["dien bien"]) == {"dien bien", "đien bien"}
    first = searched["results"]["dak lak"][0]
    assert first["page"].startswith("dak-lak-"), first


def test_abbreviations_in_lower_case_only_when_no_syllable_could_be_meant(searched):
    v = searched["variants"]
    assert "Ủy ban nhân dân" in v["ubnd"] and "Ủy ban nhân dân" in v["UBND"]
    assert "Tỉnh ủy" in v["TU"] and not any("Tỉnh ủy" in x for x in v["tu"])   # tu: từ, tự, tư…
    assert "UBND" in v["uy ban nhan dan"] and "Ban Thường vụ" in v["BTV"]


def test_the_query_is_folded_as_the_site_folds(searched):
    from quyche.normalize import fold
    texts, folded = searched["fold"]
    assert folded == [fold(t) for t in texts]


def test_the_keyboard_drives_the_search(searched):
    assert searched["slash focuses"]
    target, url = searched["enter opens"]
    assert url == target
    assert searched["escape closes"]


def test_on_a_phone_the_header_button_opens_search_and_results_fit(searched):
    assert searched["phone focused"]
    assert searched["phone results"], "no result on a phone"
    left, right, height = searched["phone box"]
    assert left >= 0 and right <= PHONE["width"] and height > 0


def test_opened_from_a_folder_search_says_how_to_serve_the_site(site):
    async def run():
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                page = await browser.new_page(viewport=DESKTOP)
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                await page.goto((site / "index.html").as_uri(), wait_until="load")
                await page.fill(".qc-search .md-search__input", "giao ban")
                await page.wait_for_timeout(400)
                return await page.inner_text(".qc-search .md-search-result__meta"), errors
            finally:
                await browser.close()
    said, errors = asyncio.run(run())
    assert "máy chủ web" in said and "python3 -m http.server" in said, said
    assert not errors

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


# --- What is next, from the reader's today (the clock is set in the browser) --------------

async def _at(base: str, path: str, today: str, script: bool = True, viewport=DESKTOP, act=None):
    """Open a page with the browser's clock fixed at `today` 08:00; return what `act` returns."""
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            context = await browser.new_context(viewport=viewport, java_script_enabled=script)
            page = await context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await page.clock.set_fixed_time(f"{today}T08:00:00")
            await page.goto(base + path, wait_until="load")
            await page.wait_for_timeout(300)
            result = await act(page)
            assert not errors, errors
            return result
        finally:
            await browser.close()


async def _upcoming(base: str, today: str, script: bool = True) -> str:
    return await _at(base, "", today, script, act=lambda page: page.inner_text(".qc-upcoming"))


def _shown(day) -> str:
    from quyche.describe import weekday
    return f"{weekday(day)}, {day:%d/%m/%Y}"


def test_the_home_page_lists_the_next_ten_dates_of_the_texts_in_force_whatever_the_date(served):
    """On 1 December (a two-week window showed two items then) and on the Tuesday before
    November's 4th Friday: the next ten meetings and deadlines, with how far ahead."""
    import datetime as dt
    import re
    from quyche.site.facts_pages import years_shown
    year = years_shown().start
    for today in (dt.date(year, 12, 1), dt.date(year, 3, 2)):
        text = asyncio.run(_upcoming(served, today.isoformat()))
        assert f"10 mốc tiếp theo của các văn bản đang có hiệu lực, từ hôm nay ({_shown(today)})" in text
        listed = [dt.datetime.strptime(d, "%d/%m/%Y").date() for d in re.findall(r"\d\d/\d\d/\d{4}", text)][1:]
        assert listed and all(d >= today for d in listed) and listed == sorted(listed)
        first = listed[0]
        assert f"{_shown(first)} — " + ("hôm nay" if first == today else "ngày mai" if (first - today).days == 1
                                         else f"còn {(first - today).days} ngày") in text
        assert "(2021)" not in text and "Trà Vinh" not in text and "Điện Biên" not in text
    november = [dt.date(year, 11, n) for n in range(1, 31)]
    today = [d for d in november if d.weekday() == 4][3] - dt.timedelta(days=3)
    text = asyncio.run(_upcoming(served, today.isoformat()))
    day = text[text.index(_shown(today.replace(day=25))):]
    # 2025 Điều 19.2: giao ban on the 25th; Điều 22.2: the annual report "trước ngày 25/11".
    assert "Hội nghị giao ban Văn phòng — Chánh Văn phòng (Văn phòng UBND tỉnh Đắk Lắk (2025)" in day
    assert "Báo cáo năm của Trưởng phòng (hạn: trước ngày này) — Trưởng phòng" in day


def test_out_of_range_or_without_script_the_home_page_points_to_the_calendars(served):
    from quyche.site.facts_pages import years_shown
    later = asyncio.run(_upcoming(served, f"{years_shown().stop + 2}-03-02"))
    assert "hôm nay nằm ngoài khoảng đó" in later
    plain = asyncio.run(_upcoming(served, f"{years_shown().start}-11-23", script=False))
    assert "Lịch và thời hạn" in plain and "JavaScript" in plain




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
    assert "từ hôm nay (" in upcoming and "Khi trình duyệt chạy được JavaScript" not in upcoming
    assert "không qua máy chủ web" in hint and "không cần gõ dấu" not in hint


_MONTHS = """() => [...document.querySelectorAll('.qc-rolling .qc-month')].map(m => [m.dataset.month, !m.hidden])"""


@pytest.mark.parametrize("path", [built_url("dak-lak-vp-ubnd-2025/moc-thoi-gian.md"), built_url("dak-lak-vp-ubnd-2025/vai-tro/truong-phong.md")])
def test_month_calendars_open_at_the_current_month_with_today_marked_and_twelve_months(served, path):
    from quyche.site.facts_pages import years_shown
    year = years_shown().start
    today = f"{year}-12-01"

    async def look(page):
        return await page.evaluate(_MONTHS), await page.inner_text(".qc-rolling")
    months, text = asyncio.run(_at(served, path, today, act=look))
    shown = [key for key, visible in months if visible]
    assert shown and shown[0] == f"{year}-12" and shown[-1] <= f"{year + 1}-11"
    assert all(f"{year}-12" <= key <= f"{year + 1}-11" for key in shown)
    assert f"Hôm nay" in text and "từ tháng 12/" + str(year) + " đến tháng 11/" + str(year + 1) in text
    everything, _ = asyncio.run(_at(served, path, today, script=False, act=look))
    assert all(visible for _, visible in everything) and len(everything) > len(shown)   # no script: all months


def test_the_combined_table_filters_by_document_post_and_month(served):
    async def act(page):
        await page.select_option(".qc-filter select[name=doc]", "dak-lak-vp-ubnd-2025")
        docs = await page.eval_on_selector_all("#bang-tat-ca tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.doc)")
        await page.select_option(".qc-filter select[name=doc]", "")
        await page.select_option(".qc-filter select[name=post]", "Trưởng phòng")
        posts = await page.eval_on_selector_all("#bang-tat-ca tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.posts)")
        await page.select_option(".qc-filter select[name=post]", "")
        await page.select_option(".qc-filter select[name=month]", "11")
        months = await page.eval_on_selector_all("#bang-tat-ca tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.months)")
        total = await page.eval_on_selector_all("#bang-tat-ca tbody tr", "rs => rs.length")
        return docs, posts, months, total
    docs, posts, months, total = asyncio.run(_at(served, built_url("moc-thoi-gian.md"), "2026-12-01", act=act))
    assert docs and set(docs) == {"dak-lak-vp-ubnd-2025"} and len(docs) < total
    assert posts and all("Trưởng phòng" in p.split("|") for p in posts) and len(posts) < total
    assert months and all("11" in m.split() for m in months) and len(months) < total


@pytest.mark.parametrize("path,table", [(built_url("dak-lak-vp-ubnd-2025/moc-thoi-gian.md"), ".qc-deadlines"),
                                        (built_url("moc-thoi-gian.md"), ".qc-deadlines"),
                                        (built_url("dak-lak-vp-ubnd-2025/vai-tro/truong-phong.md"), ".qc-card-table")])
def test_on_a_phone_every_table_row_stacks_with_its_column_labels(served, path, table):
    script = f"""() => [...document.querySelectorAll('{table} tbody tr')].slice(0, 5).map(tr =>
        [getComputedStyle(tr).display, [...tr.cells].map(td => getComputedStyle(td, '::before').content)])"""
    rows = asyncio.run(_at(served, path, "2026-12-01", viewport=PHONE, act=lambda page: page.evaluate(script)))
    assert rows
    for display, labels in rows:
        assert display == "block"
        assert all(label.startswith('"') and label.endswith(': "') for label in labels), labels


# --- Print -----------------------------------------------------------------------------

_PRINTED = """() => {
  const text = [...document.querySelectorAll('.md-content p, .md-content li, .md-content td')]
    .filter(e => e.offsetParent !== null && e.textContent.trim());
  const hidden = ['.md-header', '.md-sidebar--primary', '.md-footer', '.qc-print-bar', '.qc-exports']
    .filter(s => document.querySelector(s)).map(s => getComputedStyle(document.querySelector(s)).display);
  return [Math.min(...text.map(e => parseFloat(getComputedStyle(e).fontSize))), hidden];
}"""


@pytest.mark.parametrize("path", [built_url("dak-lak-vp-ubnd-2025/vai-tro/truong-phong.md"), built_url("moc-thoi-gian.md"), built_url("dak-lak-vp-ubnd-2025/index.md")])
def test_printed_pages_are_readable_and_carry_no_web_only_parts(served, path):
    async def act(page):
        assert await page.is_visible(".qc-print")           # the button, once the script ran
        await page.emulate_media(media="print")
        return await page.evaluate(_PRINTED)
    smallest, hidden = asyncio.run(_at(served, path, "2026-12-01", act=act))
    assert smallest >= 11 * 96 / 72 - 0.01, smallest       # 11 pt
    assert hidden and set(hidden) == {"none"}, hidden


_PRINTED_PAIRS = r"""() => {
  const rows = [...document.querySelectorAll('.qc-cmp-rows > tbody')];
  const shown = rows.filter(r => getComputedStyle(r).display !== 'none');
  return {rows: rows.length, shown: shown.length,
          unchanged_shown: shown.filter(r => r.classList.contains('qc-cmp-unchanged')).length,
          kept_whole: shown.every(r => getComputedStyle(r).breakInside === 'avoid'),
          heads: getComputedStyle(document.querySelector('.qc-cmp-rows > thead')).display,
          note: getComputedStyle(document.querySelector('.qc-cmp-print-filtered')).display,
          says: document.querySelector('.qc-cmp-print-filtered').textContent,
          margins: [...document.querySelectorAll('style')].some(s => /@top-left \{ content: "So sánh: /.test(s.textContent)
                   && s.textContent.includes('counter(pages)')),
          unfolds: !!document.querySelector('.qc-print')};
}"""


@pytest.mark.parametrize("only_changed", [False, True])
def test_a_printed_comparison_is_what_the_reader_sees_headed_on_every_page_pair_by_pair(served, only_changed):
    async def act(page):
        if only_changed:
            await page.check("#qc-only-changed")
        await page.emulate_media(media="print")
        return await page.evaluate(_PRINTED_PAIRS)
    printed = asyncio.run(_at(served, built_url("so-sanh/dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025.md"),
                              "2026-12-01", act=act))
    assert printed["heads"] == "table-header-group" and printed["kept_whole"], printed
    # every printed page names both texts and its number; no print button, whose script
    # would unfold every folded row before printing
    assert printed["margins"] and not printed["unfolds"], printed
    folded = printed["rows"] - printed["shown"]
    if only_changed:
        assert printed["unchanged_shown"] == 0 and folded > 0, printed
        assert printed["note"] == "block" and f"{folded} dòng không in" in printed["says"], printed
    else:
        assert folded == 0 and printed["note"] == "none", printed
