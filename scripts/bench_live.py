#!/usr/bin/env python3
"""Live-preview benchmark: how long an editor waits, under `mkdocs serve`, for a saved edit to show.

It copies the project (the four regulations, the docs, the hooks and the quyche
package) to a temporary folder, starts ``mkdocs serve`` there on 127.0.0.1 with
that copy of the package first on the import path, and then, one at a time,
saves the edits an editor makes and polls the served page until it shows them:

* a fact renamed in ``structured/<slug>.yaml`` (its deadline table);
* spaces added at a line end of ``regulations/<slug>.txt`` (the source offered
  for download; whitespace changes no text the check compares);
* a heading changed in a quyche module (the version comparison page).

Each edit is then undone, which is one more rebuild, also measured. For every
rebuild it prints the wall seconds from saving to the page showing the change
(the live-reload server answers no request while a rebuild runs, so this
includes the whole rebuild, search index too) and the CPU seconds the server
process and its children (Pagefind) spent meanwhile.

Not a test (the figures depend on the machine): run it by hand and record them
in README.md, "Live preview".

    python scripts/bench_live.py            # each edit once
    python scripts/bench_live.py --rounds 3
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")
TIMEOUT = 600


@dataclass(frozen=True)
class Edit:
    what: str
    file: str       # relative to the project
    old: str
    new: str
    page: str       # the served path that shows it
    shows: str      # text the page holds once the edit is built (and lacks before)


EDITS = (
    Edit("structured/ YAML: a fact renamed", "structured/tra-vinh-dang-uy-khoi-2019.yaml",
         "name: Hội ý Thường trực Đảng ủy\n", "name: Hội ý Thường trực Đảng ủy (sửa thử)\n",
         "tra-vinh-dang-uy-khoi-2019/moc-thoi-gian.html", "(sửa thử)"),
    Edit("regulations/ source: spaces added at a line end", "regulations/tra-vinh-dang-uy-khoi-2019.txt",
         "NGHIỆP**\n", "NGHIỆP**   \n", "nguon/tra-vinh-dang-uy-khoi-2019.txt", "NGHIỆP**   \n"),
    Edit("quyche module: a heading changed", "scripts/quyche/site/pages.py",
         '"So sánh hai phiên bản"', '"So sánh hai phiên bản (sửa thử)"',
         "so-sanh/dak-lak-vp-ubnd-2021--dak-lak-vp-ubnd-2025.html", "(sửa thử)"),
)


def _ctrl_c_stops() -> None:
    """A process started in the background ignores Ctrl+C; the server must not, to shut down cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.read().decode("utf-8-sig")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _cpu(pid: int) -> float:
    """User + system seconds of the process and of its children it has waited for (Pagefind)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / TICKS


def _until(url: str, present: str, absent: bool = False) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        body = _get(url)
        if body is not None and ((present not in body) if absent else (present in body)):
            return
        time.sleep(0.2)
    raise SystemExit(f"{url}: no change after {TIMEOUT} s")


def _copy_project(to: Path) -> None:
    for name in ("docs", "macros", "regulations", "structured"):
        shutil.copytree(ROOT / name, to / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "scripts" / "quyche", to / "scripts" / "quyche",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", to / "mkdocs.yml")


def _save(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--serve-args", nargs="*", default=[], help="extra options of mkdocs serve")
    args = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="bench-live-") as tmp:
        project = Path(tmp)
        _copy_project(project)
        port = _free_port()
        base = f"http://127.0.0.1:{port}/"
        # The copy of the package comes before the installed one, so the module edit is the served code.
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
               "PYTHONPATH": os.pathsep.join([str(project / "scripts"), os.environ.get("PYTHONPATH", "")])}
        log = (project / "serve.log").open("w")
        started = time.monotonic()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                                   *args.serve_args], cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env,
                                  preexec_fn=_ctrl_c_stops)
        try:
            _until(base + "index.html", "<html")
            print(f"first build: {time.monotonic() - started:.1f} s wall, {_cpu(server.pid):.1f} s CPU")
            rows: dict[str, list[tuple[float, float]]] = {}
            for _ in range(args.rounds):
                for edit in EDITS:
                    path = project / edit.file
                    for label, old, new, absent in (("save", edit.old, edit.new, False),
                                                    ("undo", edit.new, edit.old, True)):
                        time.sleep(1.5)   # past the watcher's polling, so each save is one rebuild
                        cpu, t0 = _cpu(server.pid), time.monotonic()
                        _save(path, old, new)
                        _until(base + edit.page, edit.shows, absent=absent)
                        wall, used = time.monotonic() - t0, _cpu(server.pid) - cpu
                        rows.setdefault(f"{edit.what} ({label})", []).append((wall, used))
                        print(f"  {edit.what} ({label}): {wall:.1f} s wall, {used:.1f} s CPU", flush=True)
            if args.rounds > 1:
                print("medians:")
                for what, runs in rows.items():
                    print(f"  {what}: {statistics.median(r[0] for r in runs):.1f} s wall, "
                          f"{statistics.median(r[1] for r in runs):.1f} s CPU")
            time.sleep(3)
            builds = (project / "serve.log").read_text(encoding="utf-8").count("Detected file changes")
            print(f"rebuilds: {builds} for {2 * len(EDITS) * args.rounds} saves")
            if server.poll() is not None:
                raise SystemExit("the server stopped:\n" + (project / "serve.log").read_text()[-3000:])
        finally:
            server.send_signal(signal.SIGINT)   # as an editor stops it: its shutdown runs
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()


if __name__ == "__main__":
    main()
