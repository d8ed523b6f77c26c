"""How far an organisation's name goes where the NER cut it short: through ``et``
(``Service départemental d'incendie | et de secours du Rhône``) or through its
de-complement (``Agence européenne | du médicament``); and where a known place ends one
(``l'Union européenne | de droits de douane``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ami_facts.components.entities.heads import NAME_DETERMINERS, OF_WORDS
from ami_facts.components.entities.tokens import _is_adjective_token
from ami_facts.french import calendar
from ami_facts.french.lexicons import CommonWords, Lexicons

# (how far a name goes on after ``et``: ``et de la maîtrise de l'énergie``)
_COORDINATED_NAME_REACH = 8


def glued_after_apostrophe_end(doc: Doc, e: int) -> int:
    """``Moody's``, ``McDonald's``, ``Vélo'v``: the tokenizer cuts the short word after
    an apostrophe inside a name off, as it does a French elision; the name goes on to
    it."""
    if (
        e < len(doc)
        and doc[e - 1].text.endswith(("'", "’"))
        and not doc[e - 1].whitespace_
        and doc[e].text.isalpha()
        and doc[e].text.islower()
        and len(doc[e].text) <= 2
    ):
        return e + 1
    return e


def coordinated_name_end(doc: Doc, e: int, words: CommonWords) -> int:
    """``Service départemental d'incendie | et de secours du Rhône``, ``Agence de
    l'environnement | et de la maîtrise de l'énergie``: where the NER cut an
    organisation's name at ``et``, the name goes on while its words are common nouns
    and adjectives joined by ``de`` (and a place after ``de`` ends it); never after a
    name that ends in a capital (``la Banque de France et des banques``) nor with
    ``et ses``, ``et le``."""
    if not (
        e + 1 < len(doc)
        and doc[e - 1].text[:1].islower()
        and doc[e].lower_ == "et"
        and (doc[e + 1].lower_ in OF_WORDS or words.is_noun_or_adjective(doc[e + 1].text))
    ):
        return e
    end = e
    k = e + 1
    while k < len(doc) and k <= e + _COORDINATED_NAME_REACH:
        token = doc[k]
        low = token.lower_
        if low in OF_WORDS or low in NAME_DETERMINERS:
            k += 1
            continue
        if token.text[:1].isupper() and doc[k - 1].lower_ in OF_WORDS | NAME_DETERMINERS:
            # a place ends the name (``du Rhône``, ``de la Moselle``)
            while k < len(doc) and doc[k].text[:1].isupper():
                k += 1
            return k
        if not (token.text[:1].islower() and words.is_noun_or_adjective(token.text)):
            break
        k += 1
        end = k
    return end


def complement_name_end(doc: Doc, s: int, e: int, words: CommonWords, lex: Lexicons) -> int:
    """``Agence nationale de la sécurité des systèmes | d'information``, ``Agence
    européenne | du médicament``: where the NER cut a descriptive organisation's name
    (three words or more, or an institution's head and one more, the last in lower
    case) before ``de`` and a common noun, the name goes on through the common nouns
    its ``de`` join and the adjectives after them; a capital, a word of the calendar
    (``la Cour des comptes | de juillet``) or anything else ends it."""
    descriptive = e - s >= 3 or (e - s == 2 and doc[s].lower_ in lex.institution_heads)
    if not descriptive or e >= len(doc) or not doc[e - 1].text[:1].islower():
        return e
    if doc[e].lower_ not in OF_WORDS:
        return e
    end = k = e
    while k < len(doc) and k < e + 6:
        token = doc[k]
        low = token.lower_
        after_of = doc[k - 1].lower_ in OF_WORDS
        if low in OF_WORDS or (low in NAME_DETERMINERS and after_of):
            k += 1
            continue
        if not token.text[:1].islower() or _is_calendar_word(low):
            break
        if after_of or doc[k - 1].lower_ in NAME_DETERMINERS:
            fits = _is_noun_token(token, words)
        else:  # an adjective right after the noun the name took last
            fits = end == k and k > e and _is_adjective_token(token)
        if not fits:
            break
        k += 1
        end = k
    return end


def _is_noun_token(tok: Token, words: CommonWords) -> bool:
    if tok.pos_:
        return tok.pos_ == "NOUN"
    return words.is_word(tok.text) and not words.is_adjective(tok.text)


def _is_calendar_word(low: str) -> bool:
    return low in calendar.MONTHS or low in calendar.WEEKDAYS or low in calendar.UNITS


def cut_after_place(doc: Doc, s: int, e: int, lex: Lexicons) -> int:
    """``l'Union européenne de droits de douane``: a known place then ``de`` and a
    common noun is the place; the complement is not part of its name."""
    for k in range(e - 2, s, -1):
        if (
            doc[k].lower_ in ("de", "d'", "d’", "du", "des")
            and doc[k + 1].text[0].islower()
            and doc[s:k].text in lex.places
        ):
            return k
    return e
