"""JSONPath (RFC 9535) queries, via the maintained ``jsonpath_rfc9535`` library.

Paths start at ``$`` as the RFC says, but feature files may leave the root out:
``items[0].name`` is read as ``$.items[0].name`` and ``[0]`` as ``$[0]``. Results carry
their location, rendered the same way as mismatch paths (``$.items[0].name``) and as the
RFC's normalized path (``$['items'][0]['name']``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jsonpath_rfc9535 as jsonpath

from behave_live.errors import AmbiguousPath, PathNotFound, StepInputError
from behave_live.matching._paths import child_path, location_path, with_root
from behave_live.matching._values import MISSING, is_array, is_object, noun
from behave_live.matching.describe import describe

__all__ = [
    "CompiledPath",
    "Node",
    "compile_path",
    "query",
    "query_nodes",
    "query_one",
    "query_one_node",
    "query_one_or_missing",
]

# How many keys / paths a message lists before summarising the rest.
_LISTED = 20
# A name after a dot that holds a dash: ".X-Trace" in "$.headers.X-Trace".
_DOTTED_DASH_NAME = re.compile(r"(\.\.?)([A-Za-z_][\w]*(?:-[\w]*)+)")


@dataclass(frozen=True)
class CompiledPath:
    """A parsed JSONPath: ``text`` as written, ``expression`` as compiled (with its ``$``)."""

    text: str
    expression: str
    query: jsonpath.JSONPathQuery


@dataclass(frozen=True)
class Node:
    """One value a JSONPath selected, and where it is in the document."""

    value: Any
    location: tuple[str | int, ...]

    @property
    def path(self) -> str:
        """The location as the kit writes paths: ``$.items[0].name``, ``$['odd key']``."""
        return location_path(self.location)

    @property
    def normalized_path(self) -> str:
        """The location as an RFC 9535 normalized path: ``$['items'][0]['name']``."""
        return jsonpath.JSONPathNode(
            value=self.value, location=self.location, parent=None, root=None
        ).path()


def compile_path(path: str | CompiledPath) -> CompiledPath:
    """Parse ``path`` once for repeated queries; raise :class:`StepInputError` if invalid."""
    return path if isinstance(path, CompiledPath) else _compile(path)


@lru_cache(maxsize=512)
def _compile(text: str) -> CompiledPath:
    # Cached: steps re-read the same few paths in every scenario. (The work is in an
    # undecorated function so that mutation testing, which skips decorated ones, reaches it.)
    return _compile_uncached(text)


def _compile_uncached(text: str) -> CompiledPath:
    if not text.strip():
        raise StepInputError(
            "The JSONPath is empty: write $ for the whole document, or a path such as "
            "$.items[0].name."
        )
    expression = with_root(text)
    try:
        compiled = jsonpath.compile(expression)
    except jsonpath.JSONPathError as error:
        read_as = f" (read as {expression!r})" if expression != text else ""
        raise StepInputError(
            f"Invalid JSONPath {text!r}{read_as}: {error}.{_bracket_hint(expression)} Write "
            "RFC 9535 paths such as $.items[0].name, $['odd key'] or $.items[?@.price > 10]; "
            "the leading $. may be left out."
        ) from None
    return CompiledPath(text, expression, compiled)


def _bracket_hint(expression: str) -> str:
    # `$.headers.X-Trace` is the commonest invalid path: after a dot RFC 9535 allows only
    # letters, digits and _, so a name with a dash needs the bracketed form.
    if _DOTTED_DASH_NAME.search(expression) is None:
        return ""
    suggestion = _DOTTED_DASH_NAME.sub(_bracketed, expression)
    try:
        jsonpath.compile(suggestion)
    except jsonpath.JSONPathError:
        return ""
    return (
        f" Did you mean {suggestion}? A name with a dash needs brackets and quotes: after a "
        "dot only letters, digits and _ are allowed."
    )


def _bracketed(found: re.Match[str]) -> str:
    # ".X-Trace" -> "['X-Trace']"; a descendant "..X-Trace" keeps its "..".
    dots, name = found.groups()
    return f"{dots if dots == '..' else ''}['{name}']"


def query_nodes(document: Any, path: str | CompiledPath) -> list[Node]:
    """Return every node ``path`` selects in ``document``, in document order."""
    compiled = compile_path(path)
    try:
        found = compiled.query.find(document)
    except jsonpath.JSONPathError as error:
        raise StepInputError(
            f"JSONPath {compiled.text!r} failed on the document: {error}."
        ) from None
    return [Node(node.value, node.location) for node in found]


def query(document: Any, path: str | CompiledPath) -> list[Any]:
    """Return the values of every node ``path`` selects (an empty list if none)."""
    return [node.value for node in query_nodes(document, path)]


def query_one(document: Any, path: str | CompiledPath) -> Any:
    """Return the one value ``path`` selects.

    Raises :class:`PathNotFound` naming the deepest part of the path that exists and what
    it holds, or :class:`AmbiguousPath` if several values were selected.
    """
    value = query_one_or_missing(document, path)
    if value is MISSING:
        raise PathNotFound(_explain_not_found(document, compile_path(path)))
    return value


def query_one_or_missing(document: Any, path: str | CompiledPath) -> Any:
    """Return the one value ``path`` selects, or :data:`MISSING` (for ``#notpresent``)."""
    node = _one_node_or_none(document, path)
    return node.value if node is not None else MISSING


def query_one_node(document: Any, path: str | CompiledPath) -> Node:
    """Return the one node ``path`` selects: its value and where it is.

    Raises as :func:`query_one` does.
    """
    node = _one_node_or_none(document, path)
    if node is None:
        raise PathNotFound(_explain_not_found(document, compile_path(path)))
    return node


def _one_node_or_none(document: Any, path: str | CompiledPath) -> Node | None:
    nodes = query_nodes(document, path)
    if len(nodes) > 1:
        listed = ", ".join(node.path for node in nodes[:_LISTED])
        more = f" and {len(nodes) - _LISTED} more" if len(nodes) > _LISTED else ""
        raise AmbiguousPath(
            f"JSONPath {compile_path(path).text!r} selected {len(nodes)} values ({listed}{more}) "
            "where one was expected: add an index such as [0] or a filter such as "
            "[?@.id == 1], or compare them all as an array."
        )
    return nodes[0] if nodes else None


def _explain_not_found(document: Any, compiled: CompiledPath) -> str:
    # Re-run ever shorter prefixes of the query: the longest one that selects something is
    # the deepest part that exists, and the segment after it is the step that failed.
    segments = compiled.query.segments
    length = len(segments)
    found: list[jsonpath.JSONPathNode] = []
    while not found and length > 0:
        length -= 1
        prefix = jsonpath.JSONPathQuery(env=compiled.query.env, segments=segments[:length])
        found = prefix.find(document)
    if not found:  # only the bare root has no segments, and the root always exists
        return f"JSONPath {compiled.text!r} matched nothing."
    first = found[0]
    deepest = location_path(first.location)
    where = deepest
    if len(found) > 1:
        where += f" (and {len(found) - 1} other values the same path selects)"
    return (
        f"JSONPath {compiled.text!r} matched nothing. The deepest part that exists is {where}, "
        f"{_summary(first.value)}; the next step selects nothing there: "
        f"{_next_step(deepest, segments[length])}."
    )


def _next_step(parent: str, segment: jsonpath.segments.JSONPathSegment) -> str:
    # The whole path to the step that failed ($.data.items[3]), not the bare segment ([3]):
    # a path can be pasted back, a segment cannot be placed without counting.
    selectors = segment.selectors
    if isinstance(segment, jsonpath.segments.JSONPathChildSegment) and len(selectors) == 1:
        selector = selectors[0]
        if isinstance(selector, jsonpath.selectors.NameSelector):
            return child_path(parent, selector.name)
        if isinstance(selector, jsonpath.selectors.IndexSelector):
            return child_path(parent, selector.index)
    return f"{parent}{segment}"


def _summary(value: Any) -> str:
    if is_object(value):
        if not value:
            return "an empty object"
        keys = ", ".join(describe(str(key)) for key in list(value)[:_LISTED])
        more = f" and {len(value) - _LISTED} more" if len(value) > _LISTED else ""
        return f"an object with keys {keys}{more}"
    if is_array(value):
        if not value:
            return "an empty array"
        items = "1 item" if len(value) == 1 else f"{len(value)} items"
        return f"an array of {items} (indexes 0 to {len(value) - 1})"
    return f"{noun(value)} ({describe(value)}), which has no members"
