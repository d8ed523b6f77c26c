"""The progress bar of ``extract``: articles/s and ETA on a terminal, silent elsewhere."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from ami_facts.load import JSONL_SUFFIXES, iter_input_files

READ_BLOCK = 1 << 20


def count_inputs(path: Path, *, skip: Path | None = None) -> int:
    """How many articles ``path`` holds, cheaply: one per file, one per non-empty JSONL line.

    Reads no JSON and decodes no text; a JSONL file is scanned for line breaks.
    """
    total = 0
    for file in iter_input_files(path, skip=skip, every_file=True):
        if file.suffix.lower() in JSONL_SUFFIXES:
            total += _count_lines(file)
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    count = 0
    last = b"\n"
    try:
        with path.open("rb") as handle:
            while block := handle.read(READ_BLOCK):
                count += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 1
    return count + (last != b"\n")


class RateColumn(ProgressColumn):
    """Articles per second over the whole run."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if not elapsed or not task.completed:
            return Text("")
        return Text(f"{task.completed / elapsed:.1f} articles/s", style="progress.data.speed")


def progress_enabled(quiet: bool) -> bool:
    """A bar only on a terminal, never with --quiet or in CI."""
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


def make_progress(console: Console, *, enabled: bool) -> Progress:
    """The bar: spinner, bar, done/total, articles/s, elapsed, ETA."""
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        disable=not enabled,
        transient=True,
    )
