"""Framing: one actor labelled in evaluative or identity terms that differ between reports.

Two reports *frame* an actor differently when the evaluative or identity terms of their labels for it differ:
"local militia" against "illegal militants" (``local``, ``militia`` / ``illegal``, ``militant``), "Republic
of Artsakh" against "self-proclaimed Nagorno-Karabakh Republic" (``self-proclaimed``). Mere variants of a
name ("defense ministry", "Azerbaijani Army", "Armed forces of Azerbaijan") carry no such term, so a state's
forces named in different words are not framed. Identity terms are demonyms of a country other than the
actor's own ("Armenian irregular forces" for a force coded in Azerbaijan), affiliations ("pro-Russian",
"Iranian-backed") and ``ethnic``/``local``; a demonym of the actor's own country only names it.

Framing items are ranked so the non-state actor whose reports' terms diverge most comes first; each lists
the labels per article (``labels``) and per outlet (``labels_by_outlet``) and the terms that differ.
"""

from __future__ import annotations

import re
from itertools import combinations, pairwise
from typing import Any

from rashomon.extract.actor_kb import load_kb
from rashomon.reconcile.actors import ActorEntry, ActorIndex
from rashomon.reconcile.evidence import normalise_label, state_key

EVALUATIVE_TERMS = frozenset(
    {
        "terrorist", "terror", "militant", "militia", "rebel", "insurgent", "separatist", "secessionist",
        "extremist", "radical", "jihadist", "islamist", "guerrilla", "bandit", "gang", "gunman", "thug",
        "mercenary", "irregular", "illegal", "illegitimate", "unlawful", "paramilitary", "partisan",
        "resistance", "liberation", "occupier", "occupation", "occupying", "invader", "invading", "aggressor",
        "regime", "junta", "puppet", "proxy", "self-proclaimed", "self-styled", "self-declared", "so-called",
        "unrecognized", "unrecognised", "breakaway", "criminal", "nazi", "neo-nazi", "fascist", "collaborator",
        "local", "ethnic", "volunteer", "defender", "martyr", "hero", "heroic", "fighter", "freedom",
        "element", "formation", "de facto", "armed element", "armed formation",
    }
)  # fmt: skip
"""Words (and two-word phrases) that judge or place an actor rather than name it. Plurals are folded."""

_VARIANTS = {"militiaman": "militia", "militiamen": "militia", "gunmen": "gunman", "terrorism": "terror"}
_AFFILIATION = re.compile(r"^(?:pro|anti)-\w+|^\w+-(?:backed|led|aligned|sponsored|supported|allied)$")
_WORD = re.compile(r"[\w’'-]+")


def _singular(word: str) -> str:
    word = _VARIANTS.get(word, word)
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return _VARIANTS.get(word, word)


def label_terms(label: str, own_country: str | None) -> set[str]:
    """The evaluative and identity terms of one label, for an actor of ``own_country``."""
    words = [w.casefold().replace("’", "'").strip("'-") for w in _WORD.findall(label)]
    folded = [_singular(w) for w in words if w]
    terms = {w for w in folded if w in EVALUATIVE_TERMS}
    terms |= {f"{a} {b}" for a, b in pairwise(folded) if f"{a} {b}" in EVALUATIVE_TERMS}
    terms |= {w for w in words if _AFFILIATION.match(w)}
    kb = load_kb()
    for word in words:
        country = kb.country_of(word) if word[:1].isalpha() and "-" not in word else None
        if country and country != own_country:
            terms.add(word.removesuffix("'s"))
    return terms


def _descriptive(entry: ActorEntry, article_id: str) -> dict[str, str]:
    """Normalised label -> label as written, leaving out metonymy and the canonical name itself."""
    canonical = normalise_label(entry.name)
    return {
        normalise_label(label): label
        for label in entry.labels.get(article_id, [])
        if entry.via.get((article_id, label)) != "metonymy" and normalise_label(label) != canonical
    }


def _terms_by_article(entry: ActorEntry) -> dict[str, dict[str, set[str]]]:
    """Article -> label as written -> its terms, for every article that labels the actor (not by metonymy)."""
    result: dict[str, dict[str, set[str]]] = {}
    for article_id in entry.labels:
        labelled = any(entry.via.get((article_id, label)) != "metonymy" for label in entry.labels[article_id])
        if labelled:
            result[article_id] = {
                label: label_terms(label, entry.country_code)
                for label in _descriptive(entry, article_id).values()
            }
    return result


def _shown(labels: dict[str, set[str]]) -> list[str]:
    """The labels that carry terms, else every descriptive label (what the report says instead)."""
    return [label for label, terms in labels.items() if terms] or list(labels)


def _is_state(entry: ActorEntry) -> bool:
    return state_key(entry.id, entry.type, entry.country_code) is not None


def _framing_item(entry: ActorEntry, outlets: dict[str, str]) -> dict[str, Any] | None:
    per_article = _terms_by_article(entry)
    terms = {art: set().union(*labels.values()) for art, labels in per_article.items()}
    differing = [(a, b) for a, b in combinations(terms, 2) if terms[a] != terms[b]]
    if not differing:
        return None
    articles = list(dict.fromkeys(art for pair in differing for art in pair))
    labels = {art: _shown(per_article[art]) for art in articles}
    by_outlet: dict[str, list[str]] = {}
    for art in articles:
        shown = by_outlet.setdefault(outlets[art], [])
        shown.extend(label for label in labels[art] if label not in shown)
    said = "; ".join(
        f"{outlet} says " + (", ".join(f"“{x}”" for x in found) or f"only “{entry.name}”")
        for outlet, found in by_outlet.items()
    )
    return {
        "kind": "framing",
        "summary": f"Reports label {entry.name} differently: {said}.",
        "articles": articles,
        "actor": entry.name,
        "actor_id": entry.id,
        "actor_type": entry.type,
        "labels": labels,
        "labels_by_outlet": by_outlet,
        "terms": {art: sorted(terms[art]) for art in articles},
        "divergence": max(len(terms[a] ^ terms[b]) for a, b in differing),
        "spans": [{"article": art, "start": s, "end": e} for art in articles for s, e in entry.spans.get(art, [])],
    }


def framing(index: ActorIndex, outlets: dict[str, str]) -> list[dict[str, Any]]:
    """Actors whose reports frame them in different terms; non-state actors first, most divergent first."""
    found = [(entry, item) for entry in index.entries() if (item := _framing_item(entry, outlets))]
    found.sort(key=lambda pair: (_is_state(pair[0]), -pair[1]["divergence"], pair[0].name))
    return [item for _, item in found]
