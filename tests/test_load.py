"""Loading articles: formats, metadata, ids and per-input errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ami_facts.load import RawArticle, iter_articles, parse_published, stable_id
from ami_facts.records import ErrorRow

ARTICLE = "La marque a vendu 2 000 voitures en 2020.\n"


def _load(path: Path, **kwargs: object) -> list[RawArticle | ErrorRow]:
    return list(iter_articles(path, **kwargs))  # type: ignore[arg-type]


def test_load_txt_with_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"title": "T", "published": "2021-04-13", "id": "x1"}), encoding="utf-8"
    )
    [article] = _load(tmp_path)
    assert isinstance(article, RawArticle)
    assert (article.article_id, article.title, article.published) == ("x1", "T", date(2021, 4, 13))
    assert article.published_source == "metadata"


def test_load_published_option_is_only_a_fallback(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [article] = _load(tmp_path, published=date(2020, 1, 2))
    assert isinstance(article, RawArticle)
    assert (article.published, article.published_source) == (date(2020, 1, 2), "option")


def test_load_id_is_stable_hash_of_normalised_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [article] = _load(tmp_path)
    assert isinstance(article, RawArticle)
    assert article.article_id == stable_id("La  marque a vendu 2 000 voitures en 2020.")


def test_load_jsonl_bad_line_becomes_one_error_with_line_number(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": ARTICLE}),
        "{not json",
        json.dumps({"id": "b", "text": ARTICLE}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = _load(tmp_path)
    assert [type(i).__name__ for i in items] == ["RawArticle", "ErrorRow", "RawArticle"]
    error = items[1]
    assert isinstance(error, ErrorRow)
    assert error.line == 2
    assert "line 2" in error.error


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"   \n", "empty"),
        ("binary.txt", b"\x00\x01\x02binary", "binary"),
        ("bad.json", b"{oops", "not valid JSON"),
        ("nodate.json", json.dumps({"text": ARTICLE, "published": "hier"}).encode(), "ISO date"),
        ("notext.json", json.dumps({"title": "x"}).encode(), "no 'text'"),
    ],
)
def test_load_bad_input_becomes_error_row(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    items = _load(tmp_path)
    errors = [i for i in items if isinstance(i, ErrorRow)]
    assert len(errors) == 1
    assert message in errors[0].error
    assert sum(isinstance(i, RawArticle) for i in items) == 1


def test_load_max_chars_rejects_long_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE * 10, encoding="utf-8")
    [error] = _load(tmp_path, max_chars=50)
    assert isinstance(error, ErrorRow)
    assert "--max-chars" in error.error


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-04-13", date(2021, 4, 13)), ("2021-04-13T10:00:00Z", date(2021, 4, 13)), (None, None)],
)
def test_load_published_accepts_iso_dates_and_datetimes(
    value: str | None, expected: date | None
) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_load_decodes_common_french_encodings(tmp_path: Path, encoding: str) -> None:
    text = "L’été à Noël : 2 000 €\n" if encoding != "cp1252" else "L'été à Noël : 2 000 €\n"
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    [article] = _load(tmp_path)
    assert isinstance(article, RawArticle)
    assert article.text == text
