"""Readers of clock times and parts of the day: ``14 h 30``, ``midi moins le quart``,
``vers 21 heures du soir``, ``ce matin``, ``en fin d'après-midi``. A number of hours
without a time cue is a duration (``en 3 heures``).
"""

from __future__ import annotations

import re
from datetime import timedelta

from ami_facts.components.dates.context import _after, _before, _Built, _Ctx, _GroupView
from ami_facts.components.dates.periods import _iso
from ami_facts.components.dates.regex_parts import _DAYPART_WORDS, _F
from ami_facts.components.dates.word_values import _num, _part_of

_DP_CODES = {
    "matin": "MO",
    "matinée": "MO",
    "après-midi": "AF",
    "apres-midi": "AF",
    "aprem": "AF",
    "soir": "EV",
    "soirée": "EV",
    "nuit": "NI",
    "midi": "MI",
    "journée": "DT",
}


def _daypart_code(s: str | None) -> str | None:
    if not s:
        return None
    key = re.sub(r"\s+", " ", s.lower().replace("’", "'"))
    if key in _DP_CODES:
        return _DP_CODES[key]
    key = key.replace("apres", "après")
    return _DAYPART_WORDS.get(key)


def _dp_extra(m: re.Match[str] | _GroupView) -> dict[str, str]:
    mod = _part_of(m.groupdict().get("dpmod"))
    if mod is None and re.search(r"\btôt\b", m.group(0), _F):
        mod = "START"
    return {"mod": mod} if mod else {}


def _h_this_daypart(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    dp = _daypart_code(m.group("dp"))
    a = ctx.anchor
    if a is None:
        return _Built("TIME", f"XXXX-XX-XXT{dp}", relative=True)
    return _Built("TIME", f"{_iso(a)}T{dp}", _iso(a), _iso(a), True, day=a)


def _h_daypart(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
    dp = m.group("dp").lower()
    mod = m.group("dpmod")
    early = m.group("early") or m.group("early2")
    if (
        not pre
        and not mod
        and not early
        and not re.match(r"\s+du\s+\d", _after(ctx.text, m.end(), 8))
    ):
        return None
    if early and not mod:
        mod = "début"
    if pre in ("le", "l'", "la") and not mod and dp not in ("matin", "soir", "après-midi"):
        return None  # "la nuit", "la journée de mobilisation": too often not a time
    if pre == "la" and not mod:
        return None
    code = _daypart_code(dp)
    if code is None or (code == "MI" and not mod):
        return None
    extra = _dp_extra(m) if not early else {"mod": "START"}
    d = ctx.context_day(m.start())
    if d is None:
        d = ctx.anchor
        extra["day"] = "anchor"
    if d is None:
        return _Built("TIME", f"XXXX-XX-XXT{code}", relative=True, extra=extra)
    return _Built("TIME", f"{_iso(d)}T{code}", _iso(d), _iso(d), True, extra)


def _h_clock(m: re.Match[str] | _GroupView, ctx: _Ctx) -> _Built | None:
    g = m.groupdict()
    if g.get("noon"):
        w = g["noon"].lower()
        hour, minute = (12, 0) if w.startswith("midi") else (0, 0)
    else:
        htxt = g["h"]
        hv = _num(htxt)
        if hv is None:
            return None
        hour = int(hv)
        minute = 0
    mtxt = g.get("mi")
    if mtxt:
        mv = _num(mtxt)
        if mv is None:
            return None
        minute = int(mv)
    frac = re.sub(r"\s+", " ", (g.get("frac") or "").lower())
    if "demi" in frac:
        minute = 30
    elif "trois quarts" in frac:
        minute = 45
    elif "quart" in frac:
        minute = 15 if "moins" not in frac else -15
    elif g.get("minus"):
        mv = _num(g["minus"])
        if mv is None or not 0 < mv < 60:
            return None
        minute = -int(mv)
    elif g.get("plus2"):
        mv = _num(g["plus2"])
        if mv is None or not 0 < mv < 60:
            return None
        minute = int(mv)
    elif g.get("plus"):
        mv = _num(g["plus"])
        if mv is None or not 0 < mv < 60:
            return None
        minute = int(mv)
    if minute < 0:
        hour, minute = (hour - 1) % 24, 60 + minute
        if g.get("noon") and g["noon"].lower().startswith("minuit"):
            hour = 23
    dp = (g.get("ampm") or "").lower()
    if dp and hour < 12 and any(k in dp for k in ("soir", "après-midi", "apres-midi", "aprem")):
        hour += 12
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    unitword = (g.get("hu") or "").lower()
    before = _before(ctx.text, m.start(), 25)
    word_unit = unitword.startswith("heure")
    time_cue = re.search(
        r"(?:\bà|\bvers|\bdès|\bjusqu['’]\s*à|\bavant|\baprès|\bentre|\bpartir\s+de|\bde|\bet|\bpour"
        r"|\bsur\s+le\s+coup\s+de|\bmidi|\bautour\s+de)(?:\s+(?:environ|à\s+peu\s+près))?\s*$",
        before,
    )
    dur_cue = re.search(
        r"(?:\ben|\bpendant|\bdurant|\bdepuis|\bdernières|\bprochaines|\bplus\s+de|\bmoins\s+de|\bprès\s+de|\benviron|\bsur|\bles|\bdes|\bquelque"
        # "la finale a duré 3 heures et 42 minutes", "une durée de 2 h 30"
        r"|\bdur(?:e|ent|é|ée|era|ait|aient)|\bdurée\s+de)\s*$",
        before,
    )
    after = _after(ctx.text, m.end(), 30)
    clock_after = re.match(
        r"\s+(?:pile|précises?|tapantes?|ce\s+(?:soir|matin)|cet\s+après-midi|cette\s+nuit"
        r"|demain|aujourd'hui|ce\s+jour)\b",
        after,
    )
    if dp or clock_after:
        time_cue = time_cue or clock_after or re.match("", "")
    if re.search(r"(?:plus|moins|près)\s+de\s*$", before):
        time_cue = None  # "moins de 21 h": a duration
    elif word_unit and not mtxt and re.search(r"\bpour\s*$", before):
        time_cue = None  # "fermé pour vingt-quatre heures": a duration ("pour 20 h": a time)
    if time_cue:
        dur_cue = None
    if not g.get("noon") and not mtxt and not frac and (dur_cue or (word_unit and not time_cue)):
        if hour > 99:
            return None
        return _Built("DURATION", f"PT{hour}H")
    if not g.get("noon") and dur_cue and not time_cue:
        return _Built("DURATION", f"PT{hour}H{minute}M" if minute else f"PT{hour}H")
    if hour == 24:
        hour = 0
    hhmm = f"{hour:02d}:{minute:02d}"
    d = ctx.context_day(m.start())
    extra = {"hour": str(hour), "minute": str(minute)}
    if d is None:
        d = ctx.anchor
        extra["day"] = "anchor"
    if d is None:
        return _Built("TIME", f"XXXX-XX-XXT{hhmm}", relative=True, extra=extra)
    if (
        g.get("noon", "")
        and g["noon"].lower().startswith("minuit")
        and hour == 0
        and extra.get("day") == "anchor"
        and ctx.res.day_month == "future"
    ):
        d = d + timedelta(days=1)  # "minuit": the coming midnight
    return _Built("TIME", f"{_iso(d)}T{hhmm}", _iso(d), _iso(d), True, extra)


def _h_clock_t(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    over: dict[str, str | None] = {}
    if m.group("h2"):
        over = {"h": m.group("h2"), "hu": "h"}
    if m.group("sec") and m.group("h") and m.group("h").isdecimal():
        # "2 h 08 min 12 s": a time with seconds is a duration (a race, a record)
        mi = m.group("mi")
        if not mi.isdecimal():
            return None
        return _Built("DURATION", f"PT{int(m.group('h'))}H{int(mi)}M{int(m.group('sec'))}S")
    return _h_clock(_GroupView(m, over), ctx)
