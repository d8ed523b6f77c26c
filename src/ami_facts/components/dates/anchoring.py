"""Anchoring: the year, week or day of an expression that does not name it.

A day or month without a year takes the year named earlier in the sentence, else
the anchor's, moved by the tense (``fin décembre`` told in the past in March is last
December) or by ``dernier``/``prochain``; a weekday the nearest such day (news
convention), ``depuis début février`` runs to the anchor. After the readers, a
duration before a day shifts it (``trois jours après le 14 juillet``) and a time
with no day before it takes the day after it (``entre 0 h 30 et 4 h mardi``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ami_facts.components.dates.context import _before, _Built, _Ctx
from ami_facts.components.dates.periods import _DAY_VALUE, _iso, shift_date
from ami_facts.components.dates.regex_parts import _F
from ami_facts.hits import DateHit

# ``depuis début février``, ``depuis l'été``: right after ``depuis``.
_SINCE_BEFORE = re.compile(r"depuis\s+(?:le\s+|la\s+|l['’]\s*)?$")
_DEPUIS_RE = re.compile(r"(?:depuis|dès|des)\s+(?:le\s+|la\s+|l['’]\s*)?$", _F)


def _apply_depuis(b: _Built, ctx: _Ctx, start: int) -> _Built:
    """``depuis début février``: from the start of the period to the anchor."""
    before = _before(ctx.text, start, 20)
    if _SINCE_BEFORE.search(before):
        b.extra["depuis"] = "true"
        anchor = ctx.anchor
        if (
            anchor is not None
            and b.start_date
            and b.type == "DATE"
            and b.start_date <= _iso(anchor)
        ):
            b.end_date = _iso(anchor)
    return b


# "a donné jusqu'au 30 juin", "a été reporté au 3 mars": a date set in the past (a
# deadline, a postponement) still lies ahead; so does a date a thing is for ("les
# billets vendus pour le 14 juillet")
_DEADLINE_BEFORE = re.compile(
    r"(?:jusqu['’]\s*(?:au|à|en)|d['’]\s*ici(?:\s+(?:à|au))?|avant|\bpour"
    r"|(?:renvoy|report|repouss|décal|différ|ajourn|fix|programm)\w*\s+(?:au|à|pour))"
    r"\s+(?:le\s+|la\s+)?$",
    _F,
)


# The word that opens a range's end: ``du 31 décembre au 1er janvier``.
_RANGE_END_BEFORE = re.compile(r"\bau\s+$", _F)


def _range_rolls_over(ctx: _Ctx, pos: int, month: int, year: int) -> bool:
    """``du 31 décembre au 1er janvier``: a range's end in an earlier month than its
    start, in the start's year, is in the year after."""
    start = ctx.context_day(pos)
    return (
        start is not None
        and start.year == year
        and start.month > month
        and _RANGE_END_BEFORE.search(ctx.text, max(0, pos - 8), pos) is not None
    )


def _resolve_year_for(
    ctx: _Ctx, pos: int, month: int, day: int | None, rel: str | None
) -> int | None:
    """Year of a day/month written without one: context year, then the anchor."""
    cy = ctx.context_year(pos)
    if cy is not None and not rel:
        return cy + 1 if _range_rolls_over(ctx, pos, month, cy) else cy
    a = ctx.anchor
    if a is None:
        return None
    y = a.year
    key = (month, day or 1)
    akey = (a.month, a.day if day else 1)
    if rel in ("dernier", "dernière", "passé", "passée"):
        if key >= akey:
            y -= 1
        return y
    if rel in ("prochain", "prochaine"):
        if key <= akey:
            y += 1
        return y
    direction = ctx.res.day_month
    if (
        direction == "same_year"
        and ctx.tense_of is not None  # the morphology: known only where the model ran
        and not _DEADLINE_BEFORE.search(ctx.text, max(0, pos - 24), pos)
    ):
        tense = ctx.tense(pos)
        # (where neither the morphology nor the endings find a tense, a title with no
        # verb: ``Réveillon du 24 décembre : 40 interventions`` in January, the date is
        # told as the present, near the anchor)
        if ctx.tense_known(pos) or tense == 0:
            return y + _tense_shift(tense, key, akey, month, a)
    if direction == "future" and key < akey:
        y += 1
    elif direction == "past" and key > akey:
        y -= 1
    elif direction == "same_year" and key[0] != akey[0]:
        # a month of the anchor's year that is still to come cannot be told in the
        # past tense ("étaient inscrites fin décembre" said in March: last December);
        # the future tense proves less (a relative clause may look ahead)
        tense = 0 if _DEADLINE_BEFORE.search(ctx.text, max(0, pos - 24), pos) else ctx.tense(pos)
        if tense < 0 and key > akey:
            y -= 1
    return y


# A day and month told in the present lie within this many days of the anchor, before or
# after ("Le 18 décembre, le conseiller lâche", published in January: last December).
PRESENT_REACH_DAYS = 270


def _tense_shift(
    tense: int, key: tuple[int, int], akey: tuple[int, int], month: int, a: date
) -> int:
    """Years to add to the anchor's year for a day and month told in ``tense`` (known from
    the morphology): the past looks back, the future ahead, the present stays near."""
    # another month only: a later day of this month told in the past is as often a date
    # set for the coming days as a past event (as with the verb endings)
    if tense < 0:
        return -1 if key[0] > akey[0] else 0
    if tense > 0:
        return 1 if key[0] < akey[0] else 0
    same = date(a.year, month, min(key[1], 28))
    if (same - a).days > PRESENT_REACH_DAYS:
        return -1
    if (a - same).days > PRESENT_REACH_DAYS:
        return 1
    return 0


def _resolve_weekday(ctx: _Ctx, pos: int, wd: int, rel: str | None) -> date | None:
    a = ctx.anchor
    if a is None:
        return None
    aw = a.weekday()
    rel = (rel or "").lower().replace("’", "'")
    rel = re.sub(r"\s+", " ", rel)
    if rel in ("dernier", "passé", "précédent"):
        return a - timedelta(days=(aw - wd) % 7 or 7)
    if rel in ("prochain", "qui vient"):
        if ctx.res.prochain == "next_week":
            return a + timedelta(days=wd - aw + 7)
        return a + timedelta(days=(wd - aw) % 7 or 7)
    this_week = a + timedelta(days=wd - aw)
    coming = a + timedelta(days=(wd - aw) % 7)
    if rel in ("en huit", "en 8"):
        return coming + timedelta(days=7)
    if rel in ("en quinze", "en 15"):
        return coming + timedelta(days=14)
    if rel in ("suivant", "d'après"):
        return this_week + timedelta(days=7)
    if "semaine prochaine" in rel or "semaine suivante" in rel or "semaine d'après" in rel:
        return this_week + timedelta(days=7)
    if "semaine dernière" in rel or "semaine passée" in rel or "semaine précédente" in rel:
        return this_week - timedelta(days=7)
    if "cette semaine" in rel:
        return this_week
    past = a - timedelta(days=(aw - wd) % 7)
    future = a + timedelta(days=(wd - aw) % 7 or 7)
    if wd == aw and ctx.res.weekday != "future":
        return a
    if ctx.res.weekday == "past":
        return past
    if ctx.res.weekday == "future":
        return future
    t = ctx.tense(pos)
    if t > 0:
        return future
    if t < 0:
        return past
    return past if (a - past) <= (future - a) else future


def _year_from(ytxt: str, anchor: date | None) -> int:
    t = ytxt.strip("'’ ")
    if len(t) == 4:
        return int(t)
    n = int(t)
    ref = anchor.year if anchor else 2030  # without an anchor: 00-40 -> 20xx, 41-99 -> 19xx
    century = ref // 100 * 100
    y = century + n
    if y > ref + 10:
        y -= 100
    return y


def _finished_year(ctx: _Ctx, pos: int, y: int, end: date) -> int:
    """The year of a period named without one (``au premier semestre``): a period
    of the anchor's year not over yet, told in the past tense, is last year's."""
    a = ctx.anchor
    if a is None or end < a or _DEADLINE_BEFORE.search(ctx.text, max(0, pos - 16), pos):
        return y
    return y - 1 if ctx.tense(pos) < 0 else y


def _begun_year(ctx: _Ctx, pos: int, y: int, start: date) -> int:
    """The year of a season named without one (``à l'automne``): a season of the anchor's
    year not begun yet, told in the past tense, is last year's (``a supprimé 90 emplois à
    l'automne`` said in May; the verb before it tells, not one after: ``l'hypothèse
    d'élections à l'automne semblait tenir la corde``)."""
    a = ctx.anchor
    if a is None or start <= a or _DEADLINE_BEFORE.search(ctx.text, max(0, pos - 16), pos):
        return y
    return y - 1 if ctx.tense_before(pos) < 0 else y


_SHIFT_GAP = re.compile(
    r"\s+(après|avant|plus\s+tard\s+que|plus\s+tôt\s+que)\s+(?:le\s+|l'\s*)?", _F
)


def _shift_by_duration(ctx: _Ctx, hits: list[DateHit], original: str) -> list[DateHit]:
    """``trois jours après le 14 juillet``, ``2 semaines après vendredi``: the day shifted."""
    out: list[DateHit] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if (
            h.type == "DURATION"
            and nxt is not None
            and _DAY_VALUE.match(nxt.value)
            and "X" not in h.value
        ):
            m = _SHIFT_GAP.fullmatch(ctx.text[h.end : nxt.start])
            if m is not None:
                w = m.group(1).lower()
                sign = -1 if w.startswith("avant") or "tôt" in w else 1
                d = shift_date(date.fromisoformat(nxt.value), h.value, sign)
                if d is not None:
                    out.append(
                        DateHit(
                            start=h.start,
                            end=nxt.end,
                            text=original[h.start : nxt.end],
                            type="DATE",
                            value=_iso(d),
                            start_date=_iso(d),
                            end_date=_iso(d),
                            relative=True,
                            anchor=nxt.anchor,
                            extra={"shift": ("-" if sign < 0 else "") + h.value},
                        )
                    )
                    i += 2
                    continue
        out.append(h)
        i += 1
    return out


def _date_times_from_following_day(ctx: _Ctx, hits: list[DateHit]) -> None:
    """``entre 0 h 30 et 4 h mardi``: a time with no day before it takes the day after it."""
    for i, h in enumerate(hits):
        if h.extra.get("day") != "anchor":
            continue
        si = ctx.sentence_of(h.start)
        for nxt in hits[i + 1 : i + 4]:
            if ctx.sentence_of(nxt.start) != si or nxt.start - h.end > 60:
                break
            if nxt.type == "DATE" and _DAY_VALUE.match(nxt.value):
                h.value = nxt.value + "T" + h.value.split("T", 1)[1]
                h.start_date = h.end_date = nxt.value
                h.extra["day"] = "context"
                break
