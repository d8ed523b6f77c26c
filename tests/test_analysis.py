"""Analyst helpers on tables written from hand-made results: types, joins, plot."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ami_facts.analysis import (
    connect,
    figures_by_subject_metric,
    figures_over_periods,
    figures_with_articles,
    figures_with_entities,
    load_tables,
    plot_figures_over_periods,
)
from ami_facts.export import TABLES, TableWriter
from ami_facts.records import ErrorRow
from review_helpers import seedlike


@pytest.fixture
def tables_dir(tmp_path: Path) -> Path:
    with TableWriter(tmp_path) as writer:
        for _ in writer.write_results([seedlike(), ErrorRow(source="x.json", error="bad")]):
            pass
    return tmp_path


@pytest.mark.parametrize("source", ["parquet", "csv"])
@pytest.mark.parametrize(
    ("table", "column", "dtype"),
    [
        ("figures", "value", "float64"),
        ("figures", "sentence_start", "Int64"),
        ("figures", "approximate", "boolean"),
        ("figures", "subject", "string"),
        ("errors", "line", "Int64"),
        ("articles", "body_end", "Int64"),
    ],
)
def test_load_tables_types_columns_from_the_schemas(
    tables_dir: Path, source: str, table: str, column: str, dtype: str
) -> None:
    if source == "csv":
        for parquet in tables_dir.glob("*.parquet"):
            parquet.unlink()
    tables = load_tables(tables_dir)
    assert set(tables) == set(TABLES)
    assert str(tables[table][column].dtype) == dtype


def test_load_tables_refuses_a_folder_without_articles(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="extract"):
        load_tables(tmp_path)


def test_figures_by_subject_metric_counts_figures(tables_dir: Path) -> None:
    grouped = figures_by_subject_metric(load_tables(tables_dir))
    first = grouped.iloc[0]
    assert grouped["figures"].sum() == 2
    assert {"Citroën Ami", "(none)"} == set(grouped["subject"])
    assert first["figures"] == 1


def test_figures_join_entities_and_articles(tables_dir: Path) -> None:
    tables = load_tables(tables_dir)
    with_entities = figures_with_entities(tables)
    assert with_entities[["text", "label"]].values.tolist() == [["2.609 exemplaires", "PRODUCT"]]
    assert figures_with_articles(tables)["title"].tolist() == ["Ami", "Ami"]


def test_duckdb_sees_every_table(tables_dir: Path) -> None:
    con = connect(load_tables(tables_dir))
    count = con.sql("SELECT count(*) FROM figures JOIN articles USING (article_id)").fetchall()
    assert count == [(2,)]


@pytest.mark.parametrize("empty", [False, True])
def test_plot_figures_over_periods_draws_each_period(tables_dir: Path, empty: bool) -> None:
    frame = figures_over_periods(load_tables(tables_dir))
    assert frame["period_start"].tolist() == [pd.Timestamp("2020-01-01")]
    figure = plot_figures_over_periods(frame.iloc[:0] if empty else frame)
    assert len(figure.axes) == 1
