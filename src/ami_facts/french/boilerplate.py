"""What French (and franglais) news sites put around an article."""

from __future__ import annotations

import re

MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}

# Headings that open the list of other posts, newsletters or share bars closing a page.
_TRAILING_HEADINGS = [
    r"recent posts?",
    r"related posts?",
    r"related articles?",
    r"articles? récents?",
    r"derniers articles",
    r"articles? similaires",
    r"articles? liés",
    r"à lire (?:aussi|également|encore)",
    r"a lire (?:aussi|également|encore)",
    r"lire aussi",
    r"sur le même (?:sujet|thème)",
    r"dans la même rubrique",
    r"vous (?:aimerez|pourriez aimer) (?:aussi|également)",
    r"(?:nos )?autres articles",
    r"les plus lus",
    r"newsletter",
    r"inscrivez-vous à (?:notre|la) newsletter",
    r"partager(?: cet article| sur)?",
    r"share(?: this)?",
    r"commentaires?",
    r"laisser un commentaire",
    r"leave a (?:reply|comment)",
    r"tags?",
]
TRAILING_SECTION_HEADING = re.compile(r"(?i)(?:" + "|".join(_TRAILING_HEADINGS) + r")\s*[:.!…]?")

# A closing line that only cites the source: "(https://..., le 3 juin 2023, ...)",
# "Source : AFP", "Via Citroën, Stellantis." is kept (it names sources inside the body).
TRAILING_SOURCE_LINE = re.compile(
    r"(?i)(?:\(\s*https?://[^\s)]+[^)]*\)|https?://\S+|source\s*:\s*https?://\S+)"
)

# Lines inside the body that are not article text.
INLINE_BOILERPLATE_LINE = re.compile(
    r"(?i)(?:"
    r"(?:à|a) lire (?:aussi|également)\b"
    r"|lire aussi\s*:"
    r"|voir (?:aussi|les photos|la vidéo|le diaporama)\b"
    r"|(?:photo|crédit photo|crédits? ?photos?|illustration)s?\s*[:©]"
    r"|©"
    r"|partager sur\b"
    r"|abonnez-vous\b"
    r"|inscrivez-vous\b"
    r")"
)

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# "Publié le 21/07/2021 à 10h ... Mis à jour le 24/12/2021": the first date is the
# publication date; the whole line is a byline.
BYLINE_PUBLISHED = re.compile(
    r"(?i)\b(?:publié|publiée|mis en ligne|posté)\s+le\s+"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"(?P<day>\d{1,2})(?:er)?(?:\s+|/|\.|-)"
    r"(?P<month>\d{1,2}|" + _MONTH_NAMES + r")(?:\s+|/|\.|-)"
    r"(?P<year>\d{4})"
)
