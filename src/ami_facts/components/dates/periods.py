"""Days, weeks, months, quarters, seasons and years as TIMEX3 values and date
ranges: the calendar arithmetic the readers share (month ends, a month's or a
year's start/middle/end, ISO weeks, a day shifted by an ISO duration).
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

from ami_facts.components.dates.context import _Built
from ami_facts.french import calendar as fr


def _iso(d: date) -> str:
    return d.isoformat()


def _month_end(y: int, m: int) -> date:
    return date(y, m, _cal.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _clip_month(y: int, m: int, mod: str | None) -> tuple[date, date]:
    first, last = date(y, m, 1), _month_end(y, m)
    if mod == "START":
        return first, date(y, m, 10)
    if mod == "MID":
        return date(y, m, 11), date(y, m, 20)
    if mod == "END":
        return date(y, m, 21), last
    return first, last


def _clip_year(y: int, mod: str | None) -> tuple[date, date]:
    if mod == "START":
        return date(y, 1, 1), date(y, 4, 30)
    if mod == "MID":
        return date(y, 5, 1), date(y, 8, 31)
    if mod == "END":
        return date(y, 9, 1), date(y, 12, 31)
    return date(y, 1, 1), date(y, 12, 31)


def _week_monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _season_range(y: int, code: str) -> tuple[date, date]:
    (m1, d1), (m2, d2) = fr.SEASON_BOUNDS[code]
    if code == "WI":
        return date(y, m1, d1), date(y + 1, m2, d2)
    return date(y, m1, d1), date(y, m2, d2)


def _day_built(d: date, relative: bool, **extra: str) -> _Built:
    return _Built("DATE", _iso(d), _iso(d), _iso(d), relative, dict(extra), day=d)


_DUR_PARTS = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def shift_date(d: date, duration: str, sign: int) -> date | None:
    """``d`` moved by an ISO duration (``P12M``), forward (``sign`` 1) or back (-1); None
    for a duration that is not of years, months, weeks and days."""
    m = _DUR_PARTS.match(duration)
    if not m:
        return None
    y, mo, w, dd = (int(x) if x else 0 for x in m.groups())
    d = _add_months(d, sign * (12 * y + mo))
    return d + timedelta(days=sign * (7 * w + dd))


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d$")
