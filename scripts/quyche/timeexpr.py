"""A reader of Vietnamese time expressions in administrative texts.

Working regulations state when things happen in a small grammar of their own:
a cadence ("mỗi tháng một lần", "định kỳ hằng quý", "01 đến 02 lần/tháng"), a
day ("sáng thứ Hai hằng tuần", "thứ Sáu của tuần thứ hai và tuần thứ tư",
"ngày 25 hằng tháng", "trước ngày 15/6 và ngày 15/12", "ngày 20 tháng cuối
quý"), a window ("dự kiến trong tháng Bảy", "vào quý IV"), a lead time
("chậm nhất 03 ngày làm việc trước ngày họp"), a share of votes ("ít nhất hai
phần ba") and hedges ("dự kiến", "khi cần thiết", "trường hợp trùng ngày nghỉ").

The grammar lives in ``PATTERNS`` below, one entry per construction, each with
the examples it must read (``tests/test_timeexpr.py`` runs them all, and a
table of invented phrases besides). ``read(text)`` returns every reading with
its exact span; ``schedule_of(readings)`` turns the readings of one sentence
into the fields of a ``Schedule``. Numbers may be digits, zero-padded digits or
words; weekdays names or digits; months names (capitalised, as the orthography
requires) or digits. Words and lists come from ``quyche.vietnamese``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from .normalize import normalize
from .vietnamese import (MONTH, NUMBER, WEEKDAY_PATTERN, month_value, number_value, roman_value,
                         weekday_code)

# --------------------------------------------------------------------------
# Building blocks of the grammar
# --------------------------------------------------------------------------

#: "hằng/hàng/mỗi/các/từng" before a period: all mean "every".
EVERY = r"(?:hằng|hàng|mỗi|các|từng)"
#: A weekday, optionally after "ngày" and a part of the day ("sáng ngày thứ 5").
PART = r"(?:(?P<part>sáng|chiều|tối|trưa)\s+)?"
WD = r"(?:ngày\s+)?(?:th[ứư]\s+(?:hai|ba|tư|bốn|năm|sáu|bảy|[2-7])(?![\w/])|chủ\s+nhật)"
WDS = rf"{WD}(?:\s*(?:,|và|hoặc)\s*{WD})*"
#: An ordinal of a week or a month: "thứ hai", "thứ 2", "2", "đầu tiên", "cuối cùng".
ORD = r"(?:thứ\s+(?:nhất|hai|ba|tư|năm|[1-5])|đầu\s+tiên|đầu|cuối\s+cùng|cuối)"
#: Period nouns: "nửa tháng", "tháng", "quý", "06 tháng", "sáu tháng", "năm", "tuần".
PERIOD = (rf"(?:nửa\s+tháng|(?:{NUMBER})(?:\s*\(\s*(?:{NUMBER})\s*\))?\s+(?:tháng|tuần)"
          r"|ngày|tuần|tháng|quý|năm|nhiệm\s+kỳ)")
DAY = rf"(?:mùng\s+|mồng\s+)?(?:{NUMBER})"
LIST_SEP = r"\s*(?:,|và|hoặc|;)\s*"


def _ordinal(word: str) -> int:
    word = re.sub(r"\s+", " ", word.lower().strip())
    if word.startswith("cuối"):
        return -1
    if word.startswith("đầu") or word in ("thứ nhất", "thứ 1"):
        return 1
    tail = word.split()[-1]
    return {"hai": 2, "ba": 3, "tư": 4, "năm": 5}.get(tail) or int(tail)


def _weekdays(span: str) -> list[str]:
    return list(dict.fromkeys(weekday_code(m) for m in WEEKDAY_PATTERN.finditer(span)))


def _period_key(words: str) -> tuple[str, int]:
    """('month', 3) for '03 tháng'; periods of known length get their own key."""
    words = re.sub(r"\s*\(.*?\)\s*", " ", words.lower()).strip()
    words = re.sub(r"\s+", " ", words)
    if words == "nửa tháng":
        return "half_month", 1
    if words == "nhiệm kỳ":
        return "term", 1
    base = {"ngày": "day", "tuần": "week", "tháng": "month", "quý": "quarter", "năm": "year"}
    parts = words.split(" ")
    unit = base[parts[-1]]
    n = number_value(" ".join(parts[:-1])) if len(parts) > 1 else 1
    n = n or 1
    if unit == "month" and n in (3, 6, 9, 12):
        return {3: "quarter", 6: "half_year", 9: "nine_months", 12: "year"}[n], 1
    if unit == "week" and n == 2:
        return "two_weeks", 1
    return unit, n


def _numbers(span: str) -> list[int]:
    return [number_value(m.group(0)) for m in re.finditer(NUMBER, span, re.I)]


# --------------------------------------------------------------------------
# Readings
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Reading:
    """One time expression found in a text, with its exact words."""
    kind: str                      # see KINDS
    span: str                      # the words as the text writes them
    start: int                     # offset in the normalised text
    rule: str                      # the pattern that read it
    rrule: str | None = None
    count: int | None = None
    min: int | None = None
    max: int | None = None
    per: str | None = None         # a key of vietnamese.PERIODS
    interval: int = 1              # "2 tuần một lần": per week, interval 2
    periods: tuple[str, ...] = ()  # a list of periods, once each ("quý, 6 tháng, năm")
    months: tuple[int, ...] = ()   # a window: the months (quarter windows: first months)
    window: str | None = None      # month | quarter
    offset_days: int | None = None
    offset_hours: int | None = None
    working_days: bool = False
    anchor: str | None = None      # what a lead time counts from ("ngày họp")
    due: str | None = None         # before | by | on
    part_of_day: str | None = None
    threshold: str | None = None   # "2/3", "1/2", "50%"
    comparator: str | None = None  # ">=" (ít nhất, từ) | ">" (quá, trên, hơn)
    hedge: str | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.span)


#: What each kind of reading is.
KINDS = {
    "rrule": "a day the text fixes, as an RFC 5545 rule",
    "weekday": "a weekday alone, which fixes the day of a weekly count (its rule holds BYDAY only)",
    "frequency": "a number of times per period, without a day",
    "periods": "a list of periods, once each",
    "window": "a month or a quarter, without a day",
    "term": "a point of the term of office (cuối nhiệm kỳ, toàn khóa)",
    "lead": "a number of days before or after something",
    "threshold": "a share of members or votes",
    "hedge": "a word that makes the timing tentative or occasional",
    "day_off": "what happens when the day is not a working day",
}


@dataclass(frozen=True)
class Pattern:
    id: str
    needs: tuple[str, ...]         # words one of which the text must hold (a cheap test first)
    kind: str
    regex: re.Pattern
    build: Callable[[re.Match], dict]
    examples: tuple[tuple[str, dict], ...] = ()
    priority: int = 0              # higher wins when two readings overlap


def _p(id: str, needs: tuple[str, ...], kind: str, regex: str, build: Callable[[re.Match], dict], examples,
       priority: int = 0, flags: int = re.I) -> Pattern:
    # Every expression starts at a word: testing that first lets the engine skip the
    # positions inside words at once (five times faster on the corpus).
    if not regex.startswith("(?<"):
        regex = r"(?<![\wÀ-ỹ])(?:" + regex + ")"
    return Pattern(id, needs, kind, re.compile(regex, flags), build, tuple(examples), priority)


def _due(prefix: str | None) -> str | None:
    if not prefix:
        return None
    prefix = prefix.lower()
    if "chậm nhất" in prefix or "hạn" in prefix or "không quá" in prefix:
        return "by"
    if "trước" in prefix:
        return "before"
    return "on"


def _weekly(m: re.Match) -> dict:
    return {"rrule": f"FREQ=WEEKLY;BYDAY={','.join(_weekdays(m.group(0)))}", "part_of_day": m.group("part")}


def _nth_weekday(m: re.Match) -> dict:
    days = _weekdays(m.group("days"))
    nths = [_ordinal(o) for o in re.findall(ORD, m.group("nths"), re.I)]
    byday = ",".join(f"{n}{d}" for n in nths for d in days)
    return {"rrule": f"FREQ=MONTHLY;BYDAY={byday}", "part_of_day": m.group("part"),
            "due": _due(m.groupdict().get("due"))}


def _working_day(m: re.Match) -> dict:
    pos = _ordinal(m.group("ord"))
    period = m.group("period").lower()
    if period == "năm":
        return {"rrule": f"FREQ=YEARLY;BYMONTH={12 if pos < 0 else 1};BYDAY=MO,TU,WE,TH,FR;BYSETPOS={pos}"}
    if period == "quý":
        months = "3,6,9,12" if pos < 0 else "1,4,7,10"
        return {"rrule": f"FREQ=MONTHLY;BYMONTH={months};BYDAY=MO,TU,WE,TH,FR;BYSETPOS={pos}"}
    return {"rrule": f"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS={pos}"}


def _month_day(m: re.Match) -> dict:
    days = sorted({n for n in _numbers(re.sub(r"tháng.*$", "", m.group("days"), flags=re.I)) if n})
    return {"rrule": f"FREQ=MONTHLY;BYMONTHDAY={','.join(map(str, days))}", "due": _due(m.group("due"))}


_DAY_MONTH = re.compile(rf"ngày\s+({DAY})\s*(?:tháng\s+({MONTH})|[/-](\d{{1,2}}))(?![/\d])", re.I)
_BARE_DAY_MONTH = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![/\d])")


def _day_months(m: re.Match) -> dict:
    pairs = []
    for d in _DAY_MONTH.finditer(m.group(0)):
        pairs.append((number_value(re.sub(r"m[ùồ]ng\s+", "", d.group(1), flags=re.I)),
                      month_value(d.group(2) or d.group(3))))
    taken = [(d.start(), d.end()) for d in _DAY_MONTH.finditer(m.group(0))]
    for d in _BARE_DAY_MONTH.finditer(m.group(0)):
        if not any(a < d.end() and d.start() < b for a, b in taken):
            pairs.append((int(d.group(1)), int(d.group(2))))
    pairs = sorted(set(p for p in pairs if p[0] and 1 <= p[0] <= 31 and 1 <= p[1] <= 12), key=lambda p: (p[1], p[0]))
    days = sorted({d for d, _ in pairs})
    rules = []
    if len(days) == 1:
        rules.append(f"FREQ=YEARLY;BYMONTH={','.join(str(mo) for _, mo in pairs)};BYMONTHDAY={days[0]}")
    else:
        rules += [f"FREQ=YEARLY;BYMONTH={mo};BYMONTHDAY={d}" for d, mo in pairs]
    return {"rrule": "\n".join(rules), "due": _due(m.group("due"))}


_QUARTER_MONTH = {"đầu": "1,4,7,10", "thứ nhất": "1,4,7,10", "giữa": "2,5,8,11", "thứ hai": "2,5,8,11",
                  "cuối": "3,6,9,12", "thứ ba": "3,6,9,12", "cuối cùng": "3,6,9,12"}


def _quarter_day(m: re.Match) -> dict:
    day = number_value(re.sub(r"m[ùồ]ng\s+", "", m.group("day"), flags=re.I))
    which = re.sub(r"\s+", " ", m.group("which").lower())
    return {"rrule": f"FREQ=YEARLY;BYMONTH={_QUARTER_MONTH[which]};BYMONTHDAY={day}", "due": _due(m.group("due"))}


def _count_per(m: re.Match) -> dict:
    per, interval = _period_key(m.group("per"))
    lo = number_value(m.group("n"))
    hi = m.groupdict().get("n2")
    if hi:
        return {"min": lo, "max": number_value(hi), "per": per, "interval": interval}
    if m.groupdict().get("least"):
        return {"min": lo, "per": per, "interval": interval}
    return {"count": lo, "per": per, "interval": interval}


def _interval_once(m: re.Match) -> dict:
    per, interval = _period_key(m.group("per"))
    return {"count": 1, "per": per, "interval": interval}


def _every_period(m: re.Match) -> dict:
    per, interval = _period_key(m.group("per"))
    return {"count": 1, "per": per, "interval": interval}


def _period_list(m: re.Match) -> dict:
    items = re.split(r"\s*(?:,|và|hoặc|;)\s*", re.sub(r"^(?:định\s+kỳ|báo\s+cáo)\s*\(?|\)$", "", m.group(0), flags=re.I))
    periods = []
    for item in items:
        item = re.sub(rf"^(?:{EVERY}|cả|cuối|định\s+kỳ)\s+", "", item.strip(), flags=re.I)
        item = re.sub(r"\s+đầu\s+năm$", "", item, flags=re.I)
        if not item:
            continue
        try:
            key, n = _period_key(item)
        except (KeyError, IndexError):
            continue
        periods.append(key if n == 1 else f"{n} {key}")
    return {"periods": tuple(dict.fromkeys(periods))}


def _month_window(m: re.Match) -> dict:
    months = [month_value(x) for x in re.findall(rf"tháng\s+({MONTH})(?![\w/])", m.group(0), re.I)]
    return {"months": tuple(sorted(set(months))), "window": "month"}


def _quarter_window(m: re.Match) -> dict:
    quarters = []
    for q in re.findall(r"quý\s+(IV|III|II|I|[1-4])(?!\w)", m.group(0), re.I):
        quarters.append(int(q) if q.isdigit() else roman_value(q))
    return {"months": tuple(sorted({(q - 1) * 3 + 1 for q in quarters if q})), "window": "quarter"}


def _quarter_month_window(m: re.Match) -> dict:
    which = re.sub(r"\s+", " ", m.group("which").lower())
    return {"months": tuple(int(x) for x in _QUARTER_MONTH[which].split(",")), "window": "month"}


def _lead(m: re.Match) -> dict:
    n = number_value(m.group("n"))
    unit = m.group("unit").lower()
    direction = (m.groupdict().get("dir") or "trước").lower()
    sign = 1 if direction in ("sau", "kể từ") else -1
    out: dict = {"working_days": "làm việc" in unit, "anchor": (m.groupdict().get("anchor") or "").strip() or None,
                 "due": "by" if re.search(r"chậm nhất|trong (?:thời hạn|vòng)", m.group(0), re.I) else None}
    if unit.startswith("giờ"):
        out["offset_hours"] = sign * n
    else:
        out["offset_days"] = sign * n
    return out


_FRACTIONS = {"hai phần ba": "2/3", "một nửa": "1/2", "nửa": "1/2", "ba phần tư": "3/4", "½": "1/2",
              "một phần ba": "1/3"}


def _threshold(m: re.Match) -> dict:
    share = re.sub(r"\s+", " ", m.group("share").lower())
    how = (m.group("how") or "").lower()
    if share == "quá bán":
        share, how = "1/2", "quá"
    share = _FRACTIONS.get(share, share.replace(" ", ""))
    comparator = ">" if how in ("quá", "trên", "hơn") else ">="
    return {"threshold": share, "comparator": comparator}


def _hedge(m: re.Match) -> dict:
    return {"hedge": m.group(0)}


def _term(m: re.Match) -> dict:
    return {"per": "term", "count": 1}


# --------------------------------------------------------------------------
# The grammar
# --------------------------------------------------------------------------

PATTERNS: tuple[Pattern, ...] = (
    _p("nth-weekday", ('tuần',), "rrule",
       rf"(?P<due>(?:chậm\s+nhất|trước)\s+(?:vào\s+)?)?(?:vào\s+)?(?:các\s+)?{PART}(?P<days>{WDS})\s+(?:của\s+|vào\s+)?"
       rf"(?P<nths>tuần\s+{ORD}(?:\s*(?:,|và|hoặc)\s*(?:tuần\s+)?{ORD})*)(?:\s+(?:của|trong))?(?:\s+{EVERY})?(?:\s+tháng)?",
       _nth_weekday,
       [("thứ Sáu của tuần thứ hai và tuần thứ tư", {"rrule": "FREQ=MONTHLY;BYDAY=2FR,4FR"}),
        ("sáng thứ 5 tuần thứ hai và tuần thứ tư hằng tháng", {"rrule": "FREQ=MONTHLY;BYDAY=2TH,4TH", "part_of_day": "sáng"}),
        ("chậm nhất vào sáng ngày thứ 5 tuần thứ hai và tuần thứ tư của tháng", {"rrule": "FREQ=MONTHLY;BYDAY=2TH,4TH", "due": "by"}),
        ("thứ Hai tuần đầu tiên của tháng", {"rrule": "FREQ=MONTHLY;BYDAY=1MO"}),
        ("chiều thứ Sáu tuần cuối cùng của tháng", {"rrule": "FREQ=MONTHLY;BYDAY=-1FR"})], priority=5),
    _p("weekday-ordinal-of-month", ('tháng',), "rrule",
       rf"(?P<due>(?:chậm\s+nhất|trước)\s+(?:vào\s+)?)?{PART}(?P<days>{WD})\s+(?P<nths>{ORD})\s+(?:của\s+|trong\s+)?(?:{EVERY}\s+|mỗi\s+)?tháng",
       _nth_weekday,
       [("thứ Hai đầu tiên của tháng", {"rrule": "FREQ=MONTHLY;BYDAY=1MO"}),
        ("thứ Sáu cuối cùng của tháng", {"rrule": "FREQ=MONTHLY;BYDAY=-1FR"}),
        ("sáng thứ Ba đầu tháng", {"rrule": "FREQ=MONTHLY;BYDAY=1TU"}),
        ("thứ Năm cuối mỗi tháng", {"rrule": "FREQ=MONTHLY;BYDAY=-1TH"})], priority=5),
    _p("weekly-day-after", ('tuần',), "rrule",
       rf"(?:vào\s+)?(?:các\s+)?{PART}(?P<days>{WDS})\s+(?:của\s+|trong\s+)?(?:{EVERY}\s+tuần|tuần\s+trước(?!\s+\d))",
       _weekly,
       [("sáng thứ Hai hằng tuần", {"rrule": "FREQ=WEEKLY;BYDAY=MO", "part_of_day": "sáng"}),
        ("chiều thứ Năm hằng tuần", {"rrule": "FREQ=WEEKLY;BYDAY=TH", "part_of_day": "chiều"}),
        ("vào ngày thứ hai hàng tuần", {"rrule": "FREQ=WEEKLY;BYDAY=MO"}),
        ("thứ 2 và thứ 5 hằng tuần", {"rrule": "FREQ=WEEKLY;BYDAY=MO,TH"}),
        ("các ngày thứ Bảy của mỗi tuần", {"rrule": "FREQ=WEEKLY;BYDAY=SA"}),
        ("vào chiều thứ Sáu tuần trước", {"rrule": "FREQ=WEEKLY;BYDAY=FR", "part_of_day": "chiều"})], priority=4),
    _p("weekly-day-before", ('tuần',), "rrule",
       rf"{EVERY}\s+tuần(?:\s+(?:{NUMBER})\s+lần)?\s*,?\s*(?:vào\s+)?{PART}(?P<days>{WDS})(?:\s+{EVERY}\s+tuần)?",
       _weekly,
       [("hằng tuần vào sáng thứ Hai", {"rrule": "FREQ=WEEKLY;BYDAY=MO", "part_of_day": "sáng"}),
        ("Hàng tuần vào ngày thứ hai", {"rrule": "FREQ=WEEKLY;BYDAY=MO"}),
        ("mỗi tuần 01 lần vào ngày thứ hai hàng tuần", {"rrule": "FREQ=WEEKLY;BYDAY=MO"}),
        ("mỗi tuần một lần, vào chiều thứ Sáu", {"rrule": "FREQ=WEEKLY;BYDAY=FR", "part_of_day": "chiều"})], priority=4),
    _p("weekday", ("thứ", "chủ nhật"), "weekday",
       rf"{PART}(?P<days>{WDS})",
       lambda m: {"rrule": f"BYDAY={','.join(_weekdays(m.group(0)))}", "part_of_day": m.group("part")},
       [("vào sáng thứ Hai", {"rrule": "BYDAY=MO", "part_of_day": "sáng"}),
        ("thứ 3 và thứ 5", {"rrule": "BYDAY=TU,TH"})], priority=0),
    _p("working-day-of-period", ('làm việc',), "rrule",
       rf"ngày\s+làm\s+việc\s+(?P<ord>đầu\s+tiên|cuối\s+cùng|cuối)\s+(?:của\s+)?(?:{EVERY}\s+|mỗi\s+)?(?P<period>tháng|quý|năm)",
       _working_day,
       [("ngày làm việc cuối cùng của tháng", {"rrule": "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"}),
        ("ngày làm việc đầu tiên của mỗi tháng", {"rrule": "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1"}),
        ("ngày làm việc cuối cùng của năm", {"rrule": "FREQ=YEARLY;BYMONTH=12;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"})],
       priority=5),
    _p("quarter-day", ('quý',), "rrule",
       rf"(?P<due>(?:chậm\s+nhất|trước)\s+(?:là\s+|vào\s+)?)?(?:vào\s+)?ngày\s+(?P<day>{DAY})\s+(?:của\s+)?tháng\s+(?P<which>đầu|giữa|cuối\s+cùng|cuối|thứ\s+nhất|thứ\s+hai|thứ\s+ba)\s+(?:của\s+)?(?:{EVERY}\s+)?quý(?:\s+(?:sau|tiếp\s+theo|trước|đó))?",
       _quarter_day,
       [("trước ngày 15 của tháng cuối quý", {"rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", "due": "before"}),
        ("ngày 10 của tháng đầu quý sau", {"rrule": "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10"}),
        ("trước ngày 20 tháng cuối quý", {"rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20", "due": "before"}),
        ("chậm nhất vào ngày 15 của tháng cuối quý", {"rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", "due": "by"})],
       priority=6),
    _p("day-and-month", ('ngày',), "rrule",
       rf"(?P<due>(?:chậm\s+nhất|trước|hạn\s+cuối|không\s+quá)\s+(?:là\s+|vào\s+)?|vào\s+)?(?:trong\s+)?"
       rf"ngày\s+{DAY}\s*(?:tháng\s+{MONTH}(?![\w/])|[/-]\d{{1,2}}(?![/\d]))"
       rf"(?:{LIST_SEP}(?:(?:vào\s+|trước\s+)?ngày\s+)?{DAY}\s*(?:tháng\s+{MONTH}(?![\w/])|[/-]\d{{1,2}}(?![/\d])))*"
       r"(?!\s*(?:năm\s+\d|[/-]\d))",
       _day_months,
       [("trước ngày 30 tháng 11", {"rrule": "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30", "due": "before"}),
        ("trước ngày 15/6 và ngày 15/12", {"rrule": "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15", "due": "before"}),
        ("chậm nhất ngày 10/01 và 15/7", {"rrule": "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=10\nFREQ=YEARLY;BYMONTH=7;BYMONTHDAY=15", "due": "by"}),
        ("trước ngày 25 tháng 12 hằng năm", {"rrule": "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25"}),
        ("vào ngày mùng 2 tháng Chín", {"rrule": "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=2", "due": "on"})], priority=5),
    _p("day-of-month", ('tháng',), "rrule",
       rf"(?P<due>(?:chậm\s+nhất|trước|hạn\s+cuối)\s+(?:là\s+|vào\s+)?|vào\s+)?(?P<days>ngày\s+{DAY}(?:{LIST_SEP}(?:ngày\s+)?{DAY})*)\s+"
       rf"(?:(?:của\s+)?{EVERY}\s+tháng|của\s+tháng(?!\s+(?:đầu|giữa|cuối|thứ|trước|sau|\d|[A-ZĐ])))",
       _month_day,
       [("vào ngày 25 của tháng", {"rrule": "FREQ=MONTHLY;BYMONTHDAY=25", "due": "on"}),
        ("ngày mùng 3 hằng tháng", {"rrule": "FREQ=MONTHLY;BYMONTHDAY=3"}),
        ("trước ngày 25 hàng tháng", {"rrule": "FREQ=MONTHLY;BYMONTHDAY=25", "due": "before"}),
        ("ngày 10 và ngày 25 hằng tháng", {"rrule": "FREQ=MONTHLY;BYMONTHDAY=10,25"}),
        ("chậm nhất ngày hai mươi của mỗi tháng", {"rrule": "FREQ=MONTHLY;BYMONTHDAY=20", "due": "by"})], priority=5),
    _p("count-range-per", ('lần',), "frequency",
       rf"(?:từ\s+)?(?P<n>{NUMBER})\s*(?:đến|-|–)\s*(?P<n2>{NUMBER})\s+lần\s*(?:/|trong\s+(?:một\s+|mỗi\s+|01\s+)?|mỗi\s+|một\s+)\s*(?P<per>{PERIOD})",
       _count_per,
       [("01 đến 02 lần/tháng", {"min": 1, "max": 2, "per": "month"}),
        ("từ hai đến ba lần trong một năm", {"min": 2, "max": 3, "per": "year"}),
        ("2-3 lần/quý", {"min": 2, "max": 3, "per": "quarter"})], priority=4),
    _p("count-slash-per", ('lần',), "frequency",
       rf"(?P<least>ít\s+nhất|tối\s+thiểu)?\s*(?P<n>{NUMBER})\s+lần\s*(?:/|trong\s+(?:một\s+|mỗi\s+|01\s+)?|mỗi\s+|một\s+)\s*(?P<per>{PERIOD})",
       _count_per,
       [("ít nhất 02 lần/năm", {"min": 2, "per": "year"}),
        ("2 lần/năm", {"count": 2, "per": "year"}),
        ("hai lần trong một năm", {"count": 2, "per": "year"}),
        ("một lần mỗi quý", {"count": 1, "per": "quarter"}),
        ("3 lần / tuần", {"count": 3, "per": "week"})], priority=3),
    _p("every-period-count", ('lần',), "frequency",
       rf"(?:(?P<least>ít\s+nhất|tối\s+thiểu)\s+)?(?:{EVERY}|một|01)\s+(?P<per>{PERIOD})\s+(?:(?!lần)[\wÀ-ỹ]+\s+){{0,3}}?(?P<n>{NUMBER})\s+lần",
       _count_per,
       [("mỗi tháng 2 lần", {"count": 2, "per": "month"}),
        ("mỗi tháng một lần", {"count": 1, "per": "month"}),
        ("mỗi quý họp 01 lần", {"count": 1, "per": "quarter"}),
        ("một năm hai lần", {"count": 2, "per": "year"}),
        ("Mỗi quý 01 lần", {"count": 1, "per": "quarter"}),
        ("mỗi năm tổ chức một lần", {"count": 1, "per": "year"}),
        ("ít nhất mỗi quý một lần", {"min": 1, "per": "quarter"})], priority=3),
    _p("interval-once", ('lần',), "frequency",
       rf"(?P<per>(?:{NUMBER})(?:\s*\(\s*{NUMBER}\s*\))?\s+(?:tháng|tuần|năm)|nửa\s+tháng)\s+(?:một|1|01)\s+lần",
       _interval_once,
       [("3 tháng một lần", {"count": 1, "per": "quarter"}),
        ("06 tháng một lần", {"count": 1, "per": "half_year"}),
        ("ba tháng một lần", {"count": 1, "per": "quarter"}),
        ("hai tuần một lần", {"count": 1, "per": "two_weeks"}),
        ("nửa tháng một lần", {"count": 1, "per": "half_month"}),
        ("4 tháng 1 lần", {"count": 1, "per": "month", "interval": 4})], priority=3),
    _p("period-list", (',', ' và ', ' hoặc '), "periods",
       rf"(?:(?:định\s+kỳ|báo\s+cáo)\s*\(?\s*)?(?:{EVERY}\s+|cả\s+)?(?:{PERIOD})(?:\s+đầu\s+năm)?"
       rf"(?:\s*(?:,|và|hoặc)\s*(?:{EVERY}\s+|cả\s+|cuối\s+)?(?:{PERIOD})(?:\s+đầu\s+năm)?)+\)?",
       _period_list,
       [("Nửa tháng, quý, 06 tháng, 09 tháng và hằng năm",
         {"periods": ("half_month", "quarter", "half_year", "nine_months", "year")}),
        ("định kỳ (nửa tháng, quý, 06 tháng, năm)", {"periods": ("half_month", "quarter", "half_year", "year")}),
        ("Hằng tháng, quý, 6 tháng và năm", {"periods": ("month", "quarter", "half_year", "year")}),
        ("quý, 6 tháng và cả năm", {"periods": ("quarter", "half_year", "year")}),
        ("tuần, tháng", {"periods": ("week", "month")})], priority=3),
    _p("every-period", ('hằng', 'hàng', 'mỗi', 'các', 'từng', 'định kỳ'), "frequency",
       # "công việc hằng ngày" is day-to-day work, not a daily cadence.
       rf"(?:(?<!việc\s)(?<!vụ\s)(?=(?:hằng|hàng)\s+ngày)|(?!(?:hằng|hàng)\s+ngày))(?:định\s+kỳ\s+)?(?:{EVERY})\s+(?P<per>nửa\s+tháng|ngày|tuần|tháng|quý|năm|nhiệm\s+kỳ)(?!\s+(?:qua|trước|đó))"
       rf"|định\s+kỳ\s+(?P<per2>(?:{NUMBER})(?:\s*\(\s*{NUMBER}\s*\))?\s+tháng|quý|nửa\s+tháng)",
       lambda m: _every_period(_Alias(m, "per", m.group("per") or m.group("per2"))),
       [("định kỳ hằng quý", {"count": 1, "per": "quarter"}),
        ("hằng tháng", {"count": 1, "per": "month"}),
        ("hàng nửa tháng", {"count": 1, "per": "half_month"}),
        ("Định kỳ 06 (sáu) tháng", {"count": 1, "per": "half_year"}),
        ("hằng năm", {"count": 1, "per": "year"}),
        ("mỗi nhiệm kỳ", {"count": 1, "per": "term"})], priority=2),
    _p("term-point", ('nhiệm kỳ', 'khóa', 'khoá'), "term",
       r"(?:đầu|giữa|cuối|từng)\s+nhiệm\s+kỳ|toàn\s+kh[óo]a|cả\s+nhiệm\s+kỳ",
       _term,
       [("cuối nhiệm kỳ", {"per": "term"}), ("Giữa nhiệm kỳ", {"per": "term"}),
        ("chương trình toàn khóa", {"per": "term"})], priority=2),
    _p("period-noun", ('báo cáo', 'kế hoạch', 'chương trình', 'sơ kết', 'tổng kết', 'giao ban', 'kiểm điểm'), "frequency",
       r"(?<=\s)(?:(?:báo\s+cáo|kế\s+hoạch|chương\s+trình(?:\s+công\s+tác)?|sơ\s+kết|tổng\s+kết|giao\s+ban|kiểm\s+điểm)(?:\s+định\s+kỳ)?)\s+"
       r"(?P<per>nửa\s+tháng|tuần|tháng|quý|năm)(?!\s*(?:\d|[/-]|học|nay|qua|trước|sau|tới|đó|kế|liền|nhiệm|kỳ))",
       lambda m: _every_period(m),
       [(" chế độ báo cáo tuần", {"count": 1, "per": "week"}),
        (" Hội nghị tổng kết năm công tác", {"count": 1, "per": "year"}),
        (" gửi báo cáo tháng", {"count": 1, "per": "month"}),
        (" xây dựng chương trình công tác quý", {"count": 1, "per": "quarter"})], priority=1),
    _p("year-point", ('năm',), "frequency",
       r"(?<![\w\s]tháng\s)(?<!tháng\s)(?P<per_word>cuối|đầu)\s+năm(?!\s*(?:\d|học|nay|qua|trước|sau|tới|đó|kế|liền))",
       lambda m: {"count": 1, "per": "year"},
       [("Cuối năm báo cáo với Ban Thường vụ", {"count": 1, "per": "year"}),
        ("tổ chức vào đầu năm", {"count": 1, "per": "year"})], priority=1),
    _p("quarter-month-window", ('quý',), "window",
       rf"(?:vào\s+|trong\s+|của\s+)tháng\s+(?P<which>đầu|giữa|cuối)\s+(?:của\s+)?(?:{EVERY}\s+)?quý",
       _quarter_month_window,
       [("vào tháng cuối quý", {"months": (3, 6, 9, 12), "window": "month"}),
        ("trong tháng đầu của mỗi quý", {"months": (1, 4, 7, 10), "window": "month"})], priority=4),
    # Month names are capitalised ("tháng Bảy"): "tháng năm" in lower case is "months and years".
    _p("month-window", ('tháng',), "window",
       r"(?:(?:dự\s+kiến\s+)?(?:vào|trong|trong\s+khoảng|tổ\s+chức\s+vào)\s+)tháng\s+(?:0?[1-9]|1[0-2]|Giêng|Chạp|Mười\s+[Mm]ột|Mười\s+[Hh]ai|Mười|Một|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín)(?![\w/])"
       r"(?:\s*(?:,|và|hoặc)\s*(?:tháng\s+)?(?:0?[1-9]|1[0-2]|Giêng|Chạp|Mười\s+[Mm]ột|Mười\s+[Hh]ai|Mười|Một|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín)(?![\w/]))*"
       r"(?:\s+(?:năm\s+sau|năm\s+tiếp\s+theo|của\s+năm\s+(?:sau|liền\s+kề|tiếp\s+theo|kế\s+hoạch|báo\s+cáo)|hằng\s+năm|hàng\s+năm))?"
       r"(?!\s*(?:năm\s+\d|/\d))",
       _month_window,
       [("trong tháng Bảy", {"months": (7,), "window": "month"}),
        ("vào tháng 5 và tháng 11", {"months": (5, 11), "window": "month"}),
        ("dự kiến trong tháng Một của năm liền kề", {"months": (1,), "window": "month"}),
        ("vào tháng 12", {"months": (12,), "window": "month"})], priority=3, flags=0),
    _p("month-window-bare", ('tháng',), "window",
       r"(?<!\w)tháng\s+(?:0?[1-9]|1[0-2]|Giêng|Chạp|Một|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười)(?![\w/])\s+(?:năm\s+sau|năm\s+tiếp\s+theo|của\s+năm\s+(?:sau|liền\s+kề|tiếp\s+theo|kế\s+hoạch|báo\s+cáo)|hằng\s+năm|hàng\s+năm)",
       _month_window,
       [("tháng 01 năm sau", {"months": (1,), "window": "month"}),
        ("tháng 12 hằng năm", {"months": (12,), "window": "month"})], priority=2, flags=0),
    _p("quarter-window", ('quý',), "window",
       r"(?:vào|trong)\s+quý\s+(?:IV|III|II|I|[1-4])(?!\w)(?:\s*(?:,|và)\s*(?:quý\s+)?(?:IV|III|II|I|[1-4])(?!\w))*",
       _quarter_window,
       [("vào quý I", {"months": (1,), "window": "quarter"}),
        ("trong quý IV hằng năm", {"months": (10,), "window": "quarter"}),
        ("vào quý II và quý IV", {"months": (4, 10), "window": "quarter"})], priority=3),
    _p("lead-before-anchor", ('ngày', 'giờ'), "lead",
       rf"(?:(?:chậm\s+nhất|ít\s+nhất|tối\s+thiểu|trước|trong\s+thời\s+hạn|trong\s+vòng)\s+(?:là\s+)?)?(?P<n>{NUMBER})\s+(?P<unit>ngày\s+làm\s+việc|ngày|giờ)\s+"
       r"(?P<dir>trước|sau|kể\s+từ)\s+(?P<anchor>(?:khi|ngày|cuộc|phiên|kỳ|buổi|hội|họp)(?:\s+[\wÀ-ỹ]+){0,3})",
       _lead,
       [("chậm nhất 03 ngày làm việc trước ngày họp", {"offset_days": -3, "working_days": True, "due": "by"}),
        ("02 ngày làm việc sau cuộc họp", {"offset_days": 2, "working_days": True}),
        ("ít nhất 07 ngày trước khi họp", {"offset_days": -7}),
        ("05 ngày kể từ ngày kết thúc hội nghị", {"offset_days": 5}),
        ("24 giờ trước phiên họp", {"offset_hours": -24})], priority=4),
    _p("lead-before-count", ('trước',), "lead",
       rf"trước\s+(?:(?:ít\s+nhất|tối\s+thiểu)\s+)?(?P<n>{NUMBER})\s+(?P<unit>ngày\s+làm\s+việc|ngày|giờ)(?!\s+(?:tháng|[/-]))",
       _lead,
       [("trước ít nhất 05 ngày", {"offset_days": -5}),
        ("gửi trước 3 ngày làm việc", {"offset_days": -3, "working_days": True})], priority=3),
    _p("lead-anchor-first", ('trước',), "lead",
       rf"trước\s+(?P<anchor>(?:khi\s+)?(?:họp|phiên\s+họp|cuộc\s+họp|hội\s+nghị|kỳ\s+họp)(?:\s+[\wÀ-ỹ]+){{0,3}}?)\s+(?P<n>{NUMBER})\s+(?P<unit>ngày\s+làm\s+việc|ngày|giờ)",
       _lead,
       [("trước họp giao ban 02 ngày", {"offset_days": -2}),
        ("trước phiên họp 3 ngày làm việc", {"offset_days": -3, "working_days": True})], priority=4),
    _p("lead-within", ('ngày', 'giờ'), "lead",
       rf"(?:trong\s+(?:thời\s+hạn|vòng)|chậm\s+nhất(?:\s+là)?|sau)\s+(?P<n>{NUMBER})\s+(?P<unit>ngày\s+làm\s+việc|ngày|giờ)(?:\s*,?\s*(?P<dir>kể\s+từ|sau)\s+(?P<anchor>[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+){{0,3}}))?",
       lambda m: {**_lead(m), "offset_days": abs(_lead(m).get("offset_days") or 0) or None,
                  "offset_hours": abs(_lead(m).get("offset_hours") or 0) or None},
       [("trong vòng 3 ngày làm việc", {"offset_days": 3, "working_days": True, "due": "by"}),
        ("sau 15 ngày, kể từ ngày ký", {"offset_days": 15}),
        ("sau 10 ngày", {"offset_days": 10})], priority=2),
    _p("after-meeting", ('sau',), "lead",
       r"(?:ngay\s+)?sau\s+(?:khi\s+)?(?:kết\s+thúc\s+)?(?:các\s+|mỗi\s+)?(?:cuộc\s+|phiên\s+|buổi\s+|kỳ\s+)?(?:họp|hội\s+nghị|giao\s+ban)(?:\s+(?:giao\s+ban|báo|xong))*",
       lambda m: {"offset_days": 0, "anchor": m.group(0)},
       [("sau khi họp báo xong", {"offset_days": 0}),
        ("ngay sau cuộc họp", {"offset_days": 0}),
        ("sau khi kết thúc hội nghị", {"offset_days": 0})], priority=1),
    _p("threshold", ('phần', 'nửa', '/', '%', '½', 'bán', 'đa số'), "threshold",
       r"(?P<how>ít\s+nhất|tối\s+thiểu|từ|quá|trên|hơn)\s+(?P<share>hai\s+phần\s+ba|ba\s+phần\s+tư|một\s+phần\s+ba|một\s+nửa|nửa|½|\d+\s*/\s*\d+|\d+(?:[.,]\d+)?\s*%)"
       r"|(?P<share2>quá\s+bán)",
       lambda m: _threshold(_Alias(m, "share", m.group("share") or m.group("share2"))),
       [("ít nhất hai phần ba", {"threshold": "2/3", "comparator": ">="}),
        ("quá nửa", {"threshold": "1/2", "comparator": ">"}),
        ("ít nhất 2/3", {"threshold": "2/3", "comparator": ">="}),
        ("trên 50%", {"threshold": "50%", "comparator": ">"}),
        ("hơn một nửa", {"threshold": "1/2", "comparator": ">"}),
        ("quá bán", {"threshold": "1/2", "comparator": ">"})], priority=2),
    _p("day-off", ('trùng',), "day_off",
       r"(?:trường\s+hợp|nếu|khi)\s+(?:ngày\s+(?:họp|giao\s+ban)\s+)?trùng\s+(?:vào\s+|với\s+)?(?:các\s+)?(?:ngày\s+nghỉ|ngày\s+lễ|ngày\s+Tết|thứ\s+Bảy|chủ\s+nhật)[^.;]*",
       _hedge,
       [("trường hợp trùng vào ngày nghỉ thì tổ chức vào ngày làm việc tiếp theo",
         {"hedge": "trường hợp trùng vào ngày nghỉ thì tổ chức vào ngày làm việc tiếp theo"}),
        ("nếu trùng ngày lễ thì lùi sang ngày hôm sau", {"hedge": "nếu trùng ngày lễ thì lùi sang ngày hôm sau"})],
       priority=3),
    _p("hedge", (), "hedge",
       r"dự\s+kiến|khi\s+cần\s+thiết|khi\s+cần|trường\s+hợp\s+cần\s+thiết|(?:công\s+việc\s+|nhiệm\s+vụ\s+|yêu\s+cầu\s+|họp\s+|báo\s+cáo\s+)?đột\s+xuất"
       r"|khi\s+có\s+yêu\s+cầu|theo\s+yêu\s+cầu(?:\s+của\s+[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+){0,3})?|nếu\s+cần(?:\s+thiết)?|tùy\s+theo\s+tình\s+hình|tuỳ\s+theo\s+tình\s+hình|bất\s+thường",
       _hedge,
       [("dự kiến", {"hedge": "dự kiến"}), ("khi cần thiết", {"hedge": "khi cần thiết"}),
        ("đột xuất", {"hedge": "đột xuất"}), ("họp bất thường", {"hedge": "bất thường"}),
        ("khi có yêu cầu", {"hedge": "khi có yêu cầu"})], priority=1),
)


class _Alias:
    """A match whose group `name` reads `value` (for patterns with two alternatives)."""

    def __init__(self, match: re.Match, name: str, value: str | None):
        self._match, self._name, self._value = match, name, value

    def group(self, key=0):
        return self._value if key == self._name else self._match.group(key)

    def groupdict(self):
        return {**self._match.groupdict(), self._name: self._value}


# --------------------------------------------------------------------------
# Reading a text
# --------------------------------------------------------------------------

def read(text: str) -> list[Reading]:
    """Every time expression of a text, in order; overlaps go to the more specific pattern.

    The text is normalised first (NFC, whitespace, markdown markers), and spans are
    substrings of ``normalize(text)``.
    """
    return list(_read(normalize(text)))


@lru_cache(maxsize=8192)
def _read(plain: str) -> tuple[Reading, ...]:
    low = plain.lower()
    found: list[tuple[Pattern, re.Match, Reading]] = []
    for pattern in PATTERNS:
        if pattern.needs and not any(word in low for word in pattern.needs):
            continue
        for m in pattern.regex.finditer(plain):
            span = m.group(0).strip().rstrip(",;:")
            if not span or not re.search(r"\w", span):
                continue
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            fields = {k: v for k, v in pattern.build(m).items() if v is not None}
            found.append((pattern, m, Reading(pattern.kind, span, start, pattern.id, **fields)))
    found.sort(key=lambda f: (-f[0].priority, -len(f[2].span), f[2].start))
    kept: list[Reading] = []
    for pattern, _, reading in found:
        overlaps = [k for k in kept if k.start < reading.end and reading.start < k.end]
        # A hedge may sit inside a longer reading ("dự kiến trong tháng Một" is a
        # window and a hedge); anything else that overlaps a kept reading is a
        # weaker reading of the same words.
        if overlaps and not (reading.kind == "hedge" and all(k.kind not in ("hedge", "day_off") for k in overlaps)):
            continue
        kept.append(reading)
    return tuple(sorted(kept, key=lambda r: (r.start, -len(r.span))))



#: The completeness gate: a normative unit whose text holds one of these
#: expressions must be cited by a fact or waived with a reason.
GATE = re.compile(
    r"\b(?:hằng|hàng) (?:ngày|tuần|tháng|quý|năm)\b|định kỳ|\bmỗi (?:ngày|tuần|tháng|quý|năm)\b"
    r"|\blần\s*/\s*(?:tuần|tháng|quý|năm)\b|\bngày \d{1,2}(?![/\d])|trước ngày|chậm nhất"
    r"|\bthứ (?:hai|ba|tư|năm|sáu|bảy)\b|ít nhất \d+ ngày"
    r"|\b(?:đầu|giữa|cuối|từng|mỗi) nhiệm kỳ\b|\btoàn kh(?:óa|oá)\b",
    re.IGNORECASE)


def schedule_expressions(text: str) -> list[str]:
    """The expressions of a unit's text that the completeness gate asks a fact for."""
    return [m.group(0) for m in GATE.finditer(normalize(text))]



# --------------------------------------------------------------------------
# Readings -> schedule
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class ScheduleReading:
    """The fields of a ``model.Schedule`` read from a sentence, and where they came from."""
    kind: str
    words: str
    rrule: str | None = None
    count: int | None = None
    min: int | None = None
    max: int | None = None
    per: str | None = None
    interval: int = 1
    periods: tuple[str, ...] = ()
    months: tuple[int, ...] = ()
    window: str | None = None
    offset_days: int | None = None
    working_days: bool = False
    due: str | None = None
    hedges: tuple[str, ...] = ()
    day_off_rule: str | None = None
    rules: tuple[str, ...] = field(default=(), compare=False)

    def as_yaml(self) -> dict:
        out: dict = {"kind": self.kind, "words": self.words}
        for key in ("rrule", "count", "min", "max", "per", "months", "window", "offset_days", "due"):
            value = getattr(self, key)
            if value not in (None, (), []):
                out[key] = list(value) if isinstance(value, tuple) else value
        if self.periods:
            out["periods"] = list(self.periods)
        if self.interval != 1:
            out["interval"] = self.interval
        if self.working_days:
            out["working_days"] = True
        if self.hedges:
            out["hedges"] = list(self.hedges)
        if self.day_off_rule:
            out["day_off_rule"] = self.day_off_rule
        return out


def _words(text: str, readings: list[Reading]) -> str:
    """The shortest span of the text that covers the given readings."""
    start = min(r.start for r in readings)
    end = max(r.end for r in readings)
    return text[start:end]


def schedule_of(text: str, readings: list[Reading] | None = None) -> ScheduleReading | None:
    """The schedule one sentence states, or None when it states none.

    A fixed day (an RFC 5545 rule) wins over a bare count ("mỗi tháng một lần,
    vào ngày 25" is the 25th of each month); a lead time is relative to a
    meeting; a month or quarter without a day is a window; a count or a list of
    periods without a day is a frequency; hedges alone make an occasional item.
    """
    plain = normalize(text)
    readings = read(plain) if readings is None else readings
    hedges = tuple(dict.fromkeys(r.hedge for r in readings if r.kind == "hedge"))
    day_off = next((r.hedge for r in readings if r.kind == "day_off"), None)
    rules = [r for r in readings if r.kind == "rrule"]
    leads = sorted((r for r in readings if r.kind == "lead" and r.offset_days is not None),
                   key=lambda r: r.offset_days == 0)
    windows = [r for r in readings if r.kind == "window"]
    counts = [r for r in readings if r.kind == "frequency"]
    lists = [r for r in readings if r.kind == "periods"]
    terms = [r for r in readings if r.kind == "term"]
    common = {"hedges": hedges, "day_off_rule": day_off}
    weekdays = [r for r in readings if r.kind == "weekday"]
    weekly = [c for c in counts if c.per in ("week", "two_weeks") and c.count]
    if not rules and weekdays and weekly:
        # "2 tuần một lần vào sáng thứ Hai": the count gives the rhythm, the weekday the day.
        c, day = weekly[0], weekdays[0]
        interval = 2 if c.per == "two_weeks" else c.interval
        rrule = f"FREQ=WEEKLY{f';INTERVAL={interval}' if interval > 1 else ''};{day.rrule}"
        return ScheduleReading("rrule", _words(plain, [c, day]), rrule=rrule, rules=(c.rule, day.rule), **common)
    if rules:
        main = rules[0]
        rrule = "\n".join(dict.fromkeys(r.rrule for r in rules if r.rrule))
        used = rules + [c for c in counts if c.end <= main.start or c.start >= main.end]
        used = [u for u in used if abs(u.start - main.start) < 80]
        return ScheduleReading("rrule", _words(plain, used), rrule=rrule, due=main.due,
                               rules=tuple(r.rule for r in used), **common)
    if leads:
        lead = leads[0]
        return ScheduleReading("relative", lead.span, offset_days=lead.offset_days, working_days=lead.working_days,
                               due=lead.due or ("before" if (lead.offset_days or 0) < 0 else None),
                               rules=(lead.rule,), **common)
    if windows:
        win = windows[0]
        count = next((c for c in counts if c.per == "year"), None)
        used = [win] + ([count] if count else [])
        return ScheduleReading("window", _words(plain, used), months=win.months, window=win.window,
                               count=count.count if count else 1, per="year",
                               rules=tuple(r.rule for r in used), **common)
    if counts and not (lists and lists[0].start < counts[0].start):
        c = counts[0]
        if c.min is not None or c.max is not None:
            return ScheduleReading("range", c.span, min=c.min, max=c.max, per=c.per, interval=c.interval,
                                   rules=(c.rule,), **common)
        return ScheduleReading("frequency", c.span, count=c.count, per=c.per, interval=c.interval,
                               rules=(c.rule,), **common)
    if lists:
        lst = lists[0]
        return ScheduleReading("frequency", lst.span, periods=lst.periods, count=1,
                               rules=(lst.rule,), **common)
    if terms:
        t = terms[0]
        return ScheduleReading("frequency", t.span, count=1, per="term", rules=(t.rule,), **common)
    if hedges:
        return ScheduleReading("occasional", hedges[0], hedges=hedges[1:], day_off_rule=day_off,
                               rules=("hedge",))
    return None


def examples() -> list[tuple[str, str, dict]]:
    """(pattern id, phrase, expected fields) for every example of the grammar."""
    return [(p.id, phrase, expected) for p in PATTERNS for phrase, expected in p.examples]


def reading_of(phrase: str) -> Reading | None:
    """The main reading of a short phrase (for tests and the editors' guide)."""
    found = [r for r in read(phrase) if r.kind != "hedge"] or read(phrase)
    return max(found, key=lambda r: len(r.span)) if found else None
