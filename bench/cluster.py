"""Benchmark rows for the stores and the cluster (run by `bench/run.py --cluster`,
or alone: `python bench/cluster.py --articles 2000`).

On one corpus: SQLite and PostgreSQL with 1 and 2 worker processes; a Dask
LocalCluster of 1 and 2 worker processes writing into PostgreSQL; and a run
on a cluster of `dask scheduler` and two `dask worker` processes in which
one worker is killed (kill -9) a third of the way through, against the same
run left alone. PostgreSQL is a throwaway server started here with Debian's
initdb and pg_ctl (as the tests do), so the script needs the postgresql
package and the project's [cluster] extra.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402

DASK = Path(sys.executable).parent / "dask"
MEASURE = """
import json, sys, time
from vnstats.pipeline import Options, run
from vnstats.cluster import run_on_cluster
if __name__ == "__main__":
    started = time.perf_counter()
    options = Options(db={db!r}, workers={workers})
    summary = run_on_cluster([{folder!r}], options, {cluster!r}) if {cluster!r} else run([{folder!r}], options)
    print(json.dumps({{"seconds": time.perf_counter() - started, "ingested": summary.ingested,
                      "line": summary.line()}}))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Postgres:
    """A throwaway server in a temporary folder, run by an unprivileged user."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
        if not bins:
            sys.exit("PostgreSQL is not installed: apt-get install postgresql")
        self.bin = Path(bins[-1])
        self.user = "nobody" if os.geteuid() == 0 else None
        self.root = Path(tempfile.mkdtemp(prefix="vnstats-bench-pg-"))
        self.root.chmod(0o755)
        if self.user:
            shutil.chown(self.root, self.user)
        self.port = _free_port()
        subprocess.run([self.bin / "initdb", "-D", self.root / "data", "-U", "vnstats", "--auth=trust", "-E", "UTF8",
                        "--locale=C.UTF-8"], user=self.user, check=True, capture_output=True)
        subprocess.run([self.bin / "pg_ctl", "-D", self.root / "data", "-l", self.root / "log", "-w", "-o",
                        f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1", "start"],
                       user=self.user, check=True, capture_output=True)

    def database(self, name: str) -> str:
        subprocess.run([self.bin / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "vnstats", name],
                       check=True, capture_output=True)
        return f"postgresql://vnstats@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run([self.bin / "pg_ctl", "-D", self.root / "data", "-m", "fast", "stop"], user=self.user,
                       capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)


def ingest(folder: Path, db: str, workers: int = 1, cluster: str = "") -> dict:
    code = MEASURE.format(folder=str(folder), db=db, workers=workers, cluster=cluster)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def killed_run(folder: Path, db: str, kill: bool, articles: int) -> tuple[dict, float]:
    """A run on `dask scheduler` and two `dask worker` processes; with ``kill``,
    one worker is killed once a third of the articles are stored."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--dashboard-address", f"127.0.0.1:{_free_port()}"], **quiet)
    workers = [subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard"],
                                **quiet) for _ in range(2)]
    try:
        time.sleep(5)   # the workers join
        code = MEASURE.format(folder=str(folder), db=db, workers=1, cluster=address)
        run = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=REPO)
        if kill:
            from sqlalchemy import create_engine, text

            from vnstats.store.db import database_url

            engine = create_engine(database_url(db))
            while run.poll() is None:
                try:
                    with engine.connect() as connection:
                        if connection.execute(text("SELECT COUNT(*) FROM articles")).scalar() >= articles // 3:
                            os.kill(workers[0].pid, signal.SIGKILL)
                            break
                except Exception:
                    pass
                time.sleep(0.2)
            engine.dispose()
        out, _ = run.communicate()
        return json.loads(out.strip().splitlines()[-1]), 0.0
    finally:
        for process in [*workers, scheduler]:
            process.kill()
            process.wait()


def rows(articles: int) -> list[tuple[str, str]]:
    server = Postgres()
    try:
        with tempfile.TemporaryDirectory(prefix="vnstats-bench-") as tmp:
            folder = Path(tmp) / "corpus"
            chars = write_corpus(folder, articles, seed=3)
            results = {
                "SQLite, 1 worker": ingest(folder, str(Path(tmp) / "one.db")),
                "SQLite, 2 workers": ingest(folder, str(Path(tmp) / "two.db"), 2),
                "PostgreSQL, 1 worker": ingest(folder, server.database("p1")),
                "PostgreSQL, 2 workers": ingest(folder, server.database("p2"), 2),
                "Dask LocalCluster, 1 worker process, PostgreSQL": ingest(folder, server.database("d1"),
                                                                          cluster="local:1"),
                "Dask LocalCluster, 2 worker processes, PostgreSQL": ingest(folder, server.database("d2"),
                                                                           cluster="local:2"),
            }
            clean, _ = killed_run(folder, server.database("k0"), False, articles)
            killed, _ = killed_run(folder, server.database("k1"), True, articles)
    finally:
        server.stop()
    out = [("corpus (stores, cluster)", f"{articles:,} articles, {chars:,} characters")]
    base = {}
    for name, result in results.items():
        rate = chars / result["seconds"]
        family = name.split(",")[0]
        base.setdefault(family, rate)
        out.append((name, f"{articles / result['seconds']:,.1f} articles/s, {rate:,.0f} characters/s "
                          f"({rate / base[family]:.2f}x one worker)"))
    sqlite, pg = results["SQLite, 1 worker"]["seconds"], results["PostgreSQL, 1 worker"]["seconds"]
    out.append(("PostgreSQL against SQLite, 1 worker", f"{pg / sqlite:.2f}x the time"))
    out.append(("dask scheduler + 2 dask workers, clean", f"{clean['seconds']:.1f} s: {clean['line']}"))
    out.append(("the same, one worker killed a third of the way", f"{killed['seconds']:.1f} s "
                f"({killed['seconds'] / clean['seconds']:.2f}x): {killed['line']}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    table = rows(args.articles)
    width = max(len(k) for k, _ in table)
    for key, value in table:
        print(f"| {key:<{width}} | {value} |")


if __name__ == "__main__":
    main()
