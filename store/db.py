"""The database: opening it, writing one article per transaction, reading it back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError
from sqlalchemy.orm import Session, selectinload

from corpus.article import Article
from extract import SentenceFigure
from store.models import ArticleRow, Base, FailureRow, FigureRow, SentenceRow

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

    def close(self) -> None:
        self.engine.dispose()

    def known_hashes(self, hashes: list[str]) -> set[str]:
        with Session(self.engine) as session:
            rows = session.scalars(select(ArticleRow.content_hash)
                                   .where(ArticleRow.content_hash.in_(hashes)))
            return set(rows)

    def add_article(self, article: Article, figures: list[SentenceFigure]) -> bool:
        """Store an article and its mentions in one transaction.

        Returns False (and changes nothing) when the same content is stored already.
        """
        with Session(self.engine) as session:
            if session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == article.content_hash)):
                return False
            row = ArticleRow(
                source=article.source, name=article.name, title=article.title,
                published=article.published, site=article.site, author=article.author,
                photographer=article.photographer, url=article.url,
                content_hash=article.content_hash, text=article.text, ingested_at=_now(),
            )
            sentences = [SentenceRow(index=s.index, paragraph=s.paragraph, start=s.start, end=s.end,
                                     text=s.text) for s in article.sentences]
            row.sentences = sentences
            row.figures = [_figure_row(sentences[sf.sentence], sf) for sf in figures]
            session.add(row)
            try:
                session.commit()
            except IntegrityError:  # stored by another writer meanwhile
                session.rollback()
                return False
            return True

    def record_failure(self, source: str, reason: str) -> None:
        """Remember an input that failed; the same failure is kept once."""
        with Session(self.engine) as session:
            existing = session.scalar(select(FailureRow).where(FailureRow.source == source,
                                                               FailureRow.reason == reason))
            if existing:
                existing.failed_at = _now()
            else:
                session.add(FailureRow(source=source, reason=reason, failed_at=_now()))
            session.commit()


def _figure_row(sentence: SentenceRow, sf: SentenceFigure) -> FigureRow:
    f = sf.figure
    row = FigureRow(
        start=f.start, end=f.end, text=f.text, value=f.value, kind=f.kind, unit=f.unit,
        total=f.total, qualifier=f.qualifier, subject=f.subject, subject_start=f.subject_start,
        subject_end=f.subject_end, rule=f.rule,
    )
    row.sentence = sentence
    return row


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
                     .options(selectinload(ArticleRow.figures), selectinload(ArticleRow.sentences)))
            for row in session.scalars(query):
                yield row
    finally:
        engine.dispose()
