"""Peer test rows (dim ``time``): Duckling, rustling, dateparser, lingua_franca, edsnlp.

Each source is scored against its own reference time and conventions through
the test-side adapters of ``peer_dates_adapter``. Rows listed in
``fixtures/peers/OUT_OF_SCOPE_DATES.md`` are skipped by id (reasons there).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ami_facts.components.dates import Resolution, find_dates
from ami_facts.hits import DateHit
from peer_dates_adapter import duration_seconds_days, same_at_grain, to_peer

PEERS = Path(__file__).parent / "fixtures" / "peers"
SOURCES = ["duckling", "rustling", "dateparser", "lingua_franca", "edsnlp"]

# Each peer's own convention for what the reference time does not say.
RESOLUTION = {
    # Duckling/rustling: the next occurrence of a weekday or a day, "2013-02-12 à 5h" as one value.
    "duckling": Resolution(
        weekday="future", day_month="future", merge_day_time=True, merge_ranges=True
    ),
    "rustling": Resolution(
        weekday="future", day_month="future", merge_day_time=True, merge_ranges=True
    ),
    # dateparser: the previous weekday, the current year.
    "dateparser": Resolution(weekday="past", day_month="same_year", merge_day_time=True),
    # lingua_franca: "jeudi prochain" is the Thursday of next week.
    "lingua_franca": Resolution(
        weekday="future", day_month="future", merge_day_time=True, prochain="next_week"
    ),
    "edsnlp": Resolution(merge_day_time=True),
}
# Floors reached per source (accuracy on positives); raise them as the extractor improves.
FLOOR = {
    "duckling": 0.91,
    "rustling": 0.90,
    "dateparser": 1.0,
    "lingua_franca": 0.98,
    "edsnlp": 1.0,
}
NEG_FLOOR = 0.95


def _out_of_scope() -> set[str]:
    path = PEERS / "OUT_OF_SCOPE_DATES.md"
    if not path.exists():
        return set()
    return set(re.findall(r"^- `([^`]+)`", path.read_text(encoding="utf-8"), re.M))


def _rows(source: str) -> list[dict[str, Any]]:
    skip = _out_of_scope()
    rows = [
        json.loads(x) for x in (PEERS / "dev.jsonl").read_text(encoding="utf-8").splitlines() if x
    ]
    return [r for r in rows if r["source"] == source and r["dim"] == "time" and r["id"] not in skip]


def _ref(r: dict[str, Any]) -> datetime | None:
    t = r.get("reference_time")
    return datetime.fromisoformat(t[:19]) if t else None


def _main_hit(hits: list[DateHit]) -> DateHit | None:
    return max(hits, key=lambda h: h.end - h.start) if hits else None


def _check_value(hit: DateHit | None, ref: datetime, exp: dict[str, Any], peer: str) -> bool:
    if hit is None:
        return False
    pv = to_peer(hit, ref, peer)
    if pv is None:
        return False
    if exp.get("type") == "interval":
        if pv.kind != "interval":
            return False
        ok = True
        for key, got in (("from", pv.start), ("to", pv.end)):
            e = exp.get(key)
            if e is None:
                ok = ok and got is None
                continue
            e_val = e["value"] if isinstance(e, dict) else e
            grain = e["grain"] if isinstance(e, dict) else exp.get("grain", "day")
            ok = ok and got is not None and same_at_grain(got, e_val, grain)
        return ok
    if pv.kind != "value" or pv.value is None:
        return False
    return same_at_grain(pv.value, exp["value"], exp.get("grain", "day"))


def _eds_norm(h: DateHit) -> str:
    v = h.value
    x = h.extra
    if h.type == "DURATION":
        n = duration_seconds_days(v)
        if x.get("depuis") == "true" and n is not None:
            return f"-{n} days" if n != 1 else "-1 day"
        return f"during {n} days"
    if "offset" in x:
        off = x["offset"]
        n = duration_seconds_days(off.lstrip("-+"))
        if n == 0:
            return "~0 day"
        sign = "-" if off.startswith("-") else "+"
        return f"{sign}{n} {'day' if n == 1 else 'days'}"
    m = re.fullmatch(r"([\dX]{4})(?:-([\dX]{2}))?(?:-([\dX]{2}))?(?:T(\d\d):(\d\d))?", v)
    if not m:
        return v
    y, mo, d, hh, mi = m.groups()
    s = f"{y.replace('X', '?')}-{(mo or '??').replace('X', '?')}-{(d or '??').replace('X', '?')}"
    if hh:
        s += f" {int(hh)}h{int(mi)}m"
    return s


def _score_row(r: dict[str, Any]) -> bool:
    src = r["source"]
    ref = _ref(r)
    anchor = ref.date() if ref else None
    hits = find_dates(r["text"], anchor=anchor, resolution=RESOLUTION[src])
    if r["negative"]:
        return not hits
    exp = r["expected"]
    if src in ("duckling", "rustling"):
        assert ref is not None
        return _check_value(_main_hit(hits), ref, exp, src)
    if src == "lingua_franca":
        assert ref is not None
        h = hits[0] if hits else None
        if h is None:
            return False
        pv = to_peer(h, ref, src)
        if pv is None or pv.value is None:
            return False
        got = pv.value
        if (
            pv.grain in ("hour", "minute")
            and "offset" not in h.extra
            and got < ref
            and h.value[:10] == ref.date().isoformat()
        ):
            got += timedelta(days=1)  # lingua_franca: a time already past is tomorrow's
        n = 16 if pv.grain in ("hour", "minute", "second") else 10
        return got.isoformat()[:n] == exp["value"][:n]
    if src == "dateparser":
        if "entities" in exp:
            for e in exp["entities"]:
                cands = [
                    h
                    for h in hits
                    if e["text"] in r["text"][h.start : h.end]
                    or r["text"][h.start : h.end] in e["text"]
                ]
                if not cands:
                    return False
                if "value" in e:
                    pv = to_peer(_main_hit(cands), ref or datetime(2000, 1, 1), src)  # type: ignore[arg-type]
                    if (
                        pv is None
                        or pv.value is None
                        or pv.value.isoformat()[:10] != e["value"][:10]
                    ):
                        return False
            return True
        h = _main_hit(hits)
        if h is None:
            return False
        pv = to_peer(h, ref or datetime(2000, 1, 1), src)
        if pv is None:
            return False
        if pv.value is None:
            return False
        n = {"second": 19, "minute": 16, "hour": 16}.get(pv.grain, 10)
        return pv.value.isoformat()[:n] == exp["value"][:n]
    if src == "edsnlp":
        for e in exp["entities"]:
            cands = [h for h in hits if h.start < e["end"] and e["start"] < h.end]
            if not cands:
                return False
            if _eds_norm(_main_hit(cands)) != e["norm"]:  # type: ignore[arg-type]
                return False
        return True
    raise AssertionError(src)


@pytest.mark.parametrize("source", SOURCES)
def test_peer_time_rows(source: str) -> None:
    rows = _rows(source)
    pos = [r for r in rows if not r["negative"]]
    neg = [r for r in rows if r["negative"]]
    ok = Counter()
    fails = []
    for r in pos:
        if _score_row(r):
            ok["pos"] += 1
        else:
            fails.append(r)
    for r in neg:
        if _score_row(r):
            ok["neg"] += 1
        else:
            fails.append(r)
    acc = ok["pos"] / len(pos) if pos else 1.0
    nacc = ok["neg"] / len(neg) if neg else 1.0
    print(f"\n{source}: positives {ok['pos']}/{len(pos)} = {acc:.3f}; ", end="")
    print(f"negatives {ok['neg']}/{len(neg)} = {nacc:.3f}")
    for r in fails:
        anchor = _ref(r)
        hits = find_dates(
            r["text"], anchor=anchor.date() if anchor else None, resolution=RESOLUTION[source]
        )
        got = [(h.text, h.type, h.value) for h in hits]
        exp = json.dumps(r["expected"], ensure_ascii=False)[:160]
        print(f"   FAIL {r['id']} {r['text']!r} exp={exp} got={got}")
    assert acc >= FLOOR[source]
    assert nacc >= NEG_FLOOR
