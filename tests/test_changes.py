"""Change and base of a figure: sentence -> (figure text, change, compared_to), one test per row.

Rows are sentences written for one rule, in the style of provincial reports
(budgets, harvests, trade, growth, party work); none is copied from a labeled
article. ``not-*`` rows are levels that must carry no change.
"""

from __future__ import annotations

import pytest

from vnstats.extract.figures import extract_figures

EXAMPLES = [
    ("rule-tang-bare", "Doanh thu dịch vụ tăng 8,4%.", [("8,4%", "up", "previous")]),
    ("rule-a-multiple-risen-to", "Doanh thu du lịch tăng gấp 2,4 lần so với cùng kỳ.", [("2,4 lần", "up", "previous")]),
    ("rule-a-multiple-in-a-word", "Số ca mắc sởi tăng hơn gấp đôi so với năm trước.", [("hơn gấp đôi", "up", "previous")]),
    ("not-a-multiple-as-a-level", "Lượng khách quốc tế gấp 1,8 lần cùng kỳ.", [("1,8 lần", None, "previous")]),
    ("rule-signed-items", "Chỉ số một số ngành: may mặc (+6,1%); khai khoáng (-3,4%).",
     [("6,1%", "up", "previous"), ("3,4%", "down", "previous")]),
    ("rule-lead-base-plan", "So với kế hoạch, diện tích giảm 1,2% nhưng sản lượng tăng 2,5%.",
     [("1,2%", "down", "plan"), ("2,5%", "up", "plan")]),
    ("rule-bracketed-amount-of-change", "Năng suất tăng 4,2% (2,5 tạ/ha) so với vụ trước.",
     [("4,2%", "up", "previous"), ("2,5 tạ/ha", "up", "previous")]),
    ("rule-growth-measure-list", "Tốc độ tăng trưởng kinh tế của tỉnh đạt 7,1% (năm trước đạt 6,5%).",
     [("7,1%", "up", "previous"), ("6,5%", "up", "previous")]),
    ("rule-short-of-set-number", "Toàn huyện bầu đủ 30 đại biểu, xã bầu thiếu 3 đại biểu so với số ấn định.",
     [("30 đại biểu", None, None), ("3 đại biểu", "down", "plan")]),
    ("rule-plan-list-goes-on", "Huyện A kết nạp 40 đảng viên, đạt 102% chỉ tiêu; huyện B kết nạp 30 đảng viên, đạt 85%.",
     [("40 đảng viên", None, None), ("102%", None, "plan"), ("30 đảng viên", None, None), ("85%", None, "plan")]),
    ("rule-bracketed-rate-named-as-a-rate", "So với cùng kỳ, tăng 18 vụ (tỷ lệ 12,5%), giảm 9 người chết (tỷ lệ 20%).",
     [("18 vụ", "up", "previous"), ("12,5%", "up", "previous"), ("9 người", "down", "previous"), ("20%", "down", "previous")]),
    ("rule-base-after-what-a-share-counts", "Năm học này, tỉnh đạt 98% số lớp so với kế hoạch.", [("98%", None, "plan")]),
    ("rule-base-after-a-list-of-shares", "Bậc THCS đạt 101,5% số trường, 98,7% số lớp, 99,2% số học sinh so với kế hoạch.",
     [("101,5%", None, "plan"), ("98,7%", None, "plan"), ("99,2%", None, "plan")]),
    ("not-a-base-past-a-clause", "Có 95% số xã đạt chuẩn, 80% số hộ dùng nước sạch so với năm 2020 tăng 5%.",
     [("95%", None, None), ("80%", None, None), ("5%", "up", "previous")]),
    ("rule-tang-toi", "Doanh thu tăng tới 51,2% so với cùng kỳ.", [("51,2%", "up", "previous")]),
    ("rule-giam-so-voi-cung-ky", "Số vụ tai nạn giảm 12 vụ so với cùng kỳ năm trước.",
     [("12 vụ", "down", "previous")]),
    ("rule-cao-hon", "Năng suất lúa đạt 62 tạ/ha, cao hơn 1,5 tạ/ha so với vụ trước.",
     [("62 tạ/ha", None, None), ("cao hơn 1,5 tạ/ha", "up", "previous")]),
    ("rule-thap-hon", "Giá bán thấp hơn 500 đồng/kg.", [("thấp hơn 500 đồng/kg", "down", "previous")]),
    ("rule-plan-dat", "Thu ngân sách đạt 1.200 tỷ đồng, đạt 96% kế hoạch.",
     [("1.200 tỷ đồng", None, None), ("96%", None, "plan")]),
    ("rule-plan-bang-du-toan", "Chi thường xuyên bằng 51,2% dự toán năm.", [("51,2%", None, "plan")]),
    ("rule-plan-so-voi-chi-tieu", "Số đảng viên mới đạt 104% so với chỉ tiêu.", [("104%", None, "plan")]),
    ("rule-previous-so-voi-year", "Kim ngạch xuất khẩu bằng 112% so với năm 2019.", [("112%", None, "previous")]),
    ("rule-previous-cung-ky-no-so", "Lượng khách bằng 97% cùng kỳ.", [("97%", None, "previous")]),
    ("rule-plan-named-between-comparative-and-figure",
     "Sản lượng chè đạt 12.000 tấn, nhưng thấp hơn kế hoạch đề ra khoảng 5%.",
     [("12.000 tấn", None, None), ("khoảng 5%", "down", "plan")]),
    ("rule-vuot-plan", "Giá trị sản xuất công nghiệp vượt 4,5% so với kế hoạch.", [("4,5%", "up", "plan")]),
    ("rule-growth-rate-linked", "Tốc độ tăng trưởng kinh tế của huyện ước đạt 7,8%.",
     [("ước đạt 7,8%", "up", "previous")]),
    ("rule-growth-rate-bracket-aside", "Tốc độ tăng trưởng (GRDP) năm nay là 6,1%.", [("6,1%", "up", "previous")]),
    ("rule-growth-negative", "Ngành khai khoáng tăng trưởng âm 2,3%.", [("2,3%", "down", "previous")]),
    ("rule-co-them", "Năm nay huyện có thêm 3 xã đạt chuẩn nông thôn mới.", [("3 xã", "up", "previous")]),
    ("rule-between-binh-quan", "Thu nhập tăng bình quân 9% mỗi năm.", [("9%", "up", "previous")]),
    ("rule-list-places-carry", "Hà Nam tăng trưởng 8,2%; Thái Bình 7,4%; Nam Định 6,9%.",
     [("8,2%", "up", "previous"), ("7,4%", "up", "previous"), ("6,9%", "up", "previous")]),
    ("rule-list-coordinated-carry", "Huyện giảm được 4 đơn vị sự nghiệp và 7 tổ dân phố.",
     [("4 đơn vị sự nghiệp", "down", "previous"), ("7 tổ dân phố", "down", "previous")]),
    ("rule-list-bracket-breakdown", "Toàn tỉnh giảm 40 thôn, tổ dân phố (31 thôn và 9 tổ dân phố).",
     [("31 thôn", "down", "previous"), ("9 tổ dân phố", "down", "previous")]),
    ("rule-list-parallel-items", "Tỉnh có thêm 5 xã đạt chuẩn nông thôn mới, 2 xã đạt chuẩn nâng cao.",
     [("5 xã", "up", "previous"), ("2 xã", "up", "previous")]),
    ("rule-both-change-and-share", "Sản lượng thủy sản đạt 3.000 tấn (đạt 98% kế hoạch, tăng 4% so cùng kỳ).",
     [("3.000 tấn", None, None), ("98%", None, "plan"), ("4%", "up", "previous")]),
    ("rule-negative-level", "Chỉ số giá tiêu dùng tháng này âm 0,5%.", [("0,5%", None, None)]),
    ("not-tang-len-new-level", "Tỷ lệ che phủ rừng tăng lên 45%.", [("45%", None, None)]),
    ("not-giam-con-new-level", "Tỷ lệ hộ nghèo giảm còn 2,1%.", [("2,1%", None, None)]),
    ("not-level-dat", "Toàn huyện có 1.250 hộ nghèo.", [("1.250 hộ nghèo", None, None)]),
    ("not-vuot-without-base", "Doanh thu vượt 100 tỷ đồng.", [("100 tỷ đồng", None, None)]),
    ("not-list-after-level", "Xã A có 120 hộ nghèo, 30 hộ cận nghèo.",
     [("120 hộ nghèo", None, None), ("30 hộ cận nghèo", None, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), [(s, e) for _, s, e in EXAMPLES],
                         ids=[i for i, _, _ in EXAMPLES])
def test_change_and_base(sentence, expected):
    got = {f.text: (f.change, f.compared_to) for f in extract_figures(sentence)}
    for text, change, compared_to in expected:
        assert text in got, f"{text!r} not read: {list(got)}"
        assert got[text] == (change, compared_to), text


def test_negative_level_has_negative_value():
    (figure,) = extract_figures("Chỉ số giá tiêu dùng tháng này âm 0,5%.")
    assert figure.value == -0.5
