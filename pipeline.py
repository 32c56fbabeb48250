"""The pipeline: ``run()`` reads inputs, extracts in worker processes and
stores, with its options and summary. The command line (``vnstats/cli.py``)
and the review tools sit above it."""

from __future__ import annotations

import functools
import os
import signal
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from vnstats.corpus.clean import build_article, content_hash, stored_article
from vnstats.corpus.normalize import normalize_text
from vnstats.corpus.readers import (Limits, RawDocument, ReadFailure, Skipped, check_paths, count_files, read_paths,
                                    storable)
from vnstats.corpus.tasks import Task, read_task
from vnstats.extract import DEFAULT_STAGES, extract_article, extractor_version
from vnstats.store.db import DEFAULT_DB, Store, StoreError, article_rows

__all__ = ["Options", "Summary", "run", "reextract", "ingest_task", "reextract_range"]


@dataclass
class Options:
    """How to run the pipeline."""

    db: str = DEFAULT_DB
    workers: int = 1                    # extraction processes; 1 runs in this process
    fields: dict | None = None          # record fields (corpus.readers.parse_field_mapping)
    batch_size: int = 100               # articles per commit
    progress: bool = False              # a progress bar on stderr
    limits: Limits = field(default_factory=Limits)   # sizes no input may exceed (corpus.readers)
    article_timeout: float = 60.0       # seconds one article may take; then it is a failure
    stages: str = DEFAULT_STAGES        # "rules" (the default), or "rules+model" (the statistical stage after them)
    sources: dict[str, str] | None = None   # file name -> the page's address, beside the folders' own lists
    # called with (location, reason) for each input that fails
    on_failure: Callable[[str, str], None] | None = None


@dataclass
class Summary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    not_articles: int = 0               # records that hold no article (WARC requests, images)
    outdated: int = 0                   # skipped, but stored by an older extractor: `vnstats reextract`
    figures: int = 0
    characters: int = 0                 # of the articles ingested
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: Summary) -> None:
        """Counts of another share of the same run (a cluster task) added to these."""
        for name in ("ingested", "skipped", "failed", "not_articles", "outdated", "figures", "characters"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures += other.failures

    def line(self) -> str:
        text = (f"ingested {self.ingested}, skipped {self.skipped} (already stored), "
                f"failed {self.failed}; {self.figures} figures stored")
        if self.not_articles:
            text += f"; {self.not_articles} records held no article"
        if self.outdated:
            text += (f"; {self.outdated} of the stored articles were read by an older extractor: "
                     "run 'vnstats reextract' to read them again")
        if self.interrupted:
            text += " — interrupted: run the same command again to finish"
        return text


def _warm_up(stages: str = DEFAULT_STAGES) -> None:
    """Load the models and data extraction needs (once per process)."""
    from vnstats.extract.gazetteer import load

    load()
    extract_article(build_article("warm-up", "warm-up", "Ngày 2/5/2024, ông Lò Văn A, Chủ tịch UBND huyện "
                                                        "Điện Biên, cho biết có 12 xã."), stages)


def _worker_start() -> None:
    """Each extraction process ignores Ctrl-C (the parent stops cleanly), dies
    with its parent (kill -9 of the run leaves no worker behind) and has its
    models loaded: inherited from the parent where processes fork."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _warm_up()


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when its parent dies; elsewhere a
    watcher thread notices the parent is gone."""
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:   # PR_SET_PDEATHSIG
            if os.getppid() != parent:   # the parent died before the call
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class ArticleTimeout(Exception):
    """An article took longer than its time budget."""


def _on_alarm(signum, frame) -> None:
    raise ArticleTimeout()


def _within(seconds: float, work: Callable[[], object]) -> object:
    """``work()``, or ArticleTimeout after ``seconds`` (a timer signal; main thread only)."""
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        return work()   # a Dask worker runs tasks in a thread: no timer signal there
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@functools.cache
def _stored_checker(db: str) -> Store:
    """This process's own handle on the database, to skip stored content."""
    return Store(db, create=False)


def _process(doc: RawDocument, db: str, timeout: float = 0, run_id: str | None = None,
             order: int | None = None, stages: str = DEFAULT_STAGES) -> tuple[str, object]:
    """One article, from raw text to rows: ("rows", rows), ("stored", None) when
    the same content is stored already (checked before any extraction), or
    ("failed", reason) — also when it takes longer than ``timeout`` seconds.
    In a cluster task (``run_id``, ``order``): ("take over", (id, rows)) when
    this run stored a copy of the content that comes later in reading order."""
    def work() -> tuple[str, object]:
        normalized = normalize_text(doc.text)
        found = _stored_checker(db).stored(content_hash(normalized))
        earlier = found is not None and run_id is not None and found.ingest_run == run_id \
            and found.ingest_order is not None and order is not None and found.ingest_order > order
        if found is not None and not earlier:
            return ("stored", None) if found.extractor_version == extractor_version(stages) else ("outdated", None)
        article = build_article(doc.source, doc.name, doc.text, doc.meta, normalized)
        if not article.sentences:
            return "failed", "no article text left after removing page chrome"
        article = replace(article, member=doc.member, record=doc.record)
        rows = article_rows(article, extract_article(article, stages), extractor_version(stages))
        return ("take over", (found.id, rows)) if earlier else ("rows", rows)

    try:
        return _within(timeout, work)
    except ArticleTimeout:
        return "failed", f"took longer than {timeout:g} s (--article-timeout); not stored"
    except RecursionError:
        return "failed", "extraction failed: nested too deeply"
    except Exception as exc:  # one article's bug must not stop the batch
        text = " ".join(str(exc).split())[:300]
        return "failed", f"extraction failed: {type(exc).__name__}: {text}"


def _process_many(docs: list[RawDocument], db: str, timeout: float = 0, stages: str = DEFAULT_STAGES) -> list:
    return [_process(doc, db, timeout, stages=stages) for doc in docs]


class _Writer:
    """Stores what extraction gives, one transaction per batch, and keeps the
    counts: in the ingesting process, or in a cluster worker for its task."""

    def __init__(self, store: Store, summary: Summary, options: Options, run_id: str | None):
        self.store, self.summary, self.options, self.run_id = store, summary, options, run_id
        self.batch: list[tuple[RawDocument, dict]] = []

    def fail(self, location: str, reason: str, source: str, member=None, record=None) -> None:
        location, reason, source = _storable(location), _storable(reason), _storable(source)
        member, record = _storable(member), _storable(record)
        self.summary.failed += 1
        self.summary.failures.append((location, reason))
        self.store.record_failure(source, reason, member, record)
        if self.options.on_failure:
            self.options.on_failure(location, reason)

    def handle(self, doc: RawDocument, result: tuple[str, object], order: int | None = None) -> None:
        status, value = result
        if status in ("stored", "outdated"):
            self.summary.skipped += 1
            self.summary.outdated += status == "outdated"
        elif status == "failed":
            self.fail(doc.location, value, doc.source, doc.member, doc.record)
        elif status == "take over":
            article_id, rows = value
            rows["article"].update(ingest_run=self.run_id, ingest_order=order)
            self.store.take_over(article_id, rows)
            self.summary.skipped += 1   # stored by this run already: the count is read from the database
        else:
            if self.run_id:
                value["article"].update(ingest_run=self.run_id, ingest_order=order)
            self.batch.append((doc, value))
            if len(self.batch) >= self.options.batch_size:
                self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        summary, store, batch = self.summary, self.store, self.batch
        rows = [r for _, r in batch]
        try:
            added = store.store_rows(rows)  # content met twice in one run is stored once
        except StoreError:
            raise   # the database itself is unusable: say so, once
        except Exception:
            # one article the database cannot take (a value too long, a byte it
            # refuses) fails alone: the others are stored one by one
            added = []
            for doc, one in batch:
                try:
                    added += store.store_rows([one])
                except StoreError:
                    raise
                except Exception as exc:
                    text = " ".join(str(exc).split())[:200]
                    self.fail(doc.location, f"could not be stored: {type(exc).__name__}: {text}", doc.source,
                              doc.member, doc.record)
                    rows = [r for r in rows if r is not one]
        if self.run_id:
            # a cluster run: a copy stored meanwhile by another task that comes
            # later in reading order gives way to this one
            kept = {id(r) for r in added}
            for one in rows:
                if id(one) not in kept and one["article"]["ingest_order"] is not None:
                    found = store.stored(one["article"]["content_hash"])
                    if found is not None and found.ingest_run == self.run_id and found.ingest_order is not None \
                            and found.ingest_order > one["article"]["ingest_order"]:
                        store.take_over(found.id, one)
        # the counts say what was stored: a duplicate is skipped, its figures are not counted
        summary.ingested += len(added)
        summary.skipped += len(rows) - len(added)
        summary.figures += sum(len(r["figures"]) for r in added)
        summary.characters += sum(len(r["article"]["text"]) for r in added)
        batch.clear()


def run(paths: Iterable[str | Path], options: Options | None = None) -> Summary:
    """Ingest articles into the database.

    1. Read every input (files, folders, archives, record files); an
       unreadable file, member or record is recorded as a failure with its
       reason and location, and the batch goes on.
    2. Skip content already stored (by the hash of its normalized text), before
       any extraction: an interrupted run, run again, finishes the rest.
       (Steps 2-4 run in the worker processes; reading and writing here.)
    3. Clean the page and split it (``corpus.clean.build_article``).
    4. Extract figures, dates, documents, officials and localities, and tie
       each figure to its place and time (``extract.extract_article``) — in
       ``options.workers`` processes, each loading its models once.
    5. Store articles with everything read from them, one transaction per
       batch of ``options.batch_size`` (all or nothing), from this process only.

    On a Dask cluster (``vnstats.cluster``) the inputs are cut into tasks
    (``corpus.tasks``) that the workers read, extract and store themselves
    (``ingest_task``).
    """
    options = options or Options()
    summary = Summary()
    started = time.perf_counter()
    checked = check_paths(paths)
    store = Store(options.db)
    writer = _Writer(store, summary, options, uuid.uuid4().hex)

    def handle(doc: RawDocument, result: tuple[str, object]) -> None:
        writer.handle(doc, result)
        progress.update(1)

    def documents():
        for item in read_paths(checked, options.fields, options.limits, options.sources):
            if isinstance(item, ReadFailure):
                writer.fail(item.location, item.reason, item.source, item.member, item.record)
                progress.update(1)
            elif isinstance(item, Skipped):
                summary.not_articles += 1
            else:
                yield item

    total, exact = count_files(checked, options.limits)
    progress = tqdm(total=total if exact else None, unit=" articles", disable=not options.progress,
                    dynamic_ncols=True, leave=False)
    try:
        if options.workers <= 1:
            for doc in documents():
                handle(doc, _process(doc, options.db, options.article_timeout, stages=options.stages))
        else:
            _run_parallel(documents(), handle, options.workers, options.db, options.article_timeout, options.stages)
        writer.flush()
    except KeyboardInterrupt:
        summary.interrupted = True
        writer.flush()  # what was extracted is kept; the rest is read again next time
    finally:
        progress.close()
        store.close()
        summary.seconds = time.perf_counter() - started
    return summary


ORDER_PER_TASK = 10_000_000   # items a task may hold, for reading-order keys


def ingest_task(task: Task, options: Options, run_id: str) -> Summary:
    """One cluster task, on a Dask worker: read its share of the inputs,
    extract, and store into the shared database (one transaction per batch,
    content already stored skipped), returning its counts. A task run again
    after its worker died finds what it stored and adds nothing twice."""
    summary = Summary()
    started = time.perf_counter()
    store = _stored_checker(options.db)
    writer = _Writer(store, summary, replace(options, on_failure=None, progress=False), run_id)
    for k, item in enumerate(read_task(task, options.fields, options.limits)):
        if isinstance(item, ReadFailure):
            writer.fail(item.location, item.reason, item.source, item.member, item.record)
        elif isinstance(item, Skipped):
            summary.not_articles += 1
        else:
            # the place in reading order: of copies of one content, the first read is kept, as one process keeps it
            order = task.index * ORDER_PER_TASK + k
            writer.handle(item, _process(item, options.db, options.article_timeout, run_id, order, options.stages),
                          order)
    writer.flush()
    summary.seconds = time.perf_counter() - started
    return summary


def _reread(row: dict, stages: str = DEFAULT_STAGES) -> tuple[int, str, object]:
    """One stored article read again from its stored text: (id, status, rows or reason)."""
    try:
        article = stored_article(row)
        if not article.sentences:
            return row["id"], "failed", "no article text left"
        return row["id"], "rows", article_rows(article, extract_article(article, stages), extractor_version(stages))
    except Exception as exc:  # one article's bug must not stop the run
        return row["id"], "failed", f"extraction failed: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}"


def reextract(options: Options | None = None) -> Summary:
    """Read again every stored article whose rows an older extractor made
    (``extract.extractor_version``), from the text stored with it: its rows
    are replaced, one transaction per article, and its version updated, so
    an interrupted run, run again, finishes the rest. ``Summary.ingested``
    counts the articles read again. (On a Dask cluster: vnstats.cluster.)"""
    options = options or Options()
    summary = Summary()
    started = time.perf_counter()
    store = Store(options.db)
    pool = ProcessPoolExecutor(options.workers, initializer=_worker_start) if options.workers > 1 else None
    progress = tqdm(unit=" articles", disable=not options.progress, dynamic_ncols=True, leave=False)
    try:
        _reextract_ids(store, options, summary, progress, pool)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        progress.close()
        if pool:
            pool.shutdown(cancel_futures=True)
        store.close()
        summary.seconds = time.perf_counter() - started
    return summary


def reextract_range(options: Options, first: int, last: int) -> Summary:
    """One cluster task of ``reextract``: the outdated articles with ids in [first, last)."""
    summary = Summary()
    _reextract_ids(_stored_checker(options.db), options, summary, None, None, first, last)
    return summary


def _reextract_ids(store: Store, options: Options, summary: Summary, progress, pool,
                   first: int = 0, last: int | None = None) -> None:
    version = extractor_version(options.stages)
    after = first - 1
    while rows := store.outdated(version, after, limit=options.batch_size, before=last):
        after = rows[-1].id
        items = [{c: getattr(r, c) for c in ("id", "source", "name", "text", "content_hash", "title", "published",
                                              "site", "author", "photographer", "url", "member", "record")}
                 for r in rows]
        sources = {r.id: r.source for r in rows}
        reread = functools.partial(_reread, stages=options.stages)
        results = pool.map(reread, items, chunksize=8) if pool else map(reread, items)
        for article_id, status, value in results:
            if status == "rows":
                store.replace_rows(article_id, value)
                summary.ingested += 1
                summary.figures += len(value["figures"])
                summary.characters += len(value["article"]["text"])
            else:
                summary.failed += 1
                summary.failures.append((sources[article_id], value))
                store.record_failure(sources[article_id], _storable(value))
            if progress is not None:
                progress.update(1)


def _storable(text: str | None) -> str | None:
    """Text any database takes (corpus.readers.storable), on one line."""
    return None if text is None else storable(text).replace("\n", " ")


def _run_parallel(docs, handle, workers: int, db: str, timeout: float = 0, stages: str = DEFAULT_STAGES,
                  chunk: int = 8) -> None:
    """Extract in ``workers`` processes; results come back in reading order.
    At most a few chunks per worker are in flight, so memory stays flat."""
    _warm_up(stages)  # before the fork, so that every worker starts warm
    pool = ProcessPoolExecutor(workers, initializer=_worker_start)
    window: deque = deque()

    def drain_one() -> None:
        nonlocal pool
        chunk_docs, future = window.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            # a worker died (out of memory, killed): its chunk fails, the rest is sent to a new pool
            pool.shutdown(wait=False, cancel_futures=True)
            pool = ProcessPoolExecutor(workers, initializer=_worker_start)
            for i, (docs_i, _) in enumerate(window):
                window[i] = (docs_i, pool.submit(_process_many, docs_i, db, timeout, stages))
            results = [("failed", "the extraction process died on it (out of memory?)")] * len(chunk_docs)
        for doc, result in zip(chunk_docs, results):
            handle(doc, result)

    try:
        pending: list[RawDocument] = []
        for doc in docs:
            pending.append(doc)
            if len(pending) == chunk:
                window.append((pending, pool.submit(_process_many, pending, db, timeout, stages)))
                pending = []
                while len(window) > workers * 4:
                    drain_one()
        if pending:
            window.append((pending, pool.submit(_process_many, pending, db, timeout, stages)))
        while window:
            drain_one()
        pool.shutdown()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise



if __name__ == "__main__":   # "python pipeline.py ingest …" runs the command line, as it always has
    from vnstats.cli import main

    sys.exit(main())
