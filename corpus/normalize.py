"""Character-level normalization, done before any offset is taken."""

from __future__ import annotations

import unicodedata

import regex

# Look-alikes that some Vietnamese sites type instead of Đ/đ: the Icelandic
# eth (U+00D0, U+00F0) renders the same but matches nothing.
LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
ODD_SPACES = regex.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SPACE_RUNS = regex.compile(r" {2,}")


def normalize_text(text: str) -> str:
    """NFC, Đ look-alikes, odd and invisible spaces, runs of spaces, line ends."""
    text = unicodedata.normalize("NFC", text).translate(LOOKALIKES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = INVISIBLE.sub("", ODD_SPACES.sub(" ", text))
    return "\n".join(SPACE_RUNS.sub(" ", line).strip() for line in text.split("\n"))
