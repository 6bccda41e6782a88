"""Live preview for editors: `mkdocs serve` follows the data and the code.

MkDocs watches only docs/ and mkdocs.yml. This hook also watches structured/,
regulations/, the quyche package and macros/, and reloads the quyche modules
before each rebuild, so an edited YAML file or Python module shows on the
page without restarting the server.

A broken edit must not take the site away from the editor. Each rebuild
writes to a folder of its own, which replaces the served one only when the build
succeeds: a data problem (the check stops the build before a page is written, as
it does for `mkdocs build`, which is unchanged) and an error in a template or a
renderer halfway through the pages alike leave the last good site served. The
problems are printed in the terminal as file:line (a code error at the innermost
line of the project it passed through: the template's line for a template),
written to /loi-du-lieu/, and a banner on every page links there. The next good
build replaces all of it. A server started on broken data keeps running too, the
problems page standing for every address until the first good build.

MkDocs loads each hook file once per process; this hook makes it load them
again for each rebuild, with the quyche modules imported afresh, so an edited
module or template is what the next build runs. Python's bytecode caches are
written outside the watched folders while serving: a module recompiled during a
build would otherwise count as an edit and start a second build.
"""
from __future__ import annotations

import datetime as dt
import html
import logging
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from urllib.parse import urlsplit

log = logging.getLogger("mkdocs.hooks.live")

ERROR_PAGE = "loi-du-lieu"
_BANNER_MARK = "<!-- qc-live-error -->"
#: Set by the serving process while a rebuild runs: the folder that build writes to (see on_config).
_STAGING = "QUYCHE_LIVE_STAGING"
_dirty = False   # `mkdocs serve --dirty` builds over the served folder: no staging then


_pycache: str | None = None   # where bytecode goes while serving, removed at shutdown


def on_startup(command, dirty):
    global _dirty
    _dirty = dirty
    if command == "serve":
        _keep_serving_if_the_first_build_fails()


def _keep_serving_if_the_first_build_fails() -> None:
    """`mkdocs serve` stops when its first build fails, so an editor who starts it on data
    broken yesterday would get no preview at all. That failure is shown like a later one's,
    on a site holding only the problems (served for every address), and the server watches
    the files as usual: the first good build replaces it."""
    from mkdocs.commands import serve as serve_command
    real = getattr(serve_command, "build", None)
    if real is None:
        return

    def first_build(config, **kwargs):
        serve_command.build = real   # the later builds go through on_serve's builder
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            real(config, **kwargs)
        except (Exception, SystemExit) as exc:
            messages, what = _failure(exc, collect.messages, Path(config.config_file_path).resolve().parent)
            site, mount = Path(config.site_dir), urlsplit(config.site_url or "/").path or "/"
            shutil.rmtree(site, ignore_errors=True)   # what a failed build wrote is no site
            site.mkdir(parents=True)
            show_failure(site, messages, mount, what)
            log.error(f"Bản dựng đầu tiên dừng vì {what.lower()} có lỗi (xem trên); máy vẫn chạy, các lỗi ở "
                      f"{mount}{ERROR_PAGE}/ — sửa và lưu tệp để dựng lại")
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)

    serve_command.build = first_build


def _failure(exc: BaseException, logged: list[str], root: Path) -> tuple[list[str], str]:
    """The problems of a failed build and what failed: MkDocs has printed a data problem (the
    check's file:line); a code error is printed here, at its line."""
    from mkdocs.exceptions import Abort, PluginError
    if isinstance(exc, (Abort, PluginError, SystemExit)):
        return list(logged), _DATA
    problem = describe_error(exc, root)
    messages = [*logged, problem]   # before it is logged (and collected)
    log.error(problem)
    log.debug("", exc_info=exc)     # the whole traceback with `mkdocs serve -v`
    return messages, _CODE


def on_shutdown():
    if _pycache:
        shutil.rmtree(_pycache, ignore_errors=True)


def on_config(config):
    """A rebuild of `mkdocs serve` writes to its staging folder, never over the served site."""
    staging = os.environ.get(_STAGING)
    if staging:
        config["site_dir"] = staging
    return config


def _watched(root: Path) -> list[Path]:
    return [p for p in (root / "structured", root / "regulations", root / "scripts" / "quyche", root / "macros")
            if p.exists()]


def _reload_code() -> None:
    """Forget the imported quyche modules and the loaded hooks: the next build imports them afresh."""
    for name in [n for n in sys.modules if n == "quyche" or n.startswith("quyche.")]:
        del sys.modules[name]
    # MkDocs 1.6 caches each hook module (functools.lru_cache on Hooks._load_hook), so
    # macros/hooks.py would keep the quyche modules of the first build forever.
    from mkdocs.config import config_options
    cache_clear = getattr(getattr(config_options.Hooks, "_load_hook", None), "cache_clear", None)
    if cache_clear is None:
        log.warning("MkDocs no longer caches hooks as this hook expects: edited Python code may need a restart")
    else:
        cache_clear()


def describe_error(exc: BaseException, root: Path) -> str:
    """One line, file:line first, for an exception out of the build: the innermost line of the
    project (a template's own line for a template; Jinja puts template lines in the traceback)."""
    import jinja2
    what = f"{type(exc).__name__}: {getattr(exc, 'message', None) or exc}"
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return f"{_shown(exc.filename, root)}:{exc.lineno}: {what}"
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if _inside(f.filename, root)] or frames
    if not ours:
        return what
    return f"{_shown(ours[-1].filename, root)}:{ours[-1].lineno}: {what}"


def _inside(filename: str, root: Path) -> bool:
    try:
        Path(filename).resolve().relative_to(root)
        return True
    except (ValueError, OSError):
        return False


def _shown(filename: str, root: Path) -> str:
    return str(Path(filename).resolve().relative_to(root)) if _inside(filename, root) else filename


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


#: What stopped the build, as the problems page and the banner say it.
_DATA, _CODE = "Dữ liệu", "Mã hoặc mẫu trang"


def _problems_page(messages: list[str], home: str | None, what: str = _DATA) -> str:
    """The problems; ``home`` is the last good site's address, None when there is none yet."""
    items = "".join(f"<li><pre>{html.escape(m)}</pre></li>" for m in messages) or "<li>(không rõ lỗi; xem cửa sổ dòng lệnh)</li>"
    when = dt.datetime.now().strftime("%H:%M:%S")
    why = ("dữ liệu có lỗi (như <code>quyche check</code> báo)" if what == _DATA
           else "mã chương trình hoặc mẫu trang (template) có lỗi")
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{what} có lỗi</title>'
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        "pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00020;padding:.6em}</style></head><body>"
        f"<h1>{what} có lỗi — trang web chưa được dựng{' lại' if home else ''}</h1>"
        f"<p>Lần dựng lúc {when} dừng lại vì {why}. "
        + (f'Trang web vẫn hiển thị <a href="{home}">bản dựng tốt gần nhất</a>. Sửa các lỗi dưới đây và lưu tệp: '
           "trang sẽ tự cập nhật.</p>" if home else
           "Chưa có bản dựng tốt nào để hiển thị. Sửa các lỗi dưới đây và lưu tệp: trang web sẽ được dựng.</p>")
        + f"<ul>{items}</ul></body></html>")


def _banner(count: int, href: str, what: str = _DATA) -> str:
    return (f'{_BANNER_MARK}<div role="alert" style="position:sticky;top:0;z-index:10;background:#b00020;color:#fff;'
            f'padding:.5em 1em;font:600 15px/1.4 system-ui,sans-serif">{what} vừa sửa có lỗi ({count}): trang này là '
            f'bản dựng tốt gần nhất. <a style="color:#fff;text-decoration:underline" href="{href}">Xem các lỗi</a></div>')


def show_failure(site_dir: Path, messages: list[str], mount: str, what: str = _DATA) -> None:
    """Write the problems page and flag every page of the last good site; with no good site
    yet, the problems page is served for every address."""
    page = site_dir / ERROR_PAGE / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    good = (site_dir / "index.html").exists()
    page.write_text(_problems_page(messages, mount if good else None, what), encoding="utf-8")
    if not good:
        shutil.copy(page, site_dir / "404.html")
        return
    banner = _banner(len(messages), f"{mount}{ERROR_PAGE}/", what)
    for path in site_dir.rglob("*.html"):
        if path == page:
            continue
        text = path.read_text(encoding="utf-8")
        if _BANNER_MARK in text:
            text = text[:text.index(_BANNER_MARK)] + text[text.index("</div>", text.index(_BANNER_MARK)) + 6:]
        at = text.find(">", text.find("<body")) + 1 if "<body" in text else 0
        path.write_text(text[:at] + banner + text[at:], encoding="utf-8")


def replace_site(served: Path, built: Path) -> None:
    """The new build becomes the served folder: two renames (no request is answered during a
    rebuild), or, where a file of the served site is held open (Windows), a copy over it."""
    old = Path(tempfile.mkdtemp(prefix="mkdocs_old_", dir=served.parent))
    try:
        os.rename(served, old / "site")
        try:
            os.rename(built, served)
            return
        except OSError:
            os.rename(old / "site", served)
            raise
    except OSError:
        shutil.rmtree(served / ERROR_PAGE, ignore_errors=True)   # every other page is written again
        shutil.copytree(built, served, dirs_exist_ok=True)
        shutil.rmtree(built, ignore_errors=True)
    finally:
        shutil.rmtree(old, ignore_errors=True)


def on_serve(server, config, builder):
    root = Path(config["config_file_path"]).resolve().parent
    for path in _watched(root):
        server.watch(str(path))
    # Bytecode of modules recompiled during a build is not an edit (see the module's docstring).
    global _pycache
    sys.pycache_prefix = _pycache = tempfile.mkdtemp(prefix="quyche_pycache_")
    site_dir = Path(config["site_dir"])
    mount = urlsplit(config.get("site_url") or "/").path or "/"
    original = server.builder
    staged = not _dirty

    def build_or_keep_last_good():
        _reload_code()
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        staging = Path(tempfile.mkdtemp(prefix="mkdocs_next_", dir=site_dir.parent)) if staged else None
        if staging:
            os.environ[_STAGING] = str(staging)
        try:
            original()
            if staging:
                replace_site(site_dir, staging)
                staging = None
        except (Exception, SystemExit) as exc:
            messages, what = _failure(exc, collect.messages, root)
            show_failure(site_dir, messages, mount, what)
            log.error(f"Bản dựng dừng vì {what.lower()} có lỗi (xem trên); vẫn phục vụ bản dựng tốt gần nhất, "
                      f"các lỗi ở {mount}{ERROR_PAGE}/")
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)
            os.environ.pop(_STAGING, None)
            if staging:
                shutil.rmtree(staging, ignore_errors=True)

    server.builder = build_or_keep_last_good
    return server
