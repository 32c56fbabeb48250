"""The database: opening it, writing one article per transaction, reading it back."""

from __future__ import annotations

import importlib.util
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, func, insert, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload

from vnstats.corpus.article import Article
from vnstats.extract import Extraction, extractor_version
from vnstats.extract.gazetteer import Gazetteer
from vnstats.extract.gazetteer import load as load_gazetteer
from vnstats.extract.officials import merge_titles
from vnstats.store.models import (FACTS_VIEW, ArticleRow, Base, FailureRow, FigureRow, LocalityMentionRow, LocalityRow,
                                  OfficialRow)

DEFAULT_DB = "vnstats.db"
SQLITE_BUSY_SECONDS = 60
SCHEMA_LOCK = 0x766E7374   # PostgreSQL advisory lock key ("vnst") held while the schema is made


class StoreError(Exception):
    """The database cannot be opened or used as asked."""


def _first_line(exc: Exception) -> str:
    message = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return message[0] if message else type(exc).__name__


def database_url(db: str) -> str:
    """A SQLAlchemy URL from a file path or a URL. ``postgresql://`` means
    psycopg 3 (``pip install 'vnstats[postgres]'``), which SQLAlchemy names
    ``postgresql+psycopg``."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    try:
        url = make_url(db)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {db} ({exc})") from None
    if url.drivername in ("postgresql", "postgres"):
        if importlib.util.find_spec("psycopg") is None:
            raise StoreError(f"{masked(db)}: PostgreSQL needs the psycopg driver: pip install 'vnstats[postgres]'")
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def masked(db: str) -> str:
    """The URL as it may be printed: the password replaced by ***."""
    try:
        return make_url(db).render_as_string(hide_password=True)
    except ArgumentError:
        return db


def _unreachable(db: str, exc: Exception) -> StoreError:
    """One line for a server that cannot be used: which, why, and what to do."""
    reason = _first_line(exc).removeprefix("connection failed: ")
    return StoreError(f"cannot connect to {masked(db)}: {reason} (check that the server is running and that "
                      "the host, port, user, password and database name are right)")


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(connection, _record):
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


# what a read-only query may do, as SQLite's authorizer names it
_READ_ACTIONS = frozenset({sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                           sqlite3.SQLITE_RECURSIVE})


def _authorize_read(action: int, arg1, arg2, db_name, trigger) -> int:
    if action in _READ_ACTIONS or (action == sqlite3.SQLITE_PRAGMA and arg2 is None):
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _sqlite_read_only(engine: Engine) -> None:
    """Besides mode=ro: no database may be attached (ATTACH, VACUUM INTO write
    other files), and SQLite's authorizer refuses everything but reading."""
    @event.listens_for(engine, "connect")
    def _on_connect(connection, _record):
        connection.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
        connection.set_authorizer(_authorize_read)


def open_engine(db: str, readonly: bool = False) -> Engine:
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database)
        if readonly:
            if not path.exists():
                raise StoreError(f"no database at {path}: run 'vnstats ingest' first")
            # a URI: the path percent-encoded, so "#" or "?" in it is part of the name
            url = url.set(database=f"file:{quote(str(path))}?mode=ro", query={"uri": "true"})
        elif not path.parent.exists():
            raise StoreError(f"folder does not exist for database {path}")
    if url.get_backend_name() != "sqlite":
        # a reader's sessions are read-only on the server (and each query is one
        # statement: see iter_query)
        options = {"options": "-c default_transaction_read_only=on"} if readonly else {}
        return create_engine(url, pool_pre_ping=True, connect_args=options)
    # SQLite: a database another process is writing is waited for (up to a
    # minute), not reported as locked at once
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
    _sqlite_pragmas(engine)
    if readonly:
        _sqlite_read_only(engine)
    return engine


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _add_new_columns(connection) -> None:
    """Columns a newer version added (all nullable) are added to a database
    made by an older one, so its stored rows stay and new rows fit."""
    inspector = inspect(connection)
    for table in Base.metadata.sorted_tables:
        present = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in present:
                kind = column.type.compile(dialect=connection.dialect)
                connection.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))


class Store:
    """Write access: creates the tables, adds articles idempotently."""

    def __init__(self, db: str = DEFAULT_DB, create: bool = True):
        self.db = db
        self.engine = open_engine(db)
        try:
            with self.engine.connect():
                pass
        except OperationalError as exc:
            self.engine.dispose()
            raise _unreachable(db, exc) from None
        if not create:  # a reader in a worker process: the writer made the tables
            return
        try:
            self._create_schema()
        except OperationalError as exc:
            raise StoreError(f"could not create the tables in {masked(db)}: {_first_line(exc)}") from None

    def _create_schema(self) -> None:
        """Tables, new columns, the gazetteer and the facts view, in one
        transaction that holds a lock: processes starting together on an
        empty database take turns instead of creating the same table twice."""
        with self.engine.begin() as connection:
            if connection.dialect.name == "sqlite":
                _write_lock(connection)
            elif connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
            Base.metadata.create_all(connection)
            _add_new_columns(connection)
            rows = gazetteer_rows(load_gazetteer())
            if connection.scalar(select(func.count()).select_from(LocalityRow)) != len(rows):
                # a new database, or one made when the gazetteer held fewer units
                present = set(connection.scalars(select(LocalityRow.id)))
                _insert(connection, LocalityRow.__table__, [r for r in rows if r["id"] not in present])
            # the view is rebuilt each time, so a database made by an older version shows new columns
            connection.execute(text("DROP VIEW IF EXISTS facts"))
            connection.execute(text(FACTS_VIEW))

    def close(self) -> None:
        self.engine.dispose()

    def is_stored(self, content_hash: str) -> bool:
        """True if an article with this content is stored (one indexed look-up)."""
        return self.stored_version(content_hash) is not False

    def stored_version(self, content_hash: str) -> str | None | bool:
        """The extractor version of the stored article with this content
        (None: stored by a version that recorded none), or False: not stored."""
        found = self.stored(content_hash)
        return False if found is None else found.extractor_version

    def stored(self, content_hash: str):
        """(id, extractor_version, ingest_run, ingest_order) of the stored
        article with this content, or None (one indexed look-up)."""
        with self.engine.connect() as connection:
            return connection.execute(select(ArticleRow.id, ArticleRow.extractor_version, ArticleRow.ingest_run,
                                             ArticleRow.ingest_order)
                                      .where(ArticleRow.content_hash == content_hash).limit(1)).first()

    def take_over(self, article_id: int, rows: dict) -> bool:
        """An earlier copy (in reading order) of a stored article's content,
        met by a cluster task after a later copy was stored: it takes the
        article's place, provenance and rows, in one transaction, unless a
        copy earlier still holds it. True if it did."""
        tables = Base.metadata.tables
        articles = tables["articles"]
        order = rows["article"]["ingest_order"]
        try:
            with self.engine.begin() as connection:
                _write_lock(connection)
                fields = {k: v for k, v in rows["article"].items() if k != "content_hash"}
                # the row lock of this UPDATE makes copies met at once take turns
                taken = connection.execute(articles.update().where(articles.c.id == article_id,
                                                                   articles.c.ingest_order > order)
                                           .values(**fields)).rowcount
                if not taken:
                    return False
                for table in ("figures", "dates", "documents", "locality_mentions", "officials", "sentences"):
                    connection.execute(tables[table].delete().where(tables[table].c.article_id == article_id))
                _insert_children(connection, [article_id], [rows])
                return True
        except OperationalError as exc:
            raise StoreError(f"could not write to the database: {_first_line(exc)}") from None

    def outdated(self, version: str, after: int = 0, limit: int = 100, before: int | None = None) -> list[ArticleRow]:
        """Up to ``limit`` stored articles (id above ``after`` and below
        ``before``, in id order) whose rows an extractor other than ``version`` produced."""
        with Session(self.engine) as session:
            query = select(ArticleRow).where(ArticleRow.id > after, _outdated(version))
            if before is not None:
                query = query.where(ArticleRow.id < before)
            return list(session.scalars(query.order_by(ArticleRow.id).limit(limit)))

    def outdated_bounds(self, version: str) -> tuple[int, int] | None:
        """The smallest and largest id of the outdated articles, or None."""
        with self.engine.connect() as connection:
            low, high = connection.execute(select(func.min(ArticleRow.id), func.max(ArticleRow.id))
                                           .where(_outdated(version))).one()
        return None if low is None else (low, high)

    def replace_rows(self, article_id: int, rows: dict) -> None:
        """An article read again: its sentences, mentions and figures replaced
        by ``rows`` (``article_rows``), and its version, in one transaction."""
        tables = Base.metadata.tables
        try:
            with self.engine.begin() as connection:
                _write_lock(connection)
                for table in ("figures", "dates", "documents", "locality_mentions", "officials", "sentences"):
                    connection.execute(tables[table].delete().where(tables[table].c.article_id == article_id))
                fields = {k: v for k, v in rows["article"].items()
                          if k not in ("content_hash", "source", "member", "record", "name", "ingest_run",
                                       "ingest_order")}
                connection.execute(tables["articles"].update().where(tables["articles"].c.id == article_id)
                                   .values(**fields))
                _insert_children(connection, [article_id], [rows])
        except OperationalError as exc:
            raise StoreError(f"could not write to the database: {_first_line(exc)}") from None

    def add_article(self, article: Article, extraction: Extraction) -> bool:
        """Store an article and everything read from it in one transaction.

        Returns False (and changes nothing) when the same content is stored already.
        """
        return self.add_articles([(article, extraction)]) == 1

    def add_articles(self, batch: list[tuple[Article, Extraction]]) -> int:
        """Store a batch of articles in one transaction (all or nothing); content
        already stored is left out. Returns how many articles were added."""
        return self.add_rows([article_rows(article, extraction) for article, extraction in batch])

    def add_rows(self, batch: list[dict]) -> int:
        """Like ``add_articles``, for rows made by ``article_rows`` (in a worker process)."""
        return len(self.store_rows(batch))

    def store_rows(self, batch: list[dict]) -> list[dict]:
        """Store rows made by ``article_rows`` in one transaction; returns the
        articles' rows that were added (content stored already, or met twice in
        the batch, is left out), so counts say what the database holds.

        Rows go in as a few multi-row INSERTs (SQLAlchemy Core), ids coming
        back through RETURNING: the ORM unit of work cost more than extraction.
        """
        try:
            with self.engine.begin() as connection:
                _write_lock(connection)
                return _insert_batch(connection, batch)
        except OperationalError as exc:
            # the database, not an article: locked past the wait, the disk full, the file gone
            raise StoreError(f"could not write to the database: {_first_line(exc)}") from None
        except IntegrityError:  # stored by another writer meanwhile: one by one
            if len(batch) == 1:
                return []
            return [added for item in batch for added in self.store_rows([item])]

    def record_failure(self, source: str, reason: str, member: str | None = None,
                       record: str | None = None) -> None:
        """Remember an input that failed; the same failure is kept once."""
        try:
            self._record_failure(source, reason, member, record)
        except OperationalError as exc:
            raise StoreError(f"could not write to the database: {_first_line(exc)}") from None

    def _record_failure(self, source: str, reason: str, member: str | None, record: str | None) -> None:
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


def _outdated(version: str):
    return (ArticleRow.extractor_version != version) | ArticleRow.extractor_version.is_(None)


def _write_lock(connection) -> None:
    """SQLite: take the write lock as the transaction starts (waited for,
    up to the busy timeout), so writers in several processes queue instead of
    failing with "database is locked" when two read before writing."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def run_counts(db: str, run_id: str) -> tuple[int, int, int]:
    """Articles, figures and characters that the ingest ``run_id`` stored."""
    engine = open_engine(db)
    try:
        with engine.connect() as connection:
            articles, characters = connection.execute(
                select(func.count(), func.coalesce(func.sum(func.length(ArticleRow.text)), 0))
                .where(ArticleRow.ingest_run == run_id)).one()
            figures = connection.scalar(select(func.count()).select_from(FigureRow)
                                        .join(ArticleRow, FigureRow.article_id == ArticleRow.id)
                                        .where(ArticleRow.ingest_run == run_id))
        return articles, figures, characters
    finally:
        engine.dispose()


def _insert(connection, table, rows: list[dict], ids: bool = False) -> list[int]:
    """Insert rows; with ``ids``, return their ids in order."""
    if not rows:
        return []
    if connection.dialect.name != "sqlite":
        if not ids:
            connection.execute(insert(table), rows)
            return []
        result = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
        return [row[0] for row in result]
    # SQLite: straight to the driver's executemany. SQLAlchemy's per-row parameter
    # handling (and, with RETURNING in order, one statement per row) cost more than
    # the writing. Ids follow the largest stored one: this process is the only
    # writer, and a clash would fail the transaction, not corrupt it.
    columns = list(rows[0])
    values = [tuple(row[c] for c in columns) for row in rows]
    new_ids: list[int] = []
    if ids:
        first = connection.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}").scalar()
        new_ids = list(range(first, first + len(rows)))
        columns = ["id", *columns]
        values = [(i, *v) for i, v in zip(new_ids, values)]
    quoted = ", ".join('"' + c + '"' for c in columns)
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({quoted}) VALUES ({', '.join('?' for _ in columns)})",
                               values)
    return new_ids


def article_rows(article: Article, extraction: Extraction, version: str | None = None) -> dict:
    """An article and everything read from it as plain rows (no ids yet):
    cheap to send from a worker process to the writer."""
    return {
        "article": {
            "source": article.source, "member": article.member, "record": article.record,
            "name": article.name, "title": article.title, "published": article.published,
            "site": article.site, "author": article.author, "photographer": article.photographer,
            "url": article.url, "content_hash": article.content_hash, "text": article.text,
            "extractor_version": version or extractor_version(), "ingest_run": None, "ingest_order": None},
        # sentence texts are cut from the article's text by the writer: half the bytes to send
        "sentences": [(s.index, s.paragraph, s.start, s.end) for s in article.sentences],
        "figures": [(sf.sentence, sf.figure.start, sf.figure.end, sf.figure.text, sf.figure.value,
                     sf.figure.kind, sf.figure.unit, sf.figure.total, sf.figure.qualifier, sf.figure.subject,
                     sf.figure.subject_start, sf.figure.subject_end, sf.figure.rule, sf.figure.change,
                     sf.figure.compared_to, link.locality_id,
                     link.locality_basis, link.date_start, link.date_end, link.date_granularity,
                     link.date_basis, link.is_target, "rule",
                     sf.figure.subject_stage if sf.figure.subject is not None else None)
                    for sf, link in zip(extraction.figures, extraction.links)],
        "dates": [(i, d.start, d.end, d.text, d.date_start, d.date_end, d.granularity, d.rule, d.stage)
                  for i, d in extraction.dates],
        "documents": [(i, d.start, d.end, d.text, d.type, d.number, d.issuer, d.date, d.stage)
                      for i, d in extraction.documents],
        "locality_mentions": [(i, m.start, m.end, m.text, m.level, m.unit_id, " ".join(m.candidates) or None,
                               m.role, m.basis, m.stage) for i, m in extraction.localities],
        "officials": [(p["name"], p["titles"], [(t, p["organizations"].get(t)) for t in p["titles"]],
                       [(i, m.start, m.end, "; ".join(t.text for t in m.titles), m.stage)
                        for i, m in p["mentions"]])
                      for p in _people(extraction)],
    }


FIGURE_COLUMNS = ("start", "end", "text", "value", "kind", "unit", "total", "qualifier", "subject",
                  "subject_start", "subject_end", "rule", "change", "compared_to", "locality_id", "locality_basis", "date_start",
                  "date_end", "date_granularity", "date_basis", "is_target", "stage", "subject_stage")
DATE_COLUMNS = ("start", "end", "text", "date_start", "date_end", "granularity", "rule", "stage")
DOCUMENT_COLUMNS = ("start", "end", "text", "type", "number", "issuer", "date", "stage")
LOCALITY_COLUMNS = ("start", "end", "text", "level", "locality_id", "candidates", "role", "basis", "stage")


def _insert_batch(connection, batch: list[dict]) -> int:
    tables = Base.metadata.tables
    hashes = [rows["article"]["content_hash"] for rows in batch]
    stored = set(connection.scalars(select(ArticleRow.content_hash)
                                    .where(ArticleRow.content_hash.in_(hashes))))
    fresh, seen = [], set()
    for rows in batch:
        key = rows["article"]["content_hash"]
        if key not in stored and key not in seen:
            seen.add(key)
            fresh.append(rows)
    if not fresh:
        return []
    now = _now()
    article_ids = _insert(connection, tables["articles"], [{**rows["article"], "ingested_at": now}
                                                           for rows in fresh], ids=True)
    _insert_children(connection, article_ids, fresh)
    return fresh


def _insert_children(connection, article_ids: list[int], fresh: list[dict]) -> None:
    """Sentences, mentions, figures and officials of stored articles."""
    tables = Base.metadata.tables
    sentence_ids = _insert(connection, tables["sentences"], [
        {"article_id": article_id, "index": index, "paragraph": paragraph, "start": start, "end": end,
         "text": rows["article"]["text"][start:end]}
        for article_id, rows in zip(article_ids, fresh)
        for index, paragraph, start, end in rows["sentences"]], ids=True)
    out: dict[str, list[dict]] = {"figures": [], "dates": [], "documents": [], "locality_mentions": []}
    officials, people = [], []
    cursor = 0
    for article_id, rows in zip(article_ids, fresh):
        sid = sentence_ids[cursor:cursor + len(rows["sentences"])]
        cursor += len(rows["sentences"])
        for table, columns in (("figures", FIGURE_COLUMNS), ("dates", DATE_COLUMNS),
                               ("documents", DOCUMENT_COLUMNS), ("locality_mentions", LOCALITY_COLUMNS)):
            out[table] += [{"article_id": article_id, "sentence_id": sid[row[0]], **dict(zip(columns, row[1:]))}
                           for row in rows[table]]
        for name, titles, organizations, mentions in rows["officials"]:
            officials.append({"article_id": article_id, "name": name, "titles": "; ".join(titles)})
            people.append((sid, organizations, mentions))
    for table, table_rows in out.items():
        _insert(connection, tables[table], table_rows)
    official_ids = _insert(connection, tables["officials"], officials, ids=True)
    titles, mentions = [], []
    for official_id, (sid, organizations, person_mentions) in zip(official_ids, people):
        titles += [{"official_id": official_id, "title": t, "organization": o} for t, o in organizations]
        mentions += [{"official_id": official_id, "sentence_id": sid[i], "start": start, "end": end,
                      "titles": given, "stage": stage} for i, start, end, given, stage in person_mentions]
    _insert(connection, tables["official_titles"], titles)
    _insert(connection, tables["official_mentions"], mentions)


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
        elif unit.level not in ("province", "country"):
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
            "valid_from": unit.valid_from, "valid_until": unit.valid_until,
        })
    return rows


def run_query(db: str, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one SQL statement on a database opened read-only; all its rows."""
    rows = iter_query(db, sql)
    columns = next(rows)
    return columns, [row for block in rows for row in block]


def iter_query(db: str, sql: str, block: int = 1000) -> Iterator:
    """Run one SQL statement on a database opened read-only: its column
    names, then its rows in blocks, fetched as they are read (ten million
    rows are never held at once). The SQL goes to the driver as written:
    nothing in it is taken for a bind parameter ("SELECT 'giờ :30'").

    Read-only is the database's doing, not a reading of the SQL: SQLite opens
    the file read-only and its authorizer refuses writes; PostgreSQL runs the
    statement in a READ ONLY transaction, as one prepared statement, so
    "COMMIT; CREATE TABLE …" cannot leave that transaction."""
    engine = open_engine(db, readonly=True)
    try:
        try:
            connection = engine.connect()
        except OperationalError as exc:
            raise _unreachable(db, exc) from None
        with connection:
            if connection.dialect.name == "postgresql":
                yield from _pg_query(connection, sql, block)
                return
            result = connection.exec_driver_sql(sql)
            if not result.returns_rows:
                connection.rollback()
                yield []
                return
            yield list(result.keys())
            while rows := result.fetchmany(block):
                yield [tuple(r) for r in rows]
            connection.rollback()  # never commit: the database is read, not changed
    finally:
        engine.dispose()


def _pg_query(connection, sql: str, block: int) -> Iterator:
    """PostgreSQL: the statement through psycopg's extended protocol (one
    statement, "%" left as written) in a READ ONLY transaction, rolled back."""
    import psycopg   # present: database_url made this a psycopg URL

    driver = connection.connection.driver_connection
    driver.rollback()
    driver.execute("BEGIN READ ONLY")
    try:
        with driver.cursor() as cursor:
            cursor.execute(sql, prepare=True)
            if cursor.description is None:
                yield []
                return
            yield [column.name for column in cursor.description]
            while rows := cursor.fetchmany(block):
                yield [tuple(r) for r in rows]
    except psycopg.Error as exc:
        message = _first_line(exc)
        if isinstance(exc, (psycopg.errors.ReadOnlySqlTransaction, psycopg.errors.InsufficientPrivilege)) \
                or "multiple commands" in message:
            message += " (query runs one statement, read-only)"
        raise StoreError(f"query failed: {message}") from None
    finally:
        driver.rollback()


def iter_articles(db: str) -> Iterator[ArticleRow]:
    """Every stored article with its sentences and figures loaded."""
    engine = open_engine(db, readonly=True)
    try:
        with Session(engine) as session:
            query = (select(ArticleRow).order_by(ArticleRow.id)
                     .options(selectinload(ArticleRow.figures).selectinload(FigureRow.locality),
                              selectinload(ArticleRow.sentences),
                              selectinload(ArticleRow.dates), selectinload(ArticleRow.documents),
                              selectinload(ArticleRow.officials).selectinload(OfficialRow.mentions),
                              selectinload(ArticleRow.locality_mentions)
                              .selectinload(LocalityMentionRow.locality)))
            for row in session.scalars(query):
                yield row
    finally:
        engine.dispose()
