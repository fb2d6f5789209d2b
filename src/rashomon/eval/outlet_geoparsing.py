"""Geoparsing with outlets' home areas: ``rashomon eval extraction --dataset lgl-outlets`` / ``geowebnews-outlets``.

The corpora of :mod:`rashomon.eval.geoparsing` name each document's outlet (LGL: ``domain``; GeoWebNews: the
``link`` of the page). The Rashomon geoparser parses every document once (the ``rashomon_`` keys: the figures
of ``--dataset lgl`` / ``geowebnews``); the ``outlet_home_`` keys score the same output read with each outlet's
home area learned over the corpus without gold (:func:`rashomon.extract.outlet_area.home_readings`: a town or
county that its page leaves ambiguous is its namesake in the area the outlet's other documents name
unambiguously), the rule a dossier applies to its reports' event places. Metrics, splits (``even_`` tuned,
``odd_`` held out) and matching as in :mod:`rashomon.eval.geoparsing`.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rashomon.errors import Errors, EvalError
from rashomon.eval import require
from rashomon.eval.geoparsing import GoldDoc, Tally, rashomon_geoparser, read_geowebnews, read_lgl
from rashomon.extract.outlet_area import home_readings
from rashomon.ingest.outlets import outlet_from_url
from rashomon.records import Place


def read_outlets(path: Path, field: str, limit: int | None = None) -> list[str | None]:
    """Per article of the corpus file, in order, its outlet: the ``field`` element's registered domain."""
    try:
        with gzip.open(require(path), "rb") as handle:
            root = ET.parse(handle).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(Errors.V004, path=str(path), reason=str(exc)) from exc
    return [outlet_from_url(article.findtext(field)) for article in list(root.iter("article"))[:limit]]


def tallies(docs: Sequence[GoldDoc], found: Sequence[Sequence[Place]], prefix: str) -> dict[str, Any]:
    """The geoparsing metrics of ``found`` (places per document) over ``docs``, all and per split."""
    import pycountry

    names = {c.alpha_2: c.name for c in pycountry.countries}
    names.update({"US": "United States", "GB": "United Kingdom", "RU": "Russia", "KR": "South Korea"})
    split = {"": Tally(), "even_": Tally(), "odd_": Tally()}
    for index, (gold, places) in enumerate(zip(docs, found, strict=True)):
        split[""].add(gold, places, names)
        split["odd_" if index % 2 else "even_"].add(gold, places, names)
    metrics: dict[str, Any] = {}
    for key, tally in split.items():
        metrics.update(tally.metrics(f"{key}{prefix}_"))
    return metrics


def score_with_outlets(docs: Sequence[GoldDoc], outlets: Sequence[str | None]) -> dict[str, Any]:
    """Metrics of the Rashomon geoparser on ``docs`` as it is and read with the outlets' home areas."""
    found = [list(places) for places in rashomon_geoparser()(d.text for d in docs)]
    pages = [(outlet or f"document:{i}", places, doc.text)
             for i, (outlet, places, doc) in enumerate(zip(outlets, found, docs, strict=True))]
    metrics: dict[str, Any] = {"docs": len(docs), "outlets": len({o for o in outlets if o})}
    metrics |= tallies(docs, found, "rashomon")
    metrics |= tallies(docs, home_readings(pages), "outlet_home")
    if metrics["rashomon_acc161"]:
        metrics["acc161_vs_rashomon"] = metrics["outlet_home_acc161"] / metrics["rashomon_acc161"]
    return metrics


def score_lgl_outlets(data_dir: Path, *, limit: int | None = None) -> dict[str, Any]:
    """``rashomon eval extraction --dataset lgl-outlets`` (outlet: the article's ``domain``)."""
    path = data_dir / "geoparsing" / "lgl.xml.gz"
    return score_with_outlets(read_lgl(path, limit), read_outlets(path, "domain", limit))


def score_geowebnews_outlets(data_dir: Path, *, limit: int | None = None) -> dict[str, Any]:
    """``rashomon eval extraction --dataset geowebnews-outlets`` (outlet: the domain of the article's ``link``)."""
    path = data_dir / "geoparsing" / "GeoWebNews.xml.gz"
    return score_with_outlets(read_geowebnews(path, limit), read_outlets(path, "link", limit))
