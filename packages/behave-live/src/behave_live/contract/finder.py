"""openapi-core's path finder, remembering what it found: the same routes come back often.

Finding the operation of a URL walks every path template of the document; a scenario
suite asks about the same few URLs over and over, and openapi-core asks three times per
exchange (the check, the request validator, the response validator). A finder class per
document, so that two documents never share answers.
"""

from __future__ import annotations

from typing import Any

__all__ = ["remembering_finder"]

# URLs remembered per document; past this many the memory starts over (ids in paths make
# URLs many, and a run may be long).
_REMEMBERED = 4096


def remembering_finder() -> type[Any]:
    """A new ``APICallPathFinder`` subclass with a memory of its own."""
    from openapi_core.templating.paths.finders import (  # noqa: PLC0415 (the optional extra)
        APICallPathFinder,
    )

    found: dict[tuple[str, str], Any] = {}

    class RememberingPathFinder(APICallPathFinder):
        def find(self, method: str, name: str) -> Any:
            key = (method, name)
            if key not in found:
                if len(found) >= _REMEMBERED:
                    found.clear()
                # Failures (PathNotFound...) are not remembered: they end the check anyway.
                found[key] = super().find(method, name)
            return found[key]

    return RememberingPathFinder
