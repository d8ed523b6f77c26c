"""Publication dates given as metadata (sidecars, JSON, HTML, feed entries) or in bylines.

ISO dates and datetimes (``2021-04-15``, ``2021-04-15T10:32:00+02:00``) are read
directly. Every other form goes to dateparser, imported on first use, with fixed
settings: French first, then English; day before month (``04/05/2021`` is 4 May);
absolute dates only (``hier`` or ``il y a 2 jours`` have no anchor here); the
day, month and year must all be written, so nothing is ever filled in from
today's date. The date is the one written, in the zone it is written in (a time
and a zone are read but not converted). The dates inside the article text are
read by our own rules (``components/dates.py``), not here.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from ami_facts.french.boilerplate import DATE_LABEL

# Settings of dateparser's DateDataParser (see the module docstring).
DATEPARSER_LANGUAGES = ["fr", "en"]
DATEPARSER_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",
    "PREFER_LOCALE_DATE_ORDER": False,
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
}
# Longer strings are not dates (dateparser's time grows with the text).
MAX_DATE_CHARS = 80
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?![\d])")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
HOW_TO = (
    "write it as 2021-04-15, 15 avril 2021, 15/04/2021 à 10h32 or "
    "Thu, 15 Apr 2021 10:32:00 +0200; relative dates such as 'hier' are not read"
)


class DateNotRead(ValueError):
    """A metadata date that neither ISO nor dateparser can read."""


def read_iso(text: str) -> date | None:
    """The date of an ISO date or datetime string, else None (never raises)."""
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    # An ISO day followed by something fromisoformat does not take (a zone name,
    # nanoseconds): the day is what is written first.
    if _ISO_DAY.match(text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    return None


@cache
def _parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=DATEPARSER_LANGUAGES,
        settings=DATEPARSER_SETTINGS,
        try_previous_locales=False,
    )


def _dateparser(text: str) -> date | None:
    found = _parser().get_date_data(text).date_obj
    return found.date() if isinstance(found, datetime) else None


@lru_cache(maxsize=4096)
def read_date(text: str) -> date | None:
    """The date written in ``text`` (a metadata value or a byline's date), else None.

    ISO first; then dateparser on the text without a leading label ("Publié le",
    "Mis à jour le", "Published on"), then on the text up to its year (a time
    written in a form dateparser does not take, "à 10 h 32", is left out).
    """
    text = " ".join(text.split())
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    iso = read_iso(text)
    if iso is not None or _ISO_DAY.fullmatch(text):
        return iso
    text = DATE_LABEL.sub("", text, count=1)
    found = _dateparser(text)
    if found is None:
        year = _YEAR.search(text)
        if year is not None and year.end() < len(text):
            found = _dateparser(text[: year.end()])
    return found


def parse_published(value: object) -> date | None:
    """A ``published`` metadata value as a date: None or "" give None.

    Raises ``DateNotRead`` with a sentence saying why for anything else that is
    not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise DateNotRead(f"published must be a date written as text, not {type(value).__name__}")
    found = read_date(value)
    if found is None:
        raise DateNotRead(f"published date {value!r} cannot be read as a date ({HOW_TO})")
    return found
