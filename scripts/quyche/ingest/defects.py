"""Source defects a machine can spot: page breaks inside a sentence, broken markup.

Each is proposed with its exact span so the editor can confirm, reword the
note, or add what only a person sees (typos, duplicated fragments).
"""
from __future__ import annotations

import re

from ..normalize import normalize

_END = re.compile(r"[.;:!?…)\]”\"»]\s*\**$")


def detect_defects(raw: str, by_id: dict) -> list[dict]:
    lines = raw.split("\n")
    defects: list[dict] = []
    for unit_id, node in by_id.items():
        if node.kind != "doan" or not node.text:
            continue
        plain = normalize(node.text)
        if not plain:
            continue
        prev = node.first_line - 2
        while prev >= 0 and not lines[prev].strip():
            prev -= 1
        if prev < 0 or _END.search(lines[prev].rstrip()):
            continue
        # A capital after an unfinished line is a page break only when that
        # line was running prose; short unpunctuated lines are headings.
        if not plain[0].islower() and len(normalize(lines[prev])) < 120:
            continue
        before = lines[prev].rstrip().split(" ")[-1]
        after = node.text.split(" ")[0]
        gap = "\n" * (node.first_line - 1 - prev)
        defects.append({
            "kind": "page_break",
            "unit": unit_id,
            "span": f"{before}{gap}{after}",
            "note": "Câu bị ngắt giữa chừng bởi ngắt trang của bản gốc; "
                    f"đoạn này nối tiếp dòng {prev + 1}.",
        })
    for unit_id, node in by_id.items():
        if node.kind == "khoi" or not node.text:
            continue
        if node.text.count("**") % 2 == 1 or (node.text.replace("**", "").count("*") % 2 == 1):
            tail = node.text.rstrip()[-24:]
            span = tail[tail.find(" ") + 1:] if " " in tail else tail
            defects.append({
                "kind": "markup",
                "unit": unit_id,
                "span": span,
                "note": "Dấu định dạng (*) không khép kín trong văn bản gốc.",
            })
    return defects
