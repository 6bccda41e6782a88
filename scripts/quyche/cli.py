"""The `quyche` command: one job per subcommand, exit codes CI can trust.

0 = all good, 1 = the data has problems (all listed), 2 = wrong usage.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .loader import Project
from .numbering import SCHEMES


def cmd_check(args: argparse.Namespace) -> int:
    from .check import run_check

    started = time.perf_counter()
    project = Project.find(args.root)
    report = run_check(project)
    for slug, alignment in sorted(report.coverage.items()):
        print(f"{slug}: {alignment.coverage:.1f}% of the source text covered "
              f"({alignment.covered} of {alignment.total} characters)")
    for slug, done in sorted(report.completeness.items()):
        print(f"{slug}: facts cover {done.percent:.1f}% of clauses with a schedule expression "
              f"({done.covered} covered, {done.waived} waived, of {done.needed}); "
              f"{len(next(r for r in report.regulations if r.slug == slug).facts)} facts")
    for reg in report.regulations:
        if reg.proposals or reg.proposed_actors:
            print(f"{reg.slug}: {len(reg.proposals)} fact(s) and {len(reg.proposed_actors)} actor(s) proposed by the "
                  f"machine await review (not published): read them, then `quyche accept {reg.slug}`")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    elapsed = time.perf_counter() - started
    if report.problems:
        print(f"quyche check: {len(report.problems)} problem(s) in {len(report.regulations)} "
              f"regulation(s) ({elapsed:.2f} s)", file=sys.stderr)
        return 1
    print(f"quyche check: {len(report.regulations)} regulation(s) OK ({elapsed:.2f} s)")
    return 0


def _changes(args: argparse.Namespace) -> str | None:
    return "accept" if getattr(args, "accept_changes", False) else "reject" if getattr(args, "reject_changes", False) else None


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest.writer import ingest
    from .yamlio import MAX_BYTES

    project = Project.find(args.root)
    source = Path(args.source)
    if not source.is_file():
        print(f"quyche ingest: {source}: no such file", file=sys.stderr)
        return 1
    if source.stat().st_size > MAX_BYTES:
        print(f"quyche ingest: {source}:1: file is {source.stat().st_size / 1e6:.1f} MB; a source text is "
              f"at most {MAX_BYTES / 1e6:.0f} MB (is this the right file?)", file=sys.stderr)
        return 1
    slug = args.slug or source.stem
    target = project.structured / f"{slug}.yaml"
    if args.supersedes and not (project.structured / f"{args.supersedes}.yaml").is_file():
        print(f"quyche ingest: --supersedes {args.supersedes}: no {project.shown(project.structured)}/"
              f"{args.supersedes}.yaml to carry facts from", file=sys.stderr)
        return 1
    if target.exists() and not args.force:
        print(f"quyche ingest: {project.shown(target)} exists and may hold hand edits; "
              "not overwritten (use --force to replace it)", file=sys.stderr)
        return 1
    from .ingest.word import is_word_file
    if is_word_file(source):
        return _ingest_word(args, project, source, slug, target)
    try:
        text = ingest(source, slug, args.scheme)
    except UnicodeDecodeError as exc:
        print(f"quyche ingest: {source}: not UTF-8 text ({exc.reason} at byte {exc.start})", file=sys.stderr)
        return 1
    if args.stdout:
        sys.stdout.write(text)
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {project.shown(target)}; review it, fill in metadata, then run `quyche check`, "
          f"and `quyche propose {slug}` to have the machine propose its facts and actors for review")
    return _after_ingest(args, project, slug)


def _after_ingest(args: argparse.Namespace, project: Project, slug: str) -> int:
    if not getattr(args, "supersedes", None):
        return 0
    from .cli_facts import carry_version
    return carry_version(project, slug, args.supersedes)


def _ingest_word(args, project: Project, source: Path, slug: str, target: Path) -> int:
    """A Word source becomes regulations/<slug>.txt (the text every check compares
    against from then on), the .docx is kept beside it, and the YAML is built from the text."""
    import shutil

    from .ingest.word import WordProblem, read_docx
    from .ingest.writer import ingest_text

    try:
        word = read_docx(source, _changes(args))
    except WordProblem as exc:
        print(f"quyche ingest: {exc}", file=sys.stderr)
        return 1
    for note in word.notes:
        print(f"quyche ingest: {source}: {note}", file=sys.stderr)
    text_path = project.regulations / f"{slug}.txt"
    docx_path = project.regulations / f"{slug}.docx"
    if text_path.exists() and text_path.read_text(encoding="utf-8-sig") != word.text and not args.force:
        print(f"quyche ingest: {project.shown(text_path)} exists with another text and is the source the checks "
              "compare against; not overwritten (use --force to replace it)", file=sys.stderr)
        return 1
    yaml_text = ingest_text(word.text, text_path.name, slug, args.scheme)
    if args.stdout:
        sys.stdout.write(yaml_text)
        return 0
    project.regulations.mkdir(parents=True, exist_ok=True)
    text_path.write_text(word.text, encoding="utf-8")
    if source.resolve() != docx_path.resolve():
        shutil.copyfile(source, docx_path)
    target.write_text(yaml_text, encoding="utf-8")
    print(f"wrote {project.shown(text_path)} (the text of {source.name}, kept as {project.shown(docx_path)}) "
          f"and {project.shown(target)}; review it, fill in metadata, then run `quyche check`, "
          f"and `quyche propose {slug}` to have the machine propose its facts and actors for review")
    return _after_ingest(args, project, slug)


def cmd_align(args: argparse.Namespace) -> int:
    from .align import propose
    from .comparison import dump, spec_path
    from .loader import load_corpus

    project = Project.find(args.root)
    regs, problems = load_corpus(project)
    by_slug = {r.slug: r for r in regs}
    for slug in (args.old, args.new):
        if slug not in by_slug:
            print(f"quyche align: unknown regulation '{slug}'; known: {', '.join(sorted(by_slug))}", file=sys.stderr)
            return 1
    target = spec_path(project, args.old, args.new)
    if target.exists() and not args.force:
        print(f"quyche align: {project.shown(target)} exists and may hold reviewed pairs; "
              "not overwritten (use --force to replace it)", file=sys.stderr)
        return 1
    alignment = propose(by_slug[args.old], by_slug[args.new])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dump(alignment), encoding="utf-8")
    from collections import Counter
    counts = Counter(p.match for p in alignment.pairs)
    print(f"wrote {project.shown(target)}: {len(alignment.pairs)} pairs "
          f"({', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))}); review it, then run `quyche check`")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from .drafts import compare_files

    return compare_files(Path(args.old), Path(args.new), Path(args.output),
                         Path(args.table) if args.table else None, _changes(args))


def _word_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--accept-changes", action="store_true",
                       help="a Word file with tracked changes: read it with every change accepted")
    group.add_argument("--reject-changes", action="store_true",
                       help="a Word file with tracked changes: read it with every change rejected")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="quyche", description="Sổ tay quy chế làm việc: data tools")
    parser.add_argument("--root", type=Path, default=None, help="project folder (default: found from here)")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="verify every structured YAML against its source text")
    check.set_defaults(func=cmd_check)

    ingest = sub.add_parser("ingest", help="build structured/<slug>.yaml from a source text")
    ingest.add_argument("source", help="path of the source: a UTF-8 text or a Word .docx file")
    ingest.add_argument("--slug", help="id of the regulation (default: the file name)")
    ingest.add_argument("--scheme", choices=sorted(SCHEMES), help="numbering scheme (default: detected)")
    ingest.add_argument("--force", action="store_true", help="replace an existing YAML file")
    ingest.add_argument("--stdout", action="store_true", help="print the YAML instead of writing it")
    ingest.add_argument("--supersedes", metavar="OLD", help="the new version of OLD: carry its reviewed facts of "
                        "unchanged clauses, propose the rest, write the comparison spec")
    _word_flags(ingest)
    ingest.set_defaults(func=cmd_ingest)

    align = sub.add_parser("align", help="propose the unit alignment of two versions (a comparison spec)")
    align.add_argument("old", help="slug of the older version")
    align.add_argument("new", help="slug of the newer version")
    align.add_argument("--force", action="store_true", help="replace an existing (reviewed) spec")
    align.set_defaults(func=cmd_align)

    compare = sub.add_parser("compare", help="compare two texts (in any corpus format) into one HTML file")
    compare.add_argument("old", help="the text in force (a .txt or .docx file)")
    compare.add_argument("new", help="the draft (a .txt or .docx file)")
    compare.add_argument("-o", "--output", required=True, help="the HTML file to write")
    compare.add_argument("--table", help="also write the drafting table 'Bảng so sánh' (.docx, .xlsx or .csv)")
    _word_flags(compare)
    compare.set_defaults(func=cmd_compare)

    from .cli_facts import register
    register(sub)

    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
