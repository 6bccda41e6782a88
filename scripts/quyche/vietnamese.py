"""Facts of the Vietnamese language and of Vietnamese administrative documents.

One place for every word list the project needs: weekdays, months, number
words, Roman numerals, the names of a document's units and of the blocks
outside its normative text, periods, and the way a date is written. Ids,
citations, ingest, checks, calendars and the time-expression reader
(``quyche.timeexpr``) all read them from here, so they cannot drift apart.

Everything here is data or a pure function of its argument; text is expected
in NFC (``quyche.normalize.nfc``).
"""
from __future__ import annotations

import datetime as dt
import re

# --------------------------------------------------------------------------
# Weekdays
# --------------------------------------------------------------------------

#: RFC 5545 weekday codes in Python's order (Monday = 0).
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

#: How a text names each weekday, capitalised as a reader sees it.
WEEKDAY_NAMES = {"MO": "thứ Hai", "TU": "thứ Ba", "WE": "thứ Tư", "TH": "thứ Năm",
                 "FR": "thứ Sáu", "SA": "thứ Bảy", "SU": "Chủ nhật"}

#: The ordinal word after "thứ" for each weekday, and the digit texts also use
#: ("thứ 5" = thứ Năm; Sunday has no digit form: "Chủ nhật", sometimes "CN").
_WEEKDAY_WORDS = {"hai": "MO", "ba": "TU", "tư": "WE", "bốn": "WE", "năm": "TH",
                  "sáu": "FR", "bảy": "SA", "2": "MO", "3": "TU", "4": "WE", "5": "TH",
                  "6": "FR", "7": "SA"}

#: A weekday anywhere in a text: "thứ Hai", "thứ 2", "Thứ hai", "Chủ nhật", "CN".
#: After a counted noun "thứ hai" is an ordinal, not a weekday: "tuần thứ hai"
#: (the second week), "lần thứ hai", "kỳ thứ hai"; after "ngày" it is Monday.
WEEKDAY_PATTERN = re.compile(
    r"(?<!\w)(?<!tuần )(?<!lần )(?<!kỳ )(?<!khóa )(?<!khoá )(?<!quý )(?<!đợt )(?<!phiên )(?<!mục )(?<!điều )(?<!khoản )"
    r"(?:th[ứư]\s+(hai|ba|tư|bốn|năm|sáu|bảy|[2-7])(?![\w/])|(chủ\s+nhật|CN)(?!\w))", re.I)


def weekday_code(match: re.Match) -> str:
    """The RFC 5545 code of a WEEKDAY_PATTERN match."""
    if match.group(2):
        return "SU"
    return _WEEKDAY_WORDS[match.group(1).lower()]


def weekday_name(day: dt.date, capital: bool = True) -> str:
    """'Thứ Hai' … 'Chủ nhật' for a date (capitalised at the start of a cell)."""
    name = WEEKDAY_NAMES[WEEKDAY_CODES[day.weekday()]]
    return name[0].upper() + name[1:] if capital else name


def has_weekday(text: str, code: str) -> bool:
    return any(weekday_code(m) == code for m in WEEKDAY_PATTERN.finditer(text))


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

#: Digits as words. "tư" is 4 only after "mươi" or in "thứ tư"/"tháng Tư";
#: "lăm"/"nhăm" is 5 after "mười"/"mươi"; "mốt" is 1 after "mươi".
UNITS = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
         "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mốt": 1}

#: A number written in words, up to 99: "hai", "mười lăm", "hai mươi lăm", "ba mươi mốt".
NUMBER_WORDS = re.compile(
    r"(?<!\w)(?:(?:(một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín)\s+mươi(?:\s+(mốt|hai|ba|bốn|tư|lăm|nhăm|năm|sáu|bảy|bẩy|tám|chín))?)"
    r"|(?:mười(?:\s+(một|hai|ba|bốn|lăm|nhăm|sáu|bảy|bẩy|tám|chín))?)"
    r"|(một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín))(?!\w)", re.I)


def words_value(match: re.Match) -> int:
    """The value of a NUMBER_WORDS match."""
    tens, tens_unit, teen, unit = (g.lower() if g else None for g in match.groups())
    if tens:
        return UNITS[tens] * 10 + (UNITS[tens_unit] if tens_unit else 0)
    if match.group(0).lower().startswith("mười"):
        return 10 + (UNITS[teen] if teen else 0)
    return UNITS[unit]


#: A count as texts write it: digits with or without leading zeros ("02"), or words.
NUMBER = r"(?:\d{1,3}|(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín)(?:\s+mươi(?:\s+(?:mốt|hai|ba|bốn|tư|lăm|nhăm|năm|sáu|bảy|tám|chín))?)?|mười(?:\s+(?:một|hai|ba|bốn|lăm|nhăm|sáu|bảy|tám|chín))?)"


def number_value(text: str) -> int | None:
    """'02' -> 2, 'hai mươi lăm' -> 25, 'mười' -> 10; None when it is not a number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    m = NUMBER_WORDS.fullmatch(text)
    return words_value(m) if m else None


#: "năm" as the year, not the number five: "hằng năm", "cả năm", "năm 2025"; but
#: "trong năm ngày" counts days.
YEAR_WORD = re.compile(
    r"(?<!\w)(hằng|hàng|mỗi|cả|cuối|đầu|giữa|trong|nửa|của)\s+năm(?!\w)(?!\s+(?:ngày|tuần|tháng|lần|người|giờ|buổi))"
    r"|(?<!\w)năm(?=\s+\d{4})", re.I)


def numbers_in(text: str) -> set[int]:
    """Every number a text states in digits or words, plus those a period implies
    (a quarter is three months and ends in month 3, 6, 9 or 12; a week is 7 days;
    "nửa tháng" is twice a month)."""
    plain = text.lower()
    found = {int(d) for d in re.findall(r"\d+", plain)}
    found |= {words_value(m) for m in NUMBER_WORDS.finditer(YEAR_WORD.sub(r"\1 ", plain))}
    for m in MONTH_NAME.finditer(plain):
        found.add(month_value(m.group(1)))
    if "quý" in plain:
        found |= {3, 6, 9, 12}
    if "tuần" in plain:
        found.add(7)
    if re.search(r"(?<!\w)nửa(?!\w)", plain):
        found.add(2)                 # half a month: twice a month
    for m in re.finditer(r"(?<!\w)thứ\s+(nhất|tư)(?!\w)|(?<!\w)(đầu tiên)(?!\w)", plain):
        found.add(4 if m.group(1) == "tư" else 1)
    return found


# --------------------------------------------------------------------------
# Months and dates
# --------------------------------------------------------------------------

#: Month names after "tháng" ("tháng Bảy", "tháng Giêng", "tháng Chạp").
MONTH_WORDS = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
               "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
MONTH = r"(?:0?[1-9]|1[0-2]|giêng|chạp|mười\s+một|mười\s+hai|mười|một|hai|ba|tư|năm|sáu|bảy|tám|chín)"
MONTH_NAME = re.compile(rf"(?<!\w)tháng\s+({MONTH})(?![\w/])", re.I)


def month_value(word: str) -> int:
    word = re.sub(r"\s+", " ", word.strip().lower())
    return int(word) if word.isdigit() else MONTH_WORDS[word]


#: "ngày 17 tháng 7 năm 2025", "ngày 17/7/2025", "17-7-2025".
DATE = re.compile(r"(?:ngày\s+)?(\d{1,2})\s*(?:tháng\s+|[/.-])(\d{1,2})\s*(?:năm\s+|[/.-])(\d{4})", re.I)


def parse_date(text: str) -> dt.date | None:
    """The first full date a text writes, or None (also None for impossible dates)."""
    m = DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def date_words(day: dt.date) -> str:
    """The administrative way to write a date: 'ngày 17 tháng 7 năm 2025'."""
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


# --------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------

#: Period keys of the model -> how a reader says them.
PERIODS = {"day": "ngày", "week": "tuần", "half_month": "nửa tháng", "month": "tháng",
           "quarter": "quý", "half_year": "6 tháng", "nine_months": "9 tháng", "year": "năm",
           "term": "nhiệm kỳ"}

#: How long each period is, in months (None: not a whole number of months).
PERIOD_MONTHS = {"day": None, "week": None, "half_month": None, "month": 1, "quarter": 3,
                 "half_year": 6, "nine_months": 9, "year": 12, "term": 60}

#: RFC 5545 frequencies and the words that name such a period in a text.
FREQ_WORDS = {"DAILY": ("ngày",), "WEEKLY": ("tuần",), "MONTHLY": ("tháng", "quý"), "YEARLY": ("năm",)}


#: The words that name each period of the model in a text.
PERIOD_NAMES = {"day": r"ngày", "week": r"tuần", "two_weeks": r"(?:2|02|hai)\s+tuần", "half_month": r"nửa\s+tháng",
                "month": r"tháng", "quarter": r"quý|(?:3|03|ba)\s+tháng",
                "half_year": r"(?:6|06|sáu)(?:\s*\(sáu\))?\s+tháng|nửa\s+năm",
                "nine_months": r"(?:9|09|chín)\s+tháng", "year": r"năm", "term": r"nhiệm\s+kỳ|kh[óo]a"}


def names_period(text: str, period: str) -> bool:
    pattern = PERIOD_NAMES.get(period)
    return bool(pattern and re.search(rf"(?<!\w)(?:{pattern})(?!\w)", text, re.I))


def has_period(text: str, freq: str) -> bool:
    plain = text.lower()
    return any(re.search(rf"(?<!\w){w}(?!\w)", plain) for w in FREQ_WORDS.get(freq, ()))


# --------------------------------------------------------------------------
# Roman numerals (chương, mục, quý)
# --------------------------------------------------------------------------

_ROMAN_VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(numeral: str) -> int | None:
    """'XIV' -> 14; None when it is not a Roman numeral."""
    total, prev = 0, 0
    for ch in reversed(numeral.upper()):
        value = _ROMAN_DIGITS.get(ch)
        if value is None:
            return None
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total or None


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN_VALUES:
        while n >= value:
            out, n = out + letters, n - value
    return out


# --------------------------------------------------------------------------
# Units of a document and blocks outside its normative text
# --------------------------------------------------------------------------

#: Vietnamese alphabetical order of điểm letters (no f, j, w, z; đ after d).
DIEM_LETTERS = "abcdđeghiklmnopqrstuvxy"

#: Names of unit kinds as a heading or message shows them.
KIND_NAMES = {
    "phan": "Phần", "chuong": "Chương", "muc": "Mục", "dieu": "Điều",
    "khoan": "Khoản", "tieu_khoan": "Tiểu khoản", "diem": "Điểm",
    "gach": "Ý (gạch đầu dòng)", "doan": "Đoạn", "khoi": "Khối ngoài nội dung",
}

#: How a citation names each kind inside a sentence ("điểm a khoản 2 Điều 19"):
#: Chương, Phần, Mục and Điều keep their capital, the smaller units do not. An
#: outline's sub-clause "5.1." is a "khoản 5.1" (quyche.citations).
CITATION_WORDS = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "dieu": "Điều", "khoan": "khoản",
                  "tieu_khoan": "khoản", "diem": "điểm", "gach": "gạch đầu dòng", "doan": "đoạn"}

#: Ordinal words for dash items and paragraphs: "gạch đầu dòng thứ nhất", "đoạn thứ hai".
ORDINALS = {1: "thứ nhất", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", 5: "thứ năm", 6: "thứ sáu",
            7: "thứ bảy", 8: "thứ tám", 9: "thứ chín", 10: "thứ mười"}


def ordinal_words(n: int) -> str:
    return ORDINALS.get(n, f"thứ {n}")


#: Blocks outside the normative text, by the id prefix ingest gives them, and
#: what a reader calls them. Longest prefixes are matched first.
BLOCK_NAMES = {
    "quyet-dinh-noi-nhan": "Nơi nhận của Quyết định",
    "quyet-dinh": "Quyết định ban hành",
    "mo-dau": "Phần đầu",
    "noi-nhan": "Nơi nhận",
    "chu-ky": "Chữ ký",
    "trang-web-dau": "Phần đầu trang web",
    "trang-web-cuoi": "Phần cuối trang web",
    "trang-web": "Phần trang web",
}


def block_name(block_id: str) -> str | None:
    """The reader's name of a block id ('trang-web-cuoi' -> 'Phần cuối trang web')."""
    for prefix in sorted(BLOCK_NAMES, key=len, reverse=True):
        if block_id == prefix or re.fullmatch(rf"{re.escape(prefix)}-\d+", block_id):
            return BLOCK_NAMES[prefix] + (f" ({block_id.rsplit('-', 1)[1]})" if block_id != prefix else "")
    return None
