"""Link each figure to its subject (who), metric (what) and period (when).

Reads the plain dicts left on the Doc by the dates, figures and entities
components and fills the figure dicts in place. Uses the dependency parse
where the pipeline has one and falls back to word order where it has not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from ami_facts.components.entities import find_periphrases, main_subject
from ami_facts.french.metrics import metric_lexicon
from ami_facts.hits import EntityHit

# Metrics for which a brand's count is really its product's (``la marque a écoulé
# 2 000 exemplaires du modèle``: the model sold, not the brand).
PRODUCT_METRICS = {"sales", "orders", "deliveries", "production", "registrations", "price"}
# Any named thing can be the grammatical subject of a figure's verb; word order alone
# (the closest preceding mention) is trusted only for products and organisations.
PARSE_SUBJECT_LABELS = {"PRODUCT", "ORG", "LOC", "PER"}
ORDER_SUBJECT_LABELS = {"PRODUCT", "ORG"}
# Words that join a figure to the one before it and make it share its noun and metric:
# ``2 609 exemplaires ou 326 chaque mois``, ``650 commandes soit près de 2 000``.
COORDINATION = re.compile(r"^[\s,;(]*(?:ou|et|soit|dont|voire|contre)?[\s,;(]*$", re.IGNORECASE)
COORDINATION_MAX_GAP = 40
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}
PERIOD_DATE_TYPES = {"DATE"}
# How far back (in characters) word clues for the metric are looked for in a clause.
METRIC_WINDOW = 60


@dataclass(frozen=True)
class Mention:
    """A place in the text that names a possible subject."""

    start: int
    end: int
    name: str
    label: str


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


def _sentence_of(sentences: list[Span], offset: int) -> Span | None:
    for sentence in sentences:
        if sentence.start_char <= offset < sentence.end_char:
            return sentence
    return None


def _mentions(doc: Doc) -> list[Mention]:
    entity_dicts: list[dict[str, Any]] = doc._.ami_entities or []
    mentions = [
        Mention(hit["start"], hit["end"], hit["name"], hit["label"])
        for hit in entity_dicts
        if hit["label"] in PARSE_SUBJECT_LABELS
    ]
    mentions.extend(Mention(s, e, name, "ORG") for s, e, name in find_periphrases(doc.text))
    return sorted(mentions, key=lambda m: m.start)


def _token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _governing_verb(token: Token) -> Token | None:
    for ancestor in [token, *token.ancestors]:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return None


def _mention_covering(mentions: list[Mention], token: Token) -> Mention | None:
    start, end = token.idx, token.idx + len(token.text)
    for mention in mentions:
        if mention.start < end and start < mention.end:
            return mention
    # The subject may be the head of a phrase that holds a mention (``la marque aux chevrons``).
    for child in token.subtree:
        for mention in mentions:
            if mention.start <= child.idx < mention.end:
                return mention
    return None


def _subject_from_parse(number: Token, mentions: list[Mention]) -> Mention | None:
    verb = _governing_verb(number)
    # ``devrait envoyer``, ``pourrait acheter``: the subject sits on the governing verb.
    while verb is not None:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return _mention_covering(mentions, child)
        if verb.dep_ not in {"xcomp", "conj"} or verb.head is verb:
            return None
        verb = verb.head
    return None


def _closest_before(mentions: list[Mention], sentence: Span | None, offset: int) -> Mention | None:
    if sentence is None:
        return None
    best = None
    for mention in mentions:
        if (
            mention.label in ORDER_SUBJECT_LABELS
            and sentence.start_char <= mention.start
            and mention.end <= offset
        ):
            best = mention
    return best


def _metric(
    doc: Doc, figure: dict[str, Any], number: Token | None, sentence: Span | None
) -> str | None:
    lexicon = metric_lexicon()
    if figure["kind"] in lexicon.kinds:
        return lexicon.kinds[figure["kind"]]
    if figure.get("unit") in lexicon.units:
        return lexicon.units[figure["unit"]]
    counted = figure.get("counted")
    if counted in lexicon.nouns:
        return lexicon.nouns[counted]
    clause_start = max(sentence.start_char if sentence else 0, figure["start"] - METRIC_WINDOW)
    before = doc.text[clause_start : figure["start"]].lower()
    for phrase, metric in sorted(lexicon.phrases.items(), key=lambda item: -len(item[0])):
        if before.rstrip(" (").endswith(phrase):
            return metric
    if number is not None:
        verb = _governing_verb(number)
        if verb is not None and verb.lemma_ in lexicon.verbs:
            return lexicon.verbs[verb.lemma_]
        for ancestor in number.ancestors:
            if ancestor.pos_ == "NOUN" and ancestor.lemma_ in lexicon.nouns:
                return lexicon.nouns[ancestor.lemma_]
    if sentence is not None:
        for token in sentence:
            if token.idx >= figure["start"]:
                break
            if token.pos_ == "VERB" and token.lemma_ in lexicon.verbs:
                return lexicon.verbs[token.lemma_]
    return None


def _paragraph_break_between(text: str, start: int, end: int) -> bool:
    return "\n\n" in text[start:end]


def _period(doc: Doc, figure: dict[str, Any], sentences: list[Span]) -> dict[str, Any] | None:
    all_dates: list[dict[str, Any]] = doc._.ami_dates or []
    dates = [
        hit
        for hit in all_dates
        if hit["type"] in PERIOD_DATE_TYPES
        and hit.get("start_date")
        and not (figure["start"] <= hit["start"] < figure["end"])
    ]
    sentence = _sentence_of(sentences, figure["number_start"])
    if sentence is None or not dates:
        return None
    in_sentence = [d for d in dates if sentence.start_char <= d["start"] < sentence.end_char]
    before = [d for d in in_sentence if d["end"] <= figure["start"]]
    if before:
        return before[-1]
    after = [d for d in in_sentence if d["start"] >= figure["end"]]
    if after:
        return after[0]
    index = sentences.index(sentence)
    if index > 0:
        previous = sentences[index - 1]
        if _paragraph_break_between(doc.text, previous.end_char, sentence.start_char):
            return None
        candidates = [d for d in dates if previous.start_char <= d["start"] < previous.end_char]
        if candidates:
            return candidates[-1]
    return None


def link_figures(doc: Doc) -> None:
    """Fill subject, metric, period, sentence and confidence of every figure on ``doc``."""
    figures: list[dict[str, Any]] = doc._.ami_figures or []
    if not figures:
        return
    sentences = _sentences(doc)
    mentions = _mentions(doc)
    has_parse = doc.has_annotation("DEP")
    product = main_subject_mention(doc, mentions)
    previous: dict[str, Any] | None = None
    for figure in figures:
        coordinated = previous is not None and _inherit_from_coordinated(doc.text, previous, figure)
        sentence = _sentence_of(sentences, figure["number_start"])
        if sentence is not None:
            figure["sentence_start"] = sentence.start_char
            figure["sentence_end"] = sentence.end_char
        number = _token_at(doc, figure["number_start"], figure["number_end"]) if has_parse else None
        figure["metric"] = _metric(doc, figure, number, sentence)
        if figure["metric"] is None and coordinated and previous is not None:
            figure["metric"] = previous["metric"]
        subject = None
        confidence = 0.4
        if number is not None:
            subject = _subject_from_parse(number, mentions)
            confidence += 0.2 if subject is not None else 0.0
        if subject is None and coordinated and previous is not None and previous.get("subject"):
            subject = Mention(
                previous["subject_start"], previous["subject_end"], previous["subject"], "PRODUCT"
            )
        if subject is None:
            subject = _closest_before(mentions, sentence, figure["start"])
        if subject is None and product is not None and figure["metric"] in PRODUCT_METRICS:
            subject = product
        if (
            subject is not None
            and product is not None
            and subject.label == "ORG"
            and product.name.startswith(subject.name + " ")
            and figure["metric"] in PRODUCT_METRICS
        ):
            subject = Mention(subject.start, subject.end, product.name, "PRODUCT")
        if subject is not None:
            figure["subject"] = subject.name
            figure["subject_start"] = subject.start
            figure["subject_end"] = subject.end
        if figure["metric"] is not None:
            confidence += 0.2
        if figure.get("unit") or figure.get("counted"):
            confidence += 0.1
        period = _period(doc, figure, sentences)
        if period is not None:
            figure["period_start"] = period["start_date"]
            figure["period_end"] = period["end_date"]
            figure["period_text"] = period["text"]
        figure["confidence"] = round(min(confidence, 1.0), 2)
        previous = figure


def _inherit_from_coordinated(text: str, previous: dict[str, Any], figure: dict[str, Any]) -> bool:
    """A bare number joined to the figure before it counts the same thing."""
    if figure.get("unit") or figure.get("counted") or figure["kind"] != previous["kind"]:
        return False
    gap = text[previous["end"] : figure["number_start"]]
    if len(gap) > COORDINATION_MAX_GAP or previous["end"] > figure["number_start"]:
        return False
    words = re.sub(r"\b(?:près|environ|quelque|plus|moins|de|d'|d’|quasi|au|aux)\b", " ", gap)
    if not COORDINATION.match(words):
        return False
    figure["counted"] = previous.get("counted")
    figure["unit"] = previous.get("unit")
    return True


def main_subject_mention(doc: Doc, mentions: list[Mention]) -> Mention | None:
    """The first mention of the article's main subject, if it has one."""
    name = main_subject_from_doc(doc)
    if name is None:
        return None
    for mention in mentions:
        if mention.name == name:
            return mention
    return None


def main_subject_from_doc(doc: Doc) -> str | None:
    """The canonical name of what the article is mostly about."""
    entity_dicts: list[dict[str, Any]] = doc._.ami_entities or []
    hits = [EntityHit(**hit) for hit in entity_dicts]
    return main_subject(hits)
