"""Loading articles: formats, metadata, ids and per-input errors."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from ami_facts.decode import check_french, decode_bytes, french_share
from ami_facts.french.stopwords import (
    FRENCH_STOPWORDS,
    MIN_FRENCH_STOPWORD_SHARE,
    MIN_WORDS_FOR_LANGUAGE_CHECK,
)
from ami_facts.load import (
    InputError,
    RawArticle,
    build_article,
    iter_articles,
    parse_published,
    stable_id,
)
from ami_facts.records import ErrorRow
from fixture_paths import GOLD_DIR

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
        (
            "nodate.json",
            json.dumps({"text": ARTICLE, "published": "hier"}).encode(),
            "cannot be read",
        ),
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


FRENCH = (
    "L’été dernier, la société a vendu 2 000 vélos à 1 200 € pièce, selon son "
    "président. « Nous avons doublé nos ventes », a-t-il déclaré à la presse.\n"
)


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf_16_le"),
        ("utf-32", "utf-32"),
        ("cp1252", "cp1252"),
    ],
)
def test_load_encoding_is_detected_and_recorded(codec: str, expected: str) -> None:
    text, encoding = decode_bytes(FRENCH.encode(codec))
    assert text == FRENCH
    assert encoding == expected


def test_load_latin1_text_without_cp1252_only_characters_decodes() -> None:
    text = "Le château a été vendu à un négociant de la région.\n"
    decoded, encoding = decode_bytes(text.encode("latin-1"))
    assert decoded == text
    assert encoding in {"cp1252", "iso8859_15", "latin_1"}


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 8, b"\x1b[31m\x07\x08" * 200],
)
def test_load_binary_data_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "text",
    [
        "The company sold two thousand bikes last summer at twelve hundred euros each, "
        "according to its chairman, who said that sales had doubled over the year and "
        "that the firm would hire more staff in its factories.",
        "Die Firma hat im letzten Sommer zweitausend Fahrräder verkauft, sagte ihr "
        "Vorsitzender, der erklärte, dass sich der Umsatz im Laufe des Jahres verdoppelt "
        "habe und die Firma mehr Personal einstellen werde.",
        "La empresa vendió dos mil bicicletas el verano pasado a mil doscientos euros cada "
        "una, según su presidente, que dijo que las ventas se habían duplicado durante el "
        "año y que la empresa contrataría más personal.",
    ],
)
def test_load_text_that_is_not_french_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="does not look French"):
        build_article(text, {}, source="x", fallback_published=None, max_chars=10_000)


def test_load_short_text_is_not_checked_for_language() -> None:
    raw = build_article(
        "Tesla: 12 000 cars.", {}, source="x", fallback_published=None, max_chars=99
    )
    assert raw.text == "Tesla: 12 000 cars."


def test_load_file_far_over_max_chars_is_rejected_from_its_size(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"\xff" * 5000)  # not even decodable: never read
    [error] = _load(tmp_path, max_chars=1000)
    assert isinstance(error, ErrorRow)
    assert "bytes, too large" in error.error


def _looks_french(text: str) -> bool:
    """The language check as its docstring states it, on every word of the sample."""
    n_words, share = french_share(text)
    return n_words < MIN_WORDS_FOR_LANGUAGE_CHECK or share >= MIN_FRENCH_STOPWORD_SHARE


def _mixed_texts() -> list[str]:
    """Texts around the threshold: function words among other words, as in any order."""
    rng = random.Random(11)
    french, other = sorted(FRENCH_STOPWORDS), ["firma", "verkauft", "Umsatz", "2021", "x_y"]
    texts = []
    for _ in range(3000):
        share = rng.uniform(0.0, 0.3)
        words = [
            rng.choice(french) if rng.random() < share else rng.choice(other)
            for _ in range(rng.randint(0, 400))
        ]
        texts.append(rng.choice([" ", "  ", ", ", "\n"]).join(words))
    return texts


def test_language_check_reads_the_whole_sample_where_it_must() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((GOLD_DIR / "articles").glob("*.txt"))]
    for text in texts + _mixed_texts():
        try:
            check_french(text)
            passed = True
        except InputError:
            passed = False
        assert passed == _looks_french(text)
