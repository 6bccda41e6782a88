"""Anchor ids from the document's own numbering, one scheme for the whole site.

``dieu-19``, ``dieu-19-khoan-2``, ``dieu-19-khoan-2-diem-a``; unnumbered
paragraphs and dash items count within their parent (``dieu-3-doan-1``,
``dieu-2-khoan-3-gach-2``); the 2021 outline text joins its labels under
``muc-`` (``muc-b-ii-5-1-a``). Blocks outside the normative text (``khoi``)
keep the id an editor gave them (``quyet-dinh``, ``noi-nhan``) and prefix what
they contain (``quyet-dinh-dieu-1``).
"""
from __future__ import annotations

from typing import Protocol, Sequence

from .numbering import ID_PREFIX, SCHEMES, id_token


class TreeNode(Protocol):
    kind: str
    text: str
    id: str
    children: Sequence["TreeNode"]


def expected_ids(roots: Sequence[TreeNode], scheme: str) -> list[tuple[TreeNode, str]]:
    """Every node in document order with the id the numbering gives it.

    A number used twice under one parent gets ``-lan-2`` so ids stay unique;
    the duplicate itself is reported as a numbering anomaly elsewhere.
    """
    out: list[tuple[TreeNode, str]] = []
    used: set[str] = set()
    numbering = SCHEMES[scheme]

    def unique(candidate: str) -> str:
        if candidate not in used:
            used.add(candidate)
            return candidate
        n = 2
        while f"{candidate}-lan-{n}" in used:
            n += 1
        used.add(f"{candidate}-lan-{n}")
        return f"{candidate}-lan-{n}"

    def visit(node: TreeNode, parent_id: str, container: str,
              outline_path: tuple[str, ...], counters: dict[str, int]) -> None:
        kind = node.kind
        path = outline_path
        if kind == "khoi":
            my_id = unique(node.id)
        elif kind in ("gach", "doan"):
            counters[kind] = counters.get(kind, 0) + 1
            my_id = unique(f"{container}-{ID_PREFIX[kind]}-{counters[kind]}")
        else:
            parsed = numbering.label(node.text)
            number = id_token(parsed.number) if parsed and parsed.kind == kind else "x"
            path = outline_path + (number,)
            my_id = unique(numbering.numbered_id(kind, number, parent_id, path))
        out.append((node, my_id))
        child_counters: dict[str, int] = {}
        # Chapters and parts do not enter article ids: Điều numbers run
        # across chapters, so "dieu-19" stays "dieu-19" if chapters change.
        child_parent = "" if kind in ("chuong",) else my_id
        for child in node.children:
            visit(child, child_parent, my_id, path if kind != "khoi" else (), child_counters)

    top_counters: dict[str, int] = {}
    for root in roots:
        visit(root, "", "van-ban", (), top_counters)
    return out
