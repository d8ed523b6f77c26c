"""Press periphrases naming a brand (``la marque aux chevrons`` -> ``Citroën``): not
entities, the linker reads them as figure subjects.
"""

from __future__ import annotations

from functools import cache

from ami_facts.components.entities.matchers import _matchers
from ami_facts.french.lexicons import load_lexicons


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
