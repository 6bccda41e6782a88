"""Measure what comparing versions costs: per aligned unit vs whole documents.

Not a test: prints figures for the README. Usage: python scripts/bench_compare.py
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

from quyche.align import propose
from quyche.comparison import load_all
from quyche.loader import Project, load_valid_corpus
from quyche.site.compare_page import compare_html
from quyche.worddiff import word_diff


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        runs.append(time.process_time() - start)
    return statistics.median(runs)


def main() -> None:
    project = Project.find(Path(__file__).resolve().parent.parent)
    corpus = {r.slug: r for r in load_valid_corpus(project)}
    specs, _ = load_all(project, corpus)
    for spec in specs:
        old, new = corpus[spec.old], corpus[spec.new]
        pairs = [p for p in spec.pairs if p.old and p.new]

        def per_unit():
            for p in pairs:
                word_diff(" ".join(old.unit(i).text for i in p.old), " ".join(new.unit(i).text for i in p.new))

        def whole():
            word_diff(old.source_text(), new.source_text(), timeout=0)

        def page():
            compare_html(spec, old, new, 2026, "../", "../")

        unit_s, whole_s, page_s = timed(per_unit), timed(whole, 3), timed(page)
        propose_s = timed(lambda: propose(old, new), 1)
        print(f"{spec.old} → {spec.new}: {len(pairs)} aligned pairs")
        print(f"  word diff of every aligned pair:     {unit_s * 1000:8.1f} ms CPU")
        print(f"  one word diff of the whole texts:    {whole_s * 1000:8.1f} ms CPU (no timeout)")
        print(f"  whole comparison page (with summary): {page_s * 1000:7.1f} ms CPU")
        print(f"  proposing the alignment (quyche align): {propose_s:5.2f} s CPU (once, then reviewed and stored)")


if __name__ == "__main__":
    main()
