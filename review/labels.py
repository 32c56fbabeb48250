"""Label files in the shape of labels/FORMAT.md: reading and checking them.

Problems are reported as messages naming the file (and the item), never as
exceptions: one bad file must not stop a review of the others.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from corpus.normalize import normalize_text
from corpus.readers import decode

KINDS = ("figures", "dates", "localities", "officials", "documents")
TOP_FIELDS = {"article", "published", *KINDS}
FIELDS = {
    "figures": {"required": {"value", "kind"},
                "optional": {"text", "unit", "total", "qualifier", "subject", "change", "compared_to",
                             "where", "when"}},
    "dates": {"required": {"start", "end"}, "optional": {"text"}},
    "localities": {"required": {"name", "level"}, "optional": {"text", "province"}},
    "officials": {"required": {"name"}, "optional": {"titles"}},
    "documents": {"required": {"number"}, "optional": {"text", "type", "date"}},
}
FIGURE_KINDS = {"count", "percent", "ratio", "money", "measure"}
QUALIFIERS = {"exact", "approx", "more_than", "less_than", "at_least", "at_most"}
LEVELS = {"province", "district", "ward"}
CHANGES = {"up", "down"}
BASES = {"plan", "previous"}


@dataclass
class LabelSet:
    """Label documents keyed by the article file name they describe."""

    docs: dict[str, dict] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)   # article name -> label file
    problems: list[str] = field(default_factory=list)


def _check_item(kind: str, item, where: str, problems: list[str]) -> bool:
    """Report what is wrong with one item; False if it cannot be scored."""
    if not isinstance(item, dict):
        problems.append(f"{where}: not an object")
        return False
    spec = FIELDS[kind]
    unknown = set(item) - spec["required"] - spec["optional"]
    if unknown:
        problems.append(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    missing = spec["required"] - set(item)
    if missing:
        problems.append(f"{where}: missing {', '.join(sorted(missing))}; not scored")
        return False
    if kind == "figures":
        if item["kind"] not in FIGURE_KINDS:
            problems.append(f"{where}: kind {item['kind']!r} is not one of {', '.join(sorted(FIGURE_KINDS))}")
            return False
        if not isinstance(item["value"], (int, float)) or isinstance(item["value"], bool):
            problems.append(f"{where}: value {item['value']!r} is not a number; not scored")
            return False
        if item.get("qualifier", "exact") not in QUALIFIERS:
            problems.append(f"{where}: qualifier {item['qualifier']!r} is not one of {', '.join(sorted(QUALIFIERS))}")
        if item.get("change") not in (None, *CHANGES):
            problems.append(f"{where}: change {item['change']!r} is not one of {', '.join(sorted(CHANGES))}")
        if item.get("compared_to") not in (None, *BASES):
            problems.append(f"{where}: compared_to {item['compared_to']!r} is not one of {', '.join(sorted(BASES))}")
        when = item.get("when")
        if when is not None and not (isinstance(when, dict) and set(when) <= {"start", "end"} and when.get("start")):
            problems.append(f"{where}: when must be {{\"start\": ..., \"end\": ...}} or null")
    if kind == "localities" and item["level"] not in LEVELS:
        problems.append(f"{where}: level {item['level']!r} is not one of {', '.join(sorted(LEVELS))}")
    if kind == "officials" and not isinstance(item.get("titles", []), list):
        problems.append(f"{where}: titles must be a list")
    return True


def read_label_file(path: Path, problems: list[str]) -> dict | None:
    """One label document, with bad items left out and reported."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: cannot be read: {exc}")
        return None
    except json.JSONDecodeError as exc:
        problems.append(f"{path}: malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("article"), str):
        problems.append(f"{path}: not a label document (needs an object with \"article\")")
        return None
    for key in set(doc) - TOP_FIELDS:
        problems.append(f"{path}: unknown kind or field {key!r}; ignored")
    clean = {"article": doc["article"], "published": doc.get("published")}
    for kind in KINDS:
        items = doc.get(kind, [])
        if not isinstance(items, list):
            problems.append(f"{path}: {kind} must be a list; not scored")
            items = []
        clean[kind] = [item for i, item in enumerate(items)
                       if _check_item(kind, item, f"{path}: {kind}[{i}]", problems)]
    return clean


def read_label_dir(folder: Path) -> LabelSet:
    labels = LabelSet()
    paths = sorted(folder.glob("*.json"))
    if not paths:
        labels.problems.append(f"{folder}: no .json label files")
    for path in paths:
        doc = read_label_file(path, labels.problems)
        if doc is None:
            continue
        if doc["article"] in labels.docs:
            labels.problems.append(f"{path}: article {doc['article']} is labeled again (first in "
                                   f"{labels.files[doc['article']]}); ignored")
            continue
        labels.docs[doc["article"]] = doc
        labels.files[doc["article"]] = path
    return labels


def _comparable(text: str) -> str:
    return " ".join(normalize_text(unicodedata.normalize("NFC", text)).split())


def check_labels(folder: Path, articles: Path) -> tuple[int, list[str]]:
    """Validate hand-edited label files: fields and kinds, the article file,
    and that every ``text`` occurs in its article. Returns (files, problems)."""
    labels = read_label_dir(folder)
    problems = list(labels.problems)
    for name, doc in labels.docs.items():
        path = labels.files[name]
        article = articles / name
        if not article.is_file():
            problems.append(f"{path}: article file {name} not found in {articles}")
            continue
        try:
            text = _comparable(decode(article.read_bytes()))
        except ValueError as exc:
            problems.append(f"{path}: article {article} cannot be read: {exc}")
            continue
        for kind in KINDS:
            for i, item in enumerate(doc[kind]):
                surface = item.get("text") if kind != "officials" else item.get("name")
                if surface and _comparable(surface) not in text and \
                        _comparable(surface).casefold() not in text.casefold():
                    problems.append(f"{path}: {kind}[{i}] text {surface!r} does not occur in {name}")
    return len(labels.docs), problems
