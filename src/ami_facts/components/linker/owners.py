"""Whose a figure is, where the parse names an owner or says no name owns it: a
possessive's antecedent (``Ses ventes``), a group's (``leur croissance``), the place ``y``
stands for, and the people no name owns (an unnamed person's age or term, people a court
or rescuers deal with)."""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Token

from ami_facts.components.linker.mentions import (
    PLURAL_POSSESSIVES,
    Mention,
    antecedent,
    is_definite_reference,
    mention_covering,
    name_closing_the_phrase,
    name_right_after,
)
from ami_facts.components.linker.subject import (
    POSSESSOR_LABELS,
    name_in_apposition,
    named_or_referred,
    possessed,
)
from ami_facts.components.linker.syntax import (
    clause_verbs,
    counted_phrase,
    governing_verb,
    is_genitive,
    relative_head,
    verb_subjects,
)
from ami_facts.french.linking import (
    BEATING_LEMMAS,
    COMPANY_MONEY_NOUNS,
    ECONOMY_NOUNS,
    HANDLING_LEMMAS,
    PERSON_NOUNS,
    SENTENCING_LEMMAS,
    WINNING_LEMMAS,
)
from ami_facts.french.metrics import anaphoric_nouns

# ``5,8 % du PIB``
OF_GDP_AFTER = re.compile(r"\s*(?:du|de\s+son|de\s+leur)\s+PIB\b", re.IGNORECASE)


def place_of_y(text: str, number: Token, mentions: list[Mention]) -> Mention | None:
    """``Le Chili compte 19 millions d'habitants. L'inflation y a atteint 4,5 %``: the
    place ``y`` stands for frames the figure's clause, as ``Au Chili,`` would."""
    verb = governing_verb(number)
    if verb is None:
        return None
    for child in verb.children:
        if child.lower_ == "y" and child.pos_ == "PRON":
            return antecedent(text, mentions, child, {"LOC"})
    return None


def _names_an_economy(noun: Token) -> bool:
    """``chômage``, ``le taux de chômage``, ``la dette publique``."""
    return noun.lemma_.lower() in ECONOMY_NOUNS or any(
        child.dep_ == "nmod" and child.lemma_.lower() in ECONOMY_NOUNS for child in noun.children
    )


def measures_an_economy(text: str, number: Token, end: int) -> bool:
    """Whether the figure measures an economy as a whole: the subject of its verb (or the
    noun its relative clause is on) is unemployment, inflation, growth, a deficit or a
    debt, or the figure is a part of a GDP (``5,8 % du PIB``). Such a figure is a place's."""
    if OF_GDP_AFTER.match(text, end):
        return True
    # (``La Banque de France prévoit une croissance de 0,9 %``: the figure measures the
    # economy noun it complements, whoever forecasts it; not ``ses ventes``)
    measured = counted_phrase(number)
    holder = measured.head
    if (
        measured.dep_ == "nmod"
        and holder.pos_ == "NOUN"
        and holder.i < measured.i
        and holder.lemma_.lower() in ECONOMY_NOUNS
        and not possessed(holder)
    ):
        return True
    # (``devrait monter à 7,8 %``: the subject is the verb's it depends on)
    for verb in clause_verbs(governing_verb(number)):
        nouns = verb_subjects(verb)
        if (head := relative_head(verb)) is not None:
            nouns.append(head)
        if nouns:
            return any(_names_an_economy(noun) for noun in nouns)
    return False


# Nouns of a side in a match, beside the organisations (anaphora.json): not a person's own.
TEAM_NOUNS = frozenset(["équipe", "sélection", "formation", "escouade"])
# Who plays a match: a team, a country, a town standing for its club, a player.
PLAYER_LABELS = {"ORG", "LOC", "PER"}
# What introduces the side a match was won against, read in the text because the
# parser often hangs ``face`` elsewhere (``s'est imposé 27 à 24 face au Stade``).
_DETERMINER = r"(?:l['’]\s*|(?:le|la|les)\s+)?"
OPPONENT_BEFORE = re.compile(
    rf"(?:\bface\s+(?:à|au|aux)|\bcontre|\bsur|\bdevant)\s+{_DETERMINER}$", re.IGNORECASE
)
AGENT_BEFORE = re.compile(rf"\bpar\s+{_DETERMINER}$", re.IGNORECASE)


def _side(noun: Token, mentions: list[Mention]) -> Mention | None:
    """The name a side of a match is: the noun's own, or its complement's (``l'équipe
    de France``)."""
    for token in (noun, *(c for c in noun.children if c.dep_ == "nmod")):
        found = mention_covering(mentions, token)
        if found is not None and found.label in PLAYER_LABELS:
            return found
    return None


def _introduced_by(text: str, noun: Token, pattern: re.Pattern[str]) -> bool:
    return pattern.search(text, max(0, noun.idx - 20), noun.idx) is not None


def score_sides(
    text: str, number: Token, mentions: list[Mention]
) -> tuple[Mention | None, Mention | None]:
    """The winner and the loser of a match the figure's sentence tells, as far as the
    syntax says: the loser is the object of a verb of beating (``a battu Lens 3 à 1``,
    ``éliminant l'équipe de France``) or the complement of a verb of winning after
    ``face à``, ``contre``, ``sur`` or ``devant`` (``s'est imposé face à Brest 2 à 0``);
    in the passive (``Monaco a été battu 2 à 1 par Lille``) the subject lost and the
    agent won. In the active the winner is left to the parse (the verb's subject)."""
    for verb in number.sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in BEATING_LEMMAS | WINNING_LEMMAS:
            continue
        children = list(verb.children)
        if lemma in BEATING_LEMMAS and any(c.dep_ == "aux:pass" for c in children):
            loser = next((_side(c, mentions) for c in children if c.dep_ == "nsubj:pass"), None)
            winner = next(
                (
                    _side(c, mentions)
                    for c in children
                    if c.dep_.startswith("obl") and _introduced_by(text, c, AGENT_BEFORE)
                ),
                None,
            )
            return winner, loser
        for child in children:
            beaten = (lemma in BEATING_LEMMAS and child.dep_ == "obj") or (
                lemma in WINNING_LEMMAS
                and child.dep_.startswith("obl")
                and _introduced_by(text, child, OPPONENT_BEFORE)
            )
            if beaten and (loser := _side(child, mentions)) is not None:
                return None, loser
    return None, None


def people_handled(number: Token) -> bool:
    """Whether the figure counts people that its verb, one of the police, the courts or
    the rescuers, deals with (``la cour qui juge quatre supporters``)."""
    phrase = counted_phrase(number)
    if phrase.dep_ != "obj" or phrase.lemma_.lower() not in PERSON_NOUNS:
        return False
    return phrase.head.lemma_.lower() in HANDLING_LEMMAS


def unnamed_person_holder(text: str, number: Token, mentions: list[Mention]) -> Token | None:
    """The person noun a figure describes when the text names no one with it: an age
    (``un homme de 34 ans``, ``son complice, âgé de 29 ans``) or, for a length of time,
    the person its verb sentences or has for subject (``a condamné un homme à huit ans
    de prison``). The figure is that person's, and no name of the sentence owns it."""
    measured = phrase if (phrase := counted_phrase(number)).i != number.i else number
    holder = measured.head
    described = measured.dep_ == "nmod" and is_genitive(measured) and holder.i < measured.i
    # (through ``âgé de``: the adjective hangs on the noun)
    if holder.pos_ == "ADJ" and holder.dep_ in {"amod", "acl", "appos"}:
        holder = holder.head
    elif not described:
        # (whom a term is passed on, or who serves it: ``un homme de 30 ans a écopé de
        # deux ans``)
        verb = governing_verb(number)
        if verb is None:
            return None
        if verb.lemma_.lower() in SENTENCING_LEMMAS:
            holder = next((c for c in verb.children if c.dep_ == "obj" and c.i != measured.i), verb)
        else:
            holder = next(iter(verb_subjects(verb)), verb)
    if holder.pos_ != "NOUN" or holder.lemma_.lower() not in PERSON_NOUNS:
        return None
    # (``le petit Jean D., enfant de deux ans``: the noun in apposition to a name)
    if holder.dep_ == "appos" and mention_covering(mentions, holder.head) is not None:
        return None
    return None if named_or_referred(text, mentions, holder) is not None else holder


def possessor(
    text: str, number: Token, mentions: list[Mention], person_fits: bool = True
) -> Mention | None:
    """``Renault ... Ses ventes ont chuté de 12 %``: whose the measured thing is.

    The figure's own noun, the noun it is the complement of, or its verb's subject,
    when it has a possessive determiner: the last name before it that can own it.
    ``person_fits``: whether a person can have what the figure measures.
    """
    found = _possessive(number)
    if found is None or found[1].lower_ in PLURAL_POSSESSIVES:
        return None
    # (``Son principal adversaire, Amadou Ba, a obtenu 35 %``: the noun is named; its
    # possessive says whose adversary, not whose figure; but a person cannot have a
    # margin or a revenue: ``Son directeur, Jean Roux, vise une marge de 8 %`` speaks
    # for its owner)
    # (``Son concurrent américain Boeing a livré 510 avions``: so is a noun whose name
    # follows it)
    # (``Sa filiale de gestion d'actifs Amundi gère``: and a noun whose complement ends
    # on its name)
    named = (
        name_in_apposition(found[0], mentions)
        or name_right_after(found[0], mentions)
        or name_closing_the_phrase(found[0], mentions)
    )
    if named is not None and (person_fits or named.label != "PER"):
        return None
    owner = _clause_subject_before(text, number, found[1], mentions)
    if owner is not False:
        return owner
    # (``Ryanair exploite 620 Boeing 737. Son bénéfice``: only an organisation earns)
    company = found[0].lemma_.lower() in COMPANY_MONEY_NOUNS
    return antecedent(text, mentions, found[0], {"ORG"} if company else POSSESSOR_LABELS)


def a_persons_organisation(owner: Mention, number: Token) -> bool:
    """Whether what the figure measures is a person's company or team (``Luca de Meo
    ... Son entreprise a vendu``, ``Son équipe reste 5e``): not the person's own, and
    not named."""
    found = _possessive(number)
    if owner.label != "PER" or found is None:
        return False
    lemma = found[0].lemma_.lower()
    return lemma in TEAM_NOUNS or anaphoric_nouns().get(lemma) == "ORG"


def _clause_subject_before(
    text: str, number: Token, determiner: Token, mentions: list[Mention]
) -> Mention | Literal[False] | None:
    """``Le pays compte porter son armée à 300 000 soldats``: a possessive after its
    clause's subject noun is what that subject names or refers back to, not the last
    name before it (``l'Otan``, the source ``selon Reuters``). ``None`` where that
    subject is a definite noun referring back to nothing named; ``False`` where the
    clause has no such subject or it resolves to no owner."""
    for verb in clause_verbs(governing_verb(number)):
        subjects = verb_subjects(verb)
        if subjects:
            subject = subjects[0]
            if subject.pos_ not in {"NOUN", "PROPN"} or subject.i >= determiner.i:
                return False
            if any(subject.i == above.i for above in determiner.ancestors):
                # (the possessive is inside the subject: ``40 % de sa population vit``)
                return False
            found = named_or_referred(text, mentions, subject)
            if found is None and subject.pos_ == "NOUN" and is_definite_reference(subject):
                # (``Le département a perdu 9 % de sa population``: the possessive is the
                # unnamed department's, not the last name's, a town of it)
                return None
            if found is None or found[0].label not in POSSESSOR_LABELS:
                return False
            return found[0]
    return False


def owned_by_several(text: str, number: Token) -> bool:
    """``Les campagnes stagnent : leur croissance, de 0,2 % par an``: the measured
    thing is a group's (a plural possessive), neither one name's nor the article's topic.
    The parser may hang the figure elsewhere than on the noun right before it."""
    found = _possessive(number)
    if found is not None:
        return found[1].lower_ in PLURAL_POSSESSIVES
    start = number.idx
    return PLURAL_POSSESSIVE_BEFORE.search(text, max(0, start - 40), start) is not None


# ``leur croissance, de 0,2 %``, ``leurs ventes : 300``: a group's noun right before.
PLURAL_POSSESSIVE_BEFORE = re.compile(
    r"\b(?i:leurs?)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[,:]?\s*(?:de\s+|d['’]\s*)?"
    r"(?:(?:plus|moins|près)\s+de\s+|environ\s+)?$"
)


def _possessive(number: Token) -> tuple[Token, Token] | None:
    """The first noun around the figure (see :func:`possessor`) with a possessive
    determiner, and that determiner."""
    phrase = counted_phrase(number)
    nouns = [phrase]
    if phrase.dep_ == "nmod":
        nouns.append(phrase.head)
    # ``40 % de sa population``: the whole a part is taken from
    nouns.extend(
        c for c in phrase.children if c.dep_ == "nmod" and c.i > phrase.i and is_genitive(c)
    )
    # (``Son directeur prévoit d'investir 2 milliards``: the subject of the verb the
    # figure's verb depends on)
    verb = governing_verb(number)
    for clause_verb in clause_verbs(verb):
        if subjects := verb_subjects(clause_verb):
            nouns.extend(subjects)
            break
    # (``voit ses ventes chuter de 11 %``: the noun whose fall the figure's infinitive
    # tells)
    if verb is not None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        nouns.append(verb.head)
    for noun in nouns:
        for child in noun.children:
            if child.dep_ == "det" and "Yes" in child.morph.get("Poss", []):
                return noun, child
    return None
