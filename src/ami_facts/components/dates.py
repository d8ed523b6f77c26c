"""Dates: TIMEX3 temporal expressions resolved against the publication date.

Machinery only: the French vocabulary lives in ``ami_facts.french.calendar``.

How it works
------------
1. Every pattern of ``_PATTERNS`` runs over the text (``finditer``); a cheap,
   state-free check may veto a match (``2000 commandes`` is not a year).
2. Overlapping candidates are resolved greedily: longest span first, then the
   pattern listed first.
3. The kept candidates are built into ``DateHit``\\ s in text order, with a small
   state (the last explicit year of the sentence, the last day mentioned) that
   lets ``en 97 (en janvier ...)`` and ``mardi vers 21 h 45`` resolve as a reader
   would. Without an anchor, nothing relative is resolved against today.
"""

from __future__ import annotations

import bisect
import calendar as _cal
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from ami_facts.french import calendar as fr
from ami_facts.french.stopwords import FRENCH_STOPWORDS
from ami_facts.hits import DateHit, DateType
from ami_facts.patterns import alternation

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

# --------------------------------------------------------------------------- patterns


def _fold_class(ch: str) -> str:
    """A case-sensitive class of every character ``ch`` matches under IGNORECASE."""
    if ch in _FOLDS:
        return _FOLDS[ch]
    rx = re.compile(re.escape(ch), re.IGNORECASE | re.UNICODE)
    same = sorted({ch, ch.lower(), ch.upper(), *(c for c in _FOLD_EXTRA if rx.fullmatch(c))})
    out = "[" + "".join("\\" + c if c in "]\\^-[" else c for c in same) + "]"
    _FOLDS[ch] = out
    return out


_FOLDS: dict[str, str] = {}
# the non-obvious case partners of Latin letters under re.IGNORECASE
_FOLD_EXTRA = "\u017f\u0131\u0130\u212a\u212b"


def _alt_word(w: str) -> str:
    p = re.escape(w)
    return p.replace("'", "['’]\\s*").replace("\\ ", "\\s+").replace("\\-", "[-\\s]?")


def _alt(words: Sequence[str]) -> str:
    """Regex alternation of ``words`` (longest first); ``'`` matches ’ too, spaces any run.

    Words are grouped by their first letter, matched case-insensitively by an
    explicit class: the regex engine then skips a group in one test, so a
    position no word starts at costs one test per letter rather than one per word.
    The matches are the same as those of the flat longest-first alternation.
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))  # the same regex in every run
    groups: dict[str, list[str]] = {}
    for w in ordered:
        c = w[:1]
        if not c or not c.isalpha():
            return "(?:" + "|".join(_alt_word(w) for w in ordered) + ")"
        groups.setdefault(c.lower(), []).append(w)
    out = []
    for c, ws in groups.items():
        rests = [_alt_word(w[1:]) for w in ws]
        body = rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")"
        out.append(f"(?-i:{_fold_class(c)}){body}")
    return "(?:" + "|".join(out) + ")"


_AP = "['’]"
_MONTH_ANY = _alt(list(fr.MONTHS))
_MONTH_FULL = _alt(list(fr.MONTH_FULL))
_WD = _alt(list(fr.WEEKDAYS))
_WDS = "(?:" + _alt(list(fr.WEEKDAYS)) + "s?)"
_SEASON = _alt(list(fr.SEASONS))
_NUMW = _alt([w for w in fr.NUMBER_WORDS if w not in ("mille", "cent", "cents")])
_NUMWORDS = rf"(?:{_NUMW}(?:[-\s]+(?:et[-\s]+)?{_NUMW}){{0,3}})"
_DIGITS = r"(?:\d{1,3}(?:[  ]\d{3})+|\d+(?:[,.]\d+)?)"
_NUM = rf"(?:{_DIGITS}|{_NUMWORDS}|quelques|plusieurs|de\s+nombreuses|de\s+nombreux|des)"
_DAYNUM = r"(?:1er|1e|premier|[12]\d|3[01]|0?[1-9])"
_DAYW = (
    r"(?:trente\s+et\s+un|trente|vingt(?:[-\s]+(?:et[-\s]+un|deux|trois|quatre|cinq|six|sept|huit|neuf))?"
    r"|dix[-\s]+(?:sept|huit|neuf)|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
    r"|quatorze|quinze|seize)"
)
_YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"
_UNIT_WORDS = [
    u for u in fr.UNITS if u not in ("h", "s", "min", "mn", "sec", "an", "ans", "mois")
] + ["ans", "an", "mois"]
_UNIT = "(?:" + _alt(_UNIT_WORDS) + r"|min|mn|sec)(?![\w-])"
_ORD = _alt(list(fr.ORDINALS))
_DUR1 = rf"(?:{_DIGITS}|{_NUMWORDS})\s+{_UNIT}(?:\s+et\s+(?:demie?|quart))?"
_DURN = rf"{_DUR1}(?:(?:\s*,\s*|\s+et\s+|\s+){_DUR1}){{0,6}}"
_DUR_NOUNS = (
    r"(?:[13]/[24]\s*(?:h\b|heures?)|un\s+quart\s+d'\s*heure|une\s+demi[-\s]heure|trois\s+quarts\s+d'\s*heure"
    r"|une\s+demi-journée|un\s+demi-siècle)"
)
_DUR_PART_RE = re.compile(
    rf"(?P<n>{_DIGITS}|{_NUMWORDS})\s+(?P<u>{_UNIT})(?:\s+et\s+(?P<f>demie?|quart))?", re.IGNORECASE
)
_DAYPART_WORDS = {
    "matin": "MO",
    "matinée": "MO",
    "en matinée": "MO",
    "après-midi": "AF",
    "en début d'après-midi": "AF",
    "en fin d'après-midi": "AF",
    "en début de matinée": "MO",
    "en fin de matinée": "MO",
    "soir": "EV",
    "soirée": "EV",
    "en soirée": "EV",
    "en début de soirée": "EV",
    "en fin de soirée": "EV",
    "nuit": "NI",
    "dans la nuit": "NI",
    "midi": "MI",
}
_DAYPART = _alt(list(_DAYPART_WORDS))
_MINW = _alt(
    [w for w in fr.NUMBER_WORDS if w not in ("un", "une", "mille", "cent", "cents", "zéro")]
    + ["trente", "quarante", "cinquante"]
)
_MINW = rf"(?:{_MINW}(?:[-\s]+(?:et[-\s]+)?{_MINW})?)"
_QUAL = {
    "près de": "APPROX",
    "pres de": "APPROX",
    "presque": "APPROX",
    "environ": "APPROX",
    "quelque": "APPROX",
    "plus de": "MORE_THAN",
    "un peu plus de": "MORE_THAN",
    "moins de": "LESS_THAN",
    "un peu moins de": "LESS_THAN",
    "au moins": "EQUAL_OR_MORE",
    "pas moins de": "EQUAL_OR_MORE",
    "au plus": "EQUAL_OR_LESS",
    "au maximum": "EQUAL_OR_LESS",
    "au minimum": "EQUAL_OR_MORE",
    "une bonne": "APPROX",
    "un bon": "APPROX",
    "quasiment": "APPROX",
}
_QUALP = _alt(list(_QUAL))

_F = re.IGNORECASE | re.UNICODE


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


@dataclass
class _Pattern:
    name: str
    regex: re.Pattern[str]
    handler: Handler
    check: Check | None = None
    needs: frozenset[str] | None = None  # run only if the text has one of these words
    marks: re.Pattern[str] | None = None  # ... or a match of this (a gate that is not a word)
    requires: re.Pattern[str] | None = None  # skipped when this never matches the text
    # compiled on first use by _starting_within: (wide, narrow)
    within: tuple[re.Pattern[str], re.Pattern[str]] | None = None


# --------------------------------------------------------------------------- context


# Where a sentence ends, for the tense and the context of an expression.
SENTENCE_END = re.compile(r'[.!?…]+[\s»"]+(?=[A-ZÀ-Ý«"0-9])|\n\s*\n|\n(?=[A-ZÀ-Ý])')
# The same ends, found three times faster: their first character taken out in front
# lets re jump from mark to mark instead of trying the pattern at every position.
_SENT_RE = re.compile(
    r'[.!?…\n](?:(?<=[.!?…])[.!?…]*[\s»"]+(?=[A-ZÀ-Ý«"0-9])|(?<=\n)\s*\n|(?<=\n)(?=[A-ZÀ-Ý]))'
)
_FUTURE_RE = re.compile(
    r"\b(?:sera|seront|aura|auront|fera|feront|ira|iront|va|vont|devra|devront|pourra|pourront"
    r"|viendra|viendront|(?:dev|pour|se|au|fe|viend|faud)rai(?:t|ent))\b|\b\w{2,}(?:erai|eras|era|erons|erez|eront"
    r"|irai|ira|iront|drai|dra|dront)\b",
    _F,
)
_PAST_RE = re.compile(
    r"\b(?:a|ont|avait|avaient|était|étaient|fut|furent|eut|s['’]est|se\s+sont)"
    r"\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|ie?s?|ite?s?|ise?s?|ue?s?|erte?s?|einte?s?|orte?s?)\b"
    r"|\b\w{3,}(?:ait|aient)\b",
    _F,
)


class _Ctx:
    def __init__(
        self, text: str, anchor: date | None, res: Resolution, bounds: list[int] | None = None
    ) -> None:
        self.text = text
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

    def context_day(self, pos: int) -> date | None:
        """The last day named earlier in this sentence or the previous one."""
        si = self.sentence_of(pos)
        for p, d in reversed(self.days):
            if si - self.sentence_of(p) <= 1 and pos - p < 400:
                return d
            break
        return None

    def tense(self, pos: int) -> int:
        """+1 future, -1 past, 0 unknown: the verb closest to ``pos`` in its sentence."""
        known = self.tenses.get(pos)
        if known is not None:
            return known
        s, e = self.sentence_span(pos)
        s, e = max(s, pos - 200), min(e, pos + 200)  # bounded: linear time on any text
        best = 0
        dist = 10**9
        for rx, sign in ((_FUTURE_RE, 1), (_PAST_RE, -1)):
            for m in rx.finditer(self.text, s, e):
                d = abs(m.start() - pos)
                if d < dist:
                    dist, best = d, sign
        self.tenses[pos] = best
        return best


# --------------------------------------------------------------------------- helpers


def _iso(d: date) -> str:
    return d.isoformat()


def _month_end(y: int, m: int) -> date:
    return date(y, m, _cal.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _num(s: str) -> float | None:
    s = s.strip().lower()
    t = re.sub(r"[  ]", "", s).replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        # "3.714" is a thousand separator, not a decimal.
        if re.fullmatch(r"\d{1,3}\.\d{3}", t):
            return float(t.replace(".", ""))
        return float(t)
    n = fr.parse_number_words(s)
    return float(n) if n is not None else None


def _fmt_num(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _ordinal(s: str) -> int | None:
    s = s.lower()
    if s.startswith("dernier") or s.startswith("dernière"):
        return -1
    return fr.ORDINALS.get(s)


def _part_of(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    if w.startswith("début") or w.startswith("debut"):
        return "START"
    if w.startswith("fin"):
        return "END"
    if w.startswith("mi") or w.startswith("milieu") or w.startswith("courant"):
        return "MID"
    return None


def _clip_month(y: int, m: int, mod: str | None) -> tuple[date, date]:
    first, last = date(y, m, 1), _month_end(y, m)
    if mod == "START":
        return first, date(y, m, 10)
    if mod == "MID":
        return date(y, m, 11), date(y, m, 20)
    if mod == "END":
        return date(y, m, 21), last
    return first, last


def _clip_year(y: int, mod: str | None) -> tuple[date, date]:
    if mod == "START":
        return date(y, 1, 1), date(y, 4, 30)
    if mod == "MID":
        return date(y, 5, 1), date(y, 8, 31)
    if mod == "END":
        return date(y, 9, 1), date(y, 12, 31)
    return date(y, 1, 1), date(y, 12, 31)


def _week_monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _season_range(y: int, code: str) -> tuple[date, date]:
    (m1, d1), (m2, d2) = fr.SEASON_BOUNDS[code]
    if code == "WI":
        return date(y, m1, d1), date(y + 1, m2, d2)
    return date(y, m1, d1), date(y, m2, d2)


def _day_built(d: date, relative: bool, **extra: str) -> _Built:
    return _Built("DATE", _iso(d), _iso(d), _iso(d), relative, dict(extra), day=d)


def _before(text: str, start: int, n: int = 30) -> str:
    return text[max(0, start - n) : start].lower()


def _after(text: str, end: int, n: int = 30) -> str:
    return text[end : end + n].lower()


_DEPUIS_RE = re.compile(r"(?:depuis|dès|des)\s+(?:le\s+|la\s+|l['’]\s*)?$", _F)


def _apply_depuis(b: _Built, ctx: _Ctx, start: int) -> _Built:
    """``depuis début février``: from the start of the period to the anchor."""
    before = _before(ctx.text, start, 20)
    if re.search(r"depuis\s+(?:le\s+|la\s+|l['’]\s*)?$", before):
        b.extra["depuis"] = "true"
        anchor = ctx.anchor
        if (
            anchor is not None
            and b.start_date
            and b.type == "DATE"
            and b.start_date <= _iso(anchor)
        ):
            b.end_date = _iso(anchor)
    return b


# "a donné jusqu'au 30 juin": a deadline set in the past still lies ahead
_DEADLINE_BEFORE = re.compile(
    r"(?:jusqu['’]\s*(?:au|à|en)|d['’]\s*ici(?:\s+(?:à|au))?|avant)\s+(?:le\s+|la\s+)?$", _F
)


def _resolve_year_for(
    ctx: _Ctx, pos: int, month: int, day: int | None, rel: str | None
) -> int | None:
    """Year of a day/month written without one: context year, then the anchor."""
    cy = ctx.context_year(pos)
    if cy is not None and not rel:
        return cy
    a = ctx.anchor
    if a is None:
        return None
    y = a.year
    key = (month, day or 1)
    akey = (a.month, a.day if day else 1)
    if rel in ("dernier", "dernière", "passé", "passée"):
        if key >= akey:
            y -= 1
        return y
    if rel in ("prochain", "prochaine"):
        if key <= akey:
            y += 1
        return y
    direction = ctx.res.day_month
    if direction == "future" and key < akey:
        y += 1
    elif direction == "past" and key > akey:
        y -= 1
    elif direction == "same_year" and key[0] != akey[0]:
        # a month of the anchor's year that is still to come cannot be told in the
        # past tense ("étaient inscrites fin décembre" said in March: last December);
        # the future tense proves less (a relative clause may look ahead)
        tense = 0 if _DEADLINE_BEFORE.search(ctx.text, max(0, pos - 16), pos) else ctx.tense(pos)
        if tense < 0 and key > akey:
            y -= 1
    return y


def _resolve_weekday(ctx: _Ctx, pos: int, wd: int, rel: str | None) -> date | None:
    a = ctx.anchor
    if a is None:
        return None
    aw = a.weekday()
    rel = (rel or "").lower().replace("’", "'")
    rel = re.sub(r"\s+", " ", rel)
    if rel in ("dernier", "passé", "précédent"):
        return a - timedelta(days=(aw - wd) % 7 or 7)
    if rel in ("prochain", "qui vient"):
        if ctx.res.prochain == "next_week":
            return a + timedelta(days=wd - aw + 7)
        return a + timedelta(days=(wd - aw) % 7 or 7)
    this_week = a + timedelta(days=wd - aw)
    coming = a + timedelta(days=(wd - aw) % 7)
    if rel in ("en huit", "en 8"):
        return coming + timedelta(days=7)
    if rel in ("en quinze", "en 15"):
        return coming + timedelta(days=14)
    if rel in ("suivant", "d'après"):
        return this_week + timedelta(days=7)
    if "semaine prochaine" in rel or "semaine suivante" in rel or "semaine d'après" in rel:
        return this_week + timedelta(days=7)
    if "semaine dernière" in rel or "semaine passée" in rel or "semaine précédente" in rel:
        return this_week - timedelta(days=7)
    if "cette semaine" in rel:
        return this_week
    past = a - timedelta(days=(aw - wd) % 7)
    future = a + timedelta(days=(wd - aw) % 7 or 7)
    if wd == aw and ctx.res.weekday != "future":
        return a
    if ctx.res.weekday == "past":
        return past
    if ctx.res.weekday == "future":
        return future
    t = ctx.tense(pos)
    if t > 0:
        return future
    if t < 0:
        return past
    return past if (a - past) <= (future - a) else future


_DP_CODES = {
    "matin": "MO",
    "matinée": "MO",
    "après-midi": "AF",
    "apres-midi": "AF",
    "aprem": "AF",
    "soir": "EV",
    "soirée": "EV",
    "nuit": "NI",
    "midi": "MI",
    "journée": "DT",
}


def _daypart_code(s: str | None) -> str | None:
    if not s:
        return None
    key = re.sub(r"\s+", " ", s.lower().replace("’", "'"))
    if key in _DP_CODES:
        return _DP_CODES[key]
    key = key.replace("apres", "après")
    return _DAYPART_WORDS.get(key)


def _dp_extra(m: re.Match[str] | _GroupView) -> dict[str, str]:
    mod = _part_of(m.groupdict().get("dpmod"))
    if mod is None and re.search(r"\btôt\b", m.group(0), _F):
        mod = "START"
    return {"mod": mod} if mod else {}


# --------------------------------------------------------------------------- handlers


def _h_dmy(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    dtxt = m.group("d").lower().strip()
    if dtxt.startswith("1e") or dtxt.startswith("prem"):
        day = 1
    elif dtxt.isdigit():
        day = int(dtxt)
    else:
        dn = fr.parse_number_words(dtxt)
        if dn is None:
            return None
        day = dn
    month = fr.MONTHS[re.sub(r"\s+", "", m.group("m").lower())]
    ytxt = m.group("y") or m.groupdict().get("y2")
    rel = (m.group("rel") or "").lower() or None
    explicit = False
    if ytxt:
        y = _year_from(ytxt, ctx.anchor)
        explicit = True
    else:
        y0 = _resolve_year_for(ctx, m.start(), month, day, rel)
        if y0 is None:
            if not 1 <= day <= 31:
                return None
            return _Built("DATE", f"XXXX-{month:02d}-{day:02d}", relative=True)
        y = y0
    d = _safe_date(y, month, day)
    if d is None:
        return None
    b = _day_built(d, relative=not explicit)
    if explicit:
        b.year = y
    return b


def _year_from(ytxt: str, anchor: date | None) -> int:
    t = ytxt.strip("'’ ")
    if len(t) == 4:
        return int(t)
    n = int(t)
    ref = anchor.year if anchor else 2030  # without an anchor: 00-40 -> 20xx, 41-99 -> 19xx
    century = ref // 100 * 100
    y = century + n
    if y > ref + 10:
        y -= 100
    return y


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    day, month = int(m.group("d")), int(m.group("m"))
    ytxt = m.group("y")
    if ytxt:
        y = _year_from(ytxt, ctx.anchor)
        d = _safe_date(y, month, day)
        if d is None:
            return None
        b = _day_built(d, relative=False)
        b.year = y
        return b
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    y0 = _resolve_year_for(ctx, m.start(), month, day, None)
    if y0 is None:
        return _Built("DATE", f"XXXX-{month:02d}-{day:02d}", relative=True)
    d = _safe_date(y0, month, day)
    return _day_built(d, relative=True) if d else None


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if d is None:
        return None
    b = _day_built(d, relative=False)
    b.year = d.year
    return b


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    mtxt = re.sub(r"\s+", "", m.group("m").lower())
    month = fr.MONTHS[mtxt]
    ytxt = m.group("y")
    rel = (m.group("rel") or "").lower() or None
    mod = _part_of(m.group("part"))
    if (
        not ytxt
        and not rel
        and not mod
        and not m.group("pre")
        and m.group("m")[0].isupper()
        and not _at_sentence_start(ctx, m.start("m"))
    ):
        return None  # "Mars" the planet, "Mai" a name
    explicit = bool(ytxt)
    if ytxt:
        y: int | None = _year_from(ytxt, ctx.anchor)
    else:
        y = _resolve_year_for(ctx, m.start(), month, None, rel)
    extra = {"mod": mod} if mod else {}
    if y is None:
        return _apply_depuis(
            _Built("DATE", f"XXXX-{month:02d}", relative=True, extra=extra), ctx, m.start()
        )
    s, e = _clip_month(y, month, mod)
    b = _Built("DATE", f"{y}-{month:02d}", _iso(s), _iso(e), not explicit, extra)
    if explicit:
        b.year = y
    if (m.group("pre") or "").lower().startswith("en"):
        b.start = m.start("m")
    return _apply_depuis(b, ctx, m.start())


def _at_sentence_start(ctx: _Ctx, pos: int) -> bool:
    before = ctx.text[max(0, pos - 3) : pos]
    return pos == 0 or bool(re.search(r"(?:^|[.!?\n«\"(]\s*)$", before))


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    y = int(m.group("y"))
    mod = _part_of(m.groupdict().get("part"))
    s, e = _clip_year(y, mod)
    b = _Built("DATE", str(y), _iso(s), _iso(e), False, {"mod": mod} if mod else {})
    b.year = y
    return _apply_depuis(b, ctx, m.start())


def _h_year2(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    y = _year_from(m.group("y"), ctx.anchor)
    s, e = _clip_year(y, None)
    b = _Built("DATE", str(y), _iso(s), _iso(e), False)
    b.year = y
    b.start, b.end = m.span("y")
    return b


def _h_year_part(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``fin de l'année``, ``début d'année``: the anchor's (or context) year."""
    mod = _part_of(m.group("part") or m.group("part2"))
    ytxt = m.group("y")
    if ytxt:
        y: int | None = int(ytxt)
        relative = False
    else:
        y = ctx.context_year(m.start()) or (ctx.anchor.year if ctx.anchor else None)
        relative = True
    extra = {"mod": mod} if mod else {}
    if y is None:
        return _Built("DATE", "XXXX", relative=True, extra=extra)
    s, e = _clip_year(y, mod)
    # "depuis le début de l'année": from the start of the year to the anchor
    return _apply_depuis(_Built("DATE", str(y), _iso(s), _iso(e), relative, extra), ctx, m.start())


def _h_months_of_year(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``les neuf premiers mois de l'année``, ``les trois derniers mois de 2023``:
    a DATE interval of the year (mod START or END), not a duration."""
    n = _num(m.group("n"))
    if n is None or not n.is_integer() or not 1 <= n <= 11:
        return None
    k = int(n)
    first = m.group("dir").lower().startswith("premi")
    mod = "START" if first else "END"
    ytxt = m.group("y") or m.group("y2")
    relative = not ytxt
    y = int(ytxt) if ytxt else ctx.context_year(m.start())
    if y is None and ctx.anchor is not None:
        y = ctx.anchor.year
        y = _finished_year(ctx, m.start(), y, _month_end(y, k if first else 12))
    if y is None:
        return _Built("DATE", "XXXX", relative=True, extra={"mod": mod})
    s = date(y, 1, 1) if first else date(y, 13 - k, 1)
    e = _month_end(y, k) if first else date(y, 12, 31)
    b = _Built("DATE", str(y), _iso(s), _iso(e), relative, {"mod": mod})
    if ytxt:
        b.year = y
    return b


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    t = m.group("y")
    if t is None:
        n = fr.parse_number_words(m.group("yw") or "")
        if n is None or n % 10 or not 10 <= n <= 90:
            return None
        decade = 1900 + n
    else:
        n = int(t)
        decade = n if n >= 1000 else (1900 + n if n >= 20 else 2000 + n)
    if decade % 10:
        return None
    mod = _part_of(m.group("part"))
    value = f"{decade // 10}X"
    s, e = date(decade, 1, 1), date(decade + 9, 12, 31)
    if mod == "START":
        e = date(decade + 3, 12, 31)
    elif mod == "MID":
        s, e = date(decade + 4, 1, 1), date(decade + 6, 12, 31)
    elif mod == "END":
        s = date(decade + 7, 1, 1)
    return _Built("DATE", value, _iso(s), _iso(e), False, {"mod": mod} if mod else {})


def _h_century(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    r = m.group("r")
    n = int(r) if r.isdigit() else fr.roman_to_int(r)
    if n is None or not 1 <= n <= 21:
        return None
    mod = _part_of(m.group("part"))
    first = (n - 1) * 100
    s, e = max(first, 1), first + 99
    if mod == "START":
        e = first + 32
    elif mod == "MID":
        s, e = first + 33, first + 66
    elif mod == "END":
        s = first + 67
    return _Built(
        "DATE",
        f"{n - 1:02d}XX",
        _iso(date(s, 1, 1)),
        _iso(date(e, 12, 31)),
        False,
        {"mod": mod} if mod else {},
    )


def _finished_year(ctx: _Ctx, pos: int, y: int, end: date) -> int:
    """The year of a period named without one (``au premier semestre``): a period
    of the anchor's year not over yet, told in the past tense, is last year's."""
    a = ctx.anchor
    if a is None or end < a or _DEADLINE_BEFORE.search(ctx.text, max(0, pos - 16), pos):
        return y
    return y - 1 if ctx.tense(pos) < 0 else y


def _h_quarter(m: re.Match[str] | _GroupView, ctx: _Ctx) -> _Built | None:
    unit = m.group("u").lower()
    half = unit.startswith("sem")
    n_parts = 2 if half else 4
    o = m.group("o")
    q = _ordinal(o) if o else None
    if q is None and m.group("q"):
        q = int(m.group("q"))
    if q is None:
        return None
    if q == -1:
        q = n_parts
    if not 1 <= q <= n_parts:
        return None
    ytxt = m.group("y")
    relative = not ytxt
    y: int | None = (
        int(ytxt)
        if ytxt
        else (ctx.context_year(m.start()) or (ctx.anchor.year if ctx.anchor else None))
    )
    letter = "H" if half else "Q"
    if y is None:
        return _Built("DATE", f"XXXX-{letter}{q}", relative=True)
    months = 6 if half else 3
    if relative and ctx.anchor and ctx.context_year(m.start()) is None:
        y = _finished_year(ctx, m.start(), y, _month_end(y, q * months))
    s = date(y, (q - 1) * months + 1, 1)
    e = _month_end(y, q * months)
    b = _Built("DATE", f"{y}-{letter}{q}", _iso(s), _iso(e), relative)
    if ytxt:
        b.year = y
    return _apply_depuis(b, ctx, m.start())


def _h_quarter_rel(m: re.Match[str] | _GroupView, ctx: _Ctx) -> _Built | None:
    """``ce trimestre``, ``le semestre dernier``."""
    a = ctx.anchor
    half = m.group("u").lower().startswith("sem")
    months = 6 if half else 3
    letter = "H" if half else "Q"
    rel = (m.group("rel") or "").lower()
    shift = (
        -1
        if rel.startswith(("dernier", "passé", "précédent"))
        else 1
        if rel.startswith(("prochain", "suivant"))
        else 0
    )
    if a is None:
        return _Built("DATE", f"XXXX-{letter}X", relative=True)
    idx = (a.month - 1) // months + shift
    y = a.year + idx // (12 // months)
    idx %= 12 // months
    s = date(y, idx * months + 1, 1)
    e = _month_end(y, idx * months + months)
    return _Built("DATE", f"{y}-{letter}{idx + 1}", _iso(s), _iso(e), True)


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    stxt = m.group("s")
    follow = ctx.text[m.end() : m.end() + 20]
    if re.match(r"\s+(?:de|du|des|d['’])\s+(?!\d)", follow) or re.match(
        r"\s+(?:arabe|de\s+prague)", follow, _F
    ):
        return None  # "Printemps de l'environnement", "printemps arabe": names
    if (
        not m.group("det")
        and not m.group("y")
        and (stxt.isupper() or not stxt[0].isupper() or not _at_sentence_start(ctx, m.start("s")))
        and not re.match(
            r"\s+(?:comme|et|ou)\s+(?:l['’]\s*)?(?:hiver|printemps|automne|été)", follow, _F
        )
        and not re.search(r"\b(?:comme|et|ou)\s+$", ctx.text[max(0, m.start() - 8) : m.start()], _F)
    ):
        return None
    code = (
        fr.SEASONS[m.group("s").lower().replace("é", "é")]
        if m.group("s").lower() in fr.SEASONS
        else None
    )
    if code is None:
        code = fr.SEASONS.get(m.group("s").lower().replace("e", "é", 1), "SU")
    ytxt = m.group("y")
    det = (m.group("det") or "").lower().strip()
    rel = (m.group("rel") or "").lower()
    mod = _part_of(m.group("part"))
    extra = {"mod": mod} if mod else {}
    if ytxt:
        y: int | None = int(ytxt)
        relative = False
    elif det in ("en", "") and not rel:
        # "en été", "l'été comme l'hiver": habitual, no year.
        return _Built("DATE", f"XXXX-{code}", relative=False, extra=extra)
    else:
        a = ctx.anchor
        cy = ctx.context_year(m.start())
        y = cy if cy is not None else (a.year if a else None)
        relative = True
        if y is not None and code == "WI" and a is not None and cy is None and a.month <= 3:
            y -= 1  # "cet hiver" in February: the winter that began in December
        if y is not None and rel:
            y += (
                1
                if rel.startswith("prochain")
                else -1
                if rel.startswith(("dernier", "passé"))
                else 0
            )
    if y is None:
        return _Built("DATE", f"XXXX-{code}", relative=True, extra=extra)
    s, e = _season_range(y, code)
    return _Built("DATE", f"{y}-{code}", _iso(s), _iso(e), relative, extra)


_WD_SPAN = re.compile(rf"\bdu\s+{_WD}\s+au\s+{_WD}\b", re.IGNORECASE)


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    around = ctx.text[max(0, m.start() - 12) : m.end() + 16]
    if _WD_SPAN.search(around) and not m.group("rel"):
        return None  # "du lundi au samedi": every week, not a date
    wtxt = m.group("wd").lower()
    wd = fr.WEEKDAYS.get(wtxt, fr.WEEKDAY_ABBR.get(wtxt, 0))
    rel = m.group("rel")
    dp = _daypart_code(m.group("dp"))
    d = ctx.context_day(m.start()) if m.group("meme") else None
    if d is None or d.weekday() != wd:
        d = _resolve_weekday(ctx, m.start(), wd, rel)
    if d is None:
        if dp:
            return _Built("TIME", f"XXXX-WXX-{wd + 1}T{dp}", relative=True, extra=_dp_extra(m))
        return _Built("DATE", f"XXXX-WXX-{wd + 1}", relative=True)
    if dp:
        return _Built("TIME", f"{_iso(d)}T{dp}", _iso(d), _iso(d), True, _dp_extra(m), day=d)
    return _apply_depuis(_day_built(d, relative=True), ctx, m.start())


_REL_DAYS = {
    "avant-hier": -2,
    "avant hier": -2,
    "hier": -1,
    "aujourd'hui": 0,
    "demain": 1,
    "après-demain": 2,
    "après demain": 2,
    "apres-demain": 2,
    "lendemain": 1,
    "veille": -1,
    "surlendemain": 2,
    "ce jour": 0,
    "ce jour-ci": 0,
}


def _h_relday(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    word = re.sub(r"\s+", " ", m.group("w").lower().replace("’", "'"))
    word = re.sub(r"aujourd' *hui", "aujourd'hui", word)
    off = _REL_DAYS.get(word, 0)
    dp = _daypart_code(m.group("dp"))
    base = ctx.anchor
    offset = {"offset": f"{'-' if off < 0 else ''}P{abs(off)}D"}
    if word in ("lendemain", "veille", "surlendemain"):
        follow = _after(ctx.text, m.end(), 40)
        if re.match(r"\s+(?:du|de\s+la|de\s+l'|d')\s*\d", follow):
            return None  # "le lendemain du 13 février": see _shift_by_duration
        cd = ctx.context_day(m.start())
        if cd is not None:
            base = cd
    if base is None:
        if dp:
            return _Built("TIME", f"XXXX-XX-XXT{dp}", relative=True, extra=offset)
        return _Built("DATE", "XXXX-XX-XX", relative=True, extra=offset)
    d = base + timedelta(days=off)
    if base is not ctx.anchor:
        offset = {}
    if dp:
        extra = {**offset, **_dp_extra(m)}
        return _Built("TIME", f"{_iso(d)}T{dp}", _iso(d), _iso(d), True, extra, day=d)
    return _apply_depuis(_day_built(d, relative=True, **offset), ctx, m.start())


def _h_this_daypart(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    dp = _daypart_code(m.group("dp"))
    a = ctx.anchor
    if a is None:
        return _Built("TIME", f"XXXX-XX-XXT{dp}", relative=True)
    return _Built("TIME", f"{_iso(a)}T{dp}", _iso(a), _iso(a), True, day=a)


def _h_daypart(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
    dp = m.group("dp").lower()
    mod = m.group("dpmod")
    early = m.group("early") or m.group("early2")
    if (
        not pre
        and not mod
        and not early
        and not re.match(r"\s+du\s+\d", _after(ctx.text, m.end(), 8))
    ):
        return None
    if early and not mod:
        mod = "début"
    if pre in ("le", "l'", "la") and not mod and dp not in ("matin", "soir", "après-midi"):
        return None  # "la nuit", "la journée de mobilisation": too often not a time
    if pre == "la" and not mod:
        return None
    code = _daypart_code(dp)
    if code is None or (code == "MI" and not mod):
        return None
    extra = _dp_extra(m) if not early else {"mod": "START"}
    d = ctx.context_day(m.start())
    if d is None:
        d = ctx.anchor
        extra["day"] = "anchor"
    if d is None:
        return _Built("TIME", f"XXXX-XX-XXT{code}", relative=True, extra=extra)
    return _Built("TIME", f"{_iso(d)}T{code}", _iso(d), _iso(d), True, extra)


def _h_ordinal_of_month(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``le premier mercredi du mois prochain``, ``la dernière semaine de septembre 2014``."""
    o = m.group("o").lower()
    n = _ordinal(o)
    if n is None:
        digits = re.match(r"\d+", o)
        n = int(digits.group()) if digits else None
    if n is None:
        return None
    a = ctx.anchor
    relative = True
    if m.group("m"):
        month = fr.MONTHS[m.group("m").lower()]
        if m.group("y"):
            year: int | None = int(m.group("y"))
            relative = False
        else:
            year = _resolve_year_for(ctx, m.start(), month, None, None)
    else:
        if a is None:
            return None
        rel = m.group("relm").lower()
        shift = 1 if ("prochain" in rel or "suivant" in rel) else 0
        if "dernier" in rel or "précédent" in rel:
            shift = -1
        first = _add_months(a.replace(day=1), shift)
        year, month = first.year, first.month
    if year is None:
        return None
    last = _month_end(year, month)
    what = m.group("what").lower()
    days = [date(year, month, d) for d in range(1, last.day + 1)]

    def pick(seq: list[date]) -> date | None:
        if not seq:
            return None
        if n == -1:
            return seq[-1]
        return seq[n - 1] if n is not None and 1 <= n <= len(seq) else None

    if what == "jour":
        d = pick(days)
        return _day_built(d, relative) if d else None
    if what == "semaine":
        d = pick([x for x in days if x.weekday() == 0 and (x + timedelta(days=6)).month == month])
        if d is None:
            return None
        return _Built("DATE", _week_value(d), _iso(d), _iso(d + timedelta(days=6)), relative)
    if what.startswith("week"):
        d = pick([x for x in days if x.weekday() == 5])
        if d is None:
            return None
        sat_sun = (_iso(d), _iso(d + timedelta(days=1)))
        return _Built("DATE", f"{_week_value(d)}-WE", *sat_sun, relative)
    if what == "quinzaine":
        if n == 1:
            s_, e_ = date(year, month, 1), date(year, month, 14)
        elif n in (2, -1):
            s_, e_ = date(year, month, 15), last
        else:
            return None
        extra = {"part": f"quinzaine{n}"}
        return _Built("DATE", f"{year}-{month:02d}", _iso(s_), _iso(e_), relative, extra)
    wd = fr.WEEKDAYS.get(what)
    if wd is None:
        return None
    d = pick([x for x in days if x.weekday() == wd])
    return _day_built(d, relative) if d else None


def _h_day_number(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``le 16 vers 18 h``, ``samedi 16``: a day of the current (or a near) month."""
    dtxt = m.group("d").lower()
    dn = (
        1 if dtxt.startswith("1e") else int(dtxt) if dtxt.isdigit() else fr.parse_number_words(dtxt)
    )
    if dn is None or not 1 <= dn <= 31:
        return None
    day = dn
    wd = fr.WEEKDAYS.get((m.group("wd") or "").lower())
    a = ctx.anchor
    if a is None:
        if wd is not None:
            extra = {"day_of_month": str(day)}
            return _Built("DATE", f"XXXX-WXX-{wd + 1}", relative=True, extra=extra)
        return _Built("DATE", f"XXXX-XX-{day:02d}", relative=True)
    future = ctx.res.day_month == "future"
    candidates = []
    for k in range(-2, 13):
        if future and k < 0:
            continue
        first = _add_months(a.replace(day=1), k)
        d = _safe_date(first.year, first.month, day)
        if d is None or (wd is not None and d.weekday() != wd):
            continue
        if future and d < a:
            continue
        candidates.append(d)
    if not candidates:
        return None
    d = candidates[0] if future else min(candidates, key=lambda x: abs((x - a).days))
    return _day_built(d, relative=True)


def _h_next_day(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``le jour d'après``, ``le jour précédent``: a day after or before the day in focus."""
    w = m.group("w").lower()
    off = 1 if ("suivant" in w or "après" in w) else -1
    base = ctx.context_day(m.start()) or ctx.anchor
    if base is None:
        return _Built(
            "DATE", "XXXX-XX-XX", relative=True, extra={"offset": f"{'-' if off < 0 else ''}P1D"}
        )
    return _day_built(base + timedelta(days=off), relative=True)


def _h_part_of_unit(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``en début de semaine``, ``à la fin du mois``, ``dans la semaine``: part of the current."""
    unit = (m.group("u") or m.group("u2")).lower()
    mod = _part_of(m.group("part"))
    extra = {"mod": mod} if mod else {}
    a = ctx.anchor
    if unit == "semaine":
        if a is None:
            return _Built("DATE", "XXXX-WXX", relative=True, extra=extra)
        mon = _week_monday(a)
        first, last = {"START": (0, 1), "MID": (2, 3), "END": (4, 6)}.get(mod or "", (0, 6))
        return _Built(
            "DATE",
            _week_value(mon),
            _iso(mon + timedelta(days=first)),
            _iso(mon + timedelta(days=last)),
            True,
            extra,
        )
    if a is None:
        return _Built("DATE", "XXXX-XX", relative=True, extra=extra)
    s_, e_ = _clip_month(a.year, a.month, mod)
    return _Built("DATE", f"{a.year}-{a.month:02d}", _iso(s_), _iso(e_), True, extra)


def _h_shift_from_now(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``deux jours plus tard``, ``trois mois auparavant``: shifted from the day in focus."""
    dur = _duration_text(m.group("dur"))
    if dur is None or "T" in dur:
        return None
    w = m.group("dir").lower()
    sign = -1 if ("tôt" in w or "auparavant" in w or w == "avant") else 1
    base = ctx.context_day(m.start()) or ctx.anchor
    extra = {"offset": ("-" if sign < 0 else "") + dur}
    if base is None:
        return _Built("DATE", "XXXX-XX-XX", relative=True, extra=extra)
    d = _shift_date(base, dur, sign)
    if d is None:
        return None
    b = _day_built(d, relative=True)
    if base is not ctx.anchor:
        return b
    b.extra.update(extra)
    b.extra["point"] = _iso(d)
    return b


def _h_same_day(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    d = ctx.context_day(m.start()) or ctx.anchor
    if d is None:
        return _Built("DATE", "XXXX-XX-XX", relative=True)
    return _day_built(d, relative=True)


def _h_rel_unit(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``cette année``, ``l'an dernier``, ``la semaine prochaine``, ``le mois dernier``."""
    unit = m.group("u").lower()
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower().replace("’", "'"))
    det = m.group("det").lower().replace("’", "'").strip()
    if rel.startswith(("dernier", "dernière", "passé", "précédent", "d'avant")):
        shift = -1
    elif rel.startswith(("prochain", "suivant", "d'après", "qui vient", "qui suit")):
        shift = 1
    elif det.startswith(("ce", "cet", "cette")) or rel in ("en cours",) or m.group("ci"):
        shift = 0
    else:
        return None
    a = ctx.anchor
    letter = (
        "Y"
        if unit.startswith(("an", "ann"))
        else "M"
        if unit == "mois"
        else "W"
        if unit.startswith(("semaine", "week"))
        else "D"
    )
    off = {"offset": f"{'-' if shift < 0 else ''}P{abs(shift)}{letter}"}
    b = _rel_unit_value(unit, shift, a)
    if b is not None:
        b.extra.update(off)
    return b


def _rel_unit_value(unit: str, shift: int, a: date | None) -> _Built | None:
    if unit.startswith(("an", "ann")):
        if a is None:
            return _Built("DATE", "XXXX", relative=True)
        y = a.year + shift
        return _Built("DATE", str(y), f"{y}-01-01", f"{y}-12-31", True)
    if unit == "mois":
        if a is None:
            return _Built("DATE", "XXXX-XX", relative=True)
        d = _add_months(a.replace(day=1), shift)
        return _Built(
            "DATE", f"{d.year}-{d.month:02d}", _iso(d), _iso(_month_end(d.year, d.month)), True
        )
    if unit.startswith("semaine"):
        if a is None:
            return _Built("DATE", "XXXX-WXX", relative=True)
        mon = _week_monday(a) + timedelta(days=7 * shift)
        return _Built("DATE", _week_value(mon), _iso(mon), _iso(mon + timedelta(days=6)), True)
    if unit.startswith("week"):
        if a is None:
            return _Built("DATE", "XXXX-WXX-WE", relative=True)
        sat = _week_monday(a) + timedelta(days=5 + 7 * shift)
        return _Built(
            "DATE", f"{_week_value(sat)}-WE", _iso(sat), _iso(sat + timedelta(days=1)), True
        )
    if unit.startswith(("jour", "journée")):
        if a is None:
            return None
        d = a + timedelta(days=shift)
        return _day_built(d, relative=True)
    return None


def _unit_code(u: str) -> tuple[str, bool, int]:
    key = u.lower()
    if key in fr.UNITS:
        return fr.UNITS[key]
    key = key.rstrip("s")
    return fr.UNITS.get(key, fr.UNITS.get(key + "s", ("X", False, 1)))


def _duration_value(n: float | None, unit: str, half: bool = False) -> str:
    letter, is_time, factor = _unit_code(unit)
    if n is None:
        amount = "X"
    else:
        v = n * factor + (0.5 * factor if half else 0)
        if letter == "W" and v != int(v):
            letter, v = "D", v * 7
        amount = _fmt_num(v)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


_ORDER = "YMWDhms"


def _duration_text(s: str) -> str | None:
    """ISO 8601 duration of ``2 ans, 3 mois et 1 jour``, ``une demi-heure``; None if not one."""
    low = re.sub(r"\s+", " ", s.lower().replace("’", "'")).replace("demi heure", "demi-heure")
    fixed = {
        "un quart d'heure": "PT15M",
        "un quart d' heure": "PT15M",
        "une demi-heure": "PT30M",
        "trois quarts d'heure": "PT45M",
        "trois quarts d' heure": "PT45M",
        "une demi-journée": "PT12H",
        "un demi-siècle": "P50Y",
    }
    if low in fixed:
        return fixed[low]
    frac = re.fullmatch(r"([13])/([24]) ?(?:h|heures?)", low)
    if frac:
        return f"PT{60 * int(frac.group(1)) // int(frac.group(2))}M"
    amounts: dict[str, float] = {}
    for m in _DUR_PART_RE.finditer(s):
        n = _num(m.group("n"))
        if n is None:
            return None
        letter, is_time, factor = _unit_code(m.group("u"))
        key = letter.lower() if is_time else letter
        if key == "h":
            key = "h"
        v = n * factor
        f = (m.group("f") or "").lower()
        if f.startswith("demi"):
            v += 0.5 * factor
        elif f == "quart":
            v += 0.25 * factor
        amounts[key] = amounts.get(key, 0) + v
    if not amounts:
        return None
    date_part = "".join(f"{_fmt_num(amounts[k])}{k}" for k in "YMWD" if k in amounts)
    time_part = "".join(f"{_fmt_num(amounts[k])}{k.upper()}" for k in "hms" if k in amounts)
    return "P" + date_part + ("T" + time_part if time_part else "")


def _vague(q: str) -> bool:
    return q.lower().split()[0] in ("quelques", "plusieurs", "des", "de")


_AGE_BEFORE = re.compile(r"(?:âgée?s?\s+de|,|\(|de\s+moins\s+de|de\s+plus\s+de|les)\s*$", _F)


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    ntxt = m.group("n")
    unit = m.group("u")
    vague = _vague(ntxt)
    ul = unit.lower()
    if ntxt.lower() == "des" and ul.startswith(("heure", "minute", "seconde")):
        return None
    if ntxt.lower() in ("un", "une") and ul.startswith("jour"):
        # "un jour" is as often "some day" as "one day": keep it after a duration cue only
        before = _before(ctx.text, m.start(), 15)
        if re.search(r"\bdans\s*$", before) and re.match(r"\s+d[e']", _after(ctx.text, m.end(), 5)):
            return None  # "dans un jour de grande forme"
        if re.match(r"\s*(?:où|ou\b|,)", _after(ctx.text, m.end(), 5)) or not re.search(
            r"\b(?:en|pendant|durant|après|depuis|pour|dans|de|d'|qu'|que|seulement|à)\s*$", before
        ):
            return None
    if ul.startswith("heure") and re.search(
        r"\b(?:à|vers|dès)\s*$", _before(ctx.text, m.start(), 8)
    ):
        return None  # "à 37 heures": a (bad) clock time, not a duration
    follow = _after(ctx.text, m.end(), 20)
    if ul.startswith("quinzaine") and re.match(r"\s*(?:de|d['’])", follow):
        return None  # "une quinzaine de jardins": about fifteen
    if ul.startswith("seconde") and re.match(
        r"\s+(?:fois|guerre|main|vie|chance|place|moitié|partie|division|tour|mi-temps|manche|"
        r"période|étape|série|édition|position|génération|nature|classe|vague|session|phase)",
        follow,
    ):
        return None  # "une seconde fois": the ordinal
    n = None if vague else _num(ntxt)
    if not vague and n is None:
        return None
    if unit.lower().startswith("an") and not vague:
        before = _before(ctx.text, m.start(), 15)
        after = _after(ctx.text, m.end(), 3)
        after_long = _after(ctx.text, m.end(), 25)
        if (
            re.search(r"[âa]gée?s?\s+de\s*$", before)
            or (re.search(r"[,(]\s*$", before) and re.match(r"\s*[,.;)]", after))
            or re.search(r"\d\s*(?:-|à)\s*$", before)
            or (
                re.search(r"\bde\s*$", before)
                and re.match(
                    r"\s*(?:[,;)]|a\b|est\b|était\b|qui\b|s['’]|atteinte?\b|avait\b|originaire|domicilié|demeurant|habitant|et\s+(?:de\s+)?\d+\s+ans)",
                    after_long,
                )
            )
        ):
            return None  # age: "X, 87 ans,", "âgé de 54 ans", "un homme de 38 ans a été"
        if re.search(r"\b(?:de|à)\s*$", before) and re.search(
            r"(?:enfant|jeune|homme|femme|fille|garçon|gar[cç]on|adolescent|bébé|élève)s?\s+(?:de|âgés?\s+de)\s*$",
            _before(ctx.text, m.start(), 40),
        ):
            return None
    half = bool(m.group("half"))
    value = _duration_value(n, unit, half)
    if m.groupdict().get("more"):
        if vague:
            return None
        compound = _duration_text(ctx.text[m.start("n") : m.end("more")])
        if compound is None:
            return None
        value = compound
    extra: dict[str, str] = {}
    q = m.group("q") or m.group("q2")
    if q:
        extra["mod"] = _QUAL.get(re.sub(r"\s+", " ", q.lower()), "APPROX")
    if re.search(r"depuis\s*$", _before(ctx.text, m.start(), 10)):
        extra["depuis"] = "true"
    return _Built("DURATION", value, extra=extra)


def _h_duration_noun(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    key = re.sub(r"\s+", " ", m.group("w").lower()).replace("’", "'")
    v = fr.DURATION_NOUNS.get(key) or fr.DURATION_NOUNS.get(key.replace("'", "’"))
    if v is None:
        return None
    b = _Built("DURATION", v)
    if not key.startswith("demi"):
        b.start, b.end = m.span("w")
    return b


def _h_last_n(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``ces derniers jours`` (PXD), ``les 24 dernières heures`` (PT24H)."""
    ntxt = m.group("n") or m.group("n2") or m.group("n3")
    if not ntxt and not m.group("det"):
        return None  # "dernières semaines" alone: an adjective, leave it
    n = _num(ntxt) if ntxt else None
    if ntxt and n is None:
        return None
    unit = m.group("u") or m.group("u2")
    if m.group("one") and (ntxt or unit.lower() not in ("décennie", "siècle")):
        return None  # "la dernière décennie" only; "la dernière journée" names a day
    if m.group("one"):
        n = 1.0  # "la dernière décennie": one decade back from now
    word = (m.group("dir") or m.group("dir2")).lower()
    direction = "past" if word.startswith(("derni", "précéd", "pass")) else "future"
    if n is None and direction == "future":
        return _Built("DATE", "FUTURE_REF", relative=True)  # "dans les prochaines semaines"
    value = _duration_value(n, unit)
    return _Built("DURATION", value, extra={"direction": direction})


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """``il y a un an environ`` -> the anchor minus a year, at month grain; ``dans 3 semaines``."""
    dur = _duration_text(m.group("dur"))
    if dur is None or re.match(r"\s+(?:de|d'|où|comme)\b", _after(ctx.text, m.end(), 6)):
        return None  # "dans un jour de grande forme"
    past = m.group("k").lower().startswith("il")
    extra: dict[str, str] = {"offset": ("-" if past else "") + dur}
    if m.group("q") or m.group("q2"):
        extra["mod"] = "APPROX"
    grain = "D" if re.search(r"[WD]|T", dur) else "M"
    a = ctx.anchor
    if a is None:
        return _Built(
            "DATE", "XXXX-XX-XX" if grain == "D" else "XXXX-XX", relative=True, extra=extra
        )
    d = _shift_date(a, dur.split("T")[0] if dur.split("T")[0] != "P" else "P0D", -1 if past else 1)
    if d is None:
        return None
    extra["point"] = _iso(d)
    if grain == "M":
        return _Built(
            "DATE",
            f"{d.year}-{d.month:02d}",
            _iso(d.replace(day=1)),
            _iso(_month_end(d.year, d.month)),
            True,
            extra,
        )
    return _day_built(d, relative=True, **extra)


def _h_clock(m: re.Match[str] | _GroupView, ctx: _Ctx) -> _Built | None:
    g = m.groupdict()
    if g.get("noon"):
        w = g["noon"].lower()
        hour, minute = (12, 0) if w.startswith("midi") else (0, 0)
    else:
        htxt = g["h"]
        hv = _num(htxt)
        if hv is None:
            return None
        hour = int(hv)
        minute = 0
    mtxt = g.get("mi")
    if mtxt:
        mv = _num(mtxt)
        if mv is None:
            return None
        minute = int(mv)
    frac = re.sub(r"\s+", " ", (g.get("frac") or "").lower())
    if "demi" in frac:
        minute = 30
    elif "trois quarts" in frac:
        minute = 45
    elif "quart" in frac:
        minute = 15 if "moins" not in frac else -15
    elif g.get("minus"):
        mv = _num(g["minus"])
        if mv is None or not 0 < mv < 60:
            return None
        minute = -int(mv)
    elif g.get("plus2"):
        mv = _num(g["plus2"])
        if mv is None or not 0 < mv < 60:
            return None
        minute = int(mv)
    elif g.get("plus"):
        mv = _num(g["plus"])
        if mv is None or not 0 < mv < 60:
            return None
        minute = int(mv)
    if minute < 0:
        hour, minute = (hour - 1) % 24, 60 + minute
        if g.get("noon") and g["noon"].lower().startswith("minuit"):
            hour = 23
    dp = (g.get("ampm") or "").lower()
    if dp and hour < 12 and any(k in dp for k in ("soir", "après-midi", "apres-midi", "aprem")):
        hour += 12
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    unitword = (g.get("hu") or "").lower()
    before = _before(ctx.text, m.start(), 25)
    word_unit = unitword.startswith("heure")
    time_cue = re.search(
        r"(?:\bà|\bvers|\bdès|\bjusqu['’]\s*à|\bavant|\baprès|\bentre|\bpartir\s+de|\bde|\bet|\bpour"
        r"|\bsur\s+le\s+coup\s+de|\bmidi|\bautour\s+de)(?:\s+(?:environ|à\s+peu\s+près))?\s*$",
        before,
    )
    dur_cue = re.search(
        r"(?:\ben|\bpendant|\bdurant|\bdepuis|\bdernières|\bprochaines|\bplus\s+de|\bmoins\s+de|\bprès\s+de|\benviron|\bsur|\bles|\bdes|\bquelque)\s*$",
        before,
    )
    after = _after(ctx.text, m.end(), 30)
    clock_after = re.match(
        r"\s+(?:pile|précises?|tapantes?|ce\s+(?:soir|matin)|cet\s+après-midi|cette\s+nuit"
        r"|demain|aujourd'hui|ce\s+jour)\b",
        after,
    )
    if dp or clock_after:
        time_cue = time_cue or clock_after or re.match("", "")
    if re.search(r"(?:plus|moins|près)\s+de\s*$", before):
        time_cue = None  # "moins de 21 h": a duration
    if time_cue:
        dur_cue = None
    if not g.get("noon") and not mtxt and not frac and (dur_cue or (word_unit and not time_cue)):
        if hour > 99:
            return None
        return _Built("DURATION", f"PT{hour}H")
    if not g.get("noon") and dur_cue and not time_cue:
        return _Built("DURATION", f"PT{hour}H{minute}M" if minute else f"PT{hour}H")
    if hour == 24:
        hour = 0
    hhmm = f"{hour:02d}:{minute:02d}"
    d = ctx.context_day(m.start())
    extra = {"hour": str(hour), "minute": str(minute)}
    if d is None:
        d = ctx.anchor
        extra["day"] = "anchor"
    if d is None:
        return _Built("TIME", f"XXXX-XX-XXT{hhmm}", relative=True, extra=extra)
    if (
        g.get("noon", "")
        and g["noon"].lower().startswith("minuit")
        and hour == 0
        and extra.get("day") == "anchor"
        and ctx.res.day_month == "future"
    ):
        d = d + timedelta(days=1)  # "minuit": the coming midnight
    return _Built("TIME", f"{_iso(d)}T{hhmm}", _iso(d), _iso(d), True, extra)


def _h_race(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    """Race times and gaps: ``2'24"``, ``l' 30"`` (OCR l = 1), ``37 h 32'48"``."""

    def n(s: str | None) -> int:
        if not s:
            return 0
        s = s.strip()
        return 1 if s in ("l", "I", "T") else int(s)

    h = n(m.group("h"))
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if c is not None:  # a'b'c" = h'min'sec"
        h, mi, s = n(a), n(b), n(c)
    else:
        mi, s = n(a), n(b)
    if s >= 60 or mi >= 60:
        return None
    out = "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{s}S" if s else "")
    return _Built("DURATION", out if out != "PT" else "PT0S")


def _h_seconds(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    return _Built("DURATION", f"PT{int(m.group('s'))}S")


def _h_set(m: re.Match[str] | _GroupView, ctx: _Ctx) -> _Built | None:
    g = m.groupdict()
    if g.get("wd"):
        wd = fr.WEEKDAYS[g["wd"].lower().rstrip("s")]
        return _Built("SET", f"XXXX-WXX-{wd + 1}", extra={"freq": "1W"})
    ntxt = g.get("n")
    n = _num(ntxt) if ntxt else 1.0
    if n is None:
        return None
    unit = g["u"]
    b = _Built("SET", _duration_value(n, unit))
    if g.get("par"):
        b.start, b.end = m.span("u")
    return b


def _h_freq_adj(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    v = fr.FREQUENCY_ADJ.get(m.group(0).lower())
    return _Built("SET", v) if v else None


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    name = re.sub(r"\s+", " ", m.group("hn").lower().replace("’", "'"))
    word = m.group("hn")
    if name in ("ascension", "assomption", "armistice") and not word[0].isupper():
        return None
    ytxt = m.group("y")
    y: int | None = (
        int(ytxt)
        if ytxt
        else (ctx.context_year(m.start()) or (ctx.anchor.year if ctx.anchor else None))
    )
    if name in fr.HOLIDAYS_FIXED:
        mo, da = fr.HOLIDAYS_FIXED[name]
        if y is None:
            return _Built("DATE", f"XXXX-{mo:02d}-{da:02d}", relative=True)
        if (
            not ytxt
            and ctx.anchor
            and ctx.res.day_month == "future"
            and (mo, da) < (ctx.anchor.month, ctx.anchor.day)
        ):
            y += 1
        d = date(y, mo, da)
    elif name in fr.HOLIDAYS_EASTER:
        if y is None:
            return _Built("DATE", "XXXX-XX-XX", relative=True, extra={"holiday": name})
        d = fr.easter_offset(y, fr.HOLIDAYS_EASTER[name])
        if not ytxt and ctx.anchor and ctx.res.day_month == "future" and d < ctx.anchor:
            d = fr.easter_offset(y + 1, fr.HOLIDAYS_EASTER[name])
    else:
        return None
    b = _day_built(d, relative=not ytxt)
    b.extra["holiday"] = name
    return b


def _night(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    b = _h_weekday(m, ctx)
    if b is None:
        return None
    day = b.value[:10]
    return _Built("TIME", f"{day}TNI", b.start_date, b.end_date, True)


def _h_ref(kind: str) -> Handler:
    def h(m: re.Match[str], ctx: _Ctx) -> _Built | None:
        return _Built("DATE", kind, relative=True)

    return h


# --------------------------------------------------------------------------- checks


_COUNT_BEFORE = re.compile(
    r"(?:près\s+de|pres\s+de|plus\s+de|moins\s+de|environ|quelque|au\s+moins|soit|sur|"
    r"jusqu['’]\s*à|de\s+plus\s+de|total\s+de|nombre\s+de|chiffre\s+de|[<>=+×x*/€$£]|n°|no\.?|numéro|"
    r"\d[.,  ]?|page|p\.|article|art\.|route|rn|n|a|à|les|des|ces|aux|ses|leurs|nos|vos)\s*$",
    _F,
)
_YEAR_TRIGGER = re.compile(
    r"(?:\ben|\bdepuis|\bdès|\bdes|\bjusqu['’]\s*en|\bentre|\bavant|\baprès|\bvers|\bfin|\bdébut|\bmi-|"
    r"\bcourant|\bl['’]\s*an|\bl['’]\s*année|\bannée|\bannées|\bsaison|\bexercice|\bcru|\bprintemps|"
    r"\bété|\bautomne|\bhiver|\bpour|\bde|\bd['’]|\bdu|\bau|\bà|\bet|\bou|\bnée?s?\s+en|\bpériode|"
    r"\brentrée|\bjanvier|\bfévrier|\bmars|\bavril|\bmai|\bjuin|\bjuillet|\baoût|\bseptembre|"
    r"\boctobre|\bnovembre|\bdécembre|\bdepuis\s+l['’]\s*an|\bà\s+partir\s+de|\bmillésime|[(\[-])\s*$",
    _F,
)
_YEAR_FOLLOW_OK = re.compile(
    r"\s*(?:$|[,.;:!?)\]»\"…–—-]|et\b|ou\b|à\b|au\b|aux\b|en\b|dans\b|pour\b|par\b|avec\b|sur\b|"
    r"contre\b|lors\b|puis\b|alors\b|déjà\b|a\b|avait\b|est\b|était\b|sera\b|fut\b|marque\b|"
    r"restera\b|verra\b|voit\b|s['’]|se\b|le\b|la\b|les\b|l['’]|il\b|elle\b|ils\b|elles\b|on\b|"
    r"ce\b|cette\b|qui\b|que\b|où\b|quand\b|lorsque\b|après\b|avant\b|selon\b|chez\b|comme\b|"
    r"un\b|une\b|des\b|du\b|de\b|d['’])",
    _F,
)
_UNIT_AFTER = re.compile(
    r"\s*(?:de\s+|d['’])?(?:euros?|€|francs?|dollars?|\$|livres|%|pour\s*cent|km|kilomètres?|"
    r"m\b|mètres?|kg|kilos?|tonnes?|habitants?|personnes?|exemplaires?|unités?|voitures?|"
    r"véhicules?|salariés?|emplois?|postes?|commandes?|points?|voix|places?|lits?|logements?|"
    r"hectares?|ha\b|litres?|l\b|mw|kw|ch\b|chevaux|pièces?|jours?|heures?|mois|ans|années|"
    r"morts?|blessés?|victimes?|fois|mf|f\b|milliards?|millions?|mille|cv|visiteurs?|spectateurs?)",
    _F,
)


def _check_year(m: re.Match[str], text: str) -> bool:
    s, e = m.span("y")
    before = text[max(0, s - 25) : s]
    after = text[e : e + 25]
    if _UNIT_AFTER.match(after):
        return False
    bl = before.lower()
    if re.search(r"\b(?:19|20)\d\d\s*(?:et|-|–|à|ou)\s*$", bl):
        return True  # "entre 1990 et 1999", "1982-1990"
    if re.search(r"\d\s*[-–]\s*$", bl):
        return False
    if re.search(
        r"(?:près\s+de|pres\s+de|plus\s+de|moins\s+de|environ|quelque|au\s+moins|soit|sur"
        r"|total\s+de|nombre\s+de|[€$£+×*/#=]|n°|\d[.,  ]?)\s*$",
        bl,
    ):
        return False
    if re.search(
        r"(?:\ben|\bdepuis|\bdès|\bjusqu['’]\s*en|\bl['’]\s*an|\bl['’]\s*année|\bannées?|\bété|\bhiver|\bprintemps|\bautomne|\bfin|\bdébut|\bmi-|\bcourant|\bentre|\bnée?s?\s+en|\bsaison|\bexercice"
        r"|\bd['’]\s*ici|\bédition|\bhorizon|\bcuvée)\s*$",
        bl,
    ):
        return True
    if re.search(
        r"\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s*$",
        bl,
    ):
        return True
    if re.search(r"\b(?:19|20)\d\d\s*(?:et|-|–|à|ou)\s*$", bl):
        return True  # "entre 1990 et 1999", "1982-1990"
    if re.match(r"\s*(?:-|–|à|et)\s*(?:19|20)\d\d\b", after) and not re.search(
        r"(?:de|des)\s*$", bl
    ):
        return True
    if _YEAR_TRIGGER.search(bl) or _at_start(before):
        return bool(_YEAR_FOLLOW_OK.match(after)) or _at_start(before)
    return bool(_YEAR_FOLLOW_OK.match(after)) and bool(
        re.search(r"\b(?:est|arrivée?|venue?|fut|sera|survenue?|commencée?|terminée?)\s*$", bl)
    )


def _at_start(before: str) -> bool:
    return before == "" or bool(re.search(r"(?:^|[.!?\n«\"]\s*)$", before))


def _check_not_glued(m: re.Match[str], text: str) -> bool:
    s, e = m.span()
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in ",."):
        return False
    return not (e < len(text) and text[e].isalnum())


def _check_numeric(m: re.Match[str], text: str) -> bool:
    s, e = m.span()
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "/.,-"):
        return False
    if e < len(text) and (
        text[e].isalnum() or (text[e] in "/.,-" and e + 1 < len(text) and text[e + 1].isdigit())
    ):
        return False
    if not m.group("y"):
        # "3/4 heure", "1/2": fractions, not dates
        after = text[e : e + 12].lower()
        if re.match(r"\s*(?:d['’]\s*heure|heure|h\b|de\b|%|des\b)", after):
            return False
        day, month = int(m.group("d")), int(m.group("m"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return False
        if m.group("sep") == ".":
            return False  # "5.7", "2.5": decimals
        before = text[max(0, s - 12) : s].lower() + m.group(0)[:3].lower()
        if (
            day <= 4
            and month <= 4
            and not re.search(r"(?:\ble|\bdu|\bau|\bdepuis|\bavant|\baprès)\s*$", before)
        ):
            return False
    return True


def _check_year2(m: re.Match[str], text: str) -> bool:
    e = m.end()
    return bool(re.match(r"\s*(?:[,.;:)]|\(|$|et\b|,)", text[e : e + 5]))


def _check_prochain_adj(m: re.Match[str], text: str) -> bool:
    # "le prochain mariage", "Prochains mariages": adjective before a noun
    after = text[m.end() : m.end() + 20]
    return bool(re.match(r"\s+[a-zà-ÿ]{3,}", after))


def _check_precedent(m: re.Match[str], text: str) -> bool:
    before = text[max(0, m.start() - 20) : m.start()].lower()
    after = text[m.end() : m.end() + 15].lower()
    # after a noun ("recensement précédent") or before one ("un précédent dîner")
    if re.search(r"\b(?:un|le|ce|du)\s*$", before):
        return bool(re.match(r"\s+[a-zà-ÿ]{3,}", after)) and not re.match(
            r"\s+(?:de|du|des|à|qui|que|pour)\b", after
        )
    return bool(re.search(r"[a-zà-ÿ]{4,}\s+$", before)) and not re.search(
        r"\b(?:le|la|les|un|une|au|du|des|de)\s+$", before
    )


# --------------------------------------------------------------------------- pattern table


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
    return _Pattern(name, re.compile(rx, _F), handler, check, needs)


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
        rf"|[ \t]+(?P<y2>['’]?\d{{2}})(?=[ \t]*(?:$|[,;:.)!?\n])))?"
        rf"(?:\s+(?P<rel>dernier|prochain|passé))?",
        _h_dmy,
    ),
    _p("iso", r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b", _h_iso),
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
        rf"\b(?P<m>{_MONTH_FULL})\b(?:\s+(?P<y>{_YEAR4}(?!\d)|['’]?\d{{2}}(?![\d\w%])))?(?:\s+(?P<rel>dernier|prochain|passé))?",
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
        r"\b(?:le|la|au|du)\s+(?P<w>lendemain|veille|surlendemain)\b(?P<dp>)?",
        _h_relday,
    ),
    _p(
        "this_daypart",
        r"\b(?:ce|cette|cet)\s+(?P<dp>matin|soir|après-midi|apres-midi|nuit)\b",
        _h_this_daypart,
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
        rf"\b(?P<k>il\s*y\s*a|dans|d['’]\s*ici)\s+(?:(?P<q>{_QUALP})\s+)?(?P<dur>{_DUR_NOUNS}|{_DURN})(?:\s+(?P<q2>environ|à\s+peu\s+près))?",
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
        rf"(?:\s+(?P<ampm>du\s+matin|du\s+mat\b|du\s+soir|de\s+l'\s*après-midi|de\s+l'\s*aprem|dans\s+la\s+soirée|dans\s+la\s+matinée|dans\s+l'\s*après-midi))?",
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
_MARKS: dict[str, re.Pattern[str]] = {"clock": re.compile(r"\d:")}
for _pat in _PATTERNS:
    _pat.needs = _NEEDS.get(_pat.name)
    _pat.marks = _MARKS.get(_pat.name)


# Whole tokens (maximal ``_TOKEN_RE`` runs) equal to a gate word.
_GATE_TOKEN_RE = re.compile(
    r"(?<![^\W\d_])"
    + alternation({w for _pat in _PATTERNS for w in (_pat.needs or ())})
    + r"(?![^\W\d_])"
)
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
    "iso": re.compile(r"\d-\d"),
    # its day's last digit, separator and month, not followed by a digit (a year
    # follows after a separator)
    "numeric": re.compile(r"\d[/.-][01]?\d(?!\d)"),
    "iso_datetime": re.compile(r"\d-\d\d-\d"),
    "numeric_space": re.compile(r"\d \d"),
    "month_year_numeric": re.compile(r"\d/\d"),
}
for _pat in _PATTERNS:
    _pat.requires = _REQUIRES.get(_pat.name)
    if _pat.needs is None and _pat.requires is not None:
        # what every match holds also tells where: the pattern runs only near it
        _pat.needs, _pat.marks = frozenset(), _pat.requires


def _check_numeric_space(m: re.Match[str], text: str) -> bool:
    day, month = int(m.group("d")), int(m.group("m"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    if m.group("y") and len(m.group("y")) == 4:
        return True
    # "le 17 02", "du 03 07 19": only after a determiner, two-digit fields
    le = re.search(r"\b(?:le|du|au)\s+$", text[max(0, m.start() - 4) : m.start()], _F) is not None
    return le and (len(m.group("m")) == 2 or bool(m.group("y")))


def _h_month_num(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    y, mo = int(m.group("y")), int(m.group("m"))
    s, e = _clip_month(y, mo, None)
    b = _Built("DATE", f"{y}-{mo:02d}", _iso(s), _iso(e), False)
    b.year = y
    return b


def _h_iso_datetime(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if d is None:
        return None
    t = f"{m.group('H')}:{m.group('M')}" + (f":{m.group('S')}" if m.group("S") else "")
    b = _Built("TIME", f"{_iso(d)}T{t}", _iso(d), _iso(d), False, day=d)
    b.year = d.year
    return b


def _check_numeric_le(m: re.Match[str], text: str) -> bool:
    return _check_numeric(m, text)


def _check_race(m: re.Match[str], text: str) -> bool:
    a = m.group("a")
    sep_quote = '"' in m.group(0)
    if a in ("l", "I", "T"):
        return sep_quote
    # digits: a minute mark is needed and, unless a closing quote, a race context ('à', a rank)
    if not re.search(r"['’*_]", m.group(0)):
        return False
    return sep_quote or bool(re.search(r"(?:à|\))\s*$", text[max(0, m.start() - 5) : m.start()]))


def _check_seconds(m: re.Match[str], text: str) -> bool:
    # a quote after a number is the seconds mark in results: "à 41 \"", "(Be, 8 \")"
    before = text[max(0, m.start() - 12) : m.start()]
    return bool(re.search(r"(?:\bà|\ba|\bavec|\bbonif\.?|\bde|[,(])\s*$", before, _F))


def _check_set(m: re.Match[str], text: str) -> bool:
    return not (m.group("par") and m.group("par").lower() != "par")


def _h_quarter_t(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    u = m.group("u") or ("semestre" if (m.group("u2") or "").upper() == "S" else "trimestre")
    return _h_quarter(_GroupView(m, {"u": u}), ctx)


def _h_quarter_rel_t(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    return _h_quarter_rel(_GroupView(m, {"u": m.group("u") or m.group("u3")}), ctx)


def _h_clock_t(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    over: dict[str, str | None] = {}
    if m.group("h2"):
        over = {"h": m.group("h2"), "hu": "h"}
    if m.group("sec") and m.group("h") and m.group("h").isdecimal():
        # "2 h 08 min 12 s": a time with seconds is a duration (a race, a record)
        mi = m.group("mi")
        if not mi.isdecimal():
            return None
        return _Built("DURATION", f"PT{int(m.group('h'))}H{int(mi)}M{int(m.group('sec'))}S")
    return _h_clock(_GroupView(m, over), ctx)


def _h_set_t(m: re.Match[str], ctx: _Ctx) -> _Built | None:
    if m.group("u2"):
        b = _h_set(_GroupView(m, {"u": m.group("u2"), "n": None}), ctx)
        if b is not None:
            b.start, b.end = m.span("u2")
        return b
    return _h_set(m, ctx)


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


# --------------------------------------------------------------------------- driver


def _contested(cands: list[tuple[int, int, int, re.Match[str]]]) -> set[tuple[int, int, int]]:
    """Candidates overlapping another one: only those need a handler's early verdict."""
    out: set[tuple[int, int, int]] = set()
    by_start = sorted(cands, key=lambda c: (c[0], c[1]))
    best_end = -1
    best: tuple[int, int, int] | None = None
    for s, e, idx, _m in by_start:
        if best is not None and s < best_end:
            out.add(best)
            out.add((s, e, idx))
        if e > best_end:
            best_end, best = e, (s, e, idx)
    return out


# A pattern's gate words are words its matches hold (a month, a unit), so a match
# starts a little before one: a determiner and a number in words at most ("au cours
# des quatre-vingt-dix-neuf derniers jours": 35 characters before "derniers").
# The test comparing with a search over the whole text fails with 20 here.
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 20
# Start positions one call tries: a window's last calls take fewer, so few positions
# past the window are tried.
_STARTS_WIDE, _STARTS_NARROW = _WINDOW_BEFORE + _WINDOW_AFTER + 1, 9


def _starting_within(pat: _Pattern, starts: int) -> re.Pattern[str]:
    """The pattern as a match that may start at any of ``starts`` positions from where
    it is tried: the first that matches, like a search. Unlike a search with an
    ``endpos``, the match may run past the window (the text is not cut)."""
    rx = rf"(?s:.{{0,{starts - 1}}}?)(?P<_start>{pat.regex.pattern})"
    return re.compile(rx, pat.regex.flags)


def _matches(
    pat: _Pattern, text: str, positions: dict[str, list[int]], n: int
) -> Iterator[re.Match[str]]:
    """Matches of a pattern, searched only near the words that gate it (fast on long texts)."""
    if pat.needs is None:
        yield from pat.regex.finditer(text)
        return
    hits = [p for w in pat.needs if w in positions for p in positions[w]]
    if pat.marks is not None:
        hits += [m.start() for m in pat.marks.finditer(text)]
    hits.sort()
    if not hits:
        return
    if len(hits) * (_WINDOW_BEFORE + _WINDOW_AFTER) >= n:
        yield from pat.regex.finditer(text)
        return
    # merged windows around the sorted hits (hits are >= 0, so cur_e >= 0 below)
    windows: list[tuple[int, int]] = []
    cur_s, cur_e = max(0, hits[0] - _WINDOW_BEFORE), hits[0] + _WINDOW_AFTER
    for p in hits:
        ws = p - _WINDOW_BEFORE
        if ws <= cur_e:
            cur_e = p + _WINDOW_AFTER
        else:
            windows.append((cur_s, cur_e))
            cur_s, cur_e = ws, p + _WINDOW_AFTER
    windows.append((cur_s, cur_e))
    seen: set[tuple[int, int]] = set()
    if pat.within is None:
        pat.within = (
            _starting_within(pat, _STARTS_WIDE),
            _starting_within(pat, _STARTS_NARROW),
        )
    wide, narrow = pat.within
    # The matches a search over the whole text would find that start in a window.
    for ws, we in windows:
        pos, we = ws, min(we, n)
        while pos <= we:
            if we - pos >= _STARTS_WIDE - 1:
                starts, found = _STARTS_WIDE, wide.match(text, pos)
            else:
                starts, found = _STARTS_NARROW, narrow.match(text, pos)
            if found is None:
                pos += starts
                continue
            # the pattern's own match at that start (same groups, same span)
            m = pat.regex.match(text, found.start("_start"))
            if m is None:  # cannot happen: the same regex, at the same position
                break
            if m.span() not in seen:
                seen.add(m.span())
                yield m
            pos = max(m.end(), m.start() + 1)


def find_dates(
    text: str,
    *,
    anchor: date | None,
    excluded: Sequence[Range] = (),
    resolution: Resolution = NEWS,
) -> list[DateHit]:
    """Return the temporal expressions of ``text`` in text order.

    Relative expressions are resolved against ``anchor``; without one they stay
    unresolved (``XXXX-02``), never resolved against today's date.
    """
    if not text:
        return []
    original = text
    # one-to-one character normalisation: offsets stay valid on the original text
    text = _normalise(text)
    cands: list[tuple[int, int, int, re.Match[str]]] = []
    # only the gate words are looked for: one regex pass, no Python work per token
    positions: dict[str, list[int]] = {}
    for tm in _GATE_TOKEN_RE.finditer(text.lower()):
        positions.setdefault(tm.group(), []).append(tm.start())
    n = len(text)
    for idx, pat in enumerate(_PATTERNS):
        # (a pattern run near its requirement finds it in _matches: no search twice)
        if (
            pat.requires is not None
            and pat.requires is not pat.marks
            and pat.requires.search(text) is None
        ):
            continue
        for m in _matches(pat, text, positions, n):
            s, e = m.span()
            if s == e:
                continue
            if pat.check is not None and not pat.check(m, text):
                continue
            cands.append((s, e, idx, m))
    # longest first, then pattern order, then leftmost
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    occupied = bytearray(len(text))
    kept: list[tuple[int, int, int, re.Match[str]]] = []
    dry = _Ctx(text, anchor, resolution)  # to drop candidates a handler rejects
    contested = _contested(cands)
    for c in cands:
        s, e = c[0], c[1]
        if any(occupied[s:e]):
            continue
        if (s, e, c[2]) in contested:
            try:
                ok = _PATTERNS[c[2]].handler(c[3], dry) is not None
            except (ValueError, OverflowError, KeyError):
                ok = False
            if not ok:
                continue
        occupied[s:e] = b"\x01" * (e - s)
        kept.append(c)
    kept.sort(key=lambda c: c[0])
    ctx = _Ctx(text, anchor, resolution, dry.bounds)
    ctx.tenses = dry.tenses  # same text, same sentences: same tenses
    hits: list[DateHit] = []
    for s, e, idx, m in kept:
        pat = _PATTERNS[idx]
        try:
            b = pat.handler(m, ctx)
        except (ValueError, OverflowError, KeyError):
            b = None
        if b is None:
            continue
        hs = b.start if b.start is not None else s
        he = b.end if b.end is not None else e
        # trim spaces and a trailing comma from spans
        while he > hs and text[he - 1] in " \t\n,":
            he -= 1
        while hs < he and text[hs].isspace():
            hs += 1
        if hs >= he:
            continue
        if b.year is not None:
            ctx.years.append((hs, b.year))
        elif b.type == "DATE" and _YEAR_PREFIX.match(b.value):
            ctx.years.append((hs, int(b.value[:4])))
        if b.day is not None:
            ctx.days.append((he, b.day))
        elif b.type == "DATE" and b.start_date and b.start_date == b.end_date:
            ctx.days.append((he, date.fromisoformat(b.start_date)))
        if any(xs <= hs < xe for xs, xe in excluded):
            continue
        hits.append(
            DateHit(
                start=hs,
                end=he,
                text=original[hs:he],
                type=b.type,
                value=b.value,
                start_date=b.start_date,
                end_date=b.end_date,
                relative=b.relative,
                anchor=anchor.isoformat() if (anchor is not None and b.relative) else None,
                extra={k: v for k, v in b.extra.items() if v is not None},
            )
        )
    _date_times_from_following_day(ctx, hits)
    hits = _shift_by_duration(ctx, hits, original)
    _mark_bounds(ctx, hits)
    if resolution.merge_ranges:
        hits = _merge_ranges(ctx, hits, original)
    if resolution.merge_day_time:
        hits = _merge_day_time(ctx, hits, original)
    return hits


_NORM_TABLE = str.maketrans(
    {
        "’": "'",
        "ʼ": "'",
        "ʻ": "'",
        "՚": "'",
        "ꞌ": "'",
        "＇": "'",
        "′": "'",
        "‵": "'",
        "ʹ": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "–": "-",
        "‑": "-",
        "″": '"',
        "“": '"',
        "”": '"',
    }
)
_NORM_PAIRS = [(chr(c), str(t)) for c, t in _NORM_TABLE.items()]
_NORM_RE = re.compile("[" + "".join(re.escape(k) for k, _ in _NORM_PAIRS) + "]")


def _normalise(text: str) -> str:
    """``text.translate(_NORM_TABLE)``, faster: most texts hold few of these characters."""
    if _NORM_RE.search(text) is None:
        return text
    for k, v in _NORM_PAIRS:
        if k in text:
            text = text.replace(k, v)
    return text


_SHIFT_GAP = re.compile(
    r"\s+(après|avant|plus\s+tard\s+que|plus\s+tôt\s+que)\s+(?:le\s+|l'\s*)?", _F
)


def _shift_by_duration(ctx: _Ctx, hits: list[DateHit], original: str) -> list[DateHit]:
    """``trois jours après le 14 juillet``, ``2 semaines après vendredi``: the day shifted."""
    out: list[DateHit] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if (
            h.type == "DURATION"
            and nxt is not None
            and _DAY_VALUE.match(nxt.value)
            and "X" not in h.value
        ):
            m = _SHIFT_GAP.fullmatch(ctx.text[h.end : nxt.start])
            if m is not None:
                w = m.group(1).lower()
                sign = -1 if w.startswith("avant") or "tôt" in w else 1
                d = _shift_date(date.fromisoformat(nxt.value), h.value, sign)
                if d is not None:
                    out.append(
                        DateHit(
                            start=h.start,
                            end=nxt.end,
                            text=original[h.start : nxt.end],
                            type="DATE",
                            value=_iso(d),
                            start_date=_iso(d),
                            end_date=_iso(d),
                            relative=True,
                            anchor=nxt.anchor,
                            extra={"shift": ("-" if sign < 0 else "") + h.value},
                        )
                    )
                    i += 2
                    continue
        out.append(h)
        i += 1
    return out


_DUR_PARTS = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def _shift_date(d: date, duration: str, sign: int) -> date | None:
    m = _DUR_PARTS.match(duration)
    if not m:
        return None
    y, mo, w, dd = (int(x) if x else 0 for x in m.groups())
    d = _add_months(d, sign * (12 * y + mo))
    return d + timedelta(days=sign * (7 * w + dd))


_YEAR_PREFIX = re.compile(r"\d{4}(?:$|-)")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d$")


def _date_times_from_following_day(ctx: _Ctx, hits: list[DateHit]) -> None:
    """``entre 0 h 30 et 4 h mardi``: a time with no day before it takes the day after it."""
    for i, h in enumerate(hits):
        if h.extra.get("day") != "anchor":
            continue
        si = ctx.sentence_of(h.start)
        for nxt in hits[i + 1 : i + 4]:
            if ctx.sentence_of(nxt.start) != si or nxt.start - h.end > 60:
                break
            if nxt.type == "DATE" and _DAY_VALUE.match(nxt.value):
                h.value = nxt.value + "T" + h.value.split("T", 1)[1]
                h.start_date = h.end_date = nxt.value
                h.extra["day"] = "context"
                break


_JOIN_RE = re.compile(
    r"\s*,?\s*(?:(?:plutôt\s+)?(?:à|a|vers|autour\s+de|aux\s+alentours\s+de|dès|de|le|du|après"
    r"|à\s+partir\s+de|à\s+partir\s+du|plus\s+tard\s+que|avant|jusqu'\s*à|jusqu'\s*au))?\s*",
    _F,
)
_TIME_VALUE = re.compile(
    r"(?P<day>[\dX]{4}-[\dX]{2}-[\dX]{2})T(?P<t>\d\d:\d\d(?::\d\d)?|MO|AF|EV|NI|MI)$"
)
_DAYISH = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}$")
_BOUND_FROM = re.compile(
    r"(?:à\s+partir\s+d[eu']?|dès|après|plus\s+tard\s+que|depuis)\s*(?:le\s+|la\s+|l'\s*)?$", _F
)
_BOUND_TO = re.compile(r"(?:avant|plus\s+tôt\s+que)\s*(?:le\s+|la\s+|l'\s*)?$", _F)
_BOUND_TO_INCL = re.compile(
    r"(?:jusqu'\s*(?:à|au|en)|au\s+plus\s+tard)\s*(?:le\s+|la\s+|l'\s*)?$", _F
)


def _mark_bounds(ctx: _Ctx, hits: list[DateHit]) -> None:
    """``à partir du 8 mars``, ``avant 16 h``, ``jusqu'à 16 h``: open intervals (extra bound)."""
    for h in hits:
        if h.type not in ("DATE", "TIME"):
            continue
        before = ctx.text[max(0, h.start - 22) : h.start]
        if _BOUND_FROM.search(before):
            h.extra.setdefault("bound", "from")
        elif _BOUND_TO_INCL.search(before):
            h.extra.setdefault("bound", "to_inclusive")
        elif _BOUND_TO.search(before):
            h.extra.setdefault("bound", "to")


_RANGE_GAP = re.compile(r"\s*(?:-|au|à|a|jusqu'\s*(?:à|au)|et(?:\s+le)?)\s*", _F)


def _merge_ranges(ctx: _Ctx, hits: list[DateHit], original: str) -> list[DateHit]:
    """``du 13 au 15 juillet``, ``entre 9 h 30 et 11 h``, ``14 - 20 sept.``: one hit."""
    out: list[DateHit] = []
    for h in hits:
        if out:
            p = out[-1]
            gap = ctx.text[p.end : h.start]
            same_kind = (
                p.type == h.type == "DATE"
                and _DAY_VALUE.match(p.value)
                and _DAY_VALUE.match(h.value)
            ) or (
                p.type == h.type == "TIME"
                and _TIME_VALUE.match(p.value)
                and _TIME_VALUE.match(h.value)
            )
            et = gap.strip().lower().startswith("et")
            if (
                same_kind
                and "range_to" not in p.extra
                and _RANGE_GAP.fullmatch(gap)
                and (
                    not et
                    or re.search(
                        r"entre\s+(?:le\s+)?$", ctx.text[max(0, p.start - 12) : p.start], _F
                    )
                )
            ):
                to_value = h.value
                if p.type == "TIME":
                    # "de 11 h 30 à 1 h 30": the end is after the start
                    mp, mh = _TIME_VALUE.match(p.value), _TIME_VALUE.match(h.value)
                    assert mp is not None and mh is not None
                    to_value = mh.group("day") + "T" + mh.group("t")
                    if (
                        ":" in mh.group("t")
                        and ":" in mp.group("t")
                        and mh.group("t") < mp.group("t")
                    ):
                        hh = int(mh.group("t")[:2]) + 12
                        if hh < 24:
                            to_value = f"{mh.group('day')}T{hh:02d}{mh.group('t')[2:]}"
                extra = dict(p.extra)
                extra.pop("bound", None)
                extra.update({"range_from": p.value, "range_to": to_value})
                out[-1] = DateHit(
                    start=p.start,
                    end=h.end,
                    text=original[p.start : h.end],
                    type=p.type,
                    value=p.value,
                    start_date=p.start_date,
                    end_date=h.end_date,
                    relative=p.relative or h.relative,
                    anchor=p.anchor or h.anchor,
                    extra=extra,
                )
                continue
        out.append(h)
    return out


def _merge_day_time(ctx: _Ctx, hits: list[DateHit], original: str) -> list[DateHit]:
    """``demain à 11 h``, ``8 h ce soir``: a day (or a part of day) and a time as one TIME."""
    out: list[DateHit] = []
    for h in hits:
        if out:
            p = out[-1]
            gap = ctx.text[p.end : h.start]
            merged = (
                _merge_pair(p, h, gap, original)
                if len(gap) <= 25 and _JOIN_RE.fullmatch(gap)
                else None
            )
            if merged is not None:
                out[-1] = merged
                continue
        out.append(h)
    return out


def _merge_pair(p: DateHit, h: DateHit, gap: str, original: str) -> DateHit | None:
    a, b = (p, h) if p.type == "DATE" else (h, p)
    mt_a, mt_b = _TIME_VALUE.match(p.value), _TIME_VALUE.match(h.value)
    value: str | None = None
    if a.type == "DATE" and b.type == "TIME" and _DAYISH.match(a.value):
        mb = _TIME_VALUE.match(b.value)
        if mb is None:
            return None
        value = f"{a.value}T{mb.group('t')}"
        if "range_to" in b.extra:
            b.extra["range_from"] = value
            mr = _TIME_VALUE.match(b.extra["range_to"])
            if mr is not None:
                b.extra["range_to"] = f"{a.value}T{mr.group('t')}"
    elif p.type == h.type == "TIME" and mt_a is not None and mt_b is not None:
        # a clock time and a part of day: "8 h ce soir", "à 3 heures cet après-midi"
        clock, part = (mt_a, mt_b) if ":" in mt_a.group("t") else (mt_b, mt_a)
        if ":" not in clock.group("t") or ":" in part.group("t"):
            return None
        hh = int(clock.group("t")[:2])
        if part.group("t") in ("AF", "EV") and hh < 12:
            hh += 12
        value = f"{part.group('day')}T{hh:02d}{clock.group('t')[2:]}"
    if value is None:
        return None
    extra = {k: v for k, v in {**a.extra, **b.extra}.items() if k not in ("offset", "point", "day")}
    if extra.get("bound") in ("to", "to_inclusive") and a.type == "DATE":
        extra["bound_day"] = a.value  # "demain jusqu'à 16 h": from the start of that day
    return DateHit(
        start=p.start,
        end=h.end,
        text=original[p.start : h.end],
        type="TIME",
        value=value,
        start_date=value[:10] if _DAY_VALUE.match(value[:10]) else None,
        end_date=value[:10] if _DAY_VALUE.match(value[:10]) else None,
        relative=p.relative or h.relative,
        anchor=p.anchor or h.anchor,
        extra=extra,
    )


_SELF_TEST = re.compile(r"^$")


# --------------------------------------------------------------------------- byline

_BYLINE_DATE = (
    rf"(?:(?:{_WD})\s+)?(?P<{{p}}d>{_DAYNUM})(?:er)?(?:\s+(?P<{{p}}mn>{_MONTH_ANY})\.?\s+|[/.-](?P<{{p}}mm>[01]?\d)[/.-])"
    rf"(?P<{{p}}y>\d{{{{4}}}})"
    rf"(?:\s*(?:à|a|-|,)?\s*\d{{{{1,2}}}}\s*[h:]\s*\d{{{{2}}}}(?:\s*(?:min|mn))?)?"
)
_BYLINE_RE = re.compile(
    r"\b(?:publié|publiée|publie|mis\s+en\s+ligne|posté|postée|paru|parue|édité)\s+le\s+"
    + _BYLINE_DATE.format(p="a")
    + r"(?:[^\n]{0,60}?\b(?:mis\s+à\s+jour|mise\s+à\s+jour|modifiée?|actualisée?|màj|maj)"
    r"\s*(?:le\s+|:\s*)?" + _BYLINE_DATE.format(p="b") + r")?",
    _F,
)


_BYLINE_BY_RE = re.compile(
    r"\bPar\s+(?:[A-ZÀ-Ý][\w.'’-]+\s+){1,4}(?:[|,·•-]\s*)?(?:(?:le|publié\s+le)\s+)?"
    + _BYLINE_DATE.format(p="a")
    + r"(?:[^\n]{0,60}?\b(?:mis\s+à\s+jour|mise\s+à\s+jour|modifiée?|actualisée?|màj|maj)"
    r"\s*(?:le\s+|:\s*)?" + _BYLINE_DATE.format(p="b") + r")?",
)


def _byline_day(m: re.Match[str], p: str) -> date | None:
    dtxt = m.group(p + "d").lower()
    day = 1 if dtxt.startswith(("1e", "prem")) else int(dtxt)
    if m.group(p + "mn"):
        month = fr.MONTHS.get(re.sub(r"\s+", "", m.group(p + "mn").lower()))
        if month is None:
            return None
    else:
        month = int(m.group(p + "mm"))
    return _safe_date(int(m.group(p + "y")), month, day)


def find_byline_date(text: str) -> tuple[date, Range] | None:
    """The publication date of a byline (``Publié le 21/07/2021 ... Mis à jour le 24/12/2021``).

    Returns the published date and the byline's range (to mark it boilerplate),
    or None when the text has no such byline.
    """
    for m in _BYLINE_RE.finditer(text):
        d = _byline_day(m, "a")
        if d is not None:
            return d, m.span()
    # "Par Thomas Lecomte  Le 2 novembre 2023 à 16h17": an author line then the date
    for m in _BYLINE_BY_RE.finditer(text[:3000]):
        d = _byline_day(m, "a")
        if d is not None:
            return d, m.span()
    return None
