"""Comparison specs: the reviewed alignment of two versions, stored as YAML.

``structured/so-sanh/<old>--<new>.yaml`` holds one pair per row. The check
proves that every unit of both versions is accounted for exactly once and that
aligned pairs are alike enough or say why they are paired.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .align import POSITION, Alignment, Pair, similarity, text_units
from .loader import Project
from .model import Regulation
from .problems import Problem
from .yamlio import Located, YamlProblem, load_located

TYPES = ("same", "modified", "moved", "renumbered", "split", "merged", "added", "removed")
MATCHES = ("label", "exact", "fuzzy", "position", "group", "manual", "none")
KEYS = {"old", "new", "type", "match", "similarity", "reason"}

HEADER = """\
# So sánh hai phiên bản: từng cặp đơn vị (old -> new) với loại thay đổi.
# type: same | modified | moved | renumbered | split | merged | added | removed
# match: lượt ghép của máy (label, exact, fuzzy, position, group) hoặc manual (người rà soát).
# Đề xuất bởi `quyche align OLD NEW`; người rà soát sửa, thêm reason khi cần, rồi commit.
# `quyche check` kiểm tra: mỗi đơn vị của hai văn bản xuất hiện đúng một lần;
# cặp có độ giống nhau dưới `floor` phải có reason.
"""


def spec_dir(project: Project) -> Path:
    return project.structured / "so-sanh"


def spec_path(project: Project, old: str, new: str) -> Path:
    return spec_dir(project) / f"{old}--{new}.yaml"


def _ids(value) -> list[str]:
    if value in (None, ""):
        return []
    return [value] if isinstance(value, str) else list(value)


def dump(alignment: Alignment) -> str:
    rows = []
    for pair in alignment.pairs:
        row: dict = {}
        if pair.old:
            row["old"] = pair.old[0] if len(pair.old) == 1 else pair.old
        if pair.new:
            row["new"] = pair.new[0] if len(pair.new) == 1 else pair.new
        row["type"] = pair.type
        row["match"] = pair.match
        if pair.old and pair.new:
            row["similarity"] = pair.similarity
        if pair.reason:
            row["reason"] = pair.reason
        rows.append(row)
    body = yaml.safe_dump({"old": alignment.old, "new": alignment.new, "floor": alignment.floor, "pairs": rows},
                          allow_unicode=True, sort_keys=False, width=10_000)
    return HEADER + body


def load(path: Path, project: Project) -> tuple[Alignment | None, list[Problem]]:
    shown = project.shown(path)
    try:
        doc = load_located(path)
    except YamlProblem as exc:
        return None, [Problem(shown, exc.line, exc.message)]
    problems: list[Problem] = []
    if not isinstance(doc, Located) or not {"old", "new", "pairs"} <= set(doc):
        return None, [Problem(shown, getattr(doc, "line", 1), "expected keys old, new, floor, pairs")]
    for key in set(doc) - {"old", "new", "floor", "pairs"}:
        problems.append(Problem(shown, doc.line_of(key), f"unknown key '{key}'; expected old, new, floor, pairs"))
    alignment = Alignment(doc["old"], doc["new"], floor=float(doc.get("floor", POSITION)))
    for row in doc["pairs"] or []:
        if not isinstance(row, Located):
            problems.append(Problem(shown, doc.line_of("pairs"), "each pair must be a mapping"))
            continue
        for key in set(row) - KEYS:
            problems.append(Problem(shown, row.line_of(key), f"unknown key '{key}'; expected one of {', '.join(sorted(KEYS))}"))
        if row.get("type") not in TYPES:
            problems.append(Problem(shown, row.line_of("type"), f"type {row.get('type')!r}; expected one of {', '.join(TYPES)}"))
        if row.get("match", "manual") not in MATCHES:
            problems.append(Problem(shown, row.line_of("match"), f"match {row.get('match')!r}; expected one of {', '.join(MATCHES)}"))
        alignment.pairs.append(Pair(_ids(row.get("old")), _ids(row.get("new")), row.get("type", ""),
                                    row.get("match", "manual"), float(row.get("similarity", 0) or 0),
                                    row.get("reason"), row.line))
    return alignment, problems


def check(alignment: Alignment, old: Regulation, new: Regulation, shown: str) -> list[Problem]:
    problems = []
    for side, reg, ids_of in (("old", old, lambda p: p.old), ("new", new, lambda p: p.new)):
        wanted = [u.id for u in text_units(reg)]
        seen: dict[str, int] = {}
        for pair in alignment.pairs:
            for unit_id in ids_of(pair):
                if not reg.has_unit(unit_id):
                    problems.append(Problem(shown, pair.line, f"{side} unit '{unit_id}' is not in {reg.slug}"))
                elif unit_id in seen:
                    problems.append(Problem(shown, pair.line, f"{side} unit '{unit_id}' is accounted for twice "
                                            f"(first at line {seen[unit_id]})", unit_id))
                seen.setdefault(unit_id, pair.line)
        for unit_id in wanted:
            if unit_id not in seen:
                problems.append(Problem(shown, 0, f"{side} unit '{unit_id}' of {reg.slug} is in no pair; "
                                        f"add it (type {'removed' if side == 'old' else 'added'} if it has no partner)",
                                        unit_id))
    for pair in alignment.pairs:
        if pair.type == "added" and (pair.old or not pair.new) or pair.type == "removed" and (pair.new or not pair.old):
            problems.append(Problem(shown, pair.line, f"type {pair.type} does not fit old={pair.old} new={pair.new}"))
        if pair.type not in ("added", "removed") and not (pair.old and pair.new):
            problems.append(Problem(shown, pair.line, f"type {pair.type} needs units on both sides"))
        if pair.type == "split" and len(pair.new) < 2 or pair.type == "merged" and len(pair.old) < 2:
            problems.append(Problem(shown, pair.line, f"type {pair.type} needs several units on the "
                                    f"{'new' if pair.type == 'split' else 'old'} side"))
        if len(pair.old) == 1 and len(pair.new) == 1 and old.has_unit(pair.old[0]) and new.has_unit(pair.new[0]):
            sim = similarity(old.unit(pair.old[0]), new.unit(pair.new[0]))
            if sim < alignment.floor and not pair.reason:
                problems.append(Problem(shown, pair.line, f"pair {pair.old[0]} → {pair.new[0]} has similarity "
                                        f"{sim:.2f}, below the floor {alignment.floor}; write a reason or unpair them"))
    return problems


def load_all(project: Project, regs: dict[str, Regulation]) -> tuple[list[Alignment], list[Problem]]:
    out, problems = [], []
    for path in sorted(spec_dir(project).glob("*.yaml")):
        alignment, found = load(path, project)
        problems += found
        if alignment is None:
            continue
        missing = [s for s in (alignment.old, alignment.new) if s not in regs]
        if missing:
            problems.append(Problem(project.shown(path), 1, f"unknown regulation(s): {', '.join(missing)}"))
            continue
        problems += check(alignment, regs[alignment.old], regs[alignment.new], project.shown(path))
        out.append(alignment)
    return out, problems
