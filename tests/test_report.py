"""The HTML review report, rendered by a real browser (headless Chromium)."""

from __future__ import annotations

import io
import json
from collections import Counter
import os
import shutil
import subprocess

import pytest
import regex
from click.testing import CliRunner

from vnstats.cli import main
from tests.conftest import SEED_LABELS, SEEDS, require_shared

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """A report over the seeds with labels damaged on purpose, and an article holding markup."""
    require_shared()
    tmp = tmp_path_factory.mktemp("report")
    labels, articles = tmp / "labels", tmp / "articles"
    shutil.copytree(SEED_LABELS, labels)
    shutil.copytree(SEEDS, articles)
    doc = json.loads((labels / "001_905dcb978e2025ae.json").read_text(encoding="utf-8"))
    doc["figures"][0]["qualifier"] = "approx"            # a mismatch
    doc["figures"].append({"text": "Lượt xem: 88", "value": 88, "kind": "count", "unit": "lượt",
                           "qualifier": "exact", "subject": None})  # not found: missed
    (labels / "001_905dcb978e2025ae.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (articles / "markup.txt").write_text(
        "Huyện A có <script>alert('x')</script> 12 xã\n\nHuyện A có <b>12 xã</b> và 3 thị trấn.", encoding="utf-8")
    (labels / "markup.json").write_text(json.dumps({"article": "markup.txt", "figures": [
        {"text": "12 xã", "value": 12, "kind": "count", "unit": "xã", "qualifier": "exact", "subject": "xã"}]}),
        encoding="utf-8")
    path = tmp / "review.html"
    result = CliRunner().invoke(main, ["evaluate", "--labels", str(labels), "--articles", str(articles),
                                       "--report", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_report_is_self_contained_and_escaped(report):
    html = report.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html.replace("https://hanoi.gov.vn/", "")
    assert 'id="summary"' in html and 'href="#article-0"' in html
    assert "wrong qualifier" in html and "missed" in html
    # each figure shows the place and period it was tied to, gold beside prediction
    assert "where: Thành phố Hà Nội" in html and "when: 2024-05-02" in html
    # the lists fold below the scores
    assert "<details><summary>Extras, misses and mismatches (" in html
    assert "e+" not in html.split('id="summary"')[1]   # values in full: 8.000.000.000.000, never 8e+12
    assert "count 3.431 cán bộ" in html   # "3.431 cán bộ, công chức, viên chức" read as 3431


def _browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed on this machine")
    return CHROMIUM


def test_report_renders_in_headless_chromium(report, tmp_path):
    browser = _browser()
    profile = tmp_path / "profile"
    dom = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", report.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    assert '<table id="summary">' in dom
    # displacy's span rendering: each mention's kind written under its first word
    labels = Counter(regex.findall(r'z-index: 10;[^>]*>\s*([^<]+?)\s*<', dom))
    assert labels["figures"] > 50
    assert all(labels[kind] > 0 for kind in ("localities", "officials", "dates", "documents"))


def test_report_screenshot_is_not_blank(report, tmp_path):
    from PIL import Image

    browser = _browser()
    shot = tmp_path / "shot.png"
    subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
                    "--window-size=1280,1600", report.as_uri()], capture_output=True, timeout=120)
    image = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert image.size == (1280, 1600)
    assert colours is not None and len(colours) > 50  # text and highlights, not one flat colour
    assert max(count for count, _ in colours) < 0.97 * 1280 * 1600
