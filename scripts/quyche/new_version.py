"""A new version of a regulation carries its facts.

`quyche ingest NEW --supersedes OLD` ingests the new text, aligns it with the
old version (the same passes as `quyche align`), and then, fact by fact:

* a reviewed fact whose clauses are all unchanged in the new version (same
  words, whatever their new number) moves to the new ids and stays reviewed;
* a fact whose clauses changed is proposed again from the new clause by the
  machine (``review: proposed``), with ``was:`` naming the old fact, so the
  editor reads the old reviewed fact beside the new reading;
* the actors those facts name, and the reporting lines whose clause is
  unchanged, come along.

The comparison spec is written for review as `quyche align` writes it.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .align import Alignment
from .model import Actor, Fact, Regulation, Schedule, Source
from .normalize import normalize
from .propose import propose_actors, propose_facts


@dataclass
class Carried:
    actors: list[dict]
    facts: list[dict]             # reviewed, moved to the new ids
    proposals: list[dict]         # read again from changed clauses
    waivers: list[dict]           # reasons kept for unchanged clauses
    kept: int = 0


def unchanged_map(alignment: Alignment, old: Regulation, new: Regulation) -> dict[str, str]:
    """Old unit id -> new unit id, for units whose words did not change."""
    out = {}
    for pair in alignment.pairs:
        if len(pair.old) == 1 and len(pair.new) == 1:
            a, b = old.unit(pair.old[0]), new.unit(pair.new[0])
            if normalize(a.text) == normalize(b.text) and normalize(a.title or "") == normalize(b.title or ""):
                out[a.id] = b.id
    return out


def _schedule_data(sched: Schedule) -> dict:
    out: dict = {"kind": sched.kind, "words": sched.words}
    for key in ("rrule", "due", "relative_to", "offset_days", "count", "min", "max", "per", "window",
                "day_off_rule", "interpretation"):
        value = getattr(sched, key)
        if value is not None:
            out[key] = value
    if sched.working_days:
        out["working_days"] = True
    for key in ("periods", "months", "hedges"):
        if getattr(sched, key):
            out[key] = list(getattr(sched, key))
    if sched.interval != 1:
        out["interval"] = sched.interval
    return out


def _source_data(source: Source, unit: str) -> dict:
    return {"unit": unit, "quote": source.quote}


def fact_data(fact: Fact, units: dict[str, str]) -> dict:
    """A fact in the YAML shape, its clauses renamed by `units`."""
    out: dict = {"id": fact.id, "type": fact.type, "name": fact.name,
                 "source": _source_data(fact.source, units[fact.source.unit])}
    if fact.also:
        out["also"] = [_source_data(s, units[s.unit]) for s in fact.also]
    for key, value in (("chair", fact.chair), ("substitute", fact.substitute), ("attendees", list(fact.attendees)),
                       ("invited", list(fact.invited)), ("owner", fact.owner), ("from", list(fact.senders)),
                       ("to", list(fact.receivers)), ("period", fact.period), ("meeting", fact.meeting),
                       ("days", fact.days), ("threshold", fact.threshold), ("topic", fact.topic)):
        if value not in (None, []):
            out[key] = value
    if fact.schedule:
        out["schedule"] = _schedule_data(fact.schedule)
    if fact.note:
        out["note"] = fact.note
    return out


def actor_data(actor: Actor, units: dict[str, str]) -> dict:
    out: dict = {"id": actor.id, "name": actor.name, "kind": actor.kind}
    if actor.aliases:
        out["aliases"] = list(actor.aliases)
    if actor.group:
        out["group"] = actor.group
    lines = [{"actor": line.actor, "source": _source_data(line.source, units[line.source.unit])}
             for line in actor.reports_to if line.source.unit in units]
    if lines:
        out["reports_to"] = lines
    if actor.note:
        out["note"] = actor.note
    return out


def carry(old: Regulation, new: Regulation, alignment: Alignment) -> Carried:
    units = unchanged_map(alignment, old, new)
    kept = [f for f in old.facts if all(s.unit in units for s in f.sources)]
    kept_ids = {f.id for f in kept}
    # A deadline counted from a meeting needs the meeting: keep both or read both again.
    changed = True
    while changed:
        changed = False
        for fact in list(kept):
            ref = fact.schedule.relative_to if fact.schedule else None
            if (ref and ref not in kept_ids) or (fact.meeting and fact.meeting not in kept_ids):
                kept.remove(fact)
                kept_ids.discard(fact.id)
                changed = True
    moved = kept
    used = {a for f in moved for _, a in f.actor_roles()}
    actors = [a for a in old.actors if a.id in used or any(l.source.unit in units for l in a.reports_to)]
    actor_ids = {a.id for a in actors}
    # Reporting lines may only point at actors that come along.
    actor_rows = []
    for actor in actors:
        row = actor_data(actor, units)
        row["reports_to"] = [l for l in row.get("reports_to", []) if l["actor"] in actor_ids]
        if not row["reports_to"]:
            del row["reports_to"]
        actor_rows.append(row)
    used_by_lines = {l["actor"] for r in actor_rows for l in r.get("reports_to", [])} | \
                    {r["id"] for r in actor_rows if r.get("reports_to")}
    actor_rows = [r for r in actor_rows if r["id"] in used or r["id"] in used_by_lines]
    # Changed clauses are read again, with the old facts beside the proposals.
    with_actors = dataclasses.replace(
        new, actors=tuple(a for a in old.actors if a.id in {r["id"] for r in actor_rows}),
        facts=tuple(dataclasses.replace(f, source=dataclasses.replace(f.source, unit=units[f.source.unit]),
                                        also=tuple(dataclasses.replace(s, unit=units[s.unit]) for s in f.also))
                    for f in moved), _index={})
    extra = propose_actors(with_actors)
    with_actors = dataclasses.replace(with_actors, proposed_actors=tuple(
        Actor(a.id, a.name, a.kind, 0, review="proposed", rule=a.rule) for a in extra), _index={})
    waived = {units[w.unit] for w in old.waivers if w.unit in units}
    with_actors = dataclasses.replace(with_actors, waivers=tuple(
        dataclasses.replace(w, unit=units[w.unit]) for w in old.waivers if w.unit in units), _index={})
    proposals = [p for p in propose_facts(with_actors) if p.unit not in waived]
    old_by_unit: dict[str, list[Fact]] = {}
    for pair in alignment.pairs:
        for unit in pair.new:
            old_by_unit.setdefault(unit, []).extend(
                f for f in old.facts if f.id not in kept_ids and any(s.unit in pair.old for s in f.sources))
    for proposal in proposals:
        before = [f for f in old_by_unit.get(proposal.unit, []) if f.type == proposal.type]
        if before:
            proposal.was = before[0].id
    used_proposed = {v for p in proposals for value in p.roles.values()
                     for v in ([value] if isinstance(value, str) else value)}
    proposed_actor_rows = [{"id": a.id, "name": a.name, "kind": a.kind, "review": "proposed", "rule": a.rule}
                           for a in extra if a.id in used_proposed]
    waivers = [{"unit": units[w.unit], "reason": w.reason} for w in old.waivers if w.unit in units]
    return Carried(actor_rows + proposed_actor_rows, [fact_data(f, units) for f in moved],
                   [p.as_yaml() for p in proposals], waivers, kept=len(moved))
