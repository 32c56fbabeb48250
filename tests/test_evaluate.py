"""Evaluation: the FORMAT.md scores, by hand and through `vnstats evaluate`."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from vnstats.review.evaluate import evaluate
from vnstats.cli import main
from vnstats.review.score import score
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
    # pairing as the reference scorer: each gold item, in order, takes the first
    # unpaired prediction of its key. Gold 100% "cán bộ nữ" takes the approx one
    # (qualifier wrong), gold 100% "đảng viên" the first exact one (subject wrong).
    assert figures.attribute("qualifier") == pytest.approx(2 / 3)
    assert figures.attribute("unit") == pytest.approx(1.0)   # "Đồng chí" = "đồng chí"
    # subjects: 1.0 ("cán bộ nữ"), 0.0 ("đảng viên" vs "cán bộ nữ"), 2*(3/6*3/3)/(3/6+1)=2/3
    assert figures.attribute("subject") == pytest.approx((1 + 0 + 2 / 3) / 3)
    # no change or base on either side: absent equals absent
    assert figures.attribute("change") == pytest.approx(1.0)
    assert figures.attribute("compared_to") == pytest.approx(1.0)
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
    assert result.exit_code != 0   # a labeled article that is missing makes the evaluation invalid
    out = json.loads(result.stdout)
    assert any("ghost.txt not found" in e for e in out["errors"])
    problems = "\n".join(out["problems"])
    assert "broken.json: malformed JSON" in problems
    assert "ghost.json: article file ghost.txt not found" in problems
    assert "001_905dcb978e2025ae.json: unknown kind or field 'quotes'" in problems
    assert "dates[0].colour: Extra inputs are not permitted" in problems
    assert out["figures"]["tp"] == 71 - 24 and out["figures"]["fp"] == 24  # the 24 dropped gold figures
    assert len(out["articles"]) == 5


def test_min_f1_gates(damaged_labels):
    (damaged_labels / "ghost.json").unlink()
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


def test_a_gate_cannot_pass_on_nothing(tmp_path):
    require_shared()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["evaluate", "--labels", str(empty), "--articles", str(SEEDS),
                                       "--min-f1", "figures=0.5"])
    assert result.exit_code != 0
    assert "no .json label files" in result.output
    # the right labels, the wrong articles folder: nothing pairs
    wrong = CliRunner().invoke(main, ["evaluate", "--labels", str(SEED_LABELS), "--articles", str(empty),
                                      "--min-f1", "figures=0.5"])
    assert wrong.exit_code != 0
    assert "not a valid evaluation" in wrong.output


def test_a_kind_with_no_gold_prints_na(tmp_path):
    require_shared()
    labels = tmp_path / "labels"
    labels.mkdir()
    doc = json.loads((SEED_LABELS / "000_4c0cdf51f6810542.json").read_text(encoding="utf-8"))
    doc["documents"] = []
    (labels / "000.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--labels", str(labels), "--articles", str(SEEDS)])
    row = next(line for line in result.output.splitlines() if line.startswith("| documents"))
    assert "n/a" in row and "1.000" not in row
    as_json = CliRunner().invoke(main, ["evaluate", "--labels", str(labels), "--articles", str(SEEDS), "--json"])
    assert json.loads(as_json.stdout)["documents"]["f1"] is None
    gated = CliRunner().invoke(main, ["evaluate", "--labels", str(labels), "--articles", str(SEEDS),
                                      "--min-f1", "documents=0.5"])
    assert gated.exit_code != 0 and "no gold items" in gated.output


def test_agrees_with_the_reference_scorer(tmp_path):
    """Every number the reference scorer prints, on the dev set."""
    require_shared()
    import importlib.util

    from tests.conftest import SHARED
    spec = importlib.util.spec_from_file_location("reference_score", SHARED / "labels" / "score.py")
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    labels, articles = SHARED / "labels" / "dev", SHARED / "corpus" / "dev"
    result = evaluate(labels, articles)
    predicted = tmp_path / "predicted"
    predicted.mkdir()
    for name, doc in result.predicted.items():
        (predicted / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    expected = reference.main(str(labels), str(predicted), as_json=True)
    for kind in ("figures", "dates", "localities", "officials", "documents"):
        ours = result.totals[kind].as_dict()
        assert {k: ours[k] for k in ("tp", "fp", "fn")} == {k: expected[kind][k] for k in ("tp", "fp", "fn")}
        assert round(ours["f1"], 4) == expected[kind]["f1"]
    figures, attrs = result.totals["figures"], expected["figure_attrs"]
    for ours_name, theirs in (("qualifier", "qualifier_acc"), ("unit", "unit_acc"), ("subject", "subject_f1"),
                              ("change", "change_acc"), ("compared_to", "compared_to_acc"),
                              ("where", "where_acc"), ("when", "when_acc")):
        assert round(figures.attribute(ours_name), 4) == attrs[theirs], ours_name
    assert round(result.totals["officials"].attribute("titles"), 4) == expected["official_titles_f1"]
