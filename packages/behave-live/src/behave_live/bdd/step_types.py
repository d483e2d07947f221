"""Parse types for the kit's step patterns (behave's default "parse" matcher).

Plain ``"{name}"`` in a pattern matches one character or more, quotes included. Two
types refine it; step modules register them with ``register_type(**STEP_TYPES)``:

- ``Unquoted``: text without a double quote, possibly empty. ``to "{path:Unquoted}"`` then
  cannot swallow the rest of a longer step (``to "/upload" with the file "a.txt" as
  "doc"``), so patterns that share a beginning never overlap, in whatever order they are
  registered.
- ``AnyText``: any text, possibly empty (``the cookie "theme" is ""``), quotes included
  (``the request header "If-None-Match" is "W/"v1""``).
- ``Method``: one word without spaces or quotes (``GET``, ``PROPFIND``, ``M-SEARCH``); the
  step then checks it is an HTTP method token, so a typo fails with a sentence instead of
  leaving the step undefined.
- ``Comparison``: ``greater than``, ``at least``, ``less than`` or ``at most``, converted to
  the operator (``>``, ``>=``, ``<``, ``<=``) of :mod:`behave_live.matching.conditions`.
- ``WebSocket``: ``WebSocket`` or ``WebSocket "name"``, converted to the name (``""`` for the
  scenario's unnamed WebSocket), so every WebSocket step works on one or several connections.
- ``JsonLiteral``: an inline JSON value, i.e. any text that does not start with a comparison
  (or ``between``). ``should be {expected:JsonLiteral}`` then never takes ``should be at
  least 3`` for a malformed JSON value, whatever order the steps are registered in.

This module does not import behave: it only describes the types.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Final

__all__ = ["COMPARISONS", "STEP_TYPES"]


class _TextType:
    """A parse type converter: the matched text, unchanged, for a regular expression."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern  # read by parse to build the step's regular expression

    def __call__(self, text: str) -> str:
        return text


class _ChoiceType:
    """A parse type converter: one of a few phrases, converted to the value it stands for."""

    def __init__(self, choices: Mapping[str, str]) -> None:
        self._choices = choices
        self.pattern = "|".join(re.escape(phrase) for phrase in choices)

    def __call__(self, text: str) -> str:
        return self._choices[text]


class _WebSocketName:
    """``WebSocket "alice"`` -> ``"alice"``; a plain ``WebSocket`` -> ``""`` (the unnamed one)."""

    pattern = r'WebSocket(?: "[^"]+")?'

    def __call__(self, text: str) -> str:
        return text[len("WebSocket") :].strip().strip('"')


#: The comparison phrases of the steps, and the operator each one stands for.
COMPARISONS: Final[Mapping[str, str]] = {
    "greater than": ">",
    "at least": ">=",
    "less than": "<",
    "at most": "<=",
}
_NOT_A_COMPARISON: Final = "|".join(re.escape(phrase) for phrase in [*COMPARISONS, "between"])

STEP_TYPES: dict[str, Callable[[str], str]] = {
    "Unquoted": _TextType(r'[^"]*'),
    "AnyText": _TextType(r".*?"),
    "Method": _TextType(r'[^\s"]+'),
    "Comparison": _ChoiceType(COMPARISONS),
    "JsonLiteral": _TextType(rf"(?!(?:{_NOT_A_COMPARISON})\b).+?"),
    "WebSocket": _WebSocketName(),
}
