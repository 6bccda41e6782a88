"""Does the YAML say what the source says? Text, order and coverage.

Every unit's text (and a chapter's separate title), normalised, must be the
next piece of the normalised source. Walking both in order proves at once that
each text equals its span and that nothing was dropped, duplicated or
reordered; what is left unmatched is reported with its source line.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Regulation, Unit
from .normalize import NormalizedSource, normalize
from .problems import Problem


@dataclass
class Coverage:
    """Where each unit lies in the source, and how much of the source is covered."""
    covered: int = 0
    total: int = 0
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 100.0


def _pieces(regulation: Regulation) -> list[tuple[Unit, str, str]]:
    out = []
    for unit in regulation.walk():
        if unit.text:
            out.append((unit, "text", normalize(unit.text)))
        if unit.title:
            out.append((unit, "title", normalize(unit.title)))
    return [p for p in out if p[2]]


def _excerpt(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def word_difference(actual: str, expected: str) -> str:
    """A short account of the first differing words: what the YAML has vs the source."""
    a, e = actual.split(" "), expected.split(" ")
    i = 0
    while i < min(len(a), len(e)) and a[i] == e[i]:
        i += 1
    j = 0
    while j < min(len(a), len(e)) - i and a[-1 - j] == e[-1 - j]:
        j += 1
    before = " ".join(e[max(0, i - 4):i])
    got = " ".join(a[i:len(a) - j]) or "(nothing)"
    want = " ".join(e[i:len(e) - j]) or "(nothing)"
    return f'after "…{before}", the YAML has "{_excerpt(got, 80)}" where the source has "{_excerpt(want, 80)}"'


def align(regulation: Regulation, shown_yaml: str, shown_source: str) -> Coverage:
    source = NormalizedSource(regulation.source_text())
    stream = source.text
    result = Coverage(total=len(stream.replace(" ", "")))
    pieces = _pieces(regulation)
    pos = 0

    def at(offset: int) -> str:
        return f"{shown_source}:{source.line_at(offset)}"

    def problem(unit: Unit, message: str) -> None:
        result.problems.append(Problem(shown_yaml, unit.text_line or unit.line, message, unit.id))

    def record(unit: Unit, start: int, end: int) -> None:
        first, last = source.line_at(start), source.line_at(max(start, end - 1))
        old = result.lines.get(unit.id)
        result.lines[unit.id] = (min(first, old[0]), max(last, old[1])) if old else (first, last)
        result.covered += len(stream[start:end].replace(" ", ""))

    for index, (unit, part, text) in enumerate(pieces):
        if stream.startswith(text, pos) and (pos + len(text) == len(stream) or stream[pos + len(text)] == " "):
            record(unit, pos, pos + len(text))
            pos = min(len(stream), pos + len(text) + 1)
            continue
        later = stream.find(text, pos)
        if later >= 0:
            skipped = stream[pos:later].strip()
            problem(unit, f"source text is missing before this unit ({at(pos)}): "
                          f'"{_excerpt(skipped)}" is not in any unit; add it to a unit in order')
            record(unit, later, later + len(text))
            pos = min(len(stream), later + len(text) + 1)
            continue
        earlier = stream.find(text)
        if 0 <= earlier < pos:
            problem(unit, f"{part} duplicates or reorders source text already covered at {at(earlier)}: "
                          f'"{_excerpt(text, 80)}"')
            continue
        # A real difference: find where the source resumes to bound this unit's span.
        end = -1
        for _, _, following in pieces[index + 1:index + 4]:
            end = stream.find(following, pos)
            if end >= 0:
                break
        if end < 0:
            end = min(len(stream), pos + len(text))
        expected = stream[pos:end].strip()
        problem(unit, f"{part} differs from the source ({at(pos)}): {word_difference(text, expected)}. "
                      f'Source text: "{_excerpt(expected)}"')
        pos = end
    rest = stream[pos:].strip()
    if rest:
        last = pieces[-1][0] if pieces else None
        result.problems.append(Problem(
            shown_yaml, (last.text_line or last.line) if last else 0,
            f"source text at the end is in no unit ({at(pos)}): \"{_excerpt(rest)}\"; add it to a unit after this one",
            last.id if last else None))
    return result
