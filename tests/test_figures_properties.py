"""Property tests: French number formats read back; arbitrary text never breaks."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from ami_facts.components.figures import find_figures

UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"]
UNITS += ["onze", "douze", "treize", "quatorze", "quinze", "seize"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_100(n: int, sep: str) -> str:
    if n <= 16:
        return UNITS[n]
    if n < 20:
        return "dix" + sep + UNITS[n - 10]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):
        base = "soixante" if tens == 7 else "quatre" + sep + "vingt"
        rest = 10 + unit
        if tens == 7 and unit == 1:
            return base + sep + "et" + sep + "onze"
        return base + sep + _below_100(rest, sep)
    if tens == 8:
        return "quatre" + sep + ("vingts" if unit == 0 else "vingt" + sep + UNITS[unit])
    word = TENS[tens]
    if unit == 0:
        return word
    if unit == 1:
        return word + sep + "et" + sep + "un"
    return word + sep + UNITS[unit]


def _below_1000(n: int, sep: str, *, plural: bool = True) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        if hundreds == 1:
            parts.append("cent")
        else:
            parts.append(UNITS[hundreds] + sep + ("cents" if rest == 0 and plural else "cent"))
    if rest:
        parts.append(_below_100(rest, sep))
    return sep.join(parts)


def to_french(n: int, sep: str = " ") -> str:
    """Spell ``n`` (0..10^12) in French words; ``sep`` is " " or "-" (1990 spelling)."""
    if n == 0:
        return "zéro"
    if n == 10**12:
        return "mille" + " " + "milliards"
    parts = []
    for size, name in ((10**9, "milliard"), (10**6, "million")):
        q, n = divmod(n, size)
        if q:
            head = (
                "un"
                if q == 1
                else _below_1000(q, sep, plural=False)
                if q < 1000
                else to_french(q, sep)
            )
            parts.append(head + " " + name + ("s" if q > 1 else ""))
    q, n = divmod(n, 1000)
    if q:
        parts.append("mille" if q == 1 else _below_1000(q, sep, plural=False) + sep + "mille")
    if n:
        parts.append(_below_1000(n, sep))
    return " ".join(parts)


def group(n: int, sep: str) -> str:
    s = str(n)
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return sep.join(groups)


def read_one(text: str) -> float | None:
    hits = find_figures(text)
    assert len(hits) == 1, (text, hits)
    return hits[0].value


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([".", " ", "\u00a0", "\u202f"]))
def test_figures_grouped_integers_read_back(n: int, sep: str) -> None:
    assert read_one(f"Il a payé {group(n, sep)} euros hier.") == n


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1000, max_value=10**12), st.sampled_from([".", " ", "\u00a0", "\u202f"])
)
def test_figures_grouped_integers_read_back_without_unit(n: int, sep: str) -> None:
    assert read_one(f"On en compte {group(n, sep)} depuis.") == n


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=999),
    st.sampled_from([".", " ", "\u00a0", "\u202f"]),
)
def test_figures_decimal_comma_reads_back(whole: int, frac: int, sep: str) -> None:
    decimals = f"{frac:03d}".rstrip("0") or "0"
    text = f"Le prix atteint {group(whole, sep)},{decimals} euros."
    value = read_one(text)
    assert value is not None
    assert abs(value - float(f"{whole}.{decimals}")) <= 1e-9 * max(1, whole)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", "-"]))
def test_figures_words_read_back(n: int, sep: str) -> None:
    words = to_french(n, sep)
    assert read_one(f"Ils ont vendu {words} euros.") == n, words


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_figures_arbitrary_text_never_raises_and_spans_hold(text: str) -> None:
    for hit in find_figures(text):
        assert text[hit.start : hit.end] == hit.text
        assert hit.start <= hit.number_start <= hit.number_end <= hit.end


_PIECES = st.sampled_from(
    [
        "1",
        "23",
        "456",
        ".",
        ",",
        " ",
        "\u00a0",
        "\u202f",
        "-",
        "'",
        '"',
        "€",
        "%",
        "km",
        "deux",
        "mille",
        "et",
        "un",
        "de",
        "entre",
        "à",
        "ou",
        "h",
        "e",
        "ème",
        "x",
        "\n",
        "/",
        "°",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=80))
def test_figures_number_like_soup_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    for hit in find_figures(text):
        assert text[hit.start : hit.end] == hit.text


def test_figures_long_runs_of_digits_dots_and_spaces_do_not_backtrack() -> None:
    for text in ("1." * 20000, "1 " * 20000, "12 345 " * 5000, "1" * 50000, "1,1." * 10000):
        t0 = time.perf_counter()
        find_figures(text)
        assert time.perf_counter() - t0 < 5.0
