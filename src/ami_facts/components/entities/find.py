"""``find_entities``: the layers merged in order of priority (a later layer only fills
gaps), then one canonical name per thing.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from ami_facts.components.doc_text import text_of
from ami_facts.components.entities.mention import Label, Range, _Mention
from ami_facts.components.entities.names import _name_of, _resolve_names
from ami_facts.components.entities.ner_fixes import _extend_left, _ner_layer
from ami_facts.components.entities.products import (
    _bare_models,
    _brand_layer,
    _coordinated_models,
    _models_named_by_ner,
)
from ami_facts.components.entities.rule_layers import (
    _apposition_layer,
    _defined_organisation_layer,
    _edition_layer,
    _place_layer,
    _repeated_name_layer,
    _results_layer,
    _road_layer,
    _street_layer,
    _surname_layer,
    _titled_people_layer,
)
from ami_facts.components.entities.tokens import _fold
from ami_facts.french.lexicons import Lexicons, load_common_words, load_lexicons
from ami_facts.hits import EntityHit


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


def _subsidiary_named_by_ner(brand: _Mention, ner: list[_Mention], text: str) -> bool:
    """``Vinci Airports``, ``Renault Trucks``: an organisation the NER names with the
    brand and capitalised words after it, which the lexicon does not list, is that
    longer name (a subsidiary), not the brand."""
    return brand.label == "ORG" and any(
        m.label == "ORG"
        and m.start == brand.start
        and m.end > brand.end
        and all(word[:1].isupper() for word in text[brand.end : m.end].split())
        for m in ner
    )


def _institution_of(doc: Doc, place: _Mention, lex: Lexicons) -> _Mention:
    """``le tribunal administratif de Lyon``: a place named after an institution's head
    noun is part of the institution's name, as the NER's places are (``ner_fixes``)."""
    span = doc.char_span(place.start, place.end)
    if span is None:
        return place
    start, label = _extend_left(doc, span.start, "LOC", lex)
    if label != "ORG":
        return place
    name = text_of(doc)[doc[start].idx : place.end]
    return _Mention(doc[start].idx, place.end, "ORG", _name_of(name, "ORG", lex), "lexicon")


# Words a name may end with, abbreviated (``Apple Inc.``).
_ABBREVIATED_ENDINGS = frozenset(["Inc", "Corp", "Co", "Ltd", "Cie", "Jr", "Sr", "St", "Bros"])


def _drop_sentence_stop(m: _Mention, text: str) -> None:
    """``une fusée de SpaceX.``: the tokenizer keeps the full stop with a word ending in a
    capital; it ends the sentence, not the name (an initial, ``J.``, and an abbreviated
    ending, ``Inc.``, keep theirs)."""
    if m.end - m.start < 3 or text[m.end - 1] != "." or not text[m.end - 2].isalpha():
        return
    last = text[m.start : m.end - 1].rsplit(None, 1)[-1]
    if len(last) > 1 and "." not in last and last not in _ABBREVIATED_ENDINGS:
        m.end -= 1
        if m.name.endswith("."):
            m.name = m.name[:-1]


def _completed_names(mentions: list[_Mention], text: str, lex: Lexicons) -> list[_Mention]:
    """``Bénin : Ne Kouassi Dossou est décédé`` where the NER took ``Kouassi Dossou``: a
    person's mention right after the words that open a longer mention of the article
    ending with it is that longer name (a person, unless the longer mention is an
    organisation, a place or a product: ``Fondation Jean Dupont``)."""
    people = {m.name for m in mentions if m.label == "PER"}
    # the longer mentions by their last word, which a mention they end with shares
    # (one look-up per mention, not a scan of them all)
    longer: dict[str, list[tuple[str, _Mention]]] = {}
    for m in mentions:
        full = text[m.start : m.end]
        if " " in full:
            longer.setdefault(full.rsplit(" ", 1)[1], []).append((full, m))
    out = []
    for m in mentions:
        own = text[m.start : m.end]
        whole = next(
            (
                other
                for full, other in longer.get(own.rsplit(" ", 1)[-1], ())
                if other is not m
                and full.endswith(" " + own)
                and text.endswith(full[: -len(own)], 0, m.start)
                and (m.label == "PER" or other.label == "PER" or own in people)
            ),
            None,
        )
        if whole is None:
            out.append(m)
            continue
        full = text[whole.start : whole.end]
        label: Label = whole.label if whole.label in ("ORG", "LOC", "PRODUCT") else "PER"
        start = m.start - (len(full) - len(own))
        out.append(_Mention(start, m.end, label, _name_of(full, label, lex), m.source))
    # (the longer mention the NER labelled otherwise is the same person)
    completed = {m.name for m in out if m.label == "PER"}
    return [
        _Mention(m.start, m.end, "PER", m.name, m.source)
        if m.label == "MISC" and m.name in completed
        else m
        for m in out
    ]


def _joined_people(mentions: list[_Mention], text: str, lex: Lexicons) -> list[_Mention]:
    """``La Première ministre Mette Frederiksen``, where one layer took the first name
    and the NER the surname: two persons' mentions a single space apart are one name."""
    out: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        last = out[-1] if out else None
        if last is not None and last.label == m.label == "PER" and text[last.end : m.start] == " ":
            full = text[last.start : m.end]
            out[-1] = _Mention(last.start, m.end, "PER", _name_of(full, "PER", lex), m.source)
        else:
            out.append(m)
    return out


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
    ner = body(_ner_layer(doc, text, lex, words))
    chosen = _select(
        (m for m in brands if m.label != "PRODUCT" and not _subsidiary_named_by_ner(m, ner, text)),
        chosen,
    )
    chosen = _select(body(_street_layer(text)), chosen)
    chosen = _select(body(_edition_layer(text)), chosen)
    chosen = _select(body(_results_layer(doc, text, lex)), chosen)
    chosen = _select(body(_titled_people_layer(doc, lex, words)), chosen)
    chosen = _select(body(_defined_organisation_layer(doc, text, lex)), chosen)
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
    people = [m for m in chosen if m.label == "PER" and m.source == "ner"]
    chosen = _select(body(_surname_layer(text, people, words)), chosen)
    chosen = _select(body(_repeated_name_layer(text, list(chosen))), chosen)
    # Places from the lexicon only where the NER said nothing.
    places = body(_place_layer(text, lex))
    chosen = _select(
        (_institution_of(doc, p, lex) for p in places if not spans.overlaps(p)), chosen
    )
    chosen = _joined_people(_completed_names(chosen, text, lex), text, lex)
    for m in chosen:
        _drop_sentence_stop(m, text)
    _resolve_names(chosen, lex, text)
    return [
        EntityHit(m.start, m.end, text[m.start : m.end], m.label, m.name)
        for m in sorted(chosen, key=lambda m: m.start)
    ]
