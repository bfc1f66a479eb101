"""Levels of change and the notification each requires (DESIGN "Material-change rules")."""
from __future__ import annotations

from typing import Final, Literal

from ..model.base import N_

Level = Literal["none", "editorial", "review", "material", "consent"]

#: Lowest first; a diff's level is the highest of its findings.
LEVELS: Final[tuple[Level, ...]] = ("none", "editorial", "review", "material", "consent")




#: level -> (notification key, what the key means for the people affected, in English:
#: a msgid of the interface catalog). An undecided ``review`` is treated as a prominent
#: notice until a person decides.
NOTIFICATIONS: Final[dict[str, tuple[str, str]]] = {
    "none": ("none", N_("No notification")),
    "editorial": ("changelog", N_("Changelog entry on the Rules Center")),
    "review": ("notice", N_("Needs review: treat as a prominent notice until a person decides")),
    "material": ("notice", N_("Prominent notice with pop-up before it takes effect")),
    "consent": ("consent", N_("Express consent required before it takes effect")),
}


def rank(level: str) -> int:
    """Position of ``level`` in :data:`LEVELS` (ValueError for an unknown level)."""
    return LEVELS.index(level)  # type: ignore[arg-type]


def highest(levels: "list[str] | tuple[str, ...]") -> Level:
    """The highest of ``levels``; ``none`` when empty."""
    return max(levels, key=rank, default="none")  # type: ignore[return-value]
