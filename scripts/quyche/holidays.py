"""Vietnamese public holidays, for flagging dates in the calendars.

From python-holidays (`holidays`, country VN), a maintained library released
every month: it computes the lunar dates for Vietnam (UTC+7, which puts Tết on
another day than the Chinese calendar in some years: 21/1/1985, 17/2/2007), for
any year from 1901 to 2100, and records the days off the Government decided for
the years it has decisions for (Tết, the day next to Quốc khánh, days in lieu);
later years follow Bộ luật Lao động 2019, Điều 112. A hand-kept table used to end
in 2028, after which Tết silently counted as a working day.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays as _library

SOURCE = ("ngày nghỉ lễ theo Bộ luật Lao động 2019, Điều 112 và các quyết định nghỉ Tết, nghỉ bù "
          "đã công bố (thư viện python-holidays); năm chưa có quyết định thì theo luật")


@lru_cache(maxsize=None)
def holidays(year: int) -> dict[dt.date, str]:
    """Day off -> its name in Vietnamese, for one year."""
    days = _library.country_holidays("VN", years=year, language="vi")
    return {day: name for day, name in sorted(days.items()) if day.year == year}


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
