"""HTML pages to article text and metadata."""

from __future__ import annotations

from typing import Any


def html_to_article(html: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata (title, author, published, url) of an HTML page."""
    from ami_facts.load import InputError

    raise InputError("HTML input is not supported yet")
