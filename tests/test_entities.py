"""Documents, officials and localities: input -> expected normalized result."""

from __future__ import annotations

from datetime import date

import pytest

from vnstats.corpus.clean import build_article
from vnstats.extract import extract_article
from vnstats.extract.documents import extract_documents
from vnstats.extract.gazetteer import load, normalize_key
from vnstats.extract.localities import extract_localities
from vnstats.extract.officials import extract_officials, merge_titles

# --- documents ----------------------------------------------------------------

DOCUMENTS = [
    ("seed-style-with-date", "Thực hiện Nghị quyết số 04-NQ/TU ngày 31/5/2021 của Thành ủy.",
     [("Nghị quyết", "04-NQ/TU", "TU", "2021-05-31")]),
    ("rule-no-so", "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.", [("Chỉ thị", "05-CT/TW", "TW", None)]),
    ("rule-bare-number-after-so", "Huyện ban hành Công văn số 312 hướng dẫn đại hội.", [("Công văn", "312", None, None)]),
    ("rule-bare-number-directive", "Tiếp tục thực hiện Chỉ thị 15 của Tỉnh ủy.", [("Chỉ thị", "15", None, None)]),
    ("rule-bare-number-with-a-letter", "Huyện được hưởng chính sách theo Nghị quyết 30a của Chính phủ.",
     [("Nghị quyết", "30a", None, None)]),
    ("rule-bare-number-with-its-issue-date", "Thực hiện Quyết định 05 ngày 28-8-2018 của UBND tỉnh.",
     [("Quyết định", "05", None, "2018-08-28")]),
    ("not-bare-number-of-days", "Chỉ thị 05 ngày làm việc được rút ngắn.", []),
    ("rule-code-with-a-non-breaking-hyphen", "Theo Nghị quyết số 1666/NQ\u2011UBTVQH15 ngày 16/6/2025.",
     [("Nghị quyết", "1666/NQ\u2011UBTVQH15", "UBTVQH15", "2025-06-16")]),
    ("not-bare-plan-years", "Kế hoạch 5 năm được triển khai.", []),
    ("not-bare-year", "Nghị quyết 2021 của HĐND tỉnh.", []),
    ("rule-submission", "Trình bày Tờ trình số 83-TTr/TU.", [("Tờ trình", "83-TTr/TU", "TU", None)]),
    ("rule-action-programme", "Chương trình hành động số 04-CTr/TU của Ban Chấp hành.",
     [("Chương trình hành động", "04-CTr/TU", "TU", None)]),
    ("rule-decision", "Theo Quyết định số 1234/QĐ-UBND ngày 5/3/2024.",
     [("Quyết định", "1234/QĐ-UBND", "UBND", "2024-03-05")]),
    ("rule-code-spaced-at-its-joint", "UBND tỉnh phê duyệt kết quả (Quyết định số 2426 /QĐ-UBND, ngày 16/12/2017).",
     [("Quyết định", "2426/QĐ-UBND", "UBND", "2017-12-16")]),
    ("rule-code-spaced-around-a-hyphen", "Thực hiện Nghị quyết số 68 - NQ/TW ngày 4/5/2025 của Bộ Chính trị.",
     [("Nghị quyết", "68-NQ/TW", "TW", "2025-05-04")]),
    ("rule-conclusion", "Kết luận số 21-KL/TW về xây dựng Đảng.", [("Kết luận", "21-KL/TW", "TW", None)]),
    ("rule-official-letter", "Công văn số 45/UBND-VP gửi các sở.", [("Công văn", "45/UBND-VP", "UBND-VP", None)]),
    ("rule-decree", "Nghị định 100/2019/NĐ-CP và Thông tư số 01/2024/TT-BGDĐT.",
     [("Nghị định", "100/2019/NĐ-CP", "CP", None), ("Thông tư", "01/2024/TT-BGDĐT", "BGDĐT", None)]),
    ("not-unnumbered", "Thực hiện Nghị quyết Trung ương 4 khóa XII và Nghị quyết của Đảng.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), [(s, e) for _, s, e in DOCUMENTS], ids=[i for i, _, _ in DOCUMENTS])
def test_documents_of_sentence(sentence, expected):
    found = extract_documents(sentence)
    assert [(d.type, d.number, d.issuer, d.date) for d in found] == expected
    for d in found:
        assert sentence[d.start:d.end] == d.text


# --- officials ----------------------------------------------------------------

OFFICIALS = [
    ("rule-titles-after", "Đến dự có đồng chí Lê Minh Khoa, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh.",
     [("Lê Minh Khoa", ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"])]),
    ("rule-department-name-with-a-lower-case-tail",
     "Giám đốc Sở Nông nghiệp và Phát triển nông thôn Sóc Trăng Trần Văn Lầu cho biết, vụ lúa thắng lợi.",
     [("Trần Văn Lầu", ["Giám đốc Sở Nông nghiệp và Phát triển nông thôn Sóc Trăng"])]),
    ("rule-a-physicians-degree-before-the-name",
     "Bác sĩ Chuyên khoa II Lê Văn Hùng - Phó Giám đốc Bệnh viện Đa khoa tỉnh - cho biết, số ca bệnh tăng.",
     [("Lê Văn Hùng", ["Phó Giám đốc Bệnh viện Đa khoa tỉnh"])]),
    ("rule-birth-year-between-name-and-title",
     "Đại biểu trẻ nhất là đồng chí Hà Thị Lan, sinh năm 1990, Phó Chủ tịch UBMTTQ huyện Văn Chấn.",
     [("Hà Thị Lan", ["Phó Chủ tịch UBMTTQ huyện Văn Chấn"])]),
    ("rule-birth-year-abbreviated-in-brackets", "Ông Trần Văn Bình (SN 1970), Chủ tịch UBND xã Tân Lập, cho biết.",
     [("Trần Văn Bình", ["Chủ tịch UBND xã Tân Lập"])]),
    ("not-an-address-after-the-birth-year", "Anh Nguyễn Văn Tâm (SN 1987, trú xã Ea Tir) bị thương.", []),
    ("rule-a-highland-name-of-five-syllables", "Ông Y Thanh Hà Niê Kđăm, Bí thư Tỉnh ủy Đắk Lắk, phát biểu.",
     [("Y Thanh Hà Niê Kđăm", ["Bí thư Tỉnh ủy Đắk Lắk"])]),
    ("rule-a-highland-name-joined-by-an-apostrophe", "Bà H'Yim Kđoh, Phó Chủ tịch UBND tỉnh, cho biết.",
     [("H'Yim Kđoh", ["Phó Chủ tịch UBND tỉnh"])]),
    ("rule-a-stieng-family-name", "Ông Điểu K'Ré, Phó Chủ tịch UBND tỉnh Đắk Nông, dự lễ.",
     [("Điểu K'Ré", ["Phó Chủ tịch UBND tỉnh Đắk Nông"])]),
    ("rule-a-place-with-an-apostrophe-inside-a-title", "Ông Lê Văn Sơn, Chủ tịch UBND huyện Đắk R'Lấp, cho biết.",
     [("Lê Văn Sơn", ["Chủ tịch UBND huyện Đắk R'Lấp"])]),
    ("rule-a-rarer-family-name", "Dự đại hội có đồng chí Ngọc Văn Hùng - Phó Chủ tịch UBND tỉnh.",
     [("Ngọc Văn Hùng", ["Phó Chủ tịch UBND tỉnh"])]),
    ("rule-title-before", "Trưởng ban Tuyên giáo Tỉnh ủy Đặng Thị Hoa phát biểu khai mạc.",
     [("Đặng Thị Hoa", ["Trưởng ban Tuyên giáo Tỉnh ủy"])]),
    ("rule-a-place-ending-in-a-family-name-before-the-name",
     "Bí thư Tỉnh ủy Tây Ninh Nguyễn Văn Quyết chủ trì; dự có Phó Chủ tịch UBND tỉnh Ninh Thuận Trần Quốc Nam.",
     [("Nguyễn Văn Quyết", ["Bí thư Tỉnh ủy Tây Ninh"]), ("Trần Quốc Nam", ["Phó Chủ tịch UBND tỉnh Ninh Thuận"])]),
    ("rule-a-family-name-that-is-a-place-syllable", "Đồng chí Ninh Văn Bảo, Bí thư Huyện ủy, dự.",
     [("Ninh Văn Bảo", ["Bí thư Huyện ủy"])]),
    ("rule-honorific-title-before", "Đồng chí Phó Chủ tịch UBND huyện Ngô Văn Tâm chủ trì.",
     [("Ngô Văn Tâm", ["Phó Chủ tịch UBND huyện"])]),
    ("rule-ong", "Ông Trịnh Quốc Bảo, Giám đốc Sở Giáo dục và Đào tạo cho biết như vậy.",
     [("Trịnh Quốc Bảo", ["Giám đốc Sở Giáo dục và Đào tạo"])]),
    ("rule-honorific-before-a-family-name-the-list-lacks", "Ông Sầm Văn Thành, Phó Chủ tịch UBND xã Tân Lập cho biết như vậy.",
     [("Sầm Văn Thành", ["Phó Chủ tịch UBND xã Tân Lập"])]),
    ("rule-names-each-with-an-honorific-elected-together",
     "Bà Lê Thị Mai, ông Phạm Văn Hùng và bà Vũ Thu Trang được bầu giữ chức Phó Chủ tịch HĐND tỉnh.",
     [("Lê Thị Mai", ["Phó Chủ tịch HĐND tỉnh"]), ("Phạm Văn Hùng", ["Phó Chủ tịch HĐND tỉnh"]),
      ("Vũ Thu Trang", ["Phó Chủ tịch HĐND tỉnh"])]),
    ("rule-title-then-a-dash-and-the-name", "Chủ tịch UBND tỉnh Hà Nam - ông Đinh Văn Lộc cho biết như vậy.",
     [("Đinh Văn Lộc", ["Chủ tịch UBND tỉnh Hà Nam"])]),
    ("not-a-place-after-an-honorific", "Theo ông Hà Nội, Chủ tịch UBND huyện, mọi việc ổn định.", []),
    ("rule-kiem", "Đồng chí Bùi Văn Nam, Bí thư Huyện ủy kiêm Chủ tịch HĐND huyện dự họp.",
     [("Bùi Văn Nam", ["Bí thư Huyện ủy", "Chủ tịch HĐND huyện"])]),
    ("rule-permanent-vice", "Đồng chí Hoàng Thị Lan, Phó Bí thư Thường trực Thành ủy, phát biểu.",
     [("Hoàng Thị Lan", ["Phó Bí thư Thường trực Thành ủy"])]),
    ("rule-dash-and-brackets", "Ông Lò Văn Sơn - Chủ tịch UBND xã cho biết, bà Cầm Thị Hoa (Bí thư Đảng ủy xã) đồng ý.",
     [("Lò Văn Sơn", ["Chủ tịch UBND xã"]), ("Cầm Thị Hoa", ["Bí thư Đảng ủy xã"])]),
    ("rule-former-and-acting", "Ông Mai Văn Lực - nguyên Phó Bí thư Huyện ủy - nguyên Chủ tịch UBND huyện; Quyền Giám đốc Sở Tài chính Đỗ Thị Yến dự họp.",
     [("Mai Văn Lực", ["nguyên Phó Bí thư Huyện ủy", "nguyên Chủ tịch UBND huyện"]), ("Đỗ Thị Yến", ["Quyền Giám đốc Sở Tài chính"])]),
    ("rule-elected-to", "Ông Tạ Quang Vinh được bầu giữ chức Chủ tịch HĐND xã, bà Lương Thị Nga tái đắc cử chức danh Phó Chủ tịch UBND xã.",
     [("Tạ Quang Vinh", ["Chủ tịch HĐND xã"]), ("Lương Thị Nga", ["Phó Chủ tịch UBND xã"])]),
    ("rule-elect-someone", "Kỳ họp đã bầu bà Hồ Thị Tâm giữ chức Chủ tịch UBND huyện; ông Lý Văn Phúc được điều động, bổ nhiệm làm Giám đốc Sở Xây dựng.",
     [("Hồ Thị Tâm", ["Chủ tịch UBND huyện"]), ("Lý Văn Phúc", ["Giám đốc Sở Xây dựng"])]),
    ("rule-title-comma-honorific", "Phát biểu tại hội nghị, Phó Chủ tịch UBND tỉnh, ông Châu Văn Hòa nhấn mạnh.",
     [("Châu Văn Hòa", ["Phó Chủ tịch UBND tỉnh"])]),
    ("rule-bracketed-abbreviation", "Giám đốc Sở Tài nguyên và Môi trường (TN-MT) tỉnh Lạng Sơn Hoàng Văn Dũng cho biết.",
     [("Hoàng Văn Dũng", ["Giám đốc Sở Tài nguyên và Môi trường (TN-MT) tỉnh Lạng Sơn"])]),
    ("rule-in-charge", "Ông Trương Minh Khang, Phó Giám đốc phụ trách Sở Y tế, cho biết.",
     [("Trương Minh Khang", ["Phó Giám đốc phụ trách Sở Y tế"])]),
    ("rule-abbreviation-dot", "Bà Vàng Thị Mỷ, Phó Chủ tịch UBND TP. Lào Cai, cho biết.",
     [("Vàng Thị Mỷ", ["Phó Chủ tịch UBND TP. Lào Cai"])]),
    ("rule-list-of-two-with-va", "Các đồng chí Lò Văn Tiến - Bí thư Đảng ủy xã và Vì Thị Hương - Chủ tịch UBND xã tham dự.",
     [("Lò Văn Tiến", ["Bí thư Đảng ủy xã"]), ("Vì Thị Hương", ["Chủ tịch UBND xã"])]),
    ("rule-title-of-next-name", "Chủ tịch UBND tỉnh Lê Văn Dũng, Giám đốc Công an tỉnh Nguyễn Văn Lai đi kiểm tra.",
     [("Lê Văn Dũng", ["Chủ tịch UBND tỉnh"]), ("Nguyễn Văn Lai", ["Giám đốc Công an tỉnh"])]),
    ("rule-list-after-colon", "Ban Thường vụ gồm các ông, bà: Lê Văn Hòa (Bí thư), Trần Thị Thu (Phó Bí thư Thường trực).",
     [("Lê Văn Hòa", ["Bí thư"]), ("Trần Thị Thu", ["Phó Bí thư Thường trực"])]),
    ("rule-age-then-title-in-brackets", "Xe do ông Lương Văn Hải (41 tuổi, Trưởng Công an xã Tam Lư) điều khiển.",
     [("Lương Văn Hải", ["Trưởng Công an xã Tam Lư"])]),
    ("rule-lower-case-title-after-name", "Người lái xe là ông Kha Văn Lộc (chủ tịch UBND xã Cù Bị, huyện Châu Đức).",
     [("Kha Văn Lộc", ["chủ tịch UBND xã Cù Bị, huyện Châu Đức"])]),
    ("rule-glued-dash-and-deputy", "Ông Tô Văn Hòa-Phó Chi cục trưởng Chi cục Thú y tỉnh cho hay.",
     [("Tô Văn Hòa", ["Phó Chi cục trưởng Chi cục Thú y tỉnh"])]),
    ("rule-more-offices", "Ông Lò Văn Pâng, Trưởng bản Huổi Ngà và bà Hà Thị Mai, Phó Ban Dân vận Tỉnh ủy dự; Phó Thống đốc Ngân hàng Nhà nước Đào Minh Tú phát biểu.",
     [("Lò Văn Pâng", ["Trưởng bản Huổi Ngà"]), ("Hà Thị Mai", ["Phó Ban Dân vận Tỉnh ủy"]),
      ("Đào Minh Tú", ["Phó Thống đốc Ngân hàng Nhà nước"])]),
    ("not-dash-inside-place", "Ông Lê Văn Sáu, Chủ tịch UBND tỉnh Bà Rịa-Vũng Tàu dự.",
     [("Lê Văn Sáu", ["Chủ tịch UBND tỉnh Bà Rịa-Vũng Tàu"])]),
    ("rule-names-listed-before-an-appointment-share-it",
     "Hội nghị bầu các đồng chí A Lềnh, Nguyễn Thị Mai và Trần Văn Sơn được bầu giữ chức Phó Bí thư Huyện ủy.",
     [("A Lềnh", ["Phó Bí thư Huyện ủy"]), ("Nguyễn Thị Mai", ["Phó Bí thư Huyện ủy"]),
      ("Trần Văn Sơn", ["Phó Bí thư Huyện ủy"])]),
    ("rule-comma-title-after-a-list-is-the-last-name-only",
     "Dự có các đồng chí Nguyễn Văn An, Lê Văn Bình, Phó Chủ tịch UBND huyện.", [("Lê Văn Bình", ["Phó Chủ tịch UBND huyện"])]),
    ("rule-head-of-statistics-office", "Theo ông Trần Văn Vũ - Trưởng Thống kê Hà Nam, giá tăng.",
     [("Trần Văn Vũ", ["Trưởng Thống kê Hà Nam"])]),
    ("not-lower-case-head-in-prose", "Ông Lê Văn Bình cùng các ủy viên dự họp.", []),
    ("not-work-with", "Ông Đỗ Minh Tuấn làm việc với Sở Nội vụ.", []),
    ("not-no-title", "Đồng chí Nguyễn Văn An đã có nhiều đóng góp.", []),
    ("not-title-without-name", "Đồng chí Phó trưởng ban Tuyên giáo Huyện ủy về làm Bí thư xã.", []),
    ("not-street-or-school", "Trường THCS Nguyễn Du trên đường Lê Lợi có 1.000 học sinh.", []),
    ("not-place-after-committee", "Bí thư Thành ủy Hà Nội chủ trì hội nghị.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), [(s, e) for _, s, e in OFFICIALS], ids=[i for i, _, _ in OFFICIALS])
def test_officials_of_sentence(sentence, expected):
    places = load().names()
    found = extract_officials(sentence, 0, places)
    assert [(o.name, [t.text for t in o.titles]) for o in found] == expected


def test_title_organizations():
    (official,) = extract_officials("Đồng chí Vũ Đức Bảo, Trưởng ban Tổ chức Thành ủy, Bí thư Quận ủy.")
    assert [t.organization for t in official.titles] == ["Ban Tổ chức Thành ủy", "Quận ủy"]


def test_same_person_is_one_official_with_the_union_of_titles():
    assert merge_titles(["Ủy viên Ban Thường vụ Thành ủy", "Trưởng ban Tổ chức Thành ủy",
                         "Ủy viên Ban Thường vụ", "Trưởng ban Tổ chức Thành ủy"]) == \
        ["Ủy viên Ban Thường vụ Thành ủy", "Trưởng ban Tổ chức Thành ủy"]


def test_bylines_and_photo_credits_are_not_officials():
    page = ("Huyện A tổ chức hội nghị\n"
            "09:09 - Thứ Sáu, 29/12/2017\n"
            "Đồng chí Nguyễn Văn Hùng, Bí thư Huyện ủy, phát biểu tại hội nghị tổng kết công tác năm của huyện nhà.\n"
            "Quang cảnh hội nghị. Ảnh: Trần Minh Đức\n"
            "Lê Thu Hà")
    article = build_article("p.txt", "p.txt", page)
    names = {o.name for _, o in extract_article(article).officials}
    assert names == {"Nguyễn Văn Hùng"}
    assert (article.author, article.photographer) == ("Lê Thu Hà", "Trần Minh Đức")


# --- localities -----------------------------------------------------------------

def _localities(text: str, published: date | None = date(2020, 1, 1)):
    gazetteer = load()
    found = []
    for m in extract_localities([(text, 0)], published):
        unit = gazetteer.units.get(m.unit_id)
        found.append((m.text, unit.name if unit else None, m.level, unit.province if unit else None, m.role))
    return found


LOCALITIES = [
    ("rule-provincial-city-not-province", "Dự án nằm tại thành phố Thanh Hóa.",
     [("thành phố Thanh Hóa", "Thành phố Thanh Hóa", "district", "Tỉnh Thanh Hóa", "place")]),
    ("rule-centrally-run-city", "Ngày hội diễn ra tại thành phố Đà Nẵng.",
     [("thành phố Đà Nẵng", "Thành phố Đà Nẵng", "province", "Thành phố Đà Nẵng", "place")]),
    ("rule-name-missing-a-mark", "Lũ quét qua huyện Cư Jut và xã Liêng Sronh.",
     [("huyện Cư Jut", "Huyện Cư Jút", "district", "Tỉnh Đắk Nông", "place"),
      ("xã Liêng Sronh", "Xã Liêng Srônh", "ward", "Tỉnh Lâm Đồng", "place")]),
    ("rule-name-run-together-or-apart", "Lũ quét qua huyện Đa Krông và huyện Easúp.",
     [("huyện Đa Krông", "Huyện Đakrông", "district", "Tỉnh Quảng Trị", "place"),
      ("huyện Easúp", "Huyện Ea Súp", "district", "Tỉnh Đắk Lắk", "place")]),
    ("rule-official-spelling-of-a-district", "Mưa lớn ở huyện Đắk Glong và huyện Đăk Glong.",
     [("huyện Đắk Glong", "Huyện Đắk Glong", "district", "Tỉnh Đắk Nông", "place"),
      ("huyện Đăk Glong", "Huyện Đắk Glong", "district", "Tỉnh Đắk Nông", "place")]),
    ("rule-official-spelling-of-a-kon-tum-district", "Mưa lớn ở huyện Đăk Hà.",
     [("huyện Đăk Hà", "Huyện Đắk Hà", "district", "Tỉnh Kon Tum", "place")]),
    ("rule-bare-name-after-a-sentence-opener", "Khách đến tỉnh Kiên Giang tăng. Riêng Phú Quốc đón 368.848 lượt khách.",
     [("tỉnh Kiên Giang", "Tỉnh Kiên Giang", "province", "Tỉnh Kiên Giang", "place"),
      ("Phú Quốc", "Thành phố Phú Quốc", "district", "Tỉnh Kiên Giang", "place")]),
    ("rule-province-name-inside-a-persons-name", "Ông Trương Hòa Bình dự hội nghị tại Hà Nội.",
     [("Hà Nội", "Thành phố Hà Nội", "province", "Thành phố Hà Nội", "place")]),
    ("rule-province-called-by-its-city", "Tỉnh Vũng Tàu có tỷ lệ đỗ tốt nghiệp là 92,58%.",
     [("Tỉnh Vũng Tàu", "Tỉnh Bà Rịa - Vũng Tàu", "province", "Tỉnh Bà Rịa - Vũng Tàu", "place")]),
    ("rule-list-goes-on-past-odd-spelling", "Mưa lớn ở các huyện Hướng Hóa, Thap Muoi, Cam Lộ.",
     [("huyện Hướng Hóa", "Huyện Hướng Hóa", "district", "Tỉnh Quảng Trị", "place"),
      ("Cam Lộ", "Huyện Cam Lộ", "district", "Tỉnh Quảng Trị", "place")]),
    ("rule-numbered-district", "Quận 1 hiện có 3.431 cán bộ.",
     [("Quận 1", "Quận 1", "district", "Thành phố Hồ Chí Minh", "place")]),
    ("rule-level-word-district", "Tại quận Kiến An, hội nghị diễn ra.",
     [("quận Kiến An", "Quận Kiến An", "district", "Thành phố Hải Phòng", "place")]),
    ("rule-level-word-fixes-level", "Huyện Điện Biên thuộc tỉnh Điện Biên.",
     [("Huyện Điện Biên", "Huyện Điện Biên", "district", "Tỉnh Điện Biên", "place"),
      ("tỉnh Điện Biên", "Tỉnh Điện Biên", "province", "Tỉnh Điện Biên", "place")]),
    ("rule-list-shares-level-word", "huyện Điện Biên có các xã: Thanh Xương, Thanh An, Pom Lót.",
     [("huyện Điện Biên", "Huyện Điện Biên", "district", "Tỉnh Điện Biên", "place"),
      ("xã: Thanh Xương", "Xã Thanh Xương", "ward", "Tỉnh Điện Biên", "place"),
      ("Thanh An", "Xã Thanh An", "ward", "Tỉnh Điện Biên", "place"),
      ("Pom Lót", "Xã Pom Lót", "ward", "Tỉnh Điện Biên", "place")]),
    ("not-a-unit-a-landmark-named-after-a-place", "Dịp Tết, đền Cửa Ông (TP Cẩm Phả) đón 56.000 lượt khách; bờ biển Cửa Đại bị sạt lở.",
     [("TP Cẩm Phả", "Thành phố Cẩm Phả", "district", "Tỉnh Quảng Ninh", "place")]),
    ("not-a-listed-name-the-next-unit-with-its-level-word", "Địa chỉ: phường Chi Lăng, Thành phố Lạng Sơn.",
     [("phường Chi Lăng", "Phường Chi Lăng", "ward", "Tỉnh Lạng Sơn", "place"),
      ("Thành phố Lạng Sơn", "Thành phố Lạng Sơn", "district", "Tỉnh Lạng Sơn", "place")]),
    ("rule-hcm-forms", "TP.HCM, TP Hồ Chí Minh và Thành phố Hồ Chí Minh.",
     [("TP.HCM", "Thành phố Hồ Chí Minh", "province", "Thành phố Hồ Chí Minh", "place"),
      ("TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "province", "Thành phố Hồ Chí Minh", "place"),
      ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", "province", "Thành phố Hồ Chí Minh", "place")]),
    ("rule-committee-is-organization", "Quận ủy Kiến An ban hành kế hoạch.",
     [("Quận ủy Kiến An", "Quận Kiến An", "district", "Thành phố Hải Phòng", "organization")]),
    ("rule-council-is-organization", "Chủ tịch UBND tỉnh Điện Biên chủ trì.",
     [("tỉnh Điện Biên", "Tỉnh Điện Biên", "province", "Tỉnh Điện Biên", "organization")]),
    ("rule-bare-province", "Đoàn công tác của Hà Nội làm việc.",
     [("Hà Nội", "Thành phố Hà Nội", "province", "Thành phố Hà Nội", "place")]),
    ("rule-old-tone-marks", "Tại tỉnh Thanh Hoá, mưa lớn.",
     [("tỉnh Thanh Hoá", "Tỉnh Thanh Hóa", "province", "Tỉnh Thanh Hóa", "place")]),
    ("rule-abbreviated-town", "Kết nạp 750 đảng viên ở TX. Giá Rai.",
     [("TX. Giá Rai", "Thị xã Giá Rai", "district", "Tỉnh Bạc Liêu", "place")]),
    ("rule-spelling-variant", "Mưa lớn ở tỉnh Đăk Lăk và huyện Ea H'leo.",
     [("tỉnh Đăk Lăk", "Tỉnh Đắk Lắk", "province", "Tỉnh Đắk Lắk", "place"),
      ("huyện Ea H'leo", "Huyện Ea H'leo", "district", "Tỉnh Đắk Lắk", "place")]),
    ("rule-bare-province-spelt-another-way", "Số người chết tăng ở An Giang, Đắc Lắc và Kom Tum.",
     [("An Giang", "Tỉnh An Giang", "province", "Tỉnh An Giang", "place"),
      ("Đắc Lắc", "Tỉnh Đắk Lắk", "province", "Tỉnh Đắk Lắk", "place"),
      ("Kom Tum", "Tỉnh Kon Tum", "province", "Tỉnh Kon Tum", "place")]),
    ("rule-tilde-for-hook-in-a-province-name", "Tỷ lệ đỗ cao nhất là Quãng Ngãi.",
     [("Quãng Ngãi", "Tỉnh Quảng Ngãi", "province", "Tỉnh Quảng Ngãi", "place")]),
    ("not-a-distance", "Quãng đường từ Quảng Ngãi dài 5 km.",
     [("Quảng Ngãi", "Tỉnh Quảng Ngãi", "province", "Tỉnh Quảng Ngãi", "place")]),
    ("rule-old-city-name", "Về thành phố Ban Mê Thuột dự lễ.",
     [("Ban Mê Thuột", "Thành phố Buôn Ma Thuột", "district", "Tỉnh Đắk Lắk", "place")]),
    ("rule-numbered-list", "Số ca tăng ở quận 3, 10 và Bình Thạnh.",
     [("quận 3", "Quận 3", "district", "Thành phố Hồ Chí Minh", "place"),
      ("10", "Quận 10", "district", "Thành phố Hồ Chí Minh", "place"),
      ("Bình Thạnh", "Quận Bình Thạnh", "district", "Thành phố Hồ Chí Minh", "place")]),
    ("rule-province-after-its-district", "Kỳ họp HĐND huyện Văn Lãng, Lạng Sơn khai mạc.",
     [("huyện Văn Lãng", "Huyện Văn Lãng", "district", "Tỉnh Lạng Sơn", "organization"),
      ("Lạng Sơn", "Tỉnh Lạng Sơn", "province", "Tỉnh Lạng Sơn", "organization")]),
    ("rule-names-a-level-word-introduces-with-la", "Các huyện có sản lượng vải cao là Lục Ngạn 30 nghìn tấn, Lục Nam 9 nghìn tấn.",
     [("Lục Ngạn", "Huyện Lục Ngạn", "district", "Tỉnh Bắc Giang", "place"),
      ("Lục Nam", "Huyện Lục Nam", "district", "Tỉnh Bắc Giang", "place")]),
    ("not-a-list-of-cities-across-brackets", "Dẫn đầu là TP Hồ Chí Minh (30 tỷ USD); Bình Dương (18 tỷ USD).",
     [("TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "province", "Thành phố Hồ Chí Minh", "place"),
      ("Bình Dương", "Tỉnh Bình Dương", "province", "Tỉnh Bình Dương", "place")]),
    ("rule-bare-districts-of-the-province", "Tỉnh Tuyên Quang: huyện Na Hang đạt 99%, Hàm Yên đạt 98%, Chiêm Hóa 97%.",
     [("Tỉnh Tuyên Quang", "Tỉnh Tuyên Quang", "province", "Tỉnh Tuyên Quang", "place"),
      ("huyện Na Hang", "Huyện Na Hang", "district", "Tỉnh Tuyên Quang", "place"),
      ("Hàm Yên", "Huyện Hàm Yên", "district", "Tỉnh Tuyên Quang", "place"),
      ("Chiêm Hóa", "Huyện Chiêm Hóa", "district", "Tỉnh Tuyên Quang", "place")]),
    ("rule-bare-district-after-one-named-like-a-market", "Tỉnh Bến Tre có 3 huyện có dịch: Chợ Lách, Giồng Trôm và Ba Tri.",
     [("Tỉnh Bến Tre", "Tỉnh Bến Tre", "province", "Tỉnh Bến Tre", "place"),
      ("Chợ Lách", "Huyện Chợ Lách", "district", "Tỉnh Bến Tre", "place"),
      ("Giồng Trôm", "Huyện Giồng Trôm", "district", "Tỉnh Bến Tre", "place"),
      ("Ba Tri", "Huyện Ba Tri", "district", "Tỉnh Bến Tre", "place")]),
    ("rule-province-abbreviations", "Tai nạn giảm ở BR-VT và tỉnh TT-Huế.",
     [("BR-VT", "Tỉnh Bà Rịa - Vũng Tàu", "province", "Tỉnh Bà Rịa - Vũng Tàu", "place"),
      ("TT-Huế", "Tỉnh Thừa Thiên Huế", "province", "Tỉnh Thừa Thiên Huế", "place")]),
    ("rule-province-dash-however-spaced", "Mưa lớn ở Quảng Trị, Thừa Thiên- Huế và Bà Rịa– Vũng Tàu.",
     [("Quảng Trị", "Tỉnh Quảng Trị", "province", "Tỉnh Quảng Trị", "place"),
      ("Thừa Thiên- Huế", "Tỉnh Thừa Thiên Huế", "province", "Tỉnh Thừa Thiên Huế", "place"),
      ("Bà Rịa– Vũng Tàu", "Tỉnh Bà Rịa - Vũng Tàu", "province", "Tỉnh Bà Rịa - Vũng Tàu", "place")]),
    ("rule-apostrophes-and-spacing", "Cử tri xã Đạ M’Rông và huyện Krông Ana đi bầu.",
     [("xã Đạ M’Rông", "Xã Đạ M'Rông", "ward", "Tỉnh Lâm Đồng", "place"),
      ("huyện Krông Ana", "Huyện Krông A Na", "district", "Tỉnh Đắk Lắk", "place")]),
    ("rule-district-named-like-its-province", "Dịch xảy ra tại các huyện Tuần Giáo, Mường Ảng, Điện Biên, Tủa Chùa.",
     [("huyện Tuần Giáo", "Huyện Tuần Giáo", "district", "Tỉnh Điện Biên", "place"),
      ("Mường Ảng", "Huyện Mường Ảng", "district", "Tỉnh Điện Biên", "place"),
      ("Điện Biên", "Huyện Điện Biên", "district", "Tỉnh Điện Biên", "place"),
      ("Tủa Chùa", "Huyện Tủa Chùa", "district", "Tỉnh Điện Biên", "place")]),
    ("not-numbers-after-a-name", "Theo Sở Công Thương TP.Đà Nẵng, 9 tháng đầu năm tăng 12%.",
     [("TP.Đà Nẵng", "Thành phố Đà Nẵng", "province", "Thành phố Đà Nẵng", "place")]),
    ("not-the-person", "Học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh.", []),
    ("not-road-or-school", "Tai nạn trên đường Hồ Chí Minh gần Trường THPT Chuyên Hà Tĩnh.", []),
    ("rule-a-unit-ending-a-run-of-capitals-before-its-province", "Mùa Xoài Yên Châu (Sơn La) đã bắt đầu.",
     [("Yên Châu", "Huyện Yên Châu", "district", "Tỉnh Sơn La", "place"),
      ("Sơn La", "Tỉnh Sơn La", "province", "Tỉnh Sơn La", "place")]),
    ("not-an-embankment-or-a-dike", "Bão làm 1.600m kè biển Tam Quan và đê Hữu Hồng bị sạt lở.", []),
    ("not-a-firm-or-hospital-named-in-its-trade", "Công ty thủy điện Hòa Bình và Bệnh viện Bệnh Nhiệt đới Khánh Hòa.", []),
    ("rule-a-firm-on-a-units-territory", "Các công ty trên địa bàn Hòa Bình tăng sản lượng.",
     [("Hòa Bình", "Tỉnh Hòa Bình", "province", "Tỉnh Hòa Bình", "place")]),
    ("not-village-or-person", "Tỉnh Tuyên Quang: thôn Hàm Yên và ông Chiêm Hóa.",
     [("Tỉnh Tuyên Quang", "Tỉnh Tuyên Quang", "province", "Tỉnh Tuyên Quang", "place")]),
    ("rule-a-dashed-name-however-spaced", "Tỉnh Ninh Thuận: quốc lộ từ TP Phan Rang -Tháp Chàm bị ngập.",
     [("Tỉnh Ninh Thuận", "Tỉnh Ninh Thuận", "province", "Tỉnh Ninh Thuận", "place"),
      ("TP Phan Rang -Tháp Chàm", "Thành phố Phan Rang - Tháp Chàm", "district", "Tỉnh Ninh Thuận", "place")]),
    ("rule-a-dash-between-two-units-keeps-both", "Tuyến xe Hà Nội - Hải Phòng qua tỉnh Hải Dương.",
     [("Hà Nội", "Thành phố Hà Nội", "province", "Thành phố Hà Nội", "place"),
      ("Hải Phòng", "Thành phố Hải Phòng", "province", "Thành phố Hải Phòng", "place"),
      ("tỉnh Hải Dương", "Tỉnh Hải Dương", "province", "Tỉnh Hải Dương", "place")]),
    ("not-parks-listed-in-brackets", "Tỉnh Hà Nam có 5 khu công nghiệp (Đồng Văn I, II, Châu Sơn và Hòa Mạc).",
     [("Tỉnh Hà Nam", "Tỉnh Hà Nam", "province", "Tỉnh Hà Nam", "place")]),
    ("not-the-unit-a-facility-is-named-for", "Bé được chuyển đến Bệnh viện Nhi tỉnh Gia Lai, tỉnh Kon Tum có 5 ca.",
     [("tỉnh Kon Tum", "Tỉnh Kon Tum", "province", "Tỉnh Kon Tum", "place")]),
    ("not-a-health-centre-of-a-district", "Trung tâm Y tế huyện Krông Pa tiếp nhận 2 ca.", []),
    ("rule-the-unit-a-named-facility-lies-in", "Khu công nghiệp Quế Võ tỉnh Bắc Ninh thu hút 5 dự án.",
     [("tỉnh Bắc Ninh", "Tỉnh Bắc Ninh", "province", "Tỉnh Bắc Ninh", "place")]),
    ("rule-the-city-after-a-hospital-and-a-comma", "Bệnh nhân được chuyển xuống Bệnh viện Chợ Rẫy, thành phố Hồ Chí Minh.",
     [("thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", "province", "Thành phố Hồ Chí Minh", "place")]),
    ("not-generic-level-words", "Các xã, phường và thành phố tổ chức tốt.", []),
    ("not-quan-uy-alone", "Quận ủy chỉ đạo các phường.", []),
    ("rule-town-and-district-of-one-name", "Thị xã Kỳ Anh và huyện Kỳ Anh bị ngập sâu.",
     [("Thị xã Kỳ Anh", "Thị xã Kỳ Anh", "district", "Tỉnh Hà Tĩnh", "place"),
      ("huyện Kỳ Anh", "Huyện Kỳ Anh", "district", "Tỉnh Hà Tĩnh", "place")]),
    ("rule-a-lists-level-word-picks-among-one-name", "Tỉnh Trà Vinh xây trường ở các huyện Cầu Kè, Duyên Hải.",
     [("Tỉnh Trà Vinh", "Tỉnh Trà Vinh", "province", "Tỉnh Trà Vinh", "place"),
      ("huyện Cầu Kè", "Huyện Cầu Kè", "district", "Tỉnh Trà Vinh", "place"),
      ("Duyên Hải", "Huyện Duyên Hải", "district", "Tỉnh Trà Vinh", "place")]),
    ("not-a-number-after-a-level-no-unit-is-numbered-in", "Cấp huyện 7 trường, Quận 7 có 10 phường.",
     [("Quận 7", "Quận 7", "district", "Thành phố Hồ Chí Minh", "place")]),
]


@pytest.mark.parametrize(("text", "expected"), [(s, e) for _, s, e in LOCALITIES], ids=[i for i, _, _ in LOCALITIES])
def test_localities_of_text(text, expected):
    assert _localities(text) == expected


def test_bare_commune_name_shared_by_provinces_stays_ambiguous():
    (mention,) = extract_localities([("Đoàn đã về làm việc tại xã Thanh An.", 0)], date(2020, 1, 1))
    assert mention.unit_id is None and mention.basis == "ambiguous"
    assert len(mention.candidates) > 5  # there are Thanh An communes in many provinces


def test_shared_commune_name_resolved_by_the_articles_other_places():
    mentions = extract_localities([("Huyện Điện Biên triển khai kế hoạch.", 0),
                                   ("Đoàn đã về làm việc tại xã Thanh An.", 40)], date(2020, 1, 1))
    unit = load().units[mentions[-1].unit_id]
    assert (unit.name, unit.district, mentions[-1].basis) == ("Xã Thanh An", "Huyện Điện Biên", "context")


def test_articles_after_the_2025_reorganization_use_the_new_units():
    (before,) = extract_localities([("tỉnh Hải Dương", 0)], date(2024, 1, 1))
    assert load().units[before.unit_id].era == "before_2025"
    assert load().units[before.unit_id].successors == ("from_2025:province:31",)  # merged into Hải Phòng
    (after,) = extract_localities([("tỉnh Điện Biên", 0)], date(2025, 9, 1))
    assert load().units[after.unit_id].id == "from_2025:province:11"


# the unit in force on the article's date: (text, date, expected name)
IN_FORCE = [
    ("rule-province-before-2025", "Mưa lớn ở tỉnh Thừa Thiên - Huế.", date(2020, 10, 1), ["Tỉnh Thừa Thiên Huế"]),
    ("rule-city-of-the-province-before-2025", "Lễ hội ở thành phố Huế.", date(2018, 5, 1), ["Thành phố Huế"]),
    ("rule-centrally-run-city-from-2025", "Lễ hội ở thành phố Huế.", date(2025, 3, 1), ["Thành phố Huế"]),
    ("rule-district-merged-2021", "Dự án ở Quận 2.", date(2019, 1, 1), ["Quận 2"]),
    ("rule-district-merged-2025", "Tỷ lệ ở huyện Lộc Hà đạt 99%.", date(2021, 5, 24), ["Huyện Lộc Hà"]),
    ("rule-district-merged-2025-in-a-bare-list", "Ngập sâu ở các huyện Quế Sơn, Nông Sơn và Đại Lộc.", date(2018, 10, 1),
     ["Huyện Quế Sơn", "Huyện Nông Sơn", "Huyện Đại Lộc"]),
    ("rule-districts-merged-2020", "Mưa lớn ở huyện Thông Nông và huyện Phục Hòa.", date(2017, 7, 1),
     ["Huyện Thông Nông", "Huyện Phục Hòa"]),
    ("rule-town-merged-into-a-city-2025", "Du khách đến thị xã Cửa Lò tăng mạnh.", date(2019, 6, 1), ["Thị xã Cửa Lò"]),
    ("rule-district-divided-2025", "Huyện Yên Dũng có 12 xã đạt chuẩn.", date(2022, 6, 1), ["Huyện Yên Dũng"]),
    ("not-unit-not-yet-made", "Dự án ở thành phố Thủ Đức.", date(2019, 1, 1), ["Quận Thủ Đức"]),
    ("rule-former-units-listed-after-their-level-word", "Phường Rạch Giá được hình thành từ 3 phường cũ gồm: "
     "Vĩnh Quang, Rạch Sỏi và Vĩnh Lợi.", date(2025, 8, 1),
     ["Phường Rạch Giá", "Phường Vĩnh Quang", "Phường Rạch Sỏi", "Phường Vĩnh Lợi"]),
    ("rule-new-units-listed-after-their-level-word", "Tỉnh Tuyên Quang có các xã mới là: Lâm Bình, Mèo Vạc.",
     date(2025, 8, 1), ["Tỉnh Tuyên Quang", "Xã Lâm Bình", "Xã Mèo Vạc"]),
    # a province called by its city's name alone, while that province is in force
    ("rule-hue-alone-names-the-province", "Quảng Nam và Huế đón nhiều khách.", date(2018, 2, 21),
     ["Tỉnh Quảng Nam", "Tỉnh Thừa Thiên Huế"]),
    ("rule-hue-alone-after-it-became-a-city-of-its-own", "Quảng Nam và Huế đón nhiều khách.", date(2025, 3, 1),
     ["Tỉnh Quảng Nam", "Thành phố Huế"]),
    ("not-hue-with-its-level-word", "Khách đến thành phố Huế tăng mạnh.", date(2018, 2, 21), ["Thành phố Huế"]),
    ("not-hue-in-the-provinces-own-name", "Khách đến Thừa Thiên Huế tăng mạnh.", date(2018, 2, 21),
     ["Tỉnh Thừa Thiên Huế"]),
]


@pytest.mark.parametrize(("text", "day", "expected"), [(t, d, e) for _, t, d, e in IN_FORCE],
                         ids=[i for i, _, _, _ in IN_FORCE])
def test_unit_in_force_on_the_article_date(text, day, expected):
    units = load().units
    mentions = extract_localities([(text, 0)], day)
    assert [units[m.unit_id].name for m in mentions] == expected
    levels = [units[m.unit_id].level for m in mentions]
    if "thành phố Huế" in text:
        assert levels == (["province"] if day.year >= 2025 else ["district"])


def test_gazetteer_size_and_keys():
    counts = load().counts()
    assert counts[("from_2025", "province")] == 34
    for day in (date(2019, 6, 1), date(2024, 6, 1), date(2025, 3, 1)):  # 63 provinces on any day before July 2025
        assert sum(1 for u in load().units.values()
                   if u.era == "before_2025" and u.level == "province" and u.in_force(day)) == 63
    assert counts[("from_2025", "ward")] == 3321 and counts[("before_2025", "district")] > 690
    assert normalize_key("Thuỷ  Nguyên") == normalize_key("thủy nguyên")


def test_a_place_keyed_list_takes_the_measure_of_its_list():
    """"Hàm Yên đạt 99,82%": the place is the figure's locality, what it
    measures is the list's measure (extract.subjects.list_key_subjects)."""
    page = ("Bầu cử ở Tuyên Quang\n\n"
            "Tại tỉnh Tuyên Quang, tỷ lệ cử tri đi bầu của huyện Lâm Bình đạt 100%; "
            "thành phố Tuyên Quang đạt tỷ lệ 99,9%, Hàm Yên đạt 99,8%, Chiêm Hóa đạt 99,7%.")
    article = build_article("p.txt", "p.txt", page)
    subjects = {f.figure.text: f.figure.subject for f in extract_article(article).figures}
    assert subjects == {"100%": "cử tri đi bầu", "99,9%": "cử tri đi bầu", "99,8%": "cử tri đi bầu",
                        "99,7%": "cử tri đi bầu"}


def test_a_place_keyed_list_goes_on_in_the_next_sentence():
    """A breakdown by place in the sentence after its total keys the same
    measure when it counts the same unit; another unit starts afresh."""
    page = ("Dịch sởi\n\n"
            "Toàn tỉnh ghi nhận 320 ca mắc sởi. Trong đó, huyện Krông Pắc 120 ca, huyện Ea Kar 80 ca.\n\n"
            "Toàn tỉnh có 14 xã đạt chuẩn. Trong đó, huyện Krông Pắc 5 xã.")
    article = build_article("p.txt", "p.txt", page)
    subjects = {f.figure.text: f.figure.subject for f in extract_article(article).figures}
    assert subjects["120 ca"] == subjects["80 ca"] == "ca mắc sởi"
    assert subjects["5 xã"] != "ca mắc sởi"


def test_a_place_keyed_count_with_no_measure_counts_its_counter():
    """With no measure before the list, a place's count counts its counter
    noun, never the place; a ranked place ("nhiều nhất") is a key too."""
    page = ("Dịch tay chân miệng\n\n"
            "Trong đó, thị xã Ninh Hòa nhiều nhất với 356 ca, TP. Nha Trang 147 ca.")
    article = build_article("p.txt", "p.txt", page)
    subjects = {f.figure.text: f.figure.subject for f in extract_article(article).figures}
    assert subjects == {"356 ca": "ca", "147 ca": "ca"}


def test_a_bare_number_a_place_keys_counts_in_the_lists_unit():
    """"Bình Đại: 91.025" after "82.524 cử tri" counts voters too: the list's
    subject, unit and kind."""
    page = ("Tin bầu cử\nNgày đăng 02/05/2024 | 16:09\n"
            "Tỉnh Bến Tre có 1.000.000 cử tri, trong đó huyện Châu Thành có 82.524 cử tri, Bình Đại: 91.025.")
    article = build_article("p.txt", "p.txt", page)
    found = {f.figure.text: (f.figure.subject, f.figure.unit, f.figure.kind) for f in extract_article(article).figures}
    assert found["91.025"] == ("cử tri", "cử tri", "count")


def test_a_list_keyed_by_unit_names_takes_the_measure_before_the_first_key():
    """"… tỷ lệ cử tri đi bầu đạt cao là Bắc Mê 100%; Hoàng Su Phì 100%": the
    first key ends the measure, and a unit's bare name keys the rest even
    where the locality reader did not take it; a person's name is no key."""
    page = ("Bầu cử ở Hà Giang\n\n"
            "Các huyện có tỷ lệ cử tri đi bầu đạt cao là Bắc Mê 100%; Hoàng Su Phì 99,5%; Yên Minh 99%.\n\n"
            "Nạn nhân là Nguyễn Gia Phong (9 tuổi).")
    article = build_article("p.txt", "p.txt", page)
    subjects = {f.figure.text: f.figure.subject for f in extract_article(article).figures}
    assert subjects.pop("9 tuổi").endswith("Nguyễn Gia Phong")
    assert subjects == {"100%": "cử tri đi bầu", "99,5%": "cử tri đi bầu", "99%": "cử tri đi bầu"}


def test_numbers_that_name_places_are_no_figures():
    page = ("Sốt xuất huyết tăng\n\n"
            "Số ca mắc tăng cao ở quận 1, 3, 10 và huyện Cần Giờ, với 502 ca nặng.")
    article = build_article("p.txt", "p.txt", page)
    extraction = extract_article(article)
    assert [f.figure.text for f in extraction.figures] == ["502 ca"]
    assert [m.text for _, m in extraction.localities] == ["quận 1", "3", "10", "huyện Cần Giờ"]
