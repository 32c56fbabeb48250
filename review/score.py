"""Scores of predicted against gold labels, by the rules of labels/FORMAT.md.

These are the reference scorer's rules (``labels/score.py``), number for
number. Names are compared normalized: NFC, the look-alike Ð, spaces,
case-folded, and old and new tone placement alike ("Khánh Hoà" = "Khánh Hòa").
Within one article, dates, localities, officials and documents are listed
once per key; then gold and predicted items of a kind are paired one to one,
each gold item in its order with the first unpaired prediction of the same key:

- figures on (kind, value, total), values equal to 1e-6 relative; a paired
  figure is then checked for qualifier, unit, change, compared_to (absent
  equals absent), subject (token-overlap F1; an empty gold subject agrees only
  with an empty prediction), and, where the gold has them, where (a locality
  name, level word removed) and when (start and end equal);
- dates on (start, end);
- localities on (level, name without its level word);
- officials on the name; each title of a paired official scores the best
  token-overlap F1 any predicted title reaches;
- documents on number.

Precision, recall and F1 are counted over all pairs of all articles.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

KINDS = ("figures", "dates", "localities", "officials", "documents")
LEVEL_WORDS = re.compile(r"^(thành phố|tỉnh|quận|huyện|thị xã|xã|phường|thị trấn|tp\.?)\s+")
# old tone placement ("hoá", "thuỷ") to the new one, syllable-final only
_OLD_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
              "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
              "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_TONE = re.compile("(" + "|".join(_OLD_TONES) + r")(?!\w)")
# attributes whose score is a token-overlap F1, the others are accuracies
F1_ATTRIBUTES = ("subject", "titles")


def norm(text: Any) -> str:
    """A name or phrase as the comparison sees it."""
    text = unicodedata.normalize("NFC", str(text or "")).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return _OLD_TONE.sub(lambda m: _OLD_TONES[m.group(1)], text)


def tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", norm(text))


def token_f1(gold: str | None, predicted: str | None) -> float:
    """Token-overlap F1 after normalizing; two empty phrases agree."""
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
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def place_key(name: Any) -> str:
    """A locality name without its level word: "Tỉnh Khánh Hoà" -> "khánh hòa"."""
    return LEVEL_WORDS.sub("", norm(name))


def _period(item: dict | None) -> tuple[str, str]:
    item = item or {}
    return (str(item.get("start")), str(item.get("end") or item.get("start")))


def key(kind: str, item: dict):
    """What two items of a kind must share to be paired."""
    if kind == "dates":
        return _period(item)
    if kind == "localities":
        return (item.get("level"), place_key(item.get("name")))
    if kind == "officials":
        return norm(item.get("name"))
    if kind == "documents":
        return norm(item.get("number"))
    raise ValueError(f"unknown kind {kind!r}")


def keys_match(kind: str, gold: dict, pred: dict) -> bool:
    if kind == "figures":
        return (gold.get("kind") == pred.get("kind") and _same_number(gold.get("value"), pred.get("value"))
                and _same_number(gold.get("total"), pred.get("total")))
    return key(kind, gold) == key(kind, pred)


def attribute_scores(kind: str, gold: dict, pred: dict) -> dict[str, tuple[float, int]]:
    """Each attribute of a pair as (score summed, items scored)."""
    if kind == "figures":
        subject = token_f1(gold.get("subject"), pred.get("subject")) if gold.get("subject") \
            else float(not pred.get("subject"))
        out = {
            "qualifier": (float((gold.get("qualifier") or "exact") == (pred.get("qualifier") or "exact")), 1),
            "unit": (float(norm(gold.get("unit")) == norm(pred.get("unit"))), 1),
            "subject": (subject, 1),
            "change": (float((gold.get("change") or None) == (pred.get("change") or None)), 1),
            "compared_to": (float((gold.get("compared_to") or None) == (pred.get("compared_to") or None)), 1),
        }
        if "where" in gold:   # links are scored where the gold states them
            out["where"] = (float(place_key(gold.get("where")) == place_key(pred.get("where"))), 1)
        if "when" in gold:
            out["when"] = (float(_period(gold.get("when")) == _period(pred.get("when"))), 1)
        return out
    if kind == "officials":
        titles = gold.get("titles") or []
        predicted = pred.get("titles") or []
        return {"titles": (sum(max([token_f1(t, x) for x in predicted] or [0.0]) for t in titles), len(titles))}
    return {}


@dataclass
class Pair:
    gold: dict | None
    pred: dict | None
    # attribute -> (score summed, items scored); see attribute_scores
    scored: dict[str, tuple[float, int]] = field(default_factory=dict)

    @property
    def attributes(self) -> dict[str, float]:
        """Each attribute's score for this pair (a mean over its items)."""
        return {name: total / n for name, (total, n) in self.scored.items() if n}


def _listed_once(kind: str, items: list[dict]) -> list[dict]:
    """Dates, places, people and documents count once per article, as the labels list them."""
    if kind == "figures":
        return items
    seen, out = set(), []
    for item in items:
        k = key(kind, item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def pair_items(kind: str, gold: list[dict], pred: list[dict]) -> list[Pair]:
    """One-to-one pairing; unpaired gold and predictions come back alone."""
    gold, pred = _listed_once(kind, gold), _listed_once(kind, pred)
    used: set[int] = set()
    pairs, missed = [], []
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and keys_match(kind, g, p):
                used.add(j)
                pairs.append(Pair(g, p, attribute_scores(kind, g, p)))
                break
        else:
            missed.append(Pair(g, None))
    return pairs + missed + [Pair(None, p) for j, p in enumerate(pred) if j not in used]


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attribute_sums: dict[str, float] = field(default_factory=dict)
    attribute_counts: dict[str, int] = field(default_factory=dict)

    def add(self, pairs: list[Pair]) -> None:
        for pair in pairs:
            if pair.gold is not None and pair.pred is not None:
                self.tp += 1
                for name, (total, n) in pair.scored.items():
                    self.attribute_sums[name] = self.attribute_sums.get(name, 0.0) + total
                    self.attribute_counts[name] = self.attribute_counts.get(name, 0) + n
            elif pair.gold is not None:
                self.fn += 1
            else:
                self.fp += 1

    @property
    def gold(self) -> int:
        """Gold items of this kind; with none, its scores say nothing."""
        return self.tp + self.fn

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
        """Mean of an attribute over the items scored (None: none scored)."""
        n = self.attribute_counts.get(name, 0)
        return self.attribute_sums.get(name, 0.0) / n if n else None

    def as_dict(self) -> dict[str, Any]:
        """Scores as numbers; a kind with no gold items has None for P, R and F1."""
        known = self.gold > 0
        out: dict[str, Any] = {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                               "precision": self.precision if known else None,
                               "recall": self.recall if known else None,
                               "f1": self.f1 if known else None}
        for name in sorted(self.attribute_sums):
            out[f"{name}_{'f1' if name in F1_ATTRIBUTES else 'accuracy'}"] = self.attribute(name)
        return out


@dataclass
class Scores:
    totals: dict[str, KindScore]
    articles: dict[str, dict[str, KindScore]]
    pairs: dict[str, dict[str, list[Pair]]]


def score(gold: dict[str, dict], predicted: dict[str, dict], kinds=KINDS) -> Scores:
    """Score label documents keyed by article name; an article missing from
    ``predicted`` counts all its gold as missed, and predictions of an article
    with no gold are not scored (as the reference scorer does)."""
    totals = {kind: KindScore() for kind in kinds}
    articles: dict[str, dict[str, KindScore]] = {}
    all_pairs: dict[str, dict[str, list[Pair]]] = {}
    for name in sorted(gold):
        g_doc, p_doc = gold[name], predicted.get(name, {})
        articles[name], all_pairs[name] = {}, {}
        for kind in kinds:
            pairs = pair_items(kind, g_doc.get(kind) or [], p_doc.get(kind) or [])
            article_score = KindScore()
            article_score.add(pairs)
            totals[kind].add(pairs)
            articles[name][kind] = article_score
            all_pairs[name][kind] = pairs
    return Scores(totals, articles, all_pairs)
