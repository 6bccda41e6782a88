"""Fixtures: the project, its corpus (loaded once), and a breakable copy of it."""
from __future__ import annotations

import pytest

from quyche.loader import Project
from quyche.model import Regulation

from support import ROOT, TmpProject, copy_project, mkdocs_build, repo_corpus


@pytest.fixture(scope="session")
def project() -> Project:
    """The repository itself."""
    return Project(ROOT)


@pytest.fixture(scope="session")
def corpus() -> dict[str, Regulation]:
    """Every regulation of structured/, by slug, loaded once for the session."""
    regulations, _ = repo_corpus()
    return regulations


@pytest.fixture
def tmp_project(tmp_path, capsys) -> TmpProject:
    """regulations/, structured/ and an empty mkdocs.yml copied into tmp_path.

    Tests break the copy, never the repository; ``.check()`` runs
    ``quyche --root <copy> check`` in-process and returns code, stdout, stderr.
    """
    return copy_project(tmp_path / "project", capsys)


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """`mkdocs build --strict` of the repository, run once: (site folder, the finished process)."""
    out = tmp_path_factory.mktemp("site")
    return out, mkdocs_build(ROOT, out)


@pytest.fixture(scope="session")
def site(build):
    """The site built once with `mkdocs build --strict`, for tests that read its pages."""
    out, result = build
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return out
