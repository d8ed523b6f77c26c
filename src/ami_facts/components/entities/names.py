"""Canonical names: one ``name`` per thing across the article (lexicon casing,
canonical places, surname -> full name, long form -> its acronym, one label per
name), and the article's main subject.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from ami_facts.components.entities.mention import Label, _Mention
from ami_facts.components.entities.not_names import defined_long_form
from ami_facts.components.entities.tokens import _collapse, _fold, _is_all_caps
from ami_facts.french.lexicons import Lexicons, strip_accents
from ami_facts.hits import EntityHit


def _initials(text: str) -> str:
    skip = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "en", "à", "au", "aux"}
    parts = re.split(r"[\s'’\-]+", text)
    return "".join(strip_accents(p[0]).upper() for p in parts if p and p.lower() not in skip)


def _name_of(text: str, label: Label, lex: Lexicons) -> str:
    flat = _collapse(text)
    if label == "LOC" and flat in lex.places:
        return lex.places[flat]
    if label in ("ORG", "MISC") and flat in lex.brand_by_spelling:
        return lex.brand_by_spelling[flat].name
    if label == "PER":
        return " ".join(_person_case(w) for w in flat.split())
    return flat


def _person_case(word: str) -> str:
    """``ARRIVEAU`` -> ``Arriveau`` (hyphenated parts too); other words unchanged."""
    if _is_all_caps(word) and len(word) > 2:
        return "-".join(p.capitalize() for p in word.split("-"))
    return word


def _resolve_names(mentions: list[_Mention], lex: Lexicons, text: str = "") -> None:
    """One name per thing: surnames -> full names, long forms -> acronyms (the full name
    where the text defines the acronym in brackets), majority labels."""
    ner = [m for m in mentions if m.source == "ner"]
    # Surname (optionally after a title) -> the full name it ends. A mention the NER
    # did not call PER becomes one only if the full name has no lower-case word.
    full_names = [m for m in ner if m.label == "PER" and len(m.name.split()) >= 2]
    # Full names by surname, in text order: every one, and those without lower-case word.
    by_surname: dict[str, tuple[list[_Mention], list[_Mention]]] = {}
    for f in full_names:
        words_f = f.name.split()
        if re.fullmatch(r"\w\.", words_f[0]):
            continue
        pair = by_surname.setdefault(words_f[-1], ([], []))
        pair[0].append(f)
        if all(w[0].isupper() for w in words_f):
            pair[1].append(f)
    starts = {id(g): [f.start for f in g] for both in by_surname.values() for g in both}
    titles = lex.person_titles | {"M."}
    for m in ner:
        parts = m.name.split()
        if parts and parts[0] in titles:
            parts = parts[1:]
        if len(parts) != 1 or parts[0] not in by_surname:
            continue
        candidates = by_surname[parts[0]][0 if m.label == "PER" else 1]
        # The last full name before the surname, else the first one after it (not itself).
        k = bisect.bisect_left(starts[id(candidates)], m.start)
        full = candidates[k - 1] if k else next((f for f in candidates[:2] if f is not m), None)
        if full is None:
            continue
        m.name, m.label = full.name, "PER"
    # Long form whose initials spell an acronym of the article -> the acronym.
    acronyms = {m.name for m in mentions if _is_all_caps(m.name) and " " not in m.name}
    for m in ner:
        if m.label in ("ORG", "MISC") and len(m.name.split()) >= 3:
            initials = _initials(m.name)
            if initials in acronyms:
                m.name, m.label = initials, "ORG"
    # ``Régie autonome des transports parisiens (RATP)``: the full name the text gives.
    defined = _defined_acronyms(mentions, text)
    for m in mentions:
        long_name = defined.get(_fold(m.name)) or defined.get(_fold(text[m.start : m.end]))
        if long_name is not None:
            m.name, m.label = long_name, "ORG"
    # One label per name among NER mentions: the majority (first seen on ties), where
    # the context gave none (``le groupe Bosch``, ``chez Bosch``: ORG); names that
    # differ only in case (``SEB`` ORG, ``Seb`` PER) are one thing, named as the first
    # mention with the winning label.
    by_name: dict[str, list[_Mention]] = {}
    for m in ner:
        by_name.setdefault(_fold(m.name), []).append(m)
    # A name the lexicon found elsewhere in the article (``Orange a gagné``, the
    # operator) is a cue for the NER's mentions of it (``Orange gagne`` in the title,
    # taken for the town).
    from_lexicon = {_fold(m.name): m.label for m in mentions if m.source == "lexicon"}
    for key, group in by_name.items():
        cued = [m for m in group if m.cue is not None]
        if key in from_lexicon and not cued:
            cued = [_Mention(-1, -1, from_lexicon[key], group[0].name, "lexicon")]
            cued[0].cue = from_lexicon[key]
        if len(group) < 2 and not cued:
            continue
        voters = [(m, m.cue or m.label) for m in cued] if cued else [(m, m.label) for m in group]
        counts = Counter(label for _, label in voters)
        best = max(counts.values())
        first, label = next((m, lab) for m, lab in voters if counts[lab] == best)
        for m in group:
            m.label, m.name = label, first.name


_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")


def _defined_acronyms(mentions: Sequence[_Mention], text: str) -> dict[str, str]:
    """Folded acronym -> the organisation's full name, where the text writes ``Full name
    (ACRONYM)`` or ``ACRONYM (Full name)`` and the acronym's letters spell the full name
    (``defined_long_form``)."""
    out: dict[str, str] = {}
    if "(" not in text:
        return out
    ordered = sorted(mentions, key=lambda m: m.start)
    for left, right in pairwise(ordered):
        opened = _OPEN_BRACKET.fullmatch(text, left.end, right.start)
        closed = _CLOSE_BRACKET.match(text, right.end)
        if opened is None or closed is None:
            continue
        for long, short in ((left, right), (right, left)):
            long_text = " ".join(text[long.start : long.end].split())
            short_text = text[short.start : short.end]
            if " " in short_text or len(long_text.split()) < 2 or long.label not in ("ORG", "MISC"):
                continue
            if defined_long_form(short_text, long_text.split()) == long_text:
                out[_fold(short_text)] = long_text
                out[_fold(short.name)] = long_text
                out[_fold(long.name)] = long_text
    return out


def _most_mentioned(hits: Sequence[EntityHit], label: str) -> tuple[int, str] | None:
    """How often the most mentioned name of ``label`` is named, and that name (ties go
    to the first mentioned)."""
    names = [h.name for h in hits if h.label == label]
    if not names:
        return None
    counts = Counter(names)
    most = max(counts.values())
    return most, next(n for n in names if counts[n] == most)


def main_subject(hits: Sequence[EntityHit]) -> str | None:
    """The article's main subject: its most mentioned PRODUCT, else its most mentioned ORG
    (ties go to the first mentioned). A product named once is not the subject of an
    article that names an organisation more often (``Airbus a livré 820 avions``, then
    ``L'A320neo reste le best-seller``)."""
    product, organisation = _most_mentioned(hits, "PRODUCT"), _most_mentioned(hits, "ORG")
    if product is not None and (
        organisation is None or product[0] > 1 or product[0] >= organisation[0]
    ):
        return product[1]
    return organisation[1] if organisation is not None else None
