#!/usr/bin/env python3
"""How well the machine's fact proposals match the reviewed facts.

For each regulation: remove its reviewed facts (and waivers, as for a text
nobody has annotated; its actors stay), propose, and pair each proposal with
the reviewed fact that cites the same clause with the same type and
overlapping words. Prints, by fact type, recall (reviewed facts found) and
precision (proposals that are reviewed facts), and, for the pairs, the share
whose schedule is exactly the same: the same dates in a year for dated
schedules, the same kind, count, periods and months otherwise.

Two recalls are printed: over every reviewed fact, and over the reviewed facts
whose own quote states a time (a cadence, day, window, lead time or share),
which is what the proposer is built to read; a fact about a duty with no time
in its words cannot be proposed from its words.

    python scripts/eval_facts.py [--detail]
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from quyche import fact_types  # noqa: E402
from quyche.loader import Project, load_corpus  # noqa: E402
from quyche.loader import fact_from_data  # noqa: E402
from quyche.normalize import normalize  # noqa: E402
from quyche.propose import FACT_READINGS, propose_facts  # noqa: E402
from quyche.schedule import dates  # noqa: E402
from quyche.timeexpr import read  # noqa: E402

YEAR = 2027


def _overlap(a: str, b: str) -> float:
    """How much two quotes share: 1.0 when one holds the other, else the share of words."""
    a, b = normalize(a).lower(), normalize(b).lower()
    if a in b or b in a:
        return 1.0
    wa, wb = set(a.split()), set(b.split())
    share = len(wa & wb) / max(1, min(len(wa), len(wb)))
    return share if share >= 0.5 else 0.0


def _signature(reg, fact):
    sched = fact.schedule
    if sched is None:
        return ("none", fact.days, fact.threshold is not None)
    if sched.kind in ("rrule", "relative"):
        return ("dates", tuple(dates(reg, fact, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))))
    return (sched.kind, sched.count, sched.min, sched.max, tuple(sorted(sched.every)), tuple(sched.months))


_MONTHS = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}


def _nested(signature):
    """A list of nested periods (quý, 6 tháng, năm) read as rounds at its shortest period:
    the reviewed data writes some such lists that way (the 6-month round is the second
    quarter's), so the second share counts them as the same schedule."""
    if signature[0] == "frequency" and len(signature[4]) > 1 and all(p in _MONTHS for p in signature[4]):
        shortest = min(signature[4], key=_MONTHS.get)
        if all(_MONTHS[p] % _MONTHS[shortest] == 0 for p in signature[4]):
            return signature[:4] + ((shortest,),) + signature[5:]
    return signature


def _states_time(fact) -> bool:
    words = " ; ".join(s.quote for s in fact.sources)
    return any(r.kind in FACT_READINGS for r in read(words))


def evaluate(reg, detail: bool = False):
    blank = dataclasses.replace(reg, facts=(), proposals=(), waivers=(), _index={})
    started = time.process_time()          # CPU seconds: other work on the machine does not count
    proposals = propose_facts(blank)
    seconds = time.process_time() - started
    as_facts = [fact_from_data(p.as_yaml()) for p in proposals]
    with_props = dataclasses.replace(blank, facts=tuple(as_facts), _index={})
    matched: dict[str, object] = {}
    used: set[str] = set()
    pairs = []
    for fact in reg.facts:
        units = {s.unit for s in fact.sources}
        for cand in as_facts:
            if cand.source.unit in units and cand.type == fact.type:
                score = max(_overlap(cand.source.quote, s.quote) for s in fact.sources)
                same = _signature(reg, fact) == _signature(with_props, cand)
                if score:
                    pairs.append((score + same, fact.id, cand))
    for _, fact_id, cand in sorted(pairs, key=lambda p: -p[0]):
        if fact_id not in matched and cand.id not in used:
            matched[fact_id] = cand
            used.add(cand.id)
    rows = defaultdict(Counter)
    for fact in reg.facts:
        row = rows[fact.type]
        row["reviewed"] += 1
        timed = _states_time(fact)
        row["reviewed_timed"] += timed
        if fact.id in matched:
            row["found"] += 1
            row["found_timed"] += timed
            same = _signature(reg, fact) == _signature(with_props, matched[fact.id])
            row["schedules"] += 1
            row["same"] += same
            row["same_nested"] += same or _nested(_signature(reg, fact)) == _nested(_signature(with_props, matched[fact.id]))
            if detail and not same:
                print(f"  schedule differs {reg.slug}:{fact.id}: {_signature(reg, fact)} vs "
                      f"{_signature(with_props, matched[fact.id])}")
        elif detail and timed:
            print(f"  missed {reg.slug}:{fact.id} ({fact.type}) {fact.source.unit}: {fact.source.quote[:100]}")
    for cand in as_facts:
        rows[cand.type]["proposed"] += 1
        rows[cand.type]["correct"] += cand.id in used
        if detail and cand.id not in used:
            print(f"  extra {reg.slug}:{cand.id} ({cand.type}) {cand.source.unit}: {cand.source.quote[:100]}")
    return rows, seconds


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "–"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="list every miss, extra and differing schedule")
    args = parser.parse_args()
    regs, problems = load_corpus(Project(ROOT))
    total = defaultdict(Counter)
    seconds = 0.0
    for reg in sorted(regs, key=lambda r: r.slug):
        rows, took = evaluate(reg, args.detail)
        seconds += took
        for key, row in rows.items():
            total[key].update(row)
    print(f"Proposals for {len(regs)} regulations in {seconds:.2f} s of CPU\n")
    print("| type | reviewed | recall (all) | recall (facts whose words state a time) | proposed | precision "
          "| same schedule | same, nested periods as one |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    grand = Counter()
    for key in sorted(total, key=fact_types.order):
        row = total[key]
        grand.update(row)
        print(f"| {fact_types.label(key)} | {row['reviewed']} | {_pct(row['found'], row['reviewed'])} | "
              f"{_pct(row['found_timed'], row['reviewed_timed'])} ({row['reviewed_timed']}) | {row['proposed']} | "
              f"{_pct(row['correct'], row['proposed'])} | {_pct(row['same'], row['schedules'])} | "
              f"{_pct(row['same_nested'], row['schedules'])} |")
    print(f"| **all** | {grand['reviewed']} | {_pct(grand['found'], grand['reviewed'])} | "
          f"{_pct(grand['found_timed'], grand['reviewed_timed'])} ({grand['reviewed_timed']}) | {grand['proposed']} | "
          f"{_pct(grand['correct'], grand['proposed'])} | {_pct(grand['same'], grand['schedules'])} | "
          f"{_pct(grand['same_nested'], grand['schedules'])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
