"""Line endings: every rule reads ``\\n`` line ends, whatever the file had.

Windows (``\\r\\n``) and old Mac (``\\r``) line ends would otherwise hide the blank
lines that end paragraphs and set off intertitles, the line ends that close
sentences and the lines boilerplate is found on. The rules read the text with
every line end as ``\\n`` (``LineEnds.text``); ``articles.text`` stays as given
(SPEC, "Offsets"), and every offset found is mapped back to it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

# The offsets of a hit (figures, dates, entities) that index the text.
OFFSET_KEYS = (
    "start",
    "end",
    "number_start",
    "number_end",
    "sentence_start",
    "sentence_end",
    "subject_start",
    "subject_end",
)


@dataclass(frozen=True)
class LineEnds:
    """A text as the rules read it, and the way back to the text as given.

    ``text``: ``original`` with each ``\\r\\n`` as ``\\n`` and each lone ``\\r`` as
    ``\\n``. ``removed``: the offsets in ``original`` of the ``\\r`` left out (each
    one before a ``\\n``), in order; empty when the text has none.
    """

    original: str
    text: str
    removed: tuple[int, ...] = field(default=())

    @classmethod
    def of(cls, original: str) -> LineEnds:
        if "\r" not in original:
            return cls(original, original)
        removed: list[int] = []
        pos = original.find("\r\n")
        while pos != -1:
            removed.append(pos)
            pos = original.find("\r\n", pos + 2)
        text = original.replace("\r\n", "\n").replace("\r", "\n")
        return cls(original, text, tuple(removed))

    @property
    def changed(self) -> bool:
        """Whether ``text`` differs from ``original`` (it had a ``\\r``)."""
        return self.text is not self.original

    def to_text(self, offset: int) -> int:
        """The offset in ``text`` of an offset in ``original`` (a ``\\r`` maps to its ``\\n``)."""
        return offset - bisect.bisect_left(self.removed, offset) if self.removed else offset

    def to_original(self, offset: int) -> int:
        """The offset in ``original`` of an offset in ``text``.

        A ``\\n`` that stood for ``\\r\\n`` maps to its ``\\r``, so that a span holding
        the line end holds both characters.
        """
        if not self.removed:
            return offset
        # The k-th removed ``\r`` (0-based) sits at removed[k] - k in ``text``.
        low, high = 0, len(self.removed)
        while low < high:
            middle = (low + high) // 2
            if self.removed[middle] - middle < offset:
                low = middle + 1
            else:
                high = middle
        return offset + low

    def ranges_to_text(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(self.to_text(start), self.to_text(end)) for start, end in ranges]

    def ranges_to_original(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(self.to_original(start), self.to_original(end)) for start, end in ranges]

    def hits_to_original(self, hits: list[dict[str, Any]]) -> None:
        """Map the offsets of plain-dict hits back to ``original``, in place.

        Each hit's ``text`` is sliced again from ``original`` (a span that runs over a
        line end holds its ``\\r\\n``).
        """
        if not self.changed:
            return
        for hit in hits:
            for key in OFFSET_KEYS:
                value = hit.get(key)
                if value is not None:
                    hit[key] = self.to_original(value)
            if "text" in hit and "start" in hit and "end" in hit:
                hit["text"] = self.original[hit["start"] : hit["end"]]
