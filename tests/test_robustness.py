"""No input makes loading or boilerplate finding crash, hang or blow memory."""

from __future__ import annotations

import json
import re
import resource
import signal
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ami_facts.french.boilerplate as french_boilerplate
from ami_facts.boilerplate import find_boilerplate
from ami_facts.decode import decode_bytes
from ami_facts.load import (
    InputError,
    RawArticle,
    build_article,
    iter_articles,
)
from ami_facts.nlp import Pipeline
from ami_facts.records import ErrorRow
from fixture_paths import GOLD_DIR

GOLD_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((GOLD_DIR / "articles").glob("*.txt"))]
# Pieces that look like what the rules look for, to steer mutations to them.
TRICKY = [
    "\n",
    "\n\n",
    "À lire aussi",
    "Par Jean Dupont Publié le 21/07/2021 à 10h00",
    "Le 2 novembre 2023 à 10h48",
    "Photo : AFP",
    "AFP/Jean Dupont",
    "Partager Facebook Twitter",
    "Newsletter",
    "(https://exemple.fr/a",
    "Recent Posts\n",
    "2.609",
    "1 000 000",
    " " * 50,
    "." * 50,
    "9" * 50,
    "\u00a0",
    "\u202f",
    "\r\n",
    "\x00",
    "\ufeff",
]
HANG_LIMIT_SECONDS = 60


@contextmanager
def no_hang(seconds: int = HANG_LIMIT_SECONDS) -> Iterator[None]:
    """Fail (rather than hang) when the block runs longer than ``seconds``."""

    def _timeout(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s: catastrophic backtracking?")

    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _check_offsets(text: str, raw: RawArticle) -> None:
    assert raw.text == text
    assert 0 <= raw.body_start <= raw.body_end <= len(text)
    for start, end in raw.outside_body:
        assert 0 <= start <= end <= len(text)


def _load_text(text: str) -> RawArticle | None:
    try:
        raw = build_article(
            text, {}, source="fuzz", fallback_published=date(2021, 4, 15), max_chars=10**7
        )
    except InputError as exc:
        assert str(exc)
        return None
    _check_offsets(text, raw)
    return raw


@st.composite
def mutated_articles(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(GOLD_TEXTS))
    for _ in range(draw(st.integers(0, 6))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "tricky"]))
        if action == "insert":
            text = text[:position] + draw(st.text(max_size=40)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(0, 200)) :]
        else:
            text = text[:position] + draw(st.sampled_from(TRICKY)) + text[position:]
    return text


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.text())
def test_robustness_any_unicode_text_loads_or_gives_input_error(text: str) -> None:
    _load_text(text)


@FUZZ
@given(mutated_articles())
def test_robustness_mutated_real_articles_load_with_valid_ranges(text: str) -> None:
    _load_text(text)


@FUZZ
@given(st.binary(max_size=2000))
def test_robustness_any_bytes_decode_or_give_input_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and encoding


@FUZZ
@given(st.lists(st.one_of(st.text(max_size=200), st.sampled_from(TRICKY)), max_size=5))
def test_robustness_any_jsonl_line_gives_an_article_or_one_error(
    tmp_path_factory: pytest.TempPathFactory, pieces: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("jsonl")
    raw_line = "".join(pieces)[:100].replace("\n", " ").replace("\r", " ")
    lines = [json.dumps({"text": piece}) for piece in pieces] + [raw_line]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="replace")
    items = list(iter_articles(folder))
    assert all(isinstance(item, RawArticle | ErrorRow) for item in items)
    assert len(items) <= len(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(mutated_articles(), st.text(min_size=1)))
def test_robustness_pipeline_on_mutated_articles_keeps_offsets(
    fast_nlp: Pipeline, text: str
) -> None:
    from ami_facts.pipeline import ArticleResult, process

    raw = _load_text(text)
    if raw is None:
        return
    [result] = list(process([raw], fast_nlp))
    if isinstance(result, ArticleResult):
        for row in [*result.figures, *result.dates, *result.entities]:
            assert text[row.start : row.end] == row.text


LONG_RUNS = [
    "1" * 200_000,
    "." * 200_000,
    " " * 200_000,
    "1. " * 70_000,
    "1 000." * 35_000,
    "le 1" * 50_000,
    "Par A " * 35_000,
    "(http://a" + "a" * 200_000,
    "Publié le " + "1/" * 100_000,
    "Accueil" + " /" * 100_000,
    "AFP/" + "A" * 200_000,
]


@pytest.mark.parametrize("text", LONG_RUNS, ids=lambda t: repr(t[:12]))
def test_robustness_boilerplate_rules_do_not_backtrack_on_long_runs(text: str) -> None:
    patterns = [
        value for value in vars(french_boilerplate).values() if isinstance(value, re.Pattern)
    ]
    with no_hang():
        find_boilerplate(text)
        find_boilerplate(text.replace(" ", "\n"))
        for pattern in patterns:
            pattern.search(text)
            pattern.match(text)
            pattern.fullmatch(text)


def test_robustness_huge_text_file_over_max_chars_is_rejected_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        chunk = ("Le conseil a voté le budget de la ville. " * 1000).encode()
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    tracemalloc.start()
    with no_hang():
        [error] = list(iter_articles(big, max_chars=1_000_000))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(error, ErrorRow)
    assert "--max-chars" in error.error
    assert peak < 5 * 1024 * 1024  # the 50 MB were never read


def _max_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def test_robustness_200k_line_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    text = min(GOLD_TEXTS, key=len)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(200_000):
            line = json.dumps({"id": f"a{i}", "text": text}) if i % 1000 else "{broken"
            handle.write(line + "\n")
    size = path.stat().st_size
    rss_before = _max_rss_bytes()
    articles = errors = 0
    with no_hang(600):
        for item in iter_articles(path):
            if isinstance(item, ErrorRow):
                errors += 1
            else:
                articles += 1
    assert (articles, errors) == (199_800, 200)
    # Holding the file, its lines or its articles would take more than its size.
    assert _max_rss_bytes() - rss_before < size


def test_robustness_one_huge_jsonl_line_is_one_error_and_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    good = json.dumps({"id": "ok", "text": GOLD_TEXTS[-1]})
    huge = json.dumps({"id": "huge", "text": "mot " * 300_000})
    path.write_text(f"{good}\n{huge}\n{good.replace('ok', 'ok2')}\n", encoding="utf-8")
    items = list(iter_articles(path, max_chars=10_000))
    assert [type(i).__name__ for i in items] == ["RawArticle", "ErrorRow", "RawArticle"]
    assert isinstance(items[1], ErrorRow) and items[1].line == 2
