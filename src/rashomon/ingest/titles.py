"""The title as shown to a reader: the page's title without the site's name around it.

A page's ``<title>`` (and the ``title`` field of most crawled corpora) carries the site's name, slogan and
section beside the headline: "Man shot in Towson | WBAL-TV", "Teen wanted for deadly shooting - wistv.com -
Columbia, South Carolina", "... | News | wcvb.com", "CBS 58 - Police: 4-Year-Old Accidentally Shot Himself",
"NEWS: ...". :func:`shown_title` removes, between the separators of a title (`` - ``, `` – ``, `` — ``, ``|``,
`` :: ``, `` » ``, `` • ``):

* a trailing run of segments that starts with a segment naming the outlet (:func:`names_outlet`: its folded
  letters and digits contain the outlet's or its URL's registered domain's, or are contained in them; or a
  broadcast call sign such as "WBAL-TV") or a station's name or slogan (:func:`is_site_name`: "Tri-State News,
  Weather & Sports", "Fox 2 News Headlines"), with the section labels ("News", "Local") and call signs just
  before it;
* a leading segment that names the outlet or is a station's name, and a leading label of the page's kind
  ("NEWS:", "VIDEO:", "UPDATE -").

Anything else is kept: a headline whose only separators are its own ("Mass Shooting – Killed – Da'Vaughn
Pitts") is shown whole, and a title that would be left empty is shown as given.

Where it applies: the stored ``title`` stays as given (the article record keeps no other copy of its input,
and the extractors, clustering and the headline casualty rules read it as before); the dossier's title, the
listing of ``rashomon run`` and ``rashomon explain``, ``rashomon show`` and the exports show
:func:`shown_title` (see docs/ingest.md, "Titles").
"""

from __future__ import annotations

import re

from rashomon.ingest.outlets import outlet_from_url

SEPARATOR = re.compile(r"\s*\|\s*|\s+(?:[-–—»•~]|::)\s+")
"""What divides a page title's segments (a hyphen only with spaces on both sides: "drive-by" is a word)."""
KIND_LABEL = re.compile(
    r"^(?:(?:breaking\s+)?news|breaking|(?:raw\s+)?video|videos|watch|photos?|gallery|live|update[ds]?|developing)"
    r"(?:\s*:|\s+[-–—|])\s+",
    re.IGNORECASE,
)
"""A leading label of the page's kind ("NEWS: ", "VIDEO: ", "UPDATE: "), not of the story."""
CALL_SIGN = re.compile(r"^[KW][A-Z]{2,3}(?:[- ]?(?:TV|DT|FM|AM|HD))?(?:[- ]?\d{1,2})?$")
"""A North American broadcast call sign (the name of most local stations' sites)."""
SECTION_WORDS = frozenset({
    "news", "local", "breaking", "top", "stories", "story", "headlines", "latest", "home", "video", "videos",
    "crime", "crimes", "courts", "metro", "region", "state", "nation", "national", "world", "us", "u.s.",
    "politics", "public", "safety", "sports", "weather", "and", "&", "the",
})
"""Words of a site's section labels ("News", "Local News", "Crime & Courts")."""
SLOGAN_WORDS = frozenset({"news", "weather", "sports", "traffic"})
"""Words of a station's slogan ("Tri-State News, Weather & Sports")."""
BRAND = re.compile(r"^(?:fox|abc|cbs|nbc|cw|pbs|channel|tv)\d*$")
"""A network or channel word of a station's name ("FOX 8", "ABC21", "Channel 4")."""
FILLER = frozenset({"the", "daily", "weekly", "online", "dot", "com"})
"""Words a paper's name has that its domain often drops ("LaGrange Daily News": lagrangenews.com)."""
MIN_KEY = 3
"""Shortest folded outlet key or segment that may name an outlet."""


def fold(text: str) -> str:
    """Letters and digits only, case-folded ("WBAL-TV" -> "wbaltv", "wcvb.com" -> "wcvbcom")."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def outlet_keys(outlet: str | None, url: str | None) -> set[str]:
    """Folded names of an outlet: its given name and its URL's registered domain, with and without the suffix
    ("wcvb.com" -> "wcvbcom", "wcvb")."""
    keys = set()
    for name in (outlet, outlet_from_url(url)):
        if not name:
            continue
        keys.add(fold(name))
        if "." in name and " " not in name.strip():
            keys.add(fold(name.strip().rsplit(".", 1)[0]))
    return {key for key in keys if len(key) >= MIN_KEY}


def names_outlet(segment: str, keys: set[str]) -> bool:
    """``segment`` names the outlet: its folded form (also without the filler words of a paper's name, "The",
    "Daily") contains a key or lies inside one, or it opens with a call sign ("KAIT Jonesboro, AR")."""
    words = segment.split()
    if words and CALL_SIGN.match(words[0]):
        return True
    folded = fold(segment)
    plain = fold(" ".join(w for w in words if w.casefold() not in FILLER))
    return any(len(form) >= MIN_KEY and (key in form or form in key) for form in (folded, plain) for key in keys)


def is_site_name(segment: str) -> bool:
    """A station's name or slogan, whatever the outlet is called: two of news / weather / sports / traffic
    ("Tri-State News, Weather & Sports"), or a news, network or channel word with a number ("Fox 2 News
    Headlines", "44News", "ABC21: Your Weather Authority")."""
    words = re.findall(r"[a-z0-9']+", segment.casefold())
    if len(SLOGAN_WORDS.intersection(words)) >= 2:
        return True
    branded = any(BRAND.match(word) or "news" in word for word in words)
    return branded and any(ch.isdigit() for ch in segment)


def is_section(segment: str) -> bool:
    """A site's section label: at most three words, all of :data:`SECTION_WORDS`."""
    words = segment.casefold().replace(",", " ").split()
    return 0 < len(words) <= 3 and all(word in SECTION_WORDS for word in words)


def segments_of(title: str) -> list[tuple[int, int]]:
    """The (start, end) spans of ``title``'s non-empty segments between separators."""
    spans, at = [], 0
    for found in [*SEPARATOR.finditer(title), None]:
        stop = len(title) if found is None else found.start()
        if title[at:stop].strip():
            spans.append((at, stop))
        if found is not None:
            at = found.end()
    return spans


def shown_title(title: str | None, outlet: str | None = None, url: str | None = None) -> str | None:
    """``title`` without the site's name around it (module docstring); ``None`` for no title."""
    if title is None or not title.strip():
        return title
    title = title.strip()
    keys = outlet_keys(outlet, url)
    spans = segments_of(title)
    segments = [title[a:b] for a, b in spans]
    end = len(segments)
    naming = [i for i in range(1, len(segments)) if names_outlet(segments[i], keys) or is_site_name(segments[i])]
    if naming:
        end = naming[0]
        while end > 1 and (is_section(segments[end - 1]) or CALL_SIGN.match(segments[end - 1].strip())):
            end -= 1
    first = segments[0]
    start = 1 if end > 1 and (names_outlet(first, keys) or (is_site_name(first) and len(first.split()) <= 5)) else 0
    headline = title[spans[start][0]:spans[end - 1][1]] if spans else title
    return KIND_LABEL.sub("", headline.strip(), count=1).strip() or title


__all__ = ["fold", "names_outlet", "outlet_keys", "segments_of", "shown_title"]
