"""The statistical stage: a small spaCy pipeline, trained on our labeled
articles (``vnstats train``), that proposes what the rules missed.

It reads only the sentences that hold a candidate (a figure without a
subject, a capitalized word the rules left alone) and proposes spans:

- ``PER``: a person's name; kept only where the rules' title lists find an
  office beside it (``officials.officials_for_names``);
- ``LOC``: a place name; kept only where the gazetteer resolves it to one
  unit of the article's provinces (``localities.resolve_proposed``);
- ``SUBJ`` (span categorizer): what a figure measures; given only to a
  figure the rules gave no subject, the proposal nearest before it.

Every mention it adds carries ``stage="model"``. Sentences are tokenized
as the rules tokenize them (``text.tokenize``: syllables, digit groups,
punctuation), in training and in use alike, so a span of the one is a span
of the other. The model loads once per process.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from vnstats.extract.text import tokenize

MODEL_DIR = Path(__file__).resolve().parent / "model"
ENTITY_LABELS = ("PER", "LOC")
SUBJECT_LABEL = "SUBJ"
SPANS_KEY = "sc"


def sentence_doc(vocab, text: str):
    """A Doc of one sentence in the rules' tokens. ``doc.user_data["offsets"]``
    holds each token's (start, end) in ``text``: the Doc's own text joins
    tokens with one space at most, so its character offsets are not the
    sentence's."""
    from spacy.tokens import Doc

    tokens = tokenize(text)
    words = [t.text for t in tokens]
    spaces = [tokens[i].end < tokens[i + 1].start for i in range(len(tokens) - 1)] + [False] if tokens else []
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.user_data["offsets"] = [(t.start, t.end) for t in tokens]
    return doc


def span_offsets(doc, start: int, end: int) -> tuple[int, int]:
    """Sentence offsets of tokens start..end of a ``sentence_doc``."""
    offsets = doc.user_data["offsets"]
    return offsets[start][0], offsets[end - 1][1]


def available(path: str | Path | None = None) -> bool:
    folder = Path(path) if path else MODEL_DIR
    return (folder / "meta.json").is_file()


@functools.cache
def load(path: str | None = None):
    """The trained pipeline, once per process (``path``: another model folder)."""
    import spacy

    folder = Path(path) if path else MODEL_DIR
    if not available(folder):
        raise FileNotFoundError(f"{folder}: no trained model here (train one with `vnstats train`)")
    return spacy.load(folder)


@dataclasses.dataclass(frozen=True)
class Proposal:
    """One span the model proposes, as article offsets."""

    sentence: int
    label: str      # PER, LOC or SUBJ
    start: int
    end: int
    text: str
    score: float = 1.0


def propose(sentences, for_names, for_subjects, model_path: str | None = None,
            batch_size: int = 128) -> list[Proposal]:
    """Proposals for some of an article's sentences (``sentences``: its
    Sentence records): names and places in those whose index is in
    ``for_names``, and subjects too in those in ``for_subjects`` (the span
    categorizer costs most: it runs only where a figure lacks a subject)."""
    nlp = load(model_path)
    out: list[Proposal] = []
    everything = set(for_subjects)
    names_only = set(for_names) - everything
    for chosen_set, disabled in ((everything, []), (names_only, ["spancat"])):
        chosen = [s for s in sentences if s.index in chosen_set]
        if not chosen:
            continue
        docs = [sentence_doc(nlp.vocab, s.text) for s in chosen]
        with nlp.select_pipes(disable=[name for name in disabled if name in nlp.pipe_names]):
            for s, doc in zip(chosen, nlp.pipe(docs, batch_size=batch_size)):
                out += _proposals(s, doc)
    return out


def _proposals(s, doc) -> list[Proposal]:
    out = []

    def add(label, start, end, score=1.0):
        a, b = span_offsets(doc, start, end)
        out.append(Proposal(s.index, label, s.start + a, s.start + b, s.text[a:b], score))

    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            add(ent.label_, ent.start, ent.end)
    group = doc.spans.get(SPANS_KEY)
    if group is not None:
        scores = group.attrs.get("scores")
        for k, span in enumerate(group):
            add(SUBJECT_LABEL, span.start, span.end, float(scores[k].max()) if scores is not None else 1.0)
    return out
