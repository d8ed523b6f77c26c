"""Who holds a figure the parse hangs away from its verb's subject: the one a penalty
strikes (``inflige une amende ... à X``), a name a part is given to (``dont 155 000 pour
la marque Dacia``), an unnamed thing an adjective measures (``la troisième étape, longue
de 183 kilomètres``), the definite owner of a measure (``les ventes du constructeur``)
and a name set between commas as the verb's second subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from ami_facts.components.linker.mentions import (
    Mention,
    is_definite_reference,
    mention_at,
    mention_covering,
)
from ami_facts.components.linker.metric import noun_phrase_metric
from ami_facts.components.linker.syntax import is_genitive
from ami_facts.french.linking import MEASURE_NOUNS
from ami_facts.french.metrics import metric_lexicon


def struck_by(verb: Token, mentions: list[Mention]) -> Mention | None:
    """``inflige une amende de 40 millions à la société Criteo``: the name of the ``à``
    complement after the verb (the parser hangs it on the verb or on the penalty)."""
    for word in verb.subtree:
        if (
            word.i > verb.i
            and word.dep_.startswith(("obl", "nmod"))
            and any(
                case.dep_ == "case" and case.lower_ in {"à", "au", "aux"} for case in word.children
            )
            and (found := mention_covering(mentions, word)) is not None
        ):
            return found
    return None


def part_given_to_a_name(measured: Token, mentions: list[Mention]) -> Mention | None:
    """``560 000 véhicules, dont 155 000 pour la marque Dacia``: a part of a whole that
    ``pour`` gives right after it to an organisation or a product is that one's."""
    doc = measured.doc
    if not any(t.lower_ == "dont" for t in doc[max(0, measured.left_edge.i - 1) : measured.i]):
        return None
    # (read on the words, ``pour``, a determiner and a head noun at most: the parser hangs
    # the complement on the figure or on the verb)
    k = measured.i + 1
    while k < len(doc) and doc[k].text.isdigit():
        k += 1  # (``155 000``: the number's other groups)
    if k >= len(doc) or doc[k].lower_ != "pour":
        return None
    k += 1
    if k < len(doc) and doc[k].lower_ in {"la", "le", "l'", "l’", "les"}:
        k += 1
    if k < len(doc) and doc[k].text[:1].islower() and doc[k].pos_ == "NOUN":
        k += 1
    found = mention_at(mentions, doc[k]) if k < len(doc) else None
    return found if found is not None and found.label in {"ORG", "PRODUCT"} else None


def measured_on_an_unnamed_thing(measured: Token, mentions: list[Mention]) -> bool:
    """``a remporté la troisième étape, longue de 183 kilomètres``: an adjective hangs the
    figure on a noun that names nothing, refers back to nothing and is not its verb's
    subject; the figure is that thing's, not the verb's subject's."""
    adjective = measured.head
    if adjective.pos_ != "ADJ" or adjective.i > measured.i or not is_genitive(measured):
        return False
    thing = adjective.head
    return (
        thing.pos_ == "NOUN"
        and thing.i < adjective.i
        and not thing.dep_.startswith("nsubj")
        and mention_covering(mentions, thing) is None
        and is_definite_reference(thing) is None
    )


def definite_owner_of_a_measure(noun: Token) -> tuple[Token, str] | None:
    """The de-complement of a measure noun that is a definite noun referring back, and
    its label: ``du constructeur`` in ``Les ventes mondiales du constructeur`` (not ``du
    groupe de travail``, which names something else)."""
    if (
        noun.lemma_.lower() not in MEASURE_NOUNS
        and noun_phrase_metric(metric_lexicon(), noun) is None
    ):
        return None
    for owner in noun.children:
        if owner.dep_ != "nmod" or owner.pos_ != "NOUN" or not is_genitive(owner):
            continue
        if (label := is_definite_reference(owner)) is not None:
            return owner, label
    return None


def second_subject_between_commas(noun: Token) -> Token | None:
    """The verb's other subject set between commas right after ``noun``, its subject."""
    if not noun.dep_.startswith("nsubj"):
        return None
    doc = noun.doc
    comma = noun.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    for other in noun.head.children:
        # (the closing comma may hang on the name itself)
        end = other.right_edge.i
        if (
            other.dep_.startswith("nsubj")
            and other.left_edge.i == comma + 1
            and (doc[end].text == "," or (end + 1 < len(doc) and doc[end + 1].text == ","))
        ):
            return other
    return None
