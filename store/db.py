"""The database: opening it, writing one article per transaction, reading it back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, insert, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError
from sqlalchemy.orm import Session, selectinload

from corpus.article import Article
from extract import Extraction
from extract.gazetteer import Gazetteer
from extract.gazetteer import load as load_gazetteer
from extract.officials import merge_titles
from store.models import FACTS_VIEW, ArticleRow, Base, FailureRow, LocalityMentionRow, LocalityRow, OfficialRow

DEFAULT_DB = "vnstats.db"


class StoreError(Exception):
    """The database cannot be opened or used as asked."""


def database_url(db: str) -> str:
    """A SQLAlchemy URL from a file path or a URL."""
    if "://" in db:
        try:
            make_url(db)
        except ArgumentError as exc:
            raise StoreError(f"not a database URL: {db} ({exc})") from None
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(connection, _record):
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def open_engine(db: str, readonly: bool = False) -> Engine:
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database)
        if readonly:
            if not path.exists():
                raise StoreError(f"no database at {path}: run 'vnstats ingest' first")
            url = url.set(database=f"file:{path}?mode=ro", query={"uri": "true"})
        elif not path.parent.exists():
            raise StoreError(f"folder does not exist for database {path}")
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        _sqlite_pragmas(engine)
    return engine


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """Write access: creates the tables, adds articles idempotently."""

    def __init__(self, db: str = DEFAULT_DB):
        self.engine = open_engine(db)
        Base.metadata.create_all(self.engine)
        with Session(self.engine) as session:
            if not session.scalar(select(func.count()).select_from(LocalityRow)):
                session.execute(insert(LocalityRow), gazetteer_rows(load_gazetteer()))
                session.commit()
        if "facts" not in inspect(self.engine).get_view_names():
            with self.engine.begin() as connection:
                connection.execute(text(FACTS_VIEW))

    def close(self) -> None:
        self.engine.dispose()

    def is_stored(self, content_hash: str) -> bool:
        """True if an article with this content is stored (one indexed look-up)."""
        with self.engine.connect() as connection:
            return connection.execute(select(ArticleRow.id).where(ArticleRow.content_hash == content_hash)
                                      .limit(1)).first() is not None

    def add_article(self, article: Article, extraction: Extraction) -> bool:
        """Store an article and everything read from it in one transaction.

        Returns False (and changes nothing) when the same content is stored already.
        """
        return self.add_articles([(article, extraction)]) == 1

    def add_articles(self, batch: list[tuple[Article, Extraction]]) -> int:
        """Store a batch in one transaction (all or nothing); content already
        stored is left out. Returns how many articles were added.

        Rows go in as a few multi-row INSERTs (SQLAlchemy Core), ids coming
        back through RETURNING: the ORM unit of work cost more than extraction.
        """
        try:
            with self.engine.begin() as connection:
                return _insert_batch(connection, batch)
        except IntegrityError:  # stored by another writer meanwhile: one by one
            if len(batch) == 1:
                return 0
            return sum(self.add_articles([item]) for item in batch)

    def record_failure(self, source: str, reason: str, member: str | None = None,
                       record: str | None = None) -> None:
        """Remember an input that failed; the same failure is kept once."""
        with Session(self.engine) as session:
            existing = session.scalar(select(FailureRow).where(
                FailureRow.source == source, FailureRow.reason == reason,
                FailureRow.member.is_(None) if member is None else FailureRow.member == member,
                FailureRow.record.is_(None) if record is None else FailureRow.record == record))
            if existing:
                existing.failed_at = _now()
            else:
                session.add(FailureRow(source=source, member=member, record=record, reason=reason,
                                       failed_at=_now()))
            session.commit()


def _insert(connection, table, rows: list[dict], ids: bool = False) -> list[int]:
    if not rows:
        return []
    if not ids:
        connection.execute(insert(table), rows)
        return []
    result = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
    return [row[0] for row in result]


def _insert_batch(connection, batch: list[tuple[Article, Extraction]]) -> int:
    tables = Base.metadata.tables
    hashes = [a.content_hash for a, _ in batch]
    stored = set(connection.scalars(select(ArticleRow.content_hash)
                                    .where(ArticleRow.content_hash.in_(hashes))))
    fresh, seen = [], set()
    for article, extraction in batch:
        if article.content_hash not in stored and article.content_hash not in seen:
            seen.add(article.content_hash)
            fresh.append((article, extraction))
    if not fresh:
        return 0
    now = _now()
    article_ids = _insert(connection, tables["articles"], [{
        "source": a.source, "member": a.member, "record": a.record, "name": a.name, "title": a.title,
        "published": a.published, "site": a.site, "author": a.author, "photographer": a.photographer,
        "url": a.url, "content_hash": a.content_hash, "text": a.text, "ingested_at": now,
    } for a, _ in fresh], ids=True)
    sentence_ids = _insert(connection, tables["sentences"], [{
        "article_id": article_id, "index": s.index, "paragraph": s.paragraph, "start": s.start,
        "end": s.end, "text": s.text,
    } for article_id, (a, _) in zip(article_ids, fresh) for s in a.sentences], ids=True)
    figures, dates, documents, localities, officials, person_keys = [], [], [], [], [], []
    cursor = 0
    for article_id, (article, extraction) in zip(article_ids, fresh):
        sid = sentence_ids[cursor:cursor + len(article.sentences)]
        cursor += len(article.sentences)
        for sf, link in zip(extraction.figures, extraction.links):
            f = sf.figure
            figures.append({
                "article_id": article_id, "sentence_id": sid[sf.sentence], "start": f.start, "end": f.end,
                "text": f.text, "value": f.value, "kind": f.kind, "unit": f.unit, "total": f.total,
                "qualifier": f.qualifier, "subject": f.subject, "subject_start": f.subject_start,
                "subject_end": f.subject_end, "rule": f.rule, "locality_id": link.locality_id,
                "locality_basis": link.locality_basis, "date_start": link.date_start,
                "date_end": link.date_end, "date_granularity": link.date_granularity,
                "date_basis": link.date_basis, "is_target": link.is_target})
        dates += [{"article_id": article_id, "sentence_id": sid[i], "start": d.start, "end": d.end,
                   "text": d.text, "date_start": d.date_start, "date_end": d.date_end,
                   "granularity": d.granularity, "rule": d.rule} for i, d in extraction.dates]
        documents += [{"article_id": article_id, "sentence_id": sid[i], "start": d.start, "end": d.end,
                       "text": d.text, "type": d.type, "number": d.number, "issuer": d.issuer,
                       "date": d.date} for i, d in extraction.documents]
        localities += [{"article_id": article_id, "sentence_id": sid[i], "start": m.start, "end": m.end,
                        "text": m.text, "level": m.level, "locality_id": m.unit_id,
                        "candidates": " ".join(m.candidates) or None, "role": m.role, "basis": m.basis}
                       for i, m in extraction.localities]
        for person in _people(extraction):
            officials.append({"article_id": article_id, "name": person["name"],
                              "titles": "; ".join(person["titles"])})
            person_keys.append((sid, person))
    _insert(connection, tables["figures"], figures)
    _insert(connection, tables["dates"], dates)
    _insert(connection, tables["documents"], documents)
    _insert(connection, tables["locality_mentions"], localities)
    official_ids = _insert(connection, tables["officials"], officials, ids=True)
    titles, mentions = [], []
    for official_id, (sid, person) in zip(official_ids, person_keys):
        titles += [{"official_id": official_id, "title": t, "organization": person["organizations"].get(t)}
                   for t in person["titles"]]
        mentions += [{"official_id": official_id, "sentence_id": sid[i], "start": m.start, "end": m.end,
                      "titles": "; ".join(t.text for t in m.titles)} for i, m in person["mentions"]]
    _insert(connection, tables["official_titles"], titles)
    _insert(connection, tables["official_mentions"], mentions)
    return len(fresh)


def _people(extraction: Extraction) -> list[dict]:
    """One entry per person of an article: the union of titles over mentions."""
    people: dict[str, dict] = {}
    for i, mention in extraction.officials:
        person = people.setdefault(mention.name.casefold(), {
            "name": mention.name, "titles": [], "organizations": {}, "mentions": []})
        person["mentions"].append((i, mention))
        for title in mention.titles:
            person["titles"].append(title.text)
            person["organizations"].setdefault(title.text, title.organization)
    for person in people.values():
        person["titles"] = merge_titles(person["titles"])
    return list(people.values())


def gazetteer_rows(gazetteer: Gazetteer) -> list[dict]:
    """The gazetteer as rows of the localities table."""
    rows = []
    for unit in gazetteer.units.values():
        successor = gazetteer.units.get(unit.successors[0]) if unit.successors else None
        if unit.level == "ward" and unit.district_code:
            parent = f"{unit.era}:district:{unit.district_code}"
        elif unit.level != "province":
            parent = f"{unit.era}:province:{unit.province_code}"
        else:
            parent = None
        rows.append({
            "id": unit.id, "code": unit.code, "era": unit.era, "level": unit.level, "name": unit.name,
            "short_name": unit.short, "province_code": unit.province_code, "province": unit.province,
            "district_code": unit.district_code, "district": unit.district, "parent_id": parent,
            "successor_ids": " ".join(unit.successors) or None,
            "successor_province_code": successor.province_code if successor else (
                unit.province_code if unit.era == "from_2025" else None),
            "successor_province": successor.province if successor else (
                unit.province if unit.era == "from_2025" else None),
        })
    return rows


def run_query(db: str, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one SQL statement on a database opened read-only."""
    engine = open_engine(db, readonly=True)
    try:
        with engine.connect() as connection:
            result = connection.execute(text(sql))
            if not result.returns_rows:
                connection.rollback()
                return [], []
            columns = list(result.keys())
            rows = [tuple(r) for r in result]
            connection.rollback()  # never commit: the database is read, not changed
            return columns, rows
    finally:
        engine.dispose()


def iter_articles(db: str) -> Iterator[ArticleRow]:
    """Every stored article with its sentences and figures loaded."""
    engine = open_engine(db, readonly=True)
    try:
        with Session(engine) as session:
            query = (select(ArticleRow).order_by(ArticleRow.id)
                     .options(selectinload(ArticleRow.figures), selectinload(ArticleRow.sentences),
                              selectinload(ArticleRow.dates), selectinload(ArticleRow.documents),
                              selectinload(ArticleRow.officials).selectinload(OfficialRow.mentions),
                              selectinload(ArticleRow.locality_mentions)
                              .selectinload(LocalityMentionRow.locality)))
            for row in session.scalars(query):
                yield row
    finally:
        engine.dispose()
