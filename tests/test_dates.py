"""Behaviour of the French TIMEX3 extractor, one behaviour per test, inline expectations."""

from __future__ import annotations

import json
import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ami_facts.components.dates import Resolution, find_byline_date, find_dates, gated_search
from ami_facts.hits import DateHit
from fixture_paths import FIXTURES

A21 = date(2021, 4, 15)  # a Thursday
A99 = date(1999, 5, 21)  # a Friday


def one(text: str, anchor: date | None = A21, **kw: object) -> DateHit:
    hits = find_dates(text, anchor=anchor, **kw)  # type: ignore[arg-type]
    assert len(hits) == 1, [(h.text, h.value) for h in hits]
    return hits[0]


def values(text: str, anchor: date | None = A21) -> list[tuple[str, str, str]]:
    return [(h.text, h.type, h.value) for h in find_dates(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "span", "value", "start", "end"),
    [
        (
            "La production a repris le 25 juillet 2021.",
            "le 25 juillet 2021",
            "2021-07-25",
            "2021-07-25",
            "2021-07-25",
        ),
        ("Signé le 25/07/2021 à Paris.", "le 25/07/2021", "2021-07-25", "2021-07-25", "2021-07-25"),
        ("Lancée en juillet 2021, elle", "juillet 2021", "2021-07", "2021-07-01", "2021-07-31"),
        ("Ainsi en 2020, la marque", "2020", "2020", "2020-01-01", "2020-12-31"),
        ("la meilleure voiture depuis l'an 2000", "l'an 2000", "2000", "2000-01-01", "2021-04-15"),
        (
            "Le 1er janvier 2022 entre en vigueur",
            "Le 1er janvier 2022",
            "2022-01-01",
            "2022-01-01",
            "2022-01-01",
        ),
        ("Le 31 octobre 74, il", "Le 31 octobre 74", "1974-10-31", "1974-10-31", "1974-10-31"),
        (
            "un chiffre de 2 000 habitants en 1999-12-31.",
            "1999-12-31",
            "1999-12-31",
            "1999-12-31",
            "1999-12-31",
        ),
    ],
)
def test_dates_absolute_forms(text: str, span: str, value: str, start: str, end: str) -> None:
    h = one(text)
    assert (h.text, h.type, h.value, h.start_date, h.end_date) == (span, "DATE", value, start, end)
    assert h.text == text[h.start : h.end]


@pytest.mark.parametrize(
    ("text", "value", "start", "end"),
    [
        (
            "la reprise de la production fin février dans l'usine",
            "2021-02",
            "2021-02-21",
            "2021-02-28",
        ),
        ("une livraison début mars", "2021-03", "2021-03-01", "2021-03-10"),
        ("une livraison mi-mars", "2021-03", "2021-03-11", "2021-03-20"),
        ("une livraison à la fin du mois de juin", "2021-06", "2021-06-21", "2021-06-30"),
    ],
)
def test_dates_debut_mi_fin_month_thirds(text: str, value: str, start: str, end: str) -> None:
    h = one(text)
    assert (h.value, h.start_date, h.end_date, h.relative) == (value, start, end, True)


def test_dates_fin_month_covers_days_21_to_end() -> None:
    h = one("fin février 2024", anchor=None)
    assert (h.value, h.start_date, h.end_date, h.relative) == (
        "2024-02",
        "2024-02-21",
        "2024-02-29",
        False,
    )


def test_dates_depuis_debut_month_runs_to_anchor() -> None:
    h = one("près de 2000 depuis début février")
    assert (h.text, h.value, h.start_date, h.end_date) == (
        "début février",
        "2021-02",
        "2021-02-01",
        "2021-04-15",
    )
    assert h.extra.get("depuis") == "true"


@pytest.mark.parametrize(
    ("text", "value", "start", "end", "relative"),
    [
        ("au niveau du dernier trimestre 2020", "2020-Q4", "2020-10-01", "2020-12-31", False),
        ("au premier trimestre 2019", "2019-Q1", "2019-01-01", "2019-03-31", False),
        ("sur le premier semestre", "2021-H1", "2021-01-01", "2021-06-30", True),
        ("au second semestre 2020", "2020-H2", "2020-07-01", "2020-12-31", False),
    ],
)
def test_dates_quarters_and_halves(
    text: str, value: str, start: str, end: str, relative: bool
) -> None:
    h = one(text)
    assert (h.value, h.start_date, h.end_date, h.relative) == (value, start, end, relative)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Il a été hospitalisé hier.", "2021-04-14"),
        ("Il arrive demain.", "2021-04-16"),
        ("C'est aujourd'hui que tout change.", "2021-04-15"),
        ("Il était là avant-hier.", "2021-04-13"),
        ("La production a progressé l'an dernier.", "2020"),
        ("Elle progresse cette année.", "2021"),
        ("Rendez-vous le mois prochain.", "2021-05"),
        ("Il y a un an environ, Citroën lançait", "2020-04"),
        ("Rendez-vous dans trois semaines.", "2021-05-06"),
        ("le 8 mars dernier", "2021-03-08"),
        ("en juin prochain", "2021-06"),
        ("la semaine dernière", "2021-W14"),
    ],
)
def test_dates_relative_resolved_against_anchor(text: str, value: str) -> None:
    h = one(text)
    assert (h.type, h.value, h.relative, h.anchor) == ("DATE", value, True, "2021-04-15")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Il est venu mardi.", "XXXX-WXX-2"),
        ("vendredi soir, le train", "XXXX-WXX-5TEV"),
        ("la production fin février", "XXXX-02"),
        ("Il a été hospitalisé hier.", "XXXX-XX-XX"),
        ("elle progresse cette année", "XXXX"),
    ],
)
def test_dates_unresolved_without_anchor(text: str, value: str) -> None:
    h = one(text, anchor=None)
    assert h.value == value
    assert h.start_date is None and h.anchor is None


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # French TimeBank news convention: the nearest such day, tense breaking the tie
        ("hospitalisé dans un état grave, mardi vers 21 h 45", date(1999, 5, 20), "1999-05-18"),
        ("Maceo Parker à Besançon mardi.", date(1999, 5, 30), "1999-06-01"),
        ("LE VILLAGE FERA LA FETE DIMANCHE.", date(1999, 5, 18), "1999-05-23"),
        ("Il a démissionné mercredi dernier.", date(1999, 7, 28), "1999-07-21"),
        ("Il viendra jeudi prochain.", date(1999, 7, 28), "1999-07-29"),
        ("Ce dimanche, de 18 h à 23 h", date(1999, 7, 18), "1999-07-18"),
    ],
)
def test_dates_weekday_news_convention(text: str, anchor: date, value: str) -> None:
    hits = find_dates(text, anchor=anchor)
    assert hits[0].value == value


@pytest.mark.parametrize(
    ("direction", "value"),
    [("past", "2021-04-13"), ("future", "2021-04-20"), ("nearest", "2021-04-13")],
)
def test_dates_weekday_direction_option(direction: str, value: str) -> None:
    h = one("mardi", resolution=Resolution(weekday=direction))  # type: ignore[arg-type]
    assert h.value == value


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("mardi soir", "TIME", "2021-04-13TEV"),
        ("hier soir", "TIME", "2021-04-14TEV"),
        ("hier matin", "TIME", "2021-04-14TMO"),
        ("ce soir", "TIME", "2021-04-15TEV"),
        ("à 14h30", "TIME", "2021-04-15T14:30"),
        ("à partir de 22 h", "TIME", "2021-04-15T22:00"),
        ("vers midi", "TIME", "2021-04-15T12:00"),
    ],
)
def test_dates_times_of_day(text: str, type_: str, value: str) -> None:
    h = one(text)
    assert (h.type, h.value) == (type_, value)


def test_dates_time_takes_the_day_named_before_it() -> None:
    hits = find_dates("Le mariage aura lieu samedi 24 juillet à 15 h 45.", anchor=date(1999, 7, 23))
    assert [(h.text, h.value) for h in hits] == [
        ("samedi 24 juillet", "1999-07-24"),
        ("15 h 45", "1999-07-24T15:45"),
    ]


def test_dates_merge_day_time_option() -> None:
    h = one("après-demain à 11H", resolution=Resolution(merge_day_time=True))
    assert (h.type, h.value) == ("TIME", "2021-04-17T11:00")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("après 3 mois d'arrêt", "3 mois", "P3M"),
        ("distribuées depuis 44 ans", "44 ans", "P44Y"),
        ("en près de 8 mois, la marque", "près de 8 mois", "P8M"),
        ("il devance Irvine de 30,4 secondes", "30,4 secondes", "PT30.4S"),
        ("a achevé deux jours de négociations", "deux jours", "P2D"),
        ("travaille depuis plusieurs mois", "plusieurs mois", "PXM"),
        ("en moins de deux mois", "moins de deux mois", "P2M"),
        ("pendant quarante-quatre ans", "quarante-quatre ans", "P44Y"),
        ("un quinquennat de cohérence", "quinquennat", "P5Y"),
        ("Zulle concédant 2'24 \" à Olano", "2'24 \"", "PT2M24S"),
    ],
)
def test_dates_durations(text: str, span: str, value: str) -> None:
    h = one(text)
    assert (h.text, h.type, h.value) == (span, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("326 chaque mois", "P1M"),
        ("renouvelés tous les ans", "P1Y"),
        ("0,38% par an", "P1Y"),
        ("tous les jeudis", "XXXX-WXX-4"),
    ],
)
def test_dates_sets(text: str, value: str) -> None:
    h = one(text)
    assert (h.type, h.value) == ("SET", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("prochainement sur le marché", "FUTURE_REF"),
        ("actuellement en vente", "PRESENT_REF"),
        ("autrefois, on", "PAST_REF"),
    ],
)
def test_dates_present_past_future_refs(text: str, value: str) -> None:
    h = one(text)
    assert (h.type, h.value, h.relative) == ("DATE", value, True)


@pytest.mark.parametrize(
    "text",
    [
        "La marque a pris 2000 commandes.",
        "soit près de 2000 depuis début février",
        "un budget de 2021 euros",
        "Il a été heurté par une voiture.",
        "Jean Burget, 87 ans, a été heurté",
        "page 1/1",
        "composez le 06 12 34 56 78",
        "Le score est de 3-1.",
        "la planète Mars est rouge",
        "la Citroën fut très longue à prendre son envol",
    ],
)
def test_dates_counts_ages_and_lookalikes_are_not_dates(text: str) -> None:
    assert all(
        h.value not in ("2000", "2021") and h.type != "DURATION"
        for h in find_dates(text, anchor=A21)
    )
    if "février" not in text:
        assert values(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("utilisée depuis les années 60", "196X"),
        ("les années 1990", "199X"),
        ("à la fin du XIXe siècle", "18XX"),
        ("au XXIe siècle", "20XX"),
    ],
)
def test_dates_decades_and_centuries(text: str, value: str) -> None:
    assert one(text).value == value


def test_dates_bare_month_takes_year_named_earlier_in_sentence() -> None:
    hits = find_dates(
        "deux ruptures en 97 (en janvier rue Saint-Dizier, en octobre rue de Metz)",
        anchor=date(1999, 7, 29),
    )
    assert [h.value for h in hits] == ["1997", "1997-01", "1997-10"]


def test_dates_year_at_sentence_start_or_after_verb() -> None:
    assert values("Puis est arrivé 2021 et sa fameuse magie !") == [("2021", "DATE", "2021")]


def test_dates_seasons() -> None:
    assert one("à l'automne").value == "2021-FA"
    assert one("au printemps 2020").value == "2020-SP"
    assert one("la demande augmente en été", anchor=date(1999, 8, 6)).value == "XXXX-SU"


def test_dates_season_not_begun_told_in_the_past_by_its_verb_is_last_years() -> None:
    may = date(2021, 5, 10)
    assert one("La marque a fermé deux usines à l'automne.", anchor=may).value == "2020-FA"
    assert one("La marque fermera deux usines à l'automne.", anchor=may).value == "2021-FA"
    # (the verb after the season is another clause's: the season is still ahead)
    assert one("Un scrutin à l'automne semblait acquis.", anchor=may).value == "2021-FA"
    # (a season already begun is this year's in any tense)
    assert one("Les ventes ont reculé au printemps.", anchor=may).value == "2021-SP"


def test_dates_holidays() -> None:
    assert one("à Noël 2020").value == "2020-12-25"
    assert one("le lundi de Pâques", anchor=date(2021, 1, 10)).value == "2021-04-05"


def test_dates_excluded_ranges_drop_hits_starting_inside() -> None:
    text = "En 2020 il vend. Source: 3 juin 2023"
    assert [h.value for h in find_dates(text, anchor=None, excluded=[(16, len(text))])] == ["2020"]


def test_byline_date_and_range() -> None:
    text = "Par Jean. Publié le 21/07/2021 à 10h30 - Mis à jour le 24/12/2021 à 12:00\nLe texte."
    got = find_byline_date(text)
    assert got is not None
    d, (s, e) = got
    assert d == date(2021, 7, 21)
    assert text[s:e].startswith("Publié le 21/07/2021") and text[s:e].endswith("12:00")
    assert find_byline_date("Pas de date ici.") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_dates_never_raise_and_offsets_hold(text: str) -> None:
    for anchor in (None, A21):
        for h in find_dates(text, anchor=anchor):
            assert 0 <= h.start < h.end <= len(text)
            assert h.text == text[h.start : h.end]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "le",
                "25",
                "juillet",
                "2021",
                "mardi",
                "soir",
                "à",
                "14h30",
                "fin",
                "février",
                "depuis",
                "3",
                "mois",
                "'",
                "/",
                "-",
                " ",
                "\n",
                "é",
                "2'24",
                '"',
                "il y a",
                "dans",
            ]
        ),
        max_size=40,
    )
)
def test_dates_never_raise_on_date_like_soup(parts: list[str]) -> None:
    text = " ".join(parts)
    for h in find_dates(text, anchor=A21):
        assert h.text == text[h.start : h.end]


@pytest.mark.parametrize(
    ("text", "range_from", "range_to"),
    [
        ("du 13 au 15 juillet", "2021-07-13", "2021-07-15"),
        ("du samedi 13 au dimanche 15 juillet", "2021-07-13", "2021-07-15"),
        ("entre le 10 juin et le 1er juillet", "2021-06-10", "2021-07-01"),
        ("de 9 h 30 à 11 h", "2021-04-15T09:30", "2021-04-15T11:00"),
    ],
)
def test_dates_ranges_merged_only_on_request(text: str, range_from: str, range_to: str) -> None:
    h = one(text, resolution=Resolution(merge_ranges=True))
    assert (h.extra["range_from"], h.extra["range_to"]) == (range_from, range_to)
    assert len(find_dates(text, anchor=A21)) == 2  # FTiB convention: two expressions


@pytest.mark.parametrize(
    ("text", "bound"),
    [("à partir du 8 mars", "from"), ("avant 16 h", "to"), ("jusqu'au 30 juin", "to_inclusive")],
)
def test_dates_open_bounds_in_extra(text: str, bound: str) -> None:
    assert one(text).extra["bound"] == bound


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("le premier mercredi du mois prochain", "2021-05-05"),
        ("le dernier jour d'octobre 2015", "2015-10-31"),
        ("la dernière semaine de septembre 2014", "2014-W39"),
        ("trois jours après le 14 juillet", "2021-07-17"),
        ("deux jours plus tard", "2021-04-17"),
        ("le lendemain", "2021-04-16"),
    ],
)
def test_dates_days_counted_from_another_day(text: str, value: str) -> None:
    assert one(text).value == value


def test_dates_weekday_span_is_habitual_not_a_date() -> None:
    assert values("Ouvert du lundi au samedi.") == []


def test_dates_two_digit_year_needs_punctuation_after_it() -> None:
    assert [h.value for h in find_dates("le 6 juin 12 personnes", anchor=A21)] == ["2021-06-06"]
    assert [h.value for h in find_dates("le 21 octobre.\n\n14 septembre 2019", anchor=A21)] == [
        "2021-10-21",
        "2019-09-14",
    ]


def test_byline_author_then_date() -> None:
    got = find_byline_date("Par  Thomas Lecomte\n Le 2 novembre 2023 à 16h17\nUn vent")
    assert got is not None and got[0] == date(2023, 11, 2)


@pytest.mark.parametrize(
    "unit",
    [
        "mardi soir ",
        "2020-",
        "12 h ",
        "1 ",
        "de ",
        "2'2",
        '4 "',
        "il y a ",
        "le 3 mars ",
        "vingt et un ",
    ],
)
def test_dates_linear_time_on_repetitive_text(unit: str) -> None:
    text = unit * (20_000 // len(unit))
    # A guard against catastrophic backtracking (seconds vs hours), not a speed test:
    # speed is measured by benchmarks/throughput.py.
    t0 = time.process_time()
    hits = find_dates(text, anchor=A21)
    assert time.process_time() - t0 < 10.0
    assert all(h.text == text[h.start : h.end] for h in hits)


def _long_texts() -> dict[str, str]:
    gold = sorted((FIXTURES / "gold" / "articles").glob("*.txt"))
    peers = (FIXTURES / "peers" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return {
        "gold articles": "\n\n".join(p.read_text(encoding="utf-8") for p in gold),
        "peer sentences": "\n\n".join(json.loads(line)["text"] for line in peers),
        # the words that open a pattern's gate come late in these
        "long expressions in prose": " Les élus ont voté le texte sans débat. ".join(
            [
                "au cours des quatre-vingt-dix-neuf derniers jours",
                "dans les vingt-quatre heures qui viennent",
                "il y a vingt-cinq ans et demi",
                "au cours des trois premiers mois de l'année dernière",
                "le mardi 3 mars 2020 à 14 h 30",
                "pendant les deux cent cinquante dernières années",
            ]
            * 30
        ),
    }


@pytest.mark.parametrize("name", ["gold articles", "peer sentences", "long expressions in prose"])
def test_dates_searched_near_gate_words_equal_a_whole_text_search(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _long_texts()[name]
    near_gates = find_dates(text, anchor=A21)
    # windows as wide as the text: every pattern whose gate opens scans all of it
    monkeypatch.setattr(gated_search, "_WINDOW_BEFORE", len(text))
    whole_text = find_dates(text, anchor=A21)
    assert len(whole_text) > 100
    assert near_gates == whole_text


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # told in the past while the half is not over: last year's half
        ("Les ventes ont reculé au premier semestre.", date(2024, 5, 10), "2023-H1"),
        ("Les ventes ont reculé au premier semestre.", date(2024, 6, 30), "2023-H1"),
        # over: this year's
        ("Les ventes ont reculé au premier semestre.", date(2024, 9, 1), "2024-H1"),
        # told in the present: this year's
        ("Les ventes reculent au premier semestre.", date(2024, 5, 10), "2024-H1"),
        # a deadline lies ahead, whatever the tense
        (
            "Le groupe avait promis un accord jusqu'au premier semestre.",
            date(2024, 5, 10),
            "2024-H1",
        ),
        ("Jusqu'au premier semestre, les ventes ont reculé.", date(2024, 5, 10), "2024-H1"),
    ],
)
def test_dates_period_without_a_year_told_in_the_past_is_the_last_finished_one(
    text: str, anchor: date, value: str
) -> None:
    [hit] = find_dates(text, anchor=anchor)
    assert hit.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rendez-vous mardi.", "2024-03-19"),  # the nearest Tuesday to Saturday 16
        ("Rendez-vous mardi dernier.", "2024-03-12"),
        ("Rendez-vous mardi passé.", "2024-03-12"),
        ("Rendez-vous mardi précédent.", "2024-03-12"),
    ],
)
def test_dates_weekday_said_to_be_past_is_the_one_before(text: str, value: str) -> None:
    [hit] = find_dates(text, anchor=date(2024, 3, 16))
    assert hit.value == value


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Le tournoi finira trois jours après le 14 juillet.",
            [("trois jours après le 14 juillet", "2024-07-17", "2024-07-17", "2024-07-17", True)],
        ),
        (
            "Le trafic sera coupé entre 0 h 30 et 4 h mardi.",
            [
                # a time followed by its day is one expression (``4 h mardi``)
                ("0 h 30", "2024-03-19T00:30", "2024-03-19", "2024-03-19", True),
                ("4 h mardi", "2024-03-19T04:00", "2024-03-19", "2024-03-19", True),
            ],
        ),
    ],
)
def test_dates_shifted_day_and_times_before_their_day_give_the_whole_interval(
    text: str, found: list[tuple[str, str, str, str, bool]]
) -> None:
    hits = find_dates(text, anchor=date(2024, 3, 15))
    assert [(h.text, h.value, h.start_date, h.end_date, h.relative) for h in hits] == found
