"""What every command shares: the typer app, its consoles, options and error helpers."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer
from rich.console import Console

from ami_facts.api import Extractor
from ami_facts.nlp import (
    ModelNotFoundError,
    installed_models,
)
from ami_facts.plural import plural
from ami_facts.provenance import package_version

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


def plural_of(count: int, noun: str) -> str:
    return plural(count, noun)


def fail(message: str, code: int = USAGE_ERROR) -> typer.Exit:
    err.print(f"[bold red]Error:[/] {message}", highlight=False)
    return typer.Exit(code)


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} must be a date as YYYY-MM-DD, not {value!r}.") from None


def make_extractor(model: str, fast: bool, **options: Any) -> Extractor:
    try:
        return Extractor(model=model, fast=fast, **options)
    except ModelNotFoundError as exc:
        raise fail(str(exc) + ".") from None


def model_help() -> str:
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


ModelOption = Annotated[str, typer.Option("--model", metavar="MODEL", help=model_help())]
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
