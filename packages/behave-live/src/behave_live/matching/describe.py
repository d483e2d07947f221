"""Compact, one-line renderings of JSON values for failure messages."""

from __future__ import annotations

import json
from typing import Any

from behave_live.matching._values import MISSING

__all__ = ["describe"]

#: Long enough for a small object, short enough that a list of mismatches stays readable.
DEFAULT_LIMIT = 80


def describe(value: Any, limit: int = DEFAULT_LIMIT) -> str:
    """Render ``value`` as compact JSON (strings quoted), cut to ``limit`` characters with ``…``.

    >>> describe({"id": 1, "tags": ["a"]})
    '{"id":1,"tags":["a"]}'
    """
    if value is MISSING:
        return "<missing>"
    try:
        # ensure_ascii=False keeps non-ASCII text readable for the people reading reports.
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        # Not JSON (a set, a datetime, a circular structure): repr still says what it is.
        text = repr(value)
    if len(text) > limit:
        return text[: max(limit - 1, 0)] + "…"
    return text
