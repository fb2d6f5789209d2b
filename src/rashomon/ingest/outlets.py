"""The outlet of an article: as given, else the registered domain of its URL, else "unknown outlet".

An input record often carries a URL but no outlet name (JSON Lines corpora, fetched pages). Its outlet is
then the URL's registered domain, the name a reader recognises (``https://www.wral.com/news/x`` ->
``wral.com``; ``news.bbc.co.uk`` -> ``bbc.co.uk`` by the public suffix list the ``tld`` package ships,
so nothing is downloaded). A web-archive copy (``web.archive.org/web/<time>/<url>``, ``archive.today``
and its mirrors) is named by the archived page's domain. Without a URL the outlet is
:data:`UNKNOWN_OUTLET`: an article's id or file name is never shown as an outlet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from tld import get_fld

UNKNOWN_OUTLET = "unknown outlet"
"""What is shown for the outlet of an article with neither an outlet nor a URL."""

_ARCHIVED = re.compile(
    r"^https?://(?:web\.)?archive\.(?:org|today|ph|is|li|md|vn|fo)/(?:web/)?[0-9a-z_*]*/?(?P<inner>https?://.+)$",
    re.IGNORECASE,
)


def archived_url(url: str) -> str:
    """The page a web-archive URL is a copy of; ``url`` itself when it is not one."""
    found = _ARCHIVED.match(url.strip())
    return archived_url(found.group("inner")) if found else url.strip()


@lru_cache(maxsize=4096)
def outlet_from_url(url: str | None) -> str | None:
    """The registered domain of ``url`` (of the archived page for an archive copy); None when it has none."""
    if not url or not url.strip():
        return None
    page = url.strip() if "://" in url else "http://" + url.strip()
    page = archived_url(page)
    domain = get_fld(page, fail_silently=True)
    if domain:
        return str(domain).casefold()
    host = urlsplit(page).hostname
    return host.removeprefix("www.") if host and "." in host and not host[-1].isdigit() else None


def outlet_name(outlet: str | None, url: str | None) -> str:
    """The outlet to show for an article: its own, else its URL's domain, else :data:`UNKNOWN_OUTLET`."""
    return outlet or outlet_from_url(url) or UNKNOWN_OUTLET
