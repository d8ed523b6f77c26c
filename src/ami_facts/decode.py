"""Bytes to text: encodings, files that are not text, and texts that are not French.

``decode_bytes`` reads byte order marks, UTF-8, UTF-16/32 without BOM and the
single-byte French encodings (charset-normalizer chooses among those); ``check_french``
turns down a text long enough to tell and clearly not French. Both raise
``InputError`` with a sentence saying why.
"""

from __future__ import annotations

import codecs
import re
from fractions import Fraction

from ami_facts.errors import InputError
from ami_facts.french.stopwords import (
    FRENCH_STOPWORDS,
    MIN_FRENCH_STOPWORD_SHARE,
    MIN_WORDS_FOR_LANGUAGE_CHECK,
)

LANGUAGE_SAMPLE_CHARS = 20_000
# Byte order marks, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
# Encodings tried, with charset-normalizer, for text that is not UTF-8: the
# single-byte encodings of French text (Windows, ISO 8859-15, ISO 8859-1).
SINGLE_BYTE_ENCODINGS = ["cp1252", "iso8859_15", "latin_1"]
WIDE_ENCODINGS = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
# More control characters than this share of the text means the file is not text.
MAX_CONTROL_SHARE = 0.01
# Control characters (Unicode category Cc) other than tab, line feed, vertical tab,
# form feed and carriage return, and the replacement character of a failed decode.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _looks_binary(text: str) -> bool:
    sample = text[:100_000]
    if not sample:
        return False
    # One regex pass instead of a Python loop over every character.
    controls = len(_CONTROL_CHARS.findall(sample))
    return controls > MAX_CONTROL_SHARE * len(sample)


def _detect(data: bytes, encodings: list[str]) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=encodings).best()
    if best is None:
        return None
    return str(best), str(best.encoding)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes; return the text and the name of the encoding used.

    Byte order marks first (UTF-8, UTF-16, UTF-32), then UTF-8 without BOM, then
    UTF-16/32 without BOM for data with NUL bytes, then the single-byte French
    encodings (cp1252, ISO 8859-15, latin-1) chosen by charset-normalizer.
    Raises ``InputError`` for data that is not text.
    """
    decoded: tuple[str, str] | None = None
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                decoded = data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"the file starts like {name} text but is not ({exc.reason})"
                ) from exc
            break
    if decoded is None and b"\x00" in data[:4096]:
        decoded = _detect(data, WIDE_ENCODINGS)
        if decoded is None:
            raise InputError("the file looks binary (it contains NUL bytes), not text")
    if decoded is None:
        try:
            decoded = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            decoded = _detect(data, SINGLE_BYTE_ENCODINGS)
    if decoded is None:
        try:
            decoded = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            decoded = data.decode("latin_1"), "latin_1"
    text, encoding = decoded
    if _looks_binary(text):
        raise InputError("the file looks binary (it is full of control characters), not text")
    return text, encoding


_WORD = re.compile(r"[^\W\d_]+")


def french_share(text: str) -> tuple[int, float]:
    """Number of words in (the start of) ``text`` and the share of French function words."""
    words = _WORD.findall(text[:LANGUAGE_SAMPLE_CHARS].lower())
    if not words:
        return 0, 0.0
    return len(words), sum(map(FRENCH_STOPWORDS.__contains__, words)) / len(words)


def _passes_on_its_start(sample: str) -> bool:
    """Whether the words of the first two thirds of ``sample`` (lowercased) are French
    enough for the share to pass whatever the rest holds.

    Past a space, the rest has at most one word per two characters: the share is at
    least the function words found over the words found plus that many (compared as
    fractions, exactly). Two thirds suffice for prose with a quarter of function words.
    """
    cut = sample.find(" ", len(sample) * 2 // 3)
    if cut == -1:
        return False
    words = _WORD.findall(sample, 0, cut)
    at_most = len(words) + (len(sample) - cut) // 2
    french = sum(map(FRENCH_STOPWORDS.__contains__, words))
    return at_most > 0 and Fraction(french, at_most) >= Fraction(MIN_FRENCH_STOPWORD_SHARE)


def check_french(text: str) -> None:
    """Raise ``InputError`` for text long enough to tell and clearly not French.

    The check is cheap and general: among the words of the first
    ``LANGUAGE_SAMPLE_CHARS`` characters, the share of frequent French function
    words (``french/stopwords.py``) must reach ``MIN_FRENCH_STOPWORD_SHARE``.
    Texts under ``MIN_WORDS_FOR_LANGUAGE_CHECK`` words are accepted.
    """
    # French prose passes on the start of its sample: the rest need not be read.
    if _passes_on_its_start(text[:LANGUAGE_SAMPLE_CHARS].lower()):
        return
    n_words, share = french_share(text)
    if n_words >= MIN_WORDS_FOR_LANGUAGE_CHECK and share < MIN_FRENCH_STOPWORD_SHARE:
        raise InputError(
            f"the text does not look French (only {share:.0%} of its words are common "
            f"French words such as 'le', 'et', 'des'; French prose has over "
            f"{MIN_FRENCH_STOPWORD_SHARE:.0%})"
        )
