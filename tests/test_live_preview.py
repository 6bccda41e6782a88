"""Live preview: `mkdocs serve` follows edits to structured/ and keeps the last good site on a broken edit.

One real server on 127.0.0.1, in a copy of the project holding one regulation
(to keep each rebuild short) and its own copy of the quyche package (first on
the import path, so a test may break a template), driven the way an editor
works: save a change, reload the page.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from support import ROOT, built_url

SLUG = "tra-vinh-dang-uy-khoi-2019"
NAME = "name: Hội ý Thường trực Đảng ủy\n"
QUOTE = "quote: Tập thể Thường trực Đảng ủy định kỳ trao đổi, hội ý mỗi tuần 01 lần"
WAIT = 300   # seconds: a generous bound on a shared machine, not a speed claim (see the README)


def _ctrl_c_stops() -> None:
    """A process started in the background ignores Ctrl+C; the server must not, to shut down cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _until(what, check, server, log):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the server stopped while waiting for {what}:\n{log.read_text()[-3000:]}"
        found = check()
        if found:
            return found
        time.sleep(1)
    raise AssertionError(f"no {what} after {WAIT} s:\n{log.read_text()[-3000:]}")


def _project(tmp_path):
    project = tmp_path / "project"
    for name in ("docs", "macros", "regulations", "structured"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for path in (project / "structured").glob("*.yaml"):
        if path.stem != SLUG:
            path.unlink()
    shutil.rmtree(project / "structured" / "so-sanh")
    shutil.copytree(ROOT / "scripts" / "quyche", project / "scripts" / "quyche",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return project


@contextlib.contextmanager
def _serving(project, tmp_path, ready=lambda status: status == 200):
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": os.pathsep.join([str(project / "scripts"), os.environ.get("PYTHONPATH", "")])}
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env,
                                  preexec_fn=_ctrl_c_stops)
    try:
        base = f"http://127.0.0.1:{port}/"
        _until("first build", lambda: ready(_get(base)[0]), server, log)
        yield base, server, log
    finally:
        server.send_signal(signal.SIGINT)   # as an editor stops it: its shutdown runs
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture
def served(tmp_path):
    project = _project(tmp_path)
    with _serving(project, tmp_path) as (base, server, log):
        yield project, base, server, log


def test_an_edit_shows_and_a_broken_edit_keeps_the_last_good_site_with_its_problems(served):
    project, base, server, log = served
    yaml_file = project / "structured" / f"{SLUG}.yaml"
    deadlines = base + built_url(f"{SLUG}/moc-thoi-gian.md")
    text = yaml_file.read_text(encoding="utf-8")
    assert text.count(NAME) == 1 and text.count(QUOTE) == 1

    # 1. A fact renamed in structured/ shows on the page without a restart.
    yaml_file.write_text(text.replace(NAME, "name: Hội ý Thường trực Đảng ủy (sửa thử)\n"), encoding="utf-8")
    _until("renamed fact", lambda: "(sửa thử)" in _get(deadlines)[1], server, log)

    # 2. A quote the clause does not hold: the terminal and a page say where, the last good site stays.
    line = text[:text.index(QUOTE)].count("\n") + 1
    broken = yaml_file.read_text(encoding="utf-8").replace(QUOTE, QUOTE.replace("01 lần", "02 lần"))
    yaml_file.write_text(broken, encoding="utf-8")
    problems = _until("error page", lambda: (lambda r: r[0] == 200 and r[1])(_get(f"{base}loi-du-lieu/")), server, log)
    assert f"structured/{SLUG}.yaml:{line}" in problems
    status, page = _get(deadlines)
    assert status == 200 and "(sửa thử)" in page, "the last good page is still served"
    assert "Dữ liệu vừa sửa có lỗi" in page and "loi-du-lieu/" in page
    assert f"structured/{SLUG}.yaml:{line}" in log.read_text()
    assert server.poll() is None

    # 3. Fixed: the problems page and the banner go away.
    yaml_file.write_text(broken.replace(QUOTE.replace("01 lần", "02 lần"), QUOTE), encoding="utf-8")
    _until("clean rebuild", lambda: _get(f"{base}loi-du-lieu/")[0] == 404, server, log)
    status, page = _get(deadlines)
    assert status == 200 and "Dữ liệu vừa sửa có lỗi" not in page and "(sửa thử)" in page
    assert "Traceback" not in log.read_text()


def test_a_template_error_halfway_through_the_pages_keeps_the_last_good_site(served):
    """The data check passes, then a template fails while the pages are written: nothing of
    the half-written build is served, the problem is named at the template's line."""
    project, base, server, log = served
    template = project / "scripts" / "quyche" / "templates" / "deadlines.html"
    deadlines = base + built_url(f"{SLUG}/moc-thoi-gian.md")
    good = template.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    assert lines[3].startswith("{% include")
    status, before = _get(deadlines)
    assert status == 200 and "Bảng thời hạn" in before

    # 1. A runtime error on line 4 of the template.
    template.write_text("".join(lines[:3] + ["{{ (reg.slug | length) // 0 }}\n"] + lines[3:]), encoding="utf-8")
    where = "scripts/quyche/templates/deadlines.html:4"
    problems = _until("error page", lambda: (lambda r: r[0] == 200 and r[1])(_get(f"{base}loi-du-lieu/")), server, log)
    assert where in problems and "ZeroDivisionError" in problems
    assert problems.count(where) == 1, "each problem once"
    assert "Mã hoặc mẫu trang có lỗi" in problems
    assert where in log.read_text()
    status, page = _get(deadlines)
    assert status == 200 and "Bảng thời hạn" in page, "the last good page is still served"
    assert "Mã hoặc mẫu trang vừa sửa có lỗi" in page and "loi-du-lieu/" in page
    # the whole last good site, not what the failed build had written before it stopped
    assert _get(base + "index.html")[0] == 200
    assert _get(base + "pagefind/pagefind.js")[0] == 200
    assert server.poll() is None

    # 2. A syntax error: named at its line too.
    template.write_text("".join(lines[:5] + ["{% if %}\n"] + lines[5:]), encoding="utf-8")
    _until("syntax error", lambda: "deadlines.html:6" in _get(f"{base}loi-du-lieu/")[1], server, log)
    assert "TemplateSyntaxError" in _get(f"{base}loi-du-lieu/")[1]
    assert _get(deadlines)[0] == 200

    # 3. Fixed: a clean rebuild, no banner, and the editor never saw a traceback.
    template.write_text(good, encoding="utf-8")
    _until("clean rebuild", lambda: _get(f"{base}loi-du-lieu/")[0] == 404, server, log)
    status, page = _get(deadlines)
    assert status == 200 and "vừa sửa có lỗi" not in page and "Bảng thời hạn" in page
    assert "Traceback" not in log.read_text()


def test_an_edited_quyche_module_is_what_the_next_build_runs(served):
    """MkDocs keeps hook modules loaded for the whole process; the live hook reloads them with
    the quyche package, so an edited renderer shows without a restart, in one rebuild."""
    project, base, server, log = served
    module = project / "scripts" / "quyche" / "site" / "pages.py"
    text = module.read_text(encoding="utf-8")
    old = 'heading=lambda reg: f"Lịch và thời hạn: {reg.metadata.title}"'
    assert text.count(old) == 1
    module.write_text(text.replace(old, old.replace("Lịch và thời hạn:", "Lịch và thời hạn (sửa thử):")),
                      encoding="utf-8")
    deadlines = base + built_url(f"{SLUG}/moc-thoi-gian.md")
    _until("edited heading", lambda: "Lịch và thời hạn (sửa thử):" in _get(deadlines)[1], server, log)
    time.sleep(3)   # the watcher polls twice a second: a second build would have started by now
    assert log.read_text().count("Detected file changes") == 1, "bytecode written by the build is not an edit"


def test_a_code_error_is_named_at_the_innermost_line_of_the_project(tmp_path):
    """A renderer that raises: the problem names the project's file and line, not the library's."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("live_hook_under_test", ROOT / "macros" / "live_hook.py")
    live_hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(live_hook)
    renderer = tmp_path / "scripts" / "quyche" / "site" / "broken.py"
    renderer.parent.mkdir(parents=True)
    renderer.write_text("import json\n\n\ndef render(reg):\n    return json.loads(reg)\n", encoding="utf-8")
    namespace: dict = {}
    exec(compile(renderer.read_text(encoding="utf-8"), str(renderer), "exec"), namespace)
    with pytest.raises(ValueError) as caught:
        namespace["render"]("{not json")
    problem = live_hook.describe_error(caught.value, tmp_path)
    assert problem.startswith("scripts/quyche/site/broken.py:5: JSONDecodeError: "), problem


@pytest.mark.parametrize("refused", [1, 2])
def test_a_new_build_replaces_the_served_site_even_where_a_folder_cannot_be_renamed(tmp_path, monkeypatch, refused):
    """On Windows a file held open stops a rename: the new build is then copied over the old."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("live_hook_under_test", ROOT / "macros" / "live_hook.py")
    live_hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(live_hook)
    served, built = tmp_path / "served", tmp_path / "built"
    (served / live_hook.ERROR_PAGE).mkdir(parents=True)
    (served / live_hook.ERROR_PAGE / "index.html").write_text("problems", encoding="utf-8")
    (served / "index.html").write_text("last good, with a banner", encoding="utf-8")
    (built / "a").mkdir(parents=True)
    (built / "index.html").write_text("new", encoding="utf-8")
    (built / "a" / "b.html").write_text("new page", encoding="utf-8")
    calls = []
    rename = os.rename

    def held_open(src, dst):
        calls.append(src)
        if len(calls) == refused:
            raise PermissionError(13, "the file is being used by another process", str(src))
        rename(src, dst)
    monkeypatch.setattr(live_hook.os, "rename", held_open)
    live_hook.replace_site(served, built)
    assert (served / "index.html").read_text(encoding="utf-8") == "new"
    assert (served / "a" / "b.html").read_text(encoding="utf-8") == "new page"
    assert not (served / live_hook.ERROR_PAGE).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["served"], "nothing left behind"


def test_started_on_broken_data_the_server_shows_the_problems_and_builds_once_they_are_fixed(tmp_path):
    """The editor left the data broken yesterday: the preview starts anyway, every address shows
    the problems (no site was ever built), and the first good save builds the site."""
    project = _project(tmp_path)
    yaml_file = project / "structured" / f"{SLUG}.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    line = text[:text.index(QUOTE)].count("\n") + 1
    yaml_file.write_text(text.replace(QUOTE, QUOTE.replace("01 lần", "02 lần")), encoding="utf-8")
    with _serving(project, tmp_path, ready=lambda status: status == 404) as (base, server, log):
        for address in (f"{base}loi-du-lieu/", base, base + built_url(f"{SLUG}/moc-thoi-gian.md")):
            page = _get(address)[1]
            assert f"structured/{SLUG}.yaml:{line}" in page and "Chưa có bản dựng tốt nào" in page, address
        assert f"structured/{SLUG}.yaml:{line}" in log.read_text() and server.poll() is None
        yaml_file.write_text(text, encoding="utf-8")
        _until("the site", lambda: _get(base)[0] == 200, server, log)
        assert _get(f"{base}loi-du-lieu/")[0] == 404
        assert "Traceback" not in log.read_text()
