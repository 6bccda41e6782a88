"""The numbers Word shows for automatically numbered paragraphs.

Word stores "Điều %1." and a counter, not the text "Điều 3."; python-docx reads
neither, so the reader computes what Word displays from the numbering part:
``w:num`` (a list instance) → ``w:abstractNum`` (the level definitions: start,
format, level text), with ``w:lvlOverride/w:startOverride`` restarting a list.
As in Word, list instances that share one abstract definition share its
counters unless an instance restarts them, and a level restarts whenever a
higher level moves on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

from ..vietnamese import roman

#: Bullet characters of the Symbol and Wingdings fonts (private-use code points)
#: as the reader sees them on the page.
SYMBOL_BULLETS = {"\uf0b7": "•", "\uf02d": "-", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓",
                  "\uf0a8": "▪", "\uf06e": "■", "\uf071": "❑"}


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False        # w:isLgl: every placeholder in Arabic numerals
    restart: int | None = None  # w:lvlRestart: None = after any higher level
    rpr: object = None          # run properties of the number (bold, italic)


def _val(el, tag: str, default=None):
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


def _level(el) -> Level:
    restart = _val(el, "w:lvlRestart")
    return Level(start=int(_val(el, "w:start", "0") or 0), fmt=_val(el, "w:numFmt", "decimal"),
                 text=_val(el, "w:lvlText", ""), suffix=_val(el, "w:suff", "tab"),
                 legal=el.find(qn("w:isLgl")) is not None and _val(el, "w:isLgl", "1") not in ("0", "false"),
                 restart=int(restart) if restart is not None else None, rpr=el.find(qn("w:rPr")))


def letters(n: int) -> str:
    """Word's lowerLetter: a…z, then aa…zz (Word's alphabet: it has no đ)."""
    if n < 1:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def formatted(value: int, fmt: str) -> str:
    if fmt in ("decimal", "ordinal", "cardinalText", "ordinalText"):
        return str(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "lowerLetter":
        return letters(value)
    if fmt == "upperLetter":
        return letters(value).upper()
    if fmt == "lowerRoman":
        return roman(value).lower()
    if fmt == "upperRoman":
        return roman(value)
    if fmt == "none":
        return ""
    return str(value)


@dataclass
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    begun: set[str] = field(default_factory=set)

    @classmethod
    def from_part(cls, root) -> "Numbering":
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.findall(qn("w:abstractNum")):
            levels = {int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in abstract.findall(qn("w:lvl"))}
            numbering.abstract[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            starts, levels = {}, {}
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = _val(override, "w:startOverride")
                if start is not None:
                    starts[ilvl] = int(start)
                if override.find(qn("w:lvl")) is not None:
                    levels[ilvl] = _level(override.find(qn("w:lvl")))
            numbering.instances[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId"), starts, levels)
        return numbering

    def level(self, num_id: str, ilvl: int) -> Level | None:
        if num_id not in self.instances:
            return None
        abstract_id, _, own = self.instances[num_id]
        return own.get(ilvl) or self.abstract.get(abstract_id, {}).get(ilvl)

    def next_label(self, num_id: str | None, ilvl: int) -> tuple[str, Level] | None:
        """The number Word shows for the next paragraph of list `num_id` at level `ilvl`
        (the counters move on), with the text that separates it from the paragraph."""
        if not num_id or num_id == "0" or num_id not in self.instances:
            return None
        abstract_id, starts, _ = self.instances[num_id]
        levels = {i: self.level(num_id, i) for i in range(9)}
        current = levels.get(ilvl)
        if current is None:
            return None
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.begun:
            self.begun.add(num_id)
            for i, start in starts.items():
                counters[i] = start - 1
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else current.start
        for deeper in range(ilvl + 1, 9):
            lvl = levels.get(deeper)
            if deeper in counters and (lvl is None or lvl.restart is None or lvl.restart != 0 and ilvl + 1 <= lvl.restart):
                del counters[deeper]
        if current.fmt == "bullet":
            text = SYMBOL_BULLETS.get(current.text, current.text) or "•"
        else:
            text = current.text
            for i in range(9):
                token = f"%{i + 1}"
                if token in text:
                    lvl = levels.get(i) or Level()
                    value = counters.get(i, lvl.start)
                    text = text.replace(token, str(value) if current.legal and lvl.fmt != "none"
                                        else formatted(value, lvl.fmt))
        separator = "" if current.suffix == "nothing" else " "
        return text + separator if text else "", current
