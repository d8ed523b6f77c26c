"""Readers of expressions relative to the anchor or to the day in focus:
``hier``, ``le lendemain``, ``jeudi prochain``, ``la semaine dernière``, ``ce
trimestre``, ``il y a deux ans``, ``dans 3 semaines``, ``deux jours plus tard``,
``ces derniers jours``, ``actuellement`` (PRESENT_REF).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ami_facts.components.dates.anchoring import _apply_depuis, _resolve_weekday
from ami_facts.components.dates.clock_times import _daypart_code, _dp_extra
from ami_facts.components.dates.context import Handler, _after, _Built, _Ctx, _GroupView
from ami_facts.components.dates.durations_and_sets import _duration_text, _duration_value
from ami_facts.components.dates.periods import (
    _add_months,
    _clip_month,
    _day_built,
    _iso,
    _month_end,
    _week_monday,
    _week_value,
    shift_date,
)
from ami_facts.components.dates.regex_parts import _WD
from ami_facts.components.dates.word_values import _num, _part_of
from ami_facts.french import calendar as fr


def _h_quarter_rel(m: re.Match[str] | _GroupView, ctx: _Ctx) -> _Built | None:
    """``ce trimestre``, ``le semestre dernier``."""
    a = ctx.anchor
    half = m.group("u").lower().startswith("sem")
    months = 6 if half else 3
    letter = "H" if half else "Q"
    rel = (m.group("rel") or "").lower()
    shift = (
        -1
        if rel.startswith(("dernier", "passé", "précédent"))
        else 1
        if rel.startswith(("prochain", "suivant"))
        else 0
    )
    if a is None:
        return _Built("DATE", f"XXXX-{letter}X", relative=True)
    idx = (a.month - 1) // months + shift
    y = a.year + idx // (12 // months)
    idx %= 12 // months
    s = date(y, idx * months + 1, 1)
    e = _month_end(y, idx * months + months)
    return _Built("DATE", f"{y}-{letter}{idx + 1}", _iso(s), _iso(e), True)


_WD_SPAN = re.compile(rf"\bdu\s+{_WD}\s+au\s+{_WD}\b", re.IGNORECASE)


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    around = ctx.text[max(0, m.start() - 12) : m.end() + 16]
    if _WD_SPAN.search(around) and not m.group("rel"):
        return None  # "du lundi au samedi": every week, not a date
    wtxt = m.group("wd").lower()
    wd = fr.WEEKDAYS.get(wtxt, fr.WEEKDAY_ABBR.get(wtxt, 0))
    rel = m.group("rel")
    dp = _daypart_code(m.group("dp"))
    d = ctx.context_day(m.start()) if m.group("meme") else None
    if d is None or d.weekday() != wd:
        d = _resolve_weekday(ctx, m.start(), wd, rel)
    if d is None:
        if dp:
            return _Built("TIME", f"XXXX-WXX-{wd + 1}T{dp}", relative=True, extra=_dp_extra(m))
        return _Built("DATE", f"XXXX-WXX-{wd + 1}", relative=True)
    if dp:
        return _Built("TIME", f"{_iso(d)}T{dp}", _iso(d), _iso(d), True, _dp_extra(m), day=d)
    return _apply_depuis(_day_built(d, relative=True), ctx, m.start())


_REL_DAYS = {
    "avant-hier": -2,
    "avant hier": -2,
    "hier": -1,
    "aujourd'hui": 0,
    "demain": 1,
    "après-demain": 2,
    "après demain": 2,
    "apres-demain": 2,
    "lendemain": 1,
    "veille": -1,
    "surlendemain": 2,
    "ce jour": 0,
    "ce jour-ci": 0,
}


def _h_relday(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    word = re.sub(r"\s+", " ", m.group("w").lower().replace("’", "'"))
    word = re.sub(r"aujourd' *hui", "aujourd'hui", word)
    off = _REL_DAYS.get(word, 0)
    dp = _daypart_code(m.group("dp"))
    base = ctx.anchor
    offset = {"offset": f"{'-' if off < 0 else ''}P{abs(off)}D"}
    if word in ("lendemain", "veille", "surlendemain"):
        follow = _after(ctx.text, m.end(), 40)
        if re.match(r"\s+(?:du|de\s+la|de\s+l'|d')\s*\d", follow):
            return None  # "le lendemain du 13 février": see _shift_by_duration
        cd = ctx.context_day(m.start())
        if cd is not None:
            base = cd
    if base is None:
        if dp:
            return _Built("TIME", f"XXXX-XX-XXT{dp}", relative=True, extra=offset)
        return _Built("DATE", "XXXX-XX-XX", relative=True, extra=offset)
    d = base + timedelta(days=off)
    if base is not ctx.anchor:
        offset = {}
    if dp:
        extra = {**offset, **_dp_extra(m)}
        return _Built("TIME", f"{_iso(d)}T{dp}", _iso(d), _iso(d), True, extra, day=d)
    return _apply_depuis(_day_built(d, relative=True, **offset), ctx, m.start())


def _h_next_day(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``le jour d'après``, ``le jour précédent``: a day after or before the day in focus."""
    w = m.group("w").lower()
    off = 1 if ("suivant" in w or "après" in w) else -1
    base = ctx.context_day(m.start()) or ctx.anchor
    if base is None:
        return _Built(
            "DATE", "XXXX-XX-XX", relative=True, extra={"offset": f"{'-' if off < 0 else ''}P1D"}
        )
    return _day_built(base + timedelta(days=off), relative=True)


def _h_part_of_unit(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``en début de semaine``, ``à la fin du mois``, ``dans la semaine``: part of the current."""
    unit = (m.group("u") or m.group("u2")).lower()
    mod = _part_of(m.group("part"))
    extra = {"mod": mod} if mod else {}
    a = ctx.anchor
    if unit == "semaine":
        if a is None:
            return _Built("DATE", "XXXX-WXX", relative=True, extra=extra)
        mon = _week_monday(a)
        first, last = {"START": (0, 1), "MID": (2, 3), "END": (4, 6)}.get(mod or "", (0, 6))
        return _Built(
            "DATE",
            _week_value(mon),
            _iso(mon + timedelta(days=first)),
            _iso(mon + timedelta(days=last)),
            True,
            extra,
        )
    if a is None:
        return _Built("DATE", "XXXX-XX", relative=True, extra=extra)
    s_, e_ = _clip_month(a.year, a.month, mod)
    return _Built("DATE", f"{a.year}-{a.month:02d}", _iso(s_), _iso(e_), True, extra)


def _h_shift_from_now(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``deux jours plus tard``, ``trois mois auparavant``: shifted from the day in focus."""
    dur = _duration_text(m.group("dur"))
    if dur is None or "T" in dur:
        return None
    w = m.group("dir").lower()
    sign = -1 if ("tôt" in w or "auparavant" in w or w == "avant") else 1
    base = ctx.context_day(m.start())
    years = re.fullmatch(r"P(\d+)Y", dur)
    year = ctx.recent_year(m.start()) if base is None and years else None
    if year is not None and years is not None:
        # ``En 2025, 47 hôpitaux ..., contre 30 un an plus tôt``: from the year the
        # sentence or the one before names, a year
        y = year + sign * int(years.group(1))
        return _Built("DATE", str(y), f"{y}-01-01", f"{y}-12-31", True)
    base = base or ctx.anchor
    extra = {"offset": ("-" if sign < 0 else "") + dur}
    if base is None:
        return _Built("DATE", "XXXX-XX-XX", relative=True, extra=extra)
    d = shift_date(base, dur, sign)
    if d is None:
        return None
    b = _day_built(d, relative=True)
    if base is not ctx.anchor:
        return b
    b.extra.update(extra)
    b.extra["point"] = _iso(d)
    return b


def _h_same_day(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    d = ctx.context_day(m.start()) or ctx.anchor
    if d is None:
        return _Built("DATE", "XXXX-XX-XX", relative=True)
    return _day_built(d, relative=True)


def _h_rel_unit(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``cette année``, ``l'an dernier``, ``la semaine prochaine``, ``le mois dernier``."""
    unit = m.group("u").lower()
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower().replace("’", "'"))
    det = m.group("det").lower().replace("’", "'").strip()
    if rel.startswith(("dernier", "dernière", "passé", "précédent", "d'avant")):
        shift = -1
    elif rel.startswith(("prochain", "suivant", "d'après", "qui vient", "qui suit")):
        shift = 1
    elif det.startswith(("ce", "cet", "cette")) or rel in ("en cours",) or m.group("ci"):
        shift = 0
    else:
        return None
    a = ctx.anchor
    letter = (
        "Y"
        if unit.startswith(("an", "ann"))
        else "M"
        if unit == "mois"
        else "W"
        if unit.startswith(("semaine", "week"))
        else "D"
    )
    if shift == 0 and unit.startswith("week") and a is not None:
        shift = _weekend_of_tense(ctx, m.start(), a)
    off = {"offset": f"{'-' if shift < 0 else ''}P{abs(shift)}{letter}"}
    # ``un bénéfice en 2023, contre une perte l'année précédente``: ``précédent`` and
    # ``suivant`` count from the year the sentence is about, not from the anchor
    if (
        letter == "Y"
        and rel.startswith(("précédent", "suivant"))
        and (year := ctx.context_year(m.start())) is not None
    ):
        a = date(year, 7, 1)
    b = _rel_unit_value(unit, shift, a)
    if b is not None:
        b.extra.update(off)
    return b


def _weekend_of_tense(ctx: _Ctx, pos: int, a: date) -> int:
    """``ce week-end`` is the weekend of the anchor's week, unless the verb says otherwise:
    told in the past before that Saturday, the weekend just gone (-1); told in the future
    after that Sunday, the next one (+1)."""
    saturday = _week_monday(a) + timedelta(days=5)
    tense = ctx.tense(pos)
    if tense < 0 and a < saturday:
        return -1
    if tense > 0 and a > saturday + timedelta(days=1):
        return 1
    return 0


def _rel_unit_value(unit: str, shift: int, a: date | None) -> _Built | None:
    if unit.startswith(("an", "ann")):
        if a is None:
            return _Built("DATE", "XXXX", relative=True)
        y = a.year + shift
        return _Built("DATE", str(y), f"{y}-01-01", f"{y}-12-31", True)
    if unit == "mois":
        if a is None:
            return _Built("DATE", "XXXX-XX", relative=True)
        d = _add_months(a.replace(day=1), shift)
        return _Built(
            "DATE", f"{d.year}-{d.month:02d}", _iso(d), _iso(_month_end(d.year, d.month)), True
        )
    if unit.startswith("semaine"):
        if a is None:
            return _Built("DATE", "XXXX-WXX", relative=True)
        mon = _week_monday(a) + timedelta(days=7 * shift)
        return _Built("DATE", _week_value(mon), _iso(mon), _iso(mon + timedelta(days=6)), True)
    if unit.startswith("week"):
        if a is None:
            return _Built("DATE", "XXXX-WXX-WE", relative=True)
        sat = _week_monday(a) + timedelta(days=5 + 7 * shift)
        return _Built(
            "DATE", f"{_week_value(sat)}-WE", _iso(sat), _iso(sat + timedelta(days=1)), True
        )
    if unit.startswith(("jour", "journée")):
        if a is None:
            return None
        d = a + timedelta(days=shift)
        return _day_built(d, relative=True)
    return None


def _h_last_n(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``ces derniers jours`` (PXD), ``les 24 dernières heures`` (PT24H)."""
    ntxt = m.group("n") or m.group("n2") or m.group("n3")
    if not ntxt and not m.group("det"):
        return None  # "dernières semaines" alone: an adjective, leave it
    n = _num(ntxt) if ntxt else None
    if ntxt and n is None:
        return None
    unit = m.group("u") or m.group("u2")
    if m.group("one") and (ntxt or unit.lower() not in ("décennie", "siècle")):
        return None  # "la dernière décennie" only; "la dernière journée" names a day
    if m.group("one"):
        n = 1.0  # "la dernière décennie": one decade back from now
    word = (m.group("dir") or m.group("dir2")).lower()
    direction = "past" if word.startswith(("derni", "précéd", "pass")) else "future"
    if n is None and direction == "future":
        return _Built("DATE", "FUTURE_REF", relative=True)  # "dans les prochaines semaines"
    value = _duration_value(n, unit)
    return _Built("DURATION", value, extra={"direction": direction})


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``il y a un an environ`` -> the anchor minus a year, at month grain; ``dans 3 semaines``;
    ``il y a quelques mois`` (PAST_REF), ``dans plusieurs années`` (FUTURE_REF): a point
    that no number places."""
    past = m.group("k").lower().startswith("il")
    if m.group("vague"):
        return _Built("DATE", "PAST_REF" if past else "FUTURE_REF", relative=True)
    dur = _duration_text(m.group("dur"))
    if dur is None or re.match(r"\s+(?:de|d'|où|comme)\b", _after(ctx.text, m.end(), 6)):
        return None  # "dans un jour de grande forme"
    extra: dict[str, str] = {"offset": ("-" if past else "") + dur}
    if m.group("q") or m.group("q2"):
        extra["mod"] = "APPROX"
    # the value at the grain of the unit (TimeML): "il y a 10 ans" is a year; one year
    # back names the month ("il y a un an": that month last year)
    years = re.fullmatch(r"P(\d+)Y", dur)
    grain = "D" if re.search(r"[WD]|T", dur) else "Y" if years and years.group(1) != "1" else "M"
    a = ctx.anchor
    if a is None:
        return _Built(
            "DATE",
            {"D": "XXXX-XX-XX", "Y": "XXXX"}.get(grain, "XXXX-XX"),
            relative=True,
            extra=extra,
        )
    d = shift_date(a, dur.split("T")[0] if dur.split("T")[0] != "P" else "P0D", -1 if past else 1)
    if d is None:
        return None
    extra["point"] = _iso(d)
    if grain == "Y":
        return _Built("DATE", str(d.year), f"{d.year}-01-01", f"{d.year}-12-31", True, extra)
    if grain == "M":
        return _Built(
            "DATE",
            f"{d.year}-{d.month:02d}",
            _iso(d.replace(day=1)),
            _iso(_month_end(d.year, d.month)),
            True,
            extra,
        )
    return _day_built(d, relative=True, **extra)


def _night(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    b = _h_weekday(m, ctx)
    if b is None:
        return None
    day = b.value[:10]
    return _Built("TIME", f"{day}TNI", b.start_date, b.end_date, True)


def _h_ref(kind: str) -> Handler:
    def h(m: re.Match[str], ctx: _Ctx) -> _Built | None:
        return _Built("DATE", kind, relative=True)

    return h


def _h_quarter_rel_t(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    return _h_quarter_rel(_GroupView(m, {"u": m.group("u") or m.group("u3")}), ctx)
