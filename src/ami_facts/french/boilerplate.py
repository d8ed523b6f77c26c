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
# The same headings run into the text, for texts whose line breaks were lost (a page
# saved on one line): a capitalised heading followed by a capitalised word or a digit
# (``... Jean Dupont Recent Posts Jaguar F-Type ...``). Not the "lire aussi" family: run
# into the text, it is a teaser inside the article, not the end of it.
RUN_IN_TRAILING_HEADING = re.compile(
    r"(?<![\w'’-])(?=[A-ZÀ-Ý])(?i:"
    + "|".join(h for h in _TRAILING_HEADINGS if "lire" not in h)
    + r")(?=\s*[:.!…]?\s+[A-ZÀ-Ý0-9«\"])"
)

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
# A line longer than this is never one boilerplate line as a whole, whatever it opens
# with: it is the article run into one line (``Photo : AFP`` then the whole text).
LONG_LINE = 1000

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

# Breadcrumbs leading a page: "Accueil > Météo > Tempête", "Accueil / Sport".
BREADCRUMB = re.compile(r"(?i)(?:accueil|home)\s*[>›»/|]")

# Month names of bylines: French and English, full or abbreviated (with or without
# a dot); the date they are part of is read by ``ami_facts.published``.
_EN_MONTHS = (
    *("january", "february", "march", "april", "may", "june", "july", "august"),
    *("september", "october", "november", "december"),
    *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
)
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_BYLINE_MONTHS = [
    *MONTHS,
    *("janv", "févr", "fevr", "fév", "fev", "avr", "juil", "sept", "oct", "nov", "déc", "dec"),
    *_EN_MONTHS,
]
_MONTH_NAMES = "|".join(sorted(set(_BYLINE_MONTHS), key=len, reverse=True))
_FR_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_FR_WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
_WEEKDAY = (
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|" + "|".join(_EN_WEEKDAYS) + r"),?\s+)?"
)
# 21/07/2021, 2 novembre 2023, 1er avr. 2021, 15 April 2021
_DMY = (
    r"\d{1,2}(?:er|st|nd|rd|th)?(?:\s+|/|\.|-)"
    r"(?:\d{1,2}|(?:" + _MONTH_NAMES + r")\.?)(?:\s+|/|\.|-)"
    r"\d{4}"
)
# April 15, 2021; Apr. 15 2021
_MDY = r"(?:" + _MONTH_NAMES + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
_ISO = r"\d{4}-\d{2}-\d{2}"
_BYLINE_DAY = r"(?P<date>" + _WEEKDAY + r"(?:" + _DMY + "|" + _MDY + "|" + _ISO + r"))\b"

# An author line: "Par Jean Dupont", "Par Jean Dupont et Marie Durand", "By Jane Doe",
# optionally followed by a separator and a date ("Par X Le 12 novembre 2023 à 10h48",
# "By Jane Doe, April 15, 2021").
_EN_DATE_WORDS = "|".join(
    sorted((word.capitalize() for word in (*_EN_MONTHS, *_EN_WEEKDAYS)), key=len, reverse=True)
)
BYLINE_AUTHOR = re.compile(
    r"(?:Par|PAR|By|BY)\s+(?:[A-ZÀ-Ý][\w'’.-]{0,30})"
    r"(?:\s+(?:(?:et|and|de|du|de la|d['’])\s+)?[A-ZÀ-Ý][\w'’.-]{0,30}){0,5}"
    r"\s*(?:$|[|•·–—-]|,?\s*(?:(?:le|Le|on|On)\s+(?:[a-z]+\s+)?\d+"
    r"|publié|Publié|mis|Mis|Published|Updated|" + _EN_DATE_WORDS + r")\b)"
)

# "Publié le 21/07/2021 à 10h ... Mis à jour le 24/12/2021": the date after
# "publié le" is the publication date.
BYLINE_PUBLISHED = re.compile(
    r"(?i)\b(?:(?:publié|publiée|mis en ligne|postée?)\s+le|published(?:\s+on)?)\s+" + _BYLINE_DAY
)
# Any date of a byline ("Par X Le 2 novembre 2023 à 10h48"), the first one is taken
# when no "publié le" is found, unless an update word comes before it.
BYLINE_DATE = re.compile(r"(?i)\b" + _BYLINE_DAY)
BYLINE_UPDATE_WORDS = re.compile(r"(?i)\b(?:mis à jour|modifié|actualisé|màj|updated)\b")
# A short line opening with one of these is a byline (date line) too.
BYLINE_START = re.compile(
    r"(?i)(?:publié|publiée|mis en ligne|postée?|mis à jour|modifié|actualisé|màj"
    r"|published|updated|posted)\b"
    r"|le\s+" + _FR_WEEKDAY + r"\d{1,2}(?:er)?(?:\s+|/)(?:\d{1,2}|" + _FR_MONTH_NAMES + r")\b"
    r"[^.]*\b\d{1,2}\s?[h:]\s?\d{2}"
)
# Three lowercase words in a row, or a subject pronoun and its verb (``Publié en mars,
# il a rapporté``): prose, which a byline's date line never goes on with.
PROSE = re.compile(
    r"\b[a-zà-ÿ]{2,}\s+[a-zà-ÿ]{2,}\s+[a-zà-ÿ]{2,}\b"
    r"|\b(?:il|elle|ils|elles|on)\s+(?:[a-zà-ÿ]+\s+)?[a-zà-ÿ]{2,}\b"
)

# A label before a date given as metadata or in a byline, left out before the
# date is read: "Publié le", "Mis à jour le", "Published on", "Updated:".
DATE_LABEL = re.compile(
    r"(?i)^(?:(?:publié|publiée|mis en ligne|mis à jour|modifié|actualisé|postée?)"
    r"(?:\s+le)?|(?:last\s+)?(?:published|updated|posted)(?:\s+on)?|le|on)\s*:?\s+"
)
