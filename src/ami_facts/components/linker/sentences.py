"""Sentences, clauses, paragraphs and intertitles as character ranges of the text."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator

from ami_facts.components.parse import sentence_bounds

# An intertitle: a short line alone between blank lines, not ending a sentence. The
# look-ahead turns down a paragraph at its 100th character, where the lazy line alone
# would try every length up to 100 (possessive: it gives nothing back).
_INTERTITLE_LINE = r"(?=[^\n]{0,100}+[ \t]*\n\n)(?P<line>[^\n]{3,100}?(?<![.!,;:…]))[ \t]*\n\n"
INTERTITLE = re.compile(rf"(?:^|\n\n){_INTERTITLE_LINE}")
# The same after a blank line only: opening on a literal, it lets ``re`` jump from one
# blank line to the next (``^`` in ``INTERTITLE`` makes it try every character).
_INTERTITLE_AFTER_BLANK_LINE = re.compile(rf"\n\n{_INTERTITLE_LINE}")

# A blank line, or a line that ends a sentence, ends a paragraph (wrapped lines do not).
PARAGRAPH_ENDS = ("\n\n", ".\n", "!\n", "?\n", "»\n")

Sentence = tuple[int, int]
# Punctuation that closes a clause (and a line break: a title without a final mark runs
# into the next line's sentence): a date beyond it governs a figure only when no date
# shares the figure's own clause.
CLAUSE_BREAK = re.compile(r"[,;:()\[\]«»\n]")


def text_sentences(text: str) -> list[Sentence]:
    """Sentences as character ranges, from the rules (``components/parse.py``).

    The linker reads these even where the parser ran: the parser starts a sentence at
    a capitalised word inside one (``la Peugeot 208 en finition | Allure coûte``), and
    the rules end one at every line end after a mark.
    """
    return sentence_bounds(text)


def sentence_index_at(
    sentences: list[Sentence], offset: int, starts: list[int] | None = None
) -> int | None:
    """The index of the sentence holding ``offset``; ``starts``, the sentences' starts
    when the caller has them (bisecting ints beats building a tuple per look-up)."""
    if starts is None:
        index = bisect.bisect_right(sentences, (offset, math.inf)) - 1
    else:
        index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
        return index
    return None


def sentence_of(sentences: list[Sentence], offset: int) -> Sentence | None:
    index = sentence_index_at(sentences, offset)
    return sentences[index] if index is not None else None


def intertitles(text: str) -> Iterator[re.Match[str]]:
    """``INTERTITLE.finditer(text)``, tried only where it can start: at 0 and blank lines."""
    first = INTERTITLE.match(text)
    if first is not None:
        yield first
    # (past 0, ``^`` matches nowhere: only the blank line can open an intertitle)
    yield from _INTERTITLE_AFTER_BLANK_LINE.finditer(text, first.end() if first else 1)


def intertitle_lines(text: str) -> list[tuple[int, int]]:
    """The line of each intertitle, as a character range, in text order.

    Found once per article: the section topics (``subject.py``) and the heading dates
    (``period.py``) both read them.
    """
    return [heading.span("line") for heading in intertitles(text)]


def paragraph_break_between(text: str, start: int, end: int) -> bool:
    return "\n\n" in text[start:end]


def same_clause(text: str, start: int, end: int) -> bool:
    return CLAUSE_BREAK.search(text, start, end) is None
