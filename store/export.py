"""Writing the database out: label JSON per article, or a figures table."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from vnstats.store.db import iter_articles, open_engine

# the figures table with the article metadata a reader needs beside each row
FIGURES_SQL = """
SELECT a.id AS article_id, a.name AS article, a.source, a.title, a.published, a.site,
       a.author, a.url, s."index" AS sentence, f.start, f."end", f.text, f.value,
       f.kind, f.unit, f.total, f.qualifier, f.subject, f.change, f.compared_to, s.text AS sentence_text
FROM figures f JOIN articles a ON a.id = f.article_id JOIN sentences s ON s.id = f.sentence_id
ORDER BY a.id, f.start
"""


def figure_label(row) -> dict:
    """A stored figure in the shape of labels/FORMAT.md."""
    label = {"text": row.text, "value": _plain_number(row.value), "kind": row.kind,
             "unit": row.unit, "qualifier": row.qualifier, "subject": row.subject}
    if row.total is not None:
        label["total"] = _plain_number(row.total)
    if row.change:
        label["change"] = row.change
    if row.compared_to:
        label["compared_to"] = row.compared_to
    label["where"] = row.locality.name if row.locality is not None else None
    label["when"] = {"start": row.date_start, "end": row.date_end} if row.date_start else None
    return label


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _unique(items: list[dict], key) -> list[dict]:
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def locality_label(mention) -> dict:
    unit = mention.locality
    if unit is None:  # ambiguous: the name and level are known, the province is not
        name = mention.text.split(":")[-1].strip()
        return {"text": mention.text, "name": name, "level": mention.level, "province": None}
    return {"text": mention.text, "name": unit.name, "level": unit.level, "province": unit.province}


def article_label(row) -> dict:
    """An article's predictions in the shape of labels/FORMAT.md. Dates, places
    and documents are listed once each, as the labels do; figures every time."""
    documents = sorted(row.documents, key=lambda d: (d.date is None, d.start))  # a dated mention first
    return {
        "article": row.name,
        "published": row.published,
        "figures": [figure_label(f) for f in sorted(row.figures, key=lambda f: f.start)],
        "dates": _unique([{"text": d.text, "start": d.date_start, "end": d.date_end}
                          for d in sorted(row.dates, key=lambda d: d.start)],
                         lambda d: (d["start"], d["end"])),
        "localities": _unique([locality_label(m) for m in sorted(row.locality_mentions, key=lambda m: m.start)],
                              lambda x: (x["level"], x["name"], x["province"])),
        "officials": [{"name": o.name, "titles": o.titles.split("; ") if o.titles else []}
                      for o in row.officials],
        "documents": sorted(_unique([{"text": d.text, "type": d.type, "number": d.number, "date": d.date}
                                     for d in documents], lambda d: d["number"]),
                            key=lambda d: row.text.find(d["text"])),
    }


def export_labels(db: str, out: Path) -> int:
    """One JSON per article, named after the source file's stem. Returns the count."""
    out.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    count = 0
    for row in iter_articles(db):
        stem = Path(row.name).stem
        file_name = f"{stem}.json" if f"{stem}.json" not in used else f"{stem}-{row.id}.json"
        used.add(file_name)
        (out / file_name).write_text(json.dumps(article_label(row), ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
        count += 1
    return count


def figures_frame(db: str) -> pd.DataFrame:
    engine = open_engine(db, readonly=True)
    try:
        with engine.connect() as connection:
            return pd.read_sql_query(FIGURES_SQL, connection)
    finally:
        engine.dispose()


def export_table(db: str, out: Path, fmt: str) -> int:
    """The figures table with article metadata, as CSV or Parquet. Returns the row count."""
    frame = figures_frame(db)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        frame.to_csv(out, index=False)
    else:
        frame.to_parquet(out, index=False)
    return len(frame)
