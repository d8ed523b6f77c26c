"""A head noun next to a name gives its type: ``l'équipe Kelme`` (before it),
``Lactalis, premier collecteur du pays`` (its apposition after it), ``le fabricant de
pneus Michelin`` (a company's head past its complement), ``le chinois Temu`` (a demonym
in lower case as the noun). The second item of each answer is a cue for the other
mentions of the same name (``None`` without a head).
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc

from ami_facts.components.entities.mention import Label
from ami_facts.components.entities.tokens import _is_adjective_token
from ami_facts.french.lexicons import Lexicons

OF_WORDS = frozenset(["de", "d'", "d’", "du", "des"])
NAME_DETERMINERS = frozenset(["la", "l'", "l’", "le", "les"])


def head_ending_at(doc: Doc, k: int, heads: frozenset[str]) -> int | None:
    """The first token of a head noun of ``heads`` (one or two words: ``centre
    hospitalier``, ``maison d'arrêt``) that ends at token ``k``, if one does."""
    if k < 0:
        return None
    if doc[k].lower_ in heads:
        return k
    if k >= 1:
        glue = "" if not doc[k - 1].whitespace_ else " "
        if f"{doc[k - 1].lower_}{glue}{doc[k].lower_}".replace("’", "'") in heads:
            return k - 1
    return None


def head_starting_at(doc: Doc, s: int, e: int, heads: frozenset[str]) -> bool:
    """Does ``doc[s:e]`` open with a head noun of ``heads`` (``Centre hospitalier``)?"""
    if doc[s].lower_ in heads:
        return True
    if e - s >= 2:
        glue = "" if not doc[s].whitespace_ else " "
        return f"{doc[s].lower_}{glue}{doc[s + 1].lower_}".replace("’", "'") in heads
    return False


def apposition_label(doc: Doc, s: int, label: Label, lex: Lexicons) -> tuple[Label, Label | None]:
    """``l'équipe Kelme``, ``le quotidien néerlandais De Telegraaf``, ``la ville de
    Portland``: a head noun just before the name gives its type, and is a cue for the
    other mentions of the same name (the second item; ``None`` without a head). A
    plural head gives it to every name of the list after it (``les tempêtes Lothar et
    Martin``)."""
    found = _head_before(doc, s, label, lex)
    if found[1] is not None or s < 2 or doc[s - 1].lower_ not in ("et", ","):
        return found
    k = s - 2  # the name before ``et``: its first capitalised word
    while k > 0 and doc[k - 1].text[:1].isupper() and k > s - 6:
        k -= 1
    if not doc[k].text[:1].isupper() or k == 0:
        return found
    head = doc[k - 1].lower_
    if not (head.endswith(("s", "x")) and head in lex.apposition_heads):
        return found
    return _head_before(doc, k, label, lex)


def _head_before(doc: Doc, s: int, label: Label, lex: Lexicons) -> tuple[Label, Label | None]:
    if (
        s >= 2
        and doc[s - 1].text[:1].islower()
        and doc[s - 1].lower_ in lex.demonyms
        and doc[s - 2].lower_ in NAME_DETERMINERS
        and label != "PER"
    ):
        # ``le chinois Temu``, ``l'américain Tesla``: a demonym in lower case as the noun
        # is a company of that country (in capitals it is a person: ``le Français X``)
        return "ORG", "ORG"
    k = s - 1
    via_de = k >= 0 and doc[k].lower_ in {"de", "d'", "d’"}
    if via_de:
        k -= 1
    hops = 0
    while (
        k >= 0
        and hops < 2
        and doc[k].text[0].islower()
        and doc[k].lower_ not in lex.apposition_heads
        and _is_adjective_token(doc[k])
    ):
        k -= 1
        hops += 1
    if k >= 0 and doc[k].text[0].islower():
        head = lex.apposition_heads.get(_hyphenated_word_ending_at(doc, k))
        # ``la ville de Portland`` but not ``la firme de Wolfsburg``; a person's first
        # name after a noun of a thing is a person's (``le drone de Marc``: not a model)
        if head == "PRODUCT" and (via_de or doc[s].text in lex.first_names):
            return label, None
        if head is not None and (not via_de or head == "LOC"):
            return cast(Label, head), cast(Label, head)
    # (a name right after ``de``, ``des`` is the complement's: ``les stations des Alpes``)
    if (s == 0 or doc[s - 1].lower_ not in OF_WORDS) and _company_head_past_its_complement(
        doc, s, lex
    ):
        return "ORG", "ORG"
    return label, None


# What opens a company's head noun's complement (``le fabricant de pneus``, ``la filiale
# à bas coûts``, ``la banque en ligne``).
_COMPLEMENT_OPENERS = OF_WORDS | {"à", "au", "aux", "en"}
# How many words a company's head noun and its complement may take before its name.
_HEAD_COMPLEMENT_REACH = 9


def _company_head_past_its_complement(doc: Doc, s: int, lex: Lexicons) -> bool:
    """``le fabricant de pneus Michelin``, ``la plateforme de vente de vêtements
    d'occasion Vinted``: a company's head noun, then its complement in lower case (``de``
    or ``à`` and common nouns and adjectives), right before the name. (Not a name after ``de``:
    ``la société de production de Jean Dupont`` names its owner.)"""
    k = s - 1
    passed_of = False
    while k >= 0 and k >= s - _HEAD_COMPLEMENT_REACH:
        token = doc[k]
        if not token.text[:1].islower() or token.is_punct:
            return False
        low = token.lower_
        if passed_of and lex.apposition_heads.get(low) == "ORG":
            return True
        if low in _COMPLEMENT_OPENERS or (low in NAME_DETERMINERS and k < s - 1):
            passed_of = True
        elif not (token.pos_ in ("NOUN", "ADJ") or (not token.pos_ and token.is_alpha)):
            return False
        k -= 1
    return False


# Words that may stand between a name's comma and the head noun of its apposition
# (``Lactalis, premier collecteur du pays``, ``Iquique, la ville portuaire``).
_APPOSITION_OPENERS = frozenset(["numéro", "ex", "son", "sa", "leur"])
# A name after one of these sets the scene: what follows its comma is the clause.
_SETTING_PREPOSITIONS = frozenset(
    "à au aux en dans de du des d' d’ depuis vers sur pour par chez après avant selon".split()  # noqa: SIM905
)


def apposition_after_label(
    doc: Doc, s: int, e: int, label: Label, lex: Lexicons
) -> tuple[Label, Label | None]:
    """``Lactalis, premier collecteur du pays,``: the head noun of an apposition right
    after the name gives its type, as one before it does (``apposition_label``). A
    person's head does not make a person of an organisation or a place (``Orange,
    membre du CAC 40``), nor a head of a thing a person the NER named in full."""
    k = e + 1
    if k >= len(doc) or doc[e].text != ",":
        return label, None
    if s > 0 and doc[s - 1].lower_ in _SETTING_PREPOSITIONS:
        return label, None  # ``Fondée à Palaiseau, l'entreprise emploie``: the clause
    hops = 0
    while (
        k < len(doc)
        and hops < 3
        and doc[k].text[:1].islower()
        and doc[k].lower_ not in lex.apposition_heads
        and (
            doc[k].lower_ in _APPOSITION_OPENERS
            or doc[k].lower_ in NAME_DETERMINERS
            or doc[k].lower_ in ("un", "une")
            or _is_adjective_token(doc[k])
        )
    ):
        k += 1
        hops += 1
    if k >= len(doc) or not doc[k].text[:1].islower():
        return label, None
    head = lex.apposition_heads.get(doc[k].lower_)
    if head is None or head == label:
        return label, None
    if head == "PER" and label != "MISC":
        return label, None
    if label == "PER" and e - s > 1:
        return label, None
    return cast(Label, head), cast(Label, head)


def _hyphenated_word_ending_at(doc: Doc, k: int) -> str:
    """The word token ``k`` ends, lowered, glued to the tokens a hyphen joins it to
    (the tokenizer splits ``start-up`` in three)."""
    first = k
    while (
        first >= 2
        and doc[first - 1].text == "-"
        and not doc[first - 1].whitespace_
        and not doc[first - 2].whitespace_
    ):
        first -= 2
    return doc[first : k + 1].text.lower()
