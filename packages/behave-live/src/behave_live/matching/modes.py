"""The comparison modes of :func:`behave_live.matching.match`, named after Karate's."""

from __future__ import annotations

from typing import Final, Literal, get_args

__all__ = ["MATCH_MODES", "MatchMode"]

MatchMode = Literal[
    "equals",
    "contains",
    "contains_only",
    "contains_any",
    "not_contains",
    "each",
    "each_contains",
]

#: Every mode, in documentation order; steps use it to validate the word a feature used.
MATCH_MODES: Final[tuple[MatchMode, ...]] = get_args(MatchMode)
