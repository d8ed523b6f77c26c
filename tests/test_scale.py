"""Scale: workers and the Dask engine give the local engine's rows; the lean parse."""

from __future__ import annotations

import bisect
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from spacy.attrs import NORM
from spacy.language import Language
from typer.testing import CliRunner

from ami_facts.analysis import load_tables
from ami_facts.cli import app
from ami_facts.components.ner_windows import DEFAULT_WINDOW, WindowedNER, candidate_regions
from ami_facts.components.parse import (
    PARSE_COMPONENTS,
    SHARED_COMPONENTS,
    TAGGING_COMPONENTS,
    FigureSentenceParser,
    ambiguous_entities,
    figure_regions,
    sentence_starts,
)
from ami_facts.components.regions import region_docs
from ami_facts.export import TABLES
from ami_facts.nlp import FAST_MODEL, build_nlp, ner_is_standalone
from ami_facts.progress import count_inputs
from fixture_paths import GOLD_DIR

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("corpus")
    for path in sorted((GOLD_DIR / "articles").glob("*.txt")):
        shutil.copy(path, raw / path.name)
    (raw / "lines.jsonl").write_text(
        '{"id": "j1", "text": "Environ 290 personnes sont mortes en 2020."}\n'
        "oops\n"
        '{"id": "j2", "text": "Le prix passe à 7 000 euros."}\n',
        encoding="utf-8",
    )
    return raw


def _extract(corpus: Path, out: Path, *extra: str) -> None:
    args = ["extract", str(corpus), "--out", str(out), "--published", "2021-04-15", "--fast"]
    result = runner.invoke(app, [*args, "--quiet", *extra])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def local_out(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    _extract(corpus, out)
    return out


def test_count_inputs_counts_files_and_jsonl_lines(corpus: Path) -> None:
    assert count_inputs(corpus) == len(list((GOLD_DIR / "articles").glob("*.txt"))) + 3


@pytest.mark.parametrize("table", TABLES)
def test_workers_two_gives_the_rows_of_one(
    corpus: Path, local_out: Path, tmp_path_factory: pytest.TempPathFactory, table: str
) -> None:
    out = tmp_path_factory.getbasetemp() / "workers2"
    if not out.exists():
        _extract(corpus, out, "--workers", "2", "--batch-size", "2")
    expected = pd.read_parquet(local_out / f"{table}.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(out / f"{table}.parquet"), expected)


def test_dask_engine_on_local_cluster_gives_the_local_rows(corpus: Path, local_out: Path) -> None:
    pytest.importorskip("distributed")
    from ami_facts.engine_dask import extract_dask

    out = local_out.parent / "dask"
    summary = extract_dask(
        corpus,
        str(out),
        model=FAST_MODEL,
        published=pd.Timestamp("2021-04-15").date(),
        workers=1,
        processes=False,
        files_per_shard=3,
    )
    assert summary.partitions == summary.processed > 2
    tables = load_tables(out)
    for table in TABLES:
        expected = load_tables(local_out)[table]
        assert summary.counts[table] == len(expected)
        pd.testing.assert_frame_equal(tables[table], expected)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Il a vendu 200 voitures. Elle en a vendu 300.", 2),
        ("Titre\n\nLe prix est de 7 000 euros.", 2),
        ("M. Dupont a 3 ans", 1),
    ],
)
def test_sentence_starts_split_at_full_stops_and_lines(
    tokenizer: Language, text: str, sentences: int
) -> None:
    assert len(sentence_starts(tokenizer.make_doc(text))) == sentences


def test_figure_regions_cover_the_sentences_holding_figures(tokenizer: Language) -> None:
    doc = tokenizer.make_doc("Rien ici. Il a vendu 200 voitures. Encore rien. Puis 300.")
    doc._.ami_figures = [{"number_start": doc.text.index("200")}, {"number_start": 53}]
    regions = figure_regions(doc, sentence_starts(doc))
    assert [doc[s:e].text.strip() for s, e in regions] == [
        "Il a vendu 200 voitures.",
        "Puis 300.",
    ]


def test_lean_pipeline_runs_ner_alone_and_parses_figure_sentences(nlp: Language) -> None:
    assert ner_is_standalone(nlp)
    assert "ami_parse_figures" in nlp.pipe_names
    assert "parser" not in nlp.pipe_names
    doc = nlp("Rien ici. Toujours rien. Citroën a vendu 2 000 voitures en 2020. Encore rien.")
    number = next(t for t in doc if t.text == "2")
    assert number.dep_ and number.head.pos_
    assert [t.dep_ for t in doc[:3]] == ["", "", ""]  # beyond one sentence of context
    assert len(list(doc.sents)) == 4


def test_full_pipeline_still_available() -> None:
    nlp = build_nlp(lean=False)
    assert "parser" in nlp.pipe_names
    assert "ami_parse_figures" not in nlp.pipe_names


@pytest.mark.parametrize(
    ("text", "window", "regions"),
    [
        # ``Le`` is a capitalised stop word, not a name: only ``Renault`` is a candidate.
        ("Le chiffre reste stable depuis des mois . Renault a vendu", 1, [(7, 10)]),
        ("rien ici ni là", 2, []),
        ("Les ventes de SNCF et de iPhone", 1, [(2, 7)]),
    ],
)
def test_ner_runs_only_near_words_with_a_capital(
    tokenizer: Language, text: str, window: int, regions: list[tuple[int, int]]
) -> None:
    assert candidate_regions(tokenizer.make_doc(text), window) == regions


def _entity_rows(nlp: Language, text: str) -> list[tuple[int, int, str, str]]:
    doc = nlp(text)
    return [(e["start"], e["end"], e["label"], e["name"]) for e in doc._.ami_entities]


@pytest.mark.parametrize("path", sorted((GOLD_DIR / "articles").glob("*.txt")), ids=str)
def test_ner_windows_give_the_entities_of_the_whole_text(nlp: Language, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    windowed = _entity_rows(nlp, text)
    ner: WindowedNER = nlp.get_pipe("ami_ner_windows")
    ner.window = len(text)  # one region: the whole text
    try:
        whole = _entity_rows(nlp, text)
    finally:
        ner.window = DEFAULT_WINDOW
    assert windowed == whole


def test_ambiguous_names_get_the_tags_of_their_whole_sentence(nlp: Language) -> None:
    checked = 0
    for path in sorted((GOLD_DIR / "articles").glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        starts = sentence_starts(doc)
        bounds = [*starts, len(doc)]
        for start, end in ambiguous_entities(doc):
            s = bisect.bisect_right(starts, start) - 1
            first, last = bounds[s], bounds[s + 1]
            sentence = region_docs(doc, [(first, last)], [NORM])[0]
            for name in TAGGING_COMPONENTS:
                sentence = nlp.get_pipe(name)(sentence)
            got = [t.pos_ for t in doc[start:end]]
            assert got == [t.pos_ for t in sentence[start - first : end - first]]
            checked += 1
    assert checked >= 10


def _rows(nlp: Language, text: str) -> tuple[list[Any], list[Any]]:
    doc = nlp(text)
    figures = [(f["start"], f.get("subject"), f.get("metric")) for f in doc._.ami_figures]
    return figures, _entity_rows(nlp, text)


def test_skipping_the_attribute_ruler_changes_no_row(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((GOLD_DIR / "articles").glob("*.txt"))]
    skipped = [_rows(nlp, text) for text in texts]
    parser: FigureSentenceParser = nlp.get_pipe("ami_parse_figures")
    assert parser.components == list(PARSE_COMPONENTS)
    assert "attribute_ruler" not in parser.components
    monkeypatch.setattr(parser, "components", list(SHARED_COMPONENTS))
    assert [_rows(nlp, text) for text in texts] == skipped
