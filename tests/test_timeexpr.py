"""The reader of Vietnamese time expressions, as a table of phrases.

Two tables: every example the grammar declares next to its pattern
(``quyche.timeexpr.PATTERNS``), and whole sentences in the phrasing of other
offices (invented for this test, not taken from the corpus) with the schedule
they state. A third lists sentences that state no schedule and must not be
read as one.
"""
from __future__ import annotations

import pytest

from quyche import timeexpr
from quyche.timeexpr import read, reading_of, schedule_of


@pytest.mark.parametrize("pattern,phrase,expected", timeexpr.examples(),
                         ids=[f"{p}:{ph}" for p, ph, _ in timeexpr.examples()])
def test_each_pattern_reads_its_examples(pattern, phrase, expected):
    reading = reading_of(phrase)
    assert reading is not None, f"nothing read in {phrase!r}"
    assert reading.rule == pattern, f"{phrase!r} read by {reading.rule}, not {pattern}"
    assert {k: getattr(reading, k) for k in expected} == expected


def test_every_pattern_has_examples():
    assert all(p.examples for p in timeexpr.PATTERNS)
    assert len(timeexpr.examples()) >= 80


#: Sentences as other offices write them (invented), and the schedule they state.
SENTENCES = [
    ("Ban Giám đốc họp giao ban vào sáng thứ Hai hằng tuần để đánh giá công việc.",
     {"kind": "rrule", "rrule": "FREQ=WEEKLY;BYDAY=MO"}),
    ("Các phòng gửi báo cáo tuần về Văn phòng trước 16 giờ chiều thứ Năm hàng tuần.",
     {"kind": "rrule", "rrule": "FREQ=WEEKLY;BYDAY=TH"}),
    ("Hội đồng họp thường kỳ vào thứ Ba của tuần thứ nhất và tuần thứ ba hằng tháng.",
     {"kind": "rrule", "rrule": "FREQ=MONTHLY;BYDAY=1TU,3TU"}),
    ("Lãnh đạo Sở làm việc với các phòng vào thứ Sáu cuối cùng của tháng.",
     {"kind": "rrule", "rrule": "FREQ=MONTHLY;BYDAY=-1FR"}),
    ("Bảng chấm công được nộp vào ngày làm việc cuối cùng của tháng.",
     {"kind": "rrule", "rrule": "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"}),
    ("Báo cáo tình hình thu ngân sách gửi Sở Tài chính trước ngày 05 hằng tháng.",
     {"kind": "rrule", "rrule": "FREQ=MONTHLY;BYMONTHDAY=5", "due": "before"}),
    ("Trung tâm nộp báo cáo tài chính năm chậm nhất ngày 31 tháng 01 năm sau.",
     {"kind": "rrule", "rrule": "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=31", "due": "by"}),
    ("Kế hoạch công tác năm được trình trước ngày 15 tháng Mười Hai.",
     {"kind": "rrule", "rrule": "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", "due": "before"}),
    ("Báo cáo sơ kết, tổng kết gửi trước ngày 10/6 và ngày 10/12 hằng năm.",
     {"kind": "rrule", "rrule": "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10", "due": "before"}),
    ("Báo cáo quý gửi về Thường trực chậm nhất vào ngày 18 của tháng cuối quý.",
     {"kind": "rrule", "rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=18", "due": "by"}),
    ("Số liệu thống kê quý được tổng hợp vào ngày 10 của tháng đầu quý sau.",
     {"kind": "rrule", "rrule": "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10"}),
    ("Chi bộ sinh hoạt định kỳ mỗi tháng một lần, vào ngày mùng 5 hằng tháng.",
     {"kind": "rrule", "rrule": "FREQ=MONTHLY;BYMONTHDAY=5"}),
    ("Ban Thường vụ họp thường lệ mỗi tháng 2 lần; họp bất thường khi cần.",
     {"kind": "frequency", "count": 2, "per": "month"}),
    ("Hội đồng nhân dân họp thường lệ mỗi năm hai lần.",
     {"kind": "frequency", "count": 2, "per": "year"}),
    ("Ban Chấp hành họp thường lệ 3 tháng một lần.",
     {"kind": "frequency", "count": 1, "per": "quarter"}),
    ("Đảng ủy họp định kỳ 06 tháng một lần để sơ kết.",
     {"kind": "frequency", "count": 1, "per": "half_year"}),
    ("Thường trực họp từ 01 đến 02 lần/tháng tùy theo tình hình.",
     {"kind": "range", "min": 1, "max": 2, "per": "month", "hedges": ("tùy theo tình hình",)}),
    ("Mỗi chi bộ sinh hoạt chuyên đề ít nhất 01 lần/quý.",
     {"kind": "range", "min": 1, "per": "quarter"}),
    ("Các đơn vị báo cáo định kỳ hằng quý về tình hình thực hiện.",
     {"kind": "frequency", "count": 1, "per": "quarter"}),
    ("Báo cáo kết quả thực hiện nhiệm vụ định kỳ tháng, quý, 6 tháng và năm.",
     {"kind": "frequency", "periods": ("month", "quarter", "half_year", "year")}),
    ("Hội nghị cán bộ, công chức tổ chức vào tháng 12 hằng năm.",
     {"kind": "window", "months": (12,)}),
    ("Hội nghị sơ kết công tác dự kiến trong tháng Bảy.",
     {"kind": "window", "months": (7,), "hedges": ("dự kiến",)}),
    ("Kiểm tra việc thực hiện quy chế được tiến hành vào quý IV hằng năm.",
     {"kind": "window", "months": (10,), "window": "quarter"}),
    ("Lấy ý kiến nhận xét cán bộ vào tháng 5 và tháng 11.",
     {"kind": "window", "months": (5, 11)}),
    ("Tài liệu họp được gửi đến các thành viên chậm nhất 03 ngày làm việc trước ngày họp.",
     {"kind": "relative", "offset_days": -3, "working_days": True, "due": "by"}),
    ("Dự thảo nghị quyết gửi đại biểu trước ít nhất 05 ngày.",
     {"kind": "relative", "offset_days": -5}),
    ("Thông báo kết luận phát hành trong thời hạn 02 ngày làm việc sau cuộc họp.",
     {"kind": "relative", "offset_days": 2, "working_days": True}),
    ("Giấy mời gửi trước phiên họp 7 ngày.",
     {"kind": "relative", "offset_days": -7}),
    ("Ban Thường vụ họp đột xuất khi cần thiết.",
     {"kind": "occasional"}),
    ("Hội nghị tổng kết năm tổ chức mỗi năm một lần (dự kiến vào tháng Một của năm sau).",
     {"kind": "window", "months": (1,), "count": 1}),
    ("Giao ban vào ngày 20 hằng tháng; trường hợp trùng vào ngày nghỉ thì tổ chức vào ngày làm việc liền kề trước đó.",
     {"kind": "rrule", "rrule": "FREQ=MONTHLY;BYMONTHDAY=20",
      "day_off_rule": "trường hợp trùng vào ngày nghỉ thì tổ chức vào ngày làm việc liền kề trước đó"}),
    ("Chủ tịch tiếp công dân định kỳ vào ngày 15 và ngày 30 hằng tháng.",
     {"kind": "rrule", "rrule": "FREQ=MONTHLY;BYMONTHDAY=15,30"}),
    ("Hằng tuần, vào chiều thứ Sáu, các phòng gửi lịch công tác tuần sau.",
     {"kind": "rrule", "rrule": "FREQ=WEEKLY;BYDAY=FR"}),
    ("Đại hội chi bộ tiến hành vào cuối nhiệm kỳ.",
     {"kind": "frequency", "per": "term"}),
    ("Các cơ quan gửi báo cáo năm trước ngày 30 tháng 11 của năm báo cáo.",
     {"kind": "rrule", "rrule": "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30", "due": "before"}),
    ("Trưởng phòng báo cáo với Giám đốc theo định kỳ hàng nửa tháng hoặc đột xuất.",
     {"kind": "frequency", "count": 1, "per": "half_month", "hedges": ("đột xuất",)}),
    ("Ủy ban kiểm tra họp hai tuần một lần.",
     {"kind": "frequency", "count": 1, "per": "two_weeks"}),
    ("Chương trình công tác toàn khóa do Ban Chấp hành thông qua.",
     {"kind": "frequency", "per": "term"}),
    ("Tổ chức đối thoại với công chức ít nhất hai lần trong một năm.",
     {"kind": "range", "min": 2, "per": "year"}),
    ("Báo cáo 6 tháng gửi chậm nhất vào ngày 20/6.",
     {"kind": "rrule", "rrule": "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=20", "due": "by"}),
    ("Chủ tịch UBND huyện tiếp công dân định kỳ vào ngày 10 và ngày 20 hằng tháng.",
     {"kind": "rrule", "rrule": "FREQ=MONTHLY;BYMONTHDAY=10,20"}),
    ("Chi bộ sinh hoạt thường kỳ vào ngày 03 hằng tháng.", {"kind": "rrule", "rrule": "FREQ=MONTHLY;BYMONTHDAY=3"}),
    ("Báo cáo tuần gửi Văn phòng trước 15 giờ 00 ngày thứ Năm hằng tuần.",
     {"kind": "rrule", "rrule": "FREQ=WEEKLY;BYDAY=TH"}),
    ("Định kỳ 6 tháng, Giám đốc làm việc với Ban Chấp hành Công đoàn cơ sở.",
     {"kind": "frequency", "count": 1, "per": "half_year"}),
    ("Hằng quý, vào tuần đầu tiên của tháng đầu quý, Sở tổ chức họp sơ kết.",
     {"kind": "window", "months": (1, 4, 7, 10)}),
    ("Biên bản cuộc họp được gửi các thành viên trong vòng 03 ngày làm việc kể từ ngày kết thúc cuộc họp.",
     {"kind": "relative", "offset_days": 3, "working_days": True}),
    ("Ngày 15 tháng 12 hằng năm, các phòng nộp báo cáo tổng kết.",
     {"kind": "rrule", "rrule": "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"}),
    ("Họp cơ quan mỗi tháng 01 lần vào ngày làm việc đầu tiên của tháng.",
     {"kind": "rrule", "rrule": "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1"}),
    ("Tổ chức sinh hoạt chuyên đề ít nhất mỗi quý một lần.", {"kind": "range", "min": 1, "per": "quarter"}),
    ("Văn phòng trình lịch công tác tuần của lãnh đạo vào chiều thứ Sáu tuần trước.",
     {"kind": "rrule", "rrule": "FREQ=WEEKLY;BYDAY=FR"}),
    ("Tổ giao ban 2 tuần một lần vào sáng thứ Hai.", {"kind": "rrule", "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"}),
    ("Mỗi tuần một lần, vào chiều thứ Năm, các tổ chuyên môn sinh hoạt.",
     {"kind": "rrule", "rrule": "FREQ=WEEKLY;BYDAY=TH"}),
]


@pytest.mark.parametrize("sentence,expected", SENTENCES, ids=[s[:50] for s, _ in SENTENCES])
def test_sentences_of_other_offices(sentence, expected):
    schedule = schedule_of(sentence)
    assert schedule is not None, f"no schedule read in {sentence!r}"
    got = {k: getattr(schedule, k) for k in expected}
    if "hedges" in expected:
        got["hedges"] = tuple(h for h in schedule.hedges if h in expected["hedges"])
    assert got == expected
    assert schedule.words in sentence, "the words of a schedule are the sentence's own"


#: Sentences with dates, numbers and weekday-like words that state no schedule.
NOT_SCHEDULES = [
    "Quyết định này có hiệu lực kể từ ngày 17 tháng 7 năm 2025.",
    "Quy chế số 01-QC/TU ngày 09/01/2021 của Tỉnh ủy.",
    "Điều kiện thứ hai là phải có ý kiến của cấp ủy.",
    "Thứ trưởng Bộ Nội vụ và các đồng chí Ủy viên.",
    "Văn phòng có 05 phòng chuyên môn và 02 đơn vị trực thuộc.",
    "Nhiệm kỳ 2020 - 2025 của Ban Chấp hành.",
    "Thực hiện theo thứ tự ưu tiên của các nhiệm vụ trong tháng năm trước.",
    "Báo cáo tổng kết 10 năm thực hiện Nghị quyết.",
    "Phó Giám đốc thứ hai phụ trách lĩnh vực nội vụ.",
    "Thứ trưởng và Chủ nhiệm Ủy ban Kiểm tra dự hội nghị.",
]


@pytest.mark.parametrize("sentence", NOT_SCHEDULES)
def test_sentences_without_a_schedule(sentence):
    assert schedule_of(sentence) is None, read(sentence)


def test_spans_are_the_texts_own_words():
    text = "Báo cáo hằng tháng gửi trước họp giao ban 02 ngày; báo cáo quý gửi trước ngày 20 tháng cuối quý."
    for reading in read(text):
        assert text[reading.start:reading.end] == reading.span


def test_readings_of_one_clause_keep_their_order():
    text = ("Báo cáo hằng tháng gửi trước họp giao ban 02 ngày; báo cáo quý gửi trước ngày 20 tháng cuối quý; "
            "báo cáo 06 tháng gửi trước ngày 15/6; báo cáo năm trước ngày 25/11 của năm báo cáo.")
    rules = [r.rrule for r in read(text) if r.kind == "rrule"]
    assert rules == ["FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15",
                     "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=25"]
    assert [r.offset_days for r in read(text) if r.kind == "lead"] == [-2]
