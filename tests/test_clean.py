"""Loading: normalization, page chrome, header metadata, sentences with offsets."""

from __future__ import annotations

import pytest

from vnstats.corpus.clean import build_article
from vnstats.corpus.normalize import normalize_text
from vnstats.corpus.readers import decode
from vnstats.extract import extract_article, figures_of
from tests.conftest import seed_article, seed_names

NORMALIZATION = [
    ("eth-lookalike", "\u00d0ảng bộ huyện \u00d0iện Biên", "Đảng bộ huyện Điện Biên"),
    ("nfd-to-nfc", "Ha\u0300 No\u0323\u0302i", "Hà Nội"),
    ("nbsp", "Quận\u00a01", "Quận 1"),
    ("space-runs", "Phát biểu tại hội nghị,   đồng chí", "Phát biểu tại hội nghị, đồng chí"),
    ("zero-width", "cán\u200b bộ", "cán bộ"),
    ("crlf", "dòng một\r\ndòng hai", "dòng một\ndòng hai"),
    ("trailing-space", "dòng một \n dòng hai", "dòng một\ndòng hai"),
]


@pytest.mark.parametrize(("raw", "clean"), [(r, c) for _, r, c in NORMALIZATION],
                         ids=[i for i, _, _ in NORMALIZATION])
def test_normalize_text(raw, clean):
    assert normalize_text(raw) == clean


HEADERS = [
    # name, title, published, site, author, url
    ("000_4c0cdf51f6810542.txt",
     "Xây dựng đội ngũ cán bộ Quận 1 “vừa hồng, vừa chuyên”, đáp ứng yêu cầu phát triển của quận.",
     None, None, None, None),
    ("001_905dcb978e2025ae.txt", "Tập trung xây dựng và nâng cao chất lượng đội ngũ cán bộ các cấp",
     "2024-05-02T16:09", "HNP", "Vương Vân", "https://hanoi.gov.vn/"),
    ("002_06001e6bfcacbfc5.txt",
     "Nâng cao chất lượng công tác quy hoạch, đào tạo, bồi dưỡng và bố trí cán bộ lãnh đạo, quản lý",
     "2020-10-15T11:03", None, "ĐỖ OANH", None),
    ("003_70db1e8be4fd53e9.txt", "Nâng cao chất lượng cán bộ", "2017-12-29T09:09", "ĐBP",
     "Mạnh Thắng", None),
    ("004_e2d8ea056707d73a.txt", "Ban Tổ chức Tỉnh ủy tổ chức hội thảo về công tác cán bộ",
     "2021-01-14T07:57", "QBĐT", "Hiền Chi", None),
]


@pytest.mark.parametrize("row", HEADERS, ids=[f"seed-{h[0][:3]}" for h in HEADERS])
def test_seed_header_metadata(row):
    name, title, published, site, author, url = row
    article = seed_article(name)
    assert (article.title, article.published, article.site, article.author, article.url) == \
        (title, published, site, author, url)


@pytest.mark.parametrize("name", seed_names())
def test_seed_sentences_index_the_text(name):
    article = seed_article(name)
    assert article.sentences
    for sentence in article.sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text
        assert "\n" not in sentence.text  # sentences never cross paragraphs


@pytest.mark.parametrize("name", seed_names())
def test_seed_text_is_clean(name):
    text = seed_article(name).text
    assert "\u00d0" not in text and "\u00a0" not in text and "  " not in text
    for chrome in ("Lượt xem", "Đang online", "Lượt truy cập", "QR Code", "Tin khác", "Bình luận",
                   "In bài viết", "Print", "Về đầu trang", "Hiển thị thời tiêt", "Fanpage",
                   "Tiện ích thông tin", "rx online"):
        assert chrome not in text


def test_chrome_yields_no_figure():
    """Seeds 001 and 002 end in chrome (visitor counters, QR widgets): none of it is a figure."""
    for name in ("001_905dcb978e2025ae.txt", "002_06001e6bfcacbfc5.txt"):
        article = seed_article(name)
        for sf in figures_of(article):
            assert sf.figure.value not in (630, 9168, 650772, 60919342, 88)


def test_photo_credit_moves_to_photographer():
    article = seed_article("003_70db1e8be4fd53e9.txt")
    assert article.photographer == "Huyền Lâm"
    assert "Ảnh:" not in article.text
    assert "xã Thanh Hưng giải quyết thủ tục hành chính" in article.text  # the caption stays


def test_own_page_with_every_kind_of_chrome():
    page = "\n".join([
        "TIN KINH TẾ",
        "Huyện A hoàn thành kế hoạch thu ngân sách",
        "09:09 - Thứ Sáu, 29/12/2017 Lượt xem: 823 In bài viết",
        "ABC - Năm 2017, huyện thu ngân sách đạt 125 tỷ đồng, vượt 8% dự toán.",
        "anh-hoi-nghi_01.jpg",
        "Ảnh màn hình 2024 05 15 lúc 14.17.09.png",
        "![Huyện C giải ngân 90% vốn năm 2025](/file/abc/1799-01_2025.jpg?width=400&height=-)",
        "![]() |",
        "Trang đầu 1 2 Trang sau Trang cuối",
        "14",
        "Nguyễn Văn Bình",
        "(Nguồn: https://example.gov.vn/bai-viet)",
        # a script or picture printed as base64
        "VOG7lW5nIHPhu5EgMTIuMzQ1IGjhu5ksIDY3OCBuZ8aw4budaTsgVOG7lW5nIHPhu5EgMTIuMzQ1IGjhu5ksIDY3OCBuZ8aw4budaTsgVOG7lW5nIHPhu5EgMTIuMzQ1IGjhu5ksIDY3OCBuZ8aw4budaTsgVOG7lW5nIHPhu5EgMTIuMzQ1IGjhu5ksIDY3OCBuZ8aw",
        "Tin khác",
        "Huyện B thu hút 300 doanh nghiệp",
        "Đang online: 630",
    ])
    article = build_article("page.txt", "page.txt", page)
    assert article.title == "Huyện A hoàn thành kế hoạch thu ngân sách"
    assert article.published == "2017-12-29T09:09"
    assert article.site == "ABC"
    assert article.author == "Nguyễn Văn Bình"
    assert article.url == "https://example.gov.vn/bai-viet"
    assert [sf.figure.value for sf in figures_of(article)] == [125e9, 8]


def test_a_sites_seasonal_banner_is_chrome_and_gives_no_year():
    """"Mừng Đảng mừng Xuân 2026" over an undated story is the site's banner:
    its year is not the article's, and the story's days stay without one."""
    page = "\n".join([
        "Mừng Đảng mừng Xuân 2026",
        "Bão làm 7 người thương vong",
        "Ngày 15/9, bão số 10 làm tốc mái 500 nhà.",
    ])
    article = build_article("page.txt", "page.txt", page)
    assert "2026" not in article.text
    result = extract_article(article)
    assert [(d.text, d.date_start) for _, d in result.dates] == [("Ngày 15/9", "--09-15")]


def test_a_story_credit_closes_the_story():
    """"Tin và ảnh: NAME" near the page's end: the author, and the teaser of another story after it is cut."""
    page = "\n".join([
        "Du lịch tăng mạnh",
        "10/05/2021 09:31",
        "Tháng 4, khách du lịch đến tỉnh đạt 517.050 lượt, tăng 38,4% so với tháng 3.",
        "Tổng thu từ du lịch đạt khoảng 474 tỷ đồng.",
        "Tin và ảnh: THỦY TIÊN",
        "(KGO) - Chiều 25-11, đoàn công tác làm việc về tình hình kinh tế - xã hội 10 tháng năm 2024.",
    ])
    article = build_article("page.txt", "page.txt", page)
    assert article.author == "THỦY TIÊN"
    assert "đoàn công tác" not in article.text and "474 tỷ đồng" in article.text


def test_a_story_credit_early_on_the_page_cuts_nothing():
    page = "\n".join(["Du lịch tăng mạnh", "10/05/2021 09:31", "Bài và ảnh: THỦY TIÊN",
                      "Tháng 4, khách du lịch đến tỉnh đạt 517.050 lượt.", "Tổng thu đạt 474 tỷ đồng.",
                      "Doanh thu lưu trú đạt 120 tỷ đồng.", "Công suất phòng đạt 60%."])
    article = build_article("page.txt", "page.txt", page)
    assert "Công suất phòng đạt 60%" in article.text and "517.050" in article.text


BAD_BYTES = [
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("cp1258", "Hà Nam".encode("latin-1"), "not valid UTF-8"),
    ("empty", b"  \n ", "empty file"),
]


@pytest.mark.parametrize(("data", "reason"), [(d, r) for _, d, r in BAD_BYTES],
                         ids=[i for i, _, _ in BAD_BYTES])
def test_unreadable_bytes_say_why(data, reason):
    with pytest.raises(ValueError, match=reason):
        decode(data)


def test_bom_is_tolerated():
    assert decode("\ufeffHà Nội".encode("utf-8")) == "Hà Nội"


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("TP. Bạc Liêu kết nạp 700 đảng viên; TX. Giá Rai là 750 đảng viên. Tỉnh đạt chỉ tiêu.",
     ["TP. Bạc Liêu kết nạp 700 đảng viên; TX. Giá Rai là 750 đảng viên.", "Tỉnh đạt chỉ tiêu."]),
    ("Phát biểu tại hội thảo, ThS. Nguyễn Văn An cho biết tỷ lệ đạt 95%. Hội thảo bế mạc.",
     ["Phát biểu tại hội thảo, ThS. Nguyễn Văn An cho biết tỷ lệ đạt 95%.", "Hội thảo bế mạc."]),
], ids=["rule-abbreviated-town", "rule-academic-title"])
def test_abbreviation_dots_end_no_sentence(paragraph, expected):
    from vnstats.corpus.clean import split_sentences

    assert [paragraph[a:b] for a, b in split_sentences(paragraph)] == expected


def test_related_stories_after_the_byline_are_not_the_article():
    page = ("Thu hoạch lúa xuân\n\n"
            "Toàn tỉnh đã thu hoạch được trên 15.000 ha lúa xuân, năng suất ước đạt 71 tạ/ha, tăng nhẹ so với vụ trước.\n"
            "Mai Liên\n"
            "Sáng 20.11, Quốc hội bắt đầu đợt 2 của Kỳ họp thứ 8, tiếp tục thảo luận nhiều dự án luật...\n"
            "Chiều 17.11, đoàn giám sát của Ủy ban Văn hóa, Giáo dục của Quốc hội do...\n"
            "Sáng 14.11, đoàn giám sát của Ủy ban Văn hóa có mặt tại")
    article = build_article("p.txt", "p.txt", page)
    assert article.author == "Mai Liên"
    assert "Quốc hội" not in article.text


def test_other_stories_heading_under_a_long_title_does_not_cut_the_body():
    """A "Các tin khác" box between a long title and the body ends no body."""
    page = ("Tỉnh A được bầu 50 đại biểu Hội đồng nhân dân tỉnh nhiệm kỳ 2021 - 2026\n"
            "Các tin khác\n"
            "Tỉnh A được bầu 50 đại biểu HĐND tỉnh (23/02/2021)\n"
            "Toàn tỉnh có 15 đơn vị bầu cử đại biểu HĐND tỉnh; huyện B có 02 đơn vị bầu cử, được bầu 06 đại biểu.\n\n"
            "Thống kê truy cập\n\nĐang truy cập: 12\n")
    article = build_article("p.txt", "p.txt", page)
    assert "15 đơn vị bầu cử" in article.text
    assert "Đang truy cập" not in article.text


def test_body_paragraphs_ending_in_an_ellipsis_stay():
    page = ("Kỳ họp HĐND huyện\n\n"
            "Các đại biểu thông qua nghị quyết về phương hướng nhiệm vụ năm 2023, kế hoạch đầu tư công 2023…\n"
            "Phát biểu kết luận, ông Hoàng Văn Dinh, Chủ tịch HĐND huyện nhấn mạnh nhiều nhiệm vụ trọng tâm…\n"
            "TRÚC GIANG")
    article = build_article("p.txt", "p.txt", page)
    assert "Hoàng Văn Dinh" in article.text and "năm 2023" in article.text


# A header line holding nothing but a date: the publication date where no
# line with a time or marker is found, otherwise a site's date stamp (chrome).
BARE_DATE_HEADERS = [
    ("date-under-title", ["Huyện A vượt kế hoạch thu ngân sách", "07/10/2011", "Năm 2011, huyện thu 12 tỷ đồng."],
     "Huyện A vượt kế hoạch thu ngân sách", "2011-10-07"),
    ("weekday-date", ["Xã B có 30 đảng viên mới", "Thứ Hai, 05/03/2018", "Năm 2017, xã kết nạp 30 đảng viên mới."],
     "Xã B có 30 đảng viên mới", "2018-03-05"),
    ("site-stamp-above-real-dateline",
     ["rssheader", "22/09/2021", "Tỉnh C kỷ luật 8 tổ chức đảng", "Lan Anh - 04/06/2021, 15:13 GMT+07",
      "Tỉnh C hiện có 42.000 đảng viên."], "Tỉnh C kỷ luật 8 tổ chức đảng", "2021-06-04T15:13"),
]


@pytest.mark.parametrize(("lines", "title", "published"), [(l, t, p) for _, l, t, p in BARE_DATE_HEADERS],
                         ids=[r[0] for r in BARE_DATE_HEADERS])
def test_bare_date_line_is_the_page_date(lines, title, published):
    article = build_article("page.txt", "page.txt", "\n".join(lines))
    assert (article.title, article.published) == (title, published)
    stamps = [line for line in lines if line[-4:].isdigit()]
    assert stamps and not any(stamp in article.text for stamp in stamps)   # no date of the article


# A bare date is weak evidence: where every year the text names lies three or
# more years before it, it is the clock of the day the page was saved.
BARE_DATE_CLOCKS = [
    ("clock-over-an-old-report", ["15/06/2024", "Huyện D thu ngân sách 6 tháng đạt 20 tỷ đồng",
                                  "Sáu tháng năm 2019, huyện D thu 20 tỷ đồng, tăng 5% so với năm 2018."], None),
    ("clock-under-the-title", ["Xã E có 30 đảng viên mới", "07/10/2014", "Năm 2011, xã kết nạp 30 đảng viên mới."],
     None),
    ("no-year-named-keeps-the-date", ["Huyện D thu ngân sách 6 tháng đạt 20 tỷ đồng", "15/06/2024",
                                      "Sáu tháng đầu năm, huyện D thu 20 tỷ đồng, tăng 5% so với cùng kỳ."],
     "2024-06-15"),
    ("two-years-before-keeps-the-date", ["Xã F có 12 đảng viên mới", "20/01/2024",
                                         "Năm 2022, xã kết nạp 12 đảng viên mới."], "2024-01-20"),
]


@pytest.mark.parametrize(("lines", "published"), [(l, p) for _, l, p in BARE_DATE_CLOCKS],
                         ids=[r[0] for r in BARE_DATE_CLOCKS])
def test_a_bare_date_long_after_every_year_named_is_a_clock(lines, published):
    article = build_article("page.txt", "page.txt", "\n".join(lines))
    assert article.published == published
    assert not any(line in article.text for line in lines if line[-4:].isdigit())


def test_a_timed_date_line_beats_the_sites_clock_above_the_title():
    page = ("HOTLINE: 0900.000.000 Thứ ba, ngày 15/12/2016\n"
            "Tỷ lệ bao phủ bảo hiểm y tế đạt 80%\n"
            "09/11/2018 | 11:08 GMT+7\n"
            "Tính đến cuối tháng 9, toàn tỉnh có 610.930 người tham gia bảo hiểm y tế, chiếm 80% dân số.\n")
    article = build_article("page.txt", "page.txt", page)
    assert (article.published, article.title) == ("2018-11-09T11:08", "Tỷ lệ bao phủ bảo hiểm y tế đạt 80%")
    assert "15/12/2016" not in article.text



def test_a_timed_clock_opening_the_page_gives_way_to_the_date_line_under_the_title():
    page = ("Thứ Hai, 25/11/2024 17:49 (GMT +7)\n\n"
            "Tháng 2: Kim ngạch xuất khẩu tỉnh A giảm 24%\n\n"
            "Thứ 3, 15/03/2016 | 08:30 [GMT +7]\n\n"
            "Tổng mức bán lẻ hàng hóa trong tháng 2/2016 ước tính hơn 5.000 tỷ đồng, tăng gần 15% so với tháng trước.\n")
    article = build_article("page.txt", "page.txt", page)
    assert (article.published, article.title) == ("2016-03-15T08:30", "Tháng 2: Kim ngạch xuất khẩu tỉnh A giảm 24%")
    assert "25/11/2024" not in article.text


def test_a_marked_date_line_under_a_long_masthead_dates_the_page():
    masthead = "".join(f"  • MỤC {n}:\n    Nội dung {n}\n" for n in range(6))
    page = (masthead + "Xuất khẩu thủy sản tăng mạnh\n\n(Cập nhật: 18/06/2021)\n"
            "Trong các tháng đầu năm nay, kim ngạch xuất khẩu thủy sản của tỉnh đã đạt 200 triệu USD, "
            "tăng 12% so với cùng kỳ năm trước, theo ước tính của hiệp hội ngành hàng.\n")
    article = build_article("page.txt", "page.txt", page)
    assert (article.published, article.title) == ("2021-06-18", "Xuất khẩu thủy sản tăng mạnh")
    # the same line after the first paragraph of prose is the article's, not the page's
    late = page.replace("(Cập nhật: 18/06/2021)\n", "") + "\n(Cập nhật: 18/06/2021)\n"
    assert build_article("page.txt", "page.txt", late).published is None


WRITTEN_DATE_HEADERS = [
    ("month-in-words", "Tỉnh D dẫn đầu về tăng trưởng\n\nThứ Tư, 29 Tháng Mười Một, 2023 32 lượt xem\n\n"
                       "Năm 2023, tốc độ tăng trưởng của tỉnh D ước đạt 13,45%.",
     "Tỉnh D dẫn đầu về tăng trưởng", "2023-11-29"),
    ("month-twelve-in-words", "Xã E có 30 đảng viên mới\nChủ nhật, 3 tháng mười hai, 2017\n"
                              "Năm 2017, xã E kết nạp 30 đảng viên mới.", "Xã E có 30 đảng viên mới", "2017-12-03"),
    ("month-number-after-thang", "Huyện F thu ngân sách vượt dự toán\nThứ Hai, 5 tháng 3, 2018\n"
                                 "Năm 2017, huyện F thu 120 tỷ đồng.", "Huyện F thu ngân sách vượt dự toán", "2018-03-05"),
    ("date-closing-the-title", "Tỉnh G: Sản lượng thủy sản 5 tháng tăng 10% (29-05-2019)\n\n"
                               "5 tháng đầu năm 2019, sản lượng thủy sản của tỉnh G đạt 26.772 tấn.",
     "Tỉnh G: Sản lượng thủy sản 5 tháng tăng 10%", "2019-05-29"),
]


@pytest.mark.parametrize(("page", "title", "published"), [(p, t, d) for _, p, t, d in WRITTEN_DATE_HEADERS],
                         ids=[r[0] for r in WRITTEN_DATE_HEADERS])
def test_date_lines_written_other_ways_are_the_page_date(page, title, published):
    article = build_article("page.txt", "page.txt", page)
    assert (article.title, article.published) == (title, published)
    assert not any(d.text[:2].isdigit() and d.date_start == published for _, d in extract_article(article).dates)


def test_a_title_date_does_not_beat_a_date_line():
    page = "Tỉnh H: Thu ngân sách tăng (02-01-2019)\nNgày đăng 05/01/2019 | 08:00\nNăm 2018, tỉnh H thu 5.000 tỷ đồng."
    assert build_article("page.txt", "page.txt", page).published == "2019-01-05T08:00"


def test_lines_broken_inside_a_sentence_are_one_paragraph():
    page = ("Đồng Nai thu ngân sách đạt khá\nNgày đăng 02/01/2025 | 08:00\n"
            "Tổng thu ngân sách nhà nước đạt khoảng 58.486 tỷ đồng, đạt tỷ\n"
            "lệ 83% dự toán Thủ tướng Chính phủ giao và 79% dự toán Hội đồng\n"
            "nhân dân tỉnh giao.\n"
            "Năm 2025, tỉnh phấn đấu tăng trưởng 10%.\n"
            "Thu nội địa đạt 40.000 tỷ đồng")
    article = build_article("page.txt", "page.txt", page)
    assert [s.text for s in article.sentences] == [
        "Đồng Nai thu ngân sách đạt khá",
        "Tổng thu ngân sách nhà nước đạt khoảng 58.486 tỷ đồng, đạt tỷ lệ 83% dự toán Thủ tướng Chính phủ giao "
        "và 79% dự toán Hội đồng nhân dân tỉnh giao.",
        "Năm 2025, tỉnh phấn đấu tăng trưởng 10%.",
        "Thu nội địa đạt 40.000 tỷ đồng"]
    assert len({s.paragraph for s in article.sentences}) == 4
