"""From a page's text to an :class:`Article`: chrome out, metadata read, sentences split.

Stages (each works on normalized lines, so offsets are taken only at the end):

1. normalize characters (``normalize.normalize_text``);
2. cut the trailing chrome block (related articles, visitor statistics,
   weather widgets) and drop chrome lines anywhere (``patterns/chrome.toml``);
3. read the header: the date line, the title, the site tag;
4. read the footer: source URL, byline; photo credits at the end of captions;
5. drop site section labels;
6. join the kept lines as paragraphs and split sentences, keeping offsets.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass

import regex

from vnstats import patterns
from vnstats.corpus.article import Article, Sentence
from vnstats.corpus.normalize import normalize_text


@dataclass(frozen=True)
class _Rules:
    drop_lines: tuple[regex.Pattern, ...]
    tail_markers: tuple[regex.Pattern, ...]
    section_label_max: int
    date: regex.Pattern
    time: regex.Pattern
    date_markers: regex.Pattern
    bare_dateline: regex.Pattern
    bare_years_after: int
    named_year: regex.Pattern
    dateline_max: int
    dateline_search: int
    marked_dateline_search: int
    worded_date: regex.Pattern
    month_numbers: dict[str, int]
    title_date: regex.Pattern
    site_tag: regex.Pattern
    byline: regex.Pattern
    byline_max: int
    caps_byline: regex.Pattern
    byline_search: int
    photo_credit: regex.Pattern
    story_credit: regex.Pattern
    credit_lines_after: int
    source: regex.Pattern
    url: regex.Pattern
    title_fallback: regex.Pattern


@functools.cache
def _rules() -> _Rules:
    p = patterns.load()
    chrome, header = p.chrome, p.header

    def many(items: list[str]) -> tuple[regex.Pattern, ...]:
        return tuple(regex.compile(item, regex.IGNORECASE) for item in items)

    return _Rules(
        drop_lines=many(chrome["drop_lines"]["patterns"]),
        tail_markers=many(chrome["tail_markers"]["patterns"]),
        section_label_max=chrome["section_labels"]["max_length"],
        date=regex.compile(header["dateline"]["date"]),
        time=regex.compile(header["dateline"]["time"]),
        date_markers=regex.compile(header["dateline"]["markers"]),
        bare_dateline=regex.compile(header["dateline"]["bare"], regex.IGNORECASE),
        bare_years_after=header["dateline"]["bare_years_after"],
        named_year=regex.compile(header["dateline"]["named_year"]),
        dateline_max=header["dateline"]["max_length"],
        dateline_search=header["dateline"]["search_lines"],
        marked_dateline_search=header["dateline"]["marked_search_lines"],
        worded_date=regex.compile(header["dateline"]["worded"].replace("{months}", "|".join(
            regex.escape(w).replace(r"\ ", r"\s+")
            for w in sorted(header["dateline"]["month_words"], key=len, reverse=True)))),
        month_numbers={w: n for n, w in enumerate(header["dateline"]["month_words"], 1)},
        title_date=regex.compile(header["dateline"]["title_date"]),
        site_tag=regex.compile(header["site_tag"]["pattern"]),
        byline=regex.compile(header["byline"]["pattern"]),
        byline_max=header["byline"]["max_length"],
        caps_byline=regex.compile(header["byline"]["caps_marker"]),
        byline_search=header["byline"]["search_lines"],
        photo_credit=regex.compile(header["photo_credit"]["pattern"]),
        story_credit=regex.compile(header["story_credit"]["pattern"]),
        credit_lines_after=header["story_credit"]["lines_after"],
        source=regex.compile(header["source"]["pattern"]),
        url=regex.compile(header["source"]["url"]),
        title_fallback=regex.compile(header["title_fallback"]["pattern"]),
    )


def _is_chrome(line: str, rules: _Rules) -> bool:
    return any(p.fullmatch(line) for p in rules.drop_lines)


def _is_section_label(line: str, rules: _Rules) -> bool:
    """A short line in capitals with no digit: a site section, not prose."""
    return (
        len(line) <= rules.section_label_max
        and not any(ch.islower() or ch.isdigit() for ch in line)
        and sum(ch.isalpha() for ch in line) >= 4
    )


def _iso_day(day: str, month: str, year: str) -> str | None:
    """"29", "5", "2019" → "2019-05-29"; None if it is no day."""
    d, m, y = int(day), int(month), int(year)
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None


def _long_before(lines: list[str], dateline: int, year: int, rules: _Rules) -> bool:
    """Whether the text names years and all of them lie long before ``year``
    (a bare date line's): the line is a site's clock, not the article's date."""
    named = [int(m.group()) for i, line in enumerate(lines) if i != dateline
             for m in rules.named_year.finditer(line)]
    return bool(named) and max(named) <= year - rules.bare_years_after


def _parse_dateline(line: str, rules: _Rules, bare: bool = False) -> str | None:
    """ISO date-time from a header date line, or None if it is not one.
    With `bare`, a line holding nothing but a date is one too."""
    if len(line) > rules.dateline_max:
        return None
    date = rules.date.search(line)
    if not date:
        worded = rules.worded_date.search(line)
        if not worded:
            return None
        month = worded.group(2).lower()
        month = month if month.isdigit() else str(rules.month_numbers[" ".join(month.split())])
        line = f"{line[:worded.start()]}{worded.group(1)}/{month}/{worded.group(3)}{line[worded.end():]}"
        date = rules.date.search(line)
    # the time must not be part of the date itself
    time = next((t for t in rules.time.finditer(line)
                 if t.end() <= date.start() or t.start() >= date.end()), None)
    if not time and not rules.date_markers.search(line) and not (bare and rules.bare_dateline.match(line)):
        return None
    iso = _iso_day(*date.groups())
    if iso is None:
        return None
    if time:
        hour, minute = int(time.group(1)), int(time.group(2))
        if hour < 24 and minute < 60:
            iso += f"T{hour:02d}:{minute:02d}"
    return iso


@dataclass
class _Page:
    lines: list[str]
    title: str | None = None
    published: str | None = None
    site: str | None = None
    author: str | None = None
    photographer: str | None = None
    url: str | None = None


def _cut_tail(lines: list[str], rules: _Rules) -> list[str]:
    """Drop everything from the first tail marker that follows body prose,
    and a closing run of other stories' teasers."""
    seen_prose = False
    for i, line in enumerate(lines):
        if seen_prose and any(p.fullmatch(line) for p in rules.tail_markers):
            return lines[:i]
        words = len(line.split())
        if words >= 30 or words >= 12 and line.rstrip()[-1:] in ".!?…;:\"”)":
            seen_prose = True   # a sentence of the body, not a header line or a long title
    return _without_teasers(lines)


TEASER_ENDS = ("...", "…")


def _without_teasers(lines: list[str]) -> list[str]:
    """Related stories listed at the foot of a page, each cut short with an
    ellipsis ("Sáng 14.11, đoàn giám sát của … có..."): two or more such lines
    closing the page (the last may be cut off by the archive), after the
    article's own closing byline, are not the article."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    start, teasers = len(lines), 0
    for position, i in enumerate(reversed(filled)):
        line = lines[i].rstrip()
        if line.endswith(TEASER_ENDS) and len(line.split()) >= 6:
            start, teasers = i, teasers + 1
        elif position == 0:
            continue   # the page's last line, cut off mid-teaser
        else:
            break
    if teasers < 2:
        return lines
    # the article has ended before them with a short line of its own: a byline
    # ("Mai Liên") or a section label; paragraphs of the body may end with "…" too
    before = [i for i in filled if i < start]
    if not before or len(lines[before[-1]].split()) > 5 or lines[before[-1]].rstrip().endswith((".", "…", ":")) \
            or not any(len(lines[i].split()) >= 12 for i in before[:-1]):
        return lines   # no byline after body prose: the lines are the body
    return lines[:start]


def _read_header(page: _Page, fallback_title: str | None, rules: _Rules) -> None:
    lines = page.lines
    content = [i for i, line in enumerate(lines) if line][: rules.dateline_search]
    dateline = None
    found = [(i, iso) for i in content if (iso := _parse_dateline(lines[i], rules))]
    if not found:
        # below a long masthead ("EMAIL: …", "ĐIỆN THOẠI: …"), a line that says it dates the page
        # ("(Cập nhật: 18/06/2021)") still does, up to the first paragraph of prose
        for i in [i for i, line in enumerate(lines) if line][rules.dateline_search:rules.marked_dateline_search]:
            if len(lines[i].split()) >= 20:
                break
            if rules.date_markers.search(lines[i]) and (iso := _parse_dateline(lines[i], rules)):
                content = [j for j in range(i + 1) if lines[j]]
                found = [(i, iso)]
                break
    # a line with a time before one with only a weekday: "HOTLINE … Thứ ba, ngày 15/12/2016" above the
    # title is the site's clock, "09/11/2018 | 11:08 GMT+7" under it the article's date line
    timed = [(i, iso) for i, iso in found if "T" in iso]
    if len(found) > 1 and found[0][0] == content[0]:
        # two date lines, the first opening the page above the title: the site's clock
        # ("Thứ Hai, 25/11/2024 17:49" over the title, "Thứ 3, 15/03/2016 | 00:00:00" under it)
        lines[found[0][0]] = ""
        found = found[1:]
        timed = [(i, iso) for i, iso in found if "T" in iso]
        content = [i for i in content if lines[i]]
    if found:
        dateline, page.published = (timed or found)[0]
        for i, iso in found:
            if i != dateline and "T" not in iso and len(lines[i].split()) <= 15:
                lines[i] = ""   # the site's date stamp
    bare_lines = [i for i in content if lines[i] and _parse_dateline(lines[i], rules, bare=True)
                  and not _parse_dateline(lines[i], rules)]
    if dateline is None and bare_lines:
        dateline = bare_lines[0]
        iso = _parse_dateline(lines[dateline], rules, bare=True)
        if not _long_before(lines, dateline, int(iso[:4]), rules):
            page.published = iso
    for i in bare_lines:
        if i != dateline:
            lines[i] = ""   # a site's date stamp, not the article's
    title_at = None
    if dateline is not None:
        # the title is the last prose line above the date line (a kicker or a
        # section label may stand above it)
        above = [i for i in content if i < dateline and lines[i]]
        prose = [i for i in above if not _is_section_label(lines[i], rules)]
        if prose:
            title_at = prose[-1]
        elif above:
            title_at = above[-1]
        lines[dateline] = ""
    elif content and len(lines[content[0]]) <= 250:
        title_at = content[0]
    if title_at is not None:
        page.title = lines[title_at]
        stamped = rules.title_date.search(page.title) if page.published is None else None
        if stamped and _iso_day(*stamped.groups()):   # "… tăng 103% (29-05-2019)": the page's date
            page.published = _iso_day(*stamped.groups())
            page.title = lines[title_at] = page.title[:stamped.start()]
    elif fallback_title:
        page.title = fallback_title
    # the site tag opens the first paragraph after the header
    start = (dateline if dateline is not None else (title_at if title_at is not None else -1)) + 1
    for line in lines[start:]:
        if line:
            tag = rules.site_tag.match(line)
            if tag:
                page.site = tag.group(1)
            break


def _cut_after_story_credit(page: _Page, rules: _Rules) -> None:
    """"Tin và ảnh: THỦY TIÊN" near the end closes the story: its name is the
    author, and the few lines after it are another story's teaser."""
    lines = page.lines
    filled = [i for i, line in enumerate(lines) if line]
    for k in range(len(filled) - 1, max(-1, len(filled) - 2 - rules.credit_lines_after), -1):
        credit = rules.story_credit.match(lines[filled[k]])
        if credit and k >= 2:
            page.author = page.author or credit.group(1).strip()
            for i in filled[k:]:
                lines[i] = ""
            return


def _read_footer(page: _Page, rules: _Rules) -> None:
    lines = page.lines
    tail = [i for i, line in enumerate(lines) if line][-(rules.byline_search + 1):]
    for i in reversed(tail):
        line = lines[i]
        if _is_section_label(line, rules) and not rules.caps_byline.search(line):
            lines[i] = ""  # a section label below the article ("TIN TỨC DU LỊCH - LỄ HỘI")
            continue
        source = rules.source.match(line)
        if source:
            url = rules.url.search(source.group(1))
            page.url = url.group(0) if url else source.group(1)
            lines[i] = ""
            continue
        if page.author is None and len(line) <= rules.byline_max and line != page.title:
            byline = rules.byline.match(line)
            if byline:
                page.author = byline.group(1).strip()
                if byline.group(2):
                    page.photographer = byline.group(2).strip()
                lines[i] = ""
                continue
        if len(line) > rules.byline_max:
            break
    for i, line in enumerate(lines):
        credit = rules.photo_credit.search(line)
        if credit and credit.start() > 0:
            page.photographer = page.photographer or credit.group(1).strip()
            lines[i] = line[: credit.start()].rstrip()


def _ends_with_abbreviation(sentence: str) -> bool:
    words = sentence.split()
    return bool(words) and words[-1] in _abbreviations()


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(patterns.load().sentences["abbreviations"]["words"])


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph (underthesea's splitter, offsets kept)."""
    from underthesea import sent_tokenize  # loaded once, on first use

    spans: list[tuple[int, int]] = []
    cursor = 0
    for sentence in sent_tokenize(paragraph):
        sentence = sentence.strip()
        if not sentence:
            continue
        at = paragraph.find(sentence, cursor)
        if at < 0:  # the splitter changed the text: keep the rest as one sentence
            break
        if spans and _ends_with_abbreviation(paragraph[spans[-1][0]:spans[-1][1]]):
            spans[-1] = (spans[-1][0], at + len(sentence))   # "… TX. | Giá Rai là 750 đảng viên"
        else:
            spans.append((at, at + len(sentence)))
        cursor = at + len(sentence)
    rest = paragraph[cursor:].strip()
    if rest:
        at = paragraph.index(rest, cursor)
        spans.append((at, at + len(rest)))
    return spans


def content_hash(text: str) -> str:
    """Identity of an article's content: SHA-256 of its normalized text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _published_from_meta(value: str | None, rules: _Rules) -> str | None:
    """An ISO date-time, or a date line ("02/05/2024 16:09"), as given by a record."""
    if not value:
        return None
    iso = regex.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?", value.strip())
    if iso:
        y, mo, d, h, mi = iso.groups()
        return f"{y}-{mo}-{d}" + (f"T{h}:{mi}" if h else "")
    date = rules.date.search(value)
    if date:
        day, month, year = (int(g) for g in date.groups())
        time = rules.time.search(value[date.end():]) or rules.time.search(value[:date.start()])
        stamp = f"{year:04d}-{month:02d}-{day:02d}"
        return stamp + (f"T{int(time.group(1)):02d}:{time.group(2)}" if time else "")
    return None


# a line that stops mid-sentence: no closing punctuation, the last word lower-case or a number
_OPEN_END = regex.compile(r"[\p{Ll}\d,]\s*$")
# a line that goes on a sentence: it opens lower-case
_GOES_ON = regex.compile(r"^\s*\p{Ll}")


def _unwrapped(paragraphs: list[str], title: str | None) -> list[str]:
    """Lines a page broke inside a sentence ("… đạt tỷ" / "lệ 83% dự toán …")
    joined into one paragraph: a line that ends with no closing punctuation,
    followed by one that opens lower-case. (Not one that opens with a number:
    a page's list items and captions do.)"""
    out: list[str] = []
    for line in paragraphs:
        if out and out[-1] != title and _OPEN_END.search(out[-1]) and _GOES_ON.match(line):
            out[-1] = f"{out[-1].rstrip()} {line.lstrip()}"
        else:
            out.append(line)
    return out


def _split(paragraphs: list[str]) -> tuple[str, tuple[Sentence, ...]]:
    """The paragraphs joined into the article's text, and its sentences with offsets into it."""
    text_parts: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    for p_index, paragraph in enumerate(paragraphs):
        for start, end in split_sentences(paragraph):
            sentences.append(Sentence(len(sentences), p_index, offset + start, offset + end,
                                      paragraph[start:end]))
        text_parts.append(paragraph)
        offset += len(paragraph) + 1
    return "\n".join(text_parts), tuple(sentences)


def stored_article(row: dict) -> Article:
    """An article as stored (cleaned text and metadata), split again without
    cleaning it again: what `vnstats reextract` reads. Cleaning is not
    repeated, since a cleaned text is no page and its rules do not apply."""
    text, sentences = _split(row["text"].split("\n"))
    return Article(source=row["source"], name=row["name"], text=text, content_hash=row["content_hash"],
                   title=row["title"], published=row["published"], site=row["site"], author=row["author"],
                   photographer=row["photographer"], url=row["url"], sentences=sentences,
                   member=row["member"], record=row["record"])


def build_article(source: str, name: str, raw: str, meta: dict | None = None,
                  normalized: str | None = None) -> Article:
    """Clean a page's text and split it, keeping every offset into ``Article.text``.

    ``meta`` (title, published, url, author, from a structured record or
    trafilatura) wins over what the page's own header says; ``normalized``
    is ``normalize_text(raw)`` when the caller has it already.
    """
    rules = _rules()
    meta = meta or {}
    normalized = normalize_text(raw) if normalized is None else normalized
    lines = normalized.split("\n")
    fallback_title = next((m.group(1) for m in map(rules.title_fallback.match, lines) if m), None)
    lines = _cut_tail(lines, rules)
    page = _Page([("" if _is_chrome(line, rules) else line) for line in lines])
    _read_header(page, fallback_title, rules)
    _cut_after_story_credit(page, rules)
    _read_footer(page, rules)
    paragraphs = _unwrapped([line for line in page.lines
                             if line and (line == page.title or not _is_section_label(line, rules))], page.title)

    text, sentences = _split(paragraphs)
    return Article(
        source=source, name=name, text=text, content_hash=content_hash(normalized),
        title=normalize_text(meta["title"]) if meta.get("title") else page.title,
        published=_published_from_meta(meta.get("published"), rules) or page.published,
        site=page.site or meta.get("source"), author=meta.get("author") or page.author,
        photographer=page.photographer, url=meta.get("url") or page.url, sentences=sentences,
    )
