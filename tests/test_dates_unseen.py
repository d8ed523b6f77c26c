"""Behaviour of ``find_dates`` on news sentences unlike the gold fixtures.

Found by probing unseen French news text; each rule is general. Anchor: a
Thursday in March, so that months and quarters of the anchor's year are still
to come.
"""

from __future__ import annotations

from datetime import date

import pytest

from ami_facts.components.dates import find_dates
from ami_facts.components.figures import find_figures

ANCHOR = date(2024, 3, 7)


def dates(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(h.text, h.value, h.start_date, h.end_date) for h in find_dates(text, anchor=ANCHOR)]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Elle vise 200 salariés d’ici 2026.", "2026"),
        ("Le chiffre pourrait doubler d'ici à 2030.", "2030"),
        ("Un chiffre en baisse par rapport à l’édition 2022.", "2022"),
        ("L'objectif à l'horizon 2030 reste inchangé.", "2030"),
        ("Le bilan 2023 de la sécurité routière reste lourd.", "2023"),
    ],
)
def test_a_year_after_d_ici_edition_or_horizon_is_a_date(text: str, year: str) -> None:
    assert year in [v for _, v, _, _ in dates(text)]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a heading's noun and a year set the year for what follows
        ("Bilan 2023 : les ventes de vélos reculent", ["2023"]),
        ("Avant\n\nBudget 2025\n\nLe texte sera voté.", ["2025"]),
        # ... not a name and a number within a sentence
        ("Le rapport du Comité 2023 : rien de neuf.", []),
    ],
)
def test_a_year_after_a_headings_opening_noun_is_a_date(text: str, years: list[str]) -> None:
    assert [v for _, v, _, _ in dates(text)] == years


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("L’enquête avait été ouverte en 97.", "1997"),
        ("Elle a été classée sans suite en 98, puis relancée.", "1998"),
        ("Ouverte en 97, l'enquête a été classée.", "1997"),
    ],
)
def test_two_digit_years_after_en_are_read_alike(text: str, value: str) -> None:
    assert [v for _, v, _, _ in dates(text)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le chiffre d’affaires a progressé sur les neuf premiers mois de l’année.",
            ("neuf premiers mois de l’année", "2023", "2023-01-01", "2023-09-30"),
        ),
        (
            "Les ventes devraient croître sur les six premiers mois de l'année.",
            ("six premiers mois de l'année", "2024", "2024-01-01", "2024-06-30"),
        ),
        (
            "Sur les trois derniers mois de 2022, les ventes ont chuté.",
            ("trois derniers mois de 2022", "2022", "2022-10-01", "2022-12-31"),
        ),
    ],
)
def test_first_or_last_n_months_of_a_year_is_a_date_interval(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert dates(text) == [expected]


def test_first_n_months_of_the_year_is_not_a_figure() -> None:
    text = "Le chiffre d’affaires a progressé de 4,2 % sur les neuf premiers mois de l’année."
    assert [h.text for h in find_figures(text)] == ["4,2 %"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Au premier semestre, la marge s’était établie à 7,8 %.", "2023-H1"),
        ("Le chômage a reculé de 0,2 point au quatrième trimestre.", "2023-Q4"),
        ("Au deuxième trimestre, les ventes devraient rebondir.", "2024-Q2"),
        ("Les ventes ont progressé au quatrième trimestre 2021.", "2021-Q4"),
    ],
)
def test_a_quarter_not_over_yet_told_in_the_past_is_last_years(text: str, value: str) -> None:
    assert [v for _, v, _, _ in dates(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Quelque 2,3 millions de personnes étaient inscrites fin décembre.", "2023-12"),
        ("En novembre, les ventes avaient chuté de 5 %.", "2023-11"),
        ("Le procès s’ouvrira en novembre.", "2024-11"),
        ("M. Blair a donné jusqu'au 30 juin aux responsables.", "2024-06-30"),
        # what a thing is for lies ahead, whatever the tense of its verb
        ("Toutes les places ont été vendues pour le 14 juillet.", "2024-07-14"),
    ],
)
def test_a_later_month_told_in_the_past_is_last_years_but_not_a_deadline(
    text: str, value: str
) -> None:
    assert [v for _, v, _, _ in dates(text)] == [value]


def test_a_relative_week_after_a_price_is_a_date() -> None:
    got = dates("Le prix du litre a dépassé 1,95 euro la semaine dernière.")
    assert got == [("la semaine dernière", "2024-W09", "2024-02-26", "2024-03-03")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le Kényan a remporté le marathon en 2 h 08 min 12 s.", "PT2H8M12S"),
        ("Elle a bouclé l'étape en 3 heures 12 minutes 5 secondes.", "PT3H12M5S"),
        ("Record battu en 2h08min12s.", "PT2H8M12S"),
    ],
)
def test_hours_minutes_and_seconds_are_one_duration(text: str, value: str) -> None:
    assert [(v) for _, v, _, _ in dates(text)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "L'agence a recensé 12 cas de rougeole depuis le début de l'année.",
            ("le début de l'année", "2024", "2024-01-01", "2024-03-07"),
        ),
        (
            "Le chantier démarre au début de l'année.",
            ("début de l'année", "2024", "2024-01-01", "2024-04-30"),  # TimeML: no preposition
        ),
    ],
)
def test_depuis_le_debut_de_l_annee_runs_to_the_anchor(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert dates(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le chômage a reculé lors de la dernière décennie.", [("la dernière décennie", "P10Y")]),
        ("La flotte doublera dans la prochaine décennie.", [("la prochaine décennie", "P10Y")]),
        ("La dernière journée du championnat se joue à huis clos.", []),
    ],
)
def test_the_last_decade_is_a_ten_year_duration(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, v) for t, v, _, _ in dates(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La région comptait fin juin 98.400 chômeurs.", [("fin juin", "2023-06")]),
        ("Les ventes de juin 98 ont reculé.", [("juin 98", "1998-06")]),
        ("Le 3 juin 12.500 personnes ont défilé.", [("Le 3 juin", "2023-06-03")]),
    ],
)
def test_a_two_digit_year_is_not_the_start_of_a_number_in_digit_groups(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, v) for t, v, _, _ in dates(text)] == expected


def test_each_year_of_a_list_of_years_is_a_date() -> None:
    text = "Le club a remporté le titre en 2012, 2015 et 2019."
    assert [v for _, v, _, _ in dates(text)] == ["2012", "2015", "2019"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La finale a duré 3 heures et 42 minutes.", ("DURATION", "PT3H42M")),
        ("La réunion durera 2 heures et 15 minutes.", ("DURATION", "PT2H15M")),
        ("Le rendez-vous est fixé à 3 heures et 42 minutes.", ("TIME", "2024-03-07T03:42")),
    ],
)
def test_hours_and_minutes_a_verb_of_lasting_gives_are_a_duration(
    text: str, expected: tuple[str, str]
) -> None:
    assert [(h.type, h.value) for h in find_dates(text, anchor=ANCHOR)] == [expected]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Les hôtels ont affiché complet pendant les vacances de Noël.", "2023-12-25"),
        ("Les magasins resteront ouverts le dimanche avant Noël.", "2024-12-25"),
    ],
)
def test_a_holiday_without_a_year_is_dated_by_the_tense_as_a_month_is(
    text: str, value: str
) -> None:
    assert [v for found, v, _, _ in dates(text) if found == "Noël"] == [value]
