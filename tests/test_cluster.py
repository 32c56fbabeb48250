"""Ingest on a real Dask cluster: a scheduler and two workers started with
Dask's own command line, writing into a real PostgreSQL server."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from vnstats.cluster import run_on_cluster
from vnstats.pipeline import Options, run
from vnstats.store.db import database_url
from tests.conftest import SAMPLES, SEEDS, require_shared
from tests.test_inputs import HTML, _warc, write_inputs
from tests.test_postgres import rows_of

DASK = Path(sys.executable).parent / "dask"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def dask_cluster():
    """`dask scheduler` and two `dask worker` processes (one thread each, no
    nanny: a killed worker stays dead). Yields (address, worker processes)."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--dashboard-address", f"127.0.0.1:{_free_port()}"], **quiet)
    workers = [subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                 "--host", "127.0.0.1"], **quiet) for _ in range(2)]
    try:
        from dask.distributed import Client

        deadline = time.time() + 60
        while True:
            try:
                with Client(address, timeout="5s") as client:
                    if len(client.scheduler_info()["workers"]) == 2:
                        break
            except OSError:
                pass
            assert time.time() < deadline, "the Dask cluster did not start"
            time.sleep(0.5)
        yield address, workers
    finally:
        for process in [*workers, scheduler]:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """txt, HTML, JSON lines, csv, parquet, zip, tar.gz and a WARC of 60 pages;
    the samples and the seeds."""
    require_shared()
    folder = tmp_path_factory.mktemp("mixed")
    write_inputs(folder / "kinds")
    pages = [(f"http://x.vn/{i}", HTML.replace("lúa", f"lúa giống số {i}")) for i in range(60)]
    (folder / "crawl60.warc.gz").write_bytes(_warc(pages))
    for source in (SAMPLES, SEEDS):
        for path in source.glob("*.txt"):
            (folder / f"{source.name}_{path.name}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_three_ways_hold_the_same_rows(mixed, tmp_path, pg_url, postgres_server, dask_cluster):
    """SQLite in one process, PostgreSQL with two worker processes, and
    PostgreSQL on the Dask cluster (the WARC and the zip cut into ranges):
    the same articles, sentences, figures, dates, localities, officials and
    documents, row for row."""
    address, _ = dask_cluster
    sqlite = str(tmp_path / "one.db")
    pooled = pg_url
    clustered = pg_url.rsplit("/", 1)[0] + "/" + pg_url.rsplit("/", 1)[1] + "_dask"
    import psycopg

    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{clustered.rsplit("/", 1)[1]}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{clustered.rsplit("/", 1)[1]}"')
    one = run([mixed], Options(db=sqlite))
    two = run([mixed], Options(db=pooled, workers=2))
    announced = []
    three = run_on_cluster([mixed], Options(db=clustered), address, announce=announced.append,
                           task_sizes={"files_per_task": 4, "members_per_task": 2, "bytes_per_task": 20_000})
    assert announced and announced[0].startswith("Dask dashboard: http")
    assert one.line() == two.line() == three.line()
    assert one.ingested > 60 and one.failed == 0
    expected = rows_of(sqlite)
    for db in (pooled, clustered):
        found = rows_of(db)
        for table in expected:
            missing = [r for r in expected[table] if r not in found[table]][:3]
            extra = [r for r in found[table] if r not in expected[table]][:3]
            assert found[table] == expected[table], (db, table, [m[:5] for m in missing], "EXTRA", [e[:5] for e in extra])


def _unique_articles(folder: Path, count: int) -> None:
    """``count`` different articles: the samples with their figures changed."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for k in range(count):
        body = re.sub(r"\d+", lambda m: str(int(m.group()) + k + 1), texts[k % len(texts)])
        (folder / f"a{k:04d}.txt").write_text(body, encoding="utf-8")


def _count(db: str, sql: str) -> int:
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar()
    finally:
        engine.dispose()


ORPHANS = [f"SELECT COUNT(*) FROM {table} t LEFT JOIN articles a ON a.id = t.article_id WHERE a.id IS NULL"
           for table in ("sentences", "figures", "dates", "documents", "locality_mentions", "officials")]


def test_a_killed_worker_loses_nothing_and_adds_nothing_twice(tmp_path, pg_url, dask_cluster):
    address, workers = dask_cluster
    folder = tmp_path / "many"
    _unique_articles(folder, 600)
    clean_db = str(tmp_path / "clean.db")
    clean = run([folder], Options(db=clean_db))
    command = [sys.executable, "-m", "vnstats", "ingest", str(folder), "--db", pg_url, "--cluster", address,
               "--quiet"]
    ingest = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while _count_or_zero(pg_url) < 40:   # the run is under way: some tasks are stored
        assert ingest.poll() is None and time.time() < deadline, "the run ended before a worker could be killed"
        time.sleep(0.2)
    os.kill(workers[0].pid, signal.SIGKILL)
    out, err = ingest.communicate(timeout=600)
    assert ingest.returncode == 0, err
    assert _count_or_zero(pg_url) == clean.ingested == 600
    assert _count(pg_url, "SELECT COUNT(DISTINCT content_hash) FROM articles") == 600
    assert all(_count(pg_url, sql) == 0 for sql in ORPHANS)
    assert out.strip() == clean.line()
    assert rows_of(pg_url) == rows_of(clean_db)
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and again.stdout.startswith("ingested 0, skipped 600 (already stored)")


def _count_or_zero(db: str) -> int:
    try:
        return _count(db, "SELECT COUNT(*) FROM articles")
    except Exception:   # the schema is not made yet
        return 0


def test_reextract_on_the_cluster(tmp_path, pg_url, dask_cluster):
    """Rows of an older extractor, read again by the cluster's workers, are
    the rows a fresh ingest stores."""
    address, _ = dask_cluster
    fresh = str(tmp_path / "fresh.db")
    run([SAMPLES, SEEDS], Options(db=fresh))
    run([SAMPLES, SEEDS], Options(db=pg_url))
    engine = create_engine(database_url(pg_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE articles SET extractor_version = '0.0.1+older'"))
        connection.execute(text("DELETE FROM figures WHERE id % 3 = 0"))
        connection.execute(text("UPDATE figures SET subject = 'cũ'"))
    engine.dispose()
    assert rows_of(pg_url) != rows_of(fresh)
    result = subprocess.run([sys.executable, "-m", "vnstats", "reextract", "--db", pg_url, "--cluster", address,
                             "--quiet"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("read again 8, failed 0")
    assert rows_of(pg_url) == rows_of(fresh)
