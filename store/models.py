"""Tables, as SQLAlchemy 2 typed models. Documented for users in README.md."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    """One cleaned article; ``text`` is what every offset indexes."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)          # where it was read from
    name: Mapped[str] = mapped_column(String(255))     # file name that labels refer to
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32), index=True)  # ISO 8601, local time
    site: Mapped[str | None] = mapped_column(String(64))
    author: Mapped[str | None] = mapped_column(String(255))
    photographer: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column()

    sentences: Mapped[list[SentenceRow]] = relationship(back_populates="article",
                                                         cascade="all, delete-orphan")
    figures: Mapped[list[FigureRow]] = relationship(back_populates="article",
                                                     cascade="all, delete-orphan")


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
    kind: Mapped[str] = mapped_column(String(16))      # count, percent, ratio, money, measure
    unit: Mapped[str | None] = mapped_column(String(128))
    total: Mapped[float | None] = mapped_column(Float)  # for ratios: 30 in "28/30"
    qualifier: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(Text)
    subject_start: Mapped[int | None] = mapped_column(Integer)
    subject_end: Mapped[int | None] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(64))      # which rules read it, for review

    article: Mapped[ArticleRow] = relationship(back_populates="figures")
    sentence: Mapped[SentenceRow] = relationship()


class FailureRow(Base):
    """An input that could not be ingested, and why."""

    __tablename__ = "failures"
    __table_args__ = (UniqueConstraint("source", "reason"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column()
