"""Facts: each figure tied to the place and the time it is about.

A reader decides both in the order labels/FORMAT.md gives:

- the figure's own clause (the part of its sentence between semicolons):
  the nearest place or period written before it there ("Bình Phước tăng
  trưởng 7,1%; Tây Ninh 6,4%"), else the nearest period after it ("… đạt
  500 tỷ đồng trong năm 2023"; a place after a figure keys what follows it);
- its sentence: the nearest place or period before it (what a later clause
  writes after the figure is that clause's);
- its paragraph: the place or period an earlier sentence of the paragraph
  names before its first figure ("Năm 2017, …", "Tại huyện A, …",
  "Đoàn công tác làm việc với huyện A."), the nearest such sentence first;
- the article: its own unit (the first unit its title or the paragraph right
  after it names, else the one it names most) and its reporting period (the
  first period the title or lead names, "6 tháng đầu năm 2023"; else the
  first time that opens the first paragraph of prose after the lead: "Theo
  Nghị quyết này, từ ngày 1/1/2019 …");
- the publication date, as the day the figure was true; a page with no date
  takes the first time it states, else the year it makes clear.

Places here are named units, the country ("cả nước", "toàn quốc"; regions
such as "Tây Nguyên" lie in it) and scope words ("toàn tỉnh", "toàn huyện":
the article's own province or district). A date written as what the figure
is compared with ("so với cùng kỳ năm 2022") is never its time.

Target: the sentence states a goal ("phấn đấu", "chỉ tiêu"), or the figure's
time is a deadline after the publication date ("đến năm 2030").
Each choice records how it was decided (clause, sentence, paragraph,
article, published).
"""

from __future__ import annotations

import bisect
import calendar
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import regex

from vnstats import patterns
from vnstats.corpus.article import Article
from vnstats.extract.dates import EARLIER_VALUE, DateMention, birth_year_spans
from vnstats.extract.gazetteer import COUNTRY_ID, Unit, normalize_key
from vnstats.extract.gazetteer import load as load_gazetteer
from vnstats.extract.localities import LocalityMention, main_place, site_place, unit_in_force
from vnstats.extract.text import Parsed, PhraseSet, has_digit
from vnstats.extract.mentions import FigureLink


@dataclass(frozen=True)
class _Anchor:
    """A place or a time written in the text, and what it stands for."""
    start: int
    end: int
    value: object          # a unit id (places) or a DateMention (times)


@functools.cache
def _rules() -> tuple[PhraseSet, PhraseSet]:
    targets = patterns.load().facts["targets"]
    return PhraseSet(targets["words"]), PhraseSet(targets["deadline_words"])


def _phrase_pattern(words) -> regex.Pattern:
    alternation = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(r"(?<![\p{L}\p{M}])(?:" + alternation + r")(?![\p{L}\p{M}])", regex.IGNORECASE)


@functools.cache
def _cue_pattern() -> regex.Pattern:
    return _phrase_pattern(patterns.load().facts["targets"]["words"])


@functools.cache
def _whole_year() -> regex.Pattern:
    data = patterns.load().facts
    return _phrase_pattern([*data["named_year"]["whole_year_words"], *data["targets"]["words"]])


@functools.cache
def _plan_words() -> regex.Pattern:
    return _phrase_pattern(patterns.load().facts["named_year"]["plan_words"])


def _plans_value(between: str) -> bool:
    """A figure in brackets right after a plan: the plan's own value."""
    return between.rstrip().endswith("(") and bool(_plan_words().search(between))


@functools.cache
def _place_words() -> dict[str, regex.Pattern]:
    """Words that stand for a place: the country, and the article's own province or district."""
    facts = patterns.load().facts
    return {"country": _phrase_pattern(facts["country"]["words"] + facts["country"]["regions"]),
            "province": _phrase_pattern(facts["scope"]["province"]),
            "district": _phrase_pattern(facts["scope"]["district"])}


@functools.cache
def _facts_regex(section: str, key: str) -> regex.Pattern:
    """One compiled pattern of patterns/facts.toml, once per process."""
    return regex.compile(patterns.load().facts[section][key])


@functools.cache
def _own_place_join() -> regex.Pattern:
    """What may stand between a figure and a place of its own phrase (facts.toml [own_place])."""
    data = patterns.load()
    villages = "|".join(regex.escape(w) for w in sorted(data.subjects["place_levels"]["below_units"], key=len,
                                                         reverse=True))
    village = data.facts["own_place"]["village"].replace("{below_units}", villages)
    return regex.compile("(?:" + data.facts["own_place"]["between"] + ")|(?:" + village + ")")


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


def _is_comparison_base(sentence_text: str, sentence_start: int, mention: DateMention) -> bool:
    """"tăng 9,7% so với cùng kỳ năm 2022": 2022 is what the figure is compared with."""
    before = sentence_text[:mention.start - sentence_start]
    if any(m.start() <= mention.start - sentence_start < m.end() for m in EARLIER_VALUE.finditer(sentence_text)):
        return True   # "đạt 98,3% (năm 2023 là 96,61%)": the earlier year, with its own value
    return bool(_facts_regex("comparison_base", "before").search(before)) or (
        mention.text.isdigit() and bool(_facts_regex("comparison_base", "price_base_bare").search(before)))


def _is_birth_year(sentence, mention: DateMention) -> bool:
    start = mention.start - sentence.start
    return any(a < start + len(mention.text) and start < b for a, b in birth_year_spans(sentence.text))


# at most this many characters (", ") between a document's number and its issue date
ISSUE_DATE_GAP = 3


def _is_issue_date(documents: list[tuple[int, int]], mention: DateMention) -> bool:
    """Inside a document's name, or right after it."""
    k = bisect.bisect_right(documents, (mention.start, float("inf"))) - 1
    return k >= 0 and mention.start - documents[k][1] <= ISSUE_DATE_GAP


def _province_of(unit: Unit) -> str | None:
    if unit.level in ("province", "country"):
        return unit.id
    gazetteer = load_gazetteer()
    for uid in (f"{unit.era}:province:{unit.province_code}",
                f"before_2025:province:{unit.province_code}", f"from_2025:province:{unit.province_code}"):
        found = gazetteer.units.get(uid)
        if found is not None and found.name == unit.province:
            return uid
    return None


def _scope_unit(kind: str, word: str, own: str | None) -> str | None:
    """The unit "toàn tỉnh", "toàn huyện", "cả nước" stand for in an article about ``own``."""
    if kind == "country":
        return COUNTRY_ID
    unit = load_gazetteer().units.get(own) if own else None
    if unit is None or unit.level == "country":
        return None
    if kind == "district":
        return unit.id if unit.level == "district" else None
    if "thành phố" in word.lower() and unit.level == "district" and unit.name.startswith("Thành phố"):
        return unit.id   # "toàn thành phố" in an article about a provincial city
    return _province_of(unit)


def _place_anchors(sentence_text: str, sentence_start: int, mentions: list[LocalityMention],
                   context: str | None, country_only: bool = False) -> list[_Anchor]:
    """The places written in one sentence, in reading order. A scope word
    ("toàn tỉnh", "của tỉnh") stands for the province of the unit named last
    before it: in this sentence, else ``context`` (the paragraph's, else the
    article's own unit). Of units coordinated with "," or "và" ("huyện Thoại
    Sơn và Tri Tôn đạt 100%"), the first keys what follows."""
    named = sorted((m for m in mentions if m.unit_id), key=lambda m: m.start)
    anchors = []
    units = load_gazetteer().units
    for k, m in enumerate(named):
        first = m.unit_id
        j = k
        while j > 0 and _coordinated(sentence_text, sentence_start, named[j - 1].end, named[j].start) \
                and not (_starts_anew(sentence_text, sentence_start, named[j - 1], named[j], units)
                         and not (j > 1 and _coordinated(sentence_text, sentence_start, named[j - 2].end,
                                                         named[j - 1].start))):
            j -= 1
            first = named[j].unit_id
        group = {_province_of(units[n.unit_id]) for n in named[j:k + 1] if n.unit_id in units}
        if len(group) > 1 and all(units[n.unit_id].level == "province" for n in named[j:k + 1] if n.unit_id in units):
            first = COUNTRY_ID   # "hai tỉnh An Giang và Đồng Tháp có 229.868 ha": no one province holds both
        elif k - j >= 2 and len(group) == 1 and None not in group and not any(
                _contains(a.unit_id, b.unit_id) or _contains(b.unit_id, a.unit_id)
                for a, b in zip(named[j:k], named[j + 1:k + 1])):   # an address holds its parts
            # "các huyện A, B, C có số người chết giảm": the three together, in the unit holding them
            listed = [units[n.unit_id] for n in named[j:k + 1]]
            district = f"{listed[0].era}:district:{listed[0].district_code}"
            first = district if all(u.level == "ward" and u.district_code == listed[0].district_code
                                    and u.era == listed[0].era for u in listed) and district in units \
                else group.pop()
        if k and anchors and anchors[-1].value == named[k - 1].unit_id \
                and _in_brackets_after(sentence_text, sentence_start, named[k - 1], m) \
                and _contains(m.unit_id, named[k - 1].unit_id):
            first = anchors[-1].value   # "xã Long Khánh (huyện Bảo Yên)": where the commune lies, not the place
        anchors.append(_Anchor(m.start, m.end, first))
    taken = [(a.start, a.end) for a in anchors]
    ranking = _facts_regex("country", "ranking_before")
    for kind, pattern in _place_words().items():
        if country_only and kind != "country":
            continue
        for m in pattern.finditer(sentence_text):
            start, end = sentence_start + m.start(), sentence_start + m.end()
            if any(a < end and start < b for a, b in taken):
                continue   # "trên địa bàn tỉnh Bình Dương": the named unit says it
            if ranking.search(sentence_text[:m.start()]) or (
                    kind == "country" and (_facts_regex("country", "event_before").search(sentence_text[:m.start()])
                                           or _facts_regex("country", "background_before").search(
                                               sentence_text[:m.start()])
                                           or _facts_regex("country", "base_before").search(
                                               sentence_text[:m.start()]))):
                # "lớn nhất cả nước", "giảm ít nhất trên toàn huyện", "Đại hội đại biểu toàn quốc",
                # "khó khăn chung của cả nước", "chiếm 17% tổng vốn cả nước": a ranking, an event,
                # a background, a base, not a place
                continue
            before = [a.value for a in anchors if a.end <= start and a.value != COUNTRY_ID]
            unit = _scope_unit(kind, m.group(), before[-1] if before else context)
            if unit:
                anchors.append(_Anchor(start, end, unit))
                taken.append((start, end))
    return sorted(anchors, key=lambda a: a.start)


def _contains(outer: str, inner: str) -> bool:
    """Whether unit ``outer`` is or holds unit ``inner`` (ids)."""
    if outer == inner or outer == COUNTRY_ID:
        return True
    units = load_gazetteer().units
    a, b = units.get(outer), units.get(inner)
    if a is None or b is None or b.level == "province" or a.level == "ward":
        return False
    if a.level == "province":
        return _province_of(b) == outer
    return b.level == "ward" and b.district_code == a.code and b.province_code == a.province_code


def _common_opener(sentence, anchors: list[_Anchor], opener: _Anchor, first_figure: int | None) -> _Anchor | None:
    """"Thành ủy Đồng Hới, Huyện ủy các huyện Tuyên Hóa, Bố Trạch (Quảng Bình) đã thi hành kỷ
    luật …": a sentence that opens with several units listed side by side is about
    them together, so what it leaves the reader in is the unit named after them
    that holds them all, else none of them. A unit named in passing is no such
    list: "tỉnh Hưng Yên sau khi sáp nhập với Thái Bình đã thu hút …"."""
    limit = first_figure if first_figure is not None else sentence.end
    before = [a for a in anchors if a.start >= opener.start and a.end <= limit]
    listed = any(not (_contains(opener.value, right.value) or _contains(right.value, opener.value))
                 and LISTED.match(sentence.text, left.end - sentence.start)
                 for left, right in zip(before, before[1:]))
    if not listed:
        return opener
    return before[-1] if all(_contains(before[-1].value, a.value) for a in before) else None


# a sentence with at least this many figures and as many places breaks a figure down by place
BREAKDOWN = 3

# what joins units listed side by side: "Thành ủy Đồng Hới, Huyện ủy …", "huyện A và huyện B"
LISTED = regex.compile(r"\s*(?:[,;]|và\b|cùng\b)")


def _in_brackets_after(text: str, offset: int, left: LocalityMention, right: LocalityMention) -> bool:
    """``right`` stands alone in brackets right after ``left``: "xã Long Khánh (huyện Bảo Yên)"."""
    return bool(OPENS_BRACKET.fullmatch(text, left.end - offset, right.start - offset)) \
        and text[right.end - offset:right.end - offset + 4].lstrip().startswith(")")


# a bracket opened, with at most two words before the unit in it: " (huyện", " (thuộc huyện"
OPENS_BRACKET = regex.compile(r"\s*\(\s*(?:[\p{L}\p{M}.]+\s+){0,2}")


def _starts_anew(text: str, offset: int, left: LocalityMention, right: LocalityMention, units) -> bool:
    """A bare name, a comma, then a name with its own level word: the comma
    ends a phrase, not a list ("Sau khi sáp nhập với Bình Phước, tỉnh Đồng Nai
    mới có …"); a list writes its level word first, if at all ("huyện Thoại
    Sơn, Tri Tôn", "Quỳnh Phụ, Đông Hưng"). (A list already two bare names long
    goes on: "các huyện Kông Chro, Ia Grai, TP. Pleiku" — see _place_anchors.)"""
    if text[left.end - offset:right.start - offset].strip() != ",":
        return False
    if left.unit_id in units and right.unit_id in units and right.unit_id != left.unit_id \
            and _contains(right.unit_id, left.unit_id):
        return False   # an address: "thôn Đắc Lộc, Vĩnh Phương, thành phố Nha Trang"
    return _with_level_word(right, units) and not _with_level_word(left, units)


def _with_level_word(mention: LocalityMention, units) -> bool:
    unit = units.get(mention.unit_id)
    return unit is not None and normalize_key(mention.text) != normalize_key(unit.short)


def _spelled_out(anchors: list[_Anchor], sentence) -> list[_Anchor]:
    """A period followed by the days it spans, in brackets ("Trong năm 2025
    (tính từ ngày 15-12-2024 đến 14-11-2025)"): one time, the spelled-out one,
    standing where the first is written."""
    out: list[_Anchor] = []
    for anchor in anchors:
        if out and _facts_regex("spelled_out", "between").fullmatch(
                sentence.text[out[-1].end - sentence.start:anchor.start - sentence.start]):
            out[-1] = _Anchor(out[-1].start, anchor.end, anchor.value)
            continue
        out.append(anchor)
    return out


def _coordinated(text: str, offset: int, left_end: int, right_start: int) -> bool:
    """Two unit names joined only by a comma or "và" ("Quỳnh Phụ, Đông Hưng")."""
    between = text[left_end - offset:right_start - offset].strip().lower()
    return between in (",", "và", ", và")


@functools.cache
def _relative_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    data = patterns.load().facts["relative_periods"]
    return _phrase_pattern(data["cumulative"]), _phrase_pattern(data["this_month"]), regex.compile(data["whole_year"])


@functools.cache
def _whole_year_plans() -> regex.Pattern:
    return _phrase_pattern(patterns.load().facts["relative_periods"]["whole_year_plans"])


def _names_a_plan(text: str, at: int) -> bool:
    """A plan word since the last number or comma before ``at``: "kế hoạch cả
    năm", "145,2% dự toán kế hoạch thu tiền sử dụng đất cả năm" is the plan's year."""
    since = regex.split(r"[\d,;:]", text[:at])[-1]
    return bool(_whole_year_plans().search(since))


def _relative_periods(sentences, times: dict[int, list[_Anchor]], period: DateMention | None,
                      now: date | None) -> list[tuple[int, _Anchor]]:
    """"lũy kế", "lũy tích": January to the end of the article's period (or
    the month of writing); "trong tháng": the article's month; "cả năm" (not a
    plan's, "kế hoạch cả năm"): its year. Only where the article makes that
    period clear, and never over a date the text states."""
    if period is not None and period.date_end[:7].replace("-", "").isdigit() and len(period.date_end) >= 7:
        end = period.date_end[:7]
    elif now is not None:
        end = now.isoformat()[:7]
    else:
        return []
    month = period if period is not None and period.granularity == "month" else None
    cumulative, this_month, whole_year = _relative_patterns()
    out = []
    for s in sentences:
        taken = [(a.start, a.end) for a in times.get(s.index, [])]
        for pattern, span, granularity in ((cumulative, (end[:4] + "-01", end), "period"),
                                           (this_month, (end, end), "period"),
                                           (whole_year, (end[:4], end[:4]), "year")):
            for m in pattern.finditer(s.text):
                start, stop = s.start + m.start(), s.start + m.end()
                if any(a < stop and start < b for a, b in taken):
                    continue
                if pattern is whole_year and _names_a_plan(s.text, m.start()):
                    continue
                if pattern is this_month and month is not None:
                    span = (month.date_start, month.date_end)
                mention = DateMention(start, stop, m.group(), span[0], span[1], granularity, "relative")
                out.append((s.index, _Anchor(start, stop, mention)))
                taken.append((start, stop))
    return out


@functools.cache
def _province_counters() -> tuple[frozenset[str], tuple[str, ...]]:
    words = [w.lower() for w in patterns.load().facts["country"]["province_counters"]]
    # a subject opening with a name of several words: "thành phố trực thuộc Trung ương còn lại"
    return frozenset(words), tuple(w + " " for w in words if " " in w)


def _counts_provinces(figure) -> bool:
    """"còn 34 tỉnh, thành phố", "6 thành phố trực thuộc Trung ương": a count of
    provinces, about the country (patterns/facts.toml [country] province_counters)."""
    if figure.kind not in ("count", "ratio"):
        return False
    counters, openings = _province_counters()
    subject = (figure.subject or "").lower()
    return (figure.unit or "").lower() in counters or subject in counters or subject.startswith(openings)


@functools.cache
def _holiday_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    data = patterns.load().facts["holiday_span"]
    return regex.compile(data["phrase"]), regex.compile(data["to_days"])


def _name_holiday_breaks(article: Article, dates: list[tuple[int, DateMention]],
                         times: dict[int, list[_Anchor]]) -> list[DateMention]:
    """Every naming of a holiday break ("trong 7 ngày nghỉ Tết", "dịp lễ")
    becomes a time of those days, where the article gives them once right after
    such a name ("7 ngày nghỉ Tết Mậu Tuất (từ 14/2 đến 20/2)"). It replaces
    the holiday's own day read inside the name ("Tết Mậu Tuất"): patterns/facts.toml
    [holiday_span]."""
    phrase, to_days = _holiday_patterns()
    if not phrase.search(article.text):
        return []
    sentences = article.sentences
    named = {s.index: list(phrase.finditer(s.text)) for s in sentences}
    days = next((d for i, d in dates if d.granularity == "period" for m in named[i]
                 if d.start >= sentences[i].start + m.end()
                 and to_days.fullmatch(sentences[i].text, m.end(), d.start - sentences[i].start)), None)
    if days is None:
        # "trong 5 ngày nghỉ Tết …" and, elsewhere, "Từ mùng 1-5 Tết": the break's days, stated apart
        counts = {_days_counted(m.group()) for ms in named.values() for m in ms} - {None}
        days = next((d for _, d in dates if d.granularity == "period" and d.rule in ("lunar", "day_range")
                     and _length_in_days(d) in counts), None)
    if days is None:
        return []
    base = _facts_regex("comparison_base", "before")
    added = []
    for i, matches in named.items():
        for m in matches:
            text = sentences[i].text
            if base.search(text[:m.start()]):
                continue   # "So với 7 ngày nghỉ Tết Đinh Dậu 2017": the base
            start, end = sentences[i].start + m.start(), sentences[i].start + m.end()
            mention = DateMention(start, end, m.group(), days.date_start, days.date_end, "period", "holiday_span")
            times[i] = sorted([a for a in times.get(i, []) if not (a.start < end and start < a.end)]
                              + [_Anchor(start, end, mention)], key=lambda a: a.start)
            added.append(mention)
    return added


def _days_counted(phrase: str) -> int | None:
    """How many days a break's name counts: "7 ngày nghỉ Tết" 7, "bảy ngày nghỉ Tết" 7, "dịp Tết" none."""
    first = phrase.split()[0].lower()
    numbers = patterns.load().numbers
    if first == numbers["words"]["ten"]:
        return 10
    return int(first) if first.isdigit() else numbers["digits"].get(first)


def _length_in_days(mention: DateMention) -> int | None:
    try:
        return (date.fromisoformat(mention.date_end) - date.fromisoformat(mention.date_start)).days + 1
    except ValueError:
        return None


@functools.cache
def _continuation() -> regex.Pattern:
    words = patterns.load().facts["continuation"]["words"]
    return regex.compile(r"(?i)^\W*(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}\p{M}])")


def _continues(paragraph_start: str) -> bool:
    """A paragraph that goes on with the one before it: "Trong đó, …"."""
    return bool(_continuation().match(paragraph_start))


@functools.cache
def _facility_pattern() -> regex.Pattern:
    words = patterns.load().facts["facilities"]["words"]
    alternation = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    # the name: capitalized words, or a few words of its trade then the unit's name ("Bệnh viện Bệnh
    # Nhiệt đới Khánh Hòa")
    return regex.compile(r"(?i:(?<![\p{L}\p{M}])(?:" + alternation + r"))\s+(?P<name>\p{Lu}[\p{L}\p{M}]*"
                         r"(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3}(?:(?:\s+\p{Ll}[\p{L}\p{M}]*){1,2}"
                         r"(?:\s+\p{Lu}[\p{L}\p{M}]*){1,3})?)")


def _facility_anchors(text: str, offset: int, own: str | None, known: list[_Anchor]) -> list[_Anchor]:
    """"Khu công nghiệp Gia Bình": the district or commune of the article's
    province that the facility is named after (the one unit of that name
    there), as the place of the figures about it."""
    unit = load_gazetteer().units.get(own) if own else None
    if unit is None or unit.level == "country":
        return []
    gazetteer = load_gazetteer()
    out = []
    for m in _facility_pattern().finditer(text):
        start, end = offset + m.start("name"), offset + m.end("name")
        if any(a.start < end and start < a.end for a in known):
            continue
        words = m.group("name").split()
        # "Quế Võ III": the name without its number; "Bệnh Nhiệt đới Khánh Hòa": the name its trade ends with
        spans = [(0, size) for size in range(len(words), 0, -1)] + \
                [(first, len(words)) for first in range(1, len(words)) if words[first][:1].isupper()]
        for a, b in spans:
            name = " ".join(words[a:b])
            found = None
            for level in ("province", "district", "ward"):   # the district before a commune of the same name
                units = [u for u in gazetteer.lookup(unit.era, level, name) if u.province_code == unit.province_code]
                if len(units) == 1:
                    found = units[0]
                    break
            if found:
                out.append(_Anchor(start, end, found.id))
                break
    return out


def _clause_bounds(sentence_text: str, sentence_start: int) -> list[int]:
    """Offsets where the clauses of a sentence start (after each semicolon)."""
    return [sentence_start] + [sentence_start + m.end() for m in regex.finditer(r";", sentence_text)]


@functools.cache
def _time_openers() -> frozenset[str]:
    return frozenset(w.lower() for w in patterns.load().facts["time_openers"]["words"])


def _time_opens_sentence(sentence, anchor: _Anchor) -> bool:
    """A time at the head of one of the sentence's first two pieces, after
    nothing but a temporal word ("Theo Nghị quyết này, từ ngày 1/1/2019 …")."""
    before = sentence.text[:anchor.start - sentence.start].split(":")[-1]
    lead_in = " ".join(before.split(",")[-1].split()).lower()
    return before.count(",") < 2 and (not lead_in or lead_in in _time_openers())


@functools.cache
def _period_before() -> regex.Pattern:
    return regex.compile(patterns.load().facts["terms"]["period_before"])


def _term_is_a_period(sentence, anchor: _Anchor) -> bool:
    """"trong nhiệm kỳ 2015-2020", "Nhiệm kỳ 2015-2020, …": a time; "HĐND
    khóa XX, nhiệm kỳ 2021-2026": the name of a body (patterns/facts.toml)."""
    before = sentence.text[:anchor.start - sentence.start]
    return _opens_sentence(sentence, anchor, pieces=1) or bool(_period_before().search(before))


def _is_term(anchor: _Anchor) -> bool:
    """A term of office, "nhiệm kỳ 2021-2026" (not a school or crop year,
    "năm học 2017-2018", nor a plan's period, "giai đoạn 2011-2015")."""
    value = anchor.value
    return isinstance(value, DateMention) and value.date_start[:4] != value.date_end[:4] \
        and "nhiệm kỳ" in value.text.lower() and value.rule != "past_term"   # "nhiệm kỳ qua" names no body


class _Sorted:
    """The anchors of one sentence in reading order, searched by bisection so
    a sentence with many figures and anchors costs n log n, not n squared."""

    def __init__(self, anchors: list[_Anchor]):
        self.all = sorted(anchors, key=lambda a: a.start)
        # a term names a body ("HĐND tỉnh khóa X, nhiệm kỳ 2021-2026"): another time there is the figure's
        self.plain = [a for a in self.all if not _is_term(a)]
        self.starts = {id(self.all): [a.start for a in self.all], id(self.plain): [a.start for a in self.plain]}

    def nearest(self, position: int, low: int, high: int, after: bool = True) -> _Anchor | None:
        """The anchor in [low, high) nearest before ``position``, else (``after``) the nearest after it."""
        pool = self.plain if self._any(self.plain, low, high) else self.all
        starts = self.starts[id(pool)]
        j = bisect.bisect_right(starts, position) - 1
        while j >= 0 and pool[j].start >= low:
            if pool[j].end <= position:
                return pool[j] if pool[j].end <= high else None
            j -= 1
        if not after:
            return None
        k = bisect.bisect_left(starts, max(position, low))
        return pool[k] if k < len(pool) and pool[k].end <= high else None

    def right_after(self, position: int, text: str, offset: int, high: int,
                    join: regex.Pattern | None = None) -> _Anchor | None:
        """The anchor written right after a figure ending at ``position``, with
        only a joining word between: "từ 7,9 tỷ USD năm 2014 lên 15,9 tỷ USD năm
        2015", "tốc độ tăng 8,56% của quý II/2022". It is that figure's own."""
        starts = self.starts[id(self.all)]
        k = bisect.bisect_left(starts, position)
        if k >= len(self.all) or self.all[k].end > high or _is_term(self.all[k]):
            return None
        between = text[position - offset:self.all[k].start - offset]
        return self.all[k] if (join or _facts_regex("postposed_time", "between")).fullmatch(between) else None

    def _any(self, pool: list[_Anchor], low: int, high: int) -> bool:
        k = bisect.bisect_left(self.starts[id(pool)], low)
        return k < len(pool) and pool[k].end <= high


@functools.cache
def _reporting_verbs() -> regex.Pattern:
    return _phrase_pattern(patterns.load().facts["report_day"]["verbs"])


def _is_report_day(sentence, mention: DateMention, first_figure: int | None) -> bool:
    """A day that opens a sentence whose verb reports ("Sáng 16/7, Ban An toàn
    giao thông cho biết …") dates the report; the facts it reports have times
    of their own."""
    if mention.granularity != "day" or not _opens_sentence(sentence, _Anchor(mention.start, mention.end, None), 1):
        return False
    end = first_figure if first_figure is not None and first_figure > mention.end else sentence.end
    return bool(_reporting_verbs().search(sentence.text[mention.end - sentence.start:end - sentence.start]))


@functools.cache
def _running_total_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    data = patterns.load().facts["running_total"]
    return regex.compile(data["before"]), _phrase_pattern(data["stock_verbs"])


def _running_total(sentences, starts: list[int], mention: DateMention, figure) -> bool:
    """A month or week a total runs up to ("Tính đến hết tháng 10", "Đến tuần
    8/2023"), tying a figure that accumulates ("đạt", "ghi nhận", "thu hút"),
    not a stock ("toàn tỉnh có 459 doanh nghiệp")."""
    if mention.granularity not in ("month", "period") or not mention.date_start[:4].isdigit() \
            or mention.date_start[:7] == mention.date_start[:4] + "-01" or mention.end > figure.start:
        return False
    if mention.granularity == "period" and mention.date_start[:7] != mention.date_end[:7] and \
            mention.date_end[5:7] != mention.date_start[5:7]:
        return False   # a span of months names its own start
    sentence = sentences[bisect.bisect_right(starts, mention.start) - 1]
    before, stock = _running_total_patterns()
    if not before.search(sentence.text[:mention.start - sentence.start]):
        return False
    return not stock.search(sentence.text[mention.end - sentence.start:figure.start - sentence.start])


def _says_now(text: str, low: int, high: int) -> bool:
    """``text[low:high]`` says what follows holds now ("Tỉnh A hiện có",
    "Đến nay, …"): the word opens a clause or has no number before it (from
    ``low``); after a counted phrase "hiện có" only says which ones ("sắp
    xếp 126 thôn hiện có thành 98 thôn"). What comes before ``low`` still
    tells the word's sense ("Lũy tích đến nay": a running total)."""
    return low < high and any(
        not regex.search(r"\d", text[low:found.start()]) or regex.search(r"[,;:]\s*$", text[low:found.start()])
        for found in _facts_regex("now", "before").finditer(text, low, high))


# a figure in brackets right after a comparison base is the base's value
BASE_VALUE = regex.compile(r"\s*\(\s*")
# "(năm 2023 là 96,61%)": the earlier year's own value, of that year
EARLIER_OWN_VALUE = regex.compile(r"\s*(?:là|đạt|:)\s*")


def _within_week_before(mention: DateMention, day: date) -> bool:
    try:
        told = date.fromisoformat(mention.date_start)
    except ValueError:
        return False
    return timedelta(0) < day - told <= timedelta(days=7)


def _period_end(iso: str) -> date | None:
    """The last day a period written like a date ("2025", "2025-07", "2025-07-15") covers."""
    if not iso[:4].isdigit():
        return None
    year = int(iso[:4])
    month = int(iso[5:7]) if len(iso) >= 7 else 12
    day = int(iso[8:10]) if len(iso) >= 10 else calendar.monthrange(year, month)[1]
    return date(year, month, day)


def _compared_period(bases, clause: tuple[int, int], date_fields) -> tuple[str, str, str] | None:
    """A figure whose clause compares it with a month or quarter of the year
    before ("so với tháng 5/2022", "so với quý I/2023") and states no time of
    its own is about that month or quarter of its own year: (start, end,
    granularity), None elsewhere."""
    if date_fields[3] in ("clause", None) or not (date_fields[1] or "")[:4].isdigit():
        return None
    year = int(date_fields[1][:4])
    for b in bases:
        if not (clause[0] <= b.start and b.end <= clause[1]) or b.granularity not in ("month", "quarter"):
            continue
        if b.date_start.endswith("-12") and b.granularity == "month":
            continue   # "CPI tăng 1,45% so với tháng 12/2013": the year since its end, not December
        if b.date_start[:4].isdigit() and int(b.date_start[:4]) == year - 1 == int(b.date_end[:4]):
            return _shift_year(b.date_start, 1), _shift_year(b.date_end, 1), b.granularity
    return None


def _shift_year(iso: str, years: int) -> str:
    """An ISO date or period bound moved by whole years ("2025-09-21" → "2024-09-21")."""
    if not iso[:4].isdigit() or not years:
        return iso
    shifted = f"{int(iso[:4]) + years:04d}{iso[4:]}"
    return shifted.replace("-02-29", "-02-28") if shifted.endswith("-02-29") else shifted


def _opening(anchors: list[_Anchor], first_figure: int | None, clause_end: int) -> _Anchor | None:
    """What a sentence opens with: a place or time before its first figure, in
    its first clause ("Năm 2017, toàn huyện …"); it governs the sentences after it."""
    limit = min(first_figure if first_figure is not None else clause_end, clause_end)
    before = [a for a in anchors if a.end <= limit]
    return before[0] if before else None


# How many words may stand before a place or term that opens its sentence,
# in its first or second comma-separated piece: "Tại huyện A, …", "Cụ thể,
# toàn quốc …", "Năm 2022, huyện A …"; "Nhiệm kỳ 2015-2020, …", "Tham luận
# nêu rõ: Nhiệm kỳ 2015-2020, …" (after a colon). Not a place named in
# passing: "Ông A từng công tác tại huyện B."
OPENING_WORDS = 3


def _opens_sentence(sentence, anchor: _Anchor, pieces: int = 2) -> bool:
    """True if no more than a few words stand before the anchor in the first
    ``pieces`` comma-separated pieces of its sentence (after a colon)."""
    before = sentence.text[:anchor.start - sentence.start].split(":")[-1]
    return before.count(",") < pieces and len(before.split(",")[-1].split()) <= OPENING_WORDS


def _lead_paragraphs(article: Article, extra: int = 0) -> set[int]:
    """The title and the lead: every paragraph up to the first of body prose
    (a sentence of a dozen words), kickers and title lines included; with
    ``extra``, that many further paragraphs of prose (and what stands between)."""
    out = set()
    title = (article.title or "").strip()
    prose = -1
    for s in article.sentences:
        out.add(s.paragraph)
        # the first paragraph is the title where the page has one (titles run long too)
        if len(s.text.split()) >= 12 and s.paragraph > 0 and s.text.strip() != title and s.paragraph != prose:
            prose = s.paragraph
            if extra == 0:
                break
            extra -= 1
    return out


def _in_residence(sentence, mention: LocalityMention) -> bool:
    """Whether a unit is named in a person's address ("anh A (SN 1987, trú
    xã B)"): where the person lives, never what the article is about."""
    # an address runs a few names back from the unit: a window keeps a long sentence linear
    before = sentence.text[max(0, mention.start - sentence.start - ADDRESS_WINDOW):mention.start - sentence.start]
    return bool(_facts_regex("residence", "before").search(before))


ADDRESS_WINDOW = 240   # characters: the cue and up to four names of 40 characters, with room


def _article_place(article: Article, places: dict[int, list[_Anchor]], localities,
                   reference: date | None) -> str | None:
    """The article's own unit: the first its title names, else the first the
    paragraph right after the title names, else the one it names most (a
    place named first further down is more often a detail than the subject),
    else the one the page's address names ("baothainguyen.vn": a provincial
    paper's "toàn tỉnh" is its own province)."""
    lead = _lead_place(article, places)
    if lead == COUNTRY_ID and (site := site_place(article.url, reference)) is not None \
            and site in _lead_place(article, places, every=True):
        # a provincial paper's "Mùa khô năm 2020, cả khu vực Đồng bằng sông Cửu Long … Riêng Cà Mau …":
        # the region sets the scene; the paper's own province, named with it, is the subject
        return site
    return lead or main_place(localities) or site_place(article.url, reference)


def _lead_place(article: Article, places: dict[int, list[_Anchor]], every: bool = False):
    """The first unit the title (or the page's first line) or the paragraph after it
    names; ``every``: all the units that paragraph names. A photo's caption is
    neither ("Cử tri bỏ phiếu tại phường Hoàng Văn Thụ. (Ảnh: …/TTXVN)" over a
    report on the province's election): it shows one spot of the story."""
    caption = _facts_regex("photo_caption", "credit")
    captions = {s.paragraph for s in article.sentences if caption.search(s.text)}
    lead = [p for p in dict.fromkeys(s.paragraph for s in article.sentences) if p not in captions][:2]
    for paragraph in lead:
        named = [(s, a) for s in article.sentences if s.paragraph == paragraph for a in places.get(s.index, ())]
        if named:
            return {a.value for _, a in named} if every else _listed_parent(named) or named[0][1].value
    return set() if every else None


def _listed_parent(named: list) -> str | None:
    """The province of the units a lead opens by listing ("các huyện: Lộc Ninh,
    Hớn Quản, Chơn Thành"): a list of its districts is no one district's story."""
    if len(named) < 2:
        return None
    (s, first), (t, second) = named[0], named[1]
    units = load_gazetteer().units
    a, b = units.get(first.value), units.get(second.value)
    if s is not t or a is None or b is None or a.id == b.id or a.level != b.level \
            or a.level in ("province", "country") or not _coordinated(s.text, s.start, first.end, second.start):
        return None
    parent = _province_of(a)
    return parent if parent is not None and parent == _province_of(b) else None


def _article_period(article: Article,
                    times: dict[int, list[_Anchor]]) -> tuple[DateMention | None, DateMention | None]:
    """The period the article reports on: the first the title or lead names
    (a span of time rather than a day, where it names both). A term
    ("nhiệm kỳ 2020-2025") counts only where it opens a sentence ("Nhiệm kỳ
    2015-2020, Quận ủy …"), not as the name of a body or a congress. With it,
    the month that period closes where the lead named that month first (a
    price or a rate is of the month, not of the running total)."""
    lead, averaged = [], set()
    paragraphs = _lead_paragraphs(article, extra=1)
    for s in article.sentences:
        if s.paragraph not in paragraphs:
            break
        lead += [a.value for a in times.get(s.index, [])
                 if (not _is_term(a) or _term_is_a_period(s, a)) and not _starts_something(s, a)
                 and not _in_raised_total(s, a)]
        averaged |= {id(a.value) for a in times.get(s.index, []) if _averaged_over(s, a.value)}
    periods = [d for d in lead if d.granularity != "day"]
    first = (periods or lead or [None])[0]
    chosen = first
    if first is not None and first.granularity == "month":
        # "tháng 7/2022 kim ngạch đạt …, đưa tổng kim ngạch 7 tháng qua đạt …": the lead's month
        # closes a running total the lead also names, and that is the period the report is about
        chosen = next((d for d in periods if d.granularity != "month" and d.date_end == first.date_end
                       and d.date_start[5:7] == "01" and id(d) not in averaged), first)
    return chosen, first


def _averaged_over(sentence, mention: DateMention) -> bool:
    """"CPI bình quân 5 tháng đầu năm tăng 2,25%": an average over the months
    is no running total; the month's report stays about its month."""
    before = sentence.text[max(0, mention.start - sentence.start - 20):mention.start - sentence.start]
    return bool(_average_words().search(before))


@functools.cache
def _average_words() -> regex.Pattern:
    words = "|".join(regex.escape(w) for w in patterns.load().facts["averaged_period"]["words"])
    return regex.compile(rf"(?i)\b(?:{words})\s+(?:trong\s+|của\s+)?$")


def _in_raised_total(sentence, anchor: _Anchor) -> bool:
    """"…, nâng tổng số ca mắc từ ngày 27.4 đến nay lên 15.656 ca": the running
    total's span since some day, within the clause that raises it. A total
    since the year began ("đưa tổng kim ngạch 7 tháng qua đạt …") is the
    report's period all the same."""
    if regex.fullmatch(r"\d{4}(?:-01(?:-01)?)?", anchor.value.date_start):
        return False
    before = sentence.text[:anchor.start - sentence.start]
    clause = regex.split(r"[,;:]", before)[-1]
    return bool(_raised_total().search(clause))


@functools.cache
def _raised_total() -> regex.Pattern:
    return _phrase_pattern(patterns.load().facts["raised_total"]["words"])


def _starts_something(sentence, anchor: _Anchor) -> bool:
    """"phát hiện lần đầu … từ ngày 4/3/2019": a day something began, not
    the time an article reports from."""
    mention = anchor.value
    before = sentence.text[:anchor.start - sentence.start].rstrip().lower()
    return mention.granularity == "day" and (before.endswith(" từ") or before == "từ")


def link_figures(article: Article, figures, dates: list[tuple[int, DateMention]],
                 localities: list[LocalityMention], published: date | None,
                 reference: date | None = None,
                 documents: Iterable[tuple[int, int]] = (), today: date | None = None,
                 now: date | None = None) -> list[FigureLink]:
    """One link per figure (``figures``: SentenceFigure list; ``dates``: (sentence, mention)).
    ``reference``: for a page with no publication date, the day of the year
    the article makes clear. ``documents``: the spans of numbered documents'
    names, so their issue dates ("Kế hoạch số 55-KH/ĐU ngày 04/7/2022") are
    no figure's time. ``today``: on a page with no date line, the day its lead
    speaks from; ``now``: the day a figure said to hold now ("hiện có") was true,
    the date line, or the day such a lead writes."""
    now = now or published
    issued = sorted(documents)
    sentences = article.sentences
    starts = [s.start for s in sentences]
    mentions_in: dict[int, list[LocalityMention]] = {}
    for m in localities:
        mentions_in.setdefault(bisect.bisect_right(starts, m.start) - 1, []).append(m)
    # the article's unit first from named units only, so scope words can resolve against it
    # a person's address ("anh A (SN 1987, trú xã B)") is no unit the article is about
    addresses = {m.start for i, ms in mentions_in.items() for m in ms if _in_residence(sentences[i], m)}
    named = {i: [_Anchor(m.start, m.end, m.unit_id) for m in sorted(ms, key=lambda m: m.start)
                 if m.unit_id and m.start not in addresses]
             for i, ms in mentions_in.items()}
    country = {i: _place_anchors(s.text, s.start, [], None, country_only=True) for i, s in enumerate(sentences)}
    own = _article_place(article, {i: sorted(named.get(i, []) + country[i], key=lambda a: a.start)
                                   for i in range(len(sentences))},
                         [m for m in localities if m.start not in addresses], reference)
    places: dict[int, list[_Anchor]] = {}
    context, paragraph = own, None
    for s in sentences:   # the unit a paragraph is about so far, for its scope words
        if s.paragraph != paragraph:
            context, paragraph = own, s.paragraph
        places[s.index] = _place_anchors(s.text, s.start, mentions_in.get(s.index, []), context)
        facilities = _facility_anchors(s.text, s.start, own, places[s.index])
        if facilities:
            places[s.index] = sorted(places[s.index] + facilities, key=lambda a: a.start)
        named_here = [a.value for a in places[s.index] if a.value != COUNTRY_ID]
        if named_here:
            context = named_here[-1]
    unaddressed = {i: [a for a in anchors if a.start not in addresses] for i, anchors in places.items()}
    if _lead_place(article, named) is None and (scoped := _lead_place(article, unaddressed)) not in (None, COUNTRY_ID):
        # a title that names no unit but its scope ("Toàn tỉnh kết nạp 288 đảng viên"):
        # the article is about that unit, not about the district it names most
        own = scoped
    # (a page with no date line: against the year the article makes clear)
    deadline = {id(d): _is_deadline(sentences[i].text, sentences[i].start, d, published or reference)
                for i, d in dates}
    # per sentence: where its first figure starts, and how many it holds (one pass over the figures)
    first_figure: dict[int, int] = {}
    figures_in: dict[int, int] = {}
    for sf in figures:
        first_figure.setdefault(sf.sentence, sf.figure.start)
        figures_in[sf.sentence] = figures_in.get(sf.sentence, 0) + 1
    times: dict[int, list[_Anchor]] = {}
    report_day: DateMention | None = None
    report_paragraph = -1
    bases: dict[int, list[DateMention]] = {}   # comparison bases: "so với cùng kỳ năm 2024"
    for i, d in dates:
        anchor = _Anchor(d.start, d.end, d)
        if _is_comparison_base(sentences[i].text, sentences[i].start, d):
            bases.setdefault(i, []).append(d)
            continue
        if _is_issue_date(issued, d) or _is_birth_year(sentences[i], d):
            continue   # "Nguyễn Văn A (SN 1987)": a person's birth is no time of a figure
        if d.granularity in ("month", "quarter") and _facts_regex("meeting_names", "before").search(
                sentences[i].text[:d.start - sentences[i].start]):
            continue   # "Phiên họp thường kỳ tháng 9 của UBND tỉnh": the meeting's name
        if d.granularity == "year" and _facts_regex("meeting_names", "round_before").search(
                sentences[i].text[:d.start - sentences[i].start]):
            continue   # "trao giấy chứng nhận đầu tư đợt 4 năm 2014": the round's name
        if _is_term(anchor) and not _term_is_a_period(sentences[i], anchor) and not deadline[id(d)]:
            continue   # a term names a body: "HĐND huyện khóa XX, nhiệm kỳ 2021-2026"
        if _is_report_day(sentences[i], d, first_figure.get(i)) or (
                d.granularity == "day" and _facts_regex("meeting_names", "day_before").search(
                    sentences[i].text[:d.start - sentences[i].start])):
            # "Ngày 8/7, Cục Thống kê cho biết …": the day of the report, not of its facts;
            # like a date line, it is the day a figure was true when nothing else gives a time
            if report_day is None:
                report_day, report_paragraph = d, sentences[i].paragraph
            continue
        times.setdefault(i, []).append(anchor)
    for i, anchors in times.items():
        anchors.sort(key=lambda a: a.start)
        times[i] = _spelled_out(anchors, sentences[i])
    for mention in _name_holiday_breaks(article, dates, times):
        deadline[id(mention)] = False
    clause_starts = {s.index: _clause_bounds(s.text, s.start) for s in sentences}

    def governing(anchors_of: dict[int, list[_Anchor]]) -> dict[int, _Anchor]:
        """Per sentence, what opens it (see _opening)."""
        out = {}
        for s in sentences:
            bounds = clause_starts[s.index]
            first_clause_end = bounds[1] if len(bounds) > 1 else s.end
            found = _opening(anchors_of.get(s.index, []), first_figure.get(s.index), first_clause_end)
            if found:
                out[s.index] = found
        return out

    # a place governs the sentences after it only where it opens its own
    # ("Tại huyện A, …"), not where it is named in passing
    # the place a sentence leaves the reader in: where its last figure is
    # ("Năm 2022, có thêm huyện A …; toàn tỉnh có thêm 4 xã" ends in the
    # province); in a sentence without figures, a place that opens it
    # ("Tại huyện A, …"), not one named in passing ("Ông B từng công tác tại huyện A")
    place_opens = governing(places)
    for i, opener in list(place_opens.items()):
        if figures_in.get(i, 0) >= BREAKDOWN and len({a.value for a in places[i]}) >= BREAKDOWN:
            # "… tập trung ở thị xã Sa Pa đón 282,5 nghìn lượt; thành phố Lào Cai đón 226 nghìn lượt;
            # huyện Bảo Yên …": a breakdown by place leaves the reader in none of them
            del place_opens[i]
            continue
        place_opens[i] = _common_opener(sentences[i], places[i], opener, first_figure.get(i))
    time_opens = governing(times)
    # where the lead names no period: the first time that opens a sentence of
    # the body ("Theo Nghị quyết này, từ ngày 1/1/2019 sẽ sắp xếp …")
    # in the lead or the first paragraph of prose after it; a page with no date
    # line: the first time the body states at all
    early = _lead_paragraphs(article, extra=1)
    first_at = next(((i, a.value) for i in sorted(times) for a in times[i]
                     if not deadline[id(a.value)] and a.value.date_start[:4] == a.value.date_end[:4]
                     and (published is None or (sentences[i].paragraph in early
                                                and _time_opens_sentence(sentences[i], a)))), None)
    first_date = first_at[1] if first_at else None
    # a page with no date line whose lead tells the day of its report ("Ngày 20-10, ông A cho biết,
    # địa phương bị thiệt hại 337,6 tỉ đồng"), and states a time only further down: the report's day
    told_day = report_day if published is None and report_day is not None and report_paragraph in early \
        and (first_at is None or sentences[first_at[0]].paragraph not in early) else None
    # "Ngày 28-7, Sở Y tế cho biết …" in the lead of a page dated the 29th: the day its facts were true
    # (a news day: within the week before the page's date)
    lead_report = report_day if report_day is not None and report_paragraph in early and published and \
        _within_week_before(report_day, published) else None
    period, month = _article_period(article, {i: [a for a in ts if not deadline[id(a.value)]]
                                              for i, ts in times.items()})
    for i, anchor in _relative_periods(sentences, times, period, published or today):
        deadline[id(anchor.value)] = False
        times.setdefault(i, []).append(anchor)
        times[i].sort(key=lambda a: a.start)

    def carried(opens: dict[int, _Anchor], across: bool) -> list[_Anchor | None]:
        """Per sentence, what the nearest earlier sentence of its paragraph
        opened with (one pass, so a long paragraph costs no more than its
        length); ``across``: also from the paragraph before one that goes on
        with it ("Trong đó, …")."""
        out: list[_Anchor | None] = []
        current, paragraph = None, None
        for s in sentences:
            if s.paragraph != paragraph:
                if not (across and _continues(s.text)):
                    current = None
                paragraph = s.paragraph
            out.append(current)
            if s.index in opens:
                current = opens[s.index]
        return out

    # a period carries into a paragraph that goes on with it; a place does not: the
    # paragraph's list items name their own ("Trong đó, huyện A …, huyện B …")
    place_carried, time_carried = carried(place_opens, across=False), carried(time_opens, across=True)

    month_before_total = _months_before_totals(sentences, times)
    place_index = {i: _Sorted(a) for i, a in places.items()}
    time_index = {i: _Sorted(a) for i, a in times.items()}
    empty = _Sorted([])
    cues: dict[int, list[tuple[int, int]]] = {}
    owned: set[int] = set()   # times written right after a figure: that figure's own
    paragraph_start: dict[int, int] = {}
    for s in sentences:
        paragraph_start.setdefault(s.paragraph, s.start)
    continuing = {s.paragraph for s in sentences if s.start == paragraph_start[s.paragraph] and _continues(s.text)}
    last_stated: tuple[int, _Anchor | None] = (-1, None)   # the paragraph of the last figure, the time it stated
    links = []
    for sf in figures:
        figure, sentence = sf.figure, sentences[sf.sentence]
        bounds = clause_starts[sf.sentence]
        k = bisect.bisect_right(bounds, figure.start) - 1
        clause = (bounds[k], bounds[k + 1] if k + 1 < len(bounds) else sentence.end)

        # a place keys the figures after it ("…; huyện B kết nạp 52 ĐV"), never one before it,
        # unless the figure's own phrase places it: "11 nhà dân tại xã Bình Trung bị tốc mái"
        sentence_places = place_index.get(sf.sentence, empty)
        place = sentence_places.right_after(figure.end, sentence.text, sentence.start, clause[1],
                                            _own_place_join())
        if place is None:
            place = sentence_places.right_after(figure.end, sentence.text, sentence.start, clause[1],
                                                _facts_regex("own_place", "bracket"))
            if place is not None and not _facts_regex("own_place", "bracket_rest").match(
                    sentence.text, place.end - sentence.start):
                place = None   # "tăng 7% (Hà Nội 5%, …)": a breakdown, each place with its own figure
        place_basis = "clause"
        if place is None:
            place, place_basis = _decide(sentence_places, figure.start, clause, sentence,
                                         place_carried[sf.sentence], after_in_clause=False, brackets=True)
        if place is not None and place_basis == "sentence" and clause[0] > sentence.start \
                and _keyed_by_a_name(sentence.text[clause[0] - sentence.start:figure.start - sentence.start]):
            # "gồm: huyện Kiến Thụy (338/386 tỷ); Trường Đại học Hải Phòng (41,5/51,9 tỷ)": an item
            # keyed by a name of its own lies in none of the places the items before it name
            place = None
        if _counts_provinces(figure):
            locality, basis = COUNTRY_ID, "clause"
        elif place is not None:
            locality, basis = place.value, place_basis
        elif own:
            locality, basis = own, "article"
        else:
            locality, basis = None, None

        sentence_times = time_index.get(sf.sentence, empty)
        when = sentence_times.right_after(figure.end, sentence.text, sentence.start, clause[1])
        if when is not None and _aside_after(sentence, when, figure.end):
            when = None
        when_basis = "clause"
        if when is not None:
            owned.add(id(when))
        else:
            when, when_basis = _decide(sentence_times, figure.start, clause, sentence,
                                       time_carried[sf.sentence], after_in_clause=True, brackets=True)
            if when is not None and when.start >= figure.end and _in_raised_total(sentence, when):
                # "ghi nhận thêm 714 ca, nâng tổng số ca mắc từ ngày 27.4 đến nay lên …": the total's span
                when, when_basis = _decide(sentence_times, figure.start, clause, sentence,
                                           time_carried[sf.sentence], after_in_clause=False)
            new_value = _facts_regex("postposed_time", "new_value")
            if when is not None and id(when) in owned and when.start >= clause[0] and new_value.fullmatch(
                    sentence.text[when.end - sentence.start:figure.start - sentence.start]):
                # "từ 7,9 tỷ USD năm 2014 lên 15,9 tỷ USD": 2014 is the earlier figure's own time
                when, when_basis = _decide(sentence_times, when.start, (clause[0], when.start), sentence,
                                           time_carried[sf.sentence], after_in_clause=False)
        opener = time_opens.get(sf.sentence)
        if when is not None and opener is not None and opener is not when and opener.start < when.start \
                and when.value.granularity == "year" and opener.value.granularity not in ("year", "day") \
                and opener.value.date_start[:4] == when.value.date_start[:4] == opener.value.date_end[:4] \
                and regex.search(r"\p{L}\s+$", sentence.text[:when.start - sentence.start]) \
                and not _whole_year().search(sentence.text, opener.end - sentence.start, figure.start - sentence.start) \
                and not _plans_value(sentence.text[when.end - sentence.start:figure.start - sentence.start]):
            # "Trong 6 tháng đầu năm 2023, … giải ngân 8.000 tỷ đồng vốn đầu tư công năm 2023, bằng 35,13% …":
            # the year names whose capital; the figures are of the months the sentence opens with
            when, when_basis = opener, "sentence"
        if sentence.paragraph in continuing and last_stated[0] < sentence.paragraph and last_stated[1] is not None \
                and (when is None or (when_basis == "paragraph" and when.start < paragraph_start[sentence.paragraph]
                                      and last_stated[1].start >= when.start)):
            # "Cụ thể, chỉ số IIP tháng 9 giảm 8,04%.¶ Trong đó, ngành khai khoáng tăng 31,65%":
            # the items break down the figure just before (past a photo's caption), of its time,
            # unless a paragraph since has set a time of its own
            when, when_basis = last_stated[1], "paragraph"
        else:
            last_stated = (sentence.paragraph, when if when_basis in ("clause", "sentence") else None)
        mention = when.value if when is not None else None
        if mention is not None and _running_total(sentences, starts, mention, figure):
            # "Tính đến hết tháng 10, vốn FDI đạt 528 triệu USD": the total since the year began
            date_fields = (mention.date_start[:4] + "-01", mention.date_end, "period", when_basis)
        elif mention is not None:
            date_fields = (mention.date_start, mention.date_end, mention.granularity, when_basis)
        elif (total := month_before_total.get(sf.sentence)) is not None and figure.start < total[0]:
            date_fields = (total[1].date_end, total[1].date_end, "month", "paragraph")
        elif period is not None:
            # "giá lúa 4.550 đồng/kg": a price or a rate stands at the month, it does not run up
            reported = month if "/" in (figure.unit or "") or (figure.kind == "money" and "/" in figure.text) else period
            date_fields = (reported.date_start, reported.date_end, reported.granularity, "article")
        elif told_day is not None:
            date_fields = (told_day.date_start, told_day.date_end, told_day.granularity, "published")
        elif first_date is not None:   # the first time the article states
            date_fields = (first_date.date_start, first_date.date_end, first_date.granularity, "article")
        elif lead_report is not None:
            date_fields = (lead_report.date_start, lead_report.date_end, lead_report.granularity, "published")
        elif published:
            iso = published.isoformat()
            date_fields = (iso, iso, "day", "published")
        elif report_day is not None:
            date_fields = (report_day.date_start, report_day.date_end, report_day.granularity, "published")
        elif reference:   # no page date: the year the article makes clear
            year = f"{reference.year:04d}"
            date_fields = (year, year, "year", "article")
        else:
            date_fields = (None, None, None, None)

        if now or reference:
            # "Tỉnh A hiện có 14 Đảng bộ": true on the day of writing (on a page with no
            # date line, the day its lead writes, or else the year the article makes clear). Said in the
            # figure's clause, after any time the clause states, it beats that
            # time; said before the clause, only the paragraph's or the article's.
            low = clause[0] if when is None or when_basis != "clause" else when.end
            said_now = _says_now(sentence.text, low - sentence.start, figure.start - sentence.start)
            if not said_now and (mention is None or when_basis == "paragraph"):
                said_now = _says_now(sentence.text, 0, clause[0] - sentence.start)
            if said_now and lead_report is not None:
                date_fields = (lead_report.date_start, lead_report.date_end, lead_report.granularity, "published")
            elif said_now and now:
                iso = now.isoformat()
                date_fields = (iso, iso, "day", "published")
            elif said_now and (date_fields[1] or "9999")[:4] < f"{reference.year:04d}" \
                    and date_fields[0][:4] != date_fields[1][:4]:
                # "hiện toàn tỉnh có …" after "giai đoạn 2006-2010 …, năm 2011 …": a stock that
                # holds now is not of a span of years that is over
                year = f"{reference.year:04d}"
                date_fields = (year, year, "year", "article")

        end = _period_end(date_fields[1]) if locality is not None and reference is not None and date_fields[1] else None
        if end is not None:
            # the unit in force both when the page was written and when the figure was true:
            # in 2025, "tỉnh Bình Dương cũ ghi nhận gần 2.700 ca" is TP.HCM's, while Hà Nam's
            # first half of 2025 stays Hà Nam's, and so does a target a page set before July
            locality = unit_in_force(locality, min(reference, end))
        compared = _compared_period(bases.get(sf.sentence, ()), clause, date_fields)
        if compared is not None:
            # "so với tháng 5/2022, IIP giảm 13,49%": the same month a year on
            date_fields = (*compared, "clause")
        base = next((b for b in bases.get(sf.sentence, ()) if BASE_VALUE.fullmatch(
            sentence.text[b.end - sentence.start:figure.start - sentence.start])), None)
        earlier = next((b for b in bases.get(sf.sentence, ()) if EARLIER_OWN_VALUE.fullmatch(
            sentence.text[b.end - sentence.start:figure.start - sentence.start]) and any(
            m.start() <= b.start - sentence.start < m.end() for m in EARLIER_VALUE.finditer(sentence.text))), None)
        if earlier is not None:
            date_fields = (earlier.date_start, earlier.date_end, earlier.granularity, "clause")
        elif date_fields[0] and date_fields[0][:4].isdigit() and _facts_regex("named_year", "plan_value").search(
                sentence.text, 0, figure.start - sentence.start):
            # "bằng 83,69% so với kế hoạch năm (46.455 tỷ đồng)": the plan's own value, of the whole year
            year = date_fields[0][:4]
            date_fields = (year, year, "year", "clause")
        elif base is not None and date_fields[0] and base.date_start[:4].isdigit() and date_fields[0][:4].isdigit():
            # "so với cùng kỳ năm 2024 (2.356 ca)": the base's own value, of the same period that year
            shift = int(base.date_start[:4]) - int(date_fields[0][:4])
            date_fields = (_shift_year(date_fields[0], shift), _shift_year(date_fields[1], shift),
                           *date_fields[2:3], "clause")
        if sf.sentence not in cues:
            cues[sf.sentence] = _cue_spans(sentence.text, sentence.start)
        # a cue inside the figure itself counts goals, it states none: "4 mục tiêu"
        stated = any(b <= figure.start or a >= figure.end for a, b in cues[sf.sentence])
        is_target = stated or (mention is not None and deadline[id(mention)])
        links.append(FigureLink(locality, basis, *date_fields, is_target))
    return links


@functools.cache
def _total_opener() -> regex.Pattern:
    words = "|".join(regex.escape(w) for w in patterns.load().facts["month_before_total"]["openers"])
    return regex.compile(r"(?i)\W*(?:" + words + r")(?:\s+trong)?\s*")


def _months_before_totals(sentences, times: dict[int, list[_Anchor]]) -> dict[int, tuple[int, DateMention]]:
    """Per sentence, the running total a later sentence of its paragraph, or a
    later clause of its own, opens with ("Tính chung 10 tháng năm 2025, …";
    "… đạt 3,4 tỷ USD; lũy kế 5 tháng đạt 14,8 tỷ USD"), as (the offset its
    figures must start before, the total): those without a time of their own
    are of the total's last month (patterns/facts.toml [month_before_total])."""
    opener = _total_opener()
    out: dict[int, tuple[int, DateMention]] = {}
    waiting: list[int] = []
    paragraph = None
    for s in sentences:
        if s.paragraph != paragraph:
            waiting, paragraph = [], s.paragraph
        total, clause = None, 0
        for a in times.get(s.index, []):
            v = a.value
            if not (v.date_start[5:7] == "01" and v.date_start[:4] == v.date_end[:4] and len(v.date_end) == 7
                    and v.date_end[5:7] > "01"):
                continue
            at = a.start - s.start
            clause = max(s.text.rfind(";", 0, at), s.text.rfind(",", 0, at)) + 1
            if opener.fullmatch(s.text, clause, at):
                total = v
                break
        if total is not None:
            out.update({i: (sentences[i].end, total) for i in waiting})
            if clause:
                out[s.index] = (s.start + clause, total)
            waiting = []
        else:
            waiting.append(s.index)
    return out


def _keyed_by_a_name(before: str) -> bool:
    """A list item that opens with a capitalized name: "; Trường Đại học Hải Phòng (…"."""
    return bool(regex.match(r"\s*\p{Lu}\p{Ll}*\s+\p{Lu}", before))


def _breakdown_closed_around(sentence, anchor: _Anchor, position: int) -> int | None:
    """The offset of the bracket that holds ``anchor`` and figures of its own
    and closes before ``position``, if any. A bracket of names alone is an
    address and places what follows: "trên tỉnh lộ 8 (xã Trung An) khiến 1
    người tử vong"."""
    opening = sentence.text.rfind("(", 0, anchor.start - sentence.start)
    if opening < 0 or sentence.text.rfind(")", opening, anchor.start - sentence.start) >= 0:
        return None
    close = sentence.text.find(")", anchor.end - sentence.start, position - sentence.start)
    return sentence.start + opening if close >= 0 and _holds_figures(sentence, anchor, opening, close) else None


def _holds_figures(sentence, anchor: _Anchor, opening: int, close: int) -> bool:
    """The bracket at ``opening``..``close`` (offsets in the sentence) holds a number besides ``anchor``."""
    a, b = anchor.start - sentence.start, anchor.end - sentence.start
    return has_digit(sentence.text[opening:a]) or has_digit(sentence.text[b:close])


def _aside_after(sentence, anchor: _Anchor, position: int) -> bool:
    """``anchor`` lies in a bracket opened after ``position`` that holds figures of
    its own: an aside with its own time ("tăng 60,3% (6 tháng năm 2016 ngành này
    giảm 33-34%)"), not the time of a figure before it."""
    opening = sentence.text.rfind("(", position - sentence.start, anchor.start - sentence.start)
    if opening < 0 or sentence.text.rfind(")", opening, anchor.start - sentence.start) >= 0:
        return False
    close = sentence.text.find(")", anchor.end - sentence.start)
    return _holds_figures(sentence, anchor, opening, len(sentence.text) if close < 0 else close)


def _decide(anchors: _Sorted, position: int, clause: tuple[int, int], sentence,
            paragraph: _Anchor | None, after_in_clause: bool,
            brackets: bool = False) -> tuple[_Anchor | None, str | None]:
    """The anchor a figure at ``position`` takes: its clause's, its sentence's, its paragraph's.
    ``after_in_clause``: one written after the figure in its own clause may be
    its (times: "… đạt 500 tỷ đồng trong năm 2023"; not places, which key what
    follows them: "10/11 huyện đạt trên 99% (trong đó huyện A …)"). What a
    later clause writes after the figure is that clause's. ``brackets``: a
    place inside a breakdown in brackets closed before the figure keys only
    the bracket's own figures ("113 nhà bị thiệt hại (Văn Yên 75 nhà, …, Văn Chấn 12 nhà);
    diện tích lúa bị ngập hơn 380 ha": not Văn Chấn's)."""
    for low, high, basis in ((clause[0], clause[1], "clause"), (sentence.start, sentence.end, "sentence")):
        before, after = position, after_in_clause and basis == "clause"
        found = anchors.nearest(before, low, high, after=after)
        if found is not None and brackets and found.start >= position and _aside_after(sentence, found, position):
            found = None
        while found is not None and brackets and found.end <= position \
                and (opening := _breakdown_closed_around(sentence, found, position)) is not None:
            before = opening
            found = anchors.nearest(before, low, high, after=False)
        if found is not None:
            return found, basis
    if paragraph is not None:
        return paragraph, "paragraph"
    return None, None
