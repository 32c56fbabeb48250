"""Dates and periods: text -> (start, end, granularity), against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from vnstats.extract.dates import extract_dates

PUBLISHED = date(2024, 5, 2)

# id, sentence, expected [(text, start, end, granularity)]
DATES = [
    ("seed-style-full-date", "Ngày 24/10/2017, Quận ủy tổ chức hội nghị.",
     [("Ngày 24/10/2017", "2017-10-24", "2017-10-24", "day")]),
    ("rule-dashes", "Hội nghị diễn ra ngày 24-10-2017.", [("ngày 24-10-2017", "2017-10-24", "2017-10-24", "day")]),
    ("rule-dots", "Văn bản ký ngày 24.10.2017.", [("ngày 24.10.2017", "2017-10-24", "2017-10-24", "day")]),
    ("rule-words", "Ngày 21 tháng 9 năm 2025, xã khánh thành trường.",
     [("Ngày 21 tháng 9 năm 2025", "2025-09-21", "2025-09-21", "day")]),
    ("rule-day-month-resolved", "Sáng 2/5, Ban Chấp hành họp.", [("Sáng 2/5", "2024-05-02", "2024-05-02", "day")]),
    ("rule-afternoon-dash", "Chiều ngày 13-1, đoàn công tác làm việc.",
     [("Chiều ngày 13-1", "2024-01-13", "2024-01-13", "day")]),
    ("rule-last-december-is-last-year", "Ngày 28/12, tỉnh tổng kết năm.",
     [("Ngày 28/12", "2023-12-28", "2023-12-28", "day")]),
    ("rule-month-year", "Trong tháng 6/2025, tỉnh tổ chức nhiều hoạt động.",
     [("tháng 6/2025", "2025-06", "2025-06", "month")]),
    ("rule-month-this-year", "Đến tháng 6 năm nay, dự án hoàn thành.",
     [("tháng 6 năm nay", "2024-06", "2024-06", "month")]),
    ("rule-quarter", "Trong quý I/2024, thu ngân sách tăng.", [("quý I/2024", "2024-01", "2024-03", "quarter")]),
    ("rule-half", "Kết quả 6 tháng đầu năm 2024 khả quan.",
     [("6 tháng đầu năm 2024", "2024-01", "2024-06", "half")]),
    ("rule-months-of-a-named-year", "6 tháng của năm 2014, tổng diện tích gieo trồng đạt 500 ha.",
     [("6 tháng của năm 2014", "2014-01", "2014-06", "half")]),
    ("rule-nine-months", "Sau 9 tháng, tỉnh thu được 5.000 tỷ đồng.", [("9 tháng", "2024-01", "2024-09", "period")]),
    ("rule-year", "Năm 2017, huyện có trên 3.200 cán bộ.", [("Năm 2017", "2017", "2017", "year")]),
    ("rule-this-year", "Năm nay, huyện phấn đấu đạt 100% kế hoạch.", [("Năm nay", "2024", "2024", "year")]),
    # FORMAT.md: a relative comparison base is the figure's compared_to, not a date
    ("not-last-year-same-period", "Tăng 12,4% so với cùng kỳ năm trước.", []),
    ("not-so-voi-nam-truoc", "Sản lượng cao hơn so với năm trước.", []),
    ("rule-day-dot", "Sáng 30.6, huyện tổ chức kỳ họp.", [("Sáng 30.6", "2024-06-30", "2024-06-30", "day")]),
    ("rule-day-today-word", "Sáng nay 11/7, hội nghị khai mạc.", [("Sáng nay 11/7", "2024-07-11", "2024-07-11", "day")]),
    ("rule-month-dot-year", "Tính đến tháng 11.2019, toàn tỉnh có 20 xã.",
     [("tháng 11.2019", "2019-11", "2019-11", "month")]),
    ("rule-range-two-dates", "Từ ngày 08/8/2023 đến ngày 29/9/2023, các chi bộ tổ chức đại hội.",
     [("Từ ngày 08/8/2023 đến ngày 29/9/2023", "2023-08-08", "2023-09-29", "period")]),
    ("rule-range-days-of-month", "Từ ngày 3-7/11, mưa lớn kéo dài.",
     [("Từ ngày 3-7/11", "2023-11-03", "2023-11-07", "period")]),
    ("rule-range-hours", "Từ 7h ngày 10/3 đến 7h ngày 11/3, lượng mưa đạt 120mm.",
     [("Từ 7h ngày 10/3 đến 7h ngày 11/3", "2024-03-10", "2024-03-11", "period")]),
    ("rule-term", "Nghị quyết Đại hội nhiệm kỳ 2020-2025.", [("nhiệm kỳ 2020-2025", "2020", "2025", "period")]),
    ("rule-term-spaced", "Đại hội nhiệm kỳ 2021 – 2026 thành công.", [("nhiệm kỳ 2021 – 2026", "2021", "2026", "period")]),
    ("rule-stage", "Kế hoạch giai đoạn 2021–2025.", [("giai đoạn 2021–2025", "2021", "2025", "period")]),
    ("rule-from-to", "Từ năm 2010 đến 2017, huyện luân chuyển 44 cán bộ.",
     [("Từ năm 2010 đến 2017", "2010", "2017", "period")]),
    ("rule-until", "Phấn đấu đến năm 2030, 100% xã đạt chuẩn.", [("đến năm 2030", "2030", "2030", "year")]),
    ("rule-end-of-year", "Đến cuối năm 2023, tỉnh có 120 doanh nghiệp.", [("cuối năm 2023", "2023", "2023", "year")]),
    ("rule-quarter-older-spelling", "Họp báo thường kỳ quí 3 do UBND thành phố tổ chức.",
     [("quí 3", "2024-07", "2024-09", "quarter")]),
    # lunar dates, converted with the Vietnamese calendar (PUBLISHED is in 2024)
    ("rule-lunar-new-year-named", "Dịp Tết Nguyên đán Giáp Thìn, mùng 3 Tết có 500 khách.",
     [("Tết Nguyên đán Giáp Thìn", "2024-02-10", "2024-02-10", "day"), ("mùng 3 Tết", "2024-02-12", "2024-02-12", "day")]),
    ("rule-lunar-new-year-with-year", "Trước Tết Quý Mão năm 2023, tỉnh chi 10 tỷ đồng.",
     [("Tết Quý Mão năm 2023", "2023-01-22", "2023-01-22", "day")]),
    ("rule-lunar-vietnamese-not-chinese", "Tết Ất Sửu năm 1985 đến sớm.", [("Tết Ất Sửu năm 1985", "1985-01-21", "1985-01-21", "day")]),
    ("rule-lunar-twelfth-month", "Ngày 23 tháng Chạp, lễ tiễn ông Táo.", [("Ngày 23 tháng Chạp", "2024-02-02", "2024-02-02", "day")]),
    ("rule-lunar-marked", "Lễ hội diễn ra ngày 10 tháng 3 âm lịch.", [("ngày 10 tháng 3 âm lịch", "2024-04-18", "2024-04-18", "day")]),
    ("rule-lunar-full-moon", "Rằm tháng Giêng, chùa đông khách.", [("Rằm tháng Giêng", "2024-02-24", "2024-02-24", "day")]),
    ("rule-holiday-with-day", "Dịp nghỉ lễ Quốc khánh 2/9, lượng khách tăng.", [("lễ Quốc khánh 2/9", "2024-09-02", "2024-09-02", "day")]),
    ("rule-holiday-new-year", "Trong dịp Tết Dương lịch, tai nạn giảm.", [("Tết Dương lịch", "2024-01-01", "2024-01-01", "day")]),
    # a holiday named by its days is one period; two days read apart, joined by "đến", are one too
    ("rule-holiday-named-by-its-days", "Trong dịp lễ 30/4, 1/5, công an xử lý 200 trường hợp.",
     [("30/4, 1/5", "2024-04-30", "2024-05-01", "period")]),
    ("rule-holiday-days-joined-by-va", "Kỳ nghỉ lễ 30/4 và 1/5/2023 có 40 vụ tai nạn.",
     [("30/4 và 1/5/2023", "2023-04-30", "2023-05-01", "period")]),
    ("rule-lunar-days-as-a-range", "Trong 7 ngày nghỉ (từ 29 tháng Chạp đến mùng 5 Tết), chợ vẫn họp.",
     [("từ 29 tháng Chạp đến mùng 5 Tết", "2024-02-08", "2024-02-14", "period")]),
    ("rule-lunar-range-from-the-chap-before-a-named-tet", "Sau 8 ngày nghỉ (từ 27 tháng Chạp đến 9h mùng 5 Tết Nhâm Dần), tỉnh có 5 vụ.",
     [("từ 27 tháng Chạp đến 9h mùng 5 Tết Nhâm Dần", "2022-01-29", "2022-02-05", "period")]),
    ("rule-lunar-days-of-the-new-year-as-a-range", "Từ mùng 1-5 Tết Nguyên đán năm 2023, khách tăng 40%.",
     [("Từ mùng 1-5 Tết Nguyên đán năm 2023", "2023-01-22", "2023-01-26", "period")]),
    ("rule-lunar-days-of-the-new-year-den", "Từ mùng 2 đến mùng 6 Tết Giáp Thìn, chợ họp lại.",
     [("Từ mùng 2 đến mùng 6 Tết Giáp Thìn", "2024-02-11", "2024-02-15", "period")]),
    ("rule-two-lunar-days-of-the-new-year", "Trong hai ngày mồng 2 và mồng 3 Tết, đền đón 5.000 khách.",
     [("ngày mồng 2 và mồng 3 Tết", "2024-02-11", "2024-02-12", "period")]),
    ("rule-chap-before-a-named-tet-even-far-from-the-page", "Từ 28 tháng Chạp đến mùng 6 Tết Giáp Thìn, tỉnh có 5 vụ.",
     [("Từ 28 tháng Chạp đến mùng 6 Tết Giáp Thìn", "2024-02-07", "2024-02-15", "period")]),
    ("not-a-chap-day-apart-from-the-tet-day", "Ngày 23 tháng Chạp và mùng 2 Tết, chợ đông.",
     [("Ngày 23 tháng Chạp", "2024-02-02", "2024-02-02", "day"), ("mùng 2 Tết", "2024-02-11", "2024-02-11", "day")]),
    ("rule-lunar-day-to-a-solar-day", "Từ mùng 1 Tết đến hết ngày 20/2, khách tăng mạnh.",
     [("Từ mùng 1 Tết đến hết ngày 20/2", "2024-02-10", "2024-02-20", "period")]),
    # bare "Tết" as an occasion: the one nearest the page's date (PUBLISHED is May 2024)
    ("rule-bare-tet-as-an-occasion", "Dịp Tết, lượng khách đến tỉnh tăng.", [("Tết", "2024-02-10", "2024-02-10", "day")]),
    ("rule-bare-tet-after-nghi", "Trong những ngày nghỉ Tết, bệnh viện trực 24/24.", [("Tết", "2024-02-10", "2024-02-10", "day")]),
    ("not-a-wish-for-tet", "Chúc mọi nhà đón Tết vui tươi, đầm ấm.", []),
    ("not-the-mid-autumn-festival", "Dịp Tết Trung thu, trẻ em được tặng quà.", []),
    ("not-tree-planting-festival", "Dịp Tết trồng cây, huyện trồng 5.000 cây xanh.", []),
    ("rule-the-first-months-of-this-year", "Trong các tháng đầu năm nay, kim ngạch đạt 2 tỷ USD.",
     [("các tháng đầu năm nay", "2024-01", "2024-05", "period")]),
    ("rule-the-first-months-of-the-year-of-writing", "Những tháng đầu năm 2024, tai nạn giảm.",
     [("Những tháng đầu năm 2024", "2024-01", "2024-05", "period")]),
    ("rule-the-first-months-unsaid", "Trong những tháng đầu năm, tỉnh thu hút 5 dự án.",
     [("những tháng đầu năm", "2024-01", "2024-05", "period")]),
    ("rule-a-night-and-the-day-after", "Đêm 27 và ngày 28/4 có mưa to.", [("Đêm 27 và ngày 28/4", "2024-04-27", "2024-04-28", "period")]),
    ("rule-hours-of-two-days-of-one-month", "Lượng mưa từ 7 giờ ngày 26 đến 7 giờ ngày 27-7 phổ biến 50 mm.",
     [("từ 7 giờ ngày 26 đến 7 giờ ngày 27-7", "2024-07-26", "2024-07-27", "period")]),
    ("not-an-hour-and-minutes-as-a-day", "Từ 7 giờ 26 phút, mưa lớn.", []),
    ("rule-a-night-and-its-dawn", "Lũ quét xảy ra đêm 21 rạng sáng 22/4.", [("đêm 21 rạng sáng 22/4", "2024-04-21", "2024-04-22", "period")]),
    ("rule-the-past-24-hours", "Trong 24 giờ qua, tỉnh ghi nhận 714 ca.", [("24 giờ qua", "2024-05-01", "2024-05-02", "period")]),
    ("rule-the-past-48-hours-written-h", "48h qua, mưa lớn gây ngập.", [("48h qua", "2024-04-30", "2024-05-02", "period")]),
    ("rule-hours-on-end-are-no-period", "Lực lượng trực 24 giờ liên tục.", []),
    ("rule-years-from-to-the-end-of", "Từ năm 2016 đến hết năm 2019, tỉnh giảm 5.000 hộ nghèo.",
     [("Từ năm 2016 đến hết năm 2019", "2016", "2019", "period")]),
    ("rule-from-start-of-year-until-now", "Từ đầu năm đến nay, tỉnh ghi nhận 500 ca.", [("Từ đầu năm đến nay", "2024-01", "2024-05", "period")]),
    ("rule-from-year-until-now", "Từ năm 2004 đến nay, huyện kết nạp 500 đảng viên.", [("Từ năm 2004 đến nay", "2004", "2024-05-02", "period")]),
    ("rule-from-day-until-now", "Từ ngày 1-3 đến nay, tỉnh đã tổ chức 82 kỳ sát hạch.",
     [("Từ ngày 1-3 đến nay", "2024-03-01", "2024-05-02", "period")]),
    ("rule-from-day-last-year-until-now", "Tính từ ngày 15/12 đến nay, toàn tỉnh xảy ra 40 vụ.",
     [("từ ngày 15/12 đến nay", "2023-12-15", "2024-05-02", "period")]),
    ("rule-from-dated-day-until-now", "Từ ngày 20/4/2024 đến nay, có 12 ca.",
     [("Từ ngày 20/4/2024 đến nay", "2024-04-20", "2024-05-02", "period")]),
    ("rule-today-in-brackets", "Hôm nay (1/7), các tỉnh mới đi vào hoạt động.", [("Hôm nay (1/7", "2024-07-01", "2024-07-01", "day")]),
    ("rule-weekday", "Thứ Hai, 15/4, hội nghị khai mạc.", [("Thứ Hai, 15/4", "2024-04-15", "2024-04-15", "day")]),
    ("rule-months-in-words", "Sáu tháng đầu năm 2017, tỉnh thu hút 77 dự án.", [("Sáu tháng đầu năm 2017", "2017-01", "2017-06", "half")]),
    ("rule-crop-year-with-slash", "Niên vụ 2012/2013, sản lượng đạt 400.000 tấn.", [("Niên vụ 2012/2013", "2012", "2013", "period")]),
    ("rule-half-year", "Trong nửa đầu năm 2025, 9 địa phương tăng trưởng trên 10%.", [("nửa đầu năm 2025", "2025-01", "2025-06", "half")]),
    ("rule-half-month", "Đại hội diễn ra trong nửa đầu tháng 3/2020.", [("nửa đầu tháng 3/2020", "2020-03-01", "2020-03-15", "period")]),
    ("rule-day-range-part-of-day-at-end", "Hội chợ diễn ra từ ngày 17 đến chiều 23-8.", [("từ ngày 17 đến chiều 23-8", "2024-08-17", "2024-08-23", "period")]),
    ("rule-from-start-of-year-to-a-day", "Từ đầu năm đến ngày 20/10/2025, tỉnh ghi nhận 500 ca.", [("Từ đầu năm đến ngày 20/10/2025", "2025-01-01", "2025-10-20", "period")]),
    ("rule-from-start-of-month-to-a-day", "Từ đầu tháng 3 đến hết ngày 20/3, có 12 vụ cháy.", [("Từ đầu tháng 3 đến hết ngày 20/3", "2024-03-01", "2024-03-20", "period")]),
    ("rule-day-range-part-of-day-at-start", "Từ đêm 6 đến ngày 7/10/2023, mưa rất lớn.",
     [("Từ đêm 6 đến ngày 7/10/2023", "2023-10-06", "2023-10-07", "period")]),
    ("rule-two-days-each-with-a-part-of-day", "Từ chiều 28/10 đến sáng 29/10, mưa to.",
     [("Từ chiều 28/10 đến sáng 29/10", "2024-10-28", "2024-10-29", "period")]),
    ("rule-a-running-totals-months", "Mức thu lũy kế 10 tháng đã bằng 110% dự toán.",
     [("10 tháng", "2024-01", "2024-10", "period")]),
    ("rule-range-cut-short-is-no-year", "Ban chấp hành nhiệm kỳ 2011-2", []),
    ("rule-iso-week-with-year", "Đến tuần 8/2023, tỉnh ghi nhận 328 ca.", [("tuần 8/2023", "2023-02-20", "2023-02-26", "period")]),
    ("rule-iso-week-of-publication-year", "Trong tuần 30, cả nước ghi nhận 900 ca.", [("tuần 30", "2024-07-22", "2024-07-28", "period")]),
    ("rule-iso-weeks-range", "Số ca đạt đỉnh vào tuần 32-34.", [("tuần 32-34", "2024-08-05", "2024-08-25", "period")]),
    ("rule-week-of-a-month-is-no-iso-week", "Trong tuần 2 của tháng, có 5 ca.", []),
    ("rule-months-so-far-before-a-verb", "Kim ngạch xuất khẩu 7 tháng đạt 3,2 tỷ USD.", [("7 tháng", "2024-01", "2024-07", "period")]),
    ("rule-months-so-far-cumulative", "Lũy kế 5 tháng đạt 14,8 tỷ USD.", [("5 tháng", "2024-01", "2024-05", "period")]),
    ("rule-duration-of-months-is-no-period", "Đợt nắng nóng kéo dài 3 tháng; chỉ số tăng 6 tháng liên tiếp.", []),
    ("rule-two-days-of-a-month", "Mưa lớn trong ngày 14 và ngày 15-10.", [("ngày 14 và ngày 15-10", "2024-10-14", "2024-10-15", "period")]),
    ("rule-month-of-year", "Số liệu tháng 6 của năm 2013 tăng.", [("tháng 6 của năm 2013", "2013-06", "2013-06", "month")]),
    ("not-solar-month-name", "Thứ Tư, 29 Tháng Mười Một, trời mưa.", []),
    ("not-ratio", "Có 28/30 Bí thư không phải người địa phương.", []),
    ("not-ratio-of-counted-units-after-a-time", "Tính đến trưa nay, 12/12 xã biên giới đã bầu xong.", []),
    ("rule-day-word-right-before-a-counted-noun", "Sáng 2/5 người dân đổ về trung tâm.",
     [("Sáng 2/5", "2024-05-02", "2024-05-02", "day")]),
    ("rule-a-pair-of-months-is-one-period", "Trong tháng 8 và 9, mưa làm ngập 100 ha lúa.",
     [("tháng 8 và 9", "2024-08", "2024-09", "period")]),
    ("rule-a-span-of-months-with-its-year", "Từ tháng 3 - 5/2023, tỉnh thu 20 tỷ đồng.",
     [("Từ tháng 3 - 5/2023", "2023-03", "2023-05", "period")]),
    ("rule-a-span-of-months-written-out", "Từ tháng 1 đến tháng 9 năm 2023, tỉnh thu 20 tỷ đồng.",
     [("Từ tháng 1 đến tháng 9 năm 2023", "2023-01", "2023-09", "period")]),
    ("not-a-pair-the-second-number-counts", "Trong tháng 8 và 9 doanh nghiệp mới thành lập.",
     [("tháng 8", "2024-08", "2024-08", "month")]),
    ("not-a-pair-the-second-number-counts-months", "Tháng 8 và 9 tháng đầu năm, thu tăng.",
     [("Tháng 8", "2024-08", "2024-08", "month"), ("9 tháng đầu năm", "2024-01", "2024-09", "period")]),
    ("not-a-count-past-2050", "Học sinh giỏi là 386, và 2067 em đạt loại khá.", []),
    ("not-percent", "Tỷ lệ đạt 65,67% và 12,5%.", []),
    ("not-counts", "Có 3.200 cán bộ và 2.020 đảng viên.", []),
    ("not-document-number", "Thực hiện Nghị quyết số 15/2024/NQ-HĐND.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), [(s, e) for _, s, e in DATES], ids=[i for i, _, _ in DATES])
def test_dates_of_sentence(sentence, expected):
    found = extract_dates(sentence, 0, PUBLISHED)
    assert [(d.text, d.date_start, d.date_end, d.granularity) for d in found] == expected


def test_without_publication_date_keeps_what_the_text_gives():
    found = extract_dates("Sáng 2/5, năm nay và năm 2017, hội nghị họp trong tháng 9.", 0, None)
    assert [(d.text, d.date_start) for d in found] == [("Sáng 2/5", "--05-02"), ("năm 2017", "2017"), ("tháng 9", "--09")]


# Without a page date, a lunar year's name ("Đinh Dậu") is the latest such
# year up to next year: the sixty-year cycle falls in the era of the archive.
UNDATED_LUNAR_YEARS = [
    ("rule-lunar-year-named-on-an-undated-page", "Trong 7 ngày Tết Đinh Dậu, 200 người chết.",
     [("Tết Đinh Dậu", "2017-01-28")]),
    ("rule-lunar-day-of-a-named-year-on-an-undated-page", "Mùng 3 Tết Giáp Thìn, chợ hoa đông khách.",
     [("Mùng 3 Tết Giáp Thìn", "2024-02-12")]),
    ("rule-lunar-year-of-the-last-cycle", "Tết Mậu Thân là mốc lịch sử.", [("Tết Mậu Thân", "1968-01-29")]),
]


@pytest.mark.parametrize(("sentence", "expected"), [(s, e) for _, s, e in UNDATED_LUNAR_YEARS],
                         ids=[i for i, _, _ in UNDATED_LUNAR_YEARS])
def test_a_named_lunar_year_needs_no_page_date(sentence, expected):
    assert [(d.text, d.date_start) for d in extract_dates(sentence, 0, None)] == expected


def test_a_named_lunar_year_sets_an_undated_articles_year():
    from vnstats.extract.dates import reference_date
    sentences = ["Trong 7 ngày Tết Đinh Dậu (từ 26.1 - 1.2), số vụ tai nạn tăng.",
                 "So với Tết Nguyên đán 2016, số người chết tăng 21 người."]
    mentions = [m for s in sentences for m in extract_dates(s, 0, None)]
    assert reference_date(mentions) == date(2017, 12, 31)


YEARLESS_PERIODS = [
    ("rule-months-of-year-without-any-year", "7 tháng đầu năm, toàn tỉnh xuất khẩu 82.000 tấn.",
     [("7 tháng đầu năm", "--01", "--07")]),
    ("rule-quarter-without-any-year", "Quý II, doanh thu đạt 5 tỷ đồng.", [("Quý II", "--04", "--06")]),
    ("rule-half-year-without-any-year", "Trong nửa cuối năm, tỉnh thu hút 12 dự án.", [("nửa cuối năm", "--07", "--12")]),
    ("rule-a-pair-of-months-without-any-year", "Trong tháng 8 và 9, mưa làm ngập 100 ha lúa.",
     [("tháng 8 và 9", "--08", "--09")]),
    ("rule-this-year-needs-a-year", "6 tháng đầu năm nay, thu ngân sách đạt 5 tỷ đồng.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), [(s, e) for _, s, e in YEARLESS_PERIODS],
                         ids=[i for i, _, _ in YEARLESS_PERIODS])
def test_periods_without_any_year_keep_their_months(sentence, expected):
    assert [(d.text, d.date_start, d.date_end) for d in extract_dates(sentence, 0, None)] == expected


def test_bare_tet_needs_the_page_date_not_a_stand_in():
    """Which Tết a bare "dịp Tết" is, on a page that does not say when it was
    written, is a guess: the year the article makes clear may be the Tết before."""
    assert extract_dates("Dịp Tết, lượng khách đến tỉnh tăng.", 0, date(2024, 12, 31), stand_in=True) == []


def test_until_now_needs_the_page_date_not_a_stand_in():
    assert extract_dates("Từ đầu năm đến nay, có 500 ca.", 0, date(2022, 12, 31), stand_in=True) == []


def test_offsets_index_the_text():
    text = "Ngày 24/10/2017 và quý I/2024"
    for d in extract_dates(text, 100, PUBLISHED):
        assert text[d.start - 100:d.end - 100] == d.text


# the year an undated article makes clear: (sentences, expected stand-in date)
REFERENCES = [
    ("rule-one-year-named", ["Năm 2019, huyện thu ngân sách 200 tỷ đồng."], date(2019, 12, 31)),
    ("rule-turn-of-year", ["Kết quả năm 2022 khả quan.", "Nhiệm vụ năm 2023 được thông qua."], date(2023, 3, 31)),
    ("rule-deadline-not-the-year", ["Năm 2021 đạt 80%.", "Phấn đấu đến năm 2030 đạt 100%."], date(2021, 12, 31)),
    ("rule-only-a-term", ["Đại biểu HĐND nhiệm kỳ 2021-2026."], date(2021, 12, 31)),
    ("rule-latest-term", ["Nhiệm kỳ 2020-2025, Đảng bộ đạt nhiều kết quả.", "Đại hội nhiệm kỳ 2025-2030 thành công."], date(2025, 12, 31)),
    ("not-nothing-named", ["Sáng 2/5, hội nghị khai mạc."], None),
    ("rule-comparison-base-is-last-year", ["Thu ngân sách bằng 140% cùng kỳ năm 2023."], date(2024, 12, 31)),
    ("rule-comparison-base-bare-year-after-cung-ky", ["Từ đầu năm đến ngày 15/8, tỉnh thu hút 895 triệu USD, tăng 196% so với cùng kỳ 2020."],
     date(2021, 12, 31)),
    ("rule-comparison-base-bare-year-spelt-ki", ["Xuất khẩu tăng 12% so cùng kì 2018."], date(2019, 12, 31)),
    ("rule-comparison-base-bare-year-after-a-season", ["Tính đến ngày 21/8, lúa Hè Thu đạt lợi nhuận cao hơn so với vụ Hè Thu 2022."],
     date(2023, 12, 31)),
    ("rule-earlier-value-in-brackets-is-a-base", ["Ngày 17-7, Bộ công bố điểm thi năm 2024.",
                                                  "Tỷ lệ đỗ đạt 98,3% (năm 2023 là 96,61%)."], date(2024, 12, 31)),
    ("not-a-season-span-as-a-base", ["Vụ Đông Xuân 2022 - 2023 đạt 500 tấn."], date(2022, 12, 31)),
    ("not-a-bare-year-without-cung-ky", ["Tỉnh có 895 dự án, trong đó 40 dự án cấp phép 2020."], date(2020, 12, 31)),
    ("rule-base-beside-named-year", ["Năm 2015 tăng 12% so với năm 2014."], date(2015, 12, 31)),   # a base is no turn of the year
    ("not-turn-of-year-from-a-base", ["Thực hiện Quyết định ngày 28-8-2018, ngày 27-11 huyện kết nạp 200 đảng viên, tăng 5 so với năm 2017."],
     date(2018, 12, 31)),
    ("rule-reporting-period-names-the-year", ["Lũ năm 2020 cao hơn.", "Thiệt hại trong 9 tháng đầu năm 2022 lớn."],
     date(2022, 12, 31)),
    ("not-turn-of-year-from-days", ["Tháng 10/2018, tỉnh kỷ luật ông A.", "Ngày 21/8/2019, cơ quan khởi tố."], date(2019, 12, 31)),
    ("not-birth-years", ["Sáng nay, 19/10, xe do Nguyễn Văn A (sinh năm 1978) điều khiển."], None),
    ("rule-base-a-few-words-after-so-voi", ["Năm nay tỷ lệ tốt nghiệp cao hơn 4% so với kết quả thi năm 2011."],
     date(2012, 12, 31)),
    ("not-a-plans-year", ["Thu ngân sách đạt 95% so với kế hoạch năm 2025."], date(2025, 12, 31)),
    ("not-a-bare-year-a-plan-runs-to", ["Ngày 6/8, hội nghị xúc tiến đầu tư năm 2016 khai mạc.",
                                        "Đến 2020, khu công nghiệp sẽ mở rộng thêm 150ha."], date(2016, 12, 31)),
    ("not-a-year-a-plan-is-expected-in", ["Năm 2024, tỉnh khởi công cầu Rạch Miễu 2.",
                                          "Cầu dự kiến sẽ hoàn thành và thông xe trong năm 2026."], date(2024, 12, 31)),
    ("not-a-year-aimed-at", ["Năm 2025, tỉnh tăng trưởng 7%.",
                             "Tỉnh hướng tới trở thành thành phố trực thuộc Trung ương vào năm 2035."], date(2025, 12, 31)),
    ("not-a-year-a-place-is-to-become", ["Năm 2022, huyện có 12 xã đạt chuẩn.",
                                         "Huyện trở thành thị xã vào năm 2025."], date(2022, 12, 31)),
    ("not-birth-years-abbreviated", ["Chiều 5/9, xe tải tông xe máy.", "Người chết là anh Lê Văn A (SN 1987)."], None),
    ("not-a-documents-issue-day-beside-a-term", ["Chiều 2-10, Đại hội Đảng bộ tỉnh nhiệm kỳ 2025 - 2030 khai mạc.",
                                                 "Theo Quyết định số 190-QĐ/TW, ngày 10-10-2024 của Trung ương."],
     date(2025, 12, 31)),
    ("rule-a-documents-issue-day-where-nothing-else-gives-a-year",
     ["Chiều 5/3, huyện triển khai Quyết định số 15/QĐ-UBND, ngày 10-1-2024 của UBND tỉnh."], date(2024, 12, 31)),
    ("rule-a-month-a-total-runs-to-is-reported", ["Năm 2024, tỉnh xây 500 nhà.",
                                                  "Đến hết tháng 8/2025, tỉnh xóa xong nhà tạm."], date(2025, 12, 31)),
    ("rule-a-year-spoken-of-as-over-is-before-the-writing",
     ["Ngày 20/5, tỉnh sơ kết 3 năm xây dựng nông thôn mới.", "Đến hết năm 2016, tỉnh có 30 xã đạt chuẩn."],
     date(2017, 12, 31)),
    ("rule-a-year-just-past", ["Năm 2019 vừa qua, huyện thu ngân sách 300 tỷ đồng."], date(2020, 12, 31)),
    ("not-a-year-planned-to-its-end", ["Huyện phấn đấu đến hết năm 2016 có 30 xã đạt chuẩn."], date(2016, 12, 31)),
    ("rule-a-school-years-summer-is-its-second-year",
     ["Kỳ thi vào lớp 10 năm học 2022 - 2023 diễn ra ngày 10 và 11/6."], date(2023, 12, 31)),
    ("rule-a-school-year-alone-is-written-in-its-second-year",
     ["Năm học 2016 - 2017, tỉnh có 58% học sinh dự thi đạt giải."], date(2017, 12, 31)),
    ("rule-a-school-years-autumn-is-its-first-year",
     ["Sáng 5/9, các trường khai giảng năm học 2024 - 2025."], date(2024, 12, 31)),
    ("not-a-school-year-a-term-of-two-years", ["Nhiệm kỳ 2021 - 2026, huyện có 12 xã."], date(2021, 12, 31)),
]


@pytest.mark.parametrize(("sentences", "expected"), [(s, e) for _, s, e in REFERENCES],
                         ids=[i for i, _, _ in REFERENCES])
def test_reference_date_of_undated_article(sentences, expected):
    from vnstats.extract.dates import (birth_years, comparison_base_years, completed_years, deadline_years,
                                       issue_date_years, reference_date)

    mentions = [m for s in sentences for m in extract_dates(s, 0, None)]
    assert reference_date(mentions, [y for s in sentences for y in comparison_base_years(s) + completed_years(s)],
                          [y for s in sentences for y in birth_years(s) + deadline_years(s)],
                          [y for s in sentences for y in issue_date_years(s)]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ngày 19/12, HĐND huyện họp.", "2022-12-19"),   # late in the year: the year reviewed
    ("Ngày 6/1, UBND huyện họp.", "2023-01-06"),     # early: the year planned
])
def test_turn_of_year_days(text, expected):
    (mention,) = extract_dates(text, 0, date(2023, 3, 31))
    assert mention.date_start == expected


# a text that speaks of a unit the 2025 reorganization ended as former was written after it
FORMER_UNITS = [
    ("rule-former-province-in-brackets", "Hợp nhất Đảng bộ tỉnh Quảng Bình và Đảng bộ tỉnh Quảng Trị (cũ).", date(2025, 7, 1)),
    ("rule-former-province-bare", "Riêng khu vực tỉnh Kon Tum cũ đạt 2.000 tỉ đồng.", date(2025, 7, 1)),
    ("rule-former-district", "Xã Ia Rsai thuộc huyện Krông Pa (cũ) có 120 hộ nghèo.", date(2025, 7, 1)),
    ("rule-province-before", "Khu vực 1 (Bình Dương trước đây) xảy ra 397 vụ.", date(2025, 7, 1)),
    ("not-province-ended-before-2010", "Vùng Hà Tây (cũ) nay thuộc Hà Nội.", None),
    ("not-an-old-building", "Trụ sở cũ của UBND huyện được sửa chữa.", None),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FORMER_UNITS], ids=[i for i, _, _ in FORMER_UNITS])
def test_reorganized_after(text, expected):
    from vnstats.extract.localities import reorganized_after
    assert reorganized_after([text]) == expected


def test_undated_page_naming_a_former_province_reads_its_days_after_the_merger():
    from vnstats.corpus.clean import build_article
    from vnstats.extract import extract_article
    page = ("Thành lập Đảng bộ các cơ quan Đảng tỉnh\n"
            "Chiều nay 1/7, Ban Thường vụ Tỉnh ủy Quảng Trị tổ chức hội nghị công bố các quyết định.\n"
            "Đảng bộ mới hợp nhất Đảng bộ các cơ quan Đảng tỉnh Quảng Bình (cũ) và tỉnh Quảng Trị (cũ), "
            "Ban Chấp hành nhiệm kỳ 2020-2025 gồm 20 người.")
    result = extract_article(build_article("page.txt", "page.txt", page))
    assert [d.date_start for _, d in result.dates if d.text.startswith("Chiều")] == ["2025-07-01"]
