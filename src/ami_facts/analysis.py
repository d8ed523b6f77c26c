"""Helpers for analysts: load the tables with their declared types, join and plot them.

``load_tables`` reads Parquet (or CSV when Parquet is absent) with the explicit
schemas of ``export.SCHEMAS``, so that every column has the same dtype whatever
the batch held: strings are ``string``, integers nullable ``Int64``, booleans
``boolean``, floats ``float64`` (NaN for null). DuckDB and matplotlib (in the
``dev`` extra) are imported only by the functions that use them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ami_facts.export import SCHEMAS

if TYPE_CHECKING:
    import duckdb
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as PlotFigure

DATA_ENV = "AMI_FACTS_DATA"
DEFAULT_DATA = Path("data/processed")
MAX_LABELS = 12  # figures are labelled with their text only when the plot has few

_PANDAS_TYPES: dict[pa.DataType, Any] = {
    pa.string(): pd.StringDtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def data_path(default: Path | str = DEFAULT_DATA) -> Path:
    """The tables folder: ``$AMI_FACTS_DATA``, else ``default`` here or in a parent folder."""
    configured = os.environ.get(DATA_ENV)
    if configured:
        return Path(configured)
    default = Path(default)
    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / default).is_dir():
            return folder / default
    return default


def _read_table(folder: Path, table: str) -> pa.Table:
    schema = SCHEMAS[table]
    parquet = folder / f"{table}.parquet"
    if parquet.exists():
        return pq.read_table(parquet, schema=schema)
    csv = folder / f"{table}.csv"
    if csv.exists():
        options = pacsv.ConvertOptions(column_types=schema, strings_can_be_null=True)
        return pacsv.read_csv(csv, convert_options=options).select(schema.names).cast(schema)
    return schema.empty_table()


def _is_dask_output(path: str) -> bool:
    from ami_facts.dataset import MANIFEST_DIR, is_dataset
    from ami_facts.shards import is_url

    return is_dataset(path) if is_url(path) else (Path(path) / MANIFEST_DIR).is_dir()


def load_tables(path: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """Every table of an ``extract`` output folder as a DataFrame typed from its schema.

    A missing table is an empty, typed frame; a folder without ``articles`` is
    an error (it is not an ``extract`` output). The output of ``--engine dask``
    (a local folder or an fsspec URL) is read from the parts its manifest names,
    in input order: parts of killed runs are left out.
    """
    target = str(path) if path is not None else str(data_path())
    if _is_dask_output(target):
        from ami_facts.dataset import read_dataset

        return {table: to_frame(rows) for table, rows in read_dataset(target).items()}
    folder = Path(path) if path is not None else data_path()
    if not any((folder / f"articles.{suffix}").exists() for suffix in ("parquet", "csv")):
        raise FileNotFoundError(f"no articles table in {folder} (run `ami-facts extract` first)")
    return {table: to_frame(_read_table(folder, table)) for table in SCHEMAS}


def to_frame(table: pa.Table) -> pd.DataFrame:
    """A table as a DataFrame with the dtypes of its schema (string, Int64, boolean, float64)."""
    frame: pd.DataFrame = table.to_pandas(types_mapper=_PANDAS_TYPES.get)
    return frame


def connect(tables: dict[str, pd.DataFrame]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per table."""
    import duckdb

    connection = duckdb.connect()
    for name, frame in tables.items():
        connection.register(name, frame)
    return connection


def figures_by_subject_metric(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """How many figures (and articles) per subject and metric, most frequent first."""
    figures = tables["figures"]
    grouped = (
        figures.assign(
            subject=figures["subject"].fillna("(none)"), metric=figures["metric"].fillna("(none)")
        )
        .groupby(["subject", "metric"], as_index=False)
        .agg(
            figures=("figure_id", "count"),
            articles=("article_id", "nunique"),
            example=("text", "first"),
        )
    )
    return grouped.sort_values(["figures", "subject"], ascending=[False, True]).reset_index(
        drop=True
    )


def figures_with_articles(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Figures with their article's title, source and publication date."""
    articles = tables["articles"][["article_id", "title", "source", "published"]]
    return tables["figures"].merge(articles, on="article_id", how="left")


def figures_with_entities(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Figures joined to the entity mentions of their subject (same article, same name)."""
    entities = tables["entities"][["article_id", "entity_id", "label", "name", "start", "end"]]
    entities = entities.rename(
        columns={"start": "entity_start", "end": "entity_end", "name": "subject"}
    )
    return tables["figures"].merge(entities, on=["article_id", "subject"], how="inner")


def figures_over_periods(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Figures that have a period, with the period as datetimes and one number to plot.

    ``amount`` is ``value``, or the middle of ``low``..``high`` for a range.
    """
    figures = tables["figures"]
    frame = figures[figures["period_start"].notna() & figures["period_end"].notna()].copy()
    frame["period_start"] = pd.to_datetime(frame["period_start"], errors="coerce")
    frame["period_end"] = pd.to_datetime(frame["period_end"], errors="coerce")
    middle = (frame["low"] + frame["high"]) / 2
    frame["amount"] = frame["value"].fillna(middle)
    frame = frame.dropna(subset=["period_start", "period_end", "amount"])
    columns = [
        "article_id",
        "figure_id",
        "text",
        "subject",
        "metric",
        "unit",
        "amount",
        "period_start",
        "period_end",
    ]
    return frame[columns].sort_values("period_start").reset_index(drop=True)


def plot_figures_over_periods(frame: pd.DataFrame, ax: Axes | None = None) -> PlotFigure:
    """Each figure as a horizontal bar over its period, at its amount, coloured by metric.

    Bars are labelled with the figure's text when there are at most ``MAX_LABELS``.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        figure, ax = plt.subplots(figsize=(10, 5))
    else:
        figure = ax.figure  # type: ignore[assignment]
    if frame.empty:
        ax.text(0.5, 0.5, "no figure with a period", ha="center", va="center")
        ax.set_axis_off()
        return figure
    metrics = frame["metric"].fillna("(none)")
    colours = plt.get_cmap("tab10")
    for index, metric in enumerate(sorted(metrics.unique())):
        rows = frame[metrics == metric]
        ax.hlines(
            rows["amount"],
            rows["period_start"],
            rows["period_end"],
            colors=[colours(index % 10)],
            linewidth=4,
            label=metric,
        )
        if len(frame) > MAX_LABELS:
            continue
        for row in rows.itertuples():
            ax.annotate(
                str(row.text),
                (row.period_start, row.amount),
                textcoords="offset points",
                xytext=(0, 4),
                fontsize=7,
            )
    positive = frame["amount"][frame["amount"] > 0]
    if not positive.empty and positive.max() / positive.min() > 100:
        ax.set_yscale("log")
    ax.set_xlabel("period")
    ax.set_ylabel("value (units differ: see the legend's metric)")
    ax.set_title("Figures over the periods they are about")
    ax.legend(title="metric", fontsize=8)
    figure.autofmt_xdate()
    return figure
