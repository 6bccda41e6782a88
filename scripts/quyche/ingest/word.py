"""Word (.docx) sources as the canonical text the rest of the tools read.

python-docx opens the package (it is already the project's Word writer, is
maintained, and exposes the XML); what it does not compute is read from the XML
here: automatic numbering (``word_numbering``), tracked changes, formatting
inherited from styles. The text keeps what a reader of the document sees:
every paragraph and table cell in order, one paragraph per block, a line break
as a markdown hard break, bold as ``**…**``, italic as ``*…*``, heading styles
as ``#`` markers, and the numbers Word generates as visible text.

A draft with tracked changes holds two versions at once; reading both (as
plain readers do) would mix deleted and inserted words, so such a file is
refused unless the caller chooses one version. Comments are not text: they
are left out and counted.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..normalize import nfc

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

ACCEPT, REJECT = "accept", "reject"


class WordProblem(Exception):
    """A Word file that cannot be read as it is: the message names the file,
    what is wrong and what is expected."""


@dataclass
class WordText:
    text: str
    changes: int = 0            # tracked changes found (and resolved as asked)
    comments: int = 0           # comments left out
    notes: list[str] = field(default_factory=list)


def _w(tag: str) -> str:
    from docx.oxml.ns import qn
    return qn(f"w:{tag}")


def _open(path: Path):
    """The python-docx Document, or a WordProblem saying why the file is not one."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    shown = str(path)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == OLE_MAGIC:
        if ENCRYPTED_STREAM in path.read_bytes():
            raise WordProblem(f"{shown}: tệp Word được bảo vệ bằng mật khẩu (mã hóa), không đọc được. "
                              "Cần: tệp .docx không đặt mật khẩu — mở bằng Word, bỏ mật khẩu "
                              "(File › Info › Protect Document › Encrypt with Password), lưu lại rồi chạy lại lệnh.")
        raise WordProblem(f"{shown}: đây là tệp Word 97–2003 (.doc) hoặc tệp Office cũ, không phải .docx. "
                          "Cần: tệp .docx — mở bằng Word hoặc LibreOffice và lưu thành \"Word Document (.docx)\".")
    if not zipfile.is_zipfile(path):
        raise WordProblem(f"{shown}: không phải tệp Word .docx (không có cấu trúc gói Office Open XML; "
                          "có thể tệp bị hỏng, tải về chưa hết, hoặc là loại tệp khác được đổi đuôi). "
                          "Cần: tệp .docx lưu từ Word hoặc LibreOffice.")
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            bad = package.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise WordProblem(f"{shown}: tệp .docx bị hỏng ({exc}). Cần: một tệp .docx mở được bằng Word.") from None
    if bad is not None:
        raise WordProblem(f"{shown}: tệp .docx bị hỏng (phần {bad} không giải nén được). "
                          "Cần: một tệp .docx mở được bằng Word.")
    if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
        kind = ("bảng tính Excel (.xlsx)" if any(n.startswith("xl/") for n in names) else
                "bản trình chiếu PowerPoint (.pptx)" if any(n.startswith("ppt/") for n in names) else
                "tệp OpenDocument (.odt/.ods)" if "content.xml" in names else "tệp nén ZIP")
        raise WordProblem(f"{shown}: đây là {kind}, không phải văn bản Word. Cần: tệp .docx.")
    try:
        return Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise WordProblem(f"{shown}: không đọc được như văn bản Word ({exc}). Cần: tệp .docx lưu từ Word "
                          "hoặc LibreOffice.") from None
    except Exception as exc:   # lxml's XMLSyntaxError and kin: a damaged part
        raise WordProblem(f"{shown}: tệp .docx bị hỏng, nội dung XML không hợp lệ ({type(exc).__name__}: {exc}). "
                          "Cần: một tệp .docx mở được bằng Word.") from None


#: Tracked-change elements: inserted/deleted text, moves, and formatting changes.
CHANGE_TAGS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")


class _Styles:
    """Bold, italic, headings and numbering inherited through style chains."""

    def __init__(self, doc):
        self.by_id = {}
        root = doc.styles.element
        for style in root.findall(_w("style")):
            self.by_id[style.get(_w("styleId"))] = style
        defaults = root.find(_w("docDefaults"))
        rpr = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}") if defaults is not None else None
        self.default = (self._flag(rpr, "b"), self._flag(rpr, "i"))

    @staticmethod
    def _flag(rpr, tag: str):
        if rpr is None:
            return None
        el = rpr.find(_w(tag))
        if el is None:
            return None
        return el.get(_w("val"), "true") not in ("0", "false", "off")

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(_w("basedOn"))
            style_id = based.get(_w("val")) if based is not None else None

    def flag(self, style_id: str | None, tag: str):
        for style in self.chain(style_id):
            value = self._flag(style.find(_w("rPr")), tag)
            if value is not None:
                return value
        return None

    def numbering(self, style_id: str | None):
        for style in self.chain(style_id):
            num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if num_pr is not None:
                return num_pr
        return None

    def heading_level(self, style_id: str | None) -> int:
        for style in self.chain(style_id):
            name = style.find(_w("name"))
            name = (name.get(_w("val")) if name is not None else "").lower()
            m = re.fullmatch(r"heading (\d)", name)
            if m:
                return int(m.group(1))
            if name == "title":
                return 1
        return 0


@dataclass
class _Piece:
    text: str
    bold: bool
    italic: bool
    brk: bool = False


class _Reader:
    def __init__(self, doc, mode: str | None, path: Path):
        from .word_numbering import Numbering

        self.doc, self.mode, self.path = doc, mode, path
        self.styles = _Styles(doc)
        try:
            numbering_root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering_root = None
        self.numbering = Numbering.from_part(numbering_root)
        self.paragraphs: list[str] = []
        self.carry: list[_Piece] = []     # a paragraph whose mark is deleted joins the next one
        self.comments = 0
        self.skipped: dict[str, int] = {}

    # --- which content is read --------------------------------------------------------

    def _dropped(self, tag: str) -> bool:
        """Content inside this tracked-change element is not part of the chosen version."""
        if tag in ("ins", "moveTo"):
            return self.mode == REJECT
        if tag in ("del", "moveFrom"):
            return self.mode != REJECT
        return False

    def _run_format(self, run, para_style: str | None) -> tuple[bool, bool]:
        rpr = run.find(_w("rPr"))
        if rpr is not None and self.mode == REJECT:
            old = rpr.find(f"{_w('rPrChange')}/{_w('rPr')}")
            if old is not None:
                rpr = old
        char_style = rpr.find(_w("rStyle")) if rpr is not None else None
        char_style = char_style.get(_w("val")) if char_style is not None else None
        out = []
        for tag, default in (("b", self.styles.default[0]), ("i", self.styles.default[1])):
            value = _Styles._flag(rpr, tag)
            if value is None:
                value = self.styles.flag(char_style, tag)
            if value is None:
                value = self.styles.flag(para_style, tag)
            out.append(bool(value if value is not None else default))
        return out[0], out[1]

    def _hidden(self, run) -> bool:
        return _Styles._flag(run.find(_w("rPr")), "vanish") is True

    def _pieces(self, parent, para_style, out: list[_Piece]) -> None:
        for child in parent:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "r":
                if self._hidden(child):
                    continue
                bold, italic = self._run_format(child, para_style)
                for item in child:
                    kind = item.tag.rsplit("}", 1)[-1]
                    if kind == "t" or kind == "delText":
                        out.append(_Piece(item.text or "", bold, italic))
                    elif kind == "tab":
                        out.append(_Piece(" ", bold, italic))
                    elif kind in ("br", "cr"):
                        if item.get(_w("type")) in ("page", "column"):
                            out.append(_Piece(" ", bold, italic))
                        else:
                            out.append(_Piece("", bold, italic, brk=True))
                    elif kind == "noBreakHyphen":
                        out.append(_Piece("-", bold, italic))
                    elif kind == "commentReference":
                        self.comments += 1
                    elif kind in ("footnoteReference", "endnoteReference"):
                        self.skipped["chú thích cuối trang"] = self.skipped.get("chú thích cuối trang", 0) + 1
                    elif kind in ("drawing", "pict", "object"):
                        if item.iter(_w("txbxContent")) and any(True for _ in item.iter(_w("txbxContent"))):
                            self.skipped["khung văn bản (text box)"] = self.skipped.get("khung văn bản (text box)", 0) + 1
            elif tag in CHANGE_TAGS[:4]:
                if not self._dropped(tag):
                    self._pieces(child, para_style, out)
            elif tag in ("hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "dir", "bdo"):
                self._pieces(child, para_style, out)

    # --- paragraphs ---------------------------------------------------------------------

    def paragraph(self, p) -> None:
        ppr = p.find(_w("pPr"))
        style = ppr.find(_w("pStyle")) if ppr is not None else None
        style = style.get(_w("val")) if style is not None else None
        pieces: list[_Piece] = []
        if not self.carry:
            label = self._number(ppr, style)
            if label:
                pieces.append(label)
        self._pieces(p, style, pieces)
        mark = ppr.find(_w("rPr")) if ppr is not None else None
        joined = mark is not None and any(
            mark.find(_w(t)) is not None and self._dropped(t) for t in ("ins", "del"))
        if joined:   # the paragraph mark is not in the chosen version: the next paragraph continues this one
            self.carry += pieces + [_Piece(" ", False, False)]
            return
        pieces, self.carry = self.carry + pieces, []
        text = render(pieces)
        if text:
            level = self.styles.heading_level(style)
            self.paragraphs.append(("#" * level + " " if level else "") + text)

    def _number(self, ppr, style) -> _Piece | None:
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        from_style = self.styles.numbering(style)
        num_id = ilvl = None
        for source in (from_style, num_pr):
            if source is None:
                continue
            n, i = source.find(_w("numId")), source.find(_w("ilvl"))
            if n is not None:
                num_id = n.get(_w("val"))
            if i is not None:
                ilvl = int(i.get(_w("val")))
        found = self.numbering.next_label(num_id, ilvl or 0)
        if not found or not found[0]:
            return None
        text, level = found
        bold = _Styles._flag(level.rpr, "b")
        italic = _Styles._flag(level.rpr, "i")
        mark = ppr.find(_w("rPr")) if ppr is not None else None
        bold = bold if bold is not None else _Styles._flag(mark, "b")
        italic = italic if italic is not None else _Styles._flag(mark, "i")
        bold = bold if bold is not None else self.styles.flag(style, "b")
        italic = italic if italic is not None else self.styles.flag(style, "i")
        return _Piece(text, bool(bold), bool(italic))

    def block(self, parent) -> None:
        for child in parent:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                self.paragraph(child)
            elif tag == "tbl":
                self.table(child)
            elif tag in ("sdt", "sdtContent", "customXml"):
                self.block(child)

    def table(self, tbl) -> None:
        for row in tbl.findall(_w("tr")):
            trpr = row.find(_w("trPr"))
            if trpr is not None and any(trpr.find(_w(t)) is not None and self._dropped(t) for t in ("ins", "del")):
                continue
            for cell in row.iter(_w("tc")):
                if cell.getparent() is row or cell.getparent().tag == _w("sdtContent"):
                    self.block(cell)


def render(pieces: list[_Piece]) -> str:
    """Pieces of one paragraph as text: bold/italic spans as markdown markers that hug
    their words (``**a**`` never ``** a **``), line breaks as markdown hard breaks."""
    lines: list[list[_Piece]] = [[]]
    for piece in pieces:
        if piece.brk:
            lines.append([])
        elif piece.text:
            lines[-1].append(piece)
    out = []
    for line in lines:
        # Spaces carry no formatting a reader can see: they join the span around them.
        for i, piece in enumerate(line):
            if not piece.text.strip() and 0 < i < len(line) - 1:
                before, after = line[i - 1], line[i + 1]
                if (before.bold, before.italic) == (after.bold, after.italic):
                    piece.bold, piece.italic = before.bold, before.italic
        spans: list[_Piece] = []
        for piece in line:
            if spans and (spans[-1].bold, spans[-1].italic) == (piece.bold, piece.italic):
                spans[-1] = _Piece(spans[-1].text + piece.text, piece.bold, piece.italic)
            else:
                spans.append(_Piece(piece.text, piece.bold, piece.italic))
        text = ""
        for span in spans:
            words = span.text.strip()
            if not words:
                text += span.text
                continue
            marker = "***" if span.bold and span.italic else "**" if span.bold else "*" if span.italic else ""
            lead = span.text[:len(span.text) - len(span.text.lstrip())]
            trail = span.text[len(span.text.rstrip()):]
            text += f"{lead}{marker}{words}{marker}{trail}"
        text = re.sub(r"[ \t]+", " ", text).strip()
        if text:
            out.append(text)
    return "  \n".join(out)


def count_changes(doc) -> int:
    body = doc.element.body
    return sum(1 for tag in CHANGE_TAGS for _ in body.iter(_w(tag)))


def read_docx(path: Path, changes: str | None = None) -> WordText:
    """The canonical text of a .docx file. `changes` is None (refuse tracked
    changes), ``"accept"`` or ``"reject"``."""
    doc = _open(path)
    found = count_changes(doc)
    if found and changes not in (ACCEPT, REJECT):
        raise WordProblem(
            f"{path}: tệp có {found} thay đổi được theo dõi (Track Changes) chưa được chấp nhận hay từ chối. "
            "Đọc cả chữ bị xóa lẫn chữ được thêm sẽ trộn hai phiên bản. Cần: chấp nhận hoặc từ chối các thay đổi "
            "trong Word (thẻ Review/Xem lại › Accept/Chấp nhận hoặc Reject/Từ chối) rồi lưu lại, hoặc chạy lại lệnh với --accept-changes (đọc bản "
            "đã chấp nhận mọi thay đổi) hoặc --reject-changes (đọc bản trước khi sửa).")
    reader = _Reader(doc, changes, path)
    reader.block(doc.element.body)
    if reader.carry:
        reader.paragraphs.append(render(reader.carry))
    result = WordText(nfc("\n\n".join(p for p in reader.paragraphs if p) + "\n"), found, reader.comments)
    if found:
        result.notes.append(f"{found} thay đổi được theo dõi: đã đọc bản "
                            f"{'chấp nhận' if changes == ACCEPT else 'từ chối'} mọi thay đổi.")
    if reader.comments:
        result.notes.append(f"bỏ qua {reader.comments} bình luận (comment): bình luận không phải là văn bản.")
    for what, count in reader.skipped.items():
        result.notes.append(f"bỏ qua {count} {what}: không thuộc thân văn bản.")
    return result


def is_word_file(path: Path) -> bool:
    """A Word file by name, or an Office package or OLE file by content (so a .docx
    renamed .txt gets the Word reader's clear answer, not "not UTF-8")."""
    if path.suffix.lower() in (".docx", ".docm", ".dotx", ".doc"):
        return True
    with path.open("rb") as handle:
        head = handle.read(8)
    return head == OLE_MAGIC or head.startswith(b"PK\x03\x04")
