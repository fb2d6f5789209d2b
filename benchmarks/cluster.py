"""Scaling of clustering: time to cluster 1k, 2k, 10k, 20k, 100k synthetic GVA-like reports.

Synthetic incidents (a city with coordinates, a day, victims with names and ages, killed/injured
counts) each get 1-4 reports written from varied templates, with analyses (event date, event place,
casualty figures) as the extraction stage would store them. The corpus grows the way a newsroom's
does: about 20 reports a day, so ten times the reports span ten times the days. No spaCy is needed.

    .venv/bin/python benchmarks/cluster.py --sizes 1000 2000 10000 20000 100000

prints wall and process CPU seconds per size (CPU time is what to compare on a shared machine: other
jobs stretch wall time, not this process's CPU time), both ratios for each doubling and each 10x, candidate
pairs per article, and B³ F1 against the synthetic incidents (a sanity check that the fast path still clusters).
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.partition import build_corpus, partition_corpus
from rashomon.eval.clustering import b_cubed
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure, Place

FIRST = [
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Marcus",
    "Tanya",
    "Jorge",
    "Aisha",
    "Darnell",
    "Keisha",
    "Luis",
    "Ana",
]
LAST = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Campbell",
    "Mitchell",
    "Roberts",
]
STREETS = [
    "Oak",
    "Maple",
    "Cedar",
    "Pine",
    "Elm",
    "Walnut",
    "Chestnut",
    "Spruce",
    "Willow",
    "Birch",
    "Magnolia",
    "Cypress",
    "Hickory",
    "Poplar",
    "Sycamore",
    "Laurel",
]
KINDS = ["Street", "Avenue", "Drive", "Road", "Boulevard", "Lane"]
OPENERS = [
    "{victim}, {age}, was shot and killed {when} on the {block} block of {street} in {city}, "
    "police said.",
    "Police in {city} are investigating a shooting {when} that left {victim}, {age}, dead near {street}.",
    "A {age}-year-old man died after gunfire erupted {when} on {street} in {city}. "
    "He was identified as {victim}.",
    "{city} detectives said {victim}, {age}, was found with gunshot wounds {when} "
    "outside a home on {street}.",
]
FOLLOWS = [
    "{injured} other people were wounded and taken to a hospital.",
    "Officers said {injured} more victims are expected to survive.",
    "No arrests have been made and police asked anyone with information to call.",
    "Neighbors described hearing several shots before a car sped away.",
    "A suspect was taken into custody later that night, according to a police spokesman.",
]
WHEN = ["late Saturday", "early Sunday", "on Monday night", "Tuesday afternoon", "Friday evening"]


def _cities(rng: random.Random, n: int) -> list[tuple[str, float, float]]:
    syllables = [
        "ka",
        "lo",
        "mer",
        "ton",
        "ville",
        "ash",
        "bur",
        "field",
        "ridge",
        "port",
        "dale",
        "wood",
        "mont",
        "ford",
        "ham",
    ]
    out = []
    for _ in range(n):
        name = "".join(rng.choice(syllables) for _ in range(2)).capitalize() + rng.choice(
            ["", " City", " Falls"]
        )
        out.append((name, rng.uniform(26, 48), rng.uniform(-122, -70)))
    return out


def synthetic_corpus(n: int, seed: int = 7) -> tuple[list[tuple[Article, ArticleAnalysis]], dict[str, int]]:
    """``n`` reports of synthetic incidents, with their analyses, and the gold incident of each."""
    rng = random.Random(seed)
    cities = _cities(rng, 400)
    start = date(2014, 1, 1)
    items: list[tuple[Article, ArticleAnalysis]] = []
    gold: dict[str, int] = {}
    incident = 0
    while len(items) < n:
        incident += 1
        city, lat, lon = rng.choice(cities)
        day = start + timedelta(days=int(len(items) / 20) + rng.randint(0, 2))
        victim, age = f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.randint(14, 70)
        street = f"{rng.choice(STREETS)} {rng.choice(KINDS)}"
        killed, injured = rng.choice([1, 1, 1, 2]), rng.randint(0, 3)
        for _ in range(min(rng.choice([1, 1, 2, 2, 3, 4]), n - len(items))):
            published = day + timedelta(days=rng.choice([0, 0, 1, 1, 2, 6]))
            text = rng.choice(OPENERS).format(
                victim=victim,
                age=age,
                when=rng.choice(WHEN),
                city=city,
                street=street,
                block=rng.randint(1, 99) * 100,
            )
            text += " " + " ".join(rng.sample(FOLLOWS, 2)).format(injured=injured)
            text += f" (report {len(items)})"
            article = Article.create(
                text, source_name=f"syn-{len(items)}", published_at=published.isoformat()
            )
            analysis = ArticleAnalysis(
                article_id=article.id,
                pipeline="synthetic",
                event_date=day.isoformat(),
                event_date_precision="day",
                event_place=0,
                event_type="Violence against civilians",
                places=[
                    Place(
                        text=city,
                        start=0,
                        end=len(city),
                        name=city,
                        country_code="US",
                        lat=lat + rng.uniform(-0.01, 0.01),
                        lon=lon + rng.uniform(-0.01, 0.01),
                        precision="town",
                        admin1=f"S{int(lat)}",
                    )
                ],
                casualties=[
                    CasualtyFigure(
                        kind="killed",
                        value_text=str(killed),
                        start=0,
                        end=1,
                        count_min=killed,
                        count_max=killed,
                    )
                ],
            )
            items.append((article, analysis))
            gold[article.id] = incident
    return items, gold


def time_size(n: int, options: ClusterOptions) -> dict[str, float]:
    items, gold = synthetic_corpus(n)
    cpu_started, started = time.process_time(), time.perf_counter()
    corpus = build_corpus(items, options)
    built = time.perf_counter()
    result = partition_corpus(corpus, options)
    done, cpu_done = time.perf_counter(), time.process_time()
    label = result.label_of()
    ids = list(gold)
    f1 = b_cubed([label[i] for i in ids], [gold[i] for i in ids])[2]
    return {
        "n": n,
        "seconds": done - started,
        "cpu_s": cpu_done - cpu_started,
        "features_s": built - started,
        "link_s": done - built,
        "candidates": result.candidates,
        "b3_f1": f1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 10000, 20000, 100000])
    args = parser.parse_args()
    options = ClusterOptions()
    rows = {}
    for n in args.sizes:
        rows[n] = row = time_size(n, options)
        print(
            f"n={n:>7}  {row['seconds']:8.2f} s wall  {row['cpu_s']:8.2f} s CPU  "
            f"(features {row['features_s']:.2f} s, link {row['link_s']:.2f} s)"
            f"  candidates {int(row['candidates']):>8}  pairs/article {row['candidates'] / n:5.2f}"
            f"  B3 F1 {row['b3_f1']:.3f}",
            flush=True,
        )
    for n in args.sizes:
        for factor in (2, 10):
            if n * factor in rows:
                wall = rows[n * factor]["seconds"] / rows[n]["seconds"]
                cpu = rows[n * factor]["cpu_s"] / rows[n]["cpu_s"]
                print(
                    f"x{factor:<3} {n:>7} -> {n * factor:>7}: wall ratio {wall:.2f}, CPU ratio {cpu:.2f}"
                    f" (linear = {factor})"
                )


if __name__ == "__main__":
    main()
