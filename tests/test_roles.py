"""Role cards: one per post, holding every fact that involves it, every line linked to a clause."""
from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest

from quyche.loader import Project, load_valid_corpus
from quyche.roles import card, changes, involved
from support import built_file, link

from support import ROOT

CORPUS = {r.slug: r for r in load_valid_corpus(Project(ROOT))}
ACTORS = [(reg, actor) for reg in CORPUS.values() for actor in reg.actors if involved(reg, actor.id)]


def _names_in_the_data(reg, actor) -> dict[str, str]:
    """Fact id -> name of every fact whose YAML names the actor in any role (read from the
    facts' fields themselves, not through the card)."""
    keys = ("chair", "substitute", "owner")
    lists = ("attendees", "invited", "senders", "receivers")
    return {f.id: f.name for f in reg.facts
            if any(getattr(f, k) == actor.id for k in keys) or any(actor.id in getattr(f, k) for k in lists)}


@pytest.mark.parametrize("reg,actor", ACTORS, ids=[f"{r.slug}/{a.id}" for r, a in ACTORS])
def test_every_fact_of_an_actor_is_on_its_rendered_card(site, reg, actor):
    page = built_file(site, f"{reg.slug}/vai-tro/{actor.id}.md").read_text(encoding="utf-8")
    body = page[page.index('class="qc-card"'):]
    missing = {fid: name for fid, name in _names_in_the_data(reg, actor).items()
               if html.escape(name, quote=False) not in body}
    assert not missing, f"facts of {actor.id} not on its card: {missing}"


class _Card(HTMLParser):
    """Collects, for each list item and table row of the card, whether it links to a clause."""

    def __init__(self):
        super().__init__()
        self.in_card = 0
        self.in_head = False
        self.items: list[list[str]] = []
        self.stack: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and "qc-card" in (a.get("class") or "").split():
            self.in_card = 1
        elif tag == "div" and self.in_card:
            self.in_card += 1
        if not self.in_card:
            return
        if tag == "thead":
            self.in_head = True
        if tag in ("li", "tr") and not self.in_head:
            self.stack.append([])
        if tag == "a" and self.stack:
            for item in self.stack:
                item.append(a.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "div" and self.in_card:
            self.in_card -= 1
        if tag == "thead":
            self.in_head = False
        if tag in ("li", "tr") and self.stack and self.in_card and not self.in_head:
            self.items.append(self.stack.pop())


@pytest.mark.parametrize("reg,actor", ACTORS, ids=[f"{r.slug}/{a.id}" for r, a in ACTORS])
def test_every_line_of_a_card_links_to_a_clause(site, reg, actor):
    page = built_file(site, f"{reg.slug}/vai-tro/{actor.id}.md")
    parser = _Card()
    parser.feed(page.read_text(encoding="utf-8"))
    rows = parser.items[1:] if parser.items and not parser.items[0] else parser.items
    assert rows, "an empty card"
    # Header rows (in <thead>) are not collected; every other row and item links to a clause.
    unlinked = [i for i, hrefs in enumerate(rows) if not any("#" in h for h in hrefs)]
    assert not unlinked, f"rows {unlinked} of the card link to no clause"


def test_chanh_van_phong_card_shows_the_giao_ban_change_between_versions():
    old, new = CORPUS["dak-lak-vp-ubnd-2021"], CORPUS["dak-lak-vp-ubnd-2025"]
    found = changes(card(old, old.actor("chanh-van-phong"), 2026), card(new, new.actor("chanh-van-phong"), 2026))
    giao_ban = next(c for c in found if c.new and c.new.id == "giao-ban-van-phong")
    assert giao_ban.kind == "schedule"
    assert "thứ Sáu" in giao_ban.old.schedule.words and "ngày 25" in giao_ban.new.schedule.words


@pytest.mark.parametrize("slug,actor_id,chairs", [
    ("dak-lak-vp-ubnd-2025", "chanh-van-phong", "giao-ban-van-phong"),
    ("dak-lak-vp-ubnd-2021", "chanh-van-phong", "giao-ban-van-phong"),
    ("tra-vinh-dang-uy-khoi-2019", "bi-thu", "hoi-nghi-ban-chap-hanh"),
    ("dien-bien-tinh-uy-2020-2025", "bi-thu", "hoi-nghi-tinh-uy"),
])
def test_heads_chair_their_main_meetings(slug, actor_id, chairs):
    c = card(CORPUS[slug], CORPUS[slug].actor(actor_id), 2026)
    assert ("chair", chairs) in [(role, f.id) for role, f in c.meetings]


def test_the_roles_index_groups_comparable_posts(site):
    html = built_file(site, "vai-tro.md").read_text(encoding="utf-8")
    secretary = html[html.index('id="party_secretary"'):]
    secretary = secretary[:secretary.index("</ul>")]
    for slug in ("tra-vinh-dang-uy-khoi-2019", "dien-bien-tinh-uy-2020-2025"):
        assert f'href="{link("vai-tro.md", f"{slug}/vai-tro/bi-thu.md")}"' in secretary


def test_a_post_that_may_be_invited_is_not_shown_as_a_standing_attendee(site):
    """Điện Biên Đ22.1: "thành phần mời dự hội nghị Thường trực Tỉnh ủy có thể gồm: Chánh
    văn phòng Tỉnh ủy" — the Chánh Văn phòng's card says "may be invited", not "attends"."""
    html = built_file(site, "dien-bien-tinh-uy-2020-2025/vai-tro/chanh-van-phong.md").read_text(encoding="utf-8")
    html = html.replace(" </td>", "</td>")   # the space search puts at cell ends (quyche.site.search.mark_page)
    assert ('<tr><td data-label="Cuộc họp">Họp Thường trực Tỉnh ủy</td>'
            '<td data-label="Vai trò">Có thể được mời dự (tùy nội dung)</td>') in html
