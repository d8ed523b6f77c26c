"""Which named thing a figure is about: the parse, results rows, sections, the article."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from spacy.tokens import Token

from ami_facts.components.entities import main_subject
from ami_facts.components.linker.holders import (
    definite_owner_of_a_measure,
    measured_on_an_unnamed_thing,
    part_given_to_a_name,
    second_subject_between_commas,
    struck_by,
)
from ami_facts.components.linker.mentions import (
    ANAPHORA_WINDOW,
    ORDER_SUBJECT_LABELS,
    PERSONAL_PRONOUNS,
    Mention,
    antecedent,
    is_definite_reference,
    is_demonstrative,
    is_impersonal,
    mention_at,
    mention_covering,
    name_right_after,
    reported_by,
)
from ami_facts.components.linker.metric import infinitive, noun_phrase_metric
from ami_facts.components.linker.sentences import Sentence
from ami_facts.components.linker.syntax import (
    SUBJECT_DEPS,
    clause_verbs,
    counted_phrase,
    governing_verb,
    is_genitive,
    personal_expletive,
    relative_head,
    verb_subjects,
)
from ami_facts.french.lexicons import load_common_words, load_lexicons
from ami_facts.french.linking import (
    FORECAST_LEMMAS,
    IMPOSING_LEMMAS,
    MEASURE_NOUNS,
    ORIGIN_ENDINGS,
    PERSON_ANNOUNCING_LEMMAS,
    RECORDING_LEMMAS,
    REQUISITION_LEMMAS,
    SAYING_LEMMAS,
    SECTOR_NOUNS,
    SENTENCING_LEMMAS,
    SOURCE_PREPOSITION_PATTERN,
    STANCE_LEMMAS,
)
from ami_facts.french.metrics import anaphoric_nouns, metric_lexicon
from ami_facts.french.numbers import BIG
from ami_facts.hits import EntityHit

COMPETITION_METRICS = {"rank", "time_gap", "time_bonus"}
POSSESSOR_LABELS = {"PRODUCT", "ORG", "PER", "LOC"}
RELATIVE_CLAUSE_DEPS = {"acl:relcl", "acl"}
SENTENCE_ENDS = {".", "!", "?", "…", ":", ";"}
# What may stand between a verb's subject and the verb: auxiliaries, clitics, negation.
VERB_GROUP_DEPS = {"aux", "aux:tense", "aux:pass", "expl:comp", "expl:pv", "advmod", "obj", "iobj"}
RELATIVE_QUE = {"que", "qu'", "qu’"}
# The names a common-noun subject can have beside it (``le patron, Jean Martin,``).
APPOSED_NAME_LABELS = {"PER", "ORG", "PRODUCT"}
# Verbs whose object is not their subject's: who records a count, who sentences.
NOT_THE_SUBJECTS_LEMMAS = RECORDING_LEMMAS | SENTENCING_LEMMAS

# A source named before a figure: ``selon``/``d'après`` and up to six words.
SOURCE_BEFORE = re.compile(
    rf"\b(?:{SOURCE_PREPOSITION_PATTERN}|source\s*:)(?:\s+|['’])(?:[\w-]+(?:\s+|['’])){{0,6}}$",
    re.IGNORECASE,
)

# A results row: ``3. Peschel (All) à 1'03"``; its rank figure is a bare number with a dot.
RESULTS_RANK = re.compile(r"\d{1,3}\.")
RESULTS_NAME_GAP = 4
# The competitor's name right after a results rank when no entity covers it:
# an optional initial, then one or two capitalised words (``M. Keller``, ``van Damme``).
RESULTS_NAME = re.compile(
    r"\s*((?:[A-Z]\.\s*)?(?:(?:van|von|de|da|di|le|la)\s+)?[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?)"
)


def subject_from_parse(text: str, number: Token, mentions: list[Mention]) -> Mention | None:
    """The mention the parse says a figure is about, if any (see :func:`parse_subject`)."""
    found = parse_subject(text, number, mentions)
    return found[0] if found is not None else None


def parse_subject(text: str, number: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """The mention the parse says a figure is about, and the evidence's name.

    ``parse_owner``: the counted noun's complement (``2 000 exemplaires de la Clio``);
    ``parse_subject``: the subject of the figure's verb, climbing through ``devrait
    envoyer``; ``parse_antecedent``: what its pronoun refers back to;
    ``parse_definite``: what a definite noun refers back to (``La ville``, ``Le groupe``:
    a noun says what it refers to, a pronoun only its gender).
    """
    # ``500 salariés de Renault``, ``2 000 exemplaires de la Clio``: the counted noun's
    # complement says whose they are.
    counted = phrase if (phrase := counted_phrase(number)).i != number.i else None
    # ``Tesla a immatriculé 1 450 Model Y``: the figure counts a product by its name.
    if (
        counted is not None
        and counted.pos_ == "PROPN"
        and (product := mention_covering(mentions, counted)) is not None
        and product.label == "PRODUCT"
    ):
        return product, "parse_owner"
    if product := _product_named_after(counted or number, mentions):
        return product, "parse_owner"  # ``10 millions de consoles Switch 2``
    if counted is not None and counted.pos_ == "NOUN":
        for child in counted.children:
            # ``de la Clio``, not ``à l'hôpital de Belfort`` (where, not whose)
            if child.dep_ == "nmod" and child.i > counted.i and is_genitive(child):
                owner = next(
                    (m for m in mentions if m.start <= child.idx < m.end and m.label != "LOC"),
                    None,
                )
                if owner is not None:
                    return owner, "parse_owner"
    # ``Dans cette ville de 800 000 habitants``: the figure measures what the noun it
    # complements refers back to.
    measured = counted if counted is not None else number
    holder = measured.head
    if (
        measured.dep_ == "nmod"
        and holder.i < measured.i
        and holder.pos_ == "NOUN"
        and is_genitive(measured)
        and (label := is_definite_reference(holder)) is not None
    ):
        # (a definite noun says what it refers to: ``parse_definite``, as a subject's)
        return _tagged(
            antecedent(text, mentions, holder, {label}, ANAPHORA_WINDOW), "parse_definite"
        )
    if measured_on_an_unnamed_thing(measured, mentions):
        return None
    if (part_of := part_given_to_a_name(measured, mentions)) is not None:
        return part_of, "parse_owner"
    verb = governing_verb(number)
    if verb is None and (subject := _subject_after_detached_phrase(number)) is not None:
        # ``Âgé de 22 ans, il devient ...``: a phrase set before the clause describes its
        # subject.
        return _named_by_subject(text, mentions, subject)
    for clause_verb in clause_verbs(verb):
        if infinitive(clause_verb) in STANCE_LEMMAS:
            return None
        if (
            infinitive(clause_verb) in SAYING_LEMMAS
            and clause_verb.i < number.i
            and any(t.lower_ in RELATIVE_QUE for t in number.doc[clause_verb.i + 1 : number.i])
        ):
            # ``Elle prévient qu'un acquéreur sur trois reste exclu``: who says that the
            # clause holds is its source, however the parser hangs the clause
            return None
        if clause_verb.lemma_.lower() in RECORDING_LEMMAS:
            # who counts is a source (``l'Insee a recensé 300 cas``), but a place counts
            # its own (``Le Portugal a recensé 3 100 demandes d'asile``)
            recorder = next(iter(verb_subjects(clause_verb)), None)
            named = named_or_referred(text, mentions, recorder) if recorder is not None else None
            return named if named is not None and named[0].label == "LOC" else None
        if clause_verb.lemma_.lower() in SENTENCING_LEMMAS:
            # (the parser may take a day for an object too: ``a condamné mardi X``)
            for sentenced in clause_verb.children:
                if sentenced.dep_ == "obj" and sentenced.i != number.i:
                    found = named_or_referred(text, mentions, sentenced)
                    if found is not None:
                        return found
            if clause_verb.lemma_.lower() in REQUISITION_LEMMAS:
                return _tagged(_person_against(text, mentions, number), "parse_subject")
        if clause_verb.lemma_.lower() in IMPOSING_LEMMAS and (
            struck := struck_by(clause_verb, mentions)
        ):
            return struck, "parse_subject"
        # ``Garcia, qui s'est imposé avec 52" d'avance``: the relative pronoun stands
        # for the noun the clause hangs on.
        # (the parser may hang the clause on the verb before the name: ``affronter Sophie
        # Lenoir, qui avait obtenu``; ``qui`` then stands for the name before it, below)
        if (head := relative_head(clause_verb)) is not None and head.pos_ not in {"VERB", "AUX"}:
            return named_or_referred(text, mentions, head)
        # ``La console, lancée en juin au prix de 469 euros,``: a participle set beside
        # a noun says what it does of that noun
        if (
            clause_verb.dep_ == "acl"
            and "Part" in clause_verb.morph.get("VerbForm", [])
            and clause_verb.head.pos_ in {"NOUN", "PROPN"}
            and clause_verb.head.i < clause_verb.i
            and not verb_subjects(clause_verb)
        ):
            return named_or_referred(text, mentions, clause_verb.head)
        # ``Sinner, numéro un mondial, restait sur``: the parser may take the detached
        # phrase's noun for the subject, or leave the verb none
        if (opening := _name_opening_the_sentence_before(clause_verb)) is not None:
            subjects = verb_subjects(clause_verb)
            if not subjects or opening.i < subjects[0].i < clause_verb.i:
                return _tagged(mention_covering(mentions, opening), "parse_subject")
        if _in_the_agent(number, clause_verb):
            return None  # (``sera élue par le conseil de 33 membres``: the agent's)
        for child in verb_subjects(clause_verb):
            if child.lower_ == "il" and is_impersonal(clause_verb):
                return None
            inside = range(child.left_edge.i, child.right_edge.i + 1)
            if child.i != measured.i and number.i in inside and clause_verb.i not in inside:
                # (``Les salariés des boutiques (une quinzaine d'enseignes du métro et du
                # RER) recevront``: a figure inside the subject is not what it did; a
                # mistagged verb hangs on its subject, ``Le groupe compte``; but what a
                # participle set beside it says is said of it: ``L'appareil, âgé de 12
                # ans, devait``)
                if _said_of(child, number):
                    return _named_by_subject(text, mentions, child)
                return None
            return _named_by_subject(text, mentions, child)
        controller = _object_controlling(clause_verb)
        if controller is not None and not possessed(controller):
            # (``Elle appelle le gouvernement à revaloriser l'aide de 10 %``: the object
            # of the verb above does what the infinitive says; ``la France a vu sa
            # population augmenter``: what the subject owns is the subject's)
            # (by its own name only: a role noun there, ``appelle le Premier ministre à``,
            # names no one the text named before)
            if controller.i == measured.i:
                return None
            return _tagged(mention_covering(mentions, controller), "parse_subject")
    return None


def _product_named_after(counted: Token, mentions: list[Mention]) -> Mention | None:
    """``5 000 berlines Model 3``, ``10 millions de consoles Switch 2``: a product's name
    right after the noun a figure counts (or after ``millions de``) names what it counts."""
    noun = counted
    if noun.lower_ in BIG:  # (``2 millions de Clio``)
        noun = next((c for c in noun.children if c.dep_ == "nmod" and c.i > noun.i), noun)
        if noun.pos_ == "PROPN":
            name = mention_covering(mentions, noun)
            return name if name is not None and name.label == "PRODUCT" else None
    if noun.pos_ != "NOUN" or noun.whitespace_ != " " or noun.i + 1 >= len(noun.doc):
        return None
    name = mention_covering(mentions, noun.nbor())
    return name if name is not None and name.label == "PRODUCT" else None


def _name_opening_the_sentence_before(verb: Token) -> Token | None:
    """``Martinez, le capitaine, a marqué``, ``Le demi d'ouverture Thomas Ramos, 30 ans,
    a réussi``, ``Son frère, Yanis B., 29 ans, a été condamné``: the name ending the
    sentence's first phrase (or set between commas after it), when phrases between
    commas with no verb of their own are all that part it from the verb; ``Marrakech
    reste``: a name the parser left apart as a root of its own right before the verb."""
    doc = verb.doc
    start = verb.i
    # (back to the sentence's end before: the parser may open a sentence at a second root)
    while (
        start > 0 and doc[start - 1].text not in SENTENCE_ENDS and "\n" not in doc[start - 1].text
    ):
        start -= 1
    if start == verb.i or doc[start].pos_ not in {"DET", "PROPN", "NOUN"}:
        return None  # (``En France, Renault, selon la presse, a``: a frame, no name)
    commas = [k for k in range(start, verb.i) if doc[k].text == ","]
    if not commas:
        names = start
        while names < verb.i and doc[names].pos_ == "PROPN":
            names += 1
        apart = names > start and any(t.dep_ == "ROOT" for t in doc[start:names])
        if not apart or any(t.dep_ not in VERB_GROUP_DEPS for t in doc[names : verb.i]):
            return None
        return doc[names - 1]
    if len(commas) < 2 or any(t.dep_ not in VERB_GROUP_DEPS for t in doc[commas[-1] + 1 : verb.i]):
        return None
    bounds = [start - 1, *commas]
    phrases = [doc[a + 1 : b] for a, b in pairwise(bounds)]
    if any(not phrase or any(t.pos_ in {"VERB", "AUX"} for t in phrase) for phrase in phrases):
        return None  # (``Sinner, qui restait sur``: a clause of its own)
    if phrases[0][-1].pos_ == "PROPN":
        return phrases[0][-1]
    # (``Son frère, Yanis B.,``: the name set beside the first phrase's noun)
    second = phrases[1]
    if len(phrases) > 2 and phrases[0][0].pos_ == "DET" and all(t.pos_ == "PROPN" for t in second):
        return second[-1]
    return None


def _in_the_agent(number: Token, verb: Token) -> bool:
    """Whether the figure lies in the agent of a passive ``verb`` (``par le conseil de
    33 membres``): it measures the agent, not the verb's subject."""
    for ancestor in [number, *number.ancestors]:
        if ancestor.head.i == verb.i:
            # (the parser may call the agent a mere complement, or an object an agent:
            # ``La ville compte 14 000 logements``; the case word tells)
            by = any(c.dep_ == "case" and c.lower_ == "par" for c in ancestor.children)
            return by and (
                ancestor.dep_ == "obl:agent"
                or (
                    ancestor.dep_.startswith("obl")
                    and any(c.dep_ == "aux:pass" for c in verb.children)
                )
            )
    return False


# Prepositions that set before or among whom a verb's action happens; ``dans`` sets
# where, before a noun of places (``dans 24 communes``, not ``dans 191 attentats``).
SETTING_CASES = {"devant", "parmi", "auprès"}


def in_a_setting(number: Token) -> bool:
    """Whether the figure's phrase is a complement of its verb that says where or before
    whom the action happens (``dans 24 communes``, ``Devant 79 000 spectateurs, la
    France``): no one's, the verb's subject least of all."""
    phrase = counted_phrase(number)
    places = anaphoric_nouns().get(phrase.lemma_.lower()) == "LOC"
    cases = SETTING_CASES | {"dans"} if places else SETTING_CASES
    # (the parser may hang the preposition on the number: ``dans 17 communes`` as an
    # object)
    # (``dans ses 3 400 stations``: a possessive says whose they are)
    if possessed(phrase):
        return False
    # (or take the preposition for an adverb the phrase hangs on: ``auprès de 1 512
    # personnes``)
    if phrase.head.pos_ == "ADV" and phrase.head.lower_ in cases:
        return True
    return phrase.head.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "case" and c.lower_ in cases for c in [*phrase.children, *number.children]
    )


# Verbs by which a person speaks for a body or a plan: a forecast or a target (``prévoit``,
# ``vise``), or what is made public or pledged (``a annoncé``, ``a promis``).
SPEAKING_FOR_LEMMAS = FORECAST_LEMMAS | PERSON_ANNOUNCING_LEMMAS


def spoken_for(number: Token) -> bool:
    """Whether the figure's verb forecasts, targets, announces or pledges it: said by a
    person, it is the plan's or the body's she speaks for."""
    return any(infinitive(v) in SPEAKING_FOR_LEMMAS for v in clause_verbs(governing_verb(number)))


def _said_of(noun: Token, number: Token) -> bool:
    """Whether ``number`` hangs on a participle or adjective set beside ``noun``."""
    below = number
    for ancestor in number.ancestors:
        if ancestor.i == noun.i:
            return below.dep_ in {"amod", "acl"} and below.pos_ in {"ADJ", "VERB"}
        below = ancestor
    return False


def possessed(noun: Token) -> bool:
    """Whether a noun has a possessive determiner (``son``, ``leurs``)."""
    return any("Yes" in child.morph.get("Poss", []) for child in noun.children)


def _object_controlling(verb: Token) -> Token | None:
    """The object of the verb an infinitive complements, before it (``appelle le
    gouvernement à revaloriser``, ``a convaincu Renault d'acheter``)."""
    if verb.dep_ != "xcomp" or "Inf" not in verb.morph.get("VerbForm", []):
        return None
    return next(
        (
            child
            for child in verb.head.children
            if child.dep_ == "obj" and child.i < verb.i and child.pos_ in {"NOUN", "PROPN"}
        ),
        None,
    )


def _named_by_subject(
    text: str, mentions: list[Mention], subject: Token
) -> tuple[Mention, str] | None:
    """The mention a verb's subject is or names, or, for a pronoun, refers back to."""
    if subject.lower_ in PERSONAL_PRONOUNS or is_demonstrative(text, subject):
        return _tagged(
            antecedent(text, mentions, subject, {"PRODUCT", "ORG", "PER"}), "parse_antecedent"
        )
    if subject.lower_ == "qui":
        if (named := _name_before_relative(text, mentions, subject)) is not None:
            return named, "parse_subject"
        # (``dans 24 communes de l'île, qui compte``: the definite noun before it)
        noun = subject.nbor(-1) if subject.i > 0 else subject
        noun = noun.nbor(-1) if noun.text == "," and noun.i > 0 else noun
        if noun.pos_ in {"NOUN", "PROPN"} and (label := is_definite_reference(noun)):
            return _tagged(
                antecedent(text, mentions, noun, {label}, ANAPHORA_WINDOW), "parse_definite"
            )
        return None
    return named_or_referred(text, mentions, subject) or _tagged(
        people_as_a_whole(subject), "parse_subject"
    )


# ``Rachida Dati, qui avait obtenu``: a name, maybe a comma, then the relative pronoun.
RELATIVE_GAP = re.compile(r"\s*,?\s*")


def _name_before_relative(text: str, mentions: list[Mention], pronoun: Token) -> Mention | None:
    """``Il affrontera Rachida Dati, qui avait obtenu 34 %``: the name ``qui`` follows,
    where the parser hangs the relative clause elsewhere than on it."""
    return next(
        (
            m
            for m in mentions
            if m.end <= pronoun.idx and RELATIVE_GAP.fullmatch(text, m.end, pronoun.idx)
        ),
        None,
    )


def people_as_a_whole(noun: Token) -> Mention | None:
    """``Les Sud-Africains l'ont emporté 29 à 28``, ``les Français ont acheté``: a people
    named as a whole by its demonym stands for its country (not ``Le Français Romain
    Grégoire``, one person, nor ``Les Danois Jonas Vingegaard et ...``, the people named
    after it)."""
    if noun.pos_ not in {"NOUN", "PROPN"} or not noun.text[:1].isupper():
        return None
    if not any(child.dep_ == "det" and child.lower_ == "les" for child in noun.children):
        return None
    doc = noun.doc
    if noun.i + 1 < len(doc) and doc[noun.i + 1].text[:1].isupper():
        return None
    demonyms = load_lexicons().demonyms
    word = noun.lower_
    country = demonyms.get(word) or demonyms.get(word.removesuffix("s"))
    if country is None:
        return None
    return Mention(noun.idx, noun.idx + len(noun.text), country, "LOC")


def _subject_after_detached_phrase(number: Token) -> Token | None:
    """``Âgé de 22 ans, il devient``, ``Fondée en 1990 avec 12 salariés, la société``: the
    subject of the clause that an adjective or participle phrase opening the sentence,
    closed by a comma, stands before (the parser makes the phrase a sentence of its own)."""
    top = number
    for ancestor in number.ancestors:
        top = ancestor
    if top.dep_ != "ROOT" or top.pos_ not in {"ADJ", "VERB"}:
        return None
    if top.pos_ == "VERB" and "Part" not in top.morph.get("VerbForm", []):
        return None  # a finite verb heads a clause of its own
    doc = top.doc
    first = top.left_edge
    if (
        first.i > 0
        and doc[first.i - 1].text not in {".", "!", "?", "\n"}
        and "\n" not in (doc[first.i - 1].text + doc[first.i - 1].whitespace_)
    ):
        return None
    comma = top.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    for token in doc[comma + 1 :]:
        if token.text in {".", "!", "?"}:
            return None
        if token.head.dep_ == "ROOT" and (
            token.dep_.startswith("nsubj") or personal_expletive(token.head, token)
        ):
            return token
    return None


def singular_pronoun_subject(number: Token) -> Token | None:
    """``il``/``elle``, the subject of the figure's verb (climbing as
    :func:`parse_subject` does), when it stands for someone (not ``il faut``)."""
    for verb in clause_verbs(governing_verb(number)):
        subjects = verb_subjects(verb)
        if subjects:
            pronoun = subjects[0]
            if pronoun.lower_ not in {"il", "elle"}:
                return None
            return None if pronoun.lower_ == "il" and is_impersonal(verb) else pronoun
    return None


AGAINST = re.compile(r"\b(?:contre|à l['’]encontre (?:de|du|d['’]))\s", re.IGNORECASE)
AGAINST_GAP = 40


def _person_against(text: str, mentions: list[Mention], number: Token) -> Mention | None:
    """``deux ans de prison contre l'ancien député Jean Lefort``: the person a term is
    asked against, named after ``contre`` in the figure's sentence."""
    end = text.find(".", number.idx)
    end = len(text) if end == -1 else end
    against = AGAINST.search(text, number.idx, end)
    if against is None:
        return None
    return next(
        (
            m
            for m in mentions
            # (``contre Essia B.``: the initial's full stop ends no sentence)
            if m.label == "PER" and 0 <= m.start - against.end() <= AGAINST_GAP and m.start < end
        ),
        None,
    )


def unnamed_relative_head(text: str, number: Token, mentions: list[Mention]) -> Token | None:
    """``les usines de la ville, qui comptent 800 salariés``: the noun a relative clause
    holding the figure hangs on, when the clause's ``qui`` stands for it and it names
    nothing. The figure is about that noun, not about what the main clause names."""
    verb = governing_verb(number)
    head = relative_head(verb) if verb is not None else None
    if head is None or head.pos_ != "NOUN" or named_or_referred(text, mentions, head):
        return None
    return head


def unnamed_indefinite_subject(text: str, number: Token, mentions: list[Mention]) -> Token | None:
    """``Une pétition a recueilli 15 000 signatures``: the subject of the verb the figure
    is the object of, when it is a thing introduced by ``un``/``une`` that names nothing;
    ``L'agence régionale de santé a promis 30 postes``: the subject of the figure's verb,
    when it is an institution (``institution_heads``) or a whole trade (``La filière
    emploie 45 000 personnes``, ``SECTOR_NOUNS``) that names nothing and that no
    name of the article is called by. The figure is that thing's, not the article's
    topic's."""
    verb = governing_verb(number)
    # (who records a count is its source: ``l'agence régionale de santé a recensé
    # 3 400 cas``; a term the court gives or the prosecution asks for is the person's:
    # ``Le parquet a requis dix ans contre X``)
    if verb is None or verb.lemma_.lower() in NOT_THE_SUBJECTS_LEMMAS:
        return None
    subjects = verb_subjects(verb)
    if len(subjects) != 1 or (subject := subjects[0]).pos_ != "NOUN":
        return None
    if named_or_referred(text, mentions, subject) is not None:
        return None
    if (
        subject.lower_ in load_lexicons().institution_heads
        or subject.lemma_.lower() in SECTOR_NOUNS
    ):
        # (``le CHU`` where the article names the ``CHU de Rennes``: that one)
        called = any(subject.lower_ in m.name.lower().split() for m in mentions)
        return None if called else subject
    phrase = counted_phrase(number)
    if phrase.dep_ != "obj" or phrase.head.i != verb.i:
        return None
    indefinite = any(
        child.dep_ == "det" and "Ind" in child.morph.get("Definite", [])
        for child in subject.children
    )
    return subject if indefinite else None


def unnamed_definite_rate_holder(text: str, number: Token, mentions: list[Mention]) -> Token | None:
    """``La participation s'est établie à 31 %``: the subject of the verb a percentage
    depends on, when it is a definite thing that names nothing, refers back to no name
    and is no measure of a named thing (not ``le chiffre d'affaires``, ``le titre``).
    The rate is that thing's, not the topic's (unless the topic is a product, whose
    parts are its own, ``La batterie se recharge à 80 %``: the caller tells)."""
    phrase = counted_phrase(number)
    if phrase.text != "%":
        return None  # (most figures: no need to read the parse further)
    verb = governing_verb(number)
    if verb is None or phrase.head.i != verb.i:
        return None
    subjects = verb_subjects(verb)
    if len(subjects) != 1 or (subject := subjects[0]).pos_ != "NOUN":
        return None
    definite = any(
        child.dep_ == "det" and "Def" in child.morph.get("Definite", [])
        for child in subject.children
    )
    if (
        not definite
        or subject.lemma_.lower() in MEASURE_NOUNS
        or noun_phrase_metric(metric_lexicon(), subject) is not None
        or is_definite_reference(subject) is not None
        or named_or_referred(text, mentions, subject) is not None
    ):
        return None
    return subject


def named_or_referred(
    text: str, mentions: list[Mention], noun: Token
) -> tuple[Mention, str] | None:
    """The mention a subject noun is, or names beside it, or refers back to
    (``le groupe``: the last organisation named)."""
    # (``le candidat du Rassemblement national, Marc Durand,``: the name set beside a
    # role noun is more precisely its subject than the organisation the role names)
    apposed = None if mention_at(mentions, noun) else name_in_apposition(noun, mentions)
    if apposed is not None:
        # (but a name right after the noun is its own, before the apposition: ``Son
        # concurrent Free, filiale d'Iliad,``)
        apposed = name_right_after(noun, mentions) or apposed
        return apposed, "parse_subject"
    covering = mention_covering(mentions, noun)
    if covering is None and (label := is_definite_reference(noun)) is not None:
        found = antecedent(text, mentions, noun, {label}, ANAPHORA_WINDOW)
        if found is not None and _described_otherwise(text, mentions, found, noun):
            found = None
        # (``La marque chinoise``: the name the text gave that origin, ``Le constructeur
        # chinois Leapmotor``, rather than the last one named)
        found = _described_alike(text, mentions, noun, label) or found
        return _tagged(found, "parse_definite")
    if covering is None and (owner := definite_owner_of_a_measure(noun)) is not None:
        # (``Les ventes mondiales du constructeur``: what the owner refers back to)
        return _tagged(
            antecedent(text, mentions, owner[0], {owner[1]}, ANAPHORA_WINDOW), "parse_definite"
        )
    return _tagged(covering, "parse_subject")


WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


def _origin_adjective(word: str) -> bool:
    return word.endswith(ORIGIN_ENDINGS) and load_common_words().is_adjective(word)


def _described_otherwise(text: str, mentions: list[Mention], found: Mention, noun: Token) -> bool:
    """Whether a definite noun's adjective of origin (``Le groupe toulousain``) is not
    the one the text gave the name it would refer back to (``Son concurrent américain
    Boeing``): then it refers to something else."""
    said = {
        child.lower_
        for child in noun.children
        if child.dep_ == "amod" and child.i > noun.i and _origin_adjective(child.lower_)
    }
    if not said:
        return False
    given = set()
    for mention in mentions:
        if mention.name == found.name and mention.start < noun.idx:
            before = WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
            if before is not None and _origin_adjective(word := before.group(1).lower()):
                given.add(word)
    return bool(given) and not given & said


def _described_alike(text: str, mentions: list[Mention], noun: Token, label: str) -> Mention | None:
    """The last name of ``label`` before a definite noun that the text gave the noun's
    adjective of origin (``Le constructeur chinois Leapmotor`` for ``la marque
    chinoise``), when only one name was given it."""
    said = {
        _masculine(child.lower_)
        for child in noun.children
        if child.dep_ == "amod" and child.i > noun.i and _origin_adjective(child.lower_)
    }
    if not said:
        return None
    alike = {}
    for mention in mentions:
        if mention.label != label or mention.start >= noun.idx:
            continue
        before = WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        if before is not None and _masculine(before.group(1).lower()) in said:
            alike[mention.name] = mention
    return next(iter(alike.values())) if len(alike) == 1 else None


def _masculine(adjective: str) -> str:
    """``chinoise`` -> ``chinois``, ``italienne`` -> ``italien`` (enough to compare)."""
    if adjective.endswith("nne"):
        return adjective[:-2]
    return adjective[:-1] if adjective.endswith("e") else adjective


def name_in_apposition(noun: Token, mentions: list[Mention]) -> Mention | None:
    """``Un ancien de la Stasi, Karl Weber, a été condamné``: the name set
    between commas beside a subject that is a common noun (the parser makes it an
    apposition or, as often, a complement; or a second subject of the verb: ``Son
    principal rival, le Skoda Kodiaq, débute à``)."""
    sibling = second_subject_between_commas(noun)
    if (
        sibling is not None
        and (covering := _apposed_name(sibling, mentions)) is not None
        and covering.label in APPOSED_NAME_LABELS
    ):
        return covering
    for child in noun.children:
        if (
            (
                (
                    child.dep_ in {"appos", "nmod"}
                    and child.left_edge.i > 0
                    # (after the comma, the words before the name: ``, l'ancien Premier
                    # ministre Amadou Ba,``)
                    and child.doc[child.left_edge.i - 1].text == ","
                )
                or _conjunct_between_commas(child)
            )
            and (covering := _apposed_name(child, mentions)) is not None
            and covering.label in APPOSED_NAME_LABELS
        ):
            return covering
    return None


def _conjunct_between_commas(child: Token) -> bool:
    """``L'ancien maire de Nice, Paul Garnier, a été condamné``: a name the parser takes
    for a conjunct, set between commas with no ``et`` or ``ou`` after it, is an
    apposition."""
    if child.dep_ != "conj" or child.pos_ != "PROPN" or child.left_edge.text != ",":
        return False
    after = child.right_edge.i + 1
    doc = child.doc
    return (
        after < len(doc)
        and doc[after].text == ","
        and not any(c.dep_ == "cc" for c in child.children)
        and not any(c.dep_ == "conj" and c.i > child.i for c in child.head.children)
    )


def _apposed_name(apposed: Token, mentions: list[Mention]) -> Mention | None:
    """The name an apposition is, or (``, le groupe suisse Glencore,``: a common noun
    heading it) the last name it holds."""
    covering = mention_covering(mentions, apposed)
    if covering is not None or apposed.pos_ != "NOUN":
        return covering
    # (up to the comma that closes it: the parser may hang the name elsewhere)
    doc = apposed.doc
    close = next(
        (t for t in doc[apposed.i : apposed.sent.end] if t.text in {",", ")", ";"}),
        apposed.right_edge,
    )
    start, end = apposed.left_edge.idx, close.idx
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    return inside[-1] if inside else None


def _tagged(mention: Mention | None, evidence: str) -> tuple[Mention, str] | None:
    return None if mention is None else (mention, evidence)


# What joins two names in a list: a comma, ``et``, ``ou``.
NAMES_JOINED = re.compile(r"\s*(?:,|,?\s*et|,?\s*ou)\s+")


def section_topics(
    text: str, intertitles: list[tuple[int, int]], mentions: list[Mention]
) -> list[tuple[int, Mention]]:
    """(section start, topic) for each intertitle that names a product or an organisation.

    An intertitle is a short line standing alone between blank lines, with no final
    full stop (``L'AMI Pro, une future concurrente pour la Renault Twizy Cargo ?``);
    the first product or organisation it names is what its section is about.
    ``intertitles``: their lines (``sentences.intertitle_lines``).
    """
    topics: list[tuple[int, Mention]] = []
    # Nothing that can be a topic is named: no need to read the intertitles.
    if not any(m.label in ORDER_SUBJECT_LABELS for m in mentions):
        return topics
    for start, end in intertitles:
        named = [m for m in mentions if start <= m.start < end and m.label in ORDER_SUBJECT_LABELS]
        # (``Stellantis et Renault augmentent leurs prix``: two names joined are no one
        # topic)
        if named and not (
            len(named) > 1 and NAMES_JOINED.fullmatch(text, named[0].end, named[1].start)
        ):
            topics.append((end, named[0]))
    return topics


def topic_at(topics: list[tuple[int, Mention]], offset: int) -> Mention | None:
    """The topic of the section ``offset`` lies in (sections end at the next intertitle)."""
    current = None
    for start, topic in topics:
        if start > offset:
            break
        current = topic
    return current


def names_anything(mentions: list[Mention], sentence: Sentence) -> bool:
    return any(sentence[0] <= m.start < sentence[1] for m in mentions)


def is_the_actor(number: Token | None) -> bool:
    """``où 3 000 personnes travaillent``: the figure is its clause's own subject."""
    if number is None:
        return False
    phrase = counted_phrase(number)
    return phrase.dep_ in SUBJECT_DEPS


def has_noun_subject(number: Token | None) -> bool:
    """Whether the figure's clause names its own subject (then the article's is not it)."""
    verb = governing_verb(number) if number is not None else None
    return verb is not None and any(
        child.dep_ in SUBJECT_DEPS and child.pos_ in {"NOUN", "PROPN"} for child in verb.children
    )


def closest_before(
    text: str, mentions: list[Mention], sentence: Sentence | None, offset: int, labels: set[str]
) -> Mention | None:
    if sentence is None:
        return None
    best = None
    for mention in mentions:
        if (
            mention.label in labels
            and sentence[0] <= mention.start
            and mention.end <= offset
            and not _is_source(text, sentence, mention)
        ):
            best = mention
    return best


def _is_source(text: str, sentence: Sentence, mention: Mention) -> bool:
    """``Selon l'Ifop``, ``d'après une étude du cabinet X``, ``..., a appris l'AFP``: who
    says it, not what it is about."""
    return bool(
        SOURCE_BEFORE.search(text, max(sentence[0], mention.start - 60), mention.start)
    ) or reported_by(text, mention.start, sentence[0])


def results_rows(
    text: str, figures: list[dict[str, Any]], mentions: list[Mention]
) -> dict[int, Mention]:
    """Subjects of figures in results rows (``2. Mauri (Esp) à 41"``), by figure index.

    A row starts at a rank written ``N.`` followed by a name and runs to the next
    such rank; every figure in it is about the competitor named.
    """
    rows: list[tuple[int, Mention | None]] = []
    for index, figure in enumerate(figures):
        if figure["kind"] != "rank" or not RESULTS_RANK.fullmatch(
            text, figure["number_start"], figure["number_end"] + 1
        ):
            continue
        name = next(
            (
                m
                for m in mentions
                if 0 <= m.start - figure["number_end"] <= RESULTS_NAME_GAP
                and m.label in {"PER", "ORG"}
            ),
            None,
        )
        if name is None:
            match = RESULTS_NAME.match(text, figure["number_end"] + 1)
            if match is not None and "\n" not in match.group(1):
                name = Mention(match.start(1), match.end(1), match.group(1), "PER")
        rows.append((index, name))
    subjects: dict[int, Mention] = {}
    for row, (index, name) in enumerate(rows):
        if name is None:
            continue
        end = rows[row + 1][0] if row + 1 < len(rows) else len(figures)
        for member in range(index, end):
            # A row never spans a paragraph or a sentence-final period of prose.
            if member > index and (
                text.find("\n\n", figures[index]["end"], figures[member]["start"]) != -1
            ):
                break
            subjects[member] = name
    return subjects


def main_subject_mention(
    entity_dicts: list[dict[str, Any]], mentions: list[Mention]
) -> Mention | None:
    """The first mention of the article's main subject, if it has one."""
    name = main_subject([EntityHit(**hit) for hit in entity_dicts])
    if name is None:
        return None
    return next((mention for mention in mentions if mention.name == name), None)


def relative_subject(text: str, number: Token, mentions: list[Mention]) -> Mention | None:
    """``les 300 voitures que Renault a vendues``, ``les deux sièges que détient la France``.

    The subject of a relative clause on the figure's noun; after ``que`` the subject
    often follows the verb, where the parser may take it for an object. A pronoun
    (``les deux sièges dont elle dispose``) stands for the last thing named before it
    that can own or do what the figure counts.
    """
    phrase = counted_phrase(number)
    for clause in phrase.children:
        if clause.dep_ not in RELATIVE_CLAUSE_DEPS or clause.i < phrase.i:
            continue
        children = list(clause.children)
        after_que = any(c.dep_ == "obj" and c.lower_ in RELATIVE_QUE for c in children)
        for child in children:
            inverted = after_que and child.dep_ == "obj" and child.i > clause.i
            if not (child.dep_ in SUBJECT_DEPS or inverted):
                continue
            if child.lower_ in PERSONAL_PRONOUNS or is_demonstrative(text, child):
                return antecedent(text, mentions, child, POSSESSOR_LABELS)
            if (covering := mention_covering(mentions, child)) is not None:
                return covering
    return None


def participle_agent(number: Token, mentions: list[Mention]) -> Mention | None:
    """``14 attentats revendiqués par l'ETA``, ``les vélos produits par Decathlon``.

    The agent (``par X``) of a past participle on the figure's noun is who did or made
    what the figure counts. The parser hangs ``par X`` on the participle or, as often,
    on the noun itself after the participle.
    """
    phrase = counted_phrase(number)
    participles = [
        child
        for child in phrase.children
        if child.i > phrase.i and "Part" in child.morph.get("VerbForm", [])
    ]
    if not participles:
        return None
    first = participles[0]
    holders = [*first.children, *(c for c in phrase.children if c.i > first.i)]
    for holder in holders:
        if (
            any(c.dep_ == "case" and c.lower_ == "par" for c in holder.children)
            and (covering := mention_covering(mentions, holder)) is not None
        ):
            return covering
    return None


def agents_beside_the_subject(number: Token) -> list[Token]:
    """``Le chantier, mené par l'espagnol Iberdrola, a coûté 2,4 milliards``: the agents
    (``par X``) of participles that describe the subject of the figure's verb. Each
    says who did something to that subject, not whose the figure is."""
    agents: list[Token] = []
    for verb in clause_verbs(governing_verb(number)):
        for subject in verb_subjects(verb):
            for participle in subject.children:
                if participle.dep_ != "acl" or "Part" not in participle.morph.get("VerbForm", []):
                    continue
                agents.extend(c for c in participle.children if c.dep_ == "obl:agent")
        if agents or verb_subjects(verb):
            break
    return agents
