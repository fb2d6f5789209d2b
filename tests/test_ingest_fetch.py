"""Fetching URLs against a local http.server on 127.0.0.1: allowed only with --allow-private."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from rashomon.cli import main
from rashomon.errors import FetchError
from rashomon.ingest import IngestOptions, ingest_paths
from rashomon.ingest import fetch as fetch_module
from rashomon.ingest.fetch import FetchPolicy, fetch, is_public_address
from rashomon.store import Store

PAGE = """<!DOCTYPE html><html><head><title>Clash at the border | Local Herald</title>
<meta property="og:site_name" content="Local Herald"></head><body><nav>Home | World | Sport</nav>
<article><h1>Clash at the border</h1>
<p>Two soldiers were killed and five wounded in an exchange of fire at the border on Monday night, the
defence ministry said in a statement, accusing the other side of opening fire first.</p>
<p>The neighbouring government denied the claim and said its forces had only returned fire after
their positions came under attack from mortars and heavy machine guns.</p></article></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Herald Feed</title>
<item><title>Market fire</title><link>http://herald.example/fire</link><description>A fire destroyed
dozens of stalls at the central market overnight, fire officials said, and no one was hurt in the
blaze.</description></item></channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {  # noqa: RUF012 - fixed test routes
        "/page": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode()),
        "/feed": (200, {"Content-Type": "application/rss+xml"}, FEED.encode()),
        "/plain": (200, {"Content-Type": "text/plain"},
                   b"Title line\n\nA short plain text report of a protest in the capital that ended "
                   b"peacefully."),
        "/missing": (404, {"Content-Type": "text/plain"}, b"not found"),
        "/big": (200, {"Content-Type": "text/plain"}, b"x" * 5000),
        "/to-page": (302, {"Location": "/page"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-private": (301, {"Location": "http://10.0.0.1/admin"}, b""),
        "/binary": (200, {"Content-Type": "application/octet-stream"}, b"\x00\x01\x02" * 100),
    }

    def do_GET(self) -> None:
        status, headers, body = self.routes.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


ALLOW = FetchPolicy(timeout=5, max_bytes=100_000, max_redirects=3, allow_private=True)


def test_ingest_fetch_page_with_allow_private(server: str) -> None:
    fetched = fetch(f"{server}/to-page", ALLOW)
    assert fetched.url == f"{server}/page"
    assert fetched.content_type == "text/html" and fetched.charset == "utf-8"
    assert b"Clash at the border" in fetched.body


def test_ingest_fetch_loopback_refused_without_allow_private(server: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch(f"{server}/page", FetchPolicy(timeout=5))
    assert info.value.reason == "F002"
    assert "127.0.0.1" in str(info.value) and "--allow-private" in str(info.value)


def test_ingest_fetch_redirect_to_refused_address(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first hop (the test server) counts as public here; the redirect target 10.0.0.1 does not."""
    monkeypatch.setattr(fetch_module, "is_public_address",
                        lambda address: address == "127.0.0.1" or is_public_address(address))
    with pytest.raises(FetchError) as info:
        fetch(f"{server}/to-private", FetchPolicy(timeout=5))
    assert info.value.reason == "F002" and "10.0.0.1" in str(info.value)


@pytest.mark.parametrize(("path", "code"), [("/to-file", "F001"), ("/loop", "F005"), ("/missing", "F006"),
                                            ("/big", "F004")])
def test_ingest_fetch_failures_have_codes(server: str, path: str, code: str) -> None:
    policy = FetchPolicy(timeout=5, max_bytes=1000, max_redirects=3, allow_private=True)
    with pytest.raises(FetchError) as info:
        fetch(server + path, policy)
    assert info.value.reason == code


def test_ingest_fetch_scheme_and_connection_errors() -> None:
    with pytest.raises(FetchError) as scheme:
        fetch("ftp://example.com/x", ALLOW)
    assert scheme.value.reason == "F001"
    with pytest.raises(FetchError) as closed:
        fetch("http://127.0.0.1:9/closed", ALLOW)  # discard port: nothing listens
    assert closed.value.reason == "F003"


@pytest.mark.parametrize(("address", "public"), [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("169.254.169.254", False),
    ("::1", False), ("::ffff:127.0.0.1", False), ("100.64.0.1", False), ("224.0.0.1", False),
    ("8.8.8.8", True), ("2001:4860:4860::8888", True),
])
def test_ingest_fetch_public_address_rule(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_ingest_url_list_fetched_into_store(server: str, store: Store, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    routes = ("/page", "/feed", "/plain", "/missing", "/binary")
    urls.write_text("\n".join(f"{server}{route}" for route in routes) + "\n")
    report = ingest_paths(store, [urls], IngestOptions(fetch=True, allow_private=True, timeout=5))
    assert report.stored == 3, report.failures
    assert dict(report.failed_by_code) == {"F006": 1, "I003": 1}
    rows = {r["source_name"]: dict(r) for r in store.db.execute("SELECT * FROM articles")}
    page = rows[f"{server}/page"]
    assert page["outlet"] == "Local Herald" and "Two soldiers were killed" in page["text"]
    assert "Home | World" not in page["text"]
    assert rows["http://herald.example/fire"]["outlet"] == "Herald Feed"
    assert rows[f"{server}/plain"]["title"] == "Title line"


def test_ingest_cli_fetch_refused_then_allowed(server: str, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    refused = runner.invoke(main, ["ingest", f"{server}/page", "--fetch", "--db", db, "--json"])
    assert refused.exit_code == 1
    assert json.loads(refused.stdout)["failed_by_code"] == {"F002": 1}
    not_fetched = runner.invoke(main, ["ingest", f"{server}/page", "--db", db, "--json"])
    assert json.loads(not_fetched.stdout)["failed_by_code"] == {"F007": 1}
    allowed = runner.invoke(main, ["ingest", f"{server}/page", "--fetch", "--allow-private", "--db", db])
    assert allowed.exit_code == 0, allowed.output
    assert "1 stored" in allowed.stdout
    with Store(db) as store:
        row = store.db.execute("SELECT status FROM inputs WHERE source_name = ?",
                               (f"{server}/page",)).fetchone()
        assert row["status"] == "stored"
