"""Tables in article text: rows of cells between pipes, as ranges (never cut).

trafilatura writes an HTML table as one line per row, ``| Renault Clio | 10 234 |``,
with a ``|---|---|`` line under a header row; Markdown text holds the same. The
prose rules read nothing inside a table (its words are no sentence): the table
reader (``components/tables.py``) reads each cell against its row's label and its
column's header. This module only finds where the tables and their cells are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A row: a line that opens and closes with a pipe, with at least one pipe between.
_ROW = re.compile(r"^[ \t]*\|(?P<cells>.*\|.*)\|[ \t]*$", re.MULTILINE)
# The line under a header row: dashes (and alignment colons) between pipes.
_SEPARATOR = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*")
# A table has at least this many rows (a lone line between pipes is no table).
MIN_ROWS = 2


@dataclass(frozen=True)
class Cell:
    """One cell: its content without the spaces around it, as a range of the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Row:
    """One row: its line (start, end) and its cells, in order."""

    start: int
    end: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class TextTable:
    """A table found in the text: its range, its rows and whether a separator line
    follows the first row (a Markdown header)."""

    start: int
    end: int
    rows: tuple[Row, ...]
    marked_header: bool


def _cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    """The cells between ``start`` and ``end`` (the pipes at both ends left out)."""
    cells: list[Cell] = []
    position = start
    while position <= end:
        stop = text.find("|", position, end)
        if stop == -1:
            stop = end
        left, right = position, stop
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        cells.append(Cell(left, right, text[left:right]))
        position = stop + 1
    return tuple(cells)


def find_tables(text: str, start: int = 0, end: int | None = None) -> list[TextTable]:
    """Every table of ``text`` (between ``start`` and ``end``, at line starts and ends):
    runs of at least ``MIN_ROWS`` rows, separator lines aside."""
    end = len(text) if end is None else end
    if text.find("|", start, end) == -1:
        return []
    tables: list[TextTable] = []
    rows: list[Row] = []
    marked = False
    last_end = -2

    def close() -> None:
        if len(rows) >= MIN_ROWS:
            tables.append(TextTable(rows[0].start, rows[-1].end, tuple(rows), marked))

    for match in _ROW.finditer(text, start, end):
        # A row continues the table when it starts on the line after the previous one.
        if match.start() != last_end + 1:
            close()
            rows, marked = [], False
        last_end = match.end()
        if _SEPARATOR.fullmatch(match.group()):
            marked = marked or len(rows) == 1
            continue
        cells_start, cells_end = match.span("cells")
        rows.append(Row(match.start(), match.end(), _cells(text, cells_start, cells_end)))
    close()
    return tables


def table_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every table of ``text``."""
    return [(table.start, table.end) for table in find_tables(text)]


def table_at(text: str, start: int, end: int) -> TextTable | None:
    """The table that spans exactly ``start``-``end`` of ``text``, if there is one."""
    for table in find_tables(text, start, end):
        if table.start == start and table.end == end:
            return table
    return None
