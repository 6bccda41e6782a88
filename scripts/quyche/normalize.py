"""The one normalisation used whenever YAML text is compared with source text.

Documented for editors in docs/huong-dan-bien-tap.md. In order:

1. Unicode NFC (Vietnamese can be typed precomposed or with combining marks);
2. markdown heading markers at the start of a line (``## ``) are dropped;
3. markdown emphasis markers (``*``) are dropped, so ``**Điều 4.**`` == ``Điều 4.``;
4. every run of whitespace (spaces, tabs, newlines, NBSP) becomes one space,
   and the ends are trimmed.

Nothing else is forgiven: a changed letter, digit, diacritic or punctuation mark
is a difference.
"""
from __future__ import annotations

import re
import unicodedata

_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_EMPHASIS = re.compile(r"\*+")
_SPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalize(text: str) -> str:
    text = nfc(text)
    text = _HEADING.sub("", text)
    text = _EMPHASIS.sub("", text)
    return _SPACE.sub(" ", text).strip()


# Combining marks of the blocks Vietnamese (and Latin generally) uses, removed by
# one regex: a 400-regulation search index folds in a fraction of a second.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case, accent-free form for search and matching ("Chánh" -> "chanh")."""
    return _MARKS.sub("", unicodedata.normalize("NFD", nfc(text).lower()).replace("đ", "d"))


def fold_tones(text: str) -> str:
    """Lower-case, tones and vowel marks dropped, đ kept ("Đắk" -> "đak"): what Pagefind
    folds, and what it does not."""
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", nfc(text).lower())))


def slugify(text: str, separator: str = "-") -> str:
    """Anchor ids of Markdown headings (mkdocs.yml, toc): ASCII, đ as d, so
    "Họp lãnh đạo" is "hop-lanh-dao" (Markdown's own slugify drops đ: "hop-lanh-ao")."""
    return re.sub(r"[^a-z0-9]+", separator, fold(text)).strip(separator)


class NormalizedSource:
    """The source text normalised once, remembering each character's source line.

    The checker walks this stream in order; the line map lets every error quote
    the source line where the expected text lives.
    """

    def __init__(self, raw: str):
        raw = raw.removeprefix("\ufeff")   # a byte order mark is how the file was saved, not text
        chars: list[str] = []
        lines: list[int] = []
        pending_space = False
        for lineno, line in enumerate(nfc(raw).split("\n"), start=1):
            line = _HEADING.sub("", line)
            line = _EMPHASIS.sub("", line)
            for ch in line:
                if ch.isspace():
                    pending_space = bool(chars)
                    continue
                if pending_space:
                    chars.append(" ")
                    lines.append(lineno)
                    pending_space = False
                chars.append(ch)
                lines.append(lineno)
            pending_space = bool(chars)
        self.text = "".join(chars)
        self.line_of = lines

    def line_at(self, offset: int) -> int:
        if not self.line_of:
            return 1
        return self.line_of[min(max(offset, 0), len(self.line_of) - 1)]
