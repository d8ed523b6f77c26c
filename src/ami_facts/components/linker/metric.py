"""What a figure measures: clue phrases around it, its unit, its counted noun, its verb."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.tokens import Token

from ami_facts.components.linker.mentions import Mention
from ami_facts.components.linker.sentences import Sentence
from ami_facts.components.linker.syntax import SUBJECT_DEPS, SUBJECTLESS_CLAUSE_DEPS, governing_verb
from ami_facts.french.metrics import MetricLexicon, metric_lexicon
from ami_facts.patterns import alternation

# How far back (in characters) word clues for the metric are looked for in a clause.
METRIC_WINDOW = 60
AFTER_WINDOW = 30

SHARE_AFTER = re.compile(
    r"\s*(?:des\s|du\s|de\s+l['’]|de\s+(?:la|ses|son|sa|leurs?|ces|cette|nos|vos|tous|toutes)\s)",
    re.IGNORECASE,
)
# Metrics that measure money: a clue naming one is ignored for a figure that is not.
MONEY_METRICS = {"price", "cost", "revenue"}
# A race time after ``à`` is a gap to the winner (``2. Mauri à 41"``, ``terminé à 5 minutes``).
TIME_GAP_BEFORE = re.compile(r"\bà\s*(?:plus de\s*|moins de\s*)?$")
RACE_TIME_UNITS = {"s", "min"}


class _PhraseTable:
    """Phrase -> metric, read as one pattern: the longest phrase a text ends (or starts) with."""

    def __init__(self, table: dict[str, str], *, at_end: bool) -> None:
        self.table = table
        self.at_end = at_end
        # A trie tries the longest phrase first, and one letter at a time.
        phrases = alternation(table)
        self.pattern = re.compile(f"(?:{phrases})$" if at_end else phrases)
        # A phrase that ends a text starts no further than this from its end.
        self.longest = max(map(len, table), default=0)
        # The letters the phrases end (or start) with: most texts end (start) with none
        # of them and are turned down before they are folded.
        self.edges = {phrase[-1] if at_end else phrase[0] for phrase in table if phrase}

    def metric(self, text: str) -> str | None:
        # The edge letter of the folded text, without folding it.
        edge = text.rstrip()[-1:].lower()[-1:] if self.at_end else text.lstrip()[:1].lower()[:1]
        if edge not in self.edges:
            return None
        folded = " ".join(text.lower().split())
        if self.at_end:
            match = self.pattern.search(folded, max(0, len(folded) - self.longest))
        else:
            match = self.pattern.match(folded)
        return self.table[match.group()] if match else None


@cache
def _clue_phrases() -> tuple[_PhraseTable, _PhraseTable]:
    """The lexicon's phrases that follow a figure and those that precede it."""
    lexicon = metric_lexicon()
    return _PhraseTable(lexicon.after, at_end=False), _PhraseTable(lexicon.before, at_end=True)


def _duration_verb_metric(lexicon: MetricLexicon, number: Token | None) -> str | None:
    """``concédant 2'24"``: the verb says what a duration is."""
    verb = governing_verb(number) if number is not None else None
    return lexicon.duration_verbs.get(verb.lemma_.lower()) if verb is not None else None


def _metric_from_words(lexicon: MetricLexicon, number: Token | None) -> str | None:
    """Nearest word the figure depends on, up to its verb, found in the lexicon."""
    if number is None:
        return None
    for ancestor in number.ancestors:
        lemma = ancestor.lemma_.lower()
        if lemma in lexicon.verbs and ancestor.pos_ in {"VERB", "AUX", "ADJ"}:
            return lexicon.verbs[lemma]
        if ancestor.pos_ in {"NOUN", "PROPN", "ADJ"} and (
            found := _noun_phrase_metric(lexicon, ancestor)
        ):
            return found
        if ancestor.pos_ in {"VERB", "AUX"}:
            # ``Le chiffre d'affaires s'élève à 52 milliards``: the verb's subject says it.
            subjects = [child for child in ancestor.children if child.dep_ in SUBJECT_DEPS]
            if subjects:
                noun = subjects[0]
                return _noun_phrase_metric(lexicon, noun) if noun.pos_ == "NOUN" else None
            # ``le prix d'une voiture neuve atteint 35 000 euros`` parsed as a relative
            # clause: a verb without a subject leaves the question to its head.
            if ancestor.dep_ not in SUBJECTLESS_CLAUSE_DEPS:
                break
    return None


def _noun_phrase_metric(lexicon: MetricLexicon, noun: Token) -> str | None:
    """``chiffre d'affaires``, ``part de marché``, ``prix``: a noun and its complement."""
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ == "nmod":
            for link in ("de", "d'", "d’"):
                phrase = f"{lemma} {link} {child.text.lower()}".replace("' ", "'").replace(
                    "’ ", "’"
                )
                if phrase in lexicon.nouns:
                    return lexicon.nouns[phrase]
    return lexicon.nouns.get(lemma)


def find_metric(
    text: str,
    figure: dict[str, Any],
    number: Token | None,
    sentence: Sentence | None,
    subject: Mention | None,
) -> str | None:
    lexicon = metric_lexicon()
    if figure["kind"] == "rank":
        return "rank"
    # Up to the number itself: the figure's own words (``à partir de``) are clues too.
    clause_start = max(sentence[0] if sentence else 0, figure["number_start"] - METRIC_WINDOW)
    before = text[clause_start : figure["number_start"]]
    after = text[figure["end"] : figure["end"] + AFTER_WINDOW]
    after_phrases, before_phrases = _clue_phrases()
    metric = after_phrases.metric(after) or before_phrases.metric(before.rstrip(" ("))
    if figure["kind"] == "duration":
        if (
            metric is None
            and figure.get("unit") in RACE_TIME_UNITS
            and TIME_GAP_BEFORE.search(before)
        ):
            metric = "time_gap"
        return metric or _duration_verb_metric(lexicon, number) or lexicon.kinds["duration"]
    # ``7,5 % de la population``, ``80 % des Français``: a share of something.
    if metric is None and figure["kind"] == "percent" and SHARE_AFTER.match(after):
        metric = "share"
    metric = (
        metric
        or lexicon.units.get(figure.get("unit") or "")
        or _metric_from_words(lexicon, number)
        or lexicon.nouns.get(figure.get("counted") or "")
    )
    # ``gagner 200 000 abonnés`` is no revenue: money metrics need an amount of money.
    if metric in MONEY_METRICS and figure["kind"] not in {"money", "percent"}:
        metric = None
    if metric is None and figure["kind"] == "percent" and figure.get("per"):
        metric = "change"
    if metric is None and figure["kind"] == "money":
        metric = "price" if subject is not None and subject.label == "PRODUCT" else "cost"
    # What a product costs is its price (``la Twizy coûte 7 000 €``).
    if metric == "cost" and subject is not None and subject.label == "PRODUCT":
        metric = "price"
    return metric or lexicon.kinds.get(figure["kind"])
