"""Tokens and phrase look-ups shared by the extractors.

Tokens are syllables, digit groups and punctuation, each with its offsets in
the sentence; phrases from the word lists are matched on lower-cased tokens.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple
from importlib import resources

import regex

from vnstats import patterns
TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*|\S")
_DIGIT = regex.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether the text holds a digit: one scan in C, where a generator over
    the characters cost each extractor a pass in Python per sentence."""
    return _DIGIT.search(text) is not None


class Token(NamedTuple):
    # a tuple: every sentence makes dozens, and a tuple is made at a fraction of a frozen dataclass's cost
    text: str
    start: int
    end: int
    lower: str        # the text lower-cased, read many times by the phrase look-ups
    is_number: bool
    is_word: bool

    @property
    def is_punct(self) -> bool:
        return not (self.is_number or self.is_word)


def tokenize(text: str) -> tuple[Token, ...]:
    make = Token._make
    return tuple(make((word, m.start(), m.end(), word.lower(), word[0].isdigit(), word[0].isalpha()))
                 for m in TOKEN.finditer(text) for word in (m.group(),))


@dataclass(frozen=True)
class Parsed:
    """A sentence and its tokens, read together by the extractors."""

    text: str
    tokens: tuple[Token, ...]

    @classmethod
    def of(cls, text: str) -> "Parsed":
        return _parsed(text)


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> Parsed:
    # each extractor reads the same sentence: tokenize it once
    return Parsed(text, tokenize(text))


class PhraseSet:
    """Multi-word phrases matched on lower-cased word tokens, longest first."""

    def __init__(self, phrases: Iterable[str]):
        self._phrases = {tuple(p.lower().split()) for p in phrases}
        self._longest = max((len(p) for p in self._phrases), default=0)
        # most tokens start no phrase: one look-up rules them out; the others try
        # only the lengths of the phrases they start (or end), longest first
        first: dict[str, set[int]] = {}
        last: dict[str, set[int]] = {}
        for p in self._phrases:
            first.setdefault(p[0], set()).add(len(p))
            last.setdefault(p[-1], set()).add(len(p))
        self._first = {w: sorted(sizes, reverse=True) for w, sizes in first.items()}
        self._last = {w: sorted(sizes, reverse=True) for w, sizes in last.items()}

    def __contains__(self, phrase: str) -> bool:
        return tuple(phrase.lower().split()) in self._phrases

    def match_at(self, tokens, i: int) -> int:
        """Number of tokens of the longest phrase starting at token i (0: none)."""
        sizes = self._first.get(tokens[i].lower) if i < len(tokens) else None
        if sizes is None:
            return 0
        for size in sizes:
            if size > len(tokens) - i:
                continue
            words = tokens[i:i + size]
            if all(t.is_word for t in words) and tuple(t.lower for t in words) in self._phrases:
                return size
        return 0

    def match_before(self, tokens, end: int) -> int:
        """Number of tokens of the longest phrase ending just before token ``end``."""
        sizes = self._last.get(tokens[end - 1].lower) if end > 0 else None
        if sizes is None:
            return 0
        for size in sizes:
            if size > end:
                continue
            words = tokens[end - size:end]
            if all(t.is_word for t in words) and tuple(t.lower for t in words) in self._phrases:
                return size
        return 0


@functools.cache
def two_syllable_words() -> frozenset[tuple[str, str]]:
    """Two-syllable words of underthesea's Viet74K dictionary, lower-cased: tells
    "mặt bằng" (one word) from "bằng" the preposition."""
    path = resources.files("underthesea.corpus") / "data" / "Viet74K.txt"
    # the dictionary writes old tone placement ("uỷ ban"); texts write both
    marks = patterns.load().localities["tone_marks"]

    def new_style(syllable: str) -> str:
        for old, new in marks.items():
            syllable = syllable.replace(old, new)
        return syllable

    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().lower().split()
        if len(parts) == 2:
            words.add((parts[0], parts[1]))
            words.add((new_style(parts[0]), new_style(parts[1])))
    return frozenset(words)


def in_word_with_neighbour(tokens: list[Token], i: int, start: int) -> bool:
    """True if token i forms one two-syllable word with the token before it
    (from ``start`` on) or after it."""
    words = two_syllable_words()
    before = i > start and tokens[i - 1].is_word and (tokens[i - 1].lower, tokens[i].lower) in words
    after = i + 1 < len(tokens) and tokens[i + 1].is_word and (tokens[i].lower, tokens[i + 1].lower) in words
    return before or after
