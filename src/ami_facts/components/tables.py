"""Read tables as tables: a cell is a figure about its row's label, measured as its
column's header says.

``| Renault Clio | 10 234 |`` under ``| Modèle | Ventes |`` gives the figure 10234
with subject ``Renault Clio``, metric ``sales`` and counted noun ``vente``; a header
``Part de marché (%)`` gives the metric ``share`` and the unit ``%`` to the cells
that do not write it; a date in the header, in the row's label, in the line just
before the table or in the heading above it gives the period.

The prose rules read nothing inside a table (``tables.py`` finds them, ``load.py``
hands their ranges on), so a table that cannot be read this way (no header, no label
column, no column of numbers, rows of different lengths) gives no figure at all.
Names are kept in the label cells only (a header is no MISC entity). The linker does
not see these figures: they are added after it, with subject, metric and period set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ami_facts.components.dates import find_dates
from ami_facts.components.figures import find_figures
from ami_facts.french.metrics import metric_lexicon
from ami_facts.french.tables import (
    HEADER_FILLER,
    HEADER_METRICS,
    HEADER_UNIT,
    MISSING_CELLS,
    TOTAL_LABELS,
)
from ami_facts.french.words import singular
from ami_facts.hits import FigureHit
from ami_facts.tables import Cell, Row, TextTable, table_at

Range = tuple[int, int]
# How sure a table figure's fields are: the header and the label say them outright.
SUBJECT_CONFIDENCE = 0.9
METRIC_CONFIDENCE = 0.9
METRIC_FROM_UNIT_CONFIDENCE = 0.7
PERIOD_CONFIDENCE = {"header": 0.9, "label": 0.9, "caption": 0.6}
# A heading above a table (its caption or the article's title) is at most this long.
CAPTION_MAX = 150
# A year standing alone in a header (``Ventes 2023``).
_YEAR = re.compile(r"(?<![\d/.-])(?:1[89]|20)\d\d(?![\d/.-])")


@dataclass(frozen=True)
class ColumnHead:
    """What a column's header says of its cells."""

    metric: str | None = None
    unit: str | None = None  # the unit as written (``%``, ``M€``), read with each cell
    noun: str | None = None  # the counted noun phrase, lower case (``ventes``)
    period: dict[str, Any] | None = None


@dataclass
class TableReading:
    """A table read: its figures, the label cells (where names may be) and whether
    it could be read at all."""

    table: TextTable
    readable: bool = False
    label_cells: list[Cell] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)


def _missing(cell: Cell) -> bool:
    return not cell.text or cell.text.lower() in MISSING_CELLS


def _number(text: str) -> FigureHit | None:
    """The figure a cell's whole text is, if it is one (``10 234``, ``6,1 %``, ``+12,5``)."""
    found = find_figures(text)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0]
    return None


def _unit_of(written: str) -> FigureHit | None:
    """``written`` read as a unit after a number (``%``, ``M€``, ``km``), if it is one."""
    figure = _number("1 " + written)
    if figure is None or (figure.unit is None and figure.value == 1):
        return None
    return figure


def _lexicon_metric(phrase: str) -> str | None:
    """The metric a header's noun phrase names (``Ventes``, ``Parts de marché``)."""
    nouns = metric_lexicon().nouns
    words = phrase.split()
    if not words:
        return None
    candidates = [phrase, " ".join(singular(w) if w.isalpha() else w for w in words)]
    candidates += [words[0], singular(words[0])]
    for candidate in candidates:
        metric = HEADER_METRICS.get(candidate) or nouns.get(candidate)
        if metric:
            return metric
    return None


def _period_of(text: str, anchor: date | None) -> dict[str, Any] | None:
    """The one date a short text names (``Ventes 2023``, ``mars 2024``), if just one."""
    years = _YEAR.findall(text)
    dates = [
        d for d in find_dates(text, anchor=anchor) if d.type == "DATE" and d.start_date is not None
    ]
    if len(dates) == 1 and len(years) <= 1:
        return {
            "start_date": dates[0].start_date,
            "end_date": dates[0].end_date,
            "text": dates[0].text,
        }
    if not dates and len(years) == 1:
        return {
            "start_date": f"{years[0]}-01-01",
            "end_date": f"{years[0]}-12-31",
            "text": years[0],
        }
    return None


def read_header(text: str, anchor: date | None) -> ColumnHead:
    """What a column header says: metric, unit, counted noun and period."""
    rest = " ".join(text.split())
    unit = None
    for match in HEADER_UNIT.finditer(rest):
        written = match.group("bracket") or match.group("after_en")
        if _unit_of(written) is not None:
            unit = written
            rest = (rest[: match.start()] + rest[match.end() :]).strip()
            break
    if unit is None and _unit_of(rest) is not None:
        unit, rest = rest, ""
    period = _period_of(rest, anchor) if rest else None
    if period is not None:
        rest = " ".join(rest.replace(period["text"], " ").split())
    phrase = HEADER_FILLER.sub("", rest.lower()).strip(" :")
    metric = _lexicon_metric(phrase)
    if metric is None and unit is not None:
        figure = _unit_of(unit)
        metric = metric_lexicon().units.get(figure.unit or "") if figure is not None else None
    return ColumnHead(metric=metric, unit=unit, noun=phrase or None, period=period)


def _cell_figure(cell: Cell, head: ColumnHead) -> FigureHit | None:
    """The figure of a cell, its unit or counted noun from the header where it has none."""
    figure = _number(cell.text)
    if figure is None:
        return None
    if figure.unit is None and head.unit is not None:
        with_unit = find_figures(f"{cell.text} {head.unit}")
        if with_unit and with_unit[0].start == 0 and with_unit[0].end > len(cell.text):
            figure = with_unit[0]
    if figure.unit is None and figure.counted is None and head.noun and head.metric != "rank":
        with_noun = find_figures(f"{cell.text} {head.noun}")
        if with_noun and with_noun[0].start == 0 and with_noun[0].counted is not None:
            figure.counted = with_noun[0].counted
    return figure


def _introductions(text: str, table: TextTable) -> list[str]:
    """What introduces the table: the line just before it (a caption, or a sentence
    ending on ``:``), then the nearest heading above it (a short line without a final
    mark, up to the article's title)."""
    lines = [line.strip() for line in text[: table.start].split("\n")]
    lines = [line for line in lines if line and "|" not in line]
    found = lines[-1:]
    for line in reversed(lines[:-1]):
        if len(line) <= CAPTION_MAX and not line.endswith((".", "!", "?", "…", ";", ",")):
            found.append(line)
            break
    return found


def _shape(table: TextTable) -> tuple[Row, list[Row], list[int], int] | None:
    """(header, body rows, numeric columns, label column), or None for a table that
    cannot be read as rows of figures about a label."""
    widths = {len(row.cells) for row in table.rows}
    if len(widths) != 1:
        return None
    header, body = table.rows[0], list(table.rows[1:])
    numeric = [[not _missing(c) and _number(c.text) is not None for c in r.cells] for r in body]
    header_has_numbers = any(not _missing(c) and _number(c.text) is not None for c in header.cells)
    if not table.marked_header and (header_has_numbers or not any(map(any, numeric))):
        return None
    columns: list[int] = []
    label: int | None = None
    for column in range(len(header.cells)):
        filled = [i for i, row in enumerate(body) if not _missing(row.cells[column])]
        hits = sum(numeric[i][column] for i in filled)
        if filled and 2 * hits >= len(filled):
            columns.append(column)
        elif filled and label is None:
            label = column
    if label is None or not columns:
        return None
    return header, body, columns, label


def _entity_in(cell: Cell, entities: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The entity that is the whole of a label cell, if the entity stage found one."""
    for entity in entities:
        if entity["start"] == cell.start and entity["end"] == cell.end:
            return entity
    return None


def read_table(
    text: str,
    table: TextTable,
    *,
    anchor: date | None = None,
    entities: Sequence[dict[str, Any]] = (),
) -> TableReading:
    """The figures of a table, one per numeric cell, in text order."""
    reading = TableReading(table)
    shape = _shape(table)
    if shape is None:
        return reading
    header, body, columns, label_column = shape
    reading.readable = True
    heads = {column: read_header(header.cells[column].text, anchor) for column in columns}
    caption_period = None
    for introduction in _introductions(text, table):
        caption_period = _period_of(introduction, anchor)
        if caption_period is not None:
            break
    for row in body:
        label = row.cells[label_column]
        total = " ".join(label.text.lower().split()) in TOTAL_LABELS
        label_period = _period_of(label.text, anchor) if label.text else None
        names_a_thing = bool(label.text) and not total and label_period is None
        if names_a_thing:
            reading.label_cells.append(label)
        entity = _entity_in(label, entities) if names_a_thing else None
        for column in columns:
            cell = row.cells[column]
            if _missing(cell):
                continue
            figure = _cell_figure(cell, heads[column])
            if figure is None:
                continue
            reading.figures.append(
                _hit(
                    text,
                    cell,
                    figure,
                    heads[column],
                    row,
                    label if names_a_thing else None,
                    entity,
                    label_period,
                    caption_period,
                )
            )
    return reading


def _hit(
    text: str,
    cell: Cell,
    figure: FigureHit,
    head: ColumnHead,
    row: Row,
    label: Cell | None,
    entity: dict[str, Any] | None,
    label_period: dict[str, Any] | None,
    caption_period: dict[str, Any] | None,
) -> dict[str, Any]:
    """A figure hit for one cell, with the fields the linker would fill set."""
    kind = "rank" if head.metric == "rank" and figure.unit is None else figure.kind
    metric = head.metric
    metric_confidence: float | None = METRIC_CONFIDENCE
    if metric is None and figure.unit is not None:
        metric = metric_lexicon().units.get(figure.unit)
        metric_confidence = METRIC_FROM_UNIT_CONFIDENCE
    period, source = head.period, "header"
    if period is None:
        period, source = (label_period, "label") if label_period else (caption_period, "caption")
    hit: dict[str, Any] = {
        "start": cell.start,
        "end": cell.end,
        "text": text[cell.start : cell.end],
        "number_start": cell.start,
        "number_end": cell.end,
        "value": figure.value,
        "low": figure.low,
        "high": figure.high,
        "approximate": figure.approximate,
        "bound": figure.bound,
        "unit": figure.unit,
        "counted": figure.counted,
        "per": figure.per,
        "kind": kind,
        "sentence_start": row.start,
        "sentence_end": row.end,
        "metric": metric,
        "metric_confidence": metric_confidence if metric is not None else None,
        "subject": None,
        "subject_start": None,
        "subject_end": None,
        "subject_confidence": None,
        "period_start": None,
        "period_end": None,
        "period_text": None,
        "period_confidence": None,
    }
    if label is not None:
        name = entity["name"] if entity is not None else " ".join(label.text.split())
        hit.update(
            subject=name,
            subject_start=label.start,
            subject_end=label.end,
            subject_confidence=SUBJECT_CONFIDENCE,
        )
    if period is not None:
        hit.update(
            period_start=period["start_date"],
            period_end=period["end_date"],
            period_text=period["text"],
            period_confidence=PERIOD_CONFIDENCE[source],
        )
    hit["confidence"] = round(0.6 + 0.2 * (metric is not None) + 0.2 * (label is not None), 2)
    return hit


def read_tables(
    text: str,
    ranges: Iterable[Range],
    *,
    anchor: date | None = None,
    entities: Sequence[dict[str, Any]] = (),
) -> list[TableReading]:
    """The reading of the table at each of ``ranges`` (as ``tables.py`` found them)."""
    readings = []
    for start, end in ranges:
        table = table_at(text, start, end)
        if table is not None:
            readings.append(read_table(text, table, anchor=anchor, entities=entities))
    return readings


def label_entities(
    entities: list[dict[str, Any]], ranges: Sequence[Range], readings: Sequence[TableReading]
) -> list[dict[str, Any]]:
    """The entities outside tables and those that lie in a table's label cells.

    A header, a number or a total row names nothing (``Part de marché`` is no MISC).
    """
    if not ranges:
        return entities
    cells = [cell for reading in readings for cell in reading.label_cells]
    kept = []
    for entity in entities:
        start, end = entity["start"], entity["end"]
        if not any(a <= start < b for a, b in ranges) or any(
            c.start <= start and end <= c.end for c in cells
        ):
            kept.append(entity)
    return kept


def add_table_figures(
    figures: list[dict[str, Any]], readings: Sequence[TableReading]
) -> list[dict[str, Any]]:
    """``figures`` with the figures of the tables, in text order."""
    found = [hit for reading in readings for hit in reading.figures]
    if not found:
        return figures
    return sorted([*figures, *found], key=lambda hit: hit["start"])
