"""The linker's lexicons: every entry is well formed, and each table works in a sentence."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ami_facts.french.metrics import anaphoric_nouns, metric_lexicon
from ami_facts.nlp import Pipeline
from pipeline_helpers import run_text

# The metric vocabulary of SPEC.md plus the ones added with use (README, "facts").
VOCABULARY = {
    "sales", "orders", "deliveries", "registrations", "production", "fleet", "market_size",
    "price", "cost", "revenue", "share", "rank", "capacity", "duration", "distance", "length",
    "speed", "power", "weight", "pressure", "population", "deaths", "injured", "change",
    "diameter", "width", "height", "depth", "margin", "time_gap", "time_bonus", "workforce", "age",
}  # fmt: skip
LABELS = {"PER", "ORG", "LOC", "PRODUCT"}
TABLES = ("after", "before", "units", "duration_verbs", "verbs", "nouns", "kinds")
ENTRIES = [
    (table, word, metric)
    for table in TABLES
    for word, metric in getattr(metric_lexicon(), table).items()
]


@pytest.mark.parametrize(("table", "word", "metric"), ENTRIES)
def test_metric_lexicon_entry_names_a_known_metric(table: str, word: str, metric: str) -> None:
    assert word == word.strip()
    assert word == word.lower() or table == "units"
    assert metric in VOCABULARY


@pytest.mark.parametrize(("lemma", "label"), sorted(anaphoric_nouns().items()))
def test_anaphora_entry_refers_to_an_entity_label(lemma: str, label: str) -> None:
    assert lemma == lemma.lower().strip()
    assert label in LABELS


def _metric(nlp: Pipeline, text: str, number: str) -> Any:
    result = run_text(nlp, text, date(2024, 3, 7))
    return next(f.metric for f in result.figures if number in f.text)


@pytest.mark.parametrize(
    ("table", "text", "number", "metric"),
    [
        ("after", "La conduite de 650 mm de diamètre sera remplacée.", "650", "diameter"),
        ("before", "La citadine est proposée à partir de 19.900 euros.", "19.900", "price"),
        ("units", "Les rafales ont atteint 130 km/h sur la côte.", "130", "speed"),
        ("duration_verbs", "Le Suisse a concédé 2 minutes au vainqueur.", "2", "time_gap"),
        ("verbs", "Le groupe a produit 300.000 voitures.", "300.000", "production"),
        ("nouns", "Les ventes ont atteint 4.200 unités.", "4.200", "sales"),
        ("kinds", "Il est arrivé troisième de la course.", "troisième", "rank"),
    ],
)
def test_metric_lexicon_table_gives_the_metric_in_a_sentence(
    nlp: Pipeline, table: str, text: str, number: str, metric: str
) -> None:
    assert table in TABLES
    assert _metric(nlp, text, number) == metric
