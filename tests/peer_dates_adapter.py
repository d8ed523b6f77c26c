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


# Day parts per peer: (start hour, end hour exclusive), by TIMEX3 code and mod.
DAYPARTS_INTERVAL: dict[str, dict[tuple[str, str], tuple[int, int]]] = {
    "duckling": {
        ("MO", ""): (4, 12),
        ("MO", "START"): (7, 9),
        ("MO", "MID"): (9, 11),
        ("MO", "END"): (10, 12),
        ("AF", ""): (12, 19),
        ("AF", "START"): (12, 14),
        ("AF", "MID"): (14, 17),
        ("AF", "END"): (17, 19),
        ("EV", ""): (18, 24),
        ("EV", "START"): (18, 21),
        ("EV", "END"): (21, 24),
        ("NI", ""): (18, 24),
        ("MI", ""): (12, 14),
        ("DT", "START"): (6, 10),
        ("DT", "MID"): (11, 16),
        ("DT", "END"): (17, 21),
    },
    "rustling": {
        ("MO", ""): (4, 12),
        ("MO", "START"): (4, 9),
        ("MO", "MID"): (9, 11),
        ("MO", "END"): (10, 12),
        ("AF", ""): (12, 19),
        ("AF", "START"): (12, 15),
        ("AF", "MID"): (15, 17),
        ("AF", "END"): (17, 19),
        ("EV", ""): (18, 24),
        ("EV", "START"): (18, 21),
        ("EV", "END"): (21, 24),
        ("NI", ""): (22, 28),
        ("NI", "MID"): (26, 28),
        ("MI", ""): (12, 14),
        ("DT", "START"): (6, 10),
        ("DT", "MID"): (12, 16),
        ("DT", "END"): (17, 21),
    },
}
DAYPARTS_POINT = {"lingua_franca": {"MO": 8, "AF": 15, "EV": 19, "NI": 2, "MI": 12}}
# Duckling's and rustling's thirds of a month: début = days 1-5, mi = 10-19, fin = 21-end.
MONTH_PARTS = {"START": (1, 6), "MID": (10, 20), "END": (21, 32)}
# Parts of a week (days from Monday, end exclusive) and of a year (months, end exclusive).
WEEK_PARTS = {"START": (0, 2), "MID": (2, 4), "END": (3, 7)}
YEAR_PARTS = {
    "duckling": {"START": (1, 3), "MID": (5, 9), "END": (11, 13)},
    "rustling": {"START": (1, 3), "MID": (5, 9), "END": (10, 13)},
}
_GRAIN_STEP = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
}


def _grain_of_time(v: str) -> str:
    m = re.fullmatch(r"\d{4}-\d\d-\d\dT(\d\d):(\d\d)(?::(\d\d))?", v)
    if not m:
        return "day"
    if m.group(3):
        return "second"
    return "minute" if m.group(2) != "00" else "hour"


def _point(v: str) -> tuple[datetime, str] | None:
    if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?", v):
        return _dt(v), _grain_of_time(v)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        return _dt(v), "day"
    return None


def _truncate(t: datetime, letter: str) -> datetime:
    if letter == "S":
        return t.replace(microsecond=0)
    if letter == "MI":
        return t.replace(second=0, microsecond=0)
    if letter == "H":
        return t.replace(minute=0, second=0, microsecond=0)
    day = t.replace(hour=0, minute=0, second=0, microsecond=0)
    if letter == "D":
        return day
    if letter == "W":
        return day - timedelta(days=day.weekday())
    if letter == "M":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _span_interval(hit: DateHit, ref: datetime) -> PeerValue | None:
    """``les 2 dernières semaines``, ``3 heures suivantes``: Duckling-style intervals."""
    m = _DUR_RE.match(hit.value)
    if not m or "X" in hit.value:
        return None
    g = {k: v for k, v in m.groupdict().items() if v and k != "sign"}
    if len(g) != 1:
        return None
    ((k, n_txt),) = g.items()
    n = int(float(n_txt))
    letter = {"Y": "Y", "M": "M", "W": "W", "D": "D", "H": "H", "MI": "MI", "S": "S"}[k]
    unit_iso = {
        "Y": "P1Y",
        "M": "P1M",
        "W": "P1W",
        "D": "P1D",
        "H": "PT1H",
        "MI": "PT1M",
        "S": "PT1S",
    }[k]
    base = _truncate(ref, letter)
    grain = {
        "Y": "year",
        "M": "month",
        "W": "week",
        "D": "day",
        "H": "hour",
        "MI": "minute",
        "S": "second",
    }[k]
    if hit.extra.get("direction") == "past":
        start = base
        for _ in range(n):
            start = add_duration(start, unit_iso, -1) or start
        return PeerValue("interval", start=start, end=base, grain=grain)
    start = add_duration(base, unit_iso) or base
    end = start
    for _ in range(n):
        end = add_duration(end, unit_iso) or end
    return PeerValue("interval", start=start, end=end, grain=grain)


def to_peer(hit: DateHit, ref: datetime, peer: str) -> PeerValue | None:
    v = hit.value
    x = hit.extra
    inclusive_end = peer == "duckling"
    if "offset" in x and peer in ("lingua_franca", "dateparser"):
        t = add_duration(ref, x["offset"])
        if t is not None:
            return PeerValue("value", t, "second" if "T" in x["offset"] else "day")
    if "point" in x and "offset" in x and peer in ("duckling", "rustling"):
        t = add_duration(ref, x["offset"])
        if t is not None:
            return PeerValue("value", t, "second")
    if "range_from" in x and "range_to" in x:
        a, b = _point(x["range_from"]), _point(x["range_to"])
        if a is None or b is None:
            return None
        end = b[0]
        if b[1] == "day" or inclusive_end:
            end = end + _GRAIN_STEP.get(a[1], timedelta(days=1))
        return PeerValue("interval", start=a[0], end=end, grain=a[1])
    if hit.type == "DURATION" and "direction" in x:
        return _span_interval(hit, ref)
    if hit.type == "DURATION" and peer == "dateparser":
        t = add_duration(ref, v, -1)  # dateparser's freshness parser: a bare duration is an age
        if t is not None:
            return PeerValue("value", t, "second")
    if v == "PRESENT_REF":
        return PeerValue("value", ref, "second")
    pt = _point(v)
    if pt is not None:
        t, grain = pt
        if (
            peer in ("duckling", "rustling", "lingua_franca")
            and x.get("day") == "anchor"
            and grain != "day"
            and t < ref
        ):
            t = t + timedelta(days=1)  # a time already past is tomorrow's
        bound = x.get("bound") if peer in ("duckling", "rustling") else None
        if bound == "from":
            return PeerValue("interval", start=t, end=None, grain=grain)
        if bound in ("to", "to_inclusive"):
            end = t + _GRAIN_STEP[grain] if (bound == "to_inclusive" and inclusive_end) else t
            start = _dt(x["bound_day"]) if "bound_day" in x else None
            return PeerValue("interval", start=start, end=end, grain=grain)
        return PeerValue("value", t, grain)
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI|MI|DT)", v)
    if m and m.group(2) == "DT" and not x.get("mod") and peer not in DAYPARTS_POINT:
        return PeerValue("value", _dt(m.group(1)), "day")  # "dans la journée": that day
    if m:
        day = _dt(m.group(1))
        if peer in DAYPARTS_POINT:
            return PeerValue(
                "value", day + timedelta(hours=DAYPARTS_POINT[peer].get(m.group(2), 12)), "hour"
            )
        table = DAYPARTS_INTERVAL.get(peer, DAYPARTS_INTERVAL["duckling"])
        key = (m.group(2), x.get("mod", ""))
        if key not in table:
            key = (m.group(2), "")
        if key not in table:
            return None
        a, b = table[key]
        return PeerValue(
            "interval", start=day + timedelta(hours=a), end=day + timedelta(hours=b), grain="hour"
        )
    m = re.fullmatch(r"(\d{4})-W(\d\d)-WE", v)
    if m:
        sat = datetime.fromisocalendar(int(m.group(1)), int(m.group(2)), 6)
        return PeerValue(
            "interval", start=sat - timedelta(hours=6), end=sat + timedelta(days=2), grain="hour"
        )
    if "part" in x and hit.start_date and hit.end_date:
        e = date.fromisoformat(hit.end_date) + timedelta(days=1)
        return PeerValue(
            "interval", start=_dt(hit.start_date), end=datetime(e.year, e.month, e.day), grain="day"
        )
    if re.fullmatch(r"\d{4}-\d\d", v):
        mod = x.get("mod")
        if mod in MONTH_PARTS and peer in ("duckling", "rustling"):
            a, b = MONTH_PARTS[mod]
            first = _dt(v + "-01")
            start = first.replace(day=a)
            last = calendar.monthrange(first.year, first.month)[1]
            end = first.replace(day=b) if b <= last else first.replace(day=last) + timedelta(days=1)
            return PeerValue("interval", start=start, end=end, grain="day")
        return PeerValue("value", _dt(v + "-01"), "month")
    if re.fullmatch(r"\d{4}", v):
        mod = x.get("mod")
        if mod and peer in YEAR_PARTS and mod in YEAR_PARTS[peer]:
            a, b = YEAR_PARTS[peer][mod]
            start = datetime(int(v), a, 1)
            end = datetime(int(v) + 1, 1, 1) if b > 12 else datetime(int(v), b, 1)
            return PeerValue("interval", start=start, end=end, grain="month")
        return PeerValue("value", datetime(int(v), 1, 1), "year")
    m = re.fullmatch(r"(\d{4})-W(\d\d)", v)
    if m and x.get("mod") in WEEK_PARTS:
        mon = datetime.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        a, b = WEEK_PARTS[x["mod"]]
        return PeerValue(
            "interval", start=mon + timedelta(days=a), end=mon + timedelta(days=b), grain="day"
        )
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
