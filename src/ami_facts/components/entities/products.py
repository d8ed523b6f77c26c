"""Products and brands from the lexicon (``french/data/brands.json``): brand + model
(``Citroën Ami``, PRODUCT), models coordinated with a brand's model (``Cruze et
Equinox``), models alone once named with their brand (``l'AMI``) or once their brand
is named (``Tiguan``), standalone models (``iPhone 15``); brands (ORG), brand +
place or division (``Citroën France``), brand + service (``Free2Move
Carsharing``); a NER name that is a listed model of a named brand.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from ami_facts.components.entities.matchers import _matchers
from ami_facts.components.entities.mention import _Mention
from ami_facts.components.entities.tokens import (
    _collapse,
    _final_stop,
    _fold,
    _is_capitalised,
    _same_line,
    _stop_words,
    _tok_end,
)
from ami_facts.french.lexicons import Brand, CommonWords, Lexicons, load_lexicons
from ami_facts.patterns import alternation

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

_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ELECTRIC_PREFIX = re.compile(r"[eëE]-\w+")
_LOWER_LED_MODEL = re.compile(r"[a-zë]{1,2}[A-Z0-9][\w\-.]*")  # ``iX1``, ``bZ4X``, ``ë-C4``

_DIGIT_MODEL = re.compile(r"\d[\w\-]{0,5}")


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


def _opens_person(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """Does the brand open a PER entity whose other words spell a person's name (``le
    patron de Renault Luca de Meo``)? Then a person follows it, no model."""
    first = doc[span.start]
    if first.ent_type_ != "PER" or first.ent_iob_ != "B" or span.end >= len(doc):
        return False
    end = _ent_end(doc, span.start)
    return end - span.end >= 2 and person_name_words(doc, span.end, end, lex)


def person_name_words(doc: Doc, s: int, e: int, lex: Lexicons) -> bool:
    """``doc[s:e]`` reads as a person's name: capitalised words (``Carlos Tavares``,
    ``Jean-Luc``) and particles (``Luca de Meo``), opening with a capital, on one line."""
    if s >= e or not _is_capitalised(doc[s].text):
        return False
    for k in range(s, e):
        tok = doc[k]
        if k > s and not _same_line(doc, doc[k - 1], tok):
            return False
        if tok.lower_ in lex.name_particles or tok.text == "-":
            continue
        if not (_is_capitalised(tok.text) and tok.text.replace("-", "").isalpha()):
            return False
    return True


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
        person = known is None and _opens_person(doc, span, lex)
        model = None if person else _model_after(doc, j, brand, lex, words)
        company_word = _org_word_at(doc, model[0], lex) if model is not None else None
        if model is not None and company_word is not None:
            # ``Mitsubishi Heavy Industries``: the company a word of trade closes
            end = doc[model[0] : model[0] + len(company_word.split())].end_char
            name = f"{brand.name} {model[1]} {company_word}"
            out.append(_Mention(m.start(), end, "ORG", name, "lexicon", brand=brand.name))
            continue
        company = model is not None and known is None
        if model is not None and company and _company_context(doc, text, span.start, model[0], lex):
            # ``Renault Ampere a annoncé``, ``chez Toyota Tsusho``: a company of the brand.
            end = _tok_end(doc[model[0] - 1])
            name = f"{brand.name} {model[1]}"
            out.append(_Mention(m.start(), end, "ORG", name, "lexicon", brand=brand.name))
            continue
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


def _org_word_at(doc: Doc, i: int, lex: Lexicons) -> str | None:
    """The word of trade (``Industries``, ``Motor Company``) at token ``i``, on the line of
    the token before it."""
    if i >= len(doc) or i == 0 or not _same_line(doc, doc[i - 1], doc[i]):
        return None
    two = doc[i : i + 2].text if i + 1 < len(doc) else ""
    return two if two in lex.org_words else doc[i].text if doc[i].text in lex.org_words else None


@cache
def _company_verb_re() -> re.Pattern[str]:
    lex = load_lexicons()
    stems = alternation(lex.company_verbs)
    participles = alternation(lex.company_participles)
    return re.compile(
        rf"\s*(?:(?:a|ont|avait|avaient|aurait|vient\s+d['’]|va|devrait|compte)\s+)?(?:{stems})"
        rf"|\s*(?:a|ont|avait|avaient|aurait)\s+(?:{participles})(?![\w-])"
    )


def _company_context(doc: Doc, text: str, s: int, e: int, lex: Lexicons) -> bool:
    """``chez X``, ``le groupe X``, ``X a annoncé``, ``X recrute``: what only an
    organisation is or does, not a product."""
    before = doc[s - 1].lower_ if s > 0 else ""
    if before == "chez" or lex.apposition_heads.get(before) == "ORG":
        return True
    if e >= len(doc):
        return False
    return _company_verb_re().match(text, doc[e - 1].idx + len(doc[e - 1].text)) is not None


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
            # (``24 000 Model Y.``: the tokenizer glues the full stop to a one-letter
            # word, as to an initial; the sentence's stop is dropped later)
            span = doc.char_span(m.start(), m.end() + 1)
            if span is None or text[m.end()] != ".":
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
