"""Word and Excel files: what offices open, with Vietnamese intact, real dates, and
the text exactly as the data holds it."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from quyche.normalize import normalize
from quyche.office import docx_bytes, runs, with_bom, xlsx_bytes
from quyche.validity import end_of_use

from support import SLUGS, repo_corpus

CORPUS, _ = repo_corpus()
YEARS = range(2026, 2028)


def test_the_workbook_has_vietnamese_heads_a_row_per_deadline_and_real_dates():
    reg = CORPUS["dak-lak-vp-ubnd-2025"]
    book = load_workbook(io.BytesIO(xlsx_bytes([reg], "https://example.org", YEARS)))
    table, dated = book["Thời hạn"], book["Lịch"]
    assert [c.value for c in table[1]][:3] == ["Văn bản", "Loại việc", "Việc"]
    assert table.max_row - 1 == sum(f.type != "duty" for f in reg.facts)
    days = [row[0].value for row in dated.iter_rows(min_row=2)]
    assert days and all(isinstance(d, dt.datetime) for d in days) and days == sorted(days)
    assert dt.datetime(2026, 1, 25) in days                            # Điều 19.2: the 25th of each month
    assert dated.freeze_panes == "A2" and dated.auto_filter.ref


def test_the_superseded_texts_workbook_has_no_date_after_its_end():
    reg = CORPUS["dak-lak-vp-ubnd-2021"]
    end = end_of_use(reg, CORPUS)
    book = load_workbook(io.BytesIO(xlsx_bytes([reg], "https://example.org", range(2025, 2027), {reg.slug: end})))
    days = [row[0].value for row in book["Lịch"].iter_rows(min_row=2)]
    assert days and max(days).date() <= dt.date(2025, 7, 16)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_word_document_holds_every_unit_in_order_with_headings(slug):
    reg = CORPUS[slug]
    doc = Document(io.BytesIO(docx_bytes(reg, "https://example.org/x/")))
    text = normalize(" ".join(p.text for p in doc.paragraphs))
    position = 0
    for unit in reg.walk():
        piece = normalize("".join(t for t, _, _ in runs(unit.text.split("\n")[-1].lstrip("# "))))
        found = text.find(piece, position)
        assert found >= 0, (unit.id, piece[:60])
        position = found
    headings = [p for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) >= sum(1 for u in reg.walk() if u.kind in ("dieu", "chuong", "phan"))


def test_bold_and_italic_of_the_source_are_kept():
    assert runs("**Điều 1.** Ban *hành* x") == [("Điều 1.", True, False), (" Ban ", False, False),
                                              ("hành", False, True), (" x", False, False)]
    assert runs("a * b ** c") == [("a * b ** c", False, False)]     # unpaired marks stay text
    doc = Document(io.BytesIO(docx_bytes(CORPUS["dak-lak-vp-ubnd-2025"])))
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert any(t.startswith("Điều 1.") for t in bold)


def test_the_byte_order_mark_is_added_once():
    assert with_bom("Điều".encode()) == b"\xef\xbb\xbf" + "Điều".encode()
    assert with_bom(with_bom(b"x")) == b"\xef\xbb\xbfx"


def test_the_date_a_text_takes_effect_is_read_from_its_own_words():
    from dataclasses import replace
    from quyche.model import Unit
    from quyche.site.dates import took_effect
    reg = CORPUS["dak-lak-vp-ubnd-2025"]
    effect = took_effect(reg)
    assert effect.date == dt.date(2025, 7, 17) and "từ ngày ký" in effect.quote
    assert took_effect(CORPUS["dak-lak-vp-ubnd-2021"]) is None             # the text states none
    for words, day in [("Quyết định này có hiệu lực thi hành từ ngày 01/8/2024.", dt.date(2024, 8, 1)),
                       ("Quy chế có hiệu lực kể từ ngày 15 tháng 3 năm 2023 và thay thế …", dt.date(2023, 3, 15))]:
        invented = replace(reg, units=(Unit(id="dieu-1", kind="dieu", text=words, line=1),))
        assert took_effect(invented).date == day
