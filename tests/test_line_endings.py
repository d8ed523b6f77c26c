"""Line endings and texts on one line: the same rows whatever the file's line ends.

Issue 19, item 5. Offsets index ``articles.text`` as given (``\\r\\n`` kept); every
other field of every row is the same as for the text with ``\\n`` line ends.
"""

from __future__ import annotations

from typing import Any

import pytest

from ami_facts.boilerplate import find_boilerplate
from ami_facts.load import RawArticle, build_article
from ami_facts.newlines import LineEnds
from ami_facts.nlp import Pipeline
from ami_facts.pipeline import ArticleResult, process
from fixture_paths import GOLD_DIR

SEED = (GOLD_DIR / "articles" / "citroen-ami-emancipation.txt").read_text(encoding="utf-8")
PUBLISHED = "2021-04-15"


def _article(text: str) -> RawArticle:
    from datetime import date

    return build_article(
        text, {}, source="t.txt", fallback_published=date(2021, 4, 15), max_chars=10**6
    )


def _result(text: str, nlp: Pipeline) -> ArticleResult:
    [result] = process([_article(text)], nlp)
    assert isinstance(result, ArticleResult)
    return result


OFFSETS = {"start", "end", "sentence_start", "sentence_end", "subject_start", "subject_end"}
IDS = {"article_id", "figure_id", "date_id", "entity_id"}


def _rows(result: ArticleResult) -> dict[str, list[dict[str, Any]]]:
    """Every row without its offsets, its text with whitespace collapsed."""

    def clean(row: dict[str, Any]) -> dict[str, Any]:
        kept = {k: v for k, v in row.items() if k not in OFFSETS}
        kept["text"] = " ".join(row["text"].split())
        return kept

    return {
        "figures": [clean(f.model_dump()) for f in result.figures],
        "dates": [clean(d.model_dump()) for d in result.dates],
        "entities": [clean(e.model_dump()) for e in result.entities],
    }


def _offsets_index_the_text(result: ArticleResult) -> None:
    text = result.article.text
    for row in [*result.figures, *result.dates, *result.entities]:
        assert text[row.start : row.end] == row.text


@pytest.mark.parametrize(
    ("original", "as_read"),
    [
        ("a\r\nb", "a\nb"),
        ("a\r\n\r\nb\r\n", "a\n\nb\n"),
        ("a\rb\r\rc", "a\nb\n\nc"),
        ("a\r\r\nb", "a\n\nb"),
        ("sans fin de ligne", "sans fin de ligne"),
    ],
)
def test_line_ends_are_read_as_newlines_and_offsets_map_back(original: str, as_read: str) -> None:
    line_ends = LineEnds.of(original)
    assert line_ends.text == as_read
    # Every character of the text as read maps to the same character (a \n to its \r\n).
    for offset, char in enumerate(as_read):
        back = line_ends.to_original(offset)
        assert original[back] == char or (char == "\n" and original[back] == "\r")
        assert line_ends.to_text(back) == offset
    assert line_ends.to_original(len(as_read)) == len(original)


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_give_the_same_rows_with_the_model(
    nlp: Pipeline, line_end: str
) -> None:
    unix = _result(SEED, nlp)
    other = _result(SEED.replace("\n", line_end), nlp)
    assert other.article.text == SEED.replace("\n", line_end)
    assert _rows(other) == _rows(unix)
    _offsets_index_the_text(other)
    # The boilerplate ("Recent Posts" and what follows) starts at the same place.
    assert other.article.text[other.article.body_end :].split() == (
        unix.article.text[unix.article.body_end :].split()
    )


def test_crlf_line_ends_give_the_same_rows_with_rules_only(fast_nlp: Pipeline) -> None:
    crlf = _result(SEED.replace("\n", "\r\n"), fast_nlp)
    assert _rows(crlf) == _rows(_result(SEED, fast_nlp))
    _offsets_index_the_text(crlf)


FIGURE_VALUES = ("text", "value", "low", "high", "unit", "counted", "per", "kind", "approximate")


@pytest.mark.parametrize("joiner", ["line breaks as spaces", "all whitespace collapsed"])
def test_text_on_one_line_keeps_its_boilerplate_out_and_its_figures(
    nlp: Pipeline, joiner: str
) -> None:
    one_line = SEED.replace("\n", " ") if joiner.startswith("line") else " ".join(SEED.split())
    assert "\n" not in one_line
    unix, flat = _result(SEED, nlp), _result(one_line, nlp)
    # The trailing "Recent Posts" block is found inside the line: none of its dates,
    # durations ("12 months ago") or names make rows.
    assert flat.article.text[flat.article.body_end :].lstrip().startswith("Recent Posts")

    def figures(result: ArticleResult) -> list[tuple[Any, ...]]:
        return [
            tuple(" ".join(v.split()) if isinstance(v, str) else v for v in values)
            for values in (tuple(getattr(f, k) for k in FIGURE_VALUES) for f in result.figures)
        ]

    assert figures(flat) == figures(unix)
    assert len(flat.dates) == len(unix.dates)
    _offsets_index_the_text(flat)


@pytest.mark.parametrize(
    "heading", ["Recent Posts", "Articles similaires", "Newsletter", "Sur le même sujet"]
)
def test_boilerplate_heading_run_into_a_long_line_ends_the_body(heading: str) -> None:
    body = "Le constructeur a vendu 1 200 voitures en mars, selon ses chiffres. " * 20
    text = body + "Signé Jeanne Martin " + heading + " Un autre article : 3 000 ventes en mai"
    assert "\n" not in text
    found = find_boilerplate(text)
    assert text[found.body_end :].lstrip().startswith(heading)


@pytest.mark.parametrize(
    "inside",
    [
        # lower case: prose, not a heading
        "la lettre a été lue par les articles similaires Depuis ",
        # after a lowercase word: a name in prose
        "le groupe Newsletter Media a racheté le titre. ",
        # a teaser inside the article, not the end of it
        "Fin du paragraphe. À lire aussi : Le prix de l'essence monte. ",
        # followed by a comma: prose
        "Fin du paragraphe. Sur le même sujet, le ministre a parlé. ",
    ],
)
def test_boilerplate_run_in_heading_needs_to_look_like_one(inside: str) -> None:
    body = "Le constructeur a vendu 1 200 voitures en mars, selon ses chiffres. " * 20
    text = body + inside + body
    assert find_boilerplate(text).body_end == len(text.rstrip())


def test_boilerplate_long_line_opening_with_a_credit_is_not_excluded_whole() -> None:
    text = "Photo : AFP. " + "Le constructeur a vendu 1 200 voitures en mars. " * 30
    assert find_boilerplate(text).excluded == []
