"""What a reader meets around the text: sentences cut by the source's page breaks
read as one, each printed page says what it is, the dates a text applies from and was
last changed, role cards by body with the texts in force first."""
from __future__ import annotations

import re

from support import built_file, built_url, repo_corpus

CORPUS, _ = repo_corpus()


def _page(site, *parts) -> str:
    """The built page of the docs directory ``parts`` (its index.md) or docs page (``x.md``)."""
    src = "/".join(parts)
    src = src if src.endswith(".md") else (src + "/index.md" if parts else "index.md")
    return built_file(site, src).read_text(encoding="utf-8")


def test_a_sentence_cut_by_a_page_break_reads_as_one_with_a_note_naming_the_clause(site):
    html = _page(site, "dak-lak-vp-ubnd-2025")
    reg = CORPUS["dak-lak-vp-ubnd-2025"]
    breaks = [d for d in reg.defects if d.kind == "page_break"]
    assert breaks
    for defect in breaks:
        # the second half sits inside the paragraph it continues, keeping its anchor
        paragraph = re.search(r"<p>(?:(?!</p>).)*" + f'id="{defect.unit}"', html, re.S)
        assert paragraph and 'class="qc-pb-mark"' in paragraph.group(0), defect.unit
        note = html[html.index(f'id="{defect.unit}"'):]
        note = note[note.index('class="qc-defect qc-pb-note"'):][:600]
        assert "dòng" not in note and "Ngắt trang của bản gốc" in note
    assert "Ngắt trang của bản gốc</span> ở Điều 6 khoản 3" in html or "khoản 3 Điều 6" in html
    # the data keeps the source as it is: the halves are still two units
    assert reg.unit(breaks[0].unit).text


def test_every_printable_page_names_its_document_status_and_address_for_print(site):
    for parts, words in [(("dak-lak-vp-ubnd-2025",), "Đang có hiệu lực"),
                         (("dak-lak-vp-ubnd-2021", "moc-thoi-gian.md"), "Đã được thay thế"),
                         (("tra-vinh-dang-uy-khoi-2019", "vai-tro", "bi-thu.md"), "Hết nhiệm kỳ"),
                         (("moc-thoi-gian.md",), "tất cả văn bản")]:
        html = _page(site, *parts)
        style = re.search(r"<style>(.*?@top-left.*?)</style>", html, re.S)
        assert style, parts
        assert built_url("/".join(parts) if parts[-1].endswith(".md") else "/".join(parts) + "/index.md") in style.group(1)
        assert "@bottom-left" in style.group(1)
        assert 'class="md-button qc-print"' in html
        # the text is in a CSS string: Vietnamese kept, only quote-like characters escaped
        assert words.split()[0] in style.group(1)


def test_a_regulation_page_says_since_when_the_text_applies_and_when_it_was_last_changed(site):
    html = _page(site, "dak-lak-vp-ubnd-2025")
    # (search marks table cells with a space before their end: \s*)
    assert re.search(r'Hiệu lực từ\s*</th><td>17/07/2025 <span class="qc-muted">\(«có hiệu lực từ ngày ký»', html)
    assert re.search(r"Cập nhật lần cuối\s*</th><td>\d\d/\d\d/\d{4}", html)
    assert re.search(r"Hiệu lực từ\s*</th><td>Văn bản không ghi", _page(site, "dak-lak-vp-ubnd-2021"))


def test_the_role_card_index_is_by_body_with_the_texts_in_force_first_and_marked(site):
    html = _page(site, "vai-tro.md")
    by_body = html[:html.index('id="theo-chuc-danh"')]
    assert by_body.index("Văn phòng UBND tỉnh Đắk Lắk (2025)") < by_body.index("Văn phòng UBND tỉnh Đắk Lắk (2021)")
    assert by_body.count("qc-status-superseded") >= 1 and by_body.count("qc-status-term_ended") >= 2
    # the first body listed has a text in force; ended terms come after
    first_body = re.search(r'<h2 id="co-quan-1">([^<]+)</h2>', html).group(1)
    assert first_body == CORPUS["dak-lak-vp-ubnd-2025"].metadata.issuing_body


def test_role_cards_put_current_duties_before_the_changes_and_show_clauses_whole(site):
    html = _page(site, "dak-lak-vp-ubnd-2025", "vai-tro", "chanh-van-phong.md")
    assert html.index('id="nhiem-vu"') < html.index('id="thay-doi"')
    expanders = re.findall(r'<details class="qc-fulltext"><summary>(.*?)… <span class="qc-muted">\(xem đủ\)</span>'
                           r'</summary>(.*?)</details>', html, re.S)
    assert expanders
    for short, full in expanders:   # the first words, cut between words, and the whole text
        assert full.startswith(short) and full[len(short)] in " ,;:.", (short[-20:], full[len(short):][:20])
