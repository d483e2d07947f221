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

This module does not import behave: it only describes the types.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["STEP_TYPES"]


class _TextType:
    """A parse type converter: the matched text, unchanged, for a regular expression."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern  # read by parse to build the step's regular expression

    def __call__(self, text: str) -> str:
        return text


STEP_TYPES: dict[str, Callable[[str], str]] = {
    "Unquoted": _TextType(r'[^"]*'),
    "AnyText": _TextType(r".*?"),
    "Method": _TextType(r'[^\s"]+'),
}
