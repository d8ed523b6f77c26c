"""The ``ami-facts`` command line: a thin layer over the library (``ami_facts.api``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ami_facts.api import Extraction, Extractor
from ami_facts.load import (
    DEFAULT_MAX_CHARS,
    STREAM_FORMATS,
    RawArticle,
    Selection,
    iter_articles,
    iter_stream,
    select_new,
)
from ami_facts.nlp import (
    DEFAULT_MODEL,
    FAST_MODEL,
    ModelNotFoundError,
    check_model,
    installed_models,
)
from ami_facts.pipeline import DEFAULT_BATCH_SIZE, ArticleResult
from ami_facts.plural import plural
from ami_facts.progress import count_inputs, make_progress, progress_enabled
from ami_facts.provenance import extractor_label, model_label, package_version
from ami_facts.records import ErrorRow
from ami_facts.web import DEFAULT_DELAY, DEFAULT_TIMEOUT, is_url

app = typer.Typer(
    help=(
        "Turn French news articles into typed facts: every figure (value, unit, "
        "qualifiers, subject, metric, period), every date (TIMEX3) and every named "
        "entity, written as Parquet and CSV tables."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help (click's layout): flags without a type column ("<bool>"), and the
    # whole width of an 80-column terminal for the explanations.
    rich_markup_mode=None,
)
err = Console(stderr=True)
out = Console()
STDIN = "-"

SUMMARY_NOUNS = (
    ("articles", "article"),
    ("figures", "figure"),
    ("dates", "date"),
    ("entities", "entity"),
    ("errors", "error"),
)
USAGE_ERROR = 2
# Errors printed under the summary line; all of them are in errors.csv.
ERRORS_SHOWN = 3
# Text printed as is: no colours guessed, no markup read, no line cut.
PLAIN: dict[str, Any] = {"highlight": False, "markup": False, "soft_wrap": True}
NOTHING_PROCESSED = 1


def _plural(count: int, noun: str) -> str:
    return plural(count, noun)


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


def _extractor(model: str, fast: bool, **options: Any) -> Extractor:
    try:
        return Extractor(model=model, fast=fast, **options)
    except ModelNotFoundError as exc:
        raise _fail(str(exc) + ".") from None


def _model_help() -> str:
    installed = installed_models()
    here = f"installed here: {', '.join(installed)}" if installed else "none is installed here"
    return f"Installed French spaCy pipeline (package name or folder) to use ({here})."


def _print_version(value: bool) -> None:
    if value:
        out.print(f"ami-facts {package_version()}", highlight=False)
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    pass


ModelOption = Annotated[str, typer.Option("--model", metavar="MODEL", help=_model_help())]
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
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="INPUT",
            help="Files or folders of articles (.txt, .html, .json, .jsonl; NAME.meta.json "
            "sidecars give metadata), http(s) URLs of article pages, or - for standard "
            "input (see --format). With --engine dask: one file, folder, glob or fsspec "
            "URL (s3://bucket/news/*.jsonl).",
            show_default=False,
        ),
    ] = None,
    out_spec: Annotated[
        str,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Folder for the tables (created if missing); with --engine dask also an "
            "fsspec URL.",
        ),
    ] = "data/processed",
    urls_file: Annotated[
        Path | None,
        typer.Option(
            "--urls",
            metavar="FILE",
            help="A file of article URLs, one a line (# starts a comment; - reads them "
            "from standard input).",
        ),
    ] = None,
    feeds: Annotated[
        list[str] | None,
        typer.Option(
            "--feed",
            metavar="URL",
            help="An RSS, Atom or JSON feed or a sitemap: every article it links to is "
            "read (repeat the option for more feeds).",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="What standard input (-) holds: text (one article, the default), html "
            "(one page), json (one article object) or jsonl (one article object a line).",
            show_default=False,
        ),
    ] = None,
    model: ModelOption = DEFAULT_MODEL,
    fast: FastOption = False,
    published: PublishedOption = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, metavar="N", help="Articles per spaCy batch.")
    ] = DEFAULT_BATCH_SIZE,
    workers: Annotated[
        int, typer.Option("--workers", min=1, metavar="N", help="Processes running the model.")
    ] = 1,
    max_chars: Annotated[
        int,
        typer.Option(
            "--max-chars", min=1, metavar="N", help="Longer articles become an error row."
        ),
    ] = DEFAULT_MAX_CHARS,
    timeout: Annotated[
        int,
        typer.Option(
            "--timeout", min=1, metavar="SECONDS", help="Give up on a URL after this long."
        ),
    ] = DEFAULT_TIMEOUT,
    delay: Annotated[
        float,
        typer.Option(
            "--delay",
            min=0.0,
            metavar="SECONDS",
            help="Wait between two requests to the same host (one request at a time).",
        ),
    ] = DEFAULT_DELAY,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1, tables untouched) on any input error.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Reprocess every article and rebuild the tables from the inputs alone "
            "(by default articles and URLs already in --out are kept and not processed "
            "or fetched again).",
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            metavar="ENGINE",
            help="local (processes on this machine) or dask (a Dask cluster whose workers "
            "read their own input; writes OUT/<table>/part-*.parquet and a manifest, and "
            "resumes what a killed run left).",
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
            metavar="SIZE",
            help="Dask: bytes of JSON Lines per partition (64MiB, 16MB...).",
        ),
    ] = "16MiB",
) -> None:
    """Extract figures, dates and entities from the inputs into tables in --out.

    Inputs are files and folders, URLs of article pages, - (standard input), a
    file of URLs (--urls) and feeds or sitemaps (--feed), read in that order.
    Writes articles, figures, dates, entities, facts and errors, each as .parquet
    and .csv. A broken input (unreadable file, unreachable URL, page without
    article text) becomes a row in errors; the rest is written. Runs are
    incremental: articles already in --out (same article_id, or same URL) are
    kept as they are and only new ones are processed; --force reprocesses
    everything. Exit code 0 when at least one article of the inputs is in the
    tables, 1 when none is (or on any error with --strict), 2 on usage errors.

    Examples:

      ami-facts extract data/raw --out data/processed

      ami-facts extract --feed https://www.example.fr/rss.xml --out news

      cat article.txt | ami-facts extract - --published 2021-04-15
    """
    from ami_facts.export import OutputError, TableWriter
    from ami_facts.web import Fetcher, WebSource, iter_web_articles, read_url_list

    anchor = _parse_date(published, "--published")
    if engine not in {"local", "dask"}:
        raise _fail(f"--engine must be local or dask, not {engine!r}.")
    if input_format is not None and input_format not in STREAM_FORMATS:
        raise _fail(f"--format must be one of {', '.join(STREAM_FORMATS)}, not {input_format!r}.")
    if engine == "dask":
        if len(inputs or []) != 1 or inputs == [STDIN] or urls_file or feeds or input_format:
            raise _fail(
                "--engine dask reads one INPUT: a file, a folder, a glob or an fsspec URL "
                "(no -, --urls or --feed)."
            )
        options = {"published": anchor, "max_chars": max_chars, "batch_size": batch_size}
        model_name = FAST_MODEL if fast else model
        _extract_dask(
            (inputs or [""])[0],
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
    out_dir = Path(out_spec)
    paths, urls, from_stdin = _classify_inputs(inputs or [])
    if input_format is not None and not from_stdin:
        raise _fail("--format says what standard input holds: give - as an INPUT.")
    if urls_file is not None:
        if str(urls_file) == STDIN and from_stdin:
            raise _fail("standard input (-) can hold articles or --urls, not both.")
        urls.extend(read_url_list(_read_urls_file(urls_file)))
    feeds = feeds or []
    if not (paths or urls or feeds or from_stdin) and urls_file is None:
        raise _fail("give at least one INPUT (a file, a folder, a URL or -), --urls or --feed.")
    try:
        check_model(FAST_MODEL if fast else model)
    except ModelNotFoundError as exc:
        raise _fail(str(exc) + ".") from None
    made_as = extractor_label(model_label(FAST_MODEL if fast else model), anchor)
    try:
        writer = TableWriter(out_dir, incremental=not force, extractor=made_as)
    except (OutputError, OSError) as exc:
        raise _fail(f"{exc}.", NOTHING_PROCESSED) from None
    selection = Selection()
    fetcher = Fetcher(timeout=timeout, delay=delay)

    def loaded() -> Iterator[RawArticle | ErrorRow]:
        for path in paths:
            yield from iter_articles(path, published=anchor, max_chars=max_chars, skip=out_dir)
        if from_stdin:
            yield from iter_stream(
                sys.stdin.buffer,
                input_format=input_format or "text",
                published=anchor,
                max_chars=max_chars,
            )
        if urls or feeds:
            yield from iter_web_articles(
                WebSource(urls=urls, feeds=feeds),
                fetcher,
                known_sources=writer.known_sources,
                selection=selection,
                published=anchor,
                max_chars=max_chars,
            )

    results = _results_loading_model_when_needed(
        select_new(loaded(), writer.known_ids, selection, writer.stale_ids),
        lambda: _extractor(
            model, fast, workers=workers, batch_size=batch_size, max_chars=max_chars
        ),
    )
    show_progress = progress_enabled(quiet)
    total = None
    if show_progress and not (urls or feeds or from_stdin):
        total = sum(count_inputs(path, skip=out_dir) for path in paths)
    try:
        with make_progress(err, enabled=show_progress) as progress:
            task = progress.add_task("extracting", total=total)
            first_errors: list[ErrorRow] = []

            def watched() -> Iterator[ArticleResult | ErrorRow]:
                for item in results:
                    if isinstance(item, ErrorRow):
                        if strict:
                            raise _fail(f"{item.error} (--strict)", NOTHING_PROCESSED)
                        if len(first_errors) < ERRORS_SHOWN:
                            first_errors.append(item)
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
        kept = _kept_and_redone(selection)
        tally = ", ".join(
            _plural(counts[table], noun) for table, noun in SUMMARY_NOUNS if table != "articles"
        )
        fetched = f"; {_plural(len(fetcher.fetched), 'URL')} fetched" if urls or feeds else ""
        out.print(
            f"{_plural(counts['articles'], 'article')} processed{kept}: {tally}{fetched} "
            f"-> {out_dir}",
            highlight=False,
            soft_wrap=True,
        )
        if counts["errors"]:
            _print_errors(first_errors, counts["errors"], out_dir)
    if counts["articles"] + selection.known == 0:
        raise typer.Exit(NOTHING_PROCESSED)


def _print_errors(first: list[ErrorRow], total: int, out_dir: Path) -> None:
    """The first errors, one a line, and where the others are."""
    for row in first:
        err.print(f"  {row.error}", **PLAIN)
    rest = total - len(first)
    where = out_dir / "errors.csv"
    if rest:
        err.print(f"  ... and {_plural(rest, 'more error')} in {where}", **PLAIN)
    else:
        err.print(f"  (also in {where})", **PLAIN)


def _kept_and_redone(selection: Selection) -> str:
    """`` (2 already in the tables, kept; 1 made with other options, redone)``, or nothing."""
    parts = []
    if selection.known:
        parts.append(f"{selection.known} already in the tables, kept")
    if selection.redone:
        parts.append(f"{selection.redone} made with other options or another version, redone")
    return f" ({'; '.join(parts)})" if parts else ""


def _results_loading_model_when_needed(
    items: Iterator[RawArticle | ErrorRow], make: Callable[[], Extractor]
) -> Iterator[ArticleResult | ErrorRow]:
    """Results of ``items``; the model is loaded when the first new article comes.

    A run with nothing new to process (every URL of a feed already done, every
    input an error) does not load the model at all.
    """
    for item in items:
        if isinstance(item, ErrorRow):
            yield item
            continue
        yield from make().results(chain([item], items))
        return


def _classify_inputs(inputs: list[str]) -> tuple[list[Path], list[str], bool]:
    """(paths, URLs, whether - was given) of the INPUT arguments; usage error otherwise."""
    paths: list[Path] = []
    urls: list[str] = []
    from_stdin = False
    for given in inputs:
        if given == STDIN:
            if from_stdin:
                raise _fail("- (standard input) can be given once.")
            from_stdin = True
        elif is_url(given):
            urls.append(given.strip())
        elif Path(given).exists():
            paths.append(Path(given))
        elif "://" in given:
            raise _fail(f"INPUT {given!r} is not an http(s) URL (others need --engine dask).")
        else:
            raise _fail(
                f"INPUT {given!r} does not exist (give a file, a folder, a URL or -; "
                "globs need --engine dask)."
            )
    return paths, urls, from_stdin


def _read_urls_file(path: Path) -> str:
    if str(path) == STDIN:
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"--urls {path} cannot be read ({exc}).") from None


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
        Path,
        typer.Option(
            "--out", "-o", metavar="DIR", help="Folder for the HTML report (created if missing)."
        ),
    ] = Path("review"),
    model: ModelOption = DEFAULT_MODEL,
    fast: FastOption = False,
    published: PublishedOption = None,
    max_chars: Annotated[
        int,
        typer.Option(
            "--max-chars", min=1, metavar="N", help="Longer articles become an error row."
        ),
    ] = DEFAULT_MAX_CHARS,
) -> None:
    """Write a static HTML report of what is found in INPUT: open --out/index.html.

    One page per article: the text with every figure, date and entity
    highlighted (boilerplate greyed), their fields on hover and on click.
    No server and no network: the pages hold their own CSS and JS.
    """
    from ami_facts.review import write_review

    anchor = _parse_date(published, "--published")
    extractor = _extractor(model, fast, max_chars=max_chars)
    items = iter_articles(input_path, published=anchor, max_chars=max_chars)
    summary = write_review(extractor.results(items), out_dir)
    out.print(
        f"{_plural(len(summary.pages), 'article page')}, {_plural(summary.errors, 'error')} "
        f"-> {summary.index}",
        highlight=False,
    )
    if not summary.pages:
        raise typer.Exit(NOTHING_PROCESSED)


@app.command()
def parse(
    text: Annotated[str, typer.Argument(help="A French sentence or paragraph.")],
    published: PublishedOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON instead of one block per item.")
    ] = False,
    model: ModelOption = DEFAULT_MODEL,
    fast: FastOption = False,
) -> None:
    """Show every figure, date and entity found in TEXT with all their fields.

    One block per item: its kind, number and text, then one field a line
    (fields without a value are left out).
    """
    anchor = _parse_date(published, "--published")
    extractor = _extractor(model, fast)
    [found] = extractor.extract_many([text], published=anchor)
    if found.error is not None:
        raise _fail(found.error.error, NOTHING_PROCESSED)
    if as_json:
        out.print_json(json.dumps(_parsed_rows(found), ensure_ascii=False))
        return
    out.print(format_blocks(_parsed_rows(found)), highlight=False, markup=False, soft_wrap=False)


# What each table's items are called in parse's blocks.
ITEM_NAMES = {"figures": "figure", "dates": "date", "entities": "entity"}
BLOCK_OMITTED = {"article_id", "figure_id", "date_id", "entity_id", "text"}


def _parsed_rows(found: Extraction) -> dict[str, list[dict[str, Any]]]:
    return {
        "figures": [r.model_dump(exclude={"article_id"}) for r in found.figures],
        "dates": [r.model_dump(exclude={"article_id"}) for r in found.dates],
        "entities": [r.model_dump(exclude={"article_id"}) for r in found.entities],
    }


def _field_value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_blocks(tables: dict[str, list[dict[str, Any]]]) -> str:
    """One block per item: ``figure 1: 2.609 exemplaires``, then ``field: value`` lines."""
    blocks: list[str] = []
    for table, rows in tables.items():
        name = ITEM_NAMES.get(table, table)
        for number, row in enumerate(rows, start=1):
            lines = [f"{name} {number}: {row.get('text', '')}"]
            lines.extend(
                f"  {key}: {_field_value(value)}"
                for key, value in row.items()
                if value is not None and key not in BLOCK_OMITTED
            )
            blocks.append("\n".join(lines))
    counts = ", ".join(_plural(len(rows), ITEM_NAMES.get(t, t)) for t, rows in tables.items())
    return "\n\n".join([*blocks, counts])


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
    extractor = _extractor(model, fast)
    try:
        evaluation = run_evaluation(paths, extractor.nlp, published_from_gold=published_from_gold)
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
