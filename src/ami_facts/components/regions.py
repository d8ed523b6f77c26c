"""Cut token ranges out of a Doc as small Docs, for a model run over part of a text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

Region = tuple[int, int]


def region_docs(doc: Doc, regions: Sequence[Region], attrs: Sequence[int]) -> list[Doc]:
    """Each region of ``doc`` as its own Doc, with ``attrs`` copied from ``doc``.

    Copy ``NORM`` at least: tokenizer exceptions give some tokens their own norm
    (``M.``), and the embeddings read it.
    """
    if not regions:
        return []
    words = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    values: Any = doc.to_array(list(attrs))
    parts = []
    for start, end in regions:
        part = Doc(doc.vocab, words=words[start:end], spaces=spaces[start:end])
        part.from_array(list(attrs), values[start:end])
        parts.append(part)
    return parts
