"""Fetching a URL safely: only http(s), size and time limits, redirects checked hop by hop.

Every hop (the first URL and each redirect target) is checked before any byte is sent:

- the scheme must be ``http`` or ``https`` (``F001``);
- the host is resolved once and every address it resolves to must be globally routable, so private,
  loopback, link-local, shared, multicast and reserved addresses are refused (``F002``) unless the
  caller allows them (``--allow-private``); the connection then goes to the address that was checked,
  so a second DNS answer cannot swap in another one;
- at most ``max_redirects`` redirects are followed (``F005``).

The body is read up to ``max_bytes`` (``F004``) within ``timeout`` seconds per hop for connecting and
for each read, and the whole fetch must end within ``timeout`` times the number of hops allowed.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from rashomon import __version__
from rashomon.errors import Errors, FetchError

USER_AGENT = f"rashomon/{__version__} (news event reconciliation; on user request)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 65536


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of one fetch (built from :class:`~rashomon.ingest.batch.IngestOptions`)."""

    timeout: float = 10.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    allow_private: bool = False


@dataclass(frozen=True)
class Fetched:
    """A fetched response body with the URL it finally came from."""

    url: str
    body: bytes
    content_type: str
    charset: str | None


def fetch(url: str, policy: FetchPolicy) -> Fetched:
    """GET ``url`` under ``policy``; a :class:`FetchError` names the URL and the reason."""
    deadline = time.monotonic() + policy.timeout * (policy.max_redirects + 1)
    current = url
    for _hop in range(policy.max_redirects + 1):
        response, connection = _request(current, policy, source=url)
        try:
            location = response.getheader("Location")
            if response.status in REDIRECT_STATUSES and location:
                current = urljoin(current, location.strip())
                continue
            if not 200 <= response.status < 300:
                raise FetchError(Errors.F006, source=url, status=response.status)
            body = _read_body(response, policy, source=url, deadline=deadline)
            headers = response.headers
            return Fetched(url=current, body=body, content_type=headers.get_content_type(),
                           charset=headers.get_content_charset())
        finally:
            connection.close()
    raise FetchError(Errors.F005, source=url)


def checked_address(url: str, policy: FetchPolicy, *, source: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, address to connect to) of ``url``, after the scheme and address checks."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(Errors.F001, source=source, scheme=scheme)
    host = parts.hostname
    if not host:
        raise FetchError(Errors.F003, source=source, reason=f"no host in {url!r}")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError) as exc:
        raise FetchError(Errors.F003, source=source, reason=f"cannot resolve {host}: {exc}") from exc
    addresses = [str(info[4][0]) for info in infos]
    if not policy.allow_private:
        for address in addresses:
            if not is_public_address(address):
                raise FetchError(Errors.F002, source=source, host=host, address=address)
    return scheme, host, port, addresses[0]


def is_public_address(address: str) -> bool:
    """True for a globally routable address (an IPv4-mapped IPv6 address is judged by its IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _request(url: str, policy: FetchPolicy, *, source: str
             ) -> tuple[http.client.HTTPResponse, http.client.HTTPConnection]:
    scheme, host, port, address = checked_address(url, policy, source=source)
    connection: http.client.HTTPConnection
    if scheme == "https":
        connection = _PinnedHTTPSConnection(host, port, address=address, timeout=policy.timeout)
    else:
        connection = _PinnedHTTPConnection(host, port, address=address, timeout=policy.timeout)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("GET", target, headers={
            "User-Agent": USER_AGENT, "Accept-Encoding": "identity",
            "Accept": "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
                      "application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5",
        })
        return connection.getresponse(), connection
    except (OSError, http.client.HTTPException) as exc:
        connection.close()
        raise FetchError(Errors.F003, source=source, reason=str(exc) or type(exc).__name__) from exc


def _read_body(response: http.client.HTTPResponse, policy: FetchPolicy, *, source: str,
               deadline: float) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(Errors.F004, source=source, limit=policy.max_bytes)
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := response.read(_CHUNK):
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchError(Errors.F004, source=source, limit=policy.max_bytes)
            if time.monotonic() > deadline:
                raise FetchError(Errors.F003, source=source, reason="timed out while reading")
            chunks.append(chunk)
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(Errors.F003, source=source, reason=str(exc) or type(exc).__name__) from exc
    return b"".join(chunks)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand, whatever DNS answers now."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.pinned_address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.pinned_address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address, verifying the certificate for the host name."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.pinned_address = address

    def connect(self) -> None:
        raw = socket.create_connection((self.pinned_address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(raw, server_hostname=self.host)
