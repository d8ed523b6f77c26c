"""``ami-facts review``, ``parse``, ``evaluate`` and ``schema``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ami_facts.api import Extraction
from ami_facts.cli.shared import (
    NOTHING_PROCESSED,
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
    iter_articles,
)
from ami_facts.nlp import (
    DEFAULT_MODEL,
)


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

    anchor = parse_date(published, "--published")
    extractor = make_extractor(model, fast, max_chars=max_chars)
    items = iter_articles(input_path, published=anchor, max_chars=max_chars)
    summary = write_review(extractor.results(items), out_dir)
    out.print(
        f"{plural_of(len(summary.pages), 'article page')}, {plural_of(summary.errors, 'error')} "
        f"-> {summary.index}",
        highlight=False,
    )
    if not summary.pages:
        raise typer.Exit(NOTHING_PROCESSED)


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
    anchor = parse_date(published, "--published")
    extractor = make_extractor(model, fast)
    [found] = extractor.extract_many([text], published=anchor)
    if found.error is not None:
        raise fail(found.error.error, NOTHING_PROCESSED)
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
    """One block per item: ``figure 1: 3.100 exemplaires``, then ``field: value`` lines."""
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
    counts = ", ".join(plural_of(len(rows), ITEM_NAMES.get(t, t)) for t, rows in tables.items())
    return "\n\n".join([*blocks, counts])


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
    show_blind: Annotated[
        bool,
        typer.Option(
            "--show-blind",
            help="With --detail or --html, list the misses of the blind half too (by "
            "default only its scores are shown: rules are written against dev misses).",
        ),
    ] = False,
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
        raise fail(f"--split must be all, dev or blind, not {split!r}.")
    paths: list[Path] = []
    for path in gold:
        paths.extend(sorted(path.glob("*.gold.json")) if path.is_dir() else [path])
    if split != "all":
        paths = [path for path in paths if gold_split(gold_name(path)) == split]
    if not paths:
        raise fail("no gold files (NAME.gold.json) found in the given paths.")
    extractor = make_extractor(model, fast)
    try:
        evaluation = run_evaluation(paths, extractor.nlp, published_from_gold=published_from_gold)
    except (OSError, ValueError, KeyError) as exc:
        raise fail(f"cannot read the gold files ({exc}).") from None
    if as_json:
        document = evaluation.as_dict()
        if detail:
            document["detail"] = detail_rows(evaluation, show_blind)
        out.print_json(json.dumps(document, ensure_ascii=False))
    else:
        out.print(format_report(evaluation), highlight=False, soft_wrap=True)
        if detail:
            out.print(
                format_detail(evaluation, show_blind),
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
    if html_dir is not None:
        index = write_html(evaluation, html_dir, show_blind)
        err.print(f"review pages with gold -> {index}", highlight=False)


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
            raise fail(f"{exc}.") from None
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
        raise fail(f"--format must be json or markdown, not {output_format!r}.")
