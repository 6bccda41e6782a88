"""The pipelines an office uses to host the handbook itself (GitHub, GitLab) and the
pre-commit hook: valid files that run the same commands as `.ci/run`."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest
import yaml

from support import ROOT

CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _load(path):
    # Safe loading, and YAML 1.1's reading of the key `on` as True put back.
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(doc, dict) and True in doc:
        doc["on"] = doc.pop(True)
    return doc


def _github_commands(doc) -> list[str]:
    return [step["run"] for job in doc["jobs"].values() for step in job.get("steps", []) if "run" in step]


def _gitlab_commands(doc) -> dict[str, list[str]]:
    return {name: job["script"] for name, job in doc.items() if isinstance(job, dict) and "script" in job}


def test_ci_run_is_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^python3 -m venv .*&& pytest$", CI_RUN, re.M).group(0)
    assert command in readme


def test_there_is_a_github_workflow():
    assert WORKFLOWS, "no .github/workflows/*.yml"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_github_workflow_checks_tests_builds_and_publishes_on_every_push(path):
    doc = _load(path)
    assert "push" in doc["on"]
    commands = _github_commands(doc)
    assert "bash .ci/run" in commands, "the tests run through .ci/run, so they cannot drift from it"
    assert any(re.search(r"\bquyche check\b", c) for c in commands)
    assert any("mkdocs build --strict -d public" in c for c in commands)
    uses = [step.get("uses", "") for job in doc["jobs"].values() for step in job.get("steps", [])]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    deploy = next(job for job in doc["jobs"].values()
                  if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job["steps"]))
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] in doc["jobs"]


def test_the_gitlab_pipeline_checks_tests_builds_and_publishes_pages():
    doc = _load(ROOT / ".gitlab-ci.yml")
    jobs = _gitlab_commands(doc)
    assert any("bash .ci/run" in jobs[name] for name in jobs)
    pages = doc["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert any("mkdocs build --strict -d public" in c for c in pages["script"])
    assert any(re.search(r"\bquyche check\b", c) for c in pages["script"])
    assert pages["needs"] == [name for name in jobs if "bash .ci/run" in jobs[name]]


def test_the_ci_images_are_debian_so_ci_run_can_install_chromium():
    assert "apt-get install" in CI_RUN
    assert _load(ROOT / ".gitlab-ci.yml")["image"].endswith("bookworm")
    for path in WORKFLOWS:
        for job in _load(path)["jobs"].values():
            if any(step.get("run") == "bash .ci/run" for step in job.get("steps", [])):
                assert job["container"].endswith("bookworm")


def test_the_install_commands_are_the_ones_of_ci_run():
    install = "python3 -m venv .venv && . .venv/bin/activate && pip install -q -e ."
    assert install + " && pip" not in CI_RUN and "python3 -m venv .venv && . .venv/bin/activate && pip install -q -e '.[test]'" in CI_RUN
    assert install in _load(ROOT / ".gitlab-ci.yml")["pages"]["script"]


def test_the_pre_commit_hook_runs_quyche_check_on_data_changes():
    doc = _load(ROOT / ".pre-commit-config.yaml")
    hook = next(h for repo in doc["repos"] if repo["repo"] == "local" for h in repo["hooks"] if h["id"] == "quyche-check")
    assert hook["entry"] == "quyche check" and hook["language"] == "system" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("structured/dak-lak-vp-ubnd-2025.yaml") and files.search("regulations/x.txt")
    assert not files.search("docs/index.md")


def test_the_checking_commands_of_the_pipelines_pass_here():
    """Run, from the repository root, each command the pipelines and the hook run besides
    .ci/run itself (this suite) and the site build (the `site` fixture builds it)."""
    pre_commit = _load(ROOT / ".pre-commit-config.yaml")["repos"][0]["hooks"][0]["entry"]
    commands = {pre_commit}
    for path in [*WORKFLOWS, ROOT / ".gitlab-ci.yml"]:
        doc = _load(path)
        found = _github_commands(doc) if path.suffix == ".yml" and "jobs" in doc else \
            [c for cs in _gitlab_commands(doc).values() for c in cs]
        for command in found:
            last = command.split("&&")[-1].strip()
            if last.startswith("quyche "):
                commands.add(last)
    assert commands == {"quyche check"}
    for command in commands:
        argv = shlex.split(command)
        result = subprocess.run([sys.executable, "-m", "quyche.cli", *argv[1:]], cwd=ROOT,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
