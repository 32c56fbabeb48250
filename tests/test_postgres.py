"""PostgreSQL as a first-class store, against a real server (tests/conftest.py
starts one with Debian's initdb and pg_ctl): the same rows as SQLite, text
of any length, a read-only query, one-line connection errors, and processes
starting together on an empty database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from vnstats.pipeline import Options, run
from vnstats.store.db import StoreError, database_url
from tests.conftest import SAMPLES, SEEDS, require_shared
from tests.test_inputs import write_inputs

# every stored fact, without ids or times: what "the same rows" means
CANONICAL = {
    "articles": "SELECT content_hash, source, member, record, name, title, published, site, author, url, text "
                "FROM articles",
    "sentences": "SELECT a.content_hash, s.\"index\", s.paragraph, s.start, s.\"end\", s.text "
                 "FROM sentences s JOIN articles a ON a.id = s.article_id",
    "figures": "SELECT a.content_hash, f.start, f.\"end\", f.text, f.value, f.kind, f.unit, f.total, f.qualifier, "
               "f.subject, f.change, f.compared_to, f.locality_id, f.date_start, f.date_end, f.is_target "
               "FROM figures f JOIN articles a ON a.id = f.article_id",
    "dates": "SELECT a.content_hash, d.start, d.text, d.date_start, d.date_end FROM dates d "
             "JOIN articles a ON a.id = d.article_id",
    "locality_mentions": "SELECT a.content_hash, m.start, m.text, m.locality_id, m.role FROM locality_mentions m "
                         "JOIN articles a ON a.id = m.article_id",
    "officials": "SELECT a.content_hash, o.name, o.titles FROM officials o JOIN articles a ON a.id = o.article_id",
    "documents": "SELECT a.content_hash, d.start, d.text, d.type, d.number FROM documents d "
                 "JOIN articles a ON a.id = d.article_id",
}


def rows_of(db: str) -> dict[str, list[tuple]]:
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as connection:
            return {table: sorted((tuple(r) for r in connection.execute(text(sql))), key=repr)
                    for table, sql in CANONICAL.items()}
    finally:
        engine.dispose()


def vnstats(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vnstats", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600, **kwargs)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """Text, HTML, record files and archives; the samples and the seeds."""
    require_shared()
    folder = tmp_path_factory.mktemp("mixed")
    write_inputs(folder / "kinds")
    for source in (SAMPLES, SEEDS):
        for path in source.glob("*.txt"):
            (folder / f"{source.name}_{path.name}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_postgresql_holds_the_same_rows_as_sqlite(mixed, tmp_path, pg_url):
    sqlite = str(tmp_path / "one.db")
    one = run([mixed], Options(db=sqlite, progress=False))
    two = run([mixed], Options(db=pg_url, workers=2, progress=False))
    assert one.ingested == two.ingested >= 8 and one.figures == two.figures and one.failed == two.failed
    expected, found = rows_of(sqlite), rows_of(pg_url)
    for table in CANONICAL:
        assert found[table] == expected[table], table
    assert len(expected["figures"]) > 100 and expected["officials"] and expected["documents"]


def test_text_of_any_length_is_stored(tmp_path, pg_url):
    """An author of 300 characters, a title of 2,000: stored as on SQLite."""
    record = {"content": (SAMPLES / "001_ngan_sach_song_lam.txt").read_text(encoding="utf-8"),
              "author": "Nguyễn Văn " * 30, "title": "Thu ngân sách " * 150}
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = run([path], Options(db=pg_url, progress=False))
    assert (summary.ingested, summary.failed) == (1, 0)
    (author,) = [r[8] for r in rows_of(pg_url)["articles"]]
    assert len(author) > 255


def test_an_article_the_server_refuses_fails_alone(tmp_path, pg_url):
    """PostgreSQL takes no NUL character in text (SQLite does): such an
    article fails with a one-line reason, recorded, and the rest is stored."""
    good = (SAMPLES / "001_ngan_sach_song_lam.txt").read_text(encoding="utf-8")
    records = [{"content": good, "url": "http://x.vn/a\x00b"},
               {"content": (SAMPLES / "002_vu_lua_dong_xuan.txt").read_text(encoding="utf-8")}]
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    summary = run([path], Options(db=pg_url, progress=False))
    assert (summary.ingested, summary.failed) == (1, 1)
    assert "could not be stored" in summary.failures[0][1]
    engine = create_engine(database_url(pg_url))
    with engine.connect() as connection:
        failures = connection.execute(text("SELECT reason FROM failures")).scalars().all()
        stored = connection.execute(text("SELECT COUNT(*) FROM articles")).scalar()
    engine.dispose()
    assert stored == summary.ingested
    assert all("\n" not in reason for reason in failures) and len(failures) == summary.failed


@pytest.mark.parametrize("sql", [
    "CREATE TABLE t(x int); COMMIT",
    "COMMIT; CREATE TABLE t(x int)",
    "SET default_transaction_read_only = off; CREATE TABLE t(x int)",
    "CREATE TABLE t(x int)",
    "DELETE FROM figures",
    "WITH gone AS (DELETE FROM figures RETURNING id) SELECT COUNT(*) FROM gone",
])
def test_query_cannot_write_on_postgresql(tmp_path, pg_url, sql):
    run([SAMPLES], Options(db=pg_url, progress=False))
    before = rows_of(pg_url)["figures"]
    result = vnstats("query", sql, "--db", pg_url)
    assert result.returncode != 0
    assert result.stderr.startswith("Error: query failed:") and len(result.stderr.strip().splitlines()) == 1
    engine = create_engine(database_url(pg_url))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT to_regclass('t')")).scalar() is None
    engine.dispose()
    assert rows_of(pg_url)["figures"] == before


def test_query_reads_postgresql(pg_url):
    run([SAMPLES], Options(db=pg_url, progress=False))
    result = vnstats("query", "SELECT COUNT(*) AS n FROM figures WHERE subject LIKE '%ngân sách%'",
                     "--db", pg_url, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "n" and int(result.stdout.splitlines()[1]) > 0


def test_unusable_servers_are_one_line_with_the_password_masked(postgres_server, tmp_path):
    base = postgres_server.rsplit("/", 1)[0]
    port = base.rsplit(":", 1)[1]
    cases = {
        "unreachable": f"postgresql://vnstats:hunter2@127.0.0.1:1/postgres",
        "wrong password": f"postgresql://vnstats:hunter2@127.0.0.1:{port}/postgres",
        "missing database": f"{base}/no_such_database",
    }
    for name, url in cases.items():
        for command in (["ingest", str(SAMPLES), "--db", url], ["query", "SELECT 1", "--db", url]):
            result = vnstats(*command)
            lines = result.stderr.strip().splitlines()
            assert result.returncode != 0, (name, command)
            assert len(lines) == 1 and lines[0].startswith("Error: cannot connect to postgresql"), (name, lines)
            assert "hunter2" not in result.stderr and "vnstats-test" not in result.stderr, name
            assert "***" in lines[0], name


def test_missing_driver_says_what_to_install(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a))
    with pytest.raises(StoreError, match=r"pip install 'vnstats\[postgres\]'"):
        database_url("postgresql://u:secret@localhost/db")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_ingests_started_together_on_an_empty_database(backend, tmp_path, request):
    """Four processes create the schema at once: all finish, each article once."""
    db = str(tmp_path / "new.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    folders = []
    for k, path in enumerate(sorted(SAMPLES.glob("*.txt"))):
        folder = tmp_path / f"in{k}"
        folder.mkdir()
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        folders.append(folder)
    folders.append(SAMPLES)   # the same articles again, from a fourth process
    processes = [subprocess.Popen([sys.executable, "-m", "vnstats", "ingest", str(f), "--db", db, "--quiet"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in folders]
    outcomes = [p.communicate(timeout=600) + (p.returncode,) for p in processes]
    assert all(code == 0 for _, _, code in outcomes), outcomes
    assert len(rows_of(db)["articles"]) == 3
