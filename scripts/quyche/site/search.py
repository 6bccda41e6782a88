"""Search: a chunked static index (Pagefind) of the built site, marked up for Vietnamese readers.

Pagefind reads the built HTML after the build and writes ``pagefind/``: an
index split in fragments that the reader's browser fetches per query, so the
first results cost a few hundred kilobytes whatever the size of the corpus
(Material's lunr search loaded one file of every word of the site first).

What Pagefind needs from the pages is written into them here, at the end of the
build, so rendering stays unaware of search:

* ``data-pagefind-body`` on the article: only the page's content is indexed,
  not the navigation repeated on every page;
* per page, hidden ``data-pagefind-filter`` values (văn bản, loại trang, hiệu
  lực): the reader can click them, and each result shows its document and
  status from them. Not ``data-pagefind-meta``: Pagefind 1.5 searches metadata
  too, so a document's name as metadata matched every page of that document
  ("dak lak" matched 4,500 of 9,700 pages at 400 regulations, and took seconds);
* ``data-pagefind-weight`` below 1 on texts superseded or whose term has
  ended, so a text in force ranks first for the same words, and on version
  comparisons, which repeat the texts;
* a space between table cells, so an excerpt reads "Việc Ai" and not "ViệcAi".

Accent-free queries are folded by Pagefind itself; đ = d and abbreviations are
handled on the query side (``docs/assets/search.js`` searches the variants of
the query with :data:`query_table`), because Pagefind folds tones but not đ and
an index holding folded copies of the text would show them in excerpts.
"""
from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..abbreviations import ABBREVIATIONS
from ..normalize import fold_tones
from .render import STATUS

#: Status as a reader filters on it (the page shows the long form, STATUS).
STATUS_SHORT = {"in_force": "Đang có hiệu lực", "superseded": "Đã được thay thế",
                "term_ended": "Hết nhiệm kỳ"}
_STATUS_CODE = {text: code for code, text in STATUS.items()}
#: Weight of a page's words by its text's status: 1 is Pagefind's default.
WEIGHT = {"in_force": 1.0, "superseded": 0.5, "term_ended": 0.5}
#: Weight of a page's words by its kind: a comparison repeats two versions of a text
#: side by side, so it matches nearly every query on them; the texts come first.
KIND_WEIGHT = {"So sánh phiên bản": 0.5}
#: The filters' names, as docs/assets/search.js reads them.
KIND_FILTER, DOCUMENT_FILTER, STATUS_FILTER, STATUS_CODE = "loai_trang", "van_ban", "hieu_luc", "ma_hieu_luc"
#: The kind of a hand-written page (the registry's pages name their own).
OTHER = "Trang chung"

#: Elements Pagefind leaves out. Each word is indexed once, where a reader should land:
#: the texts' own pages hold every clause, so what repeats them elsewhere is left out —
#: role card details, the all-texts tables, topic columns (``.qc-repeated``), month
#: calendars (dates, and a weekly meeting's name 52 times a year), the notice on each
#: page of a text not in force (its status is a filter). Measured at 400 regulations:
#: 12.3 million indexed words became about 5, and a common query's matches a third.
#: Also what is not the page's words: the print button, download links ("Lịch của
#: chức danh cho Outlook…" in every role card's excerpt), permalink marks (¶) and what
#: is only for script-less readers.
EXCLUDE = [".qc-repeated", ".qc-rolling", ".qc-superseded", ".qc-print-bar", "a[download]", ".qc-link",
           ".headerlink", "noscript"]


@dataclass(frozen=True)
class Facets:
    """What a result says about its page, and what a reader can filter it by."""
    kind: str = OTHER
    document: str | None = None   # the short title of the text the page is about
    status: str | None = None     # that text's status code (in_force, superseded, term_ended)
    indexed: bool = True          # False: found at another page's anchor (a role card)


def facets(meta: dict) -> Facets:
    """A page's facets from its front matter: ``quyche`` is what the page registry
    (quyche.site.pages, Page.search_meta) says search may know of it."""
    known = meta.get("quyche") or {}
    return Facets(known.get("kind", OTHER), known.get("document"), _STATUS_CODE.get(known.get("status", "")),
                  known.get("indexed", True))


def _hidden(key: str, value: str) -> str:
    # The value is the element's text, not "key:value" in the attribute, where a
    # comma would start another key. Ignored as content: it is not page text.
    return f'<span hidden data-pagefind-ignore data-pagefind-filter="{key}">{html.escape(value)}</span>'


def annotations(f: Facets) -> str:
    """The hidden elements carrying a page's filters, which results also show."""
    out = [_hidden(KIND_FILTER, f.kind)]
    if f.document:
        out.append(_hidden(DOCUMENT_FILTER, f.document))
    if f.status:
        out.append(_hidden(STATUS_FILTER, STATUS_SHORT[f.status]))
        out.append(_hidden(STATUS_CODE, f.status))   # for results to style by; no select offers it
    return "".join(out)


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
_CELL_END = re.compile(r"</(td|th)>(?=<)")
_HEADING = re.compile(r"<h([1-6])(?=[ >])")
#: Pagefind's own weights of headings; an element's weight replaces them for all it holds.
HEADING_WEIGHT = {1: 7.0, 2: 6.0, 3: 5.0, 4: 4.0, 5: 3.0, 6: 2.0}
#: A post's name on its text's roles page, where search finds its card: it weighs what the
#: card's own title did (h1), above the group heading over it ("… (Chánh Văn phòng)").
_POST = re.compile(r'<a class="qc-post"')   # the roles page's template (roles_index.html)
POST_WEIGHT = HEADING_WEIGHT[1]


def mark_page(output: str, f: Facets) -> str:
    """The page's HTML with what Pagefind reads; unchanged for the reader's eyes.
    A page found at another's anchor is left out: Pagefind indexes only pages with a body."""
    if not f.indexed:
        return output
    weight = WEIGHT.get(f.status or "in_force", 1.0) * KIND_WEIGHT.get(f.kind, 1.0)
    attrs = " data-pagefind-body" + (f' data-pagefind-weight="{weight}"' if weight != 1.0 else "")
    output, found = _ARTICLE.subn(lambda m: m.group(0)[:-1] + attrs + ">" + annotations(f), output, count=1)
    if not found:
        return output   # no article (a redirect, say): not indexed
    if weight != 1.0:   # headings keep their lead over the text around them
        output = _HEADING.sub(lambda m: f'{m.group(0)} data-pagefind-weight="{HEADING_WEIGHT[int(m.group(1))] * weight}"',
                              output)
    output = _POST.sub(lambda m: f'{m.group(0)} data-pagefind-weight="{POST_WEIGHT * weight}"', output)
    return _CELL_END.sub(r" </\1>", output)


_D_WORD = re.compile(r"(?<![\wÀ-ỹ])[dđDĐ][\wÀ-ỹ]*")
_UI_TEXTS = ("templates/*.html",)


def d_words(texts) -> list[str]:
    """The words starting with d or đ in ``texts``, as Pagefind folds them (tones
    dropped, đ kept). The query side searches "dak" also as "đak" because Pagefind
    does not fold đ; knowing which of the two the texts use, it searches only that one
    ("dak lak" is one search, not two, and one index chunk fewer to fetch)."""
    return sorted({fold_tones(w) for text in texts for w in _D_WORD.findall(text)})


def indexed_texts(site):
    """What the site's pages say: the regulations, the names the data gives, the words
    of the templates. Not the editors' guide: its file names ("dak-lak-vp-ubnd-2025")
    would make "dak" a word to search as typed, and a reader typing "dak lak" looks for
    Đắk Lắk, which is found either way."""
    for reg in site.regs.values():
        m = reg.metadata
        yield from (m.title, m.short_title, m.issuing_body or "", m.document_type or "")
        yield from (u.text for u in reg.walk() if u.text)
        yield from (n for a in reg.actors for n in a.names)
        yield from (f.name for f in reg.facts)
    here = Path(__file__).resolve().parent.parent
    for pattern in _UI_TEXTS:
        yield from (p.read_text(encoding="utf-8") for p in here.glob(pattern))


def query_table() -> list[list[str]]:
    """Abbreviation pairs for the query side: [abbreviation, expansion without its gloss]."""
    return [[abbr, re.sub(r"\s*\([^)]*\)", "", expansion)] for abbr, expansion in ABBREVIATIONS.items()]


class SearchIndexError(RuntimeError):
    pass


def pagefind_binary() -> Path:
    """The Pagefind executable shipped in the ``pagefind-bin`` wheel (nothing is downloaded)."""
    try:
        import pagefind_bin
    except ImportError:
        raise SearchIndexError("Pagefind is not installed: pip install -e . (it brings pagefind[bin])") from None
    return pagefind_bin.get_executable()


def index_site(site_dir: Path, directory_urls: bool = True) -> str:
    """Run Pagefind over the built site; writes ``<site_dir>/pagefind/``. Returns its summary.

    Without directory URLs the site links to ``…/index.html``, and so do results.
    """
    cmd = [str(pagefind_binary()), "--site", str(site_dir), "--force-language", "vi",
           "--exclude-selectors", ", ".join(EXCLUDE)] + ([] if directory_urls else ["--keep-index-url"])
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout
