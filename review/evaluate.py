"""Evaluation: run the pipeline on labeled articles and score it with the FORMAT.md rules."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from vnstats.corpus.clean import content_hash
from vnstats.corpus.normalize import normalize_text
from vnstats.corpus.manifest import folder_sources
from vnstats.corpus.readers import decode
from vnstats.extract import DEFAULT_STAGES
from vnstats.review.labels import KINDS, LabelSet, read_label_dir
from vnstats.review.score import KindScore, Scores, score

ATTRIBUTES = {"figures": ("qualifier_accuracy", "unit_accuracy", "subject_f1", "change_accuracy",
                          "compared_to_accuracy", "where_accuracy", "when_accuracy"),
              "officials": ("titles_f1",)}
# how attribute_lines names each attribute of a paired figure
FIGURE_ATTRIBUTES = (("qualifier", "qualifier accuracy"), ("unit", "unit accuracy"),
                     ("subject", "subject token-F1"), ("change", "change accuracy"),
                     ("compared_to", "compared_to accuracy"), ("where", "where accuracy"),
                     ("when", "when accuracy"))


@dataclass
class Evaluation:
    """Scores of one evaluation run, with everything needed to review it."""

    scores: Scores
    labels: LabelSet
    predicted: dict[str, dict]                     # article name -> predicted label document
    texts: dict[str, str]                          # article name -> stored (cleaned) text
    spans: dict[str, list[dict]]                   # article name -> predicted mentions with offsets
    db: str
    problems: list[str] = field(default_factory=list)
    # what makes the scores meaningless: a labeled article that is missing, no article scored
    errors: list[str] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, KindScore]:
        return self.scores.totals

    @property
    def kinds(self) -> pd.DataFrame:
        """One row per kind: tp, fp, fn, precision, recall, f1 and attribute scores."""
        rows = []
        for kind in KINDS:
            data = self.totals[kind].as_dict()
            rows.append({"kind": kind, **{k: data.get(k) for k in
                                          ("tp", "fp", "fn", "precision", "recall", "f1",
                                           *ATTRIBUTES.get(kind, ()))}})
        return pd.DataFrame(rows).set_index("kind")

    @property
    def articles(self) -> pd.DataFrame:
        """One row per article and kind."""
        rows = []
        for name, per_kind in self.scores.articles.items():
            for kind in KINDS:
                data = per_kind[kind].as_dict()
                rows.append({"article": name, "kind": kind, "tp": data["tp"], "fp": data["fp"],
                             "fn": data["fn"], "precision": data["precision"], "recall": data["recall"],
                             "f1": data["f1"]})
        return pd.DataFrame(rows)

    def to_dict(self) -> dict:
        out: dict = {kind: self.totals[kind].as_dict() for kind in KINDS}
        out["articles"] = [
            {"article": name, **{kind: per_kind[kind].as_dict() for kind in KINDS}}
            for name, per_kind in self.scores.articles.items()
        ]
        out["problems"] = self.problems
        out["errors"] = self.errors
        return out

    def attribute_lines(self, digits: int = 3) -> list[str]:
        """The attribute scores of paired figures and officials, as sentences."""
        lines = []
        figures, officials = self.totals["figures"], self.totals["officials"]
        if figures.tp:
            parts = [f"{label} {figures.attribute(name):.{digits}f}" for name, label in FIGURE_ATTRIBUTES
                     if figures.attribute(name) is not None]
            lines.append("figures (paired): " + ", ".join(parts))
        if officials.tp:
            lines.append(f"officials (paired): title token-F1 {officials.attribute('titles'):.{digits}f}")
        return lines

    def failed_floors(self, floors: dict[str, float]) -> list[str]:
        failed = []
        for kind, floor in floors.items():
            total = self.totals[kind]
            if not total.gold:
                failed.append(f"{kind} has no gold items to score (floor {floor})")
            elif total.f1 < floor:
                failed.append(f"{kind} F1 {total.f1:.4f} < {floor}")
        return failed


def change_label(change: str | None, compared_to: str | None) -> str:
    """" · up vs previous", " · vs plan", or nothing for a level."""
    if not (change or compared_to):
        return ""
    return " · " + " ".join(x for x in (change, compared_to and f"vs {compared_to}") if x)


def full_value(value) -> str:
    """A value written in full as Vietnamese writes it: 1.628.490, 40.800.000,
    65,67 — never 1.62849e+06."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}".replace(",", ".")
    whole, _, decimals = f"{value:,.6f}".rstrip("0").partition(".")
    return whole.replace(",", ".") + ("," + decimals if decimals else "")


def _spans(row) -> list[dict]:
    """Every predicted mention of a stored article, with offsets and what it was read as."""
    spans = []
    for f in row.figures:
        value = full_value(f.value) + (f"/{full_value(f.total)}" if f.total is not None else "")
        spans.append({"kind": "figures", "start": f.start, "end": f.end,
                      "label": f"{f.kind} {value} {f.unit or ''} · {f.qualifier} · {f.subject or '—'}"
                               + change_label(f.change, f.compared_to)})
    for d in row.dates:
        spans.append({"kind": "dates", "start": d.start, "end": d.end,
                      "label": d.date_start if d.date_start == d.date_end else f"{d.date_start} – {d.date_end}"})
    for m in row.locality_mentions:
        unit = m.locality
        label = f"{unit.name}, {unit.province} ({unit.code})" if unit else f"ambiguous {m.level}"
        spans.append({"kind": "localities", "start": m.start, "end": m.end, "label": f"{label} · {m.role}"})
    for o in row.officials:
        for mention in o.mentions:
            spans.append({"kind": "officials", "start": mention.start, "end": mention.end,
                          "label": f"{o.name}: {o.titles}"})
    for d in row.documents:
        spans.append({"kind": "documents", "start": d.start, "end": d.end,
                      "label": f"{d.type} {d.number}" + (f" ({d.date})" if d.date else "")})
    return sorted(spans, key=lambda s: (s["start"], -s["end"]))


def _predictions(db: str, hashes: dict[str, str]):
    """Predicted label documents, texts and spans of the articles whose content hashes are given."""
    from vnstats.store.db import iter_articles
    from vnstats.store.export import article_label

    by_hash = {h: name for name, h in hashes.items()}
    predicted, texts, spans = {}, {}, {}
    for row in iter_articles(db):
        name = by_hash.get(row.content_hash)
        if name:
            doc = article_label(row)
            doc["article"] = name
            predicted[name] = doc
            texts[name] = row.text
            spans[name] = _spans(row)
    return predicted, texts, spans


def evaluate(labels: str | Path, articles: str | Path, db: str | None = None,
             stages: str = DEFAULT_STAGES) -> Evaluation:
    """Run the pipeline on the labeled articles (into a temporary database
    unless ``db`` is given) and score it against the labels. ``stages``:
    "rules" (the default pipeline) or "rules+model" (with the statistical stage).

    >>> result = evaluate("../shared/labels/seeds", "../shared/corpus/seeds")  # doctest: +SKIP
    >>> result.kinds.loc["figures", "f1"]                                     # doctest: +SKIP
    """
    from vnstats.pipeline import Options, run

    labels, articles = Path(labels), Path(articles)
    label_set = read_label_dir(labels)
    problems = list(label_set.problems)
    errors = [p for p in label_set.problems if p.endswith("no .json label files")]
    paths, hashes = [], {}
    root = articles.resolve()
    for name in list(label_set.docs):
        path = articles / name
        if not path.resolve().is_relative_to(root):
            # a link out of the folder: an article is read inside --articles only
            problems.append(f"{label_set.files[name]}: article {name} lies outside {articles}; not scored")
            del label_set.docs[name]
            continue
        try:
            text = decode(path.read_bytes())
        except FileNotFoundError:
            message = f"{label_set.files[name]}: article file {name} not found in {articles}; not scored"
            problems.append(message)
            errors.append(message)
            del label_set.docs[name]
            continue
        except (OSError, ValueError) as exc:
            problems.append(f"{label_set.files[name]}: article {path} cannot be read: {exc}; not scored")
            del label_set.docs[name]
            continue
        paths.append(path)
        hashes[name] = content_hash(normalize_text(text))
    temporary = None
    if db is None:
        temporary = tempfile.TemporaryDirectory(prefix="vnstats-eval-")
        db = str(Path(temporary.name) / "evaluate.db")
    try:
        # the labels' list of sources says where each page came from, as the page's own masthead would
        sources = folder_sources(labels)
        summary = run(paths, Options(db=db, stages=stages, sources=sources)) if paths else None
        if summary:
            problems += [f"{source}: {reason}" for source, reason in summary.failures]
        predicted, texts, spans = _predictions(db, hashes) if paths else ({}, {}, {})
        if not predicted and not errors:
            errors.append(f"no labeled article of {labels} was found and scored in {articles}")
        result = Evaluation(score(label_set.docs, predicted), label_set, predicted, texts, spans, db, problems,
                            errors)
        if temporary is not None:
            result.db = ""  # the temporary database is gone once we return
        return result
    finally:
        if temporary is not None:
            temporary.cleanup()
