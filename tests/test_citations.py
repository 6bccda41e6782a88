"""One citation for every unit, in Vietnamese order, smallest unit first, from the model's tree.

Tested on the numbering schemes of all four texts: Điều-based (with khoản
"1.", "1/-", "**1.**", mục "(1)-", dash items and paragraphs), the 2021
outline (A. → I. → 1. → 1.1. → a)), and the blocks outside the text.
"""
from __future__ import annotations

import re

import pytest

from quyche.vietnamese import BLOCK_NAMES

from support import SLUGS, repo_corpus

CORPUS, _ = repo_corpus()


@pytest.mark.parametrize("slug,unit_id,citation", [
    # Đắk Lắk 2025: Điều / khoản "1." / điểm / gạch đầu dòng / đoạn
    ("dak-lak-vp-ubnd-2025", "dieu-19", "Điều 19"),
    ("dak-lak-vp-ubnd-2025", "dieu-19-khoan-2", "khoản 2 Điều 19"),
    ("dak-lak-vp-ubnd-2025", "dieu-19-khoan-1-diem-b", "điểm b khoản 1 Điều 19"),
    ("dak-lak-vp-ubnd-2025", "dieu-19-khoan-2-gach-1", "gạch đầu dòng thứ nhất khoản 2 Điều 19"),
    ("dak-lak-vp-ubnd-2025", "dieu-19-khoan-2-gach-2", "gạch đầu dòng thứ hai khoản 2 Điều 19"),
    ("dak-lak-vp-ubnd-2025", "dieu-22-khoan-2-doan-1", "đoạn thứ nhất khoản 2 Điều 22"),
    ("dak-lak-vp-ubnd-2025", "chuong-i", "Chương I"),
    ("dak-lak-vp-ubnd-2025", "quyet-dinh-noi-nhan", "Nơi nhận của Quyết định"),
    ("dak-lak-vp-ubnd-2025", "quyet-dinh-dieu-1", "Điều 1, Quyết định ban hành"),
    # Trà Vinh 2019: khoản "1/-", paragraphs directly under an article, blocks
    ("tra-vinh-dang-uy-khoi-2019", "dieu-1-khoan-4", "khoản 4 Điều 1"),
    ("tra-vinh-dang-uy-khoi-2019", "dieu-10-doan-1", "đoạn thứ nhất Điều 10"),
    ("tra-vinh-dang-uy-khoi-2019", "dieu-5-khoan-1-doan-1", "đoạn thứ nhất khoản 1 Điều 5"),
    ("tra-vinh-dang-uy-khoi-2019", "noi-nhan", "Nơi nhận"),
    ("tra-vinh-dang-uy-khoi-2019", "mo-dau-gach-2", "gạch đầu dòng thứ hai, Phần đầu"),
    ("tra-vinh-dang-uy-khoi-2019", "chu-ky-doan-3", "đoạn thứ ba, Chữ ký"),
    # Điện Biên: mục "(1)-" inside a khoản, dash items under it
    ("dien-bien-tinh-uy-2020-2025", "dieu-3-khoan-5-muc-2-gach-5", "gạch đầu dòng thứ năm mục 2 khoản 5 Điều 3"),
    ("dien-bien-tinh-uy-2020-2025", "dieu-2-khoan-3-doan-1", "đoạn thứ nhất khoản 3 Điều 2"),
    ("dien-bien-tinh-uy-2020-2025", "noi-nhan-gach-2", "gạch đầu dòng thứ hai, Nơi nhận"),
    # Đắk Lắk 2021: the outline A. → I. → 1. → 1.1. → a)
    ("dak-lak-vp-ubnd-2021", "muc-b-ii-5-1-a", "điểm a khoản 5.1 mục II phần B"),
    ("dak-lak-vp-ubnd-2021", "muc-b-ii-5-1", "khoản 5.1 mục II phần B"),
    ("dak-lak-vp-ubnd-2021", "muc-b-ii-6", "khoản 6 mục II phần B"),
    ("dak-lak-vp-ubnd-2021", "muc-b-ii", "mục II phần B"),
    ("dak-lak-vp-ubnd-2021", "muc-a-2", "khoản 2 phần A"),
    ("dak-lak-vp-ubnd-2021", "trang-web-cuoi-doan-1", "đoạn thứ nhất, Phần cuối trang web"),
])
def test_a_unit_is_cited_smallest_first(slug, unit_id, citation):
    assert CORPUS[slug].citation(unit_id) == citation


def _units():
    return [(slug, u.id) for slug in SLUGS for u in CORPUS[slug].walk()]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_unit_has_its_own_citation_and_none_shows_an_id(slug):
    reg = CORPUS[slug]
    cited = {u.id: reg.citation(u.id) for u in reg.walk()}
    raw = {i: c for i, c in cited.items() if re.search(r"[a-z]+-[a-z0-9]+", c)}
    assert not raw, f"citations showing an id: {raw}"
    twice = {}
    for unit_id, citation in cited.items():
        twice.setdefault(citation, []).append(unit_id)
    assert not {c: ids for c, ids in twice.items() if len(ids) > 1}, "two units share one citation"


@pytest.mark.parametrize("slug", SLUGS)
def test_no_citation_uses_the_old_order(slug):
    """'Điều 19 khoản 2' is the order readers do not use; the article always comes last."""
    reg = CORPUS[slug]
    old_order = [c for u in reg.walk() if re.search(r"Điều \d+ (khoản|điểm|đoạn|gạch)", c := reg.citation(u.id))]
    assert not old_order


def test_every_block_name_is_known_to_the_citation():
    blocks = {u.id for reg in CORPUS.values() for u in reg.walk() if u.kind == "khoi"}
    for block in blocks:
        assert any(block == p or block.startswith(p + "-") for p in BLOCK_NAMES), block


@pytest.mark.parametrize("slug", SLUGS)
def test_a_regulation_page_shows_no_unit_id_as_text(site, slug):
    """Ids are anchors, never words a reader sees (the lists of anomalies and source defects
    showed 'dieu-6-khoan-3-doan-1')."""
    import re
    page = next(p for p in (site / f"{slug}.html", site / slug / "index.html") if p.exists())
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", page.read_text(encoding="utf-8"), flags=re.S))
    ids = {u.id for u in CORPUS[slug].walk()}
    shown = sorted({w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text) if w in ids})
    assert not shown
