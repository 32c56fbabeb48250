"""Dates and periods, resolved against the publication date.

``extract_dates(sentence, offset, published)`` finds the forms of
``patterns/dates.toml`` and gives each a start and an end at the precision
the text gives ("2017", "2017-10", "2017-10-24") and a granularity (day,
month, quarter, half, year, period). A day or month written without a year
takes the publication year; with no publication date it keeps only what the
text gives ("--05-02", ISO 8601's form for a day with no year) and relative
years ("năm nay") are left out rather than guessed from today.
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import regex

from vnstats import patterns
from vnstats.extract.mentions import DateMention
from vnstats.extract.text import has_digit

# the forms that need no digit start with or hold one of these
WORDS_WITHOUT_DIGITS = ("năm", "tết", "rằm", "tháng", "quốc khánh", "giải phóng", "lao động")
_MONTH_COUNTS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
                 "mười một": 11, "mười hai": 12}
GRANULARITIES = ("day", "month", "quarter", "half", "year", "period")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True)
class _Form:
    kind: str
    name: str
    pattern: regex.Pattern
    needs: tuple[str, ...] = ()   # a sentence holding none of these cannot match: the scan is skipped


@functools.cache
def _forms() -> tuple[tuple[_Form, ...], dict, dict, int]:
    data = patterns.load().dates
    forms = tuple(_Form(f["kind"], f["name"], regex.compile(f["pattern"]), tuple(f.get("needs", ())))
                  for f in data["form"])
    return forms, data["months"], data["relative_years"], data["limits"]["future_days"]


def _group(match: regex.Match, *names: str) -> str | None:
    for name in names:
        if name in match.groupdict() and match.group(name):
            return match.group(name)
    return None


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


# periods of months that keep their months where nothing gives the year
YEARLESS_KINDS = frozenset({"month", "month_range", "quarter", "months_of_year", "half_year"})
YEARLESS_STAND_IN = 2001


def _normalize(kind: str, m: regex.Match, published: date | None) -> tuple[str, str, str] | None:
    """(start, end, granularity) of one match, or None if it is no valid date."""
    _, parts, relative, future_days = _forms()
    year_text = _group(m, "y", "y_")
    rel = _group(m, "rel")
    year = int(year_text) if year_text else None
    if year is None and rel is not None:
        if published is None:
            return None
        year = published.year + int(relative[rel.lower()])
    if kind == "day":
        d, mo = int(m.group("d")), int(m.group("m"))
        if not _valid_day(year, mo, d):
            return None
        iso = f"{year:04d}-{mo:02d}-{d:02d}"
        return iso, iso, "day"
    if kind == "day_range":
        return _day_range(m, published, future_days)
    if kind == "until_now":
        return _until_now(m, published)
    if kind == "week":
        return _week(m, year, published)
    if kind == "first_months":   # "những tháng đầu năm": January to the month of writing
        if published is None or (year is not None and year != published.year):
            return None
        return f"{published.year:04d}-01", f"{published.year:04d}-{published.month:02d}", "period"
    if kind == "past_hours":   # "24 giờ qua": the day before writing and the day itself
        if published is None:
            return None
        return (published - timedelta(days=int(m.group("h")) // 24)).isoformat(), published.isoformat(), "period"
    if kind == "from_start_to_day":
        return _from_start_to_day(m, published, future_days)
    if kind in ("lunar", "bare_tet"):
        return _lunar(m, published)
    if kind == "holiday":
        named = " ".join(m.group("holiday").lower().split())
        day = next(v for k, v in patterns.load().dates["holidays"].items() if k in named)
        return _holiday(day, year, published)
    if kind == "day_no_year":
        d, mo = int(m.group("d")), int(m.group("m"))
        if published is None:
            if not _valid_day(2000, mo, d):  # a leap year admits 29/2
                return None
            iso = f"--{mo:02d}-{d:02d}"
            return iso, iso, "day"
        year = published.year
        if not _valid_day(year, mo, d) and not _valid_day(year - 1, mo, d):
            return None
        if _valid_day(year, mo, d) and date(year, mo, d) - published > timedelta(days=future_days):
            year -= 1  # "ngày 28/12" in a January article
        if not _valid_day(year, mo, d):
            return None
        iso = f"{year:04d}-{mo:02d}-{d:02d}"
        return iso, iso, "day"
    if kind == "period":
        y1, y2 = int(m.group("y")), int(m.group("y2"))
        if y2 < y1:
            return None
        return f"{y1:04d}", f"{y2:04d}", "period"
    if year is None:
        if published is None:
            if kind in YEARLESS_KINDS and rel is None:
                # "tháng 9", "7 tháng đầu năm", "quý II" with no year anywhere: months without it
                found = _normalize(kind, m, date(YEARLESS_STAND_IN, 12, 31))
                return found and (found[0].replace(f"{YEARLESS_STAND_IN}-", "--"),
                                  found[1].replace(f"{YEARLESS_STAND_IN}-", "--"), found[2])
            return None
        year = published.year
    if kind == "half_year":
        first = m.group("part").lower() == "đầu"
        return (f"{year:04d}-01", f"{year:04d}-06", "half") if first else (f"{year:04d}-07", f"{year:04d}-12", "half")
    if kind == "half_month":
        mo = int(m.group("m"))
        last = calendar.monthrange(year, mo)[1]
        first_half = m.group("part").lower() == "đầu"
        start, end = (1, 15) if first_half else (16, last)
        return f"{year:04d}-{mo:02d}-{start:02d}", f"{year:04d}-{mo:02d}-{end:02d}", "period"
    if kind == "quarter":
        q = m.group("q").upper()
        q = ROMAN.get(q) or int(q)
        return f"{year:04d}-{3 * q - 2:02d}", f"{year:04d}-{3 * q:02d}", "quarter"
    if kind == "months_of_year":
        n = int(m.group("n")) if m.group("n") else _MONTH_COUNTS[" ".join(m.group("nw").lower().split())]
        if not 1 <= n <= 12:
            return None
        part = parts.get((_group(m, "part") or "").lower(), "first")
        first = 13 - n if part == "last" else 1
        last = first + n - 1
        granularity = "half" if n == 6 else ("year" if n == 12 else "period")
        return f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}", granularity
    if kind == "month":
        mo = int(m.group("m"))
        return f"{year:04d}-{mo:02d}", f"{year:04d}-{mo:02d}", "month"
    if kind == "month_range":
        first, last = int(m.group("m")), int(m.group("m2"))
        if last <= first:
            return None   # "tháng 12 - 1" crosses a year the text does not write
        return f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}", "period"
    if kind in ("year", "relative_year"):
        return f"{year:04d}", f"{year:04d}", "year"
    raise ValueError(f"patterns/dates.toml: unknown kind {kind!r}")


CAN = ("giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý")
CHI = ("tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi")
CHI_SPELLINGS = {"mẹo": "mão", "tị": "tỵ"}


def _can_chi_year(can: str, chi: str, near: int) -> int:
    """The lunar year named "Giáp Thìn" nearest to the year ``near`` (1984 is Giáp Tý)."""
    stem = CAN.index(can.lower())
    branch = CHI.index(CHI_SPELLINGS.get(chi.lower(), chi.lower()))
    cycle = next(k for k in range(60) if k % 10 == stem and k % 12 == branch)
    base = 1984 + cycle
    return min((base + 60 * n for n in range(-3, 3)), key=lambda y: (abs(y - near), -y))


def _latest_can_chi_year(can: str, chi: str, until: int) -> int:
    """The latest lunar year named "Đinh Dậu" no later than ``until``."""
    nearest = _can_chi_year(can, chi, until)
    return nearest if nearest <= until else nearest - 60


def _lunar(m: regex.Match, published: date | None) -> tuple[str, str, str] | None:
    """A lunar date, converted with the Vietnamese calendar (UTC+7; lunar_vn):
    "mùng 3 Tết Giáp Thìn" is 2024-02-12."""
    from lunar_vn import LunarDate, lunar_to_solar

    groups = {k: v for k, v in m.groupdict().items() if v}
    day = 15 if groups.get("full") else int(groups.get("ld", 1))
    month = 1
    if "lm" in groups or "lmw" in groups:
        month = patterns.load().dates["lunar_months"][" ".join((groups.get("lm") or groups["lmw"]).lower().split())]
    elif "lmn" in groups or "lmn_" in groups:
        month = int(groups.get("lmn") or groups["lmn_"])
    can = groups.get("can") or groups.get("can_")
    chi = groups.get("chi") or groups.get("chi_")
    if "y" in groups:
        years = [int(groups["y"])]
    elif can and chi:
        # the sixty-year cycle falls in the era of the publication date; on a page
        # without one, in the sixty years up to next year ("Tết Đinh Dậu" is 2017)
        years = [_can_chi_year(can, chi, published.year) if published
                 else _latest_can_chi_year(can, chi, date.today().year + 1)]
    elif published:
        years = [published.year - 1, published.year, published.year + 1]
    else:
        return None
    options = []
    for year in years:
        try:
            options.append(lunar_to_solar(LunarDate(day, month, year)))
        except ValueError:
            continue
    if not options:
        return None
    # without a year, the one nearest the publication date ("23 tháng Chạp" in a January article)
    solar = min(options, key=lambda d: abs((d - published).days)) if published and len(options) > 1 else options[0]
    iso = solar.isoformat()
    if groups.get("ld2"):   # "mùng 1-5 Tết": through the later day of the same new year
        last = solar + timedelta(days=int(groups["ld2"]) - day)
        return (iso, last.isoformat(), "period") if last > solar else None
    return iso, iso, "day"


def _until_now(m: regex.Match, published: date | None) -> tuple[str, str, str] | None:
    """"từ năm 2004 đến nay", "từ ngày 1-3 đến nay": from the named start to
    the day of writing; "từ đầu năm đến nay": from January to the month of writing."""
    if published is None:
        return None
    if m.group("start_of_year") is not None:
        year = int(m.group("y")) if m.group("y") else published.year
        return f"{year:04d}-01", f"{published.year:04d}-{published.month:02d}", "period"
    if m.group("y_"):
        return m.group("y_"), published.isoformat(), "period"
    if m.group("d"):   # "từ ngày 1-3 đến nay": from that day to the day of writing, within the year before it
        day, month = int(m.group("d")), int(m.group("md"))
        year = int(m.group("y3")) if m.group("y3") else (
            published.year if (month, day) <= (published.month, published.day) else published.year - 1)
        try:
            start = date(year, month, day)
        except ValueError:
            return None
        return start.isoformat(), published.isoformat(), "period"
    year = int(m.group("y2")) if m.group("y2") else published.year
    return f"{year:04d}-{int(m.group('m')):02d}", f"{published.year:04d}-{published.month:02d}", "period"


def _holiday(month_day: str, year: int | None, published: date | None) -> tuple[str, str, str] | None:
    """A holiday named without its day: "Tết Dương lịch" is 1 January."""
    if year is None:
        if published is None:
            return f"--{month_day}", f"--{month_day}", "day"
        # the one nearest the publication date: "Tết Dương lịch" in December is the coming one
        year = min((published.year + k for k in (-1, 0, 1)),
                   key=lambda y: abs((date.fromisoformat(f"{y:04d}-{month_day}") - published).days))
    iso = f"{year:04d}-{month_day}"
    return iso, iso, "day"


def _day_range(m: regex.Match, published: date | None, future_days: int) -> tuple[str, str, str] | None:
    """"Từ ngày 08/8/2022 đến ngày 29/9/2022", "từ ngày 3-7/11": one period of days."""
    d1, d2 = int(m.group("d")), int(m.group("d2"))
    m1 = int(m.group("m"))
    m2 = int(_group(m, "m2") or m1)
    y2 = _group(m, "y2") or _group(m, "y")
    y1 = _group(m, "y")
    if y2 is None:
        if published is None:
            if not (_valid_day(2000, m1, d1) and _valid_day(2000, m2, d2)):
                return None
            return f"--{m1:02d}-{d1:02d}", f"--{m2:02d}-{d2:02d}", "period"
        y2 = published.year
        if _valid_day(y2, m2, d2) and date(y2, m2, d2) - published > timedelta(days=future_days):
            y2 -= 1
    y2 = int(y2)
    y1 = int(y1) if y1 else (y2 - 1 if (m1, d1) > (m2, d2) else y2)
    if not (_valid_day(y1, m1, d1) and _valid_day(y2, m2, d2)) or date(y1, m1, d1) >= date(y2, m2, d2):
        return None
    return f"{y1:04d}-{m1:02d}-{d1:02d}", f"{y2:04d}-{m2:02d}-{d2:02d}", "period"


def _week(m: regex.Match, year: int | None, published: date | None) -> tuple[str, str, str] | None:
    """"tuần 8/2023": Monday to Sunday of ISO week 8 of 2023 (the weeks of
    the health ministry's surveillance reports)."""
    year = year or (published.year if published else None)
    if year is None:
        return None
    w1 = int(m.group("w"))
    w2 = int(m.group("w2")) if m.group("w2") else w1
    weeks = date(year, 12, 28).isocalendar()[1]   # 52 or 53
    if not 1 <= w1 <= w2 <= weeks:
        return None
    return date.fromisocalendar(year, w1, 1).isoformat(), date.fromisocalendar(year, w2, 7).isoformat(), "period"


def _from_start_to_day(m: regex.Match, published: date | None, future_days: int) -> tuple[str, str, str] | None:
    """"từ đầu năm đến ngày 20/10/2025": from the first day of the year (or of
    the named month) to the day named, in the end's year."""
    d2, m2 = int(m.group("d2")), int(m.group("m2"))
    m1 = int(m.group("m")) if m.group("m") else 1
    year = _group(m, "y2") or _group(m, "y")
    if year is None:
        if published is None:
            return (f"--{m1:02d}-01", f"--{m2:02d}-{d2:02d}", "period") if _valid_day(2000, m2, d2) else None
        year = published.year
        if _valid_day(year, m2, d2) and date(year, m2, d2) - published > timedelta(days=future_days):
            year -= 1
    year = int(year)
    if not _valid_day(year, m2, d2) or (m2, d2) < (m1, 1):
        return None
    return f"{year:04d}-{m1:02d}-01", f"{year:04d}-{m2:02d}-{d2:02d}", "period"


def comparison_base_years(text: str) -> list[int]:
    """Years named as a comparison base: "so với cùng kỳ năm 2023" -> 2023,
    "cao hơn năm 2011" -> 2011. What makes a year a base is one rule for the
    whole project: patterns/facts.toml, [comparison_base]."""
    before = _comparison_base()
    return [int(m.group(1)) for m in YEAR_WITH_WORD.finditer(text) if before.search(text[:m.start()])] \
        + [int(m.group(1)) for m in EARLIER_VALUE.finditer(text)]


# "năm 2020", or a bare year right after "cùng kỳ" ("so với cùng kỳ 2020") or
# a crop season ("so với vụ Hè Thu 2022")
YEAR_WITH_WORD = regex.compile(r"(?i)(?:\bnăm\s+|(?<=\bcùng\s+k[ỳì]\s+)|(?<=\bvụ(?:\s+\p{L}+){1,2}\s+))"
                               r"((?:19|20)\d{2})(?![\d]|[.,]\d|\s*[-–]\s*\d)")
# the earlier value of a figure in brackets after it: "đạt 98,3% (năm 2023 là 96,61%)"
EARLIER_VALUE = regex.compile(r"(?i)\(\s*năm\s+((?:19|20)\d{2})\s*(?:là|đạt|:)\s*[\d]")


@functools.cache
def _comparison_base() -> regex.Pattern:
    return regex.compile(patterns.load().facts["comparison_base"]["before"])


@functools.cache
def _year_pattern(table: str) -> regex.Pattern:
    """A pattern of patterns/dates.toml whose group ``y`` is a year of some kind."""
    return regex.compile(patterns.load().dates[table]["pattern"])


def birth_years(text: str) -> list[int]:
    """Years named as a person's birth: "(sinh năm 1964)", "(SN 1987)"."""
    return [int(m.group("y")) for m in _year_pattern("birth_years").finditer(text)]


def birth_year_spans(text: str) -> list[tuple[int, int]]:
    """Where in ``text`` those years are written."""
    return [m.span("y") for m in _year_pattern("birth_years").finditer(text)]


def issue_date_years(text: str) -> list[int]:
    """Years of the days documents were issued: "Quyết định số 190-QĐ/TW, ngày 10-10-2024"."""
    return [int(m.group("y")) for m in _year_pattern("issue_date_years").finditer(text)]


def deadline_years(text: str) -> list[int]:
    """Bare years a plan runs to or is expected in: "Đến 2020, KCN này sẽ mở rộng …"."""
    return [int(m.group("y")) for m in _year_pattern("deadline_years").finditer(text)]


def completed_years(text: str) -> list[int]:
    """Years a sentence speaks of as over: "Đến hết năm 2013, tỉnh có 20 xã …"."""
    if regex.search(patterns.load().dates["completed_years"]["plans"], text):
        return []
    return [int(m.group("y")) for m in _year_pattern("completed_years").finditer(text)]


def past_terms(sentence: str, offset: int, named: list[DateMention], year: int | None) -> list[DateMention]:
    """"nhiệm kỳ qua" in one sentence, given the terms the article names
    (``named``: periods of several years written "nhiệm kỳ …") and the year
    it is written in: the term before the latest named one where that one
    begins no earlier than the writing ("Đại hội nhiệm kỳ 2025-2030"), the
    named one itself where it has ended. Nothing where no term is named."""
    terms = [(int(d.date_start[:4]), int(d.date_end[:4])) for d in named
             if d.date_start[:4].isdigit() and d.date_end[:4].isdigit() and d.date_end[:4] > d.date_start[:4]]
    if not terms or year is None:
        return []
    start, end = max(terms)
    if start >= year:
        start, end = start - (end - start), start
    elif end > year:
        return []   # the named term is running: which one "qua" means is not clear
    return [DateMention(offset + m.start(), offset + m.end(), m.group(0), f"{start:04d}", f"{end:04d}", "period",
                        "past_term") for m in _year_pattern("past_term").finditer(sentence)]


def reference_date(mentions: list[DateMention], base_years: Iterable[int] = (),
                   not_report_years: Iterable[int] = (), issue_years: Iterable[int] = ()) -> date | None:
    """As ``_reference_date``; the years documents were issued in
    (``issue_years``) count only where nothing else gives a year."""
    not_report_years = list(not_report_years)
    return _reference_date(mentions, base_years, not_report_years + list(issue_years)) \
        or _reference_date(mentions, base_years, not_report_years)


def _school_years(mentions: list[DateMention]) -> set[int]:
    """The year of writing each school year the page names gives (patterns/dates.toml
    [school_year]): its second year where a day without a year falls in spring or
    summer, or where none is written; its first where one falls in the autumn."""
    data = patterns.load().dates["school_year"]
    spans = [(int(m.date_start), int(m.date_end)) for m in mentions
             if m.text.lower().startswith(tuple(data["openers"])) and m.date_start.isdigit()
             and m.date_end.isdigit() and int(m.date_end) == int(m.date_start) + 1]
    months = {int(m.date_start[2:4]) for m in mentions if m.date_start.startswith("--") and m.date_start[2:4].isdigit()}
    autumn_only = bool(months) and all(month > data["last_month"] for month in months)
    return {first if autumn_only else second for first, second in spans}


def _reference_date(mentions: list[DateMention], base_years: Iterable[int] = (),
                    not_report_years: Iterable[int] = ()) -> date | None:
    """For an article without a publication date: a stand-in date from the
    years its dates name, so "Ngày 19/12" takes the year a reader would.

    The latest year named (not a deadline, "đến năm 2030") is the report's
    year. Where the year before it is named too, the article sits at a turn
    of the year ("kết quả năm 2022, nhiệm vụ năm 2023"): a day late in the
    year belongs to the earlier year, an early one to the later. With only
    terms ("nhiệm kỳ 2020-2025, nhiệm kỳ 2025-2030"), the first year of the
    latest. A year named as a
    comparison base ("tăng 12% so với cùng kỳ năm 2015") is the year before
    the report's.
    """
    # dates and periods within one year ("9 tháng đầu năm 2022"), not terms
    # ("nhiệm kỳ 2021-2026") nor deadlines ("đến năm 2030")
    years = {int(m.date_start[:4]) for m in mentions
             if m.date_start[:4].isdigit() and m.date_start[:4] == m.date_end[:4]
             and not m.text.lower().startswith(("đến", "tới"))} - set(not_report_years)
    whole_years = {int(m.date_start) for m in mentions if m.granularity == "year" and m.date_start.isdigit()}
    reported = years | {year + 1 for year in base_years} | _school_years(mentions)
    if reported:
        latest = max(reported)
        # a turn of the year: both years named as years ("kết quả năm 2022, nhiệm
        # vụ năm 2023"), the earlier not only as a base
        turn = {latest, latest - 1} <= whole_years and latest - 1 not in set(base_years)
        return date(latest, 3, 31) if turn else date(latest, 12, 31)
    starts = [int(m.date_start[:4]) for m in mentions
              if m.date_start[:4].isdigit() and int(m.date_start[:4]) not in set(not_report_years)
              and not m.text.lower().startswith(("đến", "tới"))]
    return date(max(starts), 12, 31) if starts else None   # the latest term: "nhiệm kỳ 2025-2030" after 2020-2025


def extract_dates(sentence: str, offset: int = 0, published: date | None = None,
                  stand_in: bool = False, today: date | None = None) -> list[DateMention]:
    """Every date or period of one sentence, in reading order. ``stand_in``:
    ``published`` is not the page's date but the year the article makes
    clear (``reference_date``), so "đến nay" cannot be resolved, unless
    ``today`` gives the day the article speaks from (its lead's "Chiều 15-9")."""
    forms = _forms()[0]
    if not has_digit(sentence) and not any(w in sentence.lower() for w in WORDS_WITHOUT_DIGITS):
        return []  # every form holds a digit but "năm nay", holidays and lunar dates
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    lowered = sentence.lower()
    for form in forms:
        if form.needs and not any(word in lowered for word in form.needs):
            continue
        for m in form.pattern.finditer(sentence):
            start, end = m.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if form.kind == "bare_tet" and stand_in:
                continue   # which Tết, on a page that does not say when it was written, is a guess
            if form.kind in ("until_now", "past_hours", "first_months") and (stand_in or today):
                normalized = _normalize(form.kind, m, today) if today else None
            else:
                normalized = _normalize(form.kind, m, published)
            if normalized is None or (form.kind == "day_no_year" and counted_after(sentence, m)):
                continue
            taken.append((start, end))
            found.append(DateMention(offset + start, offset + end, m.group(0), *normalized, form.kind))
    return _joined_ranges(sentence, offset, sorted(found, key=lambda d: d.start))


# "(từ) 29 tháng Chạp đến mùng 5 Tết", "từ mùng 1 Tết đến hết ngày 15/2": two
# days the forms read apart, joined as a range, are one period
_RANGE_JOIN = regex.compile(r"(?i)\s*(?:đến|tới|-|–)\s*(?:\d{1,2}\s?(?:h|giờ)(?:\s?\d{1,2})?\s+)?"
                            r"(?:(?:hết|sáng|trưa|chiều|tối|đêm)\s+)?(?:ngày\s+)?")
_CHAP_DAY = regex.compile(r"(?i)(\d{1,2})\s*tháng\s+Chạp")
_RANGE_OPEN = regex.compile(r"(?i)\btừ\s+$")


def _chap_before(start: DateMention, day: int, end_iso: str) -> DateMention | None:
    """``start`` (a day of the twelfth lunar month) moved to the year of the lunar new year at ``end_iso``."""
    from lunar_vn import LunarDate, lunar_to_solar, solar_to_lunar

    try:
        year = solar_to_lunar(date.fromisoformat(end_iso)).year
        iso = lunar_to_solar(LunarDate(day, 12, year - 1)).isoformat()
    except ValueError:
        return None
    return dataclasses.replace(start, date_start=iso, date_end=iso)


def _joined_ranges(sentence: str, offset: int, found: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    for mention in found:
        last = out[-1] if out else None
        if last is not None and last.rule == mention.rule == "lunar" and (chap := _CHAP_DAY.search(last.text)) \
                and _RANGE_JOIN.fullmatch(sentence, last.end - offset, mention.start - offset):
            # "từ 27 tháng Chạp đến mùng 5 Tết Nhâm Dần": the Chạp just before that Tết
            last = _chap_before(last, int(chap.group(1)), mention.date_start) or last
        if last is not None and last.granularity == mention.granularity == "day" \
                and last.date_start[:2] == mention.date_start[:2] and last.date_start < mention.date_start \
                and _RANGE_JOIN.fullmatch(sentence, last.end - offset, mention.start - offset):
            opener = _RANGE_OPEN.search(sentence[max(0, last.start - offset - 8):last.start - offset])
            start = last.start - (len(opener.group()) if opener else 0)
            out[-1] = DateMention(start, mention.end, sentence[start - offset:mention.end - offset],
                                  last.date_start, mention.date_end, "period", "day_range")
        else:
            out.append(mention)
    return out


@functools.cache
def _counter_pattern() -> regex.Pattern:
    words = sorted(patterns.load().counters, key=len, reverse=True)
    return regex.compile(r"\s+(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}\p{M}])", regex.IGNORECASE)


def counted_after(sentence: str, m) -> bool:
    """"trưa nay, 12/12 xã biên giới": after a comma, a day and month followed
    by a counted noun, with no "ngày" to say it is a day, is a ratio ("12 of 12
    communes"); "Sáng 2/5 người dân …", the day word right before it, is a day."""
    text = m.group(0).lower()
    return "," in text and "ngày" not in text and _counter_pattern().match(sentence, m.end()) is not None


def parse_published(published: str | None) -> date | None:
    """The date part of an ISO publication date-time."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
