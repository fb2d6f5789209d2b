"""Load test of the web app: latency (p50/p95) and throughput of the dossier and the events list.

Builds a store of synthetic events (``--events`` x ``--reports`` articles, 5,000 x 2 = 10,000 articles by
default) with dossiers shaped like the reconcile stage's (claims with offsets, casualties, discrepancies
with sentence spans), starts ``rashomon serve`` on a free port of 127.0.0.1 in a subprocess, and sends a
bounded number of requests per scenario from ``--clients`` concurrent clients, then stops the server.
A static file is the baseline: the app's own floor (routing, middleware, HTTP) in the same run.

    .venv/bin/python benchmarks/web_load.py [--events 5000] [--reports 2] [--requests 1000] [--clients 4]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from rashomon.records import Article
from rashomon.store import Store, utc_now

OUTLETS = ("Wire A", "Daily B", "Radio C", "Agency D", "Times E", None)
TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots")
SENTENCES = (
    "Fighting broke out near {place} on {day}, {claimant} said in a statement.",
    "At least {n} soldiers were killed and {m} wounded in the attack, according to {claimant}.",
    "Residents described heavy shelling of positions around the village overnight.",
    "The ministry accused the other side of violating the ceasefire agreement.",
    "Local media reported that several vehicles and an artillery piece were destroyed.",
    "Officials said the situation along the line of contact was now relatively stable.",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def synthetic_report(rng: random.Random, n: int, r: int, day: str) -> str:
    place, claimant = f"Village{n % 311}", ("the defence ministry", "a militia spokesman", "police")[r % 3]
    body = [
        s.format(place=place, day=day, claimant=claimant, n=1 + n % 7, m=rng.randint(0, 20))
        for s in SENTENCES
        for _ in range(2)
    ]
    rng.shuffle(body)
    return f"Clashes near {place} (report {r} of event {n})\n" + " ".join(body)


def claim(article: Article, sentence_start: int, claimant: str) -> dict[str, Any]:
    end = article.text.find(".", sentence_start) + 1
    return {
        "article": article.id,
        "claimant": claimant,
        "claimant_start": None,
        "claimant_end": None,
        "claimant_actor": claimant,
        "cue": "said",
        "text": article.text[sentence_start:end],
        "start": sentence_start,
        "end": end,
        "hedged": False,
    }


def synthetic_dossier(event_id: str, n: int, day: str, articles: list[Article]) -> dict[str, Any]:
    claims = []
    for article in articles:
        start = 0
        for _ in range(6):
            start = article.text.find(". ", start) + 2
            claims.append(claim(article, start, ("Ministry", "Militia", "Police")[len(claims) % 3]))
    spans = [{"article": c["article"], "start": c["start"], "end": c["end"]} for c in claims[::6]]
    return {
        "id": event_id,
        "articles": [a.id for a in articles],
        "title": f"Clashes near Village{n % 311}",
        "date": day,
        "date_precision": "day",
        "event_type": TYPES[n % len(TYPES)],
        "location": {
            "name": f"Province{n % 41}",
            "country_code": ("AZ", "AM", "UA", "SY")[n % 4],
            "lat": 30 + (n % 200) / 10,
            "lon": 30 + (n % 300) / 10,
            "precision": "admin1",
        },
        "actors": [
            {
                "id": f"actor-{k}",
                "name": f"Actor {k}",
                "country_code": None,
                "roles": ["initiator"],
                "labels": {a.id: [f"label {k}", f"label {k + 1}"] for a in articles},
            }
            for k in (n % 11, 11 + n % 7)
        ],
        "casualties": [
            {
                "kind": "killed",
                "side": "Actor 1",
                "low": 1,
                "best": 1 + n % 7,
                "high": 9,
                "claims": claims[:2],
            }
        ],
        "claims": claims,
        "discrepancies": [
            {
                "kind": "value_conflict" if n % 3 == 0 else "omission",
                "summary": "They differ.",
                "articles": [a.id for a in articles],
                "spans": spans,
            }
        ],
    }


def build_store(path: Path, events: int, reports: int, seed: int = 7) -> list[str]:
    """The synthetic store; returns the event ids."""
    rng = random.Random(seed)
    ids = []
    with Store(path) as store, store.atomic() as db:
        for n in range(events):
            day = f"{2019 + n % 6}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            articles = [
                Article.create(
                    synthetic_report(rng, n, r, day),
                    f"syn-{n}-{r}.txt",
                    outlet=OUTLETS[(n + r) % len(OUTLETS)],
                    title=f"Report {r} of event {n}",
                    published_at=day,
                )
                for r in range(reports)
            ]
            for article in articles:
                store.add_article(article)
            event_id, now = f"ev-{n:06d}", utc_now()
            db.execute(
                "INSERT INTO events (id, date, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (event_id, day, now, now),
            )
            db.executemany(
                "INSERT INTO event_articles (article_id, event_id) VALUES (?, ?)",
                [(a.id, event_id) for a in articles],
            )
            db.execute(
                "INSERT INTO dossiers (event_id, data, built_at) VALUES (?, ?, ?)",
                (event_id, json.dumps(synthetic_dossier(event_id, n, day, articles)), now),
            )
            ids.append(event_id)
    return ids


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-c",
        "from rashomon.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/static/favicon.svg", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(
        "the server did not start: " + (process.stderr.read() if process.stderr else b"").decode()
    )


def run_scenario(base: str, paths: Callable[[int], str], requests: int, clients: int) -> dict[str, float]:
    """``requests`` GETs of ``paths(i)`` from ``clients`` threads: latency percentiles (ms) and requests/s."""

    def worker(indices: range) -> list[float]:
        times = []
        with httpx.Client(base_url=base, timeout=30) as client:
            for i in indices:
                start = time.perf_counter()
                response = client.get(paths(i))
                times.append(time.perf_counter() - start)
                if response.status_code != 200:
                    raise RuntimeError(f"{paths(i)}: HTTP {response.status_code}")
        return times

    share = requests // clients
    chunks = [range(k * share, (k + 1) * share) for k in range(clients)]
    begin = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        latencies = sorted(t for times in pool.map(worker, chunks) for t in times)
    elapsed = time.perf_counter() - begin
    return {
        "requests": len(latencies),
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "rps": len(latencies) / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--reports", type=int, default=2)
    parser.add_argument("--requests", type=int, default=1000, help="requests per scenario")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        t0 = time.perf_counter()
        ids = build_store(db, args.events, args.reports)
        print(
            f"store: {len(ids)} events, {len(ids) * args.reports} articles, built in "
            f"{time.perf_counter() - t0:.1f}s, {db.stat().st_size / 1e6:.1f} MB"
        )
        port = free_port()
        server = start_server(db, port)
        rng = random.Random(1)
        picks = [rng.choice(ids) for _ in range(args.requests)]
        pages = max(1, len(ids) // 50)
        scenarios: dict[str, Callable[[int], str]] = {
            "baseline: static file": lambda i: "/static/favicon.svg",
            "dossier API /api/v1/events/{id}": lambda i: f"/api/v1/events/{picks[i]}",
            "dossier page /events/{id}": lambda i: f"/events/{picks[i]}",
            "events list API (page of 50)": lambda i: f"/api/v1/events?page={1 + i % pages}",
            "events list API, filtered": lambda i: (
                f"/api/v1/events?type=Battles&contested=true&outlet=Wire+A&since=2020-01-01&page={1 + i % 5}"
            ),
            "events list page /": lambda i: f"/?page={1 + i % pages}",
            "search API (FTS5)": lambda i: f"/api/v1/search?q=Village{i % 311}+shelling",
        }
        try:
            base = f"http://127.0.0.1:{port}"
            run_scenario(base, scenarios["events list API (page of 50)"], 40, 2)  # warm-up
            results = {
                name: run_scenario(base, fn, args.requests, args.clients) for name, fn in scenarios.items()
            }
        finally:
            server.terminate()
            server.wait(timeout=20)
    floor = results["baseline: static file"]
    print(f"\n{args.requests} requests per scenario, {args.clients} concurrent clients, 127.0.0.1\n")
    print("| scenario | p50 ms | p95 ms | requests/s | p50 / baseline |")
    print("| --- | --- | --- | --- | --- |")
    for name, r in results.items():
        print(
            f"| {name} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['rps']:.0f} | "
            f"{r['p50_ms'] / floor['p50_ms']:.1f} |"
        )


if __name__ == "__main__":
    main()
