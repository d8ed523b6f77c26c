"""The tense of the clause around a date, from the morphologizer (``token.morph``).

Where the model's morphology is there (the full pipeline, or the sentences the lean one
tags: ``components/parse.py``), the direction of a weekday, ``ce week-end`` or a day
and month without a year comes from the verb next to it: ``a fait évacuer`` (past),
``fera`` (future), ``lâche`` (present). Elsewhere ``_Ctx.tense`` keeps its regular
expressions (``--fast``).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from ami_facts.components.dates.context import TenseOf
from ami_facts.french import calendar as fr
from ami_facts.french.linking import REPORTING_FORMS

# How many tokens after an auxiliary its participle or infinitive may come ("a déjà fait")
_REACH = 3


def _feature(token: Token, name: str) -> str:
    values = token.morph.get(name, [])
    return values[0] if values else ""


def _next_verb(tokens: list[Token], i: int) -> Token | None:
    for token in tokens[i + 1 : i + 1 + _REACH]:
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.is_punct:
            return None
    return None  # (reflexive pronouns in between are skipped: "s'est-il réuni")


def _group_tense(tokens: list[Token], i: int) -> int | None:
    """The tense of the verb group whose finite verb is ``tokens[i]`` (None: not one)."""
    verb = tokens[i]
    if _feature(verb, "VerbForm") != "Fin":
        return None
    tense, low = _feature(verb, "Tense"), verb.lower_
    if _feature(verb, "Mood") == "Cnd" or tense == "Fut":
        return 1  # "signera", "devrait signer"
    if tense in ("Imp", "Past"):
        return -1  # "signait", "signa", "avait signé"
    following = _next_verb(tokens, i)
    if following is not None:
        form = _feature(following, "VerbForm")
        past_participle = form == "Part" and _feature(following, "Tense") == "Past"
        reflexive = i > 0 and tokens[i - 1].lower_ in fr.REFLEXIVE_PRONOUNS
        if past_participle and (low in fr.AVOIR_PRESENT or (low in fr.ETRE_PRESENT and reflexive)):
            return -1  # "a signé", "s'est réuni"; not "est prévue" (a passive present)
        if form == "Inf" and low in fr.NEAR_FUTURE_AUXILIARIES:
            return 1  # "va signer"
        if form == "Inf" and low in fr.RECENT_PAST_AUXILIARIES:
            return -1  # "vient de signer"
    return 0


def _reporting_incise(tokens: list[Token], i: int) -> bool:
    """``Le Smic augmentera au 1er mai, a annoncé le ministre``: a verb of speech set
    after a comma reports the clause; its tense is the report's, not the date's."""
    if i == 0 or tokens[i - 1].text != ",":
        return False
    following = _next_verb(tokens, i)
    return tokens[i].lower_ in REPORTING_FORMS or (
        following is not None and following.lower_ in REPORTING_FORMS
    )


class MorphTenses:
    """A tense oracle over a Doc's morphology: the verb group nearest a position."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # (offset, tense, whether it reports the clause from an incise), built on demand
        self._groups: list[tuple[int, int, bool]] | None = None
        self._offsets: list[int] = []

    def _build(self) -> list[tuple[int, int, bool]]:
        tokens = [
            t
            for t in self.doc
            if t.pos_ in ("VERB", "AUX") or t.is_punct or t.lower_ in fr.REFLEXIVE_PRONOUNS
        ]
        groups = []
        for i, token in enumerate(tokens):
            if token.pos_ not in ("VERB", "AUX"):
                continue
            tense = _group_tense(tokens, i)
            if tense is not None:
                groups.append((token.idx, tense, _reporting_incise(tokens, i)))
        return groups

    def __call__(self, pos: int, lo: int, hi: int) -> int | None:
        if self._groups is None:
            self._groups = self._build()
            self._offsets = [offset for offset, _, _ in self._groups]
        k = bisect.bisect_left(self._offsets, pos)
        # (an incise reporting the clause tells the tense of its own words only: the
        # ``mercredi`` of ``..., a annoncé mercredi le ministre``, not the date before it)
        after = k
        while after < len(self._groups) and self._groups[after][2]:
            after += 1
        best: tuple[int, int] | None = None
        for j in (k - 1, after):
            if 0 <= j < len(self._groups):
                offset, tense, _ = self._groups[j]
                if lo <= offset < hi and (best is None or abs(offset - pos) < best[0]):
                    best = (abs(offset - pos), tense)
        return best[1] if best is not None else None


def morph_tenses(doc: Doc) -> TenseOf | None:
    """The tense oracle of ``doc``, or None when no token has a morphology."""
    return MorphTenses(doc) if doc.has_annotation("MORPH") else None
