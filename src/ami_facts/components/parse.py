"""Parse only the sentences that carry figures, then copy the parse onto the Doc.

In the French pipelines (``fr_core_news_sm``/``md``) the NER has its own
embedding layer, so it runs alone over the whole text; the shared ``tok2vec``
and what reads it (morphologizer, parser, then attribute ruler and lemmatizer)
are needed only where the linker reads the dependency parse: around figures.
This component splits the text into sentences with one regular expression,
cuts the sentences holding a figure's number (plus ``context`` sentences on
each side) out as small Docs, runs the shared components over all of them at
once (one batch per ``nlp.pipe`` batch) and writes POS, tag, morphology,
lemma, head and dependency back onto the article's tokens. Inside a parsed
region the parser decides the sentence boundaries, as in the full pipeline;
elsewhere the regular expression does.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, NORM, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

PARSE_ATTRS = [POS, TAG, MORPH, LEMMA, HEAD, DEP]
# The components that read the shared tok2vec, in pipeline order, and the rules after them.
SHARED_COMPONENTS = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer")
DEFAULT_BATCH_SIZE = 16
# A sentence ends at . ! ? … (or a closing » after one) before a capital, a digit or an
# opening quote; at a line break after such a mark; and at a blank line. A single line
# break elsewhere is a wrapped line (newspaper columns, OCR), not a sentence end.
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?…])[ \t]*»?[ \t]+(?=[«\"(A-ZÀ-ÖØ-Ý0-9])|(?<=[.!?…:»])[ \t]*\n\s*|\n[ \t]*\n\s*"
)
# A full stop after these is an abbreviation, not a sentence end (``M. Dupont``).
ABBREVIATION = re.compile(r"(?:^|[\s(])(?:M|MM|Mme|Mmes|Mlle|Dr|Me|Mgr|St|Ste|av|cf|etc|[A-Z])\.$")

Region = tuple[int, int]
_IS_START = 1
_NOT_START = numpy.uint64(2**64 - 1)  # -1 as spaCy stores it


def _break_offsets(text: str) -> Iterator[int]:
    """Character offsets where a new sentence starts, from ``SENTENCE_BREAK``."""
    for match in SENTENCE_BREAK.finditer(text):
        if "\n" not in match.group() and ABBREVIATION.search(
            text, max(match.start() - 8, 0), match.start()
        ):
            continue
        yield match.end()


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` as character ranges, without a model."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for offset in _break_offsets(text):
        if offset > start:
            bounds.append((start, offset))
            start = offset
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _token_starts(doc: Doc) -> list[int]:
    """Character offset of every token, read as one array (no Token objects)."""
    offsets: Any = doc.to_array([IDX]).ravel()
    return [int(offset) for offset in offsets]


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where a sentence starts, from ``SENTENCE_BREAK`` (0 always is one)."""
    if len(doc) == 0:
        return []
    token_starts = _token_starts(doc)
    starts = [0]
    for offset in _break_offsets(doc.text):
        i = bisect.bisect_left(token_starts, offset)
        if i < len(doc) and i > starts[-1]:
            starts.append(i)
    return starts


def _is_word(text: str) -> bool:
    try:
        lexicons: Any = importlib.import_module("ami_facts.french.lexicons")
    except ImportError:  # without the lexicon, any capitalised name may be a word
        return True
    words = lexicons.load_common_words()
    return bool(words.is_word(text) or words.is_adjective(text))


def ambiguous_entity_tokens(doc: Doc) -> list[int]:
    """First tokens of NER entities that are capitalised French words (``Puis``, ``Suisses``).

    The entity rules ask the part of speech of exactly these to tell a name from a word.
    """
    return [ent.start for ent in doc.ents if ent[0].text[:1].isupper() and _is_word(ent[0].text)]


def figure_regions(doc: Doc, starts: Sequence[int], context: int = 0) -> list[Region]:
    """Token ranges of the sentences holding a figure's number or an ambiguous entity.

    ``context`` sentences on each side of a figure's sentence are added.
    """
    figures: list[dict[str, Any]] = doc._.ami_figures or []
    if not starts:
        return []
    bounds = [*starts, len(doc)]
    token_starts = _token_starts(doc)
    wanted: list[tuple[int, int]] = [
        (max(bisect.bisect_right(token_starts, int(f["number_start"])) - 1, 0), context)
        for f in figures
    ]
    wanted.extend((i, 0) for i in ambiguous_entity_tokens(doc))
    regions: list[Region] = []
    for token_i, around in sorted(wanted):
        s = bisect.bisect_right(starts, token_i) - 1
        region = (bounds[max(s - around, 0)], bounds[min(s + 1 + around, len(starts))])
        if regions and region[0] < regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], region[1]))
        elif not regions or region != regions[-1]:
            regions.append(region)
    return regions


class FigureSentenceParser:
    """Run the shared components over figure sentences only (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, components: Sequence[str], context: int) -> None:
        self.nlp = nlp
        self.name = name
        self.components = list(components)
        self.context = context

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Doc]:
        """Annotate ``batch_size`` Docs at a time, their figure sentences in one batch."""
        iterator = iter(docs)
        while batch := list(islice(iterator, batch_size)):
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        jobs: list[tuple[Doc, list[int], list[Region], list[Doc]]] = []
        subdocs: list[Doc] = []
        for doc in docs:
            starts = sentence_starts(doc)
            regions = figure_regions(doc, starts, self.context)
            parts = [_subdoc(doc, start, end) for start, end in regions]
            jobs.append((doc, starts, regions, parts))
            subdocs.extend(parts)
        if subdocs:
            for name in self.components:
                proc: Any = self.nlp.get_pipe(name)
                subdocs = list(proc.pipe(subdocs, batch_size=len(subdocs)))
        for doc, starts, regions, parts in jobs:
            _copy_back(doc, starts, regions, parts)


def _subdoc(doc: Doc, start: int, end: int) -> Doc:
    span = doc[start:end]
    sub = Doc(
        doc.vocab,
        words=[token.text for token in span],
        spaces=[bool(token.whitespace_) for token in span],
    )
    # Tokenizer exceptions may give a token its own norm; the embeddings read it.
    norms: Any = doc.to_array([NORM])[start:end].reshape(-1, 1)
    sub.from_array([NORM], norms)
    return sub


def _copy_back(doc: Doc, starts: list[int], regions: list[Region], parts: list[Doc]) -> None:
    if len(doc) == 0:
        return
    parsed = numpy.zeros(len(doc), dtype=bool)
    if parts:
        array: Any = numpy.zeros((len(doc), len(PARSE_ATTRS)), dtype="uint64")
        for (start, end), sub in zip(regions, parts, strict=True):
            array[start:end] = sub.to_array(PARSE_ATTRS)
            parsed[start:end] = True
        doc.from_array(PARSE_ATTRS, array)
    # Outside parsed regions the heads say nothing about sentences: use the rule.
    sent_starts: Any = doc.to_array([SENT_START]).astype("uint64")
    rule = numpy.full(len(doc), _NOT_START, dtype="uint64")
    rule[starts] = _IS_START
    sent_starts[~parsed] = rule[~parsed]
    doc.from_array([SENT_START], sent_starts.reshape(-1, 1))


@Language.factory(
    "ami_parse_figures",
    # No context sentences: measured on the gold files, one sentence of context on each
    # side changed no score and parsed 0.81 of the tokens instead of 0.64.
    default_config={"components": list(SHARED_COMPONENTS), "context": 0},
)
def make_figure_sentence_parser(
    nlp: Language, name: str, components: list[str], context: int
) -> FigureSentenceParser:
    """Factory: parse only figure sentences with the (disabled) shared components."""
    return FigureSentenceParser(nlp, name, components, context)


def set_sentence_starts(doc: Doc, starts: Sequence[int]) -> None:
    """Mark ``starts`` as the only sentence starts of ``doc`` (one array write)."""
    if len(doc) == 0:
        return
    array: Any = numpy.full((len(doc), 1), _NOT_START, dtype="uint64")
    array[list(starts)] = _IS_START
    doc.from_array([SENT_START], array)


@Language.component("ami_sentences")
def rule_sentences(doc: Doc) -> Doc:
    """Sentence starts from ``SENTENCE_BREAK``, for an NER that runs without the parser.

    The NER never lets an entity cross a sentence start, and in the full pipeline
    the parser has set them; without them it runs names into the next sentence
    (``Aebersold m. t. 86``).
    """
    set_sentence_starts(doc, sentence_starts(doc))
    return doc
