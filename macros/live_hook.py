"""Live preview for editors: `mkdocs serve` follows the data and the code.

MkDocs watches only docs/ and mkdocs.yml. This hook also watches structured/,
regulations/, the quyche package and macros/, and reloads the quyche modules
before each rebuild, so an edited YAML file or Python module shows on the
page without restarting the server.

A broken edit must not take the site away from the editor: the data check
stops the build before a page is written (as it does for `mkdocs build`, which
is unchanged), MkDocs prints the file:line problems in the terminal, and this
hook keeps the last good site served, puts a banner on its pages and writes
the problems to /loi-du-lieu/. The next good build replaces all of it.
"""
from __future__ import annotations

import datetime as dt
import html
import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

log = logging.getLogger("mkdocs.hooks.live")

ERROR_PAGE = "loi-du-lieu"
_BANNER_MARK = "<!-- qc-live-error -->"


def _watched(root: Path) -> list[Path]:
    return [p for p in (root / "structured", root / "regulations", root / "scripts" / "quyche", root / "macros")
            if p.exists()]


def _reload_code() -> None:
    """Forget the imported quyche modules: the hooks and macros import them afresh."""
    for name in [n for n in sys.modules if n == "quyche" or n.startswith("quyche.")]:
        del sys.modules[name]


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _problems_page(messages: list[str], home: str) -> str:
    items = "".join(f"<li><pre>{html.escape(m)}</pre></li>" for m in messages) or "<li>(không rõ lỗi; xem cửa sổ dòng lệnh)</li>"
    when = dt.datetime.now().strftime("%H:%M:%S")
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Dữ liệu có lỗi</title>'
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        "pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00020;padding:.6em}</style></head><body>"
        f"<h1>Dữ liệu có lỗi — trang web chưa được dựng lại</h1>"
        f"<p>Lần dựng lúc {when} dừng lại vì dữ liệu có lỗi (như <code>quyche check</code> báo). "
        f'Trang web vẫn hiển thị <a href="{home}">bản dựng tốt gần nhất</a>. Sửa các lỗi dưới đây và lưu tệp: '
        "trang sẽ tự cập nhật.</p>"
        f"<ul>{items}</ul></body></html>")


def _banner(count: int, href: str) -> str:
    return (f'{_BANNER_MARK}<div role="alert" style="position:sticky;top:0;z-index:10;background:#b00020;color:#fff;'
            f'padding:.5em 1em;font:600 15px/1.4 system-ui,sans-serif">Dữ liệu vừa sửa có lỗi ({count}): trang này là '
            f'bản dựng tốt gần nhất. <a style="color:#fff;text-decoration:underline" href="{href}">Xem các lỗi</a></div>')


def show_failure(site_dir: Path, messages: list[str], mount: str) -> None:
    """Write the problems page and flag every page of the last good site."""
    page = site_dir / ERROR_PAGE / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(_problems_page(messages, mount), encoding="utf-8")
    banner = _banner(len(messages), f"{mount}{ERROR_PAGE}/")
    for path in site_dir.rglob("*.html"):
        if path == page:
            continue
        text = path.read_text(encoding="utf-8")
        if _BANNER_MARK in text:
            text = text[:text.index(_BANNER_MARK)] + text[text.index("</div>", text.index(_BANNER_MARK)) + 6:]
        at = text.find(">", text.find("<body")) + 1 if "<body" in text else 0
        path.write_text(text[:at] + banner + text[at:], encoding="utf-8")


def on_serve(server, config, builder):
    root = Path(config["config_file_path"]).resolve().parent
    for path in _watched(root):
        server.watch(str(path))
    site_dir = Path(config["site_dir"])
    mount = urlsplit(config.get("site_url") or "/").path or "/"
    original = server.builder

    def build_or_keep_last_good():
        _reload_code()
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            original()
        except (Exception, SystemExit):
            show_failure(site_dir, collect.messages, mount)
            log.error(f"Bản dựng dừng vì dữ liệu có lỗi (xem trên); vẫn phục vụ bản dựng tốt gần nhất, "
                      f"các lỗi ở {mount}{ERROR_PAGE}/")
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)

    server.builder = build_or_keep_last_good
    return server
