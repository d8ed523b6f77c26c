"""Numbers that are not figures, in one place.

Each rule is a small function ``(text, start, end) -> bool`` over the number's
span in the text (the numeric core, digits or words). ``RULES`` lists them by
name; ``tests/test_figures.py`` has one test per rule.

- ``name_or_code``: digits glued to letters (``Covid-19``, ``2CV``, ``e-2008``,
  ``M3``, ``BVA8``, ``Free2Move``).
- ``model_or_label``: a number right after a capitalised name that is not a
  sentence word (``Peugeot 208``, ``Euro 6``, ``Crit'Air 3``, ``RN 7``).
- ``reference``: page, article, chapter, number, route and street numbers
  (``page 3``, ``article 49.3``, ``n°2``, ``12 rue``).
- ``year``: a bare 4-digit number from 1000 to 2100 (``en 2020``,
  ``depuis 1975``, ``2021 et sa magie``), and 2-digit years after ``en``,
  ``années`` (``en 97``, ``les années 60``).
- ``day_of_month``: a day number before a month name (``le 25 juillet``,
  ``1er février``).
- ``time_of_day``: ``14h30``, ``14:30``, ``à 22 h``.
- ``score``: match scores (``s'est imposé 2-0``, ``3-1 face à Lyon``).
- ``tournament_round``: ``quart de finale``, ``huitièmes de finale``.
- ``postcode``: five digits in brackets or before a town (``Lyon (69003)``).
- ``capitalised_number_word``: ``les Quinze``, ``les Vingt-Sept`` (names).
- ``relative_date``: a duration after ``il y a`` (``il y a un an``) is a date.
- ``phone``: ``01 42 43 56 78``, ``01.42.43.56.78``, ``+33 1 ...``.
- ``marker``: footnote and list markers (``[1]``, ``5]``, ``« 1 »``, ``1*``, ``20 %1``,
  ``1. Préparer le dossier``, ``2) Envoyer``).
- ``code``: IP addresses, version numbers and dotted or hyphenated codes
  (``192.168.1.2``, ``v2.3.1``, ``12-345-678``).
- URLs and e-mail addresses (``url_spans``).
- ``naming_ordinal`` (see ``ordinal_role``): an ordinal that names rather than
  ranks (``la seizième édition``, ``28ème Rencontre``, ``XIXe siècle``).

The year rule yields when the number is plainly a quantity: a qualifier before
it (``près de 2000``), or a unit or counted noun after it; the caller passes
those facts in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ami_facts.french.calendar import WEEKDAYS
from ami_facts.french.lexicons import load_common_words
from ami_facts.french.linking import PERSON_NOUNS
from ami_facts.french.numbers import ALL_NUMBER_WORDS
from ami_facts.french.words import FUNCTION_WORDS
from ami_facts.patterns import by_first_char

_A = "['’]"

MONTHS = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    r"|novembre|décembre|decembre|janv\.|févr?\.|fevr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\."
)


_MONTH_ALT = by_first_char(MONTHS.split("|"))  # only ever tested for a match, so order is free
_MONTH_AFTER = re.compile(
    r"(?:er|ère|re)?[\s\u00a0-]*(?:(?:-|–|au|et|à|ou)[\s\u00a0]*\d{1,2}(?:er)?[\s\u00a0]*)?"
    r"(?i:" + _MONTH_ALT + r")(?![^\W_])"
)
_MONTH_BEFORE = re.compile(r"(?<![^\W_])(?i:" + _MONTH_ALT + r")[\s\u00a0]+$")

# Words that can start a sentence or precede a number without naming it.
COMMON_CAPITALISED = frozenset(
    """
    a à au aux avec ce ces cet cette chaque comme contre dans de des depuis dès du durant
    en entre environ et il ils elle elles la le les leur leurs ma mais mes moins mon nos
    notre on ou où par parmi pendant plus pour pourtant près puis quelque sa sans selon ses
    si soit son sur ta tes ton tous toutes un une vers voici voilà vos votre plus quasi
    presque jusqu approximativement autour déjà encore enfin ensuite total seuls seules
    seulement soit désormais aujourd hui hier demain ici là alors donc car or ni
    après avant chez lors sous ainsi certains certaines quelques plusieurs même mêmes pas
    lundi mardi mercredi jeudi vendredi samedi dimanche aussi cela ceci
    au-delà jusque rien seul seule chacun chacune beaucoup quant
    """.split()  # noqa: SIM905
)

_REFERENCE_WORDS = [
    "pages",
    "page",
    "p.",
    "pp.",
    "articles",
    "article",
    "art.",
    "alinéas",
    "alinéa",
    "chapitres",
    "chapitre",
    "chap.",
    "tomes",
    "tome",
    "volumes",
    "volume",
    "vol.",
    "numéros",
    "numéro",
    "numeros",
    "numero",
    "n°",
    "nº",
    "no.",
    "§",
    "routes",
    "route",
    "rn",
    "rd",
    "départementale",
    "nationale",
    "ligne",
    "lignes",
    "bus",
    "quai",
    "voie",
    "porte",
    "salle",
    "chambre",
    "bureau",
    "bâtiment",
    "escalier",
    "version",
    "v.",
    "saison",
    "épisode",
    "acte",
    "scène",
    "tableau",
    "figure",
    "fig.",
    "annexe",
    "section",
    "paragraphe",
    "amendement",
    "décret",
    "loi",
    "code",
    "titre",
    "niveau",
    "échelon",
    "indice",
    "grade",
    "classe",
    "groupe",
    "catégorie",
    "zone",
    "secteur",
    "lot",
    "références",
    "référence",
    "réf.",
    "matricule",
    "appartement",
    "rang",
    "place",
    "phase",
    "étape",
    "tour",
]


# A reference word, then only spaces up to the end of the searched window.
_REFERENCE_BEFORE = re.compile(
    r"(?<![^\W_])(?i:" + by_first_char(map(re.escape, _REFERENCE_WORDS)) + r")[\s\u00a0]*$"
)
_REFERENCE_WORD_MAX = max(map(len, _REFERENCE_WORDS))


_PRONOUN_BEFORE = re.compile(r"(?<![^\W_])(?i:se|s['’]|il|elle|on|ils|elles|qui)[\s\u00a0]*$")


def _reference_before(text: str, start: int) -> bool:
    """A reference word ends the 20 characters before ``start`` (spaces aside).

    The word must end at the last non-space character, so the search starts at
    most ``_REFERENCE_WORD_MAX`` characters before it.
    """
    lo = max(0, start - 20)
    q = start
    while q > lo and text[q - 1].isspace():
        q -= 1
    m = _REFERENCE_BEFORE.search(text, max(lo, q - _REFERENCE_WORD_MAX), start)
    # after a subject or reflexive pronoun the word is a verb: "il se classe 3e", "on place 2";
    # "en place", "sur place" are adverbs: "a mis en place 25 autocars"
    return (
        m is not None
        and not _PRONOUN_BEFORE.search(text, max(0, m.start() - 8), m.start())
        and not _PLACE_ADVERB.search(text, max(0, m.start() - 4), m.end())
    )


_PLACE_ADVERB = re.compile(r"(?<![^\W_])(?i:en|sur)[\s\u00a0]+(?i:place)[\s\u00a0]*$")


_STREET_AFTER = re.compile(
    r"(?:[\s\u00a0]*(?:bis|ter))?[,\s\u00a0]+(?i:rue|avenue|av\.|boulevard|bd|place|allée"
    r"|chemin|quai|impasse|route|cours|square|passage|faubourg)(?![^\W_])"
)
_YEAR_BEFORE = re.compile(
    r"(?<![^\W_])(?i:en|depuis|dès|de|d"
    + _A
    + r"|l"
    + _A
    + r"an|années?|an|jusqu"
    + _A
    + r"en|avant|après|vers|fin|début|mi|printemps|été|automne|hiver|saison|exercice"
    r"|entre|et|ou|à|au|-|–)[\s\u00a0]*$"
)
_TWO_DIGIT_YEAR_BEFORE = re.compile(
    r"(?<![^\W_])(?i:en|années|depuis|fin|début|mi|l" + _A + r"an)[\s\u00a0-]*$"
)
_CLOCK_BEFORE_RE = re.compile(r"\d[:hH][\s\u00a0]?$")
_TIME_AFTER = re.compile(r"[\s\u00a0]?(?:h|H)[\s\u00a0]?\d{2}(?!\d)|:\d{2}(?!\d)")
_HOUR_AFTER = re.compile(r"[\s\u00a0]?(?:h|heures?)(?![^\W_])")
_TIME_BEFORE = re.compile(
    r"(?<![^\W_])(?i:à|a|vers|dès|jusqu" + _A + r"à|avant|après|depuis|entre|de|et|midi|minuit"
    r"|ce\s+soir|ce\s+matin)[\s\u00a0]*$"
)
_DURATION_CUE_BEFORE = re.compile(
    r"(?<![^\W_])(?i:pendant|durant|environ|en|dure|duré|durer|plus\s+de|moins\s+de|près\s+de"
    r"|au\s+moins|pour|de\s+plus|sur|chaque|toutes\s+les|tous\s+les)[\s\u00a0]*$"
)
# (?<![\d+])(?:\+...|0...): the look-behind sits after the first character so that
# the regex starts with one ("+" or "0") and re scans for it fast
PHONE_RE = re.compile(
    r"(?:\+(?<![\d+]\+)\d{2,3}[\s\u00a0.]?(?:\(0\))?[\s\u00a0.]?\d(?:[\s\u00a0.-]?\d{2}){4}"
    r"|0(?<![\d+]0)\d(?:[\s\u00a0.-]\d{2}){4})(?!\d)"
)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]{1,2000}")
_EMAIL_RE = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
_DOMAIN_END_RE = re.compile(r"\.(?:fr|com|org|net|eu|io)\b(?:/[^\s]{0,2000})?")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_.")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses and phone numbers: nothing in them is a figure."""
    low = text.lower()
    if len(low) != len(text):
        low = text
    # every URL has one of these: a look for them is much faster than the scan
    spans = [m.span() for m in URL_RE.finditer(low)] if "http" in low or "www." in low else []
    at = low.find("@")
    while at != -1:
        m = _EMAIL_RE.search(low, max(0, at - 64), at + 400)
        if m and m.start() <= at < m.end():
            spans.append(m.span())
        at = low.find("@", at + 1)
    for m in _DOMAIN_END_RE.finditer(low):
        start = m.start()
        while start > 0 and low[start - 1] in _DOMAIN_CHARS and m.start() - start < 200:
            start -= 1
        if start < m.start():
            spans.append((start, m.end()))
    if any(c.isdecimal() for c in text):
        spans += [m.span() for m in PHONE_RE.finditer(text)]
    return spans


def name_or_code(text: str, start: int, end: int) -> bool:
    """Digits glued to a letter before (``M3``, ``BVA8``) or hyphen-joined (``Covid-19``)."""
    if start > 0 and text[start - 1].isalpha() and text[start].isdecimal():
        return True
    if start > 1 and text[start - 1] in "-–" and text[start - 2].isalpha():
        # "Covid-19", "e-2008"; a spelled number after a hyphen is not glued.
        return text[start].isdecimal()
    return False


_NAME_WORD_RE = re.compile(r"[^\W\d_][\w'’]*")


# ``ID.4``, ``CX-5``, ``COVID-19``: a short capitalised name glued to the number by a
# dot or a hyphen.
_GLUED_NAME_BEFORE = re.compile(r"(?:^|(?<=[\s(«\"']))[A-Z][A-Za-z]{0,4}[.-]$")


def model_or_label(text: str, start: int, end: int) -> bool:
    """A number right after a capitalised name word: ``Peugeot 208``, ``Euro 6``,
    ``ID.4``."""
    window = text[max(0, start - 40) : start]
    if _GLUED_NAME_BEFORE.search(window):
        return True
    if not window or window[-1] not in " \t\n\u00a0\u202f":
        return False
    parts = window.rsplit(None, 1)
    word = parts[-1] if parts else ""
    m = _NAME_WORD_RE.fullmatch(word)
    if not m:
        return False
    # (``C'est 10 000 de plus``, ``Jusqu'à 300``: an elided word whose second part is
    # lower case opens a sentence; ``L'Ami 6``, ``d'Ariane 6`` name)
    elided = re.split(r"['’]", word, maxsplit=1)
    name = elided[-1]
    if name[:1].islower() and any(c.isupper() for c in name[1:]):
        return True  # ``l'iPhone 17``, ``un iPad 10``: a brand written in camel case
    if len(elided) == 2 and elided[1][:1].islower():
        return False
    if not elided[-1][:1].isupper():
        return False
    # Also at the start of a sentence a capitalised word names the number unless it
    # is a sentence word (COMMON_CAPITALISED above): "Lyon 3e", but "Environ 300".
    return word.lower() not in COMMON_CAPITALISED


# A past participle's singular endings (``produite``, ``vendu``, ``immatriculée``,
# ``construite``, ``mise``), as ``_counted`` leaves the word it took for a noun.
_PARTICIPLE_END_RE = re.compile(r"(?:ée?|ie?|ue?|ite?|ise)$")


def named_with_a_participle(text: str, start: int, end: int, counted: str) -> bool:
    """``les DS 3 produites entre 2009 et 2019``, ``les Peugeot 208 vendues``: a model's
    number with a participle after it, which the count reading takes for its counted
    noun; the participle says something of the model, nothing is counted. Nouns of
    people made from participles stay counted (``salarié``, ``retraité``)."""
    return (
        _PARTICIPLE_END_RE.search(counted) is not None
        and counted not in PERSON_NOUNS
        and model_or_label(text, start, end)
    )


_SINGULAR_ARTICLE_BEFORE = re.compile(r"(?<![^\W_])(?i:la|le)[\s\u00a0]+$")


def named_by_number(text: str, start: int, end: int) -> bool:
    """``la 208``, ``le 7``: a bare number after a singular article counts nothing (one
    thing is not several); it names a model, a line, a shirt."""
    core = text[start:end]
    return (
        core.isdecimal()
        and int(core) > 1
        and _SINGULAR_ARTICLE_BEFORE.search(text, max(0, start - 4), start) is not None
    )


def reference_word_before(text: str, start: int) -> bool:
    """``page``, ``article``, ``n°``... right before the number."""
    return _reference_before(text, start)


def reference(text: str, start: int, end: int) -> bool:
    """``page 3``, ``article 49.3``, ``n°2``, ``12 rue de Metz``."""
    if _reference_before(text, start):
        return True
    return bool(_STREET_AFTER.match(text, end))


def year(text: str, start: int, end: int) -> bool:
    """A bare year: ``en 2020``, ``depuis 1975``, ``2021 et sa magie``, ``en 97``."""
    core = text[start:end]
    if core.isdecimal() and len(core) == 4 and 1000 <= int(core) <= 2100:
        return True
    if core.isdecimal() and len(core) == 2:
        if _TWO_DIGIT_YEAR_BEFORE.search(text, max(0, start - 12), start):
            return True
        if start > 0 and text[start - 1] in "'’":
            return True
    return False


def day_of_month(text: str, start: int, end: int) -> bool:
    """``25 juillet``, ``1er février``, ``8-9 mars``; and a year after a month."""
    core = text[start:end]
    if core.isdecimal() and len(core) <= 2 and int(core) >= 1 and _MONTH_AFTER.match(text, end):
        return True  # a day, or a day that does not exist ("le 32 août"): never a count
    if core.lower() in ("premier", "1er") and _MONTH_AFTER.match(text, end):
        return True
    # a year after a month is written as one (``juin 98``, ``juin 1998``); a number with
    # digit groups (``fin juin 98.400 chômeurs``) is a count the date ends before
    year_form = core.isdecimal() and len(core) in (2, 4)
    return year_form and bool(_MONTH_BEFORE.search(text, max(0, start - 12), start))


def time_of_day(text: str, start: int, end: int) -> bool:
    """``14h30``, ``14:30``, ``à 22 h`` (a duration cue like ``pendant`` wins)."""
    core = text[start:end]
    if not core.isdecimal() or len(core) > 2:
        return False
    if _CLOCK_BEFORE_RE.search(text, max(0, start - 4), start):
        return True  # the minutes of "9:45", "14h30"
    if int(core) > 24:
        return False
    # the tests after the number first: most numbers have no hour after them, and
    # then the duration cue before them does not matter
    if _TIME_AFTER.match(text, end):
        return not _DURATION_CUE_BEFORE.search(text[max(0, start - 20) : start])
    if not _HOUR_AFTER.match(text, end):
        return False
    before = text[max(0, start - 20) : start]
    return not _DURATION_CUE_BEFORE.search(before) and bool(_TIME_BEFORE.search(before))


_SCORE_HEAD_RE = re.compile(r"\d{1,2}[\s\u00a0]?[-–][\s\u00a0]?$")
_SCORE_RE = re.compile(
    r"(?P<pair>\d{1,2}[\s\u00a0]?[-–][\s\u00a0]?\d{1,2}(?!\d|[,.]\d))"
    r"(?:[\s\u00a0]*(?P<next>[^\W\d_]+))?"
)
# Scores come in series: "4-2 (1-0 2-1 1-1)", "6-3 7-5".
_SCORE_SERIES_AFTER = re.compile(r"[\s\u00a0,]*[(]?[\s\u00a0]*\d{1,2}[-–]\d{1,2}(?!\d|[,.]\d)")
_SCORE_SERIES_BEFORE = re.compile(r"\d{1,2}[-–]\d{1,2}[\s\u00a0,]*[(]?[\s\u00a0]*$")
_SCORE_WORDS_AFTER = frozenset(["face", "contre", "au", "à", "aux", "en", "après", "lors", "dans"])
_SCORE_CUE_BEFORE = re.compile(
    r"(?i:score|s['’]impos\w*|imposée?s?|battu\w*|bat|victoire|défaite|match|mène|menait|men[ée]e?s?|emport\w*"
    r"|gagn\w*|perd\w*|vainqu\w*|nul|sets?|manches?|écras\w*|étrill\w*|domin\w*"
    r"|surclass\w*|corrig\w*|élimin\w*|s['’]incline\w*)\b[^.!?\n]{0,30}$"
)


def score(text: str, start: int, end: int) -> bool:
    """A match score: ``2-0 face à Lyon``, ``s'est imposé 6-4, 3-2``, ``victoire 3-1 du``."""
    m = _SCORE_RE.match(text, start)
    if m is None:
        back = _SCORE_HEAD_RE.search(text, max(0, start - 6), start)
        if back is None:
            return False
        start = back.start()
        m = _SCORE_RE.match(text, start)
        if m is None:
            return False
    nxt = (m.group("next") or "").lower()
    if nxt in _SCORE_WORDS_AFTER:
        return True
    if _SCORE_SERIES_AFTER.match(text, m.end("pair")) or _SCORE_SERIES_BEFORE.search(
        text, max(0, start - 12), start
    ):
        return True
    if nxt and nxt not in FUNCTION_WORDS and not (m.group("next") or " ")[0].isupper():
        return False  # "5-10 km", "20-30 personnes": a range
    return bool(_SCORE_CUE_BEFORE.search(text, max(0, start - 50), start))


_SCORE_SECOND_AFTER = re.compile(r"[\s\u00a0]+à[\s\u00a0]+\d{1,3}(?!\d|[,.]\d)")


def first_of_a_score(text: str, start: int, end: int) -> bool:
    """The winner's number of a score written ``N à M`` after a score word (``a battu
    Lens 3 à 1``): a figure, even right after a name."""
    return bool(_SCORE_SECOND_AFTER.match(text, end)) and bool(
        _SCORE_CUE_BEFORE.search(text, max(0, start - 50), start)
    )


_POSTCODE_AROUND = re.compile(r"\([\s\u00a0]*$")
_CLOSING_BRACKET_RE = re.compile(r"[\s\u00a0]{0,2}\)")
_PLACE_BRACKET_BEFORE_RE = re.compile(r"[A-ZÉÈ][^\W\d_]+[\s\u00a0]*\([\s\u00a0]*$")
_PLACE_AFTER_RE = re.compile(r"[\s\u00a0]+[A-ZÉÈ][^\W\d_]+")
_LINE_START_RE = re.compile(r"(?:^|[\n,;·|])[\s\u00a0]*$")


def postcode(text: str, start: int, end: int) -> bool:
    """A postcode or department number: five digits in brackets or before a town
    (``Lyon (69003)``), two digits in brackets after a place (``Nancy (54)``).
    """
    core = text[start:end]
    if not core.isdecimal() or len(core) not in (2, 3, 5):
        return False
    bracketed = _POSTCODE_AROUND.search(text, max(0, start - 3), start) is not None and bool(
        _CLOSING_BRACKET_RE.match(text, end)
    )
    if len(core) != 5:
        return bracketed and bool(_PLACE_BRACKET_BEFORE_RE.search(text, max(0, start - 40), start))
    if bracketed:
        return True
    return bool(_PLACE_AFTER_RE.match(text, end)) and bool(
        _LINE_START_RE.search(text, max(0, start - 3), start)
    )


def capitalised_number_word(text: str, start: int, end: int) -> bool:
    """A capitalised number word inside a sentence names a group: ``les Quinze``,
    ``les Vingt-Sept``, ``les Trente Glorieuses`` (a sentence may start with one)."""
    if not text[start : start + 1].isupper():
        return False
    before = text[max(0, start - 3) : start].rstrip(" \u00a0\t")
    if bool(before) and before[-1] not in '.!?:;\n"«»—–(':
        return True
    # (opening a sentence or a line, it names when the common noun after it is
    # capitalised too: ``Six Nations : l'Irlande``; not a people, ``Trois Français sur
    # quatre``, nor a brand, ``Deux Renault ont été volées``)
    noun = _CAPITALISED_NOUN_AFTER.match(text, end)
    if noun is None:
        return False
    words = load_common_words()
    return words.is_word(noun.group(1).lower()) and not words.is_adjective(noun.group(1))


_CAPITALISED_NOUN_AFTER = re.compile(r"[\s\u00a0]+([A-ZÀ-Ý][a-zà-ÿ]{2,})(?![\w-])")


_RELATIVE_BEFORE = re.compile(r"(?<![^\W_])(?i:il\s+y\s+a|voici|voilà)[\s\u00a0]+$")
_RELATIVE_AFTER = re.compile(r"[\s\u00a0]+(?i:plus\s+tôt|plus\s+tard|auparavant)(?![^\W_])")


def relative_date(text: str, start: int, end: int) -> bool:
    """``il y a un an``, ``un an plus tôt``: a duration pointing to a date (the dates' job).

    ``start`` is where the figure starts, ``end`` where it ends (unit included).
    """
    if _RELATIVE_BEFORE.search(text, max(0, start - 16), start):
        return True
    return bool(_RELATIVE_AFTER.match(text, end))


# A footnote call: "[1]", "5]" (its opening bracket lost), "1*", glued after a mark ("20 %1").
_FOOTNOTE_AFTER = re.compile(r"[\s\u00a0]?\]|\*(?![\s\u00a0]*\d)")
_QUOTED_BEFORE = re.compile(r"[«\"“][\s\u00a0]*$")
_QUOTED_AFTER = re.compile(r"[\s\u00a0]*[»\"”]")
# A numbered list item: "1. Préparer le dossier", "2) Envoyer la demande"; not a results
# table ("1. Dupont (Fra) 5 h 30"), whose line has a name and numbers.
_LIST_ITEM_BEFORE = re.compile(r"(?:^|\n)[\s\u00a0]*$")
_LIST_ITEM_AFTER = re.compile(
    r"\)[\s\u00a0]+[^\W\d_]|\.[\s\u00a0]+[^\W\d_][\w'’-]*[\s\u00a0]+(?:[a-zà-ÿ]|[«\"])"
)


def marker(text: str, start: int, end: int) -> bool:
    """A footnote or list marker, not a figure: ``[1]``, ``5]``, ``« 1 »``, ``1*``,
    ``20 %1`` (a call glued to a mark), ``1. Préparer le dossier``, ``2) Envoyer``."""
    core = text[start:end]
    if not core.isdecimal() or len(core) > 3:
        return False
    if _FOOTNOTE_AFTER.match(text, end):
        return True
    if start > 0 and text[start - 1] in "%)]»":
        return True
    if _QUOTED_BEFORE.search(text, max(0, start - 3), start) and _QUOTED_AFTER.match(text, end):
        return True
    if not _LIST_ITEM_BEFORE.search(text, max(0, start - 8), start):
        return False
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end != -1 else min(len(text), end + 300)]
    # a results table's line has times, gaps or points after the name ("2. Dupont à 41")
    return bool(_LIST_ITEM_AFTER.match(text, end)) and not any(c.isdecimal() for c in rest)


_IPV4_RE = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.]|\.\d)")
# "v2.3.1", "version 10.4", "iOS 17.2.1": a version number
_VERSION_RE = re.compile(
    r"(?<![\w.])(?:[vV]\d+(?:\.\d+)*|(?i:version|v\.)[\s\u00a0]+\d+(?:\.\d+)+)(?![\w.]|\.\d)"
)
# Three groups or more joined by dots or hyphens, one not of three digits (not thousands:
# "1.234.567"): a code or reference ("12-345-678", "978-2-07-036822-8", "2.3.1").
_CODE_RE = re.compile(r"(?<![\w.,-])\d+(?:(?P<sep>[.-])\d+){2,}(?![\w]|[.,-]\d)")
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")


_TECHNICAL_CHARS = frozenset("0123456789.-")


def code(text: str, start: int, end: int) -> bool:
    """A piece of an IP address, a version or a code: ``192.168.1.2``, ``v2.3.1``,
    ``12-345-678`` (three groups or more; ``1.234.567`` is a number)."""
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    glued_after = after[:1] in ".-" and after[1:2].isdecimal()
    glued_before = before[-1:] in ".-" and before[:1].isdecimal()
    if not (glued_after or glued_before or before[-1:] in ("v", "V")):
        return False
    lo, hi = start, end
    while lo > 0 and text[lo - 1] in _TECHNICAL_CHARS:
        lo -= 1
    if lo > 0 and text[lo - 1] in "vV":
        lo -= 1
    while hi < len(text) and text[hi] in _TECHNICAL_CHARS:
        hi += 1
    token = text[lo:hi].rstrip(".-")
    if _IPV4_RE.fullmatch(token):
        return not _THOUSANDS_RE.fullmatch(token) and all(
            int(part) <= 255 for part in token.split(".")
        )
    m = _CODE_RE.fullmatch(token)
    if m is not None:
        return not (m.group("sep") == "." and _THOUSANDS_RE.fullmatch(token))
    return bool(_VERSION_RE.fullmatch(token))


RULES: dict[str, Callable[[str, int, int], bool]] = {
    "marker": marker,
    "code": code,
    "capitalised_number_word": capitalised_number_word,
    "score": score,
    "postcode": postcode,
    "relative_date": relative_date,
    "name_or_code": name_or_code,
    "model_or_label": model_or_label,
    "reference": reference,
    "year": year,
    "day_of_month": day_of_month,
    "time_of_day": time_of_day,
}


# Ordinals: rank or name?
NAMING_NOUNS = frozenset(
    """
    édition éditions rencontre rencontres siècle siècles arrondissement arrondissements étage
    étages étape étapes épisode épisodes chapitre chapitres saison saisons session sessions
    acte actes tome tomes volume volumes numéro génération générations guerre république
    empire festival salon congrès sommet forum anniversaire opus album mandat législature
    legislature tour round manche journée jour semaine mois trimestre semestre année
    circonscription division régiment ri bataillon avenue rue fois classe catégorie degré
    voie ligne porte partie phase vague dose série opération version volet plan
    """.split()  # noqa: SIM905
)
RANK_NOUNS = frozenset(
    """
    place places position positions rang marche marches victoire victoires titre titres
    succès podium meilleur meilleure meilleurs plus producteur exportateur importateur
    constructeur marché vendeur acteur fournisseur pays ville économie mondial mondiale
    """.split()  # noqa: SIM905
)
DETERMINERS = frozenset(
    """
    le la les l un une des du ce cet cette ces son sa ses leur leurs mon ma mes ton ta tes
    notre nos votre vos au aux chaque
    """.split()  # noqa: SIM905
)


_FINALE_AFTER = re.compile(r"[\s\u00a0-]+(?i:de[\s\u00a0]+finale|finales?)(?![^\W_])")


def tournament_round(text: str, start: int, end: int) -> bool:
    """``quart de finale``, ``huitièmes de finale``, ``demi-finale``: a round, not a number."""
    return bool(_FINALE_AFTER.match(text, end))


RULES["tournament_round"] = tournament_round


_NEXT_WORD_RE = re.compile(r"[\s\u00a0]*([^\W\d_][\w'’-]*)")


_DETERMINER_BEFORE_RE = re.compile(
    r"(?<![^\W_])(?i:le|la|les|un|une|chaque|ce|cette|du|au|l['’])[\s\u00a0]*$"
)


_INDEFINITE_BEFORE_RE = re.compile(r"(?<![^\W_])(?i:une?)[\s\u00a0]+$")


# Nouns that ``premier`` follows as a plain adjective: ``matières premières``,
# ``nombre premier``, ``arts premiers``, ``cause première``.
_FIRST_AFTER_NOUN_RE = re.compile(
    r"(?<![^\W_])(?i:matières?|nombres?|arts?|causes?|vérités?|peuples?)[\s\u00a0]+$"
)


def ordinal_role(text: str, start: int, end: int) -> str | None:
    """``'rank'`` when an ordinal ranks, ``None`` when it only names.

    Rule: a naming noun right after (``seizième édition``, ``XIXe siècle``) or
    a hyphen-glued name (``26e-RI``) names; ``des``/``d'entre`` after
    (``la première des deux étapes``) selects, not a figure; a rank noun or
    ``de``/``du`` after (``deuxième de ce marché``, ``première place``,
    ``35e victoire``) ranks; any other lower-case noun after it names (``le
    second aqueduc``, ``Huitième étape``); a capitalised ordinal inside a
    sentence is a title (``le Premier ministre``); an ordinal standing alone
    or before a function word (``se classant troisième après``, ``arrive
    3e``) ranks.
    """
    after = text[end : end + 40]
    if after[:1] in "-–" and after[1:2].isalnum():
        return None
    if tournament_round(text, start, end):
        return None
    if _FIRST_AFTER_NOUN_RE.search(text, max(0, start - 12), start) and text[
        start:end
    ].lower().startswith("premi"):
        return None  # "les matières premières", "un nombre premier": what the thing is
    m = _NEXT_WORD_RE.match(after)
    nxt = m.group(1).lower() if m else ""
    nxt = nxt.replace("’", "'")
    if nxt in NAMING_NOUNS:
        return None
    if nxt in ("des",) or nxt.startswith("d'entre"):
        return None
    if nxt in RANK_NOUNS or nxt in ("de", "du") or nxt.startswith("d'"):
        return "rank"
    if text[start:end].lower() in ("seconde", "secondes"):
        return None  # "à la seconde près": the time unit
    if (
        text[start:end].lower() in ("première", "premier")
        and _INDEFINITE_BEFORE_RE.search(text, max(0, start - 6), start)
        and nxt not in RANK_NOUNS
    ):
        return None  # "une première depuis 2019", "c'est une première": an event, a noun
    if (nxt in WEEKDAYS or nxt in ("ex", "ex-aequo")) and not _DETERMINER_BEFORE_RE.search(
        text, max(0, start - 12), start
    ):
        return "rank"  # "a terminé deuxième samedi", "4e ex aequo"; not "le deuxième samedi"
    if (
        m
        and nxt
        and m.group(1)[0].islower()
        and nxt not in FUNCTION_WORDS
        and nxt not in ALL_NUMBER_WORDS
    ):
        return None
    if text[start : start + 1].isupper() and m and m.group(1)[0].isupper():
        return None  # "Seconde Guerre mondiale", "Premier League": a name
    if text[start : start + 1].isupper():
        # "le Premier ministre", "Huitième étape": a title or a heading.
        b = text[max(0, start - 3) : start].strip()
        if b and b[-1] not in '.!?:;\n"«':
            return None
    return "rank"
