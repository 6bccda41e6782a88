"""`quyche check`: every rule that proves the YAML says what the source says."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .anomalies import numbering_anomalies
from .facts_check import Completeness, check_facts
from .fidelity import Coverage, align
from .ids import expected_ids
from .loader import Project, load_corpus
from .model import Regulation
from .notes import check_notes
from .normalize import nfc, normalize
from .numbering import label_of
from .vietnamese import KIND_NAMES, parse_date
from .problems import Problem


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)
    completeness: dict[str, Completeness] = field(default_factory=dict)
    regulations: list[Regulation] = field(default_factory=list)
    comparisons: list = field(default_factory=list)


def check_ids_and_labels(reg: Regulation, shown: str) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for unit, want in expected_ids(reg.units, reg.metadata.scheme):
        if unit.id in seen:
            problems.append(Problem(shown, unit.line, f"duplicate id (first at line {seen[unit.id]})", unit.id))
        seen.setdefault(unit.id, unit.line)
        if unit.kind in ("khoi", "gach", "doan"):
            if unit.id != want:
                problems.append(Problem(shown, unit.line, f"id should be '{want}' (ids follow the "
                                        "document's numbering; see docs/huong-dan-bien-tap.md)", unit.id))
            if unit.kind == "gach" and not normalize(unit.text).startswith(("-", "–", "•")):
                problems.append(Problem(shown, unit.text_line, "kind gach but the text does not start with a dash", unit.id))
            continue
        parsed = label_of(unit.text, reg.metadata.scheme)
        if not parsed or parsed.kind != unit.kind:
            found = f"reads as {KIND_NAMES[parsed.kind]} '{parsed.label}'" if parsed else "has no label"
            problems.append(Problem(shown, unit.text_line, f"kind {unit.kind} ({KIND_NAMES[unit.kind]}) "
                                    f"but the text {found}", unit.id))
        elif unit.id != want:
            problems.append(Problem(shown, unit.line, f"id should be '{want}' to match the label "
                                    f"'{parsed.label}'", unit.id))
    return problems


def check_anomalies(reg: Regulation, shown: str) -> list[Problem]:
    ids = {id(u): u.id for u in reg.walk()}
    found = {(a.kind, a.unit, a.expected, a.found): a for a in numbering_anomalies(reg.units, reg.metadata.scheme, ids)}
    recorded = {(a.kind, a.unit, a.expected, a.found): a for a in reg.anomalies}
    problems = []
    lines = {u.id: u.line for u in reg.walk()}
    for key, anomaly in found.items():
        if key not in recorded:
            problems.append(Problem(shown, lines.get(anomaly.unit, 0), f"numbering anomaly not recorded: {anomaly.note} Add to "
                                    f"anomalies: {{kind: {anomaly.kind}, unit: {anomaly.unit}, "
                                    f"expected: {anomaly.expected}, found: {anomaly.found}}}", anomaly.unit))
    for key, anomaly in recorded.items():
        if key not in found:
            problems.append(Problem(shown, anomaly.line, f"recorded anomaly {anomaly.kind} "
                                    f"({anomaly.expected} → {anomaly.found}) is not in the text", anomaly.unit))
    return problems


def check_defects(reg: Regulation, shown: str, raw: str, coverage: Coverage) -> list[Problem]:
    problems = []
    for defect in reg.defects:
        if not reg.has_unit(defect.unit):
            problems.append(Problem(shown, defect.line, f"defect cites unknown unit '{defect.unit}'"))
            continue
        starts = [m.start() for m in re.finditer(re.escape(nfc(defect.span)), nfc(raw))]
        if not starts:
            problems.append(Problem(shown, defect.line, "defect span is not in the source, byte for byte: "
                                    f"{defect.span!r}", defect.unit))
            continue
        first, last = coverage.lines.get(defect.unit, (0, 0))
        lines = [(raw.count("\n", 0, s) + 1, raw.count("\n", 0, s + len(defect.span)) + 1) for s in starts]
        if first and not any(a <= last and b >= first for a, b in lines):
            problems.append(Problem(shown, defect.line, f"defect span is in the source at line {lines[0][0]}, "
                                    f"outside unit {defect.unit} (lines {first}–{last})", defect.unit))
    return problems


def check_metadata(reg: Regulation, shown: str, raw: str, known: dict[str, Regulation]) -> list[Problem]:
    problems = []
    meta = reg.metadata
    plain = normalize(raw)
    doc_line = meta.line_of("relations")

    def must_occur(value: str | None, what: str) -> None:
        if value and normalize(value) not in plain:
            problems.append(Problem(shown, meta.line_of(what), f"metadata {what} {value!r} does not occur in the source"))

    for key, value in (("title", meta.title), ("short_title", meta.short_title),
                       ("issuing_body", meta.issuing_body)):
        if value.startswith("TODO"):
            problems.append(Problem(shown, meta.line_of(key), f"metadata {key} is not filled in (still {value!r})"))
    must_occur(meta.number, "number")
    must_occur(meta.signed_quote, "signed_quote")
    must_occur(meta.signer_quote, "signer_quote")
    if meta.signed and meta.signed_quote:
        if parse_date(normalize(meta.signed_quote)) != meta.signed:
            problems.append(Problem(shown, meta.line_of("signed"), f"signed {meta.signed.isoformat()} does not match "
                                    f"signed_quote {meta.signed_quote!r}"))
    if meta.signer and meta.signer_quote and normalize(meta.signer) not in normalize(meta.signer_quote):
        problems.append(Problem(shown, meta.line_of("signer"), f"signer {meta.signer!r} is not named in signer_quote"))
    for rel in meta.relations:
        if rel.quote and normalize(rel.quote) not in plain:
            problems.append(Problem(shown, rel.line, f"relation quote {rel.quote!r} does not occur in the source"))
    superseded_by = [r.target for r in meta.relations if r.type == "superseded_by"]
    others = [o for o in known.values() if any(r.type == "supersedes" and r.target == reg.slug
                                               for r in o.metadata.relations)]
    for other in others:
        if other.slug not in superseded_by:
            problems.append(Problem(shown, doc_line, f"{other.slug} supersedes this text: add "
                                    f"relation {{type: superseded_by, target: {other.slug}}}"))
    if others and meta.status != "superseded":
        problems.append(Problem(shown, meta.line_of("status"), "status must be 'superseded': "
                                f"{others[0].slug} supersedes this text"))
    if meta.status == "term_ended":
        end = re.search(r"\d{4}\s*[-–]\s*(\d{4})", meta.term or "")
        if end is None:
            problems.append(Problem(shown, meta.line_of("status"), "status 'term_ended' needs a term with its "
                                    "years (term: khóa …, nhiệm kỳ 2015 - 2020)"))
        elif int(end.group(1)) >= dt.date.today().year:
            problems.append(Problem(shown, meta.line_of("status"), f"status 'term_ended', but the term "
                                    f"({meta.term}) runs until {end.group(1)}"))
    for target in superseded_by:
        other = known.get(target)
        if other and not any(r.type == "supersedes" and r.target == reg.slug for r in other.metadata.relations):
            problems.append(Problem(shown, doc_line, f"{target} does not say it supersedes this text"))
    return problems


def run_check(project: Project) -> Report:
    report = Report()
    regulations, problems = load_corpus(project)
    report.problems += problems
    report.regulations = regulations
    known = {r.slug: r for r in regulations}
    for reg in regulations:
        shown = project.shown(reg.path)
        if not reg.source_path.is_file():
            continue
        raw = reg.source_text()
        coverage = align(reg, shown, project.shown(reg.source_path))
        report.coverage[reg.slug] = coverage
        report.problems += coverage.problems
        report.problems += check_ids_and_labels(reg, shown)
        report.problems += check_anomalies(reg, shown)
        report.problems += check_defects(reg, shown, raw, coverage)
        report.problems += check_metadata(reg, shown, raw, known)
        report.problems += check_notes(reg, shown)
        fact_problems, report.completeness[reg.slug] = check_facts(reg, shown)
        report.problems += fact_problems
    from .comparison import load_all
    report.comparisons, comparison_problems = load_all(project, known)
    report.problems += comparison_problems
    return report
