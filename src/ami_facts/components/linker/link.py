"""Fill subject, metric, period and confidence of every figure, in text order."""

from __future__ import annotations

import itertools
import re
from typing import Any

from spacy.tokens import Doc

from ami_facts.components.doc_text import text_of
from ami_facts.components.linker.mentions import (
    ORDER_SUBJECT_LABELS,
    Mention,
    collect_mentions,
)
from ami_facts.components.linker.metric import find_metric
from ami_facts.components.linker.period import dates_for_periods, find_period
from ami_facts.components.linker.sentences import (
    Sentence,
    doc_sentences,
    sentence_index_at,
    text_sentences,
)
from ami_facts.components.linker.subject import (
    COMPETITION_METRICS,
    closest_before,
    has_noun_subject,
    is_the_actor,
    main_subject_mention,
    names_anything,
    results_rows,
    section_topics,
    subject_from_parse,
    topic_at,
)
from ami_facts.components.linker.syntax import token_at

# Metrics for which a brand's count is really its product's (``la marque a écoulé
# 2 000 exemplaires du modèle``: the model sold, not the brand).
# ``Tesla a livré 484 507 véhicules``: counted as vehicles, the brand's whole output,
# not its best-known model's.
GENERIC_VEHICLES = {"véhicule", "voiture", "automobile", "auto", "camion", "moto", "deux-roues"}
PRODUCT_METRICS = {"sales", "orders", "deliveries", "production", "registrations", "price"}

# Words that join a figure to the one before it and make it share its noun and metric:
# ``3 714 exemplaires ou 412 chaque mois``, ``650 commandes soit près de 2 000``.
COORDINATION = re.compile(r"^[\s,;(]*(?:ou|et|soit|dont|voire|contre)?[\s,;(]*$", re.IGNORECASE)
COORDINATION_MAX_GAP = 40
_QUALIFIER_WORDS = re.compile(
    r"\b(?:près|environ|quelque|plus|moins|de|d'|d’|quasi|au|aux)\b", re.IGNORECASE
)


def _coordinated(text: str, previous: dict[str, Any], figure: dict[str, Any]) -> bool:
    """Whether a figure is joined to the one before it (``... ou 326 chaque mois``).

    Such a figure is about the same thing and measures the same: it shares the
    subject and metric (its counted noun or unit is carried by the figures stage).
    """
    if figure["kind"] != previous["kind"] or previous["end"] > figure["number_start"]:
        return False
    gap = text[previous["end"] : figure["number_start"]]
    return len(gap) <= COORDINATION_MAX_GAP and bool(
        COORDINATION.match(_QUALIFIER_WORDS.sub(" ", gap))
    )


def link_figures(doc: Doc) -> None:
    """Fill subject, metric, period, sentence and confidence of every figure on ``doc``."""
    figures: list[dict[str, Any]] = doc._.ami_figures or []
    if figures:
        text = text_of(doc)
        link(
            text,
            figures,
            dates=doc._.ami_dates or [],
            entities=doc._.ami_entities or [],
            sentences=doc_sentences(doc, text),
            doc=doc if doc.has_annotation("DEP") else None,
            anchor=(doc._.ami_context or {}).get("anchor"),
        )


def link_text(
    text: str, figures: list[dict[str, Any]], dates: list[dict[str, Any]], anchor: str | None
) -> None:
    """The same linking without a model: periods and metrics from the words alone."""
    if figures:
        link(
            text,
            figures,
            dates=dates,
            entities=[],
            sentences=text_sentences(text),
            doc=None,
            anchor=anchor,
        )


def link(
    text: str,
    figures: list[dict[str, Any]],
    *,
    dates: list[dict[str, Any]],
    entities: list[dict[str, Any]],
    sentences: list[Sentence],
    doc: Doc | None,
    anchor: str | None,
) -> None:
    """Fill the figure dicts in place; ``doc`` gives the parse when there is one.

    ``anchor`` is the publication date (ISO) that open periods run to.
    """
    mentions = collect_mentions(entities, text)
    product = main_subject_mention(entities, mentions)
    row_subjects = results_rows(text, figures, mentions)
    topics = section_topics(text, mentions)
    period_dates = dates_for_periods(text, dates, anchor)
    starts = [d["start"] for d in period_dates]
    # out of order (not expected from find_dates): read them all
    period_starts = None if any(a > b for a, b in itertools.pairwise(starts)) else starts
    previous: dict[str, Any] | None = None
    for index, figure in enumerate(figures):
        coordinated = previous is not None and _coordinated(text, previous, figure)
        sentence_index = sentence_index_at(sentences, figure["number_start"])
        sentence = sentences[sentence_index] if sentence_index is not None else None
        if sentence is not None:
            figure["sentence_start"], figure["sentence_end"] = sentence
        number = (
            token_at(doc, figure["number_start"], figure["number_end"]) if doc is not None else None
        )
        confidence = 0.4
        subject = row_subjects.get(index)
        if subject is None and number is not None:
            subject = subject_from_parse(text, number, mentions)
            confidence += 0.2 if subject is not None else 0.0
        if subject is None and coordinated and previous is not None and previous.get("subject"):
            subject = Mention(
                previous["subject_start"], previous["subject_end"], previous["subject"], "PRODUCT"
            )
        metric = find_metric(text, figure, number, sentence, subject)
        if metric is None and coordinated and previous is not None:
            metric = previous["metric"]
        if subject is None and mentions and not is_the_actor(number):
            labels = ORDER_SUBJECT_LABELS | ({"PER"} if metric in COMPETITION_METRICS else set())
            subject = closest_before(text, mentions, sentence, figure["start"], labels)
        if (
            subject is None
            and topics
            and sentence is not None
            and not names_anything(mentions, sentence)
        ):
            subject = topic_at(topics, figure["start"])
        if (
            subject is None
            and product is not None
            and metric in PRODUCT_METRICS
            and not has_noun_subject(number)
        ):
            subject = product
        if (
            subject is not None
            and product is not None
            and subject.label == "ORG"
            and product.name.split()[0] == subject.name.split()[0]
            and product.name != subject.name
            and metric in PRODUCT_METRICS
            and figure.get("counted") not in GENERIC_VEHICLES
        ):
            subject = Mention(subject.start, subject.end, product.name, "PRODUCT")
        figure["metric"] = metric
        if subject is not None:
            figure["subject"] = subject.name
            figure["subject_start"] = subject.start
            figure["subject_end"] = subject.end
        if metric is not None:
            confidence += 0.2
        if figure.get("unit") or figure.get("counted"):
            confidence += 0.1
        period = find_period(text, period_dates, figure, sentences, sentence_index, period_starts)
        if period is not None:
            figure["period_start"] = period["start_date"]
            figure["period_end"] = period["end_date"]
            figure["period_text"] = period["text"]
        figure["confidence"] = round(min(confidence, 1.0), 2)
        previous = figure
