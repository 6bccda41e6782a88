"""Which unit of one version corresponds to which unit of another.

The proposer works in passes and records which pass matched each pair:
``exact`` (same words), ``label`` (same id, similar text), ``fuzzy`` (most
similar words above a threshold), ``position`` (left between two aligned
neighbours and still alike), ``group`` (a unit left over next to a paired
one, whose words the other side's unit absorbed: a merge or a split). What
is left is ``added`` or ``removed``. People review the proposal, which is
stored as a comparison spec in YAML.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Regulation, Unit
from .normalize import normalize
from .numbering import label_of
from .worddiff import tokens, word_diff

FUZZY = 0.5       # similarity for a fuzzy pair
POSITION = 0.25   # similarity for a pair found by position
CONTAINED = 0.7   # share of a left-over unit's own words found in its neighbour's partner
SLACK = 0.1       # how far a merge or split may lower the pair's similarity (shared
                  # wording that two old clauses repeat, the merged clause says once)


@dataclass
class Pair:
    old: list[str]
    new: list[str]
    type: str                 # same | modified | moved | renumbered | split | merged | added | removed
    match: str                # label | exact | fuzzy | position | manual | none
    similarity: float | None = None   # stored rounded to 3 decimals; None for added and removed units
    reason: str | None = None
    line: int = 0
    similarity_line: int = 0


@dataclass
class Alignment:
    old: str
    new: str
    pairs: list[Pair] = field(default_factory=list)
    floor: float = POSITION
    lines: dict = field(default_factory=dict, compare=False, repr=False)   # key -> YAML line of a loaded spec


def text_units(reg: Regulation) -> list[Unit]:
    """Units that carry words of the text (block containers do not)."""
    return [u for u in reg.walk() if u.text]


def body(unit: Unit) -> str:
    """A unit's words without its number, for comparing content across renumbering."""
    parsed = label_of(unit.text, unit.scheme)
    text = parsed.rest if parsed and parsed.kind == unit.kind and unit.kind != "gach" else normalize(unit.text)
    if unit.title:
        text += " " + normalize(unit.title)
    return text


def similarity(a: Unit, b: Unit) -> float:
    return word_diff(body(a), body(b)).similarity


def pair_similarity(old: list[Unit], new: list[Unit]) -> float:
    """The similarity of a pair: the words of each side joined, so a merge or a
    split is measured the way the proposer grouped it."""
    return word_diff(_joined(old), _joined(new)).similarity


def _lis_members(seq: list[int]) -> set[int]:
    """Indexes of one longest increasing subsequence (pairs in order; the rest moved)."""
    import bisect
    tails, tails_idx, prev = [], [], [-1] * len(seq)
    for i, value in enumerate(seq):
        pos = bisect.bisect_left(tails, value)
        if pos == len(tails):
            tails.append(value)
            tails_idx.append(i)
        else:
            tails[pos] = value
            tails_idx[pos] = i
        prev[i] = tails_idx[pos - 1] if pos else -1
    members, i = set(), tails_idx[-1] if tails_idx else -1
    while i >= 0:
        members.add(i)
        i = prev[i]
    return members


def propose(old: Regulation, new: Regulation) -> Alignment:
    a, b = text_units(old), text_units(new)
    a_pos = {u.id: i for i, u in enumerate(a)}
    b_pos = {u.id: i for i, u in enumerate(b)}
    matched: dict[str, tuple[str, str, float]] = {}      # old id -> (new id, pass, similarity)
    taken: set[str] = set()

    def take(ua: Unit, ub: Unit, how: str, sim: float) -> None:
        matched[ua.id] = (ub.id, how, sim)
        taken.add(ub.id)

    # 1. exact: the same words.
    by_body: dict[str, list[Unit]] = {}
    for ub in b:
        if ub.id not in taken:
            by_body.setdefault(" ".join(tokens(body(ub))), []).append(ub)
    for ua in a:
        if ua.id in matched:
            continue
        candidates = [u for u in by_body.get(" ".join(tokens(body(ua))), []) if u.id not in taken]
        if candidates and tokens(body(ua)):
            take(ua, candidates[0], "exact", 1.0)
    # 2. label: the same anchor id and alike (after exact, so that an
    # inserted article does not steal the number of the one it pushed down).
    by_id = {u.id: u for u in b}
    for ua in a:
        ub = by_id.get(ua.id)
        if ub is not None and ub.kind == ua.kind and ua.id not in matched and ub.id not in taken:
            sim = similarity(ua, ub)
            if sim >= FUZZY:
                take(ua, ub, "label", sim)
    # 3. fuzzy: best pairs first, above the threshold.
    words_b = {u.id: set(tokens(body(u))) for u in b}
    scored = []
    for ua in a:
        if ua.id in matched:
            continue
        wa = set(tokens(body(ua)))
        if not wa:
            continue
        for ub in b:
            if ub.id in taken or not words_b[ub.id]:
                continue
            jaccard = len(wa & words_b[ub.id]) / len(wa | words_b[ub.id])
            if jaccard >= 0.25:
                scored.append((similarity(ua, ub), ua, ub))
    for sim, ua, ub in sorted(scored, key=lambda s: -s[0]):
        if sim < FUZZY:
            break
        if ua.id not in matched and ub.id not in taken:
            take(ua, ub, "fuzzy", sim)
    # 4. position: alone between two aligned neighbours and still alike.
    anchors = sorted((a_pos[o], b_pos[n]) for o, (n, _, _) in matched.items())
    bounds = [(-1, -1)] + anchors + [(len(a), len(b))]
    for (ao, bo), (an, bn) in zip(bounds, bounds[1:]):
        gap_a = [u for u in a[ao + 1:an] if u.id not in matched]
        gap_b = [u for u in b[bo + 1:bn] if u.id not in taken] if bn > bo else []
        for ua, ub in zip(gap_a, gap_b):
            sim = similarity(ua, ub)
            if sim >= POSITION:
                take(ua, ub, "position", sim)
    # Types: order breaks are "moved"; equal words with another number "renumbered".
    ordered = sorted(matched.items(), key=lambda kv: a_pos[kv[0]])
    in_order = _lis_members([b_pos[n] for _, (n, _, _) in ordered])
    alignment = Alignment(old.slug, new.slug)
    old_by_id = {u.id: u for u in a}
    for index, (old_id, (new_id, how, sim)) in enumerate(ordered):
        ua, ub = old_by_id[old_id], by_id[new_id]
        if index not in in_order:
            kind = "moved"
        elif tokens(body(ua)) == tokens(body(ub)):
            kind = "same" if tokens(ua.text) == tokens(ub.text) else "renumbered"
        else:
            kind = "modified"
        alignment.pairs.append(Pair([old_id], [new_id], kind, how, round(sim, 3)))
    # 5. group: merges and splits.
    _group(alignment.pairs, a, [u for u in a if u.id not in matched], "old", by_id, old_by_id)
    _group(alignment.pairs, b, [u for u in b if u.id not in taken], "new", by_id, old_by_id)
    grouped_old = {i for p in alignment.pairs for i in p.old}
    grouped_new = {i for p in alignment.pairs for i in p.new}
    alignment.pairs += [Pair([u.id], [], "removed", "none") for u in a if u.id not in grouped_old]
    alignment.pairs += [Pair([], [u.id], "added", "none") for u in b if u.id not in grouped_new]
    return alignment


def _joined(units: list[Unit]) -> str:
    return " ".join(body(u) for u in units)


def _group(pairs: list[Pair], order: list[Unit], leftover: list[Unit], side: str,
           new_by_id: dict[str, Unit], old_by_id: dict[str, Unit]) -> None:
    """Attach left-over units of one side to a neighbour's one-to-one pair when
    the partner on the other side holds their words: two old clauses become
    one new clause (merged), or one old clause is cut in two (split)."""
    position = {u.id: i for i, u in enumerate(order)}
    by_pos = {i: u for i, u in enumerate(order)}
    pair_of = {p.old[0] if side == "old" else p.new[0]: p for p in pairs
               if len(p.old) == 1 and len(p.new) == 1 and p.type != "moved"}
    for unit in leftover:
        for step in (-1, 1):
            neighbour = by_pos.get(position[unit.id] + step)
            pair = pair_of.get(neighbour.id) if neighbour is not None else None
            if pair is None or neighbour.kind != unit.kind:
                continue
            partner = old_by_id[pair.old[0]] if side == "new" else new_by_id[pair.new[0]]
            mine = [old_by_id[i] if side == "old" else new_by_id[i] for i in (pair.old if side == "old" else pair.new)]
            # The words this unit adds to its group must be in the partner.
            own = set(tokens(body(unit))) - set(tokens(_joined(mine)))
            if len(own) < 3 or len(own & set(tokens(body(partner)))) / len(own) < CONTAINED:
                continue
            grown = sorted(mine + [unit], key=lambda u: position[u.id])
            sim = word_diff(_joined(grown), body(partner)).similarity
            if sim < max(FUZZY, pair.similarity - SLACK):
                continue
            if side == "old":
                pair.old, pair.type = [u.id for u in grown], "merged"
            else:
                pair.new, pair.type = [u.id for u in grown], "split"
            pair.match, pair.similarity = "group", round(sim, 3)
            for u in grown:
                pair_of[u.id] = pair
            break


def display_order(alignment: Alignment, old: Regulation, new: Regulation) -> list[Pair]:
    """Pairs in the new text's order, removed units where they stood in the old one."""
    a_pos = {u.id: i for i, u in enumerate(text_units(old))}
    b_pos = {u.id: i for i, u in enumerate(text_units(new))}
    with_new = sorted((p for p in alignment.pairs if p.new), key=lambda p: min(b_pos.get(i, 0) for i in p.new))
    removed = sorted((p for p in alignment.pairs if not p.new), key=lambda p: min(a_pos.get(i, 0) for i in p.old))
    out: list[Pair] = []
    for pair in with_new:
        if pair.old and pair.type != "moved":
            here = min(a_pos.get(i, 0) for i in pair.old)
            while removed and min(a_pos.get(i, 0) for i in removed[0].old) < here:
                out.append(removed.pop(0))
        out.append(pair)
    return out + removed
