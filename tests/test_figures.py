"""Behaviour of ``find_figures``, one test per behaviour, parametrised."""

from __future__ import annotations

from typing import Any

import pytest

from ami_facts.components.figures import find_figures
from ami_facts.french import false_positives as fp
from ami_facts.french import units
from ami_facts.french.numbers import (
    parse_digits,
    parse_number_words,
    parse_ordinal_words,
    strip_accents,
)
from ami_facts.french.units import UNIT_KINDS, match_unit
from ami_facts.hits import FigureHit
from fixture_paths import GOLD_DIR


def one(text: str) -> FigureHit:
    hits = find_figures(text)
    assert len(hits) == 1, [(h.text, h.value) for h in hits]
    return hits[0]


def values(text: str, **kw: Any) -> list[float | None]:
    return [h.value for h in find_figures(text, **kw)]


# --- digits -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.609 exemplaires", 2609),
        ("15.429 exemplaires", 15429),
        ("60.082.000 personnes", 60082000),
        ("6.700,54 euros", 6700.54),
    ],
)
def test_figures_thousands_dot_is_grouping(text: str, value: float) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("7.5 secondes", 7.5), ("0.050 g", 0.05), ("1.50 m", 1.5), ("32.2 degrés", 32.2)],
)
def test_figures_dot_not_followed_by_three_digits_is_decimal(text: str, value: float) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    "text", ["18 500 €", "18\u00a0500 €", "18\u202f500 €"], ids=["space", "nbsp", "nnbsp"]
)
def test_figures_space_nbsp_and_narrow_nbsp_group_thousands(text: str) -> None:
    assert one(text).value == 18500


@pytest.mark.parametrize(("text", "value"), [("2,5 %", 2.5), ("10,8 %", 10.8), ("0,38%", 0.38)])
def test_figures_decimal_comma(text: str, value: float) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("- 15 %", -15), ("+ 6 cm", 6), ("moins 27 °C", -27), ("-1,2M", -1200000)],
)
def test_figures_signs(text: str, value: float) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("1,5 million de voitures", 1.5e6, None),
        ("3 milliards d'euros", 3e9, "EUR"),
        ("25 M€", 25e6, "EUR"),
        ("10k", 1e4, None),
        ("2 Md€", 2e9, "EUR"),
        ("200 MF", 2e8, "FRF"),
    ],
)
def test_figures_multipliers(text: str, value: float, unit: str | None) -> None:
    hit = one(text)
    assert (hit.value, hit.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [("un quart de litre", 0.25), ("deux-tiers des votants", 2 / 3), ("3/4 de bol", 0.75)],
)
def test_figures_fractions(text: str, value: float) -> None:
    hit = one(text)
    assert hit.value is not None and abs(hit.value - value) < 1e-9


# --- words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("deux mille six cent neuf", 2609),
        ("soixante-dix", 70),
        ("soixante et onze", 71),
        ("quatre-vingt-dix", 90),
        ("quatre-vingts", 80),
        ("septante-huit", 78),
        ("huitante", 80),
        ("octante-huit", 88),
        ("nonante-neuf", 99),
        ("mille milliards", 10**12),
        ("un milliard vingt-cinq millions", 1025000000),
    ],
)
def test_figures_number_words(words: str, value: float) -> None:
    parsed = parse_number_words(words.replace("-", " ").split())
    assert parsed is not None and parsed[0] == value
    assert one(f"{words} euros").value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("une dizaine de wagons", 10),
        ("une centaine de salariés", 100),
        ("des milliers", 1000),
        ("des dizaines de milliers de manifestants", 10000),
    ],
)
def test_figures_collective_nouns_are_approximate(text: str, value: float) -> None:
    hit = one(text)
    assert (hit.value, hit.approximate) == (value, True)


@pytest.mark.parametrize(
    "text",
    [
        "un prototype présenté",
        "l'un des trains",
        "une voiture neuve",
        # an adjective between makes ``une`` an article before a unit too
        "une nouvelle journée de grève",
        "un autre mois de retard",
    ],
)
def test_figures_article_un_is_not_a_figure(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"), [("un an", 1, "year"), ("un million", 1e6, None)]
)
def test_figures_un_with_unit_or_multiplier_is_a_figure(
    text: str, value: float, unit: str | None
) -> None:
    hit = one(text)
    assert (hit.value, hit.unit) == (value, unit)


# --- qualifiers -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "environ 80%",
        "près de 2000",
        "aux environs de 650 commandes",
        "quasi 10 euros",
        "quelque 300 salariés",
        "autour de 50 km",
        "approximativement 3 heures",
        "~ 40 km",
        "Environ 290 personnes",
        "près d’un an",
        # ``environ`` set before the preposition of its verb (``s'établit environ à``)
        "la dette s'établit environ à 300 milliards",
    ],
)
def test_figures_approximate_qualifiers(text: str) -> None:
    assert one(text).approximate is True


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("plus de 2 millions d'habitants", "min"),
        ("au moins deux trains", "min"),
        ("au-delà de 100 km", "min"),
        ("supérieurs à 0,7% par an", "min"),
        ("dès 20 euros", "min"),
        ("pas moins de 30 salariés", "min"),
        ("moins de 10.000 habitants", "max"),
        ("jusqu'à 24 avions", "max"),
        ("jusqu’à 24 avions", "max"),
        ("au plus 3 jours", "max"),
        ("inférieur à 5 %", "max"),
        ("pas plus de 10 dollars", "max"),
    ],
)
def test_figures_bounds(text: str, bound: str) -> None:
    assert one(text).bound == bound


# --- ranges, alternatives, changes, lists ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("entre 5 et 10 exemplaires", 5, 10, None),
        ("de 5 à 10 euros", 5, 10, "EUR"),
        ("5-10 km", 5, 10, "km"),
        ("5 à 10 jours", 5, 10, "day"),
        ("5, 10 ou 15", 5, 15, None),
        ("250 ou 300 dm3", 250, 300, "dm3"),
    ],
)
def test_figures_ranges_and_alternatives(
    text: str, low: float, high: float, unit: str | None
) -> None:
    hit = one(text)
    assert (hit.value, hit.low, hit.high, hit.unit) == (None, low, high, unit)


def test_figures_change_is_two_figures() -> None:
    hits = find_figures("le coffre passe de 575 à 593 l")
    assert [(h.value, h.unit) for h in hits] == [(575, "l"), (593, "l")]


def test_figures_change_carries_multiplier_and_counted_noun() -> None:
    hits = find_figures("la population est passée de 1,2 à 3,6 millions d'habitants")
    assert [(h.value, h.counted) for h in hits] == [(1.2e6, "habitant"), (3.6e6, "habitant")]


def test_figures_range_carries_multiplier() -> None:
    hit = one("entre 2 et 3 milliards d'euros")
    assert (hit.low, hit.high, hit.unit) == (2e9, 3e9, "EUR")


def test_figures_respectively_list_carries_the_unit() -> None:
    hits = find_figures("respectivement 40 et 54 €")
    assert [(h.value, h.unit) for h in hits] == [(40, "EUR"), (54, "EUR")]


# --- units and kinds ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        ("20 €", "EUR", "money"),
        ("20 euros", "EUR", "money"),
        ("$10", "USD", "money"),
        ("10 dollars", "USD", "money"),
        ("150.000 F", "FRF", "money"),
        ("300 francs", "FRF", "money"),
        ("20 livres sterling", "GBP", "money"),
        ("38 francs suisses", "CHF", "money"),
        ("Fr. 120.-", "CHF", "money"),
        ("200 FF", "FRF", "money"),
        ("15 %", "%", "percent"),
        ("15 pour cent", "%", "percent"),
        ("355 pourcent", "%", "percent"),
        ("3 points", "point", "percent"),
        ("39,5 km", "km", "measure"),
        ("18 mètres", "m", "measure"),
        ("65 cm", "cm", "measure"),
        ("650 mm", "mm", "measure"),
        ("20 m2", "m2", "measure"),
        ("5 ha", "ha", "measure"),
        ("50,291 km / h", "km/h", "measure"),
        ("90 kilomètres-heure", "km/h", "measure"),
        ("2 kg", "kg", "measure"),
        ("3 tonnes", "t", "measure"),
        ("4 g", "g", "measure"),
        ("2 litres", "l", "measure"),
        ("250 ml", "ml", "measure"),
        ("2 dl", "dl", "measure"),
        ("300 dm3", "dm3", "measure"),
        ("3 m3", "m3", "measure"),
        ("5,5 kWh", "kWh", "measure"),
        ("6 kW", "kW", "measure"),
        ("1 600 mégawatts", "MW", "measure"),
        ("62 gigawatts", "GW", "measure"),
        ("un cargo filant à 14 nœuds", "kn", "measure"),
        ("une course de 600 milles nautiques", "nmi", "measure"),
        ("un voilier qui a couvert 3 500 milles", "nmi", "measure"),
        ("3 GWh", "GWh", "measure"),
        ("8 ch", "ch", "measure"),
        ("8 chevaux", "ch", "measure"),
        ("une pression de 12 bars", "bar", "measure"),
        ("220 V", "V", "measure"),
        ("300 Nm", "Nm", "measure"),
        ("6 000 tr/min", "rpm", "measure"),
        ("85 dB", "dB", "measure"),
        ("128 Go", "GB", "measure"),
        ("2 To", "TB", "measure"),
        ("5 000 mAh", "mAh", "measure"),
        ("4 500 milliampères-heure", "mAh", "measure"),
        ("60 Ah", "Ah", "measure"),
        ("400 kV", "kV", "measure"),
        ("60 W", "W", "measure"),
        ("un écran de 17 pouces", "inch", "measure"),
        ("37 °C", "°C", "measure"),
        ("70 °F", "°F", "measure"),
        ("21 kelvins", "K", "measure"),
        ("30 secondes", "s", "duration"),
        ('41 "', "s", "duration"),
        ("5 minutes", "min", "duration"),
        ("2 heures", "h", "duration"),
        ("3 jours", "day", "duration"),
        ("2 semaines", "week", "duration"),
        ("3 mois", "month", "duration"),
        ("44 ans", "year", "duration"),
        ("deux années", "year", "duration"),
        ("2 tasses", "cup", "measure"),
    ],
)
def test_figures_units_and_kinds(text: str, unit: str, kind: str) -> None:
    hit = one(text)
    assert (hit.unit, hit.kind) == (unit, kind)


@pytest.mark.parametrize(
    "text", ["le CAC 40 a perdu 1,5 point", "le Dow Jones finit à 4.532,12 points"]
)
def test_figures_index_points_are_not_percentage_points(text: str) -> None:
    hit = one(text)
    assert (hit.unit, hit.kind, hit.counted) == (None, "count", "point")


def test_figures_every_unit_has_a_kind() -> None:
    for text, unit in [("km", "km"), ("€", "EUR"), ("%", "%"), ("mois", "month")]:
        found = match_unit(text, 0)
        assert found is not None and found[0] == unit and unit in UNIT_KINDS


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2'24 \"", 144),
        ("37 h 32'48 \"", 135168),
        ("pendant 1 h 30", 90),
        ("environ 1h30", 90),
        ("La finale a duré 2 h 52.", 172),
        ("Le film dure 1 h 05, générique compris.", 65),
        ("en 27'45\"12", 1665.12),
    ],
)
def test_figures_compound_durations(text: str, value: float) -> None:
    assert one(text).value == value


# --- rates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("650 commandes chaque mois", "month"),
        ("650 commandes par mois", "month"),
        ("100 €/mois", "month"),
        ("300 euros mensuels", "month"),
        ("0,38% par an", "year"),
        ("2 milliards annuels", "year"),
        ("9 kilomètres de réseau tous les ans", "year"),
        ("5 l/100 km", "100km"),
        ("2,10 €/l", "l"),
        ("400 euros par habitant", "person"),
        ("3 trains par jour", "day"),
        ("3 500 euros brut par mois", "month"),
        ("2 réunions par semaine", "week"),
        ("5,8 l aux 100 km", "100km"),
        ("16,4 kWh aux 100 km", "100km"),
    ],
)
def test_figures_rates(text: str, per: str) -> None:
    assert one(text).per == per


# --- counted noun ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("650 commandes", "commande"),
        ("2.609 exemplaires du modèle", "exemplaire"),
        ("24 avions de combat", "avion de combat"),
        ("1 000 blessés", "blessé"),
        ("3 points de recharge", "point de recharge"),
        ("10 nouveaux modèles", "modèle"),
        ("9 petits km/h", None),
        ("quatre départements d'outre-mer", "département d'outre-mer"),
        ("8 chevaux de course", None),
        ("12 journaux", "journal"),
        ("20 colis", "colis"),
    ],
)
def test_figures_counted_noun_lemma(text: str, counted: str | None) -> None:
    assert one(text).counted == counted


@pytest.mark.parametrize(
    "text", ["3 millions de véhicules l'an dernier", "300 ventes le mois passé"]
)
def test_figures_last_year_is_a_date_not_a_rate(text: str) -> None:
    assert one(text).per is None


@pytest.mark.parametrize(
    "text",
    [
        "un préjudice chiffré à 2 millions d'euros par l'Assemblée",
        "une aide de 4 000 euros par l'intermédiaire de la mairie",
        "12 tonnes par l’administration des douanes",
    ],
)
def test_figures_an_elided_article_after_par_is_no_litre(text: str) -> None:
    hit = one(text)
    assert hit.per is None and "par" not in hit.text


def test_figures_bare_amount_with_multiplier_takes_the_unit_before_it() -> None:
    hits = find_figures("19,7 milliards de dollars contre 18,5 milliards en février")
    assert [(h.value, h.unit) for h in hits] == [(19.7e9, "USD"), (18.5e9, "USD")]


def test_figures_bare_count_takes_the_counted_noun_before_it() -> None:
    hits = find_figures("Environ 290 personnes sont mortes et 900 ont été blessées.")
    assert [h.counted for h in hits] == ["personne", "personne"]


# --- ranks and naming ordinals ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("la Citroën serait deuxième de ce marché", 2),
        ("il termine 3e", 3),
        ("sa 35e victoire", 35),
        ("la première place du classement", 1),
        ("se classant troisième après", 3),
        ("le 1er du classement", 1),
    ],
)
def test_figures_ordinals_that_rank(text: str, value: float) -> None:
    hit = one(text)
    assert (hit.kind, hit.value) == ("rank", value)


@pytest.mark.parametrize(
    "text",
    [
        "la seizième édition",
        "la 28ème Rencontre",
        "au XIXe siècle",
        "le second aqueduc",
        "Huitième étape",
        "le Premier ministre",
        "boulevard du 26e-RI",
        "à la seconde près",
        "Seconde Guerre mondiale",
        # the noun: a first-time event
        "une alerte rouge, une première depuis 2019.",
        "C'est une première en Europe.",
    ],
)
def test_figures_ordinals_that_only_name(text: str) -> None:
    assert find_figures(text) == []


def test_figures_ordinal_that_selects_is_not_a_rank() -> None:
    hit = one("la première des deux étapes")
    assert (hit.text, hit.kind, hit.counted) == ("deux étapes", "count", "étape")


def test_figures_results_table_ranks() -> None:
    hits = find_figures('Général : 1. Olano (Esp) 37 h 32\'48 ". 2. Jalabert (Fr) à 41 ".')
    assert [(h.kind, h.value) for h in hits] == [
        ("rank", 1),
        ("duration", 135168),
        ("rank", 2),
        ("duration", 41),
    ]


def test_figures_les_dix_premiers_is_a_rank_bound() -> None:
    hit = one("je reste dans les dix premiers")
    assert (hit.kind, hit.value, hit.bound) == ("rank", 10, "max")


# --- false positives: one test per rule -------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Covid-19", "la 2CV", "la e-2008", "une BMW M3", "la BVA8", "Free2Move"]
)
def test_false_positive_name_or_code(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text", ["la Peugeot 208 est", "la norme Euro 6 impose", "la vignette Crit'Air 3 est"]
)
def test_false_positive_model_or_label(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [("C'est 10 000 de plus que l'an dernier.", "10 000"), ("Qu'il reste 40 places.", "40")],
)
def test_figures_after_an_elided_word_opening_the_sentence_are_no_model(
    text: str, number: str
) -> None:
    assert [h.text[: len(number)] for h in find_figures(text)] == [number]


@pytest.mark.parametrize(
    "text",
    [
        "voir page 3",
        "l'article 49.3 de la Constitution",
        "le n°2",
        "au 12 rue de Metz",
        "l'article 1er",
        "la route départementale 941 est coupée",
        "sur la nationale 20 près d'Orléans",
    ],
)
def test_false_positive_reference(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "en 2020",
        "depuis 1975",
        "Puis est arrivé 2021 et sa magie",
        "en 97",
        "les années 60",
        "dès 2025",
        "jusqu'à 2030",
    ],
)
def test_false_positive_year(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    ["le 25 juillet", "le 1er février", "le 8 mars dernier", "du 3 au 5 mars", "le 11-Septembre"],
)
def test_false_positive_day_of_month(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize("text", ["à 14h30", "vers 22 h", "à 9:45"])
def test_false_positive_time_of_day(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text", ["appelez le 01 42 43 56 78", "au 01.42.43.56.78", "+33 1 42 43 56 78"]
)
def test_false_positive_phone(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text", ["https://www.exemple.fr/article-2021/12", "écrire à jean.dupont75@exemple.fr"]
)
def test_false_positive_url_and_email(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "le PSG s'est imposé 2-0 face à l'OM",
        "victoire 3-1 du Stade",
        "il mène 6-4, 3-2",
        "Davos - Berne 4-2 (1-0 2-1 1-1).",
        # verbs of a heavy win or of a loss
        "Le Stade brestois écrase Lorient 5-1",
        "Rennes s'incline 0-2 à Lens.",
    ],
)
def test_false_positive_score(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text", ["Lyon 3e (69003)", "Appartement à Mions ( 69780 )", "à Nancy (54) hier"]
)
def test_false_positive_postcode(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize("text", ["une note de 12/20", "ouvert 24h/24 et 7j/7"])
def test_false_positive_ratio_or_grade(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text", ["Il y a un an environ, Citroën lançait l'Ami", "trois mois plus tôt, il partait"]
)
def test_false_positive_relative_date(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text", ["les Quinze ont décidé", "l'Europe des Vingt-Sept réunie", "sur le Pont-Neuf"]
)
def test_false_positive_capitalised_number_word(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text", ["un quart de finale", "les huitièmes de finale", "en demi-finale"]
)
def test_false_positive_tournament_round(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize("name", sorted(fp.RULES))
def test_false_positive_rules_are_registered(name: str) -> None:
    assert callable(fp.RULES[name])


# --- arguments ---------------------------------------------------------------------------------


def test_figures_excluded_ranges_drop_hits_starting_inside() -> None:
    text = "Il a vendu 300 voitures. Lire aussi : 5 conseils"
    cut = text.index("Lire")
    assert values(text, excluded=[(cut, len(text))]) == [300]


def test_figures_blocked_ranges_are_dates() -> None:
    text = "il y a eu 3 mois de travaux le 25 mai"
    assert values(text, blocked=[(text.index("3"), text.index("3") + 6)]) == []


def test_figures_spans_and_number_core() -> None:
    text = "soit aux environs de 650 commandes chaque mois"
    hit = one(text)
    assert text[hit.start : hit.end] == hit.text == "aux environs de 650 commandes chaque mois"
    assert text[hit.number_start : hit.number_end] == "650"


@pytest.mark.parametrize(("raw", "value"), [("01.42.43", None), ("1.2.3", None), (",5", 0.5)])
def test_figures_parse_digits_edge_cases(raw: str, value: float | None) -> None:
    assert parse_digits(raw) == value


def test_figures_empty_text() -> None:
    assert find_figures("") == []


def _unit_by_whole_pattern(text: str, pos: int) -> tuple[str, int] | None:
    m = units.UNIT_RE.match(text, pos)
    if m is None or m.end() == pos or m.lastgroup is None:
        return None
    return units._UNIT_BY_GROUP[m.lastgroup], m.end()


@pytest.mark.parametrize(
    "text",
    [
        *(p.read_text(encoding="utf-8") for p in sorted((GOLD_DIR / "articles").glob("*.txt"))),
        "5 km/h, 3 ſecondes, 2 K€, 10 Mds $, 4 KM, 7 kWh, 1,5 M€ et 3 h 20 ; 8 Ko, 9 sq ft",
    ],
)
def test_unit_lookup_by_first_character_finds_what_the_whole_unit_pattern_finds(
    text: str,
) -> None:
    found = [match_unit(text, pos) for pos in range(len(text))]
    assert found == [_unit_by_whole_pattern(text, pos) for pos in range(len(text))]
    assert any(found)


# --------------------------------------------------------------------------- number words


@pytest.mark.parametrize(
    ("tokens", "read"),
    [
        (["vingt", "et", "unième"], (21.0, 3)),
        (["mille", "deux", "cent", "trentième"], (1230.0, 4)),
        (["vingtième"], (20.0, 1)),
        (["millième"], (1000.0, 1)),  # a big number alone
        (["deuxième", "étape"], (2.0, 1)),  # the words after it are left
        (["premier"], (1.0, 1)),
        (["second"], (2.0, 1)),
        (["unième"], None),  # only after another number
        (["deux", "premier"], None),  # premier and second stand alone
        (["trois", "chats"], None),  # no ordinal word
        (["cent", "et", "un", "pommes"], None),
        (["bleu", "troisième"], None),  # a word that is no number first
        ([], None),
    ],
)
def test_numbers_ordinal_words_read_the_whole_number(
    tokens: list[str], read: tuple[float, int] | None
) -> None:
    assert parse_ordinal_words(tokens) == read


@pytest.mark.parametrize(
    ("word", "plain"), [("élève", "eleve"), ("Zoé à ça", "Zoe a ca"), ("zéro", "zero"), ("", "")]
)
def test_numbers_strip_accents_keeps_the_letters(word: str, plain: str) -> None:
    assert strip_accents(word) == plain


@pytest.mark.parametrize(
    "text", ["Citroën ressuscite la 2CV en électrique.", "Il a restauré la 4L de son père."]
)
def test_capital_unit_glued_to_a_number_after_a_singular_article_names_a_model(text: str) -> None:
    assert find_figures(text) == []


def test_capital_unit_glued_to_a_number_still_measures_without_the_article() -> None:
    assert [h.text for h in find_figures("Le réservoir contient 4L de plus.")] == ["4L"]
