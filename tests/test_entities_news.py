"""Entities on unseen news sentences, through the production pipeline (lean NER +
partial parse): each case is one general behaviour found by probing new text."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language

from ami_facts.components.entities import find_entities
from ami_facts.hits import EntityHit
from ami_facts.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _hits(nlp: Language, text: str) -> list[EntityHit]:
    return find_entities(nlp(text))


def _find(hits: Sequence[EntityHit], text: str) -> EntityHit:
    found = [h for h in hits if h.text == text]
    assert found, f"{text!r} not in {[(h.text, h.label) for h in hits]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("La start-up française Mistral AI a levé 385 millions d’euros.", "Mistral AI"),
        ("Les salariés de la société Fleur Bleue ont manifesté.", "Fleur Bleue"),
    ],
)
def test_entities_mid_sentence_name_keeps_its_common_word(
    nlp: Language, text: str, mention: str
) -> None:
    _find(_hits(nlp, text), mention)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Marine Le Pen a dénoncé une « trahison ».", "Marine Le Pen"),
        ("Pierre de Villiers a démissionné.", "Pierre de Villiers"),
    ],
)
def test_entities_sentence_initial_first_name_before_particle_surname_is_kept(
    nlp: Language, text: str, mention: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("PER", mention)
