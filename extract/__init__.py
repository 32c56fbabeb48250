"""Extractors: pure functions from sentences to frozen mention records.

``extract_article`` runs them all over one article: figures, dates,
documents and officials per sentence; localities over the whole article
(a shared name is resolved by the article's other places); then each figure
is tied to its place and time (``extract.facts``).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
from datetime import date, timedelta
import itertools
from dataclasses import dataclass

import regex
from importlib import metadata
from pathlib import Path

from vnstats import patterns
from vnstats.corpus.article import Article
from vnstats.extract.dates import (DateMention, birth_years, comparison_base_years, completed_years, deadline_years,
                                   extract_dates, issue_date_years, parse_published, past_terms, reference_date)
from vnstats.extract.documents import DocumentMention, extract_documents
from vnstats.extract.facts import FigureLink, link_figures
from vnstats.extract.figures import Figure, extract_figures, in_declared_units, list_header
from vnstats.extract.gazetteer import load as load_gazetteer
from vnstats.extract.localities import LocalityMention, extract_localities, reorganized_after
from vnstats.extract.officials import OfficialMention, extract_officials
from vnstats.extract.subjects import (counters_named_before, cumulative_subjects, elliptical_items, list_key_subjects,
                                      respective_measures, segment_subjects)


# The statistical stage is an option, not the default: on the latest fresh
# held-apart pages it raised officials and subjects but lowered localities F1
# by 0.010, more than the 0.005 a default stage may lose (README, "The
# statistical stage"). The rules alone are the default.
DEFAULT_STAGES = "rules"


@dataclass(frozen=True)
class SentenceFigure:
    """A figure and the index of the sentence it was read from."""

    sentence: int
    figure: Figure


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article; every offset indexes ``article.text``."""

    figures: list[SentenceFigure]
    links: list[FigureLink]              # one per figure, same order
    dates: list[tuple[int, DateMention]]            # (sentence index, mention)
    documents: list[tuple[int, DocumentMention]]
    officials: list[tuple[int, OfficialMention]]
    localities: list[tuple[int, LocalityMention]]


@functools.cache
def extractor_version(stages: str = DEFAULT_STAGES) -> str:
    """What produced an article's rows: the package version and a digest of
    the extraction code and the language data (every file of extract/ and
    patterns/), so any change to a rule or a word list gives a new version,
    and `vnstats reextract` knows which stored articles to read again."""
    try:
        release = metadata.version("vnstats")
    except metadata.PackageNotFoundError:
        release = "0"
    digest = hashlib.sha256()
    for folder in (Path(__file__).resolve().parent, patterns.HERE):
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in (".py", ".toml", ".txt"):
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    version = f"{release}+{digest.hexdigest()[:12]}"
    if stages == "rules+model":   # and the trained weights the statistical stage used
        from vnstats.extract.model import MODEL_DIR

        weights = hashlib.sha256()
        for path in sorted(MODEL_DIR.rglob("*")):
            if path.is_file():
                weights.update(str(path.relative_to(MODEL_DIR)).encode() + b"\0" + path.read_bytes())
        version += f"+model.{weights.hexdigest()[:8]}"
    return version


def figures_of(article: Article) -> list[SentenceFigure]:
    """Every figure of an article."""
    return [SentenceFigure(s.index, f)
            for s in article.sentences
            for f in extract_figures(s.text, s.start)]


def _sentence_of(article: Article, starts: list[int], start: int) -> int:
    """Index of the sentence holding offset ``start`` (a binary search over sentence starts)."""
    i = bisect.bisect_right(starts, start) - 1
    if i < 0 or not article.sentences[i].start <= start < article.sentences[i].end:
        raise ValueError(f"offset {start} is in no sentence")
    return article.sentences[i].index


def _before_trailing_headlines(sentences):
    """The sentences up to the article's last sentence of prose (a dozen words
    ended by a full stop, or a long one an excerpt cut short): two or more
    short unpunctuated lines after it are a list of other articles' headlines
    ("… nhân dịp Xuân Bính Ngọ 2026"), whose years are not the article's."""
    last = next((k for k in range(len(sentences) - 1, -1, -1)
                 if len(sentences[k].text.split()) >= 25 or (
                     len(sentences[k].text.split()) >= 12
                     and sentences[k].text.rstrip().endswith((".", "!", "?", "…")))), None)
    if last is None or len(sentences) - last - 1 < 2:
        return sentences
    return sentences[:last + 1]


def _reference_date(article: Article):
    """For a page with no publication date: the last day of the year the
    article reports on, so "Ngày 19/12" and "6 tháng đầu năm" take that year."""
    sentences = _before_trailing_headlines(article.sentences)
    mentions = [d for s in sentences for d in extract_dates(s.text, s.start, None)]
    # a year compared with, or spoken of as over, is before the report's
    bases = [y for s in sentences for y in comparison_base_years(s.text) + completed_years(s.text)]
    not_reported = [y for s in sentences for y in birth_years(s.text) + deadline_years(s.text)]
    issued = [y for s in sentences for y in issue_date_years(s.text)]
    found = reference_date(mentions, bases, not_reported, issued)
    # "tỉnh Quảng Bình (cũ)": written after the 2025 reorganization, whatever years it names
    after = reorganized_after(s.text for s in article.sentences)
    if after is not None and (found is None or found < after):
        return date(after.year, 12, 31)
    return found


AS_OF = regex.compile(r"(?i)\b(?:tính\s+)?(?:đến|tới)(?:\s+hết)?\s*$")


def _lead_day(article: Article, reference, stated: bool = False) -> date | None:
    """For a page with no date line: the day its lead speaks from ("Chiều
    15-9, Sở Xây dựng cho biết, từ đầu năm đến nay …"), the first sentence of
    body prose opening with a day whose year the article makes clear.
    ``stated``: only a day the lead writes, not the end of the month it reports on."""
    title = (article.title or "").strip()
    for s in article.sentences:
        if len(s.text.split()) < 12 or (title and s.text.strip() == title and not title.endswith(".")):
            continue   # the title (a headline has no full stop; a lead taken for one has) and kickers
        found = extract_dates(s.text, s.start, reference, stand_in=True)
        first = found[0] if found else None
        if first is not None and first.granularity == "day" and first.date_start[:1].isdigit() \
                and first.start - s.start <= 20:
            return date.fromisoformat(first.date_start)
        # "…, tính đến ngày 21/7, TP ghi nhận 32.011 ca": the day a report counts to is its now
        as_of = next((d for d in found if d.granularity == "day" and d.date_start[:1].isdigit()
                      and AS_OF.search(s.text[:d.start - s.start])), None)
        if as_of is not None:
            return date.fromisoformat(as_of.date_start)
        # a report on a month or a quarter ("báo cáo công tác y tế tháng 10")
        # speaks from that period's end
        month = next((d for d in found if d.granularity != "day" and len(d.date_end) == 7
                      and d.date_end[:1].isdigit()), None)
        if month is not None and not stated:
            year, number = int(month.date_end[:4]), int(month.date_end[5:7])
            return date(year + number // 12, number % 12 + 1, 1) - timedelta(days=1)
        return None
    return None


def _outside_place_names(figures: list[SentenceFigure], localities) -> list[SentenceFigure]:
    """Numbers that are a place's name ("quận 1, 3, 10") are no figures."""
    spans = sorted((m.start, m.end) for m in localities)
    starts = [a for a, _ in spans]

    def inside(f: Figure) -> bool:
        i = bisect.bisect_right(starts, f.start) - 1
        return i >= 0 and spans[i][0] <= f.start and f.end <= spans[i][1]

    return [sf for sf in figures if not (sf.figure.unit is None and inside(sf.figure))]


# a number a page's text is cut inside: one or two bare digits, or a thousands group not yet whole
CUT_NUMBER = regex.compile(r"\d{1,2}|[\d.]*\.\d{1,2}")


def _not_cut_off(article: Article, figures: list[SentenceFigure]) -> list[SentenceFigure]:
    """A page cut short mid-number ("… có hiệu lực từ ngày 16", "… khu vực kinh tế
    trong nước 3.12"): the unfinished number that ends its last line of prose, with
    no unit and no stop after it, is no figure."""
    text = article.text.rstrip()
    if not figures or text.endswith((".", "!", "?", "…", ")", '"', "”", ";", ":")):
        return figures
    last = max(figures, key=lambda sf: sf.figure.end)
    f = last.figure
    if f.end != len(text) or f.unit is not None or not CUT_NUMBER.fullmatch(f.text) \
            or not regex.search(r"[\p{L}\p{M}-]\s?$", text[:f.start]) \
            or len(text[text.rfind("\n") + 1:].split()) < 8:
        return figures   # a table's last cell ("Huyện Hòa Vang  247  170  77", "Huyện A 12") is whole
    return [sf for sf in figures if sf is not last]


def _in_table_units(article: Article, figures: list[SentenceFigure]) -> list[SentenceFigure]:
    """Bare numbers of a table in the unit its heading declares (figures.in_declared_units)."""
    if not any(sf.figure.unit is None for sf in figures):
        return figures
    by_sentence: dict[int, list[Figure]] = {}
    for sf in figures:
        by_sentence.setdefault(sf.sentence, []).append(sf.figure)
    resolved = in_declared_units([(s.text, s.start, by_sentence.get(s.index, [])) for s in article.sentences])
    return [SentenceFigure(s.index, f) for s, fs in zip(article.sentences, resolved) for f in fs]


def _list_keys_resolved(article: Article, figures: list[SentenceFigure], localities,
                        place_names: frozenset[str]) -> list[SentenceFigure]:
    """A figure whose subject is a place takes its list's measure (subjects.list_key_subjects);
    a bare counter, what it counted when last named in full (subjects.counters_named_before)."""
    starts = [s.start for s in article.sentences]
    places: dict[int, list[tuple[int, int]]] = {}
    for m in localities:
        places.setdefault(_sentence_of(article, starts, m.start), []).append((m.start, m.end))
    out: list[SentenceFigure] = []
    carried, paragraph, named, whole, measured = None, None, {}, None, None
    for index, group in itertools.groupby(figures, key=lambda sf: sf.sentence):
        group = [sf.figure for sf in group]
        if article.sentences[index].paragraph != paragraph:
            # a list's measure holds within its paragraph; a counter keeps what it was last named for
            # across paragraphs ("1.328 vụ tai nạn giao thông" … next paragraph "xảy ra 696 vụ")
            carried, paragraph, whole, measured = None, article.sentences[index].paragraph, None, None
        sentence = article.sentences[index]
        group = cumulative_subjects(group, sentence.text, carried)
        previous = article.sentences[index - 1] if index > 0 else None
        if previous is not None and previous.paragraph != sentence.paragraph:
            previous = None
        header = list_header(sentence.text, sentence.start, previous.text if previous else None,
                             previous.start if previous else 0)
        group, carried = list_key_subjects(group, places.get(index, []), carried, place_names, header,
                                           sentence.text, sentence.start)
        group = respective_measures(group, sentence.text, sentence.start)
        group = counters_named_before(group, named)
        group, whole = segment_subjects(group, whole)
        group, measured = elliptical_items(group, measured)
        out += [SentenceFigure(index, f) for f in group]
    return out


STAGES = ("rules", "rules+model")
# two or more capitalized syllables not opening the sentence: a name or a place the rules may have missed
CAPITALIZED = regex.compile(r"(?<=\S\s+)\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)+")


@functools.cache
def _office_words() -> frozenset[str]:
    """Capitalized words of offices and bodies: a run of only these is no name or place."""
    officials = patterns.load().officials
    words = {w.lower() for w in officials["office_words"]["words"]}
    words |= {w.lower() for head in officials["title_heads"]["words"] for w in head.split()}
    return frozenset(words)


def _model_stage(article: Article, figures: list[SentenceFigure], localities, officials, place_names,
                 reference, model_path: str | None):
    """The statistical stage, after the rules (extract/model.py): it reads the
    sentences holding a figure the rules gave no subject, or a capitalized
    word no rule mention covers, and adds what the rules' normalization
    accepts of its proposals."""
    from vnstats.extract import model
    from vnstats.extract.localities import inside_a_name, resolve_proposed
    from vnstats.extract.officials import officials_for_names

    covered = sorted([(m.start, m.end) for m in localities] + [(o.start, o.end) for _, o in officials])
    ends = [b for _, b in covered]

    starts_covered = [a for a, _ in covered]
    office = _office_words()

    def uncovered(s) -> bool:
        for m in CAPITALIZED.finditer(s.text):
            if all(w.lower() in office for w in m.group(0).split()):
                continue   # "Ban Thường vụ Tỉnh ủy": a body, no name
            at = s.start + m.start()
            k = bisect.bisect_right(starts_covered, at) - 1
            if k < 0 or ends[k] <= at:
                return True
        return False

    unnamed = {sf.sentence for sf in figures if sf.figure.subject is None}
    named = {s.index for s in article.sentences if uncovered(s)}
    proposals = model.propose(article.sentences, named, unnamed, model_path)
    if not proposals:
        return figures, localities, officials

    def overlaps(p, spans) -> bool:
        return any(p.start < b and a < p.end for a, b in spans)

    taken = covered + [(sf.figure.start, sf.figure.end) for sf in figures]
    by_sentence: dict[int, list] = {}
    for p in proposals:
        if not overlaps(p, taken):
            by_sentence.setdefault(p.sentence, []).append(p)
    sentences = {s.index: s for s in article.sentences}
    for index, found in sorted(by_sentence.items()):
        s = sentences[index]
        names = [(p.start - s.start, p.end - s.start) for p in found if p.label == "PER"]
        officials += [(index, o) for o in officials_for_names(s.text, s.start, names, place_names)]
    # "Trung tâm Y tế huyện Krông Pa": a place inside a facility's name is none, whoever proposes it
    places = [(p.text, p.start) for index, found in by_sentence.items() for p in found
              if p.label == "LOC" and not inside_a_name(sentences[index].text, p.start - sentences[index].start, listed=False)]
    localities = sorted(localities + resolve_proposed(places, localities, reference), key=lambda m: m.start)
    out = []
    for sf in figures:
        if sf.figure.subject is None:
            subjects = [p for p in by_sentence.get(sf.sentence, []) if p.label == model.SUBJECT_LABEL]
            before = [p for p in subjects if p.end <= sf.figure.start]
            after = [p for p in subjects if p.start >= sf.figure.end]
            chosen = max(before, key=lambda p: p.end) if before else min(after, key=lambda p: p.start) if after \
                else None
            if chosen is not None:
                sf = SentenceFigure(sf.sentence, dataclasses.replace(
                    sf.figure, subject=chosen.text, subject_start=chosen.start, subject_end=chosen.end,
                    subject_stage="model"))
        out.append(sf)
    officials.sort(key=lambda item: item[1].start)
    return out, localities, officials


def extract_article(article: Article, stages: str = DEFAULT_STAGES, model_path: str | None = None) -> Extraction:
    """Everything read from one article. ``stages``: "rules" alone (the
    default), or "rules+model" (the statistical stage, extract/model.py, adds
    what the rules missed); ``model_path``: a model folder other than the
    shipped one."""
    if stages not in STAGES:
        raise ValueError(f"unknown stages {stages!r}: use one of {', '.join(STAGES)}")
    published = parse_published(article.published)
    place_names = load_gazetteer().names()
    figures = figures_of(article)
    reference = published or _reference_date(article)
    dates, documents, officials = [], [], []
    today = None if published else _lead_day(article, reference)
    # "Đến nay, …" on a page with no date line: the day its lead writes
    now = published or (_lead_day(article, reference, stated=True) if today else None)
    for s in article.sentences:
        dates += [(s.index, d) for d in extract_dates(s.text, s.start, reference, stand_in=published is None,
                                                      today=today)]
        documents += [(s.index, d) for d in extract_documents(s.text, s.start)]
        officials += [(s.index, o) for o in extract_officials(s.text, s.start, place_names)]
    named_terms = [d for _, d in dates if d.text.lower().startswith("nhiệm kỳ")]
    for s in article.sentences:   # "nhiệm kỳ qua": known from the terms the article names
        dates += [(s.index, d) for d in past_terms(s.text, s.start, named_terms, reference and reference.year)]
    dates.sort(key=lambda pair: pair[1].start)
    localities = extract_localities([(s.text, s.start) for s in article.sentences], reference)
    figures = _list_keys_resolved(article, _in_table_units(article, _outside_place_names(
        _not_cut_off(article, figures), localities)), localities, place_names)
    if stages == "rules+model":
        figures, localities, officials = _model_stage(article, figures, localities, officials, place_names,
                                                      reference, model_path)
    links = link_figures(article, figures, dates, localities, published, reference,
                         [(d.start, d.end) for _, d in documents], today, now)
    starts = [s.start for s in article.sentences]
    return Extraction(figures, links, dates, documents, officials,
                      [(_sentence_of(article, starts, m.start), m) for m in localities])
