"""What is not a name, though the statistical NER may tag it (SPEC, "Entities").

- French words capitalised only because they open a line, a heading, a list item or
  a sentence (``Découvrir``, ``Voir aussi``, ``Soit au total``, ``Mandats de
  dépôt``): every word is in the lemmatizer's vocabulary and the text never writes
  the first one with a capital mid-sentence;
- the names of days, months and holidays (``Pâques``, ``la Toussaint``);
- technical codes and abbreviations of things: chemical formulas (``CO2``), time
  zones (``UTC-5``), a code or class qualifying the common noun before it (``une
  boîte DSG7``, ``la norme Euro 6``, ``le cycle WLTP``; not after a person's noun:
  ``le sénateur RPR``), an acronym after an indefinite, a number or a possessive
  (``une PHEV``, ``deux SUV``, ``ses TGV``), an acronym the text spells out in lower
  case (``gaz naturel pour véhicules (GNV)``), a grade noun and its grade (``classe
  A``), a trim or option
  (``la version Business``, ``le pack Hiver``), a unit after its number (``44,1 °C``);
- the portfolio of a role (``le ministre des Affaires étrangères``, ``la
  secrétaire d'État chargée du Numérique``).

Each test reads a few tokens around the mention, or the text for another occurrence
of a word: nothing here runs over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc

from ami_facts.components.entities.tokens import (
    _fold,
    _is_all_caps,
    _line_or_sentence_initial,
    _stop_words,
)
from ami_facts.french import calendar
from ami_facts.french.lexicons import CommonWords, Lexicons
from ami_facts.french.units import match_unit
from ami_facts.french.words import prefixed_word

# Marks that open a list item (``- Prix``, ``• Fiche technique``).
_LIST_MARKS = frozenset("•·*►▶■▪→◆✓")
# Before a sentence-initial word, these end what came before (``_SENTENCE_END`` and
# list marks); used to tell whether another occurrence of a word is mid-sentence.
_OPENERS = '.!?:;…«»"“”(-–—•·*►▶■▪→◆✓\n'


_ARTICLES = frozenset(["le", "la", "les", "l'", "l’", "un", "une", "des"])


def opens_line(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a line, a sentence, a heading or a list item, maybe after an
    article (``Le Bonus écologique baisse``)."""
    if i > 0 and doc[i - 1].lower_ in _ARTICLES:
        i -= 1
    return _line_or_sentence_initial(doc, i) or (i > 0 and doc[i - 1].text in _LIST_MARKS)


def opens_list_item(doc: Doc, i: int) -> bool:
    """Token ``i`` follows a list mark (``•``, or a dash opening a line: ``- Prix``)."""
    if i == 0:
        return False
    mark = doc[i - 1]
    if mark.text in _LIST_MARKS:
        return True
    if mark.text not in ("-", "–", "—"):
        return False
    k = i - 2
    return k < 0 or "\n" in doc[k].whitespace_ or "\n" in doc[k].text


def capitalised_mid_sentence(text: str, word: str, start: int) -> bool:
    """Does ``text`` write ``word`` with its capital elsewhere than at ``start``, where
    nothing opening a sentence or a line comes before it (``à Tours`` after ``Tours
    a voté``)? Then the capital is the word's own: a name."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        if m.start() == start:
            continue
        before = text[max(0, m.start() - 3) : m.start()].rstrip(" \t\u00a0")
        if before and before[-1] not in _OPENERS:
            return True
    return False


def _word_of_vocabulary(word: str, words: CommonWords) -> bool:
    if _is_all_caps(word):  # headings in capitals are written without accents
        return words.is_unaccented_word(word) or words.is_vocabulary(word)
    # (``Cyberattaque :``, a word newer than the lemmatizer's tables)
    return (
        words.is_vocabulary(word)
        or words.is_unaccented_word(word)
        or prefixed_word(word, words.is_vocabulary)
    )


def only_french_words(doc: Doc, s: int, e: int, lex: Lexicons, words: CommonWords) -> bool:
    """Every word of ``doc[s:e]`` is a function word or in the lemmatizer's vocabulary,
    and none is a known place, brand or first name."""
    seen = False
    for tok in doc[s:e]:
        w = tok.text
        if tok.is_punct or tok.is_space or tok.like_num:
            continue
        if w in lex.places or w in lex.brand_by_spelling or w in lex.first_names:
            return False
        seen = True
        if w.lower() in _stop_words():
            continue
        if not _word_of_vocabulary(w, words):
            return False
    return seen


def _is_heading(doc: Doc, s: int, e: int) -> bool:
    """``doc[s:e]`` is a whole line but for punctuation (a title, a heading)."""
    if not opens_line(doc, s):
        return False
    k = e
    while k < len(doc) and doc[k].is_punct and "\n" not in doc[k - 1].whitespace_:
        k += 1
    return k == len(doc) or "\n" in doc[k - 1].whitespace_ or doc[k].is_space


def _is_rubric(doc: Doc, s: int, e: int) -> bool:
    """``doc[s:e]`` opens its line before a colon, as a headline's rubric does
    (``Tennis : ...``, ``Immobilier : ...``)."""
    return e < len(doc) and doc[e].text == ":" and _line_or_sentence_initial(doc, s)


def is_opening_words(
    doc: Doc, s: int, e: int, label: str, text: str, lex: Lexicons, words: CommonWords
) -> bool:
    """French words whose capital only opens a line, heading, list item or sentence.

    A MISC mention of several words wherever it opens one; a single word, or an
    organisation, place or person, only as a whole line or list item (a heading:
    ``Prochains mariages``, ``Découvrir``), since ``Assemblée nationale``, ``Côte
    d'Ivoire`` or a town named like a verb form may open a sentence (a single common
    noun or adjective opening a sentence is left to ``_is_common_word_token``). A
    head noun of an institution or an event keeps it a name (``Coupe du monde``), and
    so does the first word written with its capital mid-sentence elsewhere.
    """
    if not opens_line(doc, s):
        return False
    if e - s == 1 and s > 0 and doc[s - 1].lower_ in _ARTICLES:
        return False  # ``Le Devoir``: a capital after the article is the name's own
    whole_line = _is_heading(doc, s, e) or opens_list_item(doc, s) or _is_rubric(doc, s, e)
    if (e - s == 1 or label != "MISC") and not whole_line:
        return False
    if not only_french_words(doc, s, e, lex, words):
        return False
    if any(t.lower_ in lex.event_heads for t in doc[s:e]) or doc[s].lower_ in lex.institution_heads:
        return False
    first = doc[s].text
    if capitalised_mid_sentence(text, first, doc[s].idx):
        return False
    return not (_is_all_caps(first) and capitalised_mid_sentence(text, first.title(), doc[s].idx))


def _folded(names: Iterable[str]) -> frozenset[str]:
    return frozenset(_fold(n.replace("-", " ")) for n in names)


@cache
def _holidays() -> frozenset[str]:
    return _folded([*calendar.HOLIDAYS_FIXED, *calendar.HOLIDAYS_EASTER])


@cache
def _days_and_months() -> frozenset[str]:
    return _folded([*calendar.WEEKDAYS, *calendar.MONTH_FULL])


def is_calendar_name(doc: Doc, s: int, e: int) -> bool:
    """A holiday (``Pâques``, ``Vendredi saint``, ``la Toussaint``), or a day or month
    whose capital only opens a line or sentence (``Mardi, il a plu``). French writes
    days and months in lower case: one capitalised mid-sentence is a name (``la planète
    Mars``, ``la révolution de Juillet``)."""
    key = _fold(" ".join(doc[s:e].text.replace("-", " ").split()))
    if key in _holidays():
        return True
    return key in _days_and_months() and opens_line(doc, s)


# Chemical formulas: two or more element symbols, a digit among them (``CO2``, ``CH4``,
# ``N2O``), or the oxides written with x (``NOx``); particulate matter (``PM10``).
_ELEMENT = (
    r"(?:H|He|Li|Be|B|C|N|O|F|Ne|Na|Mg|Al|Si|P|S|Cl|Ar|K|Ca|Ti|Cr|Mn|Fe|Co|Ni|Cu|Zn"
    r"|Br|Kr|Ag|Sn|I|Xe|Pt|Au|Hg|Pb|U|Pu|Cd|As|Se|Li)"
)
_FORMULA = re.compile(
    rf"(?=[^\d]*\d){_ELEMENT}\d*(?:{_ELEMENT}\d*)+|(?:NO|SO)x|PM\s?(?:10|2[.,]5|1)"
)
# Time zones and offsets: ``UTC-5``, ``GMT+2``, ``UTC``.
_TIME_ZONE = re.compile(r"(?:UTC|GMT|CET|CEST|EST|EDT|PST|PDT)(?:\s?[+−–-]\s?\d{1,2}(?::?\d\d)?)?")
# A code: capitals and digits (``DSG7``, ``EAT8``, ``TSI``, ``PHEV``), or a word and a
# grade (``Euro 6d``, ``Crit'Air 2``, ``Classe A``).
_CODE = re.compile(r"[A-Z][A-Z0-9]*\d[A-Z0-9]*|[A-Z]{2,6}")
_GRADE = re.compile(r"(?:\d{1,2}[a-zA-Z]{0,4}|[A-G](?:\+{1,3})?|[IVX]{1,4})")
_INDEFINITE_OR_POSSESSIVE = frozenset(
    """un une des deux trois quatre cinq six sept huit neuf dix plusieurs quelques
    nombreux nombreuses certains certaines chaque aucun aucune
    son sa ses leur leurs notre nos votre vos""".split()  # noqa: SIM905
)


def _is_code_text(doc: Doc, s: int, e: int) -> bool:
    if e - s == 1:
        return _CODE.fullmatch(doc[s].text) is not None
    last = doc[e - 1].text
    return _GRADE.fullmatch(last) is not None and all(
        not t.text[:1].islower() for t in doc[s : e - 1]
    )


def _common_noun_before(doc: Doc, s: int, lex: Lexicons, words: CommonWords) -> bool:
    """A lower-case common noun right before ``s`` (``boîte`` in ``une boîte DSG7``), one
    that names no organisation, place, person, institution or street."""
    if s == 0:
        return False
    prev = doc[s - 1]
    low = prev.lower_
    if not prev.text[:1].islower() or low in _stop_words() or not prev.is_alpha:
        return False
    if low in lex.apposition_heads or low in lex.institution_heads or low in lex.street_words:
        return False
    if low in lex.relation_heads:
        return False  # ``son concurrent AMD``: a relation between names
    if prev.pos_ and prev.pos_ not in ("NOUN", "ADJ"):
        return False
    return prev.pos_ == "NOUN" or (words.is_word(prev.text) and not words.is_adjective(prev.text))


def is_code(
    doc: Doc, s: int, e: int, label: str, text: str, lex: Lexicons, words: CommonWords
) -> bool:
    """A technical code, a class of a standard, a common-noun acronym (module docstring)."""
    mention = doc[s:e].text
    if mention in lex.brand_by_spelling or mention in lex.places:
        return False
    if _FORMULA.fullmatch(mention) or _TIME_ZONE.fullmatch(mention):
        return True
    if e - s == 2 and doc[s].lower_ in lex.grade_heads and _GRADE.fullmatch(doc[s + 1].text):
        return True  # ``classe A``, ``niveau 3``
    if (
        e - s == 1
        and s > 0
        and doc[s - 1].lower_ in lex.trim_heads
        and words.is_vocabulary(mention)
    ):
        return True  # ``la version Business``, ``le pack Hiver``: a trim, an option
    if s > 0 and doc[s - 1].like_num and _unit_after_number(doc, s, e, text):
        return True  # ``45,2 °C``, ``300 MW``: a unit
    if label == "PER" or not _is_code_text(doc, s, e):
        return False
    if _common_noun_before(doc, s, lex, words):
        return True  # ``une boîte DSG7``, ``la norme Euro 6``, ``le cycle WLTP``
    if e - s == 1 and s > 0 and doc[s - 1].lower_ in _INDEFINITE_OR_POSSESSIVE:
        return True  # ``une PHEV``, ``deux SUV``, ``ses TGV``
    if e - s > 1 and s > 0 and doc[s - 1].lower_ in ("les", "des", "aux"):
        return True  # ``les Crit'Air 3``: the vehicles of a class, in the plural
    return e - s == 1 and doc[s].text in spelt_out_in_lower_case(text, lex.institution_heads)


def _unit_after_number(doc: Doc, s: int, e: int, text: str) -> bool:
    """Whether the unit lexicon reads the whole mention as a unit."""
    unit = match_unit(text, doc[s].idx)
    return unit is not None and unit[1] >= doc[e - 1].idx + len(doc[e - 1].text)


_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")


def spelt_out_in_lower_case(
    text: str, institutions: frozenset[str] = frozenset()
) -> frozenset[str]:
    """Acronyms the text defines by a lower-case phrase before them in brackets
    (``les véhicules hybrides rechargeables (VHR)``): abbreviations of common nouns.

    Not those of an institution, which French writes in lower case too (``l'agence
    régionale de santé (ARS)``): its head noun is one of ``institutions``.
    """
    out = set()
    if "(" not in text:
        return frozenset()
    for m in _BRACKETED.finditer(text):
        acronym = m.group(1)
        before = text[max(0, m.start() - 120) : m.start()].split()
        long_form = defined_long_form(acronym, before)
        if long_form is not None and long_form[:1].islower():
            head = long_form.split()[0].lower()
            if head not in institutions and acronym.lower() not in institutions:
                out.add(acronym)
    return frozenset(out)


_LONG_FORM_SKIP = frozenset("de du des la le les l d et pour en à au aux".split())  # noqa: SIM905


def defined_long_form(acronym: str, words_before: list[str]) -> str | None:
    """The long form that ``acronym`` abbreviates at the end of ``words_before``, found as
    Schwartz and Hearst (2003) do: the acronym's letters, last to first, are found in
    order in the words before it, the first one opening a word; at most
    ``min(len + 5, 2 * len)`` words back. ``None`` when they are not."""
    letters = [c.lower() for c in _fold(acronym) if c.isalnum()]
    if not letters or not words_before:
        return None
    words = [w.strip(',;:«»"“”') for w in words_before]
    limit = min(len(letters) + 5, 2 * len(letters))
    words = words[-limit:]
    candidate = " ".join(words)
    folded = _fold(candidate)
    li = len(letters) - 1
    ci = len(folded) - 1
    while li >= 0:
        c = letters[li]
        while ci >= 0 and (folded[ci] != c or (li == 0 and ci > 0 and folded[ci - 1].isalnum())):
            ci -= 1
        if ci < 0:
            return None
        li -= 1
        ci -= 1
    start = ci + 1
    # The long form starts at the word holding its first letter.
    while start > 0 and folded[start - 1].isalnum():
        start -= 1
    long_form = candidate[start:].strip()
    first = long_form.split()[0].lower().rstrip("'’") if long_form else ""
    if not long_form or first in _LONG_FORM_SKIP:
        return None
    return long_form


def after_portfolio_role(doc: Doc, s: int, lex: Lexicons) -> bool:
    """Does a role with a portfolio stand right before ``s`` (``ministre des``,
    ``secrétaire d'État chargée du``, ``commissaire européen au``)? Then the words at
    ``s`` name the portfolio, part of the role, not an organisation."""
    k = s - 1
    if k >= 0 and doc[k].lower_ in ("la", "le", "les", "l'", "l’"):
        k -= 1
    if k < 0 or doc[k].lower_ not in ("de", "du", "des", "d'", "d’", "à", "au", "aux"):
        return False
    k -= 1
    hops = 0
    while k >= 0 and hops < 3 and doc[k].text[:1].islower() and not _is_role(doc, k, lex):
        if doc[k].lower_ in _stop_words() and doc[k].lower_ not in ("et",):
            return False
        k -= 1
        hops += 1
    return k >= 0 and _is_role(doc, k, lex)


def _is_role(doc: Doc, k: int, lex: Lexicons) -> bool:
    low = doc[k].lower_
    if low in lex.portfolio_roles or low.rstrip("s") in lex.portfolio_roles:
        return True
    # ``secrétaire d'État``: the role ends with the capitalised ``État``.
    two = f"{doc[k - 2].lower_} {doc[k - 1].lower_}{low}" if k >= 2 else ""
    return two.replace("’", "'") in lex.portfolio_roles
