"""The structured files say exactly what the sources say.

Parametrised over every unit of every regulation, so a failure names the unit:
``test_unit_text_is_the_next_span_of_the_source[dak-lak-vp-ubnd-2025/dieu-19-khoan-2]``.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pytest

from quyche.check import run_check
from quyche.fidelity import Coverage, align
from quyche.loader import Project
from quyche.normalize import NormalizedSource, normalize

from support import ROOT, SLUGS, repo_corpus, unit_params

#: "Điều N." at the start of a source line, after any heading or bold markers.
ARTICLE_HEADING = re.compile(r"^\W*Điều\s+(\d+)\.", re.M)

#: Articles of an issuing decision that precede the regulation in its source.
#: The 2025 text opens with Quyết định 0173 and its own Điều 1–3; those are
#: units quyet-dinh-dieu-N, outside the regulation's numbering.
DECISION_ARTICLES = {"dak-lak-vp-ubnd-2025": 3}


@lru_cache(maxsize=None)
def alignment(slug: str) -> Coverage:
    """fidelity.align, once per regulation."""
    regulations, _ = repo_corpus()
    project = Project(ROOT)
    reg = regulations[slug]
    return align(reg, project.shown(reg.path), project.shown(reg.source_path))


def test_every_regulation_loads(corpus):
    _, problems = repo_corpus()
    assert not problems, "\n".join(map(str, problems))
    assert sorted(corpus) == sorted(SLUGS)


@pytest.mark.parametrize(("slug", "unit_id"), unit_params())
def test_unit_text_is_the_next_span_of_the_source(corpus, slug, unit_id):
    """The unit's normalised text (and title) is the source text right after the previous unit's."""
    found = alignment(slug)
    problems = [str(p) for p in found.problems if p.unit == unit_id]
    assert not problems, "\n".join(problems)
    unit = corpus[slug].unit(unit_id)
    if unit.text or unit.title:
        assert unit_id in found.lines, f"{unit_id} was not located in regulations/{slug}.txt"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_whole_source_is_covered(slug):
    found = alignment(slug)
    unplaced = [str(p) for p in found.problems if p.unit is None]
    assert not unplaced, "\n".join(unplaced)
    assert (found.covered, found.coverage) == (found.total, 100.0)


@pytest.mark.parametrize("slug", SLUGS)
def test_unit_ids_are_unique(corpus, slug):
    counts = Counter(unit.id for unit in corpus[slug].walk())
    assert [uid for uid, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_article_of_the_source_is_a_unit(corpus, slug):
    """Each "Điều N." heading of the source is a dieu unit, in order, with the id its number gives."""
    raw = (ROOT / "regulations" / f"{slug}.txt").read_text(encoding="utf-8")
    headings = ARTICLE_HEADING.findall(raw)
    skip = DECISION_ARTICLES.get(slug, 0)
    expected = [f"quyet-dinh-dieu-{n}" for n in headings[:skip]] + [f"dieu-{n}" for n in headings[skip:]]
    articles = [unit.id for unit in corpus[slug].walk() if unit.kind == "dieu"]
    assert articles == expected
    assert [a.id for a in corpus[slug].articles] == expected[skip:], "only the regulation's own articles are normative"


def test_the_outline_text_keeps_its_parts_and_sections(corpus):
    """The 2021 text has no "Điều": its parts A./B. and sections I./II. are units in order.

    (Parts are letters other than I, V, X, which open Roman-numbered sections.)
    """
    raw = (ROOT / "regulations" / "dak-lak-vp-ubnd-2021.txt").read_text(encoding="utf-8")
    reg = corpus["dak-lak-vp-ubnd-2021"]
    assert [u.number for u in reg.walk() if u.kind == "phan"] == re.findall(r"^([A-HJ-UWYZ])\. ", raw, re.M)
    assert [u.number for u in reg.walk() if u.kind == "muc"] == re.findall(r"^([IVX]+)\. ", raw, re.M)


@pytest.mark.parametrize("slug", SLUGS)
def test_normalised_source_stream_is_the_normalised_source(slug):
    """The checker's line-mapped stream is exactly normalize() of the whole file."""
    raw = (ROOT / "regulations" / f"{slug}.txt").read_text(encoding="utf-8")
    stream = NormalizedSource(raw)
    assert stream.text == normalize(raw)
    assert len(stream.line_of) == len(stream.text)


def test_quyche_check_reports_no_problem():
    """The whole `quyche check`: text, order, coverage, ids, anomalies, defects, metadata."""
    report = run_check(Project(ROOT))
    assert report.problems == [], "\n".join(map(str, report.problems))
    assert sorted(r.slug for r in report.regulations) == sorted(SLUGS)
    assert {slug: a.coverage for slug, a in report.coverage.items()} == {slug: 100.0 for slug in SLUGS}
