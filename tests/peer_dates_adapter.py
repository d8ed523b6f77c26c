"""Test-side adapters: DateHit (TIMEX3) -> each peer's representation.

The extractor speaks TIMEX3; the peers speak datetimes with a grain (Duckling,
rustling), datetimes (dateparser, lingua_franca) or edsnlp norms. Conventions
that belong to a peer (where its day parts start and end, that dateparser's
freshness parser reads a bare duration as an age, that lingua_franca moves a
time already past to the next day) live here, not in the extractor.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ami_facts.hits import DateHit

GRAIN_LEN = {
    "year": 4,
    "quarter": 7,
    "month": 7,
    "week": 10,
    "day": 10,
    "hour": 13,
    "minute": 16,
    "second": 19,
}


@dataclass
class PeerValue:
    kind: str  # "value" | "interval"
    value: datetime | None = None
    grain: str = "day"
    start: datetime | None = None
    end: datetime | None = None  # exclusive


_DUR_RE = re.compile(
    r"^(?P<sign>[-+])?P(?:(?P<Y>[\d.]+)Y)?(?:(?P<M>[\d.]+)M)?(?:(?P<W>[\d.]+)W)?(?:(?P<D>[\d.]+)D)?"
    r"(?:T(?:(?P<H>[\d.]+)H)?(?:(?P<MI>[\d.]+)M)?(?:(?P<S>[\d.]+)S)?)?$"
)


def add_duration(ref: datetime, iso: str, sign: int = 1) -> datetime | None:
    m = _DUR_RE.match(iso)
    if not m or "X" in iso:
        return None
    if m.group("sign") == "-":
        sign = -sign
    g = {k: float(v) for k, v in m.groupdict().items() if v and k != "sign"}
    months = int(g.get("Y", 0) * 12 + g.get("M", 0)) * sign
    y, mo = divmod(ref.month - 1 + months, 12)
    y += ref.year
    mo += 1
    d = min(ref.day, calendar.monthrange(y, mo)[1])
    out = ref.replace(year=y, month=mo, day=d)
    delta = timedelta(
        weeks=g.get("W", 0),
        days=g.get("D", 0),
        hours=g.get("H", 0),
        minutes=g.get("MI", 0),
        seconds=g.get("S", 0),
    )
    return out + delta * sign


def duration_seconds_days(iso: str) -> int | None:
    """edsnlp's approximation: month = 30 days, year = 365 days, week = 7."""
    m = _DUR_RE.match(iso)
    if not m or "X" in iso:
        return None
    g = {k: float(v) for k, v in m.groupdict().items() if v and k != "sign"}
    return int(g.get("Y", 0) * 365 + g.get("M", 0) * 30 + g.get("W", 0) * 7 + g.get("D", 0))


def _dt(s: str) -> datetime:
    return datetime.fromisoformat(s)


# Day parts per peer: (start hour, end hour exclusive) and the single hour some peers use.
DAYPARTS_INTERVAL = {
    "duckling": {"MO": (4, 12), "AF": (12, 19), "EV": (18, 24), "NI": (18, 24), "MI": (12, 14)},
    "rustling": {"MO": (4, 12), "AF": (12, 19), "EV": (18, 24), "NI": (22, 28), "MI": (12, 14)},
}
DAYPARTS_POINT = {"lingua_franca": {"MO": 8, "AF": 15, "EV": 19, "NI": 2, "MI": 12}}


def to_peer(hit: DateHit, ref: datetime, peer: str) -> PeerValue | None:
    v = hit.value
    x = hit.extra
    # offsets from the reference ("il y a 2 heures", "dans 10 mois") at full precision
    if "offset" in x and hit.relative:
        t = add_duration(ref, x["offset"])
        if t is not None:
            grain = "second" if "T" in x["offset"] else "day"
            if peer in ("duckling", "rustling") and "T" not in x["offset"]:
                t = t.replace(hour=0, minute=0, second=0)
            return PeerValue("value", t, grain)
    if v == "PRESENT_REF":
        return PeerValue("value", ref, "second")
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)", v)
    if m:
        t = _dt(f"{m.group(1)}-{m.group(2)}-{m.group(3)}T{m.group(4)}:{m.group(5)}")
        grain = "minute" if m.group(5) != "00" else "hour"
        return PeerValue("value", t, grain)
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI|MI)", v)
    if m:
        day = _dt(m.group(1))
        if peer in DAYPARTS_POINT:
            return PeerValue(
                "value", day + timedelta(hours=DAYPARTS_POINT[peer][m.group(2)]), "hour"
            )
        a, b = DAYPARTS_INTERVAL.get(peer, DAYPARTS_INTERVAL["duckling"])[m.group(2)]
        return PeerValue(
            "interval", start=day + timedelta(hours=a), end=day + timedelta(hours=b), grain="hour"
        )
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        return PeerValue("value", _dt(v), "day")
    if re.fullmatch(r"\d{4}-\d\d", v):
        if x.get("mod") and hit.start_date and hit.end_date:
            e = date.fromisoformat(hit.end_date) + timedelta(days=1)
            return PeerValue(
                "interval",
                start=_dt(hit.start_date),
                end=datetime(e.year, e.month, e.day),
                grain="day",
            )
        return PeerValue("value", _dt(v + "-01"), "month")
    if re.fullmatch(r"\d{4}", v):
        return PeerValue("value", datetime(int(v), 1, 1), "year")
    m = re.fullmatch(r"(\d{4})-W(\d\d)", v)
    if m:
        return PeerValue(
            "value", datetime.fromisocalendar(int(m.group(1)), int(m.group(2)), 1), "week"
        )
    m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
    if m:
        return PeerValue("value", datetime(int(m.group(1)), 3 * int(m.group(2)) - 2, 1), "quarter")
    if hit.start_date and hit.end_date:
        e = date.fromisoformat(hit.end_date) + timedelta(days=1)
        return PeerValue(
            "interval", start=_dt(hit.start_date), end=datetime(e.year, e.month, e.day), grain="day"
        )
    return None


def same_at_grain(a: datetime, b_iso: str, grain: str) -> bool:
    n = GRAIN_LEN.get(grain, 10)
    return a.isoformat()[:n] == b_iso[:n]
