"""Readers of durations and sets: ``deux ans et demi``, ``près de 8 mois``,
``un quart d'heure``, race times (``2'24"``), ``chaque mardi``, ``par an``,
``mensuel``. Ages (``âgé de 54 ans``) and ordinals (``une seconde fois``) are not
durations.
"""

from __future__ import annotations

import re

from ami_facts.components.dates.context import _after, _before, _Built, _Ctx, _GroupView
from ami_facts.components.dates.regex_parts import _DUR_PART_RE, _F, _QUAL
from ami_facts.components.dates.word_values import _fmt_num, _num
from ami_facts.french import calendar as fr


def _unit_code(u: str) -> tuple[str, bool, int]:
    key = u.lower()
    if key in fr.UNITS:
        return fr.UNITS[key]
    key = key.rstrip("s")
    return fr.UNITS.get(key, fr.UNITS.get(key + "s", ("X", False, 1)))


def _duration_value(n: float | None, unit: str, half: bool = False) -> str:
    letter, is_time, factor = _unit_code(unit)
    if n is None:
        amount = "X"
    else:
        v = n * factor + (0.5 * factor if half else 0)
        if letter == "W" and v != int(v):
            letter, v = "D", v * 7
        amount = _fmt_num(v)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


_ORDER = "YMWDhms"


def _duration_text(s: str) -> str | None:
    """ISO 8601 duration of ``2 ans, 3 mois et 1 jour``, ``une demi-heure``; None if not one."""
    low = re.sub(r"\s+", " ", s.lower().replace("’", "'")).replace("demi heure", "demi-heure")
    fixed = {
        "un quart d'heure": "PT15M",
        "un quart d' heure": "PT15M",
        "une demi-heure": "PT30M",
        "trois quarts d'heure": "PT45M",
        "trois quarts d' heure": "PT45M",
        "une demi-journée": "PT12H",
        "un demi-siècle": "P50Y",
    }
    if low in fixed:
        return fixed[low]
    frac = re.fullmatch(r"([13])/([24]) ?(?:h|heures?)", low)
    if frac:
        return f"PT{60 * int(frac.group(1)) // int(frac.group(2))}M"
    amounts: dict[str, float] = {}
    for m in _DUR_PART_RE.finditer(s):
        n = _num(m.group("n"))
        if n is None:
            return None
        letter, is_time, factor = _unit_code(m.group("u"))
        key = letter.lower() if is_time else letter
        if key == "h":
            key = "h"
        v = n * factor
        f = (m.group("f") or "").lower()
        if f.startswith("demi"):
            v += 0.5 * factor
        elif f == "quart":
            v += 0.25 * factor
        amounts[key] = amounts.get(key, 0) + v
    if not amounts:
        return None
    date_part = "".join(f"{_fmt_num(amounts[k])}{k}" for k in "YMWD" if k in amounts)
    time_part = "".join(f"{_fmt_num(amounts[k])}{k.upper()}" for k in "hms" if k in amounts)
    return "P" + date_part + ("T" + time_part if time_part else "")


def _vague(q: str) -> bool:
    return q.lower().split()[0] in ("quelques", "plusieurs", "des", "de")


_AGE_BEFORE = re.compile(r"(?:âgée?s?\s+de|,|\(|de\s+moins\s+de|de\s+plus\s+de|les)\s*$", _F)


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    ntxt = m.group("n")
    unit = m.group("u")
    vague = _vague(ntxt)
    if unit[:1].isupper() and not ntxt[:1].isupper():
        return None  # "des Journées du patrimoine", "les Années folles": a name
    ul = unit.lower()
    if ntxt.lower() == "des" and ul.startswith(("heure", "minute", "seconde")):
        return None
    if ntxt.lower() in ("un", "une") and ul.startswith("jour"):
        # "un jour" is as often "some day" as "one day": keep it after a duration cue only
        before = _before(ctx.text, m.start(), 15)
        if re.search(r"\bdans\s*$", before) and re.match(r"\s+d[e']", _after(ctx.text, m.end(), 5)):
            return None  # "dans un jour de grande forme"
        if re.match(r"\s*(?:où|ou\b|,)", _after(ctx.text, m.end(), 5)) or not re.search(
            r"\b(?:en|pendant|durant|après|depuis|pour|dans|de|d'|qu'|que|seulement|à)\s*$", before
        ):
            return None
    if ul.startswith("heure") and re.search(
        r"\b(?:à|vers|dès)\s*$", _before(ctx.text, m.start(), 8)
    ):
        return None  # "à 37 heures": a (bad) clock time, not a duration
    follow = _after(ctx.text, m.end(), 20)
    if ul.startswith("quinzaine") and re.match(r"\s*(?:de|d['’])", follow):
        return None  # "une quinzaine de jardins": about fifteen
    if ul.startswith("seconde") and re.match(
        r"\s+(?:fois|guerre|main|vie|chance|place|moitié|partie|division|tour|mi-temps|manche|"
        r"période|étape|série|édition|position|génération|nature|classe|vague|session|phase)",
        follow,
    ):
        return None  # "une seconde fois": the ordinal
    n = None if vague else _num(ntxt)
    if not vague and n is None:
        return None
    if unit.lower().startswith("an") and not vague:
        before = _before(ctx.text, m.start(), 15)
        after = _after(ctx.text, m.end(), 3)
        after_long = _after(ctx.text, m.end(), 25)
        if (
            re.search(r"[âa]gée?s?\s+de\s*$", before)
            or (re.search(r"[,(]\s*$", before) and re.match(r"\s*[,.;)]", after))
            or re.search(r"\d\s*(?:-|à)\s*$", before)
            or (
                re.search(r"\bde\s*$", before)
                and re.match(
                    r"\s*(?:[,;)]|a\b|est\b|était\b|qui\b|s['’]|atteinte?\b|avait\b|originaire|domicilié|demeurant|habitant|et\s+(?:de\s+)?\d+\s+ans)",
                    after_long,
                )
            )
        ):
            return None  # age: "X, 87 ans,", "âgé de 54 ans", "un homme de 38 ans a été"
        if re.search(r"\b(?:de|à)\s*$", before) and re.search(
            r"(?:enfant|jeune|homme|femme|fille|garçon|gar[cç]on|adolescent|bébé|élève)s?\s+(?:de|âgés?\s+de)\s*$",
            _before(ctx.text, m.start(), 40),
        ):
            return None
    half = bool(m.group("half"))
    value = _duration_value(n, unit, half)
    if m.groupdict().get("more"):
        if vague:
            return None
        compound = _duration_text(ctx.text[m.start("n") : m.end("more")])
        if compound is None:
            return None
        value = compound
    extra: dict[str, str] = {}
    q = m.group("q") or m.group("q2")
    if q:
        extra["mod"] = _QUAL.get(re.sub(r"\s+", " ", q.lower()), "APPROX")
    if re.search(r"depuis\s*$", _before(ctx.text, m.start(), 10)):
        extra["depuis"] = "true"
    return _Built("DURATION", value, extra=extra)


def _h_duration_noun(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    key = re.sub(r"\s+", " ", m.group("w").lower()).replace("’", "'")
    v = fr.DURATION_NOUNS.get(key) or fr.DURATION_NOUNS.get(key.replace("'", "’"))
    if v is None:
        return None
    b = _Built("DURATION", v)
    if not key.startswith("demi"):
        b.start, b.end = m.span("w")
    return b


def _h_race(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """Race times and gaps: ``2'24"``, ``l' 30"`` (OCR l = 1), ``37 h 32'48"``."""

    def n(s: str | None) -> int:
        if not s:
            return 0
        s = s.strip()
        return 1 if s in ("l", "I", "T") else int(s)

    h = n(m.group("h"))
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if c is not None:  # a'b'c" = h'min'sec"
        h, mi, s = n(a), n(b), n(c)
    else:
        mi, s = n(a), n(b)
    if s >= 60 or mi >= 60:
        return None
    out = "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{s}S" if s else "")
    return _Built("DURATION", out if out != "PT" else "PT0S")


def _h_seconds(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    return _Built("DURATION", f"PT{int(m.group('s'))}S")


def _h_set(m: re.Match[str] | _GroupView, ctx: _Ctx) -> _Built | None:
    g = m.groupdict()
    if g.get("wd"):
        wd = fr.WEEKDAYS[g["wd"].lower().rstrip("s")]
        return _Built("SET", f"XXXX-WXX-{wd + 1}", extra={"freq": "1W"})
    ntxt = g.get("n")
    n = _num(ntxt) if ntxt else 1.0
    if n is None:
        return None
    unit = g["u"]
    b = _Built("SET", _duration_value(n, unit))
    if g.get("par"):
        b.start, b.end = m.span("u")
    return b


def _h_freq_adj(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    v = fr.FREQUENCY_ADJ.get(m.group(0).lower())
    return _Built("SET", v) if v else None


def _h_set_t(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    if m.group("u2"):
        b = _h_set(_GroupView(m, {"u": m.group("u2"), "n": None}), ctx)
        if b is not None:
            b.start, b.end = m.span("u2")
        return b
    return _h_set(m, ctx)


_WHOLE_UNIT = {"journée": "P1D", "semaine": "P1W"}


def _h_whole_unit(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``toute la journée``, ``toute la semaine``: the whole of one unit, a duration."""
    value = _WHOLE_UNIT.get(m.group("u").lower())
    return _Built("DURATION", value) if value else None
