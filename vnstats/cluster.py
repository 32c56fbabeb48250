"""Ingest on a Dask distributed cluster.

The scheduler and the workers are Dask's own (``dask scheduler``, ``dask
worker``), or a ``LocalCluster`` on this machine (``local:N``). The inputs
are cut into tasks of many articles (``corpus.tasks``: groups of files, zip
member ranges, byte ranges of large WARC and JSONL files); each worker reads
its task, extracts and writes the rows straight into the shared database
(``pipeline.ingest_task``), one transaction per batch, content already stored
skipped by its hash (a unique constraint). A task whose worker dies is run
again by the scheduler on another worker; what the dead one committed is
found stored and not added twice, and an uncommitted batch was rolled back
whole, so no row is left without its article.

The counts of the summary are read from the database at the end (the
articles this run stored, by its run id), so a run with a killed worker
reports what a clean run reports.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from tqdm import tqdm

from vnstats.corpus.readers import ReadFailure, check_paths, storable
from vnstats.corpus.tasks import plan_tasks
from vnstats.extract import extractor_version
from vnstats.pipeline import Options, Summary, ingest_task, reextract_range
from vnstats.store.db import Store, run_counts

TASKS_PER_WORKER = 4   # in flight: enough to keep every worker busy, few enough to keep memory flat


class ClusterError(Exception):
    """The cluster cannot be reached or started."""


def open_client(address: str):
    """A Dask client: ``local:N`` starts a LocalCluster of N worker
    processes (one thread each: extraction holds the GIL); anything else is
    a scheduler's address (``tcp://host:8786``)."""
    from dask.distributed import Client, LocalCluster

    try:
        if address.startswith("local:"):
            workers = int(address.split(":", 1)[1] or "1")
            # silence_logs: its workers' log lines (a heartbeat racing the shutdown) stay out of
            # the output; what a task raises still reaches this process
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL)
            return Client(cluster)
        return Client(address, timeout="15s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {' '.join(str(exc).split())[:200]} "
                           "(start one with 'dask scheduler', and workers with 'dask worker ADDRESS')") from None


def run_on_cluster(paths: Iterable[str | Path], options: Options, address: str,
                   announce: Callable[[str], None] | None = None, task_sizes: dict | None = None) -> Summary:
    """Ingest ``paths`` into ``options.db`` on the cluster at ``address``;
    ``task_sizes`` overrides ``corpus.tasks.plan_tasks``'s sizes."""
    started = time.perf_counter()
    # absolute: the workers open the files themselves, from their own working folders
    # (or machines: the inputs must be where every worker can read them)
    checked = [path if str(path) == "-" else path.resolve() for path in check_paths(paths)]
    store = Store(options.db)   # the schema, made once before any worker writes
    run_id = uuid.uuid4().hex
    summary = Summary()
    client = open_client(address)
    try:
        if announce:
            announce(f"Dask dashboard: {client.dashboard_link}")
        summary = _run(client, checked, options, store, run_id, task_sizes or {})
    finally:
        store.close()
        cluster = client.cluster
        client.close()
        if cluster is not None and address.startswith("local:"):
            cluster.close()
    # what this run stored, from the database: a task run again after its
    # worker died counted as skipped what its first run had stored
    seen = summary.ingested + summary.skipped
    summary.ingested, summary.figures, summary.characters = run_counts(options.db, run_id)
    summary.skipped = seen - summary.ingested
    summary.seconds = time.perf_counter() - started
    return summary


def _run(client, checked, options: Options, store: Store, run_id: str, task_sizes: dict) -> Summary:
    from dask.distributed import as_completed

    summary = Summary()
    workers = max(len(client.scheduler_info().get("workers", {})), 1)
    task_options = Options(db=options.db, fields=options.fields, batch_size=options.batch_size,
                           limits=options.limits, article_timeout=options.article_timeout)
    progress = tqdm(unit=" articles", disable=not options.progress, dynamic_ncols=True, leave=False)
    planned = plan_tasks(checked, options.limits, **task_sizes)
    running = as_completed()

    def submit_next() -> bool:
        for item in planned:
            if isinstance(item, ReadFailure):
                summary.failed += 1
                summary.failures.append((item.location, item.reason))
                store.record_failure(storable(item.source), storable(item.reason).replace("\n", " "),
                                     item.member and storable(item.member), item.record)
                if options.on_failure:
                    options.on_failure(item.location, item.reason)
                continue
            running.add(client.submit(ingest_task, item, task_options, run_id, pure=False, retries=2))
            return True
        return False

    try:
        for _ in range(workers * TASKS_PER_WORKER):
            if not submit_next():
                break
        for future in running:
            part: Summary = future.result()
            future.release()
            summary.add(part)
            for location, reason in part.failures:
                if options.on_failure:
                    options.on_failure(location, reason)
            progress.update(part.ingested + part.skipped + part.failed)
            submit_next()
    except KeyboardInterrupt:
        summary.interrupted = True
        client.cancel(list(running.futures))
    finally:
        progress.close()
    return summary


IDS_PER_TASK = 500


def reextract_on_cluster(options: Options, address: str, announce: Callable[[str], None] | None = None) -> Summary:
    """``vnstats reextract`` on a cluster: the outdated articles in ranges of
    ids, each range a task that reads its articles again and replaces their
    rows (``pipeline.reextract_range``)."""
    from dask.distributed import as_completed

    started = time.perf_counter()
    store = Store(options.db)
    bounds = store.outdated_bounds(extractor_version(options.stages))
    store.close()
    summary = Summary()
    if bounds is None:
        return summary
    client = open_client(address)
    try:
        if announce:
            announce(f"Dask dashboard: {client.dashboard_link}")
        task_options = Options(db=options.db, batch_size=options.batch_size)
        futures = [client.submit(reextract_range, task_options, first, first + IDS_PER_TASK, pure=False, retries=2)
                   for first in range(bounds[0], bounds[1] + 1, IDS_PER_TASK)]
        progress = tqdm(unit=" articles", disable=not options.progress, dynamic_ncols=True, leave=False)
        for future in as_completed(futures):
            part = future.result()
            summary.add(part)
            progress.update(part.ingested + part.failed)
        progress.close()
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and address.startswith("local:"):
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary
