"""Evaluation: the FORMAT.md scores, by hand and through `vnstats evaluate`."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from pipeline import evaluate, main
from review.score import score
from tests.conftest import SEED_LABELS, SEEDS, require_shared

GOLD = {"a.txt": {
    "figures": [
        {"value": 100, "kind": "percent", "unit": "%", "qualifier": "exact", "subject": "cán bộ nữ"},
        {"value": 100, "kind": "percent", "unit": "%", "qualifier": "exact", "subject": "đảng viên"},
        {"value": 28, "total": 30, "kind": "ratio", "unit": "xã", "qualifier": "exact", "subject": "xã"},
        {"value": 1172, "kind": "count", "unit": "đồng chí", "qualifier": "exact", "subject": "cán bộ trẻ"},
    ],
    "dates": [{"start": "2024-05-02", "end": "2024-05-02"}, {"start": "2020", "end": "2025"}],
    "officials": [{"name": "Nguyễn Hữu Hiệp", "titles": ["Trưởng ban Tổ chức Thành ủy"]}],
    "localities": [], "documents": [],
}}
PREDICTED = {"a.txt": {
    "figures": [
        # one of the two gold 100% is found, twice: one pairs, the duplicate is extra
        {"value": 100.0, "kind": "percent", "unit": "%", "qualifier": "approx", "subject": "cán bộ nữ"},
        {"value": 100.0, "kind": "percent", "unit": "%", "qualifier": "exact", "subject": "cán bộ nữ"},
        {"value": 100.0, "kind": "percent", "unit": "%", "qualifier": "exact", "subject": "cán bộ nữ"},
        # the ratio with the wrong total pairs with nothing
        {"value": 28, "total": 29, "kind": "ratio", "unit": "xã", "qualifier": "exact", "subject": "xã"},
        {"value": 1172, "kind": "count", "unit": "Đồng chí", "qualifier": "exact", "subject": "cán bộ trẻ dưới 35 tuổi"},
    ],
    # a partial date resolved to the wrong year pairs with nothing
    "dates": [{"start": "2023-05-02", "end": "2023-05-02"}, {"start": "2020", "end": "2025"}],
    # names pair case-insensitively
    "officials": [{"name": "NGUYỄN HỮU HIỆP", "titles": ["Trưởng ban Tổ chức"]}],
    "localities": [], "documents": [],
}}


def test_scores_computed_by_hand():
    totals = score(GOLD, PREDICTED).totals
    figures = totals["figures"]
    # pairs: 100% (x2: both gold 100% pair with two of the three predicted), 1172 -> tp 3
    # extra: the third 100%, the 28/29 ratio -> fp 2; missed: the 28/30 ratio -> fn 1
    assert (figures.tp, figures.fp, figures.fn) == (3, 2, 1)
    assert figures.precision == pytest.approx(3 / 5) and figures.recall == pytest.approx(3 / 4)
    assert figures.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    # qualifiers: the two exact 100% pair first with the exact gold -> 3/3; units lower-cased -> 3/3
    assert figures.attribute("qualifier") == pytest.approx(1.0)
    assert figures.attribute("unit") == pytest.approx(1.0)
    # subjects: 1.0 ("cán bộ nữ"), 0.0 ("đảng viên" vs "cán bộ nữ"), 2*(3/6*3/3)/(3/6+1)=2/3
    assert figures.attribute("subject") == pytest.approx((1 + 0 + 2 / 3) / 3)
    dates = totals["dates"]
    assert (dates.tp, dates.fp, dates.fn) == (1, 1, 1)
    officials = totals["officials"]
    assert (officials.tp, officials.fp, officials.fn) == (1, 0, 0)
    # titles: gold 6 tokens, predicted 4, all 4 shared -> P 1, R 4/6 -> F1 0.8
    assert officials.attribute("titles") == pytest.approx(0.8)


def test_python_api_returns_data_frames():
    require_shared()
    result = evaluate(SEED_LABELS, SEEDS)
    assert list(result.kinds.index) == ["figures", "dates", "localities", "officials", "documents"]
    assert result.kinds.loc["figures", "f1"] >= 0.95
    assert set(result.articles["article"]) == {p.name for p in SEEDS.glob("*.txt")}
    assert {"tp", "fp", "fn", "precision", "recall", "f1"} <= set(result.articles.columns)


def test_cli_json_equals_the_format_rules():
    require_shared()
    result = CliRunner().invoke(main, ["evaluate", "--labels", str(SEED_LABELS), "--articles", str(SEEDS), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    direct = evaluate(SEED_LABELS, SEEDS)
    for kind in ("figures", "dates", "localities", "officials", "documents"):
        assert {k: out[kind][k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")} == \
            {k: direct.totals[kind].as_dict()[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")}
    assert {"qualifier_accuracy", "unit_accuracy", "subject_f1"} <= set(out["figures"])
    assert "titles_f1" in out["officials"]
    assert len(out["articles"]) == 5


@pytest.fixture()
def damaged_labels(tmp_path):
    """The seed labels with one article dropped from its figures, a missing
    article, malformed JSON, an unknown kind and an unknown field."""
    require_shared()
    folder = tmp_path / "labels"
    shutil.copytree(SEED_LABELS, folder)
    doc = json.loads((folder / "001_905dcb978e2025ae.json").read_text(encoding="utf-8"))
    doc["figures"] = doc["figures"][:10]
    doc["quotes"] = []
    doc["dates"][0]["colour"] = "red"
    (folder / "001_905dcb978e2025ae.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (folder / "broken.json").write_text('{"article": ', encoding="utf-8")
    (folder / "ghost.json").write_text('{"article": "ghost.txt", "figures": []}', encoding="utf-8")
    return folder


def test_label_problems_are_named_and_the_rest_is_scored(damaged_labels):
    result = CliRunner().invoke(main, ["evaluate", "--labels", str(damaged_labels), "--articles", str(SEEDS),
                                       "--json"])
    out = json.loads(result.output)
    problems = "\n".join(out["problems"])
    assert "broken.json: malformed JSON" in problems
    assert "ghost.json: article file ghost.txt not found" in problems
    assert "001_905dcb978e2025ae.json: unknown kind or field 'quotes'" in problems
    assert "dates[0]: unknown field(s) colour" in problems
    assert out["figures"]["tp"] == 71 - 24 and out["figures"]["fp"] == 24  # the 24 dropped gold figures
    assert len(out["articles"]) == 5


def test_min_f1_gates(damaged_labels):
    passing = CliRunner().invoke(main, ["evaluate", "--labels", str(damaged_labels), "--articles", str(SEEDS),
                                        "--min-f1", "dates=0.9"])
    assert passing.exit_code == 0
    failing = CliRunner().invoke(main, ["evaluate", "--labels", str(damaged_labels), "--articles", str(SEEDS),
                                        "--min-f1", "figures=0.95", "--min-f1", "dates=0.9"])
    assert failing.exit_code != 0
    assert "below the floor: figures F1" in failing.output
    bad = CliRunner().invoke(main, ["evaluate", "--labels", str(damaged_labels), "--articles", str(SEEDS),
                                    "--min-f1", "figure=0.9"])
    assert bad.exit_code == 2 and "kind must be one of" in bad.output
