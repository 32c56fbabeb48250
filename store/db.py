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
from extract import Extraction, SentenceFigure
from extract.facts import FigureLink
from extract.gazetteer import Gazetteer
from extract.gazetteer import load as load_gazetteer
from extract.officials import merge_titles
from store.models import (FACTS_VIEW, ArticleRow, Base, DateRow, DocumentRow, FailureRow, FigureRow,
                          LocalityMentionRow, LocalityRow, OfficialMentionRow, OfficialRow,
                          OfficialTitleRow, SentenceRow)

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
        stored is left out. Returns how many articles were added."""
        with Session(self.engine) as session:
            hashes = [a.content_hash for a, _ in batch]
            stored = set(session.scalars(select(ArticleRow.content_hash)
                                         .where(ArticleRow.content_hash.in_(hashes))))
            added = 0
            for article, extraction in batch:
                if article.content_hash in stored:
                    continue
                stored.add(article.content_hash)
                session.add(_article_row(article, extraction))
                added += 1
            try:
                session.commit()
            except IntegrityError:  # stored by another writer meanwhile: one by one
                session.rollback()
                if len(batch) == 1:
                    return 0
                return sum(self.add_articles([item]) for item in batch)
            return added

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


def _article_row(article: Article, extraction: Extraction) -> ArticleRow:
    row = ArticleRow(
        source=article.source, member=article.member, record=article.record, name=article.name,
        title=article.title, published=article.published, site=article.site, author=article.author,
        photographer=article.photographer, url=article.url,
        content_hash=article.content_hash, text=article.text, ingested_at=_now(),
    )
    sentences = [SentenceRow(index=s.index, paragraph=s.paragraph, start=s.start, end=s.end,
                             text=s.text) for s in article.sentences]
    row.sentences = sentences
    row.figures = [_figure_row(sentences[sf.sentence], sf, link)
                   for sf, link in zip(extraction.figures, extraction.links)]
    row.dates = [DateRow(sentence=sentences[i], start=d.start, end=d.end, text=d.text,
                         date_start=d.date_start, date_end=d.date_end, granularity=d.granularity,
                         rule=d.rule) for i, d in extraction.dates]
    row.documents = [DocumentRow(sentence=sentences[i], start=d.start, end=d.end, text=d.text,
                                 type=d.type, number=d.number, issuer=d.issuer, date=d.date)
                     for i, d in extraction.documents]
    row.locality_mentions = [
        LocalityMentionRow(sentence=sentences[i], start=m.start, end=m.end, text=m.text,
                           level=m.level, locality_id=m.unit_id,
                           candidates=" ".join(m.candidates) or None, role=m.role, basis=m.basis)
        for i, m in extraction.localities]
    row.officials = _official_rows(sentences, extraction)
    return row


def _figure_row(sentence: SentenceRow, sf: SentenceFigure, link: FigureLink) -> FigureRow:
    f = sf.figure
    row = FigureRow(
        start=f.start, end=f.end, text=f.text, value=f.value, kind=f.kind, unit=f.unit,
        total=f.total, qualifier=f.qualifier, subject=f.subject, subject_start=f.subject_start,
        subject_end=f.subject_end, rule=f.rule, locality_id=link.locality_id,
        locality_basis=link.locality_basis, date_start=link.date_start, date_end=link.date_end,
        date_granularity=link.date_granularity, date_basis=link.date_basis, is_target=link.is_target,
    )
    row.sentence = sentence
    return row


def _official_rows(sentences: list[SentenceRow], extraction: Extraction) -> list[OfficialRow]:
    """One row per person and article, with every title of every mention."""
    people: dict[str, OfficialRow] = {}
    titles: dict[str, list] = {}
    for i, mention in extraction.officials:
        key = mention.name.casefold()
        if key not in people:
            people[key] = OfficialRow(name=mention.name, titles="")
            titles[key] = []
        people[key].mentions.append(OfficialMentionRow(
            sentence=sentences[i], start=mention.start, end=mention.end,
            titles="; ".join(t.text for t in mention.titles)))
        titles[key] += mention.titles
    for key, person in people.items():
        kept = merge_titles(t.text for t in titles[key])
        organization = {t.text: t.organization for t in titles[key]}
        person.titles = "; ".join(kept)
        person.title_rows = [OfficialTitleRow(title=t, organization=organization[t]) for t in kept]
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
