"""Upper bounds of merged-record accuracy on GVA: what the reports of each scored incident carry.

    .venv/bin/python benchmarks/record_ceilings.py CACHE [--data-dir ../shared/gold-data] [--json]

``CACHE`` is a SQLite store of the GVA documents' analyses (the one ``rashomon eval clustering --dataset
gva-records --cache CACHE`` reads; a copy, since missing analyses are added). For the same incidents, the
same system clusters (the event holding most of the incident's reports) and the same gold clusters (the
incident's own reports) as that scorer (:mod:`rashomon.eval.records`, reused, not copied), each field
(killed, injured, date) gets, per half (``odd`` ids: error reading, ``even``: held out):

* ``system``: the dossier's answer is right (the scorer's figure);
* ``reports``: **oracle over the per-report figures**: some report of the cluster, reconciled alone (the
  dossier of that one report, as the scorer's ``single_report`` reference builds it), gives the gold
  killed / injured figure, or dates the event to the gold day;
* ``text``: **loose text oracle**, see :func:`text_carries` / :func:`text_dates`: some report's title or
  text holds the gold number near a word of the kind, or (gold 0) holds no word of it; some report names
  a time expression resolved to the gold day;
* ``system|reports``, ``system|text``, ``any``: the unions with the system's right answers (a right
  answer no oracle finds is one the rules reach by other means, e.g. 0 killed voted by a report that
  counts the hurt).

Read: 0.90 is reachable by reconciliation alone only where ``system|reports`` passes it; where only
``system|text`` does, per-report extraction must read more; where neither does, the texts do not carry it.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from rashomon.eval import DEFAULT_GOLD_DIR
from rashomon.eval.clustering import id_parity
from rashomon.eval.gva import GvaIncident, load_documents, load_incidents
from rashomon.eval.records import (
    EventDossiers,
    cluster_pool,
    judge,
    majority_event,
    predict,
    scored_incidents,
)
from rashomon.extract.headline import NUMBER_WORDS
from rashomon.records import Article, ArticleAnalysis

FIELDS: Final = ("killed", "injured", "date")
BOUNDS: Final = ("system", "reports", "text", "system|reports", "system|text", "any")
WINDOW: Final = 6
"""Tokens either side of a casualty word within which the gold number must occur (text oracle)."""

DEATH_WORDS: Final = re.compile(
    r"^(?:dead|deadly|die[ds]?|dying|killed|killing|kills?|fatal(?:ly)?|fatalities|fatality|slain|"
    r"murder(?:ed|s)?|homicides?|deaths?|lifeless)$",
    re.IGNORECASE,
)
"""Words of a death (one token)."""
HURT_WORDS: Final = re.compile(
    r"^(?:wounded|wounds?|wounding|injured|injuries|injury|injuring|hurt|hospitali[sz]ed|hospital|"
    r"condition|grazed|struck|shot|shooting|shootings|hit)$",
    re.IGNORECASE,
)
"""Words that may count people hurt (loose: "shot" and "hospital" included)."""
HURT_ONLY: Final = re.compile(
    r"^(?:wounded|wounds?|wounding|injured|injuries|injury|injuring|hurt|hospitali[sz]ed)$", re.IGNORECASE
)
"""Words that name people hurt and never the dead alone ("shot" is left out: the dead were shot too)."""
NONE_HURT: Final = re.compile(
    r"\bno(?:\s+one|body|\s+other\s+(?:people|persons?)|\s+one\s+else)?\s+(?:else\s+)?(?:was|were)\s+"
    r"(?:injured|hurt|wounded|struck|hit)\b|\bno\s+(?:other\s+)?injuries\b",
    re.IGNORECASE,
)
NONE_DEAD: Final = re.compile(
    r"\bno(?:\s+one|body)\s+(?:else\s+)?(?:was|were)\s+killed\b|\bno\s+(?:one|body)\s+died\b|"
    r"\bno\s+deaths\b|\bnon-?\s*-?\s*fatal\b|\bnon-?\s*-?\s*life-threatening\b",
    re.IGNORECASE,
)
"""Sentences that say nobody (else) died or was hurt: the text states 0."""
_TOKEN: Final = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _spells(token: str, value: int) -> bool:
    """Whether a token writes ``value``: digits, a number word ("four", "twenty-one" not), "a"/"an" for 1."""
    folded = token.casefold()
    if folded.isdigit():
        return int(folded) == value
    if value == 1 and folded in {"a", "an", "one"}:
        return True
    return NUMBER_WORDS.get(folded) == value


def near_a_word(words: Sequence[str], value: int, kind_words: re.Pattern[str]) -> bool:
    """Whether ``value`` is written within :data:`WINDOW` tokens of a word of the kind."""
    spots = [i for i, word in enumerate(words) if kind_words.match(word)]
    return any(
        _spells(words[j], value) for i in spots for j in range(max(0, i - WINDOW), min(len(words), i + WINDOW + 1))
    )


def text_carries(texts: Iterable[str], kind: str, value: int) -> bool:
    """The loose text oracle for a casualty figure of ``kind`` (killed / injured) over reports' texts
    (title and text each): ``value`` >= 1 is carried when some text writes it (digits, a number word, and
    for 1 also "a"/"an") within :data:`WINDOW` tokens of a word of the kind (deaths: :data:`DEATH_WORDS`;
    injured: :data:`HURT_WORDS`, "shot" and "hospital" included). ``0`` is carried when some text has no
    word of the kind at all (deaths: no :data:`DEATH_WORDS`; injured: no :data:`HURT_ONLY`), or says
    nobody (else) died or was hurt (:data:`NONE_DEAD`, :data:`NONE_HURT`). Loose on purpose: it is an
    upper bound of what per-report extraction could read, not a reading."""
    none, words_of = (NONE_DEAD, DEATH_WORDS) if kind == "killed" else (NONE_HURT, HURT_ONLY)
    for text in texts:
        words = tokens(text)
        if value == 0:
            if none.search(text) or not any(words_of.match(w) for w in words):
                return True
        elif near_a_word(words, value, DEATH_WORDS if kind == "killed" else HURT_WORDS):
            return True
    return False


def text_dates(analyses: Iterable[ArticleAnalysis | None]) -> set[str]:
    """Every day a report's text names: its day-precision time expressions (resolved against the
    publication time) and the event date extraction chose."""
    days: set[str] = set()
    for analysis in analyses:
        if analysis is None:
            continue
        days.update(t.date[:10] for t in analysis.times if t.date and t.precision == "day")
        if analysis.event_date and analysis.event_date_precision == "day":
            days.add(analysis.event_date[:10])
    return days


def _gold(incident: GvaIncident, name: str) -> int | str | None:
    if name == "date":
        return (incident.date or "")[:10] or None
    return incident.num_killed if name == "killed" else incident.num_injured


def bounds(incident: GvaIncident, members: Sequence[str], dossiers: EventDossiers) -> dict[str, dict[str, bool]]:
    """Field -> bound -> reached, for one incident and the reports of one cluster (``members``)."""
    system = judge(predict(dossiers.dossier(members)), incident)
    alone = [judge(predict(dossiers.dossier([m])), incident) for m in members]
    articles: list[Article] = [dossiers.articles[m] for m in members]
    texts = [t for a in articles for t in (a.title or "", a.text)]
    days = text_dates(dossiers.analyses.get(m) for m in members)
    out: dict[str, dict[str, bool]] = {}
    for name in FIELDS:
        gold = _gold(incident, name)
        if gold is None or system[name] is None:
            continue
        right = bool(system[name])
        reports = any(bool(verdict[name]) for verdict in alone)
        text = gold in days if name == "date" else text_carries(texts, name, int(gold))
        out[name] = {
            "system": right,
            "reports": reports,
            "text": text,
            "system|reports": right or reports,
            "system|text": right or text,
            "any": right or reports or text,
        }
    return out


def record_ceilings(data_dir: Path, cache: Path) -> dict[str, float]:
    """``<cluster>_<half>_<field>_<bound>`` -> share of the judged incidents (cluster: system / gold)."""
    docs = load_documents(data_dir)
    by_id = {d.doc_id for d in docs}
    incidents = scored_incidents(load_incidents(data_dir), by_id)
    pool = cluster_pool(docs, cache=cache, use_pipeline=True)
    right: Counter[str] = Counter()
    judged: Counter[str] = Counter()
    for incident in incidents:
        present = [d for d in incident.doc_ids if d in by_id]
        half = id_parity(incident.incident_id) or "even"
        event = majority_event(present, pool.label)
        clusters = {"gold": present}
        if event is not None:
            clusters["system"] = pool.members[event]
        for cluster, members in clusters.items():
            for name, reached in bounds(incident, members, pool.dossiers).items():
                for bound, ok in reached.items():
                    for key in (f"{cluster}_{half}_{name}_{bound}", f"{cluster}_all_{name}_{bound}"):
                        judged[key] += 1
                        right[key] += int(ok)
    return {key: round(right[key] / n, 4) for key, n in sorted(judged.items())}


def table(figures: dict[str, float]) -> str:
    """A Markdown table: one row per cluster kind, half and field; one column per bound."""
    lines = ["| clusters | half | field | " + " | ".join(BOUNDS) + " |", "|" + " --- |" * (3 + len(BOUNDS))]
    for cluster in ("system", "gold"):
        for half in ("even", "odd", "all"):
            for name in FIELDS:
                cells = [f"{figures.get(f'{cluster}_{half}_{name}_{b}', float('nan')):.3f}" for b in BOUNDS]
                lines.append(f"| {cluster} | {half} | {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cache", type=Path, help="SQLite store of the GVA analyses (a copy: analyses are added)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = parser.parse_args()
    figures = record_ceilings(args.data_dir, args.cache)
    print(json.dumps(figures, indent=2) if args.json else table(figures))


if __name__ == "__main__":
    main()
