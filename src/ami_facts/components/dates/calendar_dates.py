"""Readers of calendar dates: days (``le 3 mars 2020``, ``03/03/2020``, ``2020-03-03``),
months, years and two-digit years, parts of a year, decades, centuries, quarters
and halves, seasons, holidays, the n-th day or weekday of a month, a bare day
number (``le 16 vers 18 h``).

Each reader takes a pattern's match and the context and returns a ``_Built`` (or
None to reject the match).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ami_facts.components.dates.anchoring import (
    _SINCE_BEFORE,
    _apply_depuis,
    _begun_year,
    _finished_year,
    _resolve_year_for,
    _year_from,
)
from ami_facts.components.dates.context import _before, _Built, _Ctx, _GroupView
from ami_facts.components.dates.periods import (
    _add_months,
    _clip_month,
    _clip_year,
    _day_built,
    _iso,
    _month_end,
    _safe_date,
    _season_range,
    _week_value,
)
from ami_facts.components.dates.regex_parts import _F
from ami_facts.components.dates.word_values import _num, _ordinal, _part_of
from ami_facts.french import calendar as fr


def _h_dmy(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    dtxt = m.group("d").lower().strip()
    if dtxt.startswith("1e") or dtxt.startswith("prem"):
        day = 1
    elif dtxt.isdigit():
        day = int(dtxt)
    else:
        dn = fr.parse_number_words(dtxt)
        if dn is None:
            return None
        day = dn
    month = fr.MONTHS[re.sub(r"\s+", "", m.group("m").lower())]
    ytxt = m.group("y") or m.groupdict().get("y2")
    rel = (m.group("rel") or "").lower() or None
    explicit = False
    if ytxt:
        y = _year_from(ytxt, ctx.anchor)
        explicit = True
    else:
        y0 = _resolve_year_for(ctx, m.start(), month, day, rel)
        if y0 is None:
            if not 1 <= day <= 31:
                return None
            return _Built("DATE", f"XXXX-{month:02d}-{day:02d}", relative=True)
        y = y0
    d = _safe_date(y, month, day)
    if d is None:
        return None
    b = _day_built(d, relative=not explicit)
    if explicit:
        b.year = y
    return b


def _h_iso_month(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``2015-3``, ``2015-03``: a month; ``2011-12`` is the season 2011-2012, not a month."""
    y, mtxt = int(m.group("y")), m.group("m")
    if len(mtxt) == 2 and mtxt[0] != "0" and int(mtxt) == (y + 1) % 100:
        return None
    month = int(mtxt)
    s, e = _clip_month(y, month, None)
    b = _Built("DATE", f"{y}-{month:02d}", _iso(s), _iso(e), False)
    b.year = y
    return b


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    day, month = int(m.group("d")), int(m.group("m"))
    ytxt = m.group("y")
    if ytxt:
        y = _year_from(ytxt, ctx.anchor)
        d = _safe_date(y, month, day)
        if d is None:
            return None
        b = _day_built(d, relative=False)
        b.year = y
        return b
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    y0 = _resolve_year_for(ctx, m.start(), month, day, None)
    if y0 is None:
        return _Built("DATE", f"XXXX-{month:02d}-{day:02d}", relative=True)
    d = _safe_date(y0, month, day)
    return _day_built(d, relative=True) if d else None


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if d is None:
        return None
    b = _day_built(d, relative=False)
    b.year = d.year
    return b


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    mtxt = re.sub(r"\s+", "", m.group("m").lower())
    month = fr.MONTHS[mtxt]
    ytxt = m.group("y")
    rel = (m.group("rel") or "").lower() or None
    mod = _part_of(m.group("part"))
    if (
        not ytxt
        and not rel
        and not mod
        and not m.group("pre")
        and m.group("m")[0].isupper()
        and not _at_sentence_start(ctx, m.start("m"))
    ):
        return None  # "Mars" the planet, "Mai" a name
    day_before = _DAY_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start())
    if day_before and not mod and not m.group("pre"):
        return None  # "le 32 août", "29 février 2014": an impossible day, no date at all
    explicit = bool(ytxt)
    if ytxt:
        y: int | None = _year_from(ytxt, ctx.anchor)
    else:
        y = _resolve_year_for(ctx, m.start(), month, None, rel)
    extra = {"mod": mod} if mod else {}
    if y is None:
        return _apply_depuis(
            _Built("DATE", f"XXXX-{month:02d}", relative=True, extra=extra), ctx, m.start()
        )
    s, e = _clip_month(y, month, mod)
    b = _Built("DATE", f"{y}-{month:02d}", _iso(s), _iso(e), not explicit, extra)
    if explicit:
        b.year = y
    if (m.group("pre") or "").lower().startswith("en"):
        b.start = m.start("m")
    return _apply_depuis(b, ctx, m.start())


# A day number right before a month that no day pattern read: the day does not exist.
_DAY_BEFORE = re.compile(r"(?<![\d,.])\d{1,2}(?:er|e)?[\s\u00a0]+$")


def _at_sentence_start(ctx: _Ctx, pos: int) -> bool:
    before = ctx.text[max(0, pos - 3) : pos]
    return pos == 0 or bool(re.search(r"(?:^|[.!?\n«\"(]\s*)$", before))


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    y = int(m.group("y"))
    mod = _part_of(m.groupdict().get("part"))
    s, e = _clip_year(y, mod)
    b = _Built("DATE", str(y), _iso(s), _iso(e), False, {"mod": mod} if mod else {})
    b.year = y
    return _apply_depuis(b, ctx, m.start())


def _h_year2(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    y = _year_from(m.group("y"), ctx.anchor)
    s, e = _clip_year(y, None)
    b = _Built("DATE", str(y), _iso(s), _iso(e), False)
    b.year = y
    b.start, b.end = m.span("y")
    return b


def _h_year_part(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``fin de l'année``, ``début d'année``: the anchor's (or context) year."""
    mod = _part_of(m.group("part") or m.group("part2"))
    ytxt = m.group("y")
    if ytxt:
        y: int | None = int(ytxt)
        relative = False
    else:
        y = ctx.context_year(m.start()) or (ctx.anchor.year if ctx.anchor else None)
        relative = True
    extra = {"mod": mod} if mod else {}
    if y is None:
        return _Built("DATE", "XXXX", relative=True, extra=extra)
    s, e = _clip_year(y, mod)
    # "depuis le début de l'année": from the start of the year to the anchor
    return _apply_depuis(_Built("DATE", str(y), _iso(s), _iso(e), relative, extra), ctx, m.start())


def _h_months_of_year(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``les neuf premiers mois de l'année``, ``les trois derniers mois de 2023``:
    a DATE interval of the year (mod START or END), not a duration."""
    n = _num(m.group("n"))
    if n is None or not n.is_integer() or not 1 <= n <= 11:
        return None
    k = int(n)
    first = m.group("dir").lower().startswith("premi")
    mod = "START" if first else "END"
    ytxt = m.group("y") or m.group("y2")
    relative = not ytxt
    y = int(ytxt) if ytxt else ctx.context_year(m.start())
    if y is None and ctx.anchor is not None:
        y = ctx.anchor.year
        y = _finished_year(ctx, m.start(), y, _month_end(y, k if first else 12))
    if y is None:
        return _Built("DATE", "XXXX", relative=True, extra={"mod": mod})
    s = date(y, 1, 1) if first else date(y, 13 - k, 1)
    e = _month_end(y, k) if first else date(y, 12, 31)
    b = _Built("DATE", str(y), _iso(s), _iso(e), relative, {"mod": mod})
    if ytxt:
        b.year = y
    return b


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    t = m.group("y")
    if t is None:
        n = fr.parse_number_words(m.group("yw") or "")
        if n is None or n % 10 or not 10 <= n <= 90:
            return None
        decade = 1900 + n
    else:
        n = int(t)
        decade = n if n >= 1000 else (1900 + n if n >= 20 else 2000 + n)
    if decade % 10:
        return None
    mod = _part_of(m.group("part"))
    value = f"{decade // 10}X"
    s, e = date(decade, 1, 1), date(decade + 9, 12, 31)
    if mod == "START":
        e = date(decade + 3, 12, 31)
    elif mod == "MID":
        s, e = date(decade + 4, 1, 1), date(decade + 6, 12, 31)
    elif mod == "END":
        s = date(decade + 7, 1, 1)
    return _Built("DATE", value, _iso(s), _iso(e), False, {"mod": mod} if mod else {})


def _h_century(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    r = m.group("r")
    n = int(r) if r.isdigit() else fr.roman_to_int(r)
    if n is None or not 1 <= n <= 21:
        return None
    mod = _part_of(m.group("part"))
    first = (n - 1) * 100
    s, e = max(first, 1), first + 99
    if mod == "START":
        e = first + 32
    elif mod == "MID":
        s, e = first + 33, first + 66
    elif mod == "END":
        s = first + 67
    return _Built(
        "DATE",
        f"{n - 1:02d}XX",
        _iso(date(s, 1, 1)),
        _iso(date(e, 12, 31)),
        False,
        {"mod": mod} if mod else {},
    )


def _h_quarter(m: re.Match[str] | _GroupView, ctx: _Ctx) -> _Built | None:
    unit = m.group("u").lower()
    half = unit.startswith("sem")
    n_parts = 2 if half else 4
    o = m.group("o")
    q = _ordinal(o) if o else None
    if q is None and m.group("q"):
        q = int(m.group("q"))
    if q is None:
        return None
    if q == -1:
        q = n_parts
    if not 1 <= q <= n_parts:
        return None
    ytxt = m.group("y")
    relative = not ytxt
    y: int | None = (
        int(ytxt)
        if ytxt
        else (ctx.context_year(m.start()) or (ctx.anchor.year if ctx.anchor else None))
    )
    letter = "H" if half else "Q"
    if y is None:
        return _Built("DATE", f"XXXX-{letter}{q}", relative=True)
    months = 6 if half else 3
    if relative and ctx.anchor and ctx.context_year(m.start()) is None:
        y = _finished_year(ctx, m.start(), y, _month_end(y, q * months))
    s = date(y, (q - 1) * months + 1, 1)
    e = _month_end(y, q * months)
    b = _Built("DATE", f"{y}-{letter}{q}", _iso(s), _iso(e), relative)
    if ytxt:
        b.year = y
    return _apply_depuis(b, ctx, m.start())


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    stxt = m.group("s")
    follow = ctx.text[m.end() : m.end() + 20]
    if re.match(r"\s+(?:de|du|des|d['’])\s+(?!\d)", follow) or re.match(
        r"\s+(?:arabe|de\s+prague)", follow, _F
    ):
        return None  # "Printemps de l'environnement", "printemps arabe": names
    if (
        not m.group("det")
        and not m.group("y")
        and (stxt.isupper() or not stxt[0].isupper() or not _at_sentence_start(ctx, m.start("s")))
        and not re.match(
            r"\s+(?:comme|et|ou)\s+(?:l['’]\s*)?(?:hiver|printemps|automne|été)", follow, _F
        )
        and not re.search(r"\b(?:comme|et|ou)\s+$", ctx.text[max(0, m.start() - 8) : m.start()], _F)
    ):
        return None
    code = (
        fr.SEASONS[m.group("s").lower().replace("é", "é")]
        if m.group("s").lower() in fr.SEASONS
        else None
    )
    if code is None:
        code = fr.SEASONS.get(m.group("s").lower().replace("e", "é", 1), "SU")
    ytxt = m.group("y")
    det = (m.group("det") or "").lower().strip()
    rel = (m.group("rel") or "").lower()
    mod = _part_of(m.group("part"))
    extra = {"mod": mod} if mod else {}
    if ytxt:
        y: int | None = int(ytxt)
        relative = False
    elif det in ("en", "") and not rel:
        # "en été", "l'été comme l'hiver": habitual, no year.
        return _Built("DATE", f"XXXX-{code}", relative=False, extra=extra)
    else:
        a = ctx.anchor
        cy = ctx.context_year(m.start())
        y = cy if cy is not None else (a.year if a else None)
        relative = True
        if y is not None and code == "WI" and a is not None and cy is None and a.month <= 3:
            y -= 1  # "cet hiver" in February: the winter that began in December
        if y is not None and rel:
            y += (
                1
                if rel.startswith("prochain")
                else -1
                if rel.startswith(("dernier", "passé"))
                else 0
            )
    if y is None:
        return _Built("DATE", f"XXXX-{code}", relative=True, extra=extra)
    s, e = _season_range(y, code)
    since = "depuis" in det or _SINCE_BEFORE.search(_before(ctx.text, m.start(), 20))
    if since and relative and not rel and ctx.anchor is not None and s > ctx.anchor:
        # "depuis le début de l'automne" in March: the autumn that has begun, last year's
        y -= 1
        s, e = _season_range(y, code)
    elif relative and not rel and ctx.context_year(m.start()) is None:
        begun = _begun_year(ctx, m.start(), y, s)
        if begun != y:
            y = begun
            s, e = _season_range(y, code)
    built = _Built("DATE", f"{y}-{code}", _iso(s), _iso(e), relative, extra)
    # (the determiner may hold the ``depuis l'`` itself)
    return _apply_depuis(built, ctx, m.end("det") if "depuis" in det else m.start())


def _h_ordinal_of_month(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``le premier mercredi du mois prochain``, ``la dernière semaine de septembre 2014``."""
    o = m.group("o").lower()
    n = _ordinal(o)
    if n is None:
        digits = re.match(r"\d+", o)
        n = int(digits.group()) if digits else None
    if n is None:
        return None
    a = ctx.anchor
    relative = True
    if m.group("m"):
        month = fr.MONTHS[m.group("m").lower()]
        if m.group("y"):
            year: int | None = int(m.group("y"))
            relative = False
        else:
            year = _resolve_year_for(ctx, m.start(), month, None, None)
    else:
        if a is None:
            return None
        rel = m.group("relm").lower()
        shift = 1 if ("prochain" in rel or "suivant" in rel) else 0
        if "dernier" in rel or "précédent" in rel:
            shift = -1
        first = _add_months(a.replace(day=1), shift)
        year, month = first.year, first.month
    if year is None:
        return None
    last = _month_end(year, month)
    what = m.group("what").lower()
    days = [date(year, month, d) for d in range(1, last.day + 1)]

    def pick(seq: list[date]) -> date | None:
        if not seq:
            return None
        if n == -1:
            return seq[-1]
        return seq[n - 1] if n is not None and 1 <= n <= len(seq) else None

    if what == "jour":
        d = pick(days)
        return _day_built(d, relative) if d else None
    if what == "semaine":
        d = pick([x for x in days if x.weekday() == 0 and (x + timedelta(days=6)).month == month])
        if d is None:
            return None
        return _Built("DATE", _week_value(d), _iso(d), _iso(d + timedelta(days=6)), relative)
    if what.startswith("week"):
        d = pick([x for x in days if x.weekday() == 5])
        if d is None:
            return None
        sat_sun = (_iso(d), _iso(d + timedelta(days=1)))
        return _Built("DATE", f"{_week_value(d)}-WE", *sat_sun, relative)
    if what == "quinzaine":
        if n == 1:
            s_, e_ = date(year, month, 1), date(year, month, 14)
        elif n in (2, -1):
            s_, e_ = date(year, month, 15), last
        else:
            return None
        extra = {"part": f"quinzaine{n}"}
        return _Built("DATE", f"{year}-{month:02d}", _iso(s_), _iso(e_), relative, extra)
    wd = fr.WEEKDAYS.get(what)
    if wd is None:
        return None
    d = pick([x for x in days if x.weekday() == wd])
    return _day_built(d, relative) if d else None


def _h_day_number(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``le 16 vers 18 h``, ``samedi 16``: a day of the current (or a near) month."""
    dtxt = m.group("d").lower()
    dn = (
        1 if dtxt.startswith("1e") else int(dtxt) if dtxt.isdigit() else fr.parse_number_words(dtxt)
    )
    if dn is None or not 1 <= dn <= 31:
        return None
    day = dn
    wd = fr.WEEKDAYS.get((m.group("wd") or "").lower())
    a = ctx.anchor
    if a is None:
        if wd is not None:
            extra = {"day_of_month": str(day)}
            return _Built("DATE", f"XXXX-WXX-{wd + 1}", relative=True, extra=extra)
        return _Built("DATE", f"XXXX-XX-{day:02d}", relative=True)
    future = ctx.res.day_month == "future"
    candidates = []
    for k in range(-2, 13):
        if future and k < 0:
            continue
        first = _add_months(a.replace(day=1), k)
        d = _safe_date(first.year, first.month, day)
        if d is None or (wd is not None and d.weekday() != wd):
            continue
        if future and d < a:
            continue
        candidates.append(d)
    if not candidates:
        return None
    d = candidates[0] if future else min(candidates, key=lambda x: abs((x - a).days))
    return _day_built(d, relative=True)


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    name = re.sub(r"\s+", " ", m.group("hn").lower().replace("’", "'"))
    word = m.group("hn")
    if name in ("ascension", "assomption", "armistice") and not word[0].isupper():
        return None
    ytxt = m.group("y")
    y: int | None = (
        int(ytxt)
        if ytxt
        else (ctx.context_year(m.start()) or (ctx.anchor.year if ctx.anchor else None))
    )
    # (a holiday with no year is dated as a day and month would be, by the context's
    # year, the tense and the reading's direction: ``pendant les vacances de Noël`` told
    # in the past in February is last December's)
    if name in fr.HOLIDAYS_FIXED:
        mo, da = fr.HOLIDAYS_FIXED[name]
        if y is None:
            return _Built("DATE", f"XXXX-{mo:02d}-{da:02d}", relative=True)
        if not ytxt and ctx.anchor:
            y = _resolve_year_for(ctx, m.start(), mo, da, None) or y
        d = date(y, mo, da)
    elif name in fr.HOLIDAYS_EASTER:
        if y is None:
            return _Built("DATE", "XXXX-XX-XX", relative=True, extra={"holiday": name})
        d = fr.easter_offset(y, fr.HOLIDAYS_EASTER[name])
        if not ytxt and ctx.anchor:
            y = _resolve_year_for(ctx, m.start(), d.month, d.day, None) or y
            d = fr.easter_offset(y, fr.HOLIDAYS_EASTER[name])
    else:
        return None
    b = _day_built(d, relative=not ytxt)
    b.extra["holiday"] = name
    return b


def _h_month_num(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    y, mo = int(m.group("y")), int(m.group("m"))
    s, e = _clip_month(y, mo, None)
    b = _Built("DATE", f"{y}-{mo:02d}", _iso(s), _iso(e), False)
    b.year = y
    return b


def _h_iso_datetime(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if d is None:
        return None
    t = f"{m.group('H')}:{m.group('M')}" + (f":{m.group('S')}" if m.group("S") else "")
    b = _Built("TIME", f"{_iso(d)}T{t}", _iso(d), _iso(d), False, day=d)
    b.year = d.year
    return b


def _h_quarter_t(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    u = m.group("u") or ("semestre" if (m.group("u2") or "").upper() == "S" else "trimestre")
    return _h_quarter(_GroupView(m, {"u": u}), ctx)
