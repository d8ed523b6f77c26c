"""What speaks for each named thing being a figure's subject (SPEC, "Which subject").

Candidates are the mentions of the figure's sentence and of the two sentences before
it in its paragraph, what the parse points to, the competitor of a results row, the
subject of the figure it is coordinated with, the topic of its section, the names of
the title and the article's main subject. Each candidate carries named evidence
(syntax, place in the text, whether its label suits the metric, whether it is only the
source of a statement); ``scoring.FieldModel`` weighs it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from ami_facts.components.linker.mentions import (
    LOCATIVE_BEFORE,
    Mention,
    follows_an_unnamed_subject,
)
from ami_facts.components.linker.metric import is_person_noun
from ami_facts.components.linker.owners import (
    a_persons_organisation,
    measures_an_economy,
    owned_by_several,
    place_of_y,
    possessor,
)
from ami_facts.components.linker.scoring import Candidate
from ami_facts.components.linker.sentences import CLAUSE_BREAK, Sentence
from ami_facts.components.linker.subject import (
    SOURCE_BEFORE,
    agents_beside_the_subject,
    is_the_actor,
    parse_subject,
    participle_agent,
    relative_subject,
    singular_pronoun_subject,
    spoken_for,
    topic_at,
    unnamed_definite_rate_holder,
    unnamed_indefinite_subject,
    unnamed_relative_head,
)
from ami_facts.french.linking import (
    COMPANY_MONEY_BEFORE,
    EVENT_NOUNS,
    PLACE_FRAME_PREPOSITIONS,
    RECORDING_FORMS,
    SPEECH_VERBS,
    VOTE_NOUNS,
)
from ami_facts.french.metrics import anaphoric_nouns

# The labels a subject of each metric can have (SPEC: a price or a power belongs to a
# product, a population to a place, a workforce or a revenue to an organisation).
METRIC_LABELS: dict[str, frozenset[str]] = {
    metric: frozenset(labels.split())
    for metric, labels in {
        "sales": "PRODUCT ORG PER",
        "orders": "PRODUCT ORG PER LOC",
        "deliveries": "PRODUCT ORG",
        "registrations": "PRODUCT ORG",
        "production": "PRODUCT ORG LOC",
        "fleet": "PRODUCT ORG LOC",
        "market_size": "LOC PRODUCT",
        "price": "PRODUCT ORG",
        "cost": "ORG LOC PRODUCT",
        "revenue": "ORG PER",
        "share": "LOC ORG PRODUCT PER",
        "margin": "ORG",
        "capacity": "PRODUCT ORG LOC",
        "distance": "PRODUCT PER",
        "length": "PRODUCT LOC PER",
        "diameter": "PRODUCT LOC",
        "speed": "PRODUCT PER",
        "power": "PRODUCT",
        "weight": "PRODUCT PER",
        "pressure": "PRODUCT",
        "population": "LOC",
        "workforce": "ORG",
        "deaths": "LOC",
        "injured": "LOC",
        "age": "PER ORG PRODUCT",
        "rank": "PER ORG PRODUCT LOC",
        "time_gap": "PER",
        "time_bonus": "PER",
    }.items()
}
# Metrics for which a brand's count is really its product's (``la marque a écoulé
# 2 000 exemplaires du modèle``: the model sold, not the brand).
# ``Tesla a livré 484 507 véhicules``: counted as vehicles, the brand's whole output,
# not its best-known model's.
GENERIC_VEHICLES = {"véhicule", "voiture", "automobile", "auto", "camion", "moto", "deux-roues"}
PRODUCT_METRICS = {"sales", "orders", "deliveries", "production", "registrations", "price"}
# What the parse says of the figure's verb's subject: the name itself, or what the
# subject noun or pronoun refers back to.
VERB_SUBJECT_EVIDENCE = ("parse_subject", "parse_definite", "parse_antecedent")
# Sentences before the figure's own, in its paragraph, whose mentions are candidates.
SENTENCES_BACK = 2
# A name in apposition to the figure: ``Jean Martin, 52 ans,``, ``Clio (12 000 ventes)``.
APPOSITION_GAP = re.compile(r"\s*[,(–—]\s*")
APPOSITION_CLOSE = re.compile(r"\s*(?:[,;)–—.]|$)")
# ``Romain Dufour, 8e de l'étape,``, ``Casper Ruud, 6e mondial.``, ``Paul Roux, 3e à 2
# minutes``: a rank says of what (a complement, a gap or a word or two), then the
# apposition closes.
RANK_APPOSITION_CLOSE = re.compile(
    r"\s*(?:(?:de|du|des|d['’])\s*[^\s,;.()]+(?:\s+[^\s,;.()]+){0,3}"
    r"|à\s+[^,;.()]{1,30}"  # (a gap to the winner: ``troisième à 2 minutes``)
    r"|[^\W\d_]+(?:\s+[^\W\d_]+)?)\s*(?:[,;)–—]|\.(?:\s|$)|$)",
    re.IGNORECASE,
)
# ``Paul Roux, troisième à 2 minutes``: the gap a ranked name finished at.
RANK_THEN_GAP = re.compile(
    r"\s*,\s*(?:\d+(?:e|er|re|ème)|[^\W\d_]+i[èe]me|premier|première)\s+à\s*"
)
# What a length of time described beside a person gives: an age or a term.
PERSON_DESCRIPTION_METRICS = frozenset({"age", "duration"})
# Between a person's name and a figure: ``, une lycéenne de`` or `` de`` (an age, a term).
PERSON_DESCRIPTION = re.compile(
    r"\s*(?:[,(]\s*(?:(?:un|une|le|la|l['’])\s*)?(?P<noun>[\w-]+)(?:\s+[\w-]+)?\s+)?"
    r"(?:âgée?s?\s+)?(?:de|d['’])\s*"
)
# Words before a name that only place it (``au camp de X``, ``chez X``).
PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:à|au|aux|en|dans|de|du|des|sur|vers|chez|par|pour)|\bd['’]|\bl['’]|\bla|\ble|\bles)"
    r"\s*$",
    re.IGNORECASE,
)
ARTICLE_BEFORE = re.compile(r"(?:\bl['’]|\b(?:la|le|les)\s+)$", re.IGNORECASE)
SPEECH_WINDOW = 40
SPEECH_WORDS = 4
WORD = re.compile(r"[\w’'-]+")
TITLE_MAX = 200
# How often an article names its main subject for it to be the topic of the whole article.
TOPIC_MENTIONS = 3
# Measures that a place can have as a whole (its population, a share of its people).
PLACE_WHOLE_METRICS = {"population", "share", "market_size", "fleet"}
# ``En Espagne, 41 % des ménages``: a clause that opens on a preposition and a place.
PLACE_FRAME = re.compile(
    "(?:" + "|".join(sorted(PLACE_FRAME_PREPOSITIONS, key=len, reverse=True)) + ")"
    r"(?:\s+(?:la|le|les)|\s*l['’])?"
)


@dataclass
class ArticleSubjects:
    """What every figure of one article may be about."""

    text: str
    mentions: list[Mention]
    starts: list[int]
    sentences: list[Sentence]
    topics: list[tuple[int, Mention]]
    title: list[Mention]
    main: Mention | None
    rows: dict[int, Mention]
    respective: dict[int, Mention]
    counts: Counter[str]
    contexts: dict[int, dict[str, float]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        text: str,
        mentions: list[Mention],
        sentences: list[Sentence],
        topics: list[tuple[int, Mention]],
        main: Mention | None,
        rows: dict[int, Mention],
        respective: dict[int, Mention] | None = None,
    ) -> ArticleSubjects:
        first_line = text.find("\n")
        title_end = first_line if 0 < first_line <= TITLE_MAX else 0
        counts = Counter(m.name for m in mentions)
        return cls(
            text=text,
            mentions=mentions,
            starts=[m.start for m in mentions],
            sentences=sentences,
            topics=topics,
            title=[m for m in mentions if m.end <= title_end],
            main=main,
            rows=rows,
            respective=respective or {},
            counts=counts,
        )

    def context_of(self, mention: Mention, sentence: Sentence) -> dict[str, float]:
        """:func:`mention_context`, read once per mention (many figures share a sentence)."""
        found = self.contexts.get(mention.start)
        if found is None:
            found = self.contexts[mention.start] = mention_context(self.text, sentence, mention)
        return found

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions starting in ``[start, end)``, in text order."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self.mentions[lo:hi]

    def names_near(self, sentence_index: int) -> bool:
        """Whether a sentence or one of the ``SENTENCES_BACK`` before it names anything."""
        first = self.sentences[max(0, sentence_index - SENTENCES_BACK)][0]
        return bool(self.between(first, self.sentences[sentence_index][1]))


PLACE_ONLY = frozenset({"LOC"})
COMPANY_ONLY = frozenset({"ORG"})
# Whether a candidate's label suits the metric, as evidence.
_FIT = {True: {"fits_metric": 1.0}, False: {"clash": 1.0}}


class _Pool:
    """Candidates by canonical name: each name once, with the mention nearest the figure.

    A mention is named by the most specific name the figure allows (a brand counting
    its model's units takes the name of ``main``, the article's main subject:
    :func:`most_specific`), so that both readings of the same thing pool their evidence.
    """

    def __init__(self, figure: dict[str, Any], main: Mention | None, metric: str | None) -> None:
        self.figure = figure
        self.main = main
        self.metric = metric
        self.by_name: dict[str, Candidate[Mention]] = {}

    def add(self, mention: Mention, **evidence: float) -> Candidate[Mention]:
        # (without a main subject, a mention's most specific name is its own)
        if self.main is not None:
            mention = most_specific(mention, self.main, self.metric, self.figure)
        candidate = self.by_name.get(mention.name)
        if candidate is None:
            candidate = self.by_name[mention.name] = Candidate(mention)
        elif _gap(mention, self.figure) < _gap(candidate.value, self.figure):
            candidate.value = mention
        candidate.note(**evidence)
        return candidate


def _gap(mention: Mention, figure: dict[str, Any]) -> int:
    start, end = int(figure["start"]), int(figure["end"])
    return start - mention.end if mention.end <= start else max(0, mention.start - end)


# ``..., celles de Stellantis de 15 %``: a demonstrative standing for the noun measured
# before, its owner, then the figure.
GAPPED_OWNER_BEFORE = re.compile(r"\b(?i:celles?|celui|ceux)\s+(?:de|du|des|d['’])\s*$")
GAPPED_FIGURE_BEFORE = re.compile(r"\s*(?:de|d['’]|à)\s*")
# ``AD obtient 29 % et le parti d'extrême droite Chega 18 %``: after ``et``, a name (with
# its article and head noun) right before the figure is the owner of a clause whose verb
# is left out.
GAPPED_AND_BEFORE = re.compile(
    r"(?<![^\W_])et\s+(?:(?:le|la|les|l['’])\s*(?:[^\W\d_]+(?:['’]|\s+)){0,4})?$"
)


# ``contre 13 800 pour l'américain Tesla``, ``et 35 pour son rival Uldis Bērziņš``: a figure
# compared with the one before it, then ``pour`` and whose it is.
COMPARED_BEFORE = re.compile(r"(?<![^\W_])(?:contre|et)\s+$", re.IGNORECASE)
COMPARED_OWNER_GAP = re.compile(
    r"\s+pour\s+(?:(?:le|la|les|l['’]|son|sa|ses|leur|leurs)\s*)?(?:[^\W\d_]+\s+){0,2}"
)


def _compared_owner(article: ArticleSubjects, figure: dict[str, Any]) -> Mention | None:
    """The name ``pour`` gives a figure set against the one before it."""
    text, end = article.text, figure["end"]
    if not COMPARED_BEFORE.search(text, max(0, figure["start"] - 8), figure["start"]):
        return None
    if not text.startswith(" pour ", end):  # (a cheap test first)
        return None
    for mention in article.between(end, end + 50):
        if COMPARED_OWNER_GAP.fullmatch(text, end, mention.start):
            return mention
    return None


def _owner_of_gapped_clause(article: ArticleSubjects, figure: dict[str, Any]) -> Mention | None:
    """``Les ventes de Renault ont baissé de 8 %, celles de Stellantis de 15 %``, ``AD
    obtient 29 % et Chega 18 %``: the name after ``celles de`` or ``et`` owns the figure
    that follows it, whatever the parser makes of the clause without its verb."""
    text = article.text
    start = figure["start"]
    for mention in article.between(max(0, start - 60), start):
        if GAPPED_FIGURE_BEFORE.fullmatch(text, mention.end, start) and GAPPED_OWNER_BEFORE.search(
            text, max(0, mention.start - 12), mention.start
        ):
            return mention
        if text[mention.end : start].isspace() and GAPPED_AND_BEFORE.search(
            text, max(0, mention.start - 50), mention.start
        ):
            return mention
    return None


def subject_candidates(
    article: ArticleSubjects,
    index: int,
    figure: dict[str, Any],
    number: Token | None,
    sentence_index: int | None,
    metric: str | None,
    coordinated_with: Mention | None,
) -> list[Candidate[Mention]]:
    """Every possible subject of ``figure`` with its evidence."""
    if not article.mentions and index not in article.rows and coordinated_with is None:
        return []  # nothing named (the rules alone often name nothing)
    if (
        number is None
        and coordinated_with is None
        and _names_nothing_near(article, index, figure, sentence_index)
    ):
        return []  # (``--fast``: most figures have no candidate; skip building the pool)
    if (paired := article.respective.get(index)) is not None:
        # (``Microsoft et Apple pèsent respectivement 4 100 et 3 800 milliards``: the
        # lists pair each figure with its name, whatever else the sentence says)
        return [Candidate(paired, {"respective": 1.0})]
    if (compared := _compared_owner(article, figure)) is not None:
        # (``18 500 voitures, contre 13 800 pour Tesla``: the figure set against the one
        # before is the named rival's, not what the sentence's verb counts)
        return [Candidate(compared, {"parse_owner": 1.0})]
    text = article.text
    main = article.main
    # (``Renault reste en tête avec 32 400 immatriculations, devant Peugeot``: a brand
    # ranked among others counts its own units, not its model's)
    # (nor when the article names the model once only, after the figure: ``Airbus a livré
    # 735 appareils`` in an article about Airbus that names the A320neo in passing)
    model_of_brands = (
        main
        if main is not None and (article.counts[main.name] > 1 or main.start < figure["start"])
        else None
    )
    if main is not None and sentence_index is not None:
        sentence = article.sentences[sentence_index]
        if sum(m.label == "ORG" for m in article.between(*sentence)) > 1:
            model_of_brands = None
    pool = _Pool(figure, model_of_brands, metric)
    found = parse_subject(text, number, article.mentions) if number is not None else None
    if found is not None:
        mention, how = found
        pool.add(mention, **{how: 1.0})
    elif (
        number is not None
        and len(people := [m for m in article.title if m.label == "PER"]) == 1
        and (pronoun := singular_pronoun_subject(number)) is not None
        and not follows_an_unnamed_subject(text, pronoun.idx)
    ):
        # ``Mali : Amadou Keita est mort ...`` then ``il a succombé à 81 ans``, the
        # name far back: a pronoun with no antecedent near stands for the one person the
        # title names.
        pool.add(people[0], parse_antecedent=1.0)
    if number is not None and (place := place_of_y(text, number, article.mentions)):
        pool.add(place, parse_antecedent=1.0, place_frame=1.0)
    labels = METRIC_LABELS.get(metric or "")
    economy = number is not None and measures_an_economy(text, number, figure["end"])
    if economy:
        labels = PLACE_ONLY  # (not the bank that forecasts it)
    elif metric == "revenue" and COMPANY_MONEY_BEFORE.search(
        text, max(0, figure["start"] - 60), figure["start"]
    ):
        labels = COMPANY_ONLY  # (``Son patron, Arthur Mensch, vise un chiffre d'affaires``)
    person_fits = labels is None or "PER" in labels
    if number is not None and (owner := possessor(text, number, article.mentions, person_fits)):
        if a_persons_organisation(owner, number):
            return []  # (an organisation the text does not name here)
        pool.add(owner, parse_possessor=1.0)
    if (owner := _owner_of_gapped_clause(article, figure)) is not None:
        pool.add(owner, parse_owner=1.0)
    if number is not None and (doer := relative_subject(text, number, article.mentions)):
        pool.add(doer, parse_subject=1.0)
    if number is not None and (agent := participle_agent(number, article.mentions)):
        pool.add(agent, parse_subject=1.0)
    if (row := article.rows.get(index)) is not None:
        pool.add(row, results_row=1.0)
    if coordinated_with is not None:
        pool.add(coordinated_with, coordinated=1.0)
    names_other = False
    if sentence_index is not None:
        names_other = _add_sentence_mentions(article, pool, sentence_index, metric, economy)
    # SPEC, "Which subject", 4: where the sentence names nothing that can be the
    # subject, the section's topic or the article's main subject is.
    # ``a condamné Pierre Lemoine, 58 ans, à``: a figure between commas right after a
    # name stands beside it, whatever verb the parser hangs it on, and whatever that
    # verb's subject refers back to (``Le club compte 12 points d'avance sur Lens,
    # deuxième``).
    if any("apposition" in candidate.evidence for candidate in pool.by_name.values()):
        for candidate in pool.by_name.values():
            if "apposition" not in candidate.evidence:
                for name in VERB_SUBJECT_EVIDENCE:
                    candidate.evidence.pop(name, None)
    # ``La Banque de France prévoit une croissance de 0,9 %``: who forecasts how an
    # economy fares does not own the figure.
    if economy:
        for candidate in pool.by_name.values():
            if candidate.value.label != "LOC":
                candidate.evidence.pop("parse_subject", None)
    # ``Le PDG de Renault, Luca de Meo, a annoncé un bénéfice de 2 milliards``: what
    # only a company has (what no person has: ``vise 820 livraisons``), the person
    # whose role names it announces for it; so does a person's forecast (``Le directeur
    # général, Michael O'Leary, prévoit 215 millions de passagers``), and what a person
    # announces or pledges (``la directrice générale d'Orange, X, a confirmé l'objectif de
    # 100 % de couverture``; ``la ministre a promis 1 500 recrutements``: no one's).
    if (labels is not None and "PER" not in labels) or (number is not None and spoken_for(number)):
        for candidate in list(pool.by_name.values()):
            if candidate.value.label == "PER" and "parse_subject" in candidate.evidence:
                del candidate.evidence["parse_subject"]
                employer = _employer_named_before(article, candidate.value)
                if employer is not None:
                    pool.add(employer, parse_owner=1.0)
    # ``Selon Le Monde, le groupe a vendu``: what a noun or a pronoun refers back to is
    # not the source its own sentence quotes.
    for candidate in pool.by_name.values():
        if "source" in candidate.evidence:
            candidate.evidence.pop("parse_definite", None)
            candidate.evidence.pop("parse_antecedent", None)
    # What the parse names (its verb's subject, its noun's owner, a pronoun's or a
    # possessive's antecedent): the sentence names a subject then too, and it weighs
    # against the mentions the parse does not name (only the parse gives ``parse_``).
    parsed = {
        name
        for name, candidate in pool.by_name.items()
        if number is not None and any(key.startswith("parse_") for key in candidate.evidence)
    }
    # ``l'IG Metall a appelé à la grève dans les usines, qui comptent 800 salariés``:
    # the parse names a thing with no name, and the main clause's names are not it.
    topic = topic_at(article.topics, figure["start"])
    framing = topic or main
    unnamed = (
        unnamed_relative_head(text, number, article.mentions)
        or unnamed_indefinite_subject(text, number, article.mentions)
        or (
            None
            if framing is not None and framing.label == "PRODUCT"
            else unnamed_definite_rate_holder(text, number, article.mentions)
        )
        if number is not None
        else None
    )
    inside = (
        range(unnamed.left_edge.idx, unnamed.right_edge.idx + len(unnamed.right_edge))
        if unnamed is not None
        else None
    )
    # (nor is the topic what a group owns: ``leur croissance``)
    several = number is not None and owned_by_several(text, number)
    alone = {} if names_other or parsed or several or unnamed else {"topic_alone": 1.0}

    def alone_if_fit(topic: Mention) -> dict[str, float]:
        # (a topic stands alone only for what it can measure, a price, a power, a
        # workforce, or what no metric names; not ``L'inflation atteint 2,8 %``, a
        # change, in an article about a bank)
        if _counts_its_own_kind(figure, topic):
            return {}
        return alone if metric is None or (labels is not None and topic.label in labels) else {}

    if topic is not None:
        pool.add(topic, section_topic=1.0, **alone_if_fit(topic))
    for mention in article.title:
        pool.add(mention, in_title=1.0)
    # The article's main subject, when it is named more than once; it is the topic of
    # the whole article when the title names it or it is named again and again.
    if main is not None and article.counts[main.name] > 1:
        # (not when the title names another organisation or product beside it:
        # ``Stellantis et Renault augmentent leurs prix`` is about neither alone)
        is_topic = (
            article.counts[main.name] >= TOPIC_MENTIONS
            or any(m.name == main.name for m in article.title)
        ) and not any(m.label in ("ORG", "PRODUCT") and m.name != main.name for m in article.title)
        pool.add(main, main_subject=1.0, **(alone_if_fit(main) if is_topic else {}))
    actor = 1.0 if is_the_actor(number) else 0.0
    # (only a name of the figure's own sentence can be such an agent: most figures have
    # none, and need no look at the parse)
    in_sentence = any(
        "before" in candidate.evidence or "after" in candidate.evidence
        for candidate in pool.by_name.values()
    )
    agents = [
        range(agent.left_edge.idx, agent.right_edge.idx + len(agent.right_edge))
        for agent in (
            agents_beside_the_subject(number) if number is not None and in_sentence else []
        )
    ]
    for candidate in pool.by_name.values():
        mention = candidate.value
        if (
            (parsed and mention.name not in parsed)
            or (inside is not None and mention.start not in inside)
            or any(mention.start in agent for agent in agents)
        ):
            candidate.note(parse_names_another=1.0)
        # (one call, in the order the evidence has always been noted in; ``Ses 120 000
        # habitants ne peuvent plus``: a figure that acts is still its possessor's)
        candidate.note(
            **{f"label_{mention.label}": 1.0},
            **(_FIT[mention.label in labels] if labels is not None else {}),
            salience=min(article.counts[mention.name], 5) / 5,
            figure_is_actor=0.0 if "parse_possessor" in candidate.evidence else actor,
        )
    return list(pool.by_name.values())


def _counts_its_own_kind(figure: dict[str, Any], topic: Mention) -> bool:
    """``47 hôpitaux ont été visés`` in an article about the hôpital de Brest, ``15
    constructeurs`` in one about Renault: a count of things of the topic's own kind
    counts others beside it, not what it has. (A product is a kind: its units are its
    own, ``2 000 voitures`` of a model.)"""
    counted = figure.get("counted")
    if not counted or topic.label == "PRODUCT":
        return False
    return anaphoric_nouns().get(counted) == topic.label or topic.name.lower().startswith(
        f"{counted} "
    )


# ``Le PDG de Renault, Luca de Meo``: an organisation a role names, then the person.
ROLE_OF_BEFORE = re.compile(r"\b[^\W\d_]+\s+(?:de|d['’]|du|chez)\s*$", re.IGNORECASE)
NAME_COMMA = re.compile(r"\s*,\s*")


def _employer_named_before(article: ArticleSubjects, person: Mention) -> Mention | None:
    """The organisation of the role a person's name is set beside (``Le PDG de Renault,
    Luca de Meo``)."""
    text = article.text
    for mention in article.between(max(0, person.start - 80), person.start):
        if (
            mention.label == "ORG"
            and NAME_COMMA.fullmatch(text, mention.end, person.start)
            and ROLE_OF_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        ):
            return mention
    return None


# ``54 % des suffrages de l'élection municipale de Vierzon``: a place named as the
# complement of an event's noun is where the event is, not the whole the share is of.
EVENT_COMPLEMENT_BEFORE = re.compile(
    rf"\b(?:{'|'.join(EVENT_NOUNS)})s?(?:\s+[^\W\d_]+){{0,2}}\s+(?:de|d['’]|du)\s*$",
    re.IGNORECASE,
)


# ``avec 52,4 % des voix``, ``45 % des suffrages exprimés``
SHARE_OF_VOTES_AFTER = re.compile(
    rf"\s*(?:des|de\s+leurs|de\s+ses)\s+(?:{'|'.join(VOTE_NOUNS)})\b", re.IGNORECASE
)


def _complement_of_an_event(text: str, mention: Mention) -> bool:
    return (
        EVENT_COMPLEMENT_BEFORE.search(text, max(0, mention.start - 60), mention.start) is not None
    )


def _names_nothing_near(
    article: ArticleSubjects, index: int, figure: dict[str, Any], sentence_index: int | None
) -> bool:
    """Whether no candidate can come up without the parse: no results row, no title
    name, no main subject, no section topic and no mention in the sentences read."""
    if index in article.rows or article.title or article.main is not None:
        return False
    if topic_at(article.topics, figure["start"]) is not None:
        return False
    return sentence_index is None or not article.names_near(sentence_index)


def _add_sentence_mentions(
    article: ArticleSubjects,
    pool: _Pool,
    sentence_index: int,
    metric: str | None,
    economy: bool,
) -> bool:
    """Mentions of the figure's sentence and of the sentences before it in its paragraph.

    ``economy``: the figure measures an economy as a whole (its rise or fall too: ``Le
    taux de chômage en France a augmenté de 0,2 point``). Returns whether the figure's
    own sentence names anything.
    """
    text, figure = article.text, pool.figure
    sentence = article.sentences[sentence_index]
    if not article.names_near(sentence_index):
        return False  # (most figures)
    first = sentence_index
    while (
        first > 0
        and sentence_index - first < SENTENCES_BACK
        and "\n\n" not in text[article.sentences[first - 1][1] : article.sentences[first][0]]
    ):
        first -= 1
    nearest_before: Candidate[Mention] | None = None
    names_any = False
    for back in range(sentence_index - first, -1, -1):
        start, end = article.sentences[sentence_index - back]
        for mention in article.between(start, end):
            if mention.start < figure["end"] and figure["start"] < mention.end:
                continue
            if back:
                pool.add(mention, **{f"sentence_back_{back}": 1.0})
                continue
            names_any = True
            evidence = {
                **_in_sentence(text, sentence, mention, figure, metric),
                **article.context_of(mention, sentence),
            }
            # ``7,6 % de la population active en France``: a place named in the clause of
            # a measure of places as wholes is the scope of that measure (SPEC, subject,
            # 3); not the place of an event (``54 % des voix à l'élection de Vierzon``).
            if (
                mention.label == "LOC"
                and (metric in PLACE_WHOLE_METRICS or economy)
                and evidence.get("same_clause")
                and evidence.get("after_preposition")
                and not _complement_of_an_event(text, mention)
                and not SHARE_OF_VOTES_AFTER.match(text, figure["end"])
            ):
                evidence["place_scope"] = 1.0
            candidate = pool.add(mention, **evidence)
            if mention.end <= figure["start"]:
                nearest_before = candidate
    if nearest_before is not None:
        nearest_before.note(nearest_before=1.0)
    # (``les Sud-Africains l'ont emporté 29 à 28``: the subject the parse finds in the
    # figure's own clause is no sentence back, though the text named it before too)
    for candidate in pool.by_name.values():
        if "parse_subject" in candidate.evidence:
            for back in range(1, SENTENCES_BACK + 1):
                candidate.evidence.pop(f"sentence_back_{back}", None)
        elif any(name.startswith("parse_") for name in candidate.evidence):
            # (what a pronoun refers back to is as far as its nearest mention)
            backs = sorted(n for n in candidate.evidence if n.startswith("sentence_back_"))
            for name in backs[1:]:
                del candidate.evidence[name]
    return names_any


def _in_sentence(
    text: str, sentence: Sentence, mention: Mention, figure: dict[str, Any], metric: str | None
) -> dict[str, float]:
    """How a mention of the figure's sentence stands to the figure."""
    before = mention.end <= figure["start"]
    gap_start, gap_end = (
        (mention.end, figure["start"]) if before else (figure["end"], mention.start)
    )
    evidence = {
        "before" if before else "after": 1.0,
        "distance": min(gap_end - gap_start, 300) / 100,
    }
    if CLAUSE_BREAK.search(text, gap_start, gap_end) is None:
        evidence["same_clause"] = 1.0
    if (
        before
        and APPOSITION_GAP.fullmatch(text, gap_start, gap_end)
        and (
            APPOSITION_CLOSE.match(text, figure["end"], min(sentence[1], figure["end"] + 3))
            or (
                figure["kind"] == "rank"
                and RANK_APPOSITION_CLOSE.match(
                    text, figure["end"], min(sentence[1], figure["end"] + 60)
                )
            )
        )
    ) or (
        before
        and metric == "time_gap"
        and RANK_THEN_GAP.fullmatch(text, gap_start, gap_end) is not None
    ):
        evidence["apposition"] = 1.0
    elif (
        before
        and mention.label == "PER"
        and metric in PERSON_DESCRIPTION_METRICS
        and _describes_person(text[gap_start:gap_end])
    ):
        # ``Léa Roux, une lycéenne de 17 ans``, ``X de 10 mois et Y de 8 mois``; not
        # ``devance X de 22 secondes`` (the margin is the winner's)
        evidence["apposition"] = 1.0
    return evidence


# A capitalised word right before a comma (the place a ``, en Guyane`` locates).
NAME_BEFORE_COMMA = re.compile(r"\b[A-ZÀ-Ý][\w'’-]*\s*,$")


def mention_context(text: str, sentence: Sentence, mention: Mention) -> dict[str, float]:
    """What a mention's own sentence says of it, whatever the figure: whether it is a
    source, a place that frames the clause, a name after a preposition."""
    evidence = {}
    if _is_source(text, sentence, mention):
        evidence["source"] = 1.0
    lead = text[sentence[0] : mention.start]
    # (a line break too: a heading with no final mark runs into the sentence below it)
    clause_lead = lead[max(lead.rfind(","), lead.rfind(";"), lead.rfind("\n")) + 1 :]
    # ``En Espagne, 41 % des ménages``: a place that opens the clause frames it (its
    # preposition then says nothing against it)
    # (not a place that locates the name before its comma: ``de Kourou, en Guyane,``)
    if (
        mention.label == "LOC"
        and PLACE_FRAME.fullmatch(clause_lead.strip().lower())
        and not NAME_BEFORE_COMMA.search(lead[: len(lead) - len(clause_lead)])
    ):
        evidence["place_frame"] = 1.0
        return evidence
    if PREPOSITION_BEFORE.search(lead[-12:]) and not ARTICLE_BEFORE.search(lead[-6:]):
        evidence["after_preposition"] = 1.0
    # ``admis au Centre hospitalier X``: an institution named as the place where
    # something happens (a place's own label says so already; whether a place suits
    # the metric is weighed by fits_metric and clash)
    if mention.label != "LOC" and LOCATIVE_BEFORE.search(lead[-12:]):
        evidence["locative"] = 1.0
    return evidence


def _is_source(text: str, sentence: Sentence, mention: Mention) -> bool:
    """``selon l'Insee``, ``a indiqué Jean Martin``, ``Jean Martin a précisé``: who says it."""
    if SOURCE_BEFORE.search(text, max(sentence[0], mention.start - 60), mention.start):
        return True
    before = WORD.findall(text[max(sentence[0], mention.start - SPEECH_WINDOW) : mention.start])
    after = WORD.findall(text[mention.end : min(sentence[1], mention.end + SPEECH_WINDOW)])
    # the speech verb inverted before the speaker (``a précisé le maire X``), or right
    # after it (``X a indiqué``); a place that records counts its own
    verbs = SPEECH_VERBS - RECORDING_FORMS if mention.label == "LOC" else SPEECH_VERBS
    return any(w.lower() in verbs for w in [*before[-SPEECH_WORDS:], *after[:3]])


def most_specific(
    subject: Mention, main: Mention | None, metric: str | None, figure: dict[str, Any]
) -> Mention:
    """A brand's count of units is its model's when the article is about that model.

    ``la marque a écoulé 2 000 exemplaires`` in an article about one of its models
    (the brand's name starts the model's): the model's; ``Tesla a livré 484 507
    véhicules`` counts the brand's whole output.
    """
    if (
        main is not None
        and subject.label == "ORG"
        and main.name.split()[0] == subject.name.split()[0]
        and main.name != subject.name
        and metric in PRODUCT_METRICS
        and figure.get("counted") not in GENERIC_VEHICLES
    ):
        return Mention(subject.start, subject.end, main.name, "PRODUCT")
    return subject


def _describes_person(gap: str) -> bool:
    match = PERSON_DESCRIPTION.fullmatch(gap)
    if match is None:
        return False
    noun = match.group("noun")
    return noun is None or is_person_noun(noun.lower()) or is_person_noun(noun.lower()[:-1])
