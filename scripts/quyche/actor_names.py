"""Is an actor named in a piece of text?

A plain substring test is too lenient for Vietnamese titles: "Chánh Văn
phòng" is inside "Phó Chánh Văn phòng", "Tỉnh ủy" inside "Thường trực Tỉnh
ủy", and "Văn phòng" inside both. So a name counts only where it stands as
whole words and is not part of a longer name of another actor of the same
regulation at that place.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .model import Actor, Regulation
from .normalize import normalize


@lru_cache(maxsize=4096)
def _lower(name: str) -> str:
    """A name as texts are searched: normalized, lower case, single spaces."""
    return " ".join(normalize(name).lower().split())


@lru_cache(maxsize=4096)
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, _lower(name).split())) + r"(?!\w)")


def _first_word(name: str) -> str:
    return _lower(name).split(" ", 1)[0]


def _spans(names: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    # A plain substring test first: most names are not in most texts, and the
    # regex scan of every name over every clause was a tenth of the build.
    return [m.span() for n in names if n.strip() and _first_word(n) in text for m in _pattern(n).finditer(text)]


def is_named(reg: Regulation, actor: Actor, text: str) -> bool:
    """True if `actor` is named in `text` by one of its names, not merely as
    part of another actor's name."""
    text = normalize(text).lower()
    own = _spans(actor.names, text)
    if not own:
        return False
    # Only a longer name holding one of this actor's names can hide it ("Phó Chánh Văn
    # phòng" hides "Chánh Văn phòng"): the other names need not be looked for.
    mine = [_lower(n) for n in actor.names if n.strip()]
    others = [s for a in (*reg.actors, *reg.proposed_actors)
              if a.id != actor.id and any(m in _lower(n) for n in a.names for m in mine)
              for s in _spans(a.names, text)]
    return any(not any(o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0]) for o in others)
               for s in own)


def mentions(actors, text: str) -> list[tuple[int, int, Actor]]:
    """Where each actor is named in a text (offsets in ``normalize(text)``), in order,
    leaving out a name that only stands inside a longer name of another actor."""
    text = normalize(text).lower()
    found = [(start, end, actor) for actor in actors for start, end in _spans(actor.names, text)]
    kept = [(s, e, a) for s, e, a in found
            if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, a2 in found if a2.id != a.id)]
    out, seen = [], set()
    for s, e, a in sorted(kept, key=lambda m: (m[0], -(m[1] - m[0]))):
        if (s, a.id) not in seen:
            seen.add((s, a.id))
            out.append((s, e, a))
    return out
