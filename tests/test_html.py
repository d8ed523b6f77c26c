"""Saved French news pages: main text, title, date, boilerplate left out, figures found."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from ami_facts.html import html_to_article
from ami_facts.load import InputError, RawArticle, iter_articles
from fixture_paths import FIXTURES

HTML_DIR = FIXTURES / "html"
# From tests/fixtures/html/README.md (htmldate's gold).
PAGES = [
    (
        "ledevoir.com.trottinettes.html",
        "La fin des trottinettes en libre-service à Montréal",
        "2020-02-19",
    ),
    (
        "leparisien.fr-Ciaran.html",
        "Tempête Ciaran : des records de vent ont-ils été enregistrés près de chez vous ?",
        "2023-11-02",
    ),
]


def _load(name: str) -> RawArticle:
    [article] = list(iter_articles(HTML_DIR / name))
    assert isinstance(article, RawArticle), article
    return article


@pytest.mark.parametrize(("name", "title", "published"), PAGES)
def test_html_page_gives_title_and_publication_date(name: str, title: str, published: str) -> None:
    article = _load(name)
    assert article.title == title
    assert article.published is not None
    assert article.published.isoformat() == published
    assert article.published_source == "metadata"
    assert article.encoding == "utf-8"


@pytest.mark.parametrize(("name", "title", "published"), PAGES)
def test_html_navigation_and_related_links_are_not_in_the_body(
    name: str, title: str, published: str
) -> None:
    article = _load(name)
    tree = lxml.html.fromstring((HTML_DIR / name).read_bytes())
    links = [
        " ".join(anchor.text_content().split())
        for anchor in tree.xpath("//nav//a | //aside//a | //header//a | //footer//a")
    ]
    links = [link for link in links if len(link.split()) >= 3]
    assert len(links) > 20  # the pages do carry navigation and related links
    body = article.text[article.body_start : article.body_end]
    assert [link for link in links if link in body] == []


@pytest.mark.parametrize(("name", "title", "published"), PAGES)
def test_html_text_is_paragraphs_on_their_own_lines(name: str, title: str, published: str) -> None:
    article = _load(name)
    paragraphs = [line for line in article.text.splitlines() if len(line.split()) >= 20]
    assert len(paragraphs) >= 4
    assert "<" not in article.text and "&nbsp;" not in article.text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body></body></html>",
        "<html><body><nav><a href='/'>Accueil</a> <a href='/s'>Sport</a></nav></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
        "pas du tout du HTML <<<>>> &&&",
    ],
)
def test_html_without_article_text_is_an_input_error(html: str) -> None:
    with pytest.raises(InputError, match=r"(no article text|empty)"):
        html_to_article(html)


@pytest.mark.parametrize(
    ("name", "unit", "values"),
    [
        ("leparisien.fr-Ciaran.html", "km/h", {195.0, 173.0, 193.0, 107.0}),
        ("ledevoir.com.trottinettes.html", "%", {61.0, 20.0, 80.0}),
    ],
)
def test_html_figures_are_found_in_the_extracted_text(
    name: str, unit: str, values: set[float]
) -> None:
    from ami_facts.nlp import FAST_MODEL, build_nlp
    from ami_facts.pipeline import ArticleResult, process

    [result] = list(process([_load(name)], build_nlp(FAST_MODEL)))
    assert isinstance(result, ArticleResult)
    found = {figure.value for figure in result.figures if figure.unit == unit}
    assert values <= found
    for figure in result.figures:
        assert result.article.text[figure.start : figure.end] == figure.text


def test_html_sidecar_metadata_wins_over_the_page(tmp_path: Path) -> None:
    name = PAGES[0][0]
    (tmp_path / name).write_bytes((HTML_DIR / name).read_bytes())
    (tmp_path / name.replace(".html", ".meta.json")).write_text(
        '{"title": "Titre choisi", "id": "devoir-1"}', encoding="utf-8"
    )
    [article] = list(iter_articles(tmp_path))
    assert isinstance(article, RawArticle)
    assert (article.title, article.article_id) == ("Titre choisi", "devoir-1")
    assert article.published is not None and article.published.isoformat() == PAGES[0][2]
