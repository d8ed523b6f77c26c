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
    input_path: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT",
            help="A file or folder of articles (.txt, .html, .json, .jsonl; NAME.meta.json "
            "sidecars give metadata).",
            exists=True,
            readable=True,
        ),
    ],
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the tables (created if missing).")
    ] = Path("data/processed"),
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
        from ami_facts.engine_dask import extract_dask

        counts = extract_dask(
            input_path,
            str(out_dir),
            model=FAST_MODEL if fast else model,
            published=anchor,
            max_chars=max_chars,
            batch_size=batch_size,
            scheduler=scheduler,
            workers=workers,
        )
        if not quiet:
            out.print(f"{counts} -> {out_dir}", highlight=False)
        if counts.get("articles", 0) == 0:
            raise typer.Exit(NOTHING_PROCESSED)
        return
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
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="Score only one half of the gold articles: dev (tune on it, read its "
            "misses) or blind (read its scores only); all by default.",
        ),
    ] = "all",
    model: ModelOption = DEFAULT_MODEL,
    fast: FastOption = False,
) -> None:
    """Score extraction against gold files: P/R/F1 per table, field accuracy over matches.

    Subject, metric and period are also scored as precision over the values given
    and recall over the values the gold gives; both halves of the gold (dev and
    blind, by a fixed rule on the file name) are reported when both are present.
    """
    from ami_facts.evaluate import (
        SPLITS,
        detail_rows,
        format_detail,
        format_report,
        gold_name,
        gold_split,
        write_html,
    )
    from ami_facts.evaluate import evaluate as run_evaluation

    if split not in {"all", *SPLITS}:
        raise _fail(f"--split must be all, dev or blind, not {split!r}.")
    paths: list[Path] = []
    for path in gold:
        paths.extend(sorted(path.glob("*.gold.json")) if path.is_dir() else [path])
    if split != "all":
        paths = [path for path in paths if gold_split(gold_name(path)) == split]
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
        out.print(format_report(evaluation), highlight=False, soft_wrap=True)
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
