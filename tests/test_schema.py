"""The column reference: generated from the records and schemas, and the README keeps it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ami_facts.cli import app
from ami_facts.export import SCHEMAS, TABLES, facts_table, records_to_table
from ami_facts.nlp import Pipeline
from ami_facts.records import TABLE_MODELS
from ami_facts.schema import BEGIN, END, column_reference, readme_section, update_readme
from fixture_paths import GOLD_DIR
from pipeline_helpers import run_text
from review_helpers import seedlike

README = Path(__file__).parents[1] / "README.md"
runner = CliRunner()


def test_readme_column_reference_is_the_generated_one() -> None:
    section = readme_section(README.read_text(encoding="utf-8"))
    assert section is not None, "README.md lost its column reference markers"
    assert section.strip() == column_reference().strip(), "run `make docs`"


@pytest.mark.parametrize("table", TABLES)
def test_every_column_has_a_description(table: str) -> None:
    fields = TABLE_MODELS[table].model_fields
    missing = [name for name in SCHEMAS[table].names if not fields[name].description]
    assert missing == []


@pytest.mark.parametrize(
    ("table", "column", "row"),
    [
        ("figures", "value", "| `value` | double | yes |"),
        ("figures", "approximate", "| `approximate` | bool | no |"),
        ("dates", "type", "| `type` | string | no |"),
        ("errors", "line", "| `line` | int64 | yes |"),
    ],
)
def test_column_reference_gives_type_and_nullability(table: str, column: str, row: str) -> None:
    section = column_reference().split(f"#### `{table}`", 1)[1].split("####", 1)[0]
    assert row in section


def test_cli_schema_json_gives_record_and_parquet_schemas() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert set(document["records"]) == set(document["parquet"]) == set(TABLES)
    assert document["records"]["figures"]["properties"]["metric"]["description"]
    assert {"name": "value", "type": "double", "nullable": True} in document["parquet"]["figures"]


def test_cli_schema_markdown_prints_the_column_reference() -> None:
    result = runner.invoke(app, ["schema", "--format", "markdown"])
    assert result.exit_code == 0
    assert result.output == column_reference()


@pytest.mark.parametrize("stale", ["", "| old | table |\n"])
def test_update_readme_rewrites_only_the_marked_section(stale: str, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Top\n{BEGIN}\n{stale}{END}\n## After\n", encoding="utf-8")
    assert update_readme(readme) is True
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Top\n") and text.endswith(f"{END}\n## After\n")
    assert readme_section(text) == column_reference()
    assert update_readme(readme) is False


def test_cli_schema_update_readme_without_markers_fails_clearly(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--update-readme", str(readme)])
    assert result.exit_code == 2
    assert "markers" in result.output


def test_facts_table_from_the_figures_table_is_the_facts_records_table(
    fast_nlp: Pipeline,
) -> None:
    results = [seedlike()] + [
        run_text(fast_nlp, path.read_text(encoding="utf-8"), date(2021, 3, 1))
        for path in sorted((GOLD_DIR / "articles").glob("*.txt"))
    ]
    for result in results:
        figures = records_to_table("figures", result.figures)
        made = facts_table(figures, result.fact_sentences())
        assert made.equals(records_to_table("facts", result.facts))
    assert any(len(result.figures) > 1 for result in results)
