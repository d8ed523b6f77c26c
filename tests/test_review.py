"""The static review report: highlights, overlaps, boilerplate, escaping, index, scale."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ami_facts.records import ErrorRow
from ami_facts.review import Mark, page_name, render_article, render_text, write_review
from review_helpers import SEEDLIKE_TEXT, make_result, seedlike

TAG = re.compile(r"<[^>]+>")


def visible_text(fragment: str) -> str:
    return html.unescape(TAG.sub("", fragment))


def segments_with(page: str, css_class: str) -> list[str]:
    return [
        visible_text(m.group(2))
        for m in re.finditer(r'<span class="([^"]*)"[^>]*>(.*?)</span>', page, re.DOTALL)
        if css_class in m.group(1).split()
    ]


def test_review_page_highlights_every_item_with_its_id() -> None:
    result = seedlike()
    page = render_article(result)
    for record_id in [
        *(f.figure_id for f in result.figures),
        *(d.date_id for d in result.dates),
        *(e.entity_id for e in result.entities),
    ]:
        assert re.search(rf'data-ids="[^"]*\b{re.escape(record_id)}\b', page), record_id


def test_review_tooltip_shows_normalised_fields() -> None:
    page = render_article(seedlike())
    titles = [html.unescape(t) for t in re.findall(r'title="([^"]*)"', page)]
    sales = next(t for t in titles if "2.609 exemplaires" in t)
    for expected in (
        "value: 2609",
        "metric: sales",
        "subject: Citroën Ami",
        "period: 2020-01-01..2020-12-31 (En 2020)",
    ):
        assert expected in sales


def test_review_figure_that_is_also_a_duration_gets_both_classes() -> None:
    page = render_article(seedlike())
    assert segments_with(page, "figure") and "3 mois" in segments_with(page, "date")
    both = re.search(r'<span class="date figure"[^>]*title="([^"]*)"[^>]*>3 mois</span>', page)
    assert both, "the overlap should be one segment with both classes"
    assert "DURATION" in both.group(1) and "month" in both.group(1)


def test_review_nested_entity_splits_into_segments() -> None:
    page = render_article(seedlike())
    # "Citroën" is an ORG inside the PRODUCT "Citroën Ami": two segments, both entity.
    entity_segments = segments_with(page, "entity")
    assert "Citroën" in entity_segments
    assert " Ami" in entity_segments


@pytest.mark.parametrize(
    ("excluded", "greyed"),
    [
        (None, "Recent Posts\nAutre article à 5 euros"),
        ("9-20", "la Citroën"),
    ],
)
def test_review_boilerplate_is_greyed(excluded: str | None, greyed: str) -> None:
    result = seedlike()
    article = result.article.model_copy(update={"excluded": excluded})
    page = render_article(type(result)(article=article, figures=result.figures))
    assert greyed in "".join(segments_with(page, "boiler"))


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert('x')</script>",
        '"><img src=x onerror=alert(1)>',
        "</script><script>alert(1)</script>",
        "Tom & Jerry <b>gras</b>",
    ],
)
def test_review_escapes_article_text_and_fields(hostile: str, tmp_path: Path) -> None:
    text = f"{hostile} vend 5 voitures."
    result = make_result(
        text,
        title=hostile,
        figures=[("5 voitures", {"value": 5.0, "counted": hostile})],
        entities=[(hostile, {"label": "MISC", "name": hostile})],
    )
    summary = write_review([result], tmp_path)
    for page in (summary.index, *summary.pages.values()):
        content = page.read_text(encoding="utf-8")
        assert "<script>alert" not in content
        assert "<img" not in content
        assert "<b>" not in content
        assert content.count("<script") == (2 if page != summary.index else 0)
    page_text = next(iter(summary.pages.values())).read_text(encoding="utf-8")
    text_div = page_text.split('id="text">', 1)[1].split("</div>", 1)[0]
    assert visible_text(text_div) == text


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="ab <>&\"'\n", min_size=0, max_size=40),
    spans=st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=8),
)
def test_render_text_keeps_the_text_whatever_the_spans(
    text: str, spans: list[tuple[int, int]]
) -> None:
    marks = [
        Mark(mark_id=f"x{i}", kind=("figure", "date", "entity", "boiler")[i % 4], start=s, end=e)
        for i, (s, e) in enumerate(spans)
    ]
    assert visible_text(render_text(text, marks)) == text


def test_render_text_scales_linearly_on_a_large_article() -> None:
    unit = "Elle a vendu 2.609 exemplaires en 2020. "
    text = unit * 25_000  # ~1 MB
    marks = []
    for i in range(25_000):
        base = i * len(unit)
        marks.append(Mark(mark_id=f"f{i}", kind="figure", start=base + 13, end=base + 30))
        marks.append(Mark(mark_id=f"d{i}", kind="date", start=base + 31, end=base + 38))
    rendered = render_text(text, marks)
    # One segment per boundary: spans never multiply the output.
    assert rendered.count("<span ") == len(marks)
    assert len(rendered) < 8 * len(text)


def test_review_index_lists_articles_and_errors(tmp_path: Path) -> None:
    error = ErrorRow(source="bad.jsonl", line=3, error="line 3 is not JSON <oops>")
    summary = write_review([seedlike(), error], tmp_path)
    index = summary.index.read_text(encoding="utf-8")
    assert 'href="articles/a1.html"' in index
    assert re.search(r'<td class="num">2</td><td class="num">2</td><td class="num">3</td>', index)
    assert "line 3 is not JSON &lt;oops&gt;" in index
    assert summary.errors == 1
    assert (tmp_path / "articles" / "a1.html").exists()


@pytest.mark.parametrize(
    ("ids", "expected_distinct"),
    [
        (["a", "A"], 2),
        (["../../etc/passwd", "x/y"], 2),
        (["same", "same"], 2),
        (["é" * 200], 1),
    ],
)
def test_review_page_names_are_safe_and_unique(ids: list[str], expected_distinct: int) -> None:
    used: set[str] = set()
    names = [page_name(i, used) for i in ids]
    assert len({n.lower() for n in names}) == expected_distinct
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+\.html", n) and len(n) < 120 for n in names)


def test_review_gold_layer_flags_missed_and_spurious() -> None:
    result = seedlike()
    start = SEEDLIKE_TEXT.index("5 euros")
    gold = {"figures": [{"start": start, "end": start + 7, "text": "5 euros", "value": 5}]}
    page = render_article(
        result,
        gold=gold,
        missed={("figures", start, start + 7)},
        spurious={result.figures[1].figure_id},
    )
    assert "5 euros" in segments_with(page, "missed")
    assert "3 mois" in segments_with(page, "spurious")
    assert "gold figures (1)" in page


@pytest.mark.parametrize("command", [["review", "--help"], ["schema", "--help"]])
def test_cli_analyst_commands_explain_themselves(command: list[str]) -> None:
    from typer.testing import CliRunner

    from ami_facts.cli import app

    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_cli_review_writes_index_and_pages(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ami_facts.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Elle coûte 7 000 euros en 2021.", encoding="utf-8")
    (tmp_path / "in" / "b.json").write_text("{broken", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        ["review", str(tmp_path / "in"), "--out", str(out), "--fast", "--published", "2021-04-15"],
    )
    assert (out / "index.html").exists(), result.output
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "b.json" in index
