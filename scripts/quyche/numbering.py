"""Reading a unit's own number from its text, and the anchor ids built from it.

Two schemes cover the corpus, each a :class:`NumberingScheme` in :data:`SCHEMES`:

* ``dieu``: Chương / Điều / khoản (``1.``, ``**1.**``, ``1/-``) / điểm (``a)``)
  / mục (``(1)-``) / gạch đầu dòng (``-``) / đoạn;
* ``outline``: the 2021 Đắk Lắk web text, A./B. → I./II. → 1. → 1.1. → a).

``label_of`` is the only place that knows what a label looks like; ingest uses it
to classify blocks, the model to derive numbers, the checker to recompute ids.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import normalize
from .vietnamese import DIEM_LETTERS, roman_value


@dataclass(frozen=True)
class Label:
    kind: str
    number: str   # as the document writes it: "19", "IV", "a", "1" (of 5.1.)
    label: str    # the literal label, e.g. "Điều 19.", "1/-", "(1)-", "5.1."
    rest: str     # the text after the label (a title or the clause's words)


_DIEU_PATTERNS = [
    ("chuong", re.compile(r"^(chương)\s+([IVXLC]+)\b\.?\s*(.*)$", re.I | re.S)),
    ("dieu", re.compile(r"^(điều)\s+(\d+)\s*[.:]\s*(.*)$", re.I | re.S)),
    ("muc", re.compile(r"^(\((\d+)\)\s*-?)\s*(.*)$", re.S)),
    ("khoan", re.compile(r"^((\d+)\s*(?:/-|\.(?!\d)))\s*(.*)$", re.S)),
    ("diem", re.compile(r"^((?:-\s*)?([a-zđ])\))(?:\s+|$)(.*)$", re.S)),
    ("gach", re.compile(r"^([-–•])\s*(.*)$", re.S)),
]

_OUTLINE_PATTERNS = [
    ("muc", re.compile(r"^(([IVX]+)\.)(?:\s+|$)(.*)$", re.S)),
    ("phan", re.compile(r"^(([A-Z])\.)(?:\s+|$)(.*)$", re.S)),
    ("tieu_khoan", re.compile(r"^((\d+)\.(\d+)\.?)(?:\s+|$)(.*)$", re.S)),
    ("khoan", re.compile(r"^((\d+)\.)(?:\s+|$)(.*)$", re.S)),
    ("diem", re.compile(r"^(([a-zđ])\))(?:\s+|$)(.*)$", re.S)),
    ("gach", re.compile(r"^([-–•])\s*(.*)$", re.S)),
]


@dataclass(frozen=True)
class NumberingScheme:
    """One way a document numbers its units: everything the project knows about it.

    ``patterns``: what each kind of label looks like, tried in order;
    ``parents``: under which kinds each numbered kind may sit (ingest builds
    the tree with it); ``top``: the first level of the body; ``headings``:
    the page's heading level of each kind (``headed_with_children``: kinds that
    are headings only when they hold units); ``path_ids``: ids join every
    label from the top ("muc-b-ii-5-1-a") instead of the article's own number
    ("dieu-19-khoan-2"); ``detect``: lines whose presence says a text uses it;
    ``article``: the kind that plays an article's part in counts and indexes,
    and ``article_word`` what a reader calls it ("19 điều sửa đổi").
    """
    name: str
    patterns: tuple[tuple[str, re.Pattern], ...]
    parents: dict
    top: str
    headings: dict
    headed_with_children: tuple[str, ...] = ()
    path_ids: bool = False
    detect: tuple[re.Pattern, ...] = ()
    article: str = "dieu"
    article_word: str = "điều"
    # Labels read so far: citations ask for a unit's label again and again, and the
    # whole text is normalized each time (4% of the build at 100 texts).
    _labels: dict = field(default_factory=dict, compare=False, repr=False)

    def label(self, text: str) -> Label | None:
        """The label a block of source text starts with, or None for plain prose."""
        if text not in self._labels:
            if len(self._labels) > 100_000:
                self._labels.clear()
            self._labels[text] = self._read_label(text)
        return self._labels[text]

    def _read_label(self, text: str) -> Label | None:
        plain = normalize(text)
        for kind, pattern in self.patterns:
            m = pattern.match(plain)
            if not m:
                continue
            if kind == "gach":
                return Label("gach", "", m.group(1), m.group(2))
            if kind in ("chuong", "dieu"):
                return Label(kind, m.group(2).upper() if kind == "chuong" else m.group(2),
                             f"{m.group(1)} {m.group(2)}", m.group(3))
            if kind == "tieu_khoan":
                return Label(kind, m.group(3), m.group(1), m.group(4))
            return Label(kind, m.group(2), m.group(1), m.group(3))
        return None

    def numbered_id(self, kind: str, token: str, parent_id: str, path: tuple[str, ...]) -> str:
        """The anchor id of a numbered unit (``token``: its number as in an id)."""
        if self.path_ids:
            return "muc-" + "-".join(path)
        if kind == "chuong":
            return f"chuong-{token}"
        return f"{parent_id + '-' if parent_id else ''}{ID_PREFIX[kind]}-{token}"

    def heading_level(self, kind: str, has_children: bool) -> int | None:
        if kind in self.headed_with_children and not has_children:
            return None
        return self.headings.get(kind)

    def fits(self, raw: str) -> bool:
        return all(p.search(raw) for p in self.detect)


DIEU = NumberingScheme(
    "dieu", tuple(_DIEU_PATTERNS),
    parents={"chuong": ("khoi",), "dieu": ("chuong", "khoi"), "khoan": ("dieu",),
             "muc": ("khoan", "dieu"), "diem": ("khoan", "dieu", "muc")},
    top="chuong", headings={"chuong": 2, "dieu": 3},
    detect=(re.compile(r"^\W*Điều\s+\d+\.", re.M | re.I),))

OUTLINE = NumberingScheme(
    "outline", tuple(_OUTLINE_PATTERNS),
    parents={"phan": ("khoi",), "muc": ("phan",), "khoan": ("muc", "phan"), "tieu_khoan": ("khoan",),
             "diem": ("tieu_khoan", "khoan", "muc")},
    top="phan", headings={"phan": 2, "muc": 3, "khoan": 4}, headed_with_children=("khoan",), path_ids=True,
    article="khoan", article_word="mục",
    detect=(re.compile(r"^[A-Z]\.\s", re.M), re.compile(r"^\d+\.\d+\.\s", re.M)))

#: Every scheme by the name the YAML's ``metadata.scheme`` gives.
SCHEMES = {s.name: s for s in (DIEU, OUTLINE)}


def detect_scheme(raw: str) -> str:
    """The scheme a source text uses: the outline's when its signs are there and no "Điều N." is."""
    return OUTLINE.name if OUTLINE.fits(raw) and not DIEU.fits(raw) else DIEU.name


def label_of(text: str, scheme: str) -> Label | None:
    """The label a block of source text starts with in the named scheme, or None for plain prose."""
    return SCHEMES[scheme].label(text)


def ordinal(kind: str, number: str) -> int | None:
    """Position of a number in its sequence (IV -> 4, đ -> 5), for gap checks."""
    if kind == "chuong" or (kind == "muc" and number.isalpha()):
        return roman_value(number)
    if kind == "diem":
        idx = DIEM_LETTERS.find(number)
        return idx + 1 if idx >= 0 else None
    if kind == "phan":
        return ord(number.upper()) - ord("A") + 1
    return int(number) if number.isdigit() else None


def id_token(number: str) -> str:
    """A number as it appears inside an anchor id: lower-case ASCII."""
    return number.lower().replace("đ", "dd")


ID_PREFIX = {"chuong": "chuong", "dieu": "dieu", "khoan": "khoan", "diem": "diem",
             "muc": "muc", "phan": "phan", "tieu_khoan": "khoan",
             "gach": "gach", "doan": "doan"}
