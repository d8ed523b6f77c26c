"""Boilerplate is marked by ranges, never cut."""

from __future__ import annotations

from datetime import date

import pytest

from ami_facts.boilerplate import _has_credit_at_end, _is_prompt, find_boilerplate
from ami_facts.french.boilerplate import CREDIT_AT_END, PROMPT_LINE

BODY = "Premier paragraphe de l'article.\nSecond paragraphe avec 12 voitures.\n\n"


@pytest.mark.parametrize(
    "heading",
    [
        "Recent Posts",
        "À lire aussi",
        "Sur le même sujet",
        "Articles similaires",
        "Newsletter",
        "Partager :",
    ],
)
def test_boilerplate_trailing_section_ends_the_body(heading: str) -> None:
    text = BODY + heading + "\n\nUn autre article : 3 000 ventes\n"
    found = find_boilerplate(text)
    assert text[found.body_end :].lstrip().startswith(heading)


@pytest.mark.parametrize(
    "tail",
    ["(https://fr.wikinews.org/wiki/X, le 3 juin 2023, Catastrophes)", "https://exemple.fr/a"],
)
def test_boilerplate_closing_source_line_is_outside_the_body(tail: str) -> None:
    text = BODY + tail + "\n"
    assert find_boilerplate(text).body_end <= text.index(tail)


def test_boilerplate_byline_is_excluded_and_gives_published() -> None:
    byline = "Par Jean Dupont Publié le 21/07/2021 à 10h00 Mis à jour le 24/12/2021"
    text = byline + "\n" + BODY
    found = find_boilerplate(text)
    assert found.byline_published == date(2021, 7, 21)
    assert (0, len(byline)) in found.excluded


@pytest.mark.parametrize(
    "line",
    [
        "Publié en mars, il a rapporté 2 millions d'euros à son éditeur.",
        "Le samedi 15 avril 2023, vers 8 h 30, trois locomotives sont sorties des rails.",
    ],
)
def test_boilerplate_sentence_opening_like_a_byline_stays_in_the_body(line: str) -> None:
    text = "Début.\n" + line + "\n" + BODY
    assert all(
        not (start <= text.index(line) < end) for start, end in find_boilerplate(text).excluded
    )


@pytest.mark.parametrize("line", ["À lire aussi : la Twizy", "Photo : AFP", "VOIR LES PHOTOS"])
def test_boilerplate_inline_lines_are_excluded(line: str) -> None:
    text = "Début.\n" + line + "\n" + BODY
    start = text.index(line)
    assert (start, start + len(line)) in find_boilerplate(text).excluded


def test_boilerplate_text_without_any_keeps_everything() -> None:
    assert find_boilerplate(BODY).body_end == len(BODY.rstrip())


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Par Thomas Lecomte Le 2 novembre 2023 à 10h48", date(2023, 11, 2)),
        ("Par Jeanne Martin et Paul Durand | Publié le 3 mars 2022", date(2022, 3, 3)),
        ("Publié le 2023-11-02 à 10:48", date(2023, 11, 2)),
        ("Le 5 juin 2021 à 18h30, modifié le 6 juin 2021 à 09h00", date(2021, 6, 5)),
        ("Par Jean Dupont", None),
        ("Mis à jour le 24/12/2021 à 10h00", None),
    ],
)
def test_boilerplate_byline_forms_are_excluded_with_their_date(
    line: str, published: date | None
) -> None:
    text = "Titre de l'article\n" + line + "\n" + BODY
    found = find_boilerplate(text)
    start = text.index(line)
    assert (start, start + len(line)) in found.excluded
    assert found.byline_published == published


@pytest.mark.parametrize(
    "line",
    [
        "Partager Facebook Twitter E-mail Copier le lien",
        "Facebook | X | LinkedIn | WhatsApp",
        "Inscrivez-vous à notre newsletter quotidienne",
        "Recevez gratuitement notre newsletter chaque matin",
        "Le maire de la ville lors de l'inauguration, mardi. LP/Olivier Arandel",
        "Les secours sur place (Photo d'illustration)",
        "VOIR LES PHOTOS",
        "Crédit photo : Jean Dupont",
        "Accueil > Météo > Tempête",
        "Cet article est réservé aux abonnés",
    ],
)
def test_boilerplate_share_bars_prompts_and_captions_are_excluded(line: str) -> None:
    text = BODY + line + "\n" + BODY
    start = text.index(line)
    assert (start, start + len(line)) in find_boilerplate(text).excluded


@pytest.mark.parametrize(
    "line",
    [
        "Par ailleurs, les ventes ont progressé de 12 % en 2021.",
        "Le rapport publié le 3 juin 2021 montre que 2 000 voitures ont été vendues.",
        "Par Renault, le constructeur entend aussi ses partenaires.",
        "Le 5 juin 2021, la marque a livré 650 voitures.",
        "Le mardi 3 mai 2022, vers 7 h 45, deux camions se sont percutés sur la rocade.",
        "La ligne Paris/Lyon transporte 40 000 voyageurs par jour.",
        "Il partage son temps entre Paris et Lyon.",
    ],
)
def test_boilerplate_article_sentences_are_not_excluded(line: str) -> None:
    text = BODY + line + "\n" + BODY
    start = text.index(line)
    found = find_boilerplate(text)
    outside = [(0, found.body_start), *found.excluded, (found.body_end, len(text))]
    assert all(not (s <= start < e) for s, e in outside)


def test_boilerplate_leading_boilerplate_lines_move_the_body_start() -> None:
    lead = "Accueil > Économie\nPar Jean Dupont Publié le 21/07/2021\n\n"
    text = lead + BODY
    assert find_boilerplate(text).body_start == len(lead)


@pytest.mark.parametrize(
    "line",
    [
        "NEWSLETTERS du matin",
        "Lettre d’information",
        "ABONNEZ-VOUS",
        "ınscrıvez-vous",  # dotless i: (?i) matches it with i
        "Recevez chaque semaine nos alertes",
        "newſletter",  # long s: (?i) matches it with s
    ],
)
def test_boilerplate_prompt_hints_are_in_every_prompt(line: str) -> None:
    # The hints turn lines down before the search: a prompt must hold one.
    assert PROMPT_LINE.search(line)
    assert _is_prompt(line)


@pytest.mark.parametrize(
    "line",
    ["Sur place. AFP/Fred Tanneau", "La scène (Photo AFP)", "Reuters / John Doe", "x (crédits DR)"],
)
def test_boilerplate_credit_marks_are_in_every_credit(line: str) -> None:
    # The marks turn lines down before the search: a credit must hold one.
    assert CREDIT_AT_END.search(line)
    assert _has_credit_at_end(line)
