"""Pre-annotation drafts and the check of hand-edited label files."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from pipeline import main
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
    assert "figures[1]: kind 'area' is not one of" in result.output
    assert "localities[" in result.output and "missing level" in result.output
    assert "orphan.json: article file missing.txt not found" in result.output
