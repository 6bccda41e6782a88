"""Public holidays for any year, computed for Vietnam (not the Chinese lunar calendar)."""
from __future__ import annotations

import datetime as dt

import pytest
import vnlunar

from quyche.holidays import day_off, holidays


def _solar(day: int, month: int, year: int) -> dt.date:
    d, m, y = vnlunar.convert_lunar_to_solar(day, month, year, 0, 7)
    return dt.date(y, m, d)


@pytest.mark.parametrize("year", [2029, 2030, 2035, 2050, 2075, 2100])
def test_tet_and_hung_kings_are_days_off_in_years_past_the_old_table(year):
    """The hand-kept table ended in 2028. Checked against a second, independent
    Vietnamese lunar calendar (vnlunar, time zone UTC+7)."""
    tet = _solar(1, 1, year)
    assert "Tết Nguyên Đán" in day_off(tet)
    assert "Tết" in day_off(tet + dt.timedelta(days=1)) and "Tết" in day_off(tet - dt.timedelta(days=1))
    assert "Hùng Vương" in day_off(_solar(10, 3, year))


@pytest.mark.parametrize("year,vietnam,china", [(1985, dt.date(1985, 1, 21), dt.date(1985, 2, 20)),
                                                 (2007, dt.date(2007, 2, 17), dt.date(2007, 2, 18))])
def test_tet_follows_the_vietnamese_calendar_where_it_differs_from_the_chinese(year, vietnam, china):
    assert holidays(year)[vietnam] == "Tết Nguyên Đán"
    assert holidays(year).get(china) != "Tết Nguyên Đán"   # mùng 2, or not Tết at all


def test_solar_holidays_and_weekends():
    for year in (2026, 2031, 2042):
        for day in (dt.date(year, 1, 1), dt.date(year, 4, 30), dt.date(year, 5, 1), dt.date(year, 9, 2)):
            assert day_off(day), day
    assert day_off(dt.date(2026, 12, 5)) == "Thứ Bảy" and day_off(dt.date(2026, 12, 6)) == "Chủ nhật"
    assert day_off(dt.date(2026, 12, 2)) is None
