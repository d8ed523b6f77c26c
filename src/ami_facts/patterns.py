"""Regular expressions built from word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]
_END = ""


def alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A pattern matching any of ``words``, the longest one first where several match.

    Built as a trie (``Re(?:nault|ims)``), not as ``word1|word2|...``: Python's
    ``re`` tries the alternatives of a flat list one by one at every position, so
    a list of 600 names made the place and brand searches ten times slower.
    Pass ``ignore_case`` when the pattern is compiled with ``re.IGNORECASE``, so
    that words differing only in case share one branch.
    """
    trie: _Trie = {}
    for word in set(words):
        node = trie
        for char in word.lower() if ignore_case else word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _pattern(trie) or "(?!)"


def by_first_char(branches: Iterable[str]) -> str:
    """Regex ``branches``, each starting with one literal character, as one
    alternation grouped by that character (``c(?:ar|ité)|v(?:ille)``).

    Under ``re.IGNORECASE`` the engine tries every branch at every position it
    searches, so fewer branches search faster; and a top-level alternation whose
    branches all start with a literal lets it skip to those characters. The order
    of the branches within a group is kept.
    """
    groups: dict[str, list[str]] = {}
    for branch in branches:
        if branch[:1] in ("", *"\\.^$*+?{}[]|()"):
            raise ValueError(f"a branch must start with a literal character: {branch!r}")
        groups.setdefault(branch[0], []).append(branch[1:])
    return "|".join(re.escape(c) + "(?:" + "|".join(rests) + ")" for c, rests in groups.items())


def _pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy: a longer word is tried before the shorter one ending here.
    return f"(?:{body})?" if _END in node else body
