"""Benchmark: end-to-end throughput into SQLite, against underthesea's ner(), and memory.

    python bench/run.py                   # 2,000- and 10,000-article runs (about 5 minutes on 2 cores)
    python bench/run.py --large 3000      # a shorter run
    python bench/run.py --small 600 --large 600 --long-chars 60000   # a quick look
    python bench/run.py --large 3000 --cluster 2400   # and the PostgreSQL and Dask rows (bench/cluster.py)

Prints one table: articles/s and characters/s for 1 worker (the default
pipeline, the rules; and with the statistical stage) and for all cores, the same for underthesea's ner() over the same text and the ratio,
peak memory (RSS) of a 1,000- and a 10,000-article run, and the time of an
unchanged re-ingest against the first. The corpus is built from the seeds
and the samples (bench/corpus.py), so nothing is downloaded. Each ingest
runs in its own process, so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402

MEASURE = """
import json, resource, sys, time
sys.path.insert(0, {repo!r})
from vnstats.pipeline import Options, run
started = time.perf_counter()
summary = run([{folder!r}], Options(db={db!r}, workers={workers}, stages={stages!r}))
seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "ingested": summary.ingested, "skipped": summary.skipped,
                  "failed": summary.failed,
                  "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))
"""


def ingest(folder: Path, db: Path, workers: int, stages: str = "rules") -> dict:
    code = MEASURE.format(repo=str(REPO), folder=str(folder), db=str(db), workers=workers, stages=stages)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def ner_rate(folder: Path, articles: int) -> tuple[float, float]:
    """underthesea's ner() over the first articles of the corpus: (articles/s, chars/s)."""
    from underthesea import ner

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:articles]]
    ner("Hà Nội")  # load the model outside the timing
    started = time.perf_counter()
    for text in texts:
        for paragraph in filter(None, (p.strip() for p in text.split("\n"))):
            ner(paragraph)
    seconds = time.perf_counter() - started
    return len(texts) / seconds, sum(map(len, texts)) / seconds


def write_long_page(corpus: Path, out: Path, chars: int) -> tuple[int, int]:
    """One page of at least ``chars`` characters made of the corpus's articles
    (a full-year report), and the same articles as separate pages."""
    (out / "one").mkdir(parents=True)
    (out / "many").mkdir()
    texts, total = [], 0
    for path in sorted(corpus.glob("*.txt")):
        if total >= chars:
            break
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        total += len(text) + 2
        (out / "many" / path.name).write_text(text, encoding="utf-8")
    page = "\n\n".join(texts)
    (out / "one" / "long.txt").write_text(page, encoding="utf-8")
    return len(page), len(texts)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({model}), Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=2000, help="articles of the throughput runs")
    parser.add_argument("--large", type=int, default=10000, help="articles of the large memory run")
    parser.add_argument("--ner-articles", type=int, default=20, help="articles given to underthesea's ner()")
    parser.add_argument("--long-chars", type=int, default=330_000, help="characters of the one long page")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="workers of the parallel runs")
    parser.add_argument("--cluster", type=int, default=0, metavar="ARTICLES",
                        help="also the store and cluster rows (bench/cluster.py) on this many articles; "
                             "needs Debian's postgresql and the [cluster] extra")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="vnstats-bench-") as tmp:
        tmp = Path(tmp)
        small, large = tmp / "small", tmp / "large"
        small_chars = write_corpus(small, args.small, seed=1)
        large_chars = write_corpus(large, args.large, seed=2)
        one = ingest(small, tmp / "one.db", 1)
        one_model = ingest(small, tmp / "one-model.db", 1, "rules+model")
        many = ingest(small, tmp / "many.db", args.workers)
        again = ingest(small, tmp / "many.db", args.workers)
        big = ingest(large, tmp / "large.db", args.workers)
        ner_articles, ner_chars = ner_rate(small, args.ner_articles)
        long_chars, pieces = write_long_page(small, tmp / "long", args.long_chars)
        long_one = ingest(tmp / "long" / "one", tmp / "long-one.db", 1)
        long_many = ingest(tmp / "long" / "many", tmp / "long-many.db", 1)

    def rate(run: dict, articles: int, chars: int) -> tuple[float, float]:
        return articles / run["seconds"], chars / run["seconds"]

    one_a, one_c = rate(one, args.small, small_chars)
    many_a, many_c = rate(many, args.small, small_chars)
    big_a, big_c = rate(big, args.large, large_chars)
    rows = [
        ("corpus", f"{args.small:,} articles, {small_chars:,} characters (large: {args.large:,}, {large_chars:,})"),
        ("end to end, 1 worker", f"{one_a:,.1f} articles/s, {one_c:,.0f} characters/s"),
        ("end to end, 1 worker, with the statistical stage", "{:,.1f} articles/s, {:,.0f} characters/s "
         "({:.2f}x the default)".format(*rate(one_model, args.small, small_chars), one["seconds"] / one_model["seconds"])),
        (f"end to end, {args.workers} workers", f"{many_a:,.1f} articles/s, {many_c:,.0f} characters/s "
                                               f"({many_c / one_c:.2f}x one worker, "
                                               f"{many_c / args.workers:,.0f} characters/s per core)"),
        (f"end to end, {args.large:,} articles, {args.workers} workers", f"{big_a:,.1f} articles/s, {big_c:,.0f} characters/s"),
        ("underthesea ner(), same text", f"{ner_articles:,.2f} articles/s, {ner_chars:,.0f} characters/s"),
        ("vnstats / ner(), per core", f"{one_c / ner_chars:,.1f}x"),
        (f"peak RSS, {args.small:,} articles", f"{one['rss_main_mb']:,.0f} MB (1 worker); "
                                               f"{many['rss_main_mb']:,.0f} MB main + {many['rss_worker_mb']:,.0f} MB largest worker ({args.workers} workers)"),
        (f"peak RSS, {args.large:,} articles", f"{big['rss_main_mb']:,.0f} MB main + {big['rss_worker_mb']:,.0f} MB largest worker"),
        (f"one page of {long_chars:,} characters, 1 worker",
         f"{long_one['seconds']:.1f} s against {long_many['seconds']:.1f} s for the same text as {pieces} pages "
         f"({long_one['seconds'] / long_many['seconds']:.2f}x)"),
        ("unchanged re-ingest", f"{again['seconds']:.1f} s against {many['seconds']:.1f} s first "
                                f"({again['skipped']:,} skipped, {again['ingested']} added)"),
    ]
    if args.cluster:
        from bench.cluster import rows as cluster_rows

        rows += cluster_rows(args.cluster)
    width = max(len(k) for k, _ in rows)
    print(f"machine: {machine()}")
    for key, value in rows:
        print(f"| {key:<{width}} | {value} |")


if __name__ == "__main__":
    main()
