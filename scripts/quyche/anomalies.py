"""Breaks in a document's own numbering, found by the machine.

Ingest writes them into the YAML; the checker recomputes them and fails when
the YAML's list and the text disagree, so an anomaly is never silently lost
nor invented.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .numbering import label_of, ordinal
from .vietnamese import DIEM_LETTERS, KIND_NAMES, roman


def _render(kind: str, n: int) -> str:
    if kind == "chuong" or kind == "muc_roman":
        return roman(n)
    if kind == "diem":
        return DIEM_LETTERS[n - 1] if 0 < n <= len(DIEM_LETTERS) else str(n)
    if kind == "phan":
        return chr(ord("A") + n - 1)
    return str(n)


@dataclass(frozen=True)
class FoundAnomaly:
    kind: str
    unit: str
    expected: str
    found: str

    @property
    def note(self) -> str:
        if self.kind == "numbering_gap":
            return f"Văn bản gốc không có {self.expected}; số tiếp theo là {self.found}."
        if self.kind == "numbering_duplicate":
            return f"Văn bản gốc dùng lại số: {self.found} xuất hiện hai lần (đáng lẽ là {self.expected})."
        return f"Văn bản gốc đánh số sai thứ tự: {self.found} đứng ở chỗ của {self.expected}."

    def as_yaml(self) -> dict:
        return {"kind": self.kind, "unit": self.unit, "expected": self.expected,
                "found": self.found, "note": self.note}


def numbering_anomalies(roots: Sequence, scheme: str, ids: dict[int, str]) -> list[FoundAnomaly]:
    """Gaps, repeats and reversals in each run of sibling numbers."""
    found: list[FoundAnomaly] = []

    def check_run(nodes: list) -> None:
        by_kind: dict[str, list] = {}
        for node in nodes:
            parsed = label_of(node.text, scheme)
            if parsed and parsed.kind == node.kind and node.kind != "gach":
                by_kind.setdefault(node.kind, []).append((node, parsed))
        for kind, run in by_kind.items():
            prev = 0
            for node, parsed in run:
                n = ordinal(kind, parsed.number)
                if n is None:
                    continue
                shown = "muc_roman" if (kind == "muc" and parsed.number.isalpha()) else kind
                name = KIND_NAMES[kind]
                if n == prev:
                    found.append(FoundAnomaly("numbering_duplicate", ids[id(node)],
                                              f"{name} {_render(shown, prev + 1)}", f"{name} {parsed.number}"))
                elif n < prev:
                    found.append(FoundAnomaly("numbering_order", ids[id(node)],
                                              f"{name} {_render(shown, prev + 1)}", f"{name} {parsed.number}"))
                elif n > prev + 1:
                    missing = _render(shown, prev + 1)
                    if n > prev + 2:
                        missing += f"–{_render(shown, n - 1)}"
                    found.append(FoundAnomaly("numbering_gap", ids[id(node)],
                                              f"{name} {missing}", f"{name} {parsed.number}"))
                prev = max(prev, n)

    def articles_in_body(nodes: list) -> list:
        out = []
        for node in nodes:
            if node.kind == "khoi":
                continue
            if node.kind == "dieu":
                out.append(node)
            elif node.kind in ("chuong", "phan"):
                out.extend(articles_in_body(node.children))
        return out

    def visit(nodes: list, parent_kind: str | None) -> None:
        if parent_kind is None:
            # Articles are numbered through the whole text, across chapters.
            run = [n for n in nodes if n.kind != "dieu"] + articles_in_body(nodes)
        elif parent_kind in ("chuong", "phan"):
            run = [n for n in nodes if n.kind != "dieu"]
        else:
            run = list(nodes)
        check_run(run)
        for node in nodes:
            visit(list(node.children), node.kind)

    visit(list(roots), None)
    found.sort(key=lambda a: _order(roots, ids).get(a.unit, 0))
    return found


def _order(roots: Sequence, ids: dict[int, str]) -> dict[str, int]:
    order: dict[str, int] = {}

    def walk(nodes):
        for node in nodes:
            order[ids[id(node)]] = len(order)
            walk(node.children)

    walk(roots)
    return order
