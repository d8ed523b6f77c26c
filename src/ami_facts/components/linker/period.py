"""Which date a figure is about: same clause, sentence or the one before; no baselines."""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
from dataclasses import dataclass
from typing import Any

from ami_facts.components.dates.periods import shift_date
from ami_facts.components.linker.sentences import (
    Sentence,
    paragraph_break_between,
    same_clause,
)
from ami_facts.french.linking import NEW_CLAUSE_WORDS, STATEMENT_VERBS, SUMMING_UP_OPENINGS
from ami_facts.french.tenses import FUTURE_VERB, PAST_INFINITIVE, PAST_VERB
from ami_facts.patterns import alternation

# A time of day on a known day (``hier vers 18 h``) sets that day as the period too.
PERIOD_DATE_TYPES = {"DATE", "TIME"}
# How many sentences back, within a paragraph, a date still sets a figure's period.
PERIOD_SENTENCES_BACK = 1

# ``en hausse de 9 % par rapport à 2022``: the date is the baseline, not the period.
# (the comparatives of ``BASELINE_BEFORE``, for its cheap test)
COMPARATIVE_WORDS = ("plus", "moins", "mieux", "autant", "davantage", "supérieur", "inférieur")
# ``moins chères qu'il y a deux ans``, ``3 % de plus que l'an dernier``: the date a
# comparative measures against.
BASELINE_BEFORE = re.compile(
    r"(?:par rapport (?:à|au|aux)|comparé (?:à|au)|rapporté (?:à|au)|qu'en|qu’en|contre|vs\.?"
    r"|\b(?:plus|moins|mieux|autant|davantage|supérieure?s?|inférieure?s?)\b"
    r"[^.;:!?]{0,20}?\bqu(?:e\s|['’])"
    # ``un chiffre comparable à celui de l'an dernier``: the pronoun stands for the
    # compared value
    r"|\b(?:celui|celle|ceux|celles)\s+(?:de\s|d['’]|du\s)"
    # ``13 % de moins que la moyenne des cinq dernières années``: an average compared
    r"|\b(?:que|à)\s+la\s+moyenne(?:\s+(?:des|de|du|d['’]))?)"
    # (a preposition may open the compared date: ``5 % de plus qu'au printemps``)
    r"\s*(?:(?:au|aux|à|en)\s+)?(?:l'|l’|la|le|les)?\s*$",
    re.IGNORECASE,
)
# ``par rapport au scrutin de 2020``, ``contre 70 en 2019``, ``comparé à la même période
# de 2023``: a few words may come between the comparison and its date; after the
# compared figure, no preposition (``contre 172.000 l'an passé``).
BASELINE_PHRASE_BEFORE = re.compile(
    r"\b(?:par rapport (?:à|au|aux)|comparé (?:à|au|aux)|contre)\s+"
    # (``contre une perte de 728 millions l'année précédente``: the compared figure
    # after a noun)
    r"(?:(?:[\w'’-]+\s+){0,4}?(?:de|d'|d’|du|en|des)(?:\s*\d[\d\s.,]*(?:[^\s,;:.!?]+\s+){0,3}?)?"
    r"|\d[\d\s.,]*(?:[^\s,;:.!?]+\s+){0,3}?)\s*$",
    re.IGNORECASE,
)

# ``a annoncé mercredi``, ``a-t-il précisé ce lundi``: the date of a statement.
STATEMENT_BEFORE = re.compile(
    rf"\b(?:{alternation(sorted(STATEMENT_VERBS))})(?:-t)?(?:-(?:il|elle|ils|elles|on))?"
    # the speaker after the verb: ``a annoncé le constructeur européen mercredi``
    r"(?:\s+(?:le|la|les|l['’])\s*[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2}?)?"
    r"\s+(?:ce\s+|le\s+|dans\s+la\s+nuit\s+de\s+)?$",
    re.IGNORECASE,
)
SINCE_BEFORE = re.compile(r"\bdepuis\s*$", re.IGNORECASE)
# ``depuis son lancement en 2021``, ``depuis sa création en 1990``: since an event dated.
SINCE_PHRASE_BEFORE = re.compile(
    r"\bdepuis\s+(?:[^\W\d_][\w'’-]*\s+){1,3}?(?:en|de|du|d['’])\s*$", re.IGNORECASE
)
# ``un niveau jamais atteint depuis 2019``, ``le plus élevé depuis 2012``, ``pour la
# première fois depuis 2007``, ``un record depuis le retour du vote obligatoire en
# 2022``: the date a record is measured against is a baseline, not a period.
RECORD_SINCE_BEFORE = re.compile(
    # (not ``au moins 300 morts depuis``, ``plus de 300``: a figure's bound)
    r"(?:\b(?:jamais|record|inédite?s?|inégalée?s?|sans précédent|première fois)\b"
    r"|(?:\bplus|(?<!\bau\s)\bmoins)\b(?!\s+(?:de\b|d['’])))[^.;:!?]{0,40}?"
    r"\bdepuis\s*(?:l['’]|le\s|la\s|les\s)?"
    r"(?:\s*(?:[^\W\d_][\w'’-]*\s+){1,5}?(?:en|de|du|d['’]))?\s*$",
    re.IGNORECASE,
)
# ``6 milliards en 2023``, ``300 voitures l'an dernier``: a date right after a figure.
DATE_RIGHT_AFTER = re.compile(r"\s*(?:(?:en|au|à|dès|depuis)\s+)?", re.IGNORECASE)
# ``celle de 2022, quand ...``, ``en 2019, où ...``: a clause set at the date before it.
WHEN_CLAUSE_AFTER = re.compile(r"\s*,?\s*(?:quand|lorsque|lorsqu['’]|où)\b", re.IGNORECASE)
INTERVAL_START = re.compile(r"\b(?:entre|de|du|depuis)\s*$", re.IGNORECASE)
INTERVAL_JOIN = re.compile(r"\s*(?:et|à|au|-|–)\s*", re.IGNORECASE)
# ``d'ici (à) 2026``: TimeML dates ``ici`` (now) and ``2026``; the period runs between.
UNTIL_JOIN = re.compile(r"\s*(?:(?:à|au)\s+)?", re.IGNORECASE)


def _spanning(text: str, first: dict[str, Any], last: dict[str, Any]) -> dict[str, Any]:
    """One period from the start of ``first`` to the end of ``last`` (two dates)."""
    return {
        "start": first["start"],
        "end": last["end"],
        "text": text[first["start"] : last["end"]],
        # both ends must be known for the interval to be
        "start_date": first["start_date"] if last.get("start_date") else None,
        "end_date": last["end_date"] or last["start_date"],
    }


def _merge_intervals(text: str, dates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``entre 1990 et 1999``, ``de 2019 à 2021``, ``d'ici 2026``: two dates that bound
    one period."""
    merged: list[dict[str, Any]] = []
    index = 0
    while index < len(dates):
        date = dates[index]
        if index + 1 < len(dates) and (
            (
                INTERVAL_JOIN.fullmatch(text, date["end"], dates[index + 1]["start"])
                and INTERVAL_START.search(text[max(0, date["start"] - 12) : date["start"]])
            )
            or (
                date["text"].lower() == "ici"
                and UNTIL_JOIN.fullmatch(text, date["end"], dates[index + 1]["start"])
            )
        ):
            merged.append(_spanning(text, date, dates[index + 1]))
            index += 2
            continue
        merged.append(date)
        index += 1
    return merged


# ``les douze derniers mois``, ``ces deux dernières années``, ``les 30 jours écoulés``
LAST_SPAN = re.compile(r"\b(?:derni(?:er|ère)s|écoulé(?:e)?s)\b", re.IGNORECASE)


def _window_ending_at(anchor: str, duration: dict[str, Any]) -> str | None:
    """The first day of the span a duration ending at ``anchor`` covers (``les 12
    derniers mois`` published on 2026-10-22: 2025-10-23), or None for a length of time
    that does not end then (``pendant deux ans``)."""
    if not LAST_SPAN.search(duration["text"]):
        return None
    before = shift_date(datetime.date.fromisoformat(anchor), str(duration.get("value")), -1)
    return None if before is None else (before + datetime.timedelta(days=1)).isoformat()


def dates_for_periods(
    text: str, all_dates: list[dict[str, Any]], anchor: str | None
) -> list[dict[str, Any]]:
    """The dates that can be a figure's period: calendar dates, baselines left out.

    ``depuis le 1er janvier`` runs from that day to the publication date.
    """
    dates = []
    for hit in all_dates:
        # Unresolved dates (no anchor) are kept: they govern their figure, whose
        # period then stays null.
        if hit["type"] == "DURATION" and anchor:
            # ``sur les douze derniers mois``: a length of time that ends at the
            # publication date spans the days before it
            first_day = _window_ending_at(anchor, hit)
            if first_day is None:
                continue
            hit = {**hit, "start_date": first_day, "end_date": anchor}
        elif hit["type"] not in PERIOD_DATE_TYPES:
            continue
        start = hit["start"]
        before = text[max(0, start - 25) : start]
        statement = text[max(0, start - 60) : start]
        # (the cheap tests below read the window folded once, not each their own copy)
        statement_folded = statement.lower()
        before_folded = _folded_end(statement, statement_folded, before)
        since = "depuis" in statement_folded  # (most dates follow no ``depuis``)
        if _names_a_baseline(before_folded) and BASELINE_BEFORE.search(before):
            # ``aussi dure que celle de 2022, quand 4 millions de volailles ...``: the
            # baseline's date still dates the clause it opens
            if not WHEN_CLAUSE_AFTER.match(text, hit["end"]):
                continue
            hit = {**hit, "dates_only_after": True}
        if (_ends_near_statement_verb(statement_folded) and STATEMENT_BEFORE.search(statement)) or (
            since and RECORD_SINCE_BEFORE.search(statement)
        ):
            continue
        # ``contre 10 millions en 2019``: the date of the compared value is that value's
        # period only (the figures between the comparison and the date).
        if _names_a_comparison(statement_folded) and (
            phrase := BASELINE_PHRASE_BEFORE.search(text, max(0, start - 60), start)
        ):
            hit = {**hit, "baseline_from": phrase.start()}
        if (
            anchor
            and hit.get("start_date")
            and since
            and (SINCE_BEFORE.search(before) or SINCE_PHRASE_BEFORE.search(statement))
            and (hit.get("end_date") or "") < anchor
        ):
            hit = {**hit, "end_date": anchor}
        # (a date to come: after the publication date)
        if anchor and hit.get("start_date") and str(hit["start_date"]) > anchor:
            hit = {**hit, "to_come": True}
        dates.append(hit)
    # ``d'ici la fin du mandat``: ``ici`` alone opens a period whose end is not a date.
    return [d for d in _merge_intervals(text, dates) if d["text"].lower() != "ici"]


def _folded_end(window: str, folded: str, end: str) -> str:
    """``end.lower()`` for ``end``, a slice that ends ``window``, read from ``folded``
    (``window.lower()``) when lowering kept every character one character long."""
    if len(folded) != len(window):
        return end.lower()
    return folded[len(folded) - len(end) :]


@dataclass(frozen=True)
class Headings:
    """The dates an intertitle sets for the section it opens (``Bilan 2023``)."""

    # (section start, dates of its heading), in text order
    sections: list[tuple[int, list[dict[str, Any]]]]

    @classmethod
    def build(
        cls, intertitles: list[tuple[int, int]], period_dates: list[dict[str, Any]]
    ) -> Headings:
        """``intertitles``: their lines (``sentences.intertitle_lines``)."""
        if not period_dates:
            return cls([])
        # (the title is read as a heading too when it is the text's first line: SPEC,
        # "Which period", the date the title sets)
        sections: list[tuple[int, list[dict[str, Any]]]] = []
        for start, end in intertitles:
            sections.append(
                (end, [d for d in period_dates if start <= d["start"] < end and _sets(d)])
            )
        return cls([(start, dates) for start, dates in sections if dates])

    def at(self, offset: int) -> dict[str, Any] | None:
        """The last date of the heading nearest before ``offset``, if it has one."""
        if not self.sections:
            return None  # (most articles: no dated intertitle)
        found = None
        for start, dates in self.sections:
            if start > offset:
                break
            found = dates[-1]
        return found


def _sets(date: dict[str, Any]) -> bool:
    """Whether a heading's date can set its section's period: not a day to come (``Le
    procès renvoyé au 12 novembre``), an event the facts below are not about (a year or
    a month to come can be: ``Budget 2027``)."""
    return not (date.get("to_come") and date.get("start_date") == date.get("end_date"))


def find_period(
    text: str,
    period_dates: list[dict[str, Any]],
    starts: list[int],
    figure: dict[str, Any],
    sentences: list[Sentence],
    index: int | None,
    headings: Headings,
    figure_starts: list[int],
) -> tuple[dict[str, Any] | None, float | None]:
    """The date expression a figure is about, and how sure that is (SPEC, "Which period").

    In the figure's clause (the nearest, either side), else its sentence before it, else
    the sentence before it in its paragraph, else the date its section's intertitle sets.
    ``starts``: the starts of ``period_dates`` (sorted). A date that could not be
    resolved (no anchor) still governs its figure: the period then stays null rather
    than falling to a farther date. Beyond the figure's clause, a date in an incise on a
    noun (``l'immeuble, construit en 1890, comptait``) dates that noun's event only: it
    sets no other figure's period. ``figure_starts``: the starts of all the article's
    figures (sorted), to tell a summary after a colon from another figure's clause.
    """
    if index is None:
        return None, None
    fig_start, fig_end = figure["start"], figure["end"]
    # The period is a date of the sentences read below or the heading's: where they
    # hold none that is resolved, nothing below can give one (most figures have no
    # date near them; without an anchor, most dates near them are relative).
    first = sentences[max(0, index - PERIOD_SENTENCES_BACK)][0]
    near = period_dates[
        bisect.bisect_left(starts, first) : bisect.bisect_left(starts, sentences[index][1])
    ]
    heading = _heading_date(text, headings.at(fig_start), sentences[index])
    if not near:
        return _resolved(heading, 0.45) if heading is not None else (None, None)
    if not _any_resolved(near) and (heading is None or not _any_resolved([heading])):
        return None, None

    def between(lo: int, hi: int) -> list[dict[str, Any]]:
        return [
            d
            for d in period_dates[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
            if not (fig_start <= d["start"] < fig_end)
            and ("baseline_from" not in d or d["baseline_from"] <= fig_start < d["start"])
            and not (d.get("dates_only_after") and fig_start < d["end"])
        ]

    sentence = sentences[index]
    in_sentence = between(sentence[0], sentence[1])
    after = [d for d in in_sentence if d["start"] >= fig_end]
    # ``deux satellites, en 2009 et en 2018``, ``deux cambriolages en 2019 et en 2021``
    # count as many events as the dates listed after them, one each: the period runs
    # from the first to the last.
    each = _one_date_each(text, figure, after)
    if each is not None:
        return _resolved(each, 0.65)
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
        # ``désormais``, ``à l'époque`` name no day: a calendar date that shares their
        # clause is the period (``est désormais complète et sera annoncée vendredi``).
        calendar = [d for d in clause if not str(d.get("value", "")).endswith("_REF")]
        # (``est passé de 18 milliards en 2008 à 6 milliards en 2023``: a date that
        # follows the figure at once is its own, however near the one before)
        adjacent = [d for d in calendar if DATE_RIGHT_AFTER.fullmatch(text, fig_end, d["start"])]
        nearest = min(
            adjacent or calendar or clause,
            key=lambda d: min(abs(d["start"] - fig_end), abs(fig_start - d["end"])),
        )
        return _resolved(nearest, 0.9)

    # A date later in the sentence, beyond a comma, is left out: on the gold articles it
    # is more often about another clause's event than about the figure.
    def framing(dates: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [d for d in dates if not _in_incise(text, d)]

    before = framing([d for d in in_sentence if d["end"] <= fig_start])
    if before:
        return _resolved(before[-1], 0.75)
    # ... but a date that is a whole incise right after the figure's clause dates that
    # clause (``a été agressé par deux individus, hier vers 18 h, place de la Mairie``).
    if after and _adverbial_incise_after(text, fig_end, after):
        return _resolved(after[0], 0.7)
    # ... and ``deux titres, respectivement en 2019 et en 2022`` counts events whose dates
    # follow: the period runs from the first to the last.
    respective = _respective_dates(text, figure, after, sentence[0], figure_starts)
    if respective is not None:
        return _resolved(respective, 0.7)
    # ... and figures listed before a colon take the date of what sums them up after it
    # (``Cinq vitrines brisées, trois voitures volées : les dégâts commis mardi``),
    # unless another figure comes first after the colon (``: elle en comptait 200 en
    # 2020`` dates the 200 only).
    summary = _date_summing_up(text, fig_end, framing(after), figure_starts)
    if summary is not None:
        return _resolved(summary, 0.65)
    for back in range(1, PERIOD_SENTENCES_BACK + 1):
        if index - back < 0:
            break
        previous = sentences[index - back]
        if paragraph_break_between(text, previous[0], sentences[index - back + 1][0]):
            break
        candidates = framing(between(previous[0], previous[1]))
        # (a date to come in the sentence before sets no period of this one: ``Il
        # prendra ses fonctions le 10 décembre. Le pays connaît une inflation de 143 %``)
        if candidates and candidates[-1].get("to_come"):
            break
        # (nor one told in the pluperfect, a flashback before the story: ``La région
        # avait été touchée le 1er janvier. Le Premier ministre a promis 5 milliards``)
        if (
            candidates
            and _in_pluperfect(text, _clause_around(text, previous, candidates[-1]))
            and not _in_pluperfect(text, _clause_around(text, sentence, figure))
        ):
            break
        # (nor one told in the past for a figure told in the present, a state at the
        # time of writing, or in the future: ``Les urgences ont ouvert 40 lits la semaine
        # dernière. Le taux d'occupation atteint 97 %``)
        # (``C'est 6 % de plus``, ``Soit 300 de plus``: a sentence that restates the
        # figure before it is told in that sentence's time)
        if (
            candidates
            and not _told_in_past(text, sentence)
            and not RESTATING_OPENING.match(text, sentence[0])
            and _told_in_past(text, previous)
        ):
            break
        # (nor a date gone by for a figure told in the future only: ``Le pays a acheté
        # 50 appareils en 2008. L'armée en recevra 12``)
        if candidates and _gone_by_for_a_future_figure(text, candidates[-1], sentence):
            break
        if candidates:
            return _resolved(candidates[-1], 0.6 - 0.1 * (back - 1))
    return _resolved(heading, 0.45) if heading is not None else (None, None)


def _heading_date(
    text: str, heading: dict[str, Any] | None, sentence: Sentence
) -> dict[str, Any] | None:
    """The heading's date, unless it is gone by and the figure is told in the future
    only (``Bilan 2025`` then ``Le gestionnaire investira 80 millions``), as for a date
    of the sentence before."""
    if heading is not None and _gone_by_for_a_future_figure(text, heading, sentence):
        return None
    return heading


def _gone_by_for_a_future_figure(text: str, date: dict[str, Any], sentence: Sentence) -> bool:
    """Whether ``date`` is not to come while the figure's sentence is told in the future
    only: that date, from a sentence before or a heading, sets no period of it."""
    return (
        not date.get("to_come")
        and FUTURE_VERB.search(text, sentence[0], sentence[1]) is not None
        and not _told_in_past(text, sentence)
    )


# ``C'est 6 % de plus qu'en 2022``, ``Cela représente``, ``Soit``, ``Ce chiffre``: a
# sentence opening on what the sentence before said.
RESTATING_OPENING = re.compile(
    r"\s*(?:c['’]est|cela|ça|soit|ce\s+(?:chiffre|montant|total|nombre|niveau|résultat))\b",
    re.IGNORECASE,
)
# ``avait été touchée``, ``avaient déjà fait``, ``était arrivé``: a past before the past.
PLUPERFECT = re.compile(
    r"\b(?:avai(?:t|ent)|étai(?:t|ent))\s+(?:(?:déjà|été|pas|jamais|encore|aussi|même|bien|alors"
    r"|tous|toutes|tout)\s+)*[^\W\d_]{2,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|its|ert|erts)\b",
    re.IGNORECASE,
)


def _clause_around(text: str, sentence: Sentence, item: dict[str, Any]) -> tuple[int, int]:
    """The clause of ``sentence`` that holds ``item`` (a date or a figure)."""
    start = max(
        sentence[0], max(text.rfind(mark, sentence[0], item["start"]) for mark in ",;:(") + 1
    )
    ends = [text.find(mark, item["end"], sentence[1]) for mark in ",;:)"]
    return start, min([end for end in ends if end != -1], default=sentence[1])


def _in_pluperfect(text: str, span: tuple[int, int]) -> bool:
    """Whether a verb in ``span`` is in the pluperfect (a cheap substring test first)."""
    window = text[span[0] : span[1]]
    return ("avai" in window or "étai" in window) and PLUPERFECT.search(window) is not None


def _told_in_past(text: str, sentence: Sentence) -> bool:
    """Whether a verb of ``sentence`` is in the past (by its form: no parse needed)."""
    return (
        PAST_VERB.search(text, sentence[0], sentence[1]) is not None
        or PAST_INFINITIVE.search(text, sentence[0], sentence[1]) is not None
    )


def _any_resolved(dates: list[dict[str, Any]]) -> bool:
    """Whether one of ``dates`` has a calendar date (what :func:`_resolved` asks)."""
    # (a loop: a generator costs more than the one or two dates near a figure)
    for date in dates:  # noqa: SIM110
        if date.get("start_date"):
            return True
    return False


# An incise that describes a noun: between commas, opened by a relative pronoun or a
# past participle (``l'immeuble, construit en 1890, comptait``, ``X, qui date de 1902,``).
INCISE_OPENING = re.compile(
    r",\s*(?:qui|dont|où|que|qu['’]|lequel|laquelle|lesquels|lesquelles"
    # (a participle; not an imperfect: ``, devait être extradé hier soir``)
    r"|[^\W\d_]{2,}(?:é|ée|és|ées|i|ie|is|ies|(?<!a)it|ite|its|ites|u|ue|us|ues|ert|erte|erts"
    r"|ertes))"
    r"\b[^,;:.!?()\n]*$",
    re.IGNORECASE,
)
# ``Pogačar, vainqueur en 2021, reste deuxième``: a noun in apposition to a name.
APPOSITION_OPENING = re.compile(
    r"[A-ZÀ-Ý][\w'’-]+,\s*(?!(?:en|au|aux|à|le|la|les|l|un|une|des|du|de|d|dans|depuis|dès"
    r"|pour|avec|sans|selon|par|sur|sous|entre|vers|après|avant|lors|il|elle|ils|elles|on"
    r"|ce|cet|cette|ces|puis|mais|et|ou|donc|soit|comme|cependant|toutefois|notamment|ainsi"
    r"|alors|enfin|déjà|aussi|même|plus|moins|très|désormais|encore|hier|demain|aujourd"
    # (nor a finite verb: the comma closed the subject's own apposition, ``Lefort,
    # l'ancien maire élu en 2008, devait être jugé hier``)
    r"|a|ont|est|sont|va|vont|doit|doivent|peut|peuvent|sera|seront|fut|furent"
    r"|[a-zà-ÿ]+(?:ait|aient))\b)"
    r"[a-zà-ÿ][^,;:.!?()\n]*$"
)
# ``Créée en 1995, l'association compte 300 bénévoles``: a participle opening the
# sentence describes its subject (``Côté``, ``Été`` open no such phrase).
DETACHED_PARTICIPLE_OPENING = re.compile(
    r"(?:^|[.!?»]\s+|\n\s*)(?:(?!(?:Côté|Été)\b)[A-ZÀ-Ý][^\W\d_]+(?:é|ée|és|ées)"
    r"|Née?s?|Élue?s?|Ouverte?s?|Construite?s?|Parue?s?|Issue?s?)\b[^,;:.!?()\n]*$"
)
# ... but an incise that says when the noun's event happened dates what the event did
# (``L'accident, survenu samedi, a fait trois morts``, ``qui s'est produit lundi``).
OCCURRENCE_INCISE = re.compile(
    r",\s*(?:qui\s+(?:s['’]est|se\s+sont|a\s+eu\s+lieu|ont\s+eu\s+lieu)\s*)?"
    r"(?:(?:survenue?s?|intervenue?s?|produite?s?|déroulée?s?)\b|(?<=lieu\s))"
    r"[^,;:.!?()\n]*$",
    re.IGNORECASE,
)
INCISE_CLOSING = re.compile(r"[^,;:.!?()]*,")
# A relative clause on a noun that runs to the end of its sentence (``le club, qui avait
# été sacré en 2023 et en 2024.``) is about that noun as an incise is.
RELATIVE_OPENING = re.compile(
    r",\s*(?:qui|dont|où|lequel|laquelle|lesquels|lesquelles)\b[^,;:.!?()\n]*",
    re.IGNORECASE,
)
CLAUSE_TO_SENTENCE_END = re.compile(r"[^,;:.!?()\n]*(?:[.!?]|$)")


def _in_incise(text: str, date: dict[str, Any]) -> bool:
    """Whether ``date`` stands in an incise that describes a noun (no parse needed)."""
    window = max(0, date["start"] - 80)
    # (the anchored tests first: most dates are followed by no comma nor sentence end)
    if not INCISE_CLOSING.match(text, date["end"]):
        comma = text.rfind(",", window, date["start"])
        return bool(
            comma != -1
            and CLAUSE_TO_SENTENCE_END.match(text, date["end"])
            and RELATIVE_OPENING.fullmatch(text, comma, date["start"])
        )
    return bool(
        INCISE_OPENING.search(text, window, date["start"])
        or APPOSITION_OPENING.search(text, window, date["start"])
        or DETACHED_PARTICIPLE_OPENING.search(text, window, date["start"])
    ) and not OCCURRENCE_INCISE.search(text, window, date["start"])


# The end of the figure's clause, the comma that opens the incise and the preposition
# that may open the date (``soit un taux de 5 %, d'ici 2027.``).
CLAUSE_THEN_COMMA = re.compile(
    r"[^,;:()\[\]«»\n]*,\s*"
    r"(?:(?:en|dès|depuis|d['’]|de|du|jusqu['’]\s*(?:en|à|au)|à partir (?:de|du|d['’])"
    r"|au cours (?:de|du|d['’])|pour|avant|après)\s*)?",
    re.IGNORECASE,
)
# What may close the incise: a comma, the sentence's end, a semicolon.
INCISE_END = re.compile(r"\s*(?:[,;]|[.!?](?:\s|$)|$)")
# Dates that follow one another in one incise: ``hier vers 18 h``, ``mardi à 9 h``.
DATE_CHAIN = re.compile(r"\s*(?:vers|à|dès|et)?\s*", re.IGNORECASE)


def _adverbial_incise_after(text: str, fig_end: int, dates: list[dict[str, Any]]) -> bool:
    """Whether the first of ``dates`` (those after the figure, in text order), with the
    dates chained to it, stands alone between commas right after the figure's clause."""
    if CLAUSE_THEN_COMMA.fullmatch(text, fig_end, dates[0]["start"]) is None:
        return False
    end = dates[0]["end"]
    for following in dates[1:]:
        if following["start"] < end or not DATE_CHAIN.fullmatch(text, end, following["start"]):
            break
        end = following["end"]
    return INCISE_END.match(text, end) is not None


RESPECTIVELY = re.compile(r"[^;:.!?()]*,\s*respectivement\b", re.IGNORECASE)


def _respective_dates(
    text: str,
    figure: dict[str, Any],
    dates: list[dict[str, Any]],
    sentence_start: int,
    figure_starts: list[int],
) -> dict[str, Any] | None:
    """What ``respectivement`` right after the figure's clause gives it of ``dates``
    (after the figure, in its sentence, each resolved): its own date where the clause
    lists as many figures as there are dates (``300 et 400 ventes, respectivement en
    2019 et 2020``), else the span from the first date to the last (``deux titres,
    respectivement en 2019 et en 2022``)."""
    fig_end = figure["end"]
    if not dates or "respectivement" not in text[fig_end : dates[0]["start"]].lower():
        return None
    opening = RESPECTIVELY.match(text, fig_end, dates[0]["start"])
    if opening is None or not all(date.get("start_date") for date in dates):
        return None
    listed = figure_starts[
        bisect.bisect_left(figure_starts, sentence_start) : bisect.bisect_left(
            figure_starts, opening.end()
        )
    ]
    if len(listed) == len(dates) > 1 and figure["start"] in listed:
        return dates[listed.index(figure["start"])]
    return _spanning(text, dates[0], dates[-1])


# ``deux satellites, en 2009 et en 2018``: a comma or nothing after the counted events,
# the dates joined by commas and ``et``, nothing after them but the end of the sentence.
EACH_DATE_OPENING = re.compile(
    r"[^,;:.!?()]*,?\s*(?:en|le|la|l['’]|au|aux|dès)?\s*$", re.IGNORECASE
)
EACH_DATE_JOIN = re.compile(r"\s*(?:,|,?\s*et)\s*(?:en|le|la|l['’]|au|aux|dès)?\s*", re.IGNORECASE)
EACH_DATE_CLOSING = re.compile(r"\s*(?:[.;!?)]|$)")


def _one_date_each(
    text: str, figure: dict[str, Any], dates: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The span from the first to the last of ``dates`` (after the figure, in its
    sentence) when they alone close the sentence, after a comma or in the figure's
    clause, and there are as many as the events the figure counts (``deux satellites,
    en 2009 et en 2018``)."""
    value = figure.get("value")
    if (
        len(dates) < 2
        or figure.get("unit")
        or not isinstance(value, (int, float))
        or value != len(dates)
        or not all(date.get("start_date") for date in dates)
        or not EACH_DATE_OPENING.fullmatch(text, figure["end"], dates[0]["start"])
        or not EACH_DATE_CLOSING.match(text, dates[-1]["end"])
    ):
        return None
    for first, second in itertools.pairwise(dates):
        if not EACH_DATE_JOIN.fullmatch(text, first["end"], second["start"]):
            return None
    return _spanning(text, dates[0], dates[-1])


def _date_summing_up(
    text: str, fig_end: int, dates: list[dict[str, Any]], figure_starts: list[int]
) -> dict[str, Any] | None:
    """The first of ``dates`` (after the figure, in its sentence) when it follows the
    first colon after the figure in a phrase that sums up (no figure between the colon
    and it, no clause of its own: ``NEW_CLAUSE_WORDS``)."""
    if not dates:
        return None
    colon = text.find(":", fig_end, dates[0]["start"])
    if colon == -1:
        return None
    next_figure = bisect.bisect_left(figure_starts, colon)
    if next_figure < len(figure_starts) and figure_starts[next_figure] < dates[0]["start"]:
        return None
    phrase = text[colon + 1 : dates[0]["start"]].strip().lower()
    for opening in SUMMING_UP_OPENINGS:
        if phrase.startswith(opening):
            phrase = phrase[len(opening) :]
            break
    words = re.findall(r"[^\W\d_]+['’]?", phrase)
    return None if NEW_CLAUSE_WORDS.intersection(words) else dates[0]


def _ends_near_statement_verb(folded: str) -> bool:
    """A cheap test that ``STATEMENT_BEFORE`` may match: a statement verb among the last
    words (``a-t-il annoncé ce``) of the window, lowered (``folded``)."""
    # (``rsplit`` stops at the sixth word from the end: the window's start is not split)
    words = folded.rsplit(None, 6)[-6:]
    # (one set test for the words without a hyphen, most of them: a word is its own
    # part before a hyphen)
    if not _UNHYPHENATED_STATEMENT_VERBS.isdisjoint(words):
        return True
    return "-" in folded and any(
        word.partition("-")[0] in STATEMENT_VERBS for word in words if "-" in word
    )


# (the part of a word before a hyphen has none: a verb written with one is never met)
_UNHYPHENATED_STATEMENT_VERBS = frozenset(verb for verb in STATEMENT_VERBS if "-" not in verb)


def _names_a_baseline(folded: str) -> bool:
    """A cheap test that ``BASELINE_BEFORE`` may match in the window before a date, lowered
    (``folded``): the start of one of its comparisons is there (substring tests on the
    window beat the case-blind regex search, and most dates follow no comparison).

    Every letter of these matches, without case, its capital alone, but for the ``s``
    of ``vs``, which the case-blind regex also reads as a long s (``ſ``, which ``lower``
    keeps): a window the regex matches holds one of them, lowered.
    """
    return (
        "rapport" in folded
        or "compar" in folded
        or "qu'en" in folded
        or "qu’en" in folded
        or "contre" in folded
        or "vs" in folded
        or "vſ" in folded
        or ("qu" in folded and any(word in folded for word in COMPARATIVE_WORDS))
        or "celui" in folded
        or "celle" in folded
        or "ceux" in folded
        or "moyenne" in folded
    )


def _names_a_comparison(folded: str) -> bool:
    """A cheap test that ``BASELINE_PHRASE_BEFORE`` may match in the window before a date,
    lowered (``folded``): three substring tests on a short window beat one case-blind
    regex search."""
    return "rapport" in folded or "compar" in folded or "contre" in folded


def _resolved(
    date: dict[str, Any], confidence: float
) -> tuple[dict[str, Any] | None, float | None]:
    return (date, confidence) if date.get("start_date") else (None, None)
