"""Entities: the model's NER plus products, fixed and given canonical names."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ami_facts.hits import EntityHit

Range = tuple[int, int]


def find_entities(doc: Doc, *, excluded: Sequence[Range] = ()) -> list[EntityHit]:
    """Return the named entities of ``doc`` with one canonical name per thing.

    Starts from the statistical NER in ``doc.ents`` (PER/ORG/LOC/MISC; empty when
    the pipeline has no NER), adds PRODUCT mentions from the brand lexicon and
    model patterns, fixes the model's systematic errors and gives every mention
    the canonical ``name`` shared by all mentions of the same thing.
    """
    raise NotImplementedError
