"""vnstats: Vietnamese news reports in, queryable statistics out.

``run()`` is the whole pipeline; the ``vnstats`` command line is a thin layer
over it and over the store's read functions.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

import click
from tqdm import tqdm

from corpus.clean import build_article, content_hash
from corpus.normalize import normalize_text
from corpus.readers import (InputError, Limits, RawDocument, ReadFailure, Skipped, check_paths, count_files,
                            parse_field_mapping, read_paths)
from extract import extract_article
from review.evaluate import Evaluation, evaluate
from store.db import DEFAULT_DB, Store, StoreError, article_rows, iter_query

__all__ = ["Options", "Summary", "run", "evaluate", "Evaluation", "main"]


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
    # called with (location, reason) for each input that fails
    on_failure: Callable[[str, str], None] | None = None


@dataclass
class Summary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    not_articles: int = 0               # records that hold no article (WARC requests, images)
    figures: int = 0
    characters: int = 0                 # of the articles ingested
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        text = (f"ingested {self.ingested}, skipped {self.skipped} (already stored), "
                f"failed {self.failed}; {self.figures} figures stored")
        if self.not_articles:
            text += f"; {self.not_articles} records held no article"
        if self.interrupted:
            text += " — interrupted: run the same command again to finish"
        return text


def _warm_up() -> None:
    """Load the models and data extraction needs (once per process)."""
    from extract.gazetteer import load

    load()
    extract_article(build_article("warm-up", "warm-up", "Ngày 2/5/2024, huyện Điện Biên có 12 xã."))


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
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer"):
        return work()
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


def _process(doc: RawDocument, db: str, timeout: float = 0) -> tuple[str, object]:
    """One article, from raw text to rows: ("rows", rows), ("stored", None) when
    the same content is stored already (checked before any extraction), or
    ("failed", reason) — also when it takes longer than ``timeout`` seconds."""
    def work() -> tuple[str, object]:
        normalized = normalize_text(doc.text)
        if _stored_checker(db).is_stored(content_hash(normalized)):
            return "stored", None
        article = build_article(doc.source, doc.name, doc.text, doc.meta, normalized)
        if not article.sentences:
            return "failed", "no article text left after removing page chrome"
        article = replace(article, member=doc.member, record=doc.record)
        return "rows", article_rows(article, extract_article(article))

    try:
        return _within(timeout, work)
    except ArticleTimeout:
        return "failed", f"took longer than {timeout:g} s (--article-timeout); not stored"
    except RecursionError:
        return "failed", "extraction failed: nested too deeply"
    except Exception as exc:  # one article's bug must not stop the batch
        text = " ".join(str(exc).split())[:300]
        return "failed", f"extraction failed: {type(exc).__name__}: {text}"


def _process_many(docs: list[RawDocument], db: str, timeout: float = 0) -> list:
    return [_process(doc, db, timeout) for doc in docs]


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
    """
    options = options or Options()
    summary = Summary()
    started = time.perf_counter()
    checked = check_paths(paths)
    store = Store(options.db)
    batch: list[tuple[RawDocument, dict]] = []

    def fail(location: str, reason: str, source: str, member=None, record=None) -> None:
        location, reason, source = _storable(location), _storable(reason), _storable(source)
        member, record = _storable(member), _storable(record)
        summary.failed += 1
        summary.failures.append((location, reason))
        store.record_failure(source, reason, member, record)
        if options.on_failure:
            options.on_failure(location, reason)

    def flush() -> None:
        if not batch:
            return
        rows = [r for _, r in batch]
        try:
            added = store.add_rows(rows)  # content met twice in one run is stored once
        except StoreError:
            raise   # the database itself is unusable: say so, once
        except Exception:
            # one article the database cannot take (a value too long, a byte it
            # refuses) fails alone: the others are stored one by one
            added = 0
            for doc, one in batch:
                try:
                    added += store.add_rows([one])
                except StoreError:
                    raise
                except Exception as exc:
                    text = " ".join(str(exc).split())[:200]
                    fail(doc.location, f"could not be stored: {type(exc).__name__}: {text}", doc.source,
                         doc.member, doc.record)
                    rows = [r for r in rows if r is not one]
        summary.ingested += added
        summary.skipped += len(rows) - added
        summary.figures += sum(len(r["figures"]) for r in rows)
        summary.characters += sum(len(r["article"]["text"]) for r in rows)
        batch.clear()

    def handle(doc: RawDocument, result: tuple[str, object]) -> None:
        status, value = result
        if status == "stored":
            summary.skipped += 1
        elif status == "failed":
            fail(doc.location, value, doc.source, doc.member, doc.record)
        else:
            batch.append((doc, value))
            if len(batch) >= options.batch_size:
                flush()
        progress.update(1)

    def documents():
        for item in read_paths(checked, options.fields, options.limits):
            if isinstance(item, ReadFailure):
                fail(item.location, item.reason, item.source, item.member, item.record)
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
                handle(doc, _process(doc, options.db, options.article_timeout))
        else:
            _run_parallel(documents(), handle, options.workers, options.db, options.article_timeout)
        flush()
    except KeyboardInterrupt:
        summary.interrupted = True
        flush()  # what was extracted is kept; the rest is read again next time
    finally:
        progress.close()
        store.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _storable(text: str | None) -> str | None:
    """Text any database takes: lone surrogates (bytes of a file name that are
    not UTF-8) become U+FFFD, and a reason is one line."""
    if text is None:
        return None
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text).replace("\n", " ")


def _run_parallel(docs, handle, workers: int, db: str, timeout: float = 0, chunk: int = 8) -> None:
    """Extract in ``workers`` processes; results come back in reading order.
    At most a few chunks per worker are in flight, so memory stays flat."""
    _warm_up()  # before the fork, so that every worker starts warm
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
                window[i] = (docs_i, pool.submit(_process_many, docs_i, db, timeout))
            results = [("failed", "the extraction process died on it (out of memory?)")] * len(chunk_docs)
        for doc, result in zip(chunk_docs, results):
            handle(doc, result)

    try:
        pending: list[RawDocument] = []
        for doc in docs:
            pending.append(doc)
            if len(pending) == chunk:
                window.append((pending, pool.submit(_process_many, pending, db, timeout)))
                pending = []
                while len(window) > workers * 4:
                    drain_one()
        if pending:
            window.append((pending, pool.submit(_process_many, pending, db, timeout)))
        while window:
            drain_one()
        pool.shutdown()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise


# --- command line --------------------------------------------------------------

DB_OPTION = click.option("--db", default=DEFAULT_DB, show_default=True,
                         help="SQLite file path or any SQLAlchemy URL.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vnstats", prog_name="vnstats")
def main() -> None:
    """vnstats: turn Vietnamese news reports into queryable statistics.

    \b
    Example:
      vnstats ingest corpus/samples
      vnstats query "SELECT value, unit, subject FROM figures LIMIT 5"
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@DB_OPTION
@click.option("--workers", type=click.IntRange(1, 256), default=os.cpu_count() or 1, show_default="all cores",
              help="Extraction processes.")
@click.option("--field", "fields", multiple=True, metavar="NAME=PATH",
              help="Read record field NAME (text, title, published, url, source, author, id) from PATH "
                   "(dots for nested keys), e.g. --field text=body.content.")
@click.option("--quiet", is_flag=True, help="No progress bar and no per-failure lines; only the summary.")
@click.option("--max-article-chars", type=click.IntRange(1), default=Limits.max_article_chars, show_default=True,
              help="Longest article text; a longer one is a failure.")
@click.option("--max-input-bytes", type=click.IntRange(1), default=Limits.max_input_bytes, show_default=True,
              help="Largest file or archive member read whole (a page, a JSON or parquet file).")
@click.option("--max-ratio", type=click.IntRange(1), default=Limits.max_ratio, show_default=True,
              help="Largest size over compressed size of an archive member (zip bombs).")
@click.option("--article-timeout", type=click.FloatRange(0), default=Options.article_timeout, show_default=True,
              help="Seconds one article may take; then it is a failure (0: no limit).")
@click.option("--follow-symlinks", is_flag=True, help="Follow links inside input folders, also outside them.")
def ingest(paths: tuple[str, ...], db: str, workers: int, fields: tuple[str, ...], quiet: bool,
           max_article_chars: int, max_input_bytes: int, max_ratio: int, article_timeout: float,
           follow_symlinks: bool) -> None:
    """Read articles into the database.

    PATHS are files, folders (read recursively) and archives, mixed ("-"
    reads one article from standard input): .txt,
    .html/.htm, .jsonl/.json, .csv, .parquet, .warc/.warc.gz, and .zip,
    .tar, .tar.gz/.tgz holding any of these. Re-ingesting the same content
    adds nothing, so an interrupted run (Ctrl-C, a crash) is finished by
    running the same command again. A file, member or record that cannot be
    read is reported, recorded in the `failures` table, and the rest goes on.

    \b
    Examples:
      vnstats ingest ../shared/corpus/seeds --db vnstats.db
      vnstats ingest archive.tar.gz news.jsonl --field text=body.content --workers 4
    """
    def report(location: str, reason: str) -> None:
        if not quiet:
            tqdm.write(f"failed: {location}: {reason}", file=sys.stderr)

    try:
        limits = Limits(max_article_chars=max_article_chars, max_input_bytes=max_input_bytes, max_ratio=max_ratio,
                        follow_symlinks=follow_symlinks)
        options = Options(db=db, workers=workers, fields=parse_field_mapping(fields), on_failure=report,
                          progress=not quiet and sys.stderr.isatty(), limits=limits,
                          article_timeout=article_timeout)
        summary = run(paths, options)
    except (InputError, StoreError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(summary.line())
    if summary.interrupted:
        sys.exit(130)


@main.command()
@click.argument("sql")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Output format.")
def query(sql: str, db: str, fmt: str) -> None:
    """Run SQL on the database, opened read-only.

    \b
    Example:
      vnstats query "SELECT kind, COUNT(*) FROM figures GROUP BY kind" --format csv
    """
    from sqlalchemy.exc import SQLAlchemyError

    try:
        blocks = iter_query(db, sql)
        columns = next(blocks)
        first = True
        if fmt == "json":
            click.echo("[", nl=False)
        for rows in blocks:   # printed as they come: the rows are never all held at once
            click.echo(format_rows(columns, rows, fmt, header=first), nl=False)
            first = False
        if fmt == "json":
            click.echo("]")
        elif first:   # no rows
            click.echo(format_rows(columns, [], fmt), nl=False)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except SQLAlchemyError as exc:
        message = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        if any(w in message for w in ("not authorized", "authorization denied", "too many attached", "readonly")):
            message += " (query opens the database read-only)"
        raise click.ClickException(f"query failed: {message}") from None


def format_rows(columns: list[str], rows: list[tuple], fmt: str, header: bool = True) -> str:
    """Rows as text; ``header`` False continues a listing (json: a block
    inside the array, csv: no header line, table: a block of its own)."""
    if fmt == "json":
        items = ",\n".join(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) for row in rows)
        return ("" if header or not items else ",\n") + items
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if header:
            writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()
    from tabulate import tabulate

    return tabulate(rows, headers=columns, tablefmt="github", floatfmt=".15g",
                    missingval="NULL") + "\n"


@main.command()
@click.option("--format", "fmt", type=click.Choice(["labels", "csv", "parquet"]), required=True,
              help="labels: one JSON per article (labels/FORMAT.md); csv/parquet: the figures table.")
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="Folder for labels; file for csv and parquet.")
@DB_OPTION
def export(fmt: str, out: Path, db: str) -> None:
    """Write the database out as label files or a figures table.

    \b
    Examples:
      vnstats export --format labels --out predictions/
      vnstats export --format csv --out figures.csv
    """
    from store.export import export_labels, export_table

    try:
        if fmt == "labels":
            if out.exists() and not out.is_dir():
                raise click.ClickException(f"--out {out} is a file; labels need a folder")
            count = export_labels(db, out)
            click.echo(f"wrote {count} label files to {out}")
        else:
            if out.is_dir():
                raise click.ClickException(f"--out {out} is a folder; {fmt} needs a file name")
            count = export_table(db, out, fmt)
            click.echo(f"wrote {count} figures to {out}")
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


def _floors(values: tuple[str, ...]) -> dict[str, float]:
    from review.labels import KINDS

    floors = {}
    for value in values:
        kind, _, number = value.partition("=")
        try:
            floors[kind] = float(number)
        except ValueError:
            raise click.BadParameter(f"{value!r}: expected KIND=VALUE, e.g. figures=0.95") from None
        if kind not in KINDS:
            raise click.BadParameter(f"{value!r}: kind must be one of {', '.join(KINDS)}")
    return floors


def format_evaluation(result: Evaluation) -> str:
    from tabulate import tabulate

    from review.labels import KINDS

    def number(value: float, known: bool) -> str:
        return f"{value:.3f}" if known else "n/a"   # a kind with no gold item has no score

    rows = [[kind, score.tp, score.fp, score.fn, *(number(v, score.gold > 0) for v in
                                                  (score.precision, score.recall, score.f1))]
            for kind, score in result.totals.items()]
    lines = [tabulate(rows, headers=["kind", "tp", "fp", "fn", "precision", "recall", "f1"],
                      tablefmt="github", disable_numparse=True,
                      colalign=("left", "right", "right", "right", "right", "right", "right")),
             ""]
    lines += result.attribute_lines()
    rows = [[name, *(f"{number(per[k].f1, per[k].gold > 0 or per[k].fp > 0)} ({per[k].tp}/{per[k].fp}/{per[k].fn})"
                     for k in KINDS)]
            for name, per in result.scores.articles.items()]
    lines += ["", "per article: F1 (tp/fp/fn)",
              tabulate(rows, headers=["article", *KINDS], tablefmt="github")]
    if result.problems:
        lines += ["", "problems:", *(f"  {p}" for p in result.problems)]
    return "\n".join(lines) + "\n"


@main.command("evaluate")
@click.option("--labels", "labels", required=True, type=click.Path(exists=True, path_type=Path),
              help="Folder of gold label files (labels/FORMAT.md), or a span-label file (--format).")
@click.option("--articles", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding the labeled articles (gold label files).")
@click.option("--format", "fmt", type=click.Choice(["labels", "doccano", "labelstudio", "prodigy"]),
              default="labels", show_default=True,
              help="labels: FORMAT.md files; the others: span annotations exported by those tools.")
@click.option("--label-map", "label_map", metavar="NAME=KIND,...|FILE",
              help="Tool label names to our kinds, e.g. 'LOC=localities,PER=officials', or a TOML/JSON file.")
@click.option("--db", default=None, help="Keep the predictions in this database (default: a temporary one).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a self-contained HTML review report here.")
@click.option("--min-f1", "min_f1", multiple=True, metavar="KIND=VALUE",
              help="Exit non-zero when a kind's F1 is below VALUE (repeatable).")
def evaluate_command(labels: Path, articles: Path | None, fmt: str, label_map: str | None, db: str | None,
                     as_json: bool, report: Path | None, min_f1: tuple[str, ...]) -> None:
    """Run the pipeline on labeled articles and score it against the labels.

    Pairs predictions with gold exactly as labels/FORMAT.md says and prints,
    per kind, tp, fp, fn, precision, recall and F1, the attribute scores of
    paired figures and officials, and a table per article.

    Span annotations from doccano, Label Studio or Prodigy (--format, with
    --label-map) carry no values: they are scored on spans, strict and partial.

    \b
    Examples:
      vnstats evaluate --labels ../shared/labels/seeds --articles ../shared/corpus/seeds \\
          --report review.html --min-f1 figures=0.95
      vnstats evaluate --labels export.jsonl --format doccano --label-map LOC=localities,PER=officials
    """
    floors = _floors(min_f1)
    if fmt != "labels":
        _evaluate_spans(labels, fmt, label_map, as_json, floors)
        return
    if articles is None:
        raise click.UsageError("--articles is needed with label files")
    if not labels.is_dir():
        raise click.UsageError(f"--labels {labels} is a file: give the folder, or --format for a span export")
    try:
        result = evaluate(labels, articles, db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_evaluation(result), nl=False)
    if report:
        from review.report import write_report

        write_report(result, report)
        click.echo(f"wrote review report to {report}", err=as_json)
    if result.errors:
        more = f" (and {len(result.errors) - 1} more, listed above)" if len(result.errors) > 1 else ""
        raise click.ClickException(f"not a valid evaluation: {result.errors[0]}{more}")
    failed = result.failed_floors(floors)
    if failed:
        raise click.ClickException("below the floor: " + "; ".join(failed))


def _evaluate_spans(path: Path, fmt: str, label_map: str | None, as_json: bool,
                    floors: dict[str, float]) -> None:
    from tabulate import tabulate

    from review.formats import FormatError, parse_label_map, read_spans, score_spans

    if not label_map:
        raise click.UsageError("--label-map is needed with --format " + fmt)
    try:
        scores, problems = score_spans(read_spans(path, fmt), parse_label_map(label_map))
    except FormatError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps({**scores, "problems": problems}, ensure_ascii=False, indent=2))
    else:
        rows = [[kind, *(scores[kind][mode][m] for mode in ("strict", "partial") for m in ("precision", "recall", "f1"))]
                for kind in scores]
        click.echo(tabulate(rows, headers=["kind", "strict P", "strict R", "strict F1",
                                           "partial P", "partial R", "partial F1"],
                            tablefmt="github", floatfmt=".3f"))
        for problem in problems:
            click.echo(f"problem: {problem}")
    failed = [f"{kind} strict F1 {scores[kind]['strict']['f1']:.4f} < {floor}"
              for kind, floor in floors.items() if kind in scores and scores[kind]["strict"]["f1"] < floor]
    if failed:
        raise click.ClickException("below the floor: " + "; ".join(failed))


@main.group()
def label() -> None:
    """Pre-annotate articles and check hand-edited label files.

    \b
    Example:
      vnstats label draft new-articles/ --out drafts/
      vnstats label check drafts/ --articles new-articles/
    """


@label.command("draft")
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the draft label files.")
def label_draft(articles: tuple[str, ...], out: Path) -> None:
    """Write the pipeline's predictions as label files, for a reviewer to correct into gold.

    \b
    Example:
      vnstats label draft new-articles/ --out drafts/
    """
    import tempfile

    from store.export import export_labels

    with tempfile.TemporaryDirectory(prefix="vnstats-draft-") as tmp:
        db = str(Path(tmp) / "draft.db")
        try:
            summary = run(articles, Options(db=db, workers=os.cpu_count() or 1,
                                            on_failure=lambda s, r: click.echo(f"failed: {s}: {r}", err=True)))
        except (InputError, StoreError) as exc:
            raise click.ClickException(str(exc)) from None
        count = export_labels(db, out) if summary.ingested else 0
    click.echo(f"wrote {count} draft label files to {out}")


@label.command("check")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--articles", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding the labeled articles.")
def label_check(folder: Path, articles: Path) -> None:
    """Validate label files: fields and kinds, and that every text occurs in its article.

    \b
    Example:
      vnstats label check drafts/ --articles new-articles/
    """
    from review.labels import check_labels

    count, problems = check_labels(folder, articles)
    for problem in problems:
        click.echo(problem)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {count} label file(s)")
    click.echo(f"{count} label files are valid")


if __name__ == "__main__":
    sys.exit(main())
