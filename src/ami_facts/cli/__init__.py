"""The ``ami-facts`` command line: a thin layer over the library (``ami_facts.api``).

``shared.py`` holds the typer app, its consoles, common options and error helpers;
``extract.py`` the ``extract`` command; ``commands.py`` ``review``, ``parse``,
``evaluate`` and ``schema``. They are registered here, in the order ``--help`` lists
them.
"""

from __future__ import annotations

from ami_facts.cli import commands, extract
from ami_facts.cli.shared import app, model_help
from ami_facts.pipeline import ArticleResult

for command in (
    extract.extract,
    commands.review,
    commands.parse,
    commands.evaluate,
    commands.schema,
):
    app.command()(command)


def main() -> None:
    """Entry point that never shows a traceback for user errors."""
    app()


__all__ = ["ArticleResult", "app", "commands", "extract", "main", "model_help"]
