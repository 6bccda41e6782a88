"""`quyche propose` and `quyche accept`: machine-read facts in, reviewed facts out."""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys

from .loader import Project


def _load(project: Project, slug: str, command: str):
    from .loader import load_file

    path = project.structured / f"{slug}.yaml"
    if not path.is_file():
        known = ", ".join(p.stem for p in project.yaml_files()) or "none"
        print(f"quyche {command}: no {project.shown(path)}; known regulations: {known}", file=sys.stderr)
        return None, path
    reg, problems = load_file(path, project)
    if reg is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"quyche {command}: {project.shown(path)} cannot be read; fix the problems above first", file=sys.stderr)
    return reg, path


def cmd_propose(args: argparse.Namespace) -> int:
    from .model import Actor
    from .propose import propose_actors, propose_facts
    from .yamledit import append

    project = Project.find(args.root)
    reg, path = _load(project, args.slug, "propose")
    if reg is None:
        return 1
    actors = propose_actors(reg)
    with_actors = dataclasses.replace(reg, proposed_actors=reg.proposed_actors + tuple(
        Actor(a.id, a.name, a.kind, 0, review="proposed", rule=a.rule) for a in actors), _index={})
    facts = propose_facts(with_actors)
    used = {v for f in facts for value in f.roles.values() for v in ([value] if isinstance(value, str) else value)}
    actors = [a for a in actors if a.id in used]
    stamp = f"Máy đề xuất (quyche propose, {dt.date.today():%d/%m/%Y}), chưa rà soát"
    text = path.read_text(encoding="utf-8")
    text = append(text, "actors", [{"id": a.id, "name": a.name, "kind": a.kind, "review": "proposed", "rule": a.rule}
                                   for a in actors], stamp)
    text = append(text, "facts", [f.as_yaml() for f in facts], stamp)
    if args.dry_run:
        sys.stdout.write(text)
        return 0
    if facts or actors:
        path.write_text(text, encoding="utf-8")
    print(f"{project.shown(path)}: {len(facts)} fact(s) and {len(actors)} actor(s) proposed "
          f"(marked `review: proposed`; {len(reg.proposals)} were already awaiting review).")
    if facts or actors:
        print("Read each one against its clause, correct it, then run "
              f"`quyche accept {reg.slug}` (or `quyche accept {reg.slug} ID…`, or delete its `review: proposed` line), "
              "then `quyche check`. Proposals are never published until accepted.")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    from .yamledit import accept

    project = Project.find(args.root)
    reg, path = _load(project, args.slug, "accept")
    if reg is None:
        return 1
    waiting = {f.id: f for f in reg.proposals}
    waiting_actors = {a.id for a in reg.proposed_actors}
    ids = set(args.ids) if args.ids else None
    if ids:
        unknown = ids - set(waiting) - waiting_actors
        if unknown:
            print(f"quyche accept: {', '.join(sorted(unknown))}: not a proposal awaiting review in "
                  f"{project.shown(path)} (awaiting: {', '.join(sorted(waiting) + sorted(waiting_actors)) or 'none'})",
                  file=sys.stderr)
            return 1
        # A fact accepted with the actors it names, so no reviewed fact points at a proposal.
        ids |= {actor for fid in ids if fid in waiting for _, actor in waiting[fid].actor_roles()
                if actor in waiting_actors}
    text, accepted = accept(path.read_text(encoding="utf-8"), ids)
    path.write_text(text, encoding="utf-8")
    print(f"{project.shown(path)}: {len(accepted)} accepted ({', '.join(accepted) or 'none'}); run `quyche check`.")
    return 0


def register(sub) -> None:
    propose = sub.add_parser("propose", help="propose facts and actors for clauses no fact cites yet")
    propose.add_argument("slug", help="the regulation (structured/<slug>.yaml)")
    propose.add_argument("--dry-run", action="store_true", help="print the file with proposals instead of writing it")
    propose.set_defaults(func=cmd_propose)
    accept = sub.add_parser("accept", help="mark proposals as reviewed (after reading them)")
    accept.add_argument("slug", help="the regulation (structured/<slug>.yaml)")
    accept.add_argument("ids", nargs="*", help="ids of the facts or actors to accept (default: all)")
    accept.set_defaults(func=cmd_accept)


def carry_version(project: Project, slug: str, old_slug: str) -> int:
    """After `quyche ingest NEW --supersedes OLD`: the spec, the carried and proposed facts."""
    from .align import propose as align
    from .comparison import dump, spec_path
    from .new_version import carry
    from .yamledit import append

    old, _ = _load(project, old_slug, "ingest")
    new, path = _load(project, slug, "ingest")
    if old is None or new is None:
        return 1
    alignment = align(old, new)
    spec = spec_path(project, old_slug, slug)
    if spec.exists():
        print(f"quyche ingest: {project.shown(spec)} exists and may hold reviewed pairs; kept as it is")
    else:
        spec.parent.mkdir(parents=True, exist_ok=True)
        spec.write_text(dump(alignment), encoding="utf-8")
    carried = carry(old, new, alignment)
    text = path.read_text(encoding="utf-8")
    text = text.replace("  relations: []\n", f"  relations:\n  - type: supersedes\n    target: {old_slug}\n", 1)
    stamp = f"Mang sang từ {old_slug} (điều khoản không đổi chữ), đã rà soát ở bản cũ"
    text = append(text, "actors", [a for a in carried.actors if a.get("review") != "proposed"], stamp)
    text = append(text, "actors", [a for a in carried.actors if a.get("review") == "proposed"],
                  f"Máy đề xuất (quyche ingest --supersedes, {dt.date.today():%d/%m/%Y}), chưa rà soát")
    text = append(text, "facts", carried.facts, stamp)
    text = append(text, "waivers", carried.waivers, stamp)
    text = append(text, "facts", carried.proposals,
                  f"Máy đề xuất (quyche ingest --supersedes, {dt.date.today():%d/%m/%Y}), chưa rà soát; "
                  "`was:` là dữ kiện của bản cũ")
    path.write_text(text, encoding="utf-8")
    print(f"{project.shown(path)}: {carried.kept} reviewed fact(s) of {old_slug} carried over (their clauses are "
          f"unchanged), {len(carried.proposals)} proposed from changed or new clauses (marked `review: proposed`, "
          f"`was:` names the old fact); comparison spec {project.shown(spec)} to review.")
    print(f"Then mark {old_slug} as superseded (status: superseded, relation superseded_by: {slug}); "
          "`quyche check` names the lines.")
    return 0
