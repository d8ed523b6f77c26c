"""French calendar vocabulary: months, weekdays, seasons, holidays, time words.

Plain data plus two tiny helpers (number words, Easter). The regex machinery that
uses it lives in ``ami_facts.components.dates``.
"""

from __future__ import annotations

from datetime import date, timedelta

from ami_facts.french import numbers
from ami_facts.french.numbers import parse_number_words as read_number_words

# Month names and abbreviations (lower case, accents optional in the patterns).
MONTHS: dict[str, int] = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "février": 2,
    "fevrier": 2,
    "févr": 2,
    "fevr": 2,
    "fév": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "août": 8,
    "aout": 8,
    "aôut": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "décembre": 12,
    "decembre": 12,
    "déc": 12,
    "dec": 12,
}
# Full names only: safe to match as a bare word ("en mars"), abbreviations need a day.
MONTH_FULL = frozenset(
    k for k in MONTHS if len(k) > 4 or k in ("mars", "mai", "juin", "août", "aout")
)

WEEKDAYS: dict[str, int] = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}

WEEKDAY_ABBR: dict[str, int] = {
    "lun": 0,
    "mar": 1,
    "mer": 2,
    "jeu": 3,
    "ven": 4,
    "sam": 5,
    "dim": 6,
}

# TIMEX3 season codes; start (month, day) of the astronomical season.
SEASONS: dict[str, str] = {
    "printemps": "SP",
    "été": "SU",
    "ete": "SU",
    "eté": "SU",
    "automne": "FA",
    "hiver": "WI",
}
SEASON_BOUNDS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "SP": ((3, 20), (6, 20)),
    "SU": ((6, 21), (9, 23)),
    "FA": ((9, 24), (12, 20)),
    "WI": ((12, 21), (3, 20)),
}

# Parts of the day: TIMEX3 code.
DAYPARTS: dict[str, str] = {
    "matin": "MO",
    "matinée": "MO",
    "matinee": "MO",
    "après-midi": "AF",
    "apres-midi": "AF",
    "aprèm": "AF",
    "soir": "EV",
    "soirée": "EV",
    "soiree": "EV",
    "nuit": "NI",
    "midi": "MI",
}

# Fixed-date holidays: (month, day).
HOLIDAYS_FIXED: dict[str, tuple[int, int]] = {
    "noël": (12, 25),
    "noel": (12, 25),
    "jour de noël": (12, 25),
    "jour de noel": (12, 25),
    "réveillon de noël": (12, 24),
    "veille de noël": (12, 24),
    "jour de l'an": (1, 1),
    "nouvel an": (1, 1),
    "saint-sylvestre": (12, 31),
    "saint sylvestre": (12, 31),
    "fête du travail": (5, 1),
    "fete du travail": (5, 1),
    "fête nationale": (7, 14),
    "toussaint": (11, 1),
    "armistice": (11, 11),
    "assomption": (8, 15),
    "saint-valentin": (2, 14),
    "saint valentin": (2, 14),
    "fête de la musique": (6, 21),
    "halloween": (10, 31),
    "épiphanie": (1, 6),
}
# Moveable feasts: days after Easter Sunday.
HOLIDAYS_EASTER: dict[str, int] = {
    "pâques": 0,
    "paques": 0,
    "lundi de pâques": 1,
    "lundi de paques": 1,
    "ascension": 39,
    "pentecôte": 49,
    "pentecote": 49,
    "lundi de pentecôte": 50,
    "lundi de pentecote": 50,
    "mardi gras": -47,
    "mercredi des cendres": -46,
    "vendredi saint": -2,
}

# Duration units: (TIMEX3 letter, is a time unit (PT...), factor).
UNITS: dict[str, tuple[str, bool, int]] = {
    "an": ("Y", False, 1),
    "ans": ("Y", False, 1),
    "année": ("Y", False, 1),
    "années": ("Y", False, 1),
    "annee": ("Y", False, 1),
    "annees": ("Y", False, 1),
    "mois": ("M", False, 1),
    "semaine": ("W", False, 1),
    "semaines": ("W", False, 1),
    "jour": ("D", False, 1),
    "jours": ("D", False, 1),
    "journée": ("D", False, 1),
    "journées": ("D", False, 1),
    "heure": ("H", True, 1),
    "heures": ("H", True, 1),
    "h": ("H", True, 1),
    "minute": ("M", True, 1),
    "minutes": ("M", True, 1),
    "min": ("M", True, 1),
    "mn": ("M", True, 1),
    "seconde": ("S", True, 1),
    "secondes": ("S", True, 1),
    "s": ("S", True, 1),
    "sec": ("S", True, 1),
    "siècle": ("Y", False, 100),
    "siècles": ("Y", False, 100),
    "décennie": ("Y", False, 10),
    "décennies": ("Y", False, 10),
    "trimestre": ("M", False, 3),
    "trimestres": ("M", False, 3),
    "semestre": ("M", False, 6),
    "semestres": ("M", False, 6),
    "quinzaine": ("D", False, 15),
    "quinzaines": ("D", False, 15),
    "millénaire": ("Y", False, 1000),
}
# Nouns that are themselves durations.
DURATION_NOUNS: dict[str, str] = {
    "quinquennat": "P5Y",
    "septennat": "P7Y",
    "décennie": "P10Y",
    "demi-siècle": "P50Y",
    "demi-heure": "PT30M",
    "quart d'heure": "PT15M",
    "quart d’heure": "PT15M",
}
# Adjectives of frequency: SET value.
FREQUENCY_ADJ: dict[str, str] = {
    "annuel": "P1Y",
    "annuels": "P1Y",
    "annuelle": "P1Y",
    "annuelles": "P1Y",
    "mensuel": "P1M",
    "mensuels": "P1M",
    "mensuelle": "P1M",
    "mensuelles": "P1M",
    "hebdomadaire": "P1W",
    "hebdomadaires": "P1W",
    "trimestriel": "P3M",
    "trimestrielle": "P3M",
    "trimestriels": "P3M",
    "semestriel": "P6M",
    "semestrielle": "P6M",
}

# Words that point at the present, the past or the future without a date.
PRESENT_REF_WORDS = (
    "actuellement",
    "maintenant",
    "désormais",
    "à présent",
    "a présent",
    "pour l'instant",
    "pour le moment",
    "en ce moment",
    "à l'heure actuelle",
    "de nos jours",
    "à ce jour",
    "dorénavant",
    "aujourd'hui encore",
    "tout de suite",
    "immédiatement",
)
PAST_REF_WORDS = (
    "autrefois",
    "jadis",
    "naguère",
    "auparavant",
    "par le passé",
    "dans le passé",
    "récemment",
    "il y a longtemps",
    "précédemment",
)
FUTURE_REF_WORDS = (
    "prochainement",
    "à l'avenir",
    "dans l'avenir",
    "dans le futur",
    "à terme",
    "un peu plus tard",
    "sous peu",
    "dans les prochaines semaines",
    "dans les prochains mois",
    "dans les prochains jours",
    "dans les prochaines années",
    "les prochaines semaines",
    "les prochains mois",
    "les prochains jours",
    "les prochaines années",
)

# Ordinals used for quarters, halves, weeks, centuries.
ORDINALS: dict[str, int] = {
    "premier": 1,
    "première": 1,
    "premiere": 1,
    "1er": 1,
    "1re": 1,
    "1ère": 1,
    "1e": 1,
    "deuxième": 2,
    "deuxieme": 2,
    "second": 2,
    "seconde": 2,
    "2e": 2,
    "2ème": 2,
    "2nd": 2,
    "troisième": 3,
    "troisieme": 3,
    "3e": 3,
    "3ème": 3,
    "quatrième": 4,
    "quatrieme": 4,
    "4e": 4,
    "4ème": 4,
    "cinquième": 5,
    "5e": 5,
}

# Number words (cardinal), for "trois semaines", "vingt ans", "quarante-quatre ans":
# the tables and the reader of french/numbers.py, so both stages read numbers alike.
NUMBER_WORDS: dict[str, int] = {
    **numbers.UNITS,
    **numbers.TENS,
    **numbers.HUNDRED,
    **numbers.THOUSAND,
}


def parse_number_words(words: str) -> int | None:
    """``"quarante-quatre"`` -> 44, ``"soixante et onze"`` -> 71; None if not one number.

    ``"deux trois"`` (two numbers in a row) is None.
    """
    tokens = words.lower().replace("-", " ").split()
    read = read_number_words(tokens) if tokens else None
    if read is None or read[1] != len(tokens) or read[0] != int(read[0]):
        return None
    return int(read[0])


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(year, month, day + 1)


def easter_offset(year: int, offset: int) -> date:
    return easter(year) + timedelta(days=offset)


ROMAN: dict[str, int] = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "M": 1000}


def roman_to_int(s: str) -> int | None:
    total = 0
    prev = 0
    for ch in reversed(s.upper()):
        v = ROMAN.get(ch)
        if v is None:
            return None
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    return total or None


# Verb forms that set the time a clause points to, beyond the tense of its verb: "aller"
# before an infinitive is a near future ("va annoncer"), "venir de" a recent past ("vient
# de signer"); "avoir" in the present before a past participle a compound past ("a
# signé"), and "être" too after a reflexive pronoun ("s'est réuni"), while without one it
# is mostly a passive present ("est prévue le 16").
NEAR_FUTURE_AUXILIARIES = frozenset("vais vas va allons allez vont".split())  # noqa: SIM905
RECENT_PAST_AUXILIARIES = frozenset("viens vient venons venez viennent".split())  # noqa: SIM905
AVOIR_PRESENT = frozenset("ai as a avons avez ont".split())  # noqa: SIM905
ETRE_PRESENT = frozenset("suis es est sommes êtes sont".split())  # noqa: SIM905
REFLEXIVE_PRONOUNS = frozenset("se s' s’ me m' m’ te t' t’ nous vous".split())  # noqa: SIM905
