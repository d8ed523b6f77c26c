"""Figures against the numeric rows of peers' test suites (``fixtures/peers/dev.jsonl``).

Numeric dims only (numeral, ordinal, percentage, money, distance, volume,
quantity, temperature, duration) from duckling, rustling, text2num,
lingua_franca and edsnlp; dates and times belong to the dates extractor.
Rows listed in ``fixtures/peers/OUT_OF_SCOPE.md`` are skipped by id.

How each ``span`` mode is read:
- ``full_text``: the whole text is one value: take the figure covering the
  most text; compare value (or low/high, or a bound) and unit.
- ``first_number``: the first figure in the text.
- ``rewrite``: replace each figure's numeric core with its digits and
  compare with the peer's rewritten string.
- ``entities`` / ``first_quantity`` (edsnlp): the figures that carry a unit.
- ``all_durations_summed``: the durations of the text added up, in seconds.
- negatives: nothing is found; for text2num's whole-string parser (span
  null), "not one number": no figure covers the whole text.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ami_facts.components.figures import find_figures
from ami_facts.hits import FigureHit

PEERS = Path(__file__).parent / "fixtures" / "peers"
NUMERIC_DIMS = {
    "numeral",
    "ordinal",
    "percentage",
    "money",
    "distance",
    "volume",
    "quantity",
    "temperature",
    "duration",
}
SOURCES = ("duckling", "rustling", "text2num", "lingua_franca", "edsnlp")

# Peer unit names -> ours.
UNIT_MAP: dict[str, str] = {
    "$": "USD",
    "USD": "USD",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "ILS": "ILS",
    "AUD": "AUD",
    "HKD": "HKD",
    "CAD": "CAD",
    "CHF": "CHF",
    "DKK": "DKK",
    "NOK": "NOK",
    "SEK": "SEK",
    "INR": "INR",
    "RUB": "RUB",
    "JPY": "JPY",
    "¥": "JPY",
    "CNY": "CNY",
    "KRW": "KRW",
    "฿": "BTC",
    "kilometre": "km",
    "metre": "m",
    "centimetre": "cm",
    "mile": "mile",
    "millilitre": "ml",
    "centilitre": "cl",
    "litre": "l",
    "hectolitre": "hl",
    "gallon": "gal",
    "celsius": "°C",
    "fahrenheit": "°F",
    "kelvin": "K",
    "degree": "°",
    "cup": "cup",
    "tablespoon": "tbsp",
    "m": "m",
    "cm": "cm",
    "mm": "mm",
    "dm": "dm",
    "dl": "dl",
    "kg": "kg",
    "g": "g",
    "second": "s",
    "minute": "min",
    "hour": "h",
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
}
# Seconds per duration unit, only to compare peers' durations with ours.
SECONDS = {
    "s": 1,
    "min": 60,
    "h": 3600,
    "day": 86400,
    "week": 604800,
    "month": 2592000,
    "quarter": 7776000,
    "year": 31536000,
}
PERIOD_KEYS = {
    "seconds": "s",
    "minutes": "min",
    "hours": "h",
    "days": "day",
    "weeks": "week",
    "months": "month",
    "years": "year",
}


def out_of_scope_ids() -> set[str]:
    text = (PEERS / "OUT_OF_SCOPE.md").read_text(encoding="utf-8")
    return set(re.findall(r"^- `([^`]+)`", text, flags=re.M))


def numeric_rows() -> list[dict[str, Any]]:
    rows = []
    with (PEERS / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["dim"] in NUMERIC_DIMS and row["source"] in SOURCES:
                rows.append(row)
    return rows


def _eq(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _seconds(hit: FigureHit) -> float | None:
    if hit.kind != "duration" or hit.value is None or hit.unit not in SECONDS:
        return None
    return hit.value * SECONDS[hit.unit]


def _widest(text: str, hits: list[FigureHit]) -> FigureHit | None:
    return max(hits, key=lambda h: (h.end - h.start, -h.start), default=None)


def _check_value(hit: FigureHit | None, exp: dict[str, Any], dim: str) -> bool:
    if hit is None:
        return False
    if "period" in exp:  # rustling durations
        want = sum(v * SECONDS[PERIOD_KEYS[k]] for k, v in exp["period"].items())
        return _eq(_seconds(hit), want)
    if dim == "duration" and "normalized" in exp:
        want_unit = UNIT_MAP.get(exp["unit"])
        if hit.unit == want_unit and _eq(hit.value, exp["value"]):
            return True
        return _eq(_seconds(hit), exp["value"] * SECONDS.get(want_unit or "", 0))
    if exp.get("type") == "interval":
        lo, hi = exp.get("from"), exp.get("to")
        unit = (lo or hi or {}).get("unit")
        if unit is not None and hit.unit != UNIT_MAP.get(unit, unit):
            return False
        if lo and hi:
            return _eq(hit.low, lo["value"]) and _eq(hit.high, hi["value"])
        if lo:
            return _eq(hit.value, lo["value"]) and hit.bound == "min"
        assert hi is not None
        return _eq(hit.value, hi["value"]) and hit.bound == "max"
    if not _eq(hit.value, exp["value"]):
        return False
    unit = exp.get("unit")
    return not (unit is not None and hit.unit != UNIT_MAP.get(unit, unit))


def _digits(text: str, hit: FigureHit, source: str) -> str:
    core = text[hit.number_start : hit.number_end]
    value = hit.value if hit.value is not None else hit.low
    assert value is not None
    if hit.kind == "rank" and re.search(r"(?:i?[eè]me|er|ère|ere|nde?|e)s?$", core):
        n = int(value)
        if source == "lingua_franca":
            return "1er" if n == 1 else f"{n}e"
        if n == 1:
            return "1er"
        if n == 2 and core.lower().startswith("second"):
            return "2nd"
        return f"{n}ème" + ("s" if core.endswith("s") else "")
    out = str(abs(int(value))) if value == int(value) else f"{abs(value)}".replace(".", ",")
    if value < 0:
        out = "-" + out
    elif core[:1] == "+" or core.lower().startswith("plus"):
        out = "+" + out
    return out


def rewrite(text: str, hits: list[FigureHit], source: str) -> str:
    out = text
    for hit in sorted(hits, key=lambda h: h.number_start, reverse=True):
        if hit.low is not None:
            continue
        out = out[: hit.number_start] + _digits(text, hit, source) + out[hit.number_end :]
    if source == "lingua_franca":
        out = re.sub(r"(?<![\w'])(?:le|la|les|du)\s+|(?<![\w'])l'", "", out)
        out = re.sub(r"\s+", " ", out).strip()
    return out


def check_row(row: dict[str, Any]) -> bool:
    """True when ``find_figures`` agrees with the peer's expectation."""
    text: str = row["text"]
    hits = find_figures(text)
    exp = row["expected"]
    span = row["span"]
    source = row["source"]
    if row["negative"]:
        if span == "rewrite":
            return rewrite(text, hits, source) == exp["output"]
        if span is None and source == "text2num":
            return not any(h.start == 0 and h.end == len(text.rstrip()) for h in hits)
        if span == "entities":
            return not [h for h in hits if h.unit]
        return not hits
    if span == "full_text":
        return _check_value(_widest(text, hits), exp, row["dim"])
    if span == "first_number":
        return _check_value(hits[0] if hits else None, exp, row["dim"])
    if span == "rewrite":
        return rewrite(text, hits, source) == exp["output"]
    if span == "all_durations_summed":
        total = sum(s for h in hits if (s := _seconds(h)) is not None)
        return _eq(total, exp["normalized"]["value"])
    if span in ("entities", "first_quantity"):
        with_unit = [h for h in hits if h.unit]
        want = exp["entities"]
        if span == "first_quantity":
            with_unit, want = with_unit[:1], want[:1]
        if len(with_unit) != len(want):
            return False
        for h, e in zip(with_unit, want, strict=True):
            if h.unit != UNIT_MAP.get(e["unit"], e["unit"]):
                return False
            if "from" in e:
                if not (_eq(h.low, e["from"]) and _eq(h.high, e["to"])):
                    return False
            elif not _eq(h.value, e["value"]):
                return False
        return True
    raise AssertionError(f"unknown span mode {span!r}")


@dataclass
class PeerReport:
    ok: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    neg_ok: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    neg_total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: list[str] = field(default_factory=list)
    skipped: int = 0
    by_dim: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def accuracy(self, source: str) -> float:
        return self.ok[source] / self.total[source] if self.total[source] else 1.0

    def negative_accuracy(self, source: str | None = None) -> float:
        if source is None:
            total = sum(self.neg_total.values())
            return sum(self.neg_ok.values()) / total if total else 1.0
        n = self.neg_total[source]
        return self.neg_ok[source] / n if n else 1.0


def peer_report() -> PeerReport:
    """Run every in-scope numeric peer row; reusable by the CLI's evaluate."""
    skip = out_of_scope_ids()
    report = PeerReport()
    for row in numeric_rows():
        if row["id"] in skip:
            report.skipped += 1
            continue
        src = row["source"]
        passed = check_row(row)
        if row["negative"]:
            report.neg_total[src] += 1
            report.neg_ok[src] += passed
        else:
            report.total[src] += 1
            report.ok[src] += passed
            cell = report.by_dim.setdefault((src, row["dim"]), [0, 0])
            cell[0] += passed
            cell[1] += 1
        if not passed:
            got = [
                (h.text, h.value, h.low, h.high, h.unit, h.kind) for h in find_figures(row["text"])
            ]
            report.failures.append(f"{row['id']} {row['text']!r} want={row['expected']} got={got}")
    return report


def print_peer_report(report: PeerReport) -> None:
    print(f"\npeers (numeric dims), {report.skipped} rows out of scope")
    for src in SOURCES:
        print(
            f"  {src:14s} value/unit {report.accuracy(src):.3f}"
            f" ({report.ok[src]}/{report.total[src]})"
            f"  negatives {report.negative_accuracy(src):.3f}"
            f" ({report.neg_ok[src]}/{report.neg_total[src]})"
        )
    print(f"  negatives overall {report.negative_accuracy():.3f}")
    for (src, dim), (ok, total) in sorted(report.by_dim.items()):
        print(f"    {src:14s} {dim:12s} {ok}/{total}")
    for line in report.failures:
        print("   FAIL", line)


@pytest.fixture(scope="module")
def report() -> PeerReport:
    r = peer_report()
    print_peer_report(r)
    return r


@pytest.mark.parametrize("source", SOURCES)
def test_peers_numbers_value_and_unit_per_source(report: PeerReport, source: str) -> None:
    assert report.accuracy(source) >= 0.97


def test_peers_numbers_negatives_find_nothing(report: PeerReport) -> None:
    assert report.negative_accuracy() >= 0.95


def test_peers_out_of_scope_ids_exist() -> None:
    ids = {row["id"] for row in numeric_rows()}
    assert out_of_scope_ids() <= ids
