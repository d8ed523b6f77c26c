"""The pattern table: every date pattern, in priority order, with its reader and its check.

Overlapping matches are resolved longest first, then by the order of this table
(``overlaps.py``). Each pattern gets its gates (``gates.py``) here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ami_facts.components.dates.calendar_dates import (
    _h_century,
    _h_day_number,
    _h_decade,
    _h_dmy,
    _h_holiday,
    _h_iso,
    _h_iso_datetime,
    _h_iso_month,
    _h_month,
    _h_month_num,
    _h_months_of_year,
    _h_numeric,
    _h_ordinal_of_month,
    _h_quarter_t,
    _h_season,
    _h_year,
    _h_year2,
    _h_year_part,
)
from ami_facts.components.dates.clock_times import _h_clock_t, _h_daypart, _h_this_daypart
from ami_facts.components.dates.context import Check, Handler, _Built
from ami_facts.components.dates.durations_and_sets import (
    _h_duration,
    _h_duration_noun,
    _h_freq_adj,
    _h_race,
    _h_seconds,
    _h_set_t,
    _h_whole_unit,
)
from ami_facts.components.dates.gates import (
    _BEFORE,
    _JOINED,
    _MARKS,
    _NEEDS,
    _REQUIRES,
    Before,
    GateTokens,
    Mark,
)
from ami_facts.components.dates.not_a_date import (
    _check_not_glued,
    _check_numeric_le,
    _check_numeric_space,
    _check_precedent,
    _check_prochain_adj,
    _check_race,
    _check_seconds,
    _check_set,
    _check_year,
    _check_year2,
)
from ami_facts.components.dates.periods import _iso
from ami_facts.components.dates.regex_parts import (
    _AP,
    _DAYNUM,
    _DAYW,
    _DIGITS,
    _DUR1,
    _DUR_NOUNS,
    _DURN,
    _F,
    _MINW,
    _MONTH_ANY,
    _MONTH_FULL,
    _NUM,
    _NUMW,
    _NUMWORDS,
    _ORD,
    _QUALP,
    _SEASON,
    _UNIT,
    _WD,
    _YEAR4,
    _alt,
)
from ami_facts.components.dates.relative_expressions import (
    _h_ago,
    _h_last_n,
    _h_next_day,
    _h_part_of_unit,
    _h_quarter_rel_t,
    _h_ref,
    _h_rel_unit,
    _h_relday,
    _h_same_day,
    _h_shift_from_now,
    _h_weekday,
    _night,
)
from ami_facts.fast_regex import compile_fast
from ami_facts.french import calendar as fr
from ami_facts.patterns import alternation


@dataclass
class _Pattern:
    name: str
    regex: re.Pattern[str]
    handler: Handler
    check: Check | None = None
    needs: frozenset[str] | None = None  # run only if the text has one of these words
    marks: Mark | None = None  # ... or a match of this (a gate that is not a word)
    requires: re.Pattern[str] | None = None  # skipped when this never matches the text
    before: Before | None = None  # tried only just before a character (no gate word)
    head: str | None = None  # the class of the characters a match can start with
    # compiled on first use by _starting_within: (wide, narrow)
    within: tuple[re.Pattern[str], re.Pattern[str]] | None = None


def _first_chars(rx: str) -> set[str] | None:
    """Characters a match of ``rx`` can start with, or None when any character can.

    Prefixing a pattern with ``(?=[...])`` of these lets the regex engine skip
    ahead quickly: a several-fold speed-up with the same matches.
    """
    import re._constants as c  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]

    def first(seq: Sequence[tuple[object, object]]) -> tuple[set[str] | None, bool]:
        acc: set[str] = set()
        for op, av in seq:
            if op is c.LITERAL:
                return acc | {chr(av)}, False  # type: ignore[arg-type]
            if op is c.IN:
                chars: set[str] = set()
                for iop, iav in av:  # type: ignore[attr-defined]
                    if iop is c.LITERAL:
                        chars.add(chr(iav))
                    elif iop is c.RANGE and iav[1] - iav[0] < 300:
                        chars.update(chr(x) for x in range(iav[0], iav[1] + 1))
                    elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                        chars.update("0123456789")
                    else:
                        return None, False
                return acc | chars, False
            if op is c.BRANCH:
                nullable = False
                for sub in av[1]:  # type: ignore[index]
                    f, n = first(sub)
                    if f is None:
                        return None, False
                    acc |= f
                    nullable = nullable or n
                if not nullable:
                    return acc, False
                continue
            if op is c.SUBPATTERN:
                f, n = first(av[3])  # type: ignore[index]
                if f is None:
                    return None, False
                acc |= f
                if not n:
                    return acc, False
                continue
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
                f, n = first(av[2])  # type: ignore[index]
                if f is None:
                    return None, False
                acc |= f
                if av[0] > 0 and not n:  # type: ignore[index]
                    return acc, False
                continue
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            return None, False
        return acc, True

    try:
        chars, nullable = first(list(_parser.parse(rx, _F)))
    except Exception:  # pragma: no cover - private API changed
        return None
    if chars is None or nullable:
        return None
    out = set()
    for ch in chars:
        out.update({ch, ch.lower(), ch.upper()})
        if ch.lower() == "s":
            out.add("ſ")
        if ch.lower() == "k":
            out.add("\u212a")
    return out


def _p(
    name: str,
    rx: str,
    handler: Handler,
    check: Check | None = None,
    needs: frozenset[str] | None = None,
    *,
    lookahead: bool = True,
) -> _Pattern:
    """``lookahead=False``: ``rx`` starts with a character set of its own (no need for one)."""
    chars = _first_chars(rx) if lookahead else None
    if chars:
        cls = "".join(sorted(re.escape(ch) if ch not in "]\\^-" else "\\" + ch for ch in chars))
        rx = f"(?=[{cls}])(?:{rx})"
        return _Pattern(name, compile_fast(rx, _F), handler, check, needs, head=cls)
    return _Pattern(name, compile_fast(rx, _F), handler, check, needs)


_REL_WORD = (
    r"(?:dernier|dernière|prochain|prochaine|passé|passée|précédent|précédente|suivant|suivante)"
)
_REL_WD = (
    r"(?:dernier|prochain|passé|précédent|suivant|qui\s+vient|d['’]\s*après|en\s+huit|en\s+8|en\s+quinze|en\s+15"
    r"|de\s+la\s+semaine\s+(?:prochaine|suivante|dernière|passée|précédente|d['’]\s*après)"
    r"|(?:de\s+)?cette\s+semaine|la\s+semaine\s+(?:prochaine|suivante|dernière|passée|d['’]\s*après))"
)
_DPW = r"(?:matinée|matin|après-midi|apres-midi|aprem|soirée|soir|journée|nuit|midi)"
_DPMOD = r"(?:(?P<dpmod>début|fin|milieu)\s+(?:de\s+(?:la\s+|l'\s*)?|d'\s*))"
_DP = (
    rf"(?:,?\s+(?:(?:très\s+)?tôt\s+)?(?:en\s+|dans\s+la\s+|dans\s+l'\s*|au\s+|à\s+la\s+|le\s+|l'\s*)?"
    rf"{_DPMOD}?(?P<dp>{_DPW})\b(?:\s+(?:très\s+)?tôt\b)?)"
)
_HOLI = _alt(list(fr.HOLIDAYS_FIXED) + list(fr.HOLIDAYS_EASTER))

_PATTERNS: list[_Pattern] = [
    _p(
        "dmy",
        rf"(?:\b(?:le|ce)\s+)?(?:\b(?P<wd>{_WD})\s+)?\b(?P<d>{_DAYNUM}|{_DAYW}\s)(?:er|e|ème)?\s*"
        rf"(?P<m>{_MONTH_ANY})\b(?:\.?\s+(?P<y>{_YEAR4}(?!\d))"
        rf"|[ \t]+(?P<y2>['’]?\d{{2}})(?=[ \t]*(?:$|[,;:)!?\n]|\.(?!\d))))?"
        rf"(?:\s+(?P<rel>dernier|prochain|passé))?",
        _h_dmy,
    ),
    _p("iso", r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b", _h_iso),
    _p(
        "iso_month",
        # "2015-3", "2015-03": a month; not a season "2011-12" (the next year's digits)
        r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)-(?P<m>0?[1-9]|1[0-2])(?![\d/-]|[.,]\d)",
        _h_iso_month,
    ),
    _p(
        "numeric",
        r"(?:\ble\s+)?(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?:(?P=sep)(?P<y>(?:1[89]|20)\d\d|\d\d))?(?!\d)",
        _h_numeric,
        lambda m, t: _check_numeric_le(m, t),
    ),
    _p(
        "numeric_space",
        r"(?<!\d\s)(?<![\d.,])(?P<d>[0-3]?\d) (?P<m>[01]?\d)(?: (?P<y>(?:1[89]|20)\d\d|\d\d))?"
        r"(?!\s?\d)(?![.,]\d)",
        _h_numeric,
        lambda m, t: _check_numeric_space(m, t),
    ),
    _p(
        "month_year_numeric",
        r"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?![\d/])(?P<pre>)(?P<part>)(?P<rel>)",
        lambda m, c: _h_month_num(m, c),
    ),
    _p(
        "iso_datetime",
        r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)"
        r"(?::(?P<S>[0-5]\d))?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?(?!\d)",
        lambda m, c: _h_iso_datetime(m, c),
    ),
    _p(
        "mdy",
        rf"\b(?P<m>{_MONTH_ANY})\.?\s+(?P<d>{_DAYNUM})(?:er)?,?\s+(?P<y>{_YEAR4})\b(?P<rel>)(?P<wd>)",
        _h_dmy,
    ),
    _p(
        "month_abbr_year",
        rf"\b(?P<m>{_MONTH_ANY})\.?\s+(?P<y>{_YEAR4})\b(?P<pre>)(?P<part>)(?P<rel>)",
        _h_month,
    ),
    _p(
        "weekday_abbr",
        rf"(?<![-\w])(?P<wd>lun|mar|mer|jeu|ven|sam|dim)\.?(?=\s+\d{{1,2}}(?:[:h/]\d|\s+{_MONTH_ANY}))"
        r"(?P<rel>)(?P<dp>)(?P<meme>)",
        _h_weekday,
    ),
    _p(
        "month",
        rf"(?:(?P<pre>\b(?:en|le\s+mois\s+de|le\s+mois\s+d['’]|mois\s+de|mois\s+d['’]|au\s+mois\s+de|au\s+mois\s+d['’]|courant)\s*)"
        rf"|(?:\b(?:au|en|à\s+la|dès\s+le|dès\s+la|depuis\s+le|depuis\s+la|la|le)\s+)?(?P<part>début|debut|fin|mi|milieu|courant)(?:\s*-\s*|\s+(?:de\s+|d['’]\s*|du\s+mois\s+de\s+|du\s+mois\s+d['’]\s*)?))?"
        rf"\b(?P<m>{_MONTH_FULL})\b(?:\s+(?P<y>{_YEAR4}(?!\d)|['’]?\d{{2}}(?![\d\w%]|[.,]\d)))?(?:\s+(?P<rel>dernier|prochain|passé))?",
        _h_month,
    ),
    _p(
        "year_an",
        rf"\bl{_AP}\s*(?:an|année)\s+(?P<y>{_YEAR4})\b",
        _h_year,
    ),
    _p(
        "year_part",
        rf"(?:\b(?:la|le|au|en|à\s+la|dès\s+le)\s+)?(?P<part>début|fin|mi|milieu|courant)(?:\s*-\s*|\s+)(?P<y>{_YEAR4})\b",
        _h_year,
    ),
    _p(
        "months_of_year",
        rf"(?<![\w,.])(?P<n>{_DIGITS}|{_NUMWORDS})\s+(?P<dir>premiers|derniers)\s+mois\s+"
        rf"(?:de\s+l{_AP}\s*(?:année|exercice)|d{_AP}\s*année|de\s+(?P<y>{_YEAR4})\b)(?:\s+(?P<y2>{_YEAR4})\b)?",
        _h_months_of_year,
    ),
    _p(
        "year_part_rel",
        rf"(?:\b(?:la|le)\s+(?P<part>début|fin|milieu|courant)\s+(?:de\s+l{_AP}\s*(?:année|an)|d{_AP}\s*année)"
        rf"|\b(?:en|à\s+la|dès\s+la|dès\s+le|au)\s+(?P<part2>début|fin|milieu|courant)\s+(?:d{_AP}\s*année|de\s+l{_AP}\s*année))"
        rf"(?:\s+(?P<y>{_YEAR4}))?\b",
        _h_year_part,
    ),
    _p(
        "year",
        # (?<![\d.,\w/])(?P<y>{_YEAR4})..., its look-behind moved after the first
        # digit so that the regex starts with a character set (a fast scan)
        r"(?P<y>1(?<![\d.,\w/]1)[0-9]\d\d|2(?<![\d.,\w/]2)0\d\d)(?![\d\w]|[.,]\d|/)",
        _h_year,
        _check_year,
        lookahead=False,
    ),
    _p(
        "year2",
        # \b(?:en|depuis|dès)\s+..., with a case-sensitive first letter and the word
        # boundary as a look-behind after it: the regex starts with a character set
        r"(?-i:[DEde])(?<!\w.)(?:(?<=[Ee])n|(?<=[Dd])(?:epuis|ès))\s+(?P<y>[0-9]\d)(?![\d\w%,.]\d)",
        _h_year2,
        lambda m, t: _check_year2(m, t),
        lookahead=False,
    ),
    _p(
        "decade",
        r"(?:\b(?:au\s+|le\s+|du\s+|dès\s+le\s+)?(?P<part>début|fin|milieu)\s+des\s+|\b(?:les|des|aux|dans\s+les|depuis\s+les)\s+)?"
        r"\bannées\s+(?:(?P<y>(?:19|20)\d0|[1-9]0)\b|(?P<yw>vingt|trente|quarante|cinquante|soixante|soixante-dix|quatre-vingt|quatre-vingts|quatre-vingt-dix))",
        _h_decade,
    ),
    _p(
        "century",
        r"(?:\b(?:à\s+)?(?:la|le|au|du|dès\s+le)\s+(?P<part>début|fin|milieu)\s+du\s+)?\b(?P<r>[IVXLC]{1,6}|\d{1,2})(?:e|ème|eme|è|ᵉ)\s+siècle\b",
        _h_century,
    ),
    _p(
        "quarter",
        rf"(?:\b(?:le|ce|cet)\s+)?(?:\b(?P<o>{_ORD}|dernier|dernière)\s+(?P<u>trimestre|semestre)|\b(?P<u2>T|S)(?P<q>[1-4])(?=\s+{_YEAR4}))"
        rf"(?:\s+(?:de\s+l['’]\s*année\s+|de\s+)?(?P<y>{_YEAR4})\b)?",
        lambda m, c: _h_quarter_t(m, c),
    ),
    _p(
        "quarter_rel",
        r"\b(?:(?:ce|le)\s+(?P<u>trimestre|semestre)(?:\s+(?P<rel>dernier|prochain|précédent|suivant|passé|en\s+cours)))|\bce\s+(?P<u3>trimestre|semestre)\b",
        lambda m, c: _h_quarter_rel_t(m, c),
    ),
    _p(
        "season",
        rf"(?:(?P<det>\b(?:cet|ce|l['’]|en|au|à\s+l['’]|dès\s+l['’]|depuis\s+l['’]|pendant\s+l['’]|durant\s+l['’]|tout\s+l['’]|cet?\s+été)\s*)"
        rf"(?:(?P<part>début|fin|milieu)\s+(?:de\s+l['’]\s*|d['’]\s*|du\s+))?)?"
        rf"\b(?P<s>{_SEASON})\b(?:\s+(?P<y>{_YEAR4})\b|\s+(?P<rel>dernier|prochain|passé))?",
        _h_season,
    ),
    _p(
        "season_part",
        rf"(?:\b(?:à\s+la|la|au|en|dès\s+la)\s+)?(?P<part>début|fin|milieu)\s+(?P<det>de\s+l['’]\s*|d['’]\s*|du\s+|de\s+cet?\s+)(?P<s>{_SEASON})\b(?:\s+(?P<y>{_YEAR4})\b|\s+(?P<rel>dernier|prochain|passé))?",
        _h_season,
    ),
    _p(
        "relday",
        rf"\b(?P<w>avant[-\s]hier|après[-\s]demain|apres[-\s]demain|hier|aujourd['’]\s*hui|demain|ce\s+jour(?![-\s]+là))\b{_DP}?(?:\s+(?P<wd>{_WD})\b)?",
        _h_relday,
    ),
    _p(
        "ici",
        rf"(?<=d['’])ici(?=\s+(?:(?:à|a|le|la|l['’]|les|quelques|{_NUMW})\b|\d))",
        lambda m, c: (
            _Built("DATE", _iso(c.anchor), _iso(c.anchor), _iso(c.anchor), True)
            if c.anchor
            else _Built("DATE", "PRESENT_REF", relative=True)
        ),
    ),
    _p(
        "day_range_first",
        rf"(?:\b(?P<wd>{_WD})\s+)?\b(?P<d>{_DAYNUM}|{_DAYW})(?:er|e|ème)?"
        rf"(?=\s*(?:au|et\s+le|et|à|-|jusqu'\s*au)\s*(?:le\s+)?(?:{_WD}\s+)?(?:{_DAYNUM}|{_DAYW})(?:er|e|ème)?"
        rf"\s+(?P<m>{_MONTH_ANY})\b\.?(?:\s+(?P<y>{_YEAR4}))?)(?P<rel>)",
        _h_dmy,
    ),
    _p(
        "duration_range_first",
        rf"(?:(?<=\bde\s)|(?<=\bentre\s))(?P<n>{_DIGITS}|{_NUMWORDS})(?=\s+(?:à|et|-)\s+(?:{_DIGITS}|{_NUMWORDS})\s+(?P<u>{_UNIT}))(?P<q>)(?P<q2>)(?P<half>)(?P<more>)",
        _h_duration,
    ),
    _p(
        "night_of",
        rf"\bla\s+nuit\s+(?:de|du)\s+(?P<wd>{_WD})\s+(?:à|au)\s+{_WD}\b(?P<meme>)(?P<rel>)(?P<dp>)",
        lambda m, c: _night(m, c),
    ),
    _p(
        "next_day",
        r"\b(?:le\s+)?jour\s+(?P<w>d'\s*avant|précédent|suivant|d'\s*après)\b",
        lambda m, c: _h_next_day(m, c),
    ),
    _p(
        "part_of_unit",
        r"\b(?:en|au|à\s+la|à\s+l'|dès\s+le|dès\s+la|la|le)\s+(?P<part>début|milieu|fin)\s+"
        r"(?:de\s+(?:la\s+|l'\s*)?|du\s+|d'\s*)(?:(?:cette|ce|cet)\s+)?(?P<u>semaine|mois)\b"
        r"(?!\s+(?:de|d'|prochain|dernier|suivant|précédent)\b)|\bdans\s+la\s+(?P<u2>semaine)\b(?!\s+(?:de|d'|du|prochaine|dernière|suivante|précédente)\b)",
        lambda m, c: _h_part_of_unit(m, c),
    ),
    _p(
        "shift_from_now",
        rf"(?<![\w,.])(?P<dur>{_DURN})\s+(?P<dir>plus\s+tard|plus\s+tôt|auparavant|après|avant)\b"
        r"(?=\s*(?:$|[,.;:!?)]))",
        lambda m, c: _h_shift_from_now(m, c),
    ),
    _p(
        "relday_anchor",
        rf"\b(?:le|la|au|du)\s+(?P<w>lendemain|veille|surlendemain)\b{_DP}?",
        _h_relday,
    ),
    _p(
        "this_daypart",
        r"\b(?:ce|cette|cet)\s+(?P<dp>matin|soir|après-midi|apres-midi|nuit)\b",
        _h_this_daypart,
    ),
    _p(
        "whole_unit",
        # not "toute l'année": most often "all year round", a habit rather than a duration
        r"\btout(?:e)?\s+(?:la|le)\s+(?P<u>journée|semaine)\b",
        _h_whole_unit,
    ),
    _p(
        "daypart",
        rf"(?:\b(?P<early>(?:très\s+)?tôt)\s+)?(?:\b(?P<pre>en|au|à\s+la|à\s+l'|dans\s+la|dans\s+l'|dès\s+la|dès\s+le|pendant\s+la|le|l'|la)\s*)?"
        rf"{_DPMOD}?\b(?P<dp>{_DPW})\b(?:\s+(?P<early2>(?:très\s+)?tôt)\b)?"
        rf"(?!\s+(?:de|d')\s)(?!\s+du\s+(?!\d|{_WD}))",
        lambda m, c: _h_daypart(m, c),
    ),
    _p(
        "ordinal_of_month",
        rf"(?:\b(?:le|la|l')\s*)?\b(?P<o>{_ORD}|dernière|dernier|\d{{1,2}}(?:e|ème|eme))\s+"
        rf"(?P<what>jour|semaine|week-end|weekend|quinzaine|{_WD})\s+"
        rf"(?:de\s+|du\s+|d'\s*)(?:(?:mois\s+(?:de\s+|d'\s*))?(?P<m>{_MONTH_FULL})(?:\s+(?P<y>{_YEAR4}))?"
        rf"|(?P<relm>mois\s+(?:prochain|dernier|suivant|précédent)|ce\s+mois|mois))",
        lambda m, c: _h_ordinal_of_month(m, c),
    ),
    _p(
        "day_number_time",
        rf"(?:\ble\s+|\b(?P<wd>{_WD})\s+)(?P<d>1er|[12]\d|3[01]|0?[1-9]|{_DAYW})(?:er|e)?\b"
        rf"(?!\s*(?:{_MONTH_ANY}|[/.-]\d|\d|h\b|heures?|%|ans?\b|mois))"
        rf"(?=\s*(?:$|[.;)]|\s(?:à|vers|plutôt|autour|dans\s+la|au|en)\b))",
        lambda m, c: _h_day_number(m, c),
    ),
    _p(
        "same_day",
        r"\b(?:le|ce)\s+même\s+jour\b",
        _h_same_day,
    ),
    _p(
        "weekday",
        rf"(?:\b(?:ce|le|la\s+nuit\s+de|dès)\s+(?P<meme>même\s+)?)?\b(?P<wd>{_WD})\b(?!s){_DP}?(?:\s+(?P<rel>{_REL_WD}))?",
        _h_weekday,
    ),
    _p(
        "rel_unit",
        r"(?P<det>\b(?:la|le|l['’]|cette|cet|ce)\s*)(?P<u>semaine|mois|année|an|week-end|weekend|week\s+end)\b(?P<ci>-ci|-là)?"
        r"(?:\s+(?P<rel>dernière|dernier|prochaine|prochain|passée|passé|précédente|précédent|suivante|suivant|d['’]\s*avant|d['’]\s*après|qui\s+vient|qui\s+suit|en\s+cours))?",
        _h_rel_unit,
    ),
    _p(
        "ago",
        rf"\b(?P<k>il\s*y\s*a|dans|d['’]\s*ici)\s+(?:(?P<q>{_QUALP})\s+)?(?:(?P<dur>{_DUR_NOUNS}|{_DURN})"
        rf"|(?P<vague>quelques|plusieurs|de\s+nombreux|de\s+nombreuses)\s+{_UNIT})"
        rf"(?:\s+(?P<q2>environ|à\s+peu\s+près))?",
        _h_ago,
    ),
    _p(
        "last_n",
        rf"(?:\b(?P<det>ces|les|des|aux|dans\s+les|au\s+cours\s+des|(?P<one>la|cette))\s+)?(?:(?P<n>{_DIGITS}|{_NUMWORDS})\s+)?"
        rf"(?P<dir>derni[eè]re?s?|prochaine?s?|suivante?s?|précédente?s?)\s+(?:(?P<n2>{_DIGITS}|{_NUMWORDS})\s+)?"
        rf"(?P<u>{_UNIT})|(?<![\w,.])(?P<n3>{_DIGITS}|{_NUMWORDS})\s+(?P<u2>{_UNIT})\s+(?P<dir2>suivante?s?|précédente?s?|passée?s?)\b",
        _h_last_n,
    ),
    _p(
        "race",
        r"(?<![\w'’])(?:(?P<h>\d{1,2})\s*h\s+)?(?P<a>\d{1,2}|[lIT])\s*(?:['’]|\*|_\s*['’]?|(?<=[lIT])\s)\s*(?P<b>\d{2})(?:\s*['’]\s*(?P<c>\d{2}))?(?:\s*\")?(?!\d)",
        _h_race,
        lambda m, t: _check_race(m, t),
    ),
    _p(
        "seconds",
        # (?<![\w'’,.])(?P<s>\d{1,2})..., the look-behind after the first digit (fast scan)
        r"(?P<s>\d(?<![\w'’,.]\d)\d?)\s?\"(?![\w\"])",
        _h_seconds,
        lambda m, t: _check_seconds(m, t),
        lookahead=False,
    ),
    _p(
        "clock",
        rf"(?:(?P<noon>midi|minuit)|\b(?P<h>[01]?\d|2[0-4]|{_NUMWORDS})\s*(?P<hu>heures?\b|h(?![a-zà-ÿ])|H(?![a-zà-ÿ]))"
        rf"|\b(?P<h2>[01]?\d|2[0-3]):(?=[0-5]\d))"
        rf"(?:\s*(?P<mi>[0-5]\d(?!\d)|{_MINW}\b(?!\s+quarts?))(?:\s*(?:min|mn|minutes?)(?![^\W\d_])"
        rf"(?:\s*(?P<sec>[0-5]?\d)\s*(?:s|sec|secondes?)(?![\w-]))?)?)?"
        rf"(?:\s+(?P<frac>et\s+demie?|et\s+quart|moins\s+le\s+quart|trois\s+quarts|moins\s+(?P<minus>\d{{1,2}}|{_MINW})(?:\s+minutes?)?"
        rf"|passée?s?\s+de\s+(?P<plus>\d{{1,2}}|{_MINW})(?:\s+minutes?)?|et\s+(?P<plus2>\d{{1,2}}|{_MINW})\s+minutes?))?"
        rf"(?:\s+(?P<ampm>du\s+matin|du\s+mat\b|du\s+soir|de\s+l'\s*avant[-\s]midi|de\s+l'\s*après-midi|de\s+l'\s*aprem|dans\s+la\s+soirée|dans\s+la\s+matinée|dans\s+l'\s*après-midi))?",
        lambda m, c: _h_clock_t(m, c),
    ),
    _p(
        "set",
        rf"\b(?:(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<wd>{_WD})s?\b|(?:(?P<n>{_DIGITS}|{_NUMWORDS})\s+)?(?P<u>{_UNIT})))"
        rf"|\b(?:(?P<par>par|l['’]|le)\s*)(?P<u2>an|année|mois|semaine|jour|heure|trimestre|semestre|minute)\b",
        lambda m, c: _h_set_t(m, c),
        lambda m, t: _check_set(m, t),
    ),
    _p("freq_adj", _alt(list(fr.FREQUENCY_ADJ)) + r"\b", _h_freq_adj, _check_not_glued),
    _p(
        "duration",
        rf"(?:\b(?P<q>{_QUALP})\s+)?(?<![\w,.])(?P<n>{_NUM})\s+(?P<u>{_UNIT})(?:\s+(?P<half>et\s+demie?))?"
        rf"(?P<more>(?:(?:\s*,\s*|\s+et\s+|\s+){_DUR1}){{0,6}})(?:\s+(?P<q2>environ))?",
        _h_duration,
    ),
    _p(
        "duration_noun",
        r"\b(?:un\s+|une\s+)?(?P<w>quinquennat|septennat|demi-siècle|demi-heure|quart\s+d['’]\s*heure)\b",
        _h_duration_noun,
    ),
    _p(
        "holiday",
        rf"(?:\b(?:la|le|à\s+la|pour\s+la|cette)\s+)?(?:\bfête\s+de\s+(?:la\s+|l['’]\s*)?)?\b(?P<hn>{_HOLI})(?![\w-])(?:\s+(?P<y>{_YEAR4})\b)?",
        _h_holiday,
    ),
    _p(
        "present_ref",
        _alt(list(fr.PRESENT_REF_WORDS)) + r"\b",
        _h_ref("PRESENT_REF"),
        _check_not_glued,
    ),
    _p("past_ref", _alt(list(fr.PAST_REF_WORDS)) + r"\b", _h_ref("PAST_REF"), _check_not_glued),
    _p(
        "future_ref",
        _alt(list(fr.FUTURE_REF_WORDS)) + r"\b",
        _h_ref("FUTURE_REF"),
        _check_not_glued,
    ),
    _p("prochain_adj", r"\bprochaine?s?\b", _h_ref("FUTURE_REF"), _check_prochain_adj),
    _p("precedent_adj", r"\bprécédente?s?\b", _h_ref("PAST_REF"), _check_precedent),
]


# Each pattern's gates (gates.py): the words, marks and sub-regexes it is searched near.
for _pat in _PATTERNS:
    _pat.needs = _NEEDS.get(_pat.name)
    _pat.marks = _MARKS.get(_pat.name)
    _pat.before = _BEFORE.get(_pat.name)


# Whole tokens (maximal ``_TOKEN_RE`` runs) equal to a gate word.
_GATE_TOKENS = GateTokens.of(alternation({w for _pat in _PATTERNS for w in (_pat.needs or ())}))


for _pat in _PATTERNS:
    _pat.requires = _REQUIRES.get(_pat.name)
    if _pat.name in _JOINED:
        # what every match holds also tells where: the pattern runs only near it
        _pat.needs, _pat.marks = frozenset(), _JOINED[_pat.name]
