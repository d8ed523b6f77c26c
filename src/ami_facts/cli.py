"""The ``ami-facts`` command line: a thin layer over the library."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ami_facts.load import (
    DEFAULT_MAX_CHARS,
    InputError,
    Selection,
    build_article,
    iter_articles,
    select_new,
)
from ami_facts.nlp import DEFAULT_MODEL, FAST_MODEL, ModelNotFoundError, build_nlp
from ami_facts.pipeline import DEFAULT_BATCH_SIZE, ArticleResult, process
from ami_facts.progress import count_inputs, make_progress, progress_enabled
from ami_facts.records import ErrorRow

app = typer.Typer(
    help=(
        "Turn French news articles into typed facts: every figure (value, unit, "
        "qualifiers, subject, metric, period), every date (TIMEX3) and every named "
        "entity, written as Parquet and CSV tables."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()

SUMMARY_NOUNS = (
    ("articles", "article"),
    ("figures", "figure"),
    ("dates", "date"),
    ("entities", "entity"),
    ("errors", "error"),
)
USAGE_ERROR = 2
NOTHING_PROCESSED = 1


def _plural(count: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{count} {noun if count == 1 else plural}"


def _fail(message: str, code: int = USAGE_ERROR) -> typer.Exit:
    err.print(f"[bold red]Error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{option} must be a date as YYYY-MM-DD, not {value!r}.") from None


def _load_nlp(model: str, fast: bool) -> Any:
    try:
        return build_nlp(FAST_MODEL if fast else model)
    except ModelNotFoundError as exc:
        raise _fail(str(exc) + ".") from None


@contextmanager
def _startup_frozen() -> Iterator[None]:
    """Keep the garbage collector off what exists before the articles are read.

    Modules, patterns and the model live as long as the run: every full collection
    would walk them all again for nothing (tens of milliseconds each). Frozen, a
    collection walks only what the run makes; unfrozen after, for callers that go on.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


ModelOption = Annotated[
    str,
    typer.Option(
        "--model",
        help="Installed French spaCy pipeline to use (e.g. fr_core_news_sm for less memory).",
    ),
]
FastOption = Annotated[
    bool,
    typer.Option(
        "--fast",
        help="Rules only, without the statistical model: figures and dates, no NER, no subject.",
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="YYYY-MM-DD",
        help="Publication date for articles whose metadata and text give none "
        "(anchor for relative dates; without one they stay unresolved).",
    ),
]


@app.command()
def extract(
    input_spec: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="A file or folder of articles (.txt, .html, .json, .jsonl; NAME.meta.json "
            "sidecars give metadata); with --engine dask also a glob or an fsspec URL "
            "(s3://bucket/news/*.jsonl).",
        ),
    ],
    out_spec: Annotated[
        str,
        typer.Option(
            "--out",
            "-o",
            help="Folder for the tables (created if missing); with --engine dask also an "
            "fsspec URL.",
        ),
    ] = "data/processed",
    model: ModelOption = DEFAULT_MODEL,
    fast: FastOption = False,
    published: PublishedOption = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")
    ] = DEFAULT_BATCH_SIZE,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes running the model.")
    ] = 1,
    max_chars: Annotated[
        int,
        typer.Option("--max-chars", min=1, help="Longer articles become an error row."),
    ] = DEFAULT_MAX_CHARS,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1, tables untouched) on any input error.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Reprocess every article and rebuild the tables from INPUT alone "
            "(by default articles already in --out are kept and not processed again).",
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="local (processes on this machine) or dask (a Dask cluster; writes "
            "OUT/<table>/part-*.parquet).",
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Dask scheduler (tcp://host:8786); a LocalCluster when omitted.",
        ),
    ] = None,
    blocksize: Annotated[
        str,
        typer.Option(
            "--blocksize",
            help="Dask: bytes of JSON Lines per partition (64MiB, 16MB...).",
        ),
    ] = "16MiB",
) -> None:
    """Extract figures, dates and entities from INPUT into tables in --out.

    Writes articles, figures, dates, entities, facts and errors, each as .parquet
    and .csv. A broken article becomes a row in errors; the rest is written.
    Runs are incremental: articles already in --out (same article_id) are kept
    as they are and only new ones are processed; --force reprocesses everything.
    Exit code 0 when at least one article of INPUT is in the tables, 1 when none
    is (or on any error with --strict), 2 on usage errors.
    """
    from ami_facts.export import OutputError, TableWriter

    anchor = _parse_date(published, "--published")
    if engine not in {"local", "dask"}:
        raise _fail(f"--engine must be local or dask, not {engine!r}.")
    if engine == "dask":
        options = {"published": anchor, "max_chars": max_chars, "batch_size": batch_size}
        model_name = FAST_MODEL if fast else model
        _extract_dask(
            input_spec,
            out_spec,
            model_name,
            options,
            scheduler,
            workers,
            blocksize,
            force=force,
            quiet=quiet,
        )
        return
    input_path, out_dir = Path(input_spec), Path(out_spec)
    if not input_path.exists():
        raise _fail(f"INPUT {input_spec} does not exist (URLs and globs need --engine dask).")
    nlp = _load_nlp(model, fast)
    try:
        writer = TableWriter(out_dir, incremental=not force)
    except (OutputError, OSError) as exc:
        raise _fail(f"{exc}.", NOTHING_PROCESSED) from None
    selection = Selection()
    items = select_new(
        iter_articles(input_path, published=anchor, max_chars=max_chars),
        writer.known_ids,
        selection,
    )
    if workers > 1:
        from ami_facts.workers import process_parallel

        model_name = FAST_MODEL if fast else model
        results = process_parallel(
            items, model=model_name, workers=workers, nlp=nlp, batch_size=batch_size
        )
    else:
        results = process(items, nlp, batch_size=batch_size)
    show_progress = progress_enabled(quiet)
    total = count_inputs(input_path) if show_progress else None
    try:
        with _startup_frozen(), make_progress(err, enabled=show_progress) as progress:
            task = progress.add_task("extracting", total=total)
            first_error: ErrorRow | None = None

            def watched() -> Any:
                nonlocal first_error
                for item in results:
                    if isinstance(item, ErrorRow) and first_error is None:
                        first_error = item
                        if strict:
                            raise _fail(f"{item.error} (--strict)", NOTHING_PROCESSED)
                    yield item
                    progress.advance(task)

            for _ in writer.write_results(watched()):
                pass
    except BaseException:
        writer.abort()
        raise
    summary = writer.commit()
    counts = summary.counts
    if not quiet:
        kept = f" ({selection.known} already in the tables, kept)" if selection.known else ""
        tally = ", ".join(
            _plural(counts[table], noun) for table, noun in SUMMARY_NOUNS if table != "articles"
        )
        out.print(
            f"{_plural(counts['articles'], 'article')} processed{kept}: {tally} -> {out_dir}",
            highlight=False,
            soft_wrap=True,
        )
        if counts["errors"]:
            err.print(f"see {out_dir / 'errors.csv'} for what could not be read", highlight=False)
    if counts["articles"] + selection.known == 0:
        raise typer.Exit(NOTHING_PROCESSED)


def _extract_dask(
    input_spec: str,
    out_spec: str,
    model: str,
    options: dict[str, Any],
    scheduler: str | None,
    workers: int,
    blocksize: str,
    *,
    force: bool,
    quiet: bool,
) -> None:
    from dask.utils import parse_bytes

    from ami_facts.engine_dask import DaskRunError, extract_dask
    from ami_facts.export import OutputError
    from ami_facts.shards import InputNotFoundError

    try:
        size = int(parse_bytes(blocksize))
    except ValueError:
        raise _fail(f"--blocksize must be a size such as 64MiB, not {blocksize!r}.") from None
    try:
        summary = extract_dask(
            input_spec,
            out_spec,
            model=model,
            scheduler=scheduler,
            workers=workers,
            blocksize=size,
            force=force,
            **options,
        )
    except InputNotFoundError as exc:
        raise _fail(f"{exc}.") from None
    except (OutputError, DaskRunError) as exc:
        raise _fail(f"{exc}.", NOTHING_PROCESSED) from None
    counts = summary.counts
    if not quiet:
        tally = ", ".join(_plural(counts[table], noun) for table, noun in SUMMARY_NOUNS)
        out.print(
            f"{_plural(summary.partitions, 'partition')}: {summary.skipped} done before "
            f"(kept), {summary.processed} processed now ({tally}) -> {out_spec}",
            highlight=False,
            soft_wrap=True,
        )
    if counts["articles"] + summary.kept["articles"] == 0:
        raise typer.Exit(NOTHING_PROCESSED)


@app.command()
def review(
    input_path: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT",
            help="A file or folder of articles (as for extract).",
            exists=True,
            readable=True,
        ),
    ],
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the HTML report (created if missing).")
    ] = Path("review"),
    model: ModelOption = DEFAULT_MODEL,
    fast: FastOption = False,
    published: PublishedOption = None,
    max_chars: Annotated[
        int,
        typer.Option("--max-chars", min=1, help="Longer articles become an error row."),
    ] = DEFAULT_MAX_CHARS,
) -> None:
    """Write a static HTML report of what is found in INPUT: open --out/index.html.

    One page per article: the text with every figure, date and entity
    highlighted (boilerplate greyed), their fields on hover and on click.
    No server and no network: the pages hold their own CSS and JS.
    """
    from ami_facts.review import write_review

    anchor = _parse_date(published, "--published")
    nlp = _load_nlp(model, fast)
    items = iter_articles(input_path, published=anchor, max_chars=max_chars)
    summary = write_review(process(items, nlp), out_dir)
    out.print(
        f"{len(summary.pages)} article pages, {summary.errors} errors -> {summary.index}",
        highlight=False,
    )
    if not summary.pages:
        raise typer.Exit(NOTHING_PROCESSED)


@app.command()
def parse(
    text: Annotated[str, typer.Argument(help="A French sentence or paragraph.")],
    published: PublishedOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    model: ModelOption = DEFAULT_MODEL,
    fast: FastOption = False,
) -> None:
    """Show every figure, date and entity found in TEXT with all their fields."""
    anchor = _parse_date(published, "--published")
    nlp = _load_nlp(model, fast)
    try:
        raw = build_article(
            text, {}, source="<text>", fallback_published=anchor, max_chars=DEFAULT_MAX_CHARS
        )
    except InputError as exc:
        raise _fail(f"{exc}.") from None
    result = next(iter(process([raw], nlp)))
    if isinstance(result, ErrorRow):
        raise _fail(result.error, NOTHING_PROCESSED)
    tables = {
        "figures": [r.model_dump(exclude={"article_id"}) for r in result.figures],
        "dates": [r.model_dump(exclude={"article_id"}) for r in result.dates],
        "entities": [r.model_dump(exclude={"article_id"}) for r in result.entities],
    }
    if as_json:
        out.print_json(json.dumps(tables, ensure_ascii=False))
        return
    _print_tables(tables)


def _print_tables(tables: dict[str, list[dict[str, Any]]]) -> None:
    for name, rows in tables.items():
        table = Table(title=f"{name} ({len(rows)})", show_lines=False)
        if not rows:
            out.print(table)
            continue
        columns = [
            key
            for key in rows[0]
            if key not in {"figure_id", "date_id", "entity_id"}
            and any(row.get(key) not in (None, False) for row in rows)
        ]
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        out.print(table)


@app.command()
def evaluate(
    gold: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD...",
            help="Gold files (NAME.gold.json) or folders holding them.",
            exists=True,
        ),
    ],
    published_from_gold: Annotated[
        bool,
        typer.Option(
            "--published-from-gold",
            help="Anchor relative dates on each gold file's published_for_test.",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail", help="List, per article, each missed and spurious item with its sentence."
        ),
    ] = False,
    html_dir: Annotated[
        Path | None,
        typer.Option(
            "--html",
            metavar="DIR",
            help="Write review pages with gold spans as a second layer (missed, spurious).",
        ),
    ] = None,
    model: ModelOption = DEFAULT_MODEL,
    fast: FastOption = False,
) -> None:
    """Score extraction against gold files: P/R/F1 per table, field accuracy over matches."""
    from ami_facts.evaluate import detail_rows, format_detail, format_report, write_html
    from ami_facts.evaluate import evaluate as run_evaluation

    paths: list[Path] = []
    for path in gold:
        paths.extend(sorted(path.glob("*.gold.json")) if path.is_dir() else [path])
    if not paths:
        raise _fail("no gold files (NAME.gold.json) found in the given paths.")
    nlp = _load_nlp(model, fast)
    try:
        evaluation = run_evaluation(paths, nlp, published_from_gold=published_from_gold)
    except (OSError, ValueError, KeyError) as exc:
        raise _fail(f"cannot read the gold files ({exc}).") from None
    if as_json:
        document = evaluation.as_dict()
        if detail:
            document["detail"] = detail_rows(evaluation)
        out.print_json(json.dumps(document, ensure_ascii=False))
    else:
        out.print(format_report(evaluation), highlight=False)
        if detail:
            out.print(format_detail(evaluation), highlight=False, markup=False, soft_wrap=True)
    if html_dir is not None:
        index = write_html(evaluation, html_dir)
        err.print(f"review pages with gold -> {index}", highlight=False)


@app.command()
def schema(
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="json: JSON Schema of each record and Parquet schema of each table; "
            "markdown: the column reference (as in the README).",
        ),
    ] = "json",
    update_readme: Annotated[
        Path | None,
        typer.Option(
            "--update-readme",
            metavar="README",
            help="Rewrite the column reference between the markers of this file.",
        ),
    ] = None,
) -> None:
    """Describe every table: columns, types, nullability and meaning."""
    from ami_facts import schema as tables_schema

    if update_readme is not None:
        try:
            changed = tables_schema.update_readme(update_readme)
        except (OSError, ValueError) as exc:
            raise _fail(f"{exc}.") from None
        out.print(f"{update_readme}: {'updated' if changed else 'already up to date'}")
        return
    if output_format == "markdown":
        sys.stdout.write(tables_schema.column_reference())
    elif output_format == "json":
        document = {
            "records": tables_schema.json_schemas(),
            "parquet": tables_schema.parquet_schemas(),
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        raise _fail(f"--format must be json or markdown, not {output_format!r}.")


def main() -> None:
    """Entry point that never shows a traceback for user errors."""
    app()


__all__ = ["ArticleResult", "app", "main"]
