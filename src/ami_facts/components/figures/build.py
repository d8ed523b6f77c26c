"""Pass 2, building a figure around a number: its unit (``km/h``, ``€`` before it,
``1 m 50``, ``1 h 30``), or else its counted noun (``exemplaires``, ``avions de
combat``); the sign and qualifier before it (``près de``, ``plus de``, ``-``); once
it is kept, the rate and qualifiers after it (``par mois``, ``environ``); results
tables and ``les dix premiers`` as ranks.
"""

from __future__ import annotations

import re

from ami_facts.components.figures.figure_types import _Core, _Fig
from ami_facts.components.figures.read_words import _WORD
from ami_facts.components.figures.scanning import _WORD_AFTER_RE, _skip_ws
from ami_facts.french.calendar import MONTH_FULL, WEEKDAYS
from ami_facts.french.numbers import (
    ALL_NUMBER_WORDS,
    ET_DEMI_RE,
    PREMIERS_RE,
    parse_digits,
    parse_number_words,
)
from ami_facts.french.qualifiers import (
    BELOW_ZERO_RE,
    NOT_SIGN_BEFORE,
    POST_APPROX_RE,
    POST_EXACT_RE,
    QUALIFIER_LAST,
    QUALIFIER_RE,
    SIGN_RE,
    TIME_QUALIFIER_RE,
    qualifier_family,
)
from ami_facts.french.units import (
    ADJ_PER,
    ADJ_PER_RE,
    HOUR_TAIL_RE,
    INDEX_NAMES_RE,
    PER_RE,
    PERCENT_EARLIER_IN_SENTENCE,
    PRICE_TERMS_RE,
    SUBUNIT_RE,
    TALLY_CONTEXT_RE,
    TEMPERATURE_CONTEXT_RE,
    common_noun_not_unit,
    currency_before,
    match_unit,
    per_value,
    unit_kind,
)
from ami_facts.french.words import (
    COMPOUND_TAILS,
    FUNCTION_WORDS,
    PRENOMINAL,
    looks_plural,
    singular,
)

_DE_RE = re.compile(r"[\s\u00a0]+(?:de[\s\u00a0]+|d['’][\s\u00a0]*)")

_DE_WORD_RE = re.compile(r"[\s\u00a0]+(?:de|d['’])[\s\u00a0]*[^\W\d_]")
_POINT_GAP_RE = re.compile(
    r"[\s\u00a0]+(?i:d['’][\s\u00a0]*(?:avance|écart)|de[\s\u00a0]+(?:retard|plus|moins|hausse|baisse))"
    r"(?![^\W_])"
)
_DE_COMPLEMENT_RE = re.compile(r"[\s\u00a0]+(?:de|d['’]|du|des)[\s\u00a0]*[^\W\d_]+")
_NUMBER_BEFORE_RE = re.compile(r"(?:\d|(?i:" + _WORD + r"))[\s\u00a0]*$")

_WORD_SPLIT_RE = re.compile(r"[\s-]+")

_COUNTED_WORD_RE = re.compile(r"[\s\u00a0]+([^\W\d_][\w'’-]*)")
_COMPOUND_TAIL_RE = re.compile(
    r"[\s\u00a0]+(?P<tail>(?i:" + "|".join(re.escape(t) for t in COMPOUND_TAILS) + r"))(?![^\W_])"
)
_GLUED_WORD_RE = re.compile(r"([^\W\d_][\w'’-]*)")
_DE_NOUN_RE = re.compile(r"[\s\u00a0]+(?:de[\s\u00a0]+|d['’])([^\W\d_][\w-]*)")
_S_TAIL_RE = re.compile(r"[\s\u00a0]?(?P<cs>\d{2})(?!\d|,\d|\.\d|[\s\u00a0]*(?:%|€|\$))")
_M_TAIL_RE = re.compile(r"[\s\u00a0]?(?P<cm>\d{2})(?![\d,.]|[\s\u00a0]*[^\W\d_])")
# ``1 minute 20``, ``3 min 05``: the seconds after the minutes (no unit of their own:
# ``1 minute 20 secondes`` is two durations, joined later)
_MIN_TAIL_RE = re.compile(r"[\s\u00a0]?(?P<sec>[0-5]\d)(?!\d|[,.]\d)")

# A people named after its place, in the plural (``Français``, ``Parisiens``,
# ``Espagnols``): a counted noun though it is capitalised.
DEMONYM_PLURAL = re.compile(
    r"[A-ZÀ-Ý][a-zà-ÿ]{2,}(?:ais|aises|ois|oises|ains|aines|iens|iennes|éens|éennes"
    r"|ands|andes|ons|onnes|ols|oles)"
)
_LOCUTION_NOUNS = frozenset(["face", "grâce", "suite", "quant", "jusque"])
_A_AFTER_RE = re.compile(r"[\s\u00a0]+(?i:à|au|aux)(?![^\W_])")


def _counted(
    text: str, pos: int, value: float, first: re.Match[str] | None = None
) -> tuple[str, int] | None:
    """The counted noun after ``pos`` (``exemplaires``, ``avions de combat``).

    ``first``: the match of _COUNTED_WORD_RE at ``pos``, if the caller has it.
    """
    m = first or _COUNTED_WORD_RE.match(text, pos)
    if m is None and pos > 0 and text[pos - 1] in " '’\u00a0":
        m = _GLUED_WORD_RE.match(text, pos)
    skipped = 0
    while m and m.group(1).lower() in PRENOMINAL and skipped < 2:
        m2 = _COUNTED_WORD_RE.match(text, m.end())
        if not m2:
            break
        m = m2
        skipped += 1
    if not m:
        return None
    word = m.group(1)
    if "'" in word or "’" in word:
        return None
    low = word.lower()
    if low in _LOCUTION_NOUNS and _A_AFTER_RE.match(text, m.end()):
        return None  # "2 à 1 face à l'Espagne", "grâce à": a preposition, not a noun
    demonym = DEMONYM_PLURAL.fullmatch(word) is not None
    if (
        len(word) < 2
        or not (word[0].islower() or demonym)
        or low in FUNCTION_WORDS
        or low in ALL_NUMBER_WORDS
        or low in ADJ_PER
    ):
        return None
    if value >= 2 and not looks_plural(word):
        return None
    if low in WEEKDAYS or low in MONTH_FULL:
        return None  # "battu Lille 3 à 1 dimanche": a day names when, it counts nothing
    if demonym:
        # ``11 millions de Français``, ``2 000 Lyonnais``: the same in the singular
        return (low if low.endswith(("ais", "ois")) else low[:-1]), m.end()
    lemma = singular(word)
    end = m.end()
    tm = _COMPOUND_TAIL_RE.match(text, end)
    if tm:
        return lemma + " " + tm.group("tail").lower(), tm.end()
    dm = _DE_NOUN_RE.match(text, end)
    if dm:
        comp = dm.group(1)
        if (
            comp[0].islower()
            and comp.lower() not in FUNCTION_WORDS
            and comp.lower() not in ALL_NUMBER_WORDS
            and match_unit(text, dm.start(1)) is None
        ):
            sep = (
                " d'"
                if dm.group().rstrip(comp).strip().startswith("d'") or "’" in dm.group()
                else " de "
            )
            return lemma + sep + comp.lower(), dm.end()
    return lemma, end


def _unit_at(work: str, pos: int) -> tuple[str, int] | None:
    p = _skip_ws(work, pos)
    found = match_unit(work, p)
    if found is None and p == pos and work[pos : pos + 1] in ("-", "‑"):
        # "demi-litre", "10-secondes": a hyphen before a unit word
        found = match_unit(work, pos + 1)
        if found is not None and (found[1] - pos - 1 < 3 or not work[pos + 1].isalpha()):
            found = None
    if found is None:
        return None
    unit, end = found
    if end < len(work) and work[end - 1].isalpha() and (work[end].isalpha()):
        return None
    if work[end : end + 1] in ("-", "‑") and work[end + 1 : end + 2].isalpha():
        return None  # "200 francs-maçons", "3 livres-disques": a compound noun, not the unit
    if (
        end < len(work)
        and work[end - 1].isalpha()
        and work[end].isdecimal()
        and unit not in ("m", "h")
    ):
        return None
    if end - p == 1 and work[end : end + 1] in ("'", "’") and work[p].isalpha():
        # "20 milliards l'an prochain", "3 m'a dit": an elided article or pronoun
        return None
    if p > pos and unit in ("min", "s") and work[p] in "'’′":
        # "l'an", quotes: a minute/second mark sticks to the number.
        return None
    if unit == "point" and _DE_WORD_RE.match(work, end) and not _POINT_GAP_RE.match(work, end):
        return None  # "points de vente", not "points d'avance" (a gap in a poll)
    return unit, end


def _last_word(text: str, start: int) -> str:
    window = text[max(0, start - 24) : start].rstrip()
    if not window:
        return ""
    word = window.rsplit(None, 1)[-1].lower()
    if "'" not in word and "’" not in word:
        return word
    return word.rsplit("'", 1)[-1].rsplit("’", 1)[-1] if word[-1:] not in "'’" else word[-2:-1]


def _may_qualify(text: str, start: int) -> bool:
    word = _last_word(text, start)
    return word in QUALIFIER_LAST or word.endswith(("à", "de")) or word[:1] in "~≈±><≥≤"


def _may_sign(text: str, start: int) -> bool:
    window = text[max(0, start - 8) : start].rstrip()
    if not window:
        return False
    last = window[-1]
    # "moins", "plus": only an "s" lower-cases to a final "s"
    return last in "-+−–" or (last in "sS" and window.lower().endswith(("moins", "plus")))


def _unit_after(
    work: str, core: _Core
) -> tuple[tuple[str, int] | None, re.Match[str] | None, re.Match[str] | None]:
    """The unit after a core that has none yet: (unit and its end, the "de" after a
    scale word, the word right after the number when it was read)."""
    pos = core.end
    after_de = None  # "3 millions de", "une dizaine de": the unit or noun comes after "de"
    word_after = None
    if (
        core.form == "approx"
        or (core.form == "digits" and work[core.start : core.end].rstrip()[-1:].isalpha())
        or (core.form == "words" and core.value >= 10**6)
    ):
        after_de = _DE_RE.match(work, pos)
    probe = after_de.end() if after_de else pos
    found = _unit_at(work, probe)
    if found is None and after_de is None:
        word_after = _COUNTED_WORD_RE.match(work, pos)
        # ("9 petits km/h"; not "une nouvelle journée de grève": an article, no count)
        if (
            word_after
            and word_after.group(1).lower() in PRENOMINAL
            and not (core.form == "words" and core.value == 1)
        ):
            found = _unit_at(work, word_after.end())
    if found is None and after_de is None and core.form in ("words", "fraction"):
        # "quart de litre", "un tiers de litre": unit after "de"
        de = _DE_RE.match(work, pos) if not float(core.value).is_integer() else None
        if de:
            found = _unit_at(work, de.end())
    return found, after_de, word_after


def _build(text: str, work: str, core: _Core) -> _Fig:
    fig = _Fig(core.start, core.end, core.start, core.end, core.value, core.form)
    fig.approximate = core.approximate
    fig.mult = core.mult
    pos = core.end
    unit = core.unit
    after_de = None  # "3 millions de", "une dizaine de": the unit or noun comes after "de"
    word_after = None  # the word right after the number, once read
    if core.ordinal:
        fig.kind = "rank"
    elif core.form == "ratio":
        fig.kind = "ratio"  # "un Français sur trois": the noun is inside, nothing follows
    elif unit is None:
        found, after_de, word_after = _unit_after(work, core)
        if found and common_noun_not_unit(
            found[0], work, (core.start, core.end), found[1], core.value, core.mult
        ):
            found = None  # "84 livres ont été critiqués": books, counted below
        if found:
            unit, pos = found
            # "1 m 50", "1 h 30", "2 heures et demie"
            if unit == "m":
                tm = _M_TAIL_RE.match(work, pos)
                if tm and core.form == "digits":
                    fig.value = (fig.value or 0) + int(tm.group("cm")) / 100
                    pos = tm.end()
            if unit == "s" and core.form == "digits":
                # "10 secondes 85", "10 s 85": hundredths of a second
                tm = _S_TAIL_RE.match(work, pos)
                nxt = _WORD_AFTER_RE.match(work, tm.end()) if tm else None
                if tm and (nxt is None or nxt.group(1).lower() in FUNCTION_WORDS):
                    fig.value = (fig.value or 0) + int(tm.group("cs")) / 100
                    pos = tm.end()
            if unit == "min" and core.form == "digits":
                tm = _MIN_TAIL_RE.match(work, pos)
                nxt = _WORD_AFTER_RE.match(work, tm.end()) if tm else None
                if tm and (nxt is None or nxt.group(1).lower() in FUNCTION_WORDS):
                    fig.value = (fig.value or 0) * 60 + int(tm.group("sec"))
                    unit = "s"
                    pos = tm.end()
            if unit == "h":
                hm = HOUR_TAIL_RE.match(work, pos)
                if hm:
                    mins = hm.group("m") or hm.group("w")
                    mv = parse_digits(mins) if mins[0].isdecimal() else None
                    if mv is None:
                        parsed = parse_number_words(_WORD_SPLIT_RE.split(mins.lower()))
                        mv = parsed[0] if parsed else None
                    if mv is not None:
                        fig.value = (fig.value or 0) * 60 + mv
                        unit = "min"
                        pos = hm.end()
            em = ET_DEMI_RE.match(work, pos)
            if em and fig.value is not None:
                fig.value += 0.25 if em.group("quart") else 0.5
                pos = em.end()
        elif after_de is not None:
            pos = core.end
    prefix = None
    if unit is None and core.form in ("digits", "words") and not core.ordinal:
        prefix = currency_before(text, core.start)
        if prefix:
            unit = prefix[0]
    bz = BELOW_ZERO_RE.match(work, pos)
    if bz and fig.value is not None and (unit is None or unit_kind(unit) == "measure"):
        fig.value = -fig.value
        unit = unit or "°"
        pos = bz.end()
    if unit == "point" and (
        abs(core.value) >= 100 or INDEX_NAMES_RE.search(text, max(0, core.start - 80), core.start)
    ):
        unit = None  # index points ("le CAC 40 a perdu 150 points"): counted below
        pos = core.end
    elif (
        unit == "point"
        and float(core.value).is_integer()
        and "pourcentage" not in work[pos - 30 : pos + 20].lower()
        and TALLY_CONTEXT_RE.search(text, max(0, core.start - 150), core.end + 80)
        # (a percentage earlier in its sentence makes them percentage points: ``48,2 %,
        # en hausse de 11 points``)
        and not PERCENT_EARLIER_IN_SENTENCE.search(text, max(0, core.start - 150), core.start)
    ):
        unit = None  # a score or tally ("avec 52 points, l'OM remonte"): counted below
        pos = core.end
    if unit == "°" and TEMPERATURE_CONTEXT_RE.search(
        text, max(0, core.start - 150), min(len(text), pos + 80)
    ):
        unit = "°C"  # "il fera entre 5 et 8 degrés": the weather is in Celsius
    if unit is not None:
        fig.unit = unit
        fig.kind = unit_kind(unit)
        if fig.kind == "money" and fig.value is not None:
            sub = SUBUNIT_RE.match(work, pos)
            if sub:
                n = sub.group("n")
                cents = parse_digits(n) if n[0].isdecimal() else None
                if cents is None and not n[0].isdecimal():
                    parsed = parse_number_words(_WORD_SPLIT_RE.split(n.lower()))
                    cents = parsed[0] if parsed and parsed[0] < 100 else None
                if cents is not None:
                    fig.value += cents / 100
                    pos = sub.end()
    elif core.form == "fraction":
        fig.kind = "ratio"  # "deux tiers des ventes", "1/3 des électeurs": a part of a whole
    elif not core.ordinal and core.form != "ratio" and not (core.mult >= 10**6 and not after_de):
        # no unit: the number still ends where the unit was looked for (a million counts
        # a noun after ``de`` only: ``120 millions consacrés à`` counts nothing named)
        probe = after_de.end() if after_de else pos
        counted = _counted(work, probe, core.value, word_after)
        if counted:
            fig.counted, pos = counted
            em = ET_DEMI_RE.match(work, pos)
            if em and fig.value is not None:
                fig.value += 0.25 if em.group("quart") else 0.5
                pos = em.end()
    fig.end = pos  # _extend adds the rate and qualifiers after, if the figure is kept
    # sign and qualifier before
    start = core.start
    sm = SIGN_RE.search(text, max(0, start - 8), start) if _may_sign(text, start) else None
    if sm and core.form in ("digits", "words", "time", "fraction") and not core.ordinal:
        before = text[max(0, sm.start() - 20) : sm.start()]
        sign = (
            -1.0
            if (sm.group("sym") in ("-", "−", "–") or (sm.group("word") or "").lower() == "moins")
            else 1.0
        )
        is_sign = True
        if sm.group("sym"):
            prev = text[sm.start() - 1 : sm.start()] if sm.start() > 0 else ""
            if prev and (prev.isalnum() or prev in "-/"):
                is_sign = False
            elif _NUMBER_BEFORE_RE.search(before):
                is_sign = False  # "10 - 20" is a range, "dix + deux" an operation
        else:
            if NOT_SIGN_BEFORE.search(before) or _NUMBER_BEFORE_RE.search(before):
                is_sign = False
        if is_sign:
            if fig.value is not None:
                fig.value *= sign
            start = sm.start()
            fig.number_start = start
    if prefix is not None:
        start = prefix[1]
        fig.number_start = min(fig.number_start, start)
    qm = QUALIFIER_RE.search(text, max(0, start - 40), start) if _may_qualify(text, start) else None
    if qm:
        # "dès 2025", "jusqu'à 2030", "à partir de 2030" still read as years
        fig.qualified = not TIME_QUALIFIER_RE.match(qm.group())
        family = qualifier_family(qm)
        if family == "approx":
            fig.approximate = True
        elif family in ("min", "max"):
            fig.bound = family
        start = qm.start()
    fig.start = start
    fig.confidence = 0.8 if (fig.unit or fig.counted) else 0.6
    if core.form == "words" and not (fig.unit or fig.counted):
        fig.confidence = 0.5
    return fig


# One match each for what may follow a figure, tried in the order of the rules:
# a rate ("par mois") before its adjective ("mensuels"); "environ" before "pile".
_RATE_RE = re.compile(f"{PER_RE.pattern}|{ADJ_PER_RE.pattern}")
_POST_RE = re.compile(f"(?:{POST_APPROX_RE.pattern})(?P<approx>)|{POST_EXACT_RE.pattern}")


def _extend(work: str, fig: _Fig) -> None:
    """The rate and qualifiers after the figure: ``par mois``, ``environ``, ``pile``.

    Apart from _build: only the figures that _keep keeps need them.
    """
    pos = fig.end
    # rate ("3 500 euros brut par mois")
    if fig.kind == "money":
        tm = PRICE_TERMS_RE.match(work, pos)
        if tm and _RATE_RE.match(work, tm.end()):
            pos = tm.end()
    rate = _RATE_RE.match(work, pos)
    if rate and rate.group("per") is not None:
        fig.per = per_value(rate.group("per"))
        fig.end = rate.end()
    else:
        # a rate after a complement: "12 000 tonnes de blé par an"
        dm = _DE_COMPLEMENT_RE.match(work, pos) if fig.counted or fig.unit else None
        pm = PER_RE.match(work, dm.end()) if dm else None
        if pm:
            fig.per = per_value(pm.group("per"))
            fig.end = pm.end()
        elif rate:  # after "brut"/"net" if any: "euros brut mensuels"
            fig.per = per_value(rate.group("adj"))
            fig.end = rate.end()
    # after-number qualifiers: "10 euros environ", "100 yuan pile"
    post = _POST_RE.match(work, fig.end)
    if post:
        fig.approximate = fig.approximate or post.lastgroup == "approx"
        fig.end = post.end()


_LIST_START = re.compile(r"(?:^|(?<=[\n.:;)\"”,]))[\s\u00a0]*$")
_RANK_AFTER = re.compile(r"\.[\s\u00a0]+[^\W\d_]")


def _rank_context(text: str, core: _Core, fig: _Fig) -> None:
    """Results tables (``1. Garcia``) and ``les dix premiers`` are ranks."""
    if core.form == "digits" and not core.ordinal and fig.unit is None and fig.value is not None:
        raw = text[core.start : core.end]
        if (
            raw.isdecimal()
            and len(raw) <= 3
            and _RANK_AFTER.match(text, core.end)
            and _LIST_START.search(text, max(0, core.start - 3), core.start)
        ):
            fig.kind = "rank"
            fig.counted = None
            fig.end = core.end
    if not core.ordinal and fig.unit is None and fig.counted in (None, "premier", "première"):
        pm = PREMIERS_RE.match(text, core.end)
        if pm:
            fig.kind = "rank"
            fig.counted = None
            fig.bound = "max"
            fig.end = pm.end()
