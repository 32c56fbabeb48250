"""End to end: files -> SQLite rows, through the real pipeline and command line."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pandas as pd
import pytest
from click.testing import CliRunner

from vnstats.pipeline import Options, run
from vnstats.cli import main
from tests.conftest import SAMPLES, SEEDS, require_shared


@pytest.fixture()
def corpus_dir(tmp_path):
    """The seeds and the samples, plus one binary and one Latin-1 file, in nested folders."""
    require_shared()
    root = tmp_path / "in"
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(SAMPLES, root / "samples" / "nested")
    (root / "bad").mkdir()
    (root / "bad" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "bad" / "latin1.txt").write_bytes("Déjà vu: the café served crème brûlée.".encode("latin-1"))
    (root / "notes.md").write_text("not an article", encoding="utf-8")  # only .txt in folders
    return root


def _rows(db, sql):
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_ingest_folder_into_sqlite(corpus_dir, tmp_path):
    db = tmp_path / "v.db"
    summary = run([corpus_dir], Options(db=str(db)))
    assert (summary.ingested, summary.skipped, summary.failed) == (8, 0, 2)
    assert _rows(db, "SELECT COUNT(*) FROM articles") == [(8,)]
    failures = dict(_rows(db, "SELECT source, reason FROM failures"))
    assert any(s.endswith("image.txt") and "binary" in r for s, r in failures.items())
    assert any(s.endswith("latin1.txt") and "UTF-8" in r for s, r in failures.items())
    # the seed figures, with provenance
    rows = _rows(db, """SELECT f.value, f.unit, f.subject, s."index", a.name FROM figures f
                        JOIN sentences s ON s.id = f.sentence_id JOIN articles a ON a.id = f.article_id
                        WHERE a.name = '000_4c0cdf51f6810542.txt' AND f.value = 1172""")
    assert rows == [(1172.0, "đồng chí", "cán bộ trẻ dưới 35 tuổi", rows[0][3], "000_4c0cdf51f6810542.txt")]
    seed_figures = _rows(db, "SELECT COUNT(*) FROM figures f JOIN articles a ON a.id = f.article_id "
                             "WHERE a.source LIKE '%/seeds/%'")
    assert seed_figures == [(71,)]  # as many as the gold labels hold (the floor test checks which)


def test_every_stored_span_equals_its_surface(corpus_dir, tmp_path):
    db = tmp_path / "v.db"
    run([corpus_dir], Options(db=str(db)))
    texts = dict(_rows(db, "SELECT id, text FROM articles"))
    for article, start, end, surface in _rows(db, 'SELECT article_id, start, "end", text FROM figures'):
        assert texts[article][start:end] == surface
    for article, start, end, subject in _rows(
            db, "SELECT article_id, subject_start, subject_end, subject FROM figures WHERE subject IS NOT NULL"):
        # the span is the subject's own words; a restriction or measure composed from
        # elsewhere in the sentence follows them ("tổng vốn đăng ký [với …] dự án FDI")
        own = " ".join(texts[article][start:end].split())
        assert own and (subject == own or subject.startswith(own + " "))
    for article, start, end, surface in _rows(db, 'SELECT article_id, start, "end", text FROM sentences'):
        assert texts[article][start:end] == surface
    # each figure lies inside its sentence
    assert _rows(db, """SELECT COUNT(*) FROM figures f JOIN sentences s ON s.id = f.sentence_id
                        WHERE f.start < s.start OR f."end" > s."end" OR f.article_id != s.article_id""") == [(0,)]


def test_reingest_adds_nothing_and_keeps_what_is_stored(corpus_dir, tmp_path):
    db = tmp_path / "v.db"
    run([corpus_dir], Options(db=str(db)))
    before = _rows(db, "SELECT COUNT(*), SUM(value) FROM figures")
    summary = run([corpus_dir], Options(db=str(db)))
    assert (summary.ingested, summary.skipped, summary.failed) == (0, 8, 2)
    assert _rows(db, "SELECT COUNT(*) FROM articles") == [(8,)]
    assert _rows(db, "SELECT COUNT(*), SUM(value) FROM figures") == before
    assert _rows(db, "SELECT COUNT(*) FROM failures") == [(2,)]  # the same failure is kept once


def test_same_content_under_another_name_is_skipped(tmp_path):
    page = (SAMPLES / "001_ngan_sach_song_lam.txt").read_bytes()
    (tmp_path / "a.txt").write_bytes(page)
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + page)  # with a BOM: the same content
    summary = run([tmp_path / "a.txt", tmp_path / "b.txt"], Options(db=str(tmp_path / "v.db")))
    assert (summary.ingested, summary.skipped) == (1, 1)


# --- command line ---------------------------------------------------------------

@pytest.fixture()
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", [[], ["ingest"], ["reextract"], ["query"], ["export"], ["evaluate"], ["label"],
                                     ["label", "draft"], ["label", "check"]])
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_cli_ingest_query_export(runner, corpus_dir, tmp_path):
    db = str(tmp_path / "v.db")
    result = runner.invoke(main, ["ingest", str(corpus_dir), "--db", db])
    assert result.exit_code == 0
    assert "ingested 8, skipped 0 (already stored), failed 2" in result.output
    result = runner.invoke(main, ["query", "SELECT value, unit, subject FROM figures ORDER BY value DESC LIMIT 1",
                                  "--db", db, "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == [{"value": 9e12, "unit": "VND", "subject": "tổng vốn đăng ký doanh nghiệp thành lập mới"}]
    result = runner.invoke(main, ["query", "SELECT kind, COUNT(*) AS n FROM figures GROUP BY kind ORDER BY kind",
                                  "--db", db, "--format", "csv"])
    assert result.output.splitlines()[0] == "kind,n"
    labels = tmp_path / "labels"
    result = runner.invoke(main, ["export", "--format", "labels", "--out", str(labels), "--db", db])
    assert result.exit_code == 0
    doc = json.loads((labels / "000_4c0cdf51f6810542.json").read_text(encoding="utf-8"))
    assert doc["article"] == "000_4c0cdf51f6810542.txt"
    assert set(doc) == {"article", "published", "figures", "dates", "localities", "officials", "documents"}
    figure = next(f for f in doc["figures"] if f["text"] == "1.172 đồng chí")
    assert figure == {"text": "1.172 đồng chí", "value": 1172, "kind": "count", "unit": "đồng chí",
                      "qualifier": "exact", "subject": "cán bộ trẻ dưới 35 tuổi",
                      "where": "Quận 1", "when": {"start": "2017-10-24", "end": "2017-10-24"}}
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"figures.{fmt}"
        result = runner.invoke(main, ["export", "--format", fmt, "--out", str(out), "--db", db])
        assert result.exit_code == 0
        frame = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert {"article", "published", "title", "value", "kind", "unit", "subject"} <= set(frame.columns)
        assert len(frame) == _rows(db, "SELECT COUNT(*) FROM figures")[0][0]


def test_query_is_read_only(runner, corpus_dir, tmp_path):
    db = str(tmp_path / "v.db")
    runner.invoke(main, ["ingest", str(corpus_dir / "samples"), "--db", db])
    result = runner.invoke(main, ["query", "DELETE FROM figures", "--db", db])
    assert result.exit_code != 0
    assert "read-only" in result.output
    assert _rows(db, "SELECT COUNT(*) FROM figures")[0][0] > 0


# each is refused by the database (mode=ro, no attached databases, SQLite's
# authorizer), not by reading the SQL
HOSTILE_SQL = [
    ("write", "DELETE FROM figures"),
    ("create", "CREATE TABLE pwn(x)"),
    ("create-then-commit", "CREATE TABLE t(x int); COMMIT"),
    ("vacuum-into", "VACUUM INTO 'copy.db'"),
    ("attach", "ATTACH DATABASE 'other.db' AS o"),
    ("pragma-write", "PRAGMA journal_mode=DELETE"),
    ("update-in-cte", "WITH x AS (SELECT 1) UPDATE articles SET title = 'x'"),
]


@pytest.mark.parametrize("sql", [s for _, s in HOSTILE_SQL], ids=[i for i, _ in HOSTILE_SQL])
def test_query_cannot_write(runner, corpus_dir, tmp_path, monkeypatch, sql):
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "h#x.db")   # a "#" in the path is part of the name, not a URI fragment
    runner.invoke(main, ["ingest", str(corpus_dir / "samples"), "--db", db])
    before = sorted(p.name for p in tmp_path.iterdir())
    counts = _rows(db, "SELECT COUNT(*), MAX(title) FROM articles")
    result = runner.invoke(main, ["query", sql, "--db", db])
    assert result.exit_code == 1 and "read-only" in result.output and len(result.output.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before   # no file made, none changed by name
    assert _rows(db, "SELECT COUNT(*), MAX(title) FROM articles") == counts
    assert _rows(db, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('pwn', 't')") == [(0,)]


def test_query_passes_sql_as_written(runner, corpus_dir, tmp_path):
    db = str(tmp_path / "v.db")
    runner.invoke(main, ["ingest", str(corpus_dir / "samples"), "--db", db])
    result = runner.invoke(main, ["query", "SELECT 'giờ :30' AS t", "--db", db, "--format", "csv"])
    assert result.exit_code == 0 and result.output == "t\ngiờ :30\n"


def test_query_streams_many_rows(runner, corpus_dir, tmp_path):
    db = str(tmp_path / "v.db")
    runner.invoke(main, ["ingest", str(corpus_dir / "samples"), "--db", db])
    sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000) SELECT i FROM n"
    for fmt in ("csv", "json", "table"):
        result = runner.invoke(main, ["query", sql, "--db", db, "--format", fmt])
        assert result.exit_code == 0
        if fmt == "json":
            assert [r["i"] for r in json.loads(result.output)] == list(range(1, 25001))
        elif fmt == "csv":
            assert result.output.splitlines() == ["i", *map(str, range(1, 25001))]
        else:
            assert result.output.count("| 25000 |") == 1


USER_ERRORS = [
    (["ingest", "no/such/folder"], "no such file or folder"),
    (["query", "SELECT 1", "--db", "missing.db"], "no database at"),
    (["query", "SELEC nothing", "--db", "{db}"], "query failed"),
    (["export", "--format", "labels", "--out", "x", "--db", "missing.db"], "no database at"),
    (["ingest", "{samples}", "--db", "no/such/dir/v.db"], "folder does not exist"),
]


@pytest.mark.parametrize(("args", "message"), USER_ERRORS, ids=[" ".join(a[:2]) for a, _ in USER_ERRORS])
def test_user_errors_are_one_clear_line(runner, tmp_path, monkeypatch, args, message):
    db = tmp_path / "v.db"
    run([SAMPLES], Options(db=str(db)))
    args = [a.format(db=db, samples=SAMPLES) for a in args]
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_database_of_an_older_version_gains_the_new_columns(tmp_path):
    """A database made before figures had change/compared_to keeps its rows and takes new ones."""
    import sqlite3

    from vnstats.store.db import Store

    db = tmp_path / "old.db"
    Store(str(db)).close()
    with sqlite3.connect(db) as connection:   # as an older version left it
        connection.execute("DROP VIEW facts")
        connection.execute("ALTER TABLE figures DROP COLUMN change")
        connection.execute("ALTER TABLE figures DROP COLUMN compared_to")
    article = tmp_path / "a.txt"
    article.write_text("Thu ngân sách tăng 12% so với cùng kỳ.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(article), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT value, change, compared_to FROM facts").fetchall()
    assert rows == [(12.0, "up", "previous")]


def test_counts_say_what_was_stored(tmp_path):
    """Sixteen copies of one article in one run: one stored, fifteen
    skipped, and the figures counted are the figures the database holds."""
    folder = tmp_path / "copies"
    folder.mkdir()
    text = (SAMPLES / "001_ngan_sach_song_lam.txt").read_text(encoding="utf-8")
    for k in range(16):
        (folder / f"copy{k:02d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "c.db"
    summary = run([folder], Options(db=str(db), progress=False, workers=2))
    stored = _rows(db, "SELECT COUNT(*) FROM figures")[0][0]
    assert (summary.ingested, summary.skipped) == (1, 15)
    assert summary.figures == stored > 0
    assert summary.characters == _rows(db, "SELECT LENGTH(text) FROM articles")[0][0]


def test_exit_status_when_inputs_fail(runner, tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text((SAMPLES / "002_vu_lua_dong_xuan.txt").read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.zip").write_bytes(b"PK\x03\x04 not a zip")
    db = str(tmp_path / "s.db")
    all_failed = runner.invoke(main, ["ingest", str(bad), "--db", db, "--quiet"])
    assert all_failed.exit_code == 1 and "failed 1" in all_failed.output
    some_failed = runner.invoke(main, ["ingest", str(good), str(bad), "--db", db, "--quiet"])
    assert some_failed.exit_code == 0 and "ingested 1" in some_failed.output
    strict = runner.invoke(main, ["ingest", str(good), str(bad), "--db", db, "--quiet", "--strict"])
    assert strict.exit_code == 1 and "skipped 1" in strict.output
    clean = runner.invoke(main, ["ingest", str(good), "--db", db, "--quiet", "--strict"])
    assert clean.exit_code == 0


def test_reextract_reads_articles_of_an_older_extractor_again(runner, tmp_path):
    """Rows made by another extractor version are replaced by this one's,
    from the stored text; `ingest` says such articles are there."""
    from tests.test_postgres import rows_of

    fresh, old = str(tmp_path / "fresh.db"), str(tmp_path / "old.db")
    for db in (fresh, old):
        assert runner.invoke(main, ["ingest", str(SAMPLES), "--db", db, "--quiet"]).exit_code == 0
    # what an older version left: other rows, another version
    connection = sqlite3.connect(old)
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("UPDATE articles SET extractor_version = '0.0.1+older'")
    connection.execute("DELETE FROM figures WHERE id % 2 = 0")
    connection.execute("UPDATE figures SET subject = 'cũ'")
    connection.execute("DELETE FROM sentences WHERE article_id = 1")
    connection.commit()
    connection.close()
    assert rows_of(old) != rows_of(fresh)
    again = runner.invoke(main, ["ingest", str(SAMPLES), "--db", old, "--quiet"])
    assert again.exit_code == 0 and "3 of the stored articles were read by an older extractor" in again.output
    result = runner.invoke(main, ["reextract", "--db", old, "--quiet", "--workers", "2"])
    assert result.exit_code == 0 and result.output.startswith("read again 3, failed 0")
    assert rows_of(old) == rows_of(fresh)
    assert runner.invoke(main, ["reextract", "--db", old, "--quiet"]).output.startswith("read again 0")
    versions = _rows(old, "SELECT DISTINCT extractor_version FROM articles")
    assert versions == _rows(fresh, "SELECT DISTINCT extractor_version FROM articles") and len(versions) == 1
