"""What a figure measures: the noun phrase tied to it by the sentence's structure.

Rules, tried in this order (word lists in ``patterns/subjects.toml``):

1. comparison: "…đạt 1.250 tỷ đồng, bằng 52,4% dự toán" — a figure right
   after a comma and a comparative measures the figure before it;
2. link verb: "[subject] chiếm/đạt/là [figure]" — the phrase before the verb
   (for a count with its own counter noun, only after a copula: "là");
3. counter noun: "[figure] [counter] [modifiers]" — the counter and what
   follows it ("29 cán bộ trẻ"); a counter that only says "persons"
   ("1.872 đồng chí") takes the action named before it instead;
4. a figure before a noun: "có 68,39% Bí thư cấp ủy", "35,8 km đường giao
   thông" — the noun phrase after;
5. otherwise the phrase before the figure ("tỷ lệ cán bộ nữ trên 40%").

A phrase before the figure runs back to the clause start. Commas end it,
except around short coordinated pieces ("cao cấp, cử nhân") and when an
earlier piece opens with a subject head ("Số cán bộ …, … đạt 100%").
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from dataclasses import dataclass

import regex

from vnstats import patterns
from vnstats.extract.gazetteer import load as load_gazetteer, normalize_key
from vnstats.extract.mentions import Candidate, Span
from vnstats.extract.text import Parsed, PhraseSet, in_word_with_neighbour, two_syllable_words


# punctuation that always ends a clause
HARD_BOUNDARIES = frozenset(";:()[]“”\"!?….")


@dataclass(frozen=True)
class _Rules:
    link_verbs: PhraseSet
    realized: PhraseSet
    copulas: PhraseSet
    comparatives: PhraseSet
    change_words: PhraseSet
    time_words: PhraseSet
    heads: PhraseSet
    multiword_heads: PhraseSet
    openers: PhraseSet
    light_verbs: PhraseSet
    trailing: PhraseSet
    cuts: PhraseSet
    stops: PhraseSet
    figure_verbs: PhraseSet
    clause_verbs: PhraseSet
    closers: PhraseSet
    name_before: PhraseSet
    name_before_linked: PhraseSet
    person_events: frozenset[str]
    aspect_markers: frozenset[str]
    recording_verbs: PhraseSet
    conjunctions: PhraseSet
    counted_by_deed: frozenset[str]
    adverbials: PhraseSet
    tail_cuts: PhraseSet
    measure_names: PhraseSet
    person_predicates: PhraseSet
    place_of: PhraseSet
    examples: PhraseSet
    dangling_first: PhraseSet
    dangling_last: PhraseSet
    unit_words: PhraseSet
    short: int
    max_item: int
    max_forward: int
    max_backward: int
    clause_links: PhraseSet
    unit_levels: PhraseSet
    place_levels: PhraseSet
    body_joins: PhraseSet
    elect_verbs: PhraseSet
    name_numbers: PhraseSet
    bodies: PhraseSet
    place_openers: PhraseSet
    organizations: PhraseSet
    share_words: PhraseSet
    ranks: PhraseSet
    plan_bases: PhraseSet
    new_phrases: PhraseSet
    key_words: PhraseSet   # ranks and words that, beside a place, key a list


@functools.cache
def _rules() -> _Rules:
    p = patterns.load()
    s = p.subjects
    heads = s["subject_heads"]["words"]
    return _Rules(
        link_verbs=PhraseSet([*s["link_verbs"]["words"], *s["link_verbs"]["realized"]]),
        realized=PhraseSet(s["link_verbs"]["realized"]),
        copulas=PhraseSet(s["copulas"]["words"]),
        comparatives=PhraseSet(s["comparatives"]["words"]),
        change_words=PhraseSet(s["change_words"]["words"]),
        time_words=PhraseSet(s["time_words"]["words"]),
        heads=PhraseSet(heads),
        multiword_heads=PhraseSet([h for h in heads if " " in h]),
        openers=PhraseSet(s["clause_openers"]["words"]),
        light_verbs=PhraseSet(s["light_verbs"]["words"]),
        trailing=PhraseSet([*s["trailing_words"]["words"], *s["link_verbs"]["words"]]),
        cuts=PhraseSet(s["backward_cuts"]["words"]),
        stops=PhraseSet(s["forward_stops"]["words"]),
        figure_verbs=PhraseSet(s["figure_verbs"]["words"]),
        clause_verbs=PhraseSet(s["clause_verbs"]["words"]),
        closers=PhraseSet(s["restriction_closers"]["words"]),
        name_before=PhraseSet(s["name_before_counters"]["words"]),
        name_before_linked=PhraseSet(s["name_before_counters"]["after_link_verb"]),
        person_events=frozenset(s["person_events"]["words"]),
        aspect_markers=frozenset(s["aspect_markers"]["words"]),
        recording_verbs=PhraseSet(s["recording_verbs"]["words"]),
        conjunctions=PhraseSet(s["conjunctions"]["words"]),
        counted_by_deed=frozenset(w.lower() for w in s["generic_counters"]["counted_by_deed"]),
        adverbials=PhraseSet(s["adverbial_pieces"]["words"]),
        tail_cuts=PhraseSet(s["tail_cuts"]["words"]),
        measure_names=PhraseSet(s["measure_names"]["words"]),
        person_predicates=PhraseSet(s["person_predicates"]["words"]),
        place_of=PhraseSet(s["place_of_names"]["words"]),
        examples=PhraseSet(s["example_openers"]["words"]),
        dangling_first=PhraseSet(s["dangling_words"]["first"]),
        dangling_last=PhraseSet(s["dangling_words"]["last"]),
        unit_words=PhraseSet([*p.units["measure"], *p.units["currency"], *p.units["percent"]["words"],
                              *p.numbers["scales"], "cùng kỳ", "lần", "lượt"]),
        short=s["limits"]["short_piece_words"],
        max_item=s["limits"]["measure_item_words"],
        max_forward=s["limits"]["max_forward_words"],
        max_backward=s["limits"]["max_backward_words"],
        clause_links=PhraseSet(s["clause_links"]["words"]),
        unit_levels=PhraseSet(patterns.unit_level_words(p)),
        place_levels=PhraseSet([*patterns.unit_level_words(p), *s["place_levels"]["below_units"]]),
        place_openers=PhraseSet(s["place_levels"]["openers"]),
        body_joins=PhraseSet(s["elected_bodies"]["joins"]),
        elect_verbs=PhraseSet(s["elected_bodies"]["verbs"]),
        name_numbers=PhraseSet(p.name_numbers),
        bodies=PhraseSet(s["elected_bodies"]["bodies"]),
        # "đại biểu HĐND huyện Lộc Bình": the unit names the body, and stays
        organizations=PhraseSet(patterns.load().localities["organization_before"]["words"]),
        share_words=PhraseSet(s["share_words"]["words"]),
        ranks=PhraseSet(s["rank_words"]["words"]),
        new_phrases=PhraseSet(s["new_phrase_openers"]["words"]),
        plan_bases=PhraseSet(p.changes["bases"]["plan"]),
        key_words=PhraseSet([*s["rank_words"]["words"], *s["key_words"]["words"]]),
    )


class _Figures(list):
    """The candidate figures of one sentence, in reading order, with the
    look-ups the subject search makes for each of them computed once: a
    sentence of thousands of figures costs n log n, not n squared."""

    def __init__(self, candidates, tokens):
        super().__init__(candidates)
        self.firsts = frozenset(c.first for c in candidates)
        self.first_tokens = [c.first for c in candidates]   # in reading order
        self.numbers = sorted(c.number_first for c in candidates)
        self.afters = [c.after for c in candidates]
        # the "(" each token stands inside (None: none), in one pass
        self.opening: list[int | None] = []
        stack: list[int] = []
        for i, token in enumerate(tokens):
            self.opening.append(stack[-1] if stack else None)
            if token.text == "(":
                stack.append(i)
            elif token.text == ")" and stack:
                stack.pop()
        self.starts = [t.start for t in tokens]

    def number_between(self, a: int, b: int, besides: int) -> bool:
        """A figure other than ``besides`` (its number's token) in tokens [a, b)."""
        i = bisect.bisect_left(self.numbers, a)
        while i < len(self.numbers) and self.numbers[i] < b:
            if self.numbers[i] != besides:
                return True
            i += 1
        return False


class _Later:
    """The first tokens of the figures after figure k (``i in later``)."""

    def __init__(self, cands: _Figures, k: int):
        self.cands, self.after = cands, cands[k].first

    def __contains__(self, i: int) -> bool:
        return i > self.after and i in self.cands.firsts


@functools.cache
def _level_words() -> tuple[PhraseSet, PhraseSet, PhraseSet]:
    data = patterns.load().subjects["levels"]
    return PhraseSet(data["words"]), PhraseSet(data["links"]), PhraseSet(data["describing"])


def _past_level_word(s: Parsed, cands, k: int, span: Span | None) -> Span | None:
    """A subject that is only a level word ("mức", "mức tăng cao nhất"),
    joined by "có"/"với"/"ở" to the phrase before, is that phrase: "công
    nghiệp chế biến, chế tạo có mức tăng cao nhất 8,25%"."""
    if span is None:
        return None
    levels, links, describing = _level_words()
    t = s.tokens
    i = _token_at(t, span.start)
    size = levels.match_at(t, i) if i < len(t) and t[i].start == span.start else 0
    if not size or i == 0 or not (link := links.match_before(t, i)):
        return span
    j = i + size
    while j < len(t) and t[j].end <= span.end and (step := describing.match_at(t, j)):
        j += step
    if j < len(t) and t[j].end <= span.end:
        return span   # "có mức lương 5 triệu đồng": a level with a noun names its measure
    end = i - link
    while end > 0 and (step := describing.match_before(t, end)):
        end -= step   # "giảm mạnh nhất với mức 60%": how it moved is no part of what moved
    return _backward(s, cands, k, end, "level", light=True) or span


def read_together(candidates: list[Candidate], tokens) -> list[Candidate]:
    """The candidates of one sentence with the look-ups every subject rule
    makes computed once; pass the result to each rule of this module."""
    return candidates if isinstance(candidates, _Figures) else _Figures(candidates, tokens)


def attach_subjects(s: Parsed, candidates: list[Candidate]) -> list[Span | None]:
    """The subject of each candidate figure of one sentence (None: none named)."""
    candidates = read_together(candidates, s.tokens)
    spans: list[Span | None] = []
    for k in range(len(candidates)):
        spans.append(_past_level_word(s, candidates, k, _subject(s, candidates, k, spans)))
    for k, c in enumerate(candidates):
        if c.range_with_previous and spans[k]:
            spans[k - 1] = spans[k]  # "từ 10 đến 15 doanh nghiệp": both ends measure one thing
    for k, c in enumerate(candidates):
        parent = _bracket_parent(s.tokens, candidates, spans, k)
        own = spans[k].text_in(s.text).lower() if spans[k] else None
        if parent is not None and (own is None or own == (c.unit or "").lower()):
            # "124 nhà bị đổ và cuốn trôi (Hà Giang: 38 nhà; Lai Châu: 55 nhà)": a breakdown
            spans[k] = dataclasses.replace(spans[parent], rule="breakdown")
        elif (rated := _bracketed_rate_of(s.tokens, candidates, spans, k)) is not None \
                or (rated := _rate_after_comma(s, candidates, spans, k)) is not None:
            spans[k] = dataclasses.replace(spans[rated], rule="rate")
    for k in range(1, len(spans)):
        if _repeats_counter(s, candidates, spans, k):
            # "350 ca sốt xuất huyết, tiếp đến là huyện Krông Búk 120 ca": the same cases
            spans[k] = dataclasses.replace(spans[k - 1], rule="elliptical")
    for k in range(len(spans)):
        if (named := _counter_named_before(s, candidates, spans, k)) is not None:
            spans[k] = named
    for k in range(1, len(spans)):
        if (earlier := _figure_inside_subject(s, candidates, spans, k)) is not None and spans[earlier]:
            # "phân bón đạt 24.020 nghìn USD tăng 15,24%", "1.175 tấn, chiếm 0,69%": a phrase that runs
            # back past another figure is that figure's; the rate measures what it measures
            spans[k] = dataclasses.replace(spans[earlier], rule="figure_before")
    for k in range(1, len(spans)):
        if spans[k] and spans[k - 1] and _some_places().match(spans[k].text_in(s.text)):
            spans[k] = dataclasses.replace(spans[k - 1], rule="elliptical")   # "…, có nơi trên 70 mm"
    for k in range(len(spans)):
        if spans[k] and _names_no_measure(s, spans[k], candidates.starts):
            # "GDP năm 2012 là 5,7%, năm 2013 là 6,81%": a period or a unit, not a measure
            previous = spans[k - 1] if k else None
            spans[k] = dataclasses.replace(previous, rule="elliptical") if previous else None
    return spans


@functools.cache
def _some_places() -> regex.Pattern:
    return regex.compile(patterns.load().subjects["some_places"]["pattern"])


def _figure_inside_subject(s: Parsed, cands: _Figures, spans, k: int) -> int | None:
    """The nearest earlier figure written inside the subject found before
    figure k (not a bound such as an age), or None."""
    span = spans[k]
    if span is None or span.end > s.tokens[cands[k].first].start:
        return None
    j = bisect.bisect_left(cands.first_tokens, bisect.bisect_left(cands.starts, span.end)) - 1
    if not (0 <= j < k and s.tokens[cands[j].first].start >= span.start):
        return None
    # "cán bộ trẻ dưới 35 tuổi là 1.172 đồng chí": a bound restricts the phrase, it measures nothing
    return None if (cands[j].unit or "").lower() in _age_units() else j


def _counter_named_before(s: Parsed, cands: _Figures, spans, k: int) -> Span | None:
    """"các huyện có xã đạt chuẩn phổ cập mức độ 3, đó là: Hòa Thành 6/8 xã, Gò
    Dầu 5/9 xã": a bare counter a name keys counts what the sentence named with
    it before its first figure."""
    c, t = cands[k], s.tokens
    if c.head is None or c.unit_end is None or spans[k] is None or c.generic \
            or not (c.first > 0 and _proper_name(t[c.first - 1])):
        return None
    counter = [tok.lower for tok in t[c.head:c.unit_end]]
    if spans[k].text_in(s.text).lower().split() != counter:
        return None
    size = len(counter)
    for j in range(1, cands[0].first - size):
        if [tok.lower for tok in t[j:j + size]] == counter and not t[j - 1].is_number:
            named = _forward(s, cands, 0, j, j + size, "named before")
            if named is not None and len(named.text_in(s.text).split()) > size:
                return named
            return None
    return None


# what may stand between counts whose last restriction narrows them all
SHARED_RESTRICTION_JOINS = frozenset({"và", "/", "hoặc"})
# the verbs that open such a restriction: "bị thiệt hại", "phải di dời", "thuộc vùng khó khăn"
SHARED_RESTRICTION_OPENERS = frozenset({"bị", "được", "phải", "thuộc"})


def shared_restrictions(s: Parsed, candidates: list[Candidate],
                        spans: list[Span | None]) -> list[tuple[str, int, int] | None]:
    """Subjects that a restriction after several counted nouns gives each of
    them ("12 hộ nghèo và 30 hộ cận nghèo bị thiệt hại do bão" → "hộ nghèo bị
    thiệt hại do bão"; "52.604 hộ/167.303 người bị ảnh hưởng" → "hộ bị ảnh
    hưởng"): the count's own noun phrase and the restriction, which are not
    one span of the text, as (subject, start, end of its own words). None
    where the subject is its span."""
    r = _rules()
    t = s.tokens
    out: list[tuple[str, int, int] | None] = [None] * len(candidates)

    def own_start(c) -> int | None:
        """Where a figure's own words start: its counter ("12 hộ nghèo"), or the noun
        after its unit of measure ("6.828 ha lúa")."""
        if c.head is not None:
            return c.head
        return c.after if c.unit is not None and c.kind == "measure" and c.after < len(t) else None

    def own_phrase(j: int) -> bool:
        """Figure j's subject is its own words, up to the next figure."""
        c, span = candidates[j], spans[j]
        start = own_start(c)
        return start is not None and span is not None and span.start == t[start].start \
            and (j + 1 == len(candidates) or span.end <= t[candidates[j + 1].first].start)

    k = 0
    while k < len(candidates):
        run = [k]
        while run[-1] + 1 < len(candidates) and own_phrase(run[-1]):
            a, b = candidates[run[-1]], candidates[run[-1] + 1]
            own = a.unit_end if a.head is not None else own_start(a)
            end = own
            while end < b.first and t[end].end <= spans[run[-1]].end:
                if r.clause_verbs.match_at(t, end) or r.person_predicates.match_at(t, end) \
                        or end - own >= (2 if a.head is not None else 4):
                    break   # a restriction of its own, or more than a modifier
                end += 1
            if t[end - 1].end != spans[run[-1]].end:
                break   # the count before has a restriction of its own
            if any(_events_before()[0].match_at(t, x) for x in range(own, end)):
                break   # "120 ngôi nhà tốc mái, một tàu cá bị chìm": what befell it is its own
            between = t[end:b.first]
            if not between or not all(tok.lower in SHARED_RESTRICTION_JOINS or tok.text == ","
                                      for tok in between):
                break
            if a.head is None:
                if b.head is not None or b.unit != a.unit or own_start(b) is None:
                    break   # "6.828 ha lúa và 370 ha hoa màu bị ngập": areas of one kind
            elif b.head is None:
                break
            elif any(tok.text == "," for tok in between):
                if _counted_kind(s, a) in _anaphoric_counters() or _counted_kind(s, a) == _counted_kind(s, b):
                    break   # "39 vụ, 17 người bị thương"; "1.137 nhà ngập, 58 nhà bị hư hỏng": other things
            elif not any(tok.text == "/" for tok in between) and t[a.head].lower != t[b.head].lower:
                break   # "39 vụ và 17 người tử vong": two facts; "12 hộ nghèo và 30 hộ cận nghèo": one noun
            run.append(run[-1] + 1)
        last = run[-1]
        if len(run) > 1 and own_phrase(last):
            c, span = candidates[last], spans[last]
            opener = next((i for i in range(own_start(c) if c.head is None else c.unit_end, len(t))
                           if t[i].start >= span.end
                           or t[i].lower in SHARED_RESTRICTION_OPENERS), None)
            if opener is not None and t[opener].start < span.end:
                restriction = s.text[t[opener].start:span.end]
                for j in run[:-1]:
                    out[j] = (f"{spans[j].text_in(s.text)} {restriction}", spans[j].start, spans[j].end)
        k = last + 1
    figures = None
    for k in range(len(candidates) - 1):
        if out[k] is None and out[k + 1] is None and candidates[k + 1].first < len(t) \
                and t[candidates[k + 1].first - 1].text == "(":
            figures = figures or _Figures(candidates, t)
            _bracketed_count_restriction(s, figures, spans, k, out)
    return out


@functools.cache
def _kind_classifiers() -> frozenset[str]:
    return frozenset(patterns.load().subjects["kind_classifiers"]["words"])


def _counted_kind(s: Parsed, c: Candidate) -> str:
    """What a count counts, as far as its noun tells kinds apart: the counter
    ("nhà", "vụ"), or a classifier and its noun ("con trâu", "cây xanh")."""
    t = s.tokens
    counter = s.text[t[c.head].start:t[c.unit_end - 1].end].lower()
    if counter in _kind_classifiers() and c.unit_end < len(t) and t[c.unit_end].is_word:
        return f"{counter} {t[c.unit_end].lower}"
    return counter


# what may open the restriction after a bracketed count: "gần 1.000 hộ dân (3.662 người)
# phải sơ tán khẩn cấp", "87 nhà dân (364 khẩu) vẫn còn đang bị ngập"
BRACKET_RESTRICTION_OPENERS = frozenset({"bị", "được", "phải", "thuộc", "đang", "vẫn", "còn", "đã"})


def _bracketed_count_restriction(s: Parsed, cands, spans, k: int, out: list) -> None:
    """"N X (M Y) R": a count, the same things counted another way in a
    bracket, then the restriction of both: each is its own noun and R."""
    t = s.tokens
    a, b = cands[k], cands[k + 1]
    if a.head is None or b.head is None or spans[k] is None:
        return
    opening = b.first - 1
    if spans[k].start != t[a.head].start or spans[k].end != t[opening - 1].end \
            or not all(tok.is_word for tok in t[a.head:opening]):
        return   # "87 nhà dân (364 khẩu)": the noun and its modifiers, then the bracket
    close = max(b.unit_end or b.after, b.after)
    if close + 1 >= len(t) or t[close].text != ")" or t[close + 1].lower not in BRACKET_RESTRICTION_OPENERS:
        return
    r = _rules()
    later = _Later(cands, k + 1)
    end = close + 1
    while end < len(t) and t[end].is_word and end not in later and end - close <= r.max_forward \
            and (t[end].lower in BRACKET_RESTRICTION_OPENERS or not _stops_at(t, end, close + 1)):
        end += 1
    words = s.text[t[close + 1].start:t[end - 1].end]
    out[k] = (f"{spans[k].text_in(s.text)} {words}", spans[k].start, spans[k].end)
    own = (t[b.head].start, t[close - 1].end)
    out[k + 1] = (f"{s.text[own[0]:own[1]]} {words}", *own)


def _bracket_parent(t, cands: _Figures, spans, k: int) -> int | None:
    """The figure whose breakdown the bracket around figure k is: the bracket
    opens right after that figure or its subject, and both count the same unit."""
    c = cands[k]
    o = cands.opening[c.first] if c.first < len(cands.opening) else None
    if o is None or o == 0:
        return None
    j = bisect.bisect_right(cands.afters, o, 0, k) - 1   # the last figure ending before the bracket
    if j < 0:
        return None
    p = cands[j]
    if spans[j] is None or p.unit != c.unit or p.kind != c.kind:
        return None
    if p.after == o or spans[j].end == t[o - 1].end:
        return j
    # "597 nhà bị hư hỏng, thiệt hại và di dời khẩn cấp (Hà Giang: 130 nhà; …)":
    # only the parent's own words between its figure and the bracket
    if o - p.after <= _rules().max_forward and all(tok.is_word or tok.text == "," for tok in t[p.after:o]):
        return j
    return None


def bracketed_counters(s: Parsed, candidates: list[Candidate]) -> list[str | None]:
    """The counter a bare number in a bracketed breakdown counts: its parent's
    ("339 trường hợp là người điều khiển xe ôtô (xe khách 39, xe tải 199)":
    39 trường hợp). None where the number names its own or has no such parent."""
    cands, t = read_together(candidates, s.tokens), s.tokens
    out: list[str | None] = [None] * len(cands)
    for k, c in enumerate(cands):
        if c.kind != "count" or c.unit or c.head is not None or c.first >= len(cands.opening):
            continue
        o = cands.opening[c.first]
        j = bisect.bisect_right(cands.afters, o, 0, k) - 1 if o else -1
        if j < 0:
            continue
        p = cands[j]
        if p.kind == "count" and p.unit and (p.after == o or (
                o - p.after <= _rules().max_forward and all(tok.is_word or tok.text == "," for tok in t[p.after:o]))):
            out[k] = p.unit
    return out


def _repeats_counter(s: Parsed, cands: _Figures, spans, k: int) -> bool:
    """Figure k counts only its counter noun, the figure before counts the
    same noun with words that narrow it, and only places, ranks and
    punctuation stand between: a list that names the narrowed noun once."""
    t = s.tokens
    c, p = cands[k], cands[k - 1]
    if c.head is None or c.unit_end is None or spans[k] is None or spans[k - 1] is None or p.unit != c.unit:
        return False
    own = s.text[t[c.head].start:t[c.unit_end - 1].end].lower()
    before = spans[k - 1].text_in(s.text).lower()
    if spans[k].text_in(s.text).lower() != own or not before.startswith(own + " "):
        return False
    r = _rules()
    if c.unit_end < len(t) and t[c.unit_end].is_word and not r.conjunctions.match_at(t, c.unit_end):
        return False   # the item says more of its own: "85 ca trong khu phong tỏa, 137 ca là F1 …"
    i = max(p.after, p.unit_end or 0)
    while i < len(t) and t[i].end <= spans[k - 1].end:
        i += 1
    while i < c.first:
        size = r.ranks.match_at(t, i) or r.unit_levels.match_at(t, i) or r.copulas.match_at(t, i) \
            or (1 if t[i].is_punct or _proper_name(t[i]) else 0)
        if not size:
            return False
        i += size
    return True


def _bracketed_rate_of(t, cands: _Figures, spans, k: int) -> int | None:
    """The figure a bracket holding only percent k follows right after: "giảm
    598 vụ (-31%)" is the rate of that change and measures the same thing."""
    c = cands[k]
    o = cands.opening[c.first] if c.first < len(cands.opening) else None
    if c.kind != "percent" or not k or o is None:
        return None
    p = cands[k - 1]
    if spans[k - 1] is None or p.kind == "percent" or (
            max(p.after, p.unit_end or 0) != o and not (spans[k - 1].end == t[o - 1].end and o > p.after)):
        return None   # right after the figure, or after the noun phrase it counts: "7 đại biểu nữ (tỷ lệ 8,24%)"
    if not all(tok.text in SIGNS or tok.lower in RATE_LEADS for tok in t[o + 1:c.first]):
        return None
    close = max(c.after, c.unit_end or 0)
    while close < len(t) and t[close].text == "%":
        close += 1
    return k - 1 if close < len(t) and t[close].text == ")" else None


def _rate_after_comma(s: Parsed, cands: _Figures, spans, k: int) -> int | None:
    """"318/699 trường học đạt chuẩn quốc gia, tỷ lệ 45,49%": a rate written
    after a comma, with only "tỷ lệ" (or "chiếm", "đạt") before it, is the rate
    of the count just before and measures the same thing."""
    t, c = s.tokens, cands[k]
    if c.kind != "percent" or not k or spans[k - 1] is None or cands[k - 1].kind == "percent":
        return None
    if spans[k] is not None and spans[k].text_in(s.text).lower() not in ("tỷ lệ", "tỉ lệ"):
        return None
    p = cands[k - 1]
    after = max(p.after, p.unit_end or 0)
    while after < c.first and t[after].start < spans[k - 1].end:   # past the count's own restriction
        after += 1
    between = [tok.lower for tok in t[after:c.first]]
    if not between or between[0] != "," or not set(between[1:]) <= RATE_LEADS or not (
            {"tỷ", "tỉ", "chiếm"} & set(between[1:])):
        return None
    return k - 1


def _names_no_measure(s: Parsed, span: Span, starts: list[int]) -> bool:
    """A subject made only of numbers, period words and units names no measure."""
    r = _rules()
    first = bisect.bisect_left(starts, span.start)
    last = bisect.bisect_left(starts, span.end, first)
    tokens = [t for t in s.tokens[first:last] if t.end <= span.end]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.is_number or token.is_punct:
            i += 1
            continue
        # a head alone ("tỷ lệ 96,24%") names no measure either
        size = max(r.time_words.match_at(tokens, i), r.unit_words.match_at(tokens, i), r.heads.match_at(tokens, i),
                   r.trailing.match_at(tokens, i), r.share_words.match_at(tokens, i), r.ranks.match_at(tokens, i))
        if not size:
            return False
        i += size
    return bool(tokens)


def _subject(s: Parsed, cands: list[Candidate], k: int, done: list[Span | None]) -> Span | None:
    r = _rules()
    t = s.tokens
    c = cands[k]
    # the upper end of a range reads its subject from where the range starts
    first = cands[k - 1].first if k and c.range_with_previous else c.first
    if first > 0 and t[first - 1].lower in _range_openers():
        first -= 1  # "dao động từ 7.200 đến 7.800 đồng/kg"
    # "tổng số hộ nghèo toàn tỉnh là: 36.537 hộ": a colon after the link verb changes nothing
    linked = first - 1 if first > 1 and t[first - 1].text == ":" and r.link_verbs.match_before(t, first - 1) else first
    link = r.link_verbs.match_before(t, linked)
    link_start = linked - link
    if k and done[k - 1] and _only(t, _after_year(t, cands[k - 1].after), first, r.change_words, start_after="từ"):
        # "giảm từ 5,2% xuống còn 3,8%": the new value of the same thing
        previous = done[k - 1]
        return dataclasses.replace(previous, rule="changed")
    after = max(c.after, c.unit_end or 0)
    if first == 1 and t[0].lower == "sau" and c.unit in DURATION_UNITS and after < len(t) \
            and (t[after].text == "," or (t[after].lower == "làm" and after + 1 < len(t) and t[after + 1].lower == "việc")):
        # "Sau hơn 2 ngày làm việc, chiều 3/10, Đại hội … đã bế mạc": what lasted is the main clause's subject
        lasted = _main_clause_subject(s, cands, k, after)
        if lasted is not None:
            return lasted
    if (c.head is None or c.kind == "percent" or c.unit == "lần") and after + 1 < len(t) \
            and t[after].lower == ASPECT_WORD and t[after + 1].is_word and t[after + 1].lower not in DIRECTIONS:
        # "tăng 10,5% về số vụ", "tăng 2,2 lần về số dự án": what rose is named after "về"
        named = _forward(s, cands, k, after + 1, after + 1, "aspect")
        if named:
            return named
    if (c.kind == "percent" or c.unit == "lần") and _change_verbs().match_before(t, first) \
            and (named_at := _counted_after_rate(t, after)) is not None:
        # "giảm 40% số vụ; giảm 66,6% số người chết": what fell is the number named after the rate
        named = _forward(s, cands, k, named_at, named_at, "aspect")
        if named:
            return named
    if k and done[k - 1] and _country_bracket(t, first):
        # "IIP tăng 24,2% (cả nước tăng 9,1%)": the same measure, for the whole country
        return dataclasses.replace(done[k - 1], rule="compared")
    if k and (previous := _contribution_of(t, cands, k, first, done)) is not None:
        return dataclasses.replace(previous, rule="compared")
    if link and k and _period_only_clause(t, link_start, r):
        # "năm 2022, tốc độ tăng trưởng đạt 19,3%; năm 2023, đạt 13,45%": a clause naming only
        # its period measures what the figure before of the same kind measures
        previous = next((done[j] for j in range(k - 1, -1, -1) if done[j] and cands[j].kind == c.kind), None)
        if previous is not None:
            return dataclasses.replace(previous, rule="compared")
    lead = _lead_start(t, first, r)
    # "và 50% dự toán …": a plan the share is measured against names nothing of its own
    names_own = c.after < len(t) and t[c.after].is_word and not r.comparatives.match_at(t, c.after) \
        and not r.plan_bases.match_at(t, c.after)
    if lead is None and k and c.kind == "percent" == cands[k - 1].kind and first and not names_own \
            and t[first - 1].lower in ("và", ","):
        lead = first   # "bằng 91,4% kế hoạch và 106,5% so với cùng kỳ": one more share of the same thing
    if k and done[k - 1] and first >= 2 and t[first - 2].lower == "so" and t[first - 1].lower == "với":
        # "đạt 18.588 tỷ đồng, tăng mạnh so với 650 tỷ đồng cùng kỳ": the earlier value of the same thing
        previous = done[k - 1]
        return dataclasses.replace(previous, rule="compared")
    if first > 1 and t[first - 1].lower == "với" and c.head is not None and c.unit_end is not None \
            and (c.unit_end >= len(t) or not t[c.unit_end].is_word):
        # "Huyện A có số ca mắc sốt xuất huyết nhiều nhất với 734 trường hợp", "có số hộ nghèo
        # cao nhất với 215 hộ": the bare counter counts the number named before "với"
        before = _backward(s, cands, k, first - 1, "with", light=True, cut=True)
        counter = (c.unit or "").lower()
        if before is not None and r.heads.match_before(t, _token_at(t, before.start)) and (
                counter in _anaphoric_counters() or before.text_in(s.text).lower().startswith(counter + " ")):
            return before
    if k and done[k - 1] and first and t[first - 1].lower == "với" and cands[k - 1].after >= first - 3 \
            and not c.head:
        # "thu nội địa tăng 8% với 7.695 tỉ đồng": the amount of the figure before
        previous = done[k - 1]
        return dataclasses.replace(previous, rule="compared")
    # "giảm 207 vụ (-34%), giảm 52 người chết": a counter with words of its own names its own subject
    own_count = c.head is not None and c.unit_end is not None and c.unit_end < len(t) \
        and t[c.unit_end].is_word and not r.stops.match_at(t, c.unit_end)
    if k and lead is not None and not own_count and _follows_previous_piece(t, cands[k - 1].after, lead):
        # "1.250 tỷ đồng, bằng 52,4% dự toán", "…, đạt tỷ lệ 99,55%": the figure before's subject
        # (or, where that one names none, as "27.235 tấn/67.000 tấn" does, the nearest that does)
        previous = next((done[j] for j in range(k - 1, -1, -1) if done[j]), None)
        return dataclasses.replace(previous, rule="compared") if previous else None
    nxt = c.after
    names_after = nxt < len(t) and t[nxt].is_word and not r.stops.match_at(t, nxt) \
        and not r.clause_verbs.match_at(t, nxt) and not r.figure_verbs.match_at(t, nxt)
    if link and c.head is None and names_after and t[link_start].lower == "được":
        return _forward(s, cands, k, nxt, nxt, "after")   # "gieo cấy được 2.786 ha lúa" measures "lúa"
    # "đạt 15/15 chỉ tiêu mà Nghị quyết đã đề ra": units counted with what restricts
    # them after "đạt" are what is counted, not the phrase before the verb
    restricted = c.head is not None and not c.generic and t[link_start].lower == "đạt" \
        and c.unit_end is not None and c.unit_end < len(t) and t[c.unit_end].lower in RELATIVE_WORDS
    if link and not restricted and (c.head is None or r.copulas.match_before(t, linked) == link):
        before = _backward(s, cands, k, link_start, "link")
        if before is not None and c.kind == "percent" and names_after and names_own and _names_places(t, before, r):
            # "nhiều địa phương khác đạt trên 99% cử tri đi bầu": the places are keyed later,
            # the share measures the noun after it
            after_named = _forward(s, cands, k, nxt, nxt, "after")
            if after_named is not None:
                return after_named
        if before or c.head is None:
            return before
    if link and c.head is not None and c.unit_end is not None:
        # "số vụ TNGT giảm 64 vụ": the counter repeats the head of the phrase
        # before the verb, which says what is counted
        before = _backward(s, cands, k, link_start, "link")
        counter = s.text[t[c.head].start:t[c.unit_end - 1].end].lower()
        named = before.text_in(s.text).lower() if before else ""
        headed = before is not None and before.start > 0 and bool(r.heads.match_before(t, _token_at(t, before.start)))
        if headed and named != counter and (named + " ").startswith(counter + " "):
            return before
    if c.head is not None:
        followed = c.unit_end is not None and c.unit_end < len(t) and t[c.unit_end].is_word \
            and not r.stops.match_at(t, c.unit_end)
        if c.generic and c.unit_end is not None and (join := r.body_joins.match_at(t, c.unit_end)) \
                and r.bodies.match_at(t, c.unit_end + join):
            # "bầu 14 người vào Ban Thường vụ Tỉnh ủy": the members of the body are counted
            return _body(s, c.unit_end + join, r)
        if c.generic and not followed:
            before = _backward(s, cands, k, first, "action", light=True)
            # "bị thương 362 người": what befell the persons is the main verb, the persons are counted
            befell = before is not None and before.text_in(s.text).lower() in r.person_events
            if before and not befell and not set(before.text_in(s.text).lower().split()) & CAUSATIVES:
                body = _elected_body(s, before, r)
                return body or before
            if before:   # "tai nạn làm chết 666 người": the sentence's main verb, not what is counted
                return _forward(s, cands, k, c.head, c.unit_end, "counter")
        if not followed and (r.name_before.match_at(t, c.head) or link and r.name_before_linked.match_at(t, c.head)):
            before = _backward(s, cands, k, link_start if link else first, "named", cut=True)   # "đàn trâu 96.542 con"
            previous = cands[k - 1] if k else None
            if before and previous is not None and previous.unit_end is not None \
                    and before.start < t[previous.unit_end - 1].end:
                before = None   # "85 ca trong khu phong tỏa, 137 ca là F1": the item before, not a name
            if before and not _is_clause(s, before):
                return before
        if c.generic and followed and r.person_predicates.match_at(t, c.unit_end):
            return _forward(s, cands, k, c.head, c.unit_end, "counter")   # "6 người chết"
        if c.generic and followed and " ".join(tok.lower for tok in t[c.head:c.unit_end]) in r.counted_by_deed \
                and not r.figure_verbs.match_at(t, c.unit_end):
            return _forward(s, cands, k, c.head, c.unit_end, "counter")   # "7.160 người ứng cử", "200 người nghèo"
        if c.generic and followed:   # "bầu 1.869 đồng chí cấp ủy viên" counts "cấp ủy viên"
            return _forward(s, cands, k, c.unit_end, c.unit_end, "counter") \
                or _forward(s, cands, k, c.head, c.unit_end, "counter")
        return _forward(s, cands, k, c.head, c.unit_end, "counter")
    nxt = c.after
    # "ước đạt 56,4% kế hoạch": the plan a share is measured against names nothing of its own
    measured_against = nxt < len(t) and bool(r.plan_bases.match_at(t, nxt))
    if nxt < len(t) and t[nxt].is_word and not r.stops.match_at(t, nxt) and not measured_against \
            and not r.clause_verbs.match_at(t, nxt) and not r.figure_verbs.match_at(t, nxt):
        return _forward(s, cands, k, nxt, nxt, "after")
    return _backward(s, cands, k, first, "before", light=True, cut=True) or (
        _forward(s, cands, k, nxt, nxt, "after") if nxt < len(t) and t[nxt].is_word and not measured_against
        else None)


@functools.cache
def _country_words() -> PhraseSet:
    return PhraseSet(patterns.load().facts["country"]["words"])


def _country_bracket(t, first: int) -> bool:
    """The figure at token ``first`` opens a bracket after the country's name
    and, at most, a verb: "(cả nước tăng 9,1%)", "(bình quân cả nước: 6,5%)"."""
    i = first - 1
    if i >= 0 and (t[i].text == ":" or _change_verbs().match_before(t, i + 1) or t[i].lower in ("đạt", "là")):
        i -= _change_verbs().match_before(t, i + 1) or 1
    size = _country_words().match_before(t, i + 1)
    return size > 0 and i - size >= 0 and t[i - size].text == "("


@functools.cache
def _change_verbs() -> PhraseSet:
    verbs = patterns.load().changes["change_verbs"]
    return PhraseSet([*verbs["up"], *verbs["down"]])


def _counted_after_rate(t, i: int) -> int | None:
    """Token of the noun after "số"/"tổng số" at token i: "40% số vụ" -> "vụ"."""
    if i + 1 < len(t) and t[i].lower == "tổng":
        i += 1
    if i + 1 < len(t) and t[i].lower == "số" and t[i + 1].is_word and not t[i + 1].is_number:
        return i + 1
    return None


def _body(s: Parsed, start: int, r: _Rules) -> Span:
    """The name of a body from token ``start``: its capitalized words ("Ủy ban
    Kiểm tra Tỉnh ủy") and the lowercase ones inside it ("Ban Chấp hành Đảng
    bộ"), up to a stop, a place ("tỉnh Gia Lai") or a term ("nhiệm kỳ")."""
    t = s.tokens
    end = start + 1
    while end < len(t) and t[end].is_word and not _names_place(t, end, start, len(t), r) and (
            t[end].text[:1].isupper() or not _stops_at(t, end, start)):
        end += 1
    return Span(t[start].start, t[end - 1].end, "body")


def _is_clause(s: Parsed, span: Span) -> bool:
    """A span holding an aspect word ("đã", "đang", "sẽ") is a clause with its
    own verb, not the name of what a counter counts: "Bệnh viện đã tiếp nhận 45 ca"."""
    t = s.tokens
    a, b = _token_at(t, span.start), _token_at(t, span.end - 1) + 1
    r = _rules()
    # "Huyện A ghi nhận 12 ca": a verb of recording ends a clause, not a name
    return any(t[i].lower in r.aspect_markers for i in range(a, b)) \
        or bool(r.recording_verbs.match_before(t, _token_at(t, span.end)))




def _token_at(t, char: int) -> int:
    """Index of the token starting at character ``char`` (a binary search)."""
    return bisect.bisect_left(t, char, key=lambda tok: tok.start)


@functools.cache
def _range_openers() -> frozenset[str]:
    return frozenset(patterns.load().qualifiers["range_opener"]["words"])


def _after_year(t, i: int) -> int:
    """Past the year a value is of: "từ 17,3% năm 2009 lên 19,26%"."""
    if i + 1 < len(t) and t[i].lower == "năm" and t[i + 1].is_number and len(t[i + 1].text) == 4:
        return i + 2
    return i


def _only(t, a: int, b: int, phrases: PhraseSet, start_after: str | None = None) -> bool:
    """True if tokens[a:b] are only phrases of the set (and at least one)."""
    i, seen = a, False
    while i < b:
        size = phrases.match_at(t, i)
        if not size or i + size > b:
            return False
        i, seen = i + size, True
    return seen


# what may open a clause that only compares: "…, bằng 52,4%", "(đạt 101%", "và tăng 3,5%"
_LEAD_SEPARATORS = frozenset({",", "(", ";", "và", "nhưng", "-", "–"})


def _lead_start(t, first: int, r: _Rules) -> int | None:
    """Where a clause made only of comparison words starts ("bằng", "đạt tỷ
    lệ", "cao hơn") right after a separator; None if the clause names
    something of its own or opens the sentence."""
    i, opened = first, False
    # "…, vượt kế hoạch hơn 122%": the plan compared with names nothing either
    words = (r.comparatives, r.link_verbs, r.heads, r.plan_bases)
    while i > 0:
        size = max(p.match_before(t, i) for p in words[:3])
        if not size and (plan := r.plan_bases.match_before(t, i)) and r.comparatives.match_before(t, i - plan):
            size = plan   # only a plan compared with: not "kế hoạch đề ra là 465.000 tấn"
        if not size:
            break
        opened = opened or bool(r.comparatives.match_at(t, i - size) or r.link_verbs.match_at(t, i - size))
        i -= size
    if i == first or i == 0 or t[i - 1].lower not in _LEAD_SEPARATORS or not opened:
        return None
    return i


def _follows_previous_piece(t, previous_after: int, lead: int) -> bool:
    """True for "[previous figure] [words], [comparative]": one separator apart,
    no comma or clause end between."""
    if lead == 0 or previous_after > lead - 1:
        return False
    between = t[previous_after:lead - 1]
    if between and between[-1].text == "," and t[lead - 1].lower in ("và", "nhưng"):
        between = between[:-1]   # "…, nhưng thấp hơn kế hoạch 7%": the conjunction follows the comma
    return not any(tok.text == "," or tok.text == ";" or tok.text in HARD_BOUNDARIES and tok.text not in "()"
                   for tok in between)


def _forward(s: Parsed, cands, k: int, start: int, end: int, rule: str) -> Span | None:
    """The noun phrase from token ``start``; tokens before ``end`` are already in it."""
    r = _rules()
    t = s.tokens
    later_starts = _Later(cands, k)
    gaps: list[tuple[int, int]] = []
    if start == end:  # a noun phrase after a percent: "90% số xã đạt chuẩn" measures "xã"
        start = end = _skip(r.heads, s, start, len(t))
    i = end
    if end < len(t) and t[end].text[:1].isupper() and r.unit_levels.match_at(t, start) == end - start > 0:
        i = len(t)   # "4 xã Thanh An, Cam Thủy, …": the names list the units counted, they restrict nothing
    while i < len(t) and i - start < r.max_forward:
        token = t[i]
        if i in later_starts and i == end and (bound := _bound_restriction_end(cands, i)):
            end = i = bound   # "01 đại biểu dưới 30 tuổi", "70 đại biểu từ 30 đến 40 tuổi": the bound restricts
            continue
        if i in later_starts:
            break
        if token.text == ",":
            j = i + 1
            while j < len(t) and t[j].is_word and not _stops_at(t, j, i + 1) and j not in later_starts \
                    and not r.clause_verbs.match_at(t, j):
                j += 1
            piece = j - (i + 1)
            if piece == 0 or (j < len(t) and (t[j].is_number or j in later_starts)):
                break  # "2 chương trình, 10 kế hoạch": the next piece is another figure
            if any(x in later_starts for x in range(i + 1, j + 3)) and (
                    t[i + 1].text[:1].isupper() or j - (i + 1) <= 2 or j in later_starts
                    or r.link_verbs.match_at(t, j) or r.figure_verbs.match_at(t, j)):
                # "18,4 triệu lượt khách, doanh thu du lịch đạt 4.113 tỷ đồng": the next piece has its own
                # figure (not "9 chức danh lãnh đạo, quản lý cấp phòng tại 5 đơn vị": a place of both)
                break
            if r.new_phrases.match_at(t, i + 1):
                break  # "3 người chết, nhiều người bị thương": a new phrase
            if t[i + 1].text[:1].isupper() and any(x in later_starts for x in range(j, j + 3)):
                break  # "Hà Lam có 350 hộ, Bình Tú là 400 hộ": a name keys the next item
            ended_by_stop = j < len(t) and t[j].is_word
            # "100% công chức, viên chức có trình độ …" coordinates nouns before their restriction;
            # after one ("171 xóm chưa có chi bộ, chất lượng đảng viên …") a long piece is a new clause
            restricted = any(r.clause_verbs.match_at(t, x) for x in range(start + 1, i))
            if piece <= r.short or (ended_by_stop and not restricted):
                end = i = j
                continue
            break
        if token.lower in RELATIVE_WORDS and i > start and t[i - 1].is_word:
            # "chỉ tiêu mà Nghị quyết HĐND tỉnh đã đề ra": the relative clause to its end
            j = i + 1
            while j < len(t) and t[j].is_word and j not in later_starts and j - start < 2 * r.max_forward:
                j += 1
            end = i = j
            break
        if token.text == "-" and 0 < i < len(t) - 1 and t[i - 1].is_word and t[i + 1].is_number \
                and t[i - 1].end == token.start and token.end == t[i + 1].start and i + 1 not in later_starts:
            i += 2   # "COVID-19", "SARS-CoV-2": one name
            end = i
            continue
        if token.text in ("-", "–") and 0 < i < len(t) - 1 and t[i - 1].is_word and t[i + 1].is_word \
                and t[i + 1].text[:1].islower() and t[i - 1].text[:1].islower() and i + 1 not in later_starts:
            i += 1   # "phát triển kinh tế - xã hội", "quốc phòng - an ninh": one compound
            continue
        if token.is_word and (_links_next_figure(t, i, later_starts) or t[i].lower in SHARE_RESTRICTION_VERBS) \
                and (stop := _share_restriction(t, i, cands, k)):
            # "11 xã có 100% cử tri đi bầu": a share that says which units are
            # counted restricts them, figure and all
            end = i = stop
            break
        if token.is_number and i not in cands.firsts and r.name_numbers.match_before(t, i):
            i += 1   # "xã đạt chuẩn phổ cập mức độ 3", "học sinh lớp 10": a number that names
            end = i
            continue
        if not token.is_word or _links_next_figure(t, i, later_starts):
            break
        if size := r.closers.match_at(t, i):   # "… từ cao đẳng trở lên"
            i += size
            end = i
            continue
        if token.lower == "và" and i > start and (j := _coordinated_tail(t, i, later_starts)):
            end = i = j   # "nhà bị đổ và cuốn trôi", "phòng học và phòng chức năng": one phrase
            break
        if i > start and _opens_place(t, i, start, r):
            # "21 nhà bị cô lập thuộc các phố Long Châu": the place is the figure's where; a
            # restriction after it still narrows the noun ("con bò ở xã Lê Hóa bị sét đánh")
            after = _place_end(t, i, r)
            while after < len(t) and _opens_place(t, after, start, r):
                after = _place_end(t, after, r)   # "thuộc các xóm Đông, Tây của xã Hòa Bình": one place
            if after < len(t) and after not in later_starts and t[after].is_word and t[after].lower not in CAUSE_WORDS \
                    and (r.clause_verbs.match_at(t, after) or r.person_predicates.match_at(t, after)):
                gaps.append((t[i].start, t[after - 1].end))
                end = i = after
                continue
            break
        if _stops_at(t, i, start) and not _opens_restriction(t, i):
            break
        i += 1
        end = i
    start, end = _without_dangling(t, start, end, _rules())
    if end <= start:
        return None
    return Span(t[start].start, t[end - 1].end, rule,
                tuple((a, b) for a, b in gaps if t[start].start < a and b < t[end - 1].end))


@functools.cache
def _number_words() -> frozenset[str]:
    return frozenset(w for w in patterns.load().numbers["digits"] if w != "năm")   # "năm" is mostly "year"


COORDINATED_TAIL_WORDS = 5
TAIL_ENDS = frozenset({",", ";", ".", "(", ")", ":", "!", "?"})


def _coordinated_tail(t, i: int, later_starts) -> int | None:
    """Where a short tail coordinated by "và" at token i ends, when it ends its
    piece and holds no figure ("124 nhà bị đổ và cuốn trôi (…)"); None when
    "và" joins another figure or clause ("5 xã và 3 phường", "… và đang xây dựng
    thêm 4 xã")."""
    r = _rules()
    if i + 1 >= len(t) or r.new_phrases.match_at(t, i + 1) or r.unit_levels.match_at(t, i + 1) \
            or t[i + 1].lower in _number_words():
        return None   # "5 người chết và một người mất tích", "ở phường A và phường B"
    j = i + 1
    while j < len(t) and t[j].is_word and j not in later_starts and not r.stops.match_at(t, j) \
            and not r.figure_verbs.match_at(t, j) and j - i <= COORDINATED_TAIL_WORDS:
        j += 1
    if j == i + 1 or j - i > COORDINATED_TAIL_WORDS or j in later_starts:
        return None
    if j < len(t) and t[j].text not in TAIL_ENDS:
        return None
    return j


DURATION_UNITS = frozenset({"ngày", "tháng", "năm", "tuần", "giờ"})


def _main_clause_subject(s: Parsed, cands, k: int, after: int) -> Span | None:
    """The noun phrase that opens the main clause after an opening duration
    and any time pieces: "Sau 2 ngày làm việc, chiều 3/10, [Đại hội …] đã …"
    (not "Sau 3 năm giải thể, …": what lasted is written after the figure)."""
    r = _rules()
    t = s.tokens
    i = after
    while i < len(t) and t[i].text != ",":
        i += 1
    while i < len(t) and t[i].text == ",":
        i += 1
        if i < len(t) and (r.adverbials.match_at(t, i) or t[i].is_number):
            while i < len(t) and t[i].text != ",":
                i += 1   # "chiều 3/10": a time piece
            continue
        break
    if i >= len(t) or not t[i].is_word or not t[i].text[:1].isupper():
        return None
    end = i
    while end < len(t) and t[end].is_word and not r.clause_verbs.match_at(t, end) and end - i < r.max_forward:
        end += 1
    if end == i:
        return None
    return Span(t[i].start, t[end - 1].end, "lasted")


# after a rate or a multiple, what it is a rate of: "tăng 93,2% về số lượng và 347,5% về vốn"
ASPECT_WORD = "về"
DIRECTIONS = frozenset({"phía", "hướng"})   # "150 km về phía Bắc": a way, not an aspect

# causative main verbs: "làm chết 666 người", "khiến 3 người bị thương" count the persons
CAUSATIVES = frozenset({"làm", "khiến", "gây"})

# words that open a clause restricting the noun before them: "chỉ tiêu mà Nghị quyết đã đề ra"
RELATIVE_WORDS = frozenset({"mà"})

# what may open a restricting clause that holds a share: "xã có 100% cử tri
# đi bầu", "khu vực bỏ phiếu có cử tri đi bầu đạt tỷ lệ 100%"
SHARE_RESTRICTION_VERBS = frozenset({"có", "đạt"})


def _share_restriction(t, i: int, cands, k: int) -> int | None:
    """Where a restriction ends that holds a share of what a count counts ("11
    xã có 100% cử tri đi bầu"): from the verb at i to the end of its piece; None
    if figure k is no count of units, or the figure after the verb is no share."""
    c = cands[k]
    if c.kind not in ("count", "ratio") or c.head is None or c.generic or t[i].lower not in SHARE_RESTRICTION_VERBS:
        return None
    later = [x for x in cands[k + 1:k + 3]]
    nxt = next((x for x in later if x.first > i), None)
    if nxt is None or nxt.kind != "percent":
        return None
    # a named rate restricts only right after the counted noun: "7 trường đạt tỷ lệ đỗ 100%", but
    # "625.140 cử tri tham gia bầu cử đạt tỷ lệ 99,98%" is what the voters reached
    rate = i == c.unit_end and _names_a_rate(t, i + 1, nxt.first)
    if nxt.first > i + 3 and not rate:
        return None
    j = max(nxt.after, nxt.unit_end or 0)
    while j < len(t) and t[j].text == "%":
        j += 1
    share_of = j < len(t) and t[j].is_word and not _stops_at(t, j, j) and not _rules().comparatives.match_at(t, j)
    if t[i].lower == "đạt" and not share_of and not rate \
            and not any(tok.lower == "có" for tok in t[(c.unit_end or c.after):i]):
        return None   # "5 xã đạt 99%": what the communes reached; "5 trường đạt 100% học sinh đỗ": which schools
    while j < len(t) and t[j].is_word and not _stops_at(t, j, j) and j - i < _rules().max_forward:
        j += 1
    return j


def _names_a_rate(t, a: int, b: int) -> bool:
    """Tokens a..b name the rate a share is of ("tỷ lệ đỗ tốt nghiệp" in "7
    trường đạt tỷ lệ đỗ tốt nghiệp 100%"): "tỷ lệ" and a few words, no pause."""
    return b - a <= 8 and a + 1 < b and t[a].lower in ("tỷ", "tỉ") and t[a + 1].lower == "lệ" \
        and all(tok.is_word for tok in t[a:b])


def _opens_restriction(t, i: int) -> bool:
    """"từ … trở lên" after a counted noun restricts it: "trình độ từ cao đẳng trở lên"."""
    r = _rules()
    return t[i].lower == "từ" and any(r.closers.match_at(t, j) for j in range(i + 1, min(i + 9, len(t))))


def _links_next_figure(t, i: int, later_starts: set[int]) -> bool:
    """A verb at token i that ties another figure: "cử tri đi bầu đạt 99%"."""
    size = _rules().figure_verbs.match_at(t, i)
    if not size or (t[i].lower == "có" and i > 0 and t[i - 1].lower == "hiện"):
        return False   # "thôn hiện có thành 57 thôn": "hiện có" says "existing", it ties nothing
    for j in range(i + size, min(i + size + 3, len(t))):
        if t[j].is_number or j in later_starts:
            return True
        if t[j].is_punct:
            return False   # "2 người bị thương, 3 người chết": the next figure is the next piece's
    return False


def _names_place(t, i: int, start: int, end: int, r: _Rules) -> bool:
    """A level word written lowercase before a proper name names a place
    ("bản Xa Mang"), unless it is a syllable of a longer word ("nông thôn"),
    the "xã" of "thị xã", or the unit of a body ("HĐND huyện Lộc Bình")."""
    size = r.place_levels.match_at(t, i)
    return bool(size) and i + size < end and _proper_name(t[i + size]) and t[i].text[:1].islower() \
        and (size > 1 or not in_word_with_neighbour(t, i, start)) \
        and not r.organizations.match_before(t, i) and not (i > start and r.unit_levels.match_at(t, i - 1) > 1)


def _opens_place(t, i: int, start: int, r: _Rules) -> bool:
    """A place begins at token i: a level word and a name, or "thuộc" and a
    name ("thuộc các phố Long Châu", "thuộc TP Hà Tĩnh")."""
    opener = r.place_openers.match_at(t, i)
    if opener == 1 and in_word_with_neighbour(t, i, start):
        return False   # "Đảng bộ trực thuộc Tỉnh ủy": a syllable of a word
    j = i + opener
    if j > i and j < len(t) and t[j].lower == "các":
        j += 1
    if j < len(t) and _names_place(t, j, start, len(t), r):
        return True
    if opener and j > i + opener and r.place_levels.match_at(t, j):
        return True   # "tại các huyện", "ở các xã": units named by their level alone
    if t[i].lower == "thuộc":
        return j < len(t) and _proper_name(t[j])
    # "ngôi nhà tại Khánh Hòa bị ngập": a unit named without its level word
    return opener > 0 and _unit_name_at(t, j) > j


@functools.cache
def _unit_names() -> frozenset[str]:
    return load_gazetteer().names()


def _unit_name_at(t, j: int) -> int:
    """The token after a unit's name written without its level word at token j
    ("Khánh Hòa", "Thừa Thiên Huế"), or j where none begins there."""
    names = _unit_names()
    k = j
    while k < len(t) and k - j < 4 and _proper_name(t[k]):
        k += 1
    while k > j + 1 and normalize_key(" ".join(tok.text for tok in t[j:k])) not in names:
        k -= 1
    return k if k > j + 1 or (k == j + 1 and normalize_key(t[j].text) in names) else j


def _place_end(t, i: int, r: _Rules) -> int:
    """The token after a place that begins at i: its opener, level words and
    names, several names joined by commas ("ở các huyện Lệ Thủy, Quảng Ninh")."""
    j = i + r.place_openers.match_at(t, i)
    if j < len(t) and t[j].lower == "các":
        j += 1
    j += r.place_levels.match_at(t, j)
    while j < len(t):
        if _proper_name(t[j]):
            j += 1
        elif t[j].text in (",", "và") and j + 1 < len(t) and (_proper_name(t[j + 1]) or (
                (size := r.place_levels.match_at(t, j + 1)) and j + 1 + size < len(t) and _proper_name(t[j + 1 + size]))):
            j += 1 + r.place_levels.match_at(t, j + 1)
        else:
            break
    return j


def _stops_at(t, i: int, start: int) -> bool:
    """A stop word at token i ends a noun phrase, unless it is a syllable of a
    longer word: "bằng" ends "29 cán bộ trẻ bằng …" but not "mặt bằng"."""
    size = _rules().stops.match_at(t, i)
    if not size:
        return False
    return size > 1 or not in_word_with_neighbour(t, i, start)


SIGNS = frozenset({"+", "-", "−", "–"})
# words between a list key's bracket and its figure: "trang phục (ước tăng 17,3%)"
BRACKET_LEADS = frozenset({"ước", "tăng", "giảm", "đạt", "khoảng", "gần", "hơn", "trên", "chiếm"})
# … and before a bracketed rate of the figure before it: "7 đại biểu (tỷ lệ 8,24%)"
RATE_LEADS = BRACKET_LEADS | {"tỷ", "tỉ", "lệ", "trọng"}


def _shares_tail(t, comma: int) -> bool:
    """"xuất, nhập khẩu": two first syllables sharing the second ("xuất khẩu",
    "nhập khẩu"), one coordinated word, not two pieces."""
    if comma < 1 or comma + 2 >= len(t) or (comma >= 2 and t[comma - 2].is_number):
        return False   # "297 người, bị thương 362 người": a counter ends its own piece
    words = two_syllable_words()
    before, after, tail = t[comma - 1].lower, t[comma + 1].lower, t[comma + 2].lower
    if comma >= 2 and (t[comma - 2].lower, before) in words:
        return False   # "ngành chức năng, sản lượng": "năng" ends a word ("chức năng"), it shares no tail
    return (before, tail) in words and (after, tail) in words


def _pieces(s: Parsed, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of the clause before token ``end``, nearest first."""
    t = s.tokens
    pieces = []
    piece_end = end
    i = end - 1
    floor = max(0, end - _rules().max_backward)   # no phrase starts further back
    while i >= floor:
        if t[i].text == ")":  # "Tốc độ tăng trưởng (GRDP) ước đạt": an aside, part of the phrase
            opening = next((j for j in range(i - 1, floor - 1, -1) if t[j].text == "("), None)
            if opening is not None and opening > 0:
                i = opening - 1
                continue
        if t[i].text in HARD_BOUNDARIES:
            break
        if t[i].text == "," and not _shares_tail(t, i):
            pieces.append((i + 1, piece_end))
            piece_end = i
        i -= 1
    pieces.append((i + 1, piece_end))
    return pieces


def _without_dangling(t, start: int, end: int, r: _Rules) -> tuple[int, int]:
    """Drop punctuation and dangling function words from both edges."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and t[start].is_punct:
            start, changed = start + 1, True
        if start < end and (size := r.dangling_first.match_at(t, start)) and start + size < end:
            start, changed = start + size, True
        while end > start and t[end - 1].is_punct and t[end - 1].text not in (")", "%"):
            end, changed = end - 1, True
        if end > start and (size := r.dangling_last.match_before(t, end)) and end - size > start \
                and not (size == 1 and end - 2 >= start and t[end - 2].is_word
                         and (t[end - 2].lower, t[end - 1].lower) in two_syllable_words()):   # "trực thuộc": one word
            end, changed = end - size, True
    if start < end and (r.dangling_first.match_at(t, start) == end - start
                        or r.dangling_last.match_before(t, end) == end - start):
        return start, start   # nothing but a dangling word: "Trong", "cũng"
    return start, end


def _proper_name(token) -> bool:
    return token.is_word and token.text[:1].isupper()


def _after_topic(t, start: int, end: int, r: _Rules) -> int:
    """Skip a clause's topic written before the measure: a reporting period
    ("năm 2019 tổng diện tích lúa …", "11 tháng tỉnh xuất siêu") and a named
    place or body ("Lào Cai thu ngân sách", "Hải Phòng, chỉ số …", "Tỉnh
    Thái Bình phấn đấu giữ vững tốc độ …")."""
    start = _after_period(t, start, end, r)
    for size in (2, 3):   # "tỉnh này thu ngân sách", "địa phương này bị thiệt hại": a topic pointed back to
        if start + size < end and t[start + size - 1].lower == "này" \
                and all(tok.is_word for tok in t[start:start + size]) and t[start + size].is_word:
            start += size
            break
    j = start
    while j < end and _proper_name(t[j]):
        j += 1
    if j - start >= 2 and j < end and (t[j].text == "," or (t[j].is_word and t[j].text.islower())
                                       or _after_period(t, j, end, r) > j):
        start = j + (t[j].text == ",")   # a name of two or more capitalized words, then the clause
        start = _skip(r.openers, None, start, end, t)
        start = _after_period(t, start, end, r)   # "Thanh Hóa 6 tháng thu ngân sách"
    return start


def _after_period(t, start: int, end: int, r: _Rules) -> int:
    """Skip a reporting period that opens a subject: "năm 2019", "11 tháng", "quý I/2017"."""
    i = start
    while i < end and (t[i].is_number or t[i].text == "/" or r.time_words.match_at(t, i)
                       or (t[i].text in ROMAN_QUARTERS and i > start and t[i - 1].lower == "quý")):
        i += r.time_words.match_at(t, i) if t[i].is_word and r.time_words.match_at(t, i) else 1
    if i > start and any(tok.is_number or tok.text in ROMAN_QUARTERS for tok in t[start:i]) and i < end:
        return i
    return start


def _in_measure_name(t, i: int, start: int, r: _Rules) -> bool:
    """Token i lies inside a measure's own name that began before it."""
    for j in range(max(start, i - 3), i):
        if (size := r.measure_names.match_at(t, j)) and j + size > i:
            return not r.unit_levels.match_at(t, j + size)
    return False


ROMAN_QUARTERS = frozenset({"I", "II", "III", "IV"})
PERIOD_NUMBER_WORDS = frozenset({"hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười"})


def _trim_time(t, start: int, end: int, r: _Rules) -> int:
    """Cut a reporting period off a subject's end: "… địa phương 9 tháng", "… năm 2024"."""
    i, has_number = end, False

    def counted_in_words(i: int) -> bool:   # "… lữ hành chín tháng": a number of months in words
        return t[i - 1].lower in PERIOD_NUMBER_WORDS and i < end and t[i].lower in ("tháng", "quý")

    while i > start and (t[i - 1].is_number or r.time_words.match_before(t, i) or counted_in_words(i)
                         or (t[i - 1].text in ("-", "–", "/") and has_number)
                         or (t[i - 1].text in ROMAN_QUARTERS and i - 2 >= start and t[i - 2].lower == "quý")):
        if counted_in_words(i) or t[i - 1].text in ROMAN_QUARTERS and t[i - 2].lower == "quý":
            has_number = True   # "… quý I": a quarter named in numerals
            i -= 1
        elif t[i - 1].is_number or not t[i - 1].is_word:   # "vụ Đông Xuân 2022 – 2023": the years and the dash
            has_number = has_number or t[i - 1].is_number
            i -= 1
        else:
            i -= r.time_words.match_before(t, i)
    return i if has_number and i > start else end


def _elected_body(s: Parsed, before: Span, r: _Rules) -> Span | None:
    """"bầu Ban Thường vụ Tỉnh ủy gồm 14 người": persons elected to a body are
    its members; the body, not the verb of electing, is what the count measures."""
    t = s.tokens
    i = _token_at(t, before.start)
    size = r.elect_verbs.match_at(t, i)
    if size and r.bodies.match_at(t, i + size) and t[i + size].start < before.end:
        return Span(t[i + size].start, before.end, before.rule)
    return None


def _skip(phrases: PhraseSet, s: Parsed | None, a: int, b: int, tokens=None) -> int:
    """Index after any phrases of the set written at the start of tokens[a:b]."""
    tokens = s.tokens if s is not None else tokens
    while a < b and (size := phrases.match_at(tokens, a)) and a + size <= b:
        a += size
    return a


def _backward(s: Parsed, cands, k: int, end: int, rule: str, light: bool = False,
              cut: bool = False) -> Span | None:
    """The phrase before token ``end``; ``light`` starts it after a light verb
    ("đã thực hiện bổ nhiệm"), ``cut`` after a backward cut ("với diện tích")."""
    r = _rules()
    t = s.tokens
    if end > 2 and t[end - 1].text in SIGNS and t[end - 2].text == "(":
        end -= 1   # "dệt (+5,2%)": the sign of a bracketed change
    j = end
    while j > 1 and j > end - 3 and t[j - 1].lower in BRACKET_LEADS:
        j -= 1   # "sản xuất trang phục (ước tăng 17,3%)"
    if j < end and t[j - 1].text == "(":
        end = j
    bracket_key = end > 1 and t[end - 1].text == "(" and t[end - 2].is_word
    if bracket_key:
        end -= 1   # a list key before its bracket: "gạo (412.354 tấn", "dệt (+5,2%)"
    pieces = _pieces(s, end)
    if bracket_key:
        # "sản xuất trang phục (17,3%), sản xuất giày, dép (76,1%)": the key runs
        # back to the item before it, commas and all
        i = end - 1
        while i > 0 and t[i - 1].text not in (")", ";", ":") and not r.examples.match_before(t, i) \
                and t[i - 1].text not in HARD_BOUNDARIES and end - i < 10:
            i -= 1
        if i > 0 and (t[i - 1].text == ")" or r.examples.match_before(t, i) or t[i - 1].text in (";", ":")):
            while i < end and t[i].is_punct:
                i += 1
            if i < end:
                pieces = [(i, end)]
    if len(pieces) > 1 and pieces[0][0] >= pieces[0][1]:
        pieces = pieces[1:]   # "sản phẩm từ cao su và plastic, tăng hơn 21%": the piece before the comma
    if not bracket_key and len(pieces) > 1 and _frame_only(t, *pieces[0], r) \
            and not cands.number_between(*pieces[1], besides=cands[k].number_first):
        # "thu ngân sách 8 tháng đầu năm, toàn tỉnh Nghệ An ước đạt …", "Chi ngân sách Nghệ An, 2 tháng
        # đầu năm 2021 ước thực hiện …": a piece naming only where or when; the measure is in the one before
        earlier = _backward(s, cands, k, pieces[1][1], rule, light=light, cut=cut)
        if earlier is not None:
            return earlier
    def holds_figure(a: int, b: int) -> bool:
        return cands.number_between(a, b, besides=cands[k].number_first)

    start = pieces[0][0]

    def frames(a: int, b: int) -> bool:   # "Theo Cục Thống kê", "năm 2023": never part of a subject
        return bool(r.adverbials.match_at(t, a)) or any(tok.is_number for tok in t[a:b])

    # an earlier piece that opens with a subject head: "Số cán bộ …, … đạt 100%"
    headed = False
    for a, b in pieces[1:]:
        if holds_figure(a, b) or frames(a, b):
            break
        if r.heads.match_at(t, _skip(r.openers, s, a, b)):
            start, headed = a, True
            break
    if not headed:
        # short coordinated pieces: "trình độ … cao cấp, cử nhân là 77,4%",
        # "tổng giá trị sản xuất nông, lâm, thủy sản (theo giá so sánh) ước đạt"
        a0, b0 = pieces[0]
        # the first member of the piece: "lâm, thủy sản" (one word sharing its tail) counts as "lâm"
        first = next((i for i in range(a0, b0) if t[i].text == ","), b0)
        current = first - a0
        # a short last item of a measure's name, before its period and verb: "Doanh thu dịch
        # vụ lưu trú, ăn uống tháng 10 ước đạt …": the name runs back to the measure it opens with
        noun = first
        while (trimmed := _trim_time(t, a0, _without_trailing(t, a0, noun, r), r)) < noun:
            noun = trimmed
        if noun - a0 <= r.short < current:
            for a, b in pieces[1:]:
                if holds_figure(a, b) or frames(a, b) or b - a > r.max_item:
                    break
                if _opens_measure(t, _skip(r.openers, s, a, b)):
                    start, headed = a, True
                    break
    if not headed:
        for a, b in pieces[1:]:
            if holds_figure(a, b) or frames(a, b) or (current > r.short and b - a > r.short):
                break
            start, current = a, b - a
    # the phrase proper: after an earlier figure of the same piece, from its
    # counted noun ("có 9/11 xã đạt năng suất trên 65 tạ/ha")
    # (a measure inside the phrase stays: "cán bộ trẻ dưới 35 tuổi là 1.172")
    for other in _earlier_within(cands, k, start, end):
        if other.kind == "measure" and other.qualifier in BOUNDS and (other.unit or "").lower() in _age_units() \
                and other.first > start and t[other.first - 1].is_word and not r.link_verbs.match_before(t, other.first):
            continue   # "trẻ em dưới 5 tuổi bị suy dinh dưỡng": a bound on the noun restricts it
        if start <= other.number_first < end and other.head is not None and other.head < end:
            start = other.head
        elif start <= other.number_first < end and other.after < end:
            start = other.after   # "diện tích giảm 0,9% nhưng năng suất tăng 2,1%": after the earlier figure
            while start < end and (t[start].is_punct or r.conjunctions.match_at(t, start)):
                start += r.conjunctions.match_at(t, start) or 1
    for i in range(end - 1, start, -1):   # "… phòng trừ kịp thời nên năng suất lúa": after the last link
        if (size := r.clause_links.match_at(t, i)) and i + size < end and not in_word_with_neighbour(t, i, start):
            start = i + size
            break
    start = _skip(r.openers, s, start, end)
    for i in range(end - 1, start - 1, -1):  # "đảm bảo tỷ lệ cán bộ nữ": after the last head
        size = r.multiword_heads.match_at(t, i)
        if size and i + size < end:
            start = i + size
            break
    start = _skip(r.heads, s, start, end)
    for wanted, phrases in ((light, r.light_verbs), (cut, r.cuts)):
        if not wanted:
            continue
        for i in range(end - 1, start - 1, -1):
            size = phrases.match_at(t, i)
            if size and i + size < end and wanted is light and _only_period(t, i + size, end, r):
                continue   # "Thu ngân sách thực hiện 6 tháng ước đạt": a realization over a period
            if size and i + size < end:
                start = _skip(r.heads, s, i + size, end)   # "có số bệnh nhân": after the cut, the head too
                break
    for i in range(end - 2, start - 1, -1):   # "… như sản phẩm từ cao su": after the list's opener
        if (size := r.examples.match_at(t, i)) and i + size < end \
                and not _only_link_words(t[i + size:end], r) and not r.comparatives.match_at(t, i + size):
            start = i + size
            while start < end and t[start].is_punct:
                start += 1
            break
    start = _after_topic(t, start, end, r)
    for i in range(start + 1, end):   # "tổng thu ngân sách trên địa bàn huyện": the place is a fact of its own
        if _in_measure_name(t, i, start, r):
            continue
        if r.tail_cuts.match_at(t, i) or (t[i].text == "(" and r.tail_cuts.match_at(t, i + 1)) or (
                (size := r.place_of.match_at(t, i)) and i + size < end and _proper_name(t[i + size])) or (
                _names_place(t, i, start, end, r)):
            end = i   # "GRDP tỉnh Quảng Ngãi": the unit is the figure's where, not its subject
            break
    while (trimmed := _trim_time(t, start, _without_trailing(t, start, end, r), r)) < end:
        end = trimmed   # "xuất khẩu hạt điều nhân 11 tháng chỉ đạt": the verb, then the period
        if (size := r.realized.match_before(t, end)) and end - size > start:
            end -= size   # "Thu ngân sách thực hiện 6 tháng ước đạt": realized over the period
    while end > start and ((size := r.trailing.match_before(t, end) or r.ranks.match_before(t, end)
                                    or (r.share_words.match_before(t, end) if end - r.share_words.match_before(t, end)
                                        > start + 1 else 0)) or t[end - 1].is_punct):
        if t[end - 1].text == ")" and any(tok.text == "(" for tok in t[start:end - 1]):
            break  # "Tốc độ tăng trưởng kinh tế (GRDP)" keeps its closing bracket
        if r.closers.match_before(t, end):
            break  # "trình độ đại học trở lên": a restriction's close, not the raise's "lên"
        end -= size or 1
    start, end = _without_dangling(t, start, end, r)
    if end <= start:
        return None
    return Span(t[start].start, t[end - 1].end, rule)


@functools.cache
def _contribution_words() -> tuple[PhraseSet, PhraseSet]:
    data = patterns.load().subjects["contributions"]
    return PhraseSet(data["verbs"]), PhraseSet(data["leads"])


def _contribution_of(t, cands, k: int, first: int, done: list) -> Span | None:
    """"ngành khai khoáng giảm 13,75%, làm giảm 0,05 điểm phần trăm": a
    contribution in the clause after a figure is that figure's subject's."""
    verbs, leads = _contribution_words()
    size = verbs.match_before(t, first)
    if not size or not done[k - 1]:
        return None
    i = first - size
    i -= leads.match_before(t, i)
    if i == 0 or t[i - 1].text not in (",", ";") and t[i - 1].lower != "và":
        return None
    return done[k - 1] if cands[k - 1].after <= i else None


BOUNDS = frozenset({"less_than", "more_than", "at_least", "at_most"})


def _bound_restriction_end(cands, i: int) -> int | None:
    """The token after a bound figure starting at token i that restricts the
    noun before it ("dưới 30 tuổi", "từ 30 đến 40 tuổi", "từ 60 tuổi trở
    lên"), the upper end of a range included; None for any other figure."""
    k = bisect.bisect_left(cands, i, key=lambda c: c.first)   # the figures are in reading order
    if k == len(cands) or cands[k].first != i:
        return None
    ranged = k + 1 < len(cands) and cands[k + 1].range_with_previous
    last = cands[k + 1] if ranged else cands[k]
    if last.kind != "measure" or (last.unit or "").lower() not in _age_units():
        return None
    return last.after if ranged or cands[k].qualifier in BOUNDS else None


@functools.cache
def _age_units() -> frozenset[str]:
    return frozenset(patterns.load().subjects["bound_restrictions"]["units"])


PLACE_SET_OPENERS = frozenset({"nhiều", "các", "những", "một", "số", "hầu", "hết", "tất", "cả", "toàn", "mọi"})


def _names_places(t, span: Span, r: _Rules) -> bool:
    """The span is a set of places: "nhiều địa phương khác", "các xã", "100% số huyện"."""
    first = i = _token_at(t, span.start)
    end = _token_at(t, span.end)
    while i < end and t[i].lower in PLACE_SET_OPENERS:
        i += 1
    # a set ("các xã", "2 huyện"), not the unit that acts ("Tỉnh phấn đấu giải ngân … đạt trên 95% vốn")
    counted = first > 0 and t[first - 1].is_number
    return (first < i or counted) and i < end and (bool(r.unit_levels.match_at(t, i)) or t[i].lower == "địa" and i + 1 < end
                        and t[i + 1].lower == "phương")


def _period_only_clause(t, end: int, r: _Rules) -> bool:
    """The clause before token ``end`` is only a period after a separator: "…; năm 2023, "."""
    i = end
    while i > 0 and t[i - 1].text == ",":
        i -= 1
    has_number = False
    while i > 0 and (t[i - 1].is_number or t[i - 1].text in ("/", "-") or r.time_words.match_before(t, i)):
        has_number = has_number or t[i - 1].is_number
        i -= 1 if not t[i - 1].is_word or t[i - 1].is_number else r.time_words.match_before(t, i)
    return has_number and i > 0 and t[i - 1].text in (";", ",")


def _only_period(t, a: int, b: int, r: _Rules) -> bool:
    """Tokens a..b are a reporting period and the words before a figure: "6 tháng ước"."""
    b = _without_trailing(t, a, b, r)
    return _trim_time(t, a - 1, b, r) <= a if b > a else True


def _frame_only(t, a: int, b: int, r: _Rules) -> bool:
    """Tokens a..b name only a unit ("toàn tỉnh Nghệ An") or a period ("2
    tháng đầu năm 2021"), with the verb before a figure ("ước đạt")."""
    while b > a and (size := r.trailing.match_before(t, b) or r.link_verbs.match_before(t, b)):
        b -= size
    while a < b and t[a].lower in SCOPE_WORDS:
        a += 1
    if a >= b:
        return False
    if (size := r.unit_levels.match_at(t, a)) and a + size < b:
        return all(_proper_name(tok) and not tok.text.isupper() for tok in t[a + size:b])
    return all(tok.is_number or r.time_words.match_at(t, i) for i, tok in enumerate(t[a:b], start=a)) \
        and any(tok.is_number for tok in t[a:b])


SCOPE_WORDS = frozenset({"toàn", "cả", "trên", "địa", "bàn"})


def _without_trailing(t, start: int, end: int, r: _Rules) -> int:
    """End of tokens start..end without the link and trailing words before a figure."""
    while end > start and (size := r.trailing.match_before(t, end)) and not r.closers.match_before(t, end):
        end -= size   # ("trình độ đại học trở lên": a restriction's close, not the raise's "lên")
    return end


def _earlier_within(cands: _Figures, k: int, start: int, end: int) -> list:
    """The figures before figure k whose number stands in tokens [start, end), in order."""
    if not isinstance(cands, _Figures):
        return [c for c in cands[:k] if start <= c.number_first < end]
    # the figures are in reading order, so their numbers are sorted as they are
    lo = bisect.bisect_left(cands.numbers, start)
    hi = bisect.bisect_left(cands.numbers, end)
    return list(cands[lo:min(hi, k)])


def _place_free(text: str, place_spans: list[tuple[int, int]], start: int, end: int) -> str:
    """The subject's words outside the place names written in it."""
    kept, at = [], start
    for a, b in sorted(place_spans):
        if a < end and start < b:
            kept.append(text[at - start:max(a, at) - start])
            at = max(at, b)
    kept.append(text[at - start:])
    return " ".join(" ".join(kept).split())


def _only_link_words(tokens, r: _Rules) -> bool:
    """Nothing but link verbs, subject heads, ranks and punctuation: "đạt tỷ
    lệ", "nhiều nhất với"."""
    i = 0
    while i < len(tokens):
        size = 1 if tokens[i].is_punct else (r.trailing.match_at(tokens, i) or r.heads.match_at(tokens, i)
                                              or r.key_words.match_at(tokens, i))
        if not size:
            return False
        i += size
    return True


def _names_only(subject: str, place_names: frozenset[str]) -> bool:
    """A unit's name and nothing else ("Hoàng Su Phì", "Kon Tum (cũ)"), though
    the locality reader did not take it: it keys a list and measures nothing."""
    words = [tok for tok in Parsed.of(subject).tokens if tok.is_word and tok.lower not in ("cũ", "mới")]
    return len(words) >= 2 and all(w.text[:1].isupper() for w in words) \
        and normalize_key(" ".join(w.text for w in words)) in place_names


def _without_trailing_key(f, place_spans: list[tuple[int, int]], r: _Rules):
    """"tỷ lệ cử tri đi bầu đạt cao là Bắc Mê 100%": the place written last,
    right before the figure, keys it; the measure is what comes before it."""
    start, end = f.subject_start, f.subject_end
    if len(f.subject) != end - start:
        return f
    for a, b in place_spans:
        if start < a and b <= end and not f.subject[b - start:].strip(" ()").replace("cũ", "").strip():
            head = Parsed.of(f.subject[:a - start]).tokens
            n = len(head)
            while n and (size := r.trailing.match_before(head, n) or r.ranks.match_before(head, n)
                         or r.dangling_last.match_before(head, n) or (1 if head[n - 1].is_punct else 0)):
                n -= size
            if 0 < n < len(head):   # only where a link, a rank or a preposition leads to the place
                cut = head[n - 1].end
                return dataclasses.replace(f, subject=f.subject[:cut], subject_end=start + cut)
    return f


def _keyed_by_place(f, place_spans: list[tuple[int, int]]) -> bool:
    """A place written right before the figure, at most a colon between: "Châu Thành: 121.578"."""
    return any(end <= f.start and f.start - end <= 3 for _, end in place_spans)


def _keyed_by_place_and_link(f, place_spans: list[tuple[int, int]], text: str, offset: int) -> bool:
    """A place, then only link words, right before the figure: "xã Hàm Thuận có 809 căn"."""
    r = _rules()
    for _, end in place_spans:
        if end <= f.start and f.start - end <= 12:
            between = Parsed.of(text[end - offset:f.start - offset]).tokens
            if _only_link_words(between, r):
                return True
    return False


def list_key_subjects(figures: list, place_spans: list[tuple[int, int]], carried=None,
                      place_names: frozenset[str] = frozenset(), header=None,
                      text: str = "", offset: int = 0) -> tuple[list, object]:
    """Figures of one sentence whose subject is only a place, the key of a
    list ("tỷ lệ cử tri đi bầu: thành phố Tuyên Quang đạt 99,99%, Hàm Yên đạt
    99,82%"), take the measure of the figure before them; the place is their
    locality, not what they measure. ``carried`` is the last measured figure
    of the paragraph's earlier sentences: a list that goes on in a new
    sentence ("… 2.788 ca mắc. Trong đó, thị xã Ninh Hòa 1.356 ca, TP. Nha
    Trang 1.147 ca") keys the same measure, when it counts the same unit.
    ``header`` is the measure the list's header names, for keys with no
    measured figure before them (figures.list_header).
    Returns the figures and the last measured figure, to carry on."""
    r = _rules()
    out, measure, by_unit = [], None, {}
    for f in figures:
        if f.subject is None and f.unit is None and measure is not None and _keyed_by_place(f, place_spans):
            # "… có 82.524 cử tri, Châu Thành: 121.578, Bình Đại: 91.025": a bare number a place keys
            # counts what the list counts, in its unit
            f = dataclasses.replace(f, subject=measure.subject, subject_start=measure.subject_start,
                                    subject_end=measure.subject_end, unit=measure.unit,
                                    kind=measure.kind if measure.kind in ("count", "measure") else f.kind)
            out.append(f)
            continue
        same_unit = by_unit.get(f.unit) or (carried if carried is not None and carried.unit == f.unit else None)
        if f.subject is None and f.unit is not None and same_unit is not None and _keyed_by_place(f, place_spans):
            # "(sau tỉnh Bắc Giang 24,03% …)": a place right before the figure keys it; it measures
            # what the list's figure of the same unit measures
            source = same_unit
            out.append(_subject_of(f, source))
            continue
        if f.subject is None and header is not None and measure is None and _keyed_by_place(f, place_spans):
            # "Lượng mưa phổ biến rất lớn: Cẩm Nhượng 292mm": the header names what the keys measure
            out.append(dataclasses.replace(f, subject=header.subject, subject_start=header.subject_start,
                                           subject_end=header.subject_end))
            continue
        if f.subject is None or f.subject_start is None:
            out.append(f)
            continue
        bare = f.kind == "count" and f.unit and f.subject.strip().lower() == f.unit.lower()
        # the count that named the counter in full: of the same unit, or a longer counter
        # that starts with it ("2.800 căn nhà bị ngập" … "809 căn")
        in_full = next((g for g in (same_unit, *reversed(by_unit.values()), carried) if bare and g is not None
                        and g.kind == "count" and (g.subject or "").lower().startswith(f.unit.lower() + " ")), None)
        if bare and in_full is not None and (
                _keyed_by_place(f, place_spans) or _keyed_by_place_and_link(f, place_spans, text, offset)):
            # "934 nhà bị tốc mái, hư hỏng. Trong đó, thị xã Đức Phổ (300 nhà), …", "phường Hàm Thắng
            # có 2.800 căn nhà bị ngập, xã Hàm Thuận có 809 căn": a place keys a bare counter in a
            # list that breaks down the count just named in full
            out.append(_subject_of(f, in_full))
            continue
        rest = _place_free(f.subject, place_spans, f.subject_start, f.subject_end)
        only_links = _only_link_words(Parsed.of(rest).tokens if rest else [], r)
        keyed = (rest != f.subject.strip() and only_links) or _names_only(f.subject, place_names)
        # "Sông Hinh 1.546ha, năng suất 53,5 tạ/ha; Đông Hòa 4.749ha, …": a key takes the measure of its
        # own unit, each of the list's two columns its own
        source = by_unit.get(f.unit) if f.unit is not None else None
        source = source or (measure if measure is not None else (
            carried if carried is not None and f.unit is not None and carried.unit == f.unit else
            header if f.subject_start < f.start else None))   # a key written before it: "Yên Bình đạt 99,8%"
        if keyed and source is not None:
            f = _subject_of(f, source)
        elif keyed and f.kind == "count" and f.unit and f.text.lower().endswith(f.unit):
            # no measure to take: what is counted is the counter, not the place ("Buôn Đôn 1.000 ca")
            f = dataclasses.replace(f, subject=f.text[len(f.text) - len(f.unit):],
                                    subject_start=f.end - len(f.unit), subject_end=f.end)
        elif keyed:
            f = dataclasses.replace(f, subject=None, subject_start=None, subject_end=None)   # a place measures nothing
        else:
            f = _without_trailing_key(f, place_spans, r)
            measure = f
            if f.unit is not None:
                by_unit[f.unit] = f
        out.append(f)
    return out, measure if measure is not None else carried


@functools.cache
def _cumulative_openers() -> PhraseSet:
    return PhraseSet(patterns.load().subjects["cumulative_openers"]["words"])


def cumulative_subjects(figures: list, sentence: str, carried) -> list:
    """Figures with no subject of a sentence that opens with a running total
    ("Lũy kế 5 tháng ước thực hiện 2.969 tỷ đồng") measure what ``carried``,
    the paragraph's last measured figure before it, measures."""
    if carried is None or all(f.subject is not None for f in figures):
        return figures
    tokens = Parsed.of(sentence[:40]).tokens
    first = next((i for i, tok in enumerate(tokens) if tok.is_word), None)
    if first is None or not _cumulative_openers().match_at(tokens, first):
        return figures
    return [dataclasses.replace(f, subject=carried.subject, subject_start=carried.subject_start,
                                subject_end=carried.subject_end) if f.subject is None else f for f in figures]


@functools.cache
def _anaphoric_counters() -> frozenset[str]:
    return frozenset(patterns.load().subjects["anaphoric_counters"]["words"])


def _subject_of(f, source):
    """``f`` with the subject ``source`` names, offsets and all."""
    return dataclasses.replace(f, subject=source.subject, subject_start=source.subject_start,
                               subject_end=source.subject_end)


def counters_named_before(figures: list, named: dict) -> list:
    """A count whose subject is its bare counter ("huyện Đak Đoa (4 vụ)")
    counts what the same counter counted when it was last named in full in
    the paragraph ("xảy ra 20 vụ tai nạn giao thông"). ``named`` maps a
    counter to that figure and is updated as the figures are read."""
    out = []
    anaphoric = _anaphoric_counters()
    for f in figures:
        unit = (f.unit or "").lower()
        subject = (f.subject or "").strip().lower()
        if unit not in anaphoric:
            # a rate names the cases too: "số ca mắc SXH giảm 68,2%" … "(từ 439 ca, xuống còn 9 ca)"
            counter = next((w for w in anaphoric if subject.startswith(w + " ")), None)
            if counter is not None:
                named[counter] = f
            elif subject in anaphoric and subject in named:
                # and a rate of the bare counter is of what it counted: "xảy ra 829 vụ tai nạn
                # giao thông …; giảm 445 vụ (giảm 9,41%)"
                source = named[subject]
                f = _subject_of(f, source)
            out.append(f)
            continue
        if f.kind == "count" and unit and subject == unit and unit in named:
            source = named[unit]
            f = _subject_of(f, source)
        elif f.kind == "count" and unit and subject.startswith(unit + " "):
            named[unit] = f
        out.append(f)
    return out


def measures_of_counted(s: Parsed, candidates: list[Candidate],
                        spans: list[Span | None]) -> list[tuple[str, int, int] | None]:
    """Subjects of a measure that "với" hangs on counted things: in "thu hút 7
    dự án FDI với tổng vốn đăng ký hơn 622 triệu USD" the money is "tổng vốn
    đăng ký dự án FDI", the measure of those projects. As (subject, start, end
    of the measure's words), None elsewhere; a change that measures the same
    words ("(tăng 213,1 triệu USD)") takes the same subject."""
    t = s.tokens
    out: list[tuple[str, int, int] | None] = [None] * len(candidates)
    for k, span in enumerate(spans):
        if span is None or candidates[k].head is not None:
            continue
        first = _token_at(t, span.start)
        if first >= len(t) or t[first].start != span.start:
            continue
        # "với" just before the measure, or inside a span that runs over the counted noun
        inside = next((i for i in range(first, _token_at(t, span.end)) if t[i].lower == "với"), None)
        w = inside if inside is not None else first - 1
        if w < 1 or t[w].lower != "với" or w + 1 >= len(t) or t[w + 1].start >= span.end:
            continue
        before = w - 1
        if t[before].text == ")":   # "35 dự án (tăng 14 dự án so với cùng kỳ) với tổng vốn"
            depth = 0
            while before >= 0:
                depth += {")": 1, "(": -1}.get(t[before].text, 0)
                if depth == 0:
                    break
                before -= 1
            before -= 1
        # the counted things stand right before "với", a bracketed change between at most
        counted = next((j for j in range(k - 1, max(k - 4, -1), -1) if spans[j] is not None
                        and candidates[j].head is not None and spans[j].end == t[before].end), None) \
            if before >= 0 else None
        if counted is None:
            continue
        things = spans[counted].text_in(s.text)
        if "," in things or len(things.split()) > 6:
            continue   # a clause of its own, not a name of the things measured
        measure = s.text[t[w + 1].start:span.end]
        out[k] = (f"{measure} {things}", t[w + 1].start, span.end)
        for j in range(k + 1, min(k + 4, len(spans))):   # its change and ratio right after it
            if spans[j] == span:
                out[j] = out[k]
    return out


@functools.cache
def _topic_levels() -> tuple[PhraseSet, PhraseSet]:
    data = patterns.load().subjects["topic_levels"]
    return PhraseSet(data["categories"]), PhraseSet(data["levels"])


def level_topics(s: Parsed, candidates: list[Candidate],
                 spans: list[Span | None]) -> list[tuple[str, int, int] | None]:
    """Subjects a school level opening the clause gives its bare counts: in
    "bậc tiểu học có 332.192 học sinh tại 488 trường" the counts are "học sinh
    tiểu học" and "trường tiểu học". As (subject, start, end of the count's
    own words), None elsewhere."""
    t = s.tokens
    out: list[tuple[str, int, int] | None] = [None] * len(candidates)
    categories, levels = _topic_levels()
    openers = _rules().openers
    clause_starts = [0] + [i + 1 for i, tok in enumerate(t) if tok.text == ";"]
    named: list[tuple[int, int, int]] | None = None   # (token, level's first token, its size), read once
    for k, (c, span) in enumerate(zip(candidates, spans)):
        i = clause_starts[bisect.bisect_right(clause_starts, c.first) - 1]
        i = _skip(openers, s, i, c.first)
        while i < c.first and t[i].is_punct:
            i += 1
        i += categories.match_at(t, i)
        size = levels.match_at(t, i)
        if not size or i + size >= len(t) or t[i + size].lower not in ("có", ":", "là"):
            continue
        counted = _bare_counted(s, c, span, copula=t[i + size].lower == "là" and c.first == i + size + 1)
        if counted is None:
            continue   # a count with words of its own keeps them
        # a later level of the same clause keys the counts after it: "khối mầm non có 1.295 hợp
        # đồng, khối tiểu học 1.154 hợp đồng"
        if named is None:
            named = [(j, at, later) for j in range(len(t))
                     if (later := levels.match_at(t, at := j + categories.match_at(t, j)))]
        for j, at, later in named[bisect.bisect_left(named, (i + size,)):bisect.bisect_left(named, (c.first,))]:
            if at + later <= c.first and (at > j or at + later == c.first or t[at + later].lower in ("có", ":", "là")):
                i, size = at, later
        level = s.text[t[i].start:t[i + size - 1].end]
        out[k] = (f"{counted[0]} {level}", counted[1], counted[2])
    return out


def _bare_counted(s: Parsed, c: Candidate, span: Span | None, copula: bool) -> tuple[str, int, int] | None:
    """What a figure counts when it names only a bare noun: its counter ("332.192
    học sinh", also right after "là"), or the noun after a share ("đạt 99,7% số
    lớp"). As (noun, start, end), None for a figure with words of its own."""
    t = s.tokens
    if c.head is not None and c.unit_end is not None:
        start, end = t[c.head].start, t[c.unit_end - 1].end
        counter = s.text[start:end]
        if span is not None and (s.text[span.start:span.end].lower() == counter.lower() or copula):
            return counter, start, end
        return None
    if c.kind != "percent":
        return None
    j = c.after + (c.after < len(t) and t[c.after].lower == "số")
    size = _school_nouns().match_at(t, j) if j < len(t) else 0
    if size and (j + size == len(t) or not t[j + size].is_word or t[j + size].lower in ("so", "theo", "kế")):
        return s.text[t[j].start:t[j + size - 1].end], t[j].start, t[j + size - 1].end
    return None


@functools.cache
def _school_nouns() -> PhraseSet:
    """What a school level's shares count: "đạt 99,7% số lớp"."""
    return PhraseSet(patterns.load().subjects["topic_levels"]["counted"])



@functools.cache
def _events_before() -> tuple[PhraseSet, dict[str, str]]:
    data = patterns.load().subjects["events_before_counted"]
    return PhraseSet([*patterns.load().subjects["person_events"]["words"], *data["passive"]]), data["passive"]


def events_before_counted(s: Parsed, candidates: list[Candidate],
                          spans: list[Span | None]) -> list[tuple[str, int, int] | None]:
    """Subjects that what befell the counted, written before the count, gives
    them: "làm chết 23 người, bị thương 40 người" → "người chết", "người bị
    thương"; "làm ngập hơn 1.600 ngôi nhà" → "ngôi nhà bị ngập". Only for a
    count whose own words are a bare noun phrase after its number (a clause of
    its own, "23 người bị thương nặng", says it already). A causative before
    the event ("làm", "khiến") is the sentence's, not the subject's. As
    (subject, start, end of the count's own words), None elsewhere."""
    t = s.tokens
    r = _rules()
    events, passive = _events_before()
    out: list[tuple[str, int, int] | None] = [None] * len(candidates)
    last: tuple[str, int] | None = None   # the event of the count before, and the token after its words
    for k, (c, span) in enumerate(zip(candidates, spans)):
        if span is None or span.start < t[c.number_first].end:
            last = None
            continue   # a subject written before the figure has its own verb
        own_first, own_end = _token_at(t, span.start), _token_at(t, span.end)
        own = t[own_first:own_end]
        if any(r.clause_verbs.match_at(own, i) or r.person_predicates.match_at(own, i) for i in range(len(own))):
            last = None
            continue
        size = events.match_before(t, c.first)
        if size:
            event = " ".join(tok.lower for tok in t[c.first - size:c.first])
        elif last is not None and all(tok.text in LIST_JOINS for tok in t[last[1]:c.first]):
            # "hư hỏng 132 xe ô tô, 188 xe mô tô", "tạm giữ 56 phương tiện (2 ô tô,
            # 54 mô tô)": the event governs every bare count of its list
            event = last[0]
        else:
            last = None
            continue
        last = (event, own_end)
        if not c.generic:   # things undergo it: "ngôi nhà bị ngập"; persons have it: "người chết"
            event = passive.get(event, event)
        out[k] = (f"{span.text_in(s.text)} {event}", span.start, span.end)
    return out


# a cause after a place says why, it does not narrow the counted: "1 người tử
# vong tại xã Kim Hoa do bị ngã"
CAUSE_WORDS = frozenset({"do", "vì", "bởi"})

# what may stand between the counts of one list an event governs
LIST_JOINS = frozenset({",", "(", "và"})


@functools.cache
def _incident_words() -> tuple[frozenset[str], PhraseSet, PhraseSet]:
    data = patterns.load().subjects["incidents"]
    return frozenset(data["counters"]), PhraseSet(data["verbs"]), PhraseSet(data["heads"])


def incidents_counted(s: Parsed, candidates: list[Candidate],
                      spans: list[Span | None]) -> list[tuple[str, int, int] | None]:
    """Subjects of a bare "vụ" whose incidents are named before the verb: "tai
    nạn giao thông xảy ra 124 vụ" → "vụ tai nạn giao thông". As (subject,
    start, end of the count's own words), None elsewhere."""
    t = s.tokens
    counters, verbs, heads = _incident_words()
    cands = None   # read with their look-ups only where a bare "vụ" follows a verb
    out: list[tuple[str, int, int] | None] = [None] * len(candidates)
    for k, (c, span) in enumerate(zip(candidates, spans)):
        if c.head is None or c.unit_end is None or span is None:
            continue
        counter = " ".join(tok.lower for tok in t[c.head:c.unit_end])
        if counter not in counters or span.text_in(s.text).lower() != counter:
            continue
        size = verbs.match_before(t, c.first)
        if not size:
            continue
        cands = cands or (candidates if isinstance(candidates, _Figures) else _Figures(candidates, t))
        before = _backward(s, cands, k, c.first - size, "incident")
        if before is None:
            continue
        first = _token_at(t, before.start)
        if not heads.match_at(t, first):
            continue
        out[k] = (f"{counter} {before.text_in(s.text)}", span.start, span.end)
    return out


@functools.cache
def _drawn_from_openers() -> PhraseSet:
    return PhraseSet(patterns.load().subjects["drawn_from"]["openers"])


def drawn_from(s: Parsed, candidates: list[Candidate],
               spans: list[Span | None]) -> list[tuple[str, int, int] | None]:
    """Subjects of counts drawn from a set the sentence opens with: "Trong số ca
    mắc mới, có 486 ca được phát hiện trong cộng đồng, 85 ca trong các khu
    phong tỏa" → "ca mắc mới được phát hiện trong cộng đồng", "ca mắc mới trong
    các khu phong tỏa". Only where the set is a noun phrase without a number
    and the count's noun is the one the set starts with. As (subject, start,
    end of the count's own words), None elsewhere."""
    t = s.tokens
    out: list[tuple[str, int, int] | None] = [None] * len(candidates)
    size = _drawn_from_openers().match_at(t, 0) if t else 0
    if not size:
        return out
    comma = next((i for i in range(size, len(t)) if t[i].text == ","), None)
    if comma is None or comma == size or any(tok.is_number for tok in t[size:comma]):
        return out
    drawn = [tok.lower for tok in t[size:comma]]
    phrase = s.text[t[size].start:t[comma - 1].end]
    for k, (c, span) in enumerate(zip(candidates, spans)):
        if span is None or c.head is None or c.unit_end is None or c.first <= comma \
                or span.start < t[c.number_first].end:
            continue
        counter = [tok.lower for tok in t[c.head:c.unit_end]]
        if drawn[:len(counter)] != counter or len(drawn) == len(counter):
            continue
        own = span.text_in(s.text)
        rest = own[len(s.text[t[c.head].start:t[c.unit_end - 1].end]):] if own.lower().startswith(
            " ".join(counter)) else None
        if rest is None:
            continue
        out[k] = (phrase + rest, span.start, span.end)
    return out


def bracketed_plans(s: Parsed, candidates: list[Candidate],
                    spans: list[Span | None]) -> list[tuple[str, int, int] | None]:
    """A plan written in brackets after a figure measures what that figure
    measures: "Nông, lâm, thuỷ sản tăng 7,06% (kế hoạch 3,6%)" → "Nông, lâm,
    thuỷ sản kế hoạch"; both ends of a planned range ("(kế hoạch 9-9,5%)").
    As (subject, start of the figure's subject, end of the plan's words), None elsewhere."""
    t = s.tokens
    cands = candidates if isinstance(candidates, _Figures) else _Figures(candidates, t)
    r = _rules()
    out: list[tuple[str, int, int] | None] = [None] * len(cands)
    for k in range(1, len(cands)):
        c = cands[k]
        o = cands.opening[c.first] if c.first < len(cands.opening) else None
        if o is None:
            continue
        size = r.plan_bases.match_at(t, o + 1)
        first = k - 1 if c.range_with_previous else k
        if not size or o + 1 + size != cands[first].first:
            continue
        j = bisect.bisect_right(cands.afters, o, 0, first) - 1   # the figure the bracket follows
        if j < 0 or spans[j] is None or max(cands[j].after, cands[j].unit_end or 0) != o:
            continue
        plan = s.text[t[o + 1].start:t[o + size].end]
        out[k] = (f"{spans[j].text_in(s.text)} {plan}", spans[j].start, t[o + size].end)
        if first != k:
            out[first] = out[k]
    return out


@functools.cache
def _segment_heads() -> tuple[str, ...]:
    return tuple(h.lower() for h in patterns.load().subjects["segments"]["heads"])


def is_segment(subject: str | None) -> bool:
    """A subject naming only a part of the economy: "khu vực kinh tế trong nước"."""
    return subject is not None and subject.lower().startswith(_segment_heads())


def segment_subjects(figures: list, measured) -> tuple[list, object]:
    """Figures of one sentence whose subject is only a part ("khu vực kinh tế
    trong nước đạt 13.149 tỷ đồng") measure, for that part, what ``measured``
    (the paragraph's last figure of a whole, not of a part) measures, when it
    is of the same kind: "Tổng mức bán lẻ hàng hóa khu vực kinh tế trong nước".
    Returns the figures and the last figure of a whole, to carry on."""
    out = []
    for f in figures:
        if is_segment(f.subject):
            if measured is not None and measured.kind == f.kind and measured.subject \
                    and measured.subject.lower() not in f.subject.lower():
                f = dataclasses.replace(f, subject=f"{measured.subject} {f.subject}")
        elif f.subject is not None and f.kind in ("money", "percent", "measure"):
            measured = f
        out.append(f)
    return out, measured


@functools.cache
def _measure_bases() -> PhraseSet:
    return PhraseSet(patterns.load().subjects["elliptical_items"]["bases"])


def _opens_measure(t, i: int) -> bool:
    """A measure's name starts at token i: "doanh thu", "kim ngạch", "tổng doanh thu"."""
    if i < len(t) and t[i].lower == "tổng":
        i += 1
    return bool(_measure_bases().match_at(t, i))


@functools.cache
def _elliptical_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = patterns.load().subjects["elliptical_items"]
    by_length = lambda words: tuple(sorted((w.lower() for w in words), key=len, reverse=True))
    return by_length(data["bases"]), by_length(data["activities"])


def _measure_base(subject: str) -> tuple[str, str] | None:
    """(base, activity) a measure's subject opens with, as written: "Kim ngạch xuất
    khẩu" → ("Kim ngạch", "xuất khẩu"); "tổng sản lượng thủy sản" → ("sản lượng", "")."""
    bases, activities = _elliptical_words()
    text = subject.strip()
    if text.lower().startswith("tổng "):
        text = text[5:].lstrip()
    base = next((b for b in bases if text.lower().startswith(b + " ") or text.lower() == b), None)
    if base is None:
        return None
    rest = text[len(base):].lstrip()
    activity = next((a for a in activities if rest.lower().startswith(a + " ") or rest.lower() == a), None)
    if activity:
        after = rest[len(activity):].lstrip(" ,").lower()
        if after.startswith("và ") and after[3:].startswith(activities) or after.startswith(activities):
            activity = None   # "sản lượng nuôi trồng và khai thác … trong đó tôm": the item is of both
    return text[:len(base)], rest[:len(activity)] if activity else ""


# words an item of such a list never holds: a time ("tháng") or a measure of
# its own ("xuất siêu", "thu hoạch xong" says what happened, not which crop)
ELLIPSIS_BREAKERS = frozenset({"tháng", "năm", "quý", "xuất siêu", "nhập siêu", "xong", "đã", "được", "bị"})
# nor is it a plan the measure is held against ("đạt 102% kế hoạch đề ra"), or what was earned ("thu về")
ELLIPSIS_NOT_ITEMS = ("kế hoạch", "dự toán", "chỉ tiêu", "mục tiêu", "thu về")


def elliptical_items(figures: list, measured) -> tuple[list, object]:
    """Figures of one sentence keyed by an item written before them whose
    measure a figure before named once (``measured``, the paragraph's last
    figure whose subject opens with a measure's base): "Diện tích lúa đạt
    2.450 ha; đậu tương 310 ha" → "Diện tích đậu tương". Only amounts and
    measures in the same unit, keyed by a short name with no base of its own.
    Returns the figures and the last such measure, to carry on."""
    bases, activities = _elliptical_words()
    out = []
    for f in figures:
        base = _measure_base(f.subject) if f.subject else None
        if base is not None:
            if f.kind in ("money", "measure"):
                # an amount names the measure; a rate or a share of it ("tăng gần 7%") does
                # not stand between the amount and the items that continue it
                measured = (f, base)
        elif measured is not None and f.subject and f.subject_start is not None and f.subject_start < f.start \
                and f.kind in ("money", "measure") and f.kind == measured[0].kind and f.unit == measured[0].unit \
                and f.unit != "lần" \
                and len(f.subject.split()) <= 4 and not any(ch.isdigit() for ch in f.subject) \
                and not set(f.subject.lower().split()) & ELLIPSIS_BREAKERS \
                and not f.subject.lower().startswith(ELLIPSIS_NOT_ITEMS):
            (head, activity), item = measured[1], f.subject.strip()
            if item.lower().startswith(activities) or activity.lower().startswith(item.lower().split()[0]):
                activity = ""   # "…; nhập khẩu 150 triệu USD": the item is the activity
            subject = " ".join(part for part in (head, activity, item) if part)
            f = dataclasses.replace(f, subject=subject)
        out.append(f)
    return out, measured


@functools.cache
def _respective_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    data = patterns.load().subjects["respective_measures"]
    words = lambda key: "|".join(regex.escape(w) for w in sorted(data[key], key=len, reverse=True))
    measure = regex.compile(rf"(?i)(?<![\p{{L}}\p{{M}}])(?:{words('measures')})(?![\p{{L}}\p{{M}}])")
    stop = regex.compile(rf"(?i)(?<![\p{{L}}\p{{M}}])(?:{words('stops')})(?![\p{{L}}\p{{M}}])|[():,;]")
    return measure, stop


def respective_measures(figures: list, text: str, offset: int) -> list:
    """Figures of a list whose header, before the colon, names several measures
    that each place's group gives in order (patterns/subjects.toml
    [respective_measures]): "diện tích, năng suất, sản lượng lúa … như sau:
    Mỹ Lộc 6.368ha, 54,92 tạ/ha, 34.975 tấn; …" → "diện tích lúa", "năng suất
    lúa", "sản lượng lúa". Groups of another size are left as they are."""
    colon = text.find(":")
    if colon < 0 or not figures or figures[0].start - offset < colon:
        return figures
    measure_word, stop = _respective_patterns()
    header = text[:colon]
    measures = list(measure_word.finditer(header))
    if len(measures) < 2:
        return figures
    last = measures[-1]
    tail = stop.search(header, last.end())
    restriction = " ".join(header[last.end():tail.start() if tail else colon].split())
    names = [" ".join(part for part in (m.group(), restriction) if part) for m in measures]
    bounds = [i for i, ch in enumerate(text) if ch == ";" and i > colon] + [len(text)]

    def bracketed(f) -> bool:
        before = text[colon:f.start - offset]
        return before.count("(") > before.count(")")

    by_group: dict[int, list] = {}
    for f in figures:
        if f.kind == "count" and f.unit:
            return figures   # "có 02 đơn vị bầu cử, được bầu 06 đại biểu": counts name what they count
        by_group.setdefault(bisect.bisect_left(bounds, f.start - offset), []).append(f)
    replaced: dict[int, str] = {}
    for members in by_group.values():
        plain = [f for f in members if not bracketed(f)]
        if len(plain) != len(names):
            continue
        named = None
        for f in members:
            if not bracketed(f):
                named = names[plain.index(f)]
            if named is not None:
                replaced[id(f)] = named
    return [dataclasses.replace(f, subject=replaced[id(f)]) if id(f) in replaced else f for f in figures]
