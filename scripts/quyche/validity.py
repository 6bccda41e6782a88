"""Until when a text's dates apply: a superseded text stops the day before the
text that replaces it was signed; a party regulation whose term has ended stops
at the end of the term's last year (the corpus does not hold the date of the
next congress). Calendars and exports stop there and say why, so no one plans a
meeting from a text that no longer governs it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import Regulation


@dataclass(frozen=True)
class End:
    last_day: dt.date        # the last day on which the text's dates are listed
    reason: str              # in Vietnamese, for readers (calendar descriptions, pages)


def _shown(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def end_of_use(reg: Regulation, corpus: dict[str, Regulation]) -> End | None:
    """The end of the period a text's calendar covers, or None for a text in force."""
    meta = reg.metadata
    if meta.status == "superseded":
        for rel in meta.relations:
            newer = corpus.get(rel.target or "") if rel.type == "superseded_by" else None
            if newer is not None and newer.metadata.signed:
                signed = newer.metadata.signed
                return End(signed - dt.timedelta(days=1),
                           f"{meta.short_title} đã được thay thế bởi {newer.metadata.short_title}, ký ngày "
                           f"{_shown(signed)}: lịch này chỉ có các ngày đến {_shown(signed - dt.timedelta(days=1))}. "
                           f"Lịch đang áp dụng là lịch của {newer.metadata.short_title}.")
        return None
    if meta.status == "term_ended" and meta.term:
        years = re.findall(r"\b(\d{4})\b", meta.term)
        if years:
            last = dt.date(int(years[-1]), 12, 31)
            return End(last, f"Quy chế của {meta.term}; nhiệm kỳ này đã kết thúc. Kho chưa có quy chế của "
                             f"nhiệm kỳ sau, nên lịch này chỉ có các ngày đến hết năm cuối nhiệm kỳ "
                             f"({_shown(last)}).")
    return None
