"""Entities: the model's NER plus products, fixed and given canonical names.

Layers, merged in this order of priority (a later layer only fills gaps):

1. lexicon (``french/data/brands.json``): brand + model (PRODUCT), models
   coordinated with a brand's model (``Cruze et Equinox``), models alone once
   named with their brand (``l'AMI``), brands (ORG), brand + place or division
   (``Citroën France``: its own ORG), brand + service (``Free2Move Carsharing``:
   the brand); roads (``RN 12``) before the brands;
2. patterns: street names (``rue de Metz``), a competition and its year (``Euro
   2024``: MISC), nationality codes of sports results (``Olano (Esp)``);
3. lexicon models alone once their brand is named (``Tiguan``, ``iX3``) and
   standalone models even unnamed (``iPhone 15``, ``A350``), unless inside a
   longer NER entity;
4. the statistical NER (``doc.ents``), cut at blank lines and after title phrases
   (``procureur de la République de Lyon``), trimmed (determiners, punctuation,
   titles, line-initial common words, a trailing clause: ``Enedis jeudi matin``),
   filtered (common words, demonyms, units, common-noun acronyms, diseases,
   headings in capitals) and relabelled (streets are LOC, bare acronyms ORG,
   institutions, clubs and ``X-France`` bodies ORG, a head noun before the name
   decides: ``l'équipe Kelme``; a listed model of a named brand is PRODUCT);
5. names the NER missed after such a head noun; places from ``places.json`` the
   NER missed.

Then one ``name`` per thing across the article: lexicon casing, canonical places,
surname -> full name of the article, long form -> its acronym, and one label per
name (majority vote; names differing only in case are one). Mentions that start
in ``excluded`` are dropped before any of this, so boilerplate lends no name,
brand or model to the body.

Everything works on a doc without NER, tagger or parser (``spacy.blank("fr")``):
then the lexicon and pattern layers speak alone.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal, cast

from spacy.tokens import Doc, Token

from ami_facts.components.doc_text import text_of
from ami_facts.french.lexicons import (
    Brand,
    CommonWords,
    Lexicons,
    load_common_words,
    load_lexicons,
    strip_accents,
)
from ami_facts.hits import EntityHit
from ami_facts.patterns import alternation

Range = tuple[int, int]
Label = Literal["PER", "ORG", "LOC", "PRODUCT", "MISC"]

_LABELS: dict[str, Label] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "MISC": "MISC",
    "PRODUCT": "PRODUCT",
}
_DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l'",
        "l’",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d'",
        "d’",
        "au",
        "aux",
        "ce",
        "cet",
        "cette",
        "ces",
        "sa",
        "son",
        "ses",
        "leur",
        "leurs",
    ]
)
_SCORE_RE = re.compile(r"\d{1,3}-\d{1,3}")
# Auxiliaries and verbs after which a sentence-initial name is the subject of a clause.
_SUBJECT_VERBS = frozenset(
    [
        "a",
        "avait",
        "aura",
        "aurait",
        "est",
        "était",
        "sera",
        "va",
        "vient",
        "doit",
        "veut",
        "annonce",
        "prévoit",
        "compte",
        "emploie",
        "affiche",
        "publie",
        "lance",
        "supprime",
        "recrute",
    ]
)
_PLACE_PREPOSITIONS = frozenset(
    [
        "à",
        "au",
        "aux",
        "en",
        "de",
        "d'",
        "d’",
        "du",
        "dans",
        "vers",
        "près",
        "sur",
        "sous",
        "par",
        "pour",
        "entre",
        "depuis",
        "la",
        "le",
        "l'",
        "l’",
        "et",
        "ou",
    ]
)
_SINGULAR_DETERMINERS = frozenset(["la", "le", "l'", "l’", "sa", "son", "cette", "ce", "une", "un"])
_COORDINATORS = frozenset({",", "et", "ou", "/"})
_SENTENCE_END = frozenset({".", "!", "?", ":", "…", ";", "»", "«", "-", "–", "—"})
_TIME_WORDS = frozenset(
    [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "matin",
        "soir",
        "midi",
        "après-midi",
        "hier",
        "demain",
        "aujourd'hui",
        "aujourd’hui",
        "dernier",
        "dernière",
        "prochain",
        "prochaine",
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ELECTRIC_PREFIX = re.compile(r"[eëE]-\w+")
_LOWER_LED_MODEL = re.compile(r"[a-zë]{1,2}[A-Z0-9][\w\-.]*")  # ``iX1``, ``bZ4X``, ``ë-C4``
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_DIGIT_MODEL = re.compile(r"\d[\w\-]{0,5}")
_STREET_RE_TEMPLATE = (
    r"(?<![\w-])(?:{words})\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?"
    r"(?:(?:général|maréchal|président|docteur|colonel|commandant|abbé|saint|sainte)\s+)?"
    r"[A-ZÀ-ÖØ-Ý0-9][\w'’.\-]*(?:[ -][A-ZÀ-ÖØ-Ý][\w'’\-]*)*"
)


@dataclass
class _Mention:
    start: int
    end: int
    label: Label
    name: str
    source: str  # "lexicon" | "ner"
    brand: str | None = None
    model: str | None = None


# --------------------------------------------------------------------------- matchers


@dataclass(frozen=True)
class _Matchers:
    brand_re: re.Pattern[str]
    place_re: re.Pattern[str]
    street_re: re.Pattern[str]
    periphrase_re: re.Pattern[str]
    code_re: re.Pattern[str]
    acronyms: frozenset[str]
    title_re: re.Pattern[str]
    apposition_re: re.Pattern[str]


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's French stop words, imported on first use: importing ``spacy.lang.fr``
    compiles its tokenizer exceptions (about 2.4 s), which ``--fast`` never needs."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


# Letters that ``(?i)`` matches to their upper case alone (not i, k, s: also ı, the
# Kelvin sign, ſ).
_TWO_CASES = frozenset("abcdefghjlmnopqrtuvwxyzàâäçèéêëîïôöùûüÿæœ")


def _heads_by_initial(heads: Iterable[str]) -> str:
    """Heads matched without case, each first letter written in its two cases.

    The alternation then starts with plain letters, so ``re`` skips from one of them to
    the next instead of trying the pattern at every character (twice as fast over a
    whole article). The look-behind after the letter tests the character before it.
    """
    by_initial: dict[str, list[str]] = {}
    for head in heads:
        by_initial.setdefault(head[0].lower(), []).append(head[1:])
    branches = []
    for initial, rests in by_initial.items():
        rest = alternation(rests, ignore_case=True)
        # Another initial is matched with (?i) too: exact, without the skip.
        cases = (
            [re.escape(c) for c in sorted({initial, initial.upper()})]
            if initial in _TWO_CASES
            else [f"(?i:{re.escape(initial)})"]
        )
        branches += [rf"{case}(?<![\w-]{case})(?i:{rest})" for case in cases]
    return "|".join(branches)


@cache
def _matchers() -> _Matchers:
    """Regexes compiled once per process from the lexicons."""
    lex = load_lexicons()
    brand_re = re.compile(rf"(?<![\w-])(?:{alternation(lex.brand_by_spelling)})(?![\w-])")
    place_re = re.compile(rf"(?<![\w-])(?:{alternation(lex.places)})(?![\w-])")
    street_re = re.compile(_STREET_RE_TEMPLATE.format(words=alternation(lex.street_heads)))
    emblems = alternation(lex.periphrase_emblems, ignore_case=True)
    periphrase_re = re.compile(
        rf"(?P<head>{_heads_by_initial(lex.periphrase_heads)})"
        rf"(?i:(?:\s+[a-zàâäéèêëîïôöûüç]+)?\s+(?P<emblem>{emblems})(?![\w-]))"
    )
    acronyms = frozenset(a for b in lex.brands.values() for a in b.acronyms)
    code_re = re.compile(rf"\(\s*({alternation(lex.country_codes)})\s*(?=[,)])")
    titles = "|".join(
        re.escape(t).replace("'", "['’]") for t in sorted(lex.title_phrases, key=len, reverse=True)
    )
    title_re = re.compile(rf"(?<![\w-])(?:{titles or '(?!)'})(?![\w-])", re.IGNORECASE)
    # Where a head noun may stand (``le coureur``); the token decides (case, label).
    apposition_re = re.compile(
        rf"(?<!\w)(?:{alternation(lex.apposition_heads, ignore_case=True)})(?!\w)", re.IGNORECASE
    )
    return _Matchers(
        brand_re, place_re, street_re, periphrase_re, code_re, acronyms, title_re, apposition_re
    )


# --------------------------------------------------------------------------- helpers


@cache
def _fold_char(c: str) -> str:
    folded = (strip_accents(c) or c).lower()
    return folded if len(folded) == 1 else c


def _fold(text: str) -> str:
    """Lower-case, accent-free, same length as ``text`` (``Zoé`` -> ``zoe``)."""
    return "".join(map(_fold_char, text))


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _same_line(doc: Doc, left: Token, right: Token) -> bool:
    """True when nothing but spaces separates two tokens (no newline, no gap)."""
    if right.i <= left.i:
        return False
    between = left.whitespace_ + doc[left.i + 1 : right.i].text_with_ws
    return "\n" not in between and between.strip() == ""


def _line_or_sentence_initial(doc: Doc, i: int) -> bool:
    """From the text alone: the lean pipeline parses only some sentences, so
    ``Token.is_sent_start`` is unreliable elsewhere (``start-up française Mistral``)."""
    if i == 0:
        return True
    prev = doc[i - 1]
    if "\n" in prev.whitespace_ or "\n" in prev.text or prev.is_space:
        return True
    return prev.text in _SENTENCE_END


def _is_capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _is_acronym(text: str) -> bool:
    """``PKK``, ``D66``, ``UUP``."""
    return bool(_ACRONYM.fullmatch(text))


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _final_stop(text: str) -> bool:
    """``Y.`` at a sentence end: the tokenizer kept the full stop with the word."""
    return len(text) >= 2 and text[-1] == "." and text[-2].isalnum()


def _tok_end(tok: Token) -> int:
    """End offset of a model token, without a full stop glued to it."""
    return tok.idx + len(tok.text) - _final_stop(tok.text)


def _model_case(word: str, brand: Brand | None, lex: Lexicons) -> str:
    """Canonical casing of a model word: variants and lexicon models as listed,
    all-caps words of 3+ letters title-cased unless they are listed acronyms."""
    if _final_stop(word):
        word = word[:-1]
    low = word.lower()
    if low in lex.variants:
        return lex.variants[low]
    if brand is not None:
        for model in brand.models:
            if _fold(model) == _fold(word):
                return model
    if (
        word.isalpha()
        and word.isupper()
        and len(word) >= 3
        and word not in _matchers().acronyms
        and (brand is None or word not in brand.acronyms)
    ):
        return word.capitalize()
    return word


def _is_model_token(tok: Token, lex: Lexicons, words: CommonWords) -> bool:
    """Can this token be (part of) a model name after a brand?"""
    text = tok.text
    if not text or text in lex.places or text in lex.brand_by_spelling:
        return False
    if text in lex.org_words or text in lex.not_entities:
        return False
    if tok.ent_iob_ == "B" and tok.ent_type_ in ("PER", "LOC"):
        return False
    if _ELECTRIC_PREFIX.fullmatch(text) or _LOWER_LED_MODEL.fullmatch(text):
        return True
    if text[0].isdigit():
        return bool(_DIGIT_MODEL.fullmatch(text)) and not _YEAR.fullmatch(text)
    if not text[0].isupper() or not any(c.isalpha() for c in text):
        return False
    if text.lower() in _stop_words() and not text.isupper():
        return False
    # A capitalised dictionary word (``Lance``, ``Une``) is not a model unless all caps
    # or the NER put it in one MISC entity with the brand (``Renault Zoé``).
    if tok.ent_iob_ == "I" and tok.ent_type_ == "MISC":
        return True
    return text.isupper() or any(c.isdigit() for c in text) or not words.is_word(text)


def _known_model_at(doc: Doc, i: int, brand: Brand) -> tuple[int, str] | None:
    """Longest lexicon model of ``brand`` starting at token ``i``: (end token, model)."""
    start = doc[i].idx
    ahead = doc[i : i + 8].text  # (``doc.text`` would rebuild the whole text)
    folded = _fold(ahead)
    best: tuple[int, str] | None = None
    for model in brand.models:
        size = len(model)
        same = ahead[:size] == model if size < 2 else folded[:size] == _fold(model)
        if not same:
            continue
        if size < len(ahead) and (ahead[size].isalnum() or ahead[size] == "-"):
            continue
        end_char = start + size
        span = doc.char_span(start, end_char)
        if span is None and ahead[size : size + 1] == ".":
            span = doc.char_span(start, end_char + 1)  # ``Model Y.``: glued full stop
        if span is None:
            continue
        if best is None or span.end > best[0]:
            best = (span.end, model)
    return best


def _extend_model(
    doc: Doc, i: int, brand: Brand, lex: Lexicons, words: CommonWords, *, generic: bool
) -> tuple[int, list[str]]:
    """Extend a model from token ``i`` with variant words (and, if ``generic``, any
    model-like token), at most three tokens; returns (end token, canonical words)."""
    parts: list[str] = []
    j = i
    if 0 < j <= len(doc) and _final_stop(doc[j - 1].text):
        return j, parts  # ``Model Y.``: the sentence ended
    while j < len(doc) and len(parts) < 3 and _same_line(doc, doc[j - 1], doc[j]):
        tok = doc[j]
        variant = tok.text[:1].isupper() and tok.text.lower() in lex.variants
        if variant or (generic and _is_model_token(tok, lex, words)):
            parts.append(_model_case(tok.text, brand, lex))
            j += 1
            if _final_stop(tok.text):
                break  # the sentence ends here
            continue
        break
    return j, parts


def _glued_electric(doc: Doc, i: int) -> bool:
    """``ë`` ``-`` ``C3`` written as one word: an electric model name."""
    return (
        doc[i].text in ("e", "ë", "E")
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].text[:1].isalnum()
    )


def _model_after(
    doc: Doc, i: int, brand: Brand, lex: Lexicons, words: CommonWords
) -> tuple[int, str] | None:
    """The model named from token ``i`` (just after a brand): (end token, canonical model)."""
    if i >= len(doc) or i == 0 or not _same_line(doc, doc[i - 1], doc[i]):
        return None
    known = _known_model_at(doc, i, brand)
    if known is not None:
        end, model = known
        end, extra = _extend_model(doc, end, brand, lex, words, generic=True)
        return end, " ".join([model, *extra])
    if brand.kind == "maker" and i + 2 < len(doc) and _glued_electric(doc, i):
        # ``ë-C3`` split by the tokenizer into ``ë``, ``-``, ``C3``
        end, parts = _extend_model(doc, i + 3, brand, lex, words, generic=True)
        return end, " ".join([doc[i : i + 3].text, *parts])
    if brand.kind != "maker" or not _is_model_token(doc[i], lex, words):
        return None
    if doc[i].text.lower() in lex.variants:  # ``Citroën Pro`` is a division, not a model
        return None
    if doc[i].text[0].isdigit() and i + 1 < len(doc) and doc[i + 1].like_num:
        return None  # ``Renault 5 000 emplois``: a figure
    end, parts = _extend_model(doc, i, brand, lex, words, generic=True)
    return end, " ".join(parts)


# --------------------------------------------------------------------------- lexicon layer


def _acts_as_subject(doc: Doc, s: int, e: int) -> bool:
    """``Orange a annoncé``, ``Sochaux a été relégué``: a name the NER reads as a place
    (the town) but that opens a clause, not after a preposition, before an auxiliary or
    a company's verb is the organisation."""
    if doc[s].ent_type_ != "LOC" or e >= len(doc) or doc[e].lower_ not in _SUBJECT_VERBS:
        return False
    return s == 0 or doc[s - 1].lower_ not in _PLACE_PREPOSITIONS


def _ner_per_around(doc: Doc, span_start: int) -> bool:
    """Is the token a non-initial part of a PER entity (``Romain Peugeot``)?"""
    tok = doc[span_start]
    return tok.ent_type_ == "PER" and tok.ent_iob_ == "I"


def _brand_layer(doc: Doc, text: str, lex: Lexicons, words: CommonWords) -> list[_Mention]:
    out: list[_Mention] = []
    for m in _matchers().brand_re.finditer(text):
        brand = lex.brand_by_spelling[m.group()]
        span = doc.char_span(m.start(), m.end())
        if span is None or _ner_per_around(doc, span.start):
            continue
        j = span.end
        known = _known_model_at(doc, j, brand) if j < len(doc) else None
        if (
            known is None
            and j < len(doc)
            and _same_line(doc, doc[j - 1], doc[j])
            and (
                doc[j].text in lex.places or (doc[j].ent_iob_ == "B" and doc[j].ent_type_ == "LOC")
            )
        ):
            # ``Citroën France``: the brand's national company.
            place_end = _ent_end(doc, j) if doc[j].text not in lex.places else j + 1
            place = doc[j:place_end]
            out.append(
                _Mention(m.start(), place.end_char, "ORG", f"{brand.name} {place.text}", "lexicon")
            )
            continue
        if known is None:
            two = doc[j : j + 2].text if j + 1 < len(doc) else ""
            one = doc[j].text if j < len(doc) else ""
            if j < len(doc) and _same_line(doc, doc[j - 1], doc[j]):
                service = next((s for s in brand.services if s in (one, two)), None)
                if service is not None:
                    end = doc[j : j + len(service.split())].end_char
                    out.append(_Mention(m.start(), end, "ORG", brand.name, "lexicon"))
                    continue
                org_word = two if two in lex.org_words else one if one in lex.org_words else None
                if org_word is not None:
                    end = doc[j : j + len(org_word.split())].end_char
                    name = f"{brand.name} {_collapse(text[span.end_char : end])}"
                    out.append(_Mention(m.start(), end, "ORG", name, "lexicon"))
                    continue
        model = _model_after(doc, j, brand, lex, words)
        if model is not None:
            end_tok, model_name = model
            out.append(
                _Mention(
                    m.start(),
                    _tok_end(doc[end_tok - 1]),
                    "PRODUCT",
                    f"{brand.name} {model_name}",
                    "lexicon",
                    brand=brand.name,
                    model=model_name,
                )
            )
            continue
        if brand.ambiguous and not (
            span[0].ent_type_ in ("ORG", "MISC") or _acts_as_subject(doc, span.start, span.end)
        ):
            continue
        out.append(_Mention(m.start(), m.end(), "ORG", brand.name, "lexicon", brand=brand.name))
    return out


def _ent_end(doc: Doc, i: int) -> int:
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j


def _coordinated_models(
    doc: Doc, products: list[_Mention], lex: Lexicons, words: CommonWords
) -> list[_Mention]:
    """``Chevrolet Cruze (berline) et Equinox (SUV)``: ``Equinox`` is a Chevrolet too."""
    out: list[_Mention] = []
    for product in products:
        brand = lex.brands.get(product.brand or "")
        if brand is None:
            continue
        span = doc.char_span(product.start, product.end)
        if span is None:
            continue
        i = span.end
        while i < len(doc):
            if doc[i].text == "(":  # skip a short parenthesis
                close = next(
                    (k for k in range(i + 1, min(i + 8, len(doc))) if doc[k].text == ")"), None
                )
                if close is None:
                    break
                i = close + 1
            if i >= len(doc) or doc[i].lower_ not in _COORDINATORS:
                break
            if doc[i].text == "," and not any(t.lower_ in ("et", "ou") for t in doc[i + 1 : i + 8]):
                break  # ``la Peugeot 208, Jean Dupont``: a comma only inside an enumeration
            i += 1
            if i < len(doc) and doc[i].lower_ in ("et", "ou"):
                i += 1
            if i >= len(doc):
                break
            known = _known_model_at(doc, i, brand)
            if known is None and not _is_model_token(doc[i], lex, words):
                break
            if not _is_capitalised(doc[i].text) and not doc[i].text[0].isdigit():
                break
            if known is not None:
                end, model = known
                end, extra = _extend_model(doc, end, brand, lex, words, generic=False)
                model = " ".join([model, *extra])
            else:  # one unknown word, then variants only
                end, parts = _extend_model(doc, i + 1, brand, lex, words, generic=False)
                model = " ".join([_model_case(doc[i].text, brand, lex), *parts])
            if end == i:
                break
            out.append(
                _Mention(
                    doc[i].idx,
                    _tok_end(doc[end - 1]),
                    "PRODUCT",
                    f"{brand.name} {model}",
                    "lexicon",
                    brand=brand.name,
                    model=model,
                )
            )
            i = end
    return out


@cache
def _standalone_models() -> dict[str, tuple[Brand, str]]:
    """The brands' standalone models (``iPhone 15``) by folded spelling, first one kept."""
    out: dict[str, tuple[Brand, str]] = {}
    for brand in load_lexicons().brands.values():
        for model in brand.standalone:
            out.setdefault(_fold(model), (brand, model))
    return out


@lru_cache(maxsize=1024)
def _model_pattern(folded_models: frozenset[str]) -> re.Pattern[str]:
    """Compiled once per set of models: articles about the same brands share it."""
    return re.compile(rf"(?<![\w-])(?:{alternation(folded_models)})(?![\w-])")


def _bare_models(
    doc: Doc,
    text: str,
    folded: str,
    products: list[_Mention],
    brands_named: Iterable[str],
    taken: list[_Mention],
    lex: Lexicons,
    words: CommonWords,
    *,
    standalone: bool = False,
) -> list[_Mention]:
    """``l'AMI``, ``la Golf``: a model alone, once its brand and model were named; or a
    lexicon model that is not a French word (``Tiguan``, ``iPhone``), once its brand was
    named; with ``standalone``, the brands' standalone models (``iPhone 15``, ``A350``)
    even when the brand is not named. ``folded`` is ``_fold(text)``."""
    by_model: dict[str, tuple[Brand, str]] = {}
    for p in products:
        brand = lex.brands.get(p.brand or "")
        if brand is None or not p.model:
            continue
        by_model.setdefault(_fold(p.model), (brand, p.model))
        base = p.model.split()[0]
        by_model.setdefault(_fold(base), (brand, base))
    for name in set(brands_named):
        brand = lex.brands[name]
        for model in brand.models:
            # ``iX3``, ``iPhone``
            lower_led = len(model) >= 3 and _LOWER_LED_MODEL.fullmatch(model.split()[0]) is not None
            long_name = len(model) >= 4 and model[0].isupper()
            if (lower_led or long_name) and not words.is_word(model):
                by_model.setdefault(_fold(model), (brand, model))
    alone: set[str] = set()
    if standalone:
        for folded_model, entry in _standalone_models().items():
            by_model.setdefault(folded_model, entry)
            alone.add(folded_model)
    if not by_model:
        return []
    pattern = _model_pattern(frozenset(by_model))
    # ``taken`` never overlaps itself: sorted by start, its ends are sorted too.
    spans = sorted((t.start, t.end) for t in taken)
    starts = [a for a, _ in spans]
    out: list[_Mention] = []
    for m in pattern.finditer(folded):
        surface = text[m.start() : m.end()]
        if not (
            surface[0].isupper()
            or surface[0].isdigit()
            or _LOWER_LED_MODEL.match(surface)  # ``iPhone``
        ):
            continue
        k = bisect.bisect_left(starts, m.end())
        if (k and spans[k - 1][1] > m.start()) or (out and out[-1].end > m.start()):
            continue
        span = doc.char_span(m.start(), m.end())
        if span is None:
            continue
        brand, model = by_model[m.group()]
        if model[0].islower() and not surface[0].islower():
            continue  # ``iX`` is a BMW, ``Louis IX`` a king
        if surface.isdigit() and (
            span.start == 0 or doc[span.start - 1].lower_ not in _SINGULAR_DETERMINERS
        ):
            continue  # ``la 208`` is a car, ``plus de 208 ventes`` a figure (``737 MAX`` too)
        generic = m.group() in alone or _LOWER_LED_MODEL.match(surface) is not None
        end, extra = _extend_model(doc, span.end, brand, lex, words, generic=generic)
        full = " ".join([model, *extra])
        end_char = _tok_end(doc[end - 1])
        out.append(
            _Mention(
                m.start(),
                end_char,
                "PRODUCT",
                f"{brand.name} {full}",
                "lexicon",
                brand=brand.name,
                model=full,
            )
        )
    return out


def _street_layer(text: str) -> list[_Mention]:
    """``rue de Metz``, ``avenue du général Leclerc``, ``parc de la Pépinière``."""
    out = []
    for m in _matchers().street_re.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".'’-":
            end -= 1
        head = m.group().split()[0].lower()
        before = text[max(0, m.start() - 4) : m.start()].lower()
        if head == "cours" and before.endswith("au "):  # ``au cours de``
            continue
        if head == "place" and not before.endswith(("la ", "la\n")):  # ``sa place de X``
            continue
        out.append(_Mention(m.start(), end, "LOC", _collapse(text[m.start() : end]), "lexicon"))
    return out


_ROAD = re.compile(
    r"(?<![\w-])(?:(?:RN|RD|RM)\s?\d{1,4}[a-z]?|(?<=autoroute )A\s?\d{1,3})(?![\w-])"
)


def _road_layer(text: str) -> list[_Mention]:
    """Roads: ``RN 12``, ``RD906``, ``l'autoroute A7``."""
    return [
        _Mention(m.start(), m.end(), "LOC", _collapse(m.group()), "lexicon")
        for m in _ROAD.finditer(text)
    ]


# Competitions named with their year: ``l'Euro 2024``, ``le Mondial 2026``.
_EDITION = re.compile(
    r"(?<![\w-])(?:Euro|Mondial|Coupe du monde|Coupe d['’]Europe|Jeux olympiques|JO"
    r"|Championnat d['’]Europe|Championnat du monde|Ligue des nations"
    r"|Tour de France|Roland-Garros|Mondial de l['’]Auto)"
    r" (?:19|20)\d\d(?![\w-])"
)


def _edition_layer(text: str) -> list[_Mention]:
    """A competition and its year is one event, MISC: ``l'Euro 2024`` (not the currency
    or a place)."""
    return [
        _Mention(m.start(), m.end(), "MISC", m.group(), "lexicon") for m in _EDITION.finditer(text)
    ]


_INITIAL = re.compile(r"[A-Z]\.")


def _results_layer(doc: Doc, text: str, lex: Lexicons) -> list[_Mention]:
    """Sports results: ``Olano (Esp)``, ``M. Zberg (S)``. The nationality code in
    parentheses right after a name is a LOC (named after the country) and the name
    before it a PER."""
    out: list[_Mention] = []
    for m in _matchers().code_re.finditer(text):
        open_span = doc.char_span(m.start(), m.start() + 1)
        if open_span is None:
            continue
        i = open_span.start - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        first = i + 1
        while i >= 0 and first - i <= 3:
            tok = doc[i]
            is_name = _is_capitalised(tok.text) and (tok.is_alpha or "-" in tok.text)
            is_name = is_name or _glued_hyphen(doc, i)
            if is_name or _INITIAL.fullmatch(tok.text) or tok.lower_ in lex.name_particles:
                first = i
            elif not tok.is_space:
                break
            i -= 1
        while first <= open_span.start - 1 and doc[first].lower_ in lex.name_particles:
            if first + 1 < len(doc) and _is_capitalised(doc[first + 1].text):
                break
            first += 1
        last = open_span.start - 1
        while last >= first and doc[last].is_space:
            last -= 1
        if last < first:
            continue
        name = doc[first : last + 1]
        out.append(_Mention(m.start(1), m.end(1), "LOC", lex.country_codes[m.group(1)], "ner"))
        if name.text in lex.places or name.text in lex.brand_by_spelling:
            continue
        if _is_common_word_token(doc, first, lex, load_common_words()) and len(name) == 1:
            continue
        out.append(
            _Mention(name.start_char, name.end_char, "PER", _name_of(name.text, "PER", lex), "ner")
        )
    return out


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """A ``-`` token inside a hyphenated name (``Gonzalez-Galdeano``)."""
    return (
        doc[i].text == "-"
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and _is_capitalised(doc[i + 1].text)
    )


def _apposition_layer(doc: Doc, text: str, lex: Lexicons, words: CommonWords) -> list[_Mention]:
    """Names the NER missed right after a head noun: ``la petite équipe espagnole
    Estepona-Brcpac`` (ORG), ``le village de Bouzey`` (LOC), ``le coureur Guidi`` (PER)."""
    out: list[_Mention] = []
    n = len(doc)
    for match in _matchers().apposition_re.finditer(text):
        head = doc.char_span(match.start(), match.end())
        if head is None or len(head) != 1:
            continue
        tok = head[0]
        i = tok.i
        label = lex.apposition_heads.get(tok.lower_)
        if label is None or not tok.text[0].islower():
            continue
        k = i + 1
        hops = 0
        while k < n and hops < 2:
            if doc[k].is_space:
                k += 1
            elif doc[k].text[0].islower() and _is_adjective_token(doc[k]):
                k += 1
                hops += 1
            else:
                break
        if label == "LOC" and k < n and doc[k].lower_ in {"de", "d'", "d’"}:
            k += 1
        start = k
        while k < n and k - start < 4 and _same_line(doc, doc[k - 1], doc[k]):
            t = doc[k]
            if _glued_hyphen(doc, k):
                k += 1
                continue
            name_like = _is_capitalised(t.text) and any(c.isalpha() for c in t.text)
            if not name_like or t.ent_iob_ not in ("O", ""):
                break
            if t.text.lower() in _stop_words() or (
                not _is_all_caps(t.text) and (words.is_word(t.text) or words.is_adjective(t.text))
            ):
                break
            k += 1
        if k == start:
            continue
        span = doc[start:k]
        if span.text in lex.not_entities:
            continue
        out.append(
            _Mention(
                span.start_char,
                span.end_char,
                cast(Label, label),
                _name_of(span.text, cast(Label, label), lex),
                "ner",
            )
        )
    return out


def _place_layer(text: str, lex: Lexicons) -> list[_Mention]:
    return [
        _Mention(m.start(), m.end(), "LOC", lex.places[m.group()], "lexicon")
        for m in _matchers().place_re.finditer(text)
    ]


# --------------------------------------------------------------------------- NER layer

_TRUE_DETERMINERS = frozenset(
    ["le", "la", "les", "l'", "l’", "un", "une", "des", "ce", "cet", "cette", "ces"]
)
_FUNCTION_TAGS = frozenset({"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "INTJ"})


def _function_word(doc: Doc, i: int) -> bool:
    """Tagged as a closed-class word, or a verb inverted with its subject (``Voulez-vous``)."""
    tok = doc[i]
    if tok.pos_ in _FUNCTION_TAGS:
        return True
    inverted = i + 1 < len(doc) and doc[i + 1].text.startswith("-") and not tok.whitespace_
    return tok.pos_ in ("VERB", "AUX") and inverted


_DEMONYM_END = re.compile(r"(?:[sx]|ais|ois|ien|ienne|ain|aine|and|ande|ol|ole)$")
_HYPHEN_FRANCE = re.compile(r"[A-ZÀ-Ý][\w’']+-France")
_ROMAN_ORDINAL = re.compile(r"[IVXLC]+(?:e|er|ème|è)")


def _is_common_word_token(doc: Doc, i: int, lex: Lexicons, words: CommonWords) -> bool:
    """A capitalised token that is only a French word here (``Puis``, ``Malgré``,
    ``Classements``, the demonym ``Suisses``), not a name."""
    tok = doc[i]
    text = tok.text
    if text in lex.places or text in lex.brand_by_spelling or _is_all_caps(text):
        return False
    if text.lower() in _stop_words():
        return True
    if words.is_adjective(text):  # demonyms: ``les Suisses``, ``l'Allemand``, ``Irlandais``
        prev_det = i > 0 and doc[i - 1].lower_ in _TRUE_DETERMINERS
        if prev_det or tok.pos_ not in ("PROPN", "") or _line_or_sentence_initial(doc, i):
            return True
        if _DEMONYM_END.search(text):
            return True
    if not words.is_word(text):
        return False
    # An empty tag (no tagger in the pipeline) is no evidence either way.
    return _line_or_sentence_initial(doc, i) or tok.pos_ not in ("PROPN", "X", "")


def _initials(text: str) -> str:
    skip = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "en", "à", "au", "aux"}
    parts = re.split(r"[\s'’\-]+", text)
    return "".join(strip_accents(p[0]).upper() for p in parts if p and p.lower() not in skip)


def _title_tokens(doc: Doc, text: str) -> dict[int, int]:
    """Token -> the token after the title phrase it is in (``président de la
    République``, ``garde des Sceaux``): titles, not names."""
    out: dict[int, int] = {}
    for m in _matchers().title_re.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            out.update((k, span.end) for k in range(span.start, span.end))
    return out


def _ner_layer(doc: Doc, text: str, lex: Lexicons, words: CommonWords) -> list[_Mention]:
    out: list[_Mention] = []
    titles = _title_tokens(doc, text)
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None:
            continue
        # ``procureur de la République de Lyon``: the name starts after the title.
        start = titles.get(ent.start, ent.start)
        if start >= ent.end:
            continue
        mention = _fix_ner_span(doc, start, ent.end, label, lex, words)
        if mention is not None:
            out.append(mention)
    return out


def _split_lines(doc: Doc, s: int, e: int, lex: Lexicons, words: CommonWords) -> Range | None:
    """Cut line pieces that are a lone common word (``Keystone\\nClassements``)."""
    pieces: list[tuple[int, int]] = []
    begin = s
    for k in range(s + 1, e):
        if not _same_line(doc, doc[k - 1], doc[k]) or doc[k - 1].is_space or doc[k].is_space:
            pieces.append((begin, k))
            begin = k
    pieces.append((begin, e))
    pieces = [(a, b) for a, b in pieces if not all(doc[t].is_space for t in range(a, b))]

    def common_piece(a: int, b: int) -> bool:
        if b - a == 1:
            return _is_common_word_token(doc, a, lex, words)
        # ``Vous avez lu 1``: a line of words, none of them a name.
        return not any(
            _is_capitalised(doc[t].text) and not _is_common_word_token(doc, t, lex, words)
            for t in range(a, b)
        )

    while len(pieces) > 1 and common_piece(*pieces[0]):
        pieces.pop(0)
    while len(pieces) > 1 and common_piece(*pieces[-1]):
        pieces.pop()
    if not pieces:
        return None
    # A name never runs over a blank line: keep the first paragraph's pieces.
    kept = [pieces[0]]
    for piece in pieces[1:]:
        gap = doc[kept[-1][1] - 1 : piece[0]].text_with_ws
        if gap.count("\n") > 1:
            break
        kept.append(piece)
    return kept[0][0], kept[-1][1]


def _trim_left(doc: Doc, s: int, e: int, label: Label, lex: Lexicons, words: CommonWords) -> int:
    """Drop punctuation, numbers, determiners, lower-case words and a sentence-initial
    common word from the left of an entity (street heads and name particles stay)."""
    while s < e:
        tok = doc[s]
        low = tok.lower_
        nxt_cap = s + 1 < e and _is_capitalised(doc[s + 1].text)
        if (
            s + 2 < e
            and doc[s + 1].lower_ in ("du", "des", "de")
            and _is_acronym(doc[s + 2].text)
            and (words.is_word(tok.text) or words.is_adjective(tok.text))
        ):
            return s + 2  # ``Réformistes du D66``, ``militants du PKK``: the acronym
        if tok.is_punct or tok.is_space or tok.like_num:
            s += 1
        elif label == "MISC" and low in lex.event_heads:
            break  # ``accord du Vendredi Saint``
        elif label == "PER" and (tok.text in lex.person_titles or tok.text == "M.") and nxt_cap:
            s += 1  # ``Mme Dupont``, ``M. Blair`` -> the surname
        elif low in lex.street_heads or (label == "PER" and low in lex.name_particles and nxt_cap):
            break
        elif tok.text[0].islower() or (low in _DETERMINERS and (label == "LOC" or s + 1 == e)):
            s += 1  # ``la France``, ``prise d'otages de l'OPEP``
        elif (
            nxt_cap  # ``Tour de France`` keeps its head
            and low not in _DETERMINERS
            and _is_common_word_token(doc, s, lex, words)
            and _line_or_sentence_initial(doc, s)
            and (label != "PER" or tok.pos_ == "NOUN" or tok.is_stop)  # not ``Romain Peugeot``
            and not (label == "PER" and _particle_surname_at(doc, s + 1, e, lex))
            and not (label == "PER" and tok.text in lex.first_names)  # ``Marine Tondelier``
        ):
            s += 1  # ``Cyclisme Olano`` (a title line)
        else:
            break
    return s


def _particle_surname_at(doc: Doc, i: int, e: int, lex: Lexicons) -> bool:
    """``Le Pen``, ``de Villiers``: a particle then a capitalised word, so the word
    before is a first name (``Marine Le Pen``), not a title-line word."""
    return (
        i + 1 < e
        and doc[i].lower_ in lex.name_particles
        and _is_capitalised(doc[i + 1].text)
        and not _is_common_word_token(doc, i + 1, lex, load_common_words())
    )


def _is_split_score(doc: Doc, e: int) -> bool:
    """Do the tokens before ``e`` spell a score the tokenizer split (``3`` ``-`` ``0``)?"""
    a, dash, b = doc[e - 3], doc[e - 2], doc[e - 1]
    return (
        _SCORE_RE.fullmatch(f"{a.text}-{b.text}") is not None
        and dash.text in ("-", "–")
        and not a.whitespace_
        and not dash.whitespace_
    )


def _trim_right(doc: Doc, s: int, e: int, label: Label) -> int:
    """Drop punctuation, dangling determiners and conjunctions, abbreviations like ``m.``,
    and for persons any trailing lower-case word."""
    while e > s:
        tok = doc[e - 1]
        low = tok.lower_
        lower = tok.text[0].islower()
        dangling = low in _DETERMINERS or low in ("et", "ou")
        abbreviation = lower and (label == "PER" or len(tok.text) <= 2 or tok.text.endswith("."))
        # ``ministère de la Transition énergétique publiés lundi``: the clause after it.
        clause = lower and (low in _TIME_WORDS or tok.pos_ in ("VERB", "AUX"))
        # ``le FC Nantes 3-0``: a score after a club.
        score = _SCORE_RE.fullmatch(tok.text) is not None
        if e - s > 3 and _is_split_score(doc, e):
            e -= 3
            continue
        if (
            (tok.is_punct and tok.text != ")")
            or tok.is_space
            or dangling
            or abbreviation
            or clause
            or score
        ):
            e -= 1
        else:
            break
    return e


def _extend_left(doc: Doc, s: int, label: Label, lex: Lexicons) -> tuple[int, Label]:
    """Glue back what the NER cut off on the left: the first half of a hyphenated first
    name (``José-``), the institution head of a name (``ministère des``)."""
    if s > 0 and label == "PER":
        prev = doc[s - 1]
        glued = s > 1 and not prev.whitespace_ and not doc[s - 2].whitespace_
        if prev.text == "-" and glued and _is_capitalised(doc[s - 2].text):
            return s - 2, label
        if prev.text.endswith("-") and _is_capitalised(prev.text) and not prev.whitespace_:
            return s - 1, label
    k = s - 1
    if k >= 0 and doc[k].lower_ in {"de", "du", "des", "d'", "d’"}:
        k -= 1
    elif k >= 1 and doc[k].lower_ in {"la", "l'", "l’"} and doc[k - 1].lower_ == "de":
        k -= 2
    if 0 <= k < s - 1 and doc[k].lower_ in lex.institution_heads:
        return k, "ORG"
    return s, label


def _is_adjective_token(tok: Token) -> bool:
    if tok.pos_:
        return tok.pos_ == "ADJ"
    return load_common_words().is_adjective(tok.text)


def _apposition_label(doc: Doc, s: int, label: Label, lex: Lexicons) -> Label:
    """``l'équipe Kelme``, ``le quotidien néerlandais De Telegraaf``, ``la ville de
    Portland``: a head noun just before the name gives its type."""
    k = s - 1
    via_de = k >= 0 and doc[k].lower_ in {"de", "d'", "d’"}
    if via_de:
        k -= 1
    hops = 0
    while (
        k >= 0
        and hops < 2
        and doc[k].text[0].islower()
        and doc[k].lower_ not in lex.apposition_heads
        and _is_adjective_token(doc[k])
    ):
        k -= 1
        hops += 1
    if k >= 0 and doc[k].text[0].islower():
        head = lex.apposition_heads.get(doc[k].lower_)
        # ``la ville de Portland`` but not ``la firme de Wolfsburg``
        if head is not None and (not via_de or head == "LOC"):
            return cast(Label, head)
    return label


def _cut_after_place(doc: Doc, s: int, e: int, lex: Lexicons) -> int:
    """``l'Union européenne de droits de douane``: a known place then ``de`` and a
    common noun is the place; the complement is not part of its name."""
    for k in range(e - 2, s, -1):
        if (
            doc[k].lower_ in ("de", "d'", "d’", "du", "des")
            and doc[k + 1].text[0].islower()
            and doc[s:k].text in lex.places
        ):
            return k
    return e


def _fix_ner_span(
    doc: Doc, s: int, e: int, label: Label, lex: Lexicons, words: CommonWords
) -> _Mention | None:
    cut = _split_lines(doc, s, e, lex, words)
    if cut is None:
        return None
    s = _trim_left(doc, cut[0], cut[1], label, lex, words)
    e = _trim_right(doc, s, cut[1], label)
    e = _cut_after_place(doc, s, e, lex)
    if s >= e:
        return None
    span = doc[s:e]
    text = span.text
    if not any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
        return None
    if text in lex.not_entities or _collapse(text) in lex.not_entities:
        return None
    if _ROMAN_ORDINAL.fullmatch(text):  # ``XIXe`` (siècle)
        return None
    if len(text) == 1:  # a lone letter (``G``, ``F``)
        return None
    if e - s == 1 and _is_common_word_token(doc, s, lex, words):
        return None
    if (
        e - s == 1
        and _is_all_caps(text)
        and len(text) >= 5
        and text not in lex.brand_by_spelling
        and text not in lex.places
        and _line_or_sentence_initial(doc, s)
        and words.is_unaccented_word(text)
    ):
        return None  # ``ECONOMIE.``: a section heading in capitals
    if e - s == 1 and _line_or_sentence_initial(doc, s) and _function_word(doc, s):
        return None  # ``Puis``, ``Voulez-vous``: a sentence-initial function word or verb
    initials = _initials(text)
    if e - s >= 3 and len(initials) == e - s and initials in lex.not_entities:
        return None  # ``Véhicule Utilitaire Electrique``: long form of a common-noun acronym
    # Relabel.
    if any(t.text in lex.street_words for t in span) and label != "PER":
        label = "LOC"
    elif e - s == 1 and label == "MISC" and _is_all_caps(text) and text.isalnum():
        label = "ORG"  # a bare acronym
    elif label != "PER" and span[0].lower_ in lex.institution_heads:
        label = "ORG"  # ``Parquet de Francfort``, ``Communauté urbaine``
    elif label != "PER" and _HYPHEN_FRANCE.fullmatch(text) and text not in lex.places:
        label = "ORG"  # ``Avere-France``, ``Météo-France`` (not ``Île-de-France``)
    elif label != "PER" and e - s >= 2 and any(t.text in lex.org_words for t in span[1:]):
        label = "ORG"  # ``UAE Team Emirates``, ``Crédit Bank``
    elif (
        e - s >= 2
        and span[0].text in lex.club_heads
        and doc[s + 1].text[0].islower()
        and words.is_adjective(doc[s + 1].text)
    ):
        label = "ORG"  # ``Stade toulousain``, ``Olympique lyonnais`` (not ``Stade de France``)
    label = _apposition_label(doc, s, label, lex)
    s0 = s
    s, label = _extend_left(doc, s, label, lex)
    if text in lex.places and s == s0:  # not ``mairie de Lille``: the institution
        label = "LOC"
    span = doc[s:e]
    return _Mention(span.start_char, span.end_char, label, _name_of(span.text, label, lex), "ner")


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


# --------------------------------------------------------------------------- article level


def _resolve_names(mentions: list[_Mention], lex: Lexicons) -> None:
    """One name per thing: surnames -> full names, long forms -> acronyms, majority labels."""
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
    # One label per name among NER mentions: the majority (first seen on ties); names
    # that differ only in case (``SEB`` ORG, ``Seb`` PER) are one thing, named as the
    # first mention with the winning label.
    by_name: dict[str, list[_Mention]] = {}
    for m in ner:
        by_name.setdefault(_fold(m.name), []).append(m)
    for group in by_name.values():
        if len(group) < 2:
            continue
        counts = Counter(m.label for m in group)
        best = max(counts.values())
        first = next(m for m in group if counts[m.label] == best)
        for m in group:
            m.label, m.name = first.label, first.name


def _models_named_by_ner(ner: list[_Mention], named: set[str], lex: Lexicons) -> None:
    """``Renault ... la nouvelle Clio``: a NER name (not a person) that is exactly a
    listed model of a brand named in the article is that product."""
    by_model: dict[str, tuple[str, str]] = {}
    for name in named:
        for model in lex.brands[name].models:
            by_model.setdefault(_fold(model), (name, model))
    for m in ner:
        found = by_model.get(_fold(m.name)) if m.label != "PER" else None
        if found is not None:
            m.label, m.brand, m.model = "PRODUCT", found[0], found[1]
            m.name = f"{found[0]} {found[1]}"


class _Spans:
    """Mentions indexed by start, to ask in log time whether one overlaps or holds a
    span (a scan of them all per question is quadratic on long texts)."""

    def __init__(self, mentions: Iterable[_Mention]) -> None:
        ordered = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in ordered]
        self.ends = [m.end for m in ordered]
        self.max_end: list[int] = []  # max end of the first k+1 mentions
        for end in self.ends:
            self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def overlaps(self, m: _Mention) -> bool:
        k = bisect.bisect_left(self.starts, m.end)  # those starting before m ends
        return bool(k) and self.max_end[k - 1] > m.start

    def inside_longer(self, m: _Mention) -> bool:
        """Is ``m`` inside a longer mention?"""
        k = bisect.bisect_left(self.starts, m.start)  # those starting strictly before m
        if k and self.max_end[k - 1] >= m.end:
            return True
        j = k
        while j < len(self.starts) and self.starts[j] == m.start:
            if self.ends[j] > m.end:
                return True
            j += 1
        return False


def _select(candidates: Iterable[_Mention], chosen: list[_Mention]) -> list[_Mention]:
    """Add candidates (longest first) that overlap nothing already chosen.

    ``chosen`` never overlaps itself, so sorted by start its ends are sorted too and
    one bisection finds the only neighbours a candidate could overlap."""
    chosen.sort(key=lambda m: m.start)
    starts = [m.start for m in chosen]
    for c in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        k = bisect.bisect_left(starts, c.end)  # chosen[:k] start before c ends
        if k and chosen[k - 1].end > c.start:
            continue
        chosen.insert(k, c)
        starts.insert(k, c.start)
    return chosen


def find_entities(doc: Doc, *, excluded: Sequence[Range] = ()) -> list[EntityHit]:
    """Return the named entities of ``doc`` with one canonical name per thing.

    Starts from the statistical NER in ``doc.ents`` (PER/ORG/LOC/MISC; empty when
    the pipeline has no NER), adds PRODUCT mentions from the brand lexicon and
    model patterns, fixes the model's systematic errors and gives every mention
    the canonical ``name`` shared by all mentions of the same thing.
    """
    lex = load_lexicons()
    words = load_common_words()
    text = text_of(doc)

    def body(mentions: Iterable[_Mention]) -> list[_Mention]:
        # Boilerplate neither yields hits nor lends names, brands or models to the body.
        return [m for m in mentions if not any(a <= m.start < b for a, b in excluded)]

    brands = body(_brand_layer(doc, text, lex, words))
    products = [m for m in brands if m.label == "PRODUCT"]
    products += body(_coordinated_models(doc, products, lex, words))
    chosen = _select(products, [])
    # Models named with their brand, alone later: strong, before the NER.
    folded = _fold(text)
    chosen = _select(
        body(_bare_models(doc, text, folded, products, (), chosen, lex, words)), chosen
    )
    chosen = _select(body(_road_layer(text)), chosen)  # ``RN 12`` is no Rassemblement national
    chosen = _select((m for m in brands if m.label != "PRODUCT"), chosen)
    chosen = _select(body(_street_layer(text)), chosen)
    chosen = _select(body(_edition_layer(text)), chosen)
    chosen = _select(body(_results_layer(doc, text, lex)), chosen)
    ner = body(_ner_layer(doc, text, lex, words))
    named = {m.brand for m in brands if m.brand}
    _models_named_by_ner(ner, named, lex)
    # Lexicon models alone once their brand is named (``Tiguan``), unless inside a
    # longer NER entity (``Manchester City`` is not an Aixam City).
    spans = _Spans(ner)
    weak = [
        w
        for w in body(
            _bare_models(doc, text, folded, [], named, chosen, lex, words, standalone=True)
        )
        if not spans.inside_longer(w)
    ]
    chosen = _select(weak, chosen)
    chosen = _select(ner, chosen)
    chosen = _select(body(_apposition_layer(doc, text, lex, words)), chosen)
    # Places from the lexicon only where the NER said nothing.
    places = body(_place_layer(text, lex))
    chosen = _select((p for p in places if not spans.overlaps(p)), chosen)
    _resolve_names(chosen, lex)
    return [
        EntityHit(m.start, m.end, text[m.start : m.end], m.label, m.name)
        for m in sorted(chosen, key=lambda m: m.start)
    ]


# --------------------------------------------------------------------------- for the linker


@cache
def _periphrase_brands() -> dict[str, str]:
    """Canonical brand by lower-cased emblem (built once: the linker asks per article)."""
    return {k.lower(): v for k, v in load_lexicons().periphrase_emblems.items()}


def find_periphrases(text: str) -> list[tuple[int, int, str]]:
    """Press periphrases naming a brand (``la marque aux chevrons`` -> ``Citroën``).

    Returns ``(start, end, canonical brand)`` for the head noun to the emblem, the
    determiner left out. Not entities: the linker uses them as figure subjects.
    """
    emblems = _periphrase_brands()
    out = []
    for m in _matchers().periphrase_re.finditer(text):
        brand = emblems.get(m.group("emblem").lower())
        if brand is not None:
            out.append((m.start(), m.end(), brand))
    return out


def main_subject(hits: Sequence[EntityHit]) -> str | None:
    """The article's main subject: its most mentioned PRODUCT, else its most mentioned ORG
    (ties go to the first mentioned)."""
    for label in ("PRODUCT", "ORG"):
        names = [h.name for h in hits if h.label == label]
        if names:
            counts = Counter(names)
            best = max(counts.values())
            return next(n for n in names if counts[n] == best)
    return None


__all__ = ["find_entities", "find_periphrases", "main_subject"]
