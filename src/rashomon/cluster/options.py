"""The clustering settings, declared once (name, default, help), validated at the edge, passed down.

The scoring rule they parametrise is documented in ``docs/clustering.md``; defaults were chosen on the
GVA long-tail pool (document-level B³ F1, odd incident ids; even ids held out) and are general: nothing
in them names a place or an outlet. Weights at 0 were measured to hurt there (the pool holds different
shootings at the same town, with the same counts) and stay settings for corpora where they help.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from rashomon.errors import ConfigError, Errors

SIGNED = frozenset(["w_cosine"])
"""Settings that may be negative."""


def _opt(default: Any, help_text: str) -> Any:
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True)
class ClusterOptions:
    """How reports are blocked, scored and linked into events."""

    threshold: float = _opt(0.39, "Linkage score two clusters need to be merged.")
    link_mix: float = _opt(
        0.0, "Linkage score: the average cross-pair score moved this share of the way to the best pair (0..1)."
    )
    rejoin_score: float = _opt(
        0.5, "Second pass: two events whose best cross pair scores this much may still be merged..."
    )
    rejoin_average: float = _opt(
        0.25, "...when their average cross-pair score reaches this and no cross pair is a cannot-link."
    )
    window_days: int = _opt(5, "Date window for blocking: candidate pairs lie within this many days.")
    name_window_days: int = _opt(
        1100, "Wider window for pairs sharing a rare name, term or address (trials come years later)."
    )
    top_terms: int = _opt(12, "Highest-weighted TF-IDF terms per article used as blocking keys.")
    max_block: int = _opt(
        60, "A key shared by more articles than this inside one window is too common to block on."
    )
    name_max_df: int = _opt(10, "A proper name in more articles than this is not a rare-name key.")
    boilerplate_min_docs: int = _opt(3, "A text line found in this many articles is boilerplate and ignored.")
    w_sqrt_cosine: float = _opt(1.0, "Weight of the square root of the TF-IDF cosine (the score's unit).")
    w_cosine: float = _opt(
        -0.425, "Weight of the TF-IDF cosine itself (may be negative: with w_sqrt_cosine a concave curve)."
    )
    w_close_cosine: float = _opt(0.088, "Weight of the cosine again when the days lie at most close_days apart.")
    w_names_conflict: float = _opt(0.008, "Penalty when both name rare proper names and share none.")
    w_rare_count: float = _opt(0.016, "Bonus per log(1 + shared rare terms).")
    w_rare_gap: float = _opt(0.094, "Penalty for a shared rare term times the day-gap fraction (as w_gap).")
    w_name: float = _opt(0.086, "Bonus for a shared rare proper name (victims, streets, venues).")
    w_age: float = _opt(0.082, "Bonus for a shared stated age ('a 25-year-old').")
    age_max_stated: int = _opt(
        4, "A shared age counts only when neither report states more ages than this (roundups list many)."
    )
    w_age_conflict: float = _opt(0.093, "Penalty when both state ages and none agree.")
    w_gap: float = _opt(0.063, "Penalty at 60+ days apart, linear from the end of the date window.")
    w_names_extra: float = _opt(0.064, "Bonus per further shared rare proper name (two more at most).")
    w_rare: float = _opt(0.082, "Bonus for a shared rare term (surnames, streets, venues in few reports).")
    w_address: float = _opt(0.093, "Bonus for a shared street address or block ('the 400 block of Pecan Avenue').")
    w_address_conflict: float = _opt(0.079, "Penalty when both give street addresses and share none.")
    rare_max_df: int = _opt(
        4, "A text term in 2..this many articles (and at most 5 % of them) is a rare term (key and bonus)."
    )
    w_close: float = _opt(0.111, "Bonus when the two days lie at most close_days apart.")
    close_days: int = _opt(1, "Days this close count as the same news cycle (w_close).")
    w_title: float = _opt(0.09, "Weight of the cosine of the two headlines (stemmed words, IDF over the headlines).")
    w_clock_conflict: float = _opt(0.118, "Penalty when both write clock times and none lies within clock_minutes.")
    clock_minutes: int = _opt(30, "Clock times this close count as the same ('about 2 a.m.', '2:10 a.m.').")
    w_street: float = _opt(0.092, "Bonus when both name the same street.")
    w_street_conflict: float = _opt(0.055, "Penalty when both name streets and share none.")
    w_weekday_conflict: float = _opt(0.042, "Penalty when both leads name weekdays and share none.")
    w_date_conflict: float = _opt(0.091, "Penalty when both have explicit day-precise event dates that differ.")
    w_place: float = _opt(
        0.0, "Bonus for a shared reliable town-precision place or event places within near_km."
    )
    w_actor: float = _opt(0.0, "Bonus for a shared specific actor (never police, civilians, governments).")
    w_killed: float = _opt(0.05, "Bonus when both state the same killed count above zero.")
    w_date: float = _opt(0.0, "Bonus when both have the same explicit day-precise event date.")
    w_figures: float = _opt(0.0, "Penalty when killed counts are stated by both and cannot be reconciled.")
    w_type: float = _opt(0.0, "Penalty when both have an event type and they differ.")
    near_km: float = _opt(25.0, "Event places this close count as the same place.")
    far_km: float = _opt(150.0, "Event places farther apart than this cannot be one event (cannot-link).")
    max_event_day_gap: int = _opt(
        400, "Explicit day-precise event dates further apart than this cannot be one event..."
    )
    max_published_gap: int = _opt(1, "...when the two reports were published at most this many days apart.")

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (int, float)) and value < 0 and f.name not in SIGNED:
                raise ConfigError(Errors.G001, name=f.name, reason=f"must be >= 0, got {value}")
        if self.link_mix > 1:
            raise ConfigError(Errors.G001, name="link_mix", reason=f"a share between 0 and 1, got {self.link_mix}")
        if self.threshold > 2:
            raise ConfigError(
                Errors.G001, name="threshold", reason=f"scores lie below 2, got {self.threshold}"
            )

    @classmethod
    def settings(cls) -> list[tuple[str, Any, str]]:
        """(name, default, help) of every setting, for the CLI and the docs."""
        return [(f.name, f.default, str(f.metadata["help"])) for f in fields(cls)]

    def with_overrides(self, **values: Any) -> ClusterOptions:
        known = {f.name for f in fields(self)}
        unknown = set(values) - known
        if unknown:
            raise ConfigError(Errors.G001, name=sorted(unknown)[0], reason="no such clustering setting")
        merged = {f.name: getattr(self, f.name) for f in fields(self)}
        merged.update({k: v for k, v in values.items() if v is not None})
        return ClusterOptions(**merged)
