"""Incremental runs keep only rows made the way this run would make them (issue 19, item 3).

``articles.extractor`` records the package version, the model (or ``fast``) and the
``--published`` date given; an article whose rows were made otherwise is made again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

import ami_facts.api
from ami_facts.cli import app
from ami_facts.nlp import DEFAULT_MODEL, Pipeline, build_nlp
from ami_facts.provenance import extractor_label, package_version, rows_are_current

runner = CliRunner()
UNDATED = (
    "Hier, la société Vélonova a vendu 1 200 vélos électriques à Lyon, selon son directeur "
    "Paul Girard. Elle en avait vendu 900 le mois dernier."
)
DATED = "La mairie de Nantes a planté 350 arbres en mars, indique un communiqué."


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (folder / "dated.txt").write_text(DATED, encoding="utf-8")
    (folder / "dated.meta.json").write_text('{"published": "2022-04-02"}', encoding="utf-8")
    return folder


@pytest.fixture
def session_model(monkeypatch: pytest.MonkeyPatch, nlp: Pipeline) -> None:
    """The CLI's model is the session's pipeline (loaded once for every test)."""

    def build(model: str = DEFAULT_MODEL, **options: Any) -> Pipeline:
        return nlp if model == DEFAULT_MODEL else build_nlp(model, **options)

    monkeypatch.setattr(ami_facts.api, "build_nlp", build)


def _run(*args: str) -> str:
    result = runner.invoke(app, ["extract", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _articles(out: Path) -> dict[str, Any]:
    frame = pd.read_parquet(out / "articles.parquet")
    return {Path(row.source).stem: row for row in frame.itertuples()}


@pytest.mark.usefixtures("session_model")
def test_runs_with_other_options_redo_the_articles_they_change(
    inputs: Path, tmp_path: Path
) -> None:
    out = str(tmp_path / "out")
    first = _run(str(inputs), "--out", out, "--fast")
    assert "2 articles processed:" in first
    made = _articles(Path(out))
    assert made["undated"].extractor == f"ami-facts={package_version()} model=fast published=none"
    assert made["undated"].n_entities == 0

    # With the model: both articles are made again (before: "2 already in the tables").
    second = _run(str(inputs), "--out", out)
    assert "2 articles processed (2 made with other options or another version, redone)" in (second)
    made = _articles(Path(out))
    assert made["undated"].extractor.split()[1].startswith("model=fr_core_news_md-")
    assert made["undated"].n_entities > 0
    entities = pd.read_parquet(Path(out) / "entities.parquet")
    assert set(entities["article_id"]) == {made["undated"].article_id, made["dated"].article_id}

    # Another --published: only the article that reads it (it has no date of its own).
    third = _run(str(inputs), "--out", out, "--published", "2021-04-15")
    assert "1 article processed (1 already in the tables, kept; 1 made with other" in third
    made = _articles(Path(out))
    assert made["undated"].extractor.endswith("published=2021-04-15")
    assert made["dated"].extractor.endswith("published=none")
    dates = pd.read_parquet(Path(out) / "dates.parquet")
    hier = dates[dates["text"] == "Hier"]
    assert list(hier["value"]) == ["2021-04-14"]
    # One row set per article: nothing left over from the earlier runs.
    figures = pd.read_parquet(Path(out) / "figures.parquet")
    assert sorted(figures["text"]) == ["1 200 vélos", "350 arbres", "900"]

    # The same options again: nothing to do.
    assert "0 articles processed (2 already in the tables, kept)" in _run(
        str(inputs), "--out", out, "--published", "2021-04-15"
    )


def test_run_with_other_options_keeps_the_rows_of_articles_it_does_not_read(
    inputs: Path, tmp_path: Path
) -> None:
    out = str(tmp_path / "out")
    _run(str(inputs), "--out", out, "--fast")
    # Only one of the two files, with another --published: the other keeps its rows.
    _run(str(inputs / "undated.txt"), "--out", out, "--fast", "--published", "2021-04-15")
    made = _articles(Path(out))
    assert set(made) == {"undated", "dated"}
    assert made["dated"].extractor.endswith("published=none")
    figures = pd.read_parquet(Path(out) / "figures.parquet")
    assert sorted(figures["text"]) == ["1 200 vélos", "350 arbres", "900"]


def test_force_makes_every_article_again(inputs: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    _run(str(inputs), "--out", out, "--fast")
    assert "2 articles processed:" in _run(str(inputs), "--out", out, "--fast", "--force")


@pytest.mark.parametrize(
    ("stored", "dated_by", "current", "current_rows"),
    [
        (
            "ami-facts=1 model=fast published=none",
            None,
            "ami-facts=1 model=fast published=none",
            True,
        ),
        (
            "ami-facts=1 model=fast published=none",
            None,
            "ami-facts=2 model=fast published=none",
            False,
        ),
        (
            "ami-facts=1 model=fast published=none",
            None,
            "ami-facts=1 model=m-3 published=none",
            False,
        ),
        (
            "ami-facts=1 model=fast published=none",
            None,
            "ami-facts=1 model=fast published=2021-01-01",
            False,
        ),
        (
            "ami-facts=1 model=fast published=none",
            "option",
            "ami-facts=1 model=fast published=2021-01-01",
            False,
        ),
        # An article with its own date does not read --published.
        (
            "ami-facts=1 model=fast published=none",
            "metadata",
            "ami-facts=1 model=fast published=2021-01-01",
            True,
        ),
        (
            "ami-facts=1 model=fast published=none",
            "byline",
            "ami-facts=1 model=fast published=2021-01-01",
            True,
        ),
        (None, None, "ami-facts=1 model=fast published=none", False),
    ],
)
def test_rows_are_current_when_made_by_the_same_version_model_and_date(
    stored: str | None, dated_by: str | None, current: str, current_rows: bool
) -> None:
    assert rows_are_current(stored, dated_by, current) is current_rows


def test_extractor_label_names_version_model_and_published_date() -> None:
    from datetime import date

    label = extractor_label("fast", date(2021, 4, 15))
    assert label == f"ami-facts={package_version()} model=fast published=2021-04-15"
