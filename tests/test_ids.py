"""Labels and anchor ids come from the document's own numbering.

``label_of`` reads the label a unit's text starts with; ``expected_ids`` turns
a tree of units into ids (``dieu-19-khoan-2-diem-a``, ``muc-b-ii-5-1-a``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from quyche.ids import expected_ids
from quyche.numbering import Label, id_token, label_of, ordinal


# --- label_of -----------------------------------------------------------------
# Test ids are ASCII (pytest escapes the rest): "Dieu" is Điều, "dd" is đ as in anchor ids.

@pytest.mark.parametrize(("text", "scheme", "kind", "number", "label", "rest"), [
    pytest.param("1/-", "dieu", "khoan", "1", "1/-", "", id="1/-"),
    pytest.param("2/- Quán triệt nghị quyết", "dieu", "khoan", "2", "2/-", "Quán triệt nghị quyết", id="2/- with text"),
    pytest.param("**1.**", "dieu", "khoan", "1", "1.", "", id="**1.**"),
    pytest.param("**1.** Lãnh đạo cụ thể hóa", "dieu", "khoan", "1", "1.", "Lãnh đạo cụ thể hóa", id="**1.** with text"),
    pytest.param("12. Khoản mười hai", "dieu", "khoan", "12", "12.", "Khoản mười hai", id="12."),
    pytest.param("1.1. Chịu trách nhiệm", "outline", "tieu_khoan", "1", "1.1.", "Chịu trách nhiệm", id="1.1. outline"),
    pytest.param("5.1 Theo dõi", "outline", "tieu_khoan", "1", "5.1", "Theo dõi", id="5.1 without final dot"),
    pytest.param("(1)-", "dieu", "muc", "1", "(1)-", "", id="(1)-"),
    pytest.param("(12) - Mục mười hai", "dieu", "muc", "12", "(12) -", "Mục mười hai", id="(12) - spaced"),
    pytest.param("- a) Các phòng chuyên môn", "dieu", "diem", "a", "- a)", "Các phòng chuyên môn", id="- a)"),
    pytest.param("a) Lãnh đạo", "dieu", "diem", "a", "a)", "Lãnh đạo", id="a)"),
    pytest.param("đ) Nội dung", "dieu", "diem", "đ", "đ)", "Nội dung", id="dd)"),
    pytest.param("đ) Nội dung", "outline", "diem", "đ", "đ)", "Nội dung", id="dd) outline"),
    pytest.param("Điều 19.", "dieu", "dieu", "19", "Điều 19", "", id="Dieu 19."),
    pytest.param("**Điều 19. Các hội nghị**", "dieu", "dieu", "19", "Điều 19", "Các hội nghị", id="bold Dieu"),
    pytest.param("### **Điều 13. Quan hệ**", "dieu", "dieu", "13", "Điều 13", "Quan hệ", id="heading Dieu"),
    pytest.param("Điều 5: Nhiệm vụ", "dieu", "dieu", "5", "Điều 5", "Nhiệm vụ", id="Dieu with colon"),
    pytest.param("ĐIỀU 3. Hiệu lực", "dieu", "dieu", "3", "ĐIỀU 3", "Hiệu lực", id="upper-case DIEU"),
    pytest.param("CHƯƠNG III CHẾ ĐỘ", "dieu", "chuong", "III", "CHƯƠNG III", "CHẾ ĐỘ", id="CHUONG III CHE DO"),
    pytest.param("Chương II", "dieu", "chuong", "II", "Chương II", "", id="Chuong II"),
    pytest.param("Chương IV. QUY ĐỊNH", "dieu", "chuong", "IV", "Chương IV", "QUY ĐỊNH", id="Chuong IV."),
    pytest.param("B. QUY CHẾ HOẠT ĐỘNG", "outline", "phan", "B", "B.", "QUY CHẾ HOẠT ĐỘNG", id="B. part"),
    pytest.param("II. PHÓ CHÁNH VĂN PHÒNG", "outline", "muc", "II", "II.", "PHÓ CHÁNH VĂN PHÒNG", id="II. section"),
    pytest.param("I. Chánh Văn phòng", "outline", "muc", "I", "I.", "Chánh Văn phòng", id="I. is Roman, not a part"),
    pytest.param("1. Lãnh đạo Văn phòng", "outline", "khoan", "1", "1.", "Lãnh đạo Văn phòng", id="1. outline"),
    pytest.param("- Tổ chức mỗi tháng", "dieu", "gach", "", "-", "Tổ chức mỗi tháng", id="dash"),
    pytest.param("– Thành phần", "dieu", "gach", "", "–", "Thành phần", id="en dash"),
])
def test_label_of_reads_the_label(text, scheme, kind, number, label, rest):
    assert label_of(text, scheme) == Label(kind, number, label, rest)


@pytest.mark.parametrize(("text", "scheme"), [
    pytest.param("Căn cứ Luật Tổ chức chính quyền địa phương", "dieu", id="prose"),
    pytest.param("2025 là năm đầu", "dieu", id="a year"),
    pytest.param("1.5 triệu đồng", "dieu", id="a decimal"),
    pytest.param("1.1. Chịu trách nhiệm", "dieu", id="1.1. outside the outline scheme"),
    pytest.param("Điều chỉnh lịch họp", "dieu", id="Dieu as a word"),
])
def test_prose_has_no_label(text, scheme):
    assert label_of(text, scheme) is None


@pytest.mark.parametrize(("text", "scheme", "kind", "number"), [
    pytest.param("đ)", "dieu", "diem", "đ", id="dd)"),
    pytest.param("- a)", "dieu", "diem", "a", id="- a)"),
    pytest.param("1.1.", "outline", "tieu_khoan", "1", id="1.1."),
    pytest.param("a)", "outline", "diem", "a", id="a) outline"),
    pytest.param("1.", "outline", "khoan", "1", id="1. outline"),
])
def test_a_label_alone_on_its_line_is_still_that_label(text, scheme, kind, number):
    """Like "1.", "1/-", "(1)-" and "Điều 19." already are: a bare label is its kind, not prose or a dash."""
    parsed = label_of(text, scheme)
    assert parsed is not None and (parsed.kind, parsed.number) == (kind, number)


@pytest.mark.parametrize(("kind", "number", "position"), [
    ("chuong", "IV", 4), ("chuong", "IX", 9), ("chuong", "XIV", 14),
    ("diem", "a", 1), ("diem", "d", 4), pytest.param("diem", "đ", 5, id="diem-dd-5"), ("diem", "e", 6),
    ("diem", "g", 7), ("phan", "B", 2), ("muc", "II", 2), ("muc", "4", 4), ("khoan", "12", 12),
])
def test_ordinal_follows_the_vietnamese_sequences(kind, number, position):
    assert ordinal(kind, number) == position


@pytest.mark.parametrize(("number", "token"), [("19", "19"), ("IV", "iv"), pytest.param("đ", "dd", id="dd"), ("B", "b")])
def test_id_token_is_lower_case_ascii(number, token):
    assert id_token(number) == token


# --- expected_ids on small hand-built trees -------------------------------------

@dataclass
class Node:
    kind: str
    text: str = ""
    id: str = ""
    children: list["Node"] = field(default_factory=list)


def ids(roots: list[Node], scheme: str = "dieu") -> list[str]:
    return [new_id for _, new_id in expected_ids(roots, scheme)]


def test_article_ids_ignore_chapters():
    tree = [Node("chuong", "Chương III", children=[
        Node("dieu", "**Điều 19. Các hội nghị**", children=[
            Node("khoan", "1. Hội nghị", children=[Node("diem", "a) Điểm a"), Node("diem", "đ) Điểm đ")]),
            Node("khoan", "2. Giao ban", children=[Node("gach", "- Một"), Node("gach", "- Hai")]),
        ]),
    ])]
    assert ids(tree) == [
        "chuong-iii", "dieu-19", "dieu-19-khoan-1", "dieu-19-khoan-1-diem-a", "dieu-19-khoan-1-diem-dd",
        "dieu-19-khoan-2", "dieu-19-khoan-2-gach-1", "dieu-19-khoan-2-gach-2",
    ]


def test_dash_items_and_paragraphs_count_separately_within_their_parent():
    tree = [Node("dieu", "Điều 3. Nguyên tắc", children=[
        Node("doan", "Mở đầu."), Node("gach", "- Một"), Node("doan", "Tiếp."), Node("gach", "- Hai"),
        Node("khoan", "1. Khoản", children=[Node("gach", "- Một")]),
    ])]
    assert ids(tree) == ["dieu-3", "dieu-3-doan-1", "dieu-3-gach-1", "dieu-3-doan-2", "dieu-3-gach-2",
                         "dieu-3-khoan-1", "dieu-3-khoan-1-gach-1"]


def test_slash_and_bracket_labels():
    tree = [Node("dieu", "Điều 17. Với Đảng đoàn", children=[
        Node("khoan", "1/- Thực hiện", children=[Node("muc", "(1)- Mục"), Node("muc", "(4)- Mục bốn")]),
        Node("khoan", "**2.** Khoản hai"),
    ])]
    assert ids(tree) == ["dieu-17", "dieu-17-khoan-1", "dieu-17-khoan-1-muc-1", "dieu-17-khoan-1-muc-4",
                         "dieu-17-khoan-2"]


def test_blocks_outside_the_regulation_keep_their_id_and_prefix_their_content():
    tree = [
        Node("khoi", id="quyet-dinh", children=[
            Node("doan", "QUYẾT ĐỊNH"), Node("dieu", "**Điều 1.** Ban hành"), Node("doan", "Thi hành./."),
        ]),
        Node("khoi", id="noi-nhan", children=[Node("doan", "Nơi nhận:"), Node("gach", "- Như Điều 3;")]),
        Node("dieu", "Điều 1. Phạm vi"),
    ]
    assert ids(tree) == ["quyet-dinh", "quyet-dinh-doan-1", "quyet-dinh-dieu-1", "quyet-dinh-doan-2",
                         "noi-nhan", "noi-nhan-doan-1", "noi-nhan-gach-1", "dieu-1"]


def test_unnumbered_top_level_paragraphs_count_under_van_ban():
    assert ids([Node("doan", "Lời mở đầu."), Node("doan", "Tiếp.")]) == ["van-ban-doan-1", "van-ban-doan-2"]


def test_a_number_used_twice_gets_lan_2_and_a_missing_label_gets_x():
    tree = [Node("dieu", "Điều 5. Một", children=[
        Node("khoan", "1. Một"), Node("khoan", "1. Lại một"), Node("khoan", "1. Lần ba"),
        Node("khoan", "Không có số"),
    ])]
    assert ids(tree) == ["dieu-5", "dieu-5-khoan-1", "dieu-5-khoan-1-lan-2", "dieu-5-khoan-1-lan-3",
                         "dieu-5-khoan-x"]


def test_outline_ids_join_the_labels_under_muc():
    tree = [
        Node("phan", "A. QUY CHẾ TỔ CHỨC", children=[Node("khoan", "1. Lãnh đạo")]),
        Node("phan", "B. QUY CHẾ HOẠT ĐỘNG", children=[
            Node("muc", "I. Chánh Văn phòng"),
            Node("muc", "II. Phó Chánh Văn phòng", children=[
                Node("khoan", "5. Nhiệm vụ", children=[
                    Node("tieu_khoan", "5.1. Theo dõi", children=[Node("diem", "a) Điểm a")]),
                    Node("tieu_khoan", "5.2. Báo cáo", children=[Node("gach", "- Ý")]),
                ]),
            ]),
        ]),
    ]
    assert ids(tree, "outline") == [
        "muc-a", "muc-a-1", "muc-b", "muc-b-i", "muc-b-ii", "muc-b-ii-5",
        "muc-b-ii-5-1", "muc-b-ii-5-1-a", "muc-b-ii-5-2", "muc-b-ii-5-2-gach-1",
    ]


def test_every_scheme_the_schema_allows_is_one_numbering_scheme():
    """The schema's list of schemes and the project's scheme objects are the same list."""
    import json

    from quyche.numbering import SCHEMES

    from support import ROOT
    schema = json.loads((ROOT / "structured" / "regulation.schema.json").read_text(encoding="utf-8"))
    assert set(schema["$defs"]["metadata"]["properties"]["scheme"]["enum"]) == set(SCHEMES)


@pytest.mark.parametrize("kind,children,scheme,level", [
    ("chuong", False, "dieu", 2), ("dieu", False, "dieu", 3), ("khoan", True, "dieu", None),
    ("phan", False, "outline", 2), ("muc", False, "outline", 3), ("khoan", True, "outline", 4),
    ("khoan", False, "outline", None), ("tieu_khoan", True, "outline", None),
])
def test_the_scheme_says_which_units_are_headings(kind, children, scheme, level):
    from quyche.numbering import SCHEMES
    assert SCHEMES[scheme].heading_level(kind, children) == level
