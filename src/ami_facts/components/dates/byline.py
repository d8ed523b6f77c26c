"""The publication date of a byline (``Publié le 21/07/2021 ... Mis à jour le ...``)."""

from __future__ import annotations

import re
from datetime import date

from ami_facts.components.dates.context import Range
from ami_facts.components.dates.periods import _safe_date
from ami_facts.components.dates.regex_parts import _DAYNUM, _F, _MONTH_ANY, _WD
from ami_facts.french import calendar as fr

_BYLINE_DATE = (
    rf"(?:(?:{_WD})\s+)?(?P<{{p}}d>{_DAYNUM})(?:er)?(?:\s+(?P<{{p}}mn>{_MONTH_ANY})\.?\s+|[/.-](?P<{{p}}mm>[01]?\d)[/.-])"
    rf"(?P<{{p}}y>\d{{{{4}}}})"
    rf"(?:\s*(?:à|a|-|,)?\s*\d{{{{1,2}}}}\s*[h:]\s*\d{{{{2}}}}(?:\s*(?:min|mn))?)?"
)
_BYLINE_RE = re.compile(
    r"\b(?:publié|publiée|publie|mis\s+en\s+ligne|posté|postée|paru|parue|édité)\s+le\s+"
    + _BYLINE_DATE.format(p="a")
    + r"(?:[^\n]{0,60}?\b(?:mis\s+à\s+jour|mise\s+à\s+jour|modifiée?|actualisée?|màj|maj)"
    r"\s*(?:le\s+|:\s*)?" + _BYLINE_DATE.format(p="b") + r")?",
    _F,
)

_BYLINE_BY_RE = re.compile(
    r"\bPar\s+(?:[A-ZÀ-Ý][\w.'’-]+\s+){1,4}(?:[|,·•-]\s*)?(?:(?:le|publié\s+le)\s+)?"
    + _BYLINE_DATE.format(p="a")
    + r"(?:[^\n]{0,60}?\b(?:mis\s+à\s+jour|mise\s+à\s+jour|modifiée?|actualisée?|màj|maj)"
    r"\s*(?:le\s+|:\s*)?" + _BYLINE_DATE.format(p="b") + r")?",
)


def _byline_day(m: re.Match[str], p: str) -> date | None:
    dtxt = m.group(p + "d").lower()
    day = 1 if dtxt.startswith(("1e", "prem")) else int(dtxt)
    if m.group(p + "mn"):
        month = fr.MONTHS.get(re.sub(r"\s+", "", m.group(p + "mn").lower()))
        if month is None:
            return None
    else:
        month = int(m.group(p + "mm"))
    return _safe_date(int(m.group(p + "y")), month, day)


def find_byline_date(text: str) -> tuple[date, Range] | None:
    """The publication date of a byline (``Publié le 21/07/2021 ... Mis à jour le 24/12/2021``).

    Returns the published date and the byline's range (to mark it boilerplate),
    or None when the text has no such byline.
    """
    for m in _BYLINE_RE.finditer(text):
        d = _byline_day(m, "a")
        if d is not None:
            return d, m.span()
    # "Par Thomas Lecomte  Le 2 novembre 2023 à 16h17": an author line then the date
    for m in _BYLINE_BY_RE.finditer(text[:3000]):
        d = _byline_day(m, "a")
        if d is not None:
            return d, m.span()
    return None
