"""Vietnamese number strings and number words -> values."""

import pytest

from vnstats.extract.numbers import parse_digits, words_to_number

DIGITS = [
    ("1.172", 1172),          # seed 000: thousands dot
    ("3.431", 3431),
    ("65,67", 65.67),         # decimal comma
    ("39.34", 39.34),         # decimal point, as some sites print it
    ("01", 1),                # seed 001: "01 Chương trình"
    ("08", 8),
    ("1.204.000", 1204000),
    ("1.234,5", 1234.5),
    ("2,5", 2.5),
    ("0,12", 0.12),
    ("12.500", 12500),
    ("4.215,6", 4215.6),
    ("1,234,567", 1234567),   # English grouping
    ("7", 7),
]


@pytest.mark.parametrize(("text", "value"), DIGITS, ids=[t for t, _ in DIGITS])
def test_parse_digits(text, value):
    assert parse_digits(text) == pytest.approx(value)


WORDS = [
    ("hai", 2),
    ("mười", 10),
    ("mười lăm", 15),
    ("hai mươi", 20),
    ("hai mươi mốt", 21),
    ("hai mươi tư", 24),
    ("ba mươi lăm", 35),
    ("một trăm", 100),
    ("một trăm linh năm", 105),
    ("ba trăm hai mươi", 320),
    ("hai nghìn ba trăm", 2300),
    ("ba nghìn tỷ", 3e12),
    ("hai tỷ năm trăm triệu", 2.5e9),
    ("hai phẩy năm", 2.5),
]


@pytest.mark.parametrize(("text", "value"), WORDS, ids=[t for t, _ in WORDS])
def test_words_to_number(text, value):
    assert words_to_number(text.split()) == pytest.approx(value)


NOT_NUMBERS = ["hai ba", "mươi", "phẩy năm", "cán bộ", "hai phẩy"]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_words_that_are_no_number(text):
    assert words_to_number(text.split()) is None
