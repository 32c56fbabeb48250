"""Viet Nam's administrative units, with official (GSO) codes, before and after
the 1 July 2025 reorganization, and the old -> new mapping.

Source: the data files that the installed ``vietnamadminunits`` package
(MIT licence) ships: ``dataset.db`` (63 provinces, 696 districts and 10,035
communes before 2025; 34 provinces and 3,321 communes from 2025) and
``converter_2025.json`` (which new unit each old one became). The data are
read from the package folder; nothing is fetched. Loaded once per process.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import sqlite3
import unicodedata
from collections import defaultdict
import dataclasses
from dataclasses import dataclass
from pathlib import Path

from vnstats import patterns
BEFORE_2025 = "before_2025"
FROM_2025 = "from_2025"
LEVELS = ("province", "district", "ward")
COUNTRY_ID = "country:VN"   # the whole country, a unit of its own so facts group by it


@dataclass(frozen=True)
class Unit:
    id: str                   # unique across eras: "before_2025:district:307"
    era: str                  # BEFORE_2025 or FROM_2025
    level: str                # province, district, ward
    code: str                 # GSO code
    name: str                 # with its level word: "Quận Kiến An"
    short: str                # without: "Kiến An"
    province_code: str
    province: str             # "Thành phố Hải Phòng"
    district_code: str | None
    district: str | None
    successors: tuple[str, ...] = ()  # ids of the from_2025 units it became
    valid_from: str | None = None     # ISO dates, for units created or dissolved
    valid_until: str | None = None    # between 2010 and June 2025 (patterns/gazetteer.toml)

    def in_force(self, day) -> bool:
        """Whether the unit existed on ``day`` (a date; None: always)."""
        if day is None:
            return True
        iso = day.isoformat()
        return (self.valid_from is None or iso >= self.valid_from) and \
            (self.valid_until is None or iso < self.valid_until)


_DASH = re.compile(r"\s*[-–]\s*")


def normalize_key(text: str) -> str:
    """Matching key: NFC, Đ look-alikes, one tone-mark style, case-folded, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    # "Đạ M’Rông", "Đạ M'Rông", "Đạ Rsal" for "Đạ R’Sal": apostrophes are spelt every way
    text = " ".join(text.replace("’", "").replace("'", "").replace("‘", "").split()).casefold()
    # "Phan Rang-Tháp Chàm", "Phan Rang -Tháp Chàm", "Phan Rang – Tháp Chàm": one name
    if "-" in text or "–" in text:
        text = _DASH.sub(" - ", text)
    for old, new in _tone_marks().items():
        text = text.replace(old, new)
    variants = _spelling_variants()
    if any(word in variants for word in text.split()):
        text = " ".join(variants.get(word, word) for word in text.split())
    return text


def bare_key(key: str) -> str:
    """A matching key without tone and vowel marks ("cư jút" -> "cu jut"); đ stays."""
    stripped = unicodedata.normalize("NFD", key.replace("đ", "\0"))
    return "".join(ch for ch in stripped if not unicodedata.combining(ch)).replace("\0", "đ")


@functools.cache
def _spelling_variants() -> dict[str, str]:
    return patterns.load().localities["spelling_variants"]


@functools.cache
def _tone_marks() -> dict[str, str]:
    return patterns.load().localities["tone_marks"]


def _data_file(name: str) -> Path:
    """A data file of the installed package, found without importing it (its
    import parses several megabytes of JSON we do not use)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the vietnamadminunits package is not installed (pip install vietnamadminunits)")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / name


class Gazetteer:
    """The units, and look-ups by normalized short name."""

    def __init__(self, units: list[Unit]):
        self.units = {u.id: u for u in units}
        self._by_key: dict[tuple[str, str, str], list[Unit]] = defaultdict(list)
        for unit in units:
            self._by_key[(unit.era, unit.level, normalize_key(unit.short))].append(unit)
        self.max_name_words = max(len(u.short.split()) for u in units)

    def lookup(self, era: str, level: str, name: str) -> list[Unit]:
        key = normalize_key(name)
        units = self._by_key.get((era, level, key), [])
        if units or key in self.names() or bare_key(key) == key:
            return units   # a name written with no marks at all is not Vietnamese spelling
        # a name no unit bears, spelt without some of its marks ("Cư Jut",
        # "Liêng Sronh"): the one unit of that level whose name differs only so
        units = self._by_bare_key().get((era, level, bare_key(key)), [])
        if not units:
            # a minority-language name written with its syllables run together or apart
            # ("Đakrông", "Đa Krông"; "Easúp", "Ea Súp"): the one unit spelt so but for spaces
            units = self._by_bare_key().get((era, level, "", bare_key(key).replace(" ", "")), [])
        return units if len(units) == 1 else []

    @functools.cache
    def _by_bare_key(self) -> dict[tuple, list[Unit]]:
        index: dict[tuple, list[Unit]] = defaultdict(list)
        for (era, level, key), units in self._by_key.items():
            index[(era, level, bare_key(key))].extend(units)
            index[(era, level, "", bare_key(key).replace(" ", ""))].extend(units)
        return index

    @functools.cache
    def names(self, levels=LEVELS) -> frozenset[str]:
        """Normalized short names of units at these levels (any era)."""
        return frozenset(key for (_, level, key) in self._by_key if level in levels)

    def counts(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = defaultdict(int)
        for unit in self.units.values():
            out[(unit.era, unit.level)] += 1
        return dict(out)


def _unit_id(era: str, level: str, code: str) -> str:
    return f"{era}:{level}:{code}"


def _short(short: str, name: str) -> str:
    """Numbered units keep their level word in the package ("Quận 1"); their
    own name is the number. Two units of one name in one province carry their
    level in brackets there ("Kỳ Anh (Thị xã)"); text writes it before the
    name ("thị xã Kỳ Anh"), which tells them apart."""
    last = name.split()[-1]
    if short == name and last.isdigit():
        return last
    return re.sub(r"\s*\([^()]*\)$", "", short)


@functools.cache
def load() -> Gazetteer:
    """Every unit of both eras, from the installed package's data."""
    # the package's SQLite file, opened read-only
    connection = sqlite3.connect(f"file:{_data_file('dataset.db')}?mode=ro", uri=True)
    try:
        legacy = connection.execute(
            "SELECT provinceCode, province, provinceShort, provinceKey, districtCode, district, "
            "districtShort, districtKey, wardCode, ward, wardShort, wardKey FROM admin_units_legacy"
        ).fetchall()
        current = connection.execute(
            "SELECT provinceCode, province, provinceShort, provinceKey, wardCode, ward, wardShort, "
            "wardKey FROM admin_units").fetchall()
    finally:
        connection.close()
    converter = json.loads(_data_file("converter_2025.json").read_text(encoding="utf-8"))

    # from_2025 units, and their keys for the mapping
    units: dict[str, Unit] = {}
    new_province_by_key: dict[str, str] = {}
    new_ward_by_key: dict[tuple[str, str], str] = {}
    for p_code, p_name, p_short, p_key, w_code, w_name, w_short, w_key in current:
        pid = _unit_id(FROM_2025, "province", p_code)
        units.setdefault(pid, Unit(pid, FROM_2025, "province", p_code, p_name, p_short, p_code, p_name, None, None))
        new_province_by_key[p_key] = pid
        if w_code:
            wid = _unit_id(FROM_2025, "ward", w_code)
            units[wid] = Unit(wid, FROM_2025, "ward", w_code, w_name, _short(w_short, w_name), p_code,
                              p_name, None, None)
            new_ward_by_key[(p_key, w_key)] = wid

    # old -> new
    province_successor: dict[str, list[str]] = defaultdict(list)
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        for old_key in old_keys:
            if new_key in new_province_by_key:
                province_successor[old_key].append(new_province_by_key[new_key])
    ward_successor: dict[str, list[str]] = defaultdict(list)
    for new_p, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, old_keys in wards.items():
            if (new_p, new_w) in new_ward_by_key:
                for old_key in old_keys:
                    ward_successor[old_key].append(new_ward_by_key[(new_p, new_w)])
    for new_p, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, options in olds.items():
            for option in options:  # the default new unit first
                wid = new_ward_by_key.get((new_p, option["newWardKey"]))
                if wid and wid not in ward_successor[old_key]:
                    if option.get("isDefaultNewWard"):
                        ward_successor[old_key].insert(0, wid)
                    else:
                        ward_successor[old_key].append(wid)

    # before_2025 units
    for (p_code, p_name, p_short, p_key, d_code, d_name, d_short, d_key,
         w_code, w_name, w_short, w_key) in legacy:
        pid = _unit_id(BEFORE_2025, "province", p_code)
        if pid not in units:
            units[pid] = Unit(pid, BEFORE_2025, "province", p_code, p_name, p_short, p_code, p_name,
                              None, None, tuple(province_successor.get(p_key, ())))
        did = _unit_id(BEFORE_2025, "district", d_code)
        if d_code and did not in units:
            # districts were abolished: a district lives on in its province's successor
            units[did] = Unit(did, BEFORE_2025, "district", d_code, d_name, _short(d_short, d_name), p_code,
                              p_name, d_code, d_name, tuple(province_successor.get(p_key, ())))
        if w_code:
            wid = _unit_id(BEFORE_2025, "ward", w_code)
            units[wid] = Unit(wid, BEFORE_2025, "ward", w_code, w_name, _short(w_short, w_name), p_code, p_name,
                              d_code, d_name, tuple(ward_successor.get(f"{p_key}_{d_key}_{w_key}", ())))
    _add_corrections(units)
    units[COUNTRY_ID] = Unit(COUNTRY_ID, "country", "country", "VN", "Việt Nam", "Việt Nam", "", "Việt Nam",
                             None, None)
    return Gazetteer(list(units.values()))


def _add_corrections(units: dict[str, Unit]) -> None:
    """Units the June 2025 data no longer lists, the dates of those it lists
    that are younger than our articles, and official spellings
    (patterns/gazetteer.toml)."""
    data = patterns.load().gazetteer
    created, spelling = data["created"], data["official_spelling"]
    for uid, unit in list(units.items()):
        if unit.era == BEFORE_2025 and unit.name in created:
            unit = units[uid] = dataclasses.replace(unit, valid_from=created[unit.name])
        if unit.name in spelling or unit.district in spelling:
            name = spelling.get(unit.name, unit.name)
            short = next((name[len(w):] for w in _LEVEL_PREFIXES if name.startswith(w)), unit.short)
            units[uid] = dataclasses.replace(unit, name=name, short=short if unit.name in spelling else unit.short,
                                             district=spelling.get(unit.district, unit.district))
    province_codes = {u.name: u.province_code for u in units.values()
                      if u.era == BEFORE_2025 and u.level == "province"}
    province_codes.update({row["name"]: row["code"] for row in data["former"] if row["level"] == "province"})
    for row in data["former"]:
        province_code = province_codes[row["province"]]
        # a former unit lives on where its province's code does
        lineage = next((u for u in units.values() if u.era == BEFORE_2025 and u.level == "province"
                        and u.code == province_code), None)
        uid = f"former:{row['level']}:{row['code']}:{row['until']}"
        short = next(row["name"][len(w):] for w in _LEVEL_PREFIXES if row["name"].startswith(w))
        district = row["code"] if row["level"] == "district" else None
        units[uid] = Unit(uid, BEFORE_2025, row["level"], row["code"], row["name"], short,
                          province_code, row["province"], district, row["name"] if district else None,
                          lineage.successors if lineage else (), None, row["until"])


_LEVEL_PREFIXES = ("Thành phố ", "Thị xã ", "Thị trấn ", "Tỉnh ", "Huyện ", "Quận ", "Xã ", "Phường ")
