"""Facts for texts outside the corpus (drafts), read by the machine.

`quyche compare` works on any two texts. A text whose words are those of a
regulation of the corpus takes that regulation's reviewed facts; any other
(a draft, another office's text) has its facts read by the proposer, with the
actors of the other version lent to it so the same post has the same name on
both sides. Machine-read facts stay proposals (``review: proposed``), so the
comparison marks every line that rests on them.
"""
from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from .loader import Project, fact_from_data, load_corpus
from .model import Actor, Regulation
from .normalize import normalize
from .propose import propose_actors, propose_facts


def _words(reg: Regulation) -> str:
    return normalize(" ".join(u.text for u in reg.walk() if u.text))


@lru_cache(maxsize=2)
def _corpus(root: Path) -> tuple[Regulation, ...]:
    """The corpus, loaded once per command though both sides look in it."""
    regulations, _ = load_corpus(Project(root))
    return tuple(regulations)


def corpus_match(reg: Regulation, start: Path) -> Regulation | None:
    """The corpus regulation with exactly these words, if the command runs inside a
    project (or the file lies in one) that has it."""
    regulations: tuple[Regulation, ...] = ()
    for where in (start, None):           # beside the file, else where the command runs
        project = Project.find(where)
        if project.structured.is_dir():
            regulations = _corpus(project.root)
            break
    words = _words(reg)
    return next((other for other in regulations if _words(other) == words), None)


def read_facts(reg: Regulation, lent: tuple[Actor, ...] = ()) -> Regulation:
    """The regulation with machine-read actors and facts (as proposals) instead of its own."""
    borrowed = tuple(dataclasses.replace(a, reports_to=(), review="proposed") for a in lent)
    reg = dataclasses.replace(reg, facts=(), proposals=(), waivers=(), proposed_actors=borrowed, _index={})
    own = propose_actors(reg)
    reg = dataclasses.replace(reg, proposed_actors=borrowed + tuple(
        Actor(a.id, a.name, a.kind, 0, review="proposed", rule=a.rule) for a in own), _index={})
    facts = tuple(fact_from_data(p.as_yaml()) for p in propose_facts(reg))
    return dataclasses.replace(reg, facts=(), proposals=facts, _index={})


def with_facts(old: Regulation, new: Regulation) -> tuple[Regulation, Regulation]:
    """Both sides with facts that can be compared like with like: the reviewed facts
    when both texts are in the corpus, else both sides read by the machine (a
    reviewed fact against a machine reading would differ in how it is written,
    not in what the texts say), with the reviewed side's actors lent to both."""
    if old.facts and new.facts:
        return old, new
    actors = old.actors or new.actors
    return read_facts(old, actors), read_facts(new, actors)
