"""Localities: named administrative units, linked to the gazetteer's codes.

Forms read (``patterns/localities.toml``):

- a level word and a name: "huyện Điện Biên", "Quận 1", "TP Hồ Chí Minh";
  a list shares the level word: "các xã: Thanh Xương, Thanh An, Pom Lót";
- a party committee and a name: "Quận ủy Kiến An", "Thành ủy Hà Nội", kept
  as an organization of the unit (role ``organization``);
- aliases: "TP.HCM";
- a province's own name alone: "Hà Nội".

Names are matched on normalized keys (``gazetteer.normalize_key``) against
the units in force on the article's date. A name that several units share is
resolved by the article's other places; one that stays ambiguous keeps all
its candidates and no unit.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import regex

from vnstats import patterns
from vnstats.extract.gazetteer import BEFORE_2025, FROM_2025, LEVELS, Gazetteer, Unit, bare_key, load, normalize_key
from vnstats.extract.mentions import LocalityMention

NAME_WORD = r"\p{Lu}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)?"  # "Ea H'leo"
# a number ("Quận 1", "quận 1, 3", not "1,5 ha") or capitalized words
NAME = r"(?:\d{1,2}(?![\d/%]|[.,]\d)|" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,4})"


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    text: str
    levels: tuple[str, ...]
    name: str
    role: str
    exact_unit: str | None = None  # an alias names its unit
    unit_id: str | None = None     # a bare name: the one unit of that name in the article's provinces
    word: str | None = None        # the level word written before it, in full ("huyện", "thị xã")
    former: bool = False           # named as a former unit: "3 phường cũ gồm: Vĩnh Quang, …"


@dataclass(frozen=True)
class _Rules:
    level_words: dict[str, tuple[str, ...]]
    full_words: dict[str, str]   # "tx." → "thị xã"
    by_level: regex.Pattern
    by_level_dashed: regex.Pattern
    list_more: regex.Pattern
    list_more_with_figures: regex.Pattern
    by_organization: regex.Pattern
    organization_words: dict[str, tuple[str, ...]]
    organization_before: regex.Pattern
    aliases: regex.Pattern
    alias_names: dict[str, str]
    short_names: regex.Pattern
    short_name_units: dict[str, str]
    short_not_after: regex.Pattern
    bare: regex.Pattern
    inside_name: regex.Pattern
    not_after: regex.Pattern
    capitalized_run: regex.Pattern
    capitalized_openers: frozenset[str]
    family: frozenset[str]
    effective: date
    former_gap: regex.Pattern


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _dash_key(alias: str) -> str:
    """An alias as looked up: lower-cased, a dash between its parts however spaced
    ("Thừa Thiên - Huế", "Thừa Thiên- Huế", "Thừa Thiên-Huế")."""
    return regex.sub(r"\s*[-–]\s*", "-", alias.lower())


def _spelt_every_way(names: set[str], variants: dict[str, str]) -> set[str]:
    """Names with each syllable also in the spellings in use ("Đắk Lắk",
    "Đắc Lắc", "Đăk Lăk"; "Kon Tum", "Kom Tum"), as written with a capital:
    a bare name is found however the page spells it, and read as the
    gazetteer's by its key."""
    written: dict[str, list[str]] = {}
    for variant, canonical in variants.items():
        if " " not in canonical and " " not in variant:
            written.setdefault(canonical, []).append(variant)
    out = set()
    for name in names:
        options = [[word] + [v[:1].upper() + v[1:] if word[:1].isupper() else v for v in written.get(word.lower(), ())]
                   for word in name.split()]
        out.update(" ".join(words) for words in itertools.product(*options))
    return out


@functools.cache
def _rules() -> _Rules:
    data = patterns.load().localities
    gazetteer = load()
    level_words = {k.lower(): tuple(v) for k, v in data["level_words"].items()}
    organization_words = {k.lower(): tuple(v) for k, v in data["organization_words"].items()}
    provinces = {u.short for u in gazetteer.units.values() if u.level == "province"} \
        - set(data["not_bare_names"]["words"])
    start = r"(?<![\p{L}\p{M}\d])"
    return _Rules(
        level_words=level_words,
        full_words={w: data["abbreviations"].get(w, w) for w in level_words},
        by_level=regex.compile(start + r"(?P<lw>(?i:" + _alternation(level_words) + r"))"
                               + data["level_gap"]["pattern"] + r"(?P<name>" + NAME + ")"),
        # "TP Phan Rang -Tháp Chàm", "phường Xuân Hương–Đà Lạt": one name in two parts, however spaced
        by_level_dashed=regex.compile(start + r"(?P<lw>(?i:" + _alternation(level_words) + r"))\s+(?P<name>"
                                      + NAME_WORD + r"(?:\s+" + NAME_WORD + r")*\s*[-–]\s*" + NAME_WORD
                                      + r"(?:\s+" + NAME_WORD + r")*)"),
        list_more=regex.compile(r"\s*(?:,|;|\s+và|,\s*và)\s+(?P<name>" + NAME + ")"),
        # in a list a level word introduces ("Một số huyện đạt cao là …"), an item may carry its
        # figure or a bracket first: "Lục Ngạn 130 nghìn tấn, Lục Nam …", "Kbang (tăng 3 người), …"
        list_more_with_figures=regex.compile(r"(?:\s+\d[\d.,]*(?:\s*[\p{Ll}\p{M}%/]+){0,3}|\s*\([^()]{0,60}\))?"
                                             r"\s*(?:,|;|\s+và|,\s*và)\s+(?P<name>" + NAME + ")"),
        by_organization=regex.compile(start + r"(?P<org>(?i:" + _alternation(organization_words) + r"))\s+(?P<name>" + NAME + ")"),
        organization_words=organization_words,
        organization_before=regex.compile(r"(?:" + _alternation(data["organization_before"]["words"]) + r")\s*$",
                                          regex.IGNORECASE),
        aliases=regex.compile(start + r"(?i:" + _alternation(data["aliases"]).replace(r"\ \-\ ", r"\-").replace(
            r"\-", r"\s*[-–]\s*") + r")(?![\p{L}\p{M}])"),
        alias_names={_dash_key(k): v for k, v in data["aliases"].items()},
        short_names=regex.compile(start + "(?:" + _alternation(data["short_names"]["names"]) + r")(?![\p{L}\p{M}])"),
        short_name_units=dict(data["short_names"]["names"]),
        short_not_after=regex.compile(data["short_names"]["not_after"]),
        bare=regex.compile(start + r"(?:" + _alternation(_spelt_every_way(provinces, data["spelling_variants"]))
                           + r")(?![\p{L}\p{M}]|\s+\p{Lu})"),
        # a road, school or company word, then capitalized words, up to the name
        inside_name=regex.compile(r"(?<![\p{L}\p{M}])(?i:" + _alternation(data["inside_names"]["words"])
            # "5 khu công nghiệp (Đồng Văn I, II, Châu Sơn và Hòa Mạc)": a list in brackets, joined by "và"
            + r")(?:\s*\(\s*|\s+)(?:[\p{Lu}\d][\p{L}\p{M}\d.'-]*(?:\s+[\p{Lu}\d][\p{L}\p{M}\d.'-]*)*)?"
            + r"(?:\s*(?:,|\s+và)\s*\p{Lu}[\p{L}\p{M}'-]*(?:\s+\p{Lu}[\p{L}\p{M}'-]*)*)*"
            # "Bệnh viện Nhi tỉnh Gia Lai", "Trung tâm Y tế huyện Krông Pa": the unit ends the name
            + r"(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường))?\s*(?:,|\s+và)?\s*$"),
        not_after=regex.compile(r"(?<![\p{L}\p{M}])(?:" + _alternation(data["not_after"]["words"]) + r")\s+$"),
        capitalized_run=regex.compile(r"(?<![\p{L}\p{M}\d'’])" + NAME_WORD + r"(?:\s+" + NAME_WORD + r")+"
                                      + r"(?![\p{L}\p{M}\d]|\s+\p{Lu})"),
        capitalized_openers=frozenset(data["bare_names"]["sentence_openers"]),
        family=frozenset(patterns.load().family_names),
        effective=date.fromisoformat(data["reorganization"]["effective"]),
        former_gap=regex.compile(data["level_gap"]["former"]),
    )


def _known_prefix(gazetteer: Gazetteer, levels, name: str) -> str | None:
    """The longest run of the name's first words that names a unit at one of the levels."""
    words = name.split()
    for size in range(min(len(words), gazetteer.max_name_words), 0, -1):
        candidate = " ".join(words[:size])
        for level in levels:
            if any(gazetteer.lookup(era, level, candidate) for era in (BEFORE_2025, FROM_2025)):
                return candidate
    return None


def _province_of(gazetteer: Gazetteer, levels, unit_name: str, following: str) -> str | None:
    """The start of ``following`` when it names the province that a unit of
    these levels called ``unit_name`` lies in."""
    key = normalize_key(following)
    for level in levels:
        if level == "province":
            continue
        for era in (BEFORE_2025, FROM_2025):
            for unit in gazetteer.lookup(era, level, unit_name):
                province = gazetteer.units.get(f"{unit.era}:province:{unit.province_code}")
                if province and (key == normalize_key(province.short)
                                 or key.startswith(normalize_key(province.short) + " ")):
                    return following[:len(province.short)]
    return None


# what opens a firm's or a hospital's name, then up to four words of its trade (no word of place or linking)
ORGANIZATION_NAME = regex.compile(
    r"(?<![\p{L}\p{M}])(?i:công\s+ty|bệnh\s+viện|nhà\s+máy|tập\s+đoàn|ngân\s+hàng|hợp\s+tác\s+xã)"
    r"(?:\s+(?!(?i:trên|tại|ở|của|thuộc|cho|với|trong|và|các|địa|bàn|tỉnh|thành|huyện|quận|thị|xã|phường)"
    r"(?![\p{L}\p{M}]))[\p{L}\p{M}\d.'-]+){1,4}\s+$")


def inside_a_name(sentence: str, start: int, listed: bool = True) -> bool:
    """A name written inside that of a road, school or company: "đường Hồ Chí Minh";
    not after a unit whose own name opens with such a word ("Chợ Lách, Giồng Trôm").
    ``listed``: also a name listed after such a name ("các phố Long Châu, Thống
    Nhất"); without it, only one the name runs on into ("Bệnh viện Nhi tỉnh
    Gia Lai"), not the unit a named facility lies in ("Bệnh viện Chợ Rẫy,
    thành phố Hồ Chí Minh", "Khu công nghiệp Quế Võ tỉnh Bắc Ninh")."""
    m = _rules().inside_name.search(sentence[max(0, start - 80):start])
    if m is None:
        # "Công ty thủy điện Hòa Bình", "Bệnh viện Bệnh Nhiệt đới Khánh Hòa": a firm's or a
        # hospital's name may run on in lower-case words of its trade before the place
        return bool(ORGANIZATION_NAME.search(sentence[max(0, start - 60):start]))
    if m is None:
        return False
    if not listed and (regex.search(r",|\(|\s+và\s", m.group(0)) or any(
            normalize_key(run.group(0)) in load().names()
            for run in regex.finditer(NAME_WORD + r"(?:\s+" + NAME_WORD + r")+", m.group(0)))):
        return False
    opener = regex.match(r"[\p{L}\p{M}]+(?:\s+\p{Lu}[\p{L}\p{M}]*)+", m.group(0))
    return opener is None or normalize_key(opener.group(0)) not in load().names()


def find_mentions(sentence: str, offset: int = 0, published: date | None = None) -> list[_Raw]:
    """Places named in one sentence, not yet resolved; ``published``: the
    article's date, for a province called by its city's name ("Huế"), which it
    is only while that province is in force."""
    r = _rules()
    gazetteer = load()
    found: list[_Raw] = []

    def add(start, end, levels, name, role, exact=None, word=None, former=False):
        found.append(_Raw(offset + start, offset + end, sentence[start:end], levels, name, role, exact,
                          word=r.full_words.get(word.lower()) if word else None, former=former))

    for m in r.aliases.finditer(sentence):
        full = r.alias_names[_dash_key(m.group(0))]
        unit = next((u for u in gazetteer.units.values() if u.name == full), None)
        if unit:
            add(m.start(), m.end(), (unit.level,), unit.short, "place", full)
    for m in r.short_names.finditer(sentence):
        # "Quảng Trị và Huế": the province; "thành phố Huế", "Thừa Thiên Huế": read by the forms below
        if r.short_not_after.search(sentence[max(0, m.start() - 20):m.start()]):
            continue
        full = r.short_name_units[m.group(0)]
        unit = next((u for u in gazetteer.units.values() if u.name == full and u.in_force(published)), None)
        if unit:
            add(m.start(), m.end(), (unit.level,), unit.short, "place", full)
    for m in r.by_level_dashed.finditer(sentence):
        levels = r.level_words[m.group("lw").lower()]
        if any(gazetteer.lookup(era, level, m.group("name")) for era in (BEFORE_2025, FROM_2025) for level in levels):
            role = "organization" if r.organization_before.search(sentence[:m.start()]) else "place"
            add(m.start(), m.end(), levels, m.group("name"), role, word=m.group("lw"))
    for m in r.by_level.finditer(sentence):
        levels = r.level_words[m.group("lw").lower()]
        name = _known_prefix(gazetteer, levels, m.group("name"))
        if not name or inside_a_name(sentence, m.start(), listed=False):
            continue   # "Bệnh viện Nhi tỉnh Gia Lai": the unit is part of a hospital's name
        role = "organization" if r.organization_before.search(sentence[:m.start()]) else "place"
        end = m.start("name") + len(name)
        former = bool(r.former_gap.search(sentence, m.end("lw"), m.start("name")))
        # "huyện đạt cao là Lục Ngạn": with words between, the mention is the name alone
        gap = sentence[m.end("lw"):m.start("name")]
        introduced = bool(regex.search(r"\p{L}\s+(?:là|như)\s*:?\s*$", gap)) and not r.former_gap.search(gap)
        start = m.start("name") if introduced else m.start()
        add(start, end, levels, name, role, word=m.group("lw"), former=former)
        # "các xã: Thanh Xương, Thanh An, Pom Lót": the list shares the level word
        previous = name
        list_more = r.list_more_with_figures if introduced else r.list_more
        while (more := list_more.match(sentence, end)):
            if _province_of(gazetteer, levels, previous, more.group("name")):
                # "huyện Lộc Bình, Lạng Sơn": the province the list's unit lies in
                name = _province_of(gazetteer, levels, previous, more.group("name"))
                add(more.start("name"), more.start("name") + len(name), ("province",), name, role)
                break
            if r.by_level.match(sentence, more.start("name")):
                break  # "phường Chi Lăng, Thành phố Lạng Sơn": the next names its own level
            if more.group("name").isdigit() != previous.isdigit():
                break  # numbers go on a numbered list ("quận 1, 3, 10") only: not "TP Đà Nẵng, 9 tháng"
            name = _known_prefix(gazetteer, levels, more.group("name"))
            if not name:   # a name spelt otherwise ("Mù Cang Chải"): the list goes on after it
                end = more.end("name")
                continue
            end = more.start("name") + len(name)
            add(more.start("name"), end, levels, name, role, word=m.group("lw"), former=former)
            previous = name
    for m in r.by_organization.finditer(sentence):
        levels = r.organization_words[m.group("org").lower()]
        name = _known_prefix(gazetteer, levels, m.group("name"))
        if name:
            add(m.start(), m.start("name") + len(name), levels, name, "organization")
    for m in r.bare.finditer(sentence):
        # "ông Trương Hòa Bình": after a family name, a person's name
        person = regex.search(r"(\p{Lu}[\p{L}\p{M}]*)\s+$", sentence[max(0, m.start() - 20):m.start()])
        if person and person.group(1) in r.family:
            continue
        if not inside_a_name(sentence, m.start()):
            add(m.start(), m.end(), ("province",), m.group(0), "place")
    # earlier forms win where two overlap
    kept: list[_Raw] = []
    for raw in found:
        if not any(raw.start < k.end and k.start < raw.end for k in kept):
            kept.append(raw)
    return sorted(kept, key=lambda x: x.start)


def _eras(published: date | None, effective: date) -> tuple[str, str]:
    if published and published >= effective:
        return FROM_2025, BEFORE_2025
    return BEFORE_2025, FROM_2025


def _in_force(units: list[Unit], published: date | None) -> list[Unit]:
    """The units in force on the article's date, if any of them is."""
    return [u for u in units if u.in_force(published)] or units


def _candidates(raw: _Raw, eras, gazetteer: Gazetteer, published: date | None = None) -> list[Unit]:
    """The units a mention may be: those in force on the article's date first,
    by the mention's levels in order, then by era."""
    options = []
    if raw.unit_id:
        return [gazetteer.units[raw.unit_id]]
    if raw.exact_unit:
        options = [(era, [u for level in LEVELS for u in gazetteer.lookup(era, level, raw.name)
                          if u.name == raw.exact_unit]) for era in eras]
    else:
        for level in raw.levels:
            for era in eras:
                units = gazetteer.lookup(era, level, raw.name)
                if level == "province" and "district" in raw.levels:
                    # "thành phố Yên Bái" is the provincial city; only a centrally-run
                    # city is a province named "thành phố" ("thành phố Cần Thơ")
                    units = [u for u in units if u.name.lower().startswith("thành phố")]
                options.append((era, units))
    if raw.word and raw.name.isdigit():
        # "Quận 7", "Phường 3": a numbered unit is written with its own level
        # word; "cấp huyện 7 trường" names none
        options = [(era, [u for u in units if u.name.lower() == f"{raw.word} {raw.name}"]) for era, units in options]
    for in_force_only in (True, False):
        for era, units in options:
            if in_force_only:
                units = [u for u in units if era == eras[0] and u.in_force(published)]
            if units:
                return units
    return []


def resolve(raws: list[_Raw], published: date | None) -> list[LocalityMention]:
    """Link an article's mentions to units, using its other places for shared names."""
    gazetteer = load()
    eras = _eras(published, _rules().effective)
    # a unit named as former is one of those in force the day before the reorganization
    former_day = _rules().effective - timedelta(days=1)
    options = [_candidates(raw, (BEFORE_2025, FROM_2025), gazetteer, min(published or former_day, former_day))
               if raw.former else _candidates(raw, eras, gazetteer, published) for raw in raws]
    provinces = Counter(units[0].province_code for units in options if len(units) == 1)
    districts = Counter(units[0].district_code for units in options
                        if len(units) == 1 and units[0].district_code)
    mentions = []
    for raw, units in zip(raws, options):
        if not units:
            continue
        basis = "article_province" if raw.unit_id else "unique"
        if len(units) > 1:
            narrowed = [u for u in units if u.district_code in districts] or \
                       [u for u in units if u.province_code in provinces]
            if len(narrowed) != 1 and raw.word:
                # "các huyện Trà Cú, Duyên Hải": the district, not the town of that name
                worded = [u for u in (narrowed or units) if u.name.lower().startswith(raw.word + " ")]
                narrowed = worded if len(worded) == 1 else narrowed
            if len(narrowed) == 1:
                units, basis = narrowed, "context"
            else:
                units, basis = narrowed or units, "ambiguous"
        unit_id = units[0].id if len(units) == 1 else None
        candidates = tuple(u.id for u in units) if unit_id is None else ()
        mentions.append(LocalityMention(raw.start, raw.end, raw.text, units[0].level, unit_id, candidates,
                                        raw.role, basis))
    return mentions


def extract_localities(sentences: Iterable[tuple[str, int]], published: date | None) -> list[LocalityMention]:
    """Every locality of an article, given its sentences as (text, offset)."""
    sentences = list(sentences)
    found = [find_mentions(text, offset, published) for text, offset in sentences]
    raws = [raw for mentions in found for raw in mentions]
    mentions = resolve(raws, published)
    gazetteer = load()
    province_of = {m.start: (gazetteer.units[m.unit_id].era, gazetteer.units[m.unit_id].province_code)
                   for m in mentions if m.unit_id}
    if not province_of:
        return mentions
    # the article's province: the one its places lie in most often
    main = Counter(province_of.values()).most_common(1)[0][0]
    eras = _eras(published, _rules().effective)
    bare = []
    for (text, offset), known in zip(sentences, found):
        provinces = {main} | {province_of[k.start] for k in known if k.start in province_of}
        bare += _bare_names(text, offset, known, provinces, eras[0], published)
    if not bare:
        return mentions
    return _districts_named_like_provinces(sentences, resolve(sorted(raws + bare, key=lambda raw: raw.start),
                                                               published), published)


def resolve_proposed(proposals: Iterable[tuple[str, int]], known: list[LocalityMention],
                     published: date | None) -> list[LocalityMention]:
    """Places another stage proposed (``proposals``: (text, article offset)),
    kept where the gazetteer resolves them: a name with its level word as the
    rules resolve any ("xã Pơng Drang"); a bare one only when it names one
    district or commune of the provinces the article's other places lie in."""
    gazetteer = load()
    provinces = {(gazetteer.units[m.unit_id].era, gazetteer.units[m.unit_id].province_code)
                 for m in known if m.unit_id}
    era = _eras(published, _rules().effective)[0]
    out = []
    for text, offset in proposals:
        raws = find_mentions(text, offset, published)
        if raws:
            # only a unit the whole proposal names: in "xã Ba Biển" the rules would find the prefix "xã Ba"
            out += [dataclasses.replace(m, stage="model") for m in resolve(raws, published)
                    if m.unit_id and m.start == offset and m.end == offset + len(text)]
            continue
        for level in ("district", "ward"):
            units = [u for u in gazetteer.lookup(era, level, text)
                     if (u.era, u.province_code) in provinces and u.in_force(published)]
            if len(units) == 1:
                out.append(LocalityMention(offset, offset + len(text), text, level, units[0].id, (), "place",
                                           "context", "model"))
            if units:
                break
    return out


def _districts_named_like_provinces(sentences, mentions: list[LocalityMention],
                                    published: date | None) -> list[LocalityMention]:
    """"Tuần Giáo, Mường Ảng, Điện Biên, Tủa Chùa": in a list of a province's
    districts, a bare name that is also the province's is its district."""
    gazetteer = load()
    text_of = {offset: text for text, offset in sentences}
    starts = sorted(text_of)
    out = list(mentions)
    for k, m in enumerate(out):
        unit = gazetteer.units.get(m.unit_id) if m.unit_id else None
        if unit is None or unit.level != "province" or m.text != unit.short:
            continue
        neighbours = [out[j] for j in (k - 1, k + 1) if 0 <= j < len(out)]
        for other in neighbours:
            other_unit = gazetteer.units.get(other.unit_id) if other.unit_id else None
            if other_unit is None or other_unit.level != "district" or other_unit.province_code != unit.province_code:
                continue
            a, b = (other.end, m.start) if other.start < m.start else (m.end, other.start)
            sentence_start = starts[bisect.bisect_right(starts, a) - 1]
            gap = text_of[sentence_start][a - sentence_start:b - sentence_start].strip()
            if gap not in (",", ";", "và", ", và"):
                continue
            same = [u for u in gazetteer.lookup(unit.era, "district", m.text)
                    if u.province_code == unit.province_code and u.in_force(published)]
            if len(same) == 1:
                out[k] = dataclasses.replace(m, level="district", unit_id=same[0].id, basis="context")
                break
    return out


def _bare_names(sentence: str, offset: int, known: list[_Raw], provinces, era: str,
                published: date | None) -> list[_Raw]:
    """Names written without a level word that name exactly one district (or,
    failing that, one commune) of the article's provinces: "Chiêm Hóa đạt
    99,8%", "Pom Lót". A run of capitalized words is read whole; a person's
    full name or a name inside a road's or school's is none."""
    r = _rules()
    gazetteer = load()
    out = []
    for m in r.capitalized_run.finditer(sentence):
        start, end = offset + m.start(), offset + m.end()
        if any(k.start < end and start < k.end for k in known):
            continue
        words = m.group(0).split()
        bracketed = sentence[m.end():m.end() + 3].lstrip().startswith("(")
        person = words[0] in r.family and len(words) >= 3
        if (person and not bracketed) or inside_a_name(sentence, m.start()) \
                or r.not_after.search(sentence[max(0, m.start() - 20):m.start()]):
            continue
        name = m.group(0)
        if len(words) >= 3 and words[0].lower() in r.capitalized_openers and (
                m.start() == 0 or sentence[:m.start()].rstrip()[-1:] in ".:;!?\"“"):
            # "Riêng Phú Quốc ước đón …": a word capitalized only as the sentence's first
            name = name[len(words[0]):].lstrip()
            start = end - len(name)
        # "Mùa Xoài Yên Châu (Sơn La)": a unit's name ends a run of capitals right before its province
        # in brackets; the words before it are the run's own ("Mùa Xoài")
        names = [] if person else [name]
        if bracketed:
            rest = name.split()
            names += [" ".join(rest[k:]) for k in range(1, len(rest) - 1)]
        for candidate in names:
            found_units = _bare_unit(gazetteer, era, candidate, provinces, published)
            if found_units is None:
                continue
            level, unit = found_units
            if unit is not None:
                out.append(_Raw(end - len(candidate), end, candidate, (level,), unit.short, "place", None, unit.id))
            break
    return out


def _bare_unit(gazetteer, era: str, name: str, provinces, published: date | None):
    """(level, the one district, else commune, of that name in the provinces), (level, None)
    where two share it, None where none has it."""
    for level in ("district", "ward"):
        units = [u for u in gazetteer.lookup(era, level, name)
                 if (u.era, u.province_code) in provinces and u.in_force(published)]
        if len(units) == 1:
            return level, units[0]
        if units:
            return level, None   # two units of that name: the text does not say which
    return None


def main_place(mentions: list[LocalityMention]) -> str | None:
    """The unit an article is mostly about: the most named, places before organizations."""
    for role in ("place", "organization"):
        counts = Counter(m.unit_id for m in mentions if m.unit_id and m.role == role)
        if counts:
            best = max(counts.values())
            found = next(m.unit_id for m in mentions if counts.get(m.unit_id) == best)
            return _province_of_its_parts(found, counts, mentions) or found
    return None


def _province_of_its_parts(found: str, counts: Counter, mentions: list[LocalityMention]) -> str | None:
    """A page that names several districts of one province about as often as
    each other, and the province itself, is about the province: "toàn tỉnh
    phát hiện 5 ổ dịch, tại TP Tuy Hòa, huyện Tây Hòa, TX Sông Cầu …". None
    where one district stands out, or the province goes unnamed."""
    units = load().units
    unit = units.get(found)
    if unit is None or unit.level == "province":
        return None
    siblings = sorted((n for uid, n in counts.items() if (u := units.get(uid)) is not None
                       and u.level == unit.level and u.province_code == unit.province_code), reverse=True)
    province = f"{unit.era}:province:{unit.province_code}"
    if len(siblings) < 3 or siblings[0] >= 2 * siblings[1] or province not in units \
            or not any(m.unit_id == province for m in mentions):
        return None
    return province


@functools.cache
def _former_pattern() -> regex.Pattern:
    data = patterns.load().localities["reorganization"]
    return regex.compile(r"(?<![\p{L}\p{M}])(?P<name>" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,3})\s*(?:"
                         + "|".join(data["former_after"]) + r")", regex.IGNORECASE)


def reorganized_after(texts: Iterable[str]) -> date | None:
    """The day of the 2025 reorganization, when a text speaks of a province or
    district that lasted until it as former ("Kon Tum (cũ)", "huyện Krông
    Pa trước đây"): the text was written after it. None otherwise."""
    gazetteer = load()
    for text in texts:
        if "cũ" not in text and "trước" not in text:
            continue
        for m in _former_pattern().finditer(text):
            name = m.group("name")
            words = name.split()
            for size in range(len(words), 0, -1):   # the name may follow other capitalized words
                tail = " ".join(words[-size:])
                units = gazetteer.lookup(BEFORE_2025, "province", tail) or gazetteer.lookup(BEFORE_2025, "district", tail)
                if any(u.valid_until is None for u in units):
                    return _rules().effective
    return None



@functools.cache
def _site_names() -> tuple[dict[str, list[Unit]], dict[str, list[Unit]], dict[tuple[str, ...], list[Unit]],
                           frozenset[tuple[str, ...]], frozenset[str]]:
    """The units an address can name: compact host labels ("thainguyen") and
    slug words (("thai", "nguyen")) of every province, and of every district
    whose name no other district bears (district sites: "bachthong.gov.vn")."""
    data = patterns.load().localities["site_names"]
    gazetteer = load()
    compact: dict[str, list[Unit]] = {}
    words: dict[tuple[str, ...], list[Unit]] = {}
    districts: dict[str, list[Unit]] = {}

    def spelled(name: str) -> tuple[str, ...]:
        return tuple(regex.findall(r"[a-z0-9]+", bare_key(normalize_key(name)).replace("đ", "d")))

    for unit in gazetteer.units.values():
        key = spelled(unit.short)
        if unit.level == "province":
            compact.setdefault("".join(key), []).append(unit)
            words.setdefault(key, []).append(unit)
        elif unit.level == "district" and unit.era == BEFORE_2025:
            districts.setdefault("".join(key), []).append(unit)
    unique_districts = {k: units for k, units in districts.items() if len(units) == 1 and k not in compact}
    for alias, name in data["aliases"].items():
        units = [u for era in (BEFORE_2025, FROM_2025) for u in gazetteer.lookup(era, "province", name)]
        compact.setdefault(alias.replace("-", ""), units)
        words.setdefault(tuple(alias.split("-")), units)
    title_words = frozenset(tuple(w.split("-")) for w in data["title_words"])
    return compact, unique_districts, words, title_words, frozenset(data["host_suffixes"])


def _in_force_at(units: list[Unit], published: date | None) -> str | None:
    """The one unit of these in force at the article's date (a unit the 2025
    reorganization merged: the one it became)."""
    era = _eras(published, _rules().effective)[0]
    own = [u for u in units if u.era == era]
    if own:
        return own[0].id
    successors = {s for u in units for s in u.successors}
    if len(successors) == 1:
        return next(iter(successors))
    return units[0].id if units else None


def unit_in_force(unit_id: str | None, published: date | None) -> str | None:
    """The unit as of the article's date: on a page written after the 2025
    reorganization, a former province, district or commune ("tỉnh Bình Dương
    cũ ghi nhận gần 2.700 ca") is the one unit it became."""
    gazetteer = load()
    unit = gazetteer.units.get(unit_id) if unit_id else None
    if unit is None or unit.era != BEFORE_2025 or _eras(published, _rules().effective)[0] != FROM_2025:
        return unit_id
    return unit.successors[0] if len(unit.successors) == 1 else unit_id


def site_place(url: str | None, published: date | None) -> str | None:
    """The unit a page's address names, as a reader takes it from the masthead:
    a province the title's slug opens with or names (".../thai-nguyen-gia-
    tri-xuat-khau-tang..."), else the province or district the host is
    ("baothainguyen.vn", "baobariavungtau.com.vn", "bachthong.gov.vn")."""
    if not url:
        return None
    address = regex.match(r"(?:[a-z][a-z0-9+.-]*://)?([^/?#]*)([^?#]*)", url.strip().lower())
    host, path = address.group(1).split("@")[-1].split(":")[0], address.group(2)
    compact, districts, words, title_words, suffixes = _site_names()
    longest = max(len(k) for k in words)
    for segment in path.split("/"):
        tokens = regex.findall(r"[a-z]+", segment)
        for i in range(len(tokens)):
            for size in range(min(longest, len(tokens) - i), 0, -1):
                key = tuple(tokens[i:i + size])
                if key in words and (i == 0 or key not in title_words):
                    return _in_force_at(words[key], published)
    for label in host.split("."):
        label = regex.sub(r"\d+", "", label)
        if not label or label in suffixes:
            continue
        matches = [k for k in compact
                   if k == label or (len(k) >= 4 and (label.startswith(k) or label.endswith(k)))]
        if matches:
            return _in_force_at(compact[max(matches, key=len)], published)
        if label in districts:   # a district's own site: its name is the whole label
            return _in_force_at(districts[label], published)
    return None
