"""Merging hits that follow each other: open intervals (``à partir du 8 mars``, ``avant
16 h``), ranges (``du 13 au 15 juillet``, ``de 9 h à 11 h``) and a day with its time
(``demain à 11 h``); the last two only when ``Resolution`` asks for them.
"""

from __future__ import annotations

import itertools
import re

from ami_facts.components.dates.context import _Ctx
from ami_facts.components.dates.periods import _DAY_VALUE, _month_end
from ami_facts.components.dates.regex_parts import _F
from ami_facts.hits import DateHit

_CALENDAR_OR_YEAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?$")
_JOIN_RE = re.compile(
    r"\s*,?\s*(?:(?:plutôt\s+)?(?:à|a|vers|autour\s+de|aux\s+alentours\s+de|dès|de|le|du|après|en"
    r"|à\s+partir\s+de|à\s+partir\s+du|plus\s+tard\s+que|avant|jusqu'\s*à|jusqu'\s*au))?\s*",
    _F,
)
_TIME_VALUE = re.compile(
    r"(?P<day>[\dX]{4}-[\dX]{2}-[\dX]{2})T(?P<t>\d\d:\d\d(?::\d\d)?|MO|AF|EV|NI|MI)$"
)
_DAYISH = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}$")
_BOUND_FROM = re.compile(
    r"(?:à\s+partir\s+d[eu']?|dès|après|plus\s+tard\s+que|depuis)\s*(?:le\s+|la\s+|l'\s*)?$", _F
)
_BOUND_TO = re.compile(r"(?:avant|plus\s+tôt\s+que)\s*(?:le\s+|la\s+|l'\s*)?$", _F)
_BOUND_TO_INCL = re.compile(
    r"(?:jusqu'\s*(?:à|au|en)|au\s+plus\s+tard|d'\s*ici(?:\s+(?:à|au))?)\s*(?:le\s+|la\s+|l'\s*)?$",
    _F,
)


def _mark_bounds(ctx: _Ctx, hits: list[DateHit]) -> None:
    """``à partir du 8 mars``, ``avant 16 h``, ``jusqu'à 16 h``: open intervals (extra bound)."""
    for h in hits:
        if h.type not in ("DATE", "TIME"):
            continue
        before = ctx.text[max(0, h.start - 22) : h.start]
        if _BOUND_FROM.search(before):
            h.extra.setdefault("bound", "from")
        elif _BOUND_TO_INCL.search(before):
            h.extra.setdefault("bound", "to_inclusive")
        elif _BOUND_TO.search(before):
            h.extra.setdefault("bound", "to")


_RANGE_GAP = re.compile(r"\s*(?:-|au|à|a|jusqu'\s*(?:à|au)|et(?:\s+le)?)\s*", _F)
_CALENDAR_VALUE = re.compile(r"(?P<y>\d{4})(?P<rest>-\d\d(?:-\d\d)?)$")
_YEAR_WRITTEN = re.compile(r"\b(?:1[0-9]|20)\d\d\b|/\d\d(?:\d\d)?$|['’]\d\d\b")
_RANGE_OPEN = re.compile(r"(?:\bdu|\bde|\bd['’]|\bentre(?:\s+le)?|\bdepuis\s+le)\s*$", _F)


def _is_range(ctx: _Ctx, p: DateHit, h: DateHit) -> bool:
    """``du 10 août au 12 septembre``, ``entre le 3 et le 12``, ``10 août - 12 septembre``."""
    gap = ctx.text[p.end : h.start]
    if not _RANGE_GAP.fullmatch(gap):
        return False
    opened = _RANGE_OPEN.search(ctx.text, max(0, p.start - 14), p.start) is not None
    return opened or gap.strip() in ("-", "–")


def _shift_years(h: DateHit, years: int) -> None:
    """Move a day or month hit by whole years (its value and its interval)."""
    if years == 0:
        return
    fields = [h.value, h.start_date, h.end_date]
    moved = []
    for value in fields:
        m = _CALENDAR_VALUE.match(value or "")
        if m is None:
            return
        rest = m.group("rest")
        if rest == "-02-29":
            return  # no such day in the other year: leave it
        moved.append(f"{int(m.group('y')) + years}{rest}")
    h.value, h.start_date, h.end_date = moved
    if h.start_date and h.end_date and h.start_date[5:7] == "02" and len(h.value) == 7:
        h.end_date = _month_end(int(h.value[:4]), 2).isoformat()  # February of a leap year


def _complete_ranges(ctx: _Ctx, hits: list[DateHit]) -> None:
    """The two ends of a range share what only one writes: ``du 10 août au 12 septembre
    2013`` (2013 for both), ``du 20 décembre 2012 au 5 janvier`` (2013-01-05); and the end
    comes after the start (``du 20 décembre au 5 janvier``: two years)."""
    for p, h in itertools.pairwise(hits):
        if p.type != "DATE" or h.type != "DATE" or not _is_range(ctx, p, h):
            continue
        mp, mh = _CALENDAR_VALUE.match(p.value), _CALENDAR_VALUE.match(h.value)
        if mp is None or mh is None:
            continue
        p_year = _YEAR_WRITTEN.search(ctx.text, p.start, p.end) is not None
        h_year = _YEAR_WRITTEN.search(ctx.text, h.start, h.end) is not None
        yp, yh = int(mp.group("y")), int(mh.group("y"))
        later = mp.group("rest") > mh.group("rest")  # the start's month-day after the end's
        if h_year and not p_year:
            _shift_years(p, yh - later - yp)
        elif p_year and not h_year:
            _shift_years(h, yp + later - yh)
        elif not p_year and not h_year and (yp, mp.group("rest")) > (yh, mh.group("rest")):
            # both read from the anchor: keep the pair nearer to it
            year = ctx.anchor.year if ctx.anchor is not None else yh
            if abs(yp - 1 - year) <= abs(yh + 1 - year):
                _shift_years(p, yh - later - yp)
            else:
                _shift_years(h, yp + later - yh)


def _merge_ranges(ctx: _Ctx, hits: list[DateHit], original: str) -> list[DateHit]:
    """``du 13 au 15 juillet``, ``entre 9 h 30 et 11 h``, ``14 - 20 sept.``: one hit."""
    out: list[DateHit] = []
    for h in hits:
        if out:
            p = out[-1]
            gap = ctx.text[p.end : h.start]
            same_kind = (
                p.type == h.type == "DATE"
                and _CALENDAR_OR_YEAR.match(p.value)
                and _CALENDAR_OR_YEAR.match(h.value)
                and len(p.value) == len(h.value)
                and p.value <= h.value
            ) or (
                p.type == h.type == "TIME"
                and _TIME_VALUE.match(p.value)
                and _TIME_VALUE.match(h.value)
            )
            et = gap.strip().lower().startswith("et")
            if (
                same_kind
                and "range_to" not in p.extra
                and _RANGE_GAP.fullmatch(gap)
                and (
                    not et
                    or re.search(
                        r"entre\s+(?:le\s+)?$", ctx.text[max(0, p.start - 12) : p.start], _F
                    )
                )
            ):
                to_value = h.value
                if p.type == "TIME":
                    # "de 11 h 30 à 1 h 30": the end is after the start
                    mp, mh = _TIME_VALUE.match(p.value), _TIME_VALUE.match(h.value)
                    assert mp is not None and mh is not None
                    to_value = mh.group("day") + "T" + mh.group("t")
                    if (
                        ":" in mh.group("t")
                        and ":" in mp.group("t")
                        and mh.group("t") < mp.group("t")
                    ):
                        hh = int(mh.group("t")[:2]) + 12
                        if hh < 24:
                            to_value = f"{mh.group('day')}T{hh:02d}{mh.group('t')[2:]}"
                extra = dict(p.extra)
                extra.pop("bound", None)
                extra.update({"range_from": p.value, "range_to": to_value})
                out[-1] = DateHit(
                    start=p.start,
                    end=h.end,
                    text=original[p.start : h.end],
                    type=p.type,
                    value=p.value,
                    start_date=p.start_date,
                    end_date=h.end_date,
                    relative=p.relative or h.relative,
                    anchor=p.anchor or h.anchor,
                    extra=extra,
                )
                continue
        out.append(h)
    return out


_ABBREVIATED_WEEKDAY = re.compile(r"(?i:lun|mar|mer|jeu|ven|sam|dim)\.?")
_PART_OF_DAY_OF = re.compile(r"\s+(?:du|de)\s+", _F)


def _part_of_day_of(ctx: _Ctx, p: DateHit, h: DateHit, original: str) -> DateHit | None:
    """``le matin du 10 juillet``, ``le soir du 14``: a part of the day of that day."""
    mp = _TIME_VALUE.match(p.value)
    if (
        p.type != "TIME"
        or h.type != "DATE"
        or mp is None
        or ":" in mp.group("t")
        or not _DAY_VALUE.match(h.value)
        or not _PART_OF_DAY_OF.fullmatch(ctx.text, p.end, h.start)
    ):
        return None
    value = f"{h.value}T{mp.group('t')}"
    return DateHit(
        start=p.start,
        end=h.end,
        text=original[p.start : h.end],
        type="TIME",
        value=value,
        start_date=h.value,
        end_date=h.value,
        relative=h.relative,
        anchor=h.anchor,
        extra={k: v for k, v in {**h.extra, **p.extra}.items() if k in ("mod", "tense")},
    )


def _join_day_and_clock(ctx: _Ctx, hits: list[DateHit], original: str) -> list[DateHit]:
    """``mardi 11 h``, ``4 h mardi``: a day and a time of that day side by side, with no
    word between, are one TIME (as in the French TimeBank); ``mardi à 11 h`` stays two.
    ``le matin du 10 juillet``: the part of that day."""
    out: list[DateHit] = []
    for h in hits:
        p = out[-1] if out else None
        joined = _part_of_day_of(ctx, p, h, original) if p is not None else None
        if joined is not None:
            out[-1] = joined
            continue
        if (
            p is not None
            and h.type == "DATE"
            and _ABBREVIATED_WEEKDAY.fullmatch(p.text)
            and _DAY_VALUE.match(h.value)
            and ctx.text[p.end : h.start].strip(" \t") == ""
        ):
            h.start, h.text = p.start, original[p.start : h.end]  # "mar. 10 janv."
            out[-1] = h
            continue
        if p is not None and ctx.text[p.end : h.start].strip(" \t") == "" and p.end < h.start:
            day, clock = (p, h) if p.type == "DATE" else (h, p)
            mc = _TIME_VALUE.match(clock.value)
            if (
                day.type == "DATE"
                and clock.type == "TIME"
                and _DAY_VALUE.match(day.value)
                and mc is not None
                and mc.group("day") == day.value
                and ":" in mc.group("t")
            ):
                out[-1] = DateHit(
                    start=p.start,
                    end=h.end,
                    text=original[p.start : h.end],
                    type="TIME",
                    value=clock.value,
                    start_date=day.value,
                    end_date=day.value,
                    relative=p.relative or h.relative,
                    anchor=p.anchor or h.anchor,
                    extra={k: v for k, v in clock.extra.items() if k != "day"},
                )
                continue
        out.append(h)
    return out


def _merge_day_time(ctx: _Ctx, hits: list[DateHit], original: str) -> list[DateHit]:
    """``demain à 11 h``, ``8 h ce soir``: a day (or a part of day) and a time as one TIME."""
    out: list[DateHit] = []
    for h in hits:
        if out:
            p = out[-1]
            gap = ctx.text[p.end : h.start]
            merged = (
                _merge_pair(p, h, gap, original)
                if len(gap) <= 25 and _JOIN_RE.fullmatch(gap)
                else None
            )
            if merged is not None:
                out[-1] = merged
                continue
        out.append(h)
    return out


def _merge_pair(p: DateHit, h: DateHit, gap: str, original: str) -> DateHit | None:
    a, b = (p, h) if p.type == "DATE" else (h, p)
    mt_a, mt_b = _TIME_VALUE.match(p.value), _TIME_VALUE.match(h.value)
    value: str | None = None
    if a.type == "DATE" and b.type == "TIME" and _DAYISH.match(a.value):
        mb = _TIME_VALUE.match(b.value)
        if mb is None:
            return None
        value = f"{a.value}T{mb.group('t')}"
        if "range_to" in b.extra:
            b.extra["range_from"] = value
            mr = _TIME_VALUE.match(b.extra["range_to"])
            if mr is not None:
                b.extra["range_to"] = f"{a.value}T{mr.group('t')}"
    elif p.type == h.type == "TIME" and mt_a is not None and mt_b is not None:
        # a clock time and a part of day: "8 h ce soir", "à 3 heures cet après-midi"
        clock, part = (mt_a, mt_b) if ":" in mt_a.group("t") else (mt_b, mt_a)
        if ":" not in clock.group("t") or ":" in part.group("t"):
            return None
        hh = int(clock.group("t")[:2])
        if part.group("t") in ("AF", "EV") and hh < 12:
            hh += 12
        value = f"{part.group('day')}T{hh:02d}{clock.group('t')[2:]}"
    if value is None:
        return None
    extra = {k: v for k, v in {**a.extra, **b.extra}.items() if k not in ("offset", "point", "day")}
    if extra.get("bound") in ("to", "to_inclusive") and a.type == "DATE":
        extra["bound_day"] = a.value  # "demain jusqu'à 16 h": from the start of that day
    return DateHit(
        start=p.start,
        end=h.end,
        text=original[p.start : h.end],
        type="TIME",
        value=value,
        start_date=value[:10] if _DAY_VALUE.match(value[:10]) else None,
        end_date=value[:10] if _DAY_VALUE.match(value[:10]) else None,
        relative=p.relative or h.relative,
        anchor=p.anchor or h.anchor,
        extra=extra,
    )


_SELF_TEST = re.compile(r"^$")
