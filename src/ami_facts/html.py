"""HTML pages to article text and metadata, with trafilatura (no network access).

The main text is what trafilatura keeps of the page (paragraphs, headings, list
items), one block per line; navigation, menus, related links and comments are
left out by trafilatura itself. That text becomes ``articles.text`` and every
offset indexes it. Metadata (title, author, publication date via htmldate, URL)
comes from the page's head and markup.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ami_facts.errors import InputError

# Extraction settings: precision first (less boilerplate); a page where the
# precise pass keeps nothing is retried with the default balance before failing.
_COMMON_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
    "date_extraction_params": {"original_date": True, "extensive_search": True},
}
# A page is an article only if at least one block of its main text is a
# paragraph of this many words (menus and link lists are made of short lines).
MIN_PARAGRAPH_WORDS = 8
# Metadata keys taken from trafilatura, under the names of our article object.
_META_KEYS = {"title": "title", "author": "author", "date": "published", "url": "url"}

log = logging.getLogger(__name__)
# trafilatura and its helpers log every page they find odd.
LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


@contextmanager
def quiet_logs(level: int = logging.ERROR) -> Iterator[None]:
    """trafilatura and its helpers log only from ``level`` up inside the block.

    Their levels are set back after it, so a caller's own logging set-up is left
    as it was.
    """
    loggers = [logging.getLogger(name) for name in LIBRARY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for logger, previous in zip(loggers, levels, strict=True):
            logger.setLevel(previous)


def _extract(html: str, *, favor_precision: bool) -> dict[str, Any] | None:
    import trafilatura

    try:
        with quiet_logs():
            document = trafilatura.bare_extraction(
                html, favor_precision=favor_precision, **_COMMON_OPTIONS
            )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        log.debug("trafilatura failed", exc_info=exc)
        return None
    if document is None:
        return None
    as_dict = document if isinstance(document, dict) else document.as_dict()
    return dict(as_dict)


def _clean_text(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def html_to_article(html: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata (title, author, published, url) of an HTML page.

    Raises ``InputError`` when the page holds no article text.
    """
    if not html.strip():
        raise InputError("the HTML page is empty")
    extracted = _extract(html, favor_precision=True)
    if extracted is None or not str(extracted.get("text") or "").strip():
        extracted = _extract(html, favor_precision=False)
    text = _clean_text(str((extracted or {}).get("text") or ""))
    if not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in text.splitlines()):
        raise InputError(
            "no article text was found in the HTML page (it may be a menu, "
            "a list of links or a page that needs JavaScript)"
        )
    meta: dict[str, Any] = {}
    for key, name in _META_KEYS.items():
        value = (extracted or {}).get(key)
        if isinstance(value, str) and value.strip():
            meta[name] = value.strip()
    return text + "\n", meta
