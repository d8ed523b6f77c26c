"""What looks like a date and is not: state-free checks that veto a pattern's match
before it is read (``2000 commandes`` is not a year, ``3/4 heure`` not a day, ``le
prochain mariage`` not a future reference).
"""

from __future__ import annotations

import re

from ami_facts.components.dates.regex_parts import _F

_COUNT_BEFORE = re.compile(
    r"(?:près\s+de|pres\s+de|plus\s+de|moins\s+de|environ|quelque|au\s+moins|soit|sur|"
    r"jusqu['’]\s*à|de\s+plus\s+de|total\s+de|nombre\s+de|chiffre\s+de|[<>=+×x*/€$£]|n°|no\.?|numéro|"
    r"\d[.,  ]?|page|p\.|article|art\.|route|rn|n|a|à|les|des|ces|aux|ses|leurs|nos|vos)\s*$",
    _F,
)
_YEAR_TRIGGER = re.compile(
    r"(?:\ben|\bdepuis|\bdès|\bdes|\bjusqu['’]\s*en|\bentre|\bavant|\baprès|\bvers|\bfin|\bdébut|\bmi-|"
    r"\bcourant|\bl['’]\s*an|\bl['’]\s*année|\bannée|\bannées|\bsaison|\bexercice|\bcru|\bprintemps|"
    r"\bété|\bautomne|\bhiver|\bpour|\bde|\bd['’]|\bdu|\bau|\bà|\bet|\bou|\bnée?s?\s+en|\bpériode|"
    r"\brentrée|\bjanvier|\bfévrier|\bmars|\bavril|\bmai|\bjuin|\bjuillet|\baoût|\bseptembre|"
    r"\boctobre|\bnovembre|\bdécembre|\bdepuis\s+l['’]\s*an|\bà\s+partir\s+de|\bmillésime|[(\[-])\s*$",
    _F,
)
_YEAR_FOLLOW_OK = re.compile(
    r"\s*(?:$|[,.;:!?)\]»\"…–—-]|et\b|ou\b|à\b|au\b|aux\b|en\b|dans\b|pour\b|par\b|avec\b|sur\b|"
    r"contre\b|lors\b|puis\b|alors\b|déjà\b|a\b|avait\b|est\b|était\b|sera\b|fut\b|marque\b|"
    r"restera\b|verra\b|voit\b|s['’]|se\b|le\b|la\b|les\b|l['’]|il\b|elle\b|ils\b|elles\b|on\b|"
    r"ce\b|cette\b|qui\b|que\b|où\b|quand\b|lorsque\b|après\b|avant\b|selon\b|chez\b|comme\b|"
    r"un\b|une\b|des\b|du\b|de\b|d['’])",
    _F,
)
_UNIT_AFTER = re.compile(
    r"\s*(?:de\s+|d['’])?(?:euros?|€|francs?|dollars?|\$|livres|%|pour\s*cent|km|kilomètres?|"
    r"m\b|mètres?|kg|kilos?|tonnes?|habitants?|personnes?|exemplaires?|unités?|voitures?|"
    r"véhicules?|salariés?|emplois?|postes?|commandes?|points?|voix|places?|lits?|logements?|"
    r"hectares?|ha\b|litres?|l\b|mw|kw|ch\b|chevaux|pièces?|jours?|heures?|mois|ans|années|"
    r"morts?|blessés?|victimes?|fois|mf|f\b|milliards?|millions?|mille|cv|visiteurs?|spectateurs?)",
    _F,
)


# A heading that opens on a noun and a year (``Bilan 2025 : ...``, ``Budget 2027``): the
# year it sets for what follows (SPEC, "Which period").
_HEADING_NOUN_BEFORE = re.compile(r"(?:^|\n)[^\S\n]*[A-ZÀ-Ý][^\W\d_]+[^\S\n]+$")
_HEADING_END_AFTER = re.compile(r"[^\S\n]*(?::|$|\n)")


def _check_year(m: re.Match[str], text: str) -> bool:
    s, e = m.span("y")
    before = text[max(0, s - 25) : s]
    after = text[e : e + 25]
    if _UNIT_AFTER.match(after):
        return False
    bl = before.lower()
    if re.search(r"\b(?:19|20)\d\d\s*(?:et|-|–|à|ou|,)\s*$", bl):
        return True  # "entre 1990 et 1999", "1982-1990", "en 2012, 2015 et 2019"
    if re.search(r"\d\s*[-–]\s*$", bl):
        return False
    if re.search(
        r"(?:près\s+de|pres\s+de|plus\s+de|moins\s+de|environ|quelque|au\s+moins|soit|sur"
        r"|total\s+de|nombre\s+de|[€$£+×*/#=]|n°|\d[.,  ]?)\s*$",
        bl,
    ):
        return False
    if re.search(
        r"(?:\ben|\bdepuis|\bdès|\bjusqu['’]\s*en|\bl['’]\s*an|\bl['’]\s*année|\bannées?|\bété|\bhiver|\bprintemps|\bautomne|\bfin|\bdébut|\bmi-|\bcourant|\bentre|\bnée?s?\s+en|\bsaison|\bexercice"
        r"|\bd['’]\s*ici|\bédition|\bhorizon|\bcuvée|\bbilan)\s*$",
        bl,
    ):
        return True
    month_before = re.search(
        r"\b(?P<d>\d{1,2}(?:er|e)?\s+)?(?:janvier|février|mars|avril|mai|juin|juillet|août"
        r"|septembre|octobre|novembre|décembre)\s*$",
        bl,
    )
    if month_before:
        # a day before the month that no day pattern took: "29 février 2014" does not exist
        return month_before.group("d") is None
    if re.match(r"\s*(?:-|–|à|et)\s*(?:19|20)\d\d\b", after) and not re.search(
        r"(?:de|des)\s*$", bl
    ):
        return True
    if _HEADING_NOUN_BEFORE.search(text, max(0, s - 40), s) and _HEADING_END_AFTER.match(after):
        return True  # "Bilan 2025 : ...", "Budget 2027" as a heading
    if _YEAR_TRIGGER.search(bl) or _at_start(before):
        return bool(_YEAR_FOLLOW_OK.match(after)) or _at_start(before)
    return bool(_YEAR_FOLLOW_OK.match(after)) and bool(
        re.search(r"\b(?:est|arrivée?|venue?|fut|sera|survenue?|commencée?|terminée?)\s*$", bl)
    )


def _at_start(before: str) -> bool:
    return before == "" or bool(re.search(r"(?:^|[.!?\n«\"]\s*)$", before))


def _check_not_glued(m: re.Match[str], text: str) -> bool:
    s, e = m.span()
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in ",."):
        return False
    return not (e < len(text) and text[e].isalnum())


def _check_numeric(m: re.Match[str], text: str) -> bool:
    s, e = m.span()
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "/.,-"):
        return False
    if e < len(text) and (
        text[e].isalnum() or (text[e] in "/.,-" and e + 1 < len(text) and text[e + 1].isdigit())
    ):
        return False
    if not m.group("y"):
        # "3/4 heure", "1/2": fractions, not dates
        after = text[e : e + 12].lower()
        if re.match(r"\s*(?:d['’]\s*heure|heure|h\b|de\b|%|des\b)", after):
            return False
        day, month = int(m.group("d")), int(m.group("m"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return False
        if m.group("sep") == ".":
            return False  # "5.7", "2.5": decimals
        before = text[max(0, s - 12) : m.start("d")].lower()
        # (small numbers, and any pair joined by a hyphen, are scores or counts more
        # often than days: ``(6-4, 7-5)``, ``2/3``; a preposition makes them days)
        if ((day <= 4 and month <= 4) or m.group("sep") == "-") and not re.search(
            r"(?:\ble|\bdu|\bau|\bdepuis|\bavant|\baprès)\s*$", before
        ):
            return False
    return True


def _check_year2(m: re.Match[str], text: str) -> bool:
    e = m.end()
    return bool(re.match(r"\s*(?:[,.;:)]|\(|$|et\b|,)", text[e : e + 5]))


def _check_prochain_adj(m: re.Match[str], text: str) -> bool:
    # "le prochain mariage", "Prochains mariages": adjective before a noun
    after = text[m.end() : m.end() + 20]
    return bool(re.match(r"\s+[a-zà-ÿ]{3,}", after))


def _check_precedent(m: re.Match[str], text: str) -> bool:
    before = text[max(0, m.start() - 20) : m.start()].lower()
    after = text[m.end() : m.end() + 15].lower()
    # after a noun ("recensement précédent") or before one ("un précédent dîner")
    if re.search(r"\b(?:un|le|ce|du)\s*$", before):
        return bool(re.match(r"\s+[a-zà-ÿ]{3,}", after)) and not re.match(
            r"\s+(?:de|du|des|à|qui|que|pour)\b", after
        )
    return bool(re.search(r"[a-zà-ÿ]{4,}\s+$", before)) and not re.search(
        r"\b(?:le|la|les|un|une|au|du|des|de)\s+$", before
    )


def _check_numeric_space(m: re.Match[str], text: str) -> bool:
    day, month = int(m.group("d")), int(m.group("m"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    if m.group("y") and len(m.group("y")) == 4:
        return True
    # "le 17 02", "du 03 07 19": only after a determiner, two-digit fields
    le = re.search(r"\b(?:le|du|au)\s+$", text[max(0, m.start() - 4) : m.start()], _F) is not None
    return le and (len(m.group("m")) == 2 or bool(m.group("y")))


def _check_numeric_le(m: re.Match[str], text: str) -> bool:
    return _check_numeric(m, text)


def _check_race(m: re.Match[str], text: str) -> bool:
    a = m.group("a")
    sep_quote = '"' in m.group(0)
    if a in ("l", "I", "T"):
        return sep_quote
    # digits: a minute mark is needed and, unless a closing quote, a race context ('à', a rank)
    if not re.search(r"['’*_]", m.group(0)):
        return False
    return sep_quote or bool(re.search(r"(?:à|\))\s*$", text[max(0, m.start() - 5) : m.start()]))


def _check_seconds(m: re.Match[str], text: str) -> bool:
    # a quote after a number is the seconds mark in results: "à 41 \"", "(Be, 8 \")"
    before = text[max(0, m.start() - 12) : m.start()]
    return bool(re.search(r"(?:\bà|\ba|\bavec|\bbonif\.?|\bde|[,(])\s*$", before, _F))


def _check_set(m: re.Match[str], text: str) -> bool:
    return not (m.group("par") and m.group("par").lower() != "par")
