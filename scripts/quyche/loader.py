"""The one loader: structured/*.yaml -> validated, typed Regulation objects.

Structure is checked by the JSON Schema (the same file editors use for
completion); what a schema cannot say (ids match file names, sources exist,
dates are real) is checked here. All problems are collected, never just the
first.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema

from .model import (Actor, Anomaly, Defect, Fact, Metadata, Regulation, Relation, ReportingLine,
                    Schedule, Source, Unit, Waiver)
from .problems import Problem, ProblemsFound
from .yamlio import MAX_BYTES, Located, YamlProblem, load_located

SCHEMA_NAME = "regulation.schema.json"
COMPARISON_SCHEMA_NAME = "comparison.schema.json"


@dataclass(frozen=True)
class Project:
    """Where things live; every command and the site take one of these."""
    root: Path

    @property
    def structured(self) -> Path:
        return self.root / "structured"

    @property
    def regulations(self) -> Path:
        return self.root / "regulations"

    @property
    def schema_path(self) -> Path:
        return self.structured / SCHEMA_NAME

    @property
    def comparison_schema_path(self) -> Path:
        return self.structured / COMPARISON_SCHEMA_NAME

    def yaml_files(self) -> list[Path]:
        return sorted(self.structured.glob("*.yaml"))

    def shown(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    @staticmethod
    def find(start: Path | None = None) -> "Project":
        here = (start or Path.cwd()).resolve()
        for candidate in (here, *here.parents):
            if (candidate / "mkdocs.yml").exists() and (candidate / "structured").is_dir():
                return Project(candidate)
        return Project(here)


@lru_cache(maxsize=4)
def _validator(schema_path: Path) -> jsonschema.protocols.Validator:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _line_at(doc, path) -> int:
    """The line of the deepest YAML node on a JSON path."""
    line, node = getattr(doc, "line", 0), doc
    for step in path:
        if isinstance(node, Located):
            line = node.line_of(step) if isinstance(step, str) else line
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            item_lines = getattr(node, "item_lines", None)
            line = item_lines[step] if item_lines else line
            node = node[step]
        else:
            break
        line = getattr(node, "line", line) or line
    return line


def schema_problems(doc, shown: str, schema_path: Path) -> list[Problem]:
    """Every way a loaded YAML document breaks a JSON Schema, each at its YAML line."""
    problems = []
    for error in sorted(_validator(schema_path).iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        where = "/".join(str(p) for p in path) or "(top level)"
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            allowed = ", ".join(sorted(error.schema.get("properties", {})))
            for key in extra:
                line = _line_at(doc, path + [key])
                problems.append(Problem(shown, line, f"unknown key '{key}' at {where}; expected one of: {allowed}"))
            continue
        if error.validator == "enum":
            expected = " | ".join(map(str, error.validator_value))
            message = f"{where}: {error.instance!r} is not allowed; expected one of: {expected}"
        elif error.validator == "required":
            message = f"{where}: {error.message}"
        else:
            message = f"{where}: {error.message}"
        problems.append(Problem(shown, _line_at(doc, path), message))
    return problems


def _unit(data: Located, scheme: str, normative: bool) -> Unit:
    is_normative = normative and data.get("normative", data["kind"] != "khoi")
    return Unit(
        id=data["id"], kind=data["kind"], text=data.get("text", "") or "",
        line=data.line, title=data.get("title"), role=data.get("role"),
        normative=bool(is_normative), scheme=scheme,
        text_line=data.line_of("text"),
        children=tuple(_unit(c, scheme, bool(is_normative)) for c in data.get("children", [])),
    )


def _date(value, shown: str, line: int, problems: list[Problem]) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(Problem(shown, line, f"impossible date {value!r}; expected a real date as YYYY-MM-DD"))
        return None


def _source(data: Located) -> Source:
    return Source(data["unit"], data["quote"], data.line_of("quote"), data.line_of("unit"))


def _actor(data: Located) -> Actor:
    return Actor(
        id=data["id"], name=data["name"], kind=data["kind"], line=data.line,
        aliases=tuple(data.get("aliases", []) or []), group=data.get("group"),
        reports_to=tuple(ReportingLine(r["actor"], _source(r["source"]), r.line_of("actor")) for r in data.get("reports_to", []) or []),
        note=data.get("note"), review=data.get("review", "reviewed"), rule=data.get("rule"),
    )


def _schedule(data: Located | None) -> Schedule | None:
    if not data:
        return None
    return Schedule(
        kind=data["kind"], words=data["words"], line=data.line, rrule=data.get("rrule"), due=data.get("due"),
        relative_to=data.get("relative_to"), offset_days=data.get("offset_days"),
        working_days=bool(data.get("working_days", False)), count=data.get("count"),
        min=data.get("min"), max=data.get("max"), per=data.get("per"),
        hedges=tuple(data.get("hedges", []) or []), day_off_rule=data.get("day_off_rule"),
        interpretation=data.get("interpretation"), lines=dict(data.key_lines), periods=tuple(data.get("periods", []) or []),
        interval=data.get("interval", 1), months=tuple(data.get("months", []) or []), window=data.get("window"),
    )


def _fact(data: Located) -> Fact:
    return Fact(
        id=data["id"], type=data["type"], name=data["name"], source=_source(data["source"]), line=data.line,
        also=tuple(_source(s) for s in data.get("also", []) or []), chair=data.get("chair"),
        substitute=data.get("substitute"), attendees=tuple(data.get("attendees", []) or []),
        invited=tuple(data.get("invited", []) or []),
        owner=data.get("owner"), senders=tuple(data.get("from", []) or []),
        receivers=tuple(data.get("to", []) or []), period=data.get("period"), meeting=data.get("meeting"),
        days=data.get("days"), threshold=data.get("threshold"), topic=data.get("topic"),
        schedule=_schedule(data.get("schedule")), note=data.get("note"),
        review=data.get("review", "reviewed"), rule=data.get("rule"), was=data.get("was"),
        lines={"": data.line, **data.key_lines},
    )


def fact_from_data(data: dict, line: int = 0) -> Fact:
    """A fact from plain data in the YAML shape (machine proposals, drafts)."""
    return _fact(Located.wrap(data, line))


def build_regulation(doc: Located, path: Path, project: Project, problems: list[Problem]) -> Regulation:
    shown = project.shown(path)
    meta = doc["metadata"]
    scheme = meta["scheme"]
    relations = tuple(
        Relation(r["type"], r.get("target"), r.get("title"), r.line, r.get("quote"))
        for r in meta.get("relations", []) or [])
    metadata = Metadata(
        title=meta["title"], short_title=meta["short_title"], issuing_body=meta["issuing_body"],
        document_type=meta["document_type"], number=meta.get("number"),
        signed=_date(meta.get("signed"), shown, meta.line_of("signed"), problems),
        signed_quote=meta.get("signed_quote"), signer=meta.get("signer"),
        signer_quote=meta.get("signer_quote"), status=meta["status"], relations=relations,
        source=meta["source"], scheme=scheme, term=meta.get("term"), note=meta.get("note"),
        marks_amendments=bool(meta.get("marks_amendments", False)),
        lines={"": meta.line, **meta.key_lines},
    )
    actors = [_actor(a) for a in doc.get("actors", []) or []]
    facts = [_fact(f) for f in doc.get("facts", []) or []]
    return Regulation(
        slug=doc["id"], path=path, source_path=project.root / meta["source"],
        metadata=metadata,
        units=tuple(_unit(u, scheme, True) for u in doc["units"]),
        anomalies=tuple(Anomaly(a["kind"], a["unit"], a["expected"], a["found"], a["note"], a.line)
                        for a in doc.get("anomalies", []) or []),
        defects=tuple(Defect(d["kind"], d["unit"], d["span"], d["note"], d.line, d.get("reading"))
                      for d in doc.get("defects", []) or []),
        actors=tuple(a for a in actors if a.review != "proposed"),
        facts=tuple(f for f in facts if f.review != "proposed"),
        proposals=tuple(f for f in facts if f.review == "proposed"),
        proposed_actors=tuple(a for a in actors if a.review == "proposed"),
        waivers=tuple(Waiver(w["unit"], w["reason"], w.line) for w in doc.get("waivers", []) or []),
    )


def load_file(path: Path, project: Project) -> tuple[Regulation | None, list[Problem]]:
    shown = project.shown(path)
    try:
        doc = load_located(path)
    except YamlProblem as exc:
        return None, [Problem(shown, exc.line, exc.message)]
    if not isinstance(doc, Located):
        return None, [Problem(shown, getattr(doc, "line", 1),
                              "expected a mapping with keys id, metadata, units")]
    problems = schema_problems(doc, shown, project.schema_path)
    if problems:
        return None, problems
    if doc["id"] != path.stem:
        problems.append(Problem(shown, doc.line_of("id"),
                                f"id '{doc['id']}' must equal the file name '{path.stem}'"))
    regulation = build_regulation(doc, path, project, problems)
    if not regulation.source_path.is_file():
        problems.append(Problem(shown, doc["metadata"].line_of("source"),
                                f"source file {regulation.metadata.source} does not exist"))
    elif regulation.source_path.stem != regulation.slug:
        problems.append(Problem(shown, doc["metadata"].line_of("source"),
                                f"source file must be named regulations/{regulation.slug}.txt"))
    elif unreadable := _unreadable_source(regulation.source_path, project):
        return None, problems + [unreadable]   # nothing can be compared with it
    return regulation, problems


def _unreadable_source(path: Path, project: Project) -> Problem | None:
    """A source too large or not UTF-8, reported at its own line (not a traceback later)."""
    shown = project.shown(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Problem(shown, 1, f"file is {size / 1e6:.1f} MB; a source text is at most "
                                 f"{MAX_BYTES / 1e6:.0f} MB (is this the right file?)")
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Problem(shown, data[: exc.start].count(b"\n") + 1,
                       f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8")
    return None


def load_corpus(project: Project) -> tuple[list[Regulation], list[Problem]]:
    """Every regulation that loads, plus every problem met on the way."""
    regulations, problems = [], []
    files = project.yaml_files()
    if not files:
        problems.append(Problem(project.shown(project.structured), 0, "no structured/*.yaml files found"))
    for path in files:
        regulation, found = load_file(path, project)
        problems += found
        if regulation is not None:
            regulations.append(regulation)
    slugs = {r.slug for r in regulations}
    for regulation in regulations:
        for rel in regulation.metadata.relations:
            if rel.target and rel.target not in slugs:
                problems.append(Problem(project.shown(regulation.path), rel.line,
                                        f"relation points to '{rel.target}', which is not a regulation in structured/"))
    return regulations, problems


def load_valid_corpus(project: Project) -> list[Regulation]:
    """For consumers that must not run on bad data (the site, exports)."""
    regulations, problems = load_corpus(project)
    if problems:
        raise ProblemsFound(problems)
    return regulations
