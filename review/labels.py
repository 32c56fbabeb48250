"""Label files in the shape of labels/FORMAT.md: reading and checking them.

The format is described once, as a pydantic schema (``LabelDocument`` and
one model per kind); the checks and their messages come from it. Problems
are reported as one-line messages naming the file and the JSON path of the
item ("figures[3].value: Input should be a valid number"), never as
exceptions: one bad file must not stop a review of the others.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from vnstats.corpus.normalize import normalize_text
from vnstats.corpus.readers import decode

KINDS = ("figures", "dates", "localities", "officials", "documents")
FIGURE_KINDS = ("count", "percent", "ratio", "money", "measure")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most")
LEVELS = ("province", "district", "ward")
CHANGES = ("up", "down")
BASES = ("plan", "previous")


# --- the label format (labels/FORMAT.md) as a schema: the checks and their messages come from it ---

class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Period(_Item):
    start: str
    end: str | None = None


class FigureLabel(_Item):
    text: str | None = None
    value: float
    kind: Literal[FIGURE_KINDS]
    unit: str | None = None
    total: float | None = None
    qualifier: Literal[QUALIFIERS] = "exact"
    subject: str | None = None
    change: Literal[CHANGES] | None = None
    compared_to: Literal[BASES] | None = None
    where: str | None = None
    when: Period | None = None


class DateLabel(_Item):
    text: str | None = None
    start: str
    end: str


class LocalityLabel(_Item):
    text: str | None = None
    name: str
    level: Literal[LEVELS]
    province: str | None = None


class OfficialLabel(_Item):
    name: str
    titles: list[str] = []


class DocumentLabel(_Item):
    text: str | None = None
    type: str | None = None
    number: str
    date: str | None = None


ITEM_MODELS = {"figures": FigureLabel, "dates": DateLabel, "localities": LocalityLabel,
               "officials": OfficialLabel, "documents": DocumentLabel}


class LabelDocument(BaseModel):
    """A label file's top level; its items are checked one by one."""

    model_config = ConfigDict(extra="forbid", strict=True)
    article: str
    published: str | None = None
    figures: list[Any] = []
    dates: list[Any] = []
    localities: list[Any] = []
    officials: list[Any] = []
    documents: list[Any] = []

    @field_validator("article")
    @classmethod
    def _plain_file_name(cls, value: str) -> str:
        # the article is a file in the articles folder: never a path out of it
        if not value or value != PurePosixPath(value).name or "\\" in value or value in (".", ".."):
            raise ValueError("must be a file name in the articles folder, not a path")
        return value


def _problems(prefix: str, error: ValidationError) -> list[str]:
    """One line per problem: where in the file (a JSON path) and what."""
    out = []
    for e in error.errors():
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e["loc"]).lstrip(".")
        value = e.get("input")
        shown = "" if e["type"] == "missing" or isinstance(value, (dict, list)) else f" (got {_short(value)})"
        out.append(f"{prefix}{where}".rstrip(".") + f": {e['msg']}{shown}")
    return out


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass
class LabelSet:
    """Label documents keyed by the article file name they describe."""

    docs: dict[str, dict] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)   # article name -> label file
    problems: list[str] = field(default_factory=list)


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
    except RecursionError:
        problems.append(f"{path}: JSON nested too deeply to read")
        return None
    if not isinstance(doc, dict):
        problems.append(f"{path}: not a label document (needs an object with \"article\")")
        return None
    known = {k: v for k, v in doc.items() if k in LabelDocument.model_fields}
    for key in sorted(set(doc) - set(known)):
        problems.append(f"{path}: unknown kind or field {key!r}; ignored")
    try:
        top = LabelDocument(**known)
    except ValidationError as exc:
        fatal = [e for e in exc.errors() if e["loc"] and e["loc"][0] == "article"]
        problems.extend(_problems(f"{path}: ", exc))
        if fatal:
            return None
        # a kind that is not a list is not scored; the rest of the file is
        known = {k: (v if k == "article" or k == "published" or isinstance(v, list) else [])
                 for k, v in known.items() if k != "published" or v is None or isinstance(v, str)}
        top = LabelDocument(**known)
    clean = {"article": top.article, "published": top.published}
    for kind in KINDS:
        clean[kind] = []
        for i, item in enumerate(getattr(top, kind)):
            try:
                ITEM_MODELS[kind].model_validate(item)
            except ValidationError as exc:
                problems.extend(_problems(f"{path}: {kind}[{i}].", exc))
                if any(e["type"] != "extra_forbidden" for e in exc.errors()):
                    continue   # not scored; a field the format does not know is only ignored
            clean[kind].append(item)
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
