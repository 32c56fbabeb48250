"""Scores of predicted against gold labels, by the rules of labels/FORMAT.md.

Within one article, gold and predicted items of a kind are paired one to one
on a key:

- figures on (kind, value, total), values equal to 1e-6 relative; a paired
  figure is then checked for qualifier, unit (lower-cased) and subject
  (token-overlap F1 after lower-casing);
- dates on (start, end);
- localities on (level, name without its level word, case-folded);
- officials on the case-folded name; a paired official's titles are then
  checked (token-overlap F1 over all titles);
- documents on number.

Precision, recall and F1 are counted over all pairs of all articles. Among
items with equal keys the pairing prefers the best attribute agreement; the
counts do not depend on it.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import regex

KINDS = ("figures", "dates", "localities", "officials", "documents")
LEVEL_WORDS = ("thành phố", "tỉnh", "quận", "huyện", "thị xã", "thị trấn", "xã", "phường")
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def tokens(text: str | None) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text or "").lower())


def token_f1(gold: str | None, predicted: str | None) -> float:
    """Token-overlap F1 after lower-casing; two empty phrases agree."""
    g, p = Counter(tokens(gold)), Counter(tokens(predicted))
    if not g and not p:
        return 1.0
    overlap = sum((g & p).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=0.0) or a == b


def _locality_key(item: dict) -> tuple:
    name = unicodedata.normalize("NFC", item.get("name") or "").casefold().strip()
    for word in LEVEL_WORDS:
        if name.startswith(word + " "):
            name = name[len(word) + 1:]
            break
    return (item.get("level"), name)


def keys_match(kind: str, gold: dict, pred: dict) -> bool:
    if kind == "figures":
        return (gold.get("kind") == pred.get("kind") and _same_number(gold.get("value"), pred.get("value"))
                and _same_number(gold.get("total"), pred.get("total")))
    if kind == "dates":
        return (gold.get("start"), gold.get("end")) == (pred.get("start"), pred.get("end"))
    if kind == "localities":
        return _locality_key(gold) == _locality_key(pred)
    if kind == "officials":
        return (gold.get("name") or "").casefold() == (pred.get("name") or "").casefold()
    if kind == "documents":
        return gold.get("number") == pred.get("number")
    raise ValueError(f"unknown kind {kind!r}")


def _unit(item: dict) -> str:
    return (item.get("unit") or "").strip().lower()


def attribute_scores(kind: str, gold: dict, pred: dict) -> dict[str, float]:
    if kind == "figures":
        return {
            "qualifier": float((gold.get("qualifier") or "exact") == (pred.get("qualifier") or "exact")),
            "unit": float(_unit(gold) == _unit(pred)),
            "subject": token_f1(gold.get("subject"), pred.get("subject")),
        }
    if kind == "officials":
        return {"titles": token_f1(" ; ".join(gold.get("titles") or []),
                                   " ; ".join(pred.get("titles") or []))}
    return {}


@dataclass
class Pair:
    gold: dict | None
    pred: dict | None
    attributes: dict[str, float] = field(default_factory=dict)


def pair_items(kind: str, gold: list[dict], pred: list[dict]) -> list[Pair]:
    """One-to-one pairing; unpaired gold and predictions come back alone."""
    options = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if keys_match(kind, g, p):
                attrs = attribute_scores(kind, g, p)
                options.append((sum(attrs.values()), -abs(gi - pi), gi, pi, attrs))
    options.sort(key=lambda o: (o[0], o[1]), reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi, attrs in options:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append(Pair(gold[gi], pred[pi], attrs))
    pairs += [Pair(g, None) for gi, g in enumerate(gold) if gi not in used_g]
    pairs += [Pair(None, p) for pi, p in enumerate(pred) if pi not in used_p]
    return pairs


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attribute_sums: dict[str, float] = field(default_factory=dict)

    def add(self, pairs: list[Pair]) -> None:
        for pair in pairs:
            if pair.gold is not None and pair.pred is not None:
                self.tp += 1
                for name, value in pair.attributes.items():
                    self.attribute_sums[name] = self.attribute_sums.get(name, 0.0) + value
            elif pair.gold is not None:
                self.fn += 1
            else:
                self.fp += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def attribute(self, name: str) -> float | None:
        """Mean of an attribute score over the paired items (None: no pairs)."""
        return self.attribute_sums.get(name, 0.0) / self.tp if self.tp else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                               "precision": self.precision, "recall": self.recall, "f1": self.f1}
        for name in sorted(self.attribute_sums):
            out[f"{name}_{'f1' if name in ('subject', 'titles') else 'accuracy'}"] = self.attribute(name)
        return out


@dataclass
class Scores:
    totals: dict[str, KindScore]
    articles: dict[str, dict[str, KindScore]]
    pairs: dict[str, dict[str, list[Pair]]]


def score(gold: dict[str, dict], predicted: dict[str, dict], kinds=KINDS) -> Scores:
    """Score label documents keyed by article name; an article missing from
    ``predicted`` counts all its gold as missed."""
    totals = {kind: KindScore() for kind in kinds}
    articles: dict[str, dict[str, KindScore]] = {}
    all_pairs: dict[str, dict[str, list[Pair]]] = {}
    for name in sorted(set(gold) | set(predicted)):
        g_doc, p_doc = gold.get(name, {}), predicted.get(name, {})
        articles[name], all_pairs[name] = {}, {}
        for kind in kinds:
            pairs = pair_items(kind, g_doc.get(kind) or [], p_doc.get(kind) or [])
            article_score = KindScore()
            article_score.add(pairs)
            totals[kind].add(pairs)
            articles[name][kind] = article_score
            all_pairs[name][kind] = pairs
    return Scores(totals, articles, all_pairs)
