"""Render locations inside a document as JSONPath: ``$.items[2].price``, ``$['odd key']``.

The rendering is itself a valid RFC 9535 query selecting exactly that node, so a path from a
message can be pasted back into a step. Dot notation is used only for plain ASCII names,
where it is unambiguous; anything else gets the bracketed, quoted form.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Final

__all__ = ["ROOT", "child_path", "location_path", "with_root"]

ROOT: Final = "$"

_SHORTHAND_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def child_path(parent: str, key: str | int) -> str:
    """Return the path of ``parent``'s member ``key`` (an object key or an array index)."""
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{parent}[{key}]"
    name = str(key)
    if _SHORTHAND_NAME.fullmatch(name):
        return f"{parent}.{name}"
    return f"{parent}[{_quote(name)}]"


def location_path(location: Iterable[str | int], root: str = ROOT) -> str:
    """Return the path for a sequence of keys and indexes, starting at ``root``."""
    path = root
    for key in location:
        path = child_path(path, key)
    return path


def _quote(name: str) -> str:
    # Single quotes as in the RFC's normalized paths; the escapes are JSON's, which
    # RFC 9535 string literals share (plus \' for the quote itself).
    escaped = json.dumps(name, ensure_ascii=False)[1:-1].replace('\\"', '"').replace("'", "\\'")
    return f"'{escaped}'"


def with_root(path: str) -> str:
    """Return ``path`` starting with ``$``: ``items[0]`` -> ``$.items[0]``, ``[0]`` -> ``$[0]``.

    Feature files read better without the ``$.`` noise, so the root may be left out.
    """
    text = path.strip()
    if text.startswith("$"):
        return text
    if text.startswith((".", "[")):
        return ROOT + text
    return f"{ROOT}.{text}" if text else ROOT
