"""The Python API: records and typed frames of a text, streams, errors, the caller left as is."""

from __future__ import annotations

import doctest
import gc
import logging
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import threadpool_info, threadpool_limits
from typer.testing import CliRunner

import ami_facts
import ami_facts.api as api_module
from ami_facts import Extraction, ExtractionError, Extractor, to_frames
from ami_facts.analysis import load_tables
from ami_facts.api import default_extractor
from ami_facts.cli import app
from ami_facts.export import TABLES
from ami_facts.html import LIBRARY_LOGGERS
from ami_facts.records import Figure

README = Path(__file__).resolve().parents[1] / "README.md"
TEXT = (
    "La marque a écoulé 2.609 exemplaires en 2020, soit environ 326 chaque mois. "
    "En février, elle a reçu près de 650 commandes pour un prix de 7 000 euros.\n"
)


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(fast=True)


def _readme_section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def _blas_threads() -> set[int]:
    return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}


def test_api_run_leaves_the_callers_process_as_it_was() -> None:
    caller_ops = NumpyOps()
    previous_ops = get_current_ops()
    levels = {name: logging.getLogger(name).level for name in LIBRARY_LOGGERS}
    set_current_ops(caller_ops)
    logging.getLogger("trafilatura").setLevel(logging.DEBUG)
    try:
        with threadpool_limits(limits=2, user_api="blas"):
            assert gc.isenabled() and gc.get_freeze_count() == 0
            # The extractor extract() keeps, built afresh here (the README examples reuse it).
            api_module._DEFAULT_EXTRACTORS.clear()
            extractor = default_extractor()
            assert get_current_ops() is caller_ops and _blas_threads() == {2}
            found = extractor.extract(TEXT, published="2021-04-15")
            assert found.entities or found.figures
            many = extractor.extract_many([TEXT, {"html": "<p>" + TEXT * 2 + "</p>"}])
            assert next(many).ok
            many.close()
            assert get_current_ops() is caller_ops
            assert _blas_threads() == {2}
            assert gc.isenabled() and gc.get_freeze_count() == 0
            assert logging.getLogger("trafilatura").level == logging.DEBUG
    finally:
        set_current_ops(previous_ops)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def test_api_readme_section_examples_run_as_doctests() -> None:
    section = _readme_section("Python API")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(section, {}, "README.md: Python API", str(README), 0)
    assert len(test.examples) >= 10
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} README examples failed (see the output above)"


def test_api_extract_gives_validated_records(rules: Extractor) -> None:
    found = rules.extract(TEXT, published="2021-04-15", title="Ventes")
    assert isinstance(found, Extraction) and found.ok
    assert all(isinstance(figure, Figure) for figure in found.figures)
    assert [f.value for f in found.figures][:2] == [2609.0, 326.0]
    assert found.article is not None
    assert (found.article.title, found.article.published) == ("Ventes", "2021-04-15")
    assert found.article.published_source == "metadata"
    assert [f.figure_id for f in found.facts] == [f.figure_id for f in found.figures]
    for figure in found.figures:
        assert found.article.text[figure.start : figure.end] == figure.text


@pytest.mark.parametrize("published", [date(2021, 4, 15), "2021-04-15", "15 avril 2021"])
def test_api_published_is_a_date_or_a_string(rules: Extractor, published: date | str) -> None:
    found = rules.extract(TEXT, published=published)
    [february] = [d for d in found.dates if d.text == "février"]
    assert february.value == "2021-02"


def test_api_frames_equal_the_tables_the_cli_writes(rules: Extractor, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--fast", "--quiet"],
    )
    assert result.exit_code == 0, result.output
    written = load_tables(tmp_path / "out")
    frames = rules.extract(TEXT).to_frames()
    assert list(frames) == list(TABLES)
    for table in TABLES:
        assert frames[table].dtypes.to_dict() == written[table].dtypes.to_dict(), table
    frames["articles"]["source"] = written["articles"]["source"]
    frames["articles"]["encoding"] = written["articles"]["encoding"]
    for table in TABLES:
        pd.testing.assert_frame_equal(frames[table], written[table], check_dtype=True)


def test_api_extract_many_streams_in_order_with_errors_in_place(rules: Extractor) -> None:
    items = iter(
        [
            "Il a vendu 3 voitures.",
            "",
            {"text": "Elle a vendu 4 vélos.", "id": "v", "published": "hier"},
            {"html": "<html><body><p>menu</p></body></html>"},
            {"text": "Elle a vendu 5 motos hier.", "id": "m", "published": "15/04/2021"},
        ]
    )
    found = list(rules.extract_many(items))
    assert [item.ok for item in found] == [True, False, False, False, True]
    assert [item.error.line for item in found if item.error] == [2, 3, 4]
    assert found[1].error is not None and "empty" in found[1].error.error
    assert found[2].error is not None and "cannot be read as a date" in found[2].error.error
    assert found[4].article is not None and found[4].article.article_id == "m"
    assert [d.value for d in found[4].dates] == ["2021-04-14"]
    frames = to_frames(found)
    assert len(frames["articles"]) == 2 and len(frames["errors"]) == 3


def test_api_extract_many_is_lazy(rules: Extractor) -> None:
    def texts() -> object:
        yield "Il a vendu 3 voitures."
        raise AssertionError("read past the first item")

    stream = rules.extract_many(texts())  # type: ignore[arg-type]
    first = next(stream)
    assert first.ok
    stream.close()


def test_api_extract_many_fallback_published_is_an_option_date(rules: Extractor) -> None:
    [found] = rules.extract_many(["Il a vendu 3 voitures hier."], published="2021-04-15")
    assert found.article is not None and found.article.published_source == "option"


@pytest.mark.parametrize("text", ["", "   ", "The quick brown fox " * 10])
def test_api_extract_raises_on_a_text_it_cannot_process(rules: Extractor, text: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        rules.extract(text)
    assert caught.value.row.error == str(caught.value)


def test_api_bad_published_argument_is_a_value_error(rules: Extractor) -> None:
    with pytest.raises(ValueError, match="cannot be read as a date"):
        rules.extract(TEXT, published="bientôt")


def test_api_import_ami_facts_does_not_load_spacy() -> None:
    code = (
        "import sys, ami_facts\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
        "from ami_facts import Extractor\n"
        "assert 'spacy' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    with pytest.raises(AttributeError):
        _ = ami_facts.nothing_here  # type: ignore[attr-defined]


def test_api_leaves_a_frozen_or_disabled_collector_alone(rules: Extractor) -> None:
    gc.disable()
    try:
        rules.extract(TEXT)
        assert not gc.isenabled()
    finally:
        gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        rules.extract(TEXT)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_api_repr_is_short(rules: Extractor) -> None:
    found = rules.extract(TEXT)
    assert re.fullmatch(
        r"Extraction\(article_id='\w+', figures=\d+, dates=\d+, entities=0\)", repr(found)
    )
