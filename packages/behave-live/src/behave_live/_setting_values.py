"""Parsers for one setting's text ("5", "on", "feature") into its typed value.

Each parser takes the raw text and returns the value, or raises :class:`BadValue` with the
reason in words; the caller adds where the text came from and how to write it instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

from behave_live.sharding.spec import ShardSpec

__all__ = [
    "MAX_SECONDS",
    "BadValue",
    "choice",
    "flag",
    "optional_text",
    "optional_url",
    "paths",
    "seconds",
    "shard",
    "text",
    "url_path",
]

_Choice = TypeVar("_Choice", bound=str)

#: The longest timeout accepted. A server that needs more than an hour to start or stop is
#: stuck: with a longer bound the run would sit waiting for it instead of failing.
MAX_SECONDS = 3600.0

_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


class BadValue(ValueError):
    """A setting's text cannot be read; the message is the reason, worded after the value."""


def text(raw: str) -> str:
    """Text, stripped (an empty value never gets here: it leaves the default)."""
    return raw.strip()


def optional_text(raw: str) -> str | None:
    """Text, or None when empty (the setting is then unset)."""
    return raw.strip() or None


def paths(raw: str) -> tuple[str, ...]:
    """Paths separated by commas ("features/board, features/billing"), blanks dropped."""
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def url_path(raw: str) -> str:
    """A path on the server under test, starting with a slash: ``/openapi.json``."""
    value = raw.strip()
    if not value.startswith("/") or "://" in value:
        raise BadValue("is not a path on the server (one that starts with /)")
    return value


def optional_url(raw: str) -> str | None:
    """An http(s) URL, or None when empty."""
    value = raw.strip()
    if not value:
        return None
    if not value.startswith(("http://", "https://")):
        raise BadValue("is not an http:// or https:// URL")
    return value.rstrip("/")


def flag(raw: str) -> bool:
    """A yes/no value: true/false, yes/no, on/off, 1/0 (any case)."""
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise BadValue("is not a yes/no value (true/false, yes/no, on/off, 1/0)")


def seconds(raw: str) -> float:
    """A finite number of seconds, more than 0 and at most :data:`MAX_SECONDS`."""
    try:
        value = float(raw.strip())
    except ValueError:
        raise BadValue("is not a number of seconds") from None
    if not math.isfinite(value):
        raise BadValue("is not a finite number of seconds")
    if value <= 0:
        raise BadValue("is not more than 0 seconds")
    if value > MAX_SECONDS:
        raise BadValue(
            f"is more than an hour ({MAX_SECONDS:g} s): a server that needs that long to start "
            "or stop is stuck, and the run would wait for it instead of failing"
        )
    return value


def choice(options: Sequence[_Choice]) -> Callable[[str], _Choice]:
    """A parser that accepts one of ``options`` (any case)."""

    def parse(raw: str) -> _Choice:
        value = raw.strip().lower()
        for option in options:
            if value == option:
                return option
        raise BadValue(f"is not one of {', '.join(options)}")

    return parse


def shard(raw: str) -> ShardSpec | None:
    """A shard ``INDEX/TOTAL`` ("2/4"), or None when empty (the whole suite runs)."""
    value = raw.strip()
    if not value:
        return None
    try:
        return ShardSpec.parse(value)
    except ValueError as reason:
        raise BadValue(str(reason)) from None
