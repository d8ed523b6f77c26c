"""Pass 3, what is not a figure: years, days of the month, times of day, references,
postcodes, scores, model names (``2CV``), articles (``un``), periods counted from
now (``ces trois derniers mois``). The French rules live in
``ami_facts.french.false_positives``; here they are applied as soon as what they
read is known: before building a figure, after it, and after its end is known.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ami_facts.components.figures.build import _may_qualify, _may_sign, _unit_after
from ami_facts.components.figures.figure_types import _Core, _Fig
from ami_facts.french import false_positives as fp
from ami_facts.french.calendar import MONTH_FULL
from ami_facts.french.lexicons import load_common_words
from ami_facts.french.numbers import FRACTIONS
from ami_facts.french.qualifiers import BELOW_ZERO_RE
from ami_facts.french.units import currency_before
from ami_facts.patterns import alternation

_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[\s\u00a0]*$")

# Between a number and the "et demi" after its counted noun ("une fois et demie") there
# are only letters, digits, spaces, apostrophes and hyphens (see _counted and ET_DEMI_RE).
_NOT_IN_COUNTED_RE = re.compile(r"[^\w\s'’-]")


def _one_dropped(text: str, work: str, core: _Core, halves: Sequence[int]) -> bool:
    """Whether _keep would drop this lone "un"/"une" core, told without building it.

    _keep keeps a lone "un" only with a unit, a qualifier, a half after its counted
    noun ("une fois et demie") or in a list (``un, deux, trois``): most are articles,
    and each of these is ruled out here by the same tests as in _build, or by a
    cheaper one that implies them. ``halves``: where "demi" and "quart" start in
    ``work``, in order.
    """
    s, e = core.start, core.end
    if core.list_neighbour:
        return False
    if currency_before(text, s) is not None or BELOW_ZERO_RE.match(work, e):
        return False
    if _unit_after(work, core)[0] is not None:
        return False
    if s > 0 and text[s - 1] in "'’":
        return True  # "d'un", "qu'une": no unit, nothing else keeps it
    if _may_sign(text, s) or _may_qualify(text, s):
        return False
    k = bisect.bisect_left(halves, e)
    if k == len(halves):
        return True
    # no half after the counted noun if something else comes first; read a bounded
    # stretch ("un un un ... demi"), past it _build decides
    return _NOT_IN_COUNTED_RE.search(work, e, min(halves[k], e + 200)) is not None


# "les neuf premiers mois de l'année", "des trois derniers mois de 2023": a period
# of a year (the dates read it as a DATE), not a duration that was measured
_PERIOD_OF_YEAR_RE = re.compile(
    r"[\s\u00a0]+(?i:premiers|premières|derniers|dernières)[\s\u00a0]+(?i:mois|semaines|jours)"
    r"[\s\u00a0]+(?i:de[\s\u00a0]+l['’][\s\u00a0]*(?:année|exercice)|d['’][\s\u00a0]*année"
    r"|de[\s\u00a0]+(?:19|20)\d\d\b)"
)

# "au cours des douze derniers mois", "dans les trois prochaines années": a period
# counted back or forward from now (a DATE/DURATION for the dates), not a figure
_PERIOD_FROM_NOW_RE = re.compile(
    r"[\s\u00a0]+(?i:derniers|dernières|prochains|prochaines|écoulés|écoulées|passés|passées)"
    r"(?![^\W_])(?P<unit>[\s\u00a0]+(?i:mois|semaines|jours|années|ans|heures|minutes|décennies"
    r"|trimestres|semestres|saisons|siècles)(?![^\W_]))?"
)
_PERIOD_FROM_NOW_BEFORE_RE = re.compile(r"(?<![^\W_])(?i:les|des|ces)[\s\u00a0]+$")
# "un mois de juin pluvieux": the month named, not a duration of one month
_MONTH_NAMED_RE = re.compile(
    r"[\s\u00a0]+(?i:de|d['’])[\s\u00a0]*(?i:" + alternation(MONTH_FULL) + r")(?![^\W_])"
)


# "une année record", "une semaine noire": one period described by an adjective is that
# period, not a duration of one (but "une année entière" lasts a year).
_DESCRIBED_PERIOD_UNITS = {"year", "month", "week", "day"}
_NEXT_WORD_RE = re.compile(r"[\s\u00a0]+([^\W\d_]+)(?![\w'’-])")
_WHOLE_PERIOD_WORDS = {"entier", "entière", "complet", "complète", "pleine", "plein", "de", "d"}


def _period_described(text: str, fig: _Fig) -> bool:
    if fig.unit not in _DESCRIBED_PERIOD_UNITS:
        return False
    word = _NEXT_WORD_RE.match(text, fig.end)
    if word is None or word.group(1).lower() in _WHOLE_PERIOD_WORDS:
        return False
    return load_common_words().is_adjective(word.group(1))


_BEFORE_A_LONE_NINE = frozenset(
    "les des ces ses leurs nos vos mes tes aux et ou sur".split()  # noqa: SIM905
)


def _keep(text: str, core: _Core, fig: _Fig) -> bool:
    """False positives read on the number, its unit or counted noun, and what precedes it.

    The tests are pure, so each runs as soon as what it reads is known: _false_core
    before _build, _keep after it, _keep_span after _extend.
    """
    s, e = core.start, core.end
    duration = fig.kind == "duration"
    if duration and _PERIOD_OF_YEAR_RE.match(text, e):
        return False
    if not fig.qualified and (duration or not (fig.unit or fig.counted)):
        pm = _PERIOD_FROM_NOW_RE.match(text, e)
        if (
            pm
            and (duration or pm.group("unit"))
            and _PERIOD_FROM_NOW_BEFORE_RE.search(text, max(0, s - 8), s)
        ):
            return False
    if core.form == "digits":
        num_end = s
        while num_end < e and (text[num_end].isdecimal() or text[num_end] in ".,"):
            num_end += 1
        while num_end > s and text[num_end - 1] in ".,":
            num_end -= 1
        plain = num_end == e
        # the rules are pure: the cheap tests of the figure go first
        if plain and not (fig.qualified or fig.unit or fig.counted) and fp.year(text, s, num_end):
            return False
        if not fig.unit and fp.day_of_month(text, s, num_end):
            return False
        if fig.unit in (None, "h", "min") and fp.time_of_day(text, s, num_end):
            return False
        if not fig.unit and not fig.qualified and fp.reference(text, s, num_end):
            return False
        if plain and not fig.unit and fp.marker(text, s, num_end):
            return False
        if not fig.unit and not fig.qualified and fp.postcode(text, s, num_end):
            return False
        if not fig.unit and fp.score(text, s, num_end):
            return False
        if (
            not (fig.unit or fig.counted or fig.qualified)
            and fp.model_or_label(text, s, e)
            and not fp.first_of_a_score(text, s, e)
        ):
            return False
        if (
            fig.counted
            and not (fig.unit or fig.qualified)
            and fp.named_with_a_participle(text, s, e, fig.counted)
        ):
            return False
        if not (fig.unit or fig.counted or fig.qualified) and fp.named_by_number(text, s, e):
            return False
        # (``la 4L``, ``la 2CV``: a capital unit glued to the number after a singular
        # article names a model)
        if (
            fig.unit
            and text[num_end : num_end + 1].isupper()
            and fp.named_by_number(text, s, num_end)
        ):
            return False
    if core.form == "words" and not fig.unit and fp.capitalised_number_word(text, s, e):
        return False
    if core.form == "words" and not core.ordinal:
        if s > 0 and text[s - 1] in "'’" and core.single_word in ("un", "une") and not fig.unit:
            return False
        if core.single_word in ("un", "une"):
            half = fig.value is not None and fig.value > 1
            if fig.unit is None and not core.list_neighbour and not fig.qualified and not half:
                return False
            if fig.unit == "point":
                return False
        if core.single_word == "neuf" and not (
            fig.unit or fig.counted or fig.qualified or core.list_neighbour
        ):
            # (``le prix du neuf``, ``remis à neuf``, ``rien de neuf``: the adjective; the
            # number alone follows a plural determiner, ``les neuf``, or another number,
            # ``huit ou neuf``, ``un sur neuf``)
            b = _WORD_BEFORE_RE.search(text, max(0, s - 20), s)
            if b and b.group(1).lower() not in _BEFORE_A_LONE_NINE:
                return False
        if core.single_word in FRACTIONS and not fig.unit and not fig.counted:
            return False
        if core.single_word in ("point",):
            return False
        if not fig.unit and fp.day_of_month(text, s, e):
            return False
        if not fig.unit and not fig.qualified and fp.reference(text, s, e):
            return False
    return not fp.tournament_round(text, s, e)


def _keep_span(text: str, core: _Core, fig: _Fig) -> bool:
    """The false positives read on the whole figure, once _extend has ended it."""
    e = core.end
    if fig.unit == "month" and fig.value == 1 and _MONTH_NAMED_RE.match(text, fig.end):
        return False
    if fig.value == 1 and core.single_word in ("un", "une") and _period_described(text, fig):
        return False
    if core.form == "digits":
        if e < len(text) and text[e].isalpha() and fig.end == e:
            # glued letters that are not a unit or suffix: "2CV", "Free2Move"
            return False
        slash_after = text[fig.end : fig.end + 2]
        if slash_after[:1] == "/" and slash_after[1:].isdecimal():
            return False  # "24h/24" (see _false_core)
    return not (fig.kind == "duration" and fp.relative_date(text, fig.start, fig.end))


def _false_core(text: str, core: _Core) -> bool:
    """False positives whatever figure the core would make: tested before building it."""
    s, e = core.start, core.end
    if core.form == "digits":
        if fp.name_or_code(text, s, e) and currency_before(text, s) is None:
            return True
        if e < len(text) and (text[e].isdecimal() or text[e] == "/"):
            return True  # "12/20": ratios, grades, codes (fractions are read before)
        if s > 0 and text[s - 1] == "/":
            return True
        glued = (e < len(text) and text[e] in ".-") or (s > 0 and text[s - 1] in ".-vV")
        if glued and fp.code(text, s, e):
            return True  # "12-345-678", "192.168.1.2", "v2.3"
    if core.ordinal:
        if fp.name_or_code(text, s, e) or fp.day_of_month(text, s, e):
            return True
        if fp.reference_word_before(text, s):
            return True  # "l'article 1er"
        if fp.ordinal_role(text, s, e) is None:
            return True
        if core.form == "digits" and fp.model_or_label(text, s, e):
            return True  # "Lyon 3e", "Paris 16e": a district
    return False
