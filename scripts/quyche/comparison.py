"""Comparison specs: the reviewed alignment of two versions, stored as YAML.

``structured/so-sanh/<old>--<new>.yaml`` holds one pair per row. The check
proves that every unit of both versions is accounted for exactly once and that
aligned pairs are alike enough or say why they are paired.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .align import Alignment, Pair, pair_similarity, text_units
from .loader import Project, schema_problems
from .model import Regulation
from .problems import Problem
from .yamlio import YamlProblem, load_located

HEADER = """\
# yaml-language-server: $schema=../comparison.schema.json
# So sánh hai phiên bản: từng cặp đơn vị (old -> new) với loại thay đổi.
# type: same | modified | moved | renumbered | split | merged | added | removed
# match: lượt ghép của máy (label, exact, fuzzy, position, group) hoặc manual (người rà soát).
# similarity: tỷ lệ từ chung của hai bên, do máy tính; `quyche check` tính lại và báo lỗi nếu khác.
# Đề xuất bởi `quyche align OLD NEW`; người rà soát sửa, thêm reason khi cần, rồi commit.
# `quyche check` kiểm tra: mỗi đơn vị của hai văn bản xuất hiện đúng một lần;
# cặp có độ giống nhau dưới `floor` phải có reason. Cấu trúc: structured/comparison.schema.json.
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
    """A comparison spec through the same strict path as a regulation: safe YAML with
    lines, then its JSON Schema; None when the file cannot be read as a spec."""
    shown = project.shown(path)
    try:
        doc = load_located(path)
    except YamlProblem as exc:
        return None, [Problem(shown, exc.line, exc.message)]
    problems = schema_problems(doc, shown, project.comparison_schema_path)
    if problems:
        return None, problems
    alignment = Alignment(doc["old"], doc["new"], floor=float(doc["floor"]), lines=dict(doc.key_lines))
    for row in doc["pairs"]:
        similarity_ = row.get("similarity")
        alignment.pairs.append(Pair(_ids(row.get("old")), _ids(row.get("new")), row["type"], row["match"],
                                    float(similarity_) if similarity_ is not None else None,
                                    row.get("reason"), row.line, row.line_of("similarity")))
    return alignment, problems


def check(alignment: Alignment, old: Regulation, new: Regulation, shown: str) -> list[Problem]:
    problems = []
    pairs_line = alignment.lines.get("pairs", 1)
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
                problems.append(Problem(shown, pairs_line, f"{side} unit '{unit_id}' of {reg.slug} is in no pair; "
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
        if not (pair.old and pair.new) or not all(map(old.has_unit, pair.old)) or not all(map(new.has_unit, pair.new)):
            if pair.similarity is not None and not (pair.old and pair.new):
                problems.append(Problem(shown, pair.similarity_line, "similarity of a pair with one side; remove it"))
            continue
        sim = round(pair_similarity([old.unit(i) for i in pair.old], [new.unit(i) for i in pair.new]), 3)
        names = f"{', '.join(pair.old)} → {', '.join(pair.new)}"
        if pair.similarity is None:
            problems.append(Problem(shown, pair.line, f"pair {names} has no similarity; the words give {sim}: "
                                    f"add similarity: {sim}"))
        elif pair.similarity != sim:
            problems.append(Problem(shown, pair.similarity_line, f"pair {names}: similarity {pair.similarity} is not "
                                    f"what the words give ({sim}); write {sim}"))
        if sim < alignment.floor and not pair.reason:
            problems.append(Problem(shown, pair.line, f"pair {names} has similarity {sim:.2f}, below the floor "
                                    f"{alignment.floor}; write a reason or unpair them"))
    return problems


def load_all(project: Project, regs: dict[str, Regulation]) -> tuple[list[Alignment], list[Problem]]:
    out, problems = [], []
    for path in sorted(spec_dir(project).glob("*.yaml")):
        alignment, found = load(path, project)
        problems += found
        if alignment is None:
            continue
        missing = [side for side in ("old", "new") if getattr(alignment, side) not in regs]
        for side in missing:
            problems.append(Problem(project.shown(path), alignment.lines.get(side, 1),
                                    f"{side}: '{getattr(alignment, side)}' is not a regulation in structured/"))
        if missing:
            continue
        problems += check(alignment, regs[alignment.old], regs[alignment.new], project.shown(path))
        out.append(alignment)
    return out, problems
