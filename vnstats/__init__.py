"""vnstats: Vietnamese news reports in, queryable statistics out — the Python API.

    >>> import vnstats
    >>> result = vnstats.extract("Năm 2023, huyện Điện Biên có 12 xã đạt chuẩn nông thôn mới.")
    >>> [(f.text, f.value, f.unit, f.subject, f.where, f.when) for f in result.figures]
    [('12 xã', 12.0, 'xã', 'xã đạt chuẩn nông thôn mới', 'Huyện Điện Biên', ('2023', '2023'))]

- ``extract(text, published=None, title=None)``: one article's figures,
  dates, localities, officials and documents, each with its surface text and
  offsets beside the normalized value;
- ``extract_many(texts, workers=N)``: the same for many texts, streamed, in order;
- ``ingest(paths, db=...)``: the batch pipeline into a database, its summary;
- ``connect(db)``: ``.facts()``, ``.figures()``, ``.query(sql)`` as pandas
  DataFrames (nullable integer years, not floats);
- ``evaluate(labels, articles)``: scores against gold labels (labels/FORMAT.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
import importlib
import sys
import types
from importlib import metadata
from pathlib import Path

__all__ = ["extract", "extract_many", "ingest", "connect", "evaluate", "nlp", "Result", "Figure", "Date", "Locality",
           "Official", "Document", "Connection", "__version__"]

importlib.import_module("vnstats.extract")   # the rules package, made callable below (_ExtractPackage)

try:
    __version__ = metadata.version("vnstats")
except metadata.PackageNotFoundError:   # a source tree that is not installed
    __version__ = "0+unknown"


@dataclass(frozen=True)
class Figure:
    text: str                      # as written: "trên 3.200 cán bộ"
    value: float                   # normalized: 3200.0
    kind: str                      # count, percent, ratio, money, measure
    unit: str | None
    total: float | None            # the denominator of a ratio ("9/11 xã")
    qualifier: str                 # exact, approx, more_than, ...
    subject: str | None            # what it measures, as written
    change: str | None             # up, down
    compared_to: str | None        # plan, previous
    where: str | None              # the unit it is about: "Huyện Điện Biên", "Việt Nam"
    when: tuple[str, str] | None   # the period it is about, ISO at the text's precision
    is_target: bool
    start: int                     # offsets into Result.text
    end: int


@dataclass(frozen=True)
class Date:
    text: str
    start_date: str
    end_date: str
    start: int
    end: int


@dataclass(frozen=True)
class Locality:
    text: str
    name: str | None               # the official name ("Huyện Điện Biên"); None when ambiguous
    level: str
    code: str | None               # the GSO code
    province: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Official:
    name: str
    titles: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    text: str
    type: str
    number: str
    date: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Result:
    """Everything read from one article; offsets index ``text`` (the cleaned text)."""

    text: str
    title: str | None
    published: str | None
    figures: list[Figure]
    dates: list[Date]
    localities: list[Locality]
    officials: list[Official]
    documents: list[Document]


def _extract_text(text: str, published: str | None = None, title: str | None = None,
                  stages: str = "rules") -> Result:
    """Read one article's statistics. ``published`` (ISO) resolves dates
    written without a year; ``title`` is used where the text has none;
    ``stages="rules+model"`` adds the statistical stage."""
    from vnstats.corpus.clean import build_article
    from vnstats.extract import extract_article
    from vnstats.extract.gazetteer import load

    meta = {k: v for k, v in (("published", published), ("title", title)) if v}
    article = build_article("<text>", "text", text, meta)
    found = extract_article(article, stages)
    units = load().units

    def unit_name(unit_id):
        return units[unit_id].name if unit_id in units else None

    figures = [Figure(sf.figure.text, sf.figure.value, sf.figure.kind, sf.figure.unit, sf.figure.total,
                      sf.figure.qualifier, sf.figure.subject, sf.figure.change, sf.figure.compared_to,
                      unit_name(link.locality_id),
                      (link.date_start, link.date_end) if link.date_start else None, link.is_target,
                      sf.figure.start, sf.figure.end)
               for sf, link in zip(found.figures, found.links)]
    dates = [Date(d.text, d.date_start, d.date_end, d.start, d.end) for _, d in found.dates]
    localities = []
    for _, m in found.localities:
        unit = units.get(m.unit_id) if m.unit_id else None
        localities.append(Locality(m.text, unit.name if unit else None, unit.level if unit else m.level,
                                   unit.code if unit else None, unit.province if unit else None, m.start, m.end))
    officials = [Official(o.name, tuple(t.text for t in o.titles), o.start, o.end) for _, o in found.officials]
    documents = [Document(d.text, d.type, d.number, d.date, d.start, d.end) for _, d in found.documents]
    return Result(article.text, article.title, article.published, figures, dates, localities, officials, documents)


class _ExtractPackage(types.ModuleType):
    """``vnstats.extract`` is the package of extraction rules (its modules
    import as ``vnstats.extract.figures`` …) and, called, reads one text:
    ``vnstats.extract(text, published=None, title=None, stages="rules")`` →
    ``Result``. One name for both, so neither shadows the other."""

    def __call__(self, text: str, published: str | None = None, title: str | None = None,
                 stages: str = "rules") -> Result:
        return _extract_text(text, published, title, stages)


sys.modules["vnstats.extract"].__class__ = _ExtractPackage
extract = sys.modules["vnstats.extract"]


def _extract_one(item) -> Result:
    text, published, title = item
    return _extract_text(text, published, title)


def extract_many(texts: Iterable[str], workers: int = 1, published: str | None = None,
                 chunk: int = 16) -> Iterator[Result]:
    """``extract`` over many texts, in ``workers`` processes; results come
    back as they are ready, in the order of the texts."""
    items = ((text, published, None) for text in texts)
    if workers <= 1:
        yield from map(_extract_one, items)
        return
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(_extract_one, items, chunksize=chunk)


def ingest(paths: Iterable[str | Path], db: str = "vnstats.db", workers: int = 1, **options):
    """Ingest files, folders and archives into ``db``; the run's summary
    (``ingested``, ``skipped``, ``failed``, ``failures``, ...)."""
    from vnstats.pipeline import Options, run

    return run([str(p) for p in paths], Options(db=db, workers=workers, **options))


def evaluate(labels: str | Path, articles: str | Path, **options):
    """Score the pipeline against gold labels (labels/FORMAT.md)."""
    from vnstats.review.evaluate import evaluate as _evaluate

    return _evaluate(labels, articles, **options)


class Connection:
    """A database made by ``ingest``, read as pandas DataFrames."""

    def __init__(self, db: str = "vnstats.db"):
        self.db = db

    def query(self, sql: str):
        """Rows of one read-only SQL statement; integer columns stay integers
        where a value is missing (pandas' nullable Int64, not float)."""
        import pandas as pd

        from vnstats.store.db import iter_query

        blocks = iter_query(self.db, sql)
        columns = next(blocks)
        rows = [row for block in blocks for row in block]
        frame = pd.DataFrame.from_records(rows, columns=columns)
        for i, column in enumerate(columns):
            values = [row[i] for row in rows if row[i] is not None]
            if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
                frame[column] = pd.array([row[i] for row in rows], dtype="Int64")
        return frame

    def facts(self):
        """The ``facts`` view: one row per figure with its place and time."""
        return self.query("SELECT * FROM facts ORDER BY figure_id")

    def figures(self):
        return self.query("SELECT * FROM figures ORDER BY id")


def nlp():
    """A spaCy ``Language`` whose components are the vnstats stages (see vnstats/nlp.py)."""
    from vnstats.nlp import nlp as _nlp

    return _nlp()


def connect(db: str = "vnstats.db") -> Connection:
    """The database at ``db`` (a file path or an SQLAlchemy URL), read-only."""
    from vnstats.store.db import open_engine

    open_engine(db, readonly=True).dispose()   # one line now if it is missing, not at the first query
    return Connection(db)
