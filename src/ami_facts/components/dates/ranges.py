"""Merging hits that follow each other: open intervals (``à partir du 8 mars``, ``avant
16 h``), ranges (``du 13 au 15 juillet``, ``de 9 h à 11 h``) and a day with its time
(``demain à 11 h``); the last two only when ``Resolution`` asks for them.
"""

from __future__ import annotations

import re

from ami_facts.components.dates.context import _Ctx
from ami_facts.components.dates.periods import _DAY_VALUE
from ami_facts.components.dates.regex_parts import _F
from ami_facts.hits import DateHit

_JOIN_RE = re.compile(
    r"\s*,?\s*(?:(?:plutôt\s+)?(?:à|a|vers|autour\s+de|aux\s+alentours\s+de|dès|de|le|du|après"
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
    r"(?:jusqu'\s*(?:à|au|en)|au\s+plus\s+tard)\s*(?:le\s+|la\s+|l'\s*)?$", _F
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


def _merge_ranges(ctx: _Ctx, hits: list[DateHit], original: str) -> list[DateHit]:
    """``du 13 au 15 juillet``, ``entre 9 h 30 et 11 h``, ``14 - 20 sept.``: one hit."""
    out: list[DateHit] = []
    for h in hits:
        if out:
            p = out[-1]
            gap = ctx.text[p.end : h.start]
            same_kind = (
                p.type == h.type == "DATE"
                and _DAY_VALUE.match(p.value)
                and _DAY_VALUE.match(h.value)
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
