"""Checks that facts say what their clauses say.

For every fact: the quote lies in the cited unit; every number of the
structured schedule is one the clause states; every actor the fact names is
named in the clause (by name or alias, as whole words, not only inside
another actor's longer name); references resolve; and every clause
with a schedule expression is covered by a fact or carries a waiver.
"""
from __future__ import annotations

from dataclasses import dataclass

from .actor_names import is_named
from .model import Fact, Regulation, Source
from .normalize import normalize
from .problems import Problem
from .schedule import rrule_numbers, rrule_parts, rrule_weekdays
from .second_reading import second_reading
from .timeexpr import schedule_expressions
from .vietnamese import PERIODS, WEEKDAY_NAMES, has_period, has_weekday, names_period, numbers_in


@dataclass
class Completeness:
    needed: int = 0
    covered: int = 0
    waived: int = 0
    proposed: int = 0            # covered only by proposals awaiting review

    @property
    def percent(self) -> float:
        return 100.0 * (self.covered + self.waived) / self.needed if self.needed else 100.0


def _unit_text(reg: Regulation, unit_id: str) -> str:
    unit = reg.unit(unit_id)
    return normalize(" ".join(t for t in (unit.text, unit.title or "") if t))


def check_source(reg: Regulation, shown: str, source: Source, owner: str) -> list[Problem]:
    if not reg.has_unit(source.unit):
        return [Problem(shown, source.unit_line or source.line, f"{owner}: cites unknown unit '{source.unit}'")]
    text = _unit_text(reg, source.unit)
    if normalize(source.quote) in text:
        return []
    elsewhere = [u.id for u in reg.walk() if u.text and normalize(source.quote) in normalize(u.text)]
    hint = f"; the quote is in {', '.join(elsewhere[:3])}" if elsewhere else ""
    return [Problem(shown, source.line, f"{owner}: quote not found in {source.unit}{hint}. "
                    f'Quote: "{source.quote}". Unit text: "{text[:200]}{"…" if len(text) > 200 else ""}"',
                    source.unit)]


def _fact_text(reg: Regulation, fact: Fact) -> str:
    return " ".join(_unit_text(reg, s.unit) for s in fact.sources if reg.has_unit(s.unit))


def check_fact(reg: Regulation, shown: str, fact: Fact, actor_ids: set[str], fact_ids: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    label = f"fact {fact.id}"
    for source in fact.sources:
        problems += check_source(reg, shown, source, label)
    if problems:
        return problems
    text = _fact_text(reg, fact)
    quote = normalize(" ".join(s.quote for s in fact.sources))
    stated = numbers_in(quote) | numbers_in(text)

    def wrong_number(line: int, value: int, what: str) -> None:
        problems.append(Problem(shown, line, f"{label}: {what} {value}, a number that "
                                f"{fact.source.unit} does not state; the source says: \"{fact.source.quote}\" "
                                f"(numbers there: {', '.join(map(str, sorted(stated))) or 'none'})", fact.source.unit))

    for role, actor in fact.actor_roles():
        if actor not in actor_ids:
            problems.append(Problem(shown, fact.line_of({"attendee": "attendees"}.get(role, role)),
                                    f"{label}: {role} '{actor}' is not an actor of this regulation", fact.source.unit))
            continue
        if not is_named(reg, reg.actor(actor), text):
            problems.append(Problem(shown, fact.line_of({"attendee": "attendees"}.get(role, role)),
                                    f"{label}: {role} '{actor}' ({reg.actor(actor).name}) is not named in "
                                    f"{', '.join(s.unit for s in fact.sources)}; the source says: \"{fact.source.quote}\"",
                                    fact.source.unit))
    if fact.meeting and fact.meeting not in fact_ids:
        problems.append(Problem(shown, fact.line_of("meeting"), f"{label}: meeting '{fact.meeting}' is not a fact"))
    if fact.days is not None and fact.days not in stated:
        wrong_number(fact.line_of("days"), fact.days, "days")
    if fact.threshold:
        for n in numbers_in(fact.threshold) - stated:
            wrong_number(fact.line_of("threshold"), n, "threshold number")
    sched = fact.schedule
    if sched is None:
        return problems
    for key, what, words in (("words", "words", sched.words), *(("hedges", "hedge", h) for h in sched.hedges),
                             *((("day_off_rule", "day_off_rule", sched.day_off_rule),) if sched.day_off_rule else ())):
        if normalize(words) not in text:
            problems.append(Problem(shown, sched.line_of(key), f"{label}: schedule {what} \"{words}\" is not in "
                                    f"{', '.join(s.unit for s in fact.sources)}", fact.source.unit))
    if sched.rrule:
        for n in sorted(rrule_numbers(sched.rrule) - stated):
            wrong_number(sched.line_of("rrule"), n, f"rule {sched.rrule} uses")
        for day in rrule_weekdays(sched.rrule):
            if day in WEEKDAY_NAMES and not has_weekday(text, day):
                problems.append(Problem(shown, sched.line_of("rrule"), f"{label}: rule {sched.rrule} falls on "
                                        f"{WEEKDAY_NAMES[day]}, which {fact.source.unit} does not name", fact.source.unit))
        freq = rrule_parts(sched.rrule).get("FREQ", "")
        # A yearly rule on several months ("tháng cuối quý": 3, 6, 9, 12) recurs by
        # quarter or month, which is how such a text names its period.
        several_months = len(rrule_parts(sched.rrule).get("BYMONTH", "").split(",")) > 1
        if not (has_period(text, freq) or (freq == "YEARLY" and several_months and has_period(text, "MONTHLY"))):
            problems.append(Problem(shown, sched.line_of("rrule"), f"{label}: rule {sched.rrule} repeats {freq.lower()}, "
                                    f"but {fact.source.unit} names no such period", fact.source.unit))
    for month in sched.months:
        if month not in stated:
            wrong_number(sched.line_of("months"), month, "window month")
    if sched.interval > 1 and sched.interval not in stated:
        wrong_number(sched.line_of("interval"), sched.interval, "interval")
    for period in sched.periods:
        if not names_period(text, period):
            problems.append(Problem(shown, sched.line_of("periods"), f"{label}: schedule period {period} "
                                    f"({PERIODS.get(period, period)}) is not named in {fact.source.unit}", fact.source.unit))
    for key in ("count", "min", "max"):
        value = getattr(sched, key)
        if value is not None and not (key == "count" and value == 1) and value not in stated:
            wrong_number(sched.line_of(key), value, f"schedule {key}")
    if sched.offset_days is not None and abs(sched.offset_days) not in stated and sched.offset_days != 0:
        wrong_number(sched.line_of("offset_days"), abs(sched.offset_days), "offset of")
    if sched.relative_to:
        if sched.relative_to not in fact_ids:
            problems.append(Problem(shown, sched.line_of("relative_to"), f"{label}: relative_to '{sched.relative_to}' is not a fact"))
        elif reg.fact(sched.relative_to).schedule is None or \
                reg.fact(sched.relative_to).schedule.kind not in ("rrule", "relative"):
            problems.append(Problem(shown, sched.line_of("relative_to"), f"{label}: relative_to '{sched.relative_to}' has no dates to count from"))
    return problems


def check_facts(reg: Regulation, shown: str) -> tuple[list[Problem], Completeness]:
    problems: list[Problem] = []
    actor_ids: set[str] = set()
    all_actors = (*reg.actors, *reg.proposed_actors)
    all_facts = (*reg.facts, *reg.proposals)
    for actor in all_actors:
        if actor.id in actor_ids:
            problems.append(Problem(shown, actor.line, f"duplicate actor id '{actor.id}'"))
        actor_ids.add(actor.id)
    fact_ids: set[str] = set()
    for fact in all_facts:
        if fact.id in fact_ids:
            problems.append(Problem(shown, fact.line, f"duplicate fact id '{fact.id}'"))
        fact_ids.add(fact.id)
    for actor in all_actors:
        for line in actor.reports_to:
            problems += check_source(reg, shown, line.source, f"actor {actor.id}")
            if line.actor not in actor_ids:
                problems.append(Problem(shown, line.line or line.source.line,
                                        f"actor {actor.id}: reports_to '{line.actor}' is not an actor"))
            elif reg.has_unit(line.source.unit):
                text = _unit_text(reg, line.source.unit)
                # One of the two posts may be the implicit subject of an article
                # titled after it: "Điều 4. Trách nhiệm … của Chánh Văn phòng"
                # lists what the Chánh Văn phòng answers for, "Điều 1. Trách
                # nhiệm … của Ban Chấp hành" what the Ban Chấp hành receives.
                # The other must be named in the clause itself.
                headings = " ".join(u.text for u in reg.ancestors(line.source.unit)
                                    if u.kind in ("dieu", "khoan", "muc", "tieu_khoan"))
                pair = (actor, reg.actor(line.actor))
                in_clause = [is_named(reg, who, text) for who in pair]
                in_heading = [is_named(reg, who, headings) for who in pair]
                for who, clause, heading, other in zip(pair, in_clause, in_heading, reversed(in_clause)):
                    if not (clause or (heading and other)):
                        problems.append(Problem(shown, line.source.line, f"actor {actor.id}: reporting line cites "
                                                f"{line.source.unit}, which does not name {who.name}", line.source.unit))
    proposed_actor_ids = {a.id for a in reg.proposed_actors}
    for fact in all_facts:
        problems += check_fact(reg, shown, fact, actor_ids, fact_ids)
        if not fact.proposed:
            problems += second_reading(reg, shown, fact)
            for role, actor in fact.actor_roles():
                if actor in proposed_actor_ids:
                    problems.append(Problem(shown, fact.line_of({"attendee": "attendees"}.get(role, role)),
                                            f"fact {fact.id}: {role} '{actor}' is still a proposal; accept it "
                                            f"(quyche accept {reg.slug} {actor}) or choose a reviewed actor", fact.source.unit))
    used = {a for f in all_facts for _, a in f.actor_roles()}
    used |= {line.actor for a in all_actors for line in a.reports_to}
    used |= {a.id for a in all_actors if a.reports_to}
    for actor in all_actors:
        if actor.id not in used:
            problems.append(Problem(shown, actor.line, f"orphan actor '{actor.id}': no fact or reporting line involves it"))
    # Completeness gate.
    completeness = Completeness()
    cited = {s.unit for f in reg.facts for s in f.sources}
    proposed = {s.unit for f in reg.proposals for s in f.sources}
    waived = {w.unit: w for w in reg.waivers}
    for waiver in reg.waivers:
        if not reg.has_unit(waiver.unit):
            problems.append(Problem(shown, waiver.line, f"waiver for unknown unit '{waiver.unit}'"))
        elif not schedule_expressions(reg.unit(waiver.unit).text):
            problems.append(Problem(shown, waiver.line, f"waiver for {waiver.unit}, which has no schedule expression", waiver.unit))
        elif waiver.unit in cited:
            problems.append(Problem(shown, waiver.line, f"waiver for {waiver.unit}, which a fact already cites", waiver.unit))
    for unit in reg.walk():
        if not unit.normative or not unit.text:
            continue
        found = schedule_expressions(unit.text)
        if not found:
            continue
        completeness.needed += 1
        if unit.id in cited:
            completeness.covered += 1
        elif unit.id in waived:
            completeness.waived += 1
        elif unit.id in proposed:
            completeness.proposed += 1
        else:
            problems.append(Problem(shown, unit.text_line, "schedule expression "
                                    f"{', '.join(repr(e) for e in dict.fromkeys(found))} is covered by no fact "
                                    "and no waiver; add a fact citing this unit, or a waiver with a reason", unit.id))
    return problems, completeness
