"""Find boilerplate in article text: marked by ranges, never cut (SPEC, "Offsets")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ami_facts.french.boilerplate import (
    BYLINE_PUBLISHED,
    INLINE_BOILERPLATE_LINE,
    MONTHS,
    TRAILING_SECTION_HEADING,
    TRAILING_SOURCE_LINE,
)

# A trailing section heading must sit in the last part of the text: a "Lire aussi"
# heading in the first lines is more likely a teaser inside the article.
TRAILING_SECTION_MIN_POSITION = 0.3

_LINE = re.compile(r"[^\n]*(?:\n|$)")


@dataclass
class Boilerplate:
    """Where the article body is, and what inside it is not article text."""

    body_start: int
    body_end: int
    excluded: list[tuple[int, int]] = field(default_factory=list)
    byline_published: date | None = None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its newline."""
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        if match.start() == len(text) and match.end() == len(text) and spans:
            break
        line = match.group()
        spans.append((match.start(), match.start() + len(line.rstrip("\n"))))
    return spans


def _strip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _byline_date(match: re.Match[str]) -> date | None:
    day, month, year = match.group("day"), match.group("month"), match.group("year")
    month_number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    try:
        return date(int(year), month_number or 0, int(day))
    except ValueError:
        return None


def find_boilerplate(text: str) -> Boilerplate:
    """Body range, excluded lines inside it and a byline publication date if any."""
    lines = _lines(text)
    body_end = len(text)
    min_position = int(len(text) * TRAILING_SECTION_MIN_POSITION)
    for start, end in lines:
        line = text[start:end].strip()
        if start >= min_position and TRAILING_SECTION_HEADING.fullmatch(line):
            body_end = start
            break
    # Source and citation lines (a URL in brackets, "Source : ...") closing the text.
    for start, end in reversed(lines):
        if end > body_end:
            continue
        line = text[start:end].strip()
        if not line:
            continue
        if TRAILING_SOURCE_LINE.fullmatch(line):
            body_end = start
            continue
        break
    body_end = _strip_end(text, body_end)
    excluded: list[tuple[int, int]] = []
    byline_published: date | None = None
    for start, end in lines:
        if end > body_end:
            break
        line = text[start:end]
        byline = BYLINE_PUBLISHED.search(line)
        if byline is not None:
            excluded.append((start, end))
            byline_published = byline_published or _byline_date(byline)
        elif INLINE_BOILERPLATE_LINE.match(line.strip()):
            excluded.append((start, end))
    return Boilerplate(
        body_start=0, body_end=body_end, excluded=excluded, byline_published=byline_published
    )
