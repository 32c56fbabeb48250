"""Officials: named people holding office, with every title the text gives them.

Forms read (word lists in ``patterns/officials.toml``):

- "đồng chí NAME, TITLE, TITLE": titles after the name, comma-separated;
- "TITLE ORG NAME": "Trưởng ban Tổ chức Thành ủy Vũ Đức Bảo";
- "ông/bà NAME, TITLE".

A name is a family name (``patterns/family_names.txt``) and one to three
capitalized syllables, or, after an honorific ("ông Lộc Văn Thành"), any
two to four; a capitalized sequence after a place word ("huyện Lâm
Hà") or equal to a known place name ("Hà Nội") is no name. A title is a head
("Phó Chủ tịch") and the organization written after it: capitalized words,
abbreviations (HĐND), the lower-case second syllables of capitalized words
("Tổ chức"), and level words ("tỉnh", "quận"). Bylines never reach this
module: the loader moved them to the article's author.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from vnstats import patterns
from vnstats.extract.gazetteer import normalize_key
from vnstats.extract.text import Parsed, PhraseSet, Token, two_syllable_words
from vnstats.extract.mentions import OfficialMention, Title


# written between a name and its titles, or between two titles
SEPARATORS = frozenset({",", "-", "–", "—", "("})


@dataclass(frozen=True)
class _Rules:
    heads: PhraseSet
    title_words: PhraseSet
    joiners: PhraseSet
    prefixes: PhraseSet
    links: PhraseSet
    appointment_words: PhraseSet
    appointment_verbs: frozenset[str]
    place_words: PhraseSet
    level_words: PhraseSet
    honorifics: PhraseSet
    family: frozenset[str]
    not_names: frozenset[str]
    org_prefix: dict[str, str]
    highland_prefixes: frozenset[str]   # a name opening with one may run to five syllables


@functools.cache
def _rules() -> _Rules:
    p = patterns.load()
    o = p.officials
    return _Rules(
        heads=PhraseSet(o["title_heads"]["words"]),
        title_words=PhraseSet(o["title_words"]["words"]),
        joiners=PhraseSet(o["joiners"]["words"]),
        prefixes=PhraseSet(o["title_prefixes"]["words"]),
        links=PhraseSet(o["title_links"]["words"]),
        appointment_words=PhraseSet(o["appointment_words"]["words"]),
        appointment_verbs=frozenset(w.lower() for w in o["appointment_words"]["verbs"]),
        place_words=PhraseSet(o["place_words"]["words"]),
        level_words=PhraseSet(p.localities["level_words"]),
        honorifics=PhraseSet(o["honorifics"]["words"]),
        family=frozenset(p.family_names),
        not_names=frozenset(n.lower() for n in o["not_names"]["words"]),
        org_prefix={k.lower(): v for k, v in o["organization_prefix"].items()},
        highland_prefixes=frozenset(o["highland_names"]["prefixes"]),
    )


def _capitalized(token: Token) -> bool:
    return token.is_word and token.text[0].isupper()


def _abbreviation(token: Token) -> bool:
    return token.is_word and len(token.text) >= 2 and token.text.isupper()


APOSTROPHES = frozenset({"'", "’"})


def _joined_by_apostrophe(t: list[Token], j: int) -> bool:
    """An apostrophe at token j written inside one syllable: "H'Yim", "K'Ré"."""
    return t[j].text in APOSTROPHES and 0 < j < len(t) - 1 and t[j - 1].end == t[j].start \
        and t[j].end == t[j + 1].start and _capitalized(t[j + 1])


def _name_length(t: list[Token], i: int, place_names: frozenset[str], honored: bool = False) -> int:
    """Tokens of a person's name starting at token i (0: none). ``honored``: an
    honorific stands before it ("ông Lộc Văn Thành"), which says a person is
    named even where the family-name list lacks the first syllable."""
    r = _rules()
    if not (t[i].is_word and (t[i].text in r.family or (honored and _capitalized(t[i])))) or _abbreviation(t[i]):
        return 0
    if r.place_words.match_before(t, i) or r.honorifics.match_at(t, i):
        return 0
    for k in (1, 2):   # "Tỉnh ủy Tây Ninh Nguyễn Văn Quyết": "Ninh" ends the place, the name follows
        if i - k >= 0 and all(_capitalized(tok) for tok in t[i - k:i]) \
                and normalize_key(" ".join(tok.text for tok in t[i - k:i + 1])) in place_names:
            return 0
    j, syllables = i + 1, 1
    # the highland peoples' names run longer and join syllables with an apostrophe
    # ("Y Thanh Hà Niê Kđăm", "H'Yim Kđoh", "Điểu K'Ré")
    longest = 5 if t[i].text in r.highland_prefixes else 4
    while j < len(t) and syllables < longest:
        if _joined_by_apostrophe(t, j):
            j += 2
            continue
        if not _capitalized(t[j]) or _abbreviation(t[j]) or r.heads.match_at(t, j):
            break
        j += 1
        syllables += 1
    if j - i < 2:
        return 0
    name = " ".join(tok.text for tok in t[i:j]).lower()
    if name in r.not_names:
        return 0
    for size in range(j - i, 1, -1):  # "Hà Nội", or a place after a level word: "xã Lê Lợi"
        if normalize_key(" ".join(tok.text for tok in t[i:i + size])) in place_names and (
                size == j - i or r.level_words.match_before(t, i)):
            return 0
    return j - i


def _title_length(t: list[Token], i: int, place_names: frozenset[str], after_name: bool = False) -> int:
    """Tokens of a title starting at token i (0: none). ``after_name``: the
    title is written right after a name, where a lower-case head is a title
    too ("ông Hoàng Tỷ (chủ tịch UBND xã Cù Bị)")."""
    r = _rules()
    prefix = r.prefixes.match_at(t, i)  # "nguyên Phó Bí thư", "Quyền Chủ tịch"
    head = r.heads.match_at(t, i + prefix) if i + prefix < len(t) else 0
    if prefix and not head and r.heads.match_at(t, i):
        prefix, head = 0, r.heads.match_at(t, i)   # "Phó Ban Dân vận": the prefix is part of the head
    if not head or not (t[i + prefix].text[0].isupper() or (prefix and t[i].text[0].isupper()) or after_name):
        return 0  # a lower-case head in running prose ("các ủy viên") is no title
    j = i + prefix + head
    words = two_syllable_words()
    while j < len(t):
        token = t[j]
        if _name_length(t, j, place_names) or (r.heads.match_at(t, j) and j > i + head):
            break
        if _capitalized(token) or _abbreviation(token):
            j += 1
            continue
        if _joined_by_apostrophe(t, j):
            j += 2   # "UBND huyện Đắk R'Lấp"
            continue
        size = r.title_words.match_at(t, j)
        if size:
            j += size
            continue
        if token.is_word and _capitalized(t[j - 1]) and (t[j - 1].lower, token.lower) in words:
            j += 1  # "Tổ chức", "Thường vụ": the lower-case half of a capitalized word
            continue
        link = r.links.match_at(t, j)
        if link and j + link < len(t) and _capitalized(t[j + link]) \
                and not _name_length(t, j + link, place_names):
            j += link  # "Sở Giáo dục và Đào tạo", not "Bí thư Đảng ủy xã và Vì Thị Hương"
            continue
        if token.text == "," and j + 2 < len(t) and r.level_words.match_at(t, j + 1) \
                and _capitalized(t[j + 1 + r.level_words.match_at(t, j + 1)]) \
                and not _name_length(t, j + 1 + r.level_words.match_at(t, j + 1), place_names):
            j += 1 + r.level_words.match_at(t, j + 1)   # "UBND xã Cù Bị, huyện Châu Đức"
            continue
        if token.text == "(" and j + 2 < len(t) and _abbreviation(t[j + 1]) and t[j + 2].text == ")":
            j += 3  # "Sở Giáo dục và Đào tạo (GD-ĐT) tỉnh Nam Định"
            continue
        if token.text == "." and _abbreviation(t[j - 1]) and j + 1 < len(t) and _capitalized(t[j + 1]) \
                and t[j - 1].end == token.start and token.end < t[j + 1].start:
            j += 1  # "UBND TP. Trà Vinh": the abbreviation's dot
            continue
        break
    while j > i and not t[j - 1].is_word and t[j - 1].text != ")":
        j -= 1
    return j - i


def _make_title(s: Parsed, i: int, size: int) -> Title:
    r = _rules()
    t = s.tokens
    first, last = t[i], t[i + size - 1]
    text = s.text[first.start:last.end]
    skip = r.prefixes.match_at(t, i)  # a former office belongs to the same organization
    if skip and r.heads.match_at(t, i + skip):
        i += skip
    head = r.heads.match_at(t, i)
    rest = s.text[t[i + head].start:last.end] if t[i + head - 1] is not last else ""
    head_text = " ".join(tok.lower for tok in t[i:i + head])
    if head >= 3 and (head_text.endswith("ủy viên") or head_text.endswith("uỷ viên")):
        organization = s.text[t[i].start:t[i + head - 2].end]  # "Thành ủy viên": of the Thành ủy
    else:
        prefix = r.org_prefix.get(head_text)
        organization = (f"{prefix} {rest}" if prefix else rest) or None
    return Title(first.start, last.end, text, organization)


def _titles_after(s: Parsed, j: int, place_names) -> list[tuple[int, int]]:
    """Titles written after a name: ", TITLE, TITLE" or " kiêm TITLE"."""
    r = _rules()
    t = s.tokens
    found = []
    if (k := _after_appointment(t, j)) and (size := _title_length(t, k, place_names)):
        found.append((k, size))  # "X được bầu giữ chức Chủ tịch HĐND huyện"
        j = k + size
    while j < len(t):
        if t[j].text in SEPARATORS:  # ", TITLE", " - TITLE", " (TITLE)"
            k = _past_age(t, j + 1)
        elif (size := r.joiners.match_at(t, j)) and found:
            k = j + size
        else:
            break
        size = _title_length(t, k, place_names, after_name=not found) if k < len(t) else 0
        if not size or (k + size < len(t) and _name_length(t, k + size, place_names)):
            break  # none, or the title of the next name: "A, Giám đốc Công an tỉnh B"
        found.append((k, size))
        j = k + size
        if t[k - 1].text == "(" and j < len(t) and t[j].text == ")":
            j += 1
        if j < len(t) and (joiner := r.joiners.match_at(t, j)):
            size = _title_length(t, j + joiner, place_names)
            if size:
                found.append((j + joiner, size))
                j = j + joiner + size
    return found


def _past_age(t: list[Token], k: int) -> int:
    """The token after a person's age or birth year written between the name
    and the title ("ông Nguyễn Văn Mạnh (33 tuổi, Trưởng Công an thị trấn)",
    "đồng chí Dương Thị Ngân, sinh năm 1987, Phó Chủ tịch …", "(SN 1970),
    Chủ tịch …"), else ``k``."""
    i = k
    if i + 2 < len(t) and t[i].lower == "sinh" and t[i + 1].lower == "năm" and t[i + 2].is_number:
        i += 3
    elif i + 1 < len(t) and t[i].lower in ("sn", "s.n") and t[i + 1].is_number:
        i += 2
    elif i + 1 < len(t) and t[i].is_number and t[i + 1].lower == "tuổi":
        i += 2
    else:
        return k
    if i < len(t) and t[i].text == ")":
        i += 1
    return i + 1 if i < len(t) and t[i].text == "," else k


def _after_appointment(t: list[Token], j: int) -> int:
    """Where the office starts after "được bầu giữ chức", "tái đắc cử chức danh"
    (0: no appointment is written at j)."""
    r = _rules()
    verb = False
    while j < len(t):
        size = r.appointment_words.match_at(t, j)
        if size:
            verb = verb or " ".join(tok.lower for tok in t[j:j + size]) in r.appointment_verbs
            j += size
        elif t[j].text == "," and j > 0 and r.appointment_words.match_at(t, j + 1):
            j += 1  # "được điều động, bổ nhiệm giữ chức"
        else:
            break
    return j if verb else 0


def _title_before(s: Parsed, i: int, place_names, floor: int = 0) -> tuple[int, int] | None:
    """The title written right before a name: "Trưởng ban Tổ chức Thành ủy Vũ Đức Bảo"."""
    t = s.tokens
    end = i
    honorific = _rules().honorifics.match_before(t, i)
    if honorific and i - honorific > 0 and t[i - honorific - 1].text in (",", "-", "–"):
        end = i - honorific - 1  # "Chủ tịch UBND tỉnh, ông Nguyễn Văn A", "Bí thư Tỉnh ủy - ông Trương Quốc Huy"
    for p in range(max(floor, end - 15), end):  # not a title an earlier name took
        if _title_length(t, p, place_names) == end - p:
            return p, end - p
    return None


@functools.cache
def _glued_dash() -> regex.Pattern:
    """A dash glued between a name and a title head: "An-Phó Chi cục trưởng"."""
    firsts = {w.split()[0] for w in patterns.load().officials["title_heads"]["words"]}
    firsts |= {w[0].upper() + w[1:] for w in firsts}
    return regex.compile(r"(?<=\p{L})-(?=(?:" + "|".join(sorted(map(regex.escape, firsts))) + r")\s)")


def extract_officials(sentence: str, offset: int = 0,
                      place_names: Iterable[str] = frozenset()) -> list[OfficialMention]:
    """Named office holders of one sentence, each with the titles given there.

    ``place_names``: unit names as ``gazetteer.normalize_key`` gives them
    (``gazetteer.load().names()``), so that "Hà Nội" is no person."""
    places = place_names if isinstance(place_names, frozenset) else frozenset(place_names)
    # "ông Đào Văn An-Phó Chi cục trưởng …": a dash glued between a name and a
    # title separates them; read it as a comma (same length, offsets kept)
    s = Parsed.of(_glued_dash().sub(",", sentence) if "-" in sentence else sentence)
    t = s.tokens
    family, honorifics = _rules().family, _rules().honorifics
    found = []
    # names listed before the one the titles follow: "các đồng chí A Pớt,
    # Nguyễn Văn Hòa, Lê Ngọc Tuấn được bầu giữ chức Phó Bí thư" gives all three
    # the office; the list is names joined by commas or "và", nothing else
    listed: list[tuple[int, int]] = []
    i = claimed = 0
    while i < len(t):
        honored = bool(honorifics.match_before(t, i))
        size = _name_length(t, i, places, honored) if t[i].text in family or honored else 0
        if not size:
            i += 1
            continue
        spans = []
        before = _title_before(s, i, places, claimed)
        if before:
            spans.append(before)
        after = _titles_after(s, i + size, places)
        spans += after
        appointed = bool(after) and after[0][0] == _after_appointment(t, i + size)
        claimed = max([i + size] + [p + n for p, n in spans])
        # "Bà Đoàn Thị Hậu, ông Nguyễn Cảnh Toàn và bà …": an honorific may open each name
        k = i - (honorifics.match_before(t, i) or 0)
        chained = bool(listed) and listed[-1][1] == k - 1 and t[k - 1].text in (",", "và")
        if not chained:
            listed = []
        if spans:
            titles = tuple(_make_title(s, p, n) for p, n in spans)
            shared = tuple(_make_title(s, p, n) for p, n in after) if appointed else ()
            for a, b in listed if shared and not before else ():
                found.append(_mention(sentence, offset, t, a, b - a, shared))
            found.append(_mention(sentence, offset, t, i, size, titles))
            listed = []
        else:
            listed.append((i, i + size))
        i += size
    found.sort(key=lambda m: m.start)
    return found


def officials_for_names(sentence: str, offset: int, names: Iterable[tuple[int, int]],
                        place_names: Iterable[str] = frozenset()) -> list[OfficialMention]:
    """Officials for names another stage found (``names``: sentence offsets),
    each kept only where the title lists read an office right before or after
    it: the rules decide what a title is, the names may be ones they miss
    ("Y Thị Bích Thọ, Chủ nhiệm Ủy ban Kiểm tra")."""
    places = place_names if isinstance(place_names, frozenset) else frozenset(place_names)
    s = Parsed.of(sentence)
    t = s.tokens
    found = []
    for start, end in names:
        first = next((k for k, tok in enumerate(t) if tok.start == start), None)
        last = next((k for k, tok in enumerate(t) if tok.end == end), None)
        if first is None or last is None or last < first:
            continue
        size = last - first + 1
        spans = ([before] if (before := _title_before(s, first, places)) else []) + _titles_after(s, last + 1, places)
        if spans:
            titles = tuple(_make_title(s, p, n) for p, n in spans)
            found.append(dataclasses.replace(_mention(sentence, offset, t, first, size, titles), stage="model"))
    return found


def _mention(sentence: str, offset: int, t: list[Token], i: int, size: int, titles) -> OfficialMention:
    return OfficialMention(
        offset + t[i].start, offset + t[i + size - 1].end,
        sentence[t[i].start:t[i + size - 1].end],
        tuple(Title(offset + x.start, offset + x.end, x.text, x.organization) for x in titles))


def merge_titles(titles: Iterable[str]) -> list[str]:
    """Titles of one person across mentions: each once, and none that only
    repeats the start of a longer one ("Ủy viên Ban Thường vụ" beside
    "Ủy viên Ban Thường vụ Thành ủy")."""
    unique: list[str] = []
    for title in titles:
        if title not in unique:
            unique.append(title)
    return [t for t in unique
            if not any(other != t and other.startswith(t + " ") for other in unique)]
