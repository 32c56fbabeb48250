"""Legacy Vietnamese encodings: text written before Unicode (TCVN3/ABC, VNI
Windows, Windows-1258) recognized and converted, from the tables in
``patterns/legacy_encodings.toml``.

Bytes that are not UTF-8 are read as each legacy encoding in turn; the one
whose result reads as Vietnamese (enough of its words are common Vietnamese
words) is taken. None when no encoding gives Vietnamese.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from vnstats import patterns
@functools.cache
def _tables() -> tuple[dict, regex.Pattern, dict, regex.Pattern, frozenset[str], float]:
    data = patterns.load().legacy_encodings

    def alternation(table: dict) -> regex.Pattern:
        return regex.compile("|".join(regex.escape(k) for k in sorted(table, key=len, reverse=True)))

    detect = data["detect"]
    return (data["tcvn3"], alternation(data["tcvn3"]), data["vni"], alternation(data["vni"]),
            frozenset(detect["words"]), float(detect["min_share"]))


def from_tcvn3(raw: str) -> str:
    """TCVN3 text (its bytes read as Latin-1) in Unicode."""
    table, pattern, *_ = _tables()
    return pattern.sub(lambda m: table[m.group()], raw)


def from_vni(raw: str) -> str:
    """VNI Windows text (its bytes read as Windows-1252) in Unicode."""
    _, _, table, pattern, *_ = _tables()
    return pattern.sub(lambda m: table[m.group()], raw)


def to_tcvn3(text: str) -> str:
    """Unicode text as TCVN3 would write it (read as Latin-1): for tests."""
    table = {v: k for k, v in _tables()[0].items()}
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def to_vni(text: str) -> str:
    """Unicode text as VNI would write it (read as Windows-1252): for tests."""
    table: dict[str, str] = {}
    for k, v in _tables()[2].items():   # the lower-case mark after a lower-case letter, as VNI writes it
        if v not in table or (k[-1:].islower() == v.islower() and not table[v][-1:].islower() == v.islower()):
            table[v] = k
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def vietnamese_share(text: str) -> float:
    """The share of a text's words that are common Vietnamese words."""
    words = regex.findall(r"\p{L}+", text.lower())
    if not words:
        return 0.0
    common = _tables()[4]
    return sum(w in common for w in words) / len(words)


def _latin(data: bytes) -> str:
    """Bytes as Windows-1252 characters, the five it leaves undefined as Latin-1."""
    return "".join(data[i:i + 1].decode("cp1252", errors="ignore") or chr(data[i]) for i in range(len(data))) \
        if any(b in data for b in b"\x81\x8d\x8f\x90\x9d") else data.decode("cp1252")


def convert_legacy(data: bytes) -> str | None:
    """The text of bytes in a legacy Vietnamese encoding, or None."""
    threshold = _tables()[5]
    candidates = []
    latin = _latin(data)
    candidates.append(from_vni(latin))
    candidates.append(from_tcvn3(data.decode("latin-1")))
    try:
        candidates.append(unicodedata.normalize("NFC", data.decode("cp1258")))
    except UnicodeDecodeError:
        pass
    best = max(candidates, key=vietnamese_share)
    return best if vietnamese_share(best) >= threshold else None
