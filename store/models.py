"""Tables, as SQLAlchemy 2 typed models. Documented for users in README.md.

Every text column is ``Text``: no backend-specific length limit (PostgreSQL
enforces VARCHAR(n), SQLite does not), so both hold the same rows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    """One cleaned article; ``text`` is what every offset indexes."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)          # the file read (the archive, for a member)
    member: Mapped[str | None] = mapped_column(Text)   # the archive member
    record: Mapped[str | None] = mapped_column(Text)  # "line 12", "row 5", "offset 1234"
    name: Mapped[str] = mapped_column(Text)     # file name that labels refer to
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text, index=True)  # ISO 8601, local time
    site: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    photographer: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(Text, unique=True)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column()
    # what produced the rows (extract.extractor_version); older ones are read again by `vnstats reextract`
    extractor_version: Mapped[str | None] = mapped_column(Text, index=True)
    ingest_run: Mapped[str | None] = mapped_column(Text, index=True)   # which ingest stored it (a random id)
    # its place in that ingest's reading order: of copies of one content, the first read is kept
    ingest_order: Mapped[int | None] = mapped_column(BigInteger)

    sentences: Mapped[list[SentenceRow]] = relationship(back_populates="article",
                                                         cascade="all, delete-orphan")
    figures: Mapped[list[FigureRow]] = relationship(back_populates="article",
                                                     cascade="all, delete-orphan")
    dates: Mapped[list[DateRow]] = relationship(cascade="all, delete-orphan")
    documents: Mapped[list[DocumentRow]] = relationship(cascade="all, delete-orphan")
    officials: Mapped[list[OfficialRow]] = relationship(cascade="all, delete-orphan")
    locality_mentions: Mapped[list[LocalityMentionRow]] = relationship(cascade="all, delete-orphan")


class SentenceRow(Base):
    __tablename__ = "sentences"
    __table_args__ = (UniqueConstraint("article_id", "index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)        # 0-based, in reading order
    paragraph: Mapped[int] = mapped_column(Integer)    # 0-based paragraph number
    start: Mapped[int] = mapped_column(Integer)        # offsets into articles.text
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    article: Mapped[ArticleRow] = relationship(back_populates="sentences")


class FigureRow(Base):
    """A quantity the text states, normalized, with where it was read."""

    __tablename__ = "figures"
    __table_args__ = (Index("ix_figures_article", "article_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)        # offsets into articles.text
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)            # the figure as written
    value: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(Text)      # count, percent, ratio, money, measure
    unit: Mapped[str | None] = mapped_column(Text)
    total: Mapped[float | None] = mapped_column(Float)  # for ratios: 30 in "28/30"
    qualifier: Mapped[str] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    subject_start: Mapped[int | None] = mapped_column(Integer)
    subject_end: Mapped[int | None] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(Text)      # which rules read it, for review
    change: Mapped[str | None] = mapped_column(Text)        # up, down: a rise or fall by this much
    compared_to: Mapped[str | None] = mapped_column(Text)  # plan, previous: measured against
    stage: Mapped[str | None] = mapped_column(Text)          # which stage found it: rule (figures: always)
    subject_stage: Mapped[str | None] = mapped_column(Text)  # rule, or model: who gave the subject
    # what the figure is about (extract/facts.py)
    locality_id: Mapped[str | None] = mapped_column(ForeignKey("localities.id"))
    locality_basis: Mapped[str | None] = mapped_column(Text)  # sentence, paragraph, article
    date_start: Mapped[str | None] = mapped_column(Text)
    date_end: Mapped[str | None] = mapped_column(Text)
    date_granularity: Mapped[str | None] = mapped_column(Text)
    date_basis: Mapped[str | None] = mapped_column(Text)      # sentence, paragraph, published
    is_target: Mapped[bool] = mapped_column(default=False)

    article: Mapped[ArticleRow] = relationship(back_populates="figures")
    sentence: Mapped[SentenceRow] = relationship()
    locality: Mapped["LocalityRow | None"] = relationship()


class FailureRow(Base):
    """An input that could not be ingested, and why."""

    __tablename__ = "failures"
    __table_args__ = (UniqueConstraint("source", "member", "record", "reason"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    member: Mapped[str | None] = mapped_column(Text)
    record: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column()


class MentionProvenance:
    """Where a mention was read: its article, sentence, offsets into
    ``articles.text`` and surface (``text == articles.text[start:end]``)."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    stage: Mapped[str | None] = mapped_column(Text)   # which stage found it: rule or model

    @declared_attr
    def sentence(cls) -> Mapped[SentenceRow]:
        return relationship(SentenceRow)


class DateRow(MentionProvenance, Base):
    """A date or period the text states, resolved against the publication date."""

    __tablename__ = "dates"

    date_start: Mapped[str] = mapped_column(Text)  # "2017", "2017-10", "2017-10-24", "--05-02"
    date_end: Mapped[str] = mapped_column(Text)
    granularity: Mapped[str] = mapped_column(Text)  # day, month, quarter, half, year, period
    rule: Mapped[str] = mapped_column(Text)



class DocumentRow(MentionProvenance, Base):
    """A numbered document the text cites."""

    __tablename__ = "documents"

    type: Mapped[str] = mapped_column(Text)
    number: Mapped[str] = mapped_column(Text, index=True)
    issuer: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(Text)


class LocalityRow(Base):
    """An administrative unit of the gazetteer (before or from the 2025 reorganization)."""

    __tablename__ = "localities"

    id: Mapped[str] = mapped_column(Text, primary_key=True)  # "before_2025:district:307"
    code: Mapped[str] = mapped_column(Text, index=True)        # GSO code
    era: Mapped[str] = mapped_column(Text)                    # before_2025, from_2025
    level: Mapped[str] = mapped_column(Text)                  # province, district, ward
    name: Mapped[str] = mapped_column(Text)
    short_name: Mapped[str] = mapped_column(Text)
    province_code: Mapped[str] = mapped_column(Text)
    province: Mapped[str] = mapped_column(Text)
    district_code: Mapped[str | None] = mapped_column(Text)
    district: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[str | None] = mapped_column(Text)
    successor_ids: Mapped[str | None] = mapped_column(Text)          # space-separated from_2025 ids
    successor_province_code: Mapped[str | None] = mapped_column(Text)
    successor_province: Mapped[str | None] = mapped_column(Text)
    # for units created or dissolved between 2010 and June 2025: the days they held (ISO)
    valid_from: Mapped[str | None] = mapped_column(Text)
    valid_until: Mapped[str | None] = mapped_column(Text)


class LocalityMentionRow(MentionProvenance, Base):
    """A named unit in the text; ``locality_id`` is NULL when the name stays ambiguous."""

    __tablename__ = "locality_mentions"

    level: Mapped[str] = mapped_column(Text)
    locality_id: Mapped[str | None] = mapped_column(ForeignKey("localities.id"), index=True)
    candidates: Mapped[str | None] = mapped_column(Text)  # space-separated ids when ambiguous
    role: Mapped[str] = mapped_column(Text)         # place, organization
    basis: Mapped[str] = mapped_column(Text)        # unique, context, ambiguous

    locality: Mapped[LocalityRow | None] = relationship()


class OfficialRow(Base):
    """A person holding office, once per article, with the union of titles."""

    __tablename__ = "officials"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    titles: Mapped[str] = mapped_column(Text)  # "; "-joined, in reading order

    title_rows: Mapped[list[OfficialTitleRow]] = relationship(cascade="all, delete-orphan")
    mentions: Mapped[list[OfficialMentionRow]] = relationship(cascade="all, delete-orphan")


class OfficialTitleRow(Base):
    __tablename__ = "official_titles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    official_id: Mapped[int] = mapped_column(ForeignKey("officials.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)


class OfficialMentionRow(Base):
    __tablename__ = "official_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    official_id: Mapped[int] = mapped_column(ForeignKey("officials.id", ondelete="CASCADE"), index=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)   # the name's offsets
    end: Mapped[int] = mapped_column(Integer)
    titles: Mapped[str] = mapped_column(Text)     # titles given in this mention, "; "-joined
    stage: Mapped[str | None] = mapped_column(Text)   # rule or model: who found the name

    sentence: Mapped[SentenceRow] = relationship()


# What a figure measures, where and when: one row per figure.
FACTS_VIEW = """
CREATE VIEW facts AS
SELECT f.id AS figure_id, a.id AS article_id, a.name AS article, a.published, a.site,
       f.text, f.value, f.kind, f.unit, f.total, f.qualifier, f.subject, f.change, f.compared_to,
       f.is_target,
       l.code AS locality_code, l.name AS locality, l.level AS locality_level,
       l.province_code, l.province,
       l.successor_province_code AS province_2025_code, l.successor_province AS province_2025,
       f.locality_basis, f.date_start, f.date_end, f.date_granularity, f.date_basis,
       CASE WHEN substr(f.date_end, 1, 1) BETWEEN '0' AND '9'
            THEN CAST(substr(f.date_end, 1, 4) AS INTEGER) END AS year,
       s.text AS sentence
FROM figures f
JOIN articles a ON a.id = f.article_id
JOIN sentences s ON s.id = f.sentence_id
LEFT JOIN localities l ON l.id = f.locality_id
"""
