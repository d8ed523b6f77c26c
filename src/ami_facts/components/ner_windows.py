"""Run the statistical NER only around the words that can be part of a name.

A French name holds a capital letter (``Renault``, ``SNCF``, ``iPhone``) that
is not a capitalised function word (``Le``, ``Il``, ``Depuis``). The NER's
decision on a token reads a few tokens on each side only: its embedding layer
sees 4 tokens each way (window 1, depth 4) and its transition state looks a
token or two ahead. So running it over ``window`` tokens around every such
word, with the article's sentence starts, finds the names it finds over the
whole text, while news text has long stretches with no capital at all (the
throughput benchmark measures the saving; ``tests/test_scale.py`` checks
the entities agree).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IS_STOP, LOWER, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ami_facts.components.regions import BatchComponent, Region, region_docs

DEFAULT_WINDOW = 6


def name_candidates(doc: Doc) -> Any:
    """Boolean mask of the tokens that hold a capital and are no stop word."""
    array: Any = doc.to_array([ORTH, LOWER, IS_STOP])
    return (array[:, 0] != array[:, 1]) & (array[:, 2] == 0)


def candidate_regions(doc: Doc, window: int) -> list[Region]:
    """Token ranges within ``window`` tokens of a name candidate, merged."""
    if len(doc) == 0:
        return []
    mask = name_candidates(doc)
    if not mask.any():
        return []
    near = numpy.convolve(mask.astype(numpy.int32), numpy.ones(2 * window + 1), mode="same") > 0
    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], near.astype(numpy.int8), [0]))))
    return [(int(start), int(end)) for start, end in zip(edges[::2], edges[1::2], strict=True)]


class WindowedNER(BatchComponent):
    """Run the pipeline's (disabled) ``ner`` over the candidate regions of each Doc."""

    def __init__(self, nlp: Language, name: str, window: int) -> None:
        self.nlp = nlp
        self.name = name
        self.window = window

    def annotate(self, docs: list[Doc]) -> None:
        jobs: list[tuple[Doc, list[Region], list[Doc]]] = []
        parts: list[Doc] = []
        for doc in docs:
            regions = candidate_regions(doc, self.window)
            # Sentence starts keep names from running across sentences, as over the whole text.
            doc_parts = region_docs(doc, regions, [NORM, SENT_START])
            jobs.append((doc, regions, doc_parts))
            parts.extend(doc_parts)
        if parts:
            ner: Any = self.nlp.get_pipe("ner")
            parts = list(ner.pipe(parts, batch_size=len(parts)))
        for doc, regions, doc_parts in jobs:
            spans = [
                Span(doc, start + ent.start, start + ent.end, label=ent.label)
                for (start, _), part in zip(regions, doc_parts, strict=True)
                for ent in part.ents
            ]
            doc.set_ents(spans, default="outside")


@Language.factory("ami_ner_windows", default_config={"window": DEFAULT_WINDOW})
def make_windowed_ner(nlp: Language, name: str, window: int) -> WindowedNER:
    return WindowedNER(nlp, name, window)
