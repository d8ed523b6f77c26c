"""Link each figure to its subject (who), metric (what) and period (when).

Reads the plain dicts left on the Doc by the dates, figures and entities
components and fills the figure dicts in place. Uses the dependency parse
where the pipeline has one and falls back to word order where it has not.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from ami_facts.components.doc_text import text_of
from ami_facts.components.entities import find_periphrases, main_subject
from ami_facts.components.parse import sentence_bounds
from ami_facts.french.metrics import MetricLexicon, anaphoric_nouns, metric_lexicon
from ami_facts.hits import EntityHit
from ami_facts.patterns import alternation

# Metrics for which a brand's count is really its product's (``la marque a écoulé
# 2 000 exemplaires du modèle``: the model sold, not the brand).
# ``Tesla a livré 484 507 véhicules``: counted as vehicles, the brand's whole output,
# not its best-known model's.
GENERIC_VEHICLES = {"véhicule", "voiture", "automobile", "auto", "camion", "moto", "deux-roues"}
PRODUCT_METRICS = {"sales", "orders", "deliveries", "production", "registrations", "price"}
# Any named thing can be the grammatical subject of a figure's verb; word order alone
# (the closest preceding mention) is trusted only for products and organisations,
# and for people where the figure ranks or times them (sports results).
PARSE_SUBJECT_LABELS = {"PRODUCT", "ORG", "LOC", "PER"}
ORDER_SUBJECT_LABELS = {"PRODUCT", "ORG"}
COMPETITION_METRICS = {"rank", "time_gap", "time_bonus"}
PERSONAL_PRONOUNS = {"il", "elle", "ils", "elles"}
# An intertitle: a short line alone between blank lines, not ending a sentence. The
# look-ahead turns down a paragraph at its 100th character, where the lazy line alone
# would try every length up to 100 (possessive: it gives nothing back).
INTERTITLE = re.compile(
    r"(?:^|\n\n)(?=[^\n]{0,100}+[ \t]*\n\n)(?P<line>[^\n]{3,100}?(?<![.!,;:…]))[ \t]*\n\n"
)
# How far back a pronoun's antecedent is looked for (about two sentences).
PRONOUN_WINDOW = 300
# A blank line, or a line that ends a sentence, ends a paragraph (wrapped lines do not).
PARAGRAPH_ENDS = ("\n\n", ".\n", "!\n", "?\n", "»\n")
IMPERSONAL_VERBS = {
    "être",
    "falloir",
    "sembler",
    "paraître",
    "agir",
    "exister",
    "rester",
    "manquer",
}
# ``la marque`` may refer to a brand named a few paragraphs before.
ANAPHORA_WINDOW = 1500
SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
# Clause links through which a verb takes the subject of the verb it depends on:
# ``devrait envoyer``, ``pourrait acheter``, ``confirmait ... en se classant troisième``.
SUBJECT_CLIMB_DEPS = {"xcomp", "conj", "advcl"}
SUBJECTLESS_CLAUSE_DEPS = {"acl", "acl:relcl", "xcomp", "advcl"}
PERIOD_DATE_TYPES = {"DATE"}
# A line that ends with one of these ends its sentence.
LINE_ENDS_SENTENCE = re.compile(r"[.!?…»][ \t]*\n\s*")
Sentence = tuple[int, int]
# Punctuation that closes a clause: a date beyond it governs a figure only when no
# date shares the figure's own clause.
CLAUSE_BREAK = re.compile(r"[,;:()\[\]«»]")
# ``en hausse de 9 % par rapport à 2022``: the date is the baseline, not the period.
BASELINE_BEFORE = re.compile(
    r"(?:par rapport (?:à|au|aux)|comparé (?:à|au)|rapporté (?:à|au)|qu'en|qu’en|contre|vs\.?)"
    r"\s*(?:l'|l’|la|le|les)?\s*$",
    re.IGNORECASE,
)
# A source named before a figure: ``selon``/``d'après`` and up to six words.
SOURCE_BEFORE = re.compile(
    r"\b(?:selon|d['’]après|source\s*:)(?:\s+|['’])(?:[\w-]+(?:\s+|['’])){0,6}$", re.IGNORECASE
)
SINCE_BEFORE = re.compile(r"\bdepuis\s*$", re.IGNORECASE)
INTERVAL_START = re.compile(r"\b(?:entre|de|du|depuis)\s*$", re.IGNORECASE)
INTERVAL_JOIN = re.compile(r"\s*(?:et|à|au|-|–)\s*", re.IGNORECASE)
# How far back (in characters) word clues for the metric are looked for in a clause.
METRIC_WINDOW = 60
AFTER_WINDOW = 30
# Words that join a figure to the one before it and make it share its noun and metric:
# ``3 714 exemplaires ou 412 chaque mois``, ``650 commandes soit près de 2 000``.
COORDINATION = re.compile(r"^[\s,;(]*(?:ou|et|soit|dont|voire|contre)?[\s,;(]*$", re.IGNORECASE)
COORDINATION_MAX_GAP = 40
_QUALIFIER_WORDS = re.compile(
    r"\b(?:près|environ|quelque|plus|moins|de|d'|d’|quasi|au|aux)\b", re.IGNORECASE
)
# A results row: ``3. Peschel (All) à 1'03"``; its rank figure is a bare number with a dot.
RESULTS_RANK = re.compile(r"\d{1,3}\.")
RESULTS_NAME_GAP = 4
# The competitor's name right after a results rank when no entity covers it:
# an optional initial, then one or two capitalised words (``M. Zberg``, ``van Petegem``).
RESULTS_NAME = re.compile(
    r"\s*((?:[A-Z]\.\s*)?(?:(?:van|von|de|da|di|le|la)\s+)?[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?)"
)
SHARE_AFTER = re.compile(
    r"\s*(?:des\s|du\s|de\s+l['’]|de\s+(?:la|ses|son|sa|leurs?|ces|cette|nos|vos|tous|toutes)\s)",
    re.IGNORECASE,
)
# Metrics that measure money: a clue naming one is ignored for a figure that is not.
MONEY_METRICS = {"price", "cost", "revenue"}
# A race time after ``à`` is a gap to the winner (``2. Mauri à 41"``, ``terminé à 5 minutes``).
TIME_GAP_BEFORE = re.compile(r"\bà\s*(?:plus de\s*|moins de\s*)?$")
RACE_TIME_UNITS = {"s", "min"}


@dataclass(frozen=True)
class Mention:
    """A place in the text that names a possible subject."""

    start: int
    end: int
    name: str
    label: str


def _sentences(doc: Doc, text: str) -> list[Sentence]:
    """Sentences as character ranges, also cut where a line ends a sentence.

    From the parse where the pipeline gives sentence starts, else from the same
    regular expression the lean parse uses; parsers often run across line ends.
    """
    if not doc.has_annotation("SENT_START"):
        return _text_sentences(text)
    return _cut_at_line_ends(text, [(sent.start_char, sent.end_char) for sent in doc.sents])


def _text_sentences(text: str) -> list[Sentence]:
    # No cut at line ends: the rules already end a sentence at every line end after a
    # mark (``_cut_at_line_ends`` would return these ranges unchanged).
    return sentence_bounds(text)


def _cut_at_line_ends(text: str, spans: list[Sentence]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for start, end in spans:
        for line_end in LINE_ENDS_SENTENCE.finditer(text, start, end):
            if line_end.end() < end:
                sentences.append((start, line_end.start() + 1))
                start = line_end.end()
        if start < end:
            sentences.append((start, end))
    return sentences


def _sentence_index(sentences: list[Sentence], offset: int) -> int | None:
    index = bisect.bisect_right(sentences, (offset, math.inf)) - 1
    if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
        return index
    return None


def _sentence_of(sentences: list[Sentence], offset: int) -> Sentence | None:
    index = _sentence_index(sentences, offset)
    return sentences[index] if index is not None else None


def _mentions(entity_dicts: list[dict[str, Any]], text: str) -> list[Mention]:
    mentions = [
        Mention(hit["start"], hit["end"], hit["name"], hit["label"])
        for hit in entity_dicts
        if hit["label"] in PARSE_SUBJECT_LABELS
    ]
    mentions.extend(Mention(s, e, name, "ORG") for s, e, name in find_periphrases(text))
    return sorted(mentions, key=lambda m: m.start)


def _token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _governing_verb(token: Token) -> Token | None:
    """The verb a figure depends on; in a copular clause (``X a été la voiture la plus
    vendue``), the predicate at the root, which holds the subject."""
    root = token
    for ancestor in [token, *token.ancestors]:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
        root = ancestor
    if any(child.dep_ == "cop" for child in root.children):
        return root
    return None


def _mention_covering(mentions: list[Mention], token: Token) -> Mention | None:
    start, end = token.idx, token.idx + len(token.text)
    for mention in mentions:
        if mention.start < end and start < mention.end:
            return mention
    # ``Un ancien de la Gestapo, Alfons Goetzfrid, a été condamné``: the apposition names
    # it; ``la ville de Lyon``, ``le groupe Volkswagen``: so does a thing's own name.
    naming = {"appos", "flat:name"} | (
        {"nmod", "flat", "compound"} if token.lemma_.lower() in anaphoric_nouns() else set()
    )
    for child in token.children:
        if child.dep_ in naming:
            for mention in mentions:
                if mention.start <= child.idx < mention.end:
                    return mention
    # A measure of a named thing (``la population de Nantes``, ``les ventes de la
    # Clio``) is about that thing; ``le tribunal de Marseille`` is not about Marseille.
    if token.lemma_.lower() not in metric_lexicon().nouns:
        return None
    for child in token.subtree:
        for mention in mentions:
            if mention.start <= child.idx < mention.end:
                return mention
    return None


def _antecedent(
    text: str,
    mentions: list[Mention],
    word: Token,
    labels: set[str],
    window: int = PRONOUN_WINDOW,
) -> Mention | None:
    """``La Renault 5 ... Elle offre 400 km``: the last thing named before the word.

    A pronoun's antecedent lies in its paragraph; a definite noun (``le groupe``,
    ``la marque``) may refer to a name a few paragraphs back (``window``).
    """
    window_start = max(0, word.idx - window)
    if window <= PRONOUN_WINDOW:
        paragraph_start = max(_rfind_before(text, word, end) for end in PARAGRAPH_ENDS)
        window_start = max(window_start, paragraph_start + 1)
    candidates = [
        m for m in mentions if window_start <= m.start and m.end <= word.idx and m.label in labels
    ]
    return candidates[-1] if candidates else None


def _rfind_before(text: str, word: Token, needle: str) -> int:
    """Where ``needle`` last occurs in the text before ``word`` (-1 if nowhere)."""
    return text.rfind(needle, 0, word.idx)


def _is_impersonal(verb: Token) -> bool:
    """``il est difficile de``, ``il faut``, ``il y a``: an ``il`` that stands for nothing."""
    return verb.lemma_ in IMPERSONAL_VERBS or any(child.lower_ == "y" for child in verb.children)


def _is_definite_reference(noun: Token) -> str | None:
    """``la marque``, ``ce modèle``: the label of what a definite noun refers back to."""
    label = anaphoric_nouns().get(noun.lemma_.lower())
    # ``le groupe américain`` refers back; ``le groupe de travail`` names something else.
    if label is None or any(child.dep_ in {"nmod", "acl"} for child in noun.children):
        return None
    determiners = [child for child in noun.children if child.dep_ == "det"]
    if any(
        "Def" in d.morph.get("Definite", []) or "Dem" in d.morph.get("PronType", [])
        for d in determiners
    ):
        return label
    return None


def _subject_from_parse(text: str, number: Token, mentions: list[Mention]) -> Mention | None:
    # ``500 salariés de Renault``, ``2 000 exemplaires de la Clio``: the counted noun's
    # complement says whose they are.
    counted = number.head if number.dep_ == "nummod" else None
    if counted is not None and counted.pos_ == "NOUN":
        for child in counted.children:
            if child.dep_ == "nmod" and child.i > counted.i:
                owner = next(
                    (m for m in mentions if m.start <= child.idx < m.end and m.label != "LOC"),
                    None,
                )
                if owner is not None:
                    return owner
    verb = _governing_verb(number)
    while verb is not None:
        for child in verb.children:
            if child.dep_ not in SUBJECT_DEPS:
                continue
            # ``Olano, qui s'est imposé avec 41" d'avance``: the relative pronoun
            # stands for the noun the clause hangs on.
            if "Rel" in child.morph.get("PronType", []) and verb.dep_.startswith("acl"):
                return _mention_covering(mentions, verb.head)
            if child.lower_ in PERSONAL_PRONOUNS:
                if child.lower_ == "il" and _is_impersonal(verb):
                    return None
                return _antecedent(text, mentions, child, {"PRODUCT", "ORG", "PER"})
            covering = _mention_covering(mentions, child)
            if covering is None and (label := _is_definite_reference(child)) is not None:
                return _antecedent(text, mentions, child, {label}, ANAPHORA_WINDOW)
            return covering
        if verb.dep_ not in SUBJECT_CLIMB_DEPS or verb.head is verb:
            return None
        verb = verb.head
    return None


def _intertitles(text: str) -> Iterator[re.Match[str]]:
    """``INTERTITLE.finditer(text)``, tried only where it can start: at 0 and blank lines."""
    pos = 0
    while pos != -1:
        match = INTERTITLE.match(text, pos)
        if match is None:
            pos = text.find("\n\n", pos + 1)
        else:
            yield match
            pos = text.find("\n\n", match.end())


def _section_topics(text: str, mentions: list[Mention]) -> list[tuple[int, Mention]]:
    """(section start, topic) for each intertitle that names a product or an organisation.

    An intertitle is a short line standing alone between blank lines, with no final
    full stop (``L'AMI Pro, une future concurrente pour la Renault Twizy Cargo ?``);
    the first product or organisation it names is what its section is about.
    """
    topics: list[tuple[int, Mention]] = []
    # Nothing that can be a topic is named: no need to look for intertitles.
    if not any(m.label in ORDER_SUBJECT_LABELS for m in mentions):
        return topics
    for heading in _intertitles(text):
        start, end = heading.span("line")
        named = [m for m in mentions if start <= m.start < end and m.label in ORDER_SUBJECT_LABELS]
        if named:
            topics.append((end, named[0]))
    return topics


def _topic_at(topics: list[tuple[int, Mention]], offset: int) -> Mention | None:
    """The topic of the section ``offset`` lies in (sections end at the next intertitle)."""
    current = None
    for start, topic in topics:
        if start > offset:
            break
        current = topic
    return current


def _names_anything(mentions: list[Mention], sentence: Sentence) -> bool:
    return any(sentence[0] <= m.start < sentence[1] for m in mentions)


def _is_the_actor(number: Token | None) -> bool:
    """``où 3 000 personnes travaillent``: the figure is its clause's own subject."""
    if number is None:
        return False
    phrase = number.head if number.dep_ == "nummod" else number
    return phrase.dep_ in SUBJECT_DEPS


def _has_noun_subject(number: Token | None) -> bool:
    """Whether the figure's clause names its own subject (then the article's is not it)."""
    verb = _governing_verb(number) if number is not None else None
    return verb is not None and any(
        child.dep_ in SUBJECT_DEPS and child.pos_ in {"NOUN", "PROPN"} for child in verb.children
    )


def _closest_before(
    text: str, mentions: list[Mention], sentence: Sentence | None, offset: int, labels: set[str]
) -> Mention | None:
    if sentence is None:
        return None
    best = None
    for mention in mentions:
        if (
            mention.label in labels
            and sentence[0] <= mention.start
            and mention.end <= offset
            and not _is_source(text, sentence, mention)
        ):
            best = mention
    return best


def _is_source(text: str, sentence: Sentence, mention: Mention) -> bool:
    """``Selon l'Ifop``, ``d'après une étude du cabinet X``: who says it, not what it is about."""
    return bool(SOURCE_BEFORE.search(text, max(sentence[0], mention.start - 60), mention.start))


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
    verb = _governing_verb(number) if number is not None else None
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


def _metric(
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


def _paragraph_break_between(text: str, start: int, end: int) -> bool:
    return "\n\n" in text[start:end]


def _same_clause(text: str, start: int, end: int) -> bool:
    return CLAUSE_BREAK.search(text, start, end) is None


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


def _period_dates(
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


def _period(
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
            _same_clause(text, dates[i]["end"], figure["start"])
            if dates[i]["end"] <= figure["start"]
            else _same_clause(text, figure["end"], dates[i]["start"])
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
        if _paragraph_break_between(text, previous[0], sentence[0]):
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
    """:func:`_period` over dates sorted by start: only the dates of two sentences are read."""
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
            _same_clause(text, d["end"], fig_start)
            if d["end"] <= fig_start
            else _same_clause(text, fig_end, d["start"])
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
        if _paragraph_break_between(text, previous[0], sentence[0]):
            return None
        candidates = between(previous[0], previous[1])
        if candidates:
            return candidates[-1]
    return None


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


def _results_rows(
    text: str, figures: list[dict[str, Any]], mentions: list[Mention]
) -> dict[int, Mention]:
    """Subjects of figures in results rows (``2. Mauri (Esp) à 41"``), by figure index.

    A row starts at a rank written ``N.`` followed by a name and runs to the next
    such rank; every figure in it is about the competitor named.
    """
    rows: list[tuple[int, Mention | None]] = []
    for index, figure in enumerate(figures):
        if figure["kind"] != "rank" or not RESULTS_RANK.fullmatch(
            text, figure["number_start"], figure["number_end"] + 1
        ):
            continue
        name = next(
            (
                m
                for m in mentions
                if 0 <= m.start - figure["number_end"] <= RESULTS_NAME_GAP
                and m.label in {"PER", "ORG"}
            ),
            None,
        )
        if name is None:
            match = RESULTS_NAME.match(text, figure["number_end"] + 1)
            if match is not None and "\n" not in match.group(1):
                name = Mention(match.start(1), match.end(1), match.group(1), "PER")
        rows.append((index, name))
    subjects: dict[int, Mention] = {}
    for row, (index, name) in enumerate(rows):
        if name is None:
            continue
        end = rows[row + 1][0] if row + 1 < len(rows) else len(figures)
        for member in range(index, end):
            # A row never spans a paragraph or a sentence-final period of prose.
            if member > index and (
                text.find("\n\n", figures[index]["end"], figures[member]["start"]) != -1
            ):
                break
            subjects[member] = name
    return subjects


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
            sentences=_sentences(doc, text),
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
            sentences=_text_sentences(text),
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
    mentions = _mentions(entities, text)
    product = main_subject_mention(entities, mentions)
    row_subjects = _results_rows(text, figures, mentions)
    topics = _section_topics(text, mentions)
    period_dates = _period_dates(text, dates, anchor)
    starts = [d["start"] for d in period_dates]
    # out of order (not expected from find_dates): read them all
    period_starts = None if any(a > b for a, b in itertools.pairwise(starts)) else starts
    previous: dict[str, Any] | None = None
    for index, figure in enumerate(figures):
        coordinated = previous is not None and _coordinated(text, previous, figure)
        sentence_index = _sentence_index(sentences, figure["number_start"])
        sentence = sentences[sentence_index] if sentence_index is not None else None
        if sentence is not None:
            figure["sentence_start"], figure["sentence_end"] = sentence
        number = (
            _token_at(doc, figure["number_start"], figure["number_end"])
            if doc is not None
            else None
        )
        confidence = 0.4
        subject = row_subjects.get(index)
        if subject is None and number is not None:
            subject = _subject_from_parse(text, number, mentions)
            confidence += 0.2 if subject is not None else 0.0
        if subject is None and coordinated and previous is not None and previous.get("subject"):
            subject = Mention(
                previous["subject_start"], previous["subject_end"], previous["subject"], "PRODUCT"
            )
        metric = _metric(text, figure, number, sentence, subject)
        if metric is None and coordinated and previous is not None:
            metric = previous["metric"]
        if subject is None and mentions and not _is_the_actor(number):
            labels = ORDER_SUBJECT_LABELS | ({"PER"} if metric in COMPETITION_METRICS else set())
            subject = _closest_before(text, mentions, sentence, figure["start"], labels)
        if (
            subject is None
            and topics
            and sentence is not None
            and not _names_anything(mentions, sentence)
        ):
            subject = _topic_at(topics, figure["start"])
        if (
            subject is None
            and product is not None
            and metric in PRODUCT_METRICS
            and not _has_noun_subject(number)
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
        period = _period(text, period_dates, figure, sentences, sentence_index, period_starts)
        if period is not None:
            figure["period_start"] = period["start_date"]
            figure["period_end"] = period["end_date"]
            figure["period_text"] = period["text"]
        figure["confidence"] = round(min(confidence, 1.0), 2)
        previous = figure


def main_subject_mention(
    entity_dicts: list[dict[str, Any]], mentions: list[Mention]
) -> Mention | None:
    """The first mention of the article's main subject, if it has one."""
    name = main_subject([EntityHit(**hit) for hit in entity_dicts])
    if name is None:
        return None
    return next((mention for mention in mentions if mention.name == name), None)
