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


def _texts(reg: Regulation) -> list[tuple[str, str]]:
    """Each unit's id and normalized text."""
    return [(unit.id, normalize(unit.text)) for unit in reg.walk() if unit.text]


def usages(abbr: str, regs: list[Regulation], texts: dict[str, list[tuple[str, str]]] | None = None) -> list[Usage]:
    """Where each text uses ``abbr``: how often, first where, and its own definition.
    ``texts`` (by slug, from :func:`_texts`) spares normalizing every text again for
    each abbreviation: the glossary of 400 texts spent a fifth of the build on it."""
    pattern = re.compile(rf"(?<![\wĐđ]){re.escape(abbr)}(?![\wĐđ])")
    out = []
    for reg in regs:
        count, first, defined = 0, None, None
        for unit_id, text in (texts[reg.slug] if texts else _texts(reg)):
            if abbr not in text:
                continue
            hits = pattern.findall(text)
            if hits:
                count += len(hits)
                first = first or unit_id
                m = re.search(rf"([^(;,.]{{3,80}})\(\s*{re.escape(abbr)}\s*\)", text)
                if m and defined is None:
                    defined = m.group(0).strip()
        if count:
            out.append(Usage(reg, count, first, defined))
    return out


def glossary(regs: list[Regulation]) -> list[tuple[str, str, list[Usage]]]:
    texts = {reg.slug: _texts(reg) for reg in regs}
    rows = [(abbr, expansion, usages(abbr, regs, texts)) for abbr, expansion in ABBREVIATIONS.items()]
    return sorted([r for r in rows if r[2]], key=lambda r: r[0])
