"""`quyche compare OLD NEW -o OUT.html`: compare any two texts, in the corpus formats.

Neither text needs to be in the corpus: both are ingested in memory, aligned
with the same passes as the published comparisons, and written as one
self-contained HTML file (inline CSS, no script, no outside request) that can
be emailed. ``--table`` also writes the drafting table "Bảng so sánh".
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .align import propose
from .ids import expected_ids
from .ingest.blocks import split_blocks
from .ingest.tree import Node, build_tree
from .ingest.writer import guess_metadata
from .model import Metadata, Regulation, Unit
from .normalize import nfc
from .numbering import detect_scheme
from .drafting_table import HEADERS_DRAFT, WRITERS, build, write
from .site.compare_page import compare_html



def source_text(path: Path, changes: str | None = None) -> str:
    """The text of a source file: UTF-8 text as it is, a Word file read as
    `quyche ingest` reads it (so both give the same diff)."""
    from .ingest.word import is_word_file, read_docx

    if is_word_file(path):
        word = read_docx(path, changes)
        for note in word.notes:
            print(f"quyche compare: {path}: {note}", file=sys.stderr)
        return word.text
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


def regulation_from_text(path: Path, slug: str, raw: str | None = None) -> Regulation:
    raw = nfc(raw if raw is not None else source_text(path))
    scheme = detect_scheme(raw)
    blocks = split_blocks(raw)
    roots = build_tree(blocks, scheme)
    ids = {id(node): new_id for node, new_id in expected_ids(roots, scheme)}

    def unit(node: Node, normative: bool) -> Unit:
        mine = normative and node.kind != "khoi"
        return Unit(id=ids[id(node)], kind=node.kind, text=node.text, line=node.first_line, title=node.title,
                    role=node.role, normative=mine, scheme=scheme,
                    children=tuple(unit(c, mine) for c in node.children))

    meta = guess_metadata(blocks, slug, scheme, str(path))
    signed = dt.date.fromisoformat(meta["signed"]) if meta["signed"] else None
    title = meta["title"] if not meta["title"].startswith("TODO") else path.name
    metadata = Metadata(title=title, short_title=path.name, issuing_body="", document_type="",
                        number=meta["number"], signed=signed, signed_quote=meta["signed_quote"], signer=None,
                        signer_quote=None, status="in_force", relations=(), source=str(path), scheme=scheme)
    return Regulation(slug=slug, path=path, source_path=path, metadata=metadata,
                      units=tuple(unit(r, True) for r in roots))


def compare_files(old_path: Path, new_path: Path, output: Path, table: Path | None,
                  changes: str | None = None) -> int:
    from .ingest.word import WordProblem

    for path in (old_path, new_path):
        if not path.is_file():
            print(f"quyche compare: {path}: no such file", file=sys.stderr)
            return 1
    if table is not None and table.suffix.lower() not in WRITERS:
        print(f"quyche compare: --table {table}: expected a .docx, .xlsx or .csv file name", file=sys.stderr)
        return 1
    try:
        old = regulation_from_text(old_path, "cu", source_text(old_path, changes))
        new = regulation_from_text(new_path, "moi", source_text(new_path, changes))
    except WordProblem as exc:
        print(f"quyche compare: {exc}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as exc:
        print(f"quyche compare: not UTF-8 text ({exc.reason} at byte {exc.start})", file=sys.stderr)
        return 1
    if not any(u.text for u in old.walk()) or not any(u.text for u in new.walk()):
        print("quyche compare: one of the texts is empty", file=sys.stderr)
        return 1
    from .draft_facts import corpus_match, with_facts

    old = corpus_match(old, old_path.resolve().parent) or old
    new = corpus_match(new, new_path.resolve().parent) or new
    old, new = with_facts(old, new)
    alignment = propose(old, new)
    html = compare_html(alignment, old, new, dt.date.today().year, None, None, standalone=True)
    output.write_text(html, encoding="utf-8")
    print(f"wrote {output}: {len(alignment.pairs)} aligned rows")
    if table is not None:
        write(build(alignment, old, new, HEADERS_DRAFT), table)
        print(f"wrote {table}")
    return 0
