"""The one model: typed, frozen objects that every consumer reads.

Each object remembers the YAML file and line it came from, so any later check
or page can point an editor at the exact place to fix.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .citations import cite
from .normalize import normalize
from .numbering import Label, label_of
from .vietnamese import KIND_NAMES


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str
    text: str
    line: int
    children: tuple["Unit", ...] = ()
    title: str | None = None        # a chương title standing in its own block
    role: str | None = None         # for kind "khoi": what the block is
    normative: bool = True
    scheme: str = "dieu"
    text_line: int = 0              # YAML line of the text itself, for errors

    @property
    def parsed(self) -> Label | None:
        return label_of(self.text, self.scheme)

    @property
    def number(self) -> str:
        parsed = self.parsed
        return parsed.number if parsed and parsed.kind == self.kind else ""

    @property
    def heading(self) -> str:
        """The unit's title: the words after its label (Điều 4. <heading>); the proposer
        reads posts and fact types from it ("Trách nhiệm, quyền hạn của Chánh Văn phòng")."""
        if self.title:
            return normalize(self.title)
        parsed = self.parsed
        return parsed.rest if parsed and parsed.kind == self.kind else normalize(self.text)

    @property
    def plain(self) -> str:
        return normalize(self.text)

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]

    def walk(self) -> Iterator["Unit"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Relation:
    type: str                   # supersedes | superseded_by | replaces
    target: str | None          # slug of a regulation in the corpus
    title: str | None           # the related text when it is not in the corpus
    line: int
    quote: str | None = None    # the source's words stating the relation


@dataclass(frozen=True)
class Metadata:
    title: str
    short_title: str
    issuing_body: str
    document_type: str
    number: str | None
    signed: dt.date | None
    signed_quote: str | None
    signer: str | None
    signer_quote: str | None
    status: str                  # in_force | superseded
    relations: tuple[Relation, ...]
    source: str
    scheme: str                  # dieu | outline
    term: str | None = None
    note: str | None = None
    marks_amendments: bool = False
    lines: dict = field(default_factory=dict, compare=False, repr=False)  # key -> YAML line

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.lines.get("", 1))


@dataclass(frozen=True)
class Anomaly:
    """A break in the document's own numbering, recorded, never renumbered."""
    kind: str                    # numbering_gap | numbering_duplicate | numbering_order
    unit: str
    expected: str
    found: str
    note: str
    line: int


@dataclass(frozen=True)
class Defect:
    """A flaw of the source text kept as it is and shown to readers."""
    kind: str                    # page_break | page_break_duplicate | typo | markup
    unit: str
    span: str                    # exact text of the source file
    note: str
    line: int
    reading: str | None = None   # what the text presumably means (never replaces it)


@dataclass(frozen=True)
class Source:
    """A citation: the unit a fact comes from and the exact words it quotes."""
    unit: str
    quote: str
    line: int                   # YAML line of the quote
    unit_line: int = 0          # YAML line of the unit id


@dataclass(frozen=True)
class ReportingLine:
    actor: str
    source: Source
    line: int = 0               # YAML line of the actor it reports to


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str                    # individual | collective | unit | external
    line: int
    aliases: tuple[str, ...] = ()
    group: str | None = None
    reports_to: tuple[ReportingLine, ...] = ()
    note: str | None = None
    review: str = "reviewed"             # reviewed | proposed (by quyche propose, unread)
    rule: str | None = None              # for proposals: the rule that proposed it

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Schedule:
    kind: str                    # rrule | relative | frequency | range | window | occasional
    words: str
    line: int
    rrule: str | None = None
    due: str | None = None
    relative_to: str | None = None
    offset_days: int | None = None
    working_days: bool = False
    count: int | None = None
    min: int | None = None
    max: int | None = None
    per: str | None = None
    hedges: tuple[str, ...] = ()
    day_off_rule: str | None = None
    interpretation: str | None = None
    periods: tuple[str, ...] = ()    # once in each of these periods ("quý, 6 tháng, năm")
    interval: int = 1                # "4 tháng một lần": per month, interval 4
    months: tuple[int, ...] = ()     # kind window: the months (quarter windows: their first months)
    window: str | None = None        # kind window: month | quarter
    lines: dict = field(default_factory=dict, compare=False, repr=False)  # key -> YAML line

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    @property
    def every(self) -> tuple[str, ...]:
        """The periods this schedule recurs in, whichever way it was written."""
        return self.periods or ((self.per,) if self.per else ())


@dataclass(frozen=True)
class Fact:
    id: str
    type: str
    name: str
    source: Source
    line: int
    also: tuple[Source, ...] = ()
    chair: str | None = None
    substitute: str | None = None
    attendees: tuple[str, ...] = ()
    invited: tuple[str, ...] = ()       # may be invited, depending on the agenda
    owner: str | None = None
    senders: tuple[str, ...] = ()       # YAML key "from"
    receivers: tuple[str, ...] = ()     # YAML key "to"
    period: str | None = None
    meeting: str | None = None
    days: int | None = None
    threshold: str | None = None
    topic: str | None = None
    schedule: Schedule | None = None
    note: str | None = None
    review: str = "reviewed"            # reviewed | proposed (by quyche propose, unread)
    rule: str | None = None             # for proposals: the rules that read it
    was: str | None = None              # for proposals in a new version: the old version's fact
    lines: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def proposed(self) -> bool:
        return self.review == "proposed"

    @property
    def sources(self) -> tuple[Source, ...]:
        return (self.source, *self.also)

    def actor_roles(self) -> list[tuple[str, str]]:
        """(role, actor id) pairs: who chairs, attends, owes or receives this fact."""
        roles = []
        for role, value in (("chair", self.chair), ("substitute", self.substitute), ("owner", self.owner)):
            if value:
                roles.append((role, value))
        roles += [("attendee", a) for a in self.attendees]
        roles += [("invited", a) for a in self.invited]
        roles += [("from", a) for a in self.senders]
        roles += [("to", a) for a in self.receivers]
        return roles

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


@dataclass(frozen=True)
class Waiver:
    unit: str
    reason: str
    line: int


@dataclass(frozen=True)
class Regulation:
    slug: str
    path: Path                   # the YAML file
    source_path: Path            # the source text in regulations/
    metadata: Metadata
    units: tuple[Unit, ...]
    anomalies: tuple[Anomaly, ...] = ()
    defects: tuple[Defect, ...] = ()
    actors: tuple[Actor, ...] = ()
    facts: tuple[Fact, ...] = ()          # reviewed facts: what the site publishes
    waivers: tuple[Waiver, ...] = ()
    proposals: tuple[Fact, ...] = ()      # machine-proposed facts awaiting review (never published)
    proposed_actors: tuple[Actor, ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)
    _parents: dict = field(default_factory=dict, compare=False, repr=False)   # unit id -> its parent

    def walk(self) -> Iterator[Unit]:
        for unit in self.units:
            yield from unit.walk()

    def unit(self, unit_id: str) -> Unit:
        if not self._index:
            self._index.update({u.id: u for u in self.walk()})
        try:
            return self._index[unit_id]
        except KeyError:
            raise KeyError(f"{self.slug}: no unit with id '{unit_id}'") from None

    def has_unit(self, unit_id: str) -> bool:
        try:
            self.unit(unit_id)
            return True
        except KeyError:
            return False

    def ancestors(self, unit_id: str) -> list[Unit]:
        """The units that contain this one, outermost first (chapter, article, clause…)."""
        if not self._parents:
            self._parents.update({c.id: u for u in self.walk() for c in u.children})
        trail = []
        while unit_id in self._parents:
            parent = self._parents[unit_id]
            trail.append(parent)
            unit_id = parent.id
        return trail[::-1]

    def citation(self, unit_id: str) -> str:
        """How a reader cites a unit, smallest first: 'điểm a khoản 2 Điều 19',
        'gạch đầu dòng thứ nhất khoản 2 Điều 19', 'Nơi nhận' (see quyche.citations)."""
        return cite([*self.ancestors(unit_id), self.unit(unit_id)], self.units)

    def actor(self, actor_id: str) -> Actor:
        for actor in (*self.actors, *self.proposed_actors):
            if actor.id == actor_id:
                return actor
        raise KeyError(f"{self.slug}: no actor with id '{actor_id}'")

    def fact(self, fact_id: str) -> Fact:
        for fact in (*self.facts, *self.proposals):
            if fact.id == fact_id:
                return fact
        raise KeyError(f"{self.slug}: no fact with id '{fact_id}'")

    @property
    def articles(self) -> list[Unit]:
        return [u for u in self.walk() if u.kind == "dieu" and u.normative]

    def source_text(self) -> str:
        return self.source_path.read_text(encoding="utf-8")
