"""The records the figure extractors pass between them: a figure being read
(``Candidate``) and the span of its subject (``Span``). Every extractor
imports them from here, so none imports another's internals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Candidate:
    """A figure being read; token indices into the sentence's tokens."""

    first: int          # first token of the figure's text (qualifier included)
    number_first: int   # first token of the number itself
    after: int          # token after the figure's text
    value: float
    rule: str
    kind: str = "count"
    unit: str | None = None
    total: float | None = None
    qualifier: str = "exact"
    head: int | None = None      # first token of the counted noun (classifier skipped)
    unit_end: int | None = None  # token after the counter noun phrase
    generic: bool = False        # the counter only says "persons" ("đồng chí")
    scale_word: str | None = None  # the last scale word read ("tỷ")
    range_with_previous: bool = False  # "từ 7.200 đến 7.800 đồng": the upper end


@dataclass(frozen=True)
class Span:
    """Character offsets of a subject in its sentence, and the rule that chose it."""

    start: int
    end: int
    rule: str
