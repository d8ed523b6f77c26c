"""The review page of the seed article, opened in headless Chromium (no network)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from spacy.language import Language

from ami_facts.load import build_article
from ami_facts.pipeline import ArticleResult, process
from ami_facts.review import write_review
from fixture_paths import GOLD_DIR
from review_helpers import make_result

SEED_TEXT = GOLD_DIR / "articles" / "citroen-ami-emancipation.txt"
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (make browser installs it)"
)


class Highlights(HTMLParser):
    """Collects the highlight segments (data-ids, title, text) and the body attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.segments: list[dict[str, str]] = []
        self.body: dict[str, str] = {}
        self.panel = ""
        self._open: list[dict[str, str] | None] = []
        self._in_panel = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "body":
            self.body = values
        if tag == "span":
            segment = {**values, "text": ""} if "data-ids" in values else None
            self._open.append(segment)
            if segment is not None:
                self.segments.append(segment)
        if values.get("id") == "panel-body" or self._in_panel:
            self._in_panel += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open:
            self._open.pop()
        if self._in_panel:
            self._in_panel -= 1

    def handle_data(self, data: str) -> None:
        for segment in self._open:
            if segment is not None:
                segment["text"] += data
        if self._in_panel:
            self.panel += data


def chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="module")
def seed_result(nlp: Language) -> ArticleResult:
    raw = build_article(
        SEED_TEXT.read_text(encoding="utf-8"),
        {"id": "citroen-ami-emancipation"},
        source=str(SEED_TEXT),
        fallback_published=date(2021, 4, 15),
        max_chars=10_000_000,
    )
    result = next(iter(process([raw], nlp)))
    assert isinstance(result, ArticleResult), result
    return result


@pytest.fixture(scope="module")
def seed_page(seed_result: ArticleResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review")
    summary = write_review([seed_result], out)
    return summary.pages[seed_result.article.article_id]


def sales_figure_id(result: ArticleResult) -> str:
    return next(f.figure_id for f in result.figures if f.text.startswith("2.609"))


@pytest.fixture(scope="module")
def dom(
    seed_page: Path, seed_result: ArticleResult, tmp_path_factory: pytest.TempPathFactory
) -> Highlights:
    profile = tmp_path_factory.mktemp("profile")
    url = f"{seed_page.as_uri()}#show={sales_figure_id(seed_result)}"
    done = chromium(["--dump-dom", url], profile)
    assert done.returncode == 0, done.stderr[-2000:]
    parser = Highlights()
    parser.feed(done.stdout)
    return parser


def test_browser_runs_the_page_script(dom: Highlights) -> None:
    assert dom.body.get("data-ready") == "1"
    assert int(dom.body["data-highlighted-segments"]) == len(dom.segments) > 0


def test_browser_highlights_every_figure_of_the_seed(
    dom: Highlights, seed_result: ArticleResult
) -> None:
    assert seed_result.figures, "the extractor found no figure in the seed"
    for figure in seed_result.figures:
        covering = [s for s in dom.segments if figure.figure_id in s["data-ids"].split()]
        assert covering, figure.text
        assert all("figure" in s["class"].split() for s in covering)
        assert "".join(s["text"] for s in covering) == figure.text


@pytest.mark.parametrize("expected", ["sales", "2020", "2609", "Citroën Ami"])
def test_browser_tooltip_of_the_sales_figure_shows_its_fields(
    dom: Highlights, seed_result: ArticleResult, expected: str
) -> None:
    figure_id = sales_figure_id(seed_result)
    titles = [s["title"] for s in dom.segments if figure_id in s["data-ids"].split()]
    assert titles and all(expected in title for title in titles)


@pytest.mark.parametrize("expected", ["metric: sales", "period: 2020-01-01..2020-12-31"])
def test_browser_panel_shows_the_fields_of_the_chosen_figure(
    dom: Highlights, expected: str
) -> None:
    assert expected in dom.panel


def test_browser_screenshot_of_the_seed_page(
    seed_page: Path, seed_result: ArticleResult, tmp_path: Path
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "review-seed.png"
    shot.unlink(missing_ok=True)
    url = f"{seed_page.as_uri()}#show={sales_figure_id(seed_result)}"
    done = chromium([f"--screenshot={shot}", "--window-size=1280,2000", url], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000


def test_browser_shows_a_script_in_the_article_as_text(tmp_path: Path) -> None:
    text = "<script>document.title='pwned'</script> Elle vend 5 voitures."
    result = make_result(text, figures=[("5 voitures", {"value": 5.0})], title="hostile")
    page = write_review([result], tmp_path / "out").pages["a1"]
    done = chromium(["--dump-dom", page.as_uri()], tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<title>hostile</title>" in done.stdout
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in done.stdout
    parser = Highlights()
    parser.feed(done.stdout)
    assert [s["text"] for s in parser.segments] == ["5 voitures"]
