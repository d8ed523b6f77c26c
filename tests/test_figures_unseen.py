"""Behaviour of ``find_figures`` on news sentences unlike the gold fixtures.

Each case comes from probing unseen French news text (economy, sport, justice,
weather, tech); the rule it checks is general, not tied to the sentence.
"""

from __future__ import annotations

import pytest

from ami_facts.components.figures import find_figures
from ami_facts.french.words import singular


def by_text(text: str) -> dict[str, object]:
    return {h.text: h for h in find_figures(text)}


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Environ 3\u00a0000 stations-service ont été en rupture.", "station-service"),
        ("Il reste 12 wagons-lits en service.", "wagon-lit"),
        ("Près de 15\u202f000 décès ont été recensés.", "décès"),
        ("Le tribunal a tenu 40 procès cette année.", "procès"),
    ],
)
def test_hyphenated_and_invariable_counted_nouns_keep_their_lemma(text: str, counted: str) -> None:
    hits = find_figures(text)
    assert [h.counted for h in hits] == [counted]


@pytest.mark.parametrize(
    "text",
    [
        "Elle devance la Kia EV.9 en ville.",
        "La Mazda MX-30 arrive.",
        "Le SARS-2 circule encore.",
    ],
)
def test_a_number_glued_to_a_short_capitalised_name_is_part_of_the_name(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Près de 9 millions de Français partent au ski.", "français"),
        ("Quelque 2 500 Lyonnais ont défilé.", "lyonnais"),
        ("Les 300 Espagnols du club sont arrivés.", "espagnol"),
        ("Environ 40 000 Européennes travaillent ici.", "européenne"),
        # a capitalised name after a number that names no people is no counted noun
        ("Il a passé 3 Noëls loin de chez lui.", None),
    ],
)
def test_a_people_named_after_its_place_is_a_counted_noun(text: str, counted: str | None) -> None:
    assert [h.counted for h in find_figures(text)] == [counted]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("stations-service", "station-service"),
        ("grands-parents", "grand-parent"),
        ("abcès", "abcès"),
        ("rendez-vous", "rendez-vous"),
    ],
)
def test_singular_of_compounds_and_words_in_es(word: str, lemma: str) -> None:
    assert singular(word) == lemma


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement prévoit 20 milliards l’an prochain.",
        "Il investira 3 millions l'an prochain.",
    ],
)
def test_elided_article_after_a_number_is_not_a_unit(text: str) -> None:
    (hit,) = find_figures(text)
    assert hit.unit is None
    assert not hit.text.endswith("l")


@pytest.mark.parametrize(
    ("text", "unit", "counted"),
    [
        ("Avec 52 points, les Marseillais remontent au classement.", None, "point"),
        ("Le leader compte 61 points après sa victoire.", None, "point"),
        ("Le club lorrain compte désormais 44 points.", None, "point"),
        ("Son entraîneur vise 50 points en fin de saison.", None, "point"),
        ("Le candidat perd 3 points dans les sondages.", "point", None),
        ("Le taux de chômage a reculé de 0,2 point.", "point", None),
        # (after a percentage in its sentence, whatever the tally words nearby)
        (
            "Le taux de réussite atteint 71 %, en hausse de 4 points chez les inscrits.",
            "point",
            None,
        ),
    ],
)
def test_whole_points_in_a_tally_are_counted_not_percentage_points(
    text: str, unit: str | None, counted: str | None
) -> None:
    hit = next(h for h in find_figures(text) if "point" in h.text)
    assert (hit.unit, hit.counted) == (unit, counted)


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("Le prix du litre a dépassé 1,95 euro la semaine dernière.", None),
        ("Le prix du litre a dépassé 1,95 euro la semaine passée.", None),
        ("Nous vendons près de 650 véhicules par semaine.", "week"),
        ("Il gagne 1\u00a0800 euros par mois.", "month"),
        ("Il fait 40 km chaque jour.", "day"),
    ],
)
def test_a_relative_date_after_a_price_is_not_a_rate(text: str, per: str | None) -> None:
    (hit,) = find_figures(text)
    assert hit.per == per


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("L'État va débloquer un milliard et demi d'euros pour les agriculteurs.", 1.5e9),
        ("Le musée a accueilli deux millions et demi de visiteurs.", 2.5e6),
        ("Près de 1 million et demi de personnes ont défilé.", 1.5e6),
        ("Il a purgé deux ans et demi de prison.", 2.5),
    ],
)
def test_et_demi_after_a_big_number_is_half_of_it(text: str, value: float) -> None:
    (hit,) = find_figures(text)
    assert hit.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le thermomètre va baisser de 5 à 8 degrés d'ici dimanche.", (None, 5.0, 8.0, "°C")),
        ("Il fera entre 5 et 8 degrés au lever du jour.", (None, 5.0, 8.0, "°C")),
        ("Les températures vont chuter de 10 degrés.", (10.0, None, None, "°C")),
        ("Les ventes ont reculé de 5 à 10 % selon les modèles.", (None, 5.0, 10.0, "%")),
        ("Un virage à 90 degrés.", (90.0, None, None, "°")),
    ],
)
def test_degrees_in_the_weather_are_celsius_and_a_fall_of_5_to_8_is_a_range(
    text: str, expected: tuple[float | None, float | None, float | None, str]
) -> None:
    (hit,) = find_figures(text)
    assert (hit.value, hit.low, hit.high, hit.unit) == expected


def test_a_change_with_a_fall_from_more_to_less_stays_two_figures() -> None:
    hits = find_figures("Le taux de chômage a baissé de 9 à 7 %.")
    assert [(h.value, h.unit) for h in hits] == [(9.0, "%"), (7.0, "%")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le téléphone embarque une batterie de 5 000 mAh et 128 Go de stockage.",
            [("5 000 mAh", "mAh"), ("128 Go", "GB")],
        ),
        ("Le disque SSD de 2 To coûte 150 euros.", [("2 To", "TB"), ("150 euros", "EUR")]),
    ],
)
def test_battery_and_storage_capacities_have_units(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(h.text, h.unit) for h in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un mois de juin pluvieux a pénalisé les récoltes.", []),
        ("Un mois d'août caniculaire a vidé les nappes.", []),
        # one period described by an adjective is that period, not a duration of one
        ("La station a connu une saison difficile et une année noire.", []),
        ("Le port affiche une année record.", []),
        ("Il a passé une année entière en mer.", ["une année"]),
        ("Le chantier durera un mois.", ["un mois"]),
        ("Les prix ont grimpé de 4,9 % au cours des douze derniers mois.", ["4,9 %"]),
        ("Le groupe prévoit 300 embauches dans les 3 prochaines années.", ["300 embauches"]),
        ("Il a été suspendu 3 mois.", ["3 mois"]),
        ("Il reste les 10 derniers kilomètres.", ["10 derniers kilomètres"]),
    ],
)
def test_a_named_month_or_a_period_back_from_now_is_not_a_duration_figure(
    text: str, expected: list[str]
) -> None:
    assert [h.text for h in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a terminé deuxième samedi à Kitzbühel.", [("deuxième", "rank")]),
        ("Il termine 4e dimanche à Wengen.", [("4e", "rank")]),
        ("Elle a fini troisième ex aequo avec la Suédoise.", [("troisième", "rank")]),
        ("La collecte a lieu le deuxième samedi du mois.", []),
    ],
)
def test_an_ordinal_before_a_weekday_ranks_unless_it_names_the_day(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(h.text, h.kind) for h in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "unit", "per"),
    [
        ("Les rendements ont atteint 12 tonnes à l'hectare cette saison.", "t", "ha"),
        ("Les terres se vendent 6 000 euros l'hectare.", "EUR", "ha"),
        ("Le livret rapporte 3 % à l'an.", "%", "year"),
        ("Les cerises se vendent 8 euros au kilo.", "EUR", "kg"),
        ("Il a touché 350 euros au mois de juin.", "EUR", None),
    ],
)
def test_a_rate_after_a_l_or_au_has_a_denominator(text: str, unit: str, per: str | None) -> None:
    (hit,) = find_figures(text)
    assert (hit.unit, hit.per) == (unit, per)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "L'écran affiche une définition de 2556 x 1179 pixels.",
            [("2556", None, "pixel"), ("1179 pixels", None, "pixel")],
        ),
        ("Une chambre de 4 × 5 m.", [("4", "m", None), ("5 m", "m", None)]),
        (
            "Les Bleus ont gagné le relais 4 x 100 mètres.",
            [("4", None, None), ("100 mètres", "m", None)],
        ),
    ],
)
def test_two_sides_of_a_dimension_share_the_unit_and_x_is_not_a_noun(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert [(h.text, h.unit, h.counted) for h in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il a été condamné à cinq ans de prison dont deux avec sursis.",
            [("cinq ans", 5.0, "year"), ("deux", 2.0, "year")],
        ),
        (
            "Il écope de 18 mois de prison, dont 6 ferme.",
            [("18 mois", 18.0, "month"), ("6", 6.0, "month")],
        ),
        (
            "Le budget de 12 millions d'euros, dont 3 pour la culture, est voté.",
            [("12 millions d'euros", 12e6, "EUR"), ("3", 3e6, "EUR")],
        ),
        (
            "L'usine emploie 300 salariés, dont 40 cadres.",
            [("300 salariés", 300.0, None), ("40 cadres", 40.0, None)],
        ),
    ],
)
def test_a_bare_part_after_dont_takes_the_unit_of_the_whole(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert [(h.text, h.value, h.unit) for h in find_figures(text)] == expected


def test_a_bare_part_after_dont_counts_the_noun_of_the_whole_just_before() -> None:
    # (not the noun of an earlier figure written in words like it)
    text = "Deux chiens ont été recueillis et 14 chats soignés, dont trois en urgence."
    hits = find_figures(text)
    assert [(h.text, h.counted) for h in hits][-1] == ("trois", "chat")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le prix du blé est tombé à 210 euros la tonne.", ("EUR", "t")),
        ("Le Brent s'échangeait à 82 dollars le baril.", ("USD", "barrel")),
    ],
)
def test_a_commodity_price_per_tonne_or_barrel_is_a_rate(
    text: str, expected: tuple[str, str]
) -> None:
    (hit,) = find_figures(text)
    assert (hit.unit, hit.per) == expected


def test_face_a_after_a_score_is_not_a_counted_noun() -> None:
    hits = find_figures("Les Bleus se sont inclinés 2 à 1 face à l'Espagne.")
    assert all(h.counted is None for h in hits)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Elle a couru le 100 m en 10 secondes 85.", 10.85),
        ("Il a bouclé le tour en 58 s 12 puis a abandonné.", 58.12),
        ("Il a tenu 30 secondes 15 fois de suite.", 30.0),
    ],
)
def test_hundredths_after_seconds_belong_to_the_time(text: str, value: float) -> None:
    hit = next(h for h in find_figures(text) if h.unit == "s")
    assert hit.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("La Suissesse a fini à 1 minute 12 de la gagnante.", 72.0, "s"),
        ("Il reste 3 min 05 à jouer.", 185.0, "s"),
        # (a number with a noun of its own after it is a figure of its own)
        ("Elle a plongé 2 minutes 12 fois de suite.", 2.0, "min"),
    ],
)
def test_seconds_after_minutes_belong_to_the_time(text: str, value: float, unit: str) -> None:
    hit = next(h for h in find_figures(text) if h.unit in ("s", "min"))
    assert (hit.value, hit.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "Le salaire minimum passera à 1.766,92 euros brut mensuels.",
        "Elle touche 2 100 euros nets mensuels.",
    ],
)
def test_a_rate_adjective_after_brut_or_net_is_the_rate(text: str) -> None:
    (hit,) = find_figures(text)
    assert (hit.unit, hit.per) == ("EUR", "month")
    assert hit.text.endswith("mensuels")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Il compte 3 points d'avance sur son rival selon le dernier sondage.", "point"),
        ("Le candidat sortant l'emporte avec 5 points d'écart.", "point"),
        ("Le PSG compte 6 points d'avance sur Brest au classement.", None),
        ("L'enseigne ouvrira 300 points de vente.", None),
    ],
)
def test_a_lead_in_points_in_a_poll_is_percentage_points(text: str, unit: str | None) -> None:
    (hit,) = find_figures(text)
    assert hit.unit == unit


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # a million counts the noun after ``de`` only
        ("Le plan prévoit 40 millions consacrés aux écoles.", None),
        ("Le réseau transporte 3 millions de voyageurs.", "voyageur"),
        # a day names when, it counts nothing (the plural still counts days)
        ("Le club a été battu 1 à 0 mardi.", None),
        ("Il a travaillé trois dimanches.", "dimanche"),
    ],
)
def test_a_million_or_a_day_counts_what_it_should(text: str, counted: str | None) -> None:
    assert [h.counted for h in find_figures(text)][-1] == counted


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("La région comptait fin juin 98.400 chômeurs.", 98400.0),
        ("Le 3 juin 12.500 personnes ont défilé.", 12500.0),
    ],
)
def test_a_number_in_digit_groups_after_a_month_is_a_count_not_its_year(
    text: str, value: float
) -> None:
    assert [h.value for h in find_figures(text)] == [value]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Le gouvernement a promis une aide de 500 millions de reais.", "BRL"),
        ("Le salaire minimum passe à 60.000 francs CFA.", "XOF"),
        ("Il a écopé d'une amende de 2 millions de francs congolais.", "CDF"),
        ("Le billet coûte 40 dirhams.", "MAD"),
        ("La facture atteint 300 rands.", "ZAR"),
        ("Le loyer est de 2.000 zlotys.", "PLN"),
        ("Un café coûte 30 livres turques.", "TRY"),
        ("Le budget était de 300 millions de francs.", "FRF"),
    ],
)
def test_currencies_of_the_news_each_have_their_code(text: str, unit: str) -> None:
    [hit] = find_figures(text)
    assert (hit.kind, hit.unit) == ("money", unit)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("La SNCF a mis en place 25 autocars de substitution.", "autocar de substitution"),
        ("Sur place, 12 pompiers étaient mobilisés.", "pompier"),
        ("La ville a acheté 25 autobus.", "autobus"),
    ],
)
def test_a_number_after_en_place_or_sur_place_is_a_count(text: str, counted: str) -> None:
    assert [h.counted for h in find_figures(text)] == [counted]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Le prix des matières premières a bondi de 40 % en un an.", ["40 %", "un an"]),
        ("Les peuples premiers du Canada sont 1,8 million.", ["1,8 million"]),
        ("Le coureur est arrivé premier.", ["premier"]),
    ],
)
def test_premier_after_the_noun_it_qualifies_ranks_nothing(text: str, figures: list[str]) -> None:
    assert [h.text for h in find_figures(text)] == figures


@pytest.mark.parametrize(
    "text",
    [
        "Peugeot augmentera le prix de la 208 de 450 euros.",
        "Il portera le 10 la saison prochaine.",
        "Le bus de la ligne 12 passe ici, la 14 ne roule plus.",
    ],
)
def test_a_bare_number_after_a_singular_article_names_one_thing(text: str) -> None:
    assert [h.text for h in find_figures(text) if h.unit is None] == []


def test_bare_count_before_a_name_takes_no_counted_noun_from_before() -> None:
    # (the name after the number is what it counts: the hundred firefighters' noun is
    # not the aircraft's)
    hits = find_figures("Une centaine de pompiers luttent contre le feu avec six Canadair.")
    six = next(h for h in hits if h.text.startswith("six"))
    assert six.counted is None


def test_numbers_of_a_score_take_no_counted_noun_from_before() -> None:
    # (points, not the teams counted before them)
    hits = find_figures(
        "Les deux équipes ont longtemps douté, mais les Bleus l'ont emporté sur le score "
        "de 27 à 24."
    )
    assert [h.counted for h in hits if h.text in ("27", "24")] == [None, None]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a capitalised number word opening a line names with the capitalised common
        # noun after it ...
        ("Quatre Saisons : le festival ouvre ses portes", []),
        ("Six Nations : la France bat l'Écosse", []),
        # ... but counts a people or a brand's cars
        ("Trois Allemands ont été arrêtés.", ["Trois Allemands"]),
        ("Deux Renault ont été volées.", ["Deux"]),
    ],
)
def test_capitalised_number_word_opening_a_line_before_a_capitalised_noun_names(
    text: str, found: list[str]
) -> None:
    assert [h.text for h in find_figures(text)] == found


@pytest.mark.parametrize(
    "text", ["Le premier vol d'Ariane 6 a eu lieu en juillet.", "Il parle d'Ariane 6 sans cesse."]
)
def test_number_after_an_elided_capitalised_name_is_part_of_it(text: str) -> None:
    assert [h.text for h in find_figures(text)] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Le nouvel iPad 12 sera vendu 599 euros.", ["599 euros"]),
        ("Elle a acheté l'eSprinter 3 de son voisin.", []),
    ],
)
def test_number_after_a_camel_case_brand_is_part_of_its_name(text: str, found: list[str]) -> None:
    assert [h.text for h in find_figures(text)] == found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le Suisse a devancé son rival de 18 centièmes.", 0.18),
        ("Elle a pris la deuxième place, à 7 dixièmes de seconde.", 0.7),
    ],
)
def test_digits_and_a_fraction_of_a_second_are_one_duration(text: str, value: float) -> None:
    found = [(f.kind, f.value, f.unit) for f in find_figures(text) if "ièmes" in f.text]
    assert found == [("duration", value, "s")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Le parc éolien a produit 48 gigawattheures l'an dernier.", "GWh"),
        ("Le pays a consommé 440 térawattheures d'électricité.", "TWh"),
    ],
)
def test_energy_units_written_out_are_units(text: str, unit: str) -> None:
    assert [f.unit for f in find_figures(text)] == [unit]


def test_number_after_a_reference_word_is_no_figure() -> None:
    assert find_figures("Le lave-linge rappelé porte la référence 70231.") == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # ``neuf`` the adjective after a singular article or ``à``/``de``
        (
            "À Nantes, le prix du neuf dépasse 5 100 euros le mètre carré.",
            ["5 100 euros le mètre carré"],
        ),
        ("La salle des fêtes a été remise à neuf.", []),
        # ... the number after a plural determiner or another number
        ("Les neuf sont arrivés à l'heure.", ["neuf"]),
        ("Un lycéen sur neuf a redoublé.", ["Un lycéen sur neuf"]),
    ],
)
def test_neuf_alone_is_a_number_only_after_a_plural_or_another_number(
    text: str, figures: list[str]
) -> None:
    assert [h.text for h in find_figures(text)] == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a model's number with a participle after it names the model
        ("Les Peugeot 308 assemblées à Mulhouse seront rappelées.", []),
        ("Toutes les Renault 4 vendues avant juin sont concernées.", []),
        # ... but nouns of people made from participles are counted
        ("En Bretagne 1 200 retraités ont défilé samedi.", ["1 200 retraités"]),
    ],
)
def test_a_participle_after_a_model_number_is_no_counted_noun(
    text: str, figures: list[str]
) -> None:
    assert [h.text for h in find_figures(text)] == figures


def test_miles_in_the_plural_are_a_distance_not_thousands() -> None:
    hits = find_figures("Le trimaran a parcouru 3 500 milles en onze jours.")
    assert (hits[0].text, hits[0].value, hits[0].unit) == ("3 500 milles", 3500.0, "nmi")


def test_an_approximate_count_after_de_starts_at_une() -> None:
    assert [h.text for h in find_figures("Le maire parle d'une trentaine de familles.")] == [
        "une trentaine de familles"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Le vaccin entre en phase 2 des essais cliniques.",
        "Le coureur a remporté l'étape 7 au sprint.",
        "Le candidat est éliminé dès le tour 1.",
    ],
)
def test_a_number_naming_a_phase_a_stage_or_a_round_is_no_figure(text: str) -> None:
    assert find_figures(text) == []
