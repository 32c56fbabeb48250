"""vnstats as a spaCy pipeline: the same mentions as `vnstats ingest`, Spans
with normalized values, nlp.pipe with processes, displacy in a real browser."""

from __future__ import annotations

import sqlite3
import subprocess

import pytest
from spacy import displacy

import vnstats
from vnstats.pipeline import Options, run
from tests.conftest import SEEDS, SHARED, require_shared
from tests.test_report import FLAGS, _browser

TABLES = {"figures": "figures", "dates": "dates", "localities": "locality_mentions", "documents": "documents"}


@pytest.fixture(scope="module")
def nlp():
    return vnstats.nlp()


def test_stages_are_spacy_components(nlp):
    assert nlp.pipe_names == ["vnstats_sentences", "vnstats_figures", "vnstats_dates", "vnstats_localities",
                              "vnstats_officials", "vnstats_documents"]
    doc = nlp("Năm 2023, huyện Điện Biên có 12 xã đạt chuẩn; thu ngân sách đạt 1.200 tỷ đồng.")
    (figure, money) = doc.spans["figures"]
    assert (figure.text, figure._.vnstats["value"], figure._.vnstats["where"]) == ("12 xã", 12, "Huyện Điện Biên")
    assert (money.text, money._.vnstats["unit"], money._.vnstats["value"]) == ("1.200 tỷ đồng", "VND", 1.2e12)
    assert [(e.text, e.label_) for e in doc.ents] == [("Năm 2023", "DATE"), ("huyện Điện Biên", "LOC"),
                                                      ("12 xã", "QUANTITY"), ("1.200 tỷ đồng", "QUANTITY")]


def test_pipe_gives_the_mentions_ingest_stores(nlp, tmp_path):
    require_shared()
    folder = SHARED / "corpus" / "dev"
    db = tmp_path / "v.db"
    run([folder], Options(db=str(db)))
    paths = sorted(folder.glob("*.txt"))
    docs = list(nlp.pipe((p.read_text(encoding="utf-8") for p in paths), n_process=2, batch_size=4))
    with sqlite3.connect(db) as connection:
        for path, doc in zip(paths, docs):
            (article_id, text) = connection.execute("SELECT id, text FROM articles WHERE name = ?",
                                                    (path.name,)).fetchone()
            assert doc.text == text
            for kind, table in TABLES.items():
                stored = connection.execute(f'SELECT start, "end" FROM {table} WHERE article_id = ? '
                                            f'ORDER BY start, "end"', (article_id,)).fetchall()
                spans = sorted((s.start_char, s.end_char) for s in doc.spans[kind])
                assert spans == [tuple(r) for r in stored], (path.name, kind)
            names = {n for (n,) in connection.execute("SELECT name FROM officials WHERE article_id = ?",
                                                      (article_id,))}
            assert {s._.vnstats["name"] for s in doc.spans["officials"]} == names


def test_displacy_renders_a_seed_article_in_a_browser(nlp, tmp_path):
    require_shared()
    doc = nlp((SEEDS / "000_4c0cdf51f6810542.txt").read_text(encoding="utf-8"))
    page = tmp_path / "doc.html"
    page.write_text(displacy.render(doc, style="span", options={"spans_key": "figures"}, page=True),
                    encoding="utf-8")
    dom = subprocess.run([_browser(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert "3.431" in dom and "1.172" in dom and dom.count("QUANTITY") >= len(doc.spans["figures"]) > 10
