"""Load articles from files and folders: txt, json, jsonl, with sidecar metadata.

Every input yields either a ``RawArticle`` or an ``ErrorRow``; one bad input
never stops the others.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ami_facts.boilerplate import find_boilerplate
from ami_facts.records import ErrorRow

TEXT_SUFFIXES = {".txt"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}
INPUT_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"
METADATA_KEYS = ("id", "published", "title", "url", "author")
DEFAULT_MAX_CHARS = 1_000_000


class InputError(ValueError):
    """An input that cannot become an article; the message is shown to the user."""


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
    line: int | None = None

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
    """Read an ISO date or datetime (``2021-04-13``, ``2021-04-13T10:00:00Z``)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"published must be an ISO date string, not {type(value).__name__}")
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise InputError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise InputError("the file looks binary (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def iter_input_files(path: Path) -> Iterator[Path]:
    """The input files under ``path`` in a stable order (sidecars are not inputs)."""
    if path.is_file():
        yield path
        return
    for candidate in sorted(path.rglob("*")):
        if (
            candidate.is_file()
            and candidate.suffix.lower() in INPUT_SUFFIXES
            and not candidate.name.endswith(SIDECAR_SUFFIX)
            and not candidate.name.startswith(".")
        ):
            yield candidate


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
    boilerplate = find_boilerplate(text)
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
        body_start=boilerplate.body_start,
        body_end=boilerplate.body_end,
        excluded=boilerplate.excluded,
        line=line,
    )


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _article_from_object(
    obj: object,
    *,
    source: str,
    fallback_published: date | None,
    max_chars: int,
    line: int | None = None,
) -> RawArticle:
    if not isinstance(obj, dict):
        raise InputError("an article must be a JSON object with a 'text' field")
    text = obj.get("text")
    if text is None and "html" in obj:
        from ami_facts.html import html_to_article

        text, html_meta = html_to_article(str(obj["html"]))
        obj = {**html_meta, **{k: v for k, v in obj.items() if v not in (None, "")}}
    if text is None:
        raise InputError("the article object has no 'text' (or 'html') field")
    return build_article(
        text,
        obj,
        source=source,
        fallback_published=fallback_published,
        max_chars=max_chars,
        line=line,
    )


def iter_articles(
    path: Path,
    *,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[RawArticle | ErrorRow]:
    """Every article (or error) under ``path``, files in sorted order, lines in order."""
    for file in iter_input_files(path):
        yield from _iter_file(file, published=published, max_chars=max_chars)


def _iter_file(
    path: Path, *, published: date | None, max_chars: int
) -> Iterator[RawArticle | ErrorRow]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _iter_jsonl(path, published=published, max_chars=max_chars)
        return
    try:
        data = path.read_bytes()
        text, encoding = decode_bytes(data)
        if suffix in JSON_SUFFIXES:
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"the file is not valid JSON ({exc})") from exc
            yield _article_from_object(
                obj, source=source, fallback_published=published, max_chars=max_chars
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
        yield ErrorRow(source=source, error=f"{path.name}: {exc}")
    except OSError as exc:
        yield ErrorRow(source=source, error=f"{path.name}: cannot be read ({exc.strerror}).")


def _iter_jsonl(
    path: Path, *, published: date | None, max_chars: int
) -> Iterator[RawArticle | ErrorRow]:
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ErrorRow(source=source, error=f"{path.name}: cannot be read ({exc.strerror}).")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line_text = raw.decode("utf-8-sig")
                try:
                    obj = json.loads(line_text)
                except json.JSONDecodeError as exc:
                    raise InputError(f"the line is not valid JSON ({exc.msg})") from exc
                yield _article_from_object(
                    obj,
                    source=f"{source}:{number}",
                    fallback_published=published,
                    max_chars=max_chars,
                    line=number,
                )
            except UnicodeDecodeError:
                yield ErrorRow(
                    source=source, line=number, error=f"{path.name} line {number}: not UTF-8."
                )
            except InputError as exc:
                yield ErrorRow(
                    source=source, line=number, error=f"{path.name} line {number}: {exc}"
                )
