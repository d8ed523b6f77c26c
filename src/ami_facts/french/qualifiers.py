"""French words around a number that qualify it: approximation, bounds, signs, rates.

Each list is matched right before the number (``QUALIFIER_RE`` is anchored at
the end of the text before it). Apostrophes may be ’ or '.
"""

from __future__ import annotations

import re
from typing import Literal

from ami_facts.patterns import by_first_char

Bound = Literal["min", "max"]

_A = "['’]"  # apostrophe

APPROXIMATE: list[str] = [
    r"environ(?:\s+à)?",
    r"env\.",
    r"près\s+de",
    r"près\s+d" + _A,
    r"pres\s+de",
    r"pas\s+loin\s+de",
    r"aux\s+environs\s+de",
    r"aux\s+alentours\s+de",
    r"autour\s+de",
    r"de\s+l" + _A + r"ordre\s+de",
    r"quasi(?:ment)?",
    r"presque",
    r"quelque",
    r"approximativement",
    r"à\s+peu\s+près",
    r"a\s+peu\s+pres",
    r"plus\s+ou\s+moins",
    r"grosso\s+modo",
    r"avoisin\w*(?:\s+(?:les|la|le|l" + _A + r"))?",
    r"frôl\w*(?:\s+(?:les|la|le|l" + _A + r"))?",
    r"~",
    r"≈",
    r"±",
]
MIN: list[str] = [
    r"pas\s+moins\s+de",
    r"plus\s+de",
    r"plus\s+d" + _A,
    r"plus\s+que",
    r"au\s+moins",
    r"au\s+minimum",
    r"au\s+bas\s+mot",
    r"au[\s-]+delà\s+de",
    r"au[\s-]+dessus\s+de",
    r"supérieure?s?\s+à",
    r"superieure?s?\s+a",
    r"dès",
    r"à\s+partir\s+de",
    r"minimum",
    r"≥",
    r">",
]
MAX: list[str] = [
    r"pas\s+plus\s+de",
    r"moins\s+de",
    r"moins\s+d" + _A,
    r"moins\s+que",
    r"jusqu" + _A + r"à",
    r"jusqu" + _A + r"a",
    r"au\s+plus",
    r"au\s+maximum",
    r"tout\s+au\s+plus",
    r"en[\s-]+dessous\s+de",
    r"au[\s-]+dessous\s+de",
    r"inférieure?s?\s+à",
    r"inferieure?s?\s+a",
    r"maximum",
    r"≤",
    r"<",
]
EXACT: list[str] = [r"exactement", r"pile", r"précisément", r"tout\s+juste", r"juste"]


# Qualifiers may stack: "pas moins de", "environ" after "plus de" is rare; read one
# of each family, innermost last ("jusqu'à environ 20").
# One alternation of all the families grouped by first character (re enters fewer
# branches at each position it searches), in the family order min, max, approx,
# exact within each character; the empty group after a branch names its family
# (``qualifier_family``).
_FAMILIES = (("min", MIN), ("max", MAX), ("approx", APPROXIMATE), ("exact", EXACT))
QUALIFIER_RE = re.compile(
    r"(?<![^\W_])(?i:"
    + by_first_char(
        f"{branch}(?P<{family}{i}>)"
        for family, branches in _FAMILIES
        for i, branch in enumerate(branches)
    )
    + r")[\s\u00a0]*$",
)


def qualifier_family(m: re.Match[str]) -> str:
    """The family of a QUALIFIER_RE match: ``min``, ``max``, ``approx`` or ``exact``."""
    return (m.lastgroup or "").rstrip("0123456789")


# After the number: "10 euros environ", "100 yuan pile", "au moins".
POST_APPROX_RE = re.compile(r"[\s\u00a0,]*(?i:environ|approximativement|à\s+peu\s+près)(?![^\W_])")
POST_EXACT_RE = re.compile(r"[\s\u00a0]*(?i:pile|exactement|tout\s+rond)(?![^\W_])")
POST_MIN_RE = re.compile(r"[\s\u00a0]*(?i:et\s+plus|ou\s+plus|au\s+moins|minimum)(?![^\W_])")
POST_MAX_RE = re.compile(r"[\s\u00a0]*(?i:au\s+plus|maximum|ou\s+moins)(?![^\W_])")
BELOW_ZERO_RE = re.compile(r"[\s\u00a0]*(?i:en[\s-]dessous\s+de\s+z[ée]ro|sous\s+z[ée]ro)")

# A sign right before a number: "- 15 %", "+ 6 cm", "moins 27", "plus vingt".
SIGN_RE = re.compile(r"(?:(?P<sym>[-+−–])|(?<![^\W_])(?i:(?P<word>moins|plus)))[\s\u00a0]*$")
# Words before "moins"/"plus" that make them a comparison or an operation, not a sign.
NOT_SIGN_BEFORE = re.compile(
    r"(?<![^\W_])(?i:au|un\s+peu|non|pas|de|en|le|la|les|ne|n" + _A + r"|beaucoup|bien|rien"
    r"|ou|que|qu" + _A + r"|encore|fois|est|sont)[\s\u00a0]*$"
)

# Verbs and nouns of change: "passe de 575 à 593" is two figures, not a range.
CHANGE_RE = re.compile(
    r"(?<![^\W_])(?i:pass\w*|augment\w*|hausse|baiss\w*|diminu\w*|recul\w*|progress\w*"
    r"|grimp\w*|chut\w*|tomb\w*|mont\w*|bondi\w*|évolu\w*|chang\w*|croissance|croît\w*"
    r"|glissé\w*|plong\w*|réduit\w*|rédui\w*|port\w*|relev\w*|ramen\w*|abaiss\w*|élev\w*"
    r"|grandi\w*|gagn\w*|perd\w*|envol\w*|effondr\w*|doubl\w*|tripl\w*|explos\w*)"
    r"(?:[\s\u00a0]+[^\W\d_]+){0,3}[\s\u00a0]+$"
)

# Verbs of decrease: "baisser de 5 à 8 degrés" cannot go from 5 up to 8, so the
# two numbers are a range of the change, not its before and after.
DECREASE_RE = re.compile(
    r"(?i:baiss|diminu|recul|chut|tomb|glissé|plong|rédui|abaiss|perd|effondr|céd)"
)

TIME_QUALIFIER_RE = re.compile(r"(?i:dès|à\s+partir|jusqu|avant|après|depuis)")
QUALIFIER_LAST = frozenset(
    [
        "de",
        "d",
        "à",
        "a",
        "environ",
        "env.",
        "quasi",
        "quasiment",
        "presque",
        "quelque",
        "approximativement",
        "près",
        "pres",
        "moins",
        "plus",
        "mot",
        "minimum",
        "maximum",
        "dès",
        "que",
        "les",
        "la",
        "le",
        "l",
        "loin",
        "modo",
        "~",
        "≈",
        "±",
        ">",
        "<",
        "≥",
        "≤",
        "exactement",
        "pile",
        "précisément",
        "juste",
        "partir",
        "pas",
        "dessus",
        "dessous",
        "delà",
        "au-delà",
        "au-dessus",
        "en-dessous",
        "au-dessous",
    ]
)
RANGE_GAP = re.compile(r"^[\s\u00a0]*(?:-|–|—|à|a|au)[\s\u00a0]*$", re.I)
ET_GAP = re.compile(r"^[\s\u00a0]*et[\s\u00a0]*$", re.I)
OU_GAP = re.compile(r"^[\s\u00a0]*(?:,|ou|voire)[\s\u00a0]*$", re.I)
ENTRE_BEFORE = re.compile(r"(?<![^\W_])(?i:entre)[\s\u00a0]+$")
DE_BEFORE = re.compile(r"(?<![^\W_])(?i:de|d['’]|du)[\s\u00a0]*$")
