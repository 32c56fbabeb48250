"""The `vnstats` command line: a thin layer over the pipeline (``pipeline.run``),
the store's read functions and the review tools. It sits above all of them."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import click
from tqdm import tqdm

from vnstats.corpus.readers import InputError, Limits, parse_field_mapping
from vnstats.pipeline import Options, run
from vnstats.review.evaluate import Evaluation, evaluate
from vnstats.extract import DEFAULT_STAGES
from vnstats.store.db import DEFAULT_DB, StoreError, iter_query

# --- command line --------------------------------------------------------------

DB_OPTION = click.option("--db", default=DEFAULT_DB, show_default=True,
                         help="SQLite file path or any SQLAlchemy URL.")
STAGES_OPTION = click.option("--stages", type=click.Choice(["rules", "rules+model"]), default=DEFAULT_STAGES,
                             show_default=True,
                             help="rules+model: the trained statistical stage adds names, places and subjects "
                                  "the rules missed (README, 'The statistical stage'); rules: the rules alone.")


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
@click.option("--strict", is_flag=True, help="Exit non-zero when any input failed (without it: when all did).")
@click.option("--cluster", metavar="ADDRESS",
              help="Run on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N for N worker "
                   "processes on this machine. Workers write into --db themselves (use a PostgreSQL URL).")
@STAGES_OPTION
def ingest(paths: tuple[str, ...], db: str, workers: int, fields: tuple[str, ...], quiet: bool,
           max_article_chars: int, max_input_bytes: int, max_ratio: int, article_timeout: float,
           follow_symlinks: bool, strict: bool, cluster: str | None, stages: str) -> None:
    """Read articles into the database.

    PATHS are files, folders (read recursively) and archives, mixed ("-"
    reads one article from standard input): .txt,
    .html/.htm, .jsonl/.json, .csv, .parquet, .warc/.warc.gz, and .zip,
    .tar, .tar.gz/.tgz holding any of these. Re-ingesting the same content
    adds nothing, so an interrupted run (Ctrl-C, a crash) is finished by
    running the same command again. A file, member or record that cannot be
    read is reported, recorded in the `failures` table, and the rest goes on;
    the exit status is 1 when every input failed (with --strict: when any did).

    \b
    Examples:
      vnstats ingest ../shared/corpus/seeds --db vnstats.db
      vnstats ingest archive.tar.gz news.jsonl --field text=body.content --workers 4
      vnstats ingest crawl/ --cluster tcp://scheduler:8786 --db postgresql://user@dbhost/news
    """
    def report(location: str, reason: str) -> None:
        if not quiet:
            tqdm.write(f"failed: {location}: {reason}", file=sys.stderr)

    try:
        limits = Limits(max_article_chars=max_article_chars, max_input_bytes=max_input_bytes, max_ratio=max_ratio,
                        follow_symlinks=follow_symlinks)
        options = Options(db=db, workers=workers, fields=parse_field_mapping(fields), on_failure=report,
                          progress=not quiet and sys.stderr.isatty(), limits=limits,
                          article_timeout=article_timeout, stages=stages)
        if cluster:
            from vnstats.cluster import ClusterError, run_on_cluster

            try:
                summary = run_on_cluster(paths, options, cluster, announce=lambda line: click.echo(line, err=True))
            except ClusterError as exc:
                raise click.ClickException(str(exc)) from None
        else:
            summary = run(paths, options)
    except (InputError, StoreError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(summary.line())
    if summary.interrupted:
        sys.exit(130)
    if summary.failed and (strict or not (summary.ingested or summary.skipped)):
        sys.exit(1)   # every input failed, or (--strict) any did: a script must not go on as if all were read


@main.command()
@DB_OPTION
@click.option("--workers", type=click.IntRange(1, 256), default=os.cpu_count() or 1, show_default="all cores",
              help="Extraction processes.")
@click.option("--quiet", is_flag=True, help="No progress bar; only the summary.")
@click.option("--cluster", metavar="ADDRESS", help="Run on a Dask cluster (see ingest --cluster).")
@STAGES_OPTION
def reextract(db: str, workers: int, quiet: bool, cluster: str | None, stages: str) -> None:
    """Read stored articles again with this version's rules.

    Every article records the extractor version that produced its rows
    (a digest of the rules and word lists). Articles stored by another
    version are read again from their stored text, their rows replaced one
    article per transaction; an interrupted run, run again, finishes the rest.

    \b
    Examples:
      vnstats reextract --db vnstats.db --workers 4
      vnstats reextract --db postgresql://user@dbhost/news --cluster tcp://scheduler:8786
    """
    from vnstats.pipeline import reextract as run_reextract

    options = Options(db=db, workers=workers, progress=not quiet and sys.stderr.isatty(), stages=stages)
    try:
        if cluster:
            from vnstats.cluster import ClusterError, reextract_on_cluster

            try:
                summary = reextract_on_cluster(options, cluster, announce=lambda line: click.echo(line, err=True))
            except ClusterError as exc:
                raise click.ClickException(str(exc)) from None
        else:
            summary = run_reextract(options)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"read again {summary.ingested}, failed {summary.failed}; {summary.figures} figures stored"
               + (" — interrupted: run the same command again to finish" if summary.interrupted else ""))
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
    from vnstats.store.export import export_labels, export_table

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
    from vnstats.review.labels import KINDS

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

    from vnstats.review.labels import KINDS

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
@click.option("--stages", type=click.Choice(["rules", "rules+model", "compare"]), default=DEFAULT_STAGES,
              show_default=True,
              help="rules+model: with the statistical stage; compare: score both on the same articles, side by side.")
def evaluate_command(labels: Path, articles: Path | None, fmt: str, label_map: str | None, db: str | None,
                     as_json: bool, report: Path | None, min_f1: tuple[str, ...], stages: str) -> None:
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
    if stages == "compare":
        _compare_stages(labels, articles, as_json)
        return
    try:
        result = evaluate(labels, articles, db, stages=stages)
    except (StoreError, FileNotFoundError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_evaluation(result), nl=False)
    if report:
        from vnstats.review.report import write_report

        write_report(result, report)
        click.echo(f"wrote review report to {report}", err=as_json)
    if result.errors:
        more = f" (and {len(result.errors) - 1} more, listed above)" if len(result.errors) > 1 else ""
        raise click.ClickException(f"not a valid evaluation: {result.errors[0]}{more}")
    failed = result.failed_floors(floors)
    if failed:
        raise click.ClickException("below the floor: " + "; ".join(failed))


def _compare_stages(labels: Path, articles: Path, as_json: bool) -> None:
    """Rules alone and rules with the statistical stage, scored on the same articles."""
    from tabulate import tabulate

    from vnstats.review.evaluate import FIGURE_ATTRIBUTES

    try:
        results = {stages: evaluate(labels, articles, stages=stages) for stages in ("rules", "rules+model")}
    except (StoreError, FileNotFoundError) as exc:
        raise click.ClickException(str(exc)) from None
    for result in results.values():
        if result.errors:
            raise click.ClickException(f"not a valid evaluation: {result.errors[0]}")
    rows = []
    for kind in results["rules"].totals:
        values = [r.totals[kind].f1 if r.totals[kind].gold else None for r in results.values()]
        rows.append((f"{kind} F1", *values))
    for name, label in FIGURE_ATTRIBUTES:
        rows.append((f"figures: {label}", *(r.totals["figures"].attribute(name) for r in results.values())))
    if as_json:
        click.echo(json.dumps({row[0]: dict(zip(results, row[1:])) for row in rows}, indent=2))
        return
    table = [(name, *("n/a" if v is None else f"{v:.3f}" for v in values),
              "" if None in values else f"{values[1] - values[0]:+.3f}") for name, *values in rows]
    click.echo(tabulate(table, headers=["score", "rules", "rules+model", "change"], tablefmt="github",
                        disable_numparse=True))


def _evaluate_spans(path: Path, fmt: str, label_map: str | None, as_json: bool,
                    floors: dict[str, float]) -> None:
    from tabulate import tabulate

    from vnstats.review.formats import FormatError, parse_label_map, read_spans, score_spans

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

    from vnstats.store.export import export_labels

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
    from vnstats.review.labels import check_labels

    count, problems = check_labels(folder, articles)
    for problem in problems:
        click.echo(problem)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {count} label file(s)")
    click.echo(f"{count} label files are valid")


@label.command("docbin")
@click.option("--labels", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold label files (labels/FORMAT.md).")
@click.option("--articles", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding the labeled articles.")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The .spacy file to write.")
def label_docbin(labels: Path, articles: Path, out: Path) -> None:
    """Turn gold label files into spaCy training data (a DocBin): officials'
    names as PER, localities as LOC, figure subjects as SUBJ spans; one Doc a
    sentence. What cannot be placed on the text's tokens is listed.

    \b
    Example:
      vnstats label docbin --labels ../shared/labels/dev --articles ../shared/corpus/dev --out dev.spacy
    """
    from vnstats.review.training import blank_nlp, convert, write_docbin

    conversion = convert(labels, articles, blank_nlp().vocab)
    for problem in conversion.problems:
        click.echo(problem)
    write_docbin(conversion.docs, out)
    placed = ", ".join(f"{k} {v}" for k, v in conversion.placed.items())
    missed = ", ".join(f"{k} {v}" for k, v in conversion.missed.items())
    click.echo(f"wrote {len(conversion.docs)} sentences to {out}: placed {placed}; not placed {missed}")


@main.command("train")
@click.option("--labels", "labels", multiple=True, required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold label files; repeat it with --articles for more folders.")
@click.option("--articles", "articles", multiple=True, required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the labeled articles, one for each --labels, in the same order.")
@click.option("--held-labels", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Labels to score on and never train on (default: a fixed fifth of the articles).")
@click.option("--held-articles", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The articles of --held-labels.")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the trained pipeline to (replaced).")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed: the same seed, the same model.")
@click.option("--epochs", type=click.IntRange(1), default=None, help="Passes over the data (default: the config's).")
def train_command(labels: tuple[Path, ...], articles: tuple[Path, ...], held_labels: Path | None,
                  held_articles: Path | None, out: Path, seed: int, epochs: int | None) -> None:
    """Train the statistical stage (names, places, subjects) from labeled
    articles, on CPU, with the config kept in review/ner.cfg, and print
    precision, recall and F1 per label on held-apart articles.

    \b
    Example (the shipped model):
      vnstats train --labels ../shared/labels/seeds --articles ../shared/corpus/seeds \\
          --labels ../shared/labels/dev --articles ../shared/corpus/dev \\
          --labels tests/data/labels/work --articles tests/data/corpus/work \\
          --held-labels tests/data/labels/heldout --held-articles tests/data/corpus/heldout --out model/
    """
    from tabulate import tabulate

    from vnstats.review.training import train

    if len(labels) != len(articles):
        raise click.UsageError("give one --articles for each --labels")
    if (held_labels is None) != (held_articles is None):
        raise click.UsageError("give --held-labels and --held-articles together")
    held = (held_labels, held_articles) if held_labels else None
    try:
        result = train(list(zip(labels, articles)), out, held, seed=seed, epochs=epochs)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    rows = [(label, f"{v['p']:.3f}", f"{v['r']:.3f}", f"{v['f']:.3f}") for label, v in sorted(result.scores.items())]
    click.echo(f"trained on {result.train_docs} sentences, scored on {result.held_docs} held-apart sentences "
               f"({len(result.problems)} label items could not be placed: `vnstats label docbin` lists them)")
    click.echo(tabulate(rows, headers=["label", "precision", "recall", "F1"], tablefmt="github"))
    click.echo(f"wrote the model to {out}")


if __name__ == "__main__":
    sys.exit(main())
