"""vnstats: Vietnamese news reports in, queryable statistics out.

``run()`` is the whole pipeline; the ``vnstats`` command line is a thin layer
over it and over the store's read functions.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click

from corpus.clean import build_article, content_hash
from corpus.normalize import normalize_text
from corpus.readers import InputError, ReadFailure, read_paths
from extract import extract_article
from store.db import DEFAULT_DB, Store, StoreError, run_query


@dataclass
class Options:
    """How to run the pipeline."""

    db: str = DEFAULT_DB
    # called with (source, reason) for each input that fails
    on_failure: Callable[[str, str], None] | None = None


@dataclass
class Summary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    figures: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        return (f"ingested {self.ingested}, skipped {self.skipped} (already stored), "
                f"failed {self.failed}; {self.figures} figures stored")


def run(paths: Iterable[str | Path], options: Options | None = None) -> Summary:
    """Ingest articles into the database.

    1. Read every input (files, folders); an unreadable one is recorded as a
       failure with its reason and the batch goes on.
    2. Skip content already stored (by the hash of its normalized text).
    3. Clean the page and split it (``corpus.clean.build_article``).
    4. Extract figures, dates, documents, officials and localities, and tie
       each figure to its place and time (``extract.extract_article``).
    5. Store the article with everything read from it in one transaction.
    """
    options = options or Options()
    summary = Summary()
    store = Store(options.db)

    def fail(source: str, reason: str) -> None:
        summary.failed += 1
        summary.failures.append((source, reason))
        store.record_failure(source, reason)
        if options.on_failure:
            options.on_failure(source, reason)

    try:
        for item in read_paths(paths):
            if isinstance(item, ReadFailure):
                fail(item.source, item.reason)
                continue
            if store.known_hashes([content_hash(normalize_text(item.text))]):
                summary.skipped += 1
                continue
            try:
                article = build_article(item.source, item.name, item.text)
                extraction = extract_article(article)
            except Exception as exc:  # one article's bug must not stop the batch
                fail(item.source, f"extraction failed: {type(exc).__name__}: {exc}")
                continue
            if not article.sentences:
                fail(item.source, "no article text left after removing page chrome")
                continue
            if store.add_article(article, extraction):
                summary.ingested += 1
                summary.figures += len(extraction.figures)
            else:
                summary.skipped += 1
    finally:
        store.close()
    return summary


# --- command line --------------------------------------------------------------

DB_OPTION = click.option("--db", default=DEFAULT_DB, show_default=True,
                         help="SQLite file path or any SQLAlchemy URL.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--quiet", is_flag=True, help="Print only the summary.")
def ingest(paths: tuple[str, ...], db: str, quiet: bool) -> None:
    """Read articles from files and folders (recursively) into the database.

    Re-ingesting the same content adds nothing; a file that cannot be read is
    reported, recorded in the `failures` table, and the rest goes on.

    \b
    Example:
      vnstats ingest ../shared/corpus/seeds --db vnstats.db
    """
    def report(source: str, reason: str) -> None:
        if not quiet:
            click.echo(f"failed: {source}: {reason}", err=True)

    try:
        summary = run(paths, Options(db=db, on_failure=report))
    except (InputError, StoreError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(summary.line())


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
        columns, rows = run_query(db, sql)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except SQLAlchemyError as exc:
        message = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise click.ClickException(f"query failed: {message}") from None
    click.echo(format_rows(columns, rows, fmt), nl=False)


def format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False,
                          default=str) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
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


if __name__ == "__main__":
    sys.exit(main())
