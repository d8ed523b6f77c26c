"""The Python API: figures, dates and entities of a text in one call.

``extract(text)`` gives an ``Extraction``: the validated records of one article
(``.figures``, ``.dates``, ``.entities``, ``.facts``, ``.article``) and
``.to_frames()``, the same tables as ``ami-facts extract`` writes, typed as
``analysis.load_tables`` reads them. ``Extractor`` loads the model once and
runs many articles (``extract_many`` streams them, in batches as the CLI does).
The command line calls this module.

A run leaves the caller's process as it was: BLAS libraries are held to one
thread only while a batch runs through the model, thinc's current ops are the
faster ones only while the model is built (``gemm.py``), the garbage collector
is frozen only while articles are processed (and not at all when the caller
froze it or turned it off), and the log levels of trafilatura and its helpers
are lowered only while a page is read (``html.py``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ami_facts.load import DEFAULT_MAX_CHARS, InputError, RawArticle, article_from_object
from ami_facts.nlp import DEFAULT_MODEL, FAST_MODEL, Pipeline, build_nlp
from ami_facts.pipeline import DEFAULT_BATCH_SIZE, ArticleResult, process
from ami_facts.published import DateNotRead, parse_published
from ami_facts.records import Article, DateMention, Entity, ErrorRow, Fact, Figure, Record

if TYPE_CHECKING:
    import pandas as pd

Item = RawArticle | ErrorRow
Result = ArticleResult | ErrorRow
TEXT_SOURCE = "<text>"
ITEMS_SOURCE = "<items>"


class ExtractionError(ValueError):
    """An article that could not be read or processed; ``row`` is its ``ErrorRow``."""

    def __init__(self, row: ErrorRow) -> None:
        super().__init__(row.error)
        self.row = row


@dataclass(frozen=True, repr=False)
class Extraction:
    """What was found in one article, as validated records (pydantic models).

    ``error`` is set (and ``article`` None) when the input could not become an
    article; ``extract`` raises instead, ``extract_many`` yields it in place.
    """

    article: Article | None = None
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    error: ErrorRow | None = None

    @classmethod
    def of(cls, result: Result) -> Extraction:
        """The extraction of a pipeline result (or of an error row)."""
        if isinstance(result, ErrorRow):
            return cls(error=result)
        return cls(
            article=result.article,
            figures=result.figures,
            dates=result.dates,
            entities=result.entities,
        )

    def __repr__(self) -> str:
        if self.article is None:
            return f"Extraction(error={self.error.error if self.error else None!r})"
        return (
            f"Extraction(article_id={self.article.article_id!r}, figures={len(self.figures)}, "
            f"dates={len(self.dates)}, entities={len(self.entities)})"
        )

    @property
    def ok(self) -> bool:
        """True when the article was read and processed."""
        return self.error is None

    @cached_property
    def facts(self) -> list[Fact]:
        """One fact per figure: who, what, how much, when, and its sentence."""
        if self.article is None:
            return []
        return ArticleResult(self.article, self.figures, self.dates, self.entities).facts

    def records(self) -> dict[str, list[Record]]:
        """The rows of every table (articles, figures, dates, entities, errors, facts)."""
        return {
            "articles": [self.article] if self.article is not None else [],
            "figures": list(self.figures),
            "dates": list(self.dates),
            "entities": list(self.entities),
            "errors": [self.error] if self.error is not None else [],
            "facts": list(self.facts),
        }

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """Every table as a DataFrame, typed as ``analysis.load_tables`` gives them."""
        return to_frames([self])


def to_frames(extractions: Iterable[Extraction]) -> dict[str, pd.DataFrame]:
    """The tables of many extractions, one DataFrame per table, in their order."""
    from ami_facts.analysis import to_frame
    from ami_facts.export import SCHEMAS, records_to_table

    rows: dict[str, list[Record]] = {table: [] for table in SCHEMAS}
    for extraction in extractions:
        for table, records in extraction.records().items():
            rows[table].extend(records)
    return {table: to_frame(records_to_table(table, rows[table])) for table in SCHEMAS}


@contextmanager
def collector_frozen() -> Iterator[None]:
    """Keep the garbage collector off what exists before the articles are read.

    Modules, patterns and the model live as long as the run: every full collection
    would walk them all again for nothing (tens of milliseconds each). Frozen, a
    collection walks only what the run makes. Unfrozen after; left alone when the
    collector is off or the caller froze objects of its own (unfreezing would
    unfreeze those too).
    """
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _as_date(value: date | str | None, name: str) -> date | None:
    try:
        return parse_published(value)
    except DateNotRead as exc:
        raise ValueError(f"{name}: {exc}") from None


class Extractor:
    """The pipeline loaded once: ``extract`` one text, ``extract_many`` a stream.

    ``model``: any installed French spaCy pipeline (``fr_core_news_md`` by default);
    ``fast=True`` runs the rules only (figures and dates, no entities, no subjects).
    ``workers`` > 1 runs the model in that many processes (as ``--workers``).
    Raises ``nlp.ModelNotFoundError`` when the model is not installed.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        fast: bool = False,
        *,
        workers: int = 1,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        if workers < 1 or batch_size < 1:
            raise ValueError("workers and batch_size must be at least 1")
        self.model = FAST_MODEL if fast else model
        self.fast = fast or model == FAST_MODEL
        self.workers = workers
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.nlp: Pipeline = build_nlp(self.model)

    def __repr__(self) -> str:
        return f"Extractor(model={self.model!r}, fast={self.fast})"

    def results(self, items: Iterable[Item]) -> Iterator[Result]:
        """Pipeline results of loaded articles, in input order; error rows pass through.

        The engine under ``extract_many`` and the command line: batches of
        ``batch_size`` through the model, over ``workers`` processes when more than one.
        """
        with collector_frozen():
            if self.workers > 1:
                from ami_facts.workers import process_parallel

                yield from process_parallel(
                    items,
                    model=self.model,
                    workers=self.workers,
                    nlp=self.nlp,
                    batch_size=self.batch_size,
                )
            else:
                yield from process(items, self.nlp, batch_size=self.batch_size)

    def extract_many(
        self, items: Iterable[str | Mapping[str, Any]], *, published: date | str | None = None
    ) -> Iterator[Extraction]:
        """One ``Extraction`` per item, in order, as they are done (a stream).

        An item is a text, or a mapping like a JSON input: ``text`` (or ``html``),
        and optionally ``id``, ``title``, ``author``, ``url``, ``published``.
        ``published``: the date for items whose metadata and text give none.
        An item that fails is an ``Extraction`` whose ``error`` says why.
        """
        fallback = _as_date(published, "published")
        loaded = (self._load(item, number, fallback) for number, item in enumerate(items, 1))
        for result in self.results(loaded):
            yield Extraction.of(result)

    def extract(
        self, text: str, published: date | str | None = None, title: str | None = None
    ) -> Extraction:
        """The figures, dates and entities of ``text``.

        ``published``: the article's publication date (a date, or a string such as
        ``2021-04-15`` or ``15 avril 2021``); relative dates are resolved against it,
        and stay unresolved without it. Raises ``ExtractionError`` when the text
        cannot be processed (empty, not French, too long).
        """
        meta: dict[str, Any] = {"text": text, "title": title}
        meta["published"] = _as_date(published, "published")
        [result] = self.results([self._load(meta, None, None, source=TEXT_SOURCE)])
        found = Extraction.of(result)
        if found.error is not None:
            raise ExtractionError(found.error)
        return found

    def _load(
        self,
        item: str | Mapping[str, Any],
        number: int | None,
        fallback: date | None,
        *,
        source: str = ITEMS_SOURCE,
    ) -> Item:
        """The article of one item, or its error row (``line`` is its number in the stream)."""
        where = source if number is None else f"{source}:{number}"
        try:
            obj = {"text": item} if isinstance(item, str) else item
            if isinstance(obj, Mapping):
                obj = dict(obj)
            return article_from_object(
                obj, source=where, fallback_published=fallback, max_chars=self.max_chars
            )
        except InputError as exc:
            message = str(exc).rstrip(".")
            return ErrorRow(source=source, line=number, error=f"{message}.")


_DEFAULT_EXTRACTORS: dict[tuple[str, bool], Extractor] = {}


def default_extractor(model: str = DEFAULT_MODEL, fast: bool = False) -> Extractor:
    """The extractor ``extract`` uses: built on first use, then kept."""
    key = (FAST_MODEL if fast else model, fast)
    if key not in _DEFAULT_EXTRACTORS:
        _DEFAULT_EXTRACTORS[key] = Extractor(model=model, fast=fast)
    return _DEFAULT_EXTRACTORS[key]


def extract(
    text: str,
    published: date | str | None = None,
    title: str | None = None,
    *,
    model: str = DEFAULT_MODEL,
    fast: bool = False,
) -> Extraction:
    """The figures, dates and entities of ``text`` (see ``Extractor.extract``).

    The model is loaded on the first call and kept for the next ones.
    """
    return default_extractor(model, fast).extract(text, published=published, title=title)


__all__ = [
    "Extraction",
    "ExtractionError",
    "Extractor",
    "default_extractor",
    "extract",
    "to_frames",
]
