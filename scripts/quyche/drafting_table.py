"""The drafters' "Bảng so sánh" as Word (.docx), Excel (.xlsx) and CSV.

What a drafter hands a leader: the two documents named by title, number and
date (not by file name); landscape A4; the column headings repeated on every
page; one row per changed unit, first, with the changed words marked in the
cells (added: bold underlined; removed: struck through); the rows whose words
did not change after them (Word: folded into one row each for renumbered and
unchanged units; Excel: one row each, with a filter on the kind of change);
the issuing decision, recipients and signatures folded into one row.

Word is written with python-docx, Excel with openpyxl (rich text in cells,
print titles, page set-up): both are the maintained writers of their formats.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .align import Alignment
from .model import Regulation
from .review import BOILERPLATE, CHANGED, RENUMBERED, UNCHANGED, ReviewRow, counts, review_rows, segments

NOTE = "Thuyết minh"
HEADERS_DRAFT = ("Quy định hiện hành", "Dự thảo", NOTE)
HEADERS_VERSIONS = ("Quy định cũ", "Quy định mới", NOTE)
FOLDED_BOILERPLATE = ("Phần ngoài nội dung quy chế (quyết định ban hành, nơi nhận, chữ ký, phần đầu và cuối "
                      "trang web): không so sánh từng chữ")


@dataclass(frozen=True)
class DraftingTable:
    old: Regulation
    new: Regulation
    headers: tuple[str, str, str]
    rows: list[ReviewRow]

    def heading_lines(self) -> list[tuple[str, str]]:
        return [(self.headers[0], describe(self.old)), (self.headers[1], describe(self.new))]

    def summary(self) -> str:
        return counts(self.rows, self.old, self.new).sentence()

    def ordered(self) -> dict[str, list[ReviewRow]]:
        groups: dict[str, list[ReviewRow]] = {CHANGED: [], RENUMBERED: [], UNCHANGED: [], BOILERPLATE: []}
        for row in self.rows:
            groups[row.status].append(row)
        return groups


def describe(reg: Regulation) -> str:
    """'Quy chế làm việc của … (số 12/QĐ-VP, ngày 01/02/2025)': the document, as a drafter names it."""
    meta = reg.metadata
    facts = []
    if meta.number:
        facts.append(f"số {meta.number}")
    if meta.signed:
        facts.append(f"ngày {meta.signed.strftime('%d/%m/%Y')}")
    title = " ".join(meta.title.split())
    return title + (f" ({', '.join(facts)})" if facts else "")


def build(alignment: Alignment, old: Regulation, new: Regulation, headers=HEADERS_DRAFT) -> DraftingTable:
    return DraftingTable(old, new, tuple(headers), review_rows(alignment, old, new))


def where(reg: Regulation, ids: list[str]) -> str:
    return f"[{', '.join(reg.citation(i) for i in ids)}]" if ids else ""


def cell_parts(table: DraftingTable, row: ReviewRow, side: str) -> tuple[str, list[tuple[bool, str]]]:
    """Where the text stands, and its words as (marked, text) pieces."""
    reg, ids = (table.old, row.pair.old) if side == "old" else (table.new, row.pair.new)
    if not ids:
        return "", []
    if row.row.diff is not None:
        return where(reg, ids), segments(row.row, side)
    # Added or removed: every word is marked.
    return where(reg, ids), [(True, " ".join(reg.unit(i).plain for i in ids))]


def note(row: ReviewRow) -> str:
    text = row.kind
    if row.pair.reason:
        text += f"\nGhi chú ghép cặp: {row.pair.reason}"
    return text


def folded_lines(table: DraftingTable, status: str) -> tuple[str, str, str] | None:
    group = table.ordered()[status]
    if not group:
        return None
    old_ids = [i for r in group for i in r.pair.old]
    new_ids = [i for r in group for i in r.pair.new]
    if status == BOILERPLATE:
        return (", ".join(map(table.old.citation, old_ids)), ", ".join(map(table.new.citation, new_ids)),
                FOLDED_BOILERPLATE)
    if status == RENUMBERED:
        moves = "; ".join(f"{', '.join(map(table.old.citation, r.pair.old))} → "
                          f"{', '.join(map(table.new.citation, r.pair.new))}"
                          for r in group)
        return (f"{len(group)} đơn vị giữ nguyên nội dung, chỉ đổi số thứ tự hoặc vị trí", moves,
                "Đánh số lại")
    return (f"{len(group)} đơn vị giữ nguyên", ", ".join(map(table.new.citation, new_ids)), "Giữ nguyên")


# --- CSV: the changed rows, plain text ---------------------------------------------------

def csv_bytes(table: DraftingTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.headers)
    for row in table.ordered()[CHANGED]:
        cells = []
        for side, reg, ids in (("old", table.old, row.pair.old), ("new", table.new, row.pair.new)):
            cells.append(f"{where(reg, ids)}\n" + " ".join(reg.unit(i).plain for i in ids) if ids else "")
        writer.writerow([*cells, note(row)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --- Word ----------------------------------------------------------------------------------

def docx_bytes(table: DraftingTable) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))

    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run("BẢNG SO SÁNH").bold = True
    heading.runs[0].font.size = Pt(14)
    for label, text in table.heading_lines():
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(f"{label}: ").bold = True
        para.add_run(text)
    summary = doc.add_paragraph()
    summary.alignment = WD_ALIGN_PARAGRAPH.CENTER
    summary.add_run(f"Tóm tắt: {table.summary()}. ").italic = True
    summary.add_run("Chữ in đậm gạch chân: thêm mới; chữ gạch ngang: bỏ đi.").italic = True

    grid = doc.add_table(rows=1, cols=3)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Cm(11.2), Cm(11.2), Cm(4.3))
    grid.autofit = False
    for column, width in zip(grid.columns, widths):
        column.width = width     # w:gridCol: the widths LibreOffice and Word lay the table out with
    header = grid.rows[0]
    _repeat_header(header, OxmlElement, qn)
    for cell, text, width in zip(header.cells, table.headers, widths):
        cell.width = width
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _shade(cell, "D9E2F3", OxmlElement, qn)

    def add_row(values, *, shade=None):
        cells = grid.add_row().cells
        for cell, width in zip(cells, widths):
            cell.width = width
        return cells

    groups = table.ordered()
    for row in groups[CHANGED]:
        cells = add_row(None)
        for cell, side in zip(cells[:2], ("old", "new")):
            place, parts = cell_parts(table, row, side)
            if not place:
                cell.text = ""
                continue
            first = cell.paragraphs[0]
            first.add_run(place).italic = True
            words = cell.add_paragraph()
            for marked, text in parts:
                run = words.add_run(text)
                if marked and side == "new":
                    run.bold, run.underline = True, True
                elif marked:
                    run.font.strike = True
                    run.font.color.rgb = RGBColor(0x80, 0x00, 0x00)
        cells[2].text = note(row)
    for status in (RENUMBERED, UNCHANGED, BOILERPLATE):
        folded = folded_lines(table, status)
        if folded is None:
            continue
        cells = add_row(None)
        for cell, text in zip(cells, folded):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.italic = True
            _shade(cell, "F2F2F2", OxmlElement, qn)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _repeat_header(row, OxmlElement, qn) -> None:
    """The heading row repeats at the top of every page (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _shade(cell, fill: str, OxmlElement, qn) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


# --- Excel ---------------------------------------------------------------------------------

def xlsx_bytes(table: DraftingTable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment as CellAlignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "Bảng so sánh"
    sheet["A1"] = "BẢNG SO SÁNH"
    sheet["A1"].font = Font(bold=True, size=14)
    for offset, (label, text) in enumerate(table.heading_lines(), start=2):
        sheet.cell(offset, 1, f"{label}: {text}")
    sheet.cell(4, 1, f"Tóm tắt: {table.summary()}. Chữ in đậm gạch chân: thêm mới; chữ gạch ngang: bỏ đi.")
    for r in range(1, 5):
        sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
    head_row = 6
    for col, text in enumerate((*table.headers, "Loại"), start=1):
        cell = sheet.cell(head_row, col, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
        cell.alignment = CellAlignment(horizontal="center", vertical="center", wrap_text=True)
    plain, added, removed = InlineFont(), InlineFont(b=True, u="single"), InlineFont(strike=True, color="800000")

    def rich(place: str, parts, side: str):
        if not place:
            return ""
        blocks = [TextBlock(InlineFont(i=True), place + "\n")]
        for marked, text in parts:
            blocks.append(TextBlock((added if side == "new" else removed) if marked else plain, text))
        return CellRichText(blocks)

    labels = {CHANGED: "Có thay đổi", RENUMBERED: "Chỉ đánh số lại", UNCHANGED: "Giữ nguyên",
              BOILERPLATE: "Ngoài nội dung quy chế"}
    line = head_row
    groups = table.ordered()
    for status in (CHANGED, RENUMBERED, UNCHANGED):
        for row in groups[status]:
            line += 1
            for col, side in ((1, "old"), (2, "new")):
                sheet.cell(line, col).value = rich(*cell_parts(table, row, side), side)
            sheet.cell(line, 3, note(row))
            sheet.cell(line, 4, labels[status])
    folded = folded_lines(table, BOILERPLATE)
    if folded:
        line += 1
        for col, text in enumerate((*folded, labels[BOILERPLATE]), start=1):
            sheet.cell(line, col, text).font = Font(italic=True)
    widths = (60, 60, 24, 18)
    for row in sheet.iter_rows(min_row=head_row + 1, max_row=line):
        lines = 1
        for cell, width in zip(row, widths):
            cell.alignment = CellAlignment(vertical="top", wrap_text=True)
            text = str(cell.value or "")
            lines = max(lines, sum(-(-len(part) // int(width * 1.05)) or 1 for part in text.split("\n")))
        # Spreadsheet programs do not grow a row to fit wrapped rich text on opening: say how tall it is.
        sheet.row_dimensions[row[0].row].height = 15 * lines + 2
    for col, width in zip("ABCD", widths):
        sheet.column_dimensions[col].width = width
    sheet.freeze_panes = sheet.cell(head_row + 1, 1)
    sheet.auto_filter.ref = f"A{head_row}:D{line}"
    sheet.print_title_rows = f"{head_row}:{head_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WRITERS = {".docx": docx_bytes, ".xlsx": xlsx_bytes, ".csv": csv_bytes}


def write(table: DraftingTable, path: Path) -> None:
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"--table must end in {', '.join(WRITERS)}, not {path.suffix or '(no suffix)'}")
    path.write_bytes(writer(table))
