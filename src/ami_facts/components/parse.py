"""Parse only the sentences that carry figures, then copy the parse onto the Doc.

In the French pipelines (``fr_core_news_sm``/``md``) the NER has its own
embedding layer, so it runs without the shared ``tok2vec`` and what reads it
(morphologizer, parser, then attribute ruler and lemmatizer). Those are needed
only where the linker reads the dependency parse, around figures, and where the
entity rules ask the part of speech of a capitalised word. This component splits
the text into sentences with one regular expression, cuts out as small Docs the
sentences holding a figure's number (plus ``context`` sentences on each side)
and, outside them, each ambiguous name with the ``TAG_REACH`` tokens the tagger
reads around it; it runs the shared components over all of them at once (one
batch per ``nlp.pipe`` batch), the parser over the figure sentences only, and
writes POS, tag, morphology, lemma, head and dependency back onto the article's
tokens. Inside a parsed sentence the parser decides the sentence boundaries, as
in the full pipeline; elsewhere the regular expression does.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, NORM, POS, SENT_START, TAG
from spacy.language import Language
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc

from ami_facts.components.doc_text import text_of
from ami_facts.components.regions import BatchComponent, Region, region_docs

PARSE_ATTRS = [POS, TAG, MORPH, LEMMA, HEAD, DEP]
# The components that read the shared tok2vec, in pipeline order, and the rules after them.
SHARED_COMPONENTS = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer")
# What gives a part of speech (the parser and lemmatizer add what only the linker reads).
TAGGING_COMPONENTS = ("tok2vec", "morphologizer")
# What the figure parse runs. Not the attribute ruler: in the French pipelines it copies
# each part of speech into the tag and marks whitespace tokens, and nothing here reads
# either (the same rows with and without it, on the gold files and on the 200 articles of
# the benchmark corpus).
PARSE_COMPONENTS = tuple(name for name in SHARED_COMPONENTS if name != "attribute_ruler")
# How many tokens on each side the tagger reads: tok2vec window 1 x depth 4.
TAG_REACH = 4
# A sentence ends at . ! ? … (or a closing » after one) before a capital, a digit or an
# opening quote; at a line break after such a mark; and at a blank line. A single line
# break elsewhere is a wrapped line (newspaper columns, OCR), not a sentence end.
_AFTER_MARK = r"(?<=[.!?…])[ \t]*»?[ \t]+(?=[«\"(A-ZÀ-ÖØ-Ý0-9])"
# (A line that closes with a pipe is a table row: it ends its sentence too.)
_LINE_END = r"(?<=[.!?…:»|])[ \t]*\n\s*"
_BLANK_LINE_REST = r"[ \t]*\n\s*"
SENTENCE_BREAK = re.compile(rf"{_AFTER_MARK}|{_LINE_END}|\n{_BLANK_LINE_REST}")
# The same breaks, found three times faster. ``SENTENCE_BREAK`` opens with lookbehinds,
# so ``re`` tries it at every character. Every break comes right after one of ``.!?…:»|``
# or opens with a line break: a pattern that first takes that character lets ``re`` jump
# from one such character to the next. Group ``mark`` is a break on one line after a mark.
_BREAK_SCAN = re.compile(
    rf"[.!?…:»|\n](?:(?P<mark>{_AFTER_MARK})|{_LINE_END}|(?<=\n){_BLANK_LINE_REST})"
)
# A full stop after these is an abbreviation, not a sentence end (``M. Dupont``).
ABBREVIATION = re.compile(r"(?:^|[\s(])(?:M|MM|Mme|Mmes|Mlle|Dr|Me|Mgr|St|Ste|av|cf|etc|[A-Z])\.$")

_IS_START = 1
_NOT_START = numpy.uint64(2**64 - 1)  # -1 as spaCy stores it


def _break_offsets(text: str) -> Iterator[int]:
    """Character offsets where a new sentence starts, from ``SENTENCE_BREAK``."""
    for match in _BREAK_SCAN.finditer(text):
        # A break on one line after a full stop: not after an abbreviation.
        if match.lastgroup == "mark":
            start = match.start("mark")
            if ABBREVIATION.search(text, max(start - 8, 0), start):
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


def _token_starts(doc: Doc) -> Any:
    """Character offset of every token, as one array (no Token objects)."""
    return doc.to_array([IDX]).ravel()


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where a sentence starts, from ``SENTENCE_BREAK`` (0 always is one)."""
    if len(doc) == 0:
        return []
    token_starts = _token_starts(doc)
    starts = [0]
    for offset in _break_offsets(text_of(doc)):
        i = int(numpy.searchsorted(token_starts, offset))
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


def ambiguous_entities(doc: Doc) -> list[Region]:
    """NER entities whose first word is a capitalised French word (``Puis``, ``Suisses``).

    The entity rules ask the part of speech of their words to tell a name from a word.
    """
    return [
        (ent.start, ent.end)
        for ent in doc.ents
        if ent[0].text[:1].isupper() and _is_word(ent[0].text)
    ]


def _merge(regions: Iterable[Region]) -> list[Region]:
    merged: list[Region] = []
    for start, end in sorted(regions):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def figure_regions(doc: Doc, starts: Sequence[int], context: int = 0) -> list[Region]:
    """Token ranges of the sentences holding a figure's number.

    ``context`` sentences on each side of a figure's sentence are added.
    """
    figures: list[dict[str, Any]] = doc._.ami_figures or []
    if not starts or not figures:
        return []
    bounds = [*starts, len(doc)]
    token_starts = _token_starts(doc)
    numbers = [int(f["number_start"]) for f in figures]
    tokens = numpy.searchsorted(token_starts, numbers, side="right") - 1
    regions = []
    for token_i in tokens:
        s = bisect.bisect_right(starts, max(int(token_i), 0)) - 1
        regions.append((bounds[max(s - context, 0)], bounds[min(s + 1 + context, len(starts))]))
    return _merge(regions)


def tense_regions(doc: Doc, starts: Sequence[int]) -> list[Region]:
    """Token ranges of the sentences holding a date whose reading asked for the tense of
    the verb (a weekday, ``ce week-end``, a day without a year): the morphologizer gives
    it (``components/dates/tense.py``)."""
    dates: list[dict[str, Any]] = doc._.ami_dates or []
    asked = [int(hit["start"]) for hit in dates if "tense" in hit["extra"]]
    if not starts or not asked:
        return []
    bounds = [*starts, len(doc)]
    tokens = numpy.searchsorted(_token_starts(doc), asked, side="right") - 1
    regions = []
    for token_i in tokens:
        s = bisect.bisect_right(starts, max(int(token_i), 0)) - 1
        regions.append((bounds[s], bounds[s + 1]))
    return _merge(regions)


def tag_regions(doc: Doc, starts: Sequence[int], parsed: Sequence[Region]) -> list[Region]:
    """Token ranges to tag (not parse) around ambiguous entities outside ``parsed``.

    The tagger reads ``TAG_REACH`` tokens on each side of a word, so each entity
    with that many tokens around it, within its sentence, gets the tags a parse
    of the whole sentence gives.
    """
    bounds = [*starts, len(doc)]
    regions = []
    for start, end in ambiguous_entities(doc):
        if any(lo <= start and end <= hi for lo, hi in parsed):
            continue
        s = bisect.bisect_right(starts, start) - 1
        sentence_start, sentence_end = bounds[max(s, 0)], bounds[min(s + 1, len(starts))]
        regions.append((max(start - TAG_REACH, sentence_start), min(end + TAG_REACH, sentence_end)))
    regions += tense_regions(doc, starts)
    return [r for r in _merge(regions) if not any(lo < r[1] and r[0] < hi for lo, hi in parsed)]


class FigureSentenceParser(BatchComponent):
    """Run the shared components over figure sentences only (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, components: Sequence[str], context: int) -> None:
        self.nlp = nlp
        self.name = name
        self.components = list(components)
        self.context = context

    def annotate(self, docs: list[Doc]) -> None:
        jobs: list[tuple[Doc, list[int], list[Region], list[Region], list[Doc]]] = []
        parse_docs: list[Doc] = []
        tag_docs: list[Doc] = []
        for doc in docs:
            starts = sentence_starts_of(doc)
            parsed = figure_regions(doc, starts, self.context)
            tagged = tag_regions(doc, starts, parsed)
            parts = region_docs(doc, [*parsed, *tagged], [NORM])
            jobs.append((doc, starts, parsed, tagged, parts))
            parse_docs.extend(parts[: len(parsed)])
            tag_docs.extend(parts[len(parsed) :])
        for name in self.components:
            proc: Any = self.nlp.get_pipe(name)
            # Around ambiguous names the entity rules read the part of speech only.
            if name in TAGGING_COMPONENTS and tag_docs:
                tag_docs = list(proc.pipe(tag_docs, batch_size=len(tag_docs)))
            if parse_docs:
                parse_docs = list(proc.pipe(parse_docs, batch_size=len(parse_docs)))
        for doc, starts, parsed, tagged, parts in jobs:
            _copy_back(doc, starts, parsed, tagged, parts)


def _copy_back(
    doc: Doc, starts: list[int], parsed: list[Region], tagged: list[Region], parts: list[Doc]
) -> None:
    if len(doc) == 0:
        return
    in_parse = numpy.zeros(len(doc), dtype=bool)
    if parts:
        array: Any = numpy.zeros((len(doc), len(PARSE_ATTRS)), dtype="uint64")
        for k, ((start, end), sub) in enumerate(zip([*parsed, *tagged], parts, strict=True)):
            array[start:end] = sub.to_array(PARSE_ATTRS)
            if k < len(parsed):  # (tagged parts have no dependencies)
                _attach_split_names(sub, array[start:end])
        for start, end in parsed:
            in_parse[start:end] = True
        doc.from_array(PARSE_ATTRS, array)
    # Outside parsed regions the heads say nothing about sentences: use the rule.
    sent_starts: Any = doc.to_array([SENT_START]).astype("uint64")
    rule = numpy.full(len(doc), _NOT_START, dtype="uint64")
    rule[starts] = _IS_START
    sent_starts[~in_parse] = rule[~in_parse]
    doc.from_array([SENT_START], sent_starts.reshape(-1, 1))


_POS = PARSE_ATTRS.index(POS)
_HEAD = PARSE_ATTRS.index(HEAD)
_DEP = PARSE_ATTRS.index(DEP)


def _attach_split_names(part: Doc, array: Any) -> None:
    """The parser may end a sentence after its first word, a name (``Solberg | a inscrit
    21 buts``): the name is then the subject of the verb that follows it. ``array``: the
    part's ``PARSE_ATTRS``, read to find the proper nouns at a root (few Token objects
    are made: this runs over every parsed sentence)."""
    roots = (array[:, _DEP] == part.vocab.strings["ROOT"]) & (array[:, _POS] == PROPN)
    for i in numpy.flatnonzero(roots).tolist():
        token = part[i]
        if not (
            token.i + 1 < len(part)
            and (token.i == 0 or part[token.i - 1].is_space or part[token.i - 1].is_punct)
        ):
            continue
        after = part[token.i + 1]
        if not (after.is_sent_start and after.pos_ == "AUX" and after.text.islower()):
            continue
        root = after.head if after.dep_.startswith("aux") else after
        if root.dep_ != "ROOT" or root.pos_ not in {"VERB", "AUX"}:
            continue
        array[token.i, _HEAD] = numpy.uint64(root.i - token.i)
        array[token.i, _DEP] = part.vocab.strings.add("nsubj")


def sentence_starts_of(doc: Doc) -> list[int]:
    """The sentence starts ``ami_sentences`` set on ``doc`` (the rule's, when unset)."""
    if len(doc) == 0:
        return []
    if not doc.has_annotation("SENT_START"):
        return sentence_starts(doc)
    values: Any = doc.to_array([SENT_START]).ravel().astype("int64")
    starts = [int(i) for i in numpy.flatnonzero(values == 1)]
    return starts if starts and starts[0] == 0 else [0, *starts]


@Language.factory(
    "ami_parse_figures",
    # No context sentences: measured on the gold files, one sentence of context on each
    # side changed no score and parsed 0.81 of the tokens instead of 0.64.
    default_config={"components": list(PARSE_COMPONENTS), "context": 0},
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
