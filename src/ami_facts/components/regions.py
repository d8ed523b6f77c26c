"""Cut token ranges out of a Doc as small Docs, for a model run over part of a text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc

from ami_facts.components.doc_text import text_of

Region = tuple[int, int]
DEFAULT_BATCH_SIZE = 16


class BatchComponent:
    """A pipeline component that annotates a batch of Docs at once: the parts it cuts
    out of all of them go to the model in one call."""

    def __call__(self, doc: Doc) -> Doc:
        self.annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Doc]:
        """Annotate ``batch_size`` Docs at a time."""
        iterator = iter(docs)
        while batch := list(islice(iterator, batch_size)):
            self.annotate(batch)
            yield from batch

    def annotate(self, docs: list[Doc]) -> None:
        raise NotImplementedError


def region_docs(doc: Doc, regions: Sequence[Region], attrs: Sequence[int]) -> list[Doc]:
    """Each region of ``doc`` as its own Doc, with ``attrs`` copied from ``doc``.

    Copy ``NORM`` at least: tokenizer exceptions give some tokens their own norm
    (``M.``), and the embeddings read it.
    """
    if not regions:
        return []
    # Words from offsets into the text: creating a Token object per word costs more.
    text = text_of(doc)
    layout: Any = doc.to_array([IDX, LENGTH, SPACY])
    values: Any = doc.to_array(list(attrs))
    parts = []
    for start, end in regions:
        offsets = layout[start:end].tolist()
        part = Doc(
            doc.vocab,
            words=[text[idx : idx + length] for idx, length, _ in offsets],
            spaces=[bool(space) for _, _, space in offsets],
        )
        part.from_array(list(attrs), values[start:end])
        parts.append(part)
    return parts
