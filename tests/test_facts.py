"""Facts: each figure tied to place and time, and the `facts` view that answers questions."""

from __future__ import annotations

import sqlite3

import pytest

from vnstats.pipeline import Options, run
from tests.conftest import SAMPLES, SEEDS, require_shared


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    require_shared()
    path = tmp_path_factory.mktemp("facts") / "v.db"
    run([SEEDS, SAMPLES], Options(db=str(path)))
    return path


def _rows(db, sql):
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_share_of_female_cadres_by_province_and_year(db):
    rows = _rows(db, """SELECT province, year, value FROM facts
                        WHERE kind = 'percent' AND subject LIKE 'cán bộ nữ%' AND NOT is_target
                        ORDER BY province, year, value""")
    assert rows == [
        ("Thành phố Hà Nội", 2024, 33.39),            # 001, "as of" its publication
        ("Thành phố Hồ Chí Minh", 2017, 40.0),         # 000 (Quận 1), no date line: its lead "Ngày 24/10/2017"
        ("Thành phố Hồ Chí Minh", 2017, 65.67),
    ]


def test_figure_place_and_time_bases(db):
    rows = dict(_rows(db, """SELECT text, locality || ' / ' || locality_basis || ' / ' || date_start || ' / ' || date_basis
                             FROM facts WHERE article = '003_70db1e8be4fd53e9.txt'
                             AND text IN ('trên 3.200 cán bộ, công chức, viên chức', '4 kênh')"""))
    assert rows == {
        "trên 3.200 cán bộ, công chức, viên chức": "Huyện Điện Biên / clause / 2017 / clause",
        "4 kênh": "Huyện Điện Biên / paragraph / 2017 / paragraph",
    }


def test_targets_are_marked_apart(db):
    targets = _rows(db, "SELECT article, text FROM facts WHERE is_target ORDER BY figure_id")
    # 003: "Theo Nghị quyết, đến năm 2020, ... 100% ...; 100% ...; 100% ..." are goals
    assert targets.count(("003_70db1e8be4fd53e9.txt", "100%")) == 3
    assert ("001_ngan_sach_song_lam.txt", "ít nhất 8.000 tỷ đồng") in targets      # "phấn đấu"
    assert ("003_70db1e8be4fd53e9.txt", "trên 3.200 cán bộ, công chức, viên chức") not in targets
    assert ("001_905dcb978e2025ae.txt", "4 mục tiêu") not in targets  # counts goals, states none


def test_successor_province_groups_old_articles_by_todays_provinces(db):
    rows = _rows(db, "SELECT DISTINCT locality, province, province_2025 FROM facts WHERE locality IS NOT NULL ORDER BY 1")
    assert ("Quận Kiến An", "Thành phố Hải Phòng", "Thành phố Hải Phòng") in rows
    assert ("Quận 1", "Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh") in rows


def test_gazetteer_table_is_built_once(db):
    counts = dict(_rows(db, "SELECT era || ':' || level, COUNT(*) FROM localities GROUP BY era, level"))
    # June 2025 units, and those dissolved since 2010 (patterns/gazetteer.toml, [[former]])
    assert counts == {"before_2025:district": 712, "before_2025:province": 64, "before_2025:ward": 10035,
                      "from_2025:province": 34, "from_2025:ward": 3321, "country:country": 1}
    assert _rows(db, "SELECT name, valid_until FROM localities WHERE id LIKE 'former:province:%'") == \
        [("Tỉnh Thừa Thiên Huế", "2025-01-01")]
    run([SAMPLES], Options(db=str(db)))  # a second run adds no unit
    assert _rows(db, "SELECT COUNT(*) FROM localities") == [(sum(counts.values()),)]


def test_every_mention_span_equals_its_surface(db):
    texts = dict(_rows(db, "SELECT id, text FROM articles"))
    for table in ("dates", "documents", "locality_mentions"):
        for article, start, end, surface in _rows(db, f'SELECT article_id, start, "end", text FROM {table}'):
            assert texts[article][start:end] == surface, table
    for article, start, end in _rows(db, """SELECT o.article_id, m.start, m."end" FROM official_mentions m
                                            JOIN officials o ON o.id = m.official_id"""):
        assert texts[article][start:end]


def test_whole_country_is_a_unit_of_its_own(tmp_path):
    page = tmp_path / "ca_nuoc.txt"
    page.write_text("Tin kinh tế\nNgày đăng 02/05/2024 | 16:09\n"
                    "Năm 2023, tỉnh Nghệ An thu ngân sách đạt 20.000 tỷ đồng. Cả nước có 12 tỉnh thu vượt dự toán.",
                    encoding="utf-8")
    db = tmp_path / "v.db"
    run([page], Options(db=str(db)))
    rows = _rows(db, "SELECT text, locality, locality_level, locality_basis, year, date_basis FROM facts ORDER BY figure_id")
    assert rows == [("20.000 tỷ đồng", "Tỉnh Nghệ An", "province", "clause", 2023, "clause"),
                    ("12 tỉnh", "Việt Nam", "country", "clause", 2023, "paragraph")]
