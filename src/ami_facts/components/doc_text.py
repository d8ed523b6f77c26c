"""The text of a Doc, kept from when it was made.

``Doc.text`` joins every token's text again on each call (a Python object per
token); every stage reads the whole text, so the pipeline keeps it once.
"""

from __future__ import annotations

from spacy.tokens import Doc

if not Doc.has_extension("ami_text"):
    Doc.set_extension("ami_text", default=None)


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text`` (what ``doc`` was tokenised from) for ``text_of``."""
    doc._.ami_text = text


def text_of(doc: Doc) -> str:
    """``doc.text``, without joining the tokens again when it was remembered."""
    text: str | None = doc._.ami_text
    return text if text is not None else doc.text
