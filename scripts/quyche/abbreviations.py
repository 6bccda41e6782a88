"""Abbreviations used across the corpus and what they stand for.

The table is the one place that knows the expansions; the glossary page shows
only those that really occur in a source, and search uses the same table to
match "UBND" with "Ủy ban nhân dân".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Regulation
from .normalize import normalize

ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "VP": "Văn phòng",
    "VPUBND": "Văn phòng Ủy ban nhân dân",
    "VPCP": "Văn phòng Chính phủ",
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "ĐUK": "Đảng ủy Khối",
    "MTTQ": "Mặt trận Tổ quốc",
    "ĐBQH": "Đại biểu Quốc hội",
    "UBKT": "Ủy ban Kiểm tra",
    "CT": "Chủ tịch",
    "PCT": "Phó Chủ tịch",
    "HCQT": "Hành chính – Quản trị",
    "VT": "Văn thư",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "QC": "Quy chế",
    "NQ": "Nghị quyết",
    "TT": "Thông tư",
    "TU": "Tỉnh ủy",
    "TW": "Trung ương",
    "BNG": "Bộ Ngoại giao",
    "ĐTM": "đánh giá tác động môi trường",
    "PPP": "đối tác công tư (Public–Private Partnership)",
}


@dataclass(frozen=True)
class Usage:
    regulation: Regulation
    count: int
    first_unit: str
    defined: str | None   # the text's own definition "… (ĐTM)", if any


def usages(abbr: str, regs: list[Regulation]) -> list[Usage]:
    pattern = re.compile(rf"(?<![\wĐđ]){re.escape(abbr)}(?![\wĐđ])")
    out = []
    for reg in regs:
        count, first, defined = 0, None, None
        for unit in reg.walk():
            text = normalize(unit.text) if unit.text else ""
            hits = pattern.findall(text)
            if hits:
                count += len(hits)
                first = first or unit.id
                m = re.search(rf"([^(;,.]{{3,80}})\(\s*{re.escape(abbr)}\s*\)", text)
                if m and defined is None:
                    defined = m.group(0).strip()
        if count:
            out.append(Usage(reg, count, first, defined))
    return out


def glossary(regs: list[Regulation]) -> list[tuple[str, str, list[Usage]]]:
    rows = [(abbr, expansion, usages(abbr, regs)) for abbr, expansion in ABBREVIATIONS.items()]
    return sorted([r for r in rows if r[2]], key=lambda r: r[0])
