"""Assertions about an XML response body, with XPath (see :mod:`behave_live.matching.xpath`).

Each failure message names the XPath, what was expected and what it selected, then shows
the exchange - the XML document included.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from behave_live.errors import ExchangeAssertionError, StepInputError
from behave_live.http.exchange import Exchange
from behave_live.matching.xpath import XmlDocumentError, node_text, parse_xml, select, shown_node

__all__ = [
    "assert_xpath_absent",
    "assert_xpath_count",
    "assert_xpath_exists",
    "assert_xpath_value",
    "response_xml",
]

# Selected nodes listed in a message; a long selection is summarised after these.
_LISTED = 5


def response_xml(exchange: Exchange) -> Element:
    """The response body parsed as XML, or a failure saying why it cannot be."""
    response = exchange.response
    try:
        return parse_xml(response.content)
    except XmlDocumentError as error:
        content_type = response.headers.get("Content-Type", "no Content-Type")
        raise ExchangeAssertionError(
            f"Expected an XML response body ({content_type}, {len(response.content)} bytes), "
            f"but {error}.",
            exchange,
        ) from None


def assert_xpath_value(exchange: Exchange, path: str, expected: str) -> None:
    """Fail unless ``path`` selects exactly one item whose string value is ``expected``."""
    found = _selected(exchange, path)
    lead = f"XPath {path}: expected {expected!r}"
    if isinstance(found, list):
        if not found:
            raise ExchangeAssertionError(f"{lead}, but it selects nothing.", exchange)
        if len(found) > 1:
            raise ExchangeAssertionError(
                f"{lead}, but it selects {len(found)} nodes: {_listed(found)}. Make it select "
                f"one, for example ({path})[1].",
                exchange,
            )
        found = found[0]
    actual = node_text(found)
    if actual != expected:
        raise ExchangeAssertionError(f"{lead}, got {actual!r}.", exchange)


def assert_xpath_count(exchange: Exchange, path: str, count: int) -> None:
    """Fail unless ``path`` selects exactly ``count`` nodes."""
    found = _nodes(exchange, path, f"{count} node{'s' if count != 1 else ''}")
    if len(found) != count:
        listed = f": {_listed(found)}" if found else ""
        raise ExchangeAssertionError(
            f"XPath {path}: expected {count} node{'s' if count != 1 else ''}, got "
            f"{len(found)}{listed}.",
            exchange,
        )


def assert_xpath_exists(exchange: Exchange, path: str) -> None:
    """Fail unless ``path`` selects at least one node."""
    if not _nodes(exchange, path, "a node"):
        raise ExchangeAssertionError(
            f"XPath {path}: expected it to select a node, but it selects nothing.", exchange
        )


def assert_xpath_absent(exchange: Exchange, path: str) -> None:
    """Fail if ``path`` selects any node."""
    found = _nodes(exchange, path, "no node")
    if found:
        raise ExchangeAssertionError(
            f"XPath {path}: expected it to select nothing, but it selects {len(found)} "
            f"node{'s' if len(found) != 1 else ''}: {_listed(found)}.",
            exchange,
        )


def _selected(exchange: Exchange, path: str) -> Any:
    return select(response_xml(exchange), path)


def _nodes(exchange: Exchange, path: str, wanted: str) -> list[Any]:
    found = _selected(exchange, path)
    if not isinstance(found, list):
        raise StepInputError(
            f"The XPath {path} computes the value {node_text(found)!r}, not a set of nodes, "
            f'so it cannot select {wanted}. To check a computed value write: Then the XPath "'
            f'{path}" should be "..."'
        )
    return found


def _listed(found: list[Any]) -> str:
    shown = ", ".join(shown_node(item) for item in found[:_LISTED])
    more = len(found) - _LISTED
    return shown + (f" and {more} more" if more > 0 else "")
