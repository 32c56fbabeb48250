"""The records the loader hands to extraction."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article; ``start``/``end`` index ``Article.text``."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """A cleaned article. Every offset below indexes ``text``.

    ``source`` says where the article came from (a path, or an archive member);
    ``name`` is the file name that gold labels refer to.
    """

    source: str
    name: str
    text: str
    content_hash: str
    member: str | None = None     # the archive member it was read from
    record: str | None = None     # the line, row or byte offset of its record
    title: str | None = None
    published: str | None = None  # ISO 8601 local time: "2024-05-02T16:09" or "2017-12-29"
    site: str | None = None
    author: str | None = None
    photographer: str | None = None
    url: str | None = None
    sentences: tuple[Sentence, ...] = field(default=())

    @property
    def published_date(self) -> str | None:
        """The publication date alone, ``YYYY-MM-DD``."""
        return self.published[:10] if self.published else None
