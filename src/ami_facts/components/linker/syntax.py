"""What the dependency parse says around a figure: its token, its verb."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ami_facts.french.linking import IMPERSONAL_USES, IMPERSONAL_VERBS, MISTAGGED_VERB_FORMS

SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
# Clause links through which a verb takes the subject of the verb it depends on:
# ``devrait envoyer``, ``pourrait acheter``, ``confirmait ... en se classant troisième``.
SUBJECT_CLIMB_DEPS = {"xcomp", "conj", "advcl"}
SUBJECTLESS_CLAUSE_DEPS = {"acl", "acl:relcl", "xcomp", "advcl"}


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def is_mistagged_verb(token: Token) -> bool:
    """``compte`` right after a noun (``La ville compte``), or with a subject of its own
    (``Le club parisien compte``): the verb, tagged a noun."""
    return (
        token.lower_ in MISTAGGED_VERB_FORMS
        and token.pos_ == "NOUN"
        and token.i > 0
        and (
            token.doc[token.i - 1].pos_ in {"NOUN", "PROPN"}
            or any(child.dep_ == "nsubj" for child in token.children)
        )
    )


def verb_subjects(verb: Token) -> list[Token]:
    """The subjects of a verb; of a mistagged one hung on its subject, that noun."""
    # (``où`` is never a subject, though the parser may take it for one: ``la ville où
    # la filiale X emploie 400 personnes``)
    subjects = [
        child
        for child in verb.children
        if child.dep_ in SUBJECT_DEPS and child.text.lower() != "où"
    ]
    if not subjects and is_mistagged_verb(verb) and verb.head.i == verb.i - 1:
        return [verb.head]
    if (
        not subjects
        and verb.dep_ == "conj"
        and verb.head.pos_ == "NOUN"
        and any(is_mistagged_verb(child) for child in verb.head.children)
    ):
        # (``L'enseigne compte 5 300 magasins et emploie 90 000 salariés``: the verb
        # coordinated with a mistagged one hangs on their shared subject)
        return [verb.head]
    if not subjects:
        subjects = [child for child in verb.children if personal_expletive(verb, child)]
    if len(subjects) > 1 and _named_between_commas_after(subjects[0], subjects[1]):
        # (``le candidat du parti, Marc Durand, est arrivé``: the parser may make the
        # name set between commas after the subject a second subject; it names the first)
        subjects = subjects[1:]
    return [_uncased(subject) for subject in subjects]


def _named_between_commas_after(first: Token, second: Token) -> bool:
    doc = first.doc
    comma = first.right_edge.i + 1
    after = second.right_edge.i + 1
    return (
        second.pos_ == "PROPN"
        and second.i == comma + 1
        and doc[comma].text == ","
        and after < len(doc)
        and doc[after].text == ","
    )


def personal_expletive(verb: Token, child: Token) -> bool:
    """``Long de 4 mètres, il se place face à``, ``Il compte 2 millions d'abonnés``: the
    parser takes the ``il`` of many a verb for the impersonal one (``expl:subj``). It
    stands for something unless the verb is one of the impersonal ones, or passive
    (``il a été décidé``), or pronominal with an object, which is then the real subject
    (``il se crée 300 entreprises``, ``il s'agit de``); an ``il`` before ``est`` and an
    adjective stays impersonal (``il est difficile de``)."""
    pronoun = child.text.lower()
    if child.dep_ != "expl:subj" or pronoun not in {"il", "elle", "ils", "elles"}:
        return False
    if pronoun != "il":
        return True
    if (
        verb.pos_ != "VERB"
        or verb.lemma_ in IMPERSONAL_VERBS
        or verb.lemma_ in IMPERSONAL_USES
        or any(c.text.lower() == "y" or c.dep_ == "aux:pass" for c in verb.children)
    ):
        return False
    pronominal = any(c.text.lower() in {"se", "s'", "s’"} for c in verb.children)
    return not (pronominal and any(c.dep_ == "obj" for c in verb.children))


def _uncased(subject: Token) -> Token:
    """``Au premier tour, Marine Le Pen a obtenu``: a phrase opened by a preposition is
    no subject; the parser that takes it for one hangs the real subject on it as a
    conjunct."""
    if not has_preposition(subject):
        return subject
    return next(
        (c for c in subject.children if c.dep_ == "conj" and not has_preposition(c)),
        subject,
    )


def has_preposition(noun: Token) -> bool:
    """Whether a case word (a preposition) introduces the noun."""
    return any(child.dep_ == "case" for child in noun.children)


def clause_verbs(verb: Token | None) -> Iterator[Token]:
    """``verb``, then the verbs it takes its subject from (``devrait envoyer``,
    ``prévoit d'investir``), up the ``SUBJECT_CLIMB_DEPS`` links."""
    while verb is not None:
        yield verb
        if verb.dep_ not in SUBJECT_CLIMB_DEPS or verb.head is verb:
            return
        head: Token | None = verb.head
        if verb.dep_ == "conj" and verb.head.pos_ in {"NOUN", "PROPN"}:
            # (``peut transporter 160 passagers et franchir 6 300 km``: the parser may
            # hang the second verb on the first one's object)
            head = next((a for a in verb.head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        verb = head


def governing_verb(token: Token) -> Token | None:
    """The verb a figure depends on; in a copular clause (``X a été la voiture la plus
    vendue``), the predicate at the root, which holds the subject."""
    root = token
    for ancestor in [token, *token.ancestors]:
        if (
            ancestor.pos_ in {"VERB", "AUX"} and not _has_determiner(ancestor)
        ) or is_mistagged_verb(ancestor):
            return ancestor
        # (``La ville compte 160 000 habitants`` parsed as three nouns: the mistagged
        # verb hangs on its subject beside the figure's noun, not above it)
        mistagged = next(
            (
                child
                for child in ancestor.children
                if ancestor.i < child.i < token.i and is_mistagged_verb(child)
            ),
            None,
        )
        if mistagged is not None:
            return mistagged
        root = ancestor
    if any(child.dep_ == "cop" for child in root.children):
        return root
    # (``l'opérateur a raccordé 92 000 foyers``: the parser may make the figure the
    # root and the verb before it its auxiliary)
    return next(
        (
            child
            for child in root.children
            if child.pos_ == "VERB" and child.dep_.startswith("aux") and child.i < token.i
        ),
        None,
    )


def _has_determiner(word: Token) -> bool:
    """``18 000 arrivées``: a word the tagger calls a verb but that takes a determiner
    or a number is a noun."""
    return any(child.dep_ in {"det", "nummod"} for child in word.children)


def counted_phrase(number: Token) -> Token:
    """The noun a figure counts (``300 maisons``), else the figure's own token.

    The parser hangs a number written in groups (``12 000``) on its noun as ``det``."""
    if number.dep_ == "nummod" or (
        number.dep_ == "det"
        and (number.like_num or number.pos_ == "NUM")
        and number.head.pos_ == "NOUN"
    ):
        return number.head
    return number


GENITIVE_CASES = {"de", "d'", "d’", "du", "des"}


def is_genitive(noun: Token) -> bool:
    """Whether a noun's complement is introduced by ``de`` (or by nothing): the case
    word nearest the noun tells (``de moins en un an``: ``en``)."""
    cases = [child.lower_ for child in noun.children if child.dep_ == "case"]
    return not cases or cases[-1] in GENITIVE_CASES


def relative_head(verb: Token) -> Token | None:
    """``Garcia, qui s'est imposé``: the noun a relative clause hangs on, when ``verb``
    is that clause's verb and its subject the relative pronoun standing for the noun."""
    if not verb.dep_.startswith("acl"):
        return None
    subjects = verb_subjects(verb)
    if subjects and "Rel" in subjects[0].morph.get("PronType", []):
        return verb.head
    return None
