"""Extractors: pure functions from sentences to frozen mention records."""

from __future__ import annotations

from dataclasses import dataclass

from corpus.article import Article
from extract.figures import Figure, extract_figures


@dataclass(frozen=True)
class SentenceFigure:
    """A figure and the index of the sentence it was read from."""

    sentence: int
    figure: Figure


def figures_of(article: Article) -> list[SentenceFigure]:
    """Every figure of an article; offsets index ``article.text``."""
    return [SentenceFigure(s.index, f)
            for s in article.sentences
            for f in extract_figures(s.text, s.start)]
