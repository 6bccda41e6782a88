"""Turn a parsed source into a structured YAML file an editor can review."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..ids import expected_ids
from ..normalize import normalize
from ..numbering import detect_scheme
from ..vietnamese import DATE, parse_date
from .blocks import Block, split_blocks
from .defects import detect_defects
from .tree import Node, build_tree
from ..anomalies import numbering_anomalies

HEADER = """\
# yaml-language-server: $schema=regulation.schema.json
# Văn bản có cấu trúc — structured text of one regulation.
# Khóa (keys): id = slug (tên tệp, URL); metadata = thông tin văn bản;
# anomalies = bất thường về đánh số (do máy phát hiện, được ghi lại, không sửa);
# defects = lỗi của văn bản gốc, với đoạn nguyên văn `span` (không sửa văn bản);
# units = toàn văn theo cây: kind (chuong, dieu, khoan, diem, muc, gach, doan,
# khoi), id (neo trên trang), text (nguyên văn; `quyche check` so với tệp gốc
# sau chuẩn hóa NFC, khoảng trắng, dấu ** và #), normative: false cho phần
# ngoài nội dung quy phạm (quyết định ban hành, nơi nhận, chữ ký, giao diện web).
# actors = chủ thể (chức danh, tập thể, đơn vị) mà văn bản nêu: name, aliases đúng
# chữ của văn bản; reports_to = quan hệ báo cáo, kèm điều khoản và câu trích;
# facts = dữ kiện (cuộc họp, báo cáo, thời hạn…), mỗi dữ kiện có source {unit, quote}:
# `quyche check` kiểm tra câu trích, mọi con số, thứ, chu kỳ và chủ thể có trong
# điều khoản; waivers = điều khoản có cụm từ chỉ thời gian nhưng không phải lịch họp
# hay thời hạn, kèm lý do (mọi điều khoản như vậy phải có dữ kiện hoặc lý do).
# Ghi chú (note, interpretation, reason) dẫn điều khoản bằng mã: [[dieu-5-khoan-1]].
# Tạo bởi `quyche ingest`; sau đó biên tập viên rà soát và bổ sung.
"""

TODO = "TODO: điền"


def guess_metadata(blocks: list[Block], slug: str, scheme: str, source: str) -> dict:
    # The document's own number and date, not those of a text it cites ("Căn cứ Quy định số 80-QĐ/TW,
    # ngày 18/8/2022 …"): legal bases are left out, and the number is the capitalised "Số:" of the header.
    head = " ".join(normalize(b.text) for b in blocks[:40] if not normalize(b.text).strip("*_ ").startswith("Căn cứ"))
    number = re.search(r"(?:Số|SỐ):?\s*([0-9][0-9A-Za-zĐđ/\-]*[A-Za-zĐđ])", head)
    date = DATE.search(head)
    signed = parse_date(date.group(0)) if date else None
    title = next((normalize(b.text) for b in blocks if normalize(b.text).upper().startswith("QUY CHẾ")), TODO)
    meta = {
        "title": title,
        "short_title": TODO,
        "issuing_body": TODO,
        "document_type": "Quy chế",
        "number": number.group(1) if number else None,
        "signed": signed.isoformat() if signed else None,
        "signed_quote": date.group(0) if signed else None,
        "signer": None,
        "signer_quote": None,
        "status": "in_force",
        "relations": [],
        "source": source,
        "scheme": scheme,
    }
    return meta


def node_to_dict(node: Node, ids: dict[int, str]) -> dict:
    out: dict = {"id": ids[id(node)], "kind": node.kind}
    if node.role:
        out["role"] = node.role
    if not node.normative and node.kind != "khoi":
        pass  # inherited from the enclosing khoi
    if node.kind == "khoi":
        out["normative"] = False
    if node.text:
        out["text"] = node.text
    if node.title:
        out["title"] = node.title
    if node.children:
        out["children"] = [node_to_dict(c, ids) for c in node.children]
    return out


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def ingest(source: Path, slug: str, scheme: str | None = None) -> str:
    """The YAML text for a source file (nothing is written here)."""
    raw = source.read_text(encoding="utf-8-sig")   # a byte order mark is not text
    return ingest_text(raw, source.name, slug, scheme)


def ingest_text(raw: str, source_name: str, slug: str, scheme: str | None = None) -> str:
    """The YAML text for the source text `raw`, to be kept as regulations/<source_name>."""
    scheme = scheme or detect_scheme(raw)
    blocks = split_blocks(raw)
    roots = build_tree(blocks, scheme)
    ids = {id(node): new_id for node, new_id in expected_ids(roots, scheme)}
    by_id = {new_id: node for node, new_id in expected_ids(roots, scheme)}
    doc = {
        "id": slug,
        "metadata": guess_metadata(blocks, slug, scheme, f"regulations/{source_name}"),
        "anomalies": [a.as_yaml() for a in numbering_anomalies(roots, scheme, ids)],
        "defects": detect_defects(raw, by_id),
        "units": [node_to_dict(r, ids) for r in roots],
    }
    body = yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=10_000, indent=2)
    return HEADER + body
