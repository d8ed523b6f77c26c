"""Gates: the words (or marks) near which each pattern is searched.

A pattern runs only on texts holding one of its gate words (most articles have no
holiday, season or century), and only in windows around them (``gated_search.py``).
Patterns without a gate word run near a plain sub-regex every match of theirs holds
(``\\d-\\d`` for ISO dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ami_facts.components.dates.regex_parts import _DIGITS, _F, _NUMWORDS, _UNIT
from ami_facts.fast_regex import compile_fast
from ami_facts.french import calendar as fr
from ami_facts.french.stopwords import FRENCH_STOPWORDS

_TOKEN_RE = re.compile(r"[^\W\d_]+")


def _words(*groups: object) -> frozenset[str]:
    """Lower-case word tokens of vocabulary entries (the gate of a pattern)."""
    out: set[str] = set()
    for g in groups:
        items = [g] if isinstance(g, str) else list(g)  # type: ignore[call-overload]
        for item in items:
            out.update(_TOKEN_RE.findall(str(item).lower()))
    return frozenset(out)


_COMMON_GATE_WORDS = FRENCH_STOPWORDS | frozenset(
    [*fr.WEEKDAYS, "jour", "plus", "peu", "sous", "saint", "ce", "de", "en", "a", "il", "y", "un"]
)


def _key_words(*groups: object) -> frozenset[str]:
    """One rare word of each vocabulary phrase (not a function word, the longest,
    the last on ties): every match holds it (``à l'heure actuelle``: ``actuelle``),
    so the gate opens far less often than with :func:`_words`."""
    out: set[str] = set()
    for g in groups:
        items = [g] if isinstance(g, str) else list(g)  # type: ignore[call-overload]
        for item in items:
            toks = _TOKEN_RE.findall(str(item).lower())
            if toks:
                ranked = [(t not in _COMMON_GATE_WORDS, len(t), i) for i, t in enumerate(toks)]
                out.add(toks[max(ranked)[2]])
    return frozenset(out)


# Gates: a pattern runs only on texts holding one of its words (most articles have
# no holiday, season or century), which keeps the extractor fast.
_MONTH_WORDS = _words(fr.MONTHS)
_NEEDS: dict[str, frozenset[str]] = {
    "dmy": _MONTH_WORDS,
    "month": _MONTH_WORDS,
    "day_range_first": _MONTH_WORDS,
    "year_an": _words(["an", "année", "annee"]),
    "year_part": _words(["début", "debut", "fin", "mi", "milieu", "courant"]),
    "year_part_rel": _words(["début", "debut", "fin", "milieu", "courant"]),
    "months_of_year": _words(["premiers", "derniers"]),
    "decade": _words(["années"]),
    "century": _words(["siècle"]),
    "quarter": _words(["trimestre", "semestre", "t", "s"]),
    "quarter_rel": _words(["trimestre", "semestre"]),
    "season": _words(fr.SEASONS),
    "season_part": _words(fr.SEASONS),
    "relday": _words(["hier", "demain", "aujourd", "jour"]),
    "next_day": _words(["jour"]),
    "part_of_unit": _words(["semaine", "mois"]),
    "shift_from_now": _words(["tard", "tôt", "après", "auparavant", "avant"]),
    "ici": _words(["ici"]),
    "relday_anchor": _words(["lendemain", "veille", "surlendemain"]),
    "this_daypart": _words(["matin", "soir", "après", "apres", "nuit"]),
    "same_day": _words(["même"]),
    "whole_unit": _words(["journée", "semaine"]),
    "daypart": _words(
        ["matin", "matinée", "après", "apres", "aprem", "soir", "soirée", "journée", "nuit"]
    ),
    "ordinal_of_month": _words(["jour", "semaine", "week", "weekend", "quinzaine", *fr.WEEKDAYS]),
    "day_number_time": _words(["le", *fr.WEEKDAYS]),
    "night_of": _words(["nuit"]),
    "weekday": _words(fr.WEEKDAYS),
    "weekday_abbr": _words(fr.WEEKDAY_ABBR),
    "mdy": _MONTH_WORDS,
    "month_abbr_year": _MONTH_WORDS,
    "rel_unit": _words(["semaine", "mois", "année", "an", "week", "weekend"]),
    "ago": _words(["y", "ya", "dans", "ici"]),
    "last_n": _words(
        f"{stem}{end}"
        for stem in ("dernier", "dernièr", "prochain", "suivant", "précédent", "passé")
        for end in ("", "e", "s", "es")
    ),
    "set": _words(["chaque", "tous", "toutes", "par"]),
    "freq_adj": _words(fr.FREQUENCY_ADJ),
    "duration_noun": _words(["quinquennat", "septennat", "demi", "quart"]),
    "duration": _words([*list(fr.UNITS), "min", "mn", "sec"]),
    "duration_range_first": _words([*list(fr.UNITS), "min", "mn", "sec"]),
    "holiday": _key_words(fr.HOLIDAYS_FIXED, fr.HOLIDAYS_EASTER),
    "present_ref": _key_words(fr.PRESENT_REF_WORDS),
    "past_ref": _key_words(fr.PAST_REF_WORDS),
    "future_ref": _key_words(fr.FUTURE_REF_WORDS),
    "prochain_adj": _words(["prochain", "prochaine", "prochains", "prochaines"]),
    "precedent_adj": _words(["précédent", "précédente", "précédents", "précédentes"]),
}
# "clock" also runs near a colon between digits (14:30)
_NEEDS["clock"] = _words(["midi", "minuit", "h", "heure", "heures"])


# What is not a letter of Latin-1 (the characters of most texts): the regex engine
# tells it by a table, where it asks Unicode about each character for ``[\W\d_]``.
_LATIN1_LETTERS = "".join(chr(c) for c in range(256) if re.fullmatch(r"[^\W\d_]", chr(c)))
_NOT_A_LATIN1_LETTER = "[^" + re.escape(_LATIN1_LETTERS) + "]"


@dataclass(frozen=True)
class GateTokens:
    """Finds where the gate words are in a lower-cased text, each a whole token (a
    maximal ``_TOKEN_RE`` run)."""

    at_start: re.Pattern[str]
    after_non_letter: re.Pattern[str]

    @classmethod
    def of(cls, words: str) -> GateTokens:
        """The finder of ``words``, a regex alternation of the gate words."""
        token = rf"({words})(?![^\W\d_])"
        # A token starts after a non-letter: the regex starts with that character, so
        # the engine skips to the next one (a letter is most of a text) by its table
        # and tries the words only there, where a look-behind was tried everywhere.
        # (The look-behind then tells a letter outside Latin-1 from a non-letter.)
        return cls(
            compile_fast(token),
            compile_fast(_NOT_A_LATIN1_LETTER + r"(?<=[\W\d_])" + token),
        )

    def positions(self, low: str) -> dict[str, list[int]]:
        """Where each gate word of ``low`` starts, in text order."""
        found: dict[str, list[int]] = {}
        first = self.at_start.match(low)
        if first is not None:
            found[first.group(1)] = [0]
        for m in self.after_non_letter.finditer(low):
            found.setdefault(m.group(1), []).append(m.start(1))
        return found


# Marks, the gates that are not words, are each a digit joined to what follows it
# (``14:30``, ``2020-03``, ``23/09``). One scan of the text finds every such join
# (``DIGIT_JOIN``), and each mark is matched at those joins only: a scan per mark cost
# as much as all the patterns searched near their words.
DIGIT_JOIN = re.compile(r"\d(?=[-/. ]\d|:)")


@dataclass(frozen=True)
class Mark:
    """A gate that is not a word: ``regex`` matches ``back`` characters before a digit
    joined by one of ``joins`` to the next."""

    regex: re.Pattern[str]
    joins: str
    back: int = 0

    def starts(self, text: str, joined: list[int]) -> list[int]:
        """Where the mark's matches start, from the digit joins of ``text``."""
        return [
            at - self.back
            for at in joined
            if text[at + 1] in self.joins
            and at >= self.back
            and self.regex.match(text, at - self.back) is not None
        ]


_MARKS: dict[str, Mark] = {"clock": Mark(re.compile(r"\d:"), ":")}


@dataclass(frozen=True)
class Before:
    """A gate for a pattern every match of which starts 1 to ``back`` characters
    before a ``char`` it holds: the pattern is tried there only, not over the text."""

    char: str
    back: int

    def starts(self, text: str) -> list[int]:
        """Where a match may start in ``text``, in order."""
        found: set[int] = set()
        at = text.find(self.char)
        while at != -1:
            found.update(range(max(0, at - self.back), at))
            at = text.find(self.char, at + 1)
        return sorted(found)


# "seconds": one or two digits and a space at most before the '"' (12", 5 ")
_BEFORE: dict[str, Before] = {"seconds": Before('"', 3)}

# Substrings every match of a pattern holds: without one in the text, the pattern
# cannot match and is not run at all.
_UNIT_NO_LOOKAHEAD = _UNIT.removesuffix(r"(?![\w-])")
assert _UNIT_NO_LOOKAHEAD != _UNIT
# (for the patterns searched in windows: plain sub-regexes of the pattern, without
# look-arounds, so a match in a cut window is a match in the whole text)
_REQUIRES: dict[str, re.Pattern[str]] = {
    # its look-ahead: "de 3 à 5 jours"
    "duration_range_first": re.compile(
        rf"\s(?:à|et|-)\s+(?:{_DIGITS}|{_NUMWORDS})\s+{_UNIT_NO_LOOKAHEAD}", _F
    ),
}
# Patterns run near a digit join that every match of theirs holds.
_JOINED: dict[str, Mark] = {
    "iso": Mark(re.compile(r"\d-\d"), "-"),
    "iso_month": Mark(re.compile(r"(?:19|20)\d\d-\d"), "-", back=3),
    # its day's last digit, separator and month, not followed by a digit (a year
    # follows after a separator)
    "numeric": Mark(re.compile(r"\d[/.-][01]?\d(?!\d)"), "/.-"),
    "iso_datetime": Mark(re.compile(r"\d-\d\d-\d"), "-"),
    "numeric_space": Mark(re.compile(r"\d \d"), " "),
    "month_year_numeric": Mark(re.compile(r"\d/\d"), "/"),
}
