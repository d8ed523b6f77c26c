"""Which date a figure is about: same clause, sentence or the one before; no baselines."""

from __future__ import annotations

import bisect
import re
from typing import Any

from ami_facts.components.linker.sentences import Sentence, paragraph_break_between, same_clause

PERIOD_DATE_TYPES = {"DATE"}

# ``en hausse de 9 % par rapport à 2022``: the date is the baseline, not the period.
BASELINE_BEFORE = re.compile(
    r"(?:par rapport (?:à|au|aux)|comparé (?:à|au)|rapporté (?:à|au)|qu'en|qu’en|contre|vs\.?)"
    r"\s*(?:l'|l’|la|le|les)?\s*$",
    re.IGNORECASE,
)

SINCE_BEFORE = re.compile(r"\bdepuis\s*$", re.IGNORECASE)
INTERVAL_START = re.compile(r"\b(?:entre|de|du|depuis)\s*$", re.IGNORECASE)
INTERVAL_JOIN = re.compile(r"\s*(?:et|à|au|-|–)\s*", re.IGNORECASE)


def _merge_intervals(text: str, dates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``entre 1990 et 1999``, ``de 2019 à 2021``: two dates that bound one period."""
    merged: list[dict[str, Any]] = []
    index = 0
    while index < len(dates):
        date = dates[index]
        if (
            index + 1 < len(dates)
            and INTERVAL_START.search(text[max(0, date["start"] - 12) : date["start"]])
            and INTERVAL_JOIN.fullmatch(text, date["end"], dates[index + 1]["start"])
        ):
            following = dates[index + 1]
            merged.append(
                {
                    "start": date["start"],
                    "end": following["end"],
                    "text": text[date["start"] : following["end"]],
                    "start_date": date["start_date"],
                    "end_date": following["end_date"] or following["start_date"],
                }
            )
            index += 2
            continue
        merged.append(date)
        index += 1
    return merged


def dates_for_periods(
    text: str, all_dates: list[dict[str, Any]], anchor: str | None
) -> list[dict[str, Any]]:
    """The dates that can be a figure's period: calendar dates, baselines left out.

    ``depuis le 1er janvier`` runs from that day to the publication date.
    """
    dates = []
    for hit in all_dates:
        if hit["type"] not in PERIOD_DATE_TYPES or not hit.get("start_date"):
            continue
        before = text[max(0, hit["start"] - 25) : hit["start"]]
        if BASELINE_BEFORE.search(before):
            continue
        if anchor and SINCE_BEFORE.search(before) and (hit.get("end_date") or "") < anchor:
            hit = {**hit, "end_date": anchor}
        dates.append(hit)
    return _merge_intervals(text, dates)


def find_period(
    text: str,
    period_dates: list[dict[str, Any]],
    figure: dict[str, Any],
    sentences: list[Sentence],
    index: int | None,
    starts: list[int] | None = None,
) -> dict[str, Any] | None:
    """The date expression that governs a figure: same clause, sentence, or the one before.

    ``index``: the figure's sentence in ``sentences``. ``starts``: the starts of
    ``period_dates`` when they are in order (a faster search by bisection, same answer).
    """
    if starts is not None:
        return _period_sorted(text, period_dates, figure, sentences, index, starts)
    dates = [d for d in period_dates if not (figure["start"] <= d["start"] < figure["end"])]
    if index is None or not dates:
        return None
    sentence = sentences[index]
    in_sentence = [i for i, d in enumerate(dates) if sentence[0] <= d["start"] < sentence[1]]
    clause = [
        i
        for i in in_sentence
        if (
            same_clause(text, dates[i]["end"], figure["start"])
            if dates[i]["end"] <= figure["start"]
            else same_clause(text, figure["end"], dates[i]["start"])
        )
    ]
    if clause:
        nearest = min(
            clause,
            key=lambda i: min(
                abs(dates[i]["start"] - figure["end"]), abs(figure["start"] - dates[i]["end"])
            ),
        )
        return dates[nearest]
    before = [i for i in in_sentence if dates[i]["end"] <= figure["start"]]
    if before:
        return dates[before[-1]]
    if index > 0:
        previous = sentences[index - 1]
        if paragraph_break_between(text, previous[0], sentence[0]):
            return None
        candidates = [i for i, d in enumerate(dates) if previous[0] <= d["start"] < previous[1]]
        if candidates:
            return dates[candidates[-1]]
    return None


def _period_sorted(
    text: str,
    period_dates: list[dict[str, Any]],
    figure: dict[str, Any],
    sentences: list[Sentence],
    index: int | None,
    starts: list[int],
) -> dict[str, Any] | None:
    """:func:`period` over dates sorted by start: only the dates of two sentences are read."""
    fig_start, fig_end = figure["start"], figure["end"]
    if index is None:
        return None
    sentence = sentences[index]
    # Most figures have no date in their sentence or the one before: nothing to read.
    first = sentences[index - 1][0] if index > 0 else sentence[0]
    if bisect.bisect_left(starts, first) == bisect.bisect_left(starts, sentence[1]):
        return None

    def between(lo: int, hi: int) -> list[dict[str, Any]]:
        return [
            d
            for d in period_dates[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
            if not (fig_start <= d["start"] < fig_end)
        ]

    in_sentence = between(sentence[0], sentence[1])
    clause = [
        d
        for d in in_sentence
        if (
            same_clause(text, d["end"], fig_start)
            if d["end"] <= fig_start
            else same_clause(text, fig_end, d["start"])
        )
    ]
    if clause:
        return min(
            clause,
            key=lambda d: min(abs(d["start"] - fig_end), abs(fig_start - d["end"])),
        )
    before = [d for d in in_sentence if d["end"] <= fig_start]
    if before:
        return before[-1]
    if index > 0:
        previous = sentences[index - 1]
        if paragraph_break_between(text, previous[0], sentence[0]):
            return None
        candidates = between(previous[0], previous[1])
        if candidates:
            return candidates[-1]
    return None
