"""What the command line says (issue 19, items 9 and 13): --version, counts in the
singular, scores on evaluate's HTML index, tables --fast does not score, no model
loaded for nothing, README examples whose outputs git ignores."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import ami_facts.api
from ami_facts.cli import app
from ami_facts.nlp import DEFAULT_MODEL, Pipeline
from ami_facts.provenance import package_version
from fixture_paths import SEED_GOLD

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ONE = "La ville de Rennes a installé 40 bornes de recharge en 2022, selon la métropole."


def test_version_option_prints_the_package_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"ami-facts {package_version()}"


def test_one_article_is_counted_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ONE, encoding="utf-8")
    result = runner.invoke(
        app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--fast"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 article processed: 1 figure, 1 date, 0 entities, 0 errors")
    review = runner.invoke(
        app, ["review", str(tmp_path / "in"), "--out", str(tmp_path / "review"), "--fast"]
    )
    assert review.stdout.startswith("1 article page, 0 errors")
    index = (tmp_path / "review" / "index.html").read_text(encoding="utf-8")
    assert "1 article, 0 errors" in index


def test_evaluate_fast_says_entities_are_not_scored(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["evaluate", str(SEED_GOLD), "--published-from-gold", "--fast", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert '"entities": null' in result.stdout
    text = runner.invoke(app, ["evaluate", str(SEED_GOLD), "--published-from-gold", "--fast"])
    assert re.search(r"^entities +not scored", text.stdout, re.MULTILINE)
    assert "entities  P=" not in text.stdout


def test_evaluate_html_index_shows_scores_per_table_and_article(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["evaluate", str(SEED_GOLD), "--published-from-gold", "--fast", "--html", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    scores = index[index.index("<h2>Scores</h2>") :]
    for table in ("figures", "dates", "entities"):
        assert f'<th colspan="3">{table}</th>' in scores
    assert "<td>all</td>" in scores and "<td>citroen-ami-emancipation</td>" in scores
    # figures and dates P, R and F1 for all and for the article, entities not scored
    assert len(re.findall(r'<td class="num">\d\.\d{3}</td>', scores)) == 2 * 6
    assert scores.count("not scored") == 2


def test_run_with_nothing_new_loads_no_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Pipeline
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ONE, encoding="utf-8")
    built: list[str] = []

    def build(model: str = DEFAULT_MODEL, **options: Any) -> Pipeline:
        built.append(model)
        return nlp

    monkeypatch.setattr(ami_facts.api, "build_nlp", build)
    args = ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out")]
    assert runner.invoke(app, args).exit_code == 0
    assert built == [DEFAULT_MODEL]
    second = runner.invoke(app, args)
    assert "0 articles processed (1 already in the tables, kept)" in second.stdout
    assert built == [DEFAULT_MODEL], "the second run loaded the model"


def test_readme_says_how_to_call_the_command_after_make_extract() -> None:
    assert ".venv/bin/ami-facts" in README
    assert "source .venv/bin/activate" in README


def test_readme_does_not_say_make_test_prints_scores() -> None:
    assert "`make test` prints" not in README
    assert "pytest -s" in README


@pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(), reason="not a git checkout"
)
def test_outputs_of_the_readme_examples_are_ignored_by_git() -> None:
    outputs = set(re.findall(r"--out ([a-z][\w.-]*/?)(?=[\s`]|$)", README, re.MULTILINE))
    outputs = {o.rstrip("/") for o in outputs if o.rstrip("/") not in {"data"}}
    assert {"out", "review"} <= outputs
    for output in sorted(outputs):
        probe = f"{output}/facts.csv" if "." not in output else output
        ignored = subprocess.run(
            ["git", "-C", str(ROOT), "check-ignore", "-q", "--no-index", probe], check=False
        )
        assert ignored.returncode == 0, f"{probe} is not ignored"
