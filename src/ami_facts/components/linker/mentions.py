"""Named things that can be a subject: entity mentions, periphrases, antecedents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from ami_facts.components.entities import find_periphrases
from ami_facts.components.linker.sentences import PARAGRAPH_ENDS
from ami_facts.components.linker.syntax import (
    GENITIVE_CASES,
    has_preposition,
    is_genitive,
    is_mistagged_verb,
)
from ami_facts.french.calendar import SEASONS, UNITS
from ami_facts.french.lexicons import load_common_words, load_lexicons
from ami_facts.french.linking import (
    IMPERSONAL_VERBS,
    MEASURE_NOUNS,
    ORGANISATION_PART_NOUNS,
    REPORTING_FORMS,
    SOURCE_PREPOSITION_PATTERN,
    TIME_OPENING_NOUNS,
)
from ami_facts.french.metrics import anaphoric_nouns, metric_lexicon

# Any named thing can be the grammatical subject of a figure's verb; word order alone
# (the closest preceding mention) is trusted only for products and organisations,
# and for people where the figure ranks or times them (sports results).
PARSE_SUBJECT_LABELS = {"PRODUCT", "ORG", "LOC", "PER"}
ORDER_SUBJECT_LABELS = {"PRODUCT", "ORG"}

PERSONAL_PRONOUNS = {"il", "elle", "ils", "elles"}
# ``Les fournisseurs, comme Engie ou TotalEnergies, ... Leur part de marché``: a plural
# pronoun or possessive stands for several things or an unnamed group, not for the one
# name that comes last before it.
PLURAL_PRONOUNS = {"ils", "elles"}
# ``... la Polonaise Anna Nowak. Celle-ci a remporté 18 matchs``: a demonstrative pronoun
# stands for the last thing named, not for what the sentence before is about.
DEMONSTRATIVE_PRONOUN = re.compile(r"(?i:celui|celle)\s*-\s*(?:ci|là)\b")
PLURAL_POSSESSIVES = {"leur", "leurs"}

# How far back a pronoun's antecedent is looked for (about two sentences).
PRONOUN_WINDOW = 300

# ``admis au Centre hospitalier X où il``: a name after these says where, and is no
# pronoun's antecedent.
LOCATIVE_BEFORE = re.compile(
    r"\b(?:à|au|aux|dans|vers|en)\s+(?:l['’]\s*|la\s+|le\s+|les\s+)?$|\bà\s*l['’]$", re.IGNORECASE
)
# Nouns of a business, which a town after ``de`` says the home of, not the name
# (``le groupe de Shenzhen``; but ``le musée du Prado``, ``le club de Lens``).
FIRM_NOUNS = frozenset(
    """groupe constructeur firme entreprise société compagnie fabricant équipementier
    industriel marque opérateur distributeur transporteur assureur avionneur motoriste
    enseigne start-up""".split()  # noqa: SIM905
)
# Nouns that refer back to a town, and the lower-case article that a town's name lacks
# (``la Lys``, ``le Rhône``, ``l'Alsace``; not ``Le Havre``, whose article is its own).
TOWN_NOUNS = frozenset(
    "ville commune village bourg cité capitale métropole agglomération localité".split()  # noqa: SIM905
)
COUNTRY_NOUNS = frozenset({"pays", "nation", "royaume"})
# (a region, a department, a province: named, as a country is, with an article or after
# ``en``: ``la Creuse``, ``en Bretagne``; not a town)
REGION_NOUNS = frozenset({"région", "département", "province"})
REGION_NAME_BEFORE = re.compile(
    r"(?<![^\W_])(?:la|le|les|l['’]|en|au|aux|du|des|région|département|province)\s*$",
    re.IGNORECASE,
)
COUNTRY_ARTICLE_BEFORE = re.compile(r"(?<![^\W_])(?:la|le|les|l['’]|en|au|aux)\s*$", re.IGNORECASE)
ARTICLE_BEFORE_NAME = re.compile(r"(?<![^\W_])(?:la|le|les|l['’])\s*$")
# A sentence whose subject is a singular pronoun: ``Il devance``, ``Samedi, elle a``.
PRONOUN_OPENING = re.compile(r"\s*(?:[^.,;:!?\n]{0,40},\s*){0,2}(?:il|elle)\s", re.IGNORECASE)
# ``Le groupe automobile, ...``, ``Cette entreprise``: a sentence opening on a definite noun.
# (``Le distributeur Carrefour``: and the name the noun is followed by)
NAME_RIGHT_AFTER = re.compile(r"[^\S\n]+[A-ZÀ-Ý]")
DEFINITE_OPENING = re.compile(r"\s*(?:le|la|l['’]|ce|cet|cette)\s*([^\W\d_][\w-]*)", re.IGNORECASE)
# Words that introduce a name as a complement, not as what a sentence is about, maybe
# with the singular noun it is called by (``de l'opérateur Ligno``, ``du groupe X``; not
# ``Le numéro un des cosmétiques L'Oréal``, where the name is set beside the subject).
_COMPLEMENT_PREPOSITIONS = (
    r"à|au|aux|de|du|des|d['’]|par|pour|sur|avec|chez|en|dans|contre|devant|derrière"
    r"|entre|vers|selon|sans"
)
NAME_AS_COMPLEMENT = re.compile(
    rf"\b(?:(?:{_COMPLEMENT_PREPOSITIONS})\s+(?:l['’]\s*|la\s+|le\s+|les\s+)?"
    r"|(?:à|de|d['’]|par|pour|sur|avec|chez|contre)\s*(?:l['’]\s*|la\s+|le\s+)[^\W\d_][\w-]*\s+"
    r"|(?:du|au)\s+[^\W\d_][\w-]*\s+)$",
    re.IGNORECASE,
)
# (how far before a name its preposition may stand)
COMPLEMENT_REACH = 30
# What may stand between a definite noun and the name it is called by.
NAMING_GAP = re.compile(r"\s+(?:d(?:e\s+|['’]\s*))?")
# A source's phrase up to a name in it: nothing closes it before the name.
SOURCE_PHRASE_BEFORE = re.compile(
    rf"\b(?:{SOURCE_PREPOSITION_PATTERN})\s[^,;:.!?«»]*$", re.IGNORECASE
)
SOURCE_REACH = 200
SOURCE_WORD = re.compile(rf"\b(?:{SOURCE_PREPOSITION_PATTERN})\b", re.IGNORECASE)
# A comma then a verb then an article: where a reporting incise may be (a cheap test).
REPORTING_COMMA = re.compile(
    r",\s*(?:a|ont|avait|avaient)?\s*[^\W\d_]+\s+(?:l['’]|le\s|la\s|les\s)"
)
# ``..., a appris l'AFP``, ``..., indique le cabinet X``: a reporting verb after a comma,
# then the name of who reports (the verb is checked against ``REPORTING_FORMS``).
REPORTING_INCISE_BEFORE = re.compile(
    r",[^\S\n]*(?:(?:a|ont|avait|avaient)[^\S\n]+)?(?P<verb>[^\W\d_]+)[^\S\n]+"
    r"(?:l['’][^\S\n]*|(?:le|la|les)[^\S\n]+(?:[^\W\d_]+[^\S\n]+)?)?$",
    re.IGNORECASE,
)
# The word right before a name (``finition`` in ``en finition Allure``).
WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
# The three lower-case words at most right before a name: ``(le) groupe chimique
# allemand BASF``.
INTRODUCING_WORDS = re.compile(r"(?:\b[a-zà-ÿ][\w-]*\s+){1,3}$")
# The end of a sentence: a pronoun after one does not open its paragraph.
SENTENCE_END = re.compile(r"[.!?…]\s|\n[^\S\n]*\n")
# ``la marque`` may refer to a brand named a few paragraphs before.
ANAPHORA_WINDOW = 1500


@dataclass(frozen=True)
class Mention:
    """A place in the text that names a possible subject."""

    start: int
    end: int
    name: str
    label: str


def collect_mentions(entity_dicts: list[dict[str, Any]], text: str) -> list[Mention]:
    """The entities that can be a subject: not a trim level or an option pack named
    after its head noun (SPEC, "Which subject", 2: ``en finition Sportline``)."""
    mentions = [
        Mention(hit["start"], hit["end"], hit["name"], hit["label"])
        for hit in entity_dicts
        if hit["label"] in PARSE_SUBJECT_LABELS and not _names_a_trim(text, hit)
    ]
    mentions.extend(Mention(s, e, name, "ORG") for s, e, name in find_periphrases(text))
    return sorted(mentions, key=lambda m: m.start)


def _names_a_trim(text: str, hit: dict[str, Any]) -> bool:
    before = WORD_BEFORE.search(text, max(0, hit["start"] - 20), hit["start"])
    return (
        before is not None
        and before.group(1).lower().removesuffix("s") in load_lexicons().trim_heads
        and " " not in hit["name"]
    )


def mention_at(mentions: list[Mention], token: Token) -> Mention | None:
    """The mention the token is part of."""
    start, end = token.idx, token.idx + len(token.text)
    return next((m for m in mentions if m.start < end and start < m.end), None)


def mention_covering(mentions: list[Mention], token: Token) -> Mention | None:
    if (mention := mention_at(mentions, token)) is not None:
        return mention
    # ``Un ancien de la Stasi, Karl Weber, a été condamné``: the apposition names
    # it; ``la ville de Lyon``, ``le groupe Volkswagen``: so does a thing's own name.
    # (a person's role names the organisation she speaks for, ``le patron de Renault``,
    # not the place she serves: ``le maire de Nice``; nor does a firm take the name of
    # the town it comes from: ``le groupe de Shenzhen``)
    kind = anaphoric_nouns().get(token.lemma_.lower())
    naming = {"appos", "flat:name"} | ({"nmod", "flat", "compound"} if kind else set())
    if kind == "PER":
        # (the person a role's apposition names holds it, before the organisation of its
        # complement: ``Le candidat du Rassemblement national, Kévin Dujardin, arrive``;
        # the parser may hang the apposition on the complement: ``La maire de
        # Saint-Brieuc, Nathalie Guézennec, est arrivée``)
        complements = [c for c in token.children if c.dep_ == "nmod"]
        for child in [*token.children, *(c for n in complements for c in n.children)]:
            if child.dep_ == "appos" and (
                (person := mention_at(mentions, child)) is not None and person.label == "PER"
            ):
                return person
    for child in token.children:
        if child.dep_ in naming:
            for mention in mentions:
                if mention.start <= child.idx < mention.end and not (
                    (kind == "PER" or token.lemma_.lower() in FIRM_NOUNS)
                    # (the parser may split the place: ``le groupe de Santa | Clara``)
                    and (child.dep_ == "nmod" or _opened_by_de(token.doc, mention))
                    and mention.label == "LOC"
                ):
                    return mention
    # A measure of a named thing (``la population de Nantes``, ``les ventes de la
    # Clio``) is about that thing; ``le tribunal de Marseille`` is not about Marseille.
    # (through a ``de`` complement: ``les ventes en Europe`` are not about Europe)
    lemma = token.lemma_.lower()
    part = lemma in ORGANISATION_PART_NOUNS
    if lemma not in metric_lexicon().nouns and lemma not in MEASURE_NOUNS and not part:
        return None
    # (not what the parser hangs on the noun after its mistagged verb: ``Le parc compte
    # 57 réacteurs, dont l'EPR de Flamanville``)
    verb_at = min((c.i for c in token.children if is_mistagged_verb(c)), default=len(token.doc))
    for complement in token.children:
        if complement.dep_ != "nmod" or not is_genitive(complement) or complement.i >= verb_at:
            continue
        for child in complement.subtree:
            for mention in mentions:
                if mention.start <= child.idx < mention.end and (
                    not part or mention.label == "ORG"
                ):
                    return mention
    return _country_of_its_adjective(token, mentions)


@cache
def _countries() -> frozenset[str]:
    """The countries the lexicons name (by their people and their results codes)."""
    lexicons = load_lexicons()
    return frozenset(lexicons.demonyms.values()) | frozenset(lexicons.country_codes.values())


def _opened_by_de(doc: Doc, mention: Mention) -> bool:
    """Whether ``de`` (``du``, ``des``) stands right before the mention."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in GENITIVE_CASES


def _country_of_its_adjective(noun: Token, mentions: list[Mention]) -> Mention | None:
    """``La production française de blé``: a measure a country's adjective qualifies is
    that country's, when the article names it (the nearest mention)."""
    demonyms = load_lexicons().demonyms
    for child in noun.children:
        if child.dep_ != "amod" or not child.text[:1].islower():
            continue
        country = demonyms.get(child.lower_)
        places = [m for m in mentions if m.name == country and m.label == "LOC"]
        if places:
            return min(places, key=lambda m: abs(m.start - noun.idx))
    return None


def _name_set_after(noun: Token, child: Token) -> bool:
    """``Son rival Stellantis``, ``son concurrent américain Boeing``: a proper noun right
    after the noun (past its adjectives), with no preposition, is its name (the parser
    hangs it as a complement)."""
    # (the tagger may miss an unknown name's tag and relation: ``son concurrent allemand
    # Heel``, ``X``, ``amod``)
    return (
        (
            (child.dep_ == "nmod" and child.pos_ == "PROPN")
            or (child.dep_ == "amod" and child.pos_ == "X" and child.text[:1].isupper())
        )
        and child.i > noun.i
        and not has_preposition(child)
        and all(t.pos_ == "ADJ" for t in noun.doc[noun.i + 1 : child.i])
    )


def name_right_after(noun: Token, mentions: list[Mention]) -> Mention | None:
    """The mention of the name set right after ``noun`` (:func:`_name_set_after`)."""
    for child in noun.children:
        if _name_set_after(noun, child):
            return next((m for m in mentions if m.start <= child.idx < m.end), None)
    return None


# What may stand between a noun and the name that closes its phrase: its complements.
_COMPLEMENT_TAGS = frozenset(["NOUN", "ADJ", "ADP", "DET"])


def name_closing_the_phrase(noun: Token, mentions: list[Mention]) -> Mention | None:
    """``Sa filiale de gestion d'actifs Amundi``: a name that ends the noun's phrase (past
    its complement if it has one), right after a common noun or adjective and with no
    preposition of its own, is the noun's name (the parser hangs it on the complement's
    last noun, or on the noun with any relation, or makes it a second subject of the
    verb: ``Sa filiale de travaux publics Colas emploie``)."""
    doc = noun.doc
    last = noun.right_edge
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if (
        after is not None
        and after.pos_ == "PROPN"
        and after.dep_.startswith("nsubj")
        and noun.dep_.startswith("nsubj")
        and after.head.i == noun.head.i
    ):
        last = after
    elif last.i == noun.i or not last.text[:1].isupper():
        return None  # (the tagger may miss an unknown name: ``Zentrix``, ADV; the mention tells)
    mention = next((m for m in mentions if m.start <= last.idx < m.end), None)
    if mention is None or mention.start < noun.idx:
        return None
    first = next((t for t in doc[noun.i + 1 : last.i + 1] if t.idx == mention.start), None)
    if first is None or has_preposition(first):
        return None
    before = doc[first.i - 1]
    if not (before.is_alpha and before.text[:1].islower() and before.pos_ in {"NOUN", "ADJ"}):
        return None
    if not all(t.pos_ in _COMPLEMENT_TAGS for t in doc[noun.i + 1 : first.i]):
        return None
    return mention


def is_demonstrative(text: str, word: Token) -> bool:
    """Whether ``word`` opens ``celui-ci``, ``celle-là`` (the parser splits them)."""
    return DEMONSTRATIVE_PRONOUN.match(text, word.idx) is not None


def antecedent(
    text: str,
    mentions: list[Mention],
    word: Token,
    labels: set[str],
    window: int = PRONOUN_WINDOW,
) -> Mention | None:
    """``La Renault 5 ... Elle offre 400 km``: the last thing named before the word.

    A pronoun's antecedent lies in its paragraph; a definite noun (``le groupe``,
    ``la marque``) may refer to a name a few paragraphs back (``window``). A plural
    pronoun has none (``PLURAL_PRONOUNS``).
    """
    if word.lower_ in PLURAL_PRONOUNS:
        return None
    window_start = max(0, word.idx - window)
    paragraph_start = window_start
    if window <= PRONOUN_WINDOW:
        paragraph_start = _paragraph_start(text, word.idx)
        window_start = max(window_start, paragraph_start)
    if labels == {"LOC"} and word.lemma_.lower() in TOWN_NOUNS:
        # (``À Arques, la Lys est montée ... La commune``: a town is named without an
        # article, a river or a region with one)
        mentions = [
            m
            for m in mentions
            if not ARTICLE_BEFORE_NAME.search(text, max(0, m.start - 4), m.start)
        ]
    elif labels == {"LOC"} and word.lemma_.lower() in COUNTRY_NOUNS:
        # (``La Pologne a signé ... Varsovie consacre ... Le pays``: a country is named
        # with an article or after ``en``/``au``, its capital without)
        mentions = [
            m for m in mentions if COUNTRY_ARTICLE_BEFORE.search(text, max(0, m.start - 4), m.start)
        ]
    elif labels == {"LOC"} and word.lemma_.lower() in REGION_NOUNS:
        # (``dans la Creuse ... à Chabrières. Le département``: so is a region or a
        # department, or after its noun: ``la région Occitanie``; a country is none)
        countries = _countries()
        mentions = [
            m
            for m in mentions
            if REGION_NAME_BEFORE.search(text, max(0, m.start - 12), m.start)
            and m.name not in countries
        ]
    # (``..., selon l'Association des constructeurs (ACEA). Ses immatriculations``: the
    # source of a sentence before is not what the word goes on about)
    own_sentence = _sentence_start(text, window_start, word.idx)
    reach = max(0, word.idx - 2 * max(window, ANAPHORA_WINDOW))
    if SOURCE_WORD.search(text, reach, own_sentence) or REPORTING_COMMA.search(
        text, reach, own_sentence
    ):  # (most texts before name none)
        mentions = [
            m
            for m in mentions
            if m.end > own_sentence or m.start < reach or not _in_source_phrase(text, m)
        ]
    found = antecedent_between(text, mentions, window_start, word.idx, labels)
    if (
        found is not None
        and word.dep_.startswith(("nsubj", "expl:subj"))
        and (word.lower_ in PERSONAL_PRONOUNS or word.pos_ == "NOUN")
    ):
        if word.lower_ in PERSONAL_PRONOUNS and follows_an_unnamed_subject(text, word.idx):
            # (``Le chantier, mené par Iberdrola, a coûté 2 milliards. Il a mobilisé``:
            # the pronoun stands for that unnamed noun)
            return None
        if word.pos_ == "NOUN":
            found = _definite_subject_referent(text, mentions, word, window_start, labels, found)
        else:
            found = _sentence_subject_before(
                text, mentions, window_start, word, labels
            ) or _unless_complement_after_a_pronoun(text, found, window_start)
    # A paragraph that opens on a pronoun or a possessive (``Au premier semestre, son
    # chiffre d'affaires``) goes on about what the paragraph before it named last.
    # (not a personal pronoun after a paragraph on an unnamed noun: ``Le film de Jean
    # Dupont a franchi ...`` then ``Sorti en juin, il a rapporté``)
    if (
        found is None
        and window <= PRONOUN_WINDOW
        and paragraph_start > 0
        and not SENTENCE_END.search(text, paragraph_start, word.idx)
        and not (word.lower_ in PERSONAL_PRONOUNS and follows_an_unnamed_subject(text, word.idx))
    ):
        previous_start = _paragraph_start(text, paragraph_start - 1)
        found = antecedent_between(text, mentions, previous_start, paragraph_start, labels)
        last = _previous_sentence_start(text, previous_start, paragraph_start)
        if found is None:
            # (``Le groupe compte 8 millions de clients.`` then ``Dans le mobile, il``:
            # what that sentence's definite noun refers back to)
            found = _referred_by_opening(text, mentions, last, labels)
        if found is None and previous_start > 0 and PRONOUN_OPENING.match(text, last):
            # (``Il a terminé 8e à Kigali.`` then ``Son salaire``: that paragraph names
            # no one and goes on about the subject of the one before it)
            before = _paragraph_start(text, previous_start - 1)
            found = _first_not_complement(
                text,
                mentions,
                _previous_sentence_start(text, before, previous_start),
                previous_start,
                labels,
            )
        if (
            found is not None
            and word.dep_.startswith(("nsubj", "expl:subj"))
            and word.lower_ in PERSONAL_PRONOUNS
        ):
            # (``Le Français X a battu l'Allemand Y.`` then ``À 21 ans, il``: the subject
            # of that paragraph's last sentence)
            found = _first_not_complement(text, mentions, last, paragraph_start, labels) or found
    if (
        found is not None
        and labels != {"LOC"}  # (a place is named in a complement: ``près de Lagrasse``)
        and _named_as_complement(text, found)
    ):
        # ``Le groupe, né de la fusion de PSA et de Fiat Chrysler, traverse une crise.
        # Ses ventes``: the last name is a complement; the sentence before is about its
        # subject, a definite noun referring further back.
        opening = _sentence_start(text, 0, found.start)
        referred = _referred_by_opening(text, mentions, opening, labels)
        pronoun = _opening_pronoun(text, word, opening, found.start)
        if referred is not None:
            found = referred
        elif pronoun is not None and pronoun.i < word.i:
            # (``Dans le mobile, il a perdu des abonnés face à Free. Son chiffre
            # d'affaires``: what that sentence's pronoun stands for)
            found = antecedent(text, mentions, pronoun, labels) or found
        elif _opens_on_an_unnamed_noun(text, opening):
            # (``Le taux de chômage en France a augmenté, selon l'Insee. Il s'établit``:
            # that sentence is about a thing it does not name, nor does the pronoun)
            found = None
    if found is None and window <= PRONOUN_WINDOW and paragraph_start > 0:
        # ``La compagnie a transporté 93 millions de passagers. Son directeur ...``: a
        # paragraph that names nothing before the word goes on about what its first
        # sentence's definite noun refers back to
        found = _referred_by_opening(text, mentions, paragraph_start, labels)
    return found


def follows_an_unnamed_subject(text: str, offset: int) -> bool:
    """Whether the sentence before the one holding ``offset`` opens on a common noun
    naming nothing (``La participation s'est établie à 41 %. Dans le
    quartier, elle``): a pronoun there stands for that noun."""
    paragraph_start = _paragraph_start(text, offset)
    sentence_start = _sentence_start(text, paragraph_start, offset)
    if sentence_start > paragraph_start:
        previous = _previous_sentence_start(text, paragraph_start, sentence_start)
        return _opens_on_an_unnamed_noun(text, previous)
    # (a paragraph opening on the pronoun goes on from the last sentence of the one
    # before: ``Le film de Jean Dupont a franchi ...`` then ``Sorti en juin, il``)
    end = paragraph_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return False
    lo = _paragraph_start(text, end)
    return _opens_on_an_unnamed_noun(text, _sentence_start(text, lo, max(lo, end - 1)))


def _opens_on_an_unnamed_noun(text: str, sentence_start: int) -> bool:
    """Whether the sentence opens on a definite common noun that is no name, no noun
    referring back to one and no time (``Le taux de chômage en France a augmenté``,
    not ``Le groupe``, ``La veille``), nor one a name follows (``Le distributeur
    Carrefour``). (Read on the text: that sentence may have no parse.)"""
    opening = DEFINITE_OPENING.match(text, sentence_start)
    if opening is None:
        return False
    noun = opening.group(1)
    return (
        noun[:1].islower()
        and not NAME_RIGHT_AFTER.match(text, opening.end())
        and not _name_closing_the_opening(text, opening.end())
        and noun not in anaphoric_nouns()
        and noun not in UNITS
        and noun not in SEASONS
        and noun not in TIME_OPENING_NOUNS
    )


# A word of a noun's phrase after it, read on the text.
PHRASE_WORD = re.compile(r"[^\S\n]+([^\W\d_][\w'’-]*)")
# How many words a noun's complement may take before the name that closes its phrase.
PHRASE_REACH = 6


def _name_closing_the_opening(text: str, offset: int) -> bool:
    """``La plateforme de petites annonces Leboncoin a franchi``: whether the opening
    noun's phrase, past its complement of nouns and adjectives (``de``, ``des``), ends on
    a name, right after a noun or an adjective (not ``Le taux de chômage en France``)."""
    words = load_common_words()
    after_word = False
    for _ in range(PHRASE_REACH):
        found = PHRASE_WORD.match(text, offset)
        if found is None:
            return False
        word, offset = found.group(1), found.end()
        if word[:1].isupper():
            return after_word
        stem = re.sub(r"^d['’]", "", word.lower())
        if stem in {"de", "des", "du"}:
            after_word = False
        elif words.is_noun_or_adjective(stem):
            after_word = True
        else:
            return False
    return False


def _in_source_phrase(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is in a ``selon ...``/``d'après ...`` phrase (``selon les
    chiffres publiés par l'Insee``, ``selon l'Association ... (ACEA)``), or names who
    reports in an incise (``..., a appris l'AFP``)."""
    start = _sentence_start(text, max(0, mention.start - SOURCE_REACH), mention.start)
    return SOURCE_PHRASE_BEFORE.search(text, start, mention.start) is not None or reported_by(
        text, mention.start, start
    )


def reported_by(text: str, offset: int, sentence_start: int) -> bool:
    """Whether the name at ``offset`` is the subject of a reporting verb in an incise
    after a comma (``..., a appris l'AFP``, ``..., indique le cabinet Xerfi``)."""
    found = REPORTING_INCISE_BEFORE.search(text, max(sentence_start, offset - 40), offset)
    return found is not None and found.group("verb").lower() in REPORTING_FORMS


def _sentence_subject_before(
    text: str, mentions: list[Mention], window_start: int, pronoun: Token, labels: set[str]
) -> Mention | None:
    """``Dalin a gagné à bord de Macif. Il bat le record``: a subject pronoun opening
    its clause goes on about what the sentence before it is about, its first name not
    introduced by a preposition, rather than the last name (None if the pronoun's own
    sentence names a candidate before it, or the sentence before names none so)."""
    sentence_start = _sentence_start(text, window_start, pronoun.idx)
    if antecedent_between(text, mentions, sentence_start, pronoun.idx, labels) is not None:
        return None
    previous_start = _previous_sentence_start(text, window_start, sentence_start)
    # (``Pogacar a gagné. Il devance Vingegaard de 48 secondes. Il a attaqué``: the
    # sentence before opens on a pronoun, so is about what the one before it is about)
    hops = 0
    while (
        hops < 2 and previous_start > window_start and PRONOUN_OPENING.match(text, previous_start)
    ):
        sentence_start = previous_start
        previous_start = _previous_sentence_start(text, window_start, sentence_start)
        hops += 1
    if previous_start <= window_start and window_start > 0:
        # (``Produite en Slovénie, dans l'usine de Novo Mesto, elle a été développée en
        # 21 mois. Sa batterie``: a sentence opening its paragraph on a pronoun, past
        # places it was made in, goes on about what that pronoun stands for)
        subject = _opening_pronoun(text, pronoun, previous_start, sentence_start)
        if subject is not None:
            return antecedent(text, mentions, subject, labels)
    return _first_not_complement(text, mentions, previous_start, sentence_start, labels)


def _opening_pronoun(text: str, word: Token, start: int, end: int) -> Token | None:
    """The subject pronoun the sentence in ``[start, end)`` opens on (past a detached
    phrase or two), as a token of ``word``'s doc."""
    opening = PRONOUN_OPENING.match(text, start, end)
    if opening is None:
        return None
    span = word.doc.char_span(start, opening.end(), alignment_mode="expand")
    if span is None:
        return None
    return next(
        (t for t in span if t.lower_ in ("il", "elle") and t.dep_.startswith("nsubj")), None
    )


def _unless_complement_after_a_pronoun(
    text: str, found: Mention, window_start: int
) -> Mention | None:
    """``Il sera jugé par le tribunal de Tours. Il encourt``: a name introduced by a
    preposition in a sentence that opens on a subject pronoun is not what the next
    pronoun stands for (both pronouns stand for one thing named further back)."""
    opening = _sentence_start(text, window_start, found.start)
    if PRONOUN_OPENING.match(text, opening) and _named_as_complement(text, found):
        return None
    return found


def _named_as_complement(text: str, mention: Mention) -> bool:
    """Whether a preposition (maybe with its article) introduces the mention."""
    return (
        NAME_AS_COMPLEMENT.search(text, max(0, mention.start - COMPLEMENT_REACH), mention.start)
        is not None
    )


def _first_not_complement(
    text: str, mentions: list[Mention], start: int, end: int, labels: set[str]
) -> Mention | None:
    """The first mention of one of ``labels`` in ``[start, end)`` that no preposition
    introduces (a sentence's subject, most often)."""
    for mention in mentions:
        if mention.start < start or mention.end > end:
            continue
        if mention.label in labels and not _named_as_complement(text, mention):
            return mention
    return None


def _referred_by_opening(
    text: str, mentions: list[Mention], sentence_start: int, labels: set[str]
) -> Mention | None:
    """What the sentence starting at ``sentence_start`` refers back to when it opens on
    a definite noun (``Le groupe automobile, né de ...``) of one of ``labels``: the last
    such name before that sentence. (Read on the text: that sentence may have no parse.)"""
    opening = DEFINITE_OPENING.match(text, sentence_start)
    label = anaphoric_nouns().get(opening.group(1).lower()) if opening else None
    if opening is None or label is None or label not in labels:
        return None
    # (``Le constructeur Renault a présenté ...``: the noun names it right after)
    # (``La ville de Palu est la plus touchée``: or right after ``de``)
    named = next(
        (m for m in mentions if m.label == label and 0 < m.start - opening.end() <= 5), None
    )
    if named is not None and NAMING_GAP.fullmatch(text, opening.end(), named.start):
        return named
    return antecedent_between(
        text, mentions, max(0, sentence_start - ANAPHORA_WINDOW), sentence_start, {label}
    )


def _definite_subject_referent(
    text: str,
    mentions: list[Mention],
    noun: Token,
    window_start: int,
    labels: set[str],
    last: Mention,
) -> Mention:
    """What a definite subject noun (``Le groupe emploie``) refers to, ``last`` being the
    last name of its label before it: the name the text introduced with that noun, else
    what the sentence before is about; and across a paragraph, or past a name the text
    calls by another noun (``La marque Jeep``), the name of that label named most."""
    introduced = _introduced_by_the_same_noun(text, mentions, noun, window_start, labels)
    if introduced is not None:
        return introduced
    found = _sentence_subject_before(text, mentions, window_start, noun, labels) or last
    if found.start < _paragraph_start(text, noun.idx) or _called_otherwise(text, found, noun):
        return _most_named(mentions, found, window_start, noun.idx)
    return found


def _introduced_by_the_same_noun(
    text: str, mentions: list[Mention], noun: Token, start: int, labels: set[str]
) -> Mention | None:
    """``... au groupe chimique allemand BASF. Le groupe, qui emploie``: the last name
    of one of ``labels`` the text introduced with the noun referring back to it."""
    words = {noun.lower_, noun.lemma_.lower()}
    found = None
    for mention in mentions:
        if mention.start < start or mention.end > noun.idx or mention.label not in labels:
            continue
        lead = INTRODUCING_WORDS.search(text, max(0, mention.start - 50), mention.start)
        if lead is not None and words & {w.lower() for w in lead.group(0).split()}:
            found = mention
    return found


def _called_otherwise(text: str, mention: Mention, noun: Token) -> bool:
    """Whether the text calls ``mention`` by another noun referring back than ``noun``
    right before it (``La marque Jeep`` for ``le groupe``)."""
    before = WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    if before is None:
        return False
    word = before.group(1).lower()
    return word in anaphoric_nouns() and word not in (noun.lower_, noun.lemma_.lower())


def _most_named(mentions: list[Mention], last: Mention, start: int, end: int) -> Mention:
    """Of the names of ``last``'s label in ``[start, end)``, the one named most often
    (``last`` on a tie)."""
    counts: dict[str, int] = {}
    latest: dict[str, Mention] = {}
    for mention in mentions:
        if start <= mention.start and mention.end <= end and mention.label == last.label:
            counts[mention.name] = counts.get(mention.name, 0) + 1
            latest[mention.name] = mention
    best = max(counts, key=lambda name: counts[name], default=last.name)
    return last if counts.get(best, 0) <= counts.get(last.name, 0) else latest[best]


def _previous_sentence_start(text: str, lo: int, sentence_start: int) -> int:
    """Where the sentence before the one starting at ``sentence_start`` starts (``lo`` at
    the least), whatever spaces and blank lines stand between them."""
    end = sentence_start
    while end > lo and text[end - 1].isspace():
        end -= 1
    return _sentence_start(text, lo, max(lo, end - 1))


def _sentence_start(text: str, lo: int, end: int) -> int:
    """Where the sentence holding the text before ``end`` starts (``lo`` at the least)."""
    ends = [match.end() for match in SENTENCE_END.finditer(text, lo, end)]
    return ends[-1] if ends else lo


def antecedent_between(
    text: str, mentions: list[Mention], start: int, end: int, labels: set[str]
) -> Mention | None:
    """The last mention of one of ``labels`` in ``[start, end)`` that says no place
    (unless only a place is looked for: ``arrivés à Malatya ... cette ville``)."""
    found = [
        m
        for m in mentions
        if start <= m.start
        and m.end <= end
        and m.label in labels
        and (labels == {"LOC"} or not LOCATIVE_BEFORE.search(text, max(0, m.start - 12), m.start))
    ]
    return found[-1] if found else None


def _measure_of_it(label: str, complement: Token) -> bool:
    """``la joueuse de 23 ans``, ``cette ville de 800 000 habitants``: a number in the
    noun's complement measures the thing the noun refers back to, and names no other
    (a person's age; a place's people: not ``le groupe de 5 personnes``)."""
    return label in ("PER", "LOC") and any(
        token.like_num or token.pos_ == "NUM" for token in complement.subtree
    )


def _describes_it(complement: Token) -> bool:
    """``le groupe dirigé par Christel Heydemann``, ``le club de la capitale``: a
    participle or a complement with its own definite article says something of the
    thing referred back to, and so does one after ``à`` (``le transporteur à bas coût``),
    where a bare complement names another (``le groupe de travail``)."""
    if complement.dep_ == "acl":
        return "Part" in complement.morph.get("VerbForm", [])
    if any(
        child.dep_ == "case" and child.lower_ in {"à", "au", "aux"} for child in complement.children
    ):
        return True  # (``le transporteur à bas coût``: a kind of it)
    return complement.pos_ == "NOUN" and any(
        child.dep_ == "det" and "Def" in child.morph.get("Definite", [])
        for child in complement.children
    )


def _paragraph_start(text: str, end: int) -> int:
    """Where the paragraph holding the text before ``end`` starts (0 for the first)."""
    return max(text.rfind(mark, 0, end) for mark in PARAGRAPH_ENDS) + 1


def is_impersonal(verb: Token) -> bool:
    """``il est difficile de``, ``il faut``, ``il y a``: an ``il`` that stands for nothing."""
    return verb.lemma_ in IMPERSONAL_VERBS or any(child.lower_ == "y" for child in verb.children)


def is_definite_reference(noun: Token) -> str | None:
    """``la marque``, ``ce modèle``: the label of what a definite noun refers back to."""
    # (the lemmatizer may give a feminine noun its masculine: ``citadine`` -> ``citadin``)
    nouns = anaphoric_nouns()
    label = nouns.get(noun.lemma_.lower()) or nouns.get(noun.lower_)
    # (a plural, ``les voitures électriques``, names a kind or a group, not one thing)
    if label is None or "Plur" in noun.morph.get("Number", []):
        return None
    # ``le groupe américain`` refers back; ``le groupe de travail`` names something else
    # (not what the parser hangs on the noun after its mistagged verb: ``La ville compte
    # 160 000 habitants``).
    verb_at = min((c.i for c in noun.children if is_mistagged_verb(c)), default=len(noun.doc))
    if any(
        child.dep_ in {"nmod", "acl"}
        and child.i < verb_at
        and not _measure_of_it(label, child)
        and not _describes_it(child)
        for child in noun.children
    ):
        return None
    # (``du constructeur``: the contracted article is a case marker that carries it)
    determiners = [child for child in noun.children if child.dep_ in {"det", "case"}]
    if any(
        "Def" in d.morph.get("Definite", []) or "Dem" in d.morph.get("PronType", [])
        for d in determiners
    ):
        return label
    return None
