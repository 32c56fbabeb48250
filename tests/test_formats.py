"""Span labels from annotation tools: one small file per format, written here."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from vnstats.cli import main
from vnstats.review.formats import FormatError, parse_label_map, read_spans, score_spans

TEXT = "Ngày 24/10/2017, Quận 1 có 3.431 cán bộ. Đồng chí Nguyễn Hữu Hiệp, Trưởng ban Tổ chức Thành ủy dự."
# gold spans: the date, the district, the count (a partial span: no counter noun), the name
SPANS = [(0, 15, "DATE"), (17, 23, "LOC"), (27, 32, "NUM"), (50, 65, "PER")]
MAP = "DATE=dates,LOC=localities,NUM=figures,PER=officials"


def _doccano_label(path):
    path.write_text(json.dumps({"id": 1, "text": TEXT, "label": [list(s) for s in SPANS]}, ensure_ascii=False)
                    + "\n", encoding="utf-8")


def _doccano_entities(path):
    entities = [{"start_offset": s, "end_offset": e, "label": label} for s, e, label in SPANS]
    path.write_text(json.dumps({"id": 7, "text": TEXT, "entities": entities}, ensure_ascii=False) + "\n",
                    encoding="utf-8")


def _label_studio(path):
    result = [{"type": "labels", "value": {"start": s, "end": e, "text": TEXT[s:e], "labels": [label]}}
              for s, e, label in SPANS]
    tasks = [
        {"id": 1, "data": {"text": TEXT},
         "annotations": [{"was_cancelled": True, "result": []}, {"was_cancelled": False, "result": result}]},
        {"id": 2, "data": {"text": "Bỏ qua."}, "annotations": [{"was_cancelled": True, "result": []}]},
    ]
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")


def _prodigy(path):
    spans = [{"start": s, "end": e, "label": label} for s, e, label in SPANS]
    records = [{"text": TEXT, "spans": spans, "answer": "accept"},
               {"text": "Bị từ chối.", "spans": [], "answer": "reject"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")


FILES = [("doccano", "label", _doccano_label), ("doccano", "entities", _doccano_entities),
         ("labelstudio", "export", _label_studio), ("prodigy", "accepted", _prodigy)]


@pytest.mark.parametrize(("fmt", "write"), [(f, w) for f, _, w in FILES], ids=[f"{f}-{n}" for f, n, _ in FILES])
def test_reads_one_document_with_its_spans(tmp_path, fmt, write):
    path = tmp_path / "spans"
    write(path)
    (doc,) = read_spans(path, fmt)  # cancelled and rejected records are skipped
    assert doc.text == TEXT
    assert sorted(doc.spans) == sorted(SPANS)


@pytest.mark.parametrize(("fmt", "write"), [(f, w) for f, _, w in FILES], ids=[f"{f}-{n}" for f, n, _ in FILES])
def test_span_scores_strict_and_partial(tmp_path, fmt, write):
    path = tmp_path / "spans"
    write(path)
    scores, problems = score_spans(read_spans(path, fmt), parse_label_map(MAP))
    assert problems == []
    for kind in ("dates", "localities", "officials"):
        assert scores[kind]["strict"]["f1"] == 1.0
    # "3.431" (gold) against "3.431 cán bộ" (ours): wrong strictly, right partially
    assert scores["figures"]["strict"]["f1"] == 0.0
    assert scores["figures"]["partial"]["f1"] == pytest.approx(0.5)  # a partial match counts half


def test_label_map_from_a_file_and_errors(tmp_path):
    toml = tmp_path / "map.toml"
    toml.write_text('[labels]\nLOC = "localities"\nPER = "officials"\n', encoding="utf-8")
    assert parse_label_map(str(toml)) == {"LOC": "localities", "PER": "officials"}
    with pytest.raises(FormatError, match="kind must be one of"):
        parse_label_map("LOC=places")
    with pytest.raises(FormatError, match="expected NAME=KIND"):
        parse_label_map("LOC")


def test_cli_scores_a_span_file_and_reports_unmapped_labels(tmp_path):
    path = tmp_path / "spans.jsonl"
    _doccano_label(path)
    result = CliRunner().invoke(main, ["evaluate", "--labels", str(path), "--format", "doccano",
                                       "--label-map", "LOC=localities,PER=officials", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["localities"]["strict"]["f1"] == 1.0
    assert "label 'DATE' has no kind in the mapping; ignored" in out["problems"]
