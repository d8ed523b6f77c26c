"""``Microsoft et Apple pèsent respectivement 4 100 et 3 800 milliards``: names listed
before ``respectivement`` and the figures listed after it, paired in their order."""

from __future__ import annotations

import re
from typing import Any

from ami_facts.components.linker.mentions import Mention
from ami_facts.components.linker.sentences import Sentence
from ami_facts.components.linker.subject import NAMES_JOINED

RESPECTIVELY = re.compile(r"\brespectivement\b", re.IGNORECASE)
# From ``respectivement`` to the first figure of its list.
FIRST_FIGURE_GAP = re.compile(r"\s*(?:à|de|d['’]|pour)?\s*")


def respective_names(
    text: str, figures: list[dict[str, Any]], mentions: list[Mention], sentences: list[Sentence]
) -> dict[int, Mention]:
    """The name each listed figure is paired with, by figure index.

    Only where the list of figures and the list of names (of one label) are as long
    as each other and have two members or more.
    """
    if "espectivement" not in text:  # (most texts: no copy of the text to read it)
        return {}
    paired: dict[int, Mention] = {}
    for word in RESPECTIVELY.finditer(text):
        listed = _figures_after(text, figures, word.end())
        if len(listed) < 2:
            continue
        start = next((s for s, e in sentences if s <= word.start() < e), word.start())
        names = _last_list_before(text, mentions, start, word.start())
        if len(names) == len(listed):
            paired.update(zip(listed, names, strict=True))
    return paired


def _figures_after(text: str, figures: list[dict[str, Any]], start: int) -> list[int]:
    """Indexes of the figures listed from ``start`` on."""
    listed: list[int] = []
    end = start
    for index, figure in enumerate(figures):
        if figure["start"] < end:
            continue
        gap = FIRST_FIGURE_GAP if not listed else NAMES_JOINED
        if not gap.fullmatch(text, end, figure["start"]):
            break
        listed.append(index)
        end = figure["end"]
    return listed


def _last_list_before(text: str, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The last names of one label joined as a list in ``[start, end)``."""
    chains: list[list[Mention]] = []
    for mention in mentions:
        if mention.start < start or mention.end > end:
            continue
        last = chains[-1][-1] if chains else None
        if (
            last is not None
            and last.label == mention.label
            and NAMES_JOINED.fullmatch(text, last.end, mention.start)
        ):
            chains[-1].append(mention)
        else:
            chains.append([mention])
    lists = [chain for chain in chains if len(chain) > 1]
    return lists[-1] if lists else []
