"""Pattern data: word lists (``.txt``) and rules with fields (``.toml``).

Everything language-specific that the extractors use lives in this folder as
data. :func:`load` reads and validates it all once per process and fails
loudly (``PatternError`` naming the file and the key) on an unknown key, an
empty group, a duplicate entry or a regex that does not compile, so a typo in
a word list cannot silently switch a rule off.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

HERE = Path(__file__).resolve().parent


class PatternError(ValueError):
    """A pattern file is malformed."""


# The shape of each TOML file: top-level table -> allowed keys ("*" = any key,
# used for surface -> value maps; a key ending in "?" may be left out). A key
# mapped to "regex" / "regex-list" is compiled during validation.
SCHEMAS: dict[str, dict[str, dict[str, str]]] = {
    "chrome": {
        "drop_lines": {"patterns": "regex-list"},
        "tail_markers": {"patterns": "regex-list"},
        "section_labels": {"max_length": "int"},
    },
    "legacy_encodings": {
        "tcvn3": {"*": "str"},
        "vni": {"*": "str"},
        "detect": {"min_share": "number", "words": "str-list"},
    },
    "header": {
        "dateline": {"date": "regex", "time": "regex", "markers": "regex", "bare": "regex",
                     "max_length": "int", "search_lines": "int", "marked_search_lines": "int", "worded": "str",
                     "month_words": "str-list", "title_date": "regex",
                     "bare_years_after": "int", "named_year": "regex"},
        "site_tag": {"pattern": "regex"},
        "byline": {"pattern": "regex", "caps_marker": "regex", "max_length": "int",
                   "search_lines": "int"},
        "story_credit": {"pattern": "regex", "lines_after": "int"},
        "photo_credit": {"pattern": "regex"},
        "source": {"pattern": "regex", "url": "regex"},
        "title_fallback": {"pattern": "regex"},
    },
    "numbers": {
        "digits": {"*": "number"},
        "words": {"ten": "str", "tens": "str", "hundred": "str", "linking": "str-list",
                  "decimal": "str"},
        "scales": {"*": "number"},
        "standalone": {"words": "str-list"},
        "one_befallen": {"events": "str-list", "causes": "str-list"},
        "multiple_words": {"after": "str", "values": "table"},
        "scale_nouns": {"words": "str-list"},
        "vague": {"prefix": "str", "values": "table"},
    },
    "qualifiers": {
        "before": {"more_than": "str-list", "approx": "str-list", "less_than": "str-list",
                   "at_least": "str-list", "at_most": "str-list"},
        "comparative_adjectives": {"words": "str-list"},
        "after": {"at_least": "str-list", "at_most": "str-list"},
        "range_opener": {"words": "str-list"},
        "range_joiners": {"words": "str-list"},
        "estimate_in_clause": {"word": "str", "not_after": "str-list", "not_before": "str-list", "time_after": "str-list"},
    },
    "units": {
        "percent": {"words": "str-list"},
        "currency": {"*": "str"},
        "currency_default": {"scales": "str-list", "code": "str"},
        "measure": {"*": "str"},
        "multiples": {"counters": "str-list", "before": "str-list"},
        "scores": {"counters": "str-list"},
        "densities": {"per": "str-list"},
        "declared": {"pattern": "regex", "prose_words": "int"},
    },
    "not_figures": {
        # array of tables; "needs": words one of which a sentence must hold for the pattern to
        # be tried at all (lower-case, as plain text), a cheap test before a scan
        "span": {"name": "str", "pattern": "regex", "needs?": "str-list"},
        "name_number_exceptions": {"phrases": "str-list"},
    },
    "dates": {
        "form": {"kind": "str", "name": "str", "pattern": "regex", "needs?": "str-list"},  # as [[span]] above
        "months": {"*": "str"},
        "relative_years": {"*": "number"},
        "lunar_months": {"*": "int"},
        "holidays": {"*": "str"},
        "birth_years": {"pattern": "regex"},
        "deadline_years": {"pattern": "regex"},
        "completed_years": {"pattern": "regex", "plans": "regex"},
        "school_year": {"openers": "str-list", "last_month": "int"},
        "issue_date_years": {"pattern": "regex"},
        "past_term": {"pattern": "regex"},
        "limits": {"future_days": "int"},
    },
    "documents": {
        "types": {"*": "str"},
        "number": {"pattern": "regex", "joiner": "regex"},
        "bare_number": {"pattern": "regex", "types_without_so": "str-list"},
        "issue_date": {"pattern": "regex"},
        "type_codes": {"codes": "str-list"},
    },
    "officials": {
        "title_heads": {"words": "str-list"},
        "honorifics": {"words": "str-list"},
        "title_words": {"words": "str-list"},
        "joiners": {"words": "str-list"},
        "title_prefixes": {"words": "str-list"},
        "title_links": {"words": "str-list"},
        "appointment_words": {"words": "str-list", "verbs": "str-list"},
        "organization_prefix": {"*": "str"},
        "not_names": {"words": "str-list"},
        "office_words": {"words": "str-list"},
        "place_words": {"words": "str-list"},
        "highland_names": {"prefixes": "str-list"},
    },
    "localities": {
        "level_words": {"*": "str-list"},
        "abbreviations": {"*": "str"},
        "numbered_units": {"words": "str-list"},
        "organization_words": {"*": "str-list"},
        "organization_before": {"words": "str-list"},
        "aliases": {"*": "str"},
        "tone_marks": {"*": "str"},
        "spelling_variants": {"*": "str"},
        "inside_names": {"words": "str-list"},
        "bare_names": {"sentence_openers": "str-list"},
        "not_after": {"words": "str-list"},
        "not_bare_names": {"words": "str-list"},
        "short_names": {"names": "table", "not_after": "regex"},
        "level_gap": {"pattern": "regex", "former": "regex"},
        "reorganization": {"effective": "str", "former_after": "str-list"},
        "site_names": {"host_suffixes": "str-list", "title_words": "str-list", "aliases": "table"},
    },
    "sentences": {
        "abbreviations": {"words": "str-list"},
    },
    "gazetteer": {
        "former": {"name": "str", "level": "str", "code": "str", "province": "str", "until": "str"},
        "created": {"*": "str"},
        "official_spelling": {"*": "str"},
    },
    "changes": {
        "change_verbs": {"up": "str-list", "down": "str-list", "over": "str-list"},
        "between": {"words": "str-list"},
        "growth": {"words": "str-list", "negative": "str-list"},
        "bases": {"connectors": "str-list", "plan": "str-list", "previous": "str-list"},
        "signs": {"up": "str-list", "down": "str-list"},
        "lead_bases": {"openers": "str-list"},
        "list_items": {"separators": "str-list", "words": "str-list"},
        "bracket_leads": {"words": "str-list"},
    },
    "facts": {
        "targets": {"words": "str-list", "deadline_words": "str-list"},
        "country": {"words": "str-list", "regions": "str-list", "ranking_before": "regex", "base_before": "regex",
                    "event_before": "regex", "background_before": "regex", "province_counters": "str-list"},
        "scope": {"province": "str-list", "district": "str-list"},
        "comparison_base": {"before": "regex", "price_base_bare": "regex"},
        "postposed_time": {"between": "regex", "new_value": "regex"},
        "meeting_names": {"before": "regex", "day_before": "regex", "round_before": "regex"},
        "report_day": {"verbs": "str-list"},
        "running_total": {"before": "regex", "stock_verbs": "str-list"},
        "photo_caption": {"credit": "regex"},
        "own_place": {"between": "regex", "village": "str", "bracket": "regex", "bracket_rest": "regex"},
        "residence": {"before": "regex"},
        "spelled_out": {"between": "regex"},
        "now": {"before": "regex"},
        "raised_total": {"words": "str-list"},
        "averaged_period": {"words": "str-list"},
        "terms": {"period_before": "regex"},
        "time_openers": {"words": "str-list"},
        "continuation": {"words": "str-list"},
        "facilities": {"words": "str-list"},
        "relative_periods": {"cumulative": "str-list", "this_month": "str-list", "whole_year": "regex", "whole_year_plans": "str-list"},
        "holiday_span": {"phrase": "regex", "to_days": "regex"},
        "month_before_total": {"openers": "str-list"},
        "named_year": {"whole_year_words": "str-list", "plan_words": "str-list", "plan_value": "regex"},
    },
    "subjects": {
        "levels": {"words": "str-list", "links": "str-list", "describing": "str-list"},
        "link_verbs": {"words": "str-list", "realized": "str-list"},
        "copulas": {"words": "str-list"},
        "comparatives": {"words": "str-list"},
        "change_words": {"words": "str-list"},
        "time_words": {"words": "str-list"},
        "subject_heads": {"words": "str-list"},
        "clause_openers": {"words": "str-list"},
        "light_verbs": {"words": "str-list"},
        "trailing_words": {"words": "str-list"},
        "backward_cuts": {"words": "str-list"},
        "generic_counters": {"words": "str-list", "counted_by_deed": "str-list"},
        "forward_stops": {"words": "str-list"},
        "figure_verbs": {"words": "str-list"},
        "clause_verbs": {"words": "str-list"},
        "restriction_closers": {"words": "str-list"},
        "measure_names": {"words": "str-list"},
        "anaphoric_counters": {"words": "str-list"},
        "kind_classifiers": {"words": "str-list"},
        "events_before_counted": {"passive": "table"},
        "contributions": {"verbs": "str-list", "leads": "str-list"},
        "bound_restrictions": {"units": "str-list"},
        "incidents": {"counters": "str-list", "verbs": "str-list", "heads": "str-list"},
        "list_headers": {"openers": "str-list", "judgements": "str-list", "place_counters": "str-list", "markers": "regex",
                         "judgement_tail": "regex"},
        "drawn_from": {"openers": "str-list"},
        "segments": {"heads": "str-list"},
        "elliptical_items": {"bases": "str-list", "activities": "str-list"},
        "respective_measures": {"measures": "str-list", "stops": "str-list"},
        "person_events": {"words": "str-list"},
        "topic_levels": {"categories": "str-list", "levels": "str-list", "counted": "str-list"},
        "aspect_markers": {"words": "str-list"},
        "recording_verbs": {"words": "str-list"},
        "name_before_counters": {"words": "str-list", "after_link_verb": "str-list"},
        "person_predicates": {"words": "str-list"},
        "conjunctions": {"words": "str-list"},
        "clause_links": {"words": "str-list"},
        "share_words": {"words": "str-list"},
        "rank_words": {"words": "str-list"},
        "key_words": {"words": "str-list"},
        "new_phrase_openers": {"words": "str-list"},
        "adverbial_pieces": {"words": "str-list"},
        "tail_cuts": {"words": "str-list"},
        "cumulative_openers": {"words": "str-list"},
        "some_places": {"pattern": "regex"},
        "elected_bodies": {"joins": "str-list", "bodies": "str-list", "verbs": "str-list"},
        "place_levels": {"below_units": "str-list", "openers": "str-list"},
        "place_of_names": {"words": "str-list"},
        "example_openers": {"words": "str-list"},
        "dangling_words": {"first": "str-list", "last": "str-list"},
        "limits": {"short_piece_words": "int", "measure_item_words": "int", "max_forward_words": "int", "max_backward_words": "int"},
    },
}

WORD_LISTS = ("counters", "coordinated_counters", "classifiers", "name_numbers", "family_names")


def _check_value(where: str, kind: str, value: Any) -> None:
    if kind == "regex":
        if not isinstance(value, str):
            raise PatternError(f"{where}: expected a regex string")
        try:
            regex.compile(value)
        except regex.error as exc:
            raise PatternError(f"{where}: regex does not compile: {exc}") from None
    elif kind in ("regex-list", "str-list"):
        if not isinstance(value, list) or not value:
            raise PatternError(f"{where}: expected a non-empty list")
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str) or not item:
                raise PatternError(f"{where}: entries must be non-empty strings")
            if item in seen:
                raise PatternError(f"{where}: duplicate entry {item!r}")
            seen.add(item)
            if kind == "regex-list":
                _check_value(f"{where}[{item!r}]", "regex", item)
    elif kind == "int":
        if not isinstance(value, int) or value <= 0:
            raise PatternError(f"{where}: expected a positive integer")
    elif kind == "number":
        if not isinstance(value, (int, float)):
            raise PatternError(f"{where}: expected a number")
    elif kind == "str":
        if not isinstance(value, str) or not value:
            raise PatternError(f"{where}: expected a non-empty string")
    elif kind == "table":
        if not isinstance(value, dict) or not value:
            raise PatternError(f"{where}: expected a non-empty table")


def _validate(name: str, data: dict[str, Any]) -> None:
    schema = SCHEMAS[name]
    for table in data:
        if table not in schema:
            raise PatternError(f"patterns/{name}.toml: unknown table [{table}]")
    for table in schema:
        if table not in data:
            raise PatternError(f"patterns/{name}.toml: missing table [{table}]")
    for table, content in data.items():
        rows = content if isinstance(content, list) else [content]
        for i, row in enumerate(rows):
            where = f"patterns/{name}.toml [{table}]" + (f" #{i + 1}" if isinstance(content, list) else "")
            if not row:
                raise PatternError(f"{where}: empty group")
            keys = schema[table]
            for key, value in row.items():
                kind = keys.get(key, keys.get(key + "?", keys.get("*")))
                if kind is None:
                    raise PatternError(f"{where}: unknown key {key!r}")
                _check_value(f"{where}.{key}", kind, value)
            for key in keys:
                if key != "*" and not key.endswith("?") and key not in row:
                    raise PatternError(f"{where}: missing key {key!r}")


def read_word_list(path: Path) -> tuple[str, ...]:
    """One entry a line; ``#`` starts a comment; duplicates are an error."""
    entries: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if entry in seen:
            raise PatternError(f"{path.name}:{number}: duplicate entry {entry!r}")
        seen.add(entry)
        entries.append(entry)
    if not entries:
        raise PatternError(f"{path.name}: no entries")
    return tuple(entries)


@dataclass(frozen=True)
class Patterns:
    """All pattern data, validated. Attribute names are the file stems."""

    chrome: dict[str, Any]
    legacy_encodings: dict[str, Any]
    header: dict[str, Any]
    numbers: dict[str, Any]
    qualifiers: dict[str, Any]
    units: dict[str, Any]
    not_figures: dict[str, Any]
    dates: dict[str, Any]
    documents: dict[str, Any]
    officials: dict[str, Any]
    localities: dict[str, Any]
    gazetteer: dict[str, Any]
    sentences: dict[str, Any]
    changes: dict[str, Any]
    facts: dict[str, Any]
    subjects: dict[str, Any]
    counters: tuple[str, ...]
    coordinated_counters: tuple[str, ...]
    classifiers: tuple[str, ...]
    name_numbers: tuple[str, ...]
    family_names: tuple[str, ...]


def load_from(folder: Path) -> Patterns:
    """Read and validate every pattern file in ``folder``."""
    tables: dict[str, Any] = {}
    for name in SCHEMAS:
        path = folder / f"{name}.toml"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise PatternError(f"patterns/{name}.toml: missing") from None
        except tomllib.TOMLDecodeError as exc:
            raise PatternError(f"patterns/{name}.toml: {exc}") from None
        _validate(name, data)
        tables[name] = data
    for name in WORD_LISTS:
        tables[name] = read_word_list(folder / f"{name}.txt")
    return Patterns(**tables)


@functools.cache
def load() -> Patterns:
    """The package's pattern data, read once per process."""
    return load_from(HERE)


def unit_level_words(p: Patterns) -> tuple[str, ...]:
    """The level words of localities.toml written out in full ("huyện", "thị
    xã"), without abbreviations ("TP", "H."): the words that, lower-case
    before a name, write an administrative unit."""
    short = {k.lower() for k in p.localities["abbreviations"]}
    return tuple(k.lower() for k in p.localities["level_words"] if k.lower() not in short)
