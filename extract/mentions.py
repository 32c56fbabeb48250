"""The mention records: what each extractor gives (``Figure``, ``DateMention``,
``DocumentMention``, ``LocalityMention``, ``OfficialMention`` with its
``Title``s, ``FigureLink``) and what the figure extractors pass between them
(``Candidate``, the subject's ``Span``). Every extractor imports them from
here, so none imports another's internals."""

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
    """Character offsets of a subject in its sentence, and the rule that chose
    it; ``gaps`` are places written inside it that are the figure's where,
    not part of what it measures ("con bò [ở xã Lê Hóa] bị sét đánh")."""

    start: int
    end: int
    rule: str
    gaps: tuple[tuple[int, int], ...] = ()

    def text_in(self, sentence: str) -> str:
        """The subject's words: the span without its gaps."""
        pieces, at = [], self.start
        for a, b in self.gaps:
            pieces.append(sentence[at:a])
            at = b
        pieces.append(sentence[at:self.end])
        return " ".join(" ".join(pieces).split())


@dataclass(frozen=True)
class Figure:
    """A quantity in a sentence. Offsets index the text given to the extractor
    (shifted by its ``offset``): ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    value: float
    kind: str
    unit: str | None
    total: float | None
    qualifier: str
    subject: str | None
    subject_start: int | None        # the subject's own words; a restriction it shares with
    subject_end: int | None          # the counts after it is appended ("hộ nghèo [và …] bị thiệt hại")
    rule: str
    change: str | None = None        # up, down: the figure is the amount of a rise or fall
    compared_to: str | None = None   # plan, previous: what it is measured against
    subject_stage: str = "rule"      # rule, or model when the statistical stage gave the subject


@dataclass(frozen=True)
class DateMention:
    start: int          # offsets into the text given, shifted by ``offset``
    end: int
    text: str
    date_start: str     # ISO at the text's precision
    date_end: str
    granularity: str
    rule: str
    stage: str = "rule"


@dataclass(frozen=True)
class DocumentMention:
    start: int
    end: int
    text: str
    type: str
    number: str
    issuer: str | None   # the issuing body's code: "TU" in "04-NQ/TU", "UBND" in "1234/QĐ-UBND"
    date: str | None     # ISO issue date when the text gives one
    stage: str = "rule"


@dataclass(frozen=True)
class LocalityMention:
    start: int
    end: int
    text: str
    level: str
    unit_id: str | None           # None when ambiguous
    candidates: tuple[str, ...]   # every unit the name may be, when ambiguous
    role: str                     # "place", or "organization" for "Quận ủy Kiến An"
    basis: str                    # unique, context, or ambiguous
    stage: str = "rule"           # rule, or model: proposed by the statistical stage, resolved by the gazetteer


@dataclass(frozen=True)
class Title:
    start: int
    end: int
    text: str
    organization: str | None


@dataclass(frozen=True)
class OfficialMention:
    start: int      # the name's offsets
    end: int
    name: str
    titles: tuple[Title, ...]
    stage: str = "rule"   # rule, or model: a name the statistical stage found, with a title the rules read


@dataclass(frozen=True)
class FigureLink:
    locality_id: str | None
    locality_basis: str | None     # clause, sentence, paragraph, article
    date_start: str | None
    date_end: str | None
    date_granularity: str | None
    date_basis: str | None         # clause, sentence, paragraph, article, published
    is_target: bool
