"""The one normalisation: what a YAML text may differ from its source by, and what not.

Forgiven: Unicode composition (NFC vs NFD), markdown heading markers (``##``),
emphasis markers (``*``), the amount and kind of whitespace. Everything else —
a letter, digit, diacritic or punctuation mark — is a difference.
"""
from __future__ import annotations

import unicodedata

import pytest

from quyche.normalize import NormalizedSource, fold, normalize

NFC_TEXT = "Chánh Văn phòng Ủy ban nhân dân tỉnh Đắk Lắk"
NFD_TEXT = unicodedata.normalize("NFD", NFC_TEXT)


def test_nfd_and_nfc_spellings_are_equal():
    assert NFD_TEXT != NFC_TEXT, "precondition: the two spellings differ as code points"
    assert normalize(NFD_TEXT) == normalize(NFC_TEXT) == NFC_TEXT


@pytest.mark.parametrize(("written", "normalised"), [
    pytest.param("**Điều 4.** Trách nhiệm", "Điều 4. Trách nhiệm", id="bold label"),
    pytest.param("**Điều 4. Trách nhiệm**", "Điều 4. Trách nhiệm", id="bold line"),
    pytest.param("*(chữ ký)*", "(chữ ký)", id="italic"),
    pytest.param("- Lãnh đạo **công chức, viên chức** trong", "- Lãnh đạo công chức, viên chức trong", id="bold span"),
    pytest.param("***Ghi chú***", "Ghi chú", id="bold italic"),
])
def test_emphasis_markers_are_dropped(written, normalised):
    assert normalize(written) == normalised


@pytest.mark.parametrize(("written", "normalised"), [
    pytest.param("## **Điều 2. Nhiệm vụ**", "Điều 2. Nhiệm vụ", id="h2"),
    pytest.param("#### Điều 23. Nguyên tắc", "Điều 23. Nguyên tắc", id="h4"),
    pytest.param("  ### Điều 1.", "Điều 1.", id="indented"),
    pytest.param("Điều 1.\n### Điều 2.", "Điều 1. Điều 2.", id="on a later line"),
])
def test_heading_markers_at_line_start_are_dropped(written, normalised):
    assert normalize(written) == normalised


@pytest.mark.parametrize("written", [
    pytest.param("Số #5 của phòng", id="hash in a sentence"),
    pytest.param("#hashtag", id="no space after the hash"),
])
def test_a_hash_that_is_not_a_heading_marker_is_kept(written):
    assert normalize(written) == written


@pytest.mark.parametrize("written", [
    pytest.param("Chánh  Văn   phòng", id="spaces"),
    pytest.param("Chánh\tVăn\tphòng", id="tabs"),
    pytest.param("Chánh\nVăn\n\nphòng", id="newlines"),
    pytest.param("Chánh\u00a0Văn\u00a0phòng", id="no-break spaces"),
    pytest.param("  Chánh Văn phòng \n", id="ends trimmed"),
    pytest.param("Chánh  \nVăn phòng", id="markdown hard break"),
])
def test_whitespace_is_folded_to_one_space(written):
    assert normalize(written) == "Chánh Văn phòng"


@pytest.mark.parametrize(("source", "changed"), [
    pytest.param("Chánh Văn phòng", "Chanh Văn phòng", id="acute accent dropped"),
    pytest.param("Chánh Văn phòng", "Chành Văn phòng", id="accent changed"),
    pytest.param("Đắk Lắk", "Dắk Lắk", id="d-stroke vs d"),
    pytest.param("ngày 25 của tháng", "ngày 26 của tháng", id="digit"),
    pytest.param("phối hợp, thực hiện", "phối hợp thực hiện", id="comma dropped"),
    pytest.param("Văn phòng", "văn phòng", id="case"),
    pytest.param("Quy chế này", "Quy chế", id="word dropped"),
])
def test_a_letter_digit_diacritic_or_mark_is_a_difference(source, changed):
    assert normalize(source) != normalize(changed)


def test_normalisation_is_idempotent():
    text = "## **Điều 19.** Các  hội nghị\n\n- Tổ chức *mỗi* tháng"
    assert normalize(normalize(text)) == normalize(text)


def test_fold_ignores_case_and_diacritics_for_search_only():
    assert fold("Chánh Văn phòng Đắk Lắk") == "chanh van phong dak lak"
    assert fold(NFD_TEXT) == fold(NFC_TEXT)


def test_normalized_source_remembers_the_line_of_every_character():
    raw = "## **Điều 1.**\n\nKhoản  một\n- gạch"
    source = NormalizedSource(raw)
    assert source.text == "Điều 1. Khoản một - gạch"
    assert source.line_at(source.text.index("Điều")) == 1
    assert source.line_at(source.text.index("Khoản")) == 3
    assert source.line_at(source.text.index("- gạch")) == 4
    assert source.line_at(10_000) == 4, "an offset past the end is the last line"
