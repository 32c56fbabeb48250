"""Numbered documents: type, code, issuing body, issue date."""

from __future__ import annotations

import functools

import regex

from vnstats import patterns
from vnstats.extract.mentions import DocumentMention
from vnstats.extract.text import has_digit


@functools.cache
def _rules() -> tuple[regex.Pattern, dict[str, str], frozenset[str]]:
    data = patterns.load().documents
    types = {k.lower(): v for k, v in data["types"].items()}
    alternation = "|".join(regex.escape(t) for t in sorted(types, key=len, reverse=True))
    bare = data["bare_number"]
    without_so = "|".join(regex.escape(t) for t in sorted(bare["types_without_so"], key=len, reverse=True))
    # a coded number ("04-NQ/TU") after any joiner; a bare one after "số", or after the types that allow it
    number = (r"(?:" + data["number"]["joiner"] + r"(?P<number>" + data["number"]["pattern"] + r")"
              r"|\s+số\s*:?\s*(?P<number>" + bare["pattern"] + r")"
              r"|(?<=(?:" + without_so + r"))\s+(?P<number>" + bare["pattern"] + r"))")
    pattern = regex.compile(
        r"(?<![\p{L}])(?P<type>" + alternation + r")" + number
        + r"(?:" + data["issue_date"]["pattern"] + r")?",
        regex.IGNORECASE)
    return pattern, types, frozenset(data["type_codes"]["codes"])


def issuer_of(number: str, type_codes: frozenset[str]) -> str | None:
    """'04-NQ/TU' -> 'TU'; '1234/QĐ-UBND' -> 'UBND'; '100/2019/NĐ-CP' -> 'CP'."""
    last = number.split("/")[-1]
    head, _, rest = last.replace("\u2011", "-").partition("-")   # a non-breaking hyphen is a hyphen
    if rest and head in type_codes:
        return rest
    return last if not last[:1].isdigit() else None   # "Nghị quyết 30a": a bare number names no issuer


def extract_documents(sentence: str, offset: int = 0) -> list[DocumentMention]:
    if not has_digit(sentence):
        return []  # a numbered document has digits
    pattern, types, codes = _rules()
    found = []
    for m in pattern.finditer(sentence):
        number = regex.sub(r"\s+", "", m.group("number")).rstrip(".")
        end = m.end() if m.group("d") else m.start("number") + len(m.group("number").rstrip("."))
        issue = None
        if m.group("d"):
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                issue = f"{y:04d}-{mo:02d}-{d:02d}"
        found.append(DocumentMention(offset + m.start(), offset + end, sentence[m.start():end],
                                     types[m.group("type").lower()], number, issuer_of(number, codes), issue))
    return found
