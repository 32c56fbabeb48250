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

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import regex

import patterns
from extract.gazetteer import BEFORE_2025, FROM_2025, Gazetteer, Unit, load

NAME_WORD = r"\p{Lu}[\p{L}\p{M}]*"
NAME = r"(?:\d{1,2}(?![\d/.,%])|" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,4})"


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


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    text: str
    levels: tuple[str, ...]
    name: str
    role: str
    exact_unit: str | None = None  # an alias names its unit


@dataclass(frozen=True)
class _Rules:
    level_words: dict[str, tuple[str, ...]]
    by_level: regex.Pattern
    list_more: regex.Pattern
    by_organization: regex.Pattern
    organization_words: dict[str, tuple[str, ...]]
    organization_before: regex.Pattern
    aliases: regex.Pattern
    alias_names: dict[str, str]
    bare: regex.Pattern
    effective: date


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def _rules() -> _Rules:
    data = patterns.load().localities
    gazetteer = load()
    level_words = {k.lower(): tuple(v) for k, v in data["level_words"].items()}
    organization_words = {k.lower(): tuple(v) for k, v in data["organization_words"].items()}
    provinces = {u.short for u in gazetteer.units.values() if u.level == "province"}
    start = r"(?<![\p{L}\p{M}\d])"
    return _Rules(
        level_words=level_words,
        by_level=regex.compile(start + r"(?P<lw>(?i:" + _alternation(level_words) + r"))(?:\s*:)?\s*(?P<name>" + NAME + ")"),
        list_more=regex.compile(r"\s*(?:,|;|\s+và|,\s*và)\s+(?P<name>" + NAME + ")"),
        by_organization=regex.compile(start + r"(?P<org>(?i:" + _alternation(organization_words) + r"))\s+(?P<name>" + NAME + ")"),
        organization_words=organization_words,
        organization_before=regex.compile(r"(?:" + _alternation(data["organization_before"]["words"]) + r")\s*$",
                                          regex.IGNORECASE),
        aliases=regex.compile(start + r"(?i:" + _alternation(data["aliases"]) + r")(?![\p{L}\p{M}])"),
        alias_names={k.lower(): v for k, v in data["aliases"].items()},
        bare=regex.compile(start + r"(?:" + _alternation(provinces) + r")(?![\p{L}\p{M}]|\s+\p{Lu})"),
        effective=date.fromisoformat(data["reorganization"]["effective"]),
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


def find_mentions(sentence: str, offset: int = 0) -> list[_Raw]:
    """Places named in one sentence, not yet resolved."""
    r = _rules()
    gazetteer = load()
    found: list[_Raw] = []

    def add(start, end, levels, name, role, exact=None):
        found.append(_Raw(offset + start, offset + end, sentence[start:end], levels, name, role, exact))

    for m in r.aliases.finditer(sentence):
        full = r.alias_names[m.group(0).lower()]
        unit = next((u for u in gazetteer.units.values() if u.level == "province" and u.name == full), None)
        if unit:
            add(m.start(), m.end(), ("province",), unit.short, "place", full)
    for m in r.by_level.finditer(sentence):
        levels = r.level_words[m.group("lw").lower()]
        name = _known_prefix(gazetteer, levels, m.group("name"))
        if not name:
            continue
        role = "organization" if r.organization_before.search(sentence[:m.start()]) else "place"
        end = m.start("name") + len(name)
        add(m.start(), end, levels, name, role)
        # "các xã: Thanh Xương, Thanh An, Pom Lót": the list shares the level word
        while (more := r.list_more.match(sentence, end)):
            name = _known_prefix(gazetteer, levels, more.group("name"))
            if not name:   # a name spelt otherwise ("Mù Cang Chải"): the list goes on after it
                end = more.end("name")
                continue
            end = more.start("name") + len(name)
            add(more.start("name"), end, levels, name, role)
    for m in r.by_organization.finditer(sentence):
        levels = r.organization_words[m.group("org").lower()]
        name = _known_prefix(gazetteer, levels, m.group("name"))
        if name:
            add(m.start(), m.start("name") + len(name), levels, name, "organization")
    for m in r.bare.finditer(sentence):
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


def _candidates(raw: _Raw, eras, gazetteer: Gazetteer) -> list[Unit]:
    if raw.exact_unit:
        for era in eras:
            units = [u for u in gazetteer.lookup(era, "province", raw.name) if u.name == raw.exact_unit]
            if units:
                return units
    for level in raw.levels:
        for era in eras:
            units = gazetteer.lookup(era, level, raw.name)
            if level == "province" and "district" in raw.levels:
                # "thành phố Yên Bái" is the provincial city; only a centrally-run
                # city is a province named "thành phố" ("thành phố Cần Thơ")
                units = [u for u in units if u.name.lower().startswith("thành phố")]
            if units:
                return units
    return []


def resolve(raws: list[_Raw], published: date | None) -> list[LocalityMention]:
    """Link an article's mentions to units, using its other places for shared names."""
    gazetteer = load()
    eras = _eras(published, _rules().effective)
    options = [_candidates(raw, eras, gazetteer) for raw in raws]
    provinces = Counter(units[0].province_code for units in options if len(units) == 1)
    districts = Counter(units[0].district_code for units in options
                        if len(units) == 1 and units[0].district_code)
    mentions = []
    for raw, units in zip(raws, options):
        if not units:
            continue
        basis = "unique"
        if len(units) > 1:
            narrowed = [u for u in units if u.district_code in districts] or \
                       [u for u in units if u.province_code in provinces]
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
    raws = [raw for text, offset in sentences for raw in find_mentions(text, offset)]
    return resolve(raws, published)


def main_place(mentions: list[LocalityMention]) -> str | None:
    """The unit an article is mostly about: the most named, places before organizations."""
    for role in ("place", "organization"):
        counts = Counter(m.unit_id for m in mentions if m.unit_id and m.role == role)
        if counts:
            best = max(counts.values())
            return next(m.unit_id for m in mentions if counts.get(m.unit_id) == best)
    return None
