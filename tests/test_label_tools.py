"""Pre-annotation drafts and the check of hand-edited label files."""

from __future__ import annotations

import json
import shutil

import pytest

from click.testing import CliRunner

from vnstats.cli import main
from tests.conftest import SAMPLES


def test_drafts_round_trip_through_check(tmp_path):
    runner = CliRunner()
    drafts = tmp_path / "drafts"
    result = runner.invoke(main, ["label", "draft", str(SAMPLES), "--out", str(drafts)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in drafts.glob("*.json")) == sorted(p.stem + ".json" for p in SAMPLES.glob("*.txt"))
    result = runner.invoke(main, ["label", "check", str(drafts), "--articles", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    assert "3 label files are valid" in result.output
    # the drafts score perfectly against themselves
    result = runner.invoke(main, ["evaluate", "--labels", str(drafts), "--articles", str(SAMPLES), "--json"])
    out = json.loads(result.output)
    assert all(out[kind]["f1"] == 1.0 for kind in ("figures", "dates", "officials", "documents"))


def test_check_names_each_problem(tmp_path):
    runner = CliRunner()
    drafts = tmp_path / "drafts"
    runner.invoke(main, ["label", "draft", str(SAMPLES), "--out", str(drafts)])
    path = drafts / "002_vu_lua_dong_xuan.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["figures"][0]["text"] = "12.850 mẫu"         # not in the article
    doc["figures"][1]["kind"] = "area"               # not a kind
    doc["localities"].append({"text": "x", "name": "Xã X"})  # no level
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    shutil.copy(path, drafts / "orphan.json")
    orphan = json.loads((drafts / "orphan.json").read_text(encoding="utf-8"))
    orphan["article"] = "missing.txt"
    (drafts / "orphan.json").write_text(json.dumps(orphan, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(main, ["label", "check", str(drafts), "--articles", str(SAMPLES)])
    assert result.exit_code != 0
    assert "002_vu_lua_dong_xuan.json: figures[0] text '12.850 mẫu' does not occur" in result.output
    assert "figures[1].kind: Input should be 'count', 'percent', 'ratio', 'money' or 'measure' (got 'area')" \
        in result.output
    assert "localities[" in result.output and ".level: Field required" in result.output
    assert "orphan.json: article file missing.txt not found" in result.output


# malformed label files: each problem is one line naming the file and the JSON
# path of the value, and the run goes on (no traceback)
MALFORMED = [
    ("list-for-string", {"figures": [{"value": 1, "kind": "count", "subject": ["xã"]}]}, "figures[0].subject"),
    ("dict-qualifier", {"figures": [{"value": 1, "kind": "count", "qualifier": {"x": 1}}]}, "figures[0].qualifier"),
    ("numeric-name", {"localities": [{"name": 12, "level": "ward"}]}, "localities[0].name"),
    ("huge-integer", {"figures": [{"value": 10 ** 400, "kind": "count"}]}, "figures[0].value"),
    ("bool-value", {"figures": [{"value": True, "kind": "count"}]}, "figures[0].value"),
    ("string-value", {"figures": [{"value": "12", "kind": "count"}]}, "figures[0].value"),
    ("titles-not-list", {"officials": [{"name": "Lê Văn A", "titles": "Bí thư"}]}, "officials[0].titles"),
    ("title-not-string", {"officials": [{"name": "Lê Văn A", "titles": [1]}]}, "officials[0].titles[0]"),
    ("when-not-object", {"figures": [{"value": 1, "kind": "count", "when": "2024"}]}, "figures[0].when"),
    ("when-without-start", {"figures": [{"value": 1, "kind": "count", "when": {"end": "2024"}}]},
     "figures[0].when.start"),
    ("item-not-object", {"dates": ["2024"]}, "dates[0]"),
    ("kind-not-list", {"figures": {"value": 1}}, "figures"),
    ("published-number", {"published": 2024}, "published"),
    ("nested-deep", {"figures": [{"value": 1, "kind": "count", "subject": [[[[[["x"]]]]]]}]}, "figures[0].subject"),
    ("level-unknown", {"localities": [{"name": "Xã A", "level": "village"}]}, "localities[0].level"),
    ("change-unknown", {"figures": [{"value": 1, "kind": "count", "change": "sideways"}]}, "figures[0].change"),
    ("document-number-missing", {"documents": [{"text": "Nghị quyết"}]}, "documents[0].number"),
]


@pytest.mark.parametrize(("fields", "where"), [(f, w) for _, f, w in MALFORMED], ids=[i for i, _, _ in MALFORMED])
def test_malformed_label_is_one_line_with_its_json_path(tmp_path, fields, where):
    labels = tmp_path / "labels"
    labels.mkdir()
    doc = {"article": "001_ngan_sach_song_lam.txt", **fields}
    (labels / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    result = CliRunner().invoke(main, ["label", "check", str(labels), "--articles", str(SAMPLES)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = [l for l in result.output.splitlines() if "bad.json" in l]
    assert any(f"bad.json: {where}:" in l for l in lines), result.output


@pytest.mark.parametrize("article", ["/etc/passwd", "../../etc/passwd", "sub/x.txt", ""])
def test_article_outside_the_articles_folder_is_refused(tmp_path, article):
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "x.json").write_text(json.dumps({"article": article, "figures": []}), encoding="utf-8")
    report = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["evaluate", "--labels", str(labels), "--articles", str(SAMPLES),
                                       "--report", str(report)])
    assert "x.json: article: Value error, must be a file name in the articles folder" in result.output
    assert not report.exists() or "root:" not in report.read_text(encoding="utf-8")


def test_deeply_nested_label_file_is_one_line(tmp_path):
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "deep.json").write_text("[" * 200_000, encoding="utf-8")
    result = CliRunner().invoke(main, ["label", "check", str(labels), "--articles", str(SAMPLES)])
    assert result.exit_code == 1 and "deep.json: " in result.output and "Traceback" not in result.output
