"""Mentions our rules find in the text, apart from products: roads (``RN 12``), street
names (``rue de Metz``), a competition and its year (``Euro 2024``, MISC), nationality
codes of sports results (``Garcia (Esp)``), names the NER missed after a head noun
(``le coureur Garcia``), names after a person's title (``Mes Durand, Lefort et
Roux``) and places from ``places.json`` the NER missed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from spacy.tokens import Doc

from ami_facts.components.entities.matchers import _matchers
from ami_facts.components.entities.mention import Label, _Mention
from ami_facts.components.entities.names import _name_of
from ami_facts.components.entities.ner_fixes import _is_common_word_token
from ami_facts.components.entities.not_names import defined_long_form
from ami_facts.components.entities.tokens import (
    _collapse,
    _is_adjective_token,
    _is_all_caps,
    _is_capitalised,
    _line_or_sentence_initial,
    _same_line,
    _stop_words,
)
from ami_facts.french.lexicons import CommonWords, Lexicons, load_common_words
from ami_facts.patterns import alternation


def _street_layer(text: str) -> list[_Mention]:
    """``rue de Metz``, ``avenue du général Leclerc``, ``parc de la Pépinière``."""
    out = []
    for m in _matchers().street_re.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".'’-":
            end -= 1
        head = m.group().split()[0].lower()
        before = text[max(0, m.start() - 4) : m.start()].lower()
        if head == "cours" and before.endswith("au "):  # ``au cours de``
            continue
        if head == "place" and not before.endswith(("la ", "la\n")):  # ``sa place de X``
            continue
        out.append(_Mention(m.start(), end, "LOC", _collapse(text[m.start() : end]), "lexicon"))
    return out


_ROAD = re.compile(
    r"(?<![\w-])(?:(?:RN|RD|RM)\s?\d{1,4}[a-z]?|(?<=autoroute )A\s?\d{1,3})(?![\w-])"
)


def _road_layer(text: str) -> list[_Mention]:
    """Roads: ``RN 12``, ``RD906``, ``l'autoroute A7``."""
    return [
        _Mention(m.start(), m.end(), "LOC", _collapse(m.group()), "lexicon")
        for m in _ROAD.finditer(text)
    ]


# Competitions named with their year: ``l'Euro 2024``, ``le Mondial 2026``.
_EDITION = re.compile(
    r"(?<![\w-])(?:Euro|Mondial|Coupe du monde|Coupe d['’]Europe|Jeux olympiques|JO"
    r"|Championnat d['’]Europe|Championnat du monde|Ligue des nations"
    r"|Tour de France|Roland-Garros|Mondial de l['’]Auto)"
    r" (?:19|20)\d\d(?![\w-])"
)


def _edition_layer(text: str) -> list[_Mention]:
    """A competition and its year is one event, MISC: ``l'Euro 2024`` (not the currency
    or a place)."""
    return [
        _Mention(m.start(), m.end(), "MISC", m.group(), "lexicon") for m in _EDITION.finditer(text)
    ]


_INITIAL = re.compile(r"[A-Z]\.")


def _results_layer(doc: Doc, text: str, lex: Lexicons) -> list[_Mention]:
    """Sports results: ``Garcia (Esp)``, ``M. Keller (S)``. The nationality code in
    parentheses right after a name is a LOC (named after the country) and the name
    before it a PER."""
    out: list[_Mention] = []
    for m in _matchers().code_re.finditer(text):
        open_span = doc.char_span(m.start(), m.start() + 1)
        if open_span is None:
            continue
        i = open_span.start - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        first = i + 1
        while i >= 0 and first - i <= 3:
            tok = doc[i]
            is_name = _is_capitalised(tok.text) and (tok.is_alpha or "-" in tok.text)
            is_name = is_name or _glued_hyphen(doc, i)
            if is_name or _INITIAL.fullmatch(tok.text) or tok.lower_ in lex.name_particles:
                first = i
            elif not tok.is_space:
                break
            i -= 1
        while first <= open_span.start - 1 and doc[first].lower_ in lex.name_particles:
            if first + 1 < len(doc) and _is_capitalised(doc[first + 1].text):
                break
            first += 1
        last = open_span.start - 1
        while last >= first and doc[last].is_space:
            last -= 1
        if last < first:
            continue
        name = doc[first : last + 1]
        out.append(_Mention(m.start(1), m.end(1), "LOC", lex.country_codes[m.group(1)], "ner"))
        if name.text in lex.places or name.text in lex.brand_by_spelling:
            continue
        if _is_common_word_token(doc, first, lex, load_common_words()) and len(name) == 1:
            continue
        out.append(
            _Mention(name.start_char, name.end_char, "PER", _name_of(name.text, "PER", lex), "ner")
        )
    return out


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """A ``-`` token inside a hyphenated name (``Gonzalez-Galdeano``)."""
    return (
        doc[i].text == "-"
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and _is_capitalised(doc[i + 1].text)
    )


def _apposition_layer(doc: Doc, text: str, lex: Lexicons, words: CommonWords) -> list[_Mention]:
    """Names the NER missed right after a head noun: ``la petite équipe espagnole
    Velo-Sur`` (ORG), ``le village de Sainte-Croix`` (LOC), ``le coureur Garcia`` (PER)."""
    out: list[_Mention] = []
    n = len(doc)
    for match in _matchers().apposition_re.finditer(text):
        head = doc.char_span(match.start(), match.end())
        if head is None or len(head) != 1:
            continue
        tok = head[0]
        i = tok.i
        label = lex.apposition_heads.get(tok.lower_)
        if label is None or not tok.text[0].islower():
            continue
        k = i + 1
        hops = 0
        while k < n and hops < 2:
            if doc[k].is_space:
                k += 1
            elif doc[k].text[0].islower() and _is_adjective_token(doc[k]):
                k += 1
                hops += 1
            else:
                break
        if label == "LOC" and k < n and doc[k].lower_ in {"de", "d'", "d’"}:
            k += 1
        start = k
        while k < n and k - start < 4 and _same_line(doc, doc[k - 1], doc[k]):
            t = doc[k]
            if _glued_hyphen(doc, k):
                k += 1
                continue
            name_like = _is_capitalised(t.text) and any(c.isalpha() for c in t.text)
            if not name_like or t.ent_iob_ not in ("O", ""):
                break
            if t.text.lower() in _stop_words() or (
                not _is_all_caps(t.text) and (words.is_word(t.text) or words.is_adjective(t.text))
            ):
                break
            k += 1
        if k == start:
            continue
        span = doc[start:k]
        if span.text in lex.not_entities:
            continue
        out.append(
            _Mention(
                span.start_char,
                span.end_char,
                cast(Label, label),
                _name_of(span.text, cast(Label, label), lex),
                "ner",
            )
        )
    return out


def _place_layer(text: str, lex: Lexicons) -> list[_Mention]:
    return [
        _Mention(m.start(), m.end(), "LOC", lex.places[m.group()], "lexicon")
        for m in _matchers().place_re.finditer(text)
    ]


# Plural titles introduce a list of surnames (``Mes Durand, Lefort et Roux``).
_PLURAL_TITLES = frozenset({"Mes", "MM.", "MM", "Mmes", "Drs"})
# Titles that are also words at a sentence start (``Mes amis``, ``Me voici``).
_WORD_TITLES = frozenset({"Mes", "Me"})


def _titled_people_layer(doc: Doc, lex: Lexicons, words: CommonWords) -> list[_Mention]:
    """``Me Dupont``, ``MM. Petit et Moreau``, ``Mes Durand, Lefort et Roux``: the names
    after a person's title are persons, even when they are French words (``Petit``);
    after a plural title, every name of the list."""
    titles = lex.person_titles | {"M.", "MM"}
    out: list[_Mention] = []
    n = len(doc)
    for tok in doc:
        if tok.text not in titles or tok.i + 1 >= n:
            continue
        j = tok.i + 1
        first = doc[j]
        if (
            tok.text in _WORD_TITLES
            and _line_or_sentence_initial(doc, tok.i)
            and (not _is_capitalised(first.text) or words.is_vocabulary(first.text))
        ):
            continue  # ``Mes amis``
        while j < n:
            k = j
            spoken = 0  # words of the name: ``Boutros Boutros-Ghali`` has two
            while (
                k < n
                and _same_line(doc, doc[k - 1], doc[k])
                and (_name_word(doc[k].text) or _glued_hyphen(doc, k))
            ):
                spoken += k == j or bool(doc[k - 1].whitespace_)
                if spoken > 3:
                    break
                k += 1
            while k > j and doc[k - 1].text == "-":
                k -= 1
            if k == j:
                break
            name = doc[j:k]
            person = _name_of(name.text, "PER", lex)
            out.append(_Mention(name.start_char, name.end_char, "PER", person, "ner"))
            if tok.text not in _PLURAL_TITLES or k + 1 >= n or doc[k].text not in (",", "et"):
                break
            j = k + 1
            if doc[k].text == "," and j < n and doc[j].lower_ == "et":
                j += 1
    return out


def _name_word(text: str) -> bool:
    return (
        _is_capitalised(text)
        and any(c.isalpha() for c in text)
        and all(c.isalpha() or c in "-'’" for c in text)
        and text.lower() not in _stop_words()
    )


# The words right next to a name, with only a space between.
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t\u00a0]+$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([\w'’-]+)")


def _surname_layer(text: str, people: Iterable[_Mention], words: CommonWords) -> list[_Mention]:
    """A person's surname alone after the article named them in full (``Charlie Dalin
    ... Dalin, 40 ans, devance``), where the NER let it pass (often at a sentence start).

    Left out: a surname that is also a French word (``Petit``, ``Blanc``), and one with
    a capitalised word next to it (``Paul Dalin`` is someone else).
    """
    surnames: dict[str, int] = {}  # surname -> where its first full name ends
    for person in people:
        parts = person.name.split()
        if len(parts) >= 2 and all(_name_word(p) for p in parts):
            surname = parts[-1]
            surnames[surname] = min(surnames.get(surname, person.end), person.end)
    kept = {s: at for s, at in surnames.items() if len(s) >= 3 and not words.is_vocabulary(s)}
    if not kept:
        return []
    # (one scan of the text for them all: a long text naming many people stays linear)
    alone = re.compile(rf"(?<![\w'’-])(?:{alternation(kept)})(?![\w'’-])")
    out: list[_Mention] = []
    for m in alone.finditer(text, min(kept.values())):
        surname = m.group()
        if m.start() < kept[surname]:
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        after = _WORD_AFTER.match(text, m.end())
        if (before and _is_capitalised(before.group(1))) or (
            after and _is_capitalised(after.group(1))
        ):
            continue
        out.append(_Mention(m.start(), m.end(), "PER", surname, "ner"))
    return out


_DEFINED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&]{1,9})\s*\)")
_OF = frozenset({"de", "du", "des", "d'", "d’", "la", "l'", "l’"})
_WORD_OR_ELISION = re.compile(r"[^\s'’]+['’]?")


def _defined_organisation_layer(doc: Doc, text: str, lex: Lexicons) -> list[_Mention]:
    """An organisation's full name, capitalised and spelt by the acronym in brackets after
    it (``le Comité interprofessionnel du vin de Champagne (CIVC)``), is one mention, and
    so is the acronym: the NER cuts such names where a place or a lower-case word sits
    inside them. ``defined_long_form`` checks the spelling; the name opens with an
    organisation's head noun (``organisation_heads``: ``Comité``, ``Observatoire``)."""
    out: list[_Mention] = []
    if "(" not in text:
        return out
    for m in _DEFINED_ACRONYM.finditer(text):
        bracket = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        if bracket is None:
            continue
        sentence_start = bracket.sent.start_char if doc.has_annotation("SENT_START") else 0
        # words, an elided article apart (``L'Observatoire``, ``d'industrie``)
        spans = list(_WORD_OR_ELISION.finditer(text, sentence_start, m.start()))
        before = [w.group() for w in spans]
        long_form = defined_long_form(m.group(1), before)
        if long_form is None or before[-len(long_form.split()) :] != long_form.split():
            continue  # undefined, or punctuation inside: not one name
        n = _with_head_before(before, len(long_form.split()), m.group(1), lex)
        if n is None or n < 2:
            continue
        start, end = spans[-n].start(), spans[-1].end()
        name = text[start:end]
        out.append(_Mention(start, end, "ORG", " ".join(name.split()), "lexicon"))
        out.append(_Mention(m.start(1), m.end(1), "ORG", " ".join(name.split()), "lexicon"))
    return out


def _with_head_before(words: list[str], n: int, acronym: str, lex: Lexicons) -> int | None:
    """How many of the last ``words`` the organisation's name holds: the ``n`` the
    acronym spells if they open with a capitalised head noun, else those and up to
    three words before them back to one (``Chambre de commerce et d'industrie``, where
    the shortest spelling starts at ``commerce``), whose initial is the acronym's."""
    for k in range(n, min(n + 4, len(words) + 1)):
        first = words[-k]
        if k > n and first.lower() in _OF:
            continue
        if first[:1].isupper() and first.lower() in lex.organisation_heads:
            return k if k == n or first[0] == acronym[0] else None
        if k == n and first[:1].isupper():
            return None  # a capitalised first word that is no organisation's
    return None


def _repeated_name_layer(text: str, named: Iterable[_Mention]) -> list[_Mention]:
    """An organisation, place or product the article names is the same thing where a
    sentence or a line opens on its name again and no layer took it (``Le distributeur
    stéphanois Casino`` ... ``Casino, qui croule``: a French word opening a sentence,
    which the NER lets pass). Left out: an occurrence with a capitalised word after it
    (part of a longer name), one inside a sentence (there the NER and the filters of
    what is no name have read it: ``dans ses TGV``), and persons (``_surname_layer``
    reads their names)."""
    labels: dict[str, Label] = {}
    for mention in named:
        written = text[mention.start : mention.end]
        if mention.label in ("ORG", "LOC", "PRODUCT") and written == mention.name:
            labels.setdefault(written, mention.label)
    kept = {name: label for name, label in labels.items() if len(name) >= 3}
    if not kept:
        return []
    # (one scan of the text for them all)
    again = re.compile(rf"(?<![\w'’-])(?:{alternation(kept)})(?![\w'’-])")
    out: list[_Mention] = []
    for m in again.finditer(text):
        opening = text[max(0, m.start() - 3) : m.start()].rstrip(" \t\u00a0")
        if opening and opening[-1] not in ".!?\n":
            continue
        after = _WORD_AFTER.match(text, m.end())
        if after and _is_capitalised(after.group(1)):
            continue
        out.append(_Mention(m.start(), m.end(), kept[m.group()], m.group(), "ner"))
    return out
