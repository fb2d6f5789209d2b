"""The home area of an outlet, learned from the corpus, and the namesake reading it settles.

Local outlets report local events. A page that names a bare "Springfield", "Jacksonville" or "Columbia" and
nothing else that places it leaves the resolver with the most populous namesake or the one a stray sidebar
voted for; the outlet's other articles usually say where it reports from. Nothing here is a per-outlet table:
each outlet's home area is learned from the places its articles name unambiguously, and it is updated as
articles arrive.

* :func:`rashomon.extract.outlet_votes.page_votes` (re-exported here): the first-level areas (country code,
  admin1 code) that an article's places name **unambiguously**, one vote spread over them, the towns among
  them, and the context of each mention that gave them.
* :class:`HomeAreas`: per outlet, the summed votes of its articles; :meth:`HomeAreas.home` is the area holding
  at least :data:`HOME_SHARE` of the votes of at least :data:`HOME_MIN_ARTICLES` articles (leaving out the
  article being read: its own page is read as context instead). Boilerplate says nothing about a page's story:
  a mention whose words around it (:func:`mention_context`) recur on :data:`BOILERPLATE_PAGES` or more of the
  outlet's pages (a menu, a footer, "Mobile users tap here for video"; once the outlet has
  :data:`BOILERPLATE_MIN_OUTLET_PAGES` pages) gives no vote and no town. A dateline is never boilerplate: it is
  where the outlet says it reports from ("BENTON, Ark. (KTHV) --" on every page).
* :func:`home_reading`: a report's event place that has a namesake in its outlet's home area, while its page
  names nothing unambiguous in the area it was read in, is read as that namesake. A weak vote: any
  unambiguous place of the page in the place's own area keeps the resolver's reading, and a name with one
  reading has no namesake to take.

Where it runs: at reconciliation, when the dossier's place is chosen
(:func:`rashomon.reconcile.dossier.event_location`). An article's analysis stays a function of the article
alone (cached, reproducible, and the same whichever articles arrived first); the home areas are corpus-level
knowledge that grows with the store: :func:`update_store` counts the articles analysed since the last
reconciliation into the store's ``outlet_area_votes`` table (one row per article: its outlet and votes),
:func:`from_store` reads the votes of the outlets of one event back, and every dossier is built with what
the store knows when it is built.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rashomon.extract.event_place import SPECIFICITY, main_place
from rashomon.extract.gazetteer import Candidate, Gazetteer, load_gazetteer
from rashomon.extract.outlet_votes import (
    CONTEXT_WORDS,
    LOCAL,
    Area,
    PageVotes,
    area_label,
    area_of,
    article_areas,
    counted,
    mention_context,
    one_reading,
    page_votes,
    town_key,
)
from rashomon.ingest.outlets import outlet_from_url
from rashomon.records import Article, ArticleAnalysis, Place
from rashomon.store import Store

HOME_SHARE = 0.5
"""Share of an outlet's votes its home area must hold (the rest: stories from elsewhere, wire copy)."""
HOME_MIN_ARTICLES = 2
"""Articles with votes an outlet needs (besides the one being read) before it has a home area."""
BOILERPLATE_PAGES = 2
"""Pages of one outlet on which a mention's context must recur to be boilerplate (GVA merged records, location:
2 and 3 pages equal on even ids, 2 one incident better on odd ids; LGL with outlets equal)."""
BOILERPLATE_MIN_OUTLET_PAGES = 3
"""Pages (with votes) an outlet needs before text repeated across them is boilerplate: of two pages that share
a sentence, one story told twice (an update) is as likely as a footer."""


@dataclass
class _Totals:
    """One outlet's votes, articles and town counts, boilerplate left out (see :class:`HomeAreas`)."""

    votes: dict[Area, float]
    articles: int
    towns: dict[str, int]
    boilerplate: frozenset[str]


@dataclass
class HomeAreas:
    """Per outlet, the pages of its articles (:class:`PageVotes`) and, from them, the votes for first-level
    areas and the towns named unambiguously, boilerplate left out (see the module docstring)."""

    pages: dict[str, list[PageVotes]] = field(default_factory=dict)
    town_places: dict[str, Place] = field(default_factory=dict)
    _totals: dict[str, _Totals] = field(default_factory=dict, repr=False)

    def add(self, outlet: str, areas: Mapping[Area, float], towns: Sequence[Place] = ()) -> None:
        """Count one article of ``outlet`` that names ``areas`` and ``towns`` (no contexts: never boilerplate)."""
        self.add_page(outlet, PageVotes(dict(areas), tuple(towns)))

    def add_page(self, outlet: str, page: PageVotes) -> None:
        """Count one article of ``outlet`` (an article that names no area counts nothing)."""
        if not page.areas:
            return
        self.pages.setdefault(outlet, []).append(page)
        self._totals.pop(outlet, None)
        for town in page.towns:
            self.town_places.setdefault(town_key(town), town)

    @property
    def votes(self) -> dict[str, dict[Area, float]]:
        return {outlet: self._settled(outlet).votes for outlet in self.pages}

    @property
    def articles(self) -> dict[str, int]:
        return {outlet: self._settled(outlet).articles for outlet in self.pages}

    def knows(self, outlet: str) -> bool:
        return outlet in self.pages

    def effective(self, outlet: str, page: PageVotes) -> PageVotes:
        """``page`` as its outlet's votes count it: without what only boilerplate gave."""
        return page.without(self._settled(outlet).boilerplate) if outlet in self.pages else page

    def _settled(self, outlet: str) -> _Totals:
        totals = self._totals.get(outlet)
        if totals is None:
            pages = self.pages.get(outlet, [])
            seen = Counter(key for page in pages for key in page.all_contexts())
            boilerplate = frozenset(key for key, n in seen.items()
                                    if n >= BOILERPLATE_PAGES and len(pages) >= BOILERPLATE_MIN_OUTLET_PAGES)
            totals = self._totals[outlet] = _Totals(defaultdict(float), 0, defaultdict(int), boilerplate)
            for page in pages:
                counted_page = page.without(boilerplate)
                if not counted_page.areas:
                    continue
                totals.articles += 1
                for area, weight in counted_page.areas.items():
                    totals.votes[area] += weight
                for town in counted_page.towns:
                    totals.towns[town_key(town)] += 1
        return totals

    def home(self, outlet: str, *, without: Mapping[Area, float] | None = None) -> Area | None:
        """The outlet's home area, leaving out one article's own counted votes (``without``:
        :meth:`effective`'s areas); ``None`` when no area holds :data:`HOME_SHARE` of the votes of
        :data:`HOME_MIN_ARTICLES` other articles."""
        totals = self._settled(outlet)
        votes, articles = dict(totals.votes), totals.articles
        if without:
            articles -= 1
            for area, weight in without.items():
                votes[area] = votes.get(area, 0.0) - weight
        if articles < HOME_MIN_ARTICLES:
            return None
        best = max(votes, key=lambda area: (votes[area], area), default=None)
        return best if best is not None and votes[best] >= HOME_SHARE * articles else None

    def home_town(self, outlet: str, area: Area, *, without: Sequence[Place] = ()) -> Place | None:
        """The town in ``area`` that most of the outlet's other articles name unambiguously (ties: the
        smaller key); ``None`` when they name none there."""
        counts = dict(self._settled(outlet).towns)
        for town in without:
            counts[town_key(town)] = counts.get(town_key(town), 0) - 1
        found = [(n, key) for key, n in counts.items() if n > 0 and area_of(self.town_places[key]) == area]
        return self.town_places[min(found, key=lambda item: (-item[0], item[1]))[1]] if found else None


def home_reading(place: Place, page: Mapping[Area, float], home: Area | None,
                 gazetteer: Gazetteer) -> Place:
    """``place`` (a report's event place) read as its namesake in ``home``, when the page names nothing
    unambiguous in ``place``'s own area and the gazetteer has a town or county of that name in ``home``;
    else ``place`` itself."""
    if home is None or area_of(place) in page or area_of(place) == home:
        return place
    if place.precision not in ("town", "admin2") or place.lat is None:
        return place
    namesakes = [m for m in gazetteer.lookup(place.text)
                 if area_of(m.candidate) == home and m.candidate.feature in LOCAL]
    if not namesakes:
        return place
    rank = SPECIFICITY[place.precision]
    best = max(namesakes, key=lambda m: (SPECIFICITY[m.candidate.precision] == rank, m.prior))
    return _as_place(place, best.candidate)


def _as_place(place: Place, candidate: Candidate) -> Place:
    return Place(text=place.text, start=place.start, end=place.end, name=candidate.name,
                 country_code=candidate.country_code, lat=candidate.lat, lon=candidate.lon,
                 precision=candidate.precision, geonameid=candidate.geonameid, admin1=candidate.admin1,
                 source=candidate.source)


def outlet_key(article: Article) -> str:
    """The outlet an article speaks for, as :attr:`rashomon.reconcile.evidence.Report.outlet_key` names it: its
    own outlet, else its URL's registered domain (an archive copy's archived page), folded; else the article
    (an article of an unknown outlet is an outlet of its own, with no home area)."""
    known = article.outlet or outlet_from_url(article.url)
    return known.casefold() if known else "article:" + article.id


class OutletHomes:
    """Home areas and each counted article's own votes: what :func:`home_reading` needs per report."""

    def __init__(self, homes: HomeAreas, pages: Mapping[str, PageVotes],
                 gazetteer: Gazetteer | None = None) -> None:
        self.homes = homes
        self.pages = pages
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def home(self, article: Article, places: Sequence[Place]) -> tuple[Area | None, Mapping[Area, float]]:
        """The home area of ``article``'s outlet without the article's own votes, and those votes (its page's
        context; computed from ``places`` when the article was not counted)."""
        outlet = outlet_key(article)
        if not self.homes.knows(outlet):
            return None, {}
        counted_page = self.pages.get(article.id)
        if counted_page is None:
            page = self.homes.effective(outlet, page_votes(places, article.text, self.gazetteer))
            return self.homes.home(outlet), page.areas
        own = self.homes.effective(outlet, counted_page).areas
        return self.homes.home(outlet, without=own), own

    def event_place(self, article: Article, places: Sequence[Place], place: Place | None, *,
                    literal: Sequence[Place] = (), event_spans: Sequence[tuple[int, int]] = ()) -> Place | None:
        """The event place of ``article`` (``place``, chosen among its ``places``) read with its outlet's home
        area, when its page does not place it in the area it was read in:

        1. a town or county with a namesake in the home area is that namesake (:func:`home_reading`);
        2. else, with no place chosen or a town or county chosen outside the home area, the place
           :func:`rashomon.extract.event_place.main_place` picks among the ``literal`` mentions that lie in the
           home area ("Cleveland" on a Cleveland station's page over a "Lincoln" it resolved to Nebraska), if
           any mention there counts.
        """
        if place is not None and place.precision not in ("town", "admin2"):
            return place
        home, page = self.home(article, places)
        if home is None or (place is not None and (area_of(place) in page or area_of(place) == home)):
            return place
        if place is not None:
            read = home_reading(place, page, home, self.gazetteer)
            if read is not place:
                return read
        local = [p for p in literal if area_of(p) == home]
        best = main_place(local, event_spans=event_spans, text=article.text) if local else None
        return place if best is None else local[best]

    def title_reading(self, articles: Sequence[Article], place: Place) -> Place:
        """A headline's place (:func:`rashomon.extract.title_place.title_place`) read in the home area of the
        first of ``articles`` whose outlet has one (headlines carry no context but their outlet)."""
        for article in articles:
            home = self.homes.home(outlet_key(article), without=self._own(article).areas)
            if home is not None:
                return home_reading(place, {}, home, self.gazetteer)
        return place

    def home_town(self, articles: Sequence[Article], area: Area | None = None) -> Place | None:
        """The home town (:meth:`HomeAreas.home_town`) of the first of ``articles`` whose outlet has a home area
        (``area``, when given, and a town there): where its other articles' stories are."""
        for article in articles:
            outlet, own = outlet_key(article), self._own(article)
            home = self.homes.home(outlet, without=own.areas)
            if home is not None and area in (None, home):
                town = self.homes.home_town(outlet, home, without=own.towns)
                if town is not None:
                    return town
        return None

    def _own(self, article: Article) -> PageVotes:
        """The article's counted votes (boilerplate left out), none when it was not counted."""
        page = self.pages.get(article.id)
        return PageVotes() if page is None else self.homes.effective(outlet_key(article), page)


def learn_homes(articles: Iterable[Article], analyses: Mapping[str, ArticleAnalysis],
                gazetteer: Gazetteer | None = None) -> OutletHomes:
    """:class:`OutletHomes` of a corpus held in memory (the GVA scorer's): every analysed article counts."""
    homes, pages = HomeAreas(), {}
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None or not analysis.places:
            continue
        gazetteer = gazetteer or load_gazetteer()
        pages[article.id] = votes = page_votes(analysis.places, article.text, gazetteer)
        homes.add_page(outlet_key(article), votes)
    return OutletHomes(homes, pages, gazetteer)


def home_readings(pages: Sequence[tuple[str, Sequence[Place], str]],
                  gazetteer: Gazetteer | None = None) -> list[list[Place]]:
    """Every document's places read with its outlet's home area learned over ``pages`` (one corpus: outlet,
    places and text per document): a town or county that its page leaves ambiguous is its namesake in the
    home area (:func:`home_reading`), as a dossier reads its reports' event places. For geoparsing corpora
    that name each document's outlet (LGL's ``domain``, GeoWebNews' ``link``)."""
    gazetteer = gazetteer or load_gazetteer()
    votes = [page_votes(places, text, gazetteer) for _, places, text in pages]
    homes = HomeAreas()
    for (outlet, _, _), vote in zip(pages, votes, strict=True):
        homes.add_page(outlet, vote)
    read = []
    for (outlet, places, _), vote in zip(pages, votes, strict=True):
        own = homes.effective(outlet, vote).areas
        home = homes.home(outlet, without=own)
        read.append([home_reading(place, own, home, gazetteer) for place in places])
    return read


# -- the store's table ----------------------------------------------------------------------------------
_STAMP = "'votes-2|' || n.analysed_at || '|' || n.pipeline || '|' || length(n.data)"
"""What identifies the analysis an article's votes were counted from (``analysed_at`` is to the second), and the
form of the votes (``votes-2``: with mention contexts; rows counted before are counted again)."""


def update_store(store: Store, gazetteer: Gazetteer | None = None) -> int:
    """Count into ``outlet_area_votes`` every analysis saved since it was last counted; the number counted."""
    rows = store.db.execute(
        f"SELECT n.article_id, {_STAMP} FROM analyses n LEFT JOIN outlet_area_votes v "
        f"ON v.article_id = n.article_id WHERE v.analysis IS NULL OR v.analysis != {_STAMP}").fetchall()
    with store.atomic() as db:
        for article_id, stamp in rows:
            analysis = store.get_analysis(article_id)
            if analysis is None:
                continue
            article = store.get_article(article_id)
            votes = PageVotes()
            if analysis.places:  # the gazetteer is loaded only for articles that name places
                gazetteer = gazetteer or load_gazetteer()
                votes = page_votes(analysis.places, article.text, gazetteer)
            db.execute(
                "INSERT INTO outlet_area_votes (article_id, outlet, analysis, votes) VALUES (?,?,?,?) "
                "ON CONFLICT(article_id) DO UPDATE SET outlet=excluded.outlet, analysis=excluded.analysis, "
                "votes=excluded.votes",
                (article_id, outlet_key(article), stamp, votes.to_json()))
    return len(rows)


def from_store(store: Store, outlets: Iterable[str]) -> OutletHomes:
    """The counted votes of ``outlets`` (see :func:`update_store`); none when the store has no such table yet
    (a store opened read-only before its first reconciliation)."""
    wanted = sorted(set(outlets))
    homes, pages = HomeAreas(), {}
    try:
        found = store.db.execute(
            f"SELECT article_id, outlet, votes FROM outlet_area_votes WHERE outlet IN ({','.join('?' * len(wanted))})",
            wanted).fetchall() if wanted else []
    except sqlite3.OperationalError:
        found = []
    for article_id, outlet, data in found:
        pages[article_id] = votes = PageVotes.from_json(data)
        homes.add_page(outlet, votes)
    return OutletHomes(homes, pages)


class HomeMarks:
    """What a dossier's place reads of its articles' outlets, per article: the home area of its outlet without
    it and the home town there (:meth:`OutletHomes.home`, :meth:`OutletHomes.home_town`). A dossier's
    fingerprint carries these marks (:func:`rashomon.reconcile.events.fingerprint`), so a later run whose new
    articles establish or move an outlet's home rebuilds the dossiers that read it, and only those. Each
    outlet's votes are read once per instance (one reconciliation run: linear in the articles counted)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._outlets: dict[str, OutletHomes] = {}

    def marks(self, article_ids: Sequence[str]) -> list[list[str] | None]:
        """Per article: ``[country code, admin1, home town key]`` of its outlet's home without it (town key
        ``""`` when no town), ``None`` when the outlet has no home area."""
        outlets = self._outlets_of(article_ids)
        found: list[list[str] | None] = []
        for article_id in article_ids:
            outlet = outlets[article_id]
            homes = self._homes(outlet)
            own = homes.homes.effective(outlet, homes.pages.get(article_id) or PageVotes())
            home = homes.homes.home(outlet, without=own.areas)
            town = homes.homes.home_town(outlet, home, without=own.towns) if home is not None else None
            found.append(None if home is None else [*home, "" if town is None else town_key(town)])
        return found

    def _outlets_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Each article's outlet key: as counted in ``outlet_area_votes``, else from the article."""
        outlets: dict[str, str] = {}
        try:
            for start in range(0, len(article_ids), 500):
                chunk = list(article_ids[start:start + 500])
                marks = ",".join("?" * len(chunk))
                rows = self.store.db.execute(
                    f"SELECT article_id, outlet FROM outlet_area_votes WHERE article_id IN ({marks})", chunk)
                outlets.update(rows.fetchall())
        except sqlite3.OperationalError:  # no table yet (a store opened read-only before its first reconciliation)
            pass
        for article_id in article_ids:
            if article_id not in outlets:
                outlets[article_id] = outlet_key(self.store.get_article(article_id))
        return outlets

    def _homes(self, outlet: str) -> OutletHomes:
        if outlet not in self._outlets:
            self._outlets[outlet] = from_store(self.store, [outlet])
        return self._outlets[outlet]


__all__ = ["BOILERPLATE_MIN_OUTLET_PAGES", "BOILERPLATE_PAGES", "CONTEXT_WORDS", "Area", "HomeAreas", "HomeMarks",
           "OutletHomes", "PageVotes", "area_label", "area_of", "article_areas", "counted", "from_store",
           "home_reading", "home_readings", "learn_homes", "mention_context", "one_reading", "outlet_key",
           "page_votes", "town_key", "update_store"]
