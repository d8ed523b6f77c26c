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
    r"(?i)(?:\(\s*https?://[^)]*\)|https?://\S+|source\s*:\s*https?://\S+)"
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
    r"|(?:lire|voir) la suite\b"
    r"|(?:cet article est )?réservé aux abonnés\b"
    r"|déjà abonné\b"
    r")"
)

# Lines at most this long may be bylines, captions, share bars or prompts; a
# longer line is a paragraph of the article.
SHORT_LINE = 250

# A short line mentioning one of these is a newsletter or subscription prompt.
PROMPT_LINE = re.compile(
    r"(?i)\b(?:newsletters?|lettre d['’]information|abonnez-vous|inscrivez-vous"
    r"|recevez (?:gratuitement |chaque (?:jour|semaine) )?(?:notre|nos|l['’]essentiel))\b"
)
# Every line PROMPT_LINE finds holds one of these once lower-cased (newsletter and
# lettre, abonnez, inscrivez and recevez): a line without them needs no search. None
# has an i or an s, the letters ``(?i)`` also matches other characters with (ı, ſ).
PROMPT_HINTS = ("lett", "abonn", "vez")

# At least one of these must be in a share bar (so "par le lien" alone is not one).
SHARE_MARKERS = frozenset(
    [
        "partager",
        "partagez",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "messenger",
        "pinterest",
        "telegram",
        "reddit",
        "flipboard",
        "bluesky",
        "imprimer",
        "tweeter",
    ]
)
# Words of a share bar ("Partager Facebook Twitter E-mail Copier le lien"): the
# markers and the words around them.
SHARE_WORDS = SHARE_MARKERS | frozenset(
    [
        "commentaire",
        "commentaires",
        "commenter",
        "copier",
        "courriel",
        "e-mail",
        "email",
        "envoyer",
        "le",
        "lien",
        "mail",
        "par",
        "partage",
        "sms",
        "sur",
        "threads",
        "url",
        "x",
    ]
)

# A caption credit closing a line: "AFP/Fred Tanneau", "LP/Olivier Arandel",
# "Reuters / John Doe", "(Photo AFP)", "© Getty Images".
# Case matters: an agency and a name are capitalised ("130 km/h sur la côte" is text).
CREDIT_AT_END = re.compile(
    r"(?:(?:^|\s|\()[A-Z][A-Za-z.]{0,20}\s?/\s?[A-ZÀ-Ý][\w'’.-]{0,30}"
    r"(?:\s[A-ZÀ-Ý][\w'’.-]{0,30}){0,3}\)?"
    r"|\((?i:photo|crédit|illustration)s?\b[^()]{0,80}\))$"
)
# Every credit CREDIT_AT_END finds holds one of these (the slash after the agency, the
# closing bracket): a line without them needs no search.
CREDIT_MARKS = ("/", ")")

# An author line: "Par Jean Dupont", "Par Jean Dupont et Marie Durand", "By Jane Doe",
# optionally followed by a separator and a date ("Par X Le 2 novembre 2023 à 10h48").
BYLINE_AUTHOR = re.compile(
    r"(?:Par|PAR|By|BY)\s+(?:[A-ZÀ-Ý][\w'’.-]{0,30})"
    r"(?:\s+(?:(?:et|and|de|du|de la|d['’])\s+)?[A-ZÀ-Ý][\w'’.-]{0,30}){0,5}"
    r"\s*(?:$|[|•·–—-]|,?\s*(?:(?:le|Le)\s+(?:[a-z]+\s+)?\d|publié|Publié|mis|Mis)\b)"
)

# Breadcrumbs leading a page: "Accueil > Météo > Tempête", "Accueil / Sport".
BREADCRUMB = re.compile(r"(?i)(?:accueil|home)\s*[>›»/|]")

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
_DMY = (
    r"(?P<day>\d{1,2})(?:er)?(?:\s+|/|\.|-)"
    r"(?P<month>\d{1,2}|" + _MONTH_NAMES + r")(?:\s+|/|\.|-)"
    r"(?P<year>\d{4})"
)
_ISO = r"(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})"

# "Publié le 21/07/2021 à 10h ... Mis à jour le 24/12/2021": the date after
# "publié le" is the publication date.
BYLINE_PUBLISHED = re.compile(
    r"(?i)\b(?:publié|publiée|mis en ligne|postée?)\s+le\s+"
    + _WEEKDAY
    + r"(?:"
    + _DMY
    + "|"
    + _ISO
    + ")"
)
# Any date of a byline ("Par X Le 2 novembre 2023 à 10h48"), the first one is taken
# when no "publié le" is found, unless an update word comes before it.
BYLINE_DATE = re.compile(r"(?i)\b" + _WEEKDAY + r"(?:" + _DMY + "|" + _ISO + ")")
BYLINE_UPDATE_WORDS = re.compile(r"(?i)\b(?:mis à jour|modifié|actualisé|màj|updated)\b")
# A short line opening with one of these is a byline (date line) too.
BYLINE_START = re.compile(
    r"(?i)(?:publié|publiée|mis en ligne|postée?|mis à jour|modifié|actualisé|màj)\b"
    r"|le\s+" + _WEEKDAY + r"\d{1,2}(?:er)?(?:\s+|/)(?:\d{1,2}|" + _MONTH_NAMES + r")\b"
    r"[^.]*\b\d{1,2}\s?[h:]\s?\d{2}"
)
# Three lowercase words in a row: prose, which a byline's date line never goes on with.
PROSE = re.compile(r"\b[a-zà-ÿ]{2,}\s+[a-zà-ÿ]{2,}\s+[a-zà-ÿ]{2,}\b")
