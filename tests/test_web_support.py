"""Stores the web tests serve: the two sample reports with a hand-built dossier, a hostile article, many
events.

The dossier of the sample is written the way the reconcile stage writes one (an event object of
``contract/dossier.schema.json`` in ``dossiers``), with offsets found in the real stored texts, so the
pages are tested on real text whatever the extraction stages produce. No tests live here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rashomon.records import Article
from rashomon.store import Store, utc_now

SAMPLE_EVENT = "ev-operation-revenge"
HOSTILE_EVENT = "ev-hostile"
HOSTILE_TEXT = (
    "<script>document.title='pwned'</script> Police said <b>three</b> protesters were arrested in Tbilisi.\n"
    "Organisers said <img src=x onerror=alert(1)> twelve people were detained."
)
KARABAKH = (39.82, 46.76)


def sample_articles(sample_dir: Path) -> list[Article]:
    """The sample reports as ingest stores them: manifest metadata, first line as title."""
    articles = []
    for line in (sample_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        text = (sample_dir / meta["path"]).read_text(encoding="utf-8")
        title = text.strip().splitlines()[0]
        articles.append(
            Article.create(
                text,
                meta["path"],
                outlet=meta["outlet"],
                title=title,
                published_at=meta["published_at"],
                language=meta["language"],
            )
        )
    return articles


def span(article: Article, needle: str) -> tuple[int, int]:
    start = article.text.index(needle)
    return start, start + len(needle)


def claim(
    article: Article,
    sentence: str,
    claimant: str | None,
    cue: str | None,
    *,
    actor: str | None = None,
    value: str | None = None,
    lo: int | None = None,
    hi: int | None = None,
    hedged: bool = False,
) -> dict[str, Any]:
    start, end = span(article, sentence)
    c_start, c_end = span(article, claimant) if claimant else (None, None)
    return {
        "article": article.id,
        "claimant": claimant,
        "claimant_start": c_start,
        "claimant_end": c_end,
        "claimant_actor": actor,
        "cue": cue,
        "text": sentence,
        "start": start,
        "end": end,
        "hedged": hedged,
        "value_text": value,
        "count_min": lo,
        "count_max": hi,
    }


def sample_dossier(rt: Article, other: Article) -> dict[str, Any]:
    """A dossier of the two sample reports with each kind of fact the page shows."""
    armenian_mod = claim(
        rt,
        "The Armenian Ministry of Defense confirmed the deaths of at least two soldiers in an "
        "attack by Azerbaijan, adding that 14 other servicemen had been injured.",
        "The Armenian Ministry of Defense",
        "confirmed",
        actor="Armenia",
        value="at least two",
        lo=2,
    )
    artsakh = claim(
        other,
        "A spokesperson for the Artsakh Defense Army claims that two of its servicemen were "
        "killed by Azerbaijani fire, with an additional 14 wounded.",
        "A spokesperson for the Artsakh Defense Army",
        "claims",
        actor="Republic of Artsakh",
        value="two",
        lo=2,
        hi=2,
    )
    baku_rt = claim(
        rt,
        "Baku had earlier accused Nagorno-Karabakh militias of attacking Azerbaijani positions in "
        "the region and confirmed the death of at least one soldier.",
        "Baku",
        "confirmed",
        actor="Azerbaijan",
        value="at least one",
        lo=1,
    )
    dozens = claim(
        other,
        "In addition to the destruction of the trucks and the howitzers they were towing, it is "
        "claimed that “dozens” of “illegal militants” were killed or wounded, alongside the "
        "destruction of ammunition stored at the target.",
        None,
        "claimed",
        value="dozens",
        lo=12,
        hedged=True,
    )
    grigoryan = claim(
        rt,
        "Armenia’s Security Council Secretary, Armen Grigoryan, told local media on Wednesday "
        "that Baku wanted Armenia to stop using the so-called Lachin Corridor",
        "Armen Grigoryan",
        "told",
        actor="Armenia",
    )
    rt_label, other_label = span(rt, "local militias"), span(other, "Armenian irregular forces")
    return {
        "id": SAMPLE_EVENT,
        "articles": [rt.id, other.id],
        "title": "Operation Revenge in Nagorno-Karabakh",
        "date": "2022-08-03",
        "date_precision": "day",
        "event_type": "Battles",
        "location": {
            "name": "Nagorno-Karabakh",
            "country_code": "AZ",
            "lat": KARABAKH[0],
            "lon": KARABAKH[1],
            "precision": "region",
        },
        "actors": [
            {
                "id": "AZE-MIL",
                "name": "Military Forces of Azerbaijan",
                "country_code": "AZ",
                "roles": ["initiator", "claimant"],
                "labels": {
                    rt.id: ["Armed forces of Azerbaijan", "Baku"],
                    other.id: ["Azerbaijani military", "Baku"],
                },
            },
            {
                "id": "ART-DA",
                "name": "Artsakh Defense Army",
                "country_code": "AZ",
                "roles": ["target", "claimant"],
                "labels": {
                    rt.id: ["local militias", "Nagorno-Karabakh militias"],
                    other.id: ["Armenian irregular forces", "illegal militants"],
                },
            },
        ],
        "casualties": [
            {
                "kind": "killed",
                "side": "Artsakh Defense Army",
                "low": 2,
                "best": 2,
                "high": 2,
                "claims": [armenian_mod, artsakh],
            },
            {
                "kind": "killed",
                "side": "Military Forces of Azerbaijan",
                "low": 1,
                "best": 1,
                "high": 1,
                "claims": [baku_rt],
            },
            {
                "kind": "killed_or_injured",
                "side": "Artsakh Defense Army",
                "low": 12,
                "best": None,
                "high": None,
                "claims": [dozens],
            },
        ],
        "claims": [armenian_mod, artsakh, baku_rt, grigoryan],
        "discrepancies": [
            {
                "kind": "attribution_conflict",
                "summary": "RT credits 2 killed to the Armenian Ministry of Defense, the other report to the "
                "Artsakh Defense Army.",
                "articles": [rt.id, other.id],
                "spans": [
                    {"article": rt.id, "start": armenian_mod["start"], "end": armenian_mod["end"]},
                    {"article": other.id, "start": artsakh["start"], "end": artsakh["end"]},
                ],
            },
            {
                "kind": "framing",
                "summary": "The reports call the Karabakh forces differently.",
                "articles": [rt.id, other.id],
                "spans": [
                    {"article": rt.id, "start": rt_label[0], "end": rt_label[1]},
                    {"article": other.id, "start": other_label[0], "end": other_label[1]},
                ],
            },
            {"kind": "omission", "summary": "Only RT mentions the 'Lachin Corridor'.", "articles": [rt.id]},
        ],
        "contested": True,
    }


def add_event(store: Store, event_id: str, article_ids: list[str], dossier: dict[str, Any] | None) -> None:
    now = utc_now()
    with store.atomic() as db:
        db.execute(
            "INSERT INTO events (id, date, created_at, updated_at) VALUES (?, ?, ?, ?)",
            (event_id, (dossier or {}).get("date"), now, now),
        )
        db.executemany(
            "INSERT INTO event_articles (article_id, event_id) VALUES (?, ?)",
            [(a, event_id) for a in article_ids],
        )
        if dossier is not None:
            db.execute(
                "INSERT INTO dossiers (event_id, data, built_at) VALUES (?, ?, ?)",
                (event_id, json.dumps(dossier), now),
            )


def fill_sample(store: Store, sample_dir: Path) -> dict[str, Any]:
    """The sample event (two reports, one dossier) and a hostile one-report event; returns their ids."""
    rt, other = sample_articles(sample_dir)
    for article in (rt, other):
        store.add_article(article)
    add_event(store, SAMPLE_EVENT, [rt.id, other.id], sample_dossier(rt, other))
    hostile = Article.create(
        HOSTILE_TEXT,
        "hostile.txt",
        outlet="<i>Evil</i> Times",
        title="<script>x</script>",
        published_at="2023-05-01",
        url="javascript:alert(1)",
    )
    store.add_article(hostile)
    start, end = span(hostile, "Police said <b>three</b> protesters were arrested in Tbilisi.")
    add_event(
        store,
        HOSTILE_EVENT,
        [hostile.id],
        {
            "id": HOSTILE_EVENT,
            "articles": [hostile.id],
            "title": "<script>alert('t')</script>",
            "date": "2023-05-01",
            "date_precision": "day",
            "event_type": "Protests",
            "location": {
                "name": "Tbilisi <b>",
                "country_code": "GE",
                "lat": 41.69,
                "lon": 44.83,
                "precision": "town",
            },
            "actors": [
                {
                    "id": "<x>",
                    "name": "Police <script>",
                    "roles": ["claimant"],
                    "labels": {hostile.id: ["<b>"]},
                }
            ],
            "casualties": [
                {
                    "kind": "arrested",
                    "side": None,
                    "low": 3,
                    "best": 3,
                    "high": 3,
                    "claims": [
                        {
                            "article": hostile.id,
                            "claimant": "Police",
                            "claimant_start": start,
                            "claimant_end": start + 6,
                            "cue": "said",
                            "text": hostile.text[start:end],
                            "start": start,
                            "end": end,
                        }
                    ],
                }
            ],
            "claims": [],
            "discrepancies": [
                {"kind": "omission", "summary": "<script>alert(2)</script>", "articles": [hostile.id]}
            ],
        },
    )
    return {"rt": rt, "other": other, "hostile": hostile}


def fill_synthetic(store: Store, events: int, *, reports: int = 2, start_year: int = 2020) -> list[str]:
    """``events`` synthetic events of ``reports`` articles each, with small dossiers; returns event ids."""
    ids = []
    outlets = ("Outlet A", "Outlet B", "Outlet C", "Outlet D")
    types = ("Battles", "Explosions/Remote violence", "Protests", "Riots")
    with store.atomic() as db:
        for n in range(events):
            day = f"{start_year + n % 4}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            articles = []
            for r in range(reports):
                text = (
                    f"Report {r} of event {n}. Clashes near village{n % 97} left {n % 9} dead, officials of "
                    f"province{n % 13} said on {day}. Witnesses described heavy shelling."
                )
                article = Article.create(
                    text,
                    f"synthetic-{n}-{r}.txt",
                    outlet=outlets[(n + r) % 4],
                    title=f"Event {n} report {r}",
                    published_at=day,
                )
                store.add_article(article)
                articles.append(article.id)
            event_id = f"ev-{n:06d}"
            dossier = {
                "id": event_id,
                "articles": articles,
                "title": f"Clashes near village{n % 97}",
                "date": day,
                "date_precision": "day",
                "event_type": types[n % 4],
                "location": {
                    "name": f"province{n % 13}",
                    "country_code": "AZ",
                    "lat": 38 + (n % 50) / 10,
                    "lon": 45 + (n % 40) / 10,
                    "precision": "admin1",
                },
                "actors": [
                    {
                        "id": f"A{n % 7}",
                        "name": f"Actor {n % 7}",
                        "roles": ["initiator"],
                        "labels": {a: [f"label{n % 5}"] for a in articles},
                    }
                ],
                "casualties": [
                    {"kind": "killed", "side": None, "low": n % 9, "best": n % 9, "high": n % 9, "claims": []}
                ],
                "claims": [],
                "discrepancies": (
                    [{"kind": "value_conflict", "summary": "differ", "articles": articles}]
                    if n % 5 == 0
                    else []
                ),
            }
            now = utc_now()
            db.execute(
                "INSERT INTO events (id, date, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (event_id, day, now, now),
            )
            db.executemany(
                "INSERT INTO event_articles (article_id, event_id) VALUES (?, ?)",
                [(a, event_id) for a in articles],
            )
            db.execute(
                "INSERT INTO dossiers (event_id, data, built_at) VALUES (?, ?, ?)",
                (event_id, json.dumps(dossier), now),
            )
            ids.append(event_id)
    return ids
