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
- ``relative_date``: a duration after ``il y a`` (``il y a un an``) is a date.
- ``phone``: ``01 42 43 56 78``, ``01.42.43.56.78``, ``+33 1 ...``.
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

from ami_facts.french.numbers import ALL_NUMBER_WORDS
from ami_facts.french.words import FUNCTION_WORDS

_A = "['’]"

MONTHS = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    r"|novembre|décembre|decembre|janv\.|févr?\.|fevr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\."
)
_MONTH_AFTER = re.compile(
    r"(?:er|ère|re)?[\s\u00a0]*(?:-[\s\u00a0]*\d{1,2}[\s\u00a0]*)?(?i:" + MONTHS + r")(?![^\W_])"
)
_MONTH_BEFORE = re.compile(r"(?<![^\W_])(?i:" + MONTHS + r")[\s\u00a0]+$")

# Words that can start a sentence or precede a number without naming it.
COMMON_CAPITALISED = frozenset(
    """
    a à au aux avec ce ces cet cette chaque comme contre dans de des depuis dès du durant
    en entre environ et il ils elle elles la le les leur leurs ma mais mes moins mon nos
    notre on ou où par parmi pendant plus pour pourtant près puis quelque sa sans selon ses
    si soit son sur ta tes ton tous toutes un une vers voici voilà vos votre plus quasi
    presque jusqu approximativement autour déjà encore enfin ensuite total seuls seules
    seulement soit désormais aujourd hui hier demain ici là alors donc car or ni
    """.split()  # noqa: SIM905
)

_REFERENCE_BEFORE = re.compile(
    r"(?<![^\W_])(?i:pages?|p\.|pp\.|articles?|art\.|alinéas?|chapitres?|chap\.|tomes?"
    r"|volumes?|vol\.|num[ée]ros?|n°|nº|no\.|§|routes?|rn|rd|ligne|lignes|bus|quai|voie"
    r"|porte|salle|chambre|bureau|bâtiment|escalier|version|v\.|saison|épisode|acte|scène"
    r"|tableau|figure|fig\.|annexe|section|paragraphe|amendement|décret|loi|code|titre"
    r"|niveau|échelon|indice|grade|classe|groupe|catégorie|zone|secteur|lot|appartement"
    r"|rang|place)[\s\u00a0]*$"
)
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
PHONE_RE = re.compile(
    r"(?<![\d+])(?:\+\d{2,3}[\s\u00a0.]?(?:\(0\))?[\s\u00a0.]?\d(?:[\s\u00a0.-]?\d{2}){4}"
    r"|0\d(?:[\s\u00a0.-]\d{2}){4})(?!\d)"
)
URL_RE = re.compile(
    r"(?i:https?://|www\.)[^\s<>\"]{1,2000}"
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}"
    r"|(?<![\w.-])[\w-]{1,63}\.(?:fr|com|org|net|eu|io)\b(?:/[^\s]{0,2000})?"
)


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses and phone numbers: nothing in them is a figure."""
    spans = [m.span() for m in URL_RE.finditer(text)]
    spans += [m.span() for m in PHONE_RE.finditer(text)]
    return spans


def name_or_code(text: str, start: int, end: int) -> bool:
    """Digits glued to a letter before (``M3``, ``BVA8``) or hyphen-joined (``Covid-19``)."""
    if start > 0 and text[start - 1].isalpha() and text[start].isdigit():
        return True
    if start > 1 and text[start - 1] in "-–" and text[start - 2].isalpha():
        # "Covid-19", "e-2008"; a spelled number after a hyphen is not glued.
        return text[start].isdigit()
    return False


def glued_suffix(text: str, end: int, allowed_end: int) -> bool:
    """Letters glued after the number beyond what was read as unit/suffix (``2CV``)."""
    return allowed_end < len(text) and end == allowed_end and text[end].isalpha()


def model_or_label(text: str, start: int, end: int) -> bool:
    """A number right after a capitalised name word: ``Peugeot 208``, ``Euro 6``."""
    m = re.search(r"([^\W\d_][\w'’]*)[\s\u00a0]+$", text[max(0, start - 40) : start])
    if not m:
        return False
    word = m.group(1)
    if not word[0].isupper():
        return False
    if word.lower() in COMMON_CAPITALISED:
        return False
    before = text[max(0, start - 40) : start - len(m.group(0))]
    # A capitalised first word of a sentence is an ordinary word.
    if not before.strip() or before.rstrip()[-1:] in '.!?:;«"\n':
        return word.isupper() and len(word) <= 4 and word not in ("A", "À", "EN", "LE", "LA")
    return True


def reference(text: str, start: int, end: int) -> bool:
    """``page 3``, ``article 49.3``, ``n°2``, ``12 rue de Metz``."""
    if _REFERENCE_BEFORE.search(text, max(0, start - 20), start):
        return True
    return bool(_STREET_AFTER.match(text, end))


def year(text: str, start: int, end: int) -> bool:
    """A bare year: ``en 2020``, ``depuis 1975``, ``2021 et sa magie``, ``en 97``."""
    core = text[start:end]
    if core.isdigit() and len(core) == 4 and 1000 <= int(core) <= 2100:
        return True
    if core.isdigit() and len(core) == 2:
        if _TWO_DIGIT_YEAR_BEFORE.search(text, max(0, start - 12), start):
            return True
        if re.match(r"['’]\d{2}", text[start - 1 : end]) if start > 0 else False:
            return True
    return False


def year_context(text: str, start: int) -> bool:
    """Words before a number that announce a year (for ranges like ``1982-1990``)."""
    return bool(_YEAR_BEFORE.search(text, max(0, start - 16), start))


def day_of_month(text: str, start: int, end: int) -> bool:
    """``25 juillet``, ``1er février``, ``8-9 mars``; and a year after a month."""
    core = text[start:end]
    if core.isdigit() and len(core) <= 2 and 1 <= int(core) <= 31 and _MONTH_AFTER.match(text, end):
        return True
    if core.lower() in ("premier", "1er") and _MONTH_AFTER.match(text, end):
        return True
    return bool(_MONTH_BEFORE.search(text, max(0, start - 12), start))


def time_of_day(text: str, start: int, end: int) -> bool:
    """``14h30``, ``14:30``, ``à 22 h`` (a duration cue like ``pendant`` wins)."""
    core = text[start:end]
    if not core.isdigit() or len(core) > 2:
        return False
    if re.search(r"\d[:hH][\s\u00a0]?$", text[max(0, start - 4) : start]):
        return True  # the minutes of "9:45", "14h30"
    if int(core) > 24:
        return False
    before = text[max(0, start - 20) : start]
    if _DURATION_CUE_BEFORE.search(before):
        return False
    if _TIME_AFTER.match(text, end):
        return True
    return bool(_HOUR_AFTER.match(text, end) and _TIME_BEFORE.search(before))


_RELATIVE_BEFORE = re.compile(r"(?<![^\W_])(?i:il\s+y\s+a|voici|voilà)[\s\u00a0]+$")


def relative_date(text: str, start: int, end: int) -> bool:
    """``il y a un an``: a duration that points back to a date (the dates' job)."""
    return bool(_RELATIVE_BEFORE.search(text, max(0, start - 16), start))


RULES: dict[str, Callable[[str, int, int], bool]] = {
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
    m = re.match(r"[\s\u00a0]*([^\W\d_][\w'’-]*)", after)
    nxt = m.group(1).lower() if m else ""
    nxt = nxt.replace("’", "'")
    if nxt in NAMING_NOUNS:
        return None
    if nxt in ("des",) or nxt.startswith("d'entre"):
        return None
    if nxt in RANK_NOUNS or nxt in ("de", "du") or nxt.startswith("d'"):
        return "rank"
    if (
        m
        and nxt
        and m.group(1)[0].islower()
        and nxt not in FUNCTION_WORDS
        and nxt not in ALL_NUMBER_WORDS
    ):
        return None
    if text[start : start + 1].isupper():
        # "le Premier ministre", "Huitième étape": a title or a heading.
        b = text[max(0, start - 3) : start].strip()
        if b and b[-1] not in '.!?:;\n"«':
            return None
    return "rank"
