"""Sentences, clauses, paragraphs and intertitles as character ranges of the text."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator

from spacy.tokens import Doc

from ami_facts.components.parse import sentence_bounds

# An intertitle: a short line alone between blank lines, not ending a sentence. The
# look-ahead turns down a paragraph at its 100th character, where the lazy line alone
# would try every length up to 100 (possessive: it gives nothing back).
INTERTITLE = re.compile(
    r"(?:^|\n\n)(?=[^\n]{0,100}+[ \t]*\n\n)(?P<line>[^\n]{3,100}?(?<![.!,;:…]))[ \t]*\n\n"
)

# A blank line, or a line that ends a sentence, ends a paragraph (wrapped lines do not).
PARAGRAPH_ENDS = ("\n\n", ".\n", "!\n", "?\n", "»\n")

# A line that ends with one of these ends its sentence.
LINE_ENDS_SENTENCE = re.compile(r"[.!?…»][ \t]*\n\s*")
Sentence = tuple[int, int]
# Punctuation that closes a clause (and a line break: a title without a final mark runs
# into the next line's sentence): a date beyond it governs a figure only when no date
# shares the figure's own clause.
CLAUSE_BREAK = re.compile(r"[,;:()\[\]«»\n]")


def doc_sentences(doc: Doc, text: str) -> list[Sentence]:
    """Sentences as character ranges, also cut where a line ends a sentence.

    From the parse where the pipeline gives sentence starts, else from the same
    regular expression the lean parse uses; parsers often run across line ends.
    """
    if not doc.has_annotation("SENT_START"):
        return text_sentences(text)
    return cut_at_line_ends(text, [(sent.start_char, sent.end_char) for sent in doc.sents])


def text_sentences(text: str) -> list[Sentence]:
    # No cut at line ends: the rules already end a sentence at every line end after a
    # mark (``cut_at_line_ends`` would return these ranges unchanged).
    return sentence_bounds(text)


def cut_at_line_ends(text: str, spans: list[Sentence]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for start, end in spans:
        for line_end in LINE_ENDS_SENTENCE.finditer(text, start, end):
            if line_end.end() < end:
                sentences.append((start, line_end.start() + 1))
                start = line_end.end()
        if start < end:
            sentences.append((start, end))
    return sentences


def sentence_index_at(sentences: list[Sentence], offset: int) -> int | None:
    index = bisect.bisect_right(sentences, (offset, math.inf)) - 1
    if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
        return index
    return None


def sentence_of(sentences: list[Sentence], offset: int) -> Sentence | None:
    index = sentence_index_at(sentences, offset)
    return sentences[index] if index is not None else None


def intertitles(text: str) -> Iterator[re.Match[str]]:
    """``INTERTITLE.finditer(text)``, tried only where it can start: at 0 and blank lines."""
    pos = 0
    while pos != -1:
        match = INTERTITLE.match(text, pos)
        if match is None:
            pos = text.find("\n\n", pos + 1)
        else:
            yield match
            pos = text.find("\n\n", match.end())


def paragraph_break_between(text: str, start: int, end: int) -> bool:
    return "\n\n" in text[start:end]


def same_clause(text: str, start: int, end: int) -> bool:
    return CLAUSE_BREAK.search(text, start, end) is None
