"""What the layers ask of a token or a string: its case, whether it opens a line or a
sentence, its accent-free lower-case form (same length), spaCy's stop words.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from ami_facts.french.lexicons import load_common_words, strip_accents

_SENTENCE_END = frozenset({".", "!", "?", ":", "…", ";", "»", "«", "-", "–", "—"})

_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's French stop words, imported on first use: importing ``spacy.lang.fr``
    compiles its tokenizer exceptions (about 2.4 s), which ``--fast`` never needs."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@cache
def _fold_char(c: str) -> str:
    folded = (strip_accents(c) or c).lower()
    return folded if len(folded) == 1 else c


def _fold(text: str) -> str:
    """Lower-case, accent-free, same length as ``text`` (``Zoé`` -> ``zoe``)."""
    return "".join(map(_fold_char, text))


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _same_line(doc: Doc, left: Token, right: Token) -> bool:
    """True when nothing but spaces separates two tokens (no newline, no gap)."""
    if right.i <= left.i:
        return False
    between = left.whitespace_ + doc[left.i + 1 : right.i].text_with_ws
    return "\n" not in between and between.strip() == ""


def _line_or_sentence_initial(doc: Doc, i: int) -> bool:
    """From the text alone: the lean pipeline parses only some sentences, so
    ``Token.is_sent_start`` is unreliable elsewhere (``start-up française Mistral``)."""
    if i == 0:
        return True
    prev = doc[i - 1]
    if "\n" in prev.whitespace_ or "\n" in prev.text or prev.is_space:
        return True
    return prev.text in _SENTENCE_END


def _is_capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _is_acronym(text: str) -> bool:
    """``ETA``, ``G20``, ``CGT``."""
    return bool(_ACRONYM.fullmatch(text))


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _final_stop(text: str) -> bool:
    """``Y.`` at a sentence end: the tokenizer kept the full stop with the word."""
    return len(text) >= 2 and text[-1] == "." and text[-2].isalnum()


def _tok_end(tok: Token) -> int:
    """End offset of a model token, without a full stop glued to it."""
    return tok.idx + len(tok.text) - _final_stop(tok.text)


def _is_adjective_token(tok: Token) -> bool:
    # (a word in lower case tagged a proper noun is the tagger's slip: the word list
    # tells, as without a tagger: ``Le fabricant vendéen Arcade Cycles``)
    if tok.pos_ and not (tok.pos_ == "PROPN" and tok.text[:1].islower()):
        return tok.pos_ == "ADJ"
    return load_common_words().is_adjective(tok.text)
