"""Where and when: each figure's place and period as a reader decides them
(labels/FORMAT.md), from sentences written for each rule."""

from __future__ import annotations

from datetime import date

import pytest

from vnstats.corpus.clean import build_article
from vnstats.extract import extract_article
from vnstats.extract.gazetteer import load
from vnstats.extract.localities import site_place


def links(page: str, url: str | None = None) -> list[tuple[str, str | None, str | None]]:
    """(figure text, where, when) for every figure of a page (saved from ``url``)."""
    result = extract_article(build_article("page.txt", "page.txt", page, {"url": url} if url else None))
    units = load().units
    out = []
    for sf, link in zip(result.figures, result.links):
        where = units[link.locality_id].name if link.locality_id else None
        when = None if link.date_start is None else (
            link.date_start if link.date_start == link.date_end else f"{link.date_start}/{link.date_end}")
        out.append((sf.figure.text, where, when))
    return out


DATED = "Tin kinh tế\nNgày đăng 02/05/2024 | 16:09\n"

LINKS = [
    ("rule-list-keys-before-their-figures",
     DATED + "Năm 2025, tăng trưởng của các tỉnh: Bình Phước tăng trưởng 7,1%; Tây Ninh 6,4%; Đồng Nai 6,0%.",
     [("7,1%", "Tỉnh Bình Phước", "2025"), ("6,4%", "Tỉnh Tây Ninh", "2025"), ("6,0%", "Tỉnh Đồng Nai", "2025")]),
    ("rule-bracketed-list-keys",
     DATED + "Năm 2023, một số tỉnh tăng cao như Bắc Giang (13,45%), Hải Phòng (10,34%).",
     [("13,45%", "Tỉnh Bắc Giang", "2023"), ("10,34%", "Thành phố Hải Phòng", "2023")]),
    ("rule-whole-country",
     DATED + "Tỉnh Nghệ An thu ngân sách đạt 20.000 tỷ đồng. Cả nước có 12 tỉnh đạt trên 100% dự toán.",
     [("20.000 tỷ đồng", "Tỉnh Nghệ An", "2024-05-02"), ("12 tỉnh", "Việt Nam", "2024-05-02"),
      ("trên 100%", "Việt Nam", "2024-05-02")]),
    ("rule-region-lies-in-the-country",
     DATED + "Lũ làm đồng bằng sông Cửu Long mất khoảng 6.000 ha lúa.",
     [("khoảng 6.000 ha", "Việt Nam", "2024-05-02")]),
    ("rule-scope-word-is-the-articles-province",
     DATED + "Huyện Hương Sơn được công nhận đạt chuẩn nông thôn mới.\n"
     "Về cấp xã, toàn tỉnh Hà Tĩnh có thêm 4 xã đạt chuẩn; toàn tỉnh có 150 xã đạt chuẩn.",
     [("4 xã", "Tỉnh Hà Tĩnh", "2024-05-02"), ("150 xã", "Tỉnh Hà Tĩnh", "2024-05-02")]),
    ("rule-place-opening-a-paragraph-governs-it",
     DATED + "Tỉnh Lào Cai tổ chức hội nghị sơ kết công tác giảm nghèo bền vững của các địa phương.\n"
     "Hội nghị đánh giá công tác giảm nghèo của các địa phương đạt nhiều kết quả quan trọng và toàn diện.\n"
     "Tại huyện Bảo Thắng, năm 2023 có 120 hộ thoát nghèo. Huyện còn 300 hộ nghèo.\n"
     "Toàn tỉnh Lào Cai còn 9.000 hộ nghèo.",
     [("120 hộ", "Huyện Bảo Thắng", "2023"), ("300 hộ nghèo", "Huyện Bảo Thắng", "2023"),
      ("9.000 hộ nghèo", "Tỉnh Lào Cai", "2024-05-02")]),
    ("rule-place-named-before-a-paragraphs-figures-governs-them",
     DATED + "Tỉnh Quảng Nam có 241 xã.\n"
     "Đoàn công tác đã làm việc với huyện Bắc Trà My. Huyện đã hoàn thành 12 công trình.",
     [("241 xã", "Tỉnh Quảng Nam", "2024-05-02"), ("12 công trình", "Huyện Bắc Trà My", "2024-05-02")]),
    ("rule-comparison-base-is-no-time",
     DATED + "Trong quý I/2024, thu ngân sách đạt 500 tỷ đồng, tăng 12% so với cùng kỳ năm 2023.",
     [("500 tỷ đồng", None, "2024-01/2024-03"), ("12%", None, "2024-01/2024-03")]),
    ("rule-bracketed-span-of-years-compared-with-is-no-time",
     DATED + "Giai đoạn 2016 - 2020, toàn tỉnh xảy ra 800 vụ tai nạn; so với cùng kỳ 5 năm (2011 - 2015) giảm 400 vụ.",
     [("800 vụ", None, "2016/2020"), ("400 vụ", None, "2016/2020")]),
    ("rule-period-opening-a-paragraph",
     DATED + "Huyện Mường Tè tổng kết công tác xây dựng Đảng và hệ thống chính trị của huyện.\n"
     "Năm 2023, huyện kết nạp 120 đảng viên. Huyện thành lập thêm 3 chi bộ.",
     [("120 đảng viên", "Huyện Mường Tè", "2023"), ("3 chi bộ", "Huyện Mường Tè", "2023")]),
    ("rule-articles-reporting-period",
     "Thu ngân sách 6 tháng đầu năm 2023 của tỉnh Cà Mau\nNgày đăng 11/07/2023 | 09:00\n"
     "Tỉnh Cà Mau vừa tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ thu ngân sách.\n"
     "Thu nội địa đạt 2.100 tỷ đồng.",
     [("2.100 tỷ đồng", "Tỉnh Cà Mau", "2023-01/2023-06")]),
    ("rule-target-takes-its-deadline",
     DATED + "Tỉnh Bình Định phấn đấu đến năm 2030 tỷ lệ đô thị hóa đạt 60%.",
     [("60%", "Tỉnh Bình Định", "2030")]),
    ("rule-a-year-aimed-at-is-no-time-of-the-article",
     "Tỉnh Hòa Bình sau hợp nhất\nTỉnh Hòa Bình đẩy mạnh phát triển kinh tế tập thể, hướng tới trở thành "
     "tỉnh khá của khu vực vào năm 2035.\n"
     "Năm 2024, tỉnh Hòa Bình có 200 hợp tác xã hoạt động hiệu quả trong nông nghiệp và dịch vụ.\n"
     "Toàn tỉnh có 150 trang trại chăn nuôi quy mô lớn đang hoạt động ổn định.",
     [("200 hợp tác xã", "Tỉnh Hòa Bình", "2024"), ("150 trang trại", "Tỉnh Hòa Bình", "2024")]),
    ("rule-now-on-an-undated-page-is-after-a-span-that-is-over",
     "Thủy sản Bến Tre phát triển\nNgành thủy sản tỉnh Bến Tre tăng trưởng trong giai đoạn 2006-2010 khoảng 14%, "
     "trong năm 2011 tăng 13%.\nTheo thống kê, hiện toàn tỉnh Bến Tre có tổng diện tích nuôi thủy sản 43.000 ha "
     "phục vụ chế biến và xuất khẩu.",
     [("43.000 ha", "Tỉnh Bến Tre", "2011")]),
    ("not-now-moved-out-of-a-school-year-under-way",
     "Giáo dục huyện Ba Tri\nNăm học 2017 - 2018, huyện Ba Tri hiện có 37 trường học ở các cấp, "
     "trong đó có nhiều trường đạt chuẩn quốc gia.",
     [("37 trường học", "Huyện Ba Tri", "2017/2018")]),
    ("rule-stock-at-a-time",
     DATED + "Tính đến hết tháng 6/2017, tỉnh Sơn La có 1.200 hợp tác xã.",
     [("1.200 hợp tác xã", "Tỉnh Sơn La", "2017-06")]),
    ("rule-undated-page-takes-the-first-time-it-states",
     "Huyện Krông Pắc bầu cử\nNgày 22/5/2016, cử tri huyện Krông Pắc đi bầu cử đại biểu Quốc hội.\n"
     "Huyện có 150.000 cử tri.",
     [("150.000 cử tri", "Huyện Krông Pắc", "2016-05-22")]),
    ("rule-until-now-from-the-leads-day",
     "TP Cần Thơ giảm tai nạn\nChiều 15-9-2025, Sở Xây dựng thành phố Cần Thơ cho biết, từ đầu năm đến nay "
     "xảy ra 120 vụ tai nạn giao thông.",
     [("120 vụ", "Thành phố Cần Thơ", "2025-01/2025-09")]),
    ("rule-a-long-headline-is-not-the-lead",
     "Hội nghị Ban Chấp hành Đảng bộ huyện Yên Thành lần thứ mười hai của nhiệm kỳ mới\n"
     "Ngày 6/1, Ban Chấp hành Đảng bộ huyện Yên Thành tổ chức hội nghị đánh giá kết quả năm 2022, "
     "bàn nhiệm vụ năm 2023.\nĐến nay, huyện Yên Thành có 45 sản phẩm OCOP.",
     [("45 sản phẩm", "Huyện Yên Thành", "2023-01-06")]),
    ("rule-a-scope-in-the-title-gives-the-articles-unit",
     DATED + "Toàn tỉnh có 120 xã đạt chuẩn nông thôn mới\n"
     "Theo Văn phòng Điều phối, đến nay có 120 xã đạt chuẩn.\n"
     "Huyện Krông Năng có 12 xã, huyện Ea Súp có 8 xã đạt chuẩn.",
     [("120 xã", "Tỉnh Đắk Lắk", "2024-05-02"), ("120 xã", "Tỉnh Đắk Lắk", "2024-05-02"),
      ("12 xã", "Huyện Krông Năng", "2024-05-02"), ("8 xã", "Huyện Ea Súp", "2024-05-02")]),
    ("rule-coordinated-provinces-are-no-one-province",
     DATED + "Lúa Thu Đông vùng đồng bằng sông Cửu Long\n"
     "Riêng hai tỉnh Kiên Giang và Hậu Giang có diện tích 180.000 ha.",
     [("180.000 ha", "Việt Nam", "2024-05-02")]),
    ("rule-a-day-something-began-is-not-the-articles-time",
     "Dịch tả lợn châu Phi ở Điện Biên\nNgày đăng 20/05/2019 | 10:00\n"
     "Tại Điện Biên, dịch tả lợn châu Phi được phát hiện lần đầu tại huyện Tuần Giáo từ ngày 4/3/2019, sau đó lan ra "
     "nhiều huyện khác của tỉnh.\n"
     "Tính đến ngày 11/5/2019, dịch đã xảy ra tại 1.560 hộ của tỉnh Điện Biên.\n"
     "Tỉnh Điện Biên đã tiêu hủy gần 4.600 con lợn.",
     [("1.560 hộ", "Tỉnh Điện Biên", "2019-05-11"), ("gần 4.600 con", "Tỉnh Điện Biên", "2019-05-11")]),
    ("rule-term-naming-a-body-is-no-time",
     "HĐND huyện Lộc Bình họp\nSáng 30/6/2021, HĐND huyện Lộc Bình tổ chức kỳ họp thứ nhất để bầu các chức danh chủ chốt.\n"
     "Tổng số đại biểu HĐND huyện Lộc Bình khóa XX, nhiệm kỳ 2021-2026 được bầu là 35 đại biểu.",
     [("35 đại biểu", "Huyện Lộc Bình", "2021-06-30")]),
    ("rule-figure-placed-in-a-term",
     DATED + "Huyện Phước Sơn tổng kết công tác kiểm tra, giám sát của Đảng bộ huyện trong thời gian qua.\n"
     "Ông A cho biết, trong nửa đầu nhiệm kỳ 2015-2020, huyện đã kiểm tra 13 tổ chức đảng.",
     [("13 tổ chức đảng", "Huyện Phước Sơn", "2015/2020")]),
    ("rule-school-year-is-a-period",
     DATED + "Năm học 2017-2018, tỉnh Tiền Giang có 12.000 học sinh lớp 12.",
     [("12.000 học sinh", "Tỉnh Tiền Giang", "2017/2018")]),
    ("rule-issue-date-of-a-document-is-no-time",
     DATED + "Thực hiện Kế hoạch số 55-KH/ĐU ngày 04/7/2023 của Đảng ủy xã Nông Thượng, 18 chi bộ đã tổ chức đại hội.",
     [("18 chi bộ", "Xã Nông Thượng", "2024-05-02")]),
    ("rule-effective-day-after-the-lead-governs",
     "Sắp xếp thôn, bản\nNgày đăng 26/12/2018 | 10:26\n"
     "HĐND tỉnh Yên Bái vừa ban hành Nghị quyết số 37/NQ-HĐND về việc sắp xếp lại thôn, bản, tổ dân phố.\n"
     "Theo Nghị quyết này, từ ngày 1/1/2019 sẽ sắp xếp lại các thôn, bản, tổ dân phố của 6 huyện.\n"
     "Huyện Trạm Tấu sắp xếp 69 thôn thành 57 thôn.",
     [("69 thôn", "Huyện Trạm Tấu", "2019-01-01"), ("57 thôn", "Huyện Trạm Tấu", "2019-01-01")]),
    ("rule-place-of-a-later-clause-is-not-an-earlier-figures",
     DATED + "Tỉnh Ninh Thuận kết nạp đảng viên mới\nNăm 2023, tỉnh Ninh Thuận có nhiều đảng bộ kết nạp vượt chỉ tiêu.\n"
     "Trong đó, Đảng bộ Công an tỉnh kết nạp 21 đảng viên mới; Đảng bộ huyện Ninh Phước kết nạp 52 đảng viên mới.",
     [("21 đảng viên", "Tỉnh Ninh Thuận", "2023"), ("52 đảng viên", "Huyện Ninh Phước", "2023")]),
    ("rule-scope-word-takes-the-paragraphs-province",
     DATED + "Kết quả thi tốt nghiệp của các tỉnh miền Trung năm 2024 được công bố hôm qua.\n"
     "Tại Quảng Bình, kỳ thi diễn ra an toàn. Tỷ lệ học sinh tốt nghiệp của tỉnh đạt 99,63%.",
     [("99,63%", "Tỉnh Quảng Bình", "2024")]),
    ("rule-coordinated-units-key-by-the-first",
     DATED + "Tỉnh An Giang có tỷ lệ cử tri đi bầu cao, trong đó huyện Thoại Sơn và Tri Tôn đạt 100% cử tri đi bầu.",
     [("100%", "Huyện Thoại Sơn", "2024-05-02")]),
    ("rule-ranking-in-the-country-is-no-place",
     DATED + "Sau sáp nhập, Lâm Đồng là tỉnh có diện tích lớn nhất cả nước với 24.233 km2.",
     [("24.233 km2", "Tỉnh Lâm Đồng", "2024-05-02")]),
    ("rule-in-the-month-and-cumulative",
     "Tình hình dịch bệnh tháng 10/2025\nNgày đăng 20/10/2025 | 09:00\n"
     "Bộ Y tế vừa công bố báo cáo tình hình dịch bệnh truyền nhiễm trên phạm vi cả nước.\n"
     "Bệnh tay chân miệng ghi nhận 12.663 ca mắc trong tháng. Lũy tích đến nay, cả nước có 58.538 ca mắc.",
     [("12.663 ca", "Việt Nam", "2025-10"), ("58.538 ca", "Việt Nam", "2025-01/2025-10")]),
    ("rule-paragraph-going-on-keeps-the-period",
     "Tai nạn giao thông\nNgày đăng 05/09/2022 | 09:00\n"
     "Ban An toàn giao thông tỉnh Gia Lai báo cáo tình hình tai nạn giao thông tháng 8 và 8 tháng đầu năm 2022.\n"
     "Theo thống kê, 8 tháng qua, tỉnh Gia Lai ghi nhận 223 vụ tai nạn giao thông.\n"
     "Trong đó, nhiều nhất là huyện Đak Đoa với 22 vụ.",
     [("223 vụ", "Tỉnh Gia Lai", "2022-01/2022-08"), ("22 vụ", "Huyện Đak Đoa", "2022-01/2022-08")]),
    ("rule-a-time-right-after-a-figure-is-its-own",
     DATED + "Năm 2015, kim ngạch xuất khẩu của tỉnh Thái Nguyên tăng từ 7,9 tỷ USD năm 2014 lên 15,9 tỷ USD.",
     [("7,9 tỷ USD", "Tỉnh Thái Nguyên", "2014"), ("15,9 tỷ USD", "Tỉnh Thái Nguyên", "2015")]),
    ("rule-the-period-of-a-figure-after-de",
     DATED + "Quý I/2024, GDP tăng 5,66%, thấp hơn tốc độ tăng 6,1% của quý I/2022.",
     [("5,66%", None, "2024-01/2024-03"), ("6,1%", None, "2022-01/2022-03")]),
    ("rule-a-price-base-year-is-no-time",
     DATED + "6 tháng đầu năm 2024, GRDP tỉnh Bắc Ninh ước đạt 41.000 tỷ đồng (giá so sánh năm 2010).",
     [("ước đạt 41.000 tỷ đồng", "Tỉnh Bắc Ninh", "2024-01/2024-06")]),
    ("rule-a-price-base-year-reckoned-is-no-time",
     "Giá trị sản xuất công nghiệp tăng\n"
     "Giá trị sản xuất công nghiệp (tính theo giá so sánh năm 2010) của tỉnh Bắc Kạn 9 tháng đầu năm 2015 "
     "ước đạt 650.000 triệu đồng.\nCông nghiệp khai thác ước đạt 240.000 triệu đồng.",
     [("ước đạt 650.000 triệu đồng", "Tỉnh Bắc Kạn", "2015-01/2015-09"),
      ("ước đạt 240.000 triệu đồng", "Tỉnh Bắc Kạn", "2015-01/2015-09")]),
    ("rule-a-running-total-the-lead-names-is-the-reports-period",
     "Tin kinh tế\nNgày đăng 05/08/2022 | 16:09\n"
     "Tháng 7/2022, kim ngạch xuất khẩu của tỉnh Đồng Nai đạt 700 triệu USD, đưa tổng kim ngạch 7 tháng qua "
     "đạt 4,7 tỷ USD.\nXuất khẩu gạo đạt 50 triệu USD; giá gạo bình quân 9.000 đồng/kg.",
     [("700 triệu USD", "Tỉnh Đồng Nai", "2022-07"), ("4,7 tỷ USD", "Tỉnh Đồng Nai", "2022-01/2022-07"),
      ("50 triệu USD", "Tỉnh Đồng Nai", "2022-01/2022-07"), ("9.000 đồng/kg", "Tỉnh Đồng Nai", "2022-07")]),
    ("not-an-average-over-the-months-is-no-running-total",
     "Tin kinh tế\nNgày đăng 28/06/2023 | 16:09\n"
     "Chỉ số giá tiêu dùng tháng 6/2023 của tỉnh Gia Lai tăng 0,3% so với tháng trước. CPI bình quân "
     "6 tháng đầu năm tăng 3,1% so với cùng kỳ.\nChỉ số nhóm giáo dục tăng 1,2%; nhóm giao thông giảm 0,8%.",
     [("0,3%", "Tỉnh Gia Lai", "2023-06"), ("3,1%", "Tỉnh Gia Lai", "2023-01/2023-06"),
      ("1,2%", "Tỉnh Gia Lai", "2023-06"), ("0,8%", "Tỉnh Gia Lai", "2023-06")]),
    ("rule-a-birth-year-is-no-time-of-a-figure",
     "Tin giao thông\nNgày đăng 04/09/2010 | 16:09\n"
     "Hồi 0 giờ 5 phút ngày 3-9, xe tải tông xe máy tại tỉnh Nam Định. Hậu quả, 2 người chết tại chỗ là "
     "Nguyễn Văn Thanh (SN 1987) và Lê Văn Bình (sinh năm 1990).",
     [("2 người", "Tỉnh Nam Định", "2010-09-03")]),
    ("rule-the-day-of-a-report-is-not-the-day-of-its-facts",
     "Lật xe khách ở Phú Thọ\n"
     "Sáng 16/7/2023, Ban An toàn giao thông huyện Tân Sơn cho biết đang điều tra vụ tai nạn.\n"
     "Khoảng 22 giờ tối 15/7/2023, xe khách bất ngờ bị lật tại xã Xuân Sơn.\n"
     "Vụ tai nạn làm 3 người chết.",
     [("3 người", "Tỉnh Phú Thọ", "2023-07-15")]),
    ("rule-now-on-an-undated-page-is-the-day-its-lead-writes",
     "Thu hút đầu tư ở Bắc Ninh\n"
     "Ngày 17/4, Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh cho biết quý I năm 2021 tỉnh thu hút 300 triệu USD vốn FDI.\n"
     "Hiện tỉnh có 1.100 dự án còn hiệu lực.",
     [("300 triệu USD", "Tỉnh Bắc Ninh", "2021-01/2021-03"), ("1.100 dự án", "Tỉnh Bắc Ninh", "2021-04-17")]),
    ("not-now-on-an-undated-monthly-report",
     "Kinh tế Bắc Ninh tháng 9\n"
     "Báo cáo tình hình kinh tế tháng 9 năm 2016 của tỉnh Bắc Ninh cho thấy vốn FDI tăng 5% so với tháng trước.\n"
     "Hiện tỉnh có 1.100 dự án còn hiệu lực.",
     [("5%", "Tỉnh Bắc Ninh", "2016-09"), ("1.100 dự án", "Tỉnh Bắc Ninh", "2016-09")]),
    ("rule-a-year-after-a-numbered-round-names-the-round",
     DATED + "Ngày 20/4, UBND tỉnh Bình Dương trao giấy chứng nhận đầu tư đợt 2 năm 2024 cho 12 dự án.",
     [("12 dự án", "Tỉnh Bình Dương", "2024-04-20")]),
    ("not-a-round-a-year-on-its-own",
     DATED + "Ngày 20/4, UBND tỉnh Bình Dương cho biết năm 2023 tỉnh thu hút 12 dự án.",
     [("12 dự án", "Tỉnh Bình Dương", "2023")]),
    ("rule-a-bracketed-place-right-after-a-figure-is-its-own",
     DATED + "Tỉnh Nam Định ghi nhận hai ca mắc sởi là một trẻ 23 tháng tuổi (ở huyện Xuân Trường) và một trẻ "
     "10 tháng tuổi (huyện Nam Trực).",
     [("hai ca", "Tỉnh Nam Định", "2024-05-02"), ("23 tháng tuổi", "Huyện Xuân Trường", "2024-05-02"),
      ("10 tháng tuổi", "Huyện Nam Trực", "2024-05-02")]),
    ("not-a-bracket-of-several-places",
     DATED + "Tỉnh Khánh Hòa còn 87 nhà dân (xã Diên Điền và xã Diên Sơn) bị ngập.\nTỉnh Nghệ An có 12/21 đơn vị "
     "(huyện Diễn Châu, Nghi Lộc) báo cáo thiệt hại.",
     [("87 nhà dân", "Tỉnh Khánh Hòa", "2024-05-02"), ("12/21 đơn vị", "Tỉnh Nghệ An", "2024-05-02")]),
    ("rule-the-day-of-a-report-dates-what-has-no-time",
     "Ngập ở Kỳ Sơn\n"
     "Ngày 18/8/2023, Chủ tịch UBND huyện Kỳ Sơn cho biết mưa lớn gây ngập cục bộ.\n"
     "Nước ngập sâu trên 1m, hơn 100 hộ dân phải di dời.",
     [("trên 1m", "Huyện Kỳ Sơn", "2023-08-18"), ("hơn 100 hộ dân", "Huyện Kỳ Sơn", "2023-08-18")]),
    ("rule-a-running-total-is-about-the-year-up-to-its-month",
     DATED + "Tính đến hết tháng 4, vốn FDI vào tỉnh Bắc Giang đạt 528 triệu USD.",
     [("528 triệu USD", "Tỉnh Bắc Giang", "2024-01/2024-04")]),
    ("rule-a-running-total-up-to-a-week",
     DATED + "Đến tuần 8/2024, tỉnh Phú Yên ghi nhận 328 ca mắc sốt xuất huyết.",
     [("328 ca", "Tỉnh Phú Yên", "2024-01/2024-02-25")]),
    ("not-a-stock-at-the-end-of-a-month",
     DATED + "Đến hết tháng 4, tỉnh Bắc Giang có 459 doanh nghiệp FDI.",
     [("459 doanh nghiệp", "Tỉnh Bắc Giang", "2024-04")]),
    ("rule-a-place-in-the-figures-own-phrase",
     DATED + "Tại huyện Bình Sơn, lốc xoáy làm 8 nhà tốc mái. Lốc cũng khiến 11 nhà dân tại xã Bình Trung bị tốc mái.",
     [("8 nhà", "Huyện Bình Sơn", "2024-05-02"), ("11 nhà dân", "Xã Bình Trung", "2024-05-02")]),
    ("rule-places-after-each-item-of-a-list",
     DATED + "Tính đến trưa nay, 12/12 xã biên giới của huyện Đồng Văn; 3/3 xã biên giới của huyện Mèo Vạc đã bầu xong.",
     [("12/12 xã", "Huyện Đồng Văn", "2024-05-02"), ("3/3 xã", "Huyện Mèo Vạc", "2024-05-02")]),
    ("rule-the-year-a-multiple-is-of-is-no-time",
     DATED + "Năm 2011, giá trị sản xuất công nghiệp của tỉnh Ninh Bình đạt 13.000 tỷ đồng, gấp 42 lần năm 1992.",
     [("13.000 tỷ đồng", "Tỉnh Ninh Bình", "2011"), ("42 lần", "Tỉnh Ninh Bình", "2011")]),
    ("rule-the-value-of-a-comparison-base-is-of-its-year",
     DATED + "6 tháng đầu năm 2024, tỉnh Đồng Tháp ghi nhận 4.555 ca sốt xuất huyết, so với cùng kỳ năm 2023 "
             "(2.356 ca) tăng 93%.",
     [("4.555 ca", "Tỉnh Đồng Tháp", "2024-01/2024-06"), ("2.356 ca", "Tỉnh Đồng Tháp", "2023-01/2023-06"),
      ("93%", "Tỉnh Đồng Tháp", "2024-01/2024-06")]),
    ("rule-facility-lies-in-the-unit-it-is-named-after",
     DATED + "Tỉnh Bắc Ninh thành lập thêm khu công nghiệp mới trong năm 2024 để thu hút đầu tư.\n"
     "UBND tỉnh thành lập Khu công nghiệp Gia Bình, có diện tích gần 307 ha.",
     [("gần 307 ha", "Huyện Gia Bình", "2024")]),
    ("rule-now-is-the-day-of-writing",
     DATED + "6 tháng đầu năm 2024, tỉnh Cà Mau thu ngân sách đạt 3.000 tỷ đồng.\n"
     "Toàn tỉnh hiện có 1.200 chiếc tàu cá. Đến nay, tổng đàn bò đạt 12.000 con. "
     "Năm 2023 có 5 hợp tác xã, hiện còn 3 hợp tác xã.",
     [("3.000 tỷ đồng", "Tỉnh Cà Mau", "2024-01/2024-06"), ("1.200 chiếc", "Tỉnh Cà Mau", "2024-05-02"),
      ("12.000 con", "Tỉnh Cà Mau", "2024-05-02"), ("5 hợp tác xã", "Tỉnh Cà Mau", "2023"),
      ("3 hợp tác xã", "Tỉnh Cà Mau", "2024-05-02")]),
    ("rule-now-after-a-counted-phrase-only-says-which",
     DATED + "Năm 2023, huyện Bảo Yên sắp xếp 126 thôn hiện có thành 98 thôn. Huyện đã thực hiện 12 dự án.",
     [("126 thôn", "Huyện Bảo Yên", "2023"), ("98 thôn", "Huyện Bảo Yên", "2023"),
      ("12 dự án", "Huyện Bảo Yên", "2023")]),
    ("rule-the-past-term-is-the-one-before-the-new",
     DATED + "Đại hội Đảng bộ tỉnh Hà Nam nhiệm kỳ 2025-2030 khai mạc.\n"
     "Trong nhiệm kỳ qua, tỉnh Hà Nam hoàn thành 19/25 chỉ tiêu chủ yếu.",
     [("19/25 chỉ tiêu", "Tỉnh Hà Nam", "2020/2025")]),
    ("rule-the-past-term-is-the-named-one-once-ended",
     DATED + "Nhiệm kỳ 2016-2021 đã kết thúc.\nTrong nhiệm kỳ qua, HĐND tỉnh Hà Nam ban hành 240 nghị quyết.",
     [("240 nghị quyết", "Tỉnh Hà Nam", "2016/2021")]),
    ("rule-village-then-its-commune-in-the-figures-phrase",
     DATED + "Lũ làm tỉnh Nghệ An có 65 hộ dân xóm Hòa Lam, xã Hưng Hòa bị ngập; 11 nhà tại thôn 3, xã Hưng Tây bị tốc mái.",
     [("65 hộ dân", "Xã Hưng Hòa", "2024-05-02"), ("11 nhà", "Xã Hưng Tây", "2024-05-02")]),
    ("rule-a-commune-after-a-comma-keys-what-follows",
     DATED + "Huyện Nghi Lộc có 30 hộ bị ngập, xã Nghi Kim có 10 hộ.",
     [("30 hộ", "Huyện Nghi Lộc", "2024-05-02"), ("10 hộ", "Xã Nghi Kim", "2024-05-02")]),
    ("rule-a-named-unit-after-a-phrase-ending-in-a-bare-name",
     "Tin tức\nNgày đăng 02/08/2025 | 16:09\nSau khi sáp nhập với Bình Phước, tỉnh Đồng Nai mới có diện tích "
     "12.737 km² và dân số hơn 4,3 triệu người.",
     [("12.737 km²", "Tỉnh Đồng Nai", "2025-08-02"), ("hơn 4,3 triệu người", "Tỉnh Đồng Nai", "2025-08-02")]),
    ("rule-an-address-from-commune-to-province",
     DATED + "Tại thôn Đắc Lộc, Vĩnh Lương, thành phố Nha Trang, tỉnh Khánh Hòa, hai xe ôtô đâm nhau làm 2 người chết.",
     [("2 người", "Xã Vĩnh Lương", "2024-05-02")]),
    ("rule-two-provinces-joined-hold-no-one-province",
     DATED + "Hai tỉnh An Giang và Đồng Tháp có 229.868 ha lúa.",
     [("229.868 ha", "Việt Nam", "2024-05-02")]),
    ("rule-a-national-event-is-no-place",
     DATED + "Đoàn đại biểu Đảng bộ tỉnh Gia Lai dự Đại hội đại biểu toàn quốc lần thứ XIV của Đảng gồm 28 người.",
     [("28 người", "Tỉnh Gia Lai", "2024-05-02")]),
    ("rule-the-country-after-a-ranking-is-no-place",
     DATED + "Tỉnh Bắc Giang có tốc độ tăng trưởng cao nhất cả nước, đạt 13,45%.",
     [("13,45%", "Tỉnh Bắc Giang", "2024-05-02")]),
    ("rule-a-former-province-this-year-is-the-one-it-became",
     "Tin tức\nNgày đăng 20/09/2025 | 16:09\nTừ đầu năm đến nay, tỉnh Bình Dương cũ ghi nhận gần 2.700 ca sốt xuất huyết.",
     [("gần 2.700 ca", "Thành phố Hồ Chí Minh", "2025-01/2025-09")]),
    ("rule-a-former-province-before-the-merger-stays-itself",
     "Tin tức\nNgày đăng 20/09/2025 | 16:09\n6 tháng đầu năm 2025, tỉnh Hà Nam thu ngân sách 8.560 tỷ đồng.",
     [("8.560 tỷ đồng", "Tỉnh Hà Nam", "2025-01/2025-06")]),
    ("rule-a-target-set-before-the-merger-stays-the-old-units",
     DATED + "Tỉnh Bạc Liêu phấn đấu đến năm 2025 kết nạp ít nhất 7.000 đảng viên.",
     [("ít nhất 7.000 đảng viên", "Tỉnh Bạc Liêu", "2025")]),
    ("rule-a-period-spelled-out-in-brackets-governs-its-paragraph",
     DATED + "Trong năm 2023 (tính từ ngày 15-12-2022 đến 14-12-2023), tỉnh Nghệ An xảy ra 358 vụ tai nạn giao thông. "
     "So với cùng kỳ, giảm 8 vụ.",
     [("358 vụ", "Tỉnh Nghệ An", "2022-12-15/2023-12-14"), ("8 vụ", "Tỉnh Nghệ An", "2022-12-15/2023-12-14")]),
    ("rule-from-a-day-until-now",
     DATED + "Từ ngày 1-3 đến nay, tỉnh Lâm Đồng đã tổ chức 82 kỳ sát hạch.",
     [("82 kỳ", "Tỉnh Lâm Đồng", "2024-03-01/2024-05-02")]),
    ("rule-a-bare-year-after-constant-prices-is-the-price-base",
     DATED + "Năm 2023, GRDP tỉnh Khánh Hòa theo giá so sánh 2010 đạt 46.435 tỷ đồng.",
     [("46.435 tỷ đồng", "Tỉnh Khánh Hòa", "2023")]),
    ("rule-a-year-named-after-constant-prices-may-be-the-figures",
     DATED + "Tổng sản phẩm tỉnh Hòa Bình theo giá hiện hành năm 2011 đạt 16.771 tỷ đồng, "
     "theo giá so sánh năm 2015 đạt 18.416 tỷ đồng.",
     [("16.771 tỷ đồng", "Tỉnh Hòa Bình", "2011"), ("18.416 tỷ đồng", "Tỉnh Hòa Bình", "2015")]),
    ("rule-compared-with-spelled-so-sanh-voi",
     DATED + "Vụ xuân 2024, năng suất lúa tỉnh Nam Định (tỷ lệ so sánh với vụ xuân năm 2023) đạt 58,5 tạ/ha.",
     [("58,5 tạ/ha", "Tỉnh Nam Định", "2024")]),
    ("rule-price-base-abbreviated-gia-ss",
     DATED + "GRDP của tỉnh Thái Bình 6 tháng đầu năm 2024 (giá SS năm 2010) ước 30.000 tỷ đồng.",
     [("ước 30.000 tỷ đồng", "Tỉnh Thái Bình", "2024-01/2024-06")]),
    ("rule-the-past-24-hours-end-on-the-day-of-writing",
     DATED + "Trong 24 giờ qua, tỉnh Đồng Tháp ghi nhận thêm 120 ca mắc sốt xuất huyết.",
     [("120 ca", "Tỉnh Đồng Tháp", "2024-05-01/2024-05-02")]),
    ("rule-the-span-of-a-raised-total-is-not-the-articles-period",
     DATED + "Tỉnh Đồng Tháp ghi nhận thêm 120 ca mắc, nâng tổng số ca mắc từ ngày 1/3 đến nay lên 2.400 ca.\n\n"
     "Trong 24 giờ qua, có 40 ca ở huyện Cao Lãnh.\n\nCác địa phương có nhiều ca: thành phố Sa Đéc 30 ca.",
     [("120 ca", "Tỉnh Đồng Tháp", "2024-05-01/2024-05-02"),
      ("2.400 ca", "Tỉnh Đồng Tháp", "2024-03-01/2024-05-02"),
      ("40 ca", "Huyện Cao Lãnh", "2024-05-01/2024-05-02"),
      ("30 ca", "Thành phố Sa Đéc", "2024-05-01/2024-05-02")]),
    ("rule-the-first-paragraph-after-the-lead-gives-the-reports-period",
     DATED + "Tỉnh Bến Tre ghi nhận 500 ca sốt xuất huyết, tăng 20%.\n\n"
     "Theo Sở Y tế, trong 6 tháng đầu năm, toàn tỉnh có 2 ca tử vong.\n\nHuyện Ba Tri có 120 ca.",
     [("500 ca", "Tỉnh Bến Tre", "2024-01/2024-06"), ("20%", "Tỉnh Bến Tre", "2024-01/2024-06"),
      ("120 ca", "Huyện Ba Tri", "2024-01/2024-06")]),
    ("rule-items-that-go-on-break-down-the-figure-before-past-a-caption",
     DATED + "Trong 9 tháng năm 2023, sản xuất công nghiệp tỉnh Ninh Bình phục hồi chậm. "
     "Cụ thể, chỉ số IIP toàn tỉnh tháng 9 năm 2023 giảm 8,04% so với cùng tháng năm 2022.\n\n"
     "Công nhân làm việc tại khu công nghiệp (Ảnh: T.L)\n\n"
     "Trong đó, ngành khai khoáng tăng 31,65%, ngành điện giảm 7,45%.",
     [("31,65%", "Tỉnh Ninh Bình", "2023-09"), ("7,45%", "Tỉnh Ninh Bình", "2023-09")]),
    ("rule-items-that-go-on-take-a-time-set-since-the-last-figure",
     DATED + "Tỉnh Đồng Nai xảy ra 10 vụ tai nạn giao thông dịp lễ.\n\n"
     "Báo cáo tình hình trong bốn ngày nghỉ lễ (từ ngày 30-4 đến 1-5).\n\n"
     "Theo đó, toàn tỉnh xảy ra 10 vụ tai nạn giao thông, làm chết 6 người.",
     [("6 người", "Tỉnh Đồng Nai", "2024-04-30/2024-05-01")]),
    ("rule-units-listed-side-by-side-leave-the-reader-in-the-one-holding-them",
     DATED + "Năm 2023, Huyện ủy Lệ Thủy, Huyện ủy các huyện Tuyên Hóa, Bố Trạch (tỉnh Quảng Bình) đã kỷ luật 4 tổ chức đảng. "
     "Cùng thời gian, cấp ủy các cấp kỷ luật 30 đảng viên (khiển trách 20, cảnh cáo 10).",
     [("20", "Tỉnh Quảng Bình", "2023"), ("10", "Tỉnh Quảng Bình", "2023")]),
    ("rule-a-unit-named-in-passing-is-no-list",
     DATED + "Năm 2025, tỉnh Hưng Yên sau khi sáp nhập với Thái Bình đã thu hút 205 dự án. Trong đó, có 123 dự án trong nước.",
     [("123 dự án", "Tỉnh Hưng Yên", "2025")]),
    ("rule-a-figure-after-three-units-listed-is-the-province-holding-them",
     DATED + "Năm 2023, tỉnh Gia Lai có 8 địa phương giảm, trong đó các huyện Kông Chro, Ia Grai, TP. Pleiku, Đức Cơ "
     "có số người chết giảm từ 2 đến 9 người.",
     [("từ 2", "Tỉnh Gia Lai", "2023"), ("9 người", "Tỉnh Gia Lai", "2023")]),
    ("rule-two-units-coordinated-the-first-keys",
     DATED + "Năm 2023, huyện Thoại Sơn và Tri Tôn đạt 100% kế hoạch.",
     [("100%", "Huyện Thoại Sơn", "2023")]),
    ("rule-a-unit-in-brackets-says-where-the-one-before-lies",
     DATED + "Năm 2023, tại xã Gia Phú (huyện Bảo Thắng), lốc xoáy làm tốc mái 12 nhà dân.",
     [("12 nhà dân", "Xã Gia Phú", "2023")]),
    ("rule-communes-listed-lie-in-the-district-named-after-them",
     DATED + "Năm 2023, lốc xoáy tại các xã Bình Sa, Bình Trung và Bình Hải (Thăng Bình) khiến 28 nhà dân bị tốc mái.",
     [("28 nhà dân", "Huyện Thăng Bình", "2023")]),
    ("rule-a-hospital-named-after-its-province-lies-in-it",
     DATED + "Tỉnh Khánh Hòa có 1.000 ca sốt xuất huyết, nhiều nhất ở thành phố Nha Trang. "
     "Tại Bệnh viện Bệnh Nhiệt đới Khánh Hòa đã ghi nhận 10 ca nặng.",
     [("10 ca", "Tỉnh Khánh Hòa", "2024-05-02")]),
    ("rule-a-breakdown-in-brackets-keys-only-its-own-figures",
     DATED + "Mưa lớn làm tỉnh Yên Bái có 113 nhà bị hư hại (Văn Yên 75 nhà, Trấn Yên 26 nhà, Văn Chấn 12 nhà); "
     "diện tích lúa bị ngập hơn 380 ha.",
     [("113 nhà", "Tỉnh Yên Bái", "2024-05-02"), ("75 nhà", "Huyện Văn Yên", "2024-05-02"),
      ("12 nhà", "Huyện Văn Chấn", "2024-05-02"), ("hơn 380 ha", "Tỉnh Yên Bái", "2024-05-02")]),
    ("rule-an-address-in-brackets-places-what-follows",
     DATED + "Vụ tai nạn trên tỉnh lộ 8 (xã Trung An, huyện Củ Chi) khiến 1 người tử vong.",
     [("1 người", "Xã Trung An", "2024-05-02")]),
    ("rule-a-persons-address-is-not-the-articles-unit",
     DATED + "Nạn nhân là chị Lò Thị M. sinh năm 1990, ở bản Lướt, xã Tú Lệ, huyện Văn Chấn.\n"
     "Mưa lớn gây thiệt hại nặng nề tại nhiều khu vực trong tỉnh Yên Bái từ đêm qua đến sáng nay.\n"
     "Toàn tỉnh có 40 nhà bị ngập.",
     [("40 nhà", "Tỉnh Yên Bái", "2024-05-02")]),
    ("rule-a-persons-address-after-sn-is-not-the-articles-unit",
     DATED + "Anh Nguyễn Văn K. (SN 1985, trú xã Ea Tir, huyện Ea H'leo) bị thương nặng.\n"
     "Trong tháng 3, tỉnh Đắk Lắk xảy ra nhiều vụ tai nạn giao thông nghiêm trọng trên các tuyến quốc lộ.\n"
     "Lực lượng chức năng đã xử lý 1.200 trường hợp vi phạm.",
     [("1.200 trường hợp", "Tỉnh Đắk Lắk", "2024-03")]),
    ("rule-a-page-about-several-districts-alike-is-about-their-province",
     DATED + "Phát hiện ổ dịch sốt xuất huyết mới\n"
     "Trong tuần qua có 172 ca mắc sốt xuất huyết.\n"
     "Các ổ dịch ở TX Sông Cầu, huyện Tây Hòa và huyện Tuy An. TX Sông Cầu và huyện Tây Hòa đã phun thuốc.\n"
     "Trung tâm Kiểm soát bệnh tật tỉnh Phú Yên khuyến cáo người dân diệt lăng quăng.",
     [("172 ca", "Tỉnh Phú Yên", "2024-05-02")]),
    ("not-a-province-where-one-district-stands-out",
     DATED + "Tin giảm nghèo\nNăm qua có 120 hộ thoát nghèo.\n"
     "Huyện Tuy An giáp TX Sông Cầu và huyện Tây Hòa. Huyện Tuy An thuộc tỉnh Phú Yên.\n"
     "Huyện Tuy An đã hỗ trợ vốn cho hộ nghèo, như huyện Tuy An đã làm năm trước.",
     [("120 hộ", "Huyện Tuy An", "2024-05-02")]),
    ("rule-a-unit-ranked-within-its-province-is-the-place",
     DATED + "Tỉnh Quảng Trị giảm 5.000 hộ nghèo.\nXã Hướng Hiệp có hộ nghèo giảm nhiều nhất trên địa bàn tỉnh, giảm 87 hộ.",
     [("87 hộ", "Xã Hướng Hiệp", "2024-05-02")]),
    ("rule-an-earlier-years-value-in-brackets-is-of-that-year",
     DATED + "Năm 2024, tỷ lệ đỗ tốt nghiệp đạt 98,3% (năm 2023 là 96,6%); khối GDTX đạt 91,9% (năm 2023 là 85,6%).",
     [("98,3%", None, "2024"), ("96,6%", None, "2023"), ("91,9%", None, "2024"), ("85,6%", None, "2023")]),
    ("rule-compared-with-a-month-a-year-before-is-that-month-now",
     DATED + "Chỉ số IIP 4 tháng đầu năm 2024 tăng 9%. So với tháng 4/2023 thì chỉ số IIP giảm 3,5%.",
     [("9%", None, "2024-01/2024-04"), ("3,5%", None, "2024-04")]),
    ("not-a-month-compared-with-december-before",
     DATED + "Chỉ số giá tiêu dùng ước tăng 2,45% so với tháng 12/2023.",
     [("ước tăng 2,45%", None, "2024-05-02")]),
    # a holiday break whose days the article gives once is those days wherever it is named
    ("rule-holiday-break-named-with-its-days-governs-its-other-namings",
     "Tin giao thông\nNgày đăng 12/02/2024 | 16:09\n"
     "Trong 7 ngày nghỉ Tết, tỉnh Nghệ An xảy ra 9 vụ tai nạn giao thông.\n"
     "Cũng trong 7 ngày nghỉ Tết Giáp Thìn (từ 8/2 đến 14/2), công an tỉnh xử phạt 1.200 trường hợp vi phạm.\n"
     "Dịp Tết năm nay, lực lượng CSGT lập 300 chốt kiểm tra.",
     [("9 vụ", "Tỉnh Nghệ An", "2024-02-08/2024-02-14"), ("1.200 trường hợp", "Tỉnh Nghệ An", "2024-02-08/2024-02-14"),
      ("300 chốt", "Tỉnh Nghệ An", "2024-02-08/2024-02-14")]),
    ("rule-holiday-break-given-by-its-lunar-days",
     "Du lịch\nNgày đăng 12/02/2024 | 16:09\n"
     "Trong 7 ngày nghỉ Tết (29 tháng Chạp đến mùng 5 Tết), tỉnh Ninh Bình đón 300.000 lượt khách.\n"
     "Riêng Tràng An, trong 7 ngày nghỉ Tết đón 90.000 lượt khách.",
     [("300.000 lượt khách", "Tỉnh Ninh Bình", "2024-02-08/2024-02-14"),
      ("90.000 lượt khách", "Tỉnh Ninh Bình", "2024-02-08/2024-02-14")]),
    ("rule-holiday-break-counted-in-days-is-the-lunar-days-it-counts",
     "Du lịch\nNgày đăng 27/01/2023 | 16:09\n"
     "Trong 5 ngày nghỉ Tết Nguyên đán Quý Mão, tỉnh Quảng Ninh đón 650.000 lượt khách.\n"
     "Từ mùng 1-5 Tết, Vịnh Hạ Long đón khoảng 20.000 lượt khách.",
     [("650.000 lượt khách", "Tỉnh Quảng Ninh", "2023-01-22/2023-01-26"),
      ("khoảng 20.000 lượt khách", "Tỉnh Quảng Ninh", "2023-01-22/2023-01-26")]),
    ("not-a-period-of-other-days-than-the-break-counts",
     "Du lịch\nNgày đăng 27/01/2023 | 16:09\n"
     "Trong 7 ngày nghỉ Tết Quý Mão, tỉnh Quảng Ninh đón 650.000 lượt khách.\n"
     "Từ mùng 1-5 Tết, Vịnh Hạ Long đón khoảng 20.000 lượt khách.",
     [("650.000 lượt khách", "Tỉnh Quảng Ninh", "2023-01-22"),
      ("khoảng 20.000 lượt khách", "Tỉnh Quảng Ninh", "2023-01-22/2023-01-26")]),
    ("rule-holiday-named-by-its-days-governs-dip-le",
     "Giao thông\nNgày đăng 02/05/2024 | 16:09\n"
     "Trong dịp lễ 30/4, 1/5, công an tỉnh Bình Dương bố trí 270 tổ công tác.\n"
     "Trong dịp lễ, lực lượng CSGT tước 150 giấy phép lái xe.",
     [("270 tổ", "Tỉnh Bình Dương", "2024-04-30/2024-05-01"),
      ("150 giấy phép lái xe", "Tỉnh Bình Dương", "2024-04-30/2024-05-01")]),
    ("rule-holiday-break-compared-with-is-the-base",
     "Giao thông\nNgày đăng 12/02/2024 | 16:09\n"
     "Trong 7 ngày nghỉ Tết (từ 8/2 đến 14/2), tỉnh Nghệ An xảy ra 9 vụ tai nạn.\n"
     "So với 7 ngày nghỉ Tết Quý Mão 2023, số vụ giảm 3 vụ.",
     [("9 vụ", "Tỉnh Nghệ An", "2024-02-08/2024-02-14"), ("3 vụ", "Tỉnh Nghệ An", "2024-02-08/2024-02-14")]),
    ("rule-holiday-break-compared-with-is-no-time",
     "Giao thông\nNgày đăng 12/02/2024 | 16:09\n"
     "Tỉnh Nghệ An xảy ra 9 vụ tai nạn.\nSo với 7 ngày nghỉ Tết Quý Mão 2023, số vụ giảm 3 vụ.",
     [("3 vụ", "Tỉnh Nghệ An", "2024-02-12")]),
    ("rule-first-days-of-a-holiday-compared-with-is-no-time",
     "Giao thông\nNgày đăng 12/02/2024 | 16:09\n"
     "Tỉnh Hà Tĩnh xảy ra 1 vụ tai nạn (so với 4 ngày đầu Tết Nguyên đán Quý Mão 2023 thì giảm 2 vụ).",
     [("1 vụ", "Tỉnh Hà Tĩnh", "2024-02-12"), ("2 vụ", "Tỉnh Hà Tĩnh", "2024-02-12")]),
    # a year named after the months a sentence opens with names whose capital: the figures stay the months'
    ("rule-a-year-naming-whose-capital-leaves-the-figures-the-months",
     DATED + "Trong 6 tháng đầu năm 2023, tỉnh Bắc Giang giải ngân 8.000 tỷ đồng vốn đầu tư công năm 2023, "
     "bằng 35,13% kế hoạch HĐND tỉnh giao (22.770 tỷ đồng).",
     [("8.000 tỷ đồng", "Tỉnh Bắc Giang", "2023-01/2023-06"), ("35,13%", "Tỉnh Bắc Giang", "2023-01/2023-06"),
      ("22.770 tỷ đồng", "Tỉnh Bắc Giang", "2023")]),
    ("not-the-months-an-estimate-for-the-whole-year",
     DATED + "Trong 10 tháng năm 2023, xuất khẩu của tỉnh Thái Nguyên đạt 25,5 tỷ USD, ước tính cả năm 2023 đạt 30 tỷ USD.",
     [("25,5 tỷ USD", "Tỉnh Thái Nguyên", "2023-01/2023-10"), ("30 tỷ USD", "Tỉnh Thái Nguyên", "2023")]),
    ("not-the-months-a-year-opening-its-own-clause",
     DATED + "Báo cáo tình hình 6 tháng đầu năm 2023 của tỉnh Hậu Giang cho biết, năm 2023, HĐND tỉnh đã thông qua 18 chỉ tiêu.",
     [("18 chỉ tiêu", "Tỉnh Hậu Giang", "2023")]),
    # the whole year named without its number ("cả năm") is the year of the article's period, unless a plan's
    ("rule-the-whole-year-named-without-its-number",
     DATED + "Trong 9 tháng năm 2025, GRDP tỉnh Bắc Ninh tăng 10,7%. Ước tính cả năm tỉnh Bắc Ninh tăng 11,5%.",
     [("10,7%", "Tỉnh Bắc Ninh", "2025-01/2025-09"), ("11,5%", "Tỉnh Bắc Ninh", "2025")]),
    ("not-the-whole-year-a-plan-of-it",
     DATED + "Trong 6 tháng đầu năm 2022, tỉnh Thanh Hóa thu ngân sách hơn 26 nghìn tỷ đồng, đạt 94% so với kế "
     "hoạch cả năm.",
     [("hơn 26 nghìn tỷ đồng", "Tỉnh Thanh Hóa", "2022-01/2022-06"), ("94%", "Tỉnh Thanh Hóa", "2022-01/2022-06")]),
    ("rule-a-years-plan-value-in-brackets-is-of-the-year",
     DATED + "Lũy kế 10 tháng năm 2025, tổng thu từ du lịch của tỉnh Lào Cai đạt 38.878 tỷ đồng, bằng 83,69% so với "
     "kế hoạch năm (46.455 tỷ đồng).",
     [("38.878 tỷ đồng", "Tỉnh Lào Cai", "2025-01/2025-10"), ("83,69%", "Tỉnh Lào Cai", "2025-01/2025-10"),
      ("46.455 tỷ đồng", "Tỉnh Lào Cai", "2025")]),
    # a month's figure, then the running total: "Tính chung 10 tháng" makes the figure before it October's
    ("rule-a-figure-before-the-running-total-is-of-its-last-month",
     "Kinh tế\nNgày đăng 13/11/2025 | 16:09\nTình hình kinh tế 10 tháng năm 2025 của tỉnh Gia Lai tiếp tục ổn định và "
     "có nhiều chuyển biến tích cực trên các lĩnh vực.\nSản xuất công nghiệp trên địa bàn tỉnh Gia Lai ổn định. "
     "Chỉ số IIP ước tăng 8,79% so với cùng kỳ. Tính chung 10 tháng năm 2025, chỉ số IIP ước tăng 9,7%.",
     [("ước tăng 8,79%", "Tỉnh Gia Lai", "2025-10"), ("ước tăng 9,7%", "Tỉnh Gia Lai", "2025-01/2025-10")]),
    ("rule-a-figure-before-a-clause-opening-with-the-running-total-is-of-its-last-month",
     "Kinh tế\nNgày đăng 02/06/2025 | 16:09\nQua 5 tháng đầu năm 2025, tình hình kinh tế - xã hội của tỉnh Bình Dương "
     "ghi nhận nhiều kết quả vượt trội so với cùng kỳ năm trước.\nKim ngạch xuất khẩu ước đạt gần 3,4 tỷ USD, tăng "
     "23,3% so với cùng kỳ; lũy kế 5 tháng đạt 14,8 tỷ USD.",
     [("gần 3,4 tỷ USD", "Tỉnh Bình Dương", "2025-05"), ("23,3%", "Tỉnh Bình Dương", "2025-05"),
      ("14,8 tỷ USD", "Tỉnh Bình Dương", "2025-01/2025-05")]),
    # a list item keyed by a name of its own (a school) lies in none of the places earlier items name
    ("rule-a-list-item-keyed-by-its-own-name-takes-no-earlier-items-place",
     "Hải Phòng giải ngân vốn đầu tư công\nNgày đăng 02/05/2024 | 16:09\nMột số đơn vị có tỷ lệ giải ngân cao, gồm: "
     "huyện Kiến Thụy (338/386 tỷ, đạt 87,57%); Trường Đại học Hải Phòng (41,5/51,9 tỷ, đạt 79,92%); "
     "huyện Cát Hải (205,5/275,9 tỷ, đạt 74,5%).",
     [("338/386 tỷ", "Huyện Kiến Thụy", "2024-05-02"), ("41,5/51,9 tỷ", "Thành phố Hải Phòng", "2024-05-02"),
      ("205,5/275,9 tỷ", "Huyện Cát Hải", "2024-05-02")]),
    # a lead that lists districts is about their province, not the first of them
    ("rule-a-lead-listing-districts-is-about-their-province",
     "Huy động học sinh ra lớp\nNgày đăng 05/09/2016 | 08:00\nNăm học 2016-2017, các huyện: Lộc Ninh, Hớn Quản, "
     "Chơn Thành đã vận động học sinh bỏ học trở lại lớp với nhiều cách làm hay.\n"
     "Toàn tỉnh có 245.178 học sinh theo học tại 481 trường.",
     [("245.178 học sinh", "Tỉnh Bình Phước", "2016/2017"), ("481 trường", "Tỉnh Bình Phước", "2016/2017")]),
    ("not-a-list-a-district-named-first-then-another",
     "Huy động học sinh ra lớp\nNgày đăng 05/09/2016 | 08:00\nNăm học 2016-2017, huyện Lộc Ninh đã vận động học "
     "sinh bỏ học trở lại lớp, cùng huyện Hớn Quản và nhiều địa phương khác.\nToàn huyện có 5.178 học sinh theo học.",
     [("5.178 học sinh", "Huyện Lộc Ninh", "2016/2017")]),
    # a bracket that holds figures of its own is an aside: its time is its figures' alone
    ("rule-a-bracketed-aside-keeps-its-time-to-itself",
     DATED + "Năm 2023, ngành công nghiệp tỉnh Ninh Thuận tăng 13,28% so với cùng kỳ, trong đó ngành khai khoáng "
     "tăng 60,3% (năm 2021 và năm 2022 ngành này giảm 33%), đóng góp 0,46 điểm phần trăm.",
     [("13,28%", "Tỉnh Ninh Thuận", "2023"), ("60,3%", "Tỉnh Ninh Thuận", "2023"),
      ("33%", "Tỉnh Ninh Thuận", "2022"), ("0,46 điểm phần trăm", "Tỉnh Ninh Thuận", "2023")]),
    ("not-an-aside-a-bracket-holding-only-the-figures-time",
     DATED + "Tỉnh Ninh Thuận thu ngân sách đạt 2.800 tỷ đồng (năm 2022) và 3.000 tỷ đồng (năm 2023).",
     [("2.800 tỷ đồng", "Tỉnh Ninh Thuận", "2022"), ("3.000 tỷ đồng", "Tỉnh Ninh Thuận", "2023")]),
    # a news lead's day ("Ngày 28-7, Sở Y tế cho biết") is when its facts were true, not the page's day
    ("rule-report-day-of-the-lead-is-the-time-of-its-facts",
     "Y tế\nNgày đăng 29/07/2020 | 08:50\n"
     "Ngày 28-7, Sở Y tế tỉnh Gia Lai cho biết trên địa bàn vừa ghi nhận thêm 2 trường hợp dương tính với bạch hầu. "
     "Như vậy, tính đến thời điểm hiện tại, tỉnh có 30 trường hợp dương tính.",
     [("2 trường hợp", "Tỉnh Gia Lai", "2020-07-28"), ("30 trường hợp", "Tỉnh Gia Lai", "2020-07-28")]),
    ("rule-report-day-of-an-undated-lead-before-a-time-further-down",
     "Mưa lũ gây thiệt hại lớn\n\n"
     "Ngày 12-11-2021, ông Nguyễn Văn An, Chánh Văn phòng Ban Chỉ huy phòng chống thiên tai tỉnh Quảng Ngãi cho biết, "
     "tỉnh bị thiệt hại 215 tỉ đồng do mưa lũ.\n\n"
     "Cụ thể, thiệt hại về nhà ở là 80 tỉ đồng; thiệt hại về giao thông là 95 tỉ đồng.\n\n"
     "Trước đó, trong hai ngày 6 và 7-11, mưa lớn làm ngập nhiều nơi.",
     [("215 tỉ đồng", "Tỉnh Quảng Ngãi", "2021-11-12"), ("80 tỉ đồng", "Tỉnh Quảng Ngãi", "2021-11-12"),
      ("95 tỉ đồng", "Tỉnh Quảng Ngãi", "2021-11-12")]),
    ("not-a-report-day-far-before-the-page",
     "Y tế\nNgày đăng 29/07/2020 | 08:50\n"
     "Ngày 2-7, Sở Y tế tỉnh Gia Lai cho biết trên địa bàn vừa ghi nhận thêm 2 trường hợp dương tính với bạch hầu.",
     [("2 trường hợp", "Tỉnh Gia Lai", "2020-07-29")]),
    ("rule-country-as-the-base-of-a-share-is-no-place",
     DATED + "Năm 2024, tỉnh Bắc Ninh thu hút 4,7 tỷ USD vốn FDI, chiếm 12,5% tổng vốn FDI của cả nước.",
     [("4,7 tỷ USD", "Tỉnh Bắc Ninh", "2024"), ("12,5%", "Tỉnh Bắc Ninh", "2024")]),
    ("rule-country-as-the-base-of-a-comparison-is-no-place",
     "Lạng Sơn tổ chức Đại hội\nNgày đăng 02/05/2024 | 16:09\nĐại hội Đảng bộ tỉnh Lạng Sơn khai mạc.\n\n"
     "Báo cáo chính trị cho thấy, GRDP giai đoạn 2021-2025 của tỉnh tăng bình quân 7,1%, cao hơn mức trung bình cả nước; "
     "thu ngân sách đạt 48.187 tỷ đồng.",
     [("7,1%", "Tỉnh Lạng Sơn", "2021/2025"), ("48.187 tỷ đồng", "Tỉnh Lạng Sơn", "2021/2025")]),
    ("not-a-base-the-countrys-own-figure-in-brackets",
     DATED + "Năm 2024, GRDP tỉnh Bắc Ninh tăng 6,1% (cả nước tăng 7,09%).",
     [("6,1%", "Tỉnh Bắc Ninh", "2024"), ("7,09%", "Việt Nam", "2024")]),
    ("rule-country-as-background-is-no-place",
     "Kinh tế\nNgày đăng 02/07/2020 | 16:09\n"
     "Trong bối cảnh khó khăn chung của cả nước, Hà Tĩnh thu chi ngân sách đảm bảo dự toán. "
     "Theo đó, thu ngân sách được 6.481 tỷ đồng.\nCũng như cả nước, tỉnh Nghệ An có 12 dự án chậm tiến độ.\n"
     "Cả nước có 63 tỉnh, thành phố.",
     [("6.481 tỷ đồng", "Tỉnh Hà Tĩnh", "2020-07-02"), ("12 dự án", "Tỉnh Nghệ An", "2020-07-02"),
      ("63 tỉnh, thành phố", "Việt Nam", "2020-07-02")]),
    ("rule-a-count-of-provinces-and-cities-is-about-the-country",
     "Tin\nNgày đăng 02/07/2025 | 16:09\nTỉnh Lâm Đồng mới có diện tích lớn nhất. Sau sáp nhập, còn 34 tỉnh, "
     "thành phố, trong đó có 6 thành phố trực thuộc Trung ương. Lâm Đồng có 124 xã, phường. Tỉnh có 3 thành phố.",
     [("34 tỉnh, thành phố", "Việt Nam", "2025-07-02"), ("6 thành phố", "Việt Nam", "2025-07-02"),
      ("124 xã, phường", "Tỉnh Lâm Đồng", "2025-07-02"), ("3 thành phố", "Tỉnh Lâm Đồng", "2025-07-02")]),
    ("not-the-provinces-merged-into-one",
     "Tin\nNgày đăng 02/07/2025 | 16:09\nTỉnh Phú Thọ mới được hợp nhất từ ba tỉnh Phú Thọ, Vĩnh Phúc, Hòa Bình.",
     [("ba tỉnh", "Tỉnh Phú Thọ", "2025-07-02")]),
    ("rule-the-country-in-brackets-is-the-country",
     "Tin\nNgày đăng 02/01/2020 | 16:09\nNăm 2019, chỉ số sản xuất công nghiệp của tỉnh Hải Dương tăng 24,2% "
     "(cả nước tăng 9,1%).",
     [("24,2%", "Tỉnh Hải Dương", "2019"), ("9,1%", "Việt Nam", "2019")]),
    ("rule-a-meetings-month-and-day-name-the-meeting-not-the-figures",
     "Kinh tế\nNgày đăng 09/10/2025 | 16:09\n9 tháng đầu năm 2025, tỉnh Ninh Bình tăng trưởng khá.\n"
     "Phiên họp thường kỳ tháng 9 của UBND tỉnh diễn ra ngày 7/10 cho thấy kinh tế khởi sắc. "
     "Quy mô nền kinh tế đạt 248.056 tỷ đồng.",
     [("248.056 tỷ đồng", "Tỉnh Ninh Bình", "2025-01/2025-09")]),
    ("rule-a-quarterly-conference-names-no-period",
     "Kinh tế\nNgày đăng 09/07/2024 | 16:09\n6 tháng đầu năm 2024, tỉnh Đắk Lắk ghi nhận 120 vụ tai nạn.\n"
     "Tại hội nghị giao ban quý II, Ban An toàn giao thông cho biết đã xử phạt 5.000 trường hợp.",
     [("120 vụ", "Tỉnh Đắk Lắk", "2024-01/2024-06"), ("5.000 trường hợp", "Tỉnh Đắk Lắk", "2024-01/2024-06")]),
    ("rule-a-breakdown-by-place-leaves-the-reader-in-none-of-them",
     "Du lịch\nNgày đăng 02/02/2023 | 16:09\nTháng 1/2023, tỉnh Lào Cai đón 661.880 lượt khách.\n"
     "Khách tập trung ở thị xã Sa Pa đón 282.500 lượt; thành phố Lào Cai đón 226.000 lượt; "
     "huyện Bảo Yên đón 238.000 lượt. Tổng thu từ du lịch ước đạt 2.405 tỷ đồng.",
     [("282.500 lượt", "Thị xã Sa Pa", "2023-01"), ("226.000 lượt", "Thành phố Lào Cai", "2023-01"),
      ("238.000 lượt", "Huyện Bảo Yên", "2023-01"), ("ước đạt 2.405 tỷ đồng", "Tỉnh Lào Cai", "2023-01")]),
    ("rule-from-then-until-now-is-a-period",
     DATED + "Từ đầu năm đến nay, tỉnh Lâm Đồng xảy ra 84 vụ tai nạn giao thông.",
     [("84 vụ", "Tỉnh Lâm Đồng", "2024-01/2024-05")]),
]


@pytest.mark.parametrize(("page", "expected"), [(p, e) for _, p, e in LINKS], ids=[i for i, _, _ in LINKS])
def test_where_and_when(page, expected):
    got = links(page)
    assert [g for g in got if g[0] in {e[0] for e in expected}] == expected


def test_an_undated_monthly_report_speaks_from_its_months_end():
    """"Từ đầu năm đến nay" on a page with no date line, whose lead names the
    month it reports on, is a date: January to that month."""
    page = ("Tình hình dịch bệnh\nTheo báo cáo công tác y tế tháng 8 năm 2024 của Sở Y tế tỉnh Đắk Lắk, trong tháng "
            "ghi nhận nhiều ca bệnh. Từ đầu năm đến nay, tỉnh Đắk Lắk có 2.100 ca sốt xuất huyết.")
    result = extract_article(build_article("page.txt", "page.txt", page))
    assert [(d.text, d.date_start, d.date_end) for _, d in result.dates] == [
        ("tháng 8 năm 2024", "2024-08", "2024-08"), ("Từ đầu năm đến nay", "2024-01", "2024-08")]
    assert links(page) == [("2.100 ca", "Tỉnh Đắk Lắk", "2024-01/2024-08")]


def test_an_undated_report_speaks_from_the_day_it_counts_to():
    """"…, tính đến ngày 21/7, TP ghi nhận …" on a page with no date line:
    "từ đầu năm đến nay" in it runs from January to that day's month."""
    page = ("Sốt xuất huyết tăng mạnh\nTrung tâm Kiểm soát bệnh tật TP.HCM cho biết, tính đến ngày 21/7/2022, thành phố "
            "ghi nhận 32.011 ca mắc. Số ca tử vong từ đầu năm đến nay là 13 người.")
    result = extract_article(build_article("page.txt", "page.txt", page))
    assert [(d.text, d.date_start, d.date_end) for _, d in result.dates] == [
        ("ngày 21/7/2022", "2022-07-21", "2022-07-21"), ("từ đầu năm đến nay", "2022-01", "2022-07")]


# Addresses written for the rule, in the shapes Vietnamese news sites use.
SITE_PLACES = [
    ("rule-site-title-slug", "https://tin.example.vn/kinh-te/thai-nguyen-xuat-khau-tang-15-12345.html", None,
     "Tỉnh Thái Nguyên"),
    ("rule-site-provincial-paper", "https://baoninhbinh.org.vn/kinh-te/thu-ngan-sach-dat-kha-12345.htm",
     date(2020, 1, 1), "Tỉnh Ninh Bình"),
    ("rule-site-paper-with-digits", "https://quangtri24h.vn/tin/abc-1.html", None, "Tỉnh Quảng Trị"),
    ("rule-site-government-portal", "https://yenbai.gov.vn/tin-tuc/Pages/chi-tiet.aspx?ItemID=1", None, "Tỉnh Yên Bái"),
    ("rule-site-district-portal", "http://bachthong.gov.vn/tin-tuc/abc/", None, "Huyện Bạch Thông"),
    ("rule-site-city-short-form", "https://hcmcpv.org.vn/tin-tuc/abc-1", None, "Thành phố Hồ Chí Minh"),
    ("rule-site-merged-province-is-its-successor", "https://tin.example.vn/binh-phuoc-thu-hut-dau-tu-1.html",
     date(2025, 9, 1), "Tỉnh Đồng Nai"),
    ("rule-site-before-the-merger", "https://tin.example.vn/binh-phuoc-thu-hut-dau-tu-1.html",
     date(2024, 9, 1), "Tỉnh Bình Phước"),
    ("rule-site-title-word-opening-the-slug", "https://tin.example.vn/ho-chi-minh-thu-ngan-sach-dat-1.html", None,
     "Thành phố Hồ Chí Minh"),
    ("not-site-title-word-inside-the-slug", "https://tin.example.vn/hoc-tap-tu-tuong-ho-chi-minh-1.html", None,
     None),
    ("not-site-peace", "https://tin.example.vn/gin-giu-hoa-binh-on-dinh-1.html", None, None),
    ("not-site-national-paper", "https://vnexpress.net/thoi-su/gia-vang-tang-manh-1.html", None, None),
    ("not-site-no-address", None, None, None),
]


@pytest.mark.parametrize(("url", "published", "expected"), [r[1:] for r in SITE_PLACES],
                         ids=[r[0] for r in SITE_PLACES])
def test_unit_an_address_names(url, published, expected):
    unit = site_place(url, published)
    assert (load().units[unit].name if unit else None) == expected


PROVINCIAL_PAPER = "https://baothainguyen.vn/kinh-te/202204/gia-tri-xuat-khau-tang-12345.html"


def test_a_provincial_papers_page_is_about_its_province():
    """"toàn tỉnh" on a page that never names its province: the masthead says which."""
    page = DATED + "Tổng giá trị xuất khẩu hàng hóa trên địa bàn tỉnh đạt trên 10,77 tỷ USD."
    assert links(page) == [("trên 10,77 tỷ USD", None, "2024-05-02")]
    assert links(page, PROVINCIAL_PAPER) == [("trên 10,77 tỷ USD", "Tỉnh Thái Nguyên", "2024-05-02")]


def test_the_text_outranks_the_address():
    page = DATED + "Tỉnh Bắc Ninh có 16 khu công nghiệp."
    assert links(page, PROVINCIAL_PAPER) == [("16 khu công nghiệp", "Tỉnh Bắc Ninh", "2024-05-02")]


def test_a_photos_caption_is_not_the_lead():
    """A page opening with a photo's caption: the spot it shows is not what the report is about."""
    page = ("Người dân bỏ phiếu tại phường Trần Phú, thành phố Hà Tĩnh. (Ảnh: Minh Anh/TTXVN)\n\n"
            "Ngày 25/5/2021, tỉnh Hà Tĩnh công bố kết quả bầu cử.\n\n"
            "Có 54 đại biểu trúng cử.")
    assert links(page)[-1][:2] == ("54 đại biểu", "Tỉnh Hà Tĩnh")
    # the same line as the lead, not a caption: its ward is the story's
    lead = page.replace(" (Ảnh: Minh Anh/TTXVN)", "")
    assert links(lead)[-1][:2] == ("54 đại biểu", "Phường Trần Phú")


def test_a_region_sets_the_scene_for_the_papers_own_province():
    """A region first, then the paper's own province: the article is about the province."""
    page = (DATED + "Mùa khô năm 2023, cả vùng đồng bằng sông Cửu Long chịu thiệt hại do hạn mặn. "
            "Riêng Thái Nguyên là tỉnh chịu nặng nhất.\n\nToàn tỉnh có hơn 2.500 ha lúa bị thiệt hại.")
    assert links(page, PROVINCIAL_PAPER)[-1] == ("hơn 2.500 ha", "Tỉnh Thái Nguyên", "2023")
    # without the masthead, the region is what the lead is about
    assert links(page)[-1] == ("hơn 2.500 ha", "Việt Nam", "2023")


def subjects(page: str) -> list[tuple[str, str | None]]:
    result = extract_article(build_article("page.txt", "page.txt", page))
    return [(sf.figure.text, sf.figure.subject) for sf in result.figures]


# Lists keyed by places whose measure only their header names (written for the rule).
LIST_HEADERS = [
    ("rule-header-before-a-colon",
     DATED + "Lượng mưa phổ biến rất lớn: Tà Xùa 210 mm, Bắc Yên 185 mm, Mường Cơi 160 mm.",
     [("210 mm", "Lượng mưa"), ("185 mm", "Lượng mưa"), ("160 mm", "Lượng mưa")]),
    ("rule-header-rate-judged-high",
     DATED + "Các huyện đều có tỷ lệ cử tri đi bầu cao, cụ thể: Yên Bình đạt 99,8%; Lục Yên đạt 99,6%.",
     [("99,8%", "cử tri đi bầu"), ("99,6%", "cử tri đi bầu")]),
    ("rule-header-in-the-sentence-before",
     DATED + "Tăng trưởng GRDP quý I của nhiều địa phương đạt cao. Cụ thể, Bắc Giang tăng 12,1%, Hải Phòng 10,5%.",
     [("12,1%", "Tăng trưởng GRDP"), ("10,5%", "Tăng trưởng GRDP")]),
    ("rule-header-counts-the-places-it-lists",
     DATED + "Quý I, có 3 địa phương tăng trưởng 2 con số. Cụ thể, Bắc Giang tăng 12,1%, Hải Phòng 10,5%, Ninh Bình 10,1%.",
     [("3 địa phương", "địa phương"), ("12,1%", "tăng trưởng"), ("10,5%", "tăng trưởng"), ("10,1%", "tăng trưởng")]),
    ("rule-a-part-of-the-economy-measures-what-the-whole-did",
     DATED + "Tổng mức bán lẻ hàng hóa tháng 5 ước đạt 14.000 tỷ đồng. Trong đó, khu vực kinh tế trong nước đạt "
     "13.100 tỷ đồng; khu vực có vốn đầu tư nước ngoài đạt 900 tỷ đồng.",
     [("ước đạt 14.000 tỷ đồng", "Tổng mức bán lẻ hàng hóa"),
      ("13.100 tỷ đồng", "Tổng mức bán lẻ hàng hóa khu vực kinh tế trong nước"),
      ("900 tỷ đồng", "Tổng mức bán lẻ hàng hóa khu vực có vốn đầu tư nước ngoài")]),
    ("rule-places-key-a-breakdown-of-the-count-just-named",
     DATED + "Bão số 9 đã làm 934 nhà bị tốc mái, hư hỏng. Trong đó, thị xã Đức Phổ (300 nhà), huyện Sơn Tịnh (493 nhà).",
     [("934 nhà", "nhà bị tốc mái, hư hỏng"), ("300 nhà", "nhà bị tốc mái, hư hỏng"),
      ("493 nhà", "nhà bị tốc mái, hư hỏng")]),
    ("rule-a-list-names-its-measure-once",
     DATED + "Diện tích lúa đạt 2.450 ha; đậu tương 310 ha.",
     [("2.450 ha", "Diện tích lúa"), ("310 ha", "Diện tích đậu tương")]),
    ("rule-a-list-keeps-the-measures-activity",
     DATED + "Kim ngạch xuất khẩu đạt 200 triệu USD. Trong đó, hải sản đạt hơn 37 triệu USD; nhập khẩu 150 triệu USD.",
     [("200 triệu USD", "Kim ngạch xuất khẩu"), ("hơn 37 triệu USD", "Kim ngạch xuất khẩu hải sản"),
      ("150 triệu USD", "Kim ngạch nhập khẩu")]),
    ("rule-a-rate-between-the-amount-and-its-items",
     DATED + "Năm 2023, tổng sản lượng lúa đạt 365.000 tấn, tăng gần 7% so cùng kỳ (trong đó lúa thơm đạt 155.000 tấn).",
     [("365.000 tấn", "tổng sản lượng lúa"), ("gần 7%", "tổng sản lượng lúa"), ("155.000 tấn", "sản lượng lúa thơm")]),
    ("rule-an-item-of-two-activities-takes-the-base-alone",
     DATED + "Tổng sản lượng nuôi trồng và khai thác đạt 50.000 tấn, trong đó tôm đạt 12.000 tấn.",
     [("50.000 tấn", "Tổng sản lượng nuôi trồng và khai thác"), ("12.000 tấn", "sản lượng tôm")]),
    ("rule-a-header-names-each-places-measures-in-order",
     DATED + "Diện tích, năng suất, sản lượng ngô vụ đông của các xã như sau: xã An Bình 120 ha, 45,2 tạ/ha, "
     "542 tấn; xã Tân Lập 95 ha, 43,8 tạ/ha (101,2%), 416 tấn.",
     [("120 ha", "Diện tích ngô vụ đông"), ("45,2 tạ/ha", "năng suất ngô vụ đông"), ("542 tấn", "sản lượng ngô vụ đông"),
      ("95 ha", "Diện tích ngô vụ đông"), ("43,8 tạ/ha", "năng suất ngô vụ đông"),
      ("101,2%", "năng suất ngô vụ đông"), ("416 tấn", "sản lượng ngô vụ đông")]),
    ("not-respective-measures-for-a-group-of-another-size",
     DATED + "Giá trị, sản lượng thủy sản của các huyện như sau: huyện Ba Tri 120 tỷ đồng; huyện Bình Đại 95 tỷ đồng.",
     [("120 tỷ đồng", "Giá trị, sản lượng thủy sản"), ("95 tỷ đồng", "Giá trị, sản lượng thủy sản")]),   # the header whole
    ("not-a-list-item-the-plan",
     DATED + "Sản lượng lương thực đạt 465.000 tấn; kế hoạch đề ra 450.000 tấn.",
     [("465.000 tấn", "Sản lượng lương thực"), ("450.000 tấn", "kế hoạch đề ra")]),
    ("not-a-list-item-a-measure-of-its-own",
     DATED + "Thu ngân sách đạt 500 tỷ đồng; chi ngân sách 400 tỷ đồng.",
     [("500 tỷ đồng", "Thu ngân sách"), ("400 tỷ đồng", "chi ngân sách")]),
    ("not-header-of-a-count-keyed-after",
     DATED + "Dịch bệnh lan rộng. Cụ thể, huyện Triệu Phong công bố dịch tại 3 xã Triệu Thành, Triệu Sơn và Triệu Ái.",
     [("3 xã", "xã")]),
]


@pytest.mark.parametrize(("page", "expected"), [r[1:] for r in LIST_HEADERS], ids=[r[0] for r in LIST_HEADERS])
def test_list_keys_take_their_headers_measure(page, expected):
    assert subjects(page) == expected


def test_headlines_after_the_article_give_no_year():
    """An undated page: the years of the other articles listed after the body
    ("… Xuân Bính Ngọ 2026") are not the year it reports on."""
    page = ("Thu ngân sách đạt thấp\n"
            "Theo báo cáo tính đến ngày 18/2, thu ngân sách trên địa bàn tỉnh Lai Châu đạt 6% dự toán, "
            "bằng 53% so với cùng kỳ năm 2019.\n"
            "Công ty Điện lực gặp mặt báo chí nhân dịp Xuân Bính Ngọ 2026\n"
            "Triển khai nhiệm vụ công tác công đoàn năm 2026\n")
    assert links(page)[0] == ("6%", "Tỉnh Lai Châu", "2020-02-18")


# Pages cut short mid-number (written for the rule): the unfinished number is no figure.
CUT_OFF = [
    ("rule-cut-after-a-verb", DATED + "Từ đầu năm, toàn tỉnh có 63 vụ tai nạn khiến 5", ["63 vụ"]),
    ("rule-cut-inside-a-thousands-group", DATED + "Tổng vốn đạt 8.250 tỷ đồng, khu vực trong nước 12.65", ["8.250 tỷ đồng"]),
    ("not-cut-a-sentence-ends-with-a-stop", DATED + "Toàn tỉnh có 63 vụ tai nạn, làm chết 5.", ["63 vụ", "5"]),
    ("not-cut-a-tables-last-cell", DATED + "Huyện Hòa Vang    247    170    77", ["247", "170", "77"]),
    ("not-cut-a-short-tables-row", DATED + "Số ca bệnh\nHuyện Hòa Vang 12", ["12"]),
    ("not-cut-a-number-with-its-unit", DATED + "Toàn tỉnh có 63 vụ tai nạn, làm chết 5 người", ["63 vụ", "5 người"]),
]


@pytest.mark.parametrize(("page", "expected"), [r[1:] for r in CUT_OFF], ids=[r[0] for r in CUT_OFF])
def test_a_number_a_page_is_cut_inside_is_no_figure(page, expected):
    result = extract_article(build_article("page.txt", "page.txt", page))
    assert [sf.figure.text for sf in result.figures] == expected
