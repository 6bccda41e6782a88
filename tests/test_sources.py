"""The source texts are the seeds, byte for byte, and are never edited.

regulations/<slug>.txt is the truth everything else is checked against, so it
must stay exactly the file it was copied from. The sha256 of each file is
recorded here, so this holds even where ../shared/seeds is not available.
"""
from __future__ import annotations

import hashlib
import unicodedata

import pytest

from support import ROOT, SLUGS

SEEDS = ROOT.parent / "shared" / "seeds"

#: slug -> (seed file in ../shared/seeds, sha256 of its bytes)
SOURCES = {
    "dak-lak-vp-ubnd-2025": (
        "001_c6821a850fff4bd3.txt", "41490b81ecb7dc9c72c284c52d8db1fea81954b00b3e22fa8577aee5754fbd72"),
    "tra-vinh-dang-uy-khoi-2019": (
        "002_53620e45a94a6cf6.txt", "3750aebb1c17d5a671be753b4a10fbf638c919377c7556e8e3bb9c92e544c9c3"),
    "dak-lak-vp-ubnd-2021": (
        "003_fd3fdad61e19ee94.txt", "308ec54239760e6c599f529d81b00defd2f8247cd873963fb6743a05c3dedd91"),
    "dien-bien-tinh-uy-2020-2025": (
        "004_cdcf607f15aa0d9f.txt", "b7a8bf034645adc94764d2b3c870fdd06a535caae72edb5e98985399445c5d09"),
}


def source_bytes(slug: str) -> bytes:
    return (ROOT / "regulations" / f"{slug}.txt").read_bytes()


def test_every_source_is_known_here():
    """A new source text must be added to SOURCES (and so to every test below)."""
    on_disk = sorted(p.stem for p in (ROOT / "regulations").glob("*.txt"))
    assert on_disk == sorted(SOURCES) == sorted(SLUGS)


def test_every_source_has_its_structured_file():
    structured = sorted(p.stem for p in (ROOT / "structured").glob("*.yaml"))
    assert structured == sorted(SOURCES)


@pytest.mark.parametrize("slug", SOURCES)
def test_source_has_the_recorded_sha256(slug):
    _, sha256 = SOURCES[slug]
    assert hashlib.sha256(source_bytes(slug)).hexdigest() == sha256, (
        f"regulations/{slug}.txt changed; source texts are never edited "
        "(record a defect in the YAML instead)")


@pytest.mark.parametrize("slug", SOURCES)
def test_source_is_byte_identical_to_its_seed(slug):
    seed_name, _ = SOURCES[slug]
    seed = SEEDS / seed_name
    if not seed.is_file():
        pytest.skip(f"{seed} is absent (no ../shared/seeds next to the repository); "
                    "the recorded sha256 still guards the file")
    assert source_bytes(slug) == seed.read_bytes()


@pytest.mark.parametrize("slug", SOURCES)
def test_source_is_utf8_nfc_with_lf_line_endings(slug):
    data = source_bytes(slug)
    text = data.decode("utf-8")
    assert not data.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    assert b"\r" not in data, "LF line endings only"
    assert unicodedata.is_normalized("NFC", text)
