"""Span labels from annotation tools, scored on spans.

Readers for doccano JSONL (both the ``label`` and the ``entities`` shapes),
Label Studio's JSON export (cancelled annotations skipped) and Prodigy JSONL
(accepted answers only). Their label names are mapped to our kinds by a
mapping given on the command line ("LOC=localities,PER=officials") or in a
small TOML or JSON file. Such labels carry no normalized values, so they are
scored on spans only, strict (same span and kind) and partial (overlapping
span), with nervaluate — whose ``end`` is inclusive, where ours is not.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import regex

from vnstats.review.labels import KINDS

FORMATS = ("doccano", "labelstudio", "prodigy")


class FormatError(ValueError):
    """A span-label file or a label mapping cannot be used."""


@dataclass
class SpanDoc:
    id: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # [start, end) and the tool's label


def _jsonl(path: Path) -> list[tuple[int, dict]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise FormatError(f"{path}:{number}: malformed JSON: {exc.msg}") from None
    return records


def read_doccano(path: Path) -> list[SpanDoc]:
    docs = []
    for number, record in _jsonl(path):
        spans = []
        for item in record.get("label") or []:           # [[start, end, "LABEL"], ...]
            spans.append((int(item[0]), int(item[1]), str(item[2])))
        for item in record.get("entities") or []:         # [{"start_offset", "end_offset", "label"}]
            spans.append((int(item["start_offset"]), int(item["end_offset"]), str(item["label"])))
        docs.append(SpanDoc(str(record.get("id", number)), record.get("text", ""), spans))
    return docs


def read_label_studio(path: Path) -> list[SpanDoc]:
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path}: malformed JSON: {exc.msg}") from None
    docs = []
    for task in tasks:
        data = task.get("data", {})
        text = data.get("text") or next((v for v in data.values() if isinstance(v, str)), "")
        annotation = next((a for a in task.get("annotations", []) if not a.get("was_cancelled")), None)
        if annotation is None:
            continue  # every annotation of the task was cancelled
        spans = [(int(r["value"]["start"]), int(r["value"]["end"]), str(label))
                 for r in annotation.get("result", []) if r.get("type") == "labels"
                 for label in r["value"].get("labels", [])]
        docs.append(SpanDoc(str(task.get("id", len(docs) + 1)), text, spans))
    return docs


def read_prodigy(path: Path) -> list[SpanDoc]:
    return [SpanDoc(str(record.get("_input_hash", number)), record.get("text", ""),
                    [(int(s["start"]), int(s["end"]), str(s["label"])) for s in record.get("spans", [])])
            for number, record in _jsonl(path) if record.get("answer") == "accept"]


READERS = {"doccano": read_doccano, "labelstudio": read_label_studio, "prodigy": read_prodigy}


def read_spans(path: Path, fmt: str) -> list[SpanDoc]:
    if fmt not in READERS:
        raise FormatError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    try:
        return READERS[fmt](path)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        if isinstance(exc, FormatError):
            raise
        raise FormatError(f"{path}: not a {fmt} export: {type(exc).__name__}: {exc}") from None


def parse_label_map(spec: str) -> dict[str, str]:
    """'LOC=localities,PER=officials', or the path of a TOML/JSON file holding such a table."""
    path = Path(spec)
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        try:
            mapping = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
        except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
            raise FormatError(f"{path}: cannot read the label mapping: {exc}") from None
        mapping = mapping.get("labels", mapping)
    else:
        mapping = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, _, kind = part.partition("=")
            if not kind:
                raise FormatError(f"label mapping {part!r}: expected NAME=KIND")
            mapping[name.strip()] = kind.strip()
    for name, kind in mapping.items():
        if kind not in KINDS:
            raise FormatError(f"label mapping {name}={kind}: kind must be one of {', '.join(KINDS)}")
    return mapping


def _locate(raw: str, surface: str, cursor: int) -> tuple[int, int] | None:
    """Where a surface of the cleaned text stands in the raw text (spaces and Đ look-alikes tolerated)."""
    parts = [regex.escape(p).replace("Đ", "[ĐÐ]").replace("đ", "[đð]") for p in surface.split()]
    pattern = regex.compile(r"\s+".join(parts))
    match = pattern.search(raw, cursor) or pattern.search(raw)
    return match.span() if match else None


def predicted_spans(text: str) -> list[tuple[int, int, str]]:
    """Our mentions of a text, as [start, end) offsets into that same text, by kind."""
    from vnstats.corpus.clean import build_article
    from vnstats.extract import extract_article

    article = build_article("spans", "spans", text)
    extraction = extract_article(article)
    found = [(sf.figure.start, sf.figure.end, "figures") for sf in extraction.figures]
    found += [(d.start, d.end, "dates") for _, d in extraction.dates]
    found += [(m.start, m.end, "localities") for _, m in extraction.localities]
    found += [(o.start, o.end, "officials") for _, o in extraction.officials]
    found += [(d.start, d.end, "documents") for _, d in extraction.documents]
    spans, cursor = [], 0
    for start, end, kind in sorted(found):
        where = _locate(text, article.text[start:end], cursor)
        if where:
            spans.append((where[0], where[1], kind))
            cursor = where[0]
    return spans


def score_spans(docs: list[SpanDoc], label_map: dict[str, str]) -> tuple[dict, list[str]]:
    """Strict and partial span scores per kind (nervaluate), and the problems met."""
    from nervaluate import Evaluator

    problems = sorted({f"label {label!r} has no kind in the mapping; ignored"
                       for doc in docs for _, _, label in doc.spans if label not in label_map})
    true, pred = [], []
    for doc in docs:
        # nervaluate's end is inclusive
        true.append([{"label": label_map[label], "start": s, "end": e - 1}
                     for s, e, label in doc.spans if label in label_map])
        pred.append([{"label": kind, "start": s, "end": e - 1} for s, e, kind in predicted_spans(doc.text)])
    kinds = sorted(set(label_map.values()))
    results = Evaluator(true, pred, tags=kinds).evaluate()
    out = {}
    for kind in kinds:
        entity = results["entities"][kind]
        out[kind] = {mode: {"precision": entity[mode].precision, "recall": entity[mode].recall,
                            "f1": entity[mode].f1, "correct": entity[mode].correct,
                            "partial": entity[mode].partial, "missed": entity[mode].missed,
                            "spurious": entity[mode].spurious}
                     for mode in ("strict", "partial")}
    return out, problems
