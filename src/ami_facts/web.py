"""Articles from the web: pages by URL, and every article a feed or a sitemap links to.

Everything goes through trafilatura: its downloader (``fetch_response``, with a
user agent naming this tool, a timeout and trafilatura's own retry rules) and its
readers of RSS, Atom and JSON feeds (``feeds.find_links``, ``feeds.determine_feed``
for a page that only announces its feeds) and of XML and text sitemaps
(``sitemaps.SitemapObject``). Their link filters are not used: they drop links
whose host is an IP address or has no public suffix (``127.0.0.1``,
``localhost``, an intranet name) and links that look like navigation, where the
user asked for every article a feed links to.

Politeness: one request at a time (so at most one per host), and ``delay``
seconds between the end of a request and the start of the next to the same
host. trafilatura blocks requests to private and loopback addresses; the hosts
the user names (the URLs given, the feed) are let through, since the user
asked for them; links found in a feed to other private hosts stay blocked.

A page is read like a saved ``.html`` file (the same bytes give the same text,
encoding and article id); its ``source`` is the URL as given. A URL that cannot
be fetched, and a page without article text, is an error row.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Iterator
from configparser import ConfigParser
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import version
from typing import Any
from urllib.parse import urlsplit

from ami_facts.decode import decode_bytes
from ami_facts.html import html_to_article, quiet_logs
from ami_facts.load import (
    DEFAULT_MAX_CHARS,
    MAX_MARKUP_BYTES_PER_CHAR,
    InputError,
    RawArticle,
    Selection,
    build_article,
)
from ami_facts.records import ErrorRow

USER_AGENT = (
    f"ami-facts/{version('ami-facts')} (figures, dates and entities of French news; trafilatura)"
)
DEFAULT_TIMEOUT = 20
DEFAULT_DELAY = 1.0
# Sitemaps read for one --feed (a sitemap index lists sitemaps).
MAX_SITEMAPS = 100
# Feeds a web page announces that are read for one --feed.
MAX_ANNOUNCED_FEEDS = 5
SCHEMES = ("http", "https")
# Elements of a feed entry holding its publication date (RSS, Atom, Dublin Core,
# Google News sitemaps); modification dates (updated, lastmod) are not.
_ENTRY_TAGS = {"item", "entry", "url"}
_DATE_TAGS = ("pubDate", "published", "date", "issued", "publication_date")
_LINK_TAGS = {"link", "loc"}
_JSON_DATE_KEYS = ("date_published",)


class FetchError(RuntimeError):
    """A URL that could not be fetched or read; the message is a sentence for the user."""


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) URL with a host."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:  # a malformed IPv6 host
        return False
    return parts.scheme.lower() in SCHEMES and bool(parts.netloc)


def host_of(url: str) -> str:
    """The host (and port) of ``url``, lower-cased."""
    return urlsplit(url).netloc.lower()


@dataclass
class Page:
    """A fetched document: the URL asked for, where it ended up, its body."""

    url: str
    final_url: str
    data: bytes


@dataclass
class Fetcher:
    """trafilatura's downloader with polite defaults; remembers what it fetched.

    ``allowed_hosts``: hosts that may be on a private or loopback address
    (those the user named). ``fetched``: every URL requested, in order.
    """

    timeout: int = DEFAULT_TIMEOUT
    delay: float = DEFAULT_DELAY
    user_agent: str = USER_AGENT
    allowed_hosts: set[str] = field(default_factory=set)
    fetched: list[str] = field(default_factory=list)
    _last: dict[str, float] = field(default_factory=dict)
    _configs: dict[bool, ConfigParser] = field(default_factory=dict)

    def allow(self, url: str) -> None:
        """Let ``url``'s host through even on a private or loopback address."""
        self.allowed_hosts.add(host_of(url))

    def _config(self, private_ok: bool) -> ConfigParser:
        if private_ok not in self._configs:
            from trafilatura.settings import use_config

            config = use_config()
            config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(self.timeout))
            config.set("DEFAULT", "USER_AGENTS", self.user_agent)
            config.set("DEFAULT", "SLEEP_TIME", str(self.delay))
            config.set("DEFAULT", "SSRF_PROTECTION", "off" if private_ok else "on")
            self._configs[private_ok] = config
        return self._configs[private_ok]

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = last + self.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)

    def fetch(self, url: str) -> Page:
        """The body of ``url``; raises ``FetchError`` saying why it could not be had."""
        from trafilatura.downloads import fetch_response

        host = host_of(url)
        self._wait_for(host)
        self.fetched.append(url)
        try:
            with quiet_logs(logging.CRITICAL):
                response = fetch_response(url, config=self._config(host in self.allowed_hosts))
        except Exception as exc:  # the downloader catches its own; anything else is this URL's
            raise FetchError(f"could not be downloaded ({type(exc).__name__}: {exc})") from exc
        finally:
            self._last[host] = time.monotonic()
        if response is None or response.data is None:
            raise FetchError(
                "could not be downloaded (no answer, refused or blocked connection, "
                f"timeout after {self.timeout} s, or too many redirects)"
            )
        if response.status != 200:
            raise FetchError(f"the server answered HTTP {response.status}")
        if not response.data.strip():
            raise FetchError("the server sent an empty page")
        return Page(url=url, final_url=response.url or url, data=response.data)


def _text_of(page: Page) -> str:
    from trafilatura.utils import decode_file

    return str(decode_file(page.data))


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def entry_dates(document: str, base_url: str) -> dict[str, str]:
    """Publication date (as written) of each entry of a feed or news sitemap, by link.

    Links are resolved as the feed reader resolves them, so that they match its links.
    Anything that cannot be parsed gives no dates (the links are read anyway).
    """
    from trafilatura.utils import safe_relative_url

    found: dict[str, str] = {}
    text = document.strip()
    if text.startswith("{"):
        try:
            items = json.loads(text).get("items", [])
        except (ValueError, AttributeError):
            return {}
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            item_link = item.get("url") or item.get("id")
            written = next((item[k] for k in _JSON_DATE_KEYS if isinstance(item.get(k), str)), None)
            if isinstance(item_link, str) and written:
                found.setdefault(safe_relative_url(base_url, item_link.strip()), written)
        return found
    from lxml import etree  # type: ignore[import-untyped]

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return {}
    if root is None:
        return {}
    for entry in root.iter():
        if _local(entry.tag) not in _ENTRY_TAGS:
            continue
        link: str | None = None
        dates: dict[str, str] = {}
        for child in entry.iter():
            name = _local(child.tag)
            if name in _LINK_TAGS and link is None:
                href = child.get("href")
                rel = child.get("rel")
                if href and rel in (None, "alternate"):
                    link = href
                elif not href and child.text and child.text.strip():
                    link = child.text
            elif name in _DATE_TAGS and child.text and child.text.strip():
                dates.setdefault(name, child.text.strip())
        written = next((dates[name] for name in _DATE_TAGS if name in dates), None)
        if link and written:
            found.setdefault(safe_relative_url(base_url, link.strip()), written)
    return found


def _site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _keep_articles(links: Iterable[str], feed_url: str) -> list[str]:
    """http(s) links in order, once each, without the feed itself and the site's home page."""
    from trafilatura.utils import safe_relative_url

    site = _site_of(feed_url)
    kept: dict[str, None] = {}
    for link in links:
        resolved = safe_relative_url(site, link.strip())
        if not is_url(resolved) or resolved in (feed_url, site, site + "/"):
            continue
        kept.setdefault(resolved, None)
    return list(kept)


@dataclass
class Feed:
    """The article links of a feed or sitemap, in its order, and their publication dates."""

    url: str
    links: list[str]
    published: dict[str, str]


def _feed_parameters(url: str) -> Any:
    from trafilatura.feeds import FeedParameters

    site = _site_of(url)
    return FeedParameters(site, urlsplit(url).hostname or "", url, True, None)


def _feed_links(document: str, url: str) -> list[str]:
    from trafilatura.feeds import find_links

    return _keep_articles(find_links(document.strip(), _feed_parameters(url)), url)


def _is_sitemap(document: str) -> bool:
    from trafilatura.sitemaps import SITEMAP_FORMAT

    head = document.lstrip()[:1000]
    return bool(SITEMAP_FORMAT.match(head)) and ("urlset" in head or "sitemapindex" in head)


def read_feed(url: str, fetcher: Fetcher) -> Feed:
    """Every article an RSS, Atom or JSON feed or a sitemap at ``url`` links to.

    A web page that announces feeds (``<link rel="alternate" ...>``) gives the
    articles of the first few of them. Raises ``FetchError`` when ``url``
    cannot be fetched or links to no article.
    """
    document = _text_of(fetcher.fetch(url))
    if _is_sitemap(document):
        return _read_sitemaps(url, document, fetcher)
    links = _feed_links(document, url)
    published = entry_dates(document, _site_of(url))
    if not links:
        from trafilatura.feeds import determine_feed

        for announced in determine_feed(document, _feed_parameters(url))[:MAX_ANNOUNCED_FEEDS]:
            try:
                feed_document = _text_of(fetcher.fetch(announced))
            except FetchError:
                continue
            links.extend(_feed_links(feed_document, announced))
            published.update(entry_dates(feed_document, _site_of(announced)))
        links = list(dict.fromkeys(links))
    if not links:
        raise FetchError(
            "links to no article (it is not an RSS, Atom or JSON feed, a sitemap, "
            "or a page announcing a feed)"
        )
    return Feed(url=url, links=links, published=published)


def _read_sitemaps(url: str, document: str, fetcher: Fetcher) -> Feed:
    """Pages listed by a sitemap and by the sitemaps a sitemap index lists."""
    from trafilatura.sitemaps import SitemapObject

    class _EveryLink(SitemapObject):
        """trafilatura's sitemap reader without its domain filter (see the module doc)."""

        __slots__ = ()

        def handle_link(self, link: str) -> None:
            from trafilatura.sitemaps import DETECT_SITEMAP_LINK
            from trafilatura.utils import safe_relative_url

            resolved = safe_relative_url(self.base_url, link.strip())
            if resolved == self.current_url or not is_url(resolved):
                return
            if DETECT_SITEMAP_LINK.search(resolved):
                self.sitemap_urls.append(resolved)
            else:
                self.urls.append(resolved)

    sitemap = _EveryLink(_site_of(url), host_of(url), [], None, True)
    published: dict[str, str] = {}
    queue = [(url, document)]
    while queue and len(sitemap.seen) < MAX_SITEMAPS:
        sitemap.current_url, sitemap.content = queue.pop(0)
        sitemap.seen.add(sitemap.current_url)
        sitemap.process()
        published.update(entry_dates(sitemap.content, sitemap.base_url))
        for nested in dict.fromkeys(sitemap.sitemap_urls):
            if nested not in sitemap.seen and len(sitemap.seen) + len(queue) < MAX_SITEMAPS:
                try:
                    queue.append((nested, _text_of(fetcher.fetch(nested))))
                except FetchError:
                    sitemap.seen.add(nested)
        sitemap.sitemap_urls = []
    links = _keep_articles(sitemap.urls, url)
    if not links:
        raise FetchError("is a sitemap that lists no page")
    return Feed(url=url, links=links, published=published)


def page_article(
    page: Page,
    *,
    published: str | None = None,
    fallback_published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> RawArticle:
    """The article of a fetched page, as a saved ``.html`` file would give it.

    ``published``: the date a feed gives the page (it wins over the page's own).
    The page's canonical URL, else the URL it was fetched from, is the ``url``.
    """
    if len(page.data) > MAX_MARKUP_BYTES_PER_CHAR * max_chars:
        raise InputError(
            f"the page is {len(page.data):,} bytes, too large for an article of at most "
            f"--max-chars {max_chars:,} characters"
        )
    text, encoding = decode_bytes(page.data)
    text, meta = html_to_article(text)
    meta.setdefault("url", page.final_url)
    if published:
        meta["published"] = published
    return build_article(
        text,
        meta,
        source=page.url,
        fallback_published=fallback_published,
        max_chars=max_chars,
        encoding=encoding,
    )


@dataclass
class WebSource:
    """What to read from the web: URLs of pages and of feeds, in order."""

    urls: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)


def iter_web_articles(
    source: WebSource,
    fetcher: Fetcher,
    *,
    known_sources: set[str] | frozenset[str] = frozenset(),
    selection: Selection | None = None,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[RawArticle | ErrorRow]:
    """The article (or error) of every page URL, then of every article of every feed.

    Pages whose URL is in ``known_sources`` (done by a previous run) are skipped
    without being fetched and counted in ``selection.known``; a URL met twice is
    read once.
    """
    counts = selection if selection is not None else Selection()
    seen: set[str] = set()

    def pages(urls: Iterable[str], dates: dict[str, str]) -> Iterator[RawArticle | ErrorRow]:
        for url in urls:
            if url in seen:
                continue
            seen.add(url)
            if url in known_sources:
                counts.known += 1
                continue
            yield _page_item(url, fetcher, dates.get(url), published, max_chars)

    for url in source.urls:
        if not is_url(url):
            yield ErrorRow(source=url, error=f"{url}: not an http(s) URL.")
            continue
        fetcher.allow(url)
    yield from pages((url for url in source.urls if is_url(url)), {})
    for feed_url in source.feeds:
        if not is_url(feed_url):
            yield ErrorRow(source=feed_url, error=f"{feed_url}: not an http(s) URL.")
            continue
        fetcher.allow(feed_url)
        try:
            feed = read_feed(feed_url, fetcher)
        except FetchError as exc:
            yield ErrorRow(source=feed_url, error=f"{feed_url}: {exc}.")
            continue
        except Exception as exc:  # a reader's failure on odd markup: this feed only
            reason = f"{type(exc).__name__}: {exc}"
            yield ErrorRow(source=feed_url, error=f"{feed_url}: could not be read ({reason}).")
            continue
        yield from pages(feed.links, feed.published)


def _page_item(
    url: str,
    fetcher: Fetcher,
    feed_published: str | None,
    published: date | None,
    max_chars: int,
) -> RawArticle | ErrorRow:
    try:
        page = fetcher.fetch(url)
        return page_article(
            page, published=feed_published, fallback_published=published, max_chars=max_chars
        )
    except (FetchError, InputError) as exc:
        message = str(exc).rstrip(".")
        return ErrorRow(source=url, error=f"{url}: {message}.")
    except Exception as exc:  # one odd page is one error row, never a lost batch
        reason = f"{type(exc).__name__}: {exc}"
        return ErrorRow(source=url, error=f"{url}: could not be read ({reason}).")


def read_url_list(text: str) -> list[str]:
    """URLs of a --urls file: one a line; blank lines and # comments are skipped."""
    urls = (line.strip() for line in text.splitlines())
    return [url for url in urls if url and not url.startswith("#")]
