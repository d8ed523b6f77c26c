"""French units: how they are written after a number, and what they are.

One list (``UNITS``) maps each written form to a canonical unit and the kind of
figure it makes. Currencies are ISO 4217 codes (``FRF`` for old francs). A new
unit joins the list with a test in ``tests/test_figures.py``.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Literal

try:  # re's own parser: private modules, so a Python without them tries every form
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    _parser = None

UnitKind = Literal["money", "percent", "duration", "measure"]

# canonical unit -> kind
UNIT_KINDS: dict[str, UnitKind] = {
    # money
    "EUR": "money",
    "USD": "money",
    "GBP": "money",
    "CHF": "money",
    "FRF": "money",
    "CAD": "money",
    "AUD": "money",
    "HKD": "money",
    "JPY": "money",
    "CNY": "money",
    "KRW": "money",
    "INR": "money",
    "RUB": "money",
    "DKK": "money",
    "NOK": "money",
    "SEK": "money",
    "ILS": "money",
    "BRL": "money",
    "MAD": "money",
    "ZAR": "money",
    "PLN": "money",
    "TRY": "money",
    "XOF": "money",
    "CDF": "money",
    "BTC": "money",
    # percent
    "%": "percent",
    "point": "percent",
    # length, area, speed
    "km": "measure",
    "m": "measure",
    "dm": "measure",
    "cm": "measure",
    "mm": "measure",
    "mile": "measure",
    "nmi": "measure",
    "m2": "measure",
    "km2": "measure",
    "ha": "measure",
    "km/h": "measure",
    "kn": "measure",
    "inch": "measure",
    # mass
    "t": "measure",
    "kg": "measure",
    "g": "measure",
    "mg": "measure",
    # volume
    "l": "measure",
    "hl": "measure",
    "dl": "measure",
    "cl": "measure",
    "ml": "measure",
    "dm3": "measure",
    "cm3": "measure",
    "m3": "measure",
    "gal": "measure",
    "cup": "measure",
    "tbsp": "measure",
    # energy, power, pressure
    "kWh": "measure",
    "MWh": "measure",
    "GWh": "measure",
    "TWh": "measure",
    "kW": "measure",
    "MW": "measure",
    "GW": "measure",
    "ch": "measure",
    "bar": "measure",
    "V": "measure",
    "Nm": "measure",
    "rpm": "measure",
    "dB": "measure",
    "mAh": "measure",
    "Ah": "measure",
    "GB": "measure",
    "TB": "measure",
    "GHz": "measure",
    "MHz": "measure",
    "kV": "measure",
    "W": "measure",
    # temperature ("°" when the scale is not said)
    "°C": "measure",
    "°F": "measure",
    "K": "measure",
    "°": "measure",
    # duration
    "s": "duration",
    "min": "duration",
    "h": "duration",
    "day": "duration",
    "week": "duration",
    "month": "duration",
    "quarter": "duration",
    "year": "duration",
}

# Seconds per duration unit (to add up "1 h 30", "2'24"").
SECONDS: dict[str, int] = {
    "s": 1,
    "min": 60,
    "h": 3600,
    "day": 86400,
    "week": 604800,
}

_W = r"(?![^\W\d_])"  # end of a word (no letter follows)

# (regex of the written form, canonical unit). Case-sensitive unless (?i:...).
# Order matters: the first form that matches wins, so specific forms come before generic ones.
_UNIT_FORMS: list[tuple[str, str]] = [
    # currencies
    (r"€|(?i:euros?)" + _W, "EUR"),
    (r"(?i:dollars?\s+(?:américains?|us))" + _W + r"|US\$|USD" + _W + r"|\$", "USD"),
    (r"(?i:dollars?\s+(?:australiens?))" + _W + r"|AUD" + _W + r"|A\$", "AUD"),
    (r"(?i:dollars?\s+canadiens?)" + _W + r"|CAD" + _W, "CAD"),
    (r"(?i:dollars?\s+de\s+hong\s*kong)" + _W + r"|HKD" + _W, "HKD"),
    (r"£|(?i:livres?\s+sterling|pounds?)" + _W + r"|GBP" + _W, "GBP"),
    (r"(?i:livres?\s+turques?|lires?\s+turques?)" + _W + r"|TRY" + _W, "TRY"),
    (r"(?i:livres)" + _W, "GBP"),
    (r"(?i:francs?\s+suisses?)" + _W + r"|CHF" + _W, "CHF"),
    (r"(?i:francs?\s+cfa)" + _W + r"|FCFA" + _W + r"|XOF" + _W, "XOF"),
    (r"(?i:francs?\s+congolais)" + _W + r"|CDF" + _W, "CDF"),
    (r"(?i:francs?)" + _W + r"|FF|F(?![\w'’-])|FRF" + _W, "FRF"),
    (r"(?i:couronnes?\s+danoises?)" + _W + r"|DKK" + _W, "DKK"),
    (r"(?i:couronnes?\s+norv[ée]giennes?)" + _W + r"|NOK" + _W, "NOK"),
    (r"(?i:couronnes?\s+su[ée]doises?)" + _W + r"|SEK" + _W, "SEK"),
    (r"(?i:yens?)" + _W + r"|JPY" + _W + r"|¥", "JPY"),
    (r"(?i:yuans?|renminbis?)" + _W + r"|CNY" + _W, "CNY"),
    (r"(?i:wons?)" + _W + r"|KRW" + _W + r"|₩", "KRW"),
    (r"(?i:roupies?)" + _W + r"|INR" + _W + r"|₹", "INR"),
    (r"(?i:roubles?)" + _W + r"|RUB" + _W + r"|₽", "RUB"),
    (r"(?i:shekels?)" + _W + r"|ILS" + _W + r"|₪", "ILS"),
    (r"(?i:r[ée]als?\s+br[ée]siliens?|reais)" + _W + r"|BRL" + _W + r"|R\$", "BRL"),
    (r"(?i:dirhams?)" + _W + r"|MAD" + _W, "MAD"),
    (r"(?i:rands?)" + _W + r"|ZAR" + _W, "ZAR"),
    (r"(?i:zlotys?)" + _W + r"|PLN" + _W, "PLN"),
    (r"(?i:bitcoins?)" + _W + r"|BTC" + _W + r"|฿", "BTC"),
    # percent
    (r"%|(?i:pour\s*-?\s*cent|pourcents?|p\.\s?100)" + _W, "%"),
    (r"(?i:points?(?:\s+de\s+pourcentage)?)" + _W + r"|pts?" + _W, "point"),
    # speed before length
    (
        r"km\s?/\s?h"
        + _W
        + r"|(?i:kilom[èe]tres?[\s-]?(?:heure|/\s?h|à\s+l['’]heure|par\s+heure))"
        + _W
        + r"|kmh"
        + _W,
        "km/h",
    ),
    (r"m2|m²|(?i:m[èe]tres?\s+carr[ée]s)" + _W, "m2"),
    (r"km2|km²|(?i:kilom[èe]tres?\s+carr[ée]s)" + _W, "km2"),
    (r"dm3|dm³", "dm3"),
    (r"cm3|cm³", "cm3"),
    (r"m3|m³|(?i:m[èe]tres?\s+cubes?)" + _W, "m3"),
    (r"km|(?i:kilom[èe]tres?)" + _W, "km"),
    (r"m|(?i:m[èe]tres?)" + _W, "m"),
    (r"dm|(?i:d[ée]cim[èe]tres?)" + _W, "dm"),
    (r"cm|(?i:centim[èe]tres?)" + _W, "cm"),
    (r"mm|(?i:millim[èe]tres?)" + _W, "mm"),
    # nautical miles and knots: a sailor's distance and speed (``28 000 milles``)
    (r"(?i:milles?[\s\u00a0]+(?:nautiques?|marins?)|milles)" + _W, "nmi"),
    (r"(?i:n[œo]e?uds?)" + _W, "kn"),
    (r"(?i:miles?)" + _W, "mile"),
    (r"ha|(?i:hectares?)" + _W, "ha"),
    (r"(?i:pouces?)" + _W, "inch"),
    # mass
    (r"t|(?i:tonnes?)" + _W, "t"),
    (r"kg|(?i:kilos?|kilogrammes?)" + _W, "kg"),
    (r"g|gr|(?i:grammes?)" + _W, "g"),
    (r"mg|(?i:milligrammes?)" + _W, "mg"),
    # volume
    (r"l|L|(?i:litres?)" + _W, "l"),
    (r"hl|(?i:hectolitres?)" + _W, "hl"),
    (r"dl|(?i:d[ée]cilitres?)" + _W, "dl"),
    (r"cl|(?i:centilitres?)" + _W, "cl"),
    (r"ml|(?i:millilitres?)" + _W, "ml"),
    (r"(?i:gallons?)" + _W + r"|gal" + _W, "gal"),
    (r"(?i:tasses?)" + _W, "cup"),
    (r"(?i:cuill[èe]res?\s+à\s+soupe)" + _W, "tbsp"),
    # energy, power, pressure
    (r"kWh|(?i:kilowatts?[\s-]?heures?|kilowattheures?)" + _W, "kWh"),
    (r"MWh|(?i:m[ée]gawatts?[\s-]?heures?|m[ée]gawattheures?)" + _W, "MWh"),
    (r"GWh|(?i:gigawatts?[\s-]?heures?|gigawattheures?)" + _W, "GWh"),
    (r"TWh|(?i:t[ée]rawatts?[\s-]?heures?|t[ée]rawattheures?)" + _W, "TWh"),
    (r"kW|(?i:kilowatts?)" + _W, "kW"),
    (r"MW|(?i:m[ée]gawatts?)" + _W, "MW"),
    (r"GW|(?i:gigawatts?)" + _W, "GW"),
    (r"ch|cv|(?i:chevaux)" + _W, "ch"),
    (r"(?i:bars?)" + _W, "bar"),
    (r"kV|(?i:kilovolts?)" + _W, "kV"),
    (r"Nm|N\.m|(?i:newtons?[\s-]?m[èe]tres?)" + _W, "Nm"),
    (r"tr\s?/\s?min|(?i:tours?\s+par\s+minute|tours?/minute)" + _W, "rpm"),
    (r"dB|(?i:décibels?|decibels?)" + _W, "dB"),
    (r"mAh|(?i:milliamp[èe]res?[\s-]heures?)" + _W, "mAh"),
    (r"Ah|(?i:amp[èe]res?[\s-]heures?)" + _W, "Ah"),
    (r"Go|(?i:gigaoctets?)" + _W, "GB"),
    (r"To|(?i:téraoctets?)" + _W, "TB"),
    (r"GHz" + _W, "GHz"),
    (r"MHz" + _W, "MHz"),
    (r"V|(?i:volts?)" + _W, "V"),
    (r"W|(?i:watts?)" + _W, "W"),
    # temperature
    (
        r"°\s?C|(?i:(?:°|degr[ée]s?|degrès|degres)\s*(?:celsius|centigrades?|C))"
        + _W
        + r"|(?i:celsius)"
        + _W
        + r"|C|c",
        "°C",
    ),
    (
        r"°\s?F|(?i:(?:°|degr[ée]s?|degrès|degres)\s*(?:fahrenheit|F))"
        + _W
        + r"|(?i:fahrenheit)"
        + _W,
        "°F",
    ),
    (
        r"°\s?[Kk]" + _W + r"|(?i:(?:degr[ée]s?\s+)?kelvins?)" + _W + r"|K" + _W,
        "K",
    ),
    (r"°|(?i:degr[ée]s?|degrès|degres|deg\.)", "°"),
    # duration
    (r"s|sec|(?i:secondes?|secs?)" + _W + r"|\"|″|''", "s"),
    (r"mn|min|(?i:minutes?|mins)" + _W + r"|'|’|′", "min"),
    (r"h|(?i:heures?|hrs?)" + _W, "h"),
    (r"j|(?i:jours?|journ[ée]es?)" + _W, "day"),
    (r"(?i:semaines?)" + _W, "week"),
    (r"(?i:mois)" + _W, "month"),
    (r"(?i:trimestres?)" + _W, "quarter"),
    (r"(?i:ans|années?|an)" + _W, "year"),
    (r"(?i:dollars?)" + _W, "USD"),
]

# One pattern, alternatives ordered from specific to generic ("km/h" before
# "km", "dollars australiens" before "dollars"); a unit never runs into a
# following letter, so "m" cannot match the start of "mois". The empty group after
# each alternative names the unit that matched (``lastgroup``); a group around it
# instead would make re try every alternative about twice as slowly.
_UNIT_BRANCHES = [
    f"(?:{pattern})(?![^\\W\\d_])(?P<u{i}>)" for i, (pattern, _) in enumerate(_UNIT_FORMS)
]
UNIT_RE = re.compile("|".join(_UNIT_BRANCHES))
_UNIT_BY_GROUP = {f"u{i}": unit for i, (_, unit) in enumerate(_UNIT_FORMS)}


def _first_chars(items: list[Any], ignore_case: bool) -> frozenset[str] | None:
    """The ASCII characters a match of the parsed regex ``items`` can start with; None
    when that is not read here (an optional start, a class such as ``\\s``)."""
    if not items:
        return None
    op, av = items[0]
    if op is _c.LITERAL:
        char = chr(av)
        if not char.isascii():
            # a cased one may match an ASCII letter ("ſ" is "s" to (?i))
            return frozenset() if not ignore_case or char.lower() == char == char.upper() else None
        return frozenset({char.lower(), char.upper()} if ignore_case else {char})
    if op is _c.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            chars = _first_chars(branch, ignore_case)
            if chars is None:
                return None
            found |= chars
        return frozenset(found)
    if op is _c.SUBPATTERN:
        _, add, remove, sub = av
        return _first_chars(sub.data, bool((ignore_case or add & re.I) and not remove & re.I))
    if op is _c.MAX_REPEAT and av[0] >= 1:
        return _first_chars(av[2].data, ignore_case)
    if op is _c.IN and all(item_op is _c.LITERAL for item_op, _ in av):
        return _first_chars([(_c.BRANCH, (None, [[item] for item in av]))], ignore_case)
    return None


# the ASCII characters each form can start with (None: any)
_FIRST_CHARS = [
    _first_chars(_parser.parse(pattern).data, False) if _parser is not None else None
    for pattern, _ in _UNIT_FORMS
]


@functools.cache
def _unit_re_at(char: str) -> re.Pattern[str] | None:
    """UNIT_RE without the forms that cannot start with the ASCII ``char`` (None when
    no form can): ``re`` tries the ~90 alternatives one by one, and a match tries the
    ones left in the same order, so it finds the same unit."""
    kept = [
        form
        for form, chars in zip(_UNIT_BRANCHES, _FIRST_CHARS, strict=True)
        if chars is None or char in chars
    ]
    return re.compile("|".join(kept)) if kept else None


def match_unit(text: str, pos: int) -> tuple[str, int] | None:
    """The unit written at ``text[pos:]``: (canonical unit, end offset)."""
    char = text[pos : pos + 1]
    pattern = _unit_re_at(char) if char.isascii() and char else UNIT_RE
    if pattern is None:
        return None
    m = pattern.match(text, pos)
    if m is None or m.end() == pos or m.lastgroup is None:
        return None
    return _UNIT_BY_GROUP[m.lastgroup], m.end()


# A currency written before the number: "$10", "EUR 20", "USD1,23", "£9".
_CURRENCY_CODES = "USD|EUR|GBP|CHF|JPY|CNY|CAD|AUD|HKD|DKK|NOK|SEK|INR|RUB|KRW|ILS"
CURRENCY_BEFORE_RE = re.compile(
    r"(?:(?P<sym>US\$|\$|€|£|¥|₩|₹|₽|฿)|(?<![^\W\d_])(?P<code>"
    + _CURRENCY_CODES
    + r")|(?<![^\W\d_])(?P<swiss>Fr\.|fr\.|Frs\.?))[\s\u00a0]?$"
)
_SYMBOL_UNITS = {
    "US$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "₹": "INR",
    "₽": "RUB",
    "฿": "BTC",
}


# The last characters of the currencies above (symbols, codes, "Fr." and "Frs"): a
# match ends with one of them among the last three characters before the number (a
# space, and a new line that ``$`` allows, may follow it). Most numbers have none
# there: no search is needed.
_CURRENCY_LAST = frozenset(
    {symbol[-1] for symbol in _SYMBOL_UNITS} | {code[-1] for code in _CURRENCY_CODES.split("|")}
) | {".", "s"}


def currency_before(text: str, start: int) -> tuple[str, int] | None:
    """A currency symbol or ISO code right before ``start``: (unit, its start)."""
    if _CURRENCY_LAST.isdisjoint(text[max(0, start - 3) : start]):
        return None
    m = CURRENCY_BEFORE_RE.search(text, max(0, start - 5), start)
    if not m:
        return None
    if m.group("sym"):
        return _SYMBOL_UNITS[m.group("sym")], m.start()
    if m.group("swiss"):
        return "CHF", m.start()  # "Fr. 120.-": Swiss notation
    return m.group("code"), m.start()


# Sub-units after an amount: "et 23 centimes", "50 cents".
SUBUNIT_RE = re.compile(
    r"[\s\u00a0]+(?:et[\s\u00a0]+)?(?P<n>\d{1,2}|[^\W\d_]+(?:[\s-][^\W\d_]+)?)[\s\u00a0]+"
    r"(?i:centimes?|cents?|pence|kopecks?)(?![^\W_])"
)


# Stock indexes move in index points, not percentage points.
# Words that make whole "points" a score or a tally, not percentage points
# ("avec 52 points, l'OM remonte au classement", "12 points sur son permis").
TALLY_CONTEXT_RE = re.compile(
    r"(?i:classement|championnat|match|victoire|défaite|leader|équipe|ligue|longueurs?|marqué"
    r"|inscrit|paniers?|essais?|permis|barème|compteur|podium|au\s+total|tournoi"
    r"|buts?|club|entraîneur|mi-temps|rencontre|saison)"
)

# A percentage sign after the last sentence end: points after it are percentage points.
PERCENT_EARLIER_IN_SENTENCE = re.compile(r"%[^.!?\n]*$")

# Weather and climate words: a bare "degrés" near them is Celsius ("le thermomètre
# va baisser de 5 à 8 degrés"); elsewhere (angles, alcohol) it stays "°".
TEMPERATURE_CONTEXT_RE = re.compile(
    r"(?<![^\W_])(?i:temp[ée]ratures?|thermom[èe]tre|mercure|chaleur|canicul\w*|froid|fra[îi]ch\w*"
    r"|gel[ée]?e?s?|m[ée]t[ée]o\w*|pr[ée]visionnistes?|r[ée]chauffement|climat\w*|douceur"
    r"|ressenti|maximales?|minimales?|sous\s+abri|il\s+fera|fera\s+(?:entre|jusqu)|vague\s+de)(?![^\W_])"
)

INDEX_NAMES_RE = re.compile(
    r"(?i:CAC[\s\u00a0-]*40|SBF[\s\u00a0-]*120|Dow[\s\u00a0]+Jones|Nasdaq|Nikkei|DAX|FTSE|Footsie"
    r"|S&P|Stoxx|Hang[\s\u00a0]+Seng|Euro[\s\u00a0]*Stoxx|indice|SMI)"
)


def unit_kind(unit: str) -> UnitKind:
    """Kind of figure a canonical unit makes."""
    return UNIT_KINDS[unit]


# Rates: "par mois", "chaque mois", "/mois", "mensuels", "tous les ans", "par habitant".
_PER_WORDS: dict[str, str] = {
    "seconde": "s",
    "secondes": "s",
    "s": "s",
    "minute": "min",
    "min": "min",
    "heure": "h",
    "h": "h",
    "jour": "day",
    "jours": "day",
    "j": "day",
    "journée": "day",
    "semaine": "week",
    "semaines": "week",
    "mois": "month",
    "an": "year",
    "ans": "year",
    "année": "year",
    "années": "year",
    "trimestre": "quarter",
    "trimestres": "quarter",
    "habitant": "person",
    "personne": "person",
    "tête": "person",
    "salarié": "person",
    "élève": "person",
    "km": "km",
    "kilomètre": "km",
    "100 km": "100km",
    "100km": "100km",
    "kg": "kg",
    "kilo": "kg",
    "litre": "l",
    "l": "l",
    "mètre carré": "m2",
    "m2": "m2",
    "m²": "m2",
    "hectare": "ha",
    "ha": "ha",
    "tonne": "t",
    "baril": "barrel",
    "kWh": "kWh",
    "MWh": "MWh",
    "mégawattheure": "MWh",
}
_PER_ALT = "|".join(sorted((re.escape(w) for w in _PER_WORDS), key=len, reverse=True))
PER_RE = re.compile(
    r"[\s\u00a0]*(?:(?i:par|chaque|tous\s+les|toutes\s+les)\s+|(?i:l['’]|le\s+|la\s+)|\s?/\s?"
    # "12 tonnes à l'hectare", "5 % à l'an", "8 euros au kilo"
    r"|(?i:à[\s\u00a0]+l['’][\s\u00a0]*|au[\s\u00a0]+(?=kilo|litre|mètre|m2|m²|km(?![^\W_]))"
    # "6 l aux 100 km", "17 kWh aux 100 km": a consumption
    r"|aux[\s\u00a0]+(?=100[\s\u00a0]?km(?![^\W_]))))"
    rf"(?P<per>{_PER_ALT})(?![^\W_])"
    # "par l'Assemblée": an elided article, not a litre
    r"(?!['’])"
    # "l'an dernier", "le mois prochain" are dates, not rates
    r"(?![\s\u00a0]+(?i:derni[eè]re?|prochaine?|pass[ée]e?|pr[ée]c[ée]dente?|suivante?)(?![^\W_]))",
)
# What a price is given per (``1,90 euro le litre``, ``4 900 euros le mètre carré``): a
# sum of money per one of these is what a buyer pays for that much.
PRICE_PER_UNITS = frozenset(["km", "100km", "kg", "l", "m2", "ha", "t", "barrel", "kWh", "MWh"])

ADJ_PER: dict[str, str] = {
    "annuel": "year",
    "annuels": "year",
    "annuelle": "year",
    "annuelles": "year",
    "mensuel": "month",
    "mensuels": "month",
    "mensuelle": "month",
    "mensuelles": "month",
    "hebdomadaire": "week",
    "hebdomadaires": "week",
    "quotidien": "day",
    "quotidiens": "day",
    "quotidienne": "day",
    "quotidiennes": "day",
    "journalier": "day",
    "journaliers": "day",
    "journalière": "day",
    "journalières": "day",
    "horaire": "h",
    "horaires": "h",
}
ADJ_PER_RE = re.compile(
    r"[\s\u00a0]+(?i:(?P<adj>" + "|".join(ADJ_PER) + r"))(?![^\W_])",
)


def per_value(word: str) -> str:
    """Canonical rate denominator of a rate word (``mois`` -> ``month``)."""
    w = word.lower()
    return _PER_WORDS.get(w) or _PER_WORDS.get(word) or ADJ_PER.get(w, w)


HOUR_TAIL_RE = re.compile(
    r"[\s\u00a0]*(?:(?P<m>[0-5]\d)(?!\d|[,.]\d)(?![^\W_]|[\s\u00a0]*(?:s(?![^\W_])|sec|['’\"]))"
    r"(?:[\s\u00a0]?(?:min|mn)(?![^\W_]))?"
    r"|(?P<w>(?i:trente|quinze|quarante[\s-]cinq|quarante|vingt|dix|cinquante))"
    r"(?=[\s\u00a0]*(?:$|[.,;:)!?])))"
)
PRICE_TERMS_RE = re.compile(
    r"[\s\u00a0]+(?:(?i:bruts?|nets?|hors\s+taxes?|toutes\s+taxes\s+comprises)(?![^\W_])|HT\b|TTC\b)"
)


# Unit words that are also common nouns: ``livres`` (pounds, or books), ``bars``
# (pressure, or cafés), ``pouces`` (inches, or thumbs). Written as that word alone (not
# ``livres sterling``, ``£``, ``bar`` after a decimal), the unit needs a word of its
# domain near the number; otherwise the word is the counted noun (``84 livres ont été
# critiqués``, ``la ville compte 30 bars``).
_AMBIGUOUS_FORMS: dict[str, re.Pattern[str]] = {
    "GBP": re.compile(r"(?i:livres?)"),
    "bar": re.compile(r"(?i:bars?)"),
    "inch": re.compile(r"(?i:pouces?)"),
}
_UNIT_DOMAIN: dict[str, re.Pattern[str]] = {
    "GBP": re.compile(
        r"(?<![^\W_])(?i:co[uû]t\w*|pay\w*|prix|tarif\w*|d[ée]pens\w*|vers[ée]\w*|amendes?"
        r"|salaires?|budgets?|montants?|sommes?|valeur|rapport\w*|gagn\w*|dettes?|factures?"
        r"|loyers?|rançons?|indemnit\w*|sterling|euros?|dollars?|pence|penny|shillings?"
        r"|bourse|transferts?|recettes|b[ée]n[ée]fices?|financ\w*|investi\w*|[ée]conomis\w*"
        r"|rembours\w*|cotis\w*|subvention\w*|frais|taxes?|imp[oô]ts?|pr[eê]ts?|cr[ée]dits?)"
        r"(?![^\W_])|[£€$]"
    ),
    "bar": re.compile(
        r"(?<![^\W_])(?i:pressions?|pneu\w*|gonfl\w*|compress\w*|turbo\w*|injection|hydrauliques?"
        r"|bouteilles?|plong[ée]e|chaudi[èe]res?|vapeur|atmosph\w*|circuits?)(?![^\W_])"
    ),
    "inch": re.compile(
        r"(?<![^\W_])(?i:[ée]crans?|diagonales?|jantes?|roues?|t[ée]l[ée]viseurs?|tv|moniteurs?"
        r"|tablettes?|smartphones?|t[ée]l[ée]phones?|ordinateurs?|portables?|dalles?|pneus?)"
        r"(?![^\W_])"
    ),
}
# A price marker right before the number: "vendu pour 84 livres", "un billet à 84 livres".
_PRICE_BEFORE = re.compile(r"(?<![^\W_])(?i:pour|à|contre|moyennant)[\s\u00a0]+$")


def common_noun_not_unit(
    unit: str, text: str, number: tuple[int, int], unit_end: int, value: float, mult: float
) -> bool:
    """Whether the unit word after the number ``text[number[0]:number[1]]`` is here the
    common noun it also is (``84 livres`` of a bookshop), not the unit.

    The unit reading stands with its own context: a decimal or scaled amount (``2,5
    bars``, ``30 millions de livres``), a word of its domain in the 80 characters before
    the number or the 40 after the unit (``coûte``, ``pression``, ``écran``), or, for
    money, a price marker right before it (``pour 84 livres``).
    """
    form = _AMBIGUOUS_FORMS.get(unit)
    if form is None:
        return False
    word = re.search(r"[^\W\d_]+$", text[number[1] : unit_end])
    if word is None or not form.fullmatch(word.group()):
        return False  # "livres sterling", "£": the unit itself
    if mult > 1 or not float(value).is_integer():
        return False
    start = number[0]
    if unit == "GBP" and _PRICE_BEFORE.search(text, max(0, start - 14), start):
        return False
    domain = _UNIT_DOMAIN[unit]
    return domain.search(text, max(0, start - 80), min(len(text), unit_end + 40)) is None
