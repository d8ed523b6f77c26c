"""Dates in phrasings the fixtures do not have (issues 15 and 19): sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from ami_facts.components.dates import Resolution, find_dates
from ami_facts.hits import DateHit
from pipeline_helpers import run_text

# A Wednesday in mid-January: weekdays, weekends and months lie on both sides of it.
ANCHOR = date(2024, 1, 17)
MERGED = Resolution(merge_ranges=True)


def _dates(text: str, anchor: date | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(h.text, h.type, h.value) for h in find_dates(text, anchor=anchor)]


def _one(text: str, anchor: date | None = ANCHOR) -> DateHit:
    hits = find_dates(text, anchor=anchor)
    assert len(hits) == 1, [(h.text, h.value) for h in hits]
    return hits[0]


# --- ranges: two ends as TimeML writes them, one expression with start and end ----------


@pytest.mark.parametrize(
    ("text", "ends", "interval"),
    [
        (
            "La rétrospective se tiendra du 4 juin au 9 juillet 2019.",
            ["2019-06-04", "2019-07-09"],
            ("2019-06-04", "2019-07-09"),
        ),
        (
            "Festival de jazz : 4 juin - 9 juillet 2019.",
            ["2019-06-04", "2019-07-09"],
            ("2019-06-04", "2019-07-09"),
        ),
        (
            "Le pont sera fermé entre le 6 et le 9 février.",
            ["2024-02-06", "2024-02-09"],
            ("2024-02-06", "2024-02-09"),
        ),
        (
            "La vente a lieu du 27/2 au 2/3 dans le hall.",
            ["2024-02-27", "2024-03-02"],
            ("2024-02-27", "2024-03-02"),
        ),
        (
            "La trêve court du 22 décembre 2018 au 3 janvier.",
            ["2018-12-22", "2019-01-03"],
            ("2018-12-22", "2019-01-03"),
        ),
        (
            "Les soldes d'hiver ont duré du 28 décembre au 10 janvier.",
            ["2023-12-28", "2024-01-10"],
            ("2023-12-28", "2024-01-10"),
        ),
        (
            "Le chantier a duré de février à mai 2021.",
            ["2021-02", "2021-05"],
            ("2021-02-01", "2021-05-31"),
        ),
    ],
)
def test_dates_range_ends_and_interval(
    text: str, ends: list[str], interval: tuple[str, str]
) -> None:
    assert [h.value for h in find_dates(text, anchor=ANCHOR)] == ends
    [merged] = find_dates(text, anchor=ANCHOR, resolution=MERGED)
    assert (merged.start_date, merged.end_date) == interval
    assert merged.extra["range_from"] == ends[0]


def test_dates_clock_range() -> None:
    text = "Le guichet est ouvert de 8 h à 12 h 30 le samedi."
    assert [h.value[-5:] for h in find_dates(text, anchor=ANCHOR)][:2] == ["08:00", "12:30"]
    merged = find_dates(text, anchor=ANCHOR, resolution=MERGED)[0]
    assert (merged.extra["range_from"][-5:], merged.extra["range_to"][-5:]) == ("08:00", "12:30")


# --- numeric and mixed dates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("La réunion est fixée au 29/2 à la mairie.", "2024-02-29"),
        ("Le bail a été signé le 14/11/2019 chez le notaire.", "2019-11-14"),
        ("Le relevé de 2016-4 montre une baisse.", "2016-04"),
        ("Le relevé de 2016-04 montre une baisse.", "2016-04"),
        ("Les faits remontent au 5 oct. 2018 selon la police.", "2018-10-05"),
        ("Déc. 2017 : la société change de nom.", "2017-12"),
        ("Rendez-vous jeu. 8 févr. au gymnase.", "2024-02-08"),
    ],
)
def test_dates_numeric_and_abbreviated(text: str, value: str) -> None:
    assert _one(text).value == value


@pytest.mark.parametrize(
    "text",
    [
        "Elle s'est imposée en deux sets (6-4, 7-5) face à la tenante du titre.",
        "Le club a arraché le nul, 2-2, dans les arrêts de jeu.",
    ],
)
def test_dates_scores_joined_by_a_hyphen_are_not_days(text: str) -> None:
    assert _dates(text) == []


def test_dates_day_and_month_joined_by_a_hyphen_after_a_preposition() -> None:
    assert _one("La vente aura lieu le 12-5 à la salle des fêtes.").value == "2024-05-12"


def test_dates_season_is_not_a_month() -> None:
    values = [v for _, _, v in _dates("Lors de la saison 2019-20, le club a brillé.")]
    assert "2019-20" not in values


@pytest.mark.parametrize(
    ("text", "value", "start", "end"),
    [
        # in January, the autumn or the summer that began before it, up to the anchor
        ("Depuis le début de l'automne, les prix grimpent.", "2023-FA", "2023-09-24", "2024-01-17"),
        ("Depuis l'été, le chômage recule.", "2023-SU", "2023-06-21", "2024-01-17"),
        ("Depuis cet été, la ligne est fermée.", "2023-SU", "2023-06-21", "2024-01-17"),
    ],
)
def test_dates_season_after_depuis_has_begun_and_runs_to_the_anchor(
    text: str, value: str, start: str, end: str
) -> None:
    hit = _one(text)
    assert (hit.value, hit.start_date, hit.end_date) == (value, start, end)


def test_dates_year_before_or_after_counts_from_the_year_named_in_the_sentence() -> None:
    text = "Le club a gagné 12 matchs en 2019, contre 7 l'année précédente."
    assert [v for _, _, v in _dates(text)] == ["2019", "2018"]
    # (with no year named, from the anchor)
    assert _one("Il a déménagé l'année précédente.").value == "2023"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("En 2021, la ligue comptait 18 clubs, contre 20 un an plus tôt.", "2020"),
        ("La digue a cédé en 2016. Trois ans plus tard, elle était reconstruite.", "2019"),
    ],
)
def test_dates_years_earlier_or_later_count_from_the_year_named_just_before(
    text: str, value: str
) -> None:
    assert [v for _, _, v in _dates(text)][-1] == value


def test_dates_season_ahead_without_depuis_stays_ahead() -> None:
    assert _one("Cet été, le festival attend du monde.").value == "2024-SU"


# --- a day with a time or a part of the day -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("Le conseil se réunira jeudi 18 h.", "TIME", "2024-01-18T18:00"),
        ("Le suspect a été interpellé 6 h lundi.", "TIME", "2024-01-15T06:00"),
        ("Les secours sont arrivés lundi soir.", "TIME", "2024-01-15TEV"),
        ("Il a quitté l'hôtel le lendemain matin.", "TIME", "2024-01-18TMO"),
        ("La veille au soir, la tempête avait cessé.", "TIME", "2024-01-16TEV"),
        ("La livraison est prévue en fin de journée.", "TIME", "2024-01-17TDT"),
        ("Le rapport sera rendu en fin de semaine.", "DATE", "2024-W03"),
        ("Le soir du 3 février 2022, la salle était pleine.", "TIME", "2022-02-03TEV"),
        ("Il a été vu vers 9 heures de l'avant-midi au marché.", "TIME", "2024-01-17T09:00"),
    ],
)
def test_dates_day_with_time_or_part_of_day(text: str, type_: str, value: str) -> None:
    hit = _one(text)
    assert (hit.type, hit.value) == (type_, value)


def test_dates_day_and_time_with_a_word_between_stay_two() -> None:
    assert [t for t, _, _ in _dates("Le conseil se réunira jeudi à 18 h.")] == ["jeudi", "18 h"]


# --- relative expressions, with the values of TimeML --------------------------------------


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("Le lendemain, la grève était levée.", "DATE", "2024-01-18"),
        ("La veille, le préfet avait prévenu.", "DATE", "2024-01-16"),
        ("Le verdict tombera dans quelques semaines.", "DATE", "FUTURE_REF"),
        ("L'usine a fermé il y a plusieurs années.", "DATE", "PAST_REF"),
        ("Il a déménagé il y a 7 mois.", "DATE", "2023-06"),
        ("Le viaduc a été inauguré il y a 12 ans.", "DATE", "2012"),
        ("Le centre ouvrira dans 3 semaines.", "DATE", "2024-02-07"),
        ("Les ventes ont chuté ces derniers mois.", "DURATION", "PXM"),
        ("Le trafic a doublé ces trois dernières années.", "DURATION", "P3Y"),
    ],
)
def test_dates_relative_expressions(text: str, type_: str, value: str) -> None:
    hit = _one(text)
    assert (hit.type, hit.value) == (type_, value)
    assert hit.relative or hit.type == "DURATION"


def test_dates_by_a_year_bounds_it() -> None:
    hits = find_dates("Le réseau doit être rénové d'ici à 2028.", anchor=ANCHOR)
    year = [h for h in hits if h.value == "2028"]
    assert year and year[0].extra["bound"] == "to_inclusive"


# --- impossible dates are not dates --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le 32 mars, personne n'était là.",
        "Le 29 février 2023 n'a pas existé.",
        "La note du 31/06 est introuvable.",
        "Le 30 février, la neige est tombée.",
    ],
)
def test_dates_impossible_days_are_not_dates(text: str) -> None:
    assert [h for h in find_dates(text, anchor=ANCHOR) if h.type == "DATE"] == []


def test_dates_leap_day_is_a_date() -> None:
    assert _one("Le 29 février 2020, il est né.").value == "2020-02-29"


# --- durations, not times of day ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le magasin restera fermé pour quarante-huit heures.", "PT48H"),
        ("Ils ont négocié pendant 5 heures.", "PT5H"),
        ("La pluie est tombée toute la journée.", "P1D"),
        ("Les bénévoles ont travaillé toute la semaine.", "P1W"),
        ("Le pont a été construit en une année.", "P1Y"),
        ("La panne a duré durant 2 heures.", "PT2H"),
    ],
)
def test_dates_durations_after_pour_pendant_en(text: str, value: str) -> None:
    hit = _one(text)
    assert (hit.type, hit.value) == ("DURATION", value)


def test_dates_pour_with_a_clock_time_is_a_time() -> None:
    assert _one("La table est réservée pour 20 h.").type == "TIME"


# --- issue 19, item 7: the tense of the verb sets the direction ----------------------------

# The same weekday, weekend and day told in the past and in the future. With --fast the
# verb endings tell the tense; with the model, the morphologizer.
TENSE_CASES = [
    ("Jeudi, la direction a fait évacuer le campus.", "2024-01-11"),
    ("Jeudi, la direction fera évacuer le campus.", "2024-01-18"),
    ("Ce week-end, la direction a fait évacuer le campus.", "2024-W02-WE"),
    ("Ce week-end, la direction fera évacuer le campus.", "2024-W03-WE"),
    ("Le 12 mars, la mairie a voté le budget.", "2023-03-12"),
    ("Le 12 décembre, la mairie votera le budget.", "2024-12-12"),
]


@pytest.mark.parametrize(("text", "value"), TENSE_CASES)
def test_dates_tense_sets_direction_fast(text: str, value: str) -> None:
    assert _one(text).value == value


@pytest.mark.parametrize(("text", "value"), TENSE_CASES)
def test_dates_tense_sets_direction_with_the_model(nlp: Language, text: str, value: str) -> None:
    dates = run_text(nlp, text, ANCHOR).dates
    assert [d.value for d in dates] == [value]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # narrative present, December told in mid-January: last December
        ("Le 18 décembre, le conseiller lâche son mandat.", date(2024, 1, 15), "2023-12-18"),
        # the present of a coming event, a few months ahead: this year
        ("Le 18 septembre, le conseil vote le budget.", date(2024, 5, 15), "2024-09-18"),
        # a passive present ("est prévue") is not a past
        ("Une réunion est prévue le 26 janvier à Bruxelles.", date(2024, 1, 17), "2024-01-26"),
        # a date set in the past for the coming days
        ("Le procès a été renvoyé au 25 janvier.", date(2024, 1, 17), "2024-01-25"),
        # a line with no verb at all (a title) is told as the present, near the anchor
        ("Réveillon du 24 décembre : 40 interventions", date(2024, 1, 9), "2023-12-24"),
    ],
)
def test_dates_present_tense_with_the_model(
    nlp: Language, text: str, published: date, value: str
) -> None:
    dates = run_text(nlp, text, published).dates
    assert [d.value for d in dates if d.type == "DATE"] == [value]


def test_dates_incise_reporting_the_clause_does_not_set_its_dates_direction(
    nlp: Language,
) -> None:
    # (the incise's own weekday keeps the incise's tense)
    text = "Le péage baissera de 3 % au 1er mars, a annoncé lundi la préfète."
    dates = run_text(nlp, text, ANCHOR).dates
    assert [d.value for d in dates] == ["2024-03-01", "2024-01-15"]


def test_dates_fast_keeps_the_verb_endings_for_the_present() -> None:
    # no ending tells the narrative present: the anchor's year, as before
    hit = _one("Le 18 décembre, le conseiller lâche son mandat.", date(2024, 1, 15))
    assert hit.value == "2024-12-18"


def test_dates_range_end_in_an_earlier_month_is_next_years() -> None:
    hits = find_dates(
        "Les pompiers ont effectué 80 sorties dans la nuit du 31 décembre au 1er janvier.",
        anchor=date(2024, 1, 10),
    )
    assert [h.value for h in hits] == ["2023-12-31TNI", "2024-01-01"]


def test_dates_capitalised_unit_is_a_name() -> None:
    assert _dates("La commune prépare les Journées de l'artisanat.") == []
