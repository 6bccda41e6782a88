"""From blocks to the unit tree, in the document's own numbering.

The rules are deliberately few and visible; what they cannot know (typos, the
meaning of a page break) is left for the editor to record as data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..normalize import normalize
from ..numbering import DIEU, SCHEMES, label_of
from .blocks import Block

_CHROME = re.compile(r"^(Cập nhật lúc:|Hôm nay:|Hôm qua:|Trong tuần:|Tất cả:)")
_RECIPIENTS = re.compile(r"^Nơi nhận\b")
_DECISION = re.compile(r"^QUYẾT ĐỊNH$")


@dataclass
class Node:
    kind: str
    text: str = ""
    id: str = ""
    role: str | None = None
    normative: bool = True
    title: str | None = None
    first_line: int = 0
    last_line: int = 0
    children: list["Node"] = field(default_factory=list)

    def add(self, block: Block, kind: str) -> "Node":
        node = Node(kind, block.text, first_line=block.first_line,
                    last_line=block.last_line, normative=self.normative)
        self.children.append(node)
        return node


def _khoi(id_: str, role: str, first: Block) -> Node:
    return Node("khoi", id=id_, role=role, normative=False,
                first_line=first.first_line, last_line=first.last_line)


def _body_start(blocks: list[Block], scheme: str) -> int:
    first_kind = SCHEMES[scheme].top
    plain = [normalize(b.text) for b in blocks]
    begin = 0
    decision = next((i for i, p in enumerate(plain) if _DECISION.match(p)), None)
    if decision is not None:
        # The issuing decision has its own Điều 1–3; the regulation starts
        # after the decision's recipient list.
        begin = next((i + 1 for i in range(decision, len(plain)) if _RECIPIENTS.match(plain[i])), 0)
    for kind in (first_kind, "dieu"):
        for i in range(begin, len(blocks)):
            block = blocks[i]
            parsed = label_of(block.text, scheme)
            if parsed and parsed.kind == kind:
                return i
    return len(blocks)


def _tail_start(blocks: list[Block], start: int) -> int:
    for i in range(start, len(blocks)):
        if _RECIPIENTS.match(normalize(blocks[i].text)):
            return i
    return len(blocks)


def build_tree(blocks: list[Block], scheme: str) -> list[Node]:
    """The top-level units: front matter, the normative body, closing blocks."""
    body = _body_start(blocks, scheme)
    tail = _tail_start(blocks, body)
    roots: list[Node] = []
    roots += _front_matter(blocks[:body], scheme)
    body_end = tail
    while body_end > body and _CHROME.match(normalize(blocks[body_end - 1].text)):
        body_end -= 1
    roots += _body(blocks[body:body_end], scheme)
    if body_end < tail:
        chrome = _khoi("trang-web-cuoi", "chrome", blocks[body_end])
        _fill_flat(chrome, blocks[body_end:tail], scheme, numbered=False)
        roots.append(chrome)
    roots += _closing(blocks[tail:])
    _split_chrome(roots)
    return roots


def _front_matter(blocks: list[Block], scheme: str) -> list[Node]:
    if not blocks:
        return []
    plain = [normalize(b.text) for b in blocks]
    decision_at = next((i for i, p in enumerate(plain) if _DECISION.match(p)), None)
    if decision_at is None:
        front = _khoi("mo-dau", "header", blocks[0])
        _fill_flat(front, blocks, scheme)
        return [front]
    # A decision that issues the regulation: its own Điều 1–3, recipients and
    # signature come first, then the regulation's own header.
    recipients = next((i for i, p in enumerate(plain) if _RECIPIENTS.match(p)), len(blocks))
    end = recipients + 1
    while end < len(blocks) and DIEU.label(blocks[end].text) and DIEU.label(blocks[end].text).kind == "gach":
        end += 1
    decision = _khoi("quyet-dinh", "decision", blocks[0])
    _fill_flat(decision, blocks[:recipients], scheme)
    sent = _khoi("quyet-dinh-noi-nhan", "recipients", blocks[recipients])
    _fill_flat(sent, blocks[recipients:end], scheme, numbered=False)
    out = [decision, sent]
    if end < len(blocks):
        front = _khoi("mo-dau", "header", blocks[end])
        _fill_flat(front, blocks[end:], scheme, numbered=False)
        out.append(front)
    return out


def _fill_flat(parent: Node, blocks: list[Block], scheme: str, numbered: bool = True) -> None:
    """Non-normative blocks: paragraphs, except an article label is kept as such."""
    current = parent
    for block in blocks:
        parsed = label_of(block.text, scheme)
        if numbered and parsed and parsed.kind == "dieu":
            current = parent.add(block, "dieu")
        elif parsed and parsed.kind == "gach" and not numbered:
            parent.add(block, "gach")
        else:
            kind = "gach" if (parsed and parsed.kind == "gach") else "doan"
            (current if kind == "gach" else parent).add(block, kind)
            if kind == "doan":
                current = parent
        parent.last_line = block.last_line


def _body(blocks: list[Block], scheme: str) -> list[Node]:
    roots: list[Node] = []
    stack: list[Node] = []
    parents = SCHEMES[scheme].parents
    pending_title = False
    for block in blocks:
        parsed = label_of(block.text, scheme)
        kind = parsed.kind if parsed else "doan"
        if kind == "chuong":   # a chapter closes every open unit; its title may stand in the next block
            node = Node("chuong", block.text, first_line=block.first_line, last_line=block.last_line)
            roots.append(node)
            stack = [node]
            pending_title = not parsed.rest
            continue
        if pending_title and kind == "doan":
            stack[-1].title = block.text
            stack[-1].last_line = block.last_line
            pending_title = False
            continue
        pending_title = False
        if kind in parents:
            allowed = parents[kind]
            while stack and stack[-1].kind not in allowed:
                stack.pop()
            node = Node(kind, block.text, first_line=block.first_line, last_line=block.last_line)
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
            continue
        # Prose and dash items belong to the deepest open numbered unit.
        node = Node(kind, block.text, first_line=block.first_line, last_line=block.last_line)
        (stack[-1].children if stack else roots).append(node)
    return roots


def _closing(blocks: list[Block]) -> list[Node]:
    if not blocks:
        return []
    end = 1
    while end < len(blocks) and normalize(blocks[end].text).startswith("-"):
        end += 1
    sent = _khoi("noi-nhan", "recipients", blocks[0])
    for block in blocks[:end]:
        sent.add(block, "gach" if normalize(block.text).startswith("-") else "doan")
    out = [sent]
    if end < len(blocks):
        sign = _khoi("chu-ky", "signature", blocks[end])
        for block in blocks[end:]:
            sign.add(block, "doan")
        out.append(sign)
    return out


def _split_chrome(roots: list[Node]) -> None:
    """Web-page chrome (update stamps, visit counters) becomes its own block."""
    count = 0

    def fix(siblings: list[Node]) -> list[Node]:
        nonlocal count
        out: list[Node] = []
        for node in siblings:
            if node.kind == "khoi" and node.role == "chrome":
                out.append(node)
                continue
            node.children = fix(node.children)
            if node.kind != "khoi" and _CHROME.match(normalize(node.text)):
                if out and out[-1].kind == "khoi" and out[-1].role == "chrome":
                    out[-1].children.append(_as_doan(node))
                    continue
                count += 1
                chrome = Node("khoi", id="trang-web-dau" if count == 1 else f"trang-web-{count}", role="chrome", normative=False,
                              first_line=node.first_line, last_line=node.last_line)
                chrome.children.append(_as_doan(node))
                out.append(chrome)
                continue
            out.append(node)
        return out

    roots[:] = fix(roots)


def _as_doan(node: Node) -> Node:
    node.kind = "doan"
    node.normative = False
    return node
