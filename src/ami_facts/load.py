"""Load articles from files and folders: txt, json, jsonl, with sidecar metadata.

Every input yields either a ``RawArticle`` or an ``ErrorRow``; one bad input
never stops the others.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any, BinaryIO

from ami_facts.boilerplate import find_boilerplate
from ami_facts.errors import InputError as InputError  # importable from here too
from ami_facts.french.stopwords import (
    FRENCH_STOPWORDS,
    MIN_FRENCH_STOPWORD_SHARE,
    MIN_WORDS_FOR_LANGUAGE_CHECK,
)
from ami_facts.newlines import LineEnds
from ami_facts.published import DateNotRead
from ami_facts.published import parse_published as read_published
from ami_facts.records import ErrorRow
from ami_facts.tables import table_ranges

TEXT_SUFFIXES = {".txt"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}
INPUT_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"
# What the files ami-facts does not read are, named in their error rows.
FORMAT_NAMES = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".odt": "OpenDocument text",
    ".rtf": "RTF",
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".epub": "EPUB",
    ".xml": "XML",
    ".csv": "CSV",
    ".tsv": "TSV",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".ods": "OpenDocument spreadsheet",
    ".parquet": "Parquet",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".gif": "image",
    ".webp": "image",
    ".zip": "archive",
    ".gz": "archive",
    ".tar": "archive",
}
READABLE = ".txt, .html, .htm, .json and .jsonl"
METADATA_KEYS = ("id", "published", "title", "url", "author")
DEFAULT_MAX_CHARS = 1_000_000
# A character takes at most 4 bytes in UTF-8/16/32: a text file larger than
# 4 x --max-chars bytes is rejected before it is read.
MAX_BYTES_PER_CHAR = 4
# Markup and JSON escapes make HTML and JSON inputs larger than their text: they
# may be up to this many times --max-chars bytes (a JSONL line likewise).
MAX_MARKUP_BYTES_PER_CHAR = 20
LANGUAGE_SAMPLE_CHARS = 20_000


@dataclass
class RawArticle:
    """An article as read, before NLP: text, metadata and boilerplate ranges."""

    article_id: str
    source: str
    text: str
    title: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None
    encoding: str | None = None
    body_start: int = 0
    body_end: int = 0
    excluded: list[tuple[int, int]] = field(default_factory=list)
    # Tables in the body (``tables.py``): read cell by cell, not as prose.
    tables: list[tuple[int, int]] = field(default_factory=list)
    line: int | None = None
    # The fallback date the run was given (``--published``), used or not.
    published_option: date | None = None

    @property
    def outside_body(self) -> list[tuple[int, int]]:
        """Every range nothing may be extracted from: before, after and inside the body."""
        ranges = [(0, self.body_start)] if self.body_start else []
        ranges.extend(self.excluded)
        if self.body_end < len(self.text):
            ranges.append((self.body_end, len(self.text)))
        return ranges


def stable_id(text: str) -> str:
    """A stable id from the normalised text, so the same article always gets the same id."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def parse_published(value: object) -> date | None:
    """A ``published`` metadata value as a date (ISO, or any form dateparser reads).

    Raises ``InputError`` saying why when it is not a date (``published.parse_published``).
    """
    try:
        return read_published(value)
    except DateNotRead as exc:
        raise InputError(str(exc)) from exc


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


def iter_input_files(
    path: Path, *, skip: Path | None = None, every_file: bool = False
) -> Iterator[Path]:
    """The input files under ``path`` in a stable order (sidecars are not inputs).

    With ``every_file``, the files ami-facts cannot read too (``iter_articles`` makes
    each an error row): every file but hidden ones (``.name``), files under ``skip``
    (the output folder) and metadata sidecars with their article beside them (read
    with it).
    """
    if path.is_file():
        yield path
        return
    skipped = skip.resolve() if skip is not None else None
    for candidate in sorted(path.rglob("*")):
        if (
            candidate.is_file()
            and not candidate.name.startswith(".")
            and (every_file or candidate.suffix.lower() in INPUT_SUFFIXES)
            and not (
                candidate.name.endswith(SIDECAR_SUFFIX)
                and (not every_file or _sidecar_article(candidate))
            )
            and not (skipped is not None and candidate.resolve().is_relative_to(skipped))
        ):
            yield candidate


def _sidecar_article(sidecar: Path) -> Path | None:
    """The article file a ``NAME.meta.json`` gives metadata to, if there is one."""
    stem = sidecar.name.removesuffix(SIDECAR_SUFFIX)
    for suffix in (*TEXT_SUFFIXES, *HTML_SUFFIXES):
        for name in (stem + suffix, stem + suffix.upper()):
            if sidecar.with_name(name).is_file():
                return sidecar.with_name(name)
    return None


def unsupported_format(path: Path) -> str | None:
    """Why ``path`` is not read (its format), or None for a file ami-facts reads."""
    suffix = path.suffix.lower()
    if path.name.endswith(SIDECAR_SUFFIX):
        article = _sidecar_article(path)
        if article is not None:
            return f"a metadata file, read with {article.name} (give that file)"
        return "a metadata file with no article beside it (NAME.txt or NAME.html)"
    if suffix in INPUT_SUFFIXES:
        return None
    if not suffix:
        return "unsupported format (a file without an extension)"
    name = FORMAT_NAMES.get(suffix)
    return f"unsupported format ({name}, {suffix})" if name else f"unsupported format ({suffix})"


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata from ``NAME.meta.json`` beside ``NAME.txt``, or nothing."""
    sidecar = path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"its metadata file {sidecar.name} is not valid JSON ({exc})") from exc
    if not isinstance(meta, dict):
        raise InputError(f"its metadata file {sidecar.name} must hold a JSON object")
    return meta


def build_article(
    text: str,
    meta: dict[str, Any],
    *,
    source: str,
    fallback_published: date | None,
    max_chars: int,
    encoding: str | None = None,
    line: int | None = None,
) -> RawArticle:
    """Validate one article's text and metadata and find its boilerplate."""
    if not isinstance(text, str):
        raise InputError("the article's text must be a string")
    if not text.strip():
        raise InputError("the article is empty (no text)")
    if len(text) > max_chars:
        raise InputError(
            f"the article has {len(text):,} characters, more than --max-chars {max_chars:,}"
        )
    published = parse_published(meta.get("published"))
    published_source = "metadata" if published else None
    check_french(text)
    # Boilerplate is found on the text with ``\n`` line ends, its ranges index ``text``.
    line_ends = LineEnds.of(text)
    boilerplate = find_boilerplate(line_ends.text)
    tables = [
        (start, end)
        for start, end in table_ranges(line_ends.text)
        if boilerplate.body_start <= start and end <= boilerplate.body_end
    ]
    if published is None and boilerplate.byline_published is not None:
        published, published_source = boilerplate.byline_published, "byline"
    if published is None and fallback_published is not None:
        published, published_source = fallback_published, "option"
    given_id = meta.get("id")
    return RawArticle(
        article_id=str(given_id) if given_id not in (None, "") else stable_id(text),
        source=source,
        text=text,
        title=_optional_str(meta.get("title")),
        author=_optional_str(meta.get("author")),
        url=_optional_str(meta.get("url")),
        published=published,
        published_source=published_source,
        encoding=encoding,
        body_start=line_ends.to_original(boilerplate.body_start),
        body_end=line_ends.to_original(boilerplate.body_end),
        excluded=line_ends.ranges_to_original(boilerplate.excluded),
        tables=line_ends.ranges_to_original(tables),
        line=line,
        published_option=fallback_published,
    )


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise InputError(f"metadata values must be text, not {type(value).__name__}")
    return str(value)


def article_from_object(
    obj: object,
    *,
    source: str,
    fallback_published: date | None,
    max_chars: int,
    encoding: str | None = None,
    line: int | None = None,
) -> RawArticle:
    if not isinstance(obj, dict):
        raise InputError("an article must be a JSON object with a 'text' (or 'html') field")
    text = obj.get("text")
    if text is None and obj.get("html") is not None:
        from ami_facts.html import html_to_article

        if not isinstance(obj["html"], str):
            raise InputError("the article's 'html' field must be a string")
        text, html_meta = html_to_article(obj["html"])
        obj = {**html_meta, **{k: v for k, v in obj.items() if v not in (None, "")}}
    if text is None:
        raise InputError("the article object has no 'text' (or 'html') field")
    return build_article(
        text,
        obj,
        source=source,
        fallback_published=fallback_published,
        max_chars=max_chars,
        encoding=encoding,
        line=line,
    )


def iter_articles(
    path: Path,
    *,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    skip: Path | None = None,
) -> Iterator[RawArticle | ErrorRow]:
    """Every article (or error) under ``path``, files in sorted order, lines in order.

    A file of a format ami-facts does not read (PDF, Word, Markdown...) is an error
    row naming its format; ``skip``: a folder left out (the output folder).
    """
    for file in iter_input_files(path, skip=skip, every_file=True):
        why = unsupported_format(file)
        # A file given by name without an extension is read as text.
        if why is not None and not (file == path and not file.suffix):
            message = f"{file.name}: {why}; ami-facts reads {READABLE} files."
            yield ErrorRow(source=str(file), error=message)
            continue
        yield from _iter_file(file, published=published, max_chars=max_chars)


def _check_size(path: Path, suffix: str, max_chars: int) -> None:
    """Reject a file too large to hold an article of at most ``max_chars`` characters."""
    per_char = MAX_BYTES_PER_CHAR if suffix in TEXT_SUFFIXES else MAX_MARKUP_BYTES_PER_CHAR
    size = path.stat().st_size
    if size > per_char * max_chars:
        raise InputError(
            f"the file is {size:,} bytes, too large for an article of at most "
            f"--max-chars {max_chars:,} characters"
        )


def _iter_file(
    path: Path, *, published: date | None, max_chars: int
) -> Iterator[RawArticle | ErrorRow]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _iter_jsonl(path, published=published, max_chars=max_chars)
        return
    try:
        _check_size(path, suffix, max_chars)
        data = path.read_bytes()
        if not data.strip():
            raise InputError("the file is empty (no text)")
        text, encoding = decode_bytes(data)
        del data
        if suffix in JSON_SUFFIXES:
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"the file is not valid JSON ({exc})") from exc
            yield article_from_object(
                obj,
                source=source,
                fallback_published=published,
                max_chars=max_chars,
                encoding=encoding,
            )
            return
        meta = read_sidecar(path)
        if suffix in HTML_SUFFIXES:
            from ami_facts.html import html_to_article

            text, html_meta = html_to_article(text)
            meta = {**html_meta, **{k: v for k, v in meta.items() if v not in (None, "")}}
        yield build_article(
            text,
            meta,
            source=source,
            fallback_published=published,
            max_chars=max_chars,
            encoding=encoding,
        )
    except InputError as exc:
        yield ErrorRow(source=source, error=f"{path.name}: {_sentence(str(exc))}")
    except OSError as exc:
        yield ErrorRow(source=source, error=f"{path.name}: cannot be read ({exc.strerror}).")


def _sentence(message: str) -> str:
    return message if message.endswith((".", "?", "!")) else message + "."


def _read_line(handle: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """One line of at most ``limit`` bytes; a longer line is skipped and flagged."""
    line = handle.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, False
    while line and not line.endswith(b"\n"):
        line = handle.readline(1 << 20)
    return b"", True


def _iter_jsonl(
    path: Path, *, published: date | None, max_chars: int
) -> Iterator[RawArticle | ErrorRow]:
    """One article per line, read line by line (a file of any length is streamed)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ErrorRow(source=str(path), error=f"{path.name}: cannot be read ({exc.strerror}).")
        return
    with handle:
        yield from iter_jsonl_lines(
            handle, source=str(path), name=path.name, published=published, max_chars=max_chars
        )


def iter_jsonl_lines(
    handle: BinaryIO,
    *,
    source: str,
    name: str,
    published: date | None,
    max_chars: int,
    first_line: int = 1,
    end: int | None = None,
) -> Iterator[RawArticle | ErrorRow]:
    """One article (or error) per non-empty line of ``handle``, streamed.

    ``source`` is the ``source`` of the rows (``SOURCE:LINE`` for articles),
    ``name`` what the error sentences start with. Lines are numbered from
    ``first_line``; with ``end``, reading stops at the first line that starts
    after byte ``end`` of ``handle`` (a range of a larger file: each line belongs
    to the range its first byte falls in, as ``fsspec.utils.read_block`` splits).
    """
    limit = MAX_MARKUP_BYTES_PER_CHAR * max_chars
    number = first_line - 1
    while end is None or handle.tell() <= end:
        raw, too_long = _read_line(handle, limit)
        if not raw and not too_long:
            break
        number += 1
        where = f"{name} line {number}"
        if too_long:
            yield ErrorRow(
                source=source,
                line=number,
                error=f"{where}: the line is longer than {limit:,} bytes, too large for "
                f"an article of at most --max-chars {max_chars:,} characters.",
            )
            continue
        if not raw.strip():
            continue
        try:
            line_text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            try:
                obj = json.loads(line_text)
            except json.JSONDecodeError as exc:
                reason = exc.msg.removesuffix(" at")
                raise InputError(
                    f"the line is not valid JSON ({reason}, column {exc.colno})"
                ) from exc
            yield article_from_object(
                obj,
                source=f"{source}:{number}",
                fallback_published=published,
                max_chars=max_chars,
                encoding="utf-8",
                line=number,
            )
        except UnicodeDecodeError:
            yield ErrorRow(
                source=source,
                line=number,
                error=f"{where}: the line is not UTF-8 text (JSON Lines must be UTF-8).",
            )
        except InputError as exc:
            yield ErrorRow(source=source, line=number, error=f"{where}: {_sentence(str(exc))}")


STDIN_SOURCE = "<stdin>"
STREAM_FORMATS = ("text", "html", "json", "jsonl")


def iter_stream(
    handle: BinaryIO,
    *,
    input_format: str = "text",
    source: str = STDIN_SOURCE,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[RawArticle | ErrorRow]:
    """The article(s) of a byte stream such as standard input.

    ``input_format``: ``text`` (one article, decoded as a ``.txt`` file is),
    ``html`` (one page), ``json`` (one article object) or ``jsonl`` (one
    article object a line, streamed).
    """
    if input_format not in STREAM_FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(STREAM_FORMATS)}")
    if input_format == "jsonl":
        yield from iter_jsonl_lines(
            handle, source=source, name=source, published=published, max_chars=max_chars
        )
        return
    per_char = MAX_BYTES_PER_CHAR if input_format == "text" else MAX_MARKUP_BYTES_PER_CHAR
    try:
        data = handle.read(per_char * max_chars + 1)
        if len(data) > per_char * max_chars:
            raise InputError(
                f"the input is more than {per_char * max_chars:,} bytes, too large for an "
                f"article of at most --max-chars {max_chars:,} characters"
            )
        if not data.strip():
            raise InputError("the input is empty (no text)")
        text, encoding = decode_bytes(data)
        del data
        if input_format == "json":
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"the input is not valid JSON ({exc})") from exc
            yield article_from_object(
                obj,
                source=source,
                fallback_published=published,
                max_chars=max_chars,
                encoding=encoding,
            )
            return
        meta: dict[str, Any] = {}
        if input_format == "html":
            from ami_facts.html import html_to_article

            text, meta = html_to_article(text)
        yield build_article(
            text,
            meta,
            source=source,
            fallback_published=published,
            max_chars=max_chars,
            encoding=encoding,
        )
    except InputError as exc:
        yield ErrorRow(source=source, error=f"{source}: {_sentence(str(exc))}")
    except OSError as exc:
        yield ErrorRow(source=source, error=f"{source}: cannot be read ({exc.strerror}).")


@dataclass
class Selection:
    """What ``select_new`` let through and what it skipped."""

    new: int = 0
    known: int = 0
    duplicates: int = 0
    # New ones whose earlier rows were made otherwise (another model, version or date).
    redone: int = 0


def select_new(
    items: Iterable[RawArticle | ErrorRow],
    known_ids: set[str],
    selection: Selection | None = None,
    stale_ids: set[str] | frozenset[str] = frozenset(),
) -> Iterator[RawArticle | ErrorRow]:
    """Skip articles already in the output (``known_ids``); repeated ids become errors.

    Articles in ``stale_ids`` (in the output, made otherwise) go through and are
    counted in ``selection.redone``.

    An article whose id was already seen earlier in the same run (the same text
    saved twice, or the same ``id`` given twice) is not processed again: it
    becomes an error row naming the first source, so nothing is silently lost.
    """
    counts = selection if selection is not None else Selection()
    first_source: dict[str, str] = {}
    for item in items:
        if isinstance(item, ErrorRow):
            yield item
            continue
        if item.article_id in first_source:
            counts.duplicates += 1
            yield ErrorRow(
                source=item.source.rsplit(":", 1)[0] if item.line else item.source,
                line=item.line,
                article_id=item.article_id,
                error=(
                    f"{Path(item.source).name}: same article id {item.article_id!r} as "
                    f"{first_source[item.article_id]} earlier in this run; skipped."
                ),
            )
            continue
        first_source[item.article_id] = item.source
        if item.article_id in known_ids:
            counts.known += 1
            continue
        counts.new += 1
        if item.article_id in stale_ids:
            counts.redone += 1
        yield item
