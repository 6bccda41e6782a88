"""Cross-body topic pages cover every regulation; amendment marks are listed as the text shows them."""
from __future__ import annotations

import pytest

from quyche.loader import Project, load_valid_corpus
from quyche.marks import marks
from quyche.normalize import normalize
from quyche.topics import TOPICS, matrix

from support import ROOT

CORPUS = load_valid_corpus(Project(ROOT))
DIEN_BIEN = next(r for r in CORPUS if r.slug == "dien-bien-tinh-uy-2020-2025")


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.slug)
def test_every_topic_has_a_column_for_every_regulation(topic):
    cells = matrix(topic, CORPUS)
    assert [reg.slug for reg, _ in cells] == [r.slug for r in CORPUS]
    assert any(facts for _, facts in cells), f"{topic.slug}: no regulation has such a fact"


def test_leadership_meetings_of_all_four_bodies_are_compared():
    topic = next(t for t in TOPICS if t.slug == "hop-lanh-dao")
    found = {reg.slug: {f.id for f in facts} for reg, facts in matrix(topic, CORPUS)}
    assert all(found.values()), found
    assert "giao-ban-van-phong" in found["dak-lak-vp-ubnd-2025"] and "giao-ban-van-phong" in found["dak-lak-vp-ubnd-2021"]


def test_committee_meetings_are_absent_only_where_the_text_has_no_committee():
    topic = next(t for t in TOPICS if t.slug == "ban-thuong-vu-ban-chap-hanh")
    empty = {reg.slug for reg, facts in matrix(topic, CORPUS) if not facts}
    assert empty == {"dak-lak-vp-ubnd-2021", "dak-lak-vp-ubnd-2025"}


def test_amendment_marks_are_spans_of_the_text_with_their_style():
    found = marks(DIEN_BIEN)
    assert len(found) > 20
    for mark in found:
        assert mark.text in normalize(mark.unit.text)
        if mark.article is None:
            assert mark.unit.id.startswith("mo-dau-") and normalize(mark.unit.text).strip("*").startswith("Căn cứ")
        else:
            assert mark.unit.id.startswith(mark.article.id)
        marker = {"nghiêng": "*", "đậm": "**", "đậm và nghiêng": "***"}[mark.style]
        assert marker in mark.unit.text


def test_bold_clause_numbers_are_typography_not_amendments():
    assert not [m for m in marks(DIEN_BIEN) if m.text in ("1.", "2.", "3.")]


def test_the_added_legal_basis_is_a_mark_but_the_title_and_signature_are_typography():
    front = [m for m in marks(DIEN_BIEN) if m.article is None]
    assert [(m.unit.id, m.style, m.whole) for m in front] == [("mo-dau-doan-6", "đậm và nghiêng", True)]
    assert front[0].text.startswith("Căn cứ Quy định số 80-QĐ/TW, ngày 18/8/2022")
    ids = {m.unit.id for m in marks(DIEN_BIEN)}
    assert not ids & {"mo-dau-doan-1", "chu-ky-doan-1"} and not any(i.startswith("noi-nhan") for i in ids)


def test_only_texts_whose_marks_mean_amendments_get_the_view():
    assert [r.slug for r in CORPUS if r.metadata.marks_amendments] == ["dien-bien-tinh-uy-2020-2025"]
