"""The pure readers, table by table: each row an input and what it must give.

Invented phrases stand beside the corpus's own: these readers will meet
regulations that are not in this repository.
"""
from __future__ import annotations

import datetime as dt

import pytest

from quyche.actor_names import is_named
from quyche.holidays import day_off, holidays
from quyche.normalize import slugify
from quyche.model import Actor, Metadata, Regulation
from quyche.schedule import shift
from quyche.site.navigation import LIMIT, shorten
from quyche.vietnamese import has_weekday, numbers_in


# --- is an actor named in a text? -------------------------------------------------------------

def _reg(*names: tuple[str, ...]) -> Regulation:
    """A regulation that holds only actors: the first name of each tuple is its name, the rest aliases."""
    meta = Metadata("", "", "", "", None, None, None, None, None, "in_force", (), "", "dieu")
    actors = tuple(Actor(f"a{i}", n[0], "individual", 0, aliases=n[1:]) for i, n in enumerate(names))
    return Regulation("x", None, None, meta, (), actors=actors)


OFFICE = _reg(("Chánh Văn phòng",), ("Phó Chánh Văn phòng",), ("Văn phòng",), ("Tỉnh ủy",),
              ("Thường trực Tỉnh ủy", "Thường trực"), ("Ủy ban nhân dân tỉnh", "UBND tỉnh"))


@pytest.mark.parametrize("name,text,named", [
    ("Chánh Văn phòng", "Chánh Văn phòng chủ trì cuộc họp", True),
    ("Chánh Văn phòng", "do Phó Chánh Văn phòng chủ trì", False),             # only inside a longer title
    ("Chánh Văn phòng", "Chánh Văn phòng, Phó Chánh Văn phòng dự họp", True),  # once on its own
    ("Phó Chánh Văn phòng", "các phó chánh văn phòng theo dõi", True),          # case does not matter
    ("Văn phòng", "Chánh Văn phòng ký", False),
    ("Tỉnh ủy", "báo cáo Thường trực Tỉnh ủy", False),
    ("Tỉnh ủy", "báo cáo Tỉnh ủy và Thường trực Tỉnh ủy", True),
    ("Thường trực Tỉnh ủy", "xin ý kiến Thường trực", True),                    # by its alias
    ("Ủy ban nhân dân tỉnh", "trình UBND tỉnh xem xét", True),
    ("Tỉnh ủy", "Tỉnh ủyviên", False),                                           # whole words only
    ("Chánh Văn phòng", "Chánh  Văn\nphòng", True),                               # any white space
], ids=lambda v: v if isinstance(v, str) else None)
def test_an_actor_is_named_as_whole_words_not_inside_another_title(name, text, named):
    actor = next(a for a in OFFICE.actors if a.name == name)
    assert is_named(OFFICE, actor, text) is named


# --- moving a date by calendar or working days ------------------------------------------------

@pytest.mark.parametrize("day,days,working,expected", [
    (dt.date(2026, 1, 23), -2, False, dt.date(2026, 1, 21)),    # "trước họp giao ban 02 ngày"
    (dt.date(2026, 1, 23), 3, True, dt.date(2026, 1, 28)),      # Friday + 3 working days: Wednesday
    (dt.date(2026, 1, 26), -1, True, dt.date(2026, 1, 23)),     # Monday - 1 working day: Friday
    (dt.date(2026, 1, 24), 1, True, dt.date(2026, 1, 26)),      # from a Saturday: the next Monday
    (dt.date(2026, 2, 27), 2, False, dt.date(2026, 3, 1)),      # across the end of February
    (dt.date(2026, 5, 5), 0, True, dt.date(2026, 5, 5)),
    (dt.date(2026, 12, 31), 1, True, dt.date(2027, 1, 1)),      # working days count Monday to Friday only
])
def test_shift_counts_calendar_or_working_days(day, days, working, expected):
    assert shift(day, days, working) == expected


# --- numbers and weekdays a text states ---------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("mỗi tháng 01 lần, vào ngày 25", {1, 25}),
    ("trước ít nhất 02 ngày", {2}),
    ("hai mươi lăm ngày", {25}),
    ("ba mươi mốt", {31}),
    ("mười lăm ngày làm việc", {15}),
    ("báo cáo quý", {3, 6, 9, 12}),                      # a quarter ends in month 3, 6, 9 or 12
    ("họp hằng tuần", {7}),
    ("nửa tháng một lần", {1, 2}),
    ("trước ngày 15 tháng Chạp", {15, 12}),
    ("tháng Giêng hằng năm", {1}),                       # "hằng năm" is yearly, not five
    ("báo cáo năm 2025", {2025}),
    ("trong năm ngày làm việc", {5}),
    ("tuần thứ nhất và tuần thứ tư", {1, 4, 7}),
    ("trên 1/2 số thành viên", {1, 2}),
    ("không có con số nào", set()),
])
def test_numbers_in_reads_digits_words_and_periods(text, expected):
    assert numbers_in(text) == expected


@pytest.mark.parametrize("text,code,named", [
    ("vào ngày thứ hai hàng tuần", "MO", True),
    ("sáng Thứ Hai", "MO", True),
    ("chiều thứ 6", "FR", True),
    ("thứ Sáu của tuần thứ hai", "FR", True),
    ("thứ Sáu của tuần thứ hai", "MO", False),            # "tuần thứ hai" is a week, not Monday
    ("Chủ nhật", "SU", True),
    ("trực CN", "SU", True),
    ("thứ tư", "WE", True),
    ("ngày 2/9", "MO", False),
    ("thứ 7/2025", "SA", False),                           # a fraction, not a weekday
])
def test_has_weekday(text, code, named):
    assert has_weekday(text, code) is named


# --- public holidays ------------------------------------------------------------------------------

@pytest.mark.parametrize("day,off", [
    (dt.date(2026, 1, 1), True),
    (dt.date(2026, 2, 16), True),     # the day before Tết 2026 (17/2)
    (dt.date(2026, 2, 20), True),     # the fourth day of Tết
    (dt.date(2026, 2, 23), False),    # back to work (a Monday)
    (dt.date(2026, 4, 26), True),     # Giỗ Tổ Hùng Vương, 10/3 âm lịch
    (dt.date(2026, 4, 30), True),
    (dt.date(2026, 5, 1), True),
    (dt.date(2026, 9, 2), True),
    (dt.date(2027, 2, 6), True),      # Tết 2027
    (dt.date(2026, 3, 9), False),     # an ordinary Monday
])
def test_holidays_of_a_year(day, off):
    assert (day in holidays(day.year)) is off


@pytest.mark.parametrize("day,why", [
    (dt.date(2026, 3, 7), "Thứ Bảy"),
    (dt.date(2026, 3, 8), "Chủ nhật"),
    (dt.date(2026, 3, 9), None),
    (dt.date(2026, 9, 2), "Quốc khánh"),
])
def test_day_off_says_why(day, why):
    assert day_off(day) == why


# --- the navigation stays short ------------------------------------------------------------------

def _section(n: int) -> list:
    return [f"p{i}.md" for i in range(n)]


def test_a_section_of_more_than_the_limit_moves_to_a_page_of_its_own():
    nav = ["index.md", {"Vai trò": _section(LIMIT + 1)}, {"Chủ đề": _section(LIMIT)}]
    out, moved = shorten(nav)
    assert [m.title for m in moved] == ["Vai trò"]
    assert out[0] == "index.md" and out[2] == {"Chủ đề": _section(LIMIT)}
    assert out[1] == {"Vai trò": moved[0].path} and moved[0].entries == _section(LIMIT + 1)


def test_nested_pages_count_toward_the_limit():
    nested = {"Văn bản": [{"Một": _section(LIMIT // 2 + 1)}, {"Hai": _section(LIMIT // 2)}]}
    out, moved = shorten([nested])
    assert len(moved) == 1 and out == [{"Văn bản": moved[0].path}]


def test_a_short_nav_is_unchanged():
    nav = ["index.md", {"Văn bản": ["a.md", {"B": "b.md"}]}, {"Trang": "https://example.org/"}]
    assert shorten(nav) == (nav, [])


# --- anchors of Markdown headings ---------------------------------------------------------------

@pytest.mark.parametrize("heading,anchor", [
    ("Họp lãnh đạo, thường trực và giao ban", "hop-lanh-dao-thuong-truc-va-giao-ban"),
    ("Đường dẫn tới Điều 19", "duong-dan-toi-dieu-19"),
    ("Chu kỳ báo cáo", "chu-ky-bao-cao"),
    ("  Số lượng tham dự (quorum)  ", "so-luong-tham-du-quorum"),
])
def test_heading_anchors_keep_dd_as_d(heading, anchor):
    assert slugify(heading) == anchor


def test_headings_of_the_built_site_are_anchored_by_that_slugify(site):
    """Markdown headings (those with a ¶ permalink) carry the anchor slugify gives their text."""
    import html
    import re
    wrong = []
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for m in re.finditer(r'<h([2-6]) id="([^"]+)">(.*?)<a class="headerlink"', text):
            words = html.unescape(re.sub(r"<[^>]+>", "", m.group(3))).strip()
            if re.sub(r"_\d+$", "", m.group(2)) != slugify(words):
                wrong.append((str(page.relative_to(site)), m.group(2), words))
    assert not wrong, wrong[:10]
