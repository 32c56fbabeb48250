"""Legacy Vietnamese encodings (TCVN3, VNI, Windows-1258) recognized and
converted, on text converted both ways."""

from __future__ import annotations

import unicodedata

import pytest

from vnstats.corpus.legacy import convert_legacy, from_tcvn3, from_vni, to_tcvn3, to_vni
from vnstats.corpus.readers import decode

TEXT = ("Năm 2023, tỉnh Quảng Nam có 241 xã đạt chuẩn nông thôn mới; thu ngân sách của huyện đạt "
        "1.200 tỷ đồng, tăng 12% so với cùng kỳ. Ủy ban nhân dân tỉnh đã ban hành kế hoạch.")


def test_vni_both_ways():
    assert from_vni(to_vni(TEXT)) == TEXT
    assert from_vni("Ñoàng Thaùp") == "Đồng Tháp"   # VNI as old pages wrote it


def test_tcvn3_both_ways():
    lower = TEXT.lower()   # TCVN3 writes capital toned letters in another font
    assert from_tcvn3(to_tcvn3(lower)) == lower
    assert from_tcvn3("§ång Th¸p") == "Đồng Tháp"


TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258: letters with a hat, breve or horn are one byte, tone marks combine."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encoded", [
    to_vni(TEXT).encode("cp1252"),
    to_tcvn3(TEXT.lower()).encode("latin-1"),
    to_cp1258(TEXT),
], ids=["vni", "tcvn3", "cp1258"])
def test_legacy_files_are_read_as_unicode(encoded):
    text = decode(encoded)
    assert unicodedata.normalize("NFC", text).lower() == TEXT.lower()


def test_other_languages_stay_unread():
    assert convert_legacy("Déjà vu: the café served crème brûlée.".encode("latin-1")) is None
    with pytest.raises(ValueError, match="not valid UTF-8"):
        decode("Déjà vu: the café served crème brûlée.".encode("latin-1"))
