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

from dataclasses import replace

from .align import propose
from .drafting_table import HEADERS_DRAFT, WRITERS, build, write
from .ingest.writer import TODO, ingest_text
from .loader import Project, build_regulation
from .model import Regulation
from .normalize import nfc
from .site.compare_page import compare_html
from .yamlio import load_located


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
    """A text out of the corpus, read exactly as a corpus text is: `quyche ingest` writes
    its YAML (in memory) and the loader turns that into the model.

    What ingest cannot know (names, body) stays empty; the file name stands for the title
    when the text has none.
    """
    raw = nfc(raw if raw is not None else source_text(path))
    doc = load_located(path.with_suffix(".yaml"), ingest_text(raw, path.name, slug))
    regulation = build_regulation(doc, path, Project(path.parent), problems=[])
    meta = regulation.metadata
    metadata = replace(meta, title=path.name if meta.title.startswith(TODO) else meta.title,
                       short_title=path.name, issuing_body="", document_type="", source=str(path))
    return replace(regulation, source_path=path, metadata=metadata)


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
