"""A small web site on 127.0.0.1 for the URL and feed tests: pages, feeds, sitemaps, a log."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from fixture_paths import FIXTURES

HTML_DIR = FIXTURES / "html"
DEVOIR = "ledevoir.com.trottinettes.html"
PARISIEN = "leparisien.fr-Ciaran.html"
MENU = (FIXTURES / "bad" / "menu-seul.html").read_bytes()


@dataclass
class Hit:
    """One request the site answered."""

    path: str
    user_agent: str
    at: float


@dataclass
class Site:
    """What the site serves (path -> content type, body, seconds to wait) and who asked."""

    base: str = ""
    pages: dict[str, tuple[str, bytes, float]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]


def _rss(site: Site) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{site.url(path)}</link>"
        f"<pubDate>{published}</pubDate></item>"
        for title, path, published in [
            ("Trottinettes", "/articles/devoir.html", "Wed, 19 Feb 2020 08:00:00 -0500"),
            ("Ciaran", "/articles/parisien.html", "Thu, 02 Nov 2023 07:05:00 +0100"),
        ]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Le site</title><link>{site.url('/')}</link>"
        f"<description>Des articles</description>{items}</channel></rss>"
    ).encode()


def _atom(site: Site) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Le site</title><link href="{site.url("/")}"/>'
        f'<link rel="self" href="{site.url("/atom.xml")}"/>'
        "<entry><title>Ciaran</title>"
        f'<link rel="alternate" href="{site.url("/articles/parisien.html")}"/>'
        "<published>2023-11-03T06:00:00+01:00</published>"
        "<updated>2023-11-05T06:00:00+01:00</updated></entry></feed>"
    ).encode()


def _broken_feed(site: Site) -> bytes:
    port = site.base.rsplit(":", 1)[1]
    links = [
        site.url("/missing.html"),
        site.url("/articles/menu.html"),
        site.url("/articles/devoir.html"),
        f"http://localhost:{port}/articles/parisien.html",  # another private host
    ]
    items = "".join(f"<item><link>{link}</link></item>" for link in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


def _sitemaps(site: Site) -> tuple[bytes, bytes]:
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/sitemap-articles.xml')}</loc></sitemap></sitemapindex>"
    ).encode()
    urls = "".join(
        f"<url><loc>{site.url(path)}</loc><lastmod>2024-01-01</lastmod></url>"
        for path in ("/articles/devoir.html", "/articles/parisien.html")
    )
    urlset = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    ).encode()
    return index, urlset


def _home(site: Site) -> bytes:
    return (
        '<html><head><title>Le site</title><link rel="alternate" '
        f'type="application/rss+xml" href="{site.url("/feed.xml")}"></head>'
        "<body><p>Bienvenue.</p></body></html>"
    ).encode()


def _fill(site: Site) -> None:
    html = "text/html; charset=utf-8"
    xml = "application/xml"
    index, urlset = _sitemaps(site)
    site.pages.update(
        {
            "/articles/devoir.html": (html, (HTML_DIR / DEVOIR).read_bytes(), 0.0),
            "/articles/parisien.html": (html, (HTML_DIR / PARISIEN).read_bytes(), 0.0),
            "/articles/menu.html": (html, MENU, 0.0),
            "/feed.xml": ("application/rss+xml", _rss(site), 0.0),
            "/atom.xml": ("application/atom+xml", _atom(site), 0.0),
            "/broken-feed.xml": ("application/rss+xml", _broken_feed(site), 0.0),
            "/sitemap.xml": (xml, index, 0.0),
            "/sitemap-articles.xml": (xml, urlset, 0.0),
            "/home.html": (html, _home(site), 0.0),
            "/not-a-feed.txt": ("text/plain", b"Rien ici.", 0.0),
        }
    )


@contextmanager
def serve() -> Iterator[Site]:
    """The site, on a free port of 127.0.0.1, for the time of the block."""
    site = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits.append(Hit(self.path, self.headers.get("User-Agent", ""), time.monotonic()))
            found = site.pages.get(self.path)
            if found is None:
                self.send_error(404)
                return
            content_type, body, wait = found
            time.sleep(wait)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may have given up (the timeout test).
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    _fill(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
