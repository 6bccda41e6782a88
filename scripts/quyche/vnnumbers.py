"""Numbers, weekdays and periods as Vietnamese texts write them.

Used to check that every number of a structured schedule is one the text
actually states, whether as digits ("02 ngày", "25/11") or words ("mỗi tháng
một lần", "tuần thứ hai", "tháng Bảy").
"""
from __future__ import annotations

import re

from .normalize import normalize

WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
}
WEEKDAYS = {"MO": "thứ hai", "TU": "thứ ba", "WE": "thứ tư", "TH": "thứ năm",
            "FR": "thứ sáu", "SA": "thứ bảy", "SU": "chủ nhật"}
WEEKDAY_NAMES = {"MO": "thứ Hai", "TU": "thứ Ba", "WE": "thứ Tư", "TH": "thứ Năm",
                 "FR": "thứ Sáu", "SA": "thứ Bảy", "SU": "Chủ nhật"}
PERIOD_WORDS = {"DAILY": ("ngày",), "WEEKLY": ("tuần",), "MONTHLY": ("tháng", "quý"),
                "YEARLY": ("năm",)}

#: A schedule expression: the completeness gate requires a fact or a waiver
#: for every unit whose text contains one.
SCHEDULE_EXPRESSION = re.compile(
    r"\b(?:hằng|hàng) (?:ngày|tuần|tháng|quý|năm)\b|định kỳ|\bmỗi (?:ngày|tuần|tháng|quý|năm)\b"
    r"|\blần\s*/\s*(?:tuần|tháng|quý|năm)\b|\bngày \d{1,2}(?![/\d])|trước ngày|chậm nhất"
    r"|\bthứ (?:hai|ba|tư|năm|sáu|bảy)\b|ít nhất \d+ ngày"
    r"|\b(?:đầu|giữa|cuối|từng|mỗi) nhiệm kỳ\b|\btoàn kh(?:óa|oá)\b",
    re.IGNORECASE)


def schedule_expressions(text: str) -> list[str]:
    return [m.group(0) for m in SCHEDULE_EXPRESSION.finditer(normalize(text))]


def numbers_in(text: str) -> set[int]:
    """Every number a text states, in digits or in words, plus those a period implies."""
    plain = normalize(text).lower()
    found = {int(d) for d in re.findall(r"\d+", plain)}
    for word, value in WORDS.items():
        if re.search(rf"(?<!\w){word}(?!\w)", plain):
            found.add(value)
    if "quý" in plain:
        found |= {3, 6, 9, 12}    # a quarter is three months; quarters end in 3, 6, 9, 12
    if "tuần" in plain:
        found.add(7)
    return found


#: Weekdays written with digits, as texts often do ("thứ 5" = thứ Năm).
WEEKDAY_DIGITS = {"MO": "thứ 2", "TU": "thứ 3", "WE": "thứ 4", "TH": "thứ 5", "FR": "thứ 6", "SA": "thứ 7"}


def has_weekday(text: str, code: str) -> bool:
    plain = normalize(text).lower()
    digits = WEEKDAY_DIGITS.get(code)
    return WEEKDAYS[code] in plain or bool(digits and re.search(rf"{digits}(?!\d)", plain))


def has_period(text: str, freq: str) -> bool:
    plain = normalize(text).lower()
    return any(word in plain for word in PERIOD_WORDS.get(freq, ()))
