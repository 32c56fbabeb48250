"""Figures: every quantity a sentence states, normalized.

``extract_figures(sentence)`` finds numbers (digits, number words, "hàng
ngàn"), drops those that are dates, years, ordinals, identifiers or parts of
names (``patterns/not_figures.toml``, ``patterns/name_numbers.txt``), reads
the scale, unit or counter noun after each and the qualifier around it, then
ties each to the noun phrase it measures (``extract/subjects.py``).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, replace

import regex

from vnstats import patterns
from vnstats.extract.changes import read_changes
from vnstats.extract.dates import counted_after
from vnstats.extract.numbers import number_words, parse_digits, words_to_number
from vnstats.extract.subjects import (attach_subjects, bracketed_counters, bracketed_plans, drawn_from, events_before_counted, incidents_counted,
                                      level_topics, measures_of_counted, read_together, shared_restrictions)
from vnstats.extract.text import Parsed, PhraseSet, Token
from vnstats.extract.mentions import Candidate, Figure, Span

KINDS = ("count", "percent", "ratio", "money", "measure")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most")


@dataclass(frozen=True)
class _Lexicon:
    blocked: tuple[regex.Pattern, ...]
    name_numbers: PhraseSet
    name_exceptions: PhraseSet
    scales: dict[str, float]
    vague_prefix: str
    vague_values: dict[str, float]
    number_words: frozenset[str]
    standalone: frozenset[str]
    one_events: PhraseSet    # "một người chết": what befell the one makes "một" a count
    one_causes: PhraseSet    # "làm một người …"
    multiple_after: str      # "gấp đôi": a multiple named by a word
    multiple_values: dict[str, float]
    linking: frozenset[str]
    tens: frozenset[str]
    percent: regex.Pattern
    unit: regex.Pattern
    coordinated: regex.Pattern
    per_unit: regex.Pattern
    range_joiners: frozenset[str]
    currency: dict[str, str]
    measure: dict[str, str]
    counters: frozenset[str]
    coordinated_heads: frozenset[str]
    unit_levels: frozenset[str]
    multiples: frozenset[str]
    scores: frozenset[str]
    density_areas: frozenset[str]
    multiple_words: PhraseSet   # "xã phường": level words coordinated without a comma
    classifiers: frozenset[str]
    default_money_scales: frozenset[str]
    default_money_code: str
    qualifiers_before: dict[str, str]
    qualifier_phrases: PhraseSet
    qualifiers_after: dict[str, str]
    after_phrases: PhraseSet
    range_openers: frozenset[str]
    estimate_word: str                    # "ước" earlier in the clause: an estimate
    estimate_not_after: frozenset[str]
    estimate_not_before: frozenset[str]
    estimate_time_after: PhraseSet        # "Ước đến tháng 9, …": the time is hedged, not the figure
    comparative_adjectives: frozenset[str]
    not_nouns: PhraseSet
    generic: frozenset[str]
    numbered_units: frozenset[str]   # "quận", "phường": the level words a number may name
    scale_nouns: frozenset[tuple[str, str]]   # ("tỷ", "lệ"): a scale word that begins a noun


def _alternation(words) -> str:
    """Regex alternation, longest first, so the longest entry wins."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def lexicon() -> _Lexicon:
    p = patterns.load()
    units, quals, subj, nums = p.units, p.qualifiers, p.subjects, p.numbers
    counters = [c.lower() for c in p.counters]
    coordinated = [c.lower() for c in p.coordinated_counters]
    classifiers = [c.lower() for c in p.classifiers]
    currency = {k.lower(): v for k, v in units["currency"].items()}
    measure = {k.lower(): v for k, v in units["measure"].items()}
    end = r"(?![\p{L}\p{M}\d])"
    nouns = _alternation([*currency, *measure, *counters, *classifiers])
    qualifiers_before = {w: q for q, words in quals["before"].items() for w in words}
    qualifiers_after = {w: q for q, words in quals["after"].items() for w in words}
    return _Lexicon(
        blocked=tuple((regex.compile(s["pattern"]), tuple(s.get("needs", ()))) for s in p.not_figures["span"]),
        name_numbers=PhraseSet(p.name_numbers),
        name_exceptions=PhraseSet(p.not_figures["name_number_exceptions"]["phrases"]),
        scales={k: float(v) for k, v in nums["scales"].items()},
        vague_prefix=nums["vague"]["prefix"],
        vague_values={k: float(v) for k, v in nums["vague"]["values"].items()},
        number_words=number_words(),
        standalone=frozenset(nums["standalone"]["words"]),
        one_events=PhraseSet(nums["one_befallen"]["events"]),
        one_causes=PhraseSet(nums["one_befallen"]["causes"]),
        multiple_after=nums["multiple_words"]["after"],
        multiple_values={k: float(v) for k, v in nums["multiple_words"]["values"].items()},
        linking=frozenset(nums["words"]["linking"]) | {nums["words"]["decimal"]},
        tens=frozenset([nums["words"]["ten"], nums["words"]["tens"]]),
        percent=regex.compile(r"\s*(?:" + _alternation(units["percent"]["words"]) + ")" + end,
                              regex.IGNORECASE),
        unit=regex.compile(
            r"\s*(?:(?P<cls>" + _alternation(classifiers) + r")\s+)?(?P<unit>" + nouns + ")" + end,
            regex.IGNORECASE),
        coordinated=regex.compile(r"(?:\s*,\s*|\s+)(?P<unit>" + _alternation(coordinated) + ")" + end,
                                  regex.IGNORECASE),
        per_unit=regex.compile(r"\s?/\s?(?P<per>[\p{L}\p{M}]+[\d²³]?)" + end),   # "người/km²"
        range_joiners=frozenset(quals["range_joiners"]["words"]),
        currency=currency,
        measure=measure,
        counters=frozenset(counters),
        coordinated_heads=frozenset(coordinated),
        multiples=frozenset(p.units["multiples"]["counters"]),
        scores=frozenset(p.units["scores"]["counters"]),
        density_areas=frozenset(p.units["densities"]["per"]),
        multiple_words=PhraseSet(p.units["multiples"]["before"]),
        unit_levels=frozenset(patterns.unit_level_words(p)),
        classifiers=frozenset(classifiers),
        default_money_scales=frozenset(units["currency_default"]["scales"]),
        default_money_code=units["currency_default"]["code"],
        qualifiers_before=qualifiers_before,
        qualifier_phrases=PhraseSet(qualifiers_before),
        qualifiers_after=qualifiers_after,
        after_phrases=PhraseSet(qualifiers_after),
        range_openers=frozenset(quals["range_opener"]["words"]),
        estimate_word=quals["estimate_in_clause"]["word"],
        estimate_not_after=frozenset(quals["estimate_in_clause"]["not_after"]),
        estimate_not_before=frozenset(quals["estimate_in_clause"]["not_before"]),
        estimate_time_after=PhraseSet(quals["estimate_in_clause"]["time_after"]),
        comparative_adjectives=frozenset(quals["comparative_adjectives"]["words"]),
        not_nouns=PhraseSet([*subj["forward_stops"]["words"], *subj["link_verbs"]["words"],
                             *qualifiers_before, *qualifiers_after]),
        generic=frozenset(subj["generic_counters"]["words"]),
        numbered_units=frozenset(p.localities["numbered_units"]["words"]),
        scale_nouns=frozenset(tuple(w.lower().split()) for w in nums["scale_nouns"]["words"]),
    )


# --- finding numbers ---------------------------------------------------------

def _blocked_spans(text: str, lex: _Lexicon) -> list[tuple[int, int]]:
    """Where numbers are no figures, merged into sorted, non-overlapping spans."""
    # "trưa nay, 12/12 xã biên giới" is a ratio, not the day a false friend takes it for
    lowered = text.lower()
    spans = sorted(m.span() for rx, needs in lex.blocked if not needs or any(w in lowered for w in needs)
                   for m in rx.finditer(text) if not counted_after(text, m))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class _BlockedSpans:
    """A sentence's blocked spans, found when a number first asks: half of
    all sentences hold no number to check, and the span patterns are a fifth
    of extraction's cost."""

    __slots__ = ("_text", "_lex", "_spans")

    def __init__(self, text: str, lex: _Lexicon):
        self._text, self._lex, self._spans = text, lex, None

    def covers(self, token: Token) -> bool:
        """Whether the token overlaps a blocked span (a bisection over the
        merged spans, so a sentence with many numbers and spans stays linear)."""
        if self._spans is None:
            self._spans = _blocked_spans(self._text, self._lex)
        i = bisect.bisect_left(self._spans, (token.end,)) - 1
        return i >= 0 and self._spans[i][1] > token.start


def _names_or_ranks(tokens: list[Token], i: int, lex: _Lexicon) -> bool:
    """A number right after a naming noun ("Quận 1", "khóa 12", "lần thứ 17")."""
    if not lex.name_numbers.match_before(tokens, i):
        return False
    if tokens[i - 1].lower in lex.unit_levels and len(tokens[i].text.replace(".", "")) >= 3:
        return False   # "Phường 3" is a name, "khối xã 1685 đồng chí" a count: units are numbered below 100
    if tokens[i - 1].lower in lex.unit_levels and tokens[i - 1].lower not in lex.numbered_units \
            and i + 1 < len(tokens) and tokens[i + 1].lower in lex.counters:
        return False   # "cấp huyện 7 trường": no district bears a number; 7 counts schools
    return not lex.name_exceptions.match_before(tokens, i)


def _followed_by_quantity_word(s: Parsed, i: int, lex: _Lexicon) -> bool:
    """"%", a scale word, a currency or a measure after the number make it a
    quantity even after a naming noun: "vốn trung ương 800 tỷ đồng"."""
    if i + 1 < len(s.tokens) and s.tokens[i + 1].lower in lex.scales:
        return True
    if lex.percent.match(s.text, s.tokens[i].end):
        return True
    unit = lex.unit.match(s.text, s.tokens[i].end)
    if unit and not unit.group("cls") and (unit.group("unit").lower() in lex.currency
                                           or unit.group("unit").lower() in lex.measure):
        return True
    # the start of a range whose end is a quantity: "(kế hoạch 9-9,5%)"
    t = s.tokens
    return i + 2 < len(t) and t[i + 1].text in ("-", "–") and t[i + 2].is_number \
        and t[i + 1].start == t[i].end and bool(lex.percent.match(s.text, t[i + 2].end))


def _per(match: regex.Match) -> str:
    """What a unit is per, as the unit tables write it: "km²" is "km2"."""
    return match.group("per").lower().replace("²", "2").replace("³", "3")


def _adjacent(tokens: list[Token], i: int, j: int) -> bool:
    return tokens[i].end == tokens[j].start


def _read_digits(s: Parsed, i: int, lex: _Lexicon, blocked: _BlockedSpans) -> Candidate | None:
    tokens = s.tokens
    token = tokens[i]
    if blocked.covers(token):
        return None
    if i >= 2 and tokens[i - 1].text == "/" and tokens[i - 2].is_number and _adjacent(tokens, i - 1, i):
        return None  # the second half of "1/5" or "15/63", whatever the first half was
    if not _followed_by_quantity_word(s, i, lex) and _names_or_ranks(tokens, i, lex):
        return None
    if i + 2 < len(tokens) and tokens[i + 1].text == "/" and tokens[i + 2].is_number \
            and _adjacent(tokens, i, i + 1) and _adjacent(tokens, i + 1, i + 2):
        if blocked.covers(tokens[i + 2]):
            return None
        value, total = parse_digits(token.text), parse_digits(tokens[i + 2].text)
        if value > total or total == 0:
            return None  # "15/3" with no date word: a date, not a ratio
        candidate = Candidate(i, i, i + 3, value, "ratio", kind="ratio", total=total)
        _read_unit(s, candidate, lex)
        if candidate.unit is None and total <= 12 and value <= 31:
            return None  # "2/5" alone reads as a date
        return candidate
    return Candidate(i, i, i + 1, parse_digits(token.text), "digits")


def _read_words(tokens, i, lex, blocked: _BlockedSpans) -> Candidate | None:
    """A written-out number starting at token i ("mười lăm cán bộ")."""
    run = i
    while run < len(tokens) and tokens[run].is_word and tokens[run].lower in lex.number_words:
        # "mười năm" is ten years, not fifteen ("mười lăm")
        if tokens[run].lower == "năm" and run > i and tokens[run - 1].lower in lex.tens:
            break
        if _begins_scale_noun(tokens, run, lex):
            break   # "một tỷ lệ": a share, not a billion
        run += 1
    words = [t.lower for t in tokens[i:run]]
    if not words or words[0] in lex.linking:
        return None
    first = tokens[i]
    sentence_initial = i == 0 or tokens[i - 1].text in {":", '"', "“", "(", "-", "–"}
    if first.text[0].isupper() and not sentence_initial:
        return None  # "Ba Đình", "Hai Bà Trưng": names
    if len(words) == 1 and words[0] not in lex.standalone and not (words[0] == "một" and _one_befallen(tokens, i, lex)):
        return None  # "một", "năm", "tư" alone are rarely numbers
    if blocked.covers(first):
        return None   # "Chín tháng đầu năm": a period
    value = words_to_number(words)
    if value is None or _names_or_ranks(tokens, i, lex):
        return None
    return Candidate(i, i, run, value, "words")


def _one_befallen(tokens: list[Token], i: int, lex: _Lexicon) -> bool:
    """"một" at token i counts one: a counter follows, then what befell it
    ("một người chết", "một thuyền bị chìm"), or a cause stands before it
    ("làm một người …"). numbers.toml [one_befallen]."""
    size = next((n for n in (2, 1) if i + 1 + n <= len(tokens)
                 and " ".join(t.lower for t in tokens[i + 1:i + 1 + n]) in lex.counters), 0)
    if not size:
        return False
    return bool(lex.one_events.match_at(tokens, i + 1 + size) if i + 1 + size < len(tokens) else False) \
        or bool(lex.one_causes.match_before(tokens, i))


# --- reading what follows a number -------------------------------------------

def _token_at(tokens: list[Token], char: int, start: int) -> int:
    """Index of the first token at or after ``char``."""
    i = start
    while i < len(tokens) and tokens[i].start < char:
        i += 1
    return i


def _begins_scale_noun(tokens: list[Token], i: int, lex: _Lexicon) -> bool:
    """Token i is a scale word that begins a noun ("tỷ lệ", "triệu chứng")."""
    return i + 1 < len(tokens) and (tokens[i].lower, tokens[i + 1].lower) in lex.scale_nouns


def _read_scales(s: Parsed, c: Candidate, lex: _Lexicon) -> None:
    """'2,5 tỷ', '3 nghìn tỷ', '2 tỷ 500 triệu'."""
    tokens = s.tokens
    i = c.after
    applied = False
    while i < len(tokens) and tokens[i].lower in lex.scales and not _begins_scale_noun(tokens, i, lex):
        c.value *= lex.scales[tokens[i].lower]
        last_scale = lex.scales[tokens[i].lower]
        i += 1
        applied = True
        # "2 tỷ 500 triệu": a smaller group follows
        if i + 1 < len(tokens) and tokens[i].is_number and tokens[i + 1].lower in lex.scales \
                and lex.scales[tokens[i + 1].lower] < last_scale:
            c.value += parse_digits(tokens[i].text) * lex.scales[tokens[i + 1].lower]
            i += 2
    if applied:
        c.rule += "+scale"
        c.after = i
        c.scale_word = tokens[i - 1].lower


NAME_AFTER = regex.compile(r"\s+\p{Lu}")


def _names_a_place(text: str, more: regex.Match) -> bool:
    """"12 xã, huyện Ea Súp có 8 xã": a level word followed by a name is the
    next place of a list, not one more counter of this count."""
    return more.group("unit").lower() in lexicon().unit_levels and bool(NAME_AFTER.match(text, more.end()))


def _read_unit(s: Parsed, c: Candidate, lex: _Lexicon) -> None:
    tokens, text = s.tokens, s.text
    pos = tokens[c.after - 1].end
    percent = lex.percent.match(text, pos)
    if percent and c.kind != "ratio":
        c.kind, c.unit = "percent", "%"
        c.after = _token_at(tokens, percent.end(), c.after)
        return
    match = lex.unit.match(text, pos)
    if match:
        surface = match.group("unit").lower()
        classifier = (match.group("cls") or "").lower()
        head_char = match.start("unit")
        if not classifier and (surface in lex.currency or surface in lex.measure):
            if surface in lex.currency:
                kind, unit = "money", lex.currency[surface]
            else:
                kind, unit = "measure", lex.measure[surface]
            end = match.end()
            # "748 kg/người/năm": a measure keeps what it is per; money is its
            # currency alone ("7.800 đồng/kg" is VND), the "/kg" stays in its text
            while (per := lex.per_unit.match(text, end)) and "/" not in (unit if kind == "money" else "") \
                    and unit.count("/") < 2:
                if kind != "money":
                    unit = f"{unit}/{_per(per)}"
                end = per.end()
            c.unit = unit
            if c.kind != "ratio":
                c.kind = kind
            c.after = _token_at(tokens, end, c.after)
            return
        else:
            unit = f"{classifier} {surface}" if classifier else surface
            end = match.end()
            per = lex.per_unit.match(text, end)
            if per:
                unit, end = f"{unit}/{_per(per)}", per.end()
                if _per(per) in lex.density_areas and c.kind != "ratio":
                    c.kind = "measure"   # "5.505 người/km²": persons per area is a density, not a count
            while surface in lex.coordinated_heads and (more := lex.coordinated.match(text, end)) and (
                    "," in more.group(0) or (surface in lex.unit_levels and more.group("unit").lower() in lex.unit_levels)) \
                    and not _names_a_place(text, more):
                # as written: "thôn, bản, tổ dân phố", "xã phường, thị trấn"
                unit += (", " if "," in more.group(0) else " ") + more.group("unit").lower()
                end = more.end()
            c.unit = unit
            if surface in lex.multiples and (c.value != int(c.value) or lex.multiple_words.match_before(tokens, c.first)):
                c.kind = "measure"   # "gấp 2,3 lần"
            if surface in lex.scores and c.value != int(c.value) and c.kind != "ratio":
                c.kind = "measure"   # "đạt 54,5 điểm"
            c.generic = surface in lex.generic
            c.head = _token_at(tokens, head_char, c.after)
            c.unit_end = _token_at(tokens, end, c.after)
            c.after = c.unit_end
            return
    _read_fallback_noun(s, c, lex)


def _read_fallback_noun(s: Parsed, c: Candidate, lex: _Lexicon) -> None:
    """A counter noun not in the list: the first word (by underthesea's word
    segmentation) of the phrase after the number."""
    tokens = s.tokens
    i = c.after
    if i >= len(tokens) or not tokens[i].is_word or lex.not_nouns.match_at(tokens, i):
        if c.kind == "count" and c.scale_word in lex.default_money_scales:
            c.kind, c.unit = "money", lex.default_money_code
        return
    from underthesea import word_tokenize  # loaded once, on first use

    if tokens[i].lower == "số" and i + 1 < len(tokens) and tokens[i + 1].is_word:
        i += 1   # "62/76 số phiếu" counts "phiếu"
    window_end = min(i + 4, len(tokens))
    window = s.text[tokens[i].start:tokens[window_end - 1].end]
    first_word = (word_tokenize(window) or [tokens[i].text])[0]
    syllables = len(first_word.split())
    if not all(t.is_word for t in tokens[i:i + syllables]):
        syllables = 1
    c.unit = " ".join(t.lower for t in tokens[i:i + syllables])
    c.head = i
    c.unit_end = i + syllables
    if per := lex.per_unit.match(s.text, tokens[c.unit_end - 1].end):   # "30 toa/ngày"
        c.unit = f"{c.unit}/{_per(per)}"
        c.unit_end = _token_at(tokens, per.end(), c.unit_end)
    c.after = c.unit_end
    c.rule += "+noun"


def _read_qualifier(tokens, c: Candidate, lex) -> None:
    size = lex.qualifier_phrases.match_before(tokens, c.number_first)
    if size:
        phrase = " ".join(t.lower for t in tokens[c.number_first - size:c.number_first])
        before = c.number_first - size - 1
        if phrase == "hơn" and before >= 0 and tokens[before].lower in lex.comparative_adjectives:
            c.first = before   # "cao hơn 1,03%": higher by, not more than
        else:
            c.qualifier = lex.qualifiers_before[phrase]
            c.first = c.number_first - size
    size = lex.after_phrases.match_at(tokens, c.after)
    if size:
        phrase = " ".join(t.lower for t in tokens[c.after:c.after + size])
        c.qualifier = lex.qualifiers_after[phrase]
        c.after += size
        if c.first > 0 and tokens[c.first - 1].lower in lex.range_openers:
            c.first -= 1


def _bound_range(tokens: list[Token], lower: Candidate, upper: Candidate, lex: _Lexicon) -> None:
    """"từ 45-60 km", "20-25 m": the ends of a range are bounds, the lower
    ``at_least`` (with its "từ"), the upper ``at_most``; a qualifier written
    before the range ("khoảng 20-25 m") holds for both."""
    if lower.qualifier != "exact":
        upper.qualifier = lower.qualifier
        return
    lower.qualifier, upper.qualifier = "at_least", "at_most"
    if lower.first > 0 and tokens[lower.first - 1].lower in lex.range_openers:
        lower.first -= 1


def _joins_range(tokens: list[Token], lower: Candidate, upper: Candidate, lex: _Lexicon) -> bool:
    between = tokens[lower.after:upper.first]
    return len(between) == 1 and between[0].lower in lex.range_joiners


def _candidates(s: Parsed, lex: _Lexicon, blocked: _BlockedSpans) -> list[Candidate]:
    tokens = s.tokens
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        candidate = None
        if token.is_number:
            candidate = _read_digits(s, i, lex, blocked)
        elif token.lower == lex.vague_prefix and i + 1 < len(tokens) \
                and tokens[i + 1].lower in lex.vague_values:
            # "hàng ngàn": the scale word stands for the number
            candidate = Candidate(i + 1, i + 1, i + 2, lex.vague_values[tokens[i + 1].lower], "vague")
            if i + 2 < len(tokens) and tokens[i + 2].lower in lex.scales:
                candidate.value *= lex.scales[tokens[i + 2].lower]  # "hàng chục nghìn"
                candidate.after += 1
        elif token.lower == lex.multiple_after and i + 1 < len(tokens) \
                and tokens[i + 1].lower in lex.multiple_values and not blocked.covers(token):
            # "tăng gần gấp đôi": a multiple, in "lần"
            candidate = Candidate(i, i, i + 2, lex.multiple_values[tokens[i + 1].lower], "multiple-word",
                                  kind="measure", unit="lần")
            _read_qualifier(tokens, candidate, lex)
            found.append(candidate)
            i += 2
            continue
        elif token.is_word and token.lower in lex.number_words:
            candidate = _read_words(tokens, i, lex, blocked)
        if candidate is None:
            i += 1
            continue
        if candidate.kind != "ratio":
            _read_scales(s, candidate, lex)
            _read_unit(s, candidate, lex)
        if candidate.rule == "words" and candidate.unit is None:
            i += 1  # a number word with no noun after it is no figure ("Hai là")
            continue
        _read_qualifier(tokens, candidate, lex)
        candidate.value = float(f"{candidate.value:.12g}")  # 4.215,6 tỷ: no binary residue
        if found and _joins_range(tokens, found[-1], candidate, lex):
            lower = found[-1]  # "từ 7.200 đến 7.800 đồng/kg": the lower end takes the unit
            if lower.unit is None and lower.kind == "count":
                lower.kind, lower.unit = candidate.kind, candidate.unit
                if candidate.scale_word and not lower.scale_word:
                    lower.value *= lex.scales[candidate.scale_word]
            candidate.range_with_previous = True
            _bound_range(tokens, lower, candidate, lex)
        found.append(candidate)
        i = max(candidate.after, i + 1)
    return found


CLAUSE_MARKS = frozenset(",;:()[].")


def _estimates_in_clause(tokens: list[Token], candidates: list[Candidate], lex: _Lexicon) -> None:
    """An exact figure whose own clause says "ước" before it, with no comma and
    no other figure between, is an estimate ("Quảng Ninh ước đón 1,32 triệu
    lượt khách"); qualifiers.toml [estimate_in_clause]."""
    low = 0
    for c in candidates:
        if c.qualifier == "exact":
            for k in range(c.first - 1, low - 1, -1):
                token = tokens[k]
                if token.text in CLAUSE_MARKS:
                    break
                if token.lower == lex.estimate_word \
                        and not (k > 0 and tokens[k - 1].lower in lex.estimate_not_after) \
                        and not (k + 1 < len(tokens) and tokens[k + 1].lower in lex.estimate_not_before):
                    if not lex.estimate_time_after.match_at(tokens, k + 1):
                        c.qualifier = "approx"
                    break
        low = c.after


def extract_figures(sentence: str, offset: int = 0) -> list[Figure]:
    """Every figure in one sentence, with offsets shifted by ``offset``."""
    lex = lexicon()
    parsed = Parsed.of(sentence)
    tokens = parsed.tokens
    candidates = read_together(_candidates(parsed, lex, _BlockedSpans(sentence, lex)), tokens)
    _estimates_in_clause(tokens, candidates, lex)
    subjects = attach_subjects(parsed, candidates)
    changes = read_changes(parsed, candidates, subjects)
    shared = [next((c for c in composed if c), None) for composed in
              zip(bracketed_plans(parsed, candidates, subjects),
                  shared_restrictions(parsed, candidates, subjects), level_topics(parsed, candidates, subjects),
                  measures_of_counted(parsed, candidates, subjects),
                  events_before_counted(parsed, candidates, subjects), drawn_from(parsed, candidates, subjects),
                  incidents_counted(parsed, candidates, subjects))]
    counters = bracketed_counters(parsed, candidates)
    figures = []
    for c, subject, change, composed, counter in zip(candidates, subjects, changes, shared, counters):
        start, end = tokens[c.first].start, tokens[c.after - 1].end
        figures.append(Figure(
            start=offset + start, end=offset + end, text=sentence[start:end],
            value=-c.value if change.negative else c.value, kind=c.kind, unit=c.unit or counter, total=c.total,
            qualifier=c.qualifier,
            subject=composed[0] if composed else (subject.text_in(sentence) if subject else None),
            subject_start=offset + (composed[1] if composed else subject.start) if subject or composed else None,
            subject_end=offset + (composed[2] if composed else subject.end) if subject or composed else None,
            rule=c.rule + (f"/{subject.rule}" if subject else ""),
            change=change.change, compared_to=change.compared_to,
        ))
    return figures


def shifted(figure: Figure, by: int) -> Figure:
    """The same figure with offsets moved by ``by`` characters."""
    return replace(
        figure, start=figure.start + by, end=figure.end + by,
        subject_start=None if figure.subject_start is None else figure.subject_start + by,
        subject_end=None if figure.subject_end is None else figure.subject_end + by,
    )


__all__ = ["Figure", "Candidate", "Span", "extract_figures", "shifted", "KINDS", "QUALIFIERS"]


@dataclass(frozen=True)
class ListHeader:
    """The measure a list's header names, where no figure of its own measures it."""
    subject: str
    subject_start: int
    subject_end: int
    unit: None = None
    kind: None = None


@functools.cache
def _judgement_tail() -> regex.Pattern:
    return regex.compile(patterns.load().subjects["list_headers"]["judgement_tail"])


@functools.cache
def _place_counters() -> frozenset[str]:
    """Counters of places ("6 địa phương", "12 tỉnh", "5 huyện")."""
    p = patterns.load()
    return frozenset(w.lower() for w in [*patterns.unit_level_words(p), *p.subjects["list_headers"]["place_counters"]])


@functools.cache
def _list_header_words() -> tuple[PhraseSet, PhraseSet, tuple[str, ...]]:
    data = patterns.load().subjects["list_headers"]
    # the openers' first words, to rule most sentences out before tokenizing them
    firsts = tuple(sorted({w.split()[0].lower() for w in data["openers"]}))
    return PhraseSet(data["openers"]), PhraseSet(data["judgements"]), firsts


@functools.cache
def _list_marker() -> regex.Pattern:
    return regex.compile(patterns.load().subjects["list_headers"]["markers"])


def list_header(sentence: str, offset: int, before: str | None = None, before_offset: int = 0) -> ListHeader | None:
    """The measure a list keyed by places names in its header: the words
    before the colon that opens the list ("Lượng mưa phổ biến rất lớn:
    Cẩm Nhượng 292mm" → "Lượng mưa"), or ``before``, the sentence before, when
    this one opens with "Cụ thể," and the like. Read as the subject a figure
    right after the header would have, the header's judgement ("rất lớn",
    "đạt cao") left out. None where there is no header."""
    openers, judgements, firsts = _list_header_words()
    colon = sentence.find(":")
    first_digit = next((i for i, ch in enumerate(sentence) if ch.isdigit()), len(sentence))
    marker = _list_marker().search(sentence, 0, first_digit)
    if 0 < colon < first_digit:
        header, at = sentence[:colon], offset
    elif marker is not None:
        header, at = sentence[:marker.start()], offset
    elif before is not None and sentence.lower().startswith(firsts) \
            and openers.match_at(Parsed.of(sentence[:30]).tokens, 0):
        figures = extract_figures(before)
        if not figures:
            header, at = before.rstrip().rstrip(".;"), before_offset
        elif figures[-1].kind == "count" and (figures[-1].unit or "").lower() in _place_counters():
            # "Có 6 địa phương tăng trưởng 2 con số. Cụ thể, Quảng Ngãi tăng 11,51%, …": the places
            # are counted last, and what they are counted for is the list's measure
            header, at = before[figures[-1].end:].rstrip().rstrip(".;"), before_offset + figures[-1].end
        else:
            return None
    else:
        return None
    header = _judgement_tail().sub("", header.rstrip())
    tokens = Parsed.of(header).tokens
    end = len(tokens)
    while end > 0 and (tokens[end - 1].is_punct or (size := judgements.match_before(tokens, end))):
        end -= 1 if tokens[end - 1].is_punct else size
    if end == 0:
        return None
    measure = measure_named_by(header[:tokens[end - 1].end], at)
    return ListHeader(*measure) if measure else None


def measure_named_by(line: str, offset: int) -> tuple[str, int, int] | None:
    """What a line naming a measure without a figure names (a list's header, a
    table's title): the subject a figure right after it would have, as
    (subject, start, end) with offsets shifted by ``offset``."""
    found = extract_figures(line + " đạt 1%")
    if not found or not found[-1].subject or found[-1].subject_end > len(line):
        return None
    f = found[-1]
    return f.subject, offset + f.subject_start, offset + f.subject_end


@functools.cache
def _declared_pattern() -> tuple[regex.Pattern, int]:
    data = patterns.load().units["declared"]
    return regex.compile(data["pattern"]), data["prose_words"]


_BARE_NUMBER = regex.compile(r"\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?")


def declared_unit(sentence: str) -> tuple[str, float, str | None] | None:
    """The unit a table heading declares ("(ĐVT: giường)", "Đơn vị tính: tỷ
    đồng"), as (kind, value of one, unit): read as a figure of one in it, so
    every unit the figures know is known here. None without a declaration,
    or where the declared words are no unit the figures read."""
    match = _declared_pattern()[0].search(sentence)
    if not match:
        return None
    phrase = "1 " + match.group("unit").strip()
    found = extract_figures(phrase)
    if len(found) != 1 or found[0].unit is None or found[0].end < len(phrase.rstrip(". ")):
        return None
    return found[0].kind, found[0].value, found[0].unit


def in_declared_units(sentences: list[tuple[str, int, list[Figure]]]) -> list[list[Figure]]:
    """Figures of the sentences of an article (text, start, figures), in order,
    with each bare number of a table (no unit, digits alone: "7.680") read in
    the unit its heading declared: 7.680 under "(ĐVT: giường)" counts beds;
    1.234 under "ĐVT: tỷ đồng" is 1,234 billion dong. The table's title, the
    line before the declaration ("Số giường bệnh năm 2020 phân theo
    quận/huyện"), names what its bare numbers measure, unless a row names it.
    A declaration holds until another one, or until a sentence of prose."""
    _, prose_words = _declared_pattern()
    declared, title = None, None
    out = []
    previous: tuple[str, int] | None = None   # the line before, when it holds no figure
    for text, start, figures in sentences:
        here = declared_unit(text) if "vị" in text.lower() or "đvt" in text.lower() else None
        if here is not None:
            declared = here
            title = _table_title(text, start, previous)
        elif declared is not None and not figures and len(text.split()) >= prose_words \
                and text.rstrip().endswith((".", "!", "?")) and not any(ch.isdigit() for ch in text):
            declared, title = None, None   # a sentence of prose, ended as one (a table's header row is not)
        if declared is not None and figures:
            kind, scale, unit = declared
            figures = [replace(f, kind=kind, value=f.value * scale, unit=unit, **_titled(f, title))
                       if f.unit is None and f.kind == "count" and _BARE_NUMBER.fullmatch(f.text) else f
                       for f in figures]
        out.append(figures)
        previous = None if figures else (text, start)
    return out


def _table_title(text: str, start: int, previous: tuple[str, int] | None) -> tuple[str, int, int] | None:
    """What a table measures, from its title: the words before the declaration
    on its line, else the line before ("Số giường bệnh năm 2020 phân theo
    quận/huyện" → "giường bệnh"), as (subject, start, end)."""
    at = _declared_pattern()[0].search(text).start()
    before = text[:at].rstrip(" (")
    if before.strip():
        line, offset = before, start
    elif previous is not None:   # the line before, when it holds no figure of its own
        line, offset = previous
    else:
        return None
    return measure_named_by(line.rstrip().rstrip(".:"), offset)


def _titled(f: Figure, title: tuple[str, int, int] | None) -> dict:
    """A bare table number's subject: the table's title, where its row gave it none but a place."""
    if title is None or (f.subject is not None and f.subject_start is not None and f.subject_start > f.start):
        return {}
    return {"subject": title[0], "subject_start": title[1], "subject_end": title[2]}
