"""A comparison as a drafter reviews it: which rows matter, and the counts in articles.

One classification serves the comparison page, the Bảng so sánh (.docx, .xlsx,
.csv) and `quyche compare`:

* ``boilerplate`` — every unit of the pair is outside the normative text (the
  issuing decision, recipients, signatures, web chrome): folded into one row.
  The front matter (national motto, issuing body, title, legal bases) is outside
  it too, but a changed or added legal basis ("Căn cứ …") is a change a drafter
  must see: it stays a row;
* ``renumbered`` — the same words under another number (or place): shown, but
  hidden by the "changed only" filter;
* ``unchanged`` — the same words;
* ``changed`` — anything a reader must read: words changed, added, removed,
  split, merged.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .align import Alignment, display_order
from .changes import Row, rows, type_name
from .marks import is_legal_basis
from .model import Regulation, Unit
from .numbering import SCHEMES, label_of
from .worddiff import DELETE, INSERT, join_tokens, space_before, word_diff

BOILERPLATE, RENUMBERED, UNCHANGED, CHANGED = "boilerplate", "renumbered", "unchanged", "changed"



@dataclass(frozen=True)
class ReviewRow:
    row: Row
    status: str
    old_article: Unit | None
    new_article: Unit | None

    @property
    def pair(self):
        return self.row.pair

    @property
    def kind(self) -> str:
        """What the Thuyết minh column starts with."""
        if self.status == RENUMBERED:
            return "Đánh số lại" if self.pair.type != "moved" else "Chuyển chỗ"
        if self.status == UNCHANGED:
            return "Giữ nguyên"
        return type_name(self.pair.type if self.pair.type not in ("same", "renumbered") else "modified")


def _with_ancestors(reg: Regulation):
    def walk(units, ancestors):
        for unit in units:
            yield unit, ancestors
            yield from walk(unit.children, ancestors + (unit,))
    yield from walk(reg.units, ())


def _words_without_label(reg: Regulation, ids: list[str]) -> str:
    out = []
    for unit_id in ids:
        unit = reg.unit(unit_id)
        label = label_of(unit.text or "", reg.metadata.scheme or "dieu") if unit.text else None
        out.append(label.rest if label and label.kind not in ("gach",) else unit.text or "")
    return " ".join(out)


def review_rows(alignment: Alignment, old: Regulation, new: Regulation) -> list[ReviewRow]:
    articles_old = _articles_by_unit(old)
    articles_new = _articles_by_unit(new)
    roles_old, roles_new = _block_roles(old), _block_roles(new)
    out = []
    for row in rows(alignment, display_order(alignment, old, new), old, new):
        pair = row.pair
        units = [old.unit(i) for i in pair.old] + [new.unit(i) for i in pair.new]
        basis = any(roles_old.get(i) == "header" and is_legal_basis(old.unit(i).text) for i in pair.old) or \
            any(roles_new.get(i) == "header" and is_legal_basis(new.unit(i).text) for i in pair.new)
        if units and all(not u.normative for u in units) and not (basis and row.changed):
            status = BOILERPLATE
        elif not row.changed:
            status = UNCHANGED
        elif pair.old and pair.new and word_diff(_words_without_label(old, pair.old),
                                                 _words_without_label(new, pair.new)).is_equal:
            status = RENUMBERED
        else:
            status = CHANGED
        out.append(ReviewRow(row, status, articles_old.get(pair.old[0]) if pair.old else None,
                             articles_new.get(pair.new[0]) if pair.new else None))
    return out


def _block_roles(reg: Regulation) -> dict[str, str]:
    """The role of the non-normative block (header, decision, recipients, signature, chrome) each unit is in."""
    out = {}
    for unit, ancestors in _with_ancestors(reg):
        block = next((a for a in reversed((*ancestors, unit)) if a.kind == "khoi"), None)
        if block is not None and block.role:
            out[unit.id] = block.role
    return out


def _articles_by_unit(reg: Regulation) -> dict[str, Unit]:
    kind = SCHEMES[reg.metadata.scheme].article
    out = {}
    for unit, ancestors in _with_ancestors(reg):
        article = next((a for a in reversed((*ancestors, unit)) if a.kind == kind), None)
        if article is not None:
            out[unit.id] = article
    return out


def article_word(reg: Regulation) -> str:
    return SCHEMES[reg.metadata.scheme].article_word


@dataclass(frozen=True)
class Counts:
    """What changed, counted in articles, the way a drafter reports it."""
    modified: int      # articles of the new version with a changed unit (and some unit kept)
    added: int         # articles of the new version all of whose units are new
    removed: int       # articles of the old version all of whose units are gone
    renumbered: int    # articles of the new version whose words are unchanged but whose numbers are not
    unchanged: int     # articles of the new version with the same words and numbers
    new_word: str
    old_word: str

    def sentence(self) -> str:
        parts = [f"{self.modified} {self.new_word} sửa đổi", f"{self.added} {self.new_word} bổ sung",
                 f"{self.removed} {self.old_word} bãi bỏ"]
        if self.renumbered:
            parts.append(f"{self.renumbered} {self.new_word} chỉ đánh số lại")
        parts.append(f"{self.unchanged} {self.new_word} giữ nguyên")
        return ", ".join(parts)


def counts(review: list[ReviewRow], old: Regulation, new: Regulation) -> Counts:
    new_status: dict[str, set[str]] = {}
    old_status: dict[str, set[str]] = {}
    new_articles, old_articles = _articles_by_unit(new), _articles_by_unit(old)
    for r in review:
        if r.status == BOILERPLATE:
            continue
        for unit_id in r.pair.new:
            article = new_articles.get(unit_id)
            if article is not None:
                new_status.setdefault(article.id, set()).add("added" if r.pair.type == "added" else r.status)
        for unit_id in r.pair.old:
            article = old_articles.get(unit_id)
            if article is not None:
                old_status.setdefault(article.id, set()).add("removed" if r.pair.type == "removed" else r.status)
    tally = Counter()
    for statuses in new_status.values():
        if statuses == {"added"}:
            tally["added"] += 1
        elif statuses & {CHANGED, "added"}:
            tally["modified"] += 1
        elif RENUMBERED in statuses:
            tally["renumbered"] += 1
        else:
            tally["unchanged"] += 1
    removed = sum(1 for statuses in old_status.values() if statuses == {"removed"})
    return Counts(tally["modified"], tally["added"], removed, tally["renumbered"], tally["unchanged"],
                  article_word(new), article_word(old))


def article_index(reg: Regulation) -> list[Unit]:
    """The articles of a version, in order, for the page's index."""
    kind = SCHEMES[reg.metadata.scheme].article
    return [u for u, _ in _with_ancestors(reg) if u.kind == kind and u.normative]


def segments(row: Row, side: str) -> list[tuple[bool, str]]:
    """One side of a row's word diff as (marked, text) pieces: on the old side the
    removed words are marked, on the new side the added ones."""
    if row.diff is None:
        return []
    skip, mark = (INSERT, DELETE) if side == "old" else (DELETE, INSERT)
    shown: list[str] = []
    out: list[tuple[bool, str]] = []
    for op, words in row.diff.ops:
        if op == skip:
            continue
        lead = " " if space_before(shown, words[0]) else ""
        shown.extend(words)
        text = join_tokens(words)
        if lead and op == mark:
            out.append((False, lead))    # the mark starts at the word, not at the space before it
        elif lead:
            text = lead + text
        out.append((op == mark, text))
    return out
