"""Run articles through the NLP stage and turn each Doc into validated records."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from pydantic import TypeAdapter, ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from ami_facts.gemm import one_blas_thread
from ami_facts.load import RawArticle
from ami_facts.newlines import LineEnds
from ami_facts.nlp import Pipeline, RulesOnly, make_doc, pipeline_label
from ami_facts.provenance import extractor_label
from ami_facts.records import Article, DateMention, Entity, ErrorRow, Fact, Figure

log = logging.getLogger(__name__)
DEFAULT_BATCH_SIZE = 16


@dataclass
class ArticleResult:
    """Everything extracted from one article, as validated records."""

    article: Article
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @property
    def facts(self) -> list[Fact]:
        """The analyst's view of the figures: who, what, how much, when, and the sentence."""
        return _FACTS.validate_python(
            [
                {**{name: getattr(f, name) for name in FACT_FIGURE_FIELDS}, "sentence": sentence}
                for f, sentence in zip(self.figures, self.fact_sentences(), strict=True)
            ]
        )

    def fact_sentences(self) -> list[str | None]:
        """Each figure's sentence with its whitespace collapsed (the last column of facts)."""
        text = self.article.text
        # Figures often share a sentence: collapse each once.
        collapsed: dict[tuple[int, int], str] = {}
        sentences: list[str | None] = []
        for f in self.figures:
            if f.sentence_start is None or f.sentence_end is None:
                sentences.append(None)
                continue
            span = (f.sentence_start, f.sentence_end)
            if span not in collapsed:
                collapsed[span] = " ".join(text[f.sentence_start : f.sentence_end].split())
            sentences.append(collapsed[span])
        return sentences


# Every column of facts but the sentence is a figure's.
FACT_FIGURE_FIELDS = [name for name in Fact.model_fields if name != "sentence"]
_FIGURE_FIELDS = set(Figure.model_fields) - {"article_id", "figure_id"}
_DATE_FIELDS = set(DateMention.model_fields) - {"article_id", "date_id"}
_ENTITY_FIELDS = set(Entity.model_fields) - {"article_id", "entity_id"}
# One validation call per table and article: the same checks as building each
# record, without a Python call per row.
_FIGURES = TypeAdapter(list[Figure])
_DATES = TypeAdapter(list[DateMention])
_ENTITIES = TypeAdapter(list[Entity])
_FACTS = TypeAdapter(list[Fact])


def _rows(
    hits: list[dict[str, Any]], fields: set[str], aid: str, id_field: str, tag: str
) -> list[dict[str, Any]]:
    """The fields of each hit that its record has, with the record's ids."""
    # A copy of each hit less the few keys the record lacks (the hits share their keys):
    # faster than picking the many it has.
    extra = set().union(*(hit.keys() for hit in hits)) - fields
    rows = []
    for i, hit in enumerate(hits, start=1):
        row = hit.copy()
        for key in extra:
            row.pop(key, None)
        row["article_id"] = aid
        row[id_field] = f"{aid}-{tag}{i:03d}"
        rows.append(row)
    return rows


def doc_to_result(raw: RawArticle, doc: Doc, *, model: str | None = None) -> ArticleResult:
    """Validate what the components left on ``doc`` into records.

    ``model``: the pipeline's label (``nlp.pipeline_label``) for ``articles.extractor``.
    """
    return hits_to_result(
        raw,
        figure_hits=doc._.ami_figures or [],
        date_hits=doc._.ami_dates or [],
        entity_hits=doc._.ami_entities or [],
        model=model,
    )


def hits_to_result(
    raw: RawArticle,
    *,
    figure_hits: list[dict[str, Any]],
    date_hits: list[dict[str, Any]],
    entity_hits: list[dict[str, Any]],
    model: str | None = None,
) -> ArticleResult:
    """Validate the components' plain dicts into records.

    The hits index the text the rules read (``\\n`` line ends); their offsets are
    mapped back to the article's text as given.
    """
    line_ends = LineEnds.of(raw.text)
    for hits in (figure_hits, date_hits, entity_hits):
        line_ends.hits_to_original(hits)
    aid = raw.article_id
    figures = _FIGURES.validate_python(_rows(figure_hits, _FIGURE_FIELDS, aid, "figure_id", "f"))
    dates = _DATES.validate_python(_rows(date_hits, _DATE_FIELDS, aid, "date_id", "d"))
    entities = _ENTITIES.validate_python(_rows(entity_hits, _ENTITY_FIELDS, aid, "entity_id", "e"))
    article = Article(
        article_id=aid,
        source=raw.source,
        title=raw.title,
        author=raw.author,
        url=raw.url,
        published=raw.published.isoformat() if raw.published else None,
        published_source=raw.published_source,
        encoding=raw.encoding,
        text=raw.text,
        body_start=raw.body_start,
        body_end=raw.body_end,
        excluded=";".join(f"{s}-{e}" for s, e in raw.excluded) or None,
        tables=";".join(f"{s}-{e}" for s, e in raw.tables) or None,
        extractor=extractor_label(model, raw.published_option) if model else None,
        n_figures=len(figures),
        n_dates=len(dates),
        n_entities=len(entities),
    )
    return ArticleResult(article=article, figures=figures, dates=dates, entities=entities)


def _error_for(raw: RawArticle, exc: Exception) -> ErrorRow:
    log.debug("article %s failed", raw.source, exc_info=exc)
    reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
    return ErrorRow(
        source=raw.source.rsplit(":", 1)[0] if raw.line else raw.source,
        line=raw.line,
        article_id=raw.article_id,
        error=f"processing failed ({type(exc).__name__}: {reason})",
    )


def _make_doc(nlp: Language, raw: RawArticle) -> Doc:
    """The article's Doc: its text with ``\\n`` line ends (``newlines.py``)."""
    line_ends = LineEnds.of(raw.text)
    return make_doc(
        nlp,
        line_ends.text,
        anchor=raw.published,
        excluded=line_ends.ranges_to_text(raw.outside_body),
        tables=line_ends.ranges_to_text(raw.tables),
    )


def _process_one(nlp: Pipeline, raw: RawArticle) -> ArticleResult | ErrorRow:
    model = pipeline_label(nlp)
    try:
        if isinstance(nlp, RulesOnly):
            line_ends = LineEnds.of(raw.text)
            dates, figures = nlp.annotate(
                line_ends.text,
                anchor=raw.published,
                excluded=line_ends.ranges_to_text(raw.outside_body),
                tables=line_ends.ranges_to_text(raw.tables),
            )
            return hits_to_result(
                raw, figure_hits=figures, date_hits=dates, entity_hits=[], model=model
            )
        return doc_to_result(raw, nlp(_make_doc(nlp, raw)), model=model)
    except Exception as exc:
        return _error_for(raw, exc)


def _process_chunk(
    raws: list[RawArticle], nlp: Language, *, batch_size: int, n_process: int
) -> dict[int, ArticleResult | ErrorRow]:
    """The result of each article of ``raws`` by ``id``; a failed batch is retried one by one."""
    processed: dict[int, ArticleResult | ErrorRow] = {}
    model = pipeline_label(nlp)
    try:
        docs = nlp.pipe(
            (_make_doc(nlp, raw) for raw in raws),
            batch_size=batch_size,
            n_process=n_process,
        )
        for raw, doc in zip(raws, docs, strict=True):
            try:
                processed[id(raw)] = doc_to_result(raw, doc, model=model)
            except Exception as exc:
                processed[id(raw)] = _error_for(raw, exc)
    except Exception:
        processed = {id(raw): _process_one(nlp, raw) for raw in raws}
    return processed


def process(
    items: Iterable[RawArticle | ErrorRow],
    nlp: Pipeline,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[ArticleResult | ErrorRow]:
    """Results in input order; errors from loading pass through in place.

    Articles go through ``nlp.pipe`` in batches; when a batch fails, its articles
    are retried one by one so that only the broken one becomes an ``ErrorRow``.
    """
    if isinstance(nlp, RulesOnly):
        for item in items:
            yield _process_one(nlp, item) if isinstance(item, RawArticle) else item
        return
    iterator = iter(items)
    while True:
        chunk = list(islice(iterator, batch_size * max(n_process, 1)))
        if not chunk:
            return
        raws = [item for item in chunk if isinstance(item, RawArticle)]
        # The model's matrix products on one thread while the chunk runs, the
        # caller's BLAS threads between chunks (gemm.py).
        with one_blas_thread():
            processed = _process_chunk(raws, nlp, batch_size=batch_size, n_process=n_process)
        for item in chunk:
            yield processed[id(item)] if isinstance(item, RawArticle) else item
