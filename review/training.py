"""Training data and training for the statistical stage (extract/model.py).

Gold label files (labels/FORMAT.md) give surfaces, not offsets, so each one
is found in the article's cleaned text, sentence by sentence:

- PER: every occurrence of an official's name;
- LOC: every occurrence of a locality's text;
- SUBJ: a figure's subject, written in the figure's own sentence, at the
  occurrence nearest the figure (a subject composed across sentences, "học
  sinh tiểu học" from "bậc tiểu học có … học sinh", is not in the text and
  is reported).

Each sentence becomes one ``Doc`` in the rules' tokens (``model.sentence_doc``);
a span that does not fall on token boundaries is reported, never stretched.
``train`` runs spaCy's training loop on ``review/ner.cfg`` with a fixed seed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
import tempfile
from pathlib import Path

from vnstats.corpus.clean import build_article
from vnstats.corpus.normalize import normalize_text
from vnstats.corpus.readers import decode
from vnstats.extract.model import ENTITY_LABELS, SPANS_KEY, SUBJECT_LABEL, sentence_doc
from vnstats.review.labels import read_label_dir

CONFIG = Path(__file__).resolve().parent / "ner.cfg"


@dataclasses.dataclass
class Conversion:
    """Docs made from labeled articles, and what could not be placed."""

    docs: list = dataclasses.field(default_factory=list)
    names: list[str] = dataclasses.field(default_factory=list)   # the article of each doc
    problems: list[str] = dataclasses.field(default_factory=list)
    placed: dict[str, int] = dataclasses.field(default_factory=lambda: {"PER": 0, "LOC": 0, "SUBJ": 0})
    missed: dict[str, int] = dataclasses.field(default_factory=lambda: {"PER": 0, "LOC": 0, "SUBJ": 0})


def _occurrences(text: str, surface: str) -> list[int]:
    """Starts of ``surface`` in ``text`` as a whole word run."""
    if not surface:
        return []
    pattern = r"(?<![\w])" + re.escape(surface) + r"(?![\w])"
    return [m.start() for m in re.finditer(pattern, text)]


def _token_span(doc, start: int, end: int) -> tuple[int, int] | None:
    """Token indices of sentence offsets start..end, or None off the boundaries."""
    offsets = doc.user_data["offsets"]
    first = next((i for i, (a, _) in enumerate(offsets) if a == start), None)
    last = next((i for i, (_, b) in enumerate(offsets) if b == end), None)
    if first is None or last is None or last < first:
        return None
    return first, last + 1


def convert(labels: str | Path, articles: str | Path, vocab) -> Conversion:
    """Docs with gold spans for every sentence of every labeled article found."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    label_set = read_label_dir(Path(labels))
    out = Conversion(problems=list(label_set.problems))
    for name in sorted(label_set.docs):
        gold = label_set.docs[name]
        where = label_set.files[name]
        path = Path(articles) / name
        try:
            article = build_article(name, name, decode(path.read_bytes()))
        except (OSError, ValueError) as exc:
            out.problems.append(f"{where}: article {name} cannot be read: {exc}")
            continue
        # labels are written by hand: clean their surfaces as the article's text was ("Ð" → "Đ", NFC)
        wanted: list[tuple[str, str]] = [("PER", normalize_text(o.get("name") or "")) for o in gold.get("officials", [])]
        wanted += [("LOC", normalize_text(loc.get("text") or "")) for loc in gold.get("localities", [])]
        seen_entities: set[tuple[str, str]] = set()
        spans: dict[int, list[tuple[str, int, int]]] = {s.index: [] for s in article.sentences}
        for label, surface in wanted:
            if (label, surface) in seen_entities:
                continue   # every occurrence is marked at once
            seen_entities.add((label, surface))
            hits = [(s.index, a, a + len(surface)) for s in article.sentences for a in _occurrences(s.text, surface)]
            if not hits:
                out.problems.append(f"{where}: {label} {surface!r} is in no sentence of the article")
                out.missed[label] += 1
            spans_for = [(i, a, b) for i, a, b in hits]
            for i, a, b in spans_for:
                spans[i].append((label, a, b))
        cursor: dict[str, int] = {}
        for figure in gold.get("figures", []):
            subject, text = normalize_text(figure.get("subject") or ""), normalize_text(figure.get("text") or "")
            if not subject:
                continue
            found = [(s, a) for s in article.sentences for a in _occurrences(s.text, text)]
            k = cursor.get(text, 0)
            cursor[text] = k + 1
            if not found:
                out.problems.append(f"{where}: figure {text!r} is in no sentence; its subject is not placed")
                out.missed["SUBJ"] += 1
                continue
            sentence, at = found[min(k, len(found) - 1)]
            places = _occurrences(sentence.text, subject)
            if not places:
                out.problems.append(f"{where}: subject {subject!r} of {text!r} is not written in its sentence")
                out.missed["SUBJ"] += 1
                continue
            a = min(places, key=lambda p: abs(p - at))
            spans[sentence.index].append((SUBJECT_LABEL, a, a + len(subject)))
        for s in article.sentences:
            doc = sentence_doc(vocab, s.text)
            entities, subjects = [], []
            for label, a, b in spans[s.index]:
                token_span = _token_span(doc, a, b)
                if token_span is None:
                    out.problems.append(f"{where}: {label} {s.text[a:b]!r} does not fall on token boundaries")
                    out.missed[label] += 1
                    continue
                span = Span(doc, *token_span, label=label)
                (subjects if label == SUBJECT_LABEL else entities).append(span)
            kept = filter_spans(entities)   # a place inside a longer name: the longer span
            doc.ents = kept
            unique = {(x.start, x.end): x for x in subjects}
            doc.spans[SPANS_KEY] = list(unique.values())
            for x in kept:
                out.placed[x.label_] += 1
            out.placed[SUBJECT_LABEL] += len(unique)
            out.docs.append(doc)
            out.names.append(name)
    return out


def held_apart(name: str, share: float = 0.2) -> bool:
    """A fixed fifth of the articles, by name, for scoring when no held-apart folder is given."""
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share


def blank_nlp():
    import spacy

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})


def write_docbin(docs, path: str | Path) -> None:
    from spacy.tokens import DocBin

    DocBin(docs=docs, store_user_data=False).to_disk(path)


@dataclasses.dataclass
class Training:
    out: Path
    scores: dict[str, dict[str, float]]   # label -> p, r, f on the held-apart docs
    train_docs: int
    held_docs: int
    problems: list[str]


def train(sources: list[tuple[str | Path, str | Path]], out: str | Path,
          held: tuple[str | Path, str | Path] | None = None, seed: int = 0, epochs: int | None = None,
          config: str | Path = CONFIG) -> Training:
    """Train on the (labels, articles) folders in ``sources`` and write the
    pipeline to ``out``; score it per label on ``held`` (or, without one, on
    a fixed fifth of the articles kept out of training)."""
    from spacy.cli.train import train as spacy_train
    import spacy

    nlp = blank_nlp()
    train_docs, held_docs, problems = [], [], []
    for labels, articles in sources:
        conversion = convert(labels, articles, nlp.vocab)
        problems += conversion.problems
        for doc, name in zip(conversion.docs, conversion.names):
            (held_docs if held is None and held_apart(name) else train_docs).append(doc)
    if held is not None:
        conversion = convert(held[0], held[1], nlp.vocab)
        problems += conversion.problems
        held_docs = conversion.docs
    if not train_docs or not held_docs:
        raise ValueError("no labeled sentences to train on or to score with: check --labels and --articles")
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="vnstats-train-") as work:
        work_dir = Path(work)
        write_docbin(train_docs, work_dir / "train.spacy")
        write_docbin(held_docs, work_dir / "held.spacy")
        overrides = {"paths.train": str(work_dir / "train.spacy"), "paths.dev": str(work_dir / "held.spacy"),
                     "system.seed": seed}
        if epochs is not None:
            overrides["training.max_epochs"] = epochs
        spacy_train(config, work_dir / "output", overrides=overrides)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(work_dir / "output" / "model-last", out)
    scores = score_model(spacy.load(out), held_docs)
    # the scores travel with the model: `vnstats train` run again must reproduce them (tests/test_model.py)
    (out / "scores.json").write_text(json.dumps({"seed": seed, "train_sentences": len(train_docs),
                                                 "held_sentences": len(held_docs), "scores": scores},
                                                indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return Training(out, scores, len(train_docs), len(held_docs), problems)


def score_model(nlp, gold_docs) -> dict[str, dict[str, float]]:
    """Per-label precision, recall and F1 of a pipeline on gold docs."""
    from spacy.training import Example

    examples = [Example(_bare(nlp, doc), doc) for doc in gold_docs]
    result = nlp.evaluate(examples)
    scores = {label: {"p": v["p"], "r": v["r"], "f": v["f"]}
              for label, v in (result.get("ents_per_type") or {}).items()}
    for label in ENTITY_LABELS:
        scores.setdefault(label, {"p": 0.0, "r": 0.0, "f": 0.0})
    scores[SUBJECT_LABEL] = {"p": result.get(f"spans_{SPANS_KEY}_p") or 0.0,
                             "r": result.get(f"spans_{SPANS_KEY}_r") or 0.0,
                             "f": result.get(f"spans_{SPANS_KEY}_f") or 0.0}
    return scores


def _bare(nlp, doc):
    """The gold doc's words without its annotations, for the pipeline to read."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
