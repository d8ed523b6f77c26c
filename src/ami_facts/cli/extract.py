"""``ami-facts extract``: articles from files, URLs, feeds or stdin into the tables."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from itertools import chain
from pathlib import Path
from typing import Annotated, Any

import typer

from ami_facts.api import Extractor
from ami_facts.cli.shared import (
    ERRORS_SHOWN,
    NOTHING_PROCESSED,
    PLAIN,
    STDIN,
    SUMMARY_NOUNS,
    FastOption,
    ModelOption,
    PublishedOption,
    err,
    fail,
    make_extractor,
    out,
    parse_date,
    plural_of,
)
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
)
from ami_facts.pipeline import DEFAULT_BATCH_SIZE, ArticleResult
from ami_facts.progress import count_inputs, make_progress, progress_enabled
from ami_facts.provenance import extractor_label, model_label
from ami_facts.records import ErrorRow
from ami_facts.web import DEFAULT_DELAY, DEFAULT_TIMEOUT, is_url


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

    anchor = parse_date(published, "--published")
    if engine not in {"local", "dask"}:
        raise fail(f"--engine must be local or dask, not {engine!r}.")
    if input_format is not None and input_format not in STREAM_FORMATS:
        raise fail(f"--format must be one of {', '.join(STREAM_FORMATS)}, not {input_format!r}.")
    if engine == "dask":
        if len(inputs or []) != 1 or inputs == [STDIN] or urls_file or feeds or input_format:
            raise fail(
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
        raise fail("--format says what standard input holds: give - as an INPUT.")
    if urls_file is not None:
        if str(urls_file) == STDIN and from_stdin:
            raise fail("standard input (-) can hold articles or --urls, not both.")
        urls.extend(read_url_list(_read_urls_file(urls_file)))
    feeds = feeds or []
    if not (paths or urls or feeds or from_stdin) and urls_file is None:
        raise fail("give at least one INPUT (a file, a folder, a URL or -), --urls or --feed.")
    try:
        check_model(FAST_MODEL if fast else model)
    except ModelNotFoundError as exc:
        raise fail(str(exc) + ".") from None
    made_as = extractor_label(model_label(FAST_MODEL if fast else model), anchor)
    try:
        writer = TableWriter(out_dir, incremental=not force, extractor=made_as)
    except (OutputError, OSError) as exc:
        raise fail(f"{exc}.", NOTHING_PROCESSED) from None
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
        lambda: make_extractor(
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
                            raise fail(f"{item.error} (--strict)", NOTHING_PROCESSED)
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
            plural_of(counts[table], noun) for table, noun in SUMMARY_NOUNS if table != "articles"
        )
        fetched = f"; {plural_of(len(fetcher.fetched), 'URL')} fetched" if urls or feeds else ""
        out.print(
            f"{plural_of(counts['articles'], 'article')} processed{kept}: {tally}{fetched} "
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
        err.print(f"  ... and {plural_of(rest, 'more error')} in {where}", **PLAIN)
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
                raise fail("- (standard input) can be given once.")
            from_stdin = True
        elif is_url(given):
            urls.append(given.strip())
        elif Path(given).exists():
            paths.append(Path(given))
        elif "://" in given:
            raise fail(f"INPUT {given!r} is not an http(s) URL (others need --engine dask).")
        else:
            raise fail(
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
        raise fail(f"--urls {path} cannot be read ({exc}).") from None


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
        raise fail(f"--blocksize must be a size such as 64MiB, not {blocksize!r}.") from None
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
        raise fail(f"{exc}.") from None
    except (OutputError, DaskRunError) as exc:
        raise fail(f"{exc}.", NOTHING_PROCESSED) from None
    counts = summary.counts
    if not quiet:
        tally = ", ".join(plural_of(counts[table], noun) for table, noun in SUMMARY_NOUNS)
        out.print(
            f"{plural_of(summary.partitions, 'partition')}: {summary.skipped} done before "
            f"(kept), {summary.processed} processed now ({tally}) -> {out_spec}",
            highlight=False,
            soft_wrap=True,
        )
    if counts["articles"] + summary.kept["articles"] == 0:
        raise typer.Exit(NOTHING_PROCESSED)
