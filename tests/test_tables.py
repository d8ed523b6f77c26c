"""Tables read as tables (issue 19, item 1): a cell is a figure about its row's label,
measured as its column's header says; a table that cannot be read gives nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ami_facts.components.tables import read_header
from ami_facts.load import RawArticle, article_from_object
from ami_facts.nlp import Pipeline
from ami_facts.pipeline import ArticleResult, process
from ami_facts.tables import find_tables

INTRO = (
    "Le marché automobile a progressé en mars, selon les chiffres publiés mardi par "
    "les constructeurs, qui détaillent chaque mois les ventes de leurs modèles."
)
OUTRO = "La compacte reste en tête pour le troisième mois, devant sa rivale de toujours."

RANKING_PAGE = f"""<html><head><title>Ventes de voitures</title>
<meta property="article:published_time" content="2024-04-02"></head><body><article>
<h1>Les voitures les plus vendues en mars 2024</h1>
<p>{INTRO}</p>
<table>
<thead><tr><th>Rang</th><th>Modèle</th><th>Ventes</th><th>Part de marché (%)</th>
<th>Évolution (%)</th></tr></thead>
<tbody>
<tr><td>1</td><td>Renault Clio</td><td>10 234</td><td>6,1</td><td>+12,5</td></tr>
<tr><td>2</td><td>Peugeot 208</td><td>9 876</td><td>5,9</td><td>-3,2</td></tr>
<tr><td>3</td><td>Dacia Sandero</td><td>8 120</td><td>4,8</td><td>n.c.</td></tr>
<tr><td></td><td>Total</td><td>28 230</td><td>16,8</td><td></td></tr>
</tbody></table>
<p>{OUTRO}</p>
</article></body></html>"""


def _raw(item: dict[str, Any]) -> RawArticle:
    raw = article_from_object(item, source="t", fallback_published=None, max_chars=10**6)
    assert isinstance(raw, RawArticle)
    return raw


def _result(item: dict[str, Any], nlp: Pipeline) -> ArticleResult:
    [result] = process([_raw(item)], nlp)
    assert isinstance(result, ArticleResult), result
    return result


def _facts(result: ArticleResult) -> list[tuple[Any, ...]]:
    return [(f.subject, f.metric, f.value, f.unit, f.text) for f in result.facts]


@pytest.fixture(scope="module")
def ranking(nlp: Pipeline) -> ArticleResult:
    return _result({"html": RANKING_PAGE}, nlp)


def test_table_cell_is_a_figure_about_its_row_label_measured_by_its_header(
    ranking: ArticleResult,
) -> None:
    facts = _facts(ranking)
    assert ("Renault Clio", "sales", 10234.0, None, "10 234") in facts
    assert ("Peugeot 208", "sales", 9876.0, None, "9 876") in facts
    # The unit comes from the header; the sign is kept.
    assert ("Renault Clio", "share", 6.1, "%", "6,1") in facts
    assert ("Peugeot 208", "change", -3.2, "%", "-3,2") in facts
    assert ("Dacia Sandero", "rank", 3.0, None, "3") in facts


def test_table_figures_have_their_kind_period_and_a_high_confidence(
    ranking: ArticleResult,
) -> None:
    clio = [f for f in ranking.figures if f.subject == "Renault Clio"]
    assert [f.kind for f in clio] == ["rank", "count", "percent", "percent"]
    assert {f.counted for f in clio if f.metric == "sales"} == {"vente"}
    # The heading above the table names the month.
    assert {(f.period_start, f.period_end) for f in clio} == {("2024-03-01", "2024-03-31")}
    assert all(f.confidence >= 0.9 and f.subject_confidence == 0.9 for f in clio)
    # The row is the figure's sentence.
    sentence = ranking.facts[[f.figure_id for f in ranking.figures].index(clio[1].figure_id)]
    assert sentence.sentence == "| 1 | Renault Clio | 10 234 | 6,1 | +12,5 |"


def test_table_total_row_is_kept_without_a_subject_and_missing_cells_give_nothing(
    ranking: ArticleResult,
) -> None:
    facts = _facts(ranking)
    assert (None, "sales", 28230.0, None, "28 230") in facts
    assert (None, "share", 16.8, "%", "16,8") in facts
    # Every figure of the table is a cell with a value: 3 x 4 + 2 (total) - 1 (n.c.)
    text = ranking.article.text
    in_table = [f for f in ranking.figures if text[f.start - 2 : f.start] == "| "]
    assert len(in_table) == 13


def test_table_headers_are_no_entities_and_row_labels_are(ranking: ArticleResult) -> None:
    names = {(e.text, e.label) for e in ranking.entities}
    assert ("Renault Clio", "PRODUCT") in names
    assert not any(
        "|" in e.text or "Rang" in e.text or "Ventes" in e.text for e in ranking.entities
    )
    assert not any(e.label == "MISC" and "march" in e.text for e in ranking.entities)
    assert ranking.article.tables is not None


def test_table_rows_are_read_the_same_by_the_rules_alone(
    ranking: ArticleResult, fast_nlp: Pipeline
) -> None:
    fast = _result({"html": RANKING_PAGE}, fast_nlp)
    table = [f for f in _facts(fast) if f[0] or f[1] in {"sales", "share"}]
    assert [f for f in _facts(ranking) if f in table] == table
    assert ("Renault Clio", "sales", 10234.0, None, "10 234") in table


def test_table_offsets_index_the_text(ranking: ArticleResult) -> None:
    text = ranking.article.text
    for f in ranking.figures:
        assert text[f.start : f.end] == f.text
        if f.subject_start is not None and f.subject_end is not None:
            assert " ".join(text[f.subject_start : f.subject_end].split()) == f.subject


MARKDOWN = (
    INTRO
    + "\n\n| Ville | Distance (km) | Prix du billet (€) | Budget (M€) | Habitants |\n"
    + "|---|---|---|---|---|\n"
    + "| Lyon | 465 | 79,50 | 3,5 | 522 250 |\n"
    + "| Marseille | 775 | 99 | 12 | 873 076 |\n\n"
    + OUTRO
    + "\n"
)


def test_markdown_table_in_text_gives_units_from_its_headers(fast_nlp: Pipeline) -> None:
    result = _result({"text": MARKDOWN, "published": "2024-04-02"}, fast_nlp)
    rows = {(f.subject, f.metric, f.value, f.unit, f.counted) for f in result.figures}
    assert ("Lyon", "distance", 465.0, "km", None) in rows
    assert ("Lyon", "price", 79.5, "EUR", None) in rows
    assert ("Marseille", "cost", 12_000_000.0, "EUR", None) in rows
    assert ("Lyon", "population", 522250.0, None, "habitant") in rows


def test_table_with_years_gives_periods_from_the_header_or_the_label(
    fast_nlp: Pipeline,
) -> None:
    by_column = "| Pays | Ventes 2022 | Ventes 2023 |\n|---|---|---|\n| France | 120 | 135 |\n"
    result = _result({"text": INTRO + "\n\n" + by_column + "\n" + OUTRO}, fast_nlp)
    assert [(f.subject, f.metric, f.value, f.period_start) for f in result.figures[-2:]] == [
        ("France", "sales", 120.0, "2022-01-01"),
        ("France", "sales", 135.0, "2023-01-01"),
    ]
    by_row = "| Année | Immatriculations |\n|---|---|\n| 2022 | 1 500 |\n| 2023 | 1 720 |\n"
    result = _result({"text": INTRO + "\n\n" + by_row + "\n" + OUTRO}, fast_nlp)
    # A row labelled by a date is about no named thing: the date is its period.
    assert [(f.subject, f.metric, f.value, f.period_end) for f in result.figures[-2:]] == [
        (None, "registrations", 1500.0, "2022-12-31"),
        (None, "registrations", 1720.0, "2023-12-31"),
    ]


@pytest.mark.parametrize(
    ("table", "why"),
    [
        (
            "| Nom | Rôle |\n|---|---|\n| Jean Dupont | directeur |\n| Marie Durand | élue |\n",
            "no numbers",
        ),
        ("| 12 | 45 |\n| 13 | 47 |\n| 14 | 49 |\n", "no header, no label"),
        ("| Ville | Voix |\n|---|---|\n| Lyon | 120 | 4 |\n| Nice | 130 |\n", "ragged rows"),
        ("| 2019 | 2020 | 2021 |\n|---|---|---|\n| 10 | 11 | 12 |\n", "no label column"),
    ],
)
def test_table_that_cannot_be_read_as_rows_gives_no_figure(
    fast_nlp: Pipeline, table: str, why: str
) -> None:
    text = INTRO + "\n\n" + table + "\n" + OUTRO + "\n"
    result = _result({"text": text}, fast_nlp)
    start = text.index("|")
    end = text.rindex("|") + 1
    assert result.article.tables == f"{start}-{end}", why
    assert [f.text for f in result.figures if start <= f.start < end] == [], why
    assert [d.text for d in result.dates if start <= d.start < end] == [], why


@pytest.mark.parametrize(
    ("header", "metric", "unit"),
    [
        ("Part de marché (%)", "share", "%"),
        ("Prix (€)", "price", "€"),
        ("Chiffre d'affaires (M€)", "revenue", "M€"),
        ("Nombre de salariés", "workforce", None),
        ("Distance en km", "distance", "km"),
        ("Variation", "change", None),
        ("Puissance (ch)", "power", "ch"),
        ("Commentaire", None, None),
    ],
)
def test_table_header_names_metric_and_unit(
    header: str, metric: str | None, unit: str | None
) -> None:
    head = read_header(header, date(2024, 4, 2))
    assert (head.metric, head.unit) == (metric, unit)


def test_tables_are_runs_of_rows_between_pipes_separators_aside() -> None:
    text = "Texte.\n| a | b |\n|---|---|\n| c | 1 |\nTexte.\n| seule | ligne |\n"
    [table] = find_tables(text)
    assert table.marked_header
    assert [[c.text for c in row.cells] for row in table.rows] == [["a", "b"], ["c", "1"]]
    assert text[table.start : table.end] == "| a | b |\n|---|---|\n| c | 1 |"


def test_table_in_crlf_text_is_read_and_its_offsets_index_the_text(fast_nlp: Pipeline) -> None:
    text = MARKDOWN.replace("\n", "\r\n")
    result = _result({"text": text}, fast_nlp)
    assert ("Lyon", "distance", 465.0) in {(f.subject, f.metric, f.value) for f in result.figures}
    for f in result.figures:
        assert text[f.start : f.end] == f.text
