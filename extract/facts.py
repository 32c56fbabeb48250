"""Facts: each figure tied to the place and the time it is about.

- Place: the nearest resolved locality in the figure's sentence, else in its
  paragraph (the nearest before it), else the article's main place.
- Time: the nearest date or period in the sentence, else the last one
  before it in its paragraph, else the publication date ("as of"), else
  (no publication date) the first full date of the article.
- Target: the sentence states a goal ("phấn đấu", "chỉ tiêu"), or the
  figure's time is a deadline after the publication date ("đến năm 2030").
Each choice records how it was decided (sentence, paragraph, article,
published).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from datetime import date

import regex

import patterns
from corpus.article import Article
from extract.dates import DateMention
from extract.localities import LocalityMention, main_place
from extract.text import Parsed, PhraseSet


@dataclass(frozen=True)
class FigureLink:
    locality_id: str | None
    locality_basis: str | None     # sentence, paragraph, article
    date_start: str | None
    date_end: str | None
    date_granularity: str | None
    date_basis: str | None         # sentence, paragraph, published, article
    is_target: bool


@functools.cache
def _rules() -> tuple[PhraseSet, PhraseSet]:
    targets = patterns.load().facts["targets"]
    return PhraseSet(targets["words"]), PhraseSet(targets["deadline_words"])


@functools.cache
def _cue_pattern() -> regex.Pattern:
    words = patterns.load().facts["targets"]["words"]
    alternation = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(r"(?<![\p{L}\p{M}])(?:" + alternation + r")(?![\p{L}\p{M}])", regex.IGNORECASE)


def _cue_spans(text: str, start: int) -> list[tuple[int, int]]:
    """Where the sentence states a goal ("phấn đấu"), as article offsets."""
    return [(start + m.start(), start + m.end()) for m in _cue_pattern().finditer(text)]


def _is_deadline(sentence_text: str, sentence_start: int, mention: DateMention,
                 published: date | None) -> bool:
    """A year after the publication, written after "đến"/"tới": "đến năm 2030"."""
    if published is None or not mention.date_end[:4].isdigit():
        return False
    if int(mention.date_end[:4]) <= published.year:
        return False
    deadline_words = _rules()[1]
    own = Parsed.of(mention.text).tokens
    before = Parsed.of(sentence_text[:mention.start - sentence_start]).tokens
    return bool(deadline_words.match_at(own, 0) or deadline_words.match_before(before, len(before)))


def link_figures(article: Article, figures, dates: list[tuple[int, DateMention]],
                 localities: list[LocalityMention], published: date | None) -> list[FigureLink]:
    """One link per figure (``figures``: SentenceFigure list; ``dates``: (sentence, mention))."""
    sentences = article.sentences
    cues: dict[int, list[tuple[int, int]]] = {}
    main = main_place(localities)
    # places and dates indexed by sentence and paragraph once, so each figure
    # looks only at its own: linear in the article's length
    starts = [s.start for s in sentences]
    places_in: dict[int, list[LocalityMention]] = {}
    places_of_paragraph: dict[int, list[LocalityMention]] = {}
    for m in sorted((m for m in localities if m.unit_id), key=lambda m: m.end):
        index = bisect.bisect_right(starts, m.start) - 1
        places_in.setdefault(index, []).append(m)
        places_of_paragraph.setdefault(sentences[index].paragraph, []).append(m)
    dates_in: dict[int, list[DateMention]] = {}
    dates_of_paragraph: dict[int, list[DateMention]] = {}
    for i, d in sorted(dates, key=lambda pair: pair[1].end):
        dates_in.setdefault(i, []).append(d)
        dates_of_paragraph.setdefault(sentences[i].paragraph, []).append(d)
    place_ends = {p: [m.end for m in ms] for p, ms in places_of_paragraph.items()}
    date_ends = {p: [d.end for d in ds] for p, ds in dates_of_paragraph.items()}
    lead_day = next((d for _, d in dates if d.granularity == "day" and d.date_start[:1].isdigit()), None)
    deadline = {id(d): _is_deadline(sentences[i].text, sentences[i].start, d, published) for i, d in dates}
    links = []
    for sf in figures:
        figure, sentence = sf.figure, sentences[sf.sentence]
        middle = (figure.start + figure.end) / 2
        in_sentence = places_in.get(sf.sentence, [])
        # the last place and date ending before the figure in its paragraph (a binary search)
        paragraph = sentence.paragraph
        before = bisect.bisect_right(place_ends.get(paragraph, []), figure.start)
        last_place = places_of_paragraph[paragraph][before - 1] if before else None
        before = bisect.bisect_right(date_ends.get(paragraph, []), figure.start)
        last_date = dates_of_paragraph[paragraph][before - 1] if before else None
        if in_sentence:
            place = min(in_sentence, key=lambda m: abs((m.start + m.end) / 2 - middle))
            locality, basis = place.unit_id, "sentence"
        elif last_place is not None:
            locality, basis = last_place.unit_id, "paragraph"
        elif main:
            locality, basis = main, "article"
        else:
            locality, basis = None, None
        own_dates = dates_in.get(sf.sentence, [])
        when = None
        if own_dates:
            when = min(own_dates, key=lambda d: abs((d.start + d.end) / 2 - middle))
            date_fields = (when.date_start, when.date_end, when.granularity, "sentence")
        elif last_date is not None:
            when = last_date
            date_fields = (when.date_start, when.date_end, when.granularity, "paragraph")
        elif published:
            iso = published.isoformat()
            date_fields = (iso, iso, "day", "published")
        elif lead_day:  # no publication date: the day the lead reports on ("Ngày 24/10/2017, …")
            date_fields = (lead_day.date_start, lead_day.date_end, "day", "article")
        else:
            date_fields = (None, None, None, None)
        if sf.sentence not in cues:
            cues[sf.sentence] = _cue_spans(sentence.text, sentence.start)
        # a cue inside the figure itself counts goals, it states none: "4 mục tiêu"
        stated = any(b <= figure.start or a >= figure.end for a, b in cues[sf.sentence])
        is_target = stated or (when is not None and deadline[id(when)])
        links.append(FigureLink(locality, basis, *date_fields, is_target))
    return links
