"""Word-level diff of Vietnamese text with diff-match-patch.

Vietnamese is written in syllables separated by spaces; diffing characters
would report "25" -> "26" as a one-letter change inside a word, and whitespace
noise as edits. Each distinct syllable (and punctuation mark) is mapped to one
private-use character, the encoded strings are diffed, and the result is
decoded, so every change is a whole syllable. Whitespace is not a token, so
whitespace-only changes are never shown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from .normalize import normalize

_TOKEN = re.compile(r"[\w]+|[^\w\s]", re.UNICODE)
EQUAL, INSERT, DELETE = 0, 1, -1


@dataclass(frozen=True)
class WordDiff:
    ops: tuple[tuple[int, tuple[str, ...]], ...]    # (op, tokens)

    @property
    def changed_words(self) -> int:
        return sum(len(t) for op, t in self.ops if op != EQUAL)

    @property
    def total_words(self) -> int:
        return sum(len(t) for op, t in self.ops)

    @property
    def similarity(self) -> float:
        old = sum(len(t) for op, t in self.ops if op != INSERT)
        new = sum(len(t) for op, t in self.ops if op != DELETE)
        same = sum(len(t) for op, t in self.ops if op == EQUAL)
        return 2 * same / (old + new) if old + new else 1.0

    @property
    def is_equal(self) -> bool:
        return all(op == EQUAL for op, _ in self.ops)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


def word_diff(old: str, new: str, timeout: float = 1.0) -> WordDiff:
    a, b = tokens(old), tokens(new)
    table: dict[str, str] = {}
    reverse: list[str] = []

    def encode(words: list[str]) -> str:
        out = []
        for word in words:
            if word not in table:
                table[word] = chr(0xF0000 + len(reverse)) if len(reverse) < 0xFFFD else chr(0x100000 + len(reverse))
                reverse.append(word)
            out.append(table[word])
        return "".join(out)

    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(encode(a), encode(b), False)
    dmp.diff_cleanupSemantic(diffs)
    index = {ch: word for word, ch in table.items()}
    ops = tuple((op, tuple(index[ch] for ch in chunk)) for op, chunk in diffs if chunk)
    return WordDiff(ops)


def space_before(previous: list[str], word: str) -> bool:
    """Whether display puts a space before a token: none before , . ; : ) », none
    after ( « and none inside numbers such as 5.1 or 25/11."""
    if not previous:
        return False
    last = previous[-1]
    if re.match(r"^[,.;:!?)\]»”%…/]$", word) or last in ("(", "[", "«", "“", "/"):
        return False
    if last == "." and len(previous) > 1 and previous[-2].isdigit() and word.isdigit():
        return False
    return True


def join_tokens(words: tuple[str, ...] | list[str]) -> str:
    out: list[str] = []
    text = ""
    for word in words:
        text += (" " if space_before(out, word) else "") + word
        out.append(word)
    return text
