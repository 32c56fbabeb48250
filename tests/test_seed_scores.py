"""The gold-label figure scores on the seeds, as floors that only go up.

The pipeline runs for real (files -> SQLite -> label export), and the export
is scored with the FORMAT.md pairing rules. Raise a floor when the extractor
improves; never lower one to make a change pass.
"""

from __future__ import annotations

import json

import pytest

from pipeline import Options, run
from review.score import score
from store.export import export_labels
from tests.conftest import SEED_LABELS, SEEDS, require_shared

FLOORS = {
    "f1": 1.0,
    "precision": 1.0,
    "recall": 1.0,
    "qualifier_accuracy": 1.0,
    "unit_accuracy": 0.97,
    "subject_f1": 0.97,
}


@pytest.fixture(scope="module")
def figure_scores(tmp_path_factory):
    require_shared()
    tmp = tmp_path_factory.mktemp("seeds")
    db = str(tmp / "v.db")
    run([SEEDS], Options(db=db))
    export_labels(db, tmp / "pred")
    gold = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SEED_LABELS.glob("*.json")}
    pred = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (tmp / "pred").glob("*.json")}
    assert set(pred) == set(gold)
    return score(gold, pred, kinds=("figures",)).totals["figures"].as_dict()


@pytest.mark.parametrize(("metric", "floor"), FLOORS.items(), ids=list(FLOORS))
def test_seed_figure_score_floor(figure_scores, metric, floor):
    assert figure_scores[metric] >= floor - 1e-9, figure_scores
