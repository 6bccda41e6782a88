"""Vietnamese public holidays, for flagging dates in the calendars.

Statutory days off under Bộ luật Lao động 2019, Điều 112. Lunar dates are
converted for each year below. The exact Tết days and the day adjacent to
Quốc khánh are fixed by the Prime Minister each year; where that decision is
not recorded here, the common pattern (one day before Tết and four after; 1/9
with 2/9) is used and labelled as such on the pages.
"""
from __future__ import annotations

import datetime as dt

#: Solar dates of the lunar new year (mùng 1 Tết) and Giỗ Tổ Hùng Vương (10/3 âm lịch).
LUNAR = {
    2025: (dt.date(2025, 1, 29), dt.date(2025, 4, 7)),
    2026: (dt.date(2026, 2, 17), dt.date(2026, 4, 26)),
    2027: (dt.date(2027, 2, 6), dt.date(2027, 4, 16)),
    2028: (dt.date(2028, 1, 26), dt.date(2028, 4, 4)),
}

ASSUMED = "theo thông lệ; ngày nghỉ cụ thể do Thủ tướng quyết định hằng năm"


def holidays(year: int) -> dict[dt.date, str]:
    """Day off -> its name, for one year (empty for years without lunar data)."""
    out = {
        dt.date(year, 1, 1): "Tết Dương lịch",
        dt.date(year, 4, 30): "Ngày Chiến thắng (30/4)",
        dt.date(year, 5, 1): "Ngày Quốc tế Lao động (1/5)",
        dt.date(year, 9, 2): "Quốc khánh (2/9)",
        dt.date(year, 9, 1): f"Nghỉ liền kề Quốc khánh ({ASSUMED})",
    }
    if year in LUNAR:
        tet, hung = LUNAR[year]
        for offset in range(-1, 4):
            out[tet + dt.timedelta(days=offset)] = f"Tết Nguyên đán ({ASSUMED})"
        out[hung] = "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
    return out


def day_off(day: dt.date) -> str | None:
    """Why a date is not a working day, or None."""
    name = holidays(day.year).get(day)
    if name:
        return name
    if day.weekday() == 5:
        return "Thứ Bảy"
    if day.weekday() == 6:
        return "Chủ nhật"
    return None
