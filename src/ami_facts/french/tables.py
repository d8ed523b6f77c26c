"""What French tables say in their headers and labels (read by components/tables.py).

A column header names what its cells measure through the metric lexicon's nouns
(``data/metrics.json``: ``Ventes``, ``Part de marché``, ``Prix``) and a unit in
brackets or after ``en`` (``(%)``, ``(M€)``, ``en km``); these are the words of
headers that prose does not use that way.
"""

from __future__ import annotations

import re

# Header words (lower case) that name a metric, beyond the metric lexicon's nouns.
HEADER_METRICS = {
    "évolution": "change",
    "évol.": "change",
    "évol": "change",
    "variation": "change",
    "var.": "change",
    "var": "change",
    "progression": "change",
    "rang": "rank",
    "classement": "rank",
    "class.": "rank",
    "position": "rank",
    "pos.": "rank",
    "place": "rank",
    "#": "rank",
    "n°": "rank",
    "no": "rank",
    "ca": "revenue",
    "pdm": "share",
    "part de marché": "share",
    "parts de marché": "share",
    "effectif": "workforce",
    "effectifs": "workforce",
}

# Words opening a header that say nothing of what is measured (``Nombre de ventes``).
HEADER_FILLER = re.compile(
    r"^(?:nombre|nb\.?|total|cumul|volume|montant total|quantité)\s+(?:de\s+|d['’]\s*|des\s+)",
    re.IGNORECASE,
)

# A unit in a header: in brackets (``Prix (€)``) or after ``en`` (``Distance en km``).
HEADER_UNIT = re.compile(r"\(\s*(?P<bracket>[^()]{1,30}?)\s*\)|\ben\s+(?P<after_en>[^()]{1,30})$")

# Row labels of a total (or subtotal) row: the row is about no one thing.
TOTAL_LABELS = frozenset(
    [
        "total",
        "totaux",
        "sous-total",
        "total général",
        "ensemble",
        "cumul",
        "somme",
        "tous",
        "toutes",
        "autres",
        "divers",
        "moyenne",
    ]
)

# Cells that say a value is missing or not applicable: no figure.
MISSING_CELLS = frozenset(
    ["-", "–", "—", "/", "?", "n.c.", "nc", "n.c", "n.d.", "nd", "n.d", "s.o.", "so", "n/a", "na"]
)
