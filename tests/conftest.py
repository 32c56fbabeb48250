"""Shared test fixtures: the seed corpus from ../shared and built articles."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

from vnstats.corpus.clean import build_article
from vnstats.corpus.readers import decode

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VNSTATS_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
SEED_LABELS = SHARED / "labels" / "seeds"
SAMPLES = REPO / "corpus" / "samples"


def require_shared() -> None:
    if not SEEDS.is_dir() or not SEED_LABELS.is_dir():
        pytest.fail(f"the seed corpus is missing: expected {SEEDS} and {SEED_LABELS} "
                    "(set VNSTATS_SHARED to the shared folder)")


@functools.cache
def seed_article(name: str):
    require_shared()
    path = SEEDS / name
    return build_article(str(path), path.name, decode(path.read_bytes()))


@functools.cache
def seed_gold(name: str) -> dict:
    require_shared()
    return json.loads((SEED_LABELS / name.replace(".txt", ".json")).read_text(encoding="utf-8"))


def seed_names() -> list[str]:
    if not SEEDS.is_dir():
        return []
    return sorted(p.name for p in SEEDS.glob("*.txt"))


# --- a real PostgreSQL server (Debian's postgresql package), for the store tests ---

PG_PASSWORD = "vnstats-test"


def _postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl: Debian keeps them off PATH, under
    /usr/lib/postgresql/<version>/bin."""
    import glob
    import shutil

    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    return Path(versions[-1]) if versions else None


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway server: initdb in a temporary folder, run by an
    unprivileged user (root's own is refused by initdb) on a free port of
    127.0.0.1, password authentication. Yields the URL of its postgres
    database; stopped at the end of the session."""
    import shutil
    import socket
    import subprocess
    import tempfile

    bin_dir = _postgres_bin()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs Debian's postgresql")
        pytest.skip("PostgreSQL binaries not found: apt-get install postgresql (Debian) to run these tests")
    user = "nobody" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="vnstats-pg-"))
    root.chmod(0o755)
    password = root / "password"
    password.write_text(PG_PASSWORD + "\n", encoding="utf-8")
    if user:
        shutil.chown(root, user)
        shutil.chown(password, user)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = root / "data"
    init = subprocess.run([bin_dir / "initdb", "-D", data, "-U", "vnstats", "--pwfile", password,
                           "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"],
                          user=user, capture_output=True, text=True)
    assert init.returncode == 0, init.stderr[-2000:]
    start = subprocess.run([bin_dir / "pg_ctl", "-D", data, "-l", root / "server.log", "-w", "-o",
                            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                           user=user, capture_output=True, text=True)
    assert start.returncode == 0, (start.stderr + (root / "server.log").read_text(errors="replace"))[-2000:]
    try:
        yield f"postgresql://vnstats:{PG_PASSWORD}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop"], user=user, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_server, request):
    """The URL of a new, empty database on the test server, one per test."""
    import hashlib

    import psycopg

    name = "t_" + hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:16]
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return postgres_server.rsplit("/", 1)[0] + "/" + name
