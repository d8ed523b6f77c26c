"""Fill subject, metric, period and confidence of every figure, in text order."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from ami_facts.components.doc_text import text_of
from ami_facts.components.linker.mentions import Mention, collect_mentions
from ami_facts.components.linker.metric import find_metric, is_age_group
from ami_facts.components.linker.owners import (
    people_handled,
    score_sides,
    unnamed_person_holder,
)
from ami_facts.components.linker.period import (
    RESTATING_OPENING,
    Headings,
    dates_for_periods,
    find_period,
)
from ami_facts.components.linker.respective import respective_names
from ami_facts.components.linker.scoring import Candidate, field_models
from ami_facts.components.linker.sentences import (
    Sentence,
    intertitle_lines,
    sentence_index_at,
    text_sentences,
)
from ami_facts.components.linker.subject import (
    NAMES_JOINED,
    in_a_setting,
    main_subject_mention,
    results_rows,
    section_topics,
)
from ami_facts.components.linker.subject_evidence import ArticleSubjects, subject_candidates
from ami_facts.components.linker.syntax import token_at
from ami_facts.french.linking import SCORE_WORDS, TERM_WORDS, TIME_BETWEEN_AFTER
from ami_facts.french.numbers import reading_on_a_scale

# Words that join a figure to the one before it and make it share its noun and metric:
# ``3 714 exemplaires ou 412 chaque mois``, ``650 commandes soit près de 2 000``.
COORDINATION = re.compile(r"^[\s,;(]*(?:ou|et|soit|dont|voire|contre)?[\s,;(]*$", re.IGNORECASE)
COORDINATION_MAX_GAP = 40
# ``29 à 28``, ``3-1``: the second number of a score.
SCORE_JOIN = re.compile(r"\s*(?:à|-|–)\s*")
SCORE_WORDS_BEFORE = 60
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


# ``18 blessés, dont trois grièvement``: a figure that is a part of the one before.
PART_OF_BEFORE = re.compile(r",\s*dont\s+$", re.IGNORECASE)


def _part_of(text: str, previous: dict[str, Any] | None, figure: dict[str, Any]) -> bool:
    """Whether ``figure`` follows the figure before it after ``, dont`` in its sentence."""
    return (
        previous is not None
        and previous["end"] <= figure["start"]
        and PART_OF_BEFORE.search(text, previous["end"], figure["start"]) is not None
        and "." not in text[previous["end"] : figure["start"]]
    )


def _restates(
    text: str,
    previous: dict[str, Any] | None,
    figure: dict[str, Any],
    sentences: list[Sentence],
    index: int | None,
) -> bool:
    """``X a transporté 122 millions de voyageurs. C'est 6 % de plus qu'en 2022.``: the
    first figure of a sentence that restates the one before is about what the last figure
    of that sentence is about."""
    if previous is None or index is None or index == 0:
        return False
    sentence, before = sentences[index], sentences[index - 1]
    return (
        before[0] <= previous["start"] < before[1]
        and RESTATING_OPENING.match(text, sentence[0]) is not None
    )


# How far a bare number may stand from the figure whose counted noun it leaves out.
ELLIPSIS_MAX_GAP = 150


def _elliptic(
    text: str, previous: dict[str, Any], figure: dict[str, Any], sentence: tuple[int, int] | None
) -> bool:
    """``trois accidents en 2021 (...), aucun en 2022, deux cette année``: a bare
    number after a figure of its sentence that counts a noun counts the same thing
    (not a reading on a scale: ``190 000 habitants ... de magnitude 8,2``)."""
    return (
        sentence is not None
        and figure["kind"] == previous["kind"] == "count"
        and bool(counted := previous.get("counted"))
        # (no noun of its own: the figures stage may have carried the noun over)
        and figure.get("counted") in (None, counted)
        and str(counted) not in str(figure["text"]).lower()
        and not figure.get("unit")
        and previous["start"] >= sentence[0]
        and 0 <= figure["number_start"] - previous["end"] <= ELLIPSIS_MAX_GAP
        and not reading_on_a_scale(text, figure["number_start"])
    )


def _second_of_a_score(text: str, previous: dict[str, Any], figure: dict[str, Any]) -> bool:
    """Whether a figure is the loser's number of a score (``sur le score de 29 à 28``):
    what the sentence's subject scored is the first number, not this one."""
    if previous["kind"] != "count" or figure["kind"] != "count":
        return False
    if previous.get("counted") or figure.get("counted") or previous.get("unit"):
        return False
    if not SCORE_JOIN.fullmatch(text, previous["end"], figure["number_start"]):
        return False
    before = text[max(0, previous["start"] - SCORE_WORDS_BEFORE) : previous["start"]].lower()
    return any(word in before for word in SCORE_WORDS)


def _one_of_a_list(
    text: str, subject: Mention, mentions: list[Mention], sentence: tuple[int, int]
) -> bool:
    """Whether the subject is one of a list of names of its label (``mentions``: those
    of the figure's sentence): ``Brest, Caen et Rouen connaissent``, unless
    ``respectivement`` gives each its own figure."""
    if not sentence[0] <= subject.start < sentence[1]:
        return False
    if "respectivement" in text[sentence[0] : sentence[1]].lower():
        return False
    for other in mentions:
        if other.label != subject.label or other.name == subject.name:
            continue
        if other.end <= subject.start and NAMES_JOINED.fullmatch(text, other.end, subject.start):
            return True
        if subject.end <= other.start and NAMES_JOINED.fullmatch(text, subject.end, other.start):
            return True
    return False


# ``4 milliards d'euros à développer``: the cost of making a product, no price.
MAKING_AFTER = re.compile(
    r"\s*(?:à|pour)\s+(?:développer|concevoir|construire|mettre au point|fabriquer|produire)\b",
    re.IGNORECASE,
)
# ``Le développement de la Clio a coûté 600 millions``: so is the making named before.
MAKING_BEFORE = re.compile(
    r"\b(?:développement|conception|construction|fabrication|mise au point|industrialisation"
    r"|rénovation|réalisation)\s+(?:(?:de|du|des)\s|d['’])",
    re.IGNORECASE,
)
# What a person's age or term is (SPEC: the person is the subject when named).
PERSONAL_SPANS = {"age", "duration"}
# Lengths of time counted on the calendar (a race time is in hours, minutes, seconds).
CALENDAR_UNITS = {"day", "week", "month", "quarter", "year"}


def _names_a_term(text: str, sentence: tuple[int, int] | None) -> bool:
    """Whether the figure's sentence speaks of a prison term or a penalty (``condamné à
    deux ans de prison``): the one length of time on the calendar that is someone's."""
    return sentence is not None and TERM_WORDS.search(text, *sentence) is not None


def link_figures(doc: Doc, trace: list[dict[str, Any]] | None = None) -> None:
    """Fill subject, metric, period, sentence and confidence of every figure on ``doc``."""
    figures: list[dict[str, Any]] = doc._.ami_figures or []
    if figures:
        text = text_of(doc)
        link(
            text,
            figures,
            dates=doc._.ami_dates or [],
            entities=doc._.ami_entities or [],
            sentences=text_sentences(text),
            doc=doc if doc.has_annotation("DEP") else None,
            anchor=(doc._.ami_context or {}).get("anchor"),
            trace=trace,
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
    trace: list[dict[str, Any]] | None = None,
) -> None:
    """Fill the figure dicts in place; ``doc`` gives the parse when there is one.

    ``anchor`` is the publication date (ISO) that open periods run to. ``trace``, when
    given, receives each figure with its subject candidates and their evidence (what
    ``ami_facts.components.linker.train`` learns the weights from).
    """
    mentions = collect_mentions(entities, text)
    intertitles = intertitle_lines(text)
    article = ArticleSubjects.build(
        text,
        mentions,
        sentences,
        topics=section_topics(text, intertitles, mentions),
        main=main_subject_mention(entities, mentions),
        rows=results_rows(text, figures, mentions),
        respective=respective_names(text, figures, mentions, sentences),
    )
    subject_model = field_models()["subject"]
    period_dates = sorted(dates_for_periods(text, dates, anchor), key=lambda d: d["start"])
    period_starts = [d["start"] for d in period_dates]
    headings = Headings.build(intertitles, period_dates)
    figure_starts = sorted(figure["start"] for figure in figures)
    sentence_starts = [start for start, _ in sentences]
    previous: dict[str, Any] | None = None
    previous_subject: Mention | None = None
    second_of_a_score = False  # whether the figure is the second number of a score
    for index, figure in enumerate(figures):
        sentence_index = sentence_index_at(sentences, figure["number_start"], sentence_starts)
        sentence = sentences[sentence_index] if sentence_index is not None else None
        elliptic = previous is not None and _elliptic(text, previous, figure, sentence)
        coordinated = elliptic or (previous is not None and _coordinated(text, previous, figure))
        if sentence is not None:
            figure["sentence_start"], figure["sentence_end"] = sentence
        number = (
            token_at(doc, figure["number_start"], figure["number_end"]) if doc is not None else None
        )
        metric, metric_confidence = find_metric(text, figure, number, sentence)
        # (a figure that counts a noun of its own measures its own thing: ``quatre morts
        # et des milliers de foyers sans électricité``)
        # (``18 personnes blessées, dont trois grièvement``: a part of the figure before
        # measures what it does, whatever verb the parser hangs it on)
        # (nor does the second of two ages, ``âgés de 24 et 31 ans``, read as a mere
        # length of time)
        if (
            (
                metric is None
                or _part_of(text, previous, figure)
                or (metric == "duration" and previous is not None and previous["metric"] == "age")
            )
            and coordinated
            and previous is not None
            and figure.get("counted") in (None, previous.get("counted"))
            and previous["metric"] is not None
        ):
            metric, metric_confidence = previous["metric"], previous.get("metric_confidence")
        candidates = subject_candidates(
            article,
            index,
            figure,
            number,
            sentence_index,
            metric,
            previous_subject
            if coordinated or _restates(text, previous, figure, sentences, sentence_index)
            else None,
        )
        # (the numbers of a score belong to the sides the syntax names: the beaten one,
        # ``a battu Lens 3 à 1``, or in the passive the agent first, ``a été battu 2 à 1
        # par Lille``; a loser it does not name is no one the sentence names)
        # (an age group, ``les plus de 65 ans``, is no one's age; a length of time is no
        # one's but a prison term's, ``promis de reconstruire en un an``, unless timed
        # like a performance, in hours, minutes or seconds)
        # (each pair of neighbours is read once: this figure's second number is the next
        # figure's test)
        first_of_a_score = index + 1 < len(figures) and _second_of_a_score(
            text, figure, figures[index + 1]
        )
        winner, loser = (
            score_sides(text, number, article.mentions)
            if (first_of_a_score or second_of_a_score) and number is not None
            else (None, None)
        )
        side = loser if second_of_a_score else winner
        if side is not None and not (second_of_a_score and side == previous_subject):
            candidates = [Candidate(side, {"score_side": 1.0})]
        elif first_of_a_score:
            # (which side scored it only the syntax says, never the topic: ``Menés 10 à
            # 3 à la pause, les Rochelais``)
            candidates = [
                c for c in candidates if any(key.startswith("parse_") for key in c.evidence)
            ]
        elif (
            second_of_a_score
            or (metric == "age" and is_age_group(text, figure))
            or (
                metric == "duration"
                and figure.get("unit") in CALENDAR_UNITS
                and (
                    not _names_a_term(text, sentence)
                    or TIME_BETWEEN_AFTER.match(text, figure["end"]) is not None
                )
            )
            # (the age or the prison term of someone the text does not name: ``le
            # tribunal a condamné un homme de 34 ans``)
            or (
                metric in PERSONAL_SPANS
                and number is not None
                and unnamed_person_holder(text, number, article.mentions) is not None
            )
            # (``la cour qui juge quatre supporters``: those it deals with are not its own)
            or (figure["kind"] == "count" and number is not None and people_handled(number))
            or (figure["kind"] == "count" and number is not None and in_a_setting(number))
        ):
            candidates = []
        # (``--fast``: most figures have no candidate, and nothing to weigh)
        chosen = subject_model.choose(candidates) if candidates else None
        # (a number that leaves out its noun is about what the figure naming it is about,
        # however far the names are: ``trois accidents en 2021 (...), deux cette année``)
        if chosen is None and elliptic and previous is not None and previous_subject is not None:
            chosen = next(
                (
                    (candidate, float(previous["subject_confidence"]))
                    for candidate in candidates
                    if candidate.value == previous_subject
                ),
                None,
            )
        # (one of names joined by ``et``, ``ou`` or commas does not own what they do
        # together: ``Renault et Peugeot ont vendu 300 000 voitures``; but what is set
        # beside the last of them is its own: ``devant Marc Petit et Lucas Moreau,
        # sixième``)
        if (
            chosen is not None
            and "apposition" not in chosen[0].evidence
            and sentence is not None
            and _one_of_a_list(text, chosen[0].value, article.between(*sentence), sentence)
        ):
            chosen = None
        subject = chosen[0].value if chosen else None
        # What a product costs is its price (``la Twizy coûte 7 000 €``), not what it
        # cost to make (``a coûté 4 milliards d'euros à développer``, ``Le développement
        # de la Clio a coûté``).
        if (
            metric == "cost"
            and subject is not None
            and subject.label == "PRODUCT"
            and not MAKING_AFTER.match(text, figure["end"])
            and not (
                sentence is not None and MAKING_BEFORE.search(text, sentence[0], figure["start"])
            )
        ):
            metric = "price"
        figure["metric"] = metric
        figure["metric_confidence"] = metric_confidence if metric is not None else None
        if subject is not None and chosen is not None:
            figure["subject"] = subject.name
            figure["subject_start"] = subject.start
            figure["subject_end"] = subject.end
            figure["subject_confidence"] = round(chosen[1], 2)
        # A length of time is a span of its own, not something that happens on a date
        # (``condamné à deux ans de prison mardi``, ``pendant 17 jours``): no period.
        period, period_confidence = (
            find_period(
                text,
                period_dates,
                period_starts,
                figure,
                sentences,
                sentence_index,
                headings,
                figure_starts,
            )
            if metric != "duration"
            else (None, None)
        )
        if period is not None:
            figure["period_start"] = period["start_date"]
            figure["period_end"] = period["end_date"]
            figure["period_text"] = period["text"]
            figure["period_confidence"] = period_confidence
        figure["confidence"] = _confidence(figure, chosen[1] if chosen else None)
        if trace is not None:
            trace.append({"figure": figure, "subject": candidates})
        previous, previous_subject = figure, subject
        second_of_a_score = first_of_a_score


def _confidence(figure: dict[str, Any], subject_probability: float | None) -> float:
    """How sure the row is as a whole: the number and its unit, what and who it is about."""
    has_metric = figure.get("metric") is not None
    has_unit = bool(figure.get("unit") or figure.get("counted"))
    if subject_probability is None:
        return _CONFIDENCE_WITHOUT_SUBJECT[has_metric, has_unit]
    return _row_confidence(has_metric, has_unit, subject_probability)


def _row_confidence(has_metric: bool, has_unit: bool, subject_probability: float | None) -> float:
    confidence = 0.4
    if has_metric:
        confidence += 0.2
    if has_unit:
        confidence += 0.1
    if subject_probability is not None:
        confidence += 0.3 * subject_probability
    return round(min(confidence, 1.0), 2)


# (most figures have no subject: their four confidences are worked out once)
_CONFIDENCE_WITHOUT_SUBJECT = {
    (has_metric, has_unit): _row_confidence(has_metric, has_unit, None)
    for has_metric in (False, True)
    for has_unit in (False, True)
}
