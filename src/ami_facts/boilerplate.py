"""Find boilerplate in article text: marked by ranges, never cut (SPEC, "Offsets")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ami_facts.french.boilerplate import (
    BREADCRUMB,
    BYLINE_AUTHOR,
    BYLINE_DATE,
    BYLINE_PUBLISHED,
    BYLINE_START,
    BYLINE_UPDATE_WORDS,
    CREDIT_AT_END,
    CREDIT_MARKS,
    INLINE_BOILERPLATE_LINE,
    LONG_LINE,
    PROMPT_HINTS,
    PROMPT_LINE,
    PROSE,
    RUN_IN_TRAILING_HEADING,
    SHARE_MARKERS,
    SHARE_WORDS,
    SHORT_LINE,
    TRAILING_SECTION_HEADING,
    TRAILING_SOURCE_LINE,
)

# A trailing section heading must sit in the last part of the text: a "Lire aussi"
# heading in the first lines is more likely a teaser inside the article.
TRAILING_SECTION_MIN_POSITION = 0.3


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
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    # A final newline ends the last line; it opens no empty one.
    if len(spans) > 1 and text.endswith("\n"):
        spans.pop()
    return spans


def _strip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _byline_date(match: re.Match[str]) -> date | None:
    from ami_facts.published import read_date

    return read_date(match.group("date"))


_SHARE_TOKEN = re.compile(r"\w[\w-]*")


def _is_share_bar(line: str) -> bool:
    # Word by word: most lines are turned down at their first word.
    marked = False
    for token in _SHARE_TOKEN.finditer(line):
        word = token.group().lower()
        if word not in SHARE_WORDS:
            return False
        marked = marked or word in SHARE_MARKERS
    return marked


def _is_byline(line: str) -> bool:
    if BYLINE_AUTHOR.match(line):
        return True
    start = BYLINE_START.match(line)
    # ``Le samedi 15 avril 2023, vers 8 h 30, trois locomotives sont sorties``: a
    # sentence that opens on a date and a time goes on as prose; a date line does not.
    return start is not None and PROSE.search(line, start.end()) is None


def _published_in_byline(line: str) -> date | None:
    """The publication date a byline gives, if any."""
    published = BYLINE_PUBLISHED.search(line)
    if published is not None:
        return _byline_date(published)
    first = BYLINE_DATE.search(line)
    if first is None or BYLINE_UPDATE_WORDS.search(line, 0, first.start()):
        return None
    return _byline_date(first)


# A credit closing a caption is looked for in the last characters of a line only.
CREDIT_WINDOW = 120
# Share bars are short: a few network names.
SHARE_BAR_MAX = 120


def _has_credit_at_end(line: str) -> bool:
    window = max(0, len(line) - CREDIT_WINDOW)
    # The search tries every character of the window; a find per mark is much cheaper
    # and turns down most lines.
    if all(line.find(mark, window) == -1 for mark in CREDIT_MARKS):
        return False
    return CREDIT_AT_END.search(line, window) is not None


def _is_prompt(line: str) -> bool:
    # A case-insensitive search cannot skip ahead to a first letter: it tries every
    # character. Most lines hold none of the hints.
    lowered = line.lower()
    return any(hint in lowered for hint in PROMPT_HINTS) and PROMPT_LINE.search(line) is not None


def _is_short_boilerplate(line: str) -> bool:
    """Caption credits, share bars and newsletter prompts (short lines only)."""
    return bool(
        _has_credit_at_end(line)
        or (len(line) <= SHARE_BAR_MAX and _is_share_bar(line))
        or _is_prompt(line)
        or BREADCRUMB.match(line)
    )


def find_boilerplate(text: str) -> Boilerplate:
    """Body range, excluded lines inside it and a byline publication date if any.

    Works line by line and never cuts: the body ends before a trailing section
    of other posts, links or share buttons (or closing source lines); inside it,
    bylines, captions and credits, share bars, newsletter prompts and "À lire
    aussi" lines are excluded ranges; the body starts after the leading lines
    that are all boilerplate. A byline's date becomes ``byline_published``.
    """
    lines = _lines(text)
    body_end = len(text)
    min_position = int(len(text) * TRAILING_SECTION_MIN_POSITION)
    for start, end in lines:
        if start < min_position or end - start > SHORT_LINE:
            continue
        line = text[start:end].strip()
        if TRAILING_SECTION_HEADING.fullmatch(line):
            body_end = start
            break
    else:
        body_end = _run_in_trailing_heading(text, lines, min_position)
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
        line = text[start:end].strip()
        if not line:
            continue
        short = len(line) <= SHORT_LINE
        if short and _is_byline(line):
            excluded.append((start, end))
            byline_published = byline_published or _published_in_byline(line)
        elif (len(line) <= LONG_LINE and INLINE_BOILERPLATE_LINE.match(line)) or (
            short and _is_short_boilerplate(line)
        ):
            excluded.append((start, end))
    body_start = _leading_boilerplate_end(text, lines, excluded, body_end)
    return Boilerplate(
        body_start=body_start,
        body_end=max(body_end, body_start),
        excluded=excluded,
        byline_published=byline_published,
    )


# What may come before a heading run into the text: the end of a sentence, or a
# capitalised word (a signature, ``... Jean Dupont Recent Posts``), not prose.
_BEFORE_RUN_IN_HEADING = re.compile(r"(?:[.!?…»)]|\b[A-ZÀ-Ý][\w'’.-]*)\s*$")


def _run_in_trailing_heading(text: str, lines: list[tuple[int, int]], min_position: int) -> int:
    """Where a trailing section starts whose heading runs into a long line, else the end.

    A text whose line breaks were lost (a page saved on one line) has its "Recent
    Posts" inside a line longer than any paragraph (``LONG_LINE``); the heading must be
    capitalised, follow a sentence end or a capitalised word and be followed by one
    (``RUN_IN_TRAILING_HEADING``).
    """
    for start, end in lines:
        if end <= min_position or end - start <= LONG_LINE:
            continue
        for match in RUN_IN_TRAILING_HEADING.finditer(text, max(start, min_position), end):
            if match.start() == start or not match.group()[0].isupper():
                continue
            if _BEFORE_RUN_IN_HEADING.search(text, max(start, match.start() - 40), match.start()):
                return match.start()
    return len(text)


def _leading_boilerplate_end(
    text: str, lines: list[tuple[int, int]], excluded: list[tuple[int, int]], body_end: int
) -> int:
    """Where the body starts: after the leading blank and excluded lines."""
    excluded_starts = {start for start, _ in excluded}
    body_start = 0
    for start, end in lines:
        if start >= body_end:
            break
        if not text[start:end].strip():
            continue
        if start in excluded_starts:
            body_start = end
            continue
        return start
    return 0 if body_start >= body_end else body_start
