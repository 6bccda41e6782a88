"""One kind of error report for everything: file, line, unit, what, expected."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    unit: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        unit = f" {self.unit}:" if self.unit else ""
        return f"{where}:{unit} {self.message}"


class ProblemsFound(Exception):
    """Raised with every problem of a run, so they are reported together."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
