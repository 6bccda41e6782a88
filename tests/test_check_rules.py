"""Every rule of `quyche check`, each broken once, with the exact problem it prints.

One row per rule: copy the project, make one edit to one file the way an editor
would (textually), run ``quyche --root <copy> check`` in-process and expect
exit code 1 and, among the problems, exactly the line
``<file>:<line>: <unit>: <message>`` the row states. ``{line}`` in a row's
expected text is the line the edit landed on (``{line+1}`` the next);
``«text»`` is the line where ``text`` stands, once, in the reported file
before the edit; ``‹text›`` the line of ``text`` in its source text.

The last test proves the table complete: every place in the checking modules
that can report a problem was reached by some row.
"""
from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import quyche
from quyche.problems import Problem

TV = "tra-vinh-dang-uy-khoi-2019"
DL25 = "dak-lak-vp-ubnd-2025"
DL21 = "dak-lak-vp-ubnd-2021"
DB = "dien-bien-tinh-uy-2020-2025"
SPEC = f"so-sanh/{DL21}--{DL25}"

#: The modules whose every ``Problem(...)`` a row must reach.
RULE_MODULES = ("check.py", "facts_check.py", "fidelity.py", "comparison.py", "notes.py", "second_reading.py")


@dataclass(frozen=True)
class Rule:
    id: str
    file: str             # structured/<file>.yaml
    anchor: str           # the edit happens on the first line holding ``old`` at or after this unique text
    old: str
    new: str
    expected: str         # the whole problem line
    keep: tuple[str, ...] = ()   # regulations to keep in the copy (default: the edited one alone)


RULES = [
    # --- ids and labels (check.check_ids_and_labels) -------------------------------------------
    Rule("duplicate-id", TV, "    - id: dieu-1-khoan-3\n", "dieu-1-khoan-3", "dieu-1-khoan-2",
         f"structured/{TV}.yaml:{{line}}: dieu-1-khoan-2: duplicate id (first at line «    - id: dieu-1-khoan-2\n»)"),
    Rule("id-of-an-unnumbered-unit", TV, "  - id: mo-dau-doan-2\n", "mo-dau-doan-2", "mo-dau-doan-9",
         f"structured/{TV}.yaml:{{line}}: mo-dau-doan-9: id should be 'mo-dau-doan-2' (ids follow the "
         "document's numbering; see docs/huong-dan-bien-tap.md)"),
    Rule("dash-item-without-a-dash", TV, "  - id: mo-dau-gach-1\n", "'- Căn cứ Quy định số 293", "'Căn cứ Quy định số 293",
         f"structured/{TV}.yaml:{{line}}: mo-dau-gach-1: kind gach but the text does not start with a dash"),
    Rule("kind-against-label", TV, "    - id: dieu-1-khoan-4\n", "kind: khoan", "kind: diem",
         f"structured/{TV}.yaml:«4/- Quyết định những chủ trương»: dieu-1-khoan-4: kind diem (Điểm) "
         "but the text reads as Khoản '4/-'"),
    Rule("kind-without-label", TV, "    - id: dieu-10-doan-1\n", "kind: doan", "kind: khoan",
         f"structured/{TV}.yaml:«text: Tập thể Thường trực Đảng ủy định kỳ trao đổi»: dieu-10-doan-1: kind khoan (Khoản) "
         "but the text has no label"),
    Rule("id-against-label", TV, "    - id: dieu-1-khoan-4\n", "dieu-1-khoan-4", "dieu-1-khoan-9",
         f"structured/{TV}.yaml:{{line}}: dieu-1-khoan-9: id should be 'dieu-1-khoan-4' to match the label '4/-'"),
    # --- numbering anomalies (check.check_anomalies) ---------------------------------------------
    Rule("anomaly-not-recorded", DL25, "- kind: numbering_gap\n  unit: dieu-22\n", "unit: dieu-22", "unit: dieu-23",
         f"structured/{DL25}.yaml:«  - id: dieu-22\n»: dieu-22: numbering anomaly not recorded: Văn bản gốc không có "
         "Điều 21; số tiếp theo là Điều 22. Add to anomalies: {kind: numbering_gap, unit: dieu-22, "
         "expected: Điều 21, found: Điều 22}"),
    Rule("anomaly-not-in-the-text", DL25, "- kind: numbering_gap\n  unit: dieu-22\n", "unit: dieu-22", "unit: dieu-23",
         f"structured/{DL25}.yaml:«- kind: numbering_gap\n  unit: dieu-22\n»: dieu-23: recorded anomaly numbering_gap "
         "(Điều 21 → Điều 22) is not in the text"),
    # --- source defects (check.check_defects) ------------------------------------------------------
    Rule("defect-of-an-unknown-unit", DB, "  unit: dieu-2-khoan-4-doan-1\n", "unit: dieu-2-khoan-4-doan-1",
         "unit: dieu-2-khoan-4-doan-9",
         f"structured/{DB}.yaml:«- kind: page_break\n  unit: dieu-2-khoan-4-doan-1\n»: "
         "defect cites unknown unit 'dieu-2-khoan-4-doan-9'"),
    Rule("defect-span-not-in-the-source", DL25, "  unit: dieu-23-khoan-3\n", "span: công văn đơn đốc",
         "span: công văn đôn đốc",
         f"structured/{DL25}.yaml:«- kind: typo\n  unit: dieu-23-khoan-3\n»: dieu-23-khoan-3: defect span is not in the source, "
         "byte for byte: 'công văn đôn đốc'"),
    Rule("defect-span-outside-its-unit", DB, "  unit: dieu-2-khoan-4-doan-1\n", "unit: dieu-2-khoan-4-doan-1",
         "unit: dieu-1-khoan-2",
         f"structured/{DB}.yaml:«- kind: page_break\n  unit: dieu-2-khoan-4-doan-1\n»: dieu-1-khoan-2: defect span "
         "is in the source at line 133, outside unit dieu-1-khoan-2 (lines 35–35)"),
    # --- metadata (check.check_metadata) --------------------------------------------------------------
    Rule("metadata-not-filled-in", TV, "metadata:\n  title: ", "title: Quy chế", "title: TODO Quy chế",
         f"structured/{TV}.yaml:{{line}}: metadata title is not filled in (still 'TODO Quy chế làm việc của Ban "
         "Chấp hành Đảng bộ Khối các cơ quan và doanh nghiệp, khóa I, nhiệm kỳ 2015 - 2020')"),
    Rule("number-not-in-the-source", TV, "  number: ", "02-QC", "03-QC",
         f"structured/{TV}.yaml:{{line}}: metadata number '03-QC/ĐUK' does not occur in the source"),
    Rule("signed-quote-not-in-the-source", TV, "  signed_quote: ", "ngày 12 tháng 6", "ngày 13 tháng 6",
         f"structured/{TV}.yaml:{{line}}: metadata signed_quote 'Trà Vinh, ngày 13 tháng 6 năm 2019' does not occur "
         "in the source"),
    Rule("signed-against-its-quote", TV, "  signed: ", "2019-06-12", "2019-06-21",
         f"structured/{TV}.yaml:{{line}}: signed 2019-06-21 does not match signed_quote 'Trà Vinh, ngày 12 tháng 6 năm 2019'"),
    Rule("signer-quote-not-in-the-source", TV, "  signer_quote: ", "Trần Văn Bôi", "Trần Văn Bối",
         f"structured/{TV}.yaml:{{line}}: metadata signer_quote 'Trần Văn Bối' does not occur in the source"),
    Rule("signer-not-in-its-quote", TV, "  signer: ", "Trần Văn Bôi", "Trần Văn Bồi",
         f"structured/{TV}.yaml:{{line}}: signer 'Trần Văn Bồi' is not named in signer_quote"),
    Rule("relation-quote-not-in-the-source", TV, "  relations:", "Quy chế này thay thế", "Quy chế này bãi bỏ",
         f"structured/{TV}.yaml:«  - type: replaces\n»: relation quote 'Quy chế này bãi bỏ các quy chế làm việc đã ban "
         "hành trước đây' does not occur in the source"),
    Rule("supersession-not-acknowledged", DL21, "  - type: superseded_by\n", "superseded_by", "replaces",
         f"structured/{DL21}.yaml:«  relations:\n»: dak-lak-vp-ubnd-2025 supersedes this text: add relation "
         "{type: superseded_by, target: dak-lak-vp-ubnd-2025}", keep=(DL21, DL25)),
    Rule("superseded-text-in-force", DL21, "  status: ", "superseded", "in_force",
         f"structured/{DL21}.yaml:{{line}}: status must be 'superseded': dak-lak-vp-ubnd-2025 supersedes this text",
         keep=(DL21, DL25)),
    Rule("supersession-not-stated-by-the-newer-text", DL25, "  - type: supersedes\n", "supersedes", "replaces",
         f"structured/{DL21}.yaml:«  relations:\n»: dak-lak-vp-ubnd-2025 does not say it supersedes this text",
         keep=(DL21, DL25)),
    Rule("term-ended-without-years", TV, "  term: ", "khóa I, nhiệm kỳ 2015 - 2020", "khóa I",
         f"structured/{TV}.yaml:«  status: term_ended\n»: status 'term_ended' needs a term with its years "
         "(term: khóa …, nhiệm kỳ 2015 - 2020)"),
    Rule("term-ended-still-running", TV, "  term: ", "2015 - 2020", "2015 - 2099",
         f"structured/{TV}.yaml:«  status: term_ended\n»: status 'term_ended', but the term (khóa I, nhiệm kỳ "
         "2015 - 2099) runs until 2099"),
    # --- the text against the source (fidelity.align) ------------------------------------------------
    Rule("text-differs", TV, "    - id: dieu-1-khoan-1\n", "Thực hiện các chức năng", "Thực hiện chức năng",
         f"structured/{TV}.yaml:{{line}}: dieu-1-khoan-1: text differs from the source "
         f"(regulations/{TV}.txt:‹1/- Thực hiện các chức năng›): after \"…1/- Thực hiện\", the YAML has \"(nothing)\" "
         "where the source has \"các\". Source text: \"1/- Thực hiện các chức năng, nhiệm vụ, quyền "
         "hạn theo Quy định của Ban Thường vụ Tỉnh ủy.\"", ),
    Rule("text-missing", TV, "    - id: dieu-1-khoan-1\n", "1/- Thực hiện các chức năng, nhiệm vụ, quyền hạn theo Quy "
         "định của Ban Thường vụ Tỉnh ủy.", "2/- Quán triệt và xây dựng chương trình hành động, kế hoạch, đề án, đề ra "
         "các chủ trương, biện pháp để thực hiện Nghị quyết Đại hội của cấp trên, Đảng bộ và các nghị quyết, chỉ thị của "
         "Trung ương, của Ban Thường vụ Tỉnh ủy.",
         f"structured/{TV}.yaml:{{line}}: dieu-1-khoan-1: source text is missing before this unit "
         f"(regulations/{TV}.txt:‹1/- Thực hiện các chức năng›): \"1/- Thực hiện các chức năng, nhiệm vụ, quyền hạn theo "
         "Quy định của Ban Thường vụ Tỉnh ủy.\" is not in any unit; add it to a unit in order"),
    Rule("text-repeated", TV, "    - id: dieu-1-khoan-1\n", "1/- Thực hiện các chức năng, nhiệm vụ, quyền hạn theo Quy "
         "định của Ban Thường vụ Tỉnh ủy.", "2/- Quán triệt và xây dựng chương trình hành động, kế hoạch, đề án, đề ra "
         "các chủ trương, biện pháp để thực hiện Nghị quyết Đại hội của cấp trên, Đảng bộ và các nghị quyết, chỉ thị của "
         "Trung ương, của Ban Thường vụ Tỉnh ủy.",
         f"structured/{TV}.yaml:«text: 2/- Quán triệt»: dieu-1-khoan-2: text duplicates or reorders source text already "
         f"covered at regulations/{TV}.txt:‹2/- Quán triệt›: \"2/- Quán triệt và xây dựng chương trình hành động, kế "
         "hoạch, đề án, đề ra các c…\""),
    Rule("text-left-at-the-end", TV, "  - id: chu-ky-doan-4\n", "text: Trần Văn Bôi", "text: '[Handwritten signature]'",
         f"structured/{TV}.yaml:{{line}}: chu-ky-doan-4: source text at the end is in no unit "
         f"(regulations/{TV}.txt:‹Trần Văn Bôi›): \"Trần Văn Bôi\"; add it to a unit after this one"),
    # --- facts (facts_check.check_fact) -----------------------------------------------------------------
    Rule("fact-cites-an-unknown-unit", TV, "- id: hoi-y-thuong-truc\n", "unit: dieu-10-doan-1", "unit: dieu-10-doan-9",
         f"structured/{TV}.yaml:{{line}}: fact hoi-y-thuong-truc: cites unknown unit 'dieu-10-doan-9'"),
    Rule("fact-quote-not-in-its-unit", TV, "- id: tai-lieu-hop-ban-thuong-vu\n", "quote: tài liệu họp Ban Thường vụ phải được gửi trước ít nhất 02 ngày",
         "quote: tài liệu họp Ban Thường vụ phải được gửi trước ít nhất 03 ngày",
         f"structured/{TV}.yaml:{{line}}: dieu-11-khoan-4: fact tai-lieu-hop-ban-thuong-vu: quote not found in "
         "dieu-11-khoan-4. Quote: \"tài liệu họp Ban Thường vụ phải được gửi trước ít nhất 03 ngày\". Unit text: "
         "\"4/- Cuộc họp Ban Thường vụ Đảng ủy phải được chuẩn bị chu đáo, tài liệu họp Ban Thường vụ phải được gửi "
         "trước ít nhất 02 ngày. Các vấn đề quan trọng phải được thống nhất theo ý kiến đa số (lấy phiếu b…\""),
    Rule("fact-quote-in-another-unit", TV, "- id: tai-lieu-hop-ban-thuong-vu\n", "unit: dieu-11-khoan-4", "unit: dieu-11-khoan-1",
         f"structured/{TV}.yaml:«    quote: tài liệu họp Ban Thường vụ phải được gửi»: dieu-11-khoan-1: fact "
         "tai-lieu-hop-ban-thuong-vu: quote not found in dieu-11-khoan-1; the quote is in dieu-11-khoan-4. Quote: "
         "\"tài liệu họp Ban Thường vụ phải được gửi trước ít nhất 02 ngày\". Unit text: \"1/- Ban Thường vụ họp định kỳ "
         "mỗi tháng 01 lần và họp bất thường khi cần, để bàn biện pháp thực hiện nghị quyết, chương trình công tác của "
         "Đảng ủy và thực hiện những công việc theo sự chỉ đạo của cấp …\""),
    Rule("fact-names-no-actor", TV, "- id: hoi-y-thuong-truc\n", "chair: bi-thu", "chair: bi-thu-dang-uy",
         f"structured/{TV}.yaml:{{line}}: dieu-10-doan-1: fact hoi-y-thuong-truc: chair 'bi-thu-dang-uy' is not an actor "
         "of this regulation"),
    Rule("fact-actor-not-in-the-clause", TV, "- id: hoi-y-thuong-truc\n", "attendees: [bi-thu, pho-bi-thu]",
         "attendees: [bi-thu, van-phong-dang-uy]",
         f"structured/{TV}.yaml:{{line}}: dieu-10-doan-1: fact hoi-y-thuong-truc: attendee 'van-phong-dang-uy' (Văn phòng "
         "Đảng ủy) is not named in dieu-10-doan-1, dieu-4-doan-1, dieu-5-khoan-1, dieu-5-khoan-1-doan-1; the source "
         "says: \"Tập thể Thường trực Đảng ủy định kỳ trao đổi, hội ý mỗi tuần 01 lần vào ngày thứ hai hàng tuần và đột "
         "xuất khi cần\""),
    Rule("fact-meeting-unknown", TV, "- id: tai-lieu-hop-ban-thuong-vu\n", "meeting: hop-ban-thuong-vu",
         "meeting: hop-ban-thuong-vu-mo-rong",
         f"structured/{TV}.yaml:{{line}}: fact tai-lieu-hop-ban-thuong-vu: meeting 'hop-ban-thuong-vu-mo-rong' is not a fact"),
    Rule("fact-days-not-stated", TV, "- id: tai-lieu-hop-ban-thuong-vu\n", "days: 2", "days: 6",
         f"structured/{TV}.yaml:{{line}}: dieu-11-khoan-4: fact tai-lieu-hop-ban-thuong-vu: days 6, a number that "
         "dieu-11-khoan-4 does not state; the source says: \"tài liệu họp Ban Thường vụ phải được gửi trước ít nhất 02 "
         "ngày\" (numbers there: 2, 4)"),
    Rule("fact-threshold-not-stated", DB, "- id: so-luong-du-hoi-nghi-tinh-uy\n", "threshold: ít nhất 2/3", "threshold: ít nhất 3/4",
         f"structured/{DB}.yaml:{{line}}: dieu-25-khoan-1: fact so-luong-du-hoi-nghi-tinh-uy: threshold number 4, a number "
         "that dieu-25-khoan-1 does not state; the source says: \"Hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy phải có ít nhất "
         "2/3 tổng số thành viên tham dự\" (numbers there: 1, 2, 3)"),
    Rule("schedule-words-not-in-the-clause", TV, "- id: hoi-y-thuong-truc\n", "words: mỗi tuần 01 lần vào ngày thứ hai",
         "words: mỗi tuần 01 lần vào ngày thứ ba",
         f"structured/{TV}.yaml:{{line}}: dieu-10-doan-1: fact hoi-y-thuong-truc: schedule words \"mỗi tuần 01 lần vào "
         "ngày thứ ba hàng tuần\" is not in dieu-10-doan-1, dieu-4-doan-1, dieu-5-khoan-1, dieu-5-khoan-1-doan-1"),
    Rule("schedule-hedge-not-in-the-clause", TV, "- id: hoi-y-thuong-truc\n", "hedges: [đột xuất khi cần]",
         "hedges: [bất thường khi cần]",
         f"structured/{TV}.yaml:{{line}}: dieu-10-doan-1: fact hoi-y-thuong-truc: schedule hedge \"bất thường khi cần\" "
         "is not in dieu-10-doan-1, dieu-4-doan-1, dieu-5-khoan-1, dieu-5-khoan-1-doan-1"),
    Rule("schedule-day-off-rule-not-in-the-clause", DL25, "- id: giao-ban-van-phong\n", "trường hợp trùng vào ngày nghỉ",
         "trường hợp rơi vào ngày nghỉ",
         f"structured/{DL25}.yaml:{{line}}: dieu-19-khoan-2-gach-1: fact giao-ban-van-phong: schedule day_off_rule "
         "\"trường hợp rơi vào ngày nghỉ hoặc có công việc đột xuất thì do Chánh Văn phòng quyết định\" is not in "
         "dieu-19-khoan-2-gach-1, dieu-19-khoan-2-gach-2"),
    Rule("rule-number-not-stated", DL25, "- id: giao-ban-van-phong\n", "BYMONTHDAY=25", "BYMONTHDAY=26",
         f"structured/{DL25}.yaml:{{line}}: dieu-19-khoan-2-gach-1: fact giao-ban-van-phong: rule FREQ=MONTHLY;BYMONTHDAY=26 "
         "uses 26, a number that dieu-19-khoan-2-gach-1 does not state; the source says: \"Tổ chức mỗi tháng một lần, "
         "vào ngày 25 của tháng, do Chánh Văn phòng chủ trì\" (numbers there: 1, 25)"),
    Rule("rule-weekday-not-named", TV, "- id: hoi-y-thuong-truc\n", "BYDAY=MO", "BYDAY=TU",
         f"structured/{TV}.yaml:{{line}}: dieu-10-doan-1: fact hoi-y-thuong-truc: rule FREQ=WEEKLY;BYDAY=TU falls on thứ Ba, "
         "which dieu-10-doan-1 does not name"),
    Rule("rule-period-not-named", TV, "- id: hoi-y-thuong-truc\n", "FREQ=WEEKLY", "FREQ=YEARLY",
         f"structured/{TV}.yaml:{{line}}: dieu-10-doan-1: fact hoi-y-thuong-truc: rule FREQ=YEARLY;BYDAY=MO repeats yearly, "
         "but dieu-10-doan-1 names no such period"),
    Rule("schedule-count-not-stated", TV, "- id: hop-ban-thuong-vu\n", "count: 1", "count: 9",
         f"structured/{TV}.yaml:{{line}}: dieu-11-khoan-1: fact hop-ban-thuong-vu: schedule count 9, a number that "
         "dieu-11-khoan-1 does not state; the source says: \"Ban Thường vụ họp định kỳ mỗi tháng 01 lần và họp bất "
         "thường khi cần\" (numbers there: 1, 7)"),
    Rule("schedule-min-not-stated", DB, "    words: họp thường lệ từ 01 đến 02 lần/tháng\n", "min: 1", "min: 4",
         f"structured/{DB}.yaml:{{line}}: dieu-25-khoan-1: fact hoi-nghi-ban-thuong-vu: schedule min 4, a number that "
         "dieu-25-khoan-1 does not state; the source says: \"Ban Thường vụ Tỉnh ủy họp thường lệ từ 01 đến 02 lần/tháng, họp đột xuất khi cần, do "
         "Thường trực Tỉnh ủy chuẩn bị nội dung và triệu tập\" (numbers there: 1, 2, 3, 6, 7, 9, 12)"),
    Rule("schedule-max-not-stated", DB, "    words: họp thường lệ từ 01 đến 02 lần/tháng\n", "max: 2", "max: 4",
         f"structured/{DB}.yaml:{{line}}: dieu-25-khoan-1: fact hoi-nghi-ban-thuong-vu: schedule max 4, a number that "
         "dieu-25-khoan-1 does not state; the source says: \"Ban Thường vụ Tỉnh ủy họp thường lệ từ 01 đến 02 lần/tháng, họp đột xuất khi cần, do "
         "Thường trực Tỉnh ủy chuẩn bị nội dung và triệu tập\" (numbers there: 1, 2, 3, 6, 7, 9, 12)"),
    Rule("schedule-offset-not-stated", DL21, "- id: thong-bao-ket-luan-giao-ban\n", "offset_days: 3", "offset_days: 4",
         f"structured/{DL21}.yaml:{{line}}: muc-b-ii-5-1-b: fact thong-bao-ket-luan-giao-ban: offset of 4, a "
         "number that muc-b-ii-5-1-b does not state; the source says: \"Sau họp giao ban, trong vòng 3 ngày làm việc, "
         "Phòng Hành chính – Tổ chức tham mưu thông báo kết luận, các phòng căn cứ kết luận tổ chức triển khai thực hiện "
         "đạt kết quả, đúng tiến độ.\" (numbers there: 3)"),
    Rule("schedule-relative-to-unknown", DL21, "- id: thong-bao-ket-luan-giao-ban\n", "relative_to: giao-ban-van-phong",
         "relative_to: giao-ban-so-nganh",
         f"structured/{DL21}.yaml:{{line}}: fact thong-bao-ket-luan-giao-ban: relative_to 'giao-ban-so-nganh' is not a fact"),
    Rule("schedule-relative-to-undated", TV, "- id: bao-cao-tuan-van-phong\n", "relative_to: giao-ban-thuong-truc",
         "relative_to: hop-ban-thuong-vu",
         f"structured/{TV}.yaml:{{line}}: fact bao-cao-tuan-van-phong: relative_to 'hop-ban-thuong-vu' has no dates to "
         "count from"),
    # --- actors, reporting lines, ids of facts (facts_check.check_facts) --------------------------------
    Rule("duplicate-actor", TV, "- id: ban-thuong-vu-tinh-uy\n", "ban-thuong-vu-tinh-uy", "tinh-uy",
         f"structured/{TV}.yaml:{{line}}: duplicate actor id 'tinh-uy'"),
    Rule("duplicate-fact", TV, "- id: hop-ban-thuong-vu\n", "hop-ban-thuong-vu", "hoi-y-thuong-truc",
         f"structured/{TV}.yaml:{{line}}: duplicate fact id 'hoi-y-thuong-truc'"),
    Rule("reporting-line-cites-an-unknown-unit", TV, "- id: ban-chap-hanh\n", "unit: dieu-1-khoan-5", "unit: dieu-1-khoan-55",
         f"structured/{TV}.yaml:{{line}}: actor ban-chap-hanh: cites unknown unit 'dieu-1-khoan-55'"),
    Rule("reporting-line-to-no-actor", TV, "- id: ban-chap-hanh\n", "- actor: tinh-uy", "- actor: tinh-uy-tra-vinh",
         f"structured/{TV}.yaml:{{line}}: actor ban-chap-hanh: reports_to 'tinh-uy-tra-vinh' is not an actor"),
    Rule("reporting-line-not-in-the-clause", TV, "- id: ban-thuong-vu\n", "- actor: tinh-uy", "- actor: cac-ban-dang-tinh-uy",
         f"structured/{TV}.yaml:«      quote: cùng với Ban Chấp hành, Ban Thường vụ chịu trách nhiệm»: dieu-5-khoan-1: "
         "actor ban-thuong-vu: reporting line cites dieu-5-khoan-1, which does not name các Ban Đảng trực thuộc Tỉnh ủy"),
    Rule("orphan-actor", TV, "- id: ban-thuong-vu-tinh-uy\n", "- id: ban-thuong-vu-tinh-uy\n",
         "- id: cuc-thue\n  name: Cục Thuế tỉnh\n  kind: external\n- id: ban-thuong-vu-tinh-uy\n",
         f"structured/{TV}.yaml:{{line}}: orphan actor 'cuc-thue': no fact or reporting line involves it"),
    # --- the completeness gate and its waivers ----------------------------------------------------------
    Rule("waiver-of-an-unknown-unit", TV, "waivers:\n", "- unit: dieu-4-khoan-3", "- unit: dieu-4-khoan-33",
         f"structured/{TV}.yaml:{{line}}: waiver for unknown unit 'dieu-4-khoan-33'"),
    Rule("waiver-without-a-schedule", TV, "waivers:\n", "- unit: dieu-4-khoan-3", "- unit: dieu-1-khoan-1",
         f"structured/{TV}.yaml:{{line}}: dieu-1-khoan-1: waiver for dieu-1-khoan-1, which has no schedule expression"),
    Rule("waiver-of-a-cited-unit", TV, "waivers:\n", "- unit: dieu-4-khoan-3", "- unit: dieu-10-doan-1",
         f"structured/{TV}.yaml:{{line}}: dieu-10-doan-1: waiver for dieu-10-doan-1, which a fact already cites"),
    Rule("schedule-covered-by-nothing", TV, "waivers:\n", "- unit: dieu-4-khoan-3", "- unit: dieu-10-doan-1",
         f"structured/{TV}.yaml:«text: 3/- Chỉ đạo giải quyết công việc hàng ngày»: dieu-4-khoan-3: schedule expression "
         "'hàng ngày' is covered by no fact and no waiver; add a fact citing this unit, or a waiver with a reason"),
    # --- clause references in notes (notes.check_notes) -------------------------------------------------
    Rule("note-cites-no-unit", TV, "- id: hoi-y-thuong-truc\n", "[[dieu-5-khoan-1]] (Bí thư chủ trì",
         "[[dieu-5-khoan-9]] (Bí thư chủ trì",
         f"structured/{TV}.yaml:«  note: >-\n    Người chủ trì lấy từ [[dieu-5-khoan-1]]»: fact hoi-y-thuong-truc: note "
         "cites [[dieu-5-khoan-9]], which is not a unit of tra-vinh-dang-uy-khoi-2019"),
    Rule("note-cites-in-words", TV, "- id: hoi-y-thuong-truc\n", "[[dieu-10]] không tự nêu", "Điều 10 không tự nêu",
         f"structured/{TV}.yaml:«  note: >-\n    Người chủ trì lấy từ [[dieu-5-khoan-1]]»: fact hoi-y-thuong-truc: note "
         "cites \"Điều 10\" in words; write the clause's id as [[id]] (e.g. [[dieu-5-khoan-1]]) so the check can "
         "resolve it"),
    # --- comparison specs (comparison.load, comparison.check) ---------------------------------------------
    Rule("spec-malformed", SPEC, "floor: 0.25\n", "floor: 0.25", "floor: [0.25",
         f"structured/{SPEC}.yaml:{{line+1}}: malformed YAML: did not find expected ',' or ']'", keep=(DL21, DL25)),
    Rule("spec-unit-not-in-the-text", SPEC, "- old: muc-b-ii-8-4\n", "muc-b-ii-8-4", "muc-b-ii-8-9",
         f"structured/{SPEC}.yaml:{{line}}: old unit 'muc-b-ii-8-9' is not in dak-lak-vp-ubnd-2021", keep=(DL21, DL25)),
    Rule("spec-unit-in-no-pair", SPEC, "- old: muc-b-ii-8-4\n", "muc-b-ii-8-4", "muc-b-ii-8-9",
         f"structured/{SPEC}.yaml:«pairs:\n»: muc-b-ii-8-4: old unit 'muc-b-ii-8-4' of dak-lak-vp-ubnd-2021 is in no pair; "
         "add it (type removed if it has no partner)", keep=(DL21, DL25)),
    Rule("spec-unit-twice", SPEC, "- old: muc-b-ii-8-4\n", "muc-b-ii-8-4", "muc-b-ii-8-3",
         f"structured/{SPEC}.yaml:{{line}}: muc-b-ii-8-3: old unit 'muc-b-ii-8-3' is accounted for twice (first at line "
         "«- old: muc-b-ii-8-3\n»)", keep=(DL21, DL25)),
    Rule("spec-type-against-sides", SPEC, "- new: quyet-dinh-doan-1\n", "type: added", "type: removed",
         f"structured/{SPEC}.yaml:«- new: quyet-dinh-doan-1\n»: type removed does not fit old=[] new=['quyet-dinh-doan-1']",
         keep=(DL21, DL25)),
    Rule("spec-pair-with-one-side", SPEC, "- old: trang-web-dau-doan-1\n", "type: removed", "type: modified",
         f"structured/{SPEC}.yaml:«- old: trang-web-dau-doan-1\n»: type modified needs units on both sides",
         keep=(DL21, DL25)),
    Rule("spec-merge-of-one", SPEC, "  - muc-b-i-2-4\n", "type: merged", "type: split",
         f"structured/{SPEC}.yaml:«- old:\n  - muc-b-i-2-3\n»: type split needs several units on the new side",
         keep=(DL21, DL25)),
    Rule("spec-similarity-of-one-side", SPEC, "- old: trang-web-dau-doan-1\n", "match: none", "match: none\n  similarity: 0.5",
         f"structured/{SPEC}.yaml:{{line+1}}: similarity of a pair with one side; remove it", keep=(DL21, DL25)),
    Rule("spec-similarity-missing", SPEC, "- old: muc-b-i-3\n", "  similarity: 0.696\n", "",
         f"structured/{SPEC}.yaml:«- old: muc-b-i-3\n»: pair muc-b-i-3 → dieu-6 has no similarity; the words give 0.696: "
         "add similarity: 0.696", keep=(DL21, DL25)),
    Rule("spec-similarity-changed", SPEC, "- old: muc-b-i-3\n", "similarity: 0.696", "similarity: 0.697",
         f"structured/{SPEC}.yaml:{{line}}: pair muc-b-i-3 → dieu-6: similarity 0.697 is not what the words give (0.696); "
         "write 0.696", keep=(DL21, DL25)),
    Rule("spec-below-the-floor", SPEC, "- old: mo-dau-doan-1\n",
         "  reason: 'Tên văn bản: quy chế tổ chức và hoạt động (2021) → quy chế làm việc (2025).'\n", "",
         f"structured/{SPEC}.yaml:«- old: mo-dau-doan-1\n»: pair mo-dau-doan-1 → mo-dau-doan-3 has similarity 0.07, below "
         "the floor 0.25; write a reason or unpair them", keep=(DL21, DL25)),
    Rule("spec-of-an-unknown-regulation", SPEC, "new: dak-lak-vp-ubnd-2025\n", "dak-lak-vp-ubnd-2025", "dak-lak-vp-ubnd-2026",
         f"structured/{SPEC}.yaml:{{line}}: new: 'dak-lak-vp-ubnd-2026' is not a regulation in structured/",
         keep=(DL21, DL25)),
    # --- periods, proposals and the second reading (facts_check, second_reading) ------------------
    Rule("schedule-period-not-named", DL25, "- id: ke-hoach-cong-tac-phong\n", "periods: [year, quarter, month]",
         "periods: [year, quarter, week]",
         f"structured/{DL25}.yaml:{{line}}: dieu-16-khoan-4: fact ke-hoach-cong-tac-phong: schedule period week (tuần) "
         "is not named in dieu-16-khoan-4"),
    Rule("reviewed-fact-names-a-proposed-actor", DL25, "- id: van-phong-chinh-phu\n", "  group: external", "  review: proposed",
         f"structured/{DL25}.yaml:«  to: [van-phong-chinh-phu, cac-bo-nganh-trung-uong]»: dieu-12-khoan-1: fact "
         "bao-cao-van-phong-chinh-phu: to 'van-phong-chinh-phu' is still a proposal; accept it (quyche accept "
         "dak-lak-vp-ubnd-2025 van-phong-chinh-phu) or choose a reviewed actor"),
    Rule("second-reading-no-schedule", TV, "- id: bao-cao-thuong-truc-ban-thuong-vu\n",
         "quote: báo cáo lại với Ban Thường vụ Đảng ủy tại cuộc họp gần nhất",
         "quote: hội ý mỗi tuần 01 lần vào ngày thứ hai hàng tuần",
         f"structured/{TV}.yaml:«- id: bao-cao-thuong-truc-ban-thuong-vu\n»: dieu-10-doan-1: fact bao-cao-thuong-truc-ban-thuong-vu: "
         "dieu-10-doan-1 states \"mỗi tuần 01 lần vào ngày thứ hai hàng tuần\" (the rule FREQ=WEEKLY;BYDAY=MO), but the "
         "fact has no schedule; add the schedule (quyche propose shows the machine's reading)"),
    Rule("second-reading-count-differs", DL25, "- id: hop-tap-the-lanh-dao\n", "    count: 1", "    count: 2",
         f"structured/{DL25}.yaml:{{line-2}}: dieu-19-khoan-3: fact hop-tap-the-lanh-dao: "
         "dieu-19-khoan-3 states \"Mỗi quý 01 lần\" (1 time(s) per quý), but the fact's schedule has kind frequency, count 2, "
         "per quarter; carry it in the schedule, or say in `interpretation` why the words are read otherwise"),
]


# --- the harness ---------------------------------------------------------------------------------

def _line_of(text: str, fragment: str) -> int:
    assert text.count(fragment) == 1, f"{fragment!r} occurs {text.count(fragment)} times"
    before = text[: text.index(fragment)]
    # A fragment starting with a line's indentation names that line; one starting
    # "- kind:" on a line and going on names its first line.
    return before.count("\n") + 1


def _apply(path: Path, rule: Rule) -> tuple[int, str]:
    """Make the row's edit; returns the edited line and the text before the edit."""
    text = path.read_text(encoding="utf-8")
    start = text.index(rule.anchor) if text.count(rule.anchor) == 1 else None
    assert start is not None, f"anchor {rule.anchor!r} occurs {text.count(rule.anchor)} times in {path.name}"
    at = text.index(rule.old, start)
    path.write_text(text[:at] + rule.new + text[at + len(rule.old):], encoding="utf-8")
    return text[:at].count("\n") + 1, text


def _expected(rule: Rule, line: int, before: str, root: Path) -> str:
    """The row's problem with its line markers filled in: «…» in the reported file
    (before the edit), ‹…› in the source text of the regulation it reports on."""
    expected = re.sub(r"\{line([+-]\d+)?\}", lambda m: str(line + int(m.group(1) or 0)), rule.expected)
    shown = expected.split(":", 1)[0]
    reported = before if shown == f"structured/{rule.file}.yaml" else (root / shown).read_text(encoding="utf-8")
    source = (root / "regulations" / f"{Path(shown).stem}.txt")
    expected = re.sub(r"«(.*?)»", lambda m: str(_line_of(reported, m.group(1))), expected, flags=re.S)
    if "‹" in expected:
        text = source.read_text(encoding="utf-8")
        expected = re.sub(r"‹(.*?)›", lambda m: str(_line_of(text, m.group(1))), expected, flags=re.S)
    return expected


#: (module file, line) of every Problem created while a row ran.
REACHED: set[tuple[str, int]] = set()
RAN: set[str] = set()


@pytest.fixture
def reached(monkeypatch):
    """Records where each Problem is made (the caller of Problem(...))."""
    original = Problem.__init__

    def recording(self, *args, **kwargs):
        caller = sys._getframe(1)
        REACHED.add((Path(caller.f_code.co_filename).name, caller.f_lineno))
        original(self, *args, **kwargs)

    monkeypatch.setattr(Problem, "__init__", recording)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_a_broken_rule_is_reported_with_file_line_and_unit(tmp_project, reached, rule):
    slug = rule.file.split("/")[-1].split("--")[0]
    tmp_project.only(*(rule.keep or (slug,)), with_partners=False)
    path = tmp_project.root / "structured" / f"{rule.file}.yaml"
    line, before = _apply(path, rule)

    run = tmp_project.check()

    assert run.code == 1
    expected = _expected(rule, line, before, tmp_project.root)
    assert expected in run.problems, (f"expected:\n  {expected}\nproblems were:\n  " + "\n  ".join(run.problems))
    RAN.add(rule.id)


def _problem_sites() -> set[tuple[str, int]]:
    """(module, line) of every ``Problem(`` call in the rule modules."""
    sites = set()
    package = Path(quyche.__file__).parent
    for name in RULE_MODULES:
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem":
                sites.add((name, node.lineno))
    return sites


def test_every_rule_of_the_check_is_in_the_table():
    """Runs after the table (pytest keeps file order); a row missing from this run skips it."""
    if RAN != {r.id for r in RULES}:
        pytest.skip("only part of the table ran")
    sites = _problem_sites()
    assert len(sites) > 40, "the rule modules were found"
    missing = sorted(sites - REACHED)
    assert not missing, "problems no row produces (module, line):\n" + "\n".join(f"  {m}:{n}" for m, n in missing)
