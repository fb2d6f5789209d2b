"""The main story of a crawled page: which lines report the headline's event, and which are page furniture.

Local-news pages are crawled whole: besides the story they carry video playlists ("0:41 Woman dies crossing
Clearwater in Kennewick"), menus, lists of related headlines and share buttons. Casualty figures read there
count other people. :func:`story_spans` keeps the story by the shape of the page, without a model, and
leaves out only what is clearly not prose:

1. **Paragraphs.** The text is split at line breaks; each non-empty line is a paragraph.
2. **Shapes.** A paragraph is *prose* when it has at least :data:`MIN_PROSE_WORDS` words and ends like a
   sentence (``.``, ``!``, ``?``, or a closing quote after one); a *cut-off* paragraph has as many words
   but ends mid-sentence (a caption, a teaser, a truncated crawl); other paragraphs are *short*
   (headlines, menu items, bylines, "Advertisement").
3. **Link lists.** :data:`MAX_SHORT_GAP` or more short paragraphs in a row are a list of links or a menu:
   left out. Fewer short paragraphs between prose ("Nobody was hurt in that shooting.", a caption) stay.
4. **No story.** A page with no prose paragraph and no paragraph of :data:`MIN_BODY_WORDS` words (a
   playlist, a page of headlines) has no story: all of it is left out.
5. **Headline repeats.** A paragraph that repeats the headline (at least :data:`TITLE_REPEAT` of the
   headline's content words) is always kept: the headline printed above the story, or a link to the same
   story.

A text without line breaks is one paragraph and is kept whole, so plain reports are untouched. The rules
were written on odd GVA incident ids (``rashomon eval clustering --dataset gva-records``); measured there,
choosing one block of prose as *the* story (the longest run, weighted by the headline's words) lost more
figures of the story than it removed from teasers, because captions without a final period break real
stories into many blocks, so the focus stays this conservative.

6. **Headline-only pages.** Some crawled pages carry their whole story in the page title: the body is only
   furniture (a reporter's e-mail notification form, a subscription prompt, a travel promo, a playlist).
   :func:`headline_only` tells them: no span the story keeps writes a word of a violent event
   (:data:`STORY_WORD`: shot, killed, wounded, police, hospital, victim, ...; of war news shelling, strikes,
   artillery, drones, casualties, "lost their lives", servicemen, troops, ...). An empty body (a failed fetch)
   is headline-only as well. Their counts are the title's (:func:`rashomon.extract.headline.title_toll`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_PROSE_WORDS = 8
"""Words a paragraph needs to count as prose (or as a cut-off paragraph when it ends mid-sentence)."""
MAX_SHORT_GAP = 3
"""Short paragraphs in a row that make a list of links; fewer are captions or short lines of the story."""
MIN_BODY_WORDS = 25
"""Words of a paragraph that make it a story's text even when it ends mid-sentence (a cut crawl)."""
TITLE_REPEAT = 0.6
"""Share of the headline's content words a paragraph needs to count as repeating the headline."""
MIN_TITLE_WORDS = 2
"""A headline with fewer content words than this says too little to match paragraphs against."""

LINK_LABEL = re.compile(
    r"^\W*(?i:related(?: stories| story| coverage| content| links| articles| videos?| posts?)?|see also"
    r"|read more|read next|more stories|more on this(?: story)?|more coverage|quick clicks|you may also like"
    r"|recommended(?: for you)?|trending(?: now)?|most popular|top stories|also read|previous(?:ly| story)?"
    r"|(?:raw )?video|watch|photos?|gallery|slideshow|latest(?: news| headlines)?|story)"
    r"(?:\s*[:|>»–—-]\s*|\s+(?=[A-Z0-9\"“‘']))"
)
"""Labels that open a link to another story ("Related Coverage Man killed in ...", "See also: ...",
"Previous story: ...", "STORY: 10 people shot at ..."), whose figures are that story's (or an older toll)."""
FURNITURE = re.compile(
    r"^\W*(?i:image|photo|slide|picture|pic)\s+\d+\s+(?i:of)\s+\d+\b"
    r"|^\d{1,2}:\d{2}(?!\s*(?i:[ap]\.?m\b))\s+[A-Z0-9\"“‘']"
)
"""Gallery captions ("Image 8 of 14 A teen died ...") and video playlist entries ("0:41 Woman dies
crossing Clearwater"): the page around the story, numbered."""
_DOUBLED = re.compile(r"^\W*((?:\S+\s+){3,}?\S+)\s+\1(?=\s|$)")
"""A teaser block that prints its headline twice ("Man Shot, Suspect In Custody Man Shot, Suspect In
Custody ANDERSON COUNTY ...")."""

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
_OUTLET_TAIL = re.compile(r"\s+(?:[-|–—]|::)\s+[^-|–—]*$")
STOPWORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "after", "before", "over",
        "under", "into", "onto", "out", "up", "down", "off", "about", "near", "than", "then", "that", "this",
        "these", "those", "it", "its", "his", "her", "their", "he", "she", "they", "them", "who", "whom", "which",
        "what", "when", "where", "why", "how", "not", "no", "new", "says", "said", "say", "police", "man", "woman",
        "men", "women", "people", "person"
    }
)
"""Words of a headline too common in crime news to tie a paragraph to it."""


@dataclass(frozen=True)
class Paragraph:
    """One line of the text: its offsets, word count, shape, and share of the headline's words."""

    start: int
    end: int
    words: int
    shape: str  # "prose", "cutoff" or "short"
    title_share: float


def content_words(text: str) -> set[str]:
    """Lower-cased words of ``text`` that can tie a paragraph to a headline (no stop words; three letters
    or more, or a number)."""
    words = {w.lower().strip("'’-") for w in _WORD.findall(text)}
    return {w for w in words if w not in STOPWORDS and (len(w) >= 3 or w.isdigit())}


def headline_words(title: str | None) -> set[str]:
    """The headline's content words, the outlet's name after a final dash or bar left out; empty when the
    headline has fewer than :data:`MIN_TITLE_WORDS` of them."""
    if not title:
        return set()
    words = content_words(_OUTLET_TAIL.sub("", title.strip()) or title)
    return words if len(words) >= MIN_TITLE_WORDS else set()


def _shape(line: str, words: int) -> str:
    if words < MIN_PROSE_WORDS:
        return "short"
    return "prose" if _SENTENCE_END.search(line) else "cutoff"


def paragraphs(text: str, title: str | None = None) -> list[Paragraph]:
    """The text's non-empty lines as paragraphs (module doc, steps 1-2)."""
    wanted = headline_words(title)
    out = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0)
        if not line.strip():
            continue
        words = len(_WORD.findall(line))
        share = len(content_words(line) & wanted) / len(wanted) if wanted else 0.0
        out.append(Paragraph(match.start(), match.end(), words, _shape(line, words), share))
    return out


def links(text: str, paras: list[Paragraph]) -> set[int]:
    """Indices of paragraphs that link to another story (a link label, a headline printed twice) or
    number the page's pictures and videos."""
    return {
        i
        for i, p in enumerate(paras)
        if any(pattern.match(text[p.start : p.end]) for pattern in (LINK_LABEL, FURNITURE, _DOUBLED))
    }


def link_lists(paras: list[Paragraph]) -> set[int]:
    """Indices of the paragraphs in runs of :data:`MAX_SHORT_GAP` or more short paragraphs in a row."""
    out: set[int] = set()
    row: list[int] = []
    for index, para in enumerate(paras):
        if para.shape == "short":
            row.append(index)
            continue
        if len(row) >= MAX_SHORT_GAP:
            out.update(row)
        row = []
    if len(row) >= MAX_SHORT_GAP:
        out.update(row)
    return out


def has_story(paras: list[Paragraph]) -> bool:
    """Whether any paragraph is prose or long enough to be a story's text (module doc, step 4)."""
    return any(p.shape == "prose" or p.words >= MIN_BODY_WORDS for p in paras)


def story_spans(text: str, title: str | None = None) -> list[tuple[int, int]]:
    """Character spans of ``text`` that belong to the headline's story (module doc), in text order."""
    paras = paragraphs(text, title)
    if len(paras) <= 1:
        return [(0, len(text))]
    dropped = link_lists(paras) | links(text, paras) if has_story(paras) else set(range(len(paras)))
    return [
        (p.start, p.end) for i, p in enumerate(paras) if i not in dropped or p.title_share >= TITLE_REPEAT
    ]


STORY_WORD = re.compile(
    r"\b(?:shot|shots|shoot(?:s|ing|ings|er|ers)?|gun\w*|kill(?:s|ed|ing|ings|er|ers)?|dead|deaths?|die[ds]?|dying"
    r"|wound(?:s|ed)?|injur\w*|hurt|murder\w*|homicides?|stabb\w*|victims?|hospitali?\w*|police|officers?"
    r"|deput(?:y|ies)|sheriff\w*|suspects?|fired|bullets?|slain|fatal(?:ly)?|arrest\w*|coroner|gunfire"
    r"|shell(?:s|ed|ing)|strikes?|struck|artillery|drones?|missiles?|rockets?|mortars?|bomb\w*|explo(?:sions?|d\w*)"
    r"|attack\w*|clash\w*|casualt\w*|lost (?:their|his|her) lives|servicem[ae]n|soldiers?|troops?|militants?"
    r"|fighting|combat\w*|shrapnel|airstrikes?|raids?)\b",
    re.IGNORECASE,
)
"""Words of a violent event's story, of crime news and of war news ("Two servicemen lost their lives",
"artillery struck positions"); a page whose kept text writes none of them tells no story there."""


def headline_only(text: str, title: str | None) -> bool:
    """Whether the page tells its story in its title only (module doc, step 6): it has a title, and no span
    :func:`story_spans` keeps writes a :data:`STORY_WORD`. An empty body (a failed fetch, a crawl that kept
    only the title) is headline-only too, on purpose: the title is then the only story the report tells, and
    its counts are the report's."""
    if not title or not title.strip():
        return False
    return not any(STORY_WORD.search(text, start, end) for start, end in story_spans(text, title))


def in_story(spans: list[tuple[int, int]], start: int) -> bool:
    """Whether the character at ``start`` lies in one of ``spans``."""
    return any(s <= start < e for s, e in spans)
