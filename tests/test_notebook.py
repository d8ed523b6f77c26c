"""The analysis notebook and the README example run on tables extracted from the fixtures."""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from typer.testing import CliRunner

import ami_facts
from ami_facts.cli import app
from fixture_paths import GOLD_DIR

ROOT = Path(__file__).parents[1]
NOTEBOOK = ROOT / "notebooks" / "analysis.ipynb"
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("raw")
    for article in (GOLD_DIR / "articles").glob("*.txt"):
        shutil.copy(article, raw / article.name)
    out = tmp_path_factory.mktemp("processed")
    result = CliRunner().invoke(
        app, ["extract", str(raw), "--out", str(out), "--published", "2021-04-15", "--quiet"]
    )
    assert (out / "articles.parquet").exists(), result.output
    return out


@pytest.fixture(scope="module")
def executed(extracted: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    saved = {name: os.environ.get(name) for name in ("AMI_FACTS_DATA", "PYTHONPATH")}
    os.environ["AMI_FACTS_DATA"] = str(extracted)
    # The kernel imports the same ami_facts as these tests, wherever it is installed.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(Path(ami_facts.__file__).parents[1]), *filter(None, [saved["PYTHONPATH"]])]
    )
    try:
        client = NotebookClient(
            notebook,
            timeout=300,
            kernel_name="python3",
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},
        )
        client.execute()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return notebook


def test_notebook_runs_without_error(executed: nbformat.NotebookNode) -> None:
    errors = [
        output
        for cell in executed.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]
    assert errors == []


def test_notebook_renders_its_plot_as_png(executed: nbformat.NotebookNode) -> None:
    images = [
        output["data"]["image/png"]
        for cell in executed.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    assert images, "no figure was rendered"
    ARTIFACTS.mkdir(exist_ok=True)
    for index, image in enumerate(images, start=1):
        png = base64.b64decode(image)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        (ARTIFACTS / f"notebook-plot-{index}.png").write_bytes(png)


def test_notebook_reads_the_folder_named_by_the_environment(
    executed: nbformat.NotebookNode, extracted: Path
) -> None:
    first = next(cell for cell in executed.cells if cell.cell_type == "code")
    printed = "".join(o.get("text", "") for o in first.outputs if o.output_type == "stream")
    assert str(extracted) in printed


def test_readme_python_example_runs(extracted: Path, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    analysts = readme.split("## For analysts", 1)[1]
    example = re.search(r"```python\n(.*?)```", analysts, re.DOTALL)
    assert example is not None
    code = example.group(1)
    assert len(code.strip().splitlines()) == 5
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "processed").symlink_to(extracted)
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "title" in done.stdout
