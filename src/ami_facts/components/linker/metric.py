"""What a figure measures: clue phrases around it, its unit, its counted noun, its verb."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from ami_facts.components.linker.mentions import PERSONAL_PRONOUNS
from ami_facts.components.linker.sentences import Sentence
from ami_facts.components.linker.syntax import (
    SUBJECT_DEPS,
    SUBJECTLESS_CLAUSE_DEPS,
    counted_phrase,
    governing_verb,
    has_preposition,
    is_genitive,
    personal_expletive,
)
from ami_facts.french.linking import (
    CAPACITY_LEMMAS,
    FORECAST_NOUNS,
    FUNDING_LEMMAS,
    FUNDING_NOUNS,
    HANDLING_LEMMAS,
    MEASURE_NOUNS,
    PERSON_NOUNS,
    RESIDENT_NOUNS,
)
from ami_facts.french.metrics import MetricLexicon, metric_lexicon
from ami_facts.french.units import PRICE_PER_UNITS
from ami_facts.patterns import alternation

# How far back (in characters) word clues for the metric are looked for in a clause.
METRIC_WINDOW = 60
AFTER_WINDOW = 30

SHARE_AFTER = re.compile(
    r"\s*(?:des\s|du\s|de\s+l['’]|de\s+(?:la|ses|son|sa|leurs?|ces|cette|nos|vos|tous|toutes)\s)",
    re.IGNORECASE,
)
# ``a perdu 60 % de sa valeur``: a part of its own value is what a verb of change moved,
# no share of a whole (the verb says it).
OWN_VALUE_AFTER = re.compile(r"\s*de\s+(?:sa|leur)\s+valeur\b", re.IGNORECASE)
# Metrics that measure money: a clue naming one is ignored for a figure that is not.
MONEY_METRICS = {"price", "cost", "revenue"}
# What a sum of money, and a percentage or a ratio, can measure.
MONEY_READINGS = MONEY_METRICS | {"margin", "change", "market_size"}
SHARE_KINDS = {"percent", "ratio"}
MONEY_OR_SHARE_KINDS = {"money", *SHARE_KINDS}
SHARE_READINGS = {"share", "change", "margin"}
# Metrics that count people, and the ones of them a verb of an event gives.
PEOPLE_METRICS = {"population", "workforce", "deaths", "injured"}
EVENT_METRICS = {"deaths", "injured"}
# Metrics of a trade in things: a verb that gives one never counts people.
TRADE_METRICS = {"sales", "orders", "deliveries", "production", "registrations"}
# ``16 km de conduites``: kilometres of a thing are its length.
EXTENT_AFTER = re.compile(
    r"\s+(?:de|d['’])\s*(?!autonomie\b|(?:la|le|les|l['’]|du|des)\b)[a-zà-ÿ]", re.IGNORECASE
)
# The unit's word after the number (``km``, ``kilomètres``): the extent's noun may
# follow it inside the figure (``3 km de voies par an``).
UNIT_WORD = re.compile(r"\s*[^\s\d]*")
# ``à 12 km de la frontière``: how far away.
AWAY_BEFORE = re.compile(r"\bà\s*(?:environ\s+|plus de\s+|moins de\s+|près de\s+)?$")
# ``Jean Martin, 52 ans,``, ``(52 ans)``: an age in apposition to a name.
AGE_APPOSITION_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’.-]*\s*[,(]\s*$")
AGE_APPOSITION_AFTER = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$)")
# ``l'âge de 64 ans``, ``l'âge légal de départ à la retraite de 62 à 64 ans``
AGE_NOUN_BEFORE = re.compile(r"\bâges?(?:\s+[\w'’-]+){0,6}?\s+(?:de|d['’]|à)\s*$", re.IGNORECASE)
# ``À 21 ans, il devient ...``, ``A 80 ans, la chanteuse ...``: years that open the
# sentence before a comma and a person are that person's age (not ``À cinq ans, la
# mairie fera un bilan``).
AGE_OPENING_BEFORE = re.compile(r"(?:^|[.!?;:]\s+)[ÀA]\s*$")
AGE_OPENING_AFTER = re.compile(
    r"\s*,\s*(?:(?:il|elle)s?\b|[A-ZÀ-Ý]"
    r"|(?:le|la|les|l['’]|cette|ce|cet|notre)\s*(?P<noun>[^\W\d_]+))"
)
# ``un enfant de deux ans``, ``une femme d'une cinquantaine d'années``
PERSON_BEFORE_DE = re.compile(r"\b([\w-]+)\s+(?:de|d['’])\s*$")
CONSUMPTION_PER = {"km", "100km"}
# ``les plus de 65 ans``, ``aux moins de 25 ans``: people of an age, named by it.
AGE_GROUP_BEFORE = re.compile(r"\b(?:les|des|aux)\s*$", re.IGNORECASE)
# A race time after ``à`` is a gap to the winner (``2. Mauri à 41"``, ``terminé à 5 minutes``).
TIME_GAP_BEFORE = re.compile(r"\bà\s*(?:plus de\s*|moins de\s*)?$")
RACE_TIME_UNITS = {"s", "min"}
SENTENCE_STOPS = frozenset([".", "!", "?", "…"])
TIME_TAKEN_BEFORE = re.compile(r"\ben\s*(?:plus de\s*|moins de\s*)?$")
# ``a exporté pour 1,9 milliard d'euros de vins``: the value of what was traded, not
# the price of one thing (``a vendu sa maison pour 300 000 euros``); the seller's
# revenue, the buyer's cost.
TRADE_VALUE_BEFORE = re.compile(r"\bpour\s*$", re.IGNORECASE)
TRADE_VALUE_AFTER = re.compile(r"\s+(?:de|d['’])\s*[^\W\d_]", re.IGNORECASE)
TRADE_VALUE_METRICS = {"sales": "revenue", "deliveries": "revenue", "orders": "cost"}


class _PhraseTable:
    """Phrase -> metric, read as one pattern: the longest phrase a text ends (or starts) with."""

    def __init__(self, table: dict[str, str], *, at_end: bool) -> None:
        self.table = table
        self.at_end = at_end
        # A trie tries the longest phrase first, and one letter at a time.
        phrases = alternation(table)
        # (a phrase that ends the text starts a word: ``voyage de`` does not end with
        # ``âge de``)
        self.pattern = re.compile(f"(?<!\\w)(?:{phrases})$" if at_end else phrases)
        # A phrase that ends a text starts no further than this from its end.
        self.longest = max(map(len, table), default=0)
        # The letters the phrases end (or start) with: most texts end (start) with none
        # of them and are turned down before they are folded.
        self.edges = {phrase[-1] if at_end else phrase[0] for phrase in table if phrase}
        letters = "".join(sorted(self.edges | {e.upper() for e in self.edges}))
        self.starts_with_edge = re.compile(rf"\s*[{re.escape(letters)}]" if letters else "(?!)")

    def metric(self, text: str) -> str | None:
        # The edge letter of the folded text, without folding it.
        if self.at_end:
            stripped = text.rstrip()
            if not stripped or stripped[-1].lower()[-1:] not in self.edges:
                return None
        elif self.starts_with_edge.match(text) is None:
            return None
        folded = " ".join(text.lower().split())
        if self.at_end:
            match = self.pattern.search(folded, max(0, len(folded) - self.longest))
        else:
            match = self.pattern.match(folded)
        return self.table[match.group()] if match else None


# What brings a figure in as the level reached: ``grimpe à 18 %``, ``a progressé de 9 %
# pour atteindre 78 000 voyageurs``.
LEVEL_BEFORE = re.compile(
    r"(?:\bà|\bjusqu['’]à|\bau niveau de|\batteindre|\batteignant)\s*$", re.IGNORECASE
)


@cache
def _clue_phrases() -> tuple[_PhraseTable, _PhraseTable]:
    """The lexicon's phrases that follow a figure and those that precede it."""
    lexicon = metric_lexicon()
    return _PhraseTable(lexicon.after, at_end=False), _PhraseTable(lexicon.before, at_end=True)


@dataclass(frozen=True)
class MetricClue:
    """One reading of what a figure measures, how strong it is and where it came from."""

    metric: str
    strength: float
    evidence: str


# The clues that depend on nothing but the figure's kind or a fixed pattern: built once,
# not for every figure (a frozen dataclass costs a few attribute sets to build).
RANK_CLUE = MetricClue("rank", 5.0, "kind")
RACE_GAP_CLUE = MetricClue("time_gap", 4.5, "race_gap")
AGE_CLUE = MetricClue("age", 4.8, "age")
SHARE_OF_WHOLE_CLUE = MetricClue("share", 4.0, "share_of_whole")
SHARE_KIND_CLUE = MetricClue("share", 1.0, "kind")
CHANGE_KIND_CLUE = MetricClue("change", 1.0, "kind")
# ``Lyon (4 740 euros, +2,1 %)``, ``Marseille (–1,2 %)``: a rate with a plus sign, or a
# minus sign in brackets or a list, is a change (not ``un taux de -0,5 %``, a level; a
# noun measured says otherwise and weighs more)
SIGNED_CHANGE_CLUE = MetricClue("change", 3.5, "sign")
MINUS_SIGNS = frozenset("-–−")
LISTED_BEFORE = re.compile(r"[(,]\s*$")
COST_KIND_CLUE = MetricClue("cost", 1.0, "kind")
# (a sum per a quantity of a thing is a price whatever the verb: ``coûte 1,85 euro le
# litre``; a noun the figure measures still says more)
PRICE_PER_UNIT_CLUE = MetricClue("price", 3.0, "per_unit")


@cache
def _clue(metric: str, strength: float, evidence: str) -> MetricClue:
    """A clue whose metric comes from the lexicon (a phrase, a unit): one per reading."""
    return MetricClue(metric, strength, evidence)


def _after_unit_word(text: str, number_end: int) -> int:
    word = UNIT_WORD.match(text, number_end)
    return word.end() if word is not None else number_end


def _kind_verb_clue(
    table: dict[str, str], number: Token | None, strength: float, evidence: str
) -> MetricClue | None:
    """What the figure's verb says a figure of one kind is, from that kind's table:
    ``concédant 2'24"`` (a duration: a race gap), ``le titre gagnait 6 %`` (a
    percentage: a change)."""
    verb = governing_verb(number) if number is not None else None
    metric = table.get(infinitive(verb)) if verb is not None else None
    return MetricClue(metric, strength, evidence) if metric else None


def _funding(number: Token | None) -> bool:
    """Whether the figure's verb raises, lends, borrows or values money."""
    verb = governing_verb(number) if number is not None else None
    return verb is not None and infinitive(verb) in FUNDING_LEMMAS


def _funding_noun(number: Token | None) -> bool:
    """Whether the figure complements a noun of raising, lending, borrowing or valuing
    money (``une levée de fonds de 600 millions``, ``un prêt de 5 millions``; the tagger
    may take the verb for a noun: ``ce qui la valorise à 12 milliards``): the noun says
    what the sum is, whatever the verb does with it (``a décroché un prêt``)."""
    if number is None:
        return False
    for noun in number.ancestors:
        if noun.pos_ in {"VERB", "AUX"}:
            break
        if noun.pos_ == "NOUN" and (
            noun.lemma_.lower() in FUNDING_NOUNS or noun.lower_ + "r" in FUNDING_LEMMAS
        ):
            return True
    return False


def is_person_noun(lemma: str | None) -> bool:
    """``bénévole``, ``habitant``, ``victime``: a noun that counts people."""
    if not lemma:
        return False
    return lemma in PERSON_NOUNS or metric_lexicon().nouns.get(lemma) in PEOPLE_METRICS


def _participle_as_adjective(word: Token) -> bool:
    """``s'est élevé``: a past participle the tagger calls an adjective, known as a
    verb by its auxiliary."""
    return word.pos_ == "ADJ" and any(child.dep_.startswith("aux") for child in word.children)


def _clues_from_words(
    lexicon: MetricLexicon, number: Token | None, counted: str | None
) -> list[MetricClue]:
    """The words the figure depends on, nearest first, up to its verb, read in the lexicon.

    The counted noun (``650 commandes``) and a noun the figure measures (``une hausse de
    9 %``, ``Le chiffre d'affaires s'élève à``) say more than the verb: ``vendue 25 000
    euros`` is a price, ``une vingtaine de bénévoles`` counts no orders.
    """
    if number is None:
        return []
    clues: list[MetricClue] = []
    # ``les 300 voitures que Renault a vendues``: the relative clause's verb
    phrase = counted_phrase(number)
    for clause in phrase.children:
        lemma = infinitive(clause)
        if (
            (clause.dep_ == "amod" or (clause.dep_ == "nmod" and not has_preposition(clause)))
            and clause.i > phrase.i
            and all(
                t.pos_ == "ADJ" or (t.pos_ == "ADV" and t.head.i == clause.i)
                for t in phrase.doc[phrase.i + 1 : clause.i]
            )
            and (verb_lemma := _participle_verb(lexicon, clause)) is not None
        ):
            # (``128 000 voitures neuves immatriculées``, ``trois pompiers légèrement
            # blessés``: the tagger may take the participle after the noun for an
            # adjective)
            clues.append(_verb_clue(lexicon.verbs[verb_lemma], counted, 0.0))
        elif (
            clause.dep_ in {"acl:relcl", "acl"}
            and clause.i > phrase.i
            and lemma in lexicon.verbs
            and (metric := _verb_metric(lexicon, clause))
        ):
            # (a participle right after the noun says what befell what it counts more
            # nearly than the verb the parser joins that noun to: ``ont été tués et 18
            # personnes blessées``)
            adjoined = clause.dep_ == "acl" and clause.i == phrase.i + 1
            clues.append(_verb_clue(metric, counted, 0.0 if adjoined else -0.02))
        main_verb = _main_verb_after_relative(clause) if clause.dep_ == "acl:relcl" else None
        if main_verb is not None and (metric := _verb_metric(lexicon, main_verb)):
            clues.append(_verb_clue(metric, counted, -0.03))
    # Token objects are made afresh at each access: compare their indexes.
    counted_at = phrase.i if phrase.i != number.i else None
    below = number  # the word on the path from the number up to ``ancestor``
    lower = number  # the word on that path below ``below``
    in_complement = False  # whether the path passed a complement above the figure's phrase
    measured = False  # whether the path passed a noun the figure measures (``un déficit de``)
    earned = False  # whether the figure is what a verb of earning on the path earns
    for depth, ancestor in enumerate(number.ancestors):
        lemma = infinitive(ancestor)
        nearer = -0.01 * depth
        if (
            lemma in CAPACITY_LEMMAS
            and ancestor.dep_ == "xcomp"
            and ancestor.head.lemma_ == "pouvoir"
            and below.dep_ == "obj"
        ):
            clues.append(MetricClue("capacity", 4.5 + nearer, "verb"))
        if lemma in lexicon.verbs and ancestor.pos_ in {"VERB", "AUX", "ADJ"}:
            metric = _verb_metric(lexicon, ancestor)
            # ``230 bâtiments se sont effondrés``: what a verb of change has for its
            # subject is what fell, not by how much; and a verb of death or injury
            # counts its own subject or object, not a noun inside its complement
            # (``60 tués dans la collision de deux trains``)
            # (nor a verb the parser coordinates a noun with: ``Trois pompiers ont été
            # blessés et une quinzaine de maisons ont été endommagées``)
            if (
                metric
                and not (metric == "change" and below.dep_.startswith("nsubj"))
                and not (metric in EVENT_METRICS and in_complement)
                and not (below.dep_ == "conj" and below.pos_ in {"NOUN", "PROPN", "NUM"})
                # (``Le CHU affiche un déficit de 45 millions``: the deficit, no price)
                and not measured
            ):
                clues.append(_verb_clue(metric, counted, nearer))
        elif ancestor.pos_ in {"NOUN", "PROPN", "ADJ"} and (
            found := noun_phrase_metric(lexicon, ancestor)
        ):
            if (
                found in EVENT_METRICS
                and below.dep_.startswith("nsubj")
                and any(child.dep_ in {"cop", "aux:pass"} for child in ancestor.children)
            ):
                # ``Trois patients sont morts``: the state said of what the figure counts
                # (the tagger takes the participle for a noun)
                clues.append(_verb_clue(found, counted, nearer))
            elif ancestor.i == counted_at:
                clues.append(_counted_clue(found, nearer))
            elif (
                depth == (counted_at is not None)
                and _complement_of(number, counted_at)
                and not (found in PEOPLE_METRICS and counted and not is_person_noun(counted))
            ):
                # the noun the figure (or its counted noun) is the complement of:
                # ``une hausse de 9 %``, ``un prix de 25 000 euros`` (people do not
                # measure the things counted: ``1 200 habitants de deux campings``)
                clues.append(MetricClue(found, 4.0 + nearer, "measured_noun"))
            elif (
                depth == (counted_at is not None) + 1
                and below.pos_ == "ADJ"
                and below.dep_ == "amod"
                and (number.head if counted_at is not None else number).dep_.startswith("obl")
            ):
                # ... the parser hanging the figure on the noun's adjective: ``un prix
                # minimum de 480 euros``
                clues.append(MetricClue(found, 4.0 + nearer, "measured_noun"))
            elif (
                depth == (counted_at is not None) + 1
                and _complement_of(number, counted_at)
                and below.dep_ == "nmod"
                and is_genitive(below)
            ):
                # ... through the complement the parser hung the figure on: ``une hausse
                # de leurs tarifs de 3 %`` (a weaker clue: where the nearer noun's metric
                # fits the figure, as ``tarifs`` does not a percentage, that one wins)
                clues.append(MetricClue(found, 3.9 + nearer, "measured_noun"))
            elif (
                below.pos_ == "VERB"
                and below.dep_ in SUBJECTLESS_CLAUSE_DEPS
                and lower.dep_ != "obl:agent"
            ):
                # ... and the noun a verb with no subject hangs on, its subject as the
                # parser read it (``Le prix moyen atteint 2 100 euros``; not the one a
                # passive participle's agent acts on: ``les familles des victimes,
                # représentées par 12 avocats``)
                clues.append(MetricClue(found, 4.0 + nearer - 0.1, "measured_noun"))
        if (
            ancestor.pos_ in {"VERB", "AUX"}
            or _participle_as_adjective(ancestor)
            # (a predicate noun: ``Le dividende sera de 1,10 euro``, its subject says it)
            or any(child.dep_ == "cop" for child in ancestor.children)
        ):
            # ``Trois touristes ont été retrouvés morts``: the state the verb predicates of
            # its subject says the event.
            for state in ancestor.children:
                event = lexicon.verbs.get(infinitive(state)) if state.dep_ == "xcomp" else None
                if event in EVENT_METRICS:
                    clues.append(_verb_clue(event, counted, nearer))
            # ``plafonner ses prix à 1,99 euro``, ``porter le budget à 3 milliards``: what
            # a verb brings to the figure's level, its object, is what the figure measures.
            if below.dep_.startswith("obl") and any(
                child.dep_ == "case" and child.lower_ == "à" for child in below.children
            ):
                # (not a change: ``affiche une hausse de 2 %, à 3 800 euros`` gives the
                # level reached, no change)
                for thing in ancestor.children:
                    if (
                        thing.dep_ == "obj"
                        and thing.pos_ == "NOUN"
                        and (found := noun_phrase_metric(lexicon, thing))
                        and found != "change"
                    ):
                        clues.append(MetricClue(found, 4.0 + nearer - 0.1, "measured_noun"))
            # (nor what a verb of earning has for its subject: ``Le billet a rapporté 98
            # millions`` is what the ticket earned, no price)
            earned = earned or (
                below.dep_ == "obj" and _verb_metric(lexicon, ancestor) == "revenue"
            )
            # ``Le chiffre d'affaires s'élève à 52 milliards``: the verb's subject says it.
            subjects = [child for child in ancestor.children if child.dep_ in SUBJECT_DEPS] or [
                child for child in ancestor.children if personal_expletive(ancestor, child)
            ]
            if subjects:
                noun = subjects[0]
                if noun.lower_ in PERSONAL_PRONOUNS:
                    # (``Le prix moyen du mètre carré a baissé à Bordeaux. À Lyon, il
                    # s'établit à 4 950 euros``: what the sentence before is about)
                    noun = _subject_of_the_sentence_before(noun) or noun
                # (not a name the tagger calls a noun: ``La Poste va fermer 1 200 bureaux``)
                common = noun.pos_ == "NOUN" and (noun.is_sent_start or noun.text[:1].islower())
                found = noun_phrase_metric(lexicon, noun) if common else None
                # (not when the figure is inside that subject: ``les salariés des
                # boutiques (une quinzaine d'enseignes) recevront``)
                inside = noun.left_edge.i <= number.i <= noun.right_edge.i or any(
                    child.i in {number.i, counted_at} for child in subjects
                )
                if found is not None and noun.i != counted_at and not inside and not earned:
                    clues.append(MetricClue(found, 4.0 + nearer - 0.1, "measured_noun"))
                break
            # ``le prix d'une voiture neuve atteint 35 000 euros`` parsed as a relative
            # clause: a verb without a subject leaves the question to its head.
            if ancestor.dep_ not in SUBJECTLESS_CLAUSE_DEPS:
                break
        lower, below = below, ancestor
        if ancestor.i != counted_at and ancestor.dep_.startswith(("obl", "nmod")):
            in_complement = True
        if ancestor.i != counted_at and ancestor.pos_ == "NOUN" and lemma in MEASURE_NOUNS:
            measured = True
    return clues


REFLEXIVE_PRONOUNS = {"se", "s'", "s’"}
# A past participle's ending and the infinitive ending it comes from (``immatriculées``,
# ``vendus``, ``produites``, ``finis``).
PARTICIPLE_ENDINGS = (
    (("ées", "és", "ée", "é"), "er"),
    (("ues", "us", "ue", "u"), "re"),
    (("ites", "its", "ite", "it"), "ire"),
    (("ies", "is", "ie", "i"), "ir"),
)


def infinitive(word: Token) -> str:
    """A verb's infinitive. The lemmatizer leaves some present forms of verbs in ``-er``
    as they are (``le gazole s'affiche à 1,81 euro``: ``affiche``); those finite forms
    end in ``-e`` and their infinitive adds an ``r``."""
    lemma = word.lemma_.lower()
    if (
        word.pos_ in {"VERB", "AUX"}
        and lemma == word.lower_
        and lemma.endswith("e")
        and "Fin" in word.morph.get("VerbForm", [])
    ):
        return lemma + "r"
    return lemma


def _participle_verb(lexicon: MetricLexicon, word: Token) -> str | None:
    """The verb of the lexicon a word the parser hangs as an adjective is the past
    participle of, read from its form (the lemmatizer gives an adjective's own lemma,
    ``immatriculé``; the tagger may even call it a noun)."""
    if word.pos_ not in {"ADJ", "NOUN"}:
        return None
    form = word.lower_
    for endings, infinitive in PARTICIPLE_ENDINGS:
        for ending in endings:
            if form.endswith(ending) and len(form) > len(ending) + 2:
                verb = form[: -len(ending)] + infinitive
                return verb if verb in lexicon.verbs else None
    return None


def _verb_metric(lexicon: MetricLexicon, verb: Token) -> str | None:
    """The metric ``verb`` names, read as pronominal where it has a reflexive pronoun
    (``un accident s'est produit``: it happened, nothing was made)."""
    lemma = infinitive(verb)
    if lemma in lexicon.pronominal_verbs and any(
        child.lower_ in REFLEXIVE_PRONOUNS and child.i < verb.i for child in verb.children
    ):
        return lexicon.pronominal_verbs[lemma] or None
    return lexicon.verbs.get(lemma)


def _main_verb_after_relative(clause: Token) -> Token | None:
    """``Deux policiers, qui tentaient de s'interposer, ont été blessés``: the parser
    often hangs the sentence's verb on the relative clause, as its conjunct after a
    comma; a conjunct with its own auxiliary and no subject of its own is the noun's."""
    for child in clause.children:
        if (
            child.dep_ == "conj"
            and child.pos_ == "VERB"
            and any(c.dep_ == "punct" and c.text == "," and c.i < child.i for c in child.children)
            and any(c.dep_.startswith("aux") for c in child.children)
            and not any(c.dep_ in SUBJECT_DEPS for c in child.children)
        ):
            return child
    return None


def _subject_of_the_sentence_before(pronoun: Token) -> Token | None:
    """The definite common noun the sentence before the pronoun's has for its verb's
    subject (``Le prix moyen ... a baissé``), if the pronoun's own sentence gives its
    verb no noun subject before it."""
    doc = pronoun.doc
    sentence = pronoun.sent
    if any(
        t.pos_ == "NOUN" and t.dep_.startswith("nsubj") for t in doc[sentence.start : pronoun.i]
    ):
        return None
    # (the parser may cut ``À Lyon,`` off as a sentence of its own: back to a full stop)
    start = sentence.start
    while start > 0 and (last := _last_word_before(doc, start)) is not None:
        if last.text in SENTENCE_STOPS:
            break
        start = last.sent.start
    if start == 0 or (last := _last_word_before(doc, start)) is None:
        return None
    before = last.sent
    subject = next(
        (t for t in before.root.children if t.dep_.startswith("nsubj") and t.pos_ == "NOUN"), None
    )
    if subject is None or not any(
        c.dep_ == "det" and "Def" in c.morph.get("Definite", []) for c in subject.children
    ):
        return None
    return subject


def _last_word_before(doc: Doc, start: int) -> Token | None:
    """The last token before ``start`` that is no space (a paragraph's blank line)."""
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k] if k >= 0 else None


def _complement_of(number: Token, counted_at: int | None) -> bool:
    """Whether the figure's phrase is a noun's complement (``une hausse de 9 %``)."""
    phrase = number.head if counted_at is not None else number
    return phrase.dep_ == "nmod"


def _verb_clue(metric: str, counted: str | None, nearer: float) -> MetricClue:
    # A verb of death or injury counts people; a verb of trade counts things.
    if metric in EVENT_METRICS:
        return MetricClue(metric, 3.5 + nearer, "event_verb")
    if metric in TRADE_METRICS and is_person_noun(counted):
        return MetricClue(metric, 0.0, "trade_verb_on_people")
    # ``l'immeuble comptait 24 logements``: a verb that counts people counts no things.
    if metric in PEOPLE_METRICS and counted and not is_person_noun(counted):
        return MetricClue(metric, 0.0, "people_verb_on_things")
    # ``Il compte 15 millions d'abonnés``: people counted by a role are no population.
    if metric == "population" and counted and counted not in RESIDENT_NOUNS:
        return MetricClue(metric, 0.0, "population_verb_on_a_role")
    return MetricClue(metric, 2.0 + nearer, "verb")


CHANGE_CASES = {"de", "d'", "d’"}
# Endings of a verb of change in ``-er`` after its stem (``progresse``, ``reculent``).
CHANGE_VERB_ENDINGS = frozenset({"e", "ent", "é", "ée", "és", "ées"})


def _change_amount(lexicon: MetricLexicon, number: Token, start: int) -> MetricClue | None:
    """``a augmenté de 2 millions d'habitants``: a verb of change and ``de`` right before
    the figure make it the amount of the change, whatever it counts (as ``une hausse
    de`` does)."""
    doc, index = number.doc, number.i
    while index > 0 and doc[index].idx >= start:
        index -= 1
    if index < 1 or doc[index].lower_ not in CHANGE_CASES:
        return None
    verb = doc[index - 1]
    if verb.pos_ == "VERB" and lexicon.verbs.get(infinitive(verb)) == "change":
        return MetricClue("change", 4.9, "change_amount")
    # (the tagger may take the verb after a name for an adjective: ``Toyota progresse de
    # 4 %``; its form still tells it)
    if verb.pos_ != "VERB" and verb.text.islower() and _change_verb_form(lexicon, verb.text):
        return MetricClue("change", 4.9, "change_amount")
    return None


def _change_verb_form(lexicon: MetricLexicon, word: str) -> bool:
    """``progresse``, ``reculent``: a form of a verb of change (its stem, then an
    ending of the present or the past participle)."""
    return any(
        word.startswith(lemma[:-2]) and word[len(lemma) - 2 :] in CHANGE_VERB_ENDINGS
        for lemma, metric in lexicon.verbs.items()
        if metric == "change" and lemma.endswith("er")
    )


def _acted_upon(phrase: Token) -> bool:
    """The subject of a passive verb (``ont été relogés``), or the object of a verb of
    the police, the courts or the rescuers (``a évacué 200 habitants``)."""
    return phrase.dep_ == "nsubj:pass" or (
        phrase.dep_ == "obj" and phrase.head.lemma_.lower() in HANDLING_LEMMAS
    )


def _counted_clue(metric: str, nearer: float = 0.0) -> MetricClue:
    # ``trois employés`` are a workforce unless the verb says they were hurt.
    strength = 3.0 if metric in PEOPLE_METRICS - EVENT_METRICS else 4.0
    return MetricClue(metric, strength + nearer, "counted_noun")


def noun_phrase_metric(lexicon: MetricLexicon, noun: Token) -> str | None:
    """``chiffre d'affaires``, ``part de marché``, ``prix``: a noun and its complement."""
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ == "nmod":
            for link in ("de", "d'", "d’"):
                phrase = f"{lemma} {link} {child.text.lower()}".replace("' ", "'").replace(
                    "’ ", "’"
                )
                if phrase in lexicon.nouns:
                    return lexicon.nouns[phrase]
        elif child.dep_ == "amod" and (phrase := f"{lemma} {child.text.lower()}") in lexicon.nouns:
            # (a noun and its adjective: ``produit net bancaire``)
            return lexicon.nouns[phrase]
    if lemma in FORECAST_NOUNS:
        # (``sa prévision de croissance``: what the forecast is of)
        for child in noun.children:
            if child.dep_ == "nmod" and child.pos_ == "NOUN" and is_genitive(child):
                return noun_phrase_metric(lexicon, child)
    return lexicon.nouns.get(lemma)


def is_age_group(text: str, figure: dict[str, Any]) -> bool:
    """``les plus de 65 ans``: the people older (younger) than an age, no one's age."""
    return (
        figure.get("unit") == "year"
        and str(figure["text"]).lower().startswith(("plus de", "moins de"))
        and AGE_GROUP_BEFORE.search(text, max(0, figure["start"] - 6), figure["start"]) is not None
    )


def _is_age(text: str, figure: dict[str, Any], before: str, number: Token | None) -> bool:
    """``Jean Martin, 52 ans,``, ``un enfant de deux ans``, ``un chauffeur de bus de 38 ans``."""
    if figure.get("unit") != "year":
        return False
    # (both patterns read the end of ``before``: its last characters turn most texts down)
    tail = before.rstrip()
    if (
        tail.endswith((",", "("))
        and AGE_APPOSITION_BEFORE.search(before)
        and AGE_APPOSITION_AFTER.match(text, figure["end"])
    ):
        return True
    if is_age_group(text, figure):
        return True
    if AGE_OPENING_BEFORE.search(tail) and (
        opening := AGE_OPENING_AFTER.match(text, figure["end"])
    ):
        noun = opening.group("noun")
        if noun is None or is_person_noun(_singular(noun)) or is_person_noun(noun.lower()):
            return True
    if tail.endswith(("de", "d'", "d’", "à")) and AGE_NOUN_BEFORE.search(before):
        return True  # ``l'âge légal de départ à la retraite de 62 à 64 ans``
    if (
        tail.endswith(("de", "d'", "d’"))
        and (noun := PERSON_BEFORE_DE.search(before))
        and is_person_noun(_singular(noun.group(1)))
    ):
        return True
    # the parse: the years hang on a noun for a person, maybe through its complement
    # (``un chauffeur de bus de 38 ans``)
    years = counted_phrase(number) if number is not None else None
    if years is None or years.dep_ not in {"nmod", "appos"}:
        return False
    if years.dep_ == "nmod" and not is_genitive(years):
        return False  # ``4 000 habitants en un an``: how long, not how old
    head = years.head
    for _ in range(2):
        if head.pos_ != "NOUN":
            return False
        if is_person_noun(head.lemma_.lower()):
            return True
        if head.dep_ != "nmod":
            return False
        head = head.head
    return False


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word


def metric_clues(
    text: str, figure: dict[str, Any], number: Token | None, sentence: Sentence | None
) -> list[MetricClue]:
    """Every reading of what ``figure`` measures, strongest first."""
    lexicon = metric_lexicon()
    kind = figure["kind"]
    if kind == "rank":
        return [RANK_CLUE]
    if kind == "money" and _funding_noun(number):
        return []  # (a loan, a fund-raising: no price, cost nor revenue)
    # Up to the number itself: the figure's own words (``à partir de``) are clues too.
    clause_start = max(sentence[0] if sentence else 0, figure["number_start"] - METRIC_WINDOW)
    before = text[clause_start : figure["number_start"]]
    after = text[figure["end"] : figure["end"] + AFTER_WINDOW]
    after_phrases, before_phrases = _clue_phrases()
    counted = figure.get("counted")
    clues: list[MetricClue] = []
    # (a death or an injury is said of people counted, not of an age: ``Un homme de 45
    # ans est mort``)
    if (metric := after_phrases.metric(after)) and (metric not in EVENT_METRICS or kind == "count"):
        clues.append(_clue(metric, 5.0, "clue_after"))
    before_metric = before_phrases.metric(before.rstrip(" ("))
    if before_metric is None and figure["start"] < figure["number_start"]:
        # the figure's own qualifier may stand between: ``âgées de plus de 65 ans``
        before_metric = before_phrases.metric(text[clause_start : figure["start"]].rstrip(" ("))
    if before_metric:
        clues.append(_clue(before_metric, 4.9, "clue_before"))
    elif number is not None and (change := _change_amount(lexicon, number, figure["start"])):
        clues.append(change)
    if kind == "duration":
        if (
            figure.get("unit") in RACE_TIME_UNITS
            and "à" in before  # (a cheap test first: the pattern needs it)
            and TIME_GAP_BEFORE.search(before)
        ):
            clues.append(RACE_GAP_CLUE)
        if _is_age(text, figure, before, number):
            clues.append(AGE_CLUE)
        # (a race gap is timed in hours, minutes and seconds: ``compte 1.900 demandeurs
        # de moins en un an`` is no gap)
        # (nor is the time a race took, after ``en``: ``a terminé en 2 h 24 min``)
        if (clue := _kind_verb_clue(lexicon.duration_verbs, number, 3.0, "duration_verb")) and (
            clue.metric != "time_gap"
            or (figure.get("unit") in RACE_TIME_UNITS and not TIME_TAKEN_BEFORE.search(before))
        ):
            clues.append(clue)
        clues.append(_clue(lexicon.kinds["duration"], 1.0, "kind"))
        return _ranked(clues, kind)
    # ``7,5 % de la population``, ``80 % des Français``: a share of something.
    if kind in SHARE_KINDS and SHARE_AFTER.match(after) and not OWN_VALUE_AFTER.match(after):
        clues.append(SHARE_OF_WHOLE_CLUE)
    word_clues = _clues_from_words(lexicon, number, counted) if number is not None else []
    if (
        kind == "money"
        and TRADE_VALUE_BEFORE.search(text, clause_start, figure["start"])
        and TRADE_VALUE_AFTER.match(after)
    ):
        word_clues = [
            MetricClue(TRADE_VALUE_METRICS[c.metric], c.strength, c.evidence)
            if c.evidence == "verb" and c.metric in TRADE_VALUE_METRICS
            else c
            for c in word_clues
        ]
    unit_metric = lexicon.units.get(figure.get("unit") or "")
    if kind == "measure":
        word_clues = [c for c in word_clues if _fits_unit(c.metric, unit_metric)]
    # (a quantity per distance, ``6 l aux 100 km``, is a consumption: no metric names it)
    if unit_metric and figure.get("per") not in CONSUMPTION_PER:
        # ``16 km de conduites`` is a length; ``à 16 km de Nancy`` a distance; so are the
        # kilometres a verb of extent gives (``la section mesurera 7 kilomètres``).
        if unit_metric == "distance" and (
            (
                EXTENT_AFTER.match(text, _after_unit_word(text, figure["number_end"]))
                and not AWAY_BEFORE.search(before)
            )
            or any(c.metric == "length" and c.evidence == "verb" for c in word_clues)
        ):
            unit_metric = "length"
        clues.append(_clue(unit_metric, 3.5, "unit"))
    clues.extend(word_clues)
    if counted and (noun_metric := lexicon.nouns.get(counted)):
        clues.append(_counted_clue(noun_metric, -0.05))
    if kind in SHARE_KINDS:
        # (the level a verb brings a rate to is no change: ``relève le taux à 20 %``)
        clue = _kind_verb_clue(lexicon.percent_verbs, number, 2.0, "percent_verb")
        if clue is not None and not LEVEL_BEFORE.search(before):
            clues.append(clue)
        clues.append(CHANGE_KIND_CLUE if figure.get("per") else SHARE_KIND_CLUE)
        sign = text[figure["start"] : figure["start"] + 1]
        if sign == "+" or (sign in MINUS_SIGNS and LISTED_BEFORE.search(before[-4:])):
            clues.append(SIGNED_CHANGE_CLUE)
    if kind == "money" and not _funding(number):
        clues.append(COST_KIND_CLUE)
        if figure.get("per") in PRICE_PER_UNITS:
            clues.append(PRICE_PER_UNIT_CLUE)
    # ``Quarante habitants ont été relogés``, ``la police a évacué 200 habitants``: people
    # something is done to are no population (nor a workforce).
    if number is not None and _acted_upon(counted_phrase(number)):
        clues = [
            c
            for c in clues
            if not (c.evidence == "counted_noun" and c.metric in PEOPLE_METRICS - EVENT_METRICS)
        ]
    # ``le taux grimpe à 18 %``: a verb of change says the level it reaches, not a change.
    if (
        number is not None  # (verb clues come from the parse)
        and any(c.metric == "change" and c.evidence == "verb" for c in clues)
        and LEVEL_BEFORE.search(text, clause_start, figure["start"])
    ):
        clues = [c for c in clues if not (c.metric == "change" and c.evidence == "verb")]
    return _ranked(clues, kind)


# Physical quantities that measure the same dimension: a clue for one of them needs a
# unit of that dimension (``la sonde pèse six tonnes et ses panneaux couvrent 85 mètres
# carrés``: the square metres are no weight).
DIMENSIONS = {
    "weight": "mass",
    "length": "length",
    "distance": "length",
    "diameter": "length",
    "width": "length",
    "height": "length",
    "depth": "length",
    "speed": "speed",
    "power": "power",
    "pressure": "pressure",
}


def _fits_unit(metric: str, unit_metric: str | None) -> bool:
    dimension = DIMENSIONS.get(metric)
    return dimension is None or dimension == DIMENSIONS.get(unit_metric or "")


# Where a noun of sales measures a sum of money (not a verb: ``vendue 25 000 euros``).
SALES_IN_MONEY = frozenset(["measured_noun", "clue_after"])


def _ranked(clues: list[MetricClue], kind: str) -> list[MetricClue]:
    """The clues a figure of this kind can have, strongest first.

    A sum of money is a price, a cost or a revenue, never a count of sales (``est
    vendue 25 000 euros``: a price); a percentage is a share or a change; only money
    measures money.
    """
    kept: list[MetricClue] = []
    for clue in clues:
        metric = clue.metric
        if kind == "money" and metric == "sales" and clue.evidence in SALES_IN_MONEY:
            # ``Ses ventes ont reculé à 33 milliards d'euros``, ``480 millions de dollars
            # de ventes``: sales in money are what the seller earned
            clue = MetricClue("revenue", clue.strength, clue.evidence)
        elif kind == "money" and metric in TRADE_METRICS:
            clue = MetricClue("price", clue.strength, clue.evidence)
        elif (kind == "money" and metric not in MONEY_READINGS) or (
            kind in SHARE_KINDS and metric not in SHARE_READINGS
        ):
            continue
        elif kind not in MONEY_OR_SHARE_KINDS and metric in MONEY_METRICS:
            # ``gagner 200 000 abonnés`` is no revenue: money metrics need an amount of money.
            continue
        elif kind != "count" and metric in PEOPLE_METRICS:
            # ``Un habitant consomme 150 litres d'eau par jour``: people are counted, what
            # one of them uses is no population
            continue
        if clue.strength > 0:
            kept.append(clue)
    return sorted(kept, key=lambda c: -c.strength) if len(kept) > 1 else kept


@cache
def _metric_confidence(strength: float) -> float:
    """How sure a metric read from a clue of this strength is (0..1); clues come in a
    few strengths, each worked out once."""
    return round(min(strength / 5.0, 1.0), 2)


def find_metric(
    text: str, figure: dict[str, Any], number: Token | None, sentence: Sentence | None
) -> tuple[str | None, float | None]:
    """What ``figure`` measures and how sure that is (0..1), or (None, None)."""
    clues = metric_clues(text, figure, number, sentence)
    if not clues:
        return None, None
    return clues[0].metric, _metric_confidence(clues[0].strength)
