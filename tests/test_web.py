"""URLs, feeds and sitemaps served from 127.0.0.1: every article read, errors as rows,
polite requests, incremental runs that fetch nothing again. No test needs the internet."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from ami_facts.cli import app
from ami_facts.load import RawArticle, iter_articles
from ami_facts.records import ErrorRow
from ami_facts.web import Fetcher, FetchError, entry_dates, read_feed, read_url_list
from web_server import DEVOIR, HTML_DIR, PARISIEN, Site, serve

runner = CliRunner()
ARTICLES = ["/articles/devoir.html", "/articles/parisien.html"]


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve() as served:
        yield served


@pytest.fixture
def fresh(site: Site) -> Site:
    site.hits.clear()
    return site


def _extract(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["extract", "--fast", *args])
    return result.exit_code, result.output


def _articles(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "articles.parquet")


def _errors(out: Path) -> dict[str, str]:
    errors = pd.read_parquet(out / "errors.parquet")
    return dict(zip(errors.source, errors.error, strict=True))


def test_web_feed_every_article_is_read_and_a_second_run_fetches_nothing_new(
    fresh: Site, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    feed = fresh.url("/feed.xml")
    result = runner.invoke(app, ["extract", "--feed", feed, "--out", str(out)])
    assert result.exit_code == 0, result.output
    articles = _articles(out)
    assert sorted(articles.source) == sorted(fresh.url(path) for path in ARTICLES)
    assert (articles.status == "ok").all() and (articles.n_figures > 0).all()
    assert sorted(fresh.paths()) == sorted(["/feed.xml", *ARTICLES])
    # Polite: a user agent naming the tool, one request at a time with a pause.
    assert all(hit.user_agent.startswith("ami-facts/") for hit in fresh.hits)
    assert all(b.at - a.at >= 0.9 for a, b in pairwise(fresh.hits))
    first = {path.name: path.read_bytes() for path in out.glob("*.parquet")}

    fresh.hits.clear()
    again = runner.invoke(app, ["extract", "--feed", feed, "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert fresh.paths() == ["/feed.xml"]
    assert "0 articles processed (2 already in the tables, kept)" in again.output
    assert "1 URL fetched" in again.output
    assert {path.name: path.read_bytes() for path in out.glob("*.parquet")} == first


def test_web_page_reads_as_the_saved_file_does(fresh: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = _extract(fresh.url("/articles/devoir.html"), "--out", str(out))
    assert code == 0, output
    [fetched] = _articles(out).itertuples()
    [saved] = list(iter_articles(HTML_DIR / DEVOIR))
    assert isinstance(saved, RawArticle)
    assert (fetched.article_id, fetched.text, fetched.title) == (
        saved.article_id,
        saved.text,
        saved.title,
    )
    assert (fetched.published, fetched.encoding) == ("2020-02-19", "utf-8")
    assert fetched.source == fresh.url("/articles/devoir.html")


def test_web_feed_entry_date_is_the_published_date(fresh: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = _extract("--feed", fresh.url("/atom.xml"), "--out", str(out), "--delay", "0")
    assert code == 0, output
    [article] = _articles(out).itertuples()
    # The entry's <published> (not <updated>, not the page's own 2023-11-02).
    assert (article.published, article.published_source) == ("2023-11-03", "metadata")
    assert article.source == fresh.url("/articles/parisien.html")


def test_web_sitemap_index_and_its_sitemaps_give_every_page(fresh: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = _extract("--feed", fresh.url("/sitemap.xml"), "--out", str(out), "--delay", "0")
    assert code == 0, output
    assert sorted(_articles(out).source) == sorted(fresh.url(path) for path in ARTICLES)
    assert fresh.paths()[:2] == ["/sitemap.xml", "/sitemap-articles.xml"]


def test_web_page_announcing_a_feed_gives_its_articles(fresh: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = _extract("--feed", fresh.url("/home.html"), "--out", str(out), "--delay", "0")
    assert code == 0, output
    assert len(_articles(out)) == 2


def test_web_broken_links_are_error_rows_and_the_rest_is_read(fresh: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    port = fresh.base.rsplit(":", 1)[1]
    code, output = _extract(
        "--feed", fresh.url("/broken-feed.xml"), "--out", str(out), "--delay", "0"
    )
    assert code == 0, output
    assert list(_articles(out).source) == [fresh.url("/articles/devoir.html")]
    errors = _errors(out)
    assert "HTTP 404" in errors[fresh.url("/missing.html")]
    assert "no article text" in errors[fresh.url("/articles/menu.html")]
    # A private host the user did not name stays blocked (trafilatura's SSRF protection).
    other = f"http://localhost:{port}/articles/parisien.html"
    assert "could not be downloaded" in errors[other]
    assert "/articles/parisien.html" not in fresh.paths()
    assert all(error.startswith(source + ": ") for source, error in errors.items())


def test_web_url_arguments_and_url_file(fresh: Site, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(
        f"# articles du jour\n{fresh.url('/articles/parisien.html')}\n\nwww.sans-schema.fr/a\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, output = _extract(
        fresh.url("/articles/devoir.html"), "--urls", str(urls), "--out", str(out), "--delay", "0"
    )
    assert code == 0, output
    assert list(_articles(out).source) == [fresh.url(path) for path in ARTICLES]
    assert "not an http(s) URL" in _errors(out)["www.sans-schema.fr/a"]


def test_web_unreachable_url_and_feed_are_errors_exit_1_when_nothing_read(
    fresh: Site, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, output = _extract(
        "http://127.0.0.1:1/article.html",
        "--feed",
        fresh.url("/not-a-feed.txt"),
        "--out",
        str(out),
        "--delay",
        "0",
    )
    assert code == 1, output
    errors = _errors(out)
    assert "could not be downloaded" in errors["http://127.0.0.1:1/article.html"]
    assert "links to no article" in errors[fresh.url("/not-a-feed.txt")]


def test_web_downloads_carry_the_timeout_and_user_agent_and_refuse_unnamed_private_hosts() -> None:
    # A timed-out request is retried by trafilatura (two more tries, with back-off), so
    # a real timeout costs seconds: the settings handed to its downloader are checked.
    fetcher = Fetcher(timeout=7, delay=0.5)
    for private_ok in (False, True):
        config = fetcher._config(private_ok)
        assert config.getint("DEFAULT", "DOWNLOAD_TIMEOUT") == 7
        assert config.get("DEFAULT", "USER_AGENTS").startswith("ami-facts/")
        assert config.getboolean("DEFAULT", "SSRF_PROTECTION") is not private_ok


def test_web_fetcher_waits_between_requests_to_the_same_host(fresh: Site) -> None:
    fetcher = Fetcher(delay=0.3)
    fetcher.allow(fresh.base)
    for _ in range(3):
        fetcher.fetch(fresh.url("/feed.xml"))
    assert all(b.at - a.at >= 0.25 for a, b in pairwise(fresh.hits))
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.fetch(fresh.url("/nothing"))


def test_web_read_feed_keeps_feed_order_without_home_page(fresh: Site) -> None:
    fetcher = Fetcher(delay=0)
    fetcher.allow(fresh.base)
    feed = read_feed(fresh.url("/feed.xml"), fetcher)
    assert feed.links == [fresh.url(path) for path in ARTICLES]
    assert feed.published[fresh.url(ARTICLES[0])] == "Wed, 19 Feb 2020 08:00:00 -0500"


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            '{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", '
            '"url": "https://a.fr/x", "date_published": "2021-04-15T10:00:00+02:00"}]}',
            {"https://a.fr/x": "2021-04-15T10:00:00+02:00"},
        ),
        (
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            "<item><link>https://a.fr/x</link><dc:date>2021-04-15</dc:date></item></rdf:RDF>",
            {"https://a.fr/x": "2021-04-15"},
        ),
        (
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
            "<loc>https://a.fr/x</loc><news:news><news:publication_date>2021-04-15"
            "</news:publication_date></news:news><lastmod>2022-01-01</lastmod></url></urlset>",
            {"https://a.fr/x": "2021-04-15"},
        ),
        ("<rss><channel><item><link>https://a.fr/x</link></item></channel></rss>", {}),
        ("pas du XML <<<", {}),
    ],
)
def test_web_entry_dates_of_feed_forms(document: str, expected: dict[str, str]) -> None:
    assert entry_dates(document, "https://a.fr") == expected


def test_web_url_list_skips_blank_lines_and_comments() -> None:
    assert read_url_list("# a\n\n https://a.fr/x \n#b\nhttps://a.fr/y") == [
        "https://a.fr/x",
        "https://a.fr/y",
    ]


def test_web_page_without_article_text_is_an_error_row_from_the_api(fresh: Site) -> None:
    from ami_facts.web import WebSource, iter_web_articles

    fetcher = Fetcher(delay=0)
    items = list(
        iter_web_articles(
            WebSource(urls=[fresh.url("/articles/menu.html"), fresh.url("/articles/menu.html")]),
            fetcher,
        )
    )
    assert len(items) == 1 and isinstance(items[0], ErrorRow)
    assert fetcher.fetched == [fresh.url("/articles/menu.html")]


def test_web_parisien_fixture_is_served_unchanged(site: Site) -> None:
    assert site.pages["/articles/parisien.html"][1] == (HTML_DIR / PARISIEN).read_bytes()
