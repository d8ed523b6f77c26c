"""The context a date expression is read in, and what a reader returns.

``Resolution`` holds the conventions for expressions that do not name their year
or week (``NEWS`` is the default); ``_Ctx`` the text, its anchor (the publication
date), its sentences and the tense near a position, plus what earlier expressions
named (the last explicit year of the sentence, the last day mentioned); ``_Built``
is what a reader makes of one match.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ami_facts.french.tenses import FUTURE_VERB, PAST_VERB
from ami_facts.hits import DateType

Range = tuple[int, int]
WeekdayDirection = Literal["nearest", "past", "future"]
DateDirection = Literal["same_year", "future", "past"]


@dataclass(frozen=True)
class Resolution:
    """How to resolve expressions that do not name their year or week.

    ``weekday``: ``nearest`` (news convention, as in the French TimeBank: the
    closest such day, with the tense of the sentence breaking the tie), ``past``
    (the last such day, today included) or ``future`` (the next one, today
    excluded).
    ``day_month``: a day or month without a year takes the anchor's year
    (``same_year``), or the next (``future``) or last (``past``) occurrence.
    ``merge_day_time``: ``demain à 11 h`` as one TIME (True) or as a DATE and a
    TIME (False, the TimeML/FTiB convention).
    ``merge_ranges``: ``du 13 au 15 juillet``, ``de 9 h à 11 h`` as one hit whose
    ``extra`` holds ``range_from``/``range_to`` (False: two hits, as in FTiB).
    ``prochain``: ``jeudi prochain`` said on a Tuesday is the coming Thursday
    (``next``) or the Thursday of next week (``next_week``); French usage varies.
    """

    weekday: WeekdayDirection = "nearest"
    day_month: DateDirection = "same_year"
    merge_day_time: bool = False
    prochain: Literal["next", "next_week"] = "next"
    merge_ranges: bool = False


NEWS = Resolution()


@dataclass
class _Built:
    type: DateType
    value: str
    start_date: str | None = None
    end_date: str | None = None
    relative: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    start: int | None = None  # span override
    end: int | None = None
    day: date | None = None  # a day this expression pins (for times that follow)
    year: int | None = None  # an explicit year it names


Handler = Callable[[re.Match[str], "_Ctx"], _Built | None]
Check = Callable[[re.Match[str], str], bool]

# Where a sentence ends, for the tense and the context of an expression.
SENTENCE_END = re.compile(r'[.!?…]+[\s»"]+(?=[A-ZÀ-Ý«"0-9])|\n\s*\n|\n(?=[A-ZÀ-Ý])')
# The same ends, found three times faster: their first character taken out in front
# lets re jump from mark to mark instead of trying the pattern at every position.
_SENT_RE = re.compile(
    r'[.!?…\n](?:(?<=[.!?…])[.!?…]*[\s»"]+(?=[A-ZÀ-Ý«"0-9])|(?<=\n)\s*\n|(?<=\n)(?=[A-ZÀ-Ý]))'
)
# (position, lowest offset, highest offset) -> +1 future, -1 past, 0 present, None unknown
TenseOf = Callable[[int, int, int], "int | None"]


class _Ctx:
    def __init__(
        self,
        text: str,
        anchor: date | None,
        res: Resolution,
        bounds: list[int] | None = None,
        tense_of: TenseOf | None = None,
    ) -> None:
        self.text = text
        self.tense_of = tense_of  # the morphologizer's tenses, where the model ran
        self.known: set[int] = set()  # positions whose tense the morphology gave
        self.asked = False  # whether the reader of the current match asked for a tense
        self.anchor = anchor
        self.res = res
        self.bounds = [m.end() for m in _SENT_RE.finditer(text)] if bounds is None else bounds
        self.years: list[tuple[int, int]] = []  # (position, explicit year)
        self.days: list[tuple[int, date]] = []  # (end position, day)
        self.pos = 0
        self.tenses: dict[int, int] = {}  # tense() by position (text and bounds fixed)

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.bounds, pos)

    def sentence_span(self, pos: int) -> Range:
        i = self.sentence_of(pos)
        s = self.bounds[i - 1] if i > 0 else 0
        e = self.bounds[i] if i < len(self.bounds) else len(self.text)
        return s, e

    def context_year(self, pos: int) -> int | None:
        """The last explicit year named earlier in the same sentence."""
        si = self.sentence_of(pos)
        for p, y in reversed(self.years):
            if self.sentence_of(p) == si:
                return y
            break
        return None

    def recent_year(self, pos: int) -> int | None:
        """The last explicit year named earlier in this sentence or the previous one."""
        si = self.sentence_of(pos)
        for p, y in reversed(self.years):
            if p < pos and si - self.sentence_of(p) <= 1 and pos - p < 400:
                return y
            if p < pos:
                break
        return None

    def context_day(self, pos: int) -> date | None:
        """The last day named earlier in this sentence or the previous one."""
        si = self.sentence_of(pos)
        for p, d in reversed(self.days):
            if si - self.sentence_of(p) <= 1 and pos - p < 400:
                return d
            break
        return None

    def tense_known(self, pos: int) -> bool:
        """Whether the tense at ``pos`` came from the morphology (0 is then the present)."""
        return pos in self.known

    def tense(self, pos: int) -> int:
        """+1 future, -1 past, 0 present or unknown: the verb closest to ``pos`` in its
        sentence, from the morphology where there is one, else from its endings."""
        self.asked = True
        known = self.tenses.get(pos)
        if known is not None:
            return known
        s, e = self.sentence_span(pos)
        s, e = max(s, pos - 200), min(e, pos + 200)  # bounded: linear time on any text
        if self.tense_of is not None:
            morph = self.tense_of(pos, s, e)
            if morph is not None:
                self.known.add(pos)
                self.tenses[pos] = morph
                return morph
        best = self._tense_from_endings(pos, s, e)
        self.tenses[pos] = best
        return best

    def tense_before(self, pos: int) -> int:
        """The tense of the verb closest before ``pos`` in its sentence (the one a date
        after it most often depends on: ``a supprimé 90 emplois à l'automne``), as
        ``tense``; 0 where none comes before."""
        self.asked = True
        s = max(self.sentence_span(pos)[0], pos - 200)
        if self.tense_of is not None:
            morph = self.tense_of(pos, s, pos)
            if morph is not None:
                return morph
        return self._tense_from_endings(pos, s, pos)

    def _tense_from_endings(self, pos: int, lo: int, hi: int) -> int:
        """The tense of the verb ending closest to ``pos`` between ``lo`` and ``hi``."""
        best = 0
        dist = 10**9
        for rx, sign in ((FUTURE_VERB, 1), (PAST_VERB, -1)):
            for m in rx.finditer(self.text, lo, hi):
                d = abs(m.start() - pos)
                if d < dist:
                    dist, best = d, sign
        return best


def _before(text: str, start: int, n: int = 30) -> str:
    return text[max(0, start - n) : start].lower()


def _after(text: str, end: int, n: int = 30) -> str:
    return text[end : end + n].lower()


class _GroupView:
    """A match with some groups overridden (for patterns with alternative groups)."""

    def __init__(self, m: re.Match[str], over: dict[str, str | None]) -> None:
        self._m = m
        self._over = over

    def group(self, name: str | int = 0) -> Any:
        if isinstance(name, str) and name in self._over:
            return self._over[name]
        return self._m.group(name)

    def groupdict(self) -> dict[str, Any]:
        d = self._m.groupdict()
        d.update(self._over)
        return d

    def start(self, name: str | int = 0) -> int:
        return self._m.start(name)

    def end(self, name: str | int = 0) -> int:
        return self._m.end(name)

    def span(self, name: str | int = 0) -> tuple[int, int]:
        return self._m.span(name)
