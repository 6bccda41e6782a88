"""Cut a source text into blocks: the smallest spans a unit can own.

A block is one line, except that a markdown hard break (two trailing spaces)
or an unclosed ``**`` carries the block on to the next line: those lines
were one paragraph in the original document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass
class Block:
    first_line: int     # 1-based line number in the source
    last_line: int
    text: str           # the lines, stripped of indentation and trailing spaces


def split_blocks(raw: str) -> list[Block]:
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            if current:
                blocks.append(Block(start, lineno - 1, "\n".join(current)))
                current = []
            continue
        if not current:
            start = lineno
        # Heading markers (##) are layout of the conversion, not words.
        current.append(_HEADING.sub("", line.strip()))
        joined = "\n".join(current)
        continues = line.endswith("  ") or joined.count("**") % 2 == 1
        if not continues:
            blocks.append(Block(start, lineno, joined))
            current = []
    if current:
        blocks.append(Block(start, start + len(current) - 1, "\n".join(current)))
    return blocks
