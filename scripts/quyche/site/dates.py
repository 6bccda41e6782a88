"""Two dates a reader asks of a regulation page: since when the text applies (in the
text's own words), and when the sorted-out text was last changed here.

"Có hiệu lực từ ngày ký" / "có hiệu lực (thi hành) (kể) từ ngày 01/8/2025" is the
wording of Vietnamese administrative texts (Nghị định 30/2020/NĐ-CP, Phụ lục I:
the article on effect); a text that states no date is said not to.
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..model import Regulation

_EFFECT = re.compile(
    r"(?:có|có\s+hiệu\s+lực)?\s*hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+từ\s+(?:ngày\s+)?"
    r"(?P<signed>ký(?:\s+ban\s+hành)?)?"
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4}))?"
    r"(?:(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))?", re.I)


@dataclass(frozen=True)
class Effect:
    date: dt.date
    quote: str
    unit: str


def took_effect(reg: Regulation) -> Effect | None:
    """The date the text says it takes effect, with its words and where it says so."""
    for unit in reg.walk():
        for m in _EFFECT.finditer(unit.plain):
            if m.group("signed") and reg.metadata.signed:
                day = reg.metadata.signed
            elif m.group("y"):
                day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            elif m.group("y2"):
                day = dt.date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
            else:
                continue
            return Effect(day, m.group(0).strip(), unit.id)
    return None


def last_changed(paths: list[Path]) -> dt.date | None:
    """The last commit that changed these files; without git (a copied folder, an
    archive), the files' modification date."""
    paths = [p for p in paths if p.exists()]
    if not paths:
        return None
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *map(str, paths)],
                             cwd=paths[0].parent, capture_output=True, text=True, timeout=20, check=False)
        if out.returncode == 0 and out.stdout.strip():
            return dt.date.fromisoformat(out.stdout.strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return dt.date.fromtimestamp(max(p.stat().st_mtime for p in paths))
