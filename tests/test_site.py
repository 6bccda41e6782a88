"""The published site: complete, linkable, offline, escaped, and never half-built."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from quyche.loader import Project, load_valid_corpus

ROOT = Path(__file__).resolve().parent.parent
REGULATIONS = load_valid_corpus(Project(ROOT))


from support import PageParts, built_file, link, mkdocs_build, parse


def test_strict_build_succeeds_with_no_warning(build):
    _, result = build
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def _large_site(copies: int = 30):
    import dataclasses
    from quyche.site.build import Site
    regs = {}
    for n in range(copies):
        for r in REGULATIONS:
            copy = dataclasses.replace(r, slug=f"{r.slug}-{n}", _index={})
            regs[copy.slug] = copy
    return Site(regs=regs, comparisons=(), years=range(2026, 2028))


def test_in_a_large_corpus_the_all_texts_pages_lead_to_each_texts_own_page(site):
    """At 400 texts the all-texts deadline table was 10 MB and the role-card index 4 MB:
    past LIST_LIMIT texts they list the texts, each leading to its own page."""
    from quyche.site.build import LIST_LIMIT
    from quyche.site.facts_pages import combined_html
    from quyche.site.pages import links as page_links
    from quyche.site.role_pages import roles_index_html
    big = _large_site()
    assert big.large and len(big.regs) > LIST_LIMIT >= len(REGULATIONS)   # the four texts: whole pages
    deadlines = combined_html(big, page_links("moc-thoi-gian.md", True))
    assert 'id="bang-tat-ca"' not in deadlines
    assert len(re.findall(r'href="[^"]*/moc-thoi-gian/"', deadlines)) == len(big.regs)
    assert "tat-ca.xlsx" in deadlines                      # the whole table is still one download away
    cards = roles_index_html(big, page_links("vai-tro.md", True))
    assert len(re.findall(r'href="[^"]*/vai-tro/"', cards)) == len(big.regs)
    assert "Theo chức danh tương đương" not in cards
    assert len(deadlines) < 60_000 and len(cards) < 60_000
    from quyche.site.topic_page import topic_html
    from quyche.topics import TOPICS
    topic = topic_html(big, page_links(f"chu-de/{TOPICS[0].slug}.md", True), TOPICS[0])
    in_force = [r for r in big.regs.values() if r.metadata.status == "in_force"]
    assert topic.count('class="qc-matrix-col"') == len(in_force) < len(big.regs)
    assert f"{len(big.regs) - len(in_force)} văn bản đã được thay thế hoặc hết nhiệm kỳ" in topic


@pytest.mark.parametrize("reg", REGULATIONS, ids=lambda r: r.slug)
def test_every_unit_has_its_anchor_on_the_regulation_page(site, reg):
    page = site / reg.slug / "index.html"
    ids = parse(page).ids
    missing = [u.id for u in reg.walk() if u.id not in ids]
    assert not missing, f"{reg.slug}: units without an anchor on the page: {missing[:20]}"


@pytest.mark.parametrize("reg", REGULATIONS, ids=lambda r: r.slug)
def test_every_article_is_listed_in_the_page_contents(site, reg):
    links = set(parse(site / reg.slug / "index.html").links)
    headed = [u for u in reg.walk() if u.kind in ("dieu", "chuong", "phan") and u.normative]
    assert headed, "a regulation without articles or parts"
    assert not [u.id for u in headed if f"#{u.id}" not in links]


def test_home_page_lists_every_regulation_with_its_status(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    table = html[html.index('<table class="qc-list">'):]
    table = table[:table.index("</table>")]
    for reg in REGULATIONS:
        assert f'href="{link("index.md", f"{reg.slug}/index.md")}"' in table
    assert table.count("Đã được thay thế") == sum(r.metadata.status == "superseded" for r in REGULATIONS)
    assert "Đang có hiệu lực" in table
    assert "qc-more-texts" not in html     # four texts: all on the home page


def test_a_large_corpus_lists_its_first_texts_in_force_on_the_home_page_and_all_on_their_own(site):
    """At 400 texts the home page listed all 400 (223 KB); it lists the first texts in force."""
    import dataclasses
    from quyche.site import home
    from quyche.site.build import Site
    from quyche.site.pages import links as page_links
    regs = {}
    for n in range(30):
        for r in REGULATIONS:
            copy = dataclasses.replace(r, slug=f"{r.slug}-{n}")
            regs[copy.slug] = copy
    big = Site(regs=regs, comparisons=(), years=range(2026, 2028))
    shown = home.texts_html(big, page_links("index.md", True))
    in_force = [r for r in regs.values() if r.metadata.status == "in_force"]
    assert shown.count("<tr>") - 1 == home.HOME_TEXTS < len(in_force)   # and the heading row
    assert "Đã được thay thế" not in shown and f"Xem đủ {len(regs)} văn bản" in shown
    full = home.texts_page_html(big, page_links("van-ban.md", True))
    assert full.count("<tr>") - 1 == len(regs)


def test_home_page_starts_from_what_readers_look_up(site):
    """Deadlines, role cards, each version comparison (with its largest change, from the
    facts: the giao ban, 24 -> 12 a year) and the cross-body topics, each one link away."""
    html = (site / "index.html").read_text(encoding="utf-8")
    start = html[html.index('class="qc-start"'):html.index("</nav>", html.index('class="qc-start"'))]
    links = parse_links(start)
    pages = ["moc-thoi-gian.md", "vai-tro.md", "so-sanh/dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025.md"]
    assert {link("index.md", page) for page in pages} <= set(links)
    assert all((site / href).is_file() for href in links), links
    assert "Hội nghị giao ban Văn phòng" in start and "(24 → 12 lần/năm)" in start
    assert f"{sum(len(r.actors) for r in REGULATIONS)} thẻ vai trò" in start


def test_no_english_theme_text_in_the_footer_or_the_404_page(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in html and "được máy đối chiếu từng chữ" in html
    # Strings the theme's Vietnamese leaves in English (macros/overrides/partials/languages/custom.html).
    assert "Initializing search" not in html and '<html lang="vi"' in html
    assert 'placeholder="Tìm kiếm (không cần dấu)"' in html   # the search box is the site's own (Pagefind)
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert "Not found" not in missing and "Không tìm thấy trang" in missing


def parse_links(html: str) -> list[str]:
    parts = PageParts()
    parts.feed(html)
    return parts.links


@pytest.mark.parametrize("slug,term", [("tra-vinh-dang-uy-khoi-2019", "khóa I, nhiệm kỳ 2015 - 2020"),
                                       ("dien-bien-tinh-uy-2020-2025", "khóa XIV, nhiệm kỳ 2020 - 2025")])
def test_a_party_regulation_whose_term_has_ended_says_so(site, slug, term):
    html = (site / slug / "index.html").read_text(encoding="utf-8")
    assert f"Quy chế của {term}: nhiệm kỳ này đã kết thúc." in html
    assert "Hết nhiệm kỳ, chưa rõ văn bản thay thế" in html and "Đang có hiệu lực" not in html


def test_superseded_2021_text_says_so_and_links_to_2025(site):
    html = (site / "dak-lak-vp-ubnd-2021" / "index.html").read_text(encoding="utf-8")
    assert "Văn bản đã được thay thế" in html
    assert f'href="{link("dak-lak-vp-ubnd-2021/index.md", "dak-lak-vp-ubnd-2025/index.md")}"' in html


def test_numbering_gaps_and_source_defects_are_shown_where_they_occur(site):
    html = (site / "dak-lak-vp-ubnd-2025" / "index.html").read_text(encoding="utf-8")
    gap_note = html.index("Văn bản gốc không có Điều 18")
    assert gap_note < html.index('id="dieu-19"') < html.index('id="dieu-20"')
    assert "kiến↵↵ng nghị" in html and "có lẽ là «kiến nghị»" in html


def test_markup_in_source_text_is_shown_as_text(site):
    # The Điện Biên source itself holds "TH<sub>1</sub>" in its recipient list.
    html = (site / "dien-bien-tinh-uy-2020-2025" / "index.html").read_text(encoding="utf-8")
    assert "TH&lt;sub&gt;1&lt;/sub&gt;" in html
    assert "TH<sub>1</sub>" not in html


def test_source_texts_are_published_beside_the_pages(site):
    for reg in REGULATIONS:
        # The published copy starts with a byte-order mark (read as UTF-8 whatever the
        # server declares); the repository's file is not touched.
        assert (site / "nguon" / f"{reg.slug}.txt").read_bytes() == b"\xef\xbb\xbf" + reg.source_path.read_bytes()
        assert not reg.source_path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_no_page_loads_anything_from_another_host(site):
    offenders = []
    for page in site.rglob("*.html"):
        for tag, url in parse(page).resources:
            if urlparse(url).scheme in ("http", "https") or url.startswith("//"):
                offenders.append(f"{page.relative_to(site)}: <{tag}> {url}")
    assert not offenders, offenders
    css = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    pages = {p: parse(p) for p in site.rglob("*.html")}
    for page, info in pages.items():
        for href in info.links:
            url = urlparse(href)
            if url.scheme or href.startswith("//") or href.startswith("mailto:"):
                continue
            if url.path.startswith("/"):   # 404.html links from the site root
                target = (site / url.path.lstrip("/")).resolve()
            else:
                target = (page.parent / url.path).resolve() if url.path else page
            if target.is_dir():   # opened from a folder, that is a directory listing, not a page
                broken.append(f"{page.relative_to(site)} -> {href} (a folder, not a page)")
            elif not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
            elif url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if url.fragment not in ids:
                    broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    assert not broken, broken[:20]


def test_bad_data_stops_the_build_before_any_page_is_written(tmp_path):
    project = tmp_path / "project"
    for name in ("docs", "macros", "regulations", "structured"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    yaml_file = project / "structured" / "dak-lak-vp-ubnd-2025.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(text.replace("status: in_force", "status: in_forse", 1), encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0
    assert "structured/dak-lak-vp-ubnd-2025.yaml:" in result.stderr
    assert "in_forse" in result.stderr
    assert "Traceback" not in result.stderr
    assert not any((project / "site").rglob("*.html"))


def _day_script(site, day: str) -> dict:
    import json
    script = (site / "xuat" / "sap-toi" / f"{day}.js").read_text(encoding="utf-8")
    assert script.startswith("window.quycheUpcoming = ") and script.endswith(";\n")
    return json.loads(script[len("window.quycheUpcoming = "):-2])


def test_the_home_page_dates_are_the_next_ten_of_the_texts_in_force_from_each_day(site):
    """xuat/sap-toi/<day>.js, read by the home page's "Sắp tới" on that day: the next
    ten dates of the texts in force, none of a superseded text."""
    import datetime as dt
    from quyche.schedule import occurrences
    from quyche.site.facts_pages import years_shown
    years = years_shown()
    every = sorted((o.date.isoformat(), r.slug, o.fact.source.unit) for r in REGULATIONS if r.metadata.status == "in_force"
                   for o in occurrences(r, dt.date(years.start, 1, 1), dt.date(years.stop - 1, 12, 31)))
    files = sorted(p.stem for p in (site / "xuat" / "sap-toi").glob("*.js"))
    assert files[0] == f"{years.start}-01-01" and files[-1] == f"{years.stop - 1}-12-31"
    assert len(files) == (dt.date(years.stop, 1, 1) - dt.date(years.start, 1, 1)).days
    for day in (f"{years.start}-01-01", f"{years.start}-11-23", f"{years.stop - 1}-12-20"):
        data = _day_script(site, day)
        listed = sorted((d, f["href"].split("/")[0], f["href"].split("#")[1]) for f in data["facts"] for d in f["dates"])
        after = [e for e in every if e[0] >= day]
        assert len(listed) == min(10, len(after))
        assert set(listed) <= set(after) and [d for d, _, _ in listed] == [d for d, _, _ in after[:len(listed)]]
        assert all(f["href"].split("#")[0] == link("index.md", f'{f["href"].split("/")[0]}/index.md') for f in data["facts"])
        assert {data["texts"][f["text"]] for f in data["facts"]} <= {r.metadata.short_title for r in REGULATIONS}
    # Superseded (2021) and ended-term texts (Trà Vinh khóa I, Điện Biên khóa XIV): none of their dates.
    left_out = {r.slug for r in REGULATIONS if r.metadata.status != "in_force"}
    assert left_out == {"dak-lak-vp-ubnd-2021", "tra-vinh-dang-uy-khoi-2019", "dien-bien-tinh-uy-2020-2025"}
    assert not any(slug in left_out for _, slug, _ in every)
    assert max(p.stat().st_size for p in (site / "xuat" / "sap-toi").glob("*.js")) < 8_000
    assert (site / "index.html").stat().st_size < 60_000   # the dates are loaded, not inlined


@pytest.mark.parametrize("reg", REGULATIONS, ids=lambda r: r.slug)
def test_each_text_links_its_calendar_role_cards_and_comparisons(site, reg):
    here = f"{reg.slug}/index.md"
    links = set(parse(built_file(site, here)).links)
    assert {link(here, f"{reg.slug}/moc-thoi-gian.md"), link(here, f"{reg.slug}/vai-tro/index.md")} <= links
    cards = parse(built_file(site, f"{reg.slug}/vai-tro/index.md")).links
    assert {link(f"{reg.slug}/vai-tro/index.md", f"{reg.slug}/vai-tro/{a.id}.md") for a in reg.actors} <= set(cards)
    if reg.slug.startswith("dak-lak"):
        assert link(here, "so-sanh/dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025.md") in links
    assert (link(here, f"{reg.slug}/danh-dau-sua-doi.md") in links) == reg.metadata.marks_amendments


@pytest.mark.parametrize("page,says", [
    ("dak-lak-vp-ubnd-2021/moc-thoi-gian", "Văn bản đã được thay thế."),
    ("dak-lak-vp-ubnd-2021/vai-tro/chanh-van-phong", "Văn bản đã được thay thế."),
    ("tra-vinh-dang-uy-khoi-2019/moc-thoi-gian", "nhiệm kỳ này đã kết thúc."),
    ("dien-bien-tinh-uy-2020-2025/vai-tro/bi-thu", "nhiệm kỳ này đã kết thúc."),
])
def test_calendars_and_role_cards_of_a_text_not_in_force_say_so_first(site, page, says):
    html = built_file(site, f"{page}.md").read_text(encoding="utf-8")
    content = html[html.index('class="md-content"'):]
    assert says in content and content.index(says) < content.index("<h2")


def test_calendars_of_a_text_in_force_carry_no_such_notice(site):
    html = built_file(site, "dak-lak-vp-ubnd-2025/moc-thoi-gian.md").read_text(encoding="utf-8")
    assert "qc-superseded" not in html
