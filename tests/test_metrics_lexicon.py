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
TABLES = (
    "after", "before", "units", "duration_verbs", "percent_verbs", "verbs", "pronominal_verbs",
    "nouns", "kinds",
)  # fmt: skip
ENTRIES = [
    (table, word, metric)
    for table in TABLES
    for word, metric in getattr(metric_lexicon(), table).items()
]


def test_metric_lexicon_entries_are_folded_and_name_known_metrics() -> None:
    """Every entry at once (one test, not one per entry: it checks the data's form)."""
    bad = [
        (table, word, metric)
        for table, word, metric in ENTRIES
        if word != word.strip()
        or (word != word.lower() and table != "units")
        or metric not in VOCABULARY | ({""} if table == "pronominal_verbs" else set())
    ]
    assert ENTRIES and not bad, bad


def test_anaphora_entries_are_folded_and_refer_to_entity_labels() -> None:
    entries = anaphoric_nouns()
    bad = [(lemma, label) for lemma, label in entries.items() if lemma != lemma.lower().strip()]
    bad += [(lemma, label) for lemma, label in entries.items() if label not in LABELS]
    assert entries and not bad, bad


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
        ("percent_verbs", "L'action du groupe a cédé 2,5 % jeudi.", "2,5", "change"),
        ("verbs", "Le groupe a produit 300.000 voitures.", "300.000", "production"),
        (
            "pronominal_verbs",
            "Une collision entre quatre camions s'est produite sur la rocade.",
            "quatre",
            None,
        ),
        ("nouns", "Les ventes ont atteint 4.200 unités.", "4.200", "sales"),
        ("kinds", "Il est arrivé troisième de la course.", "troisième", "rank"),
    ],
)
def test_metric_lexicon_table_gives_the_metric_in_a_sentence(
    nlp: Pipeline, table: str, text: str, number: str, metric: str | None
) -> None:
    assert table in TABLES
    assert _metric(nlp, text, number) == metric
