"""Assertions about response headers as a whole: present, and list-valued headers.

A header sent on several lines (``Vary: Accept`` and ``Vary: Accept-Language``) reaches
the kit as one value joined with ", " - the combined form RFC 9110 (section 5.3) defines as
equivalent - so a list-valued header is compared element by element, in any order.
"""

from __future__ import annotations

from collections import Counter

from behave_live.errors import ExchangeAssertionError, StepInputError
from behave_live.http.assertions import response_header
from behave_live.http.exchange import Exchange
from behave_live.http.shown_values import shown_header

__all__ = ["assert_header_lists", "assert_header_present", "list_items"]


def assert_header_present(exchange: Exchange, name: str) -> None:
    """Fail unless the response has a header called ``name`` (case-insensitive)."""
    response_header(
        exchange, name, missing=f"Response header {name!r}: expected it to be there, but"
    )


def assert_header_lists(exchange: Exchange, name: str, expected: str) -> None:
    """Fail unless the list-valued header ``name`` holds exactly the items of ``expected``.

    Both are comma-separated lists; order and the spaces around items do not matter, but
    every item must be there as often as expected, and no other.
    """
    wanted = list_items(expected)
    if not wanted:
        raise StepInputError(
            f"The expected list for the header {name!r} is empty: give its items separated "
            'by commas, such as "GET, POST".'
        )
    summary = f"the list {', '.join(wanted)!r} in any order"
    actual = response_header(
        exchange, name, missing=f"Response header {name!r}: expected {summary}, but"
    )
    got = list_items(actual)
    missing = list((Counter(wanted) - Counter(got)).elements())
    extra = list((Counter(got) - Counter(wanted)).elements())
    if missing or extra:
        differences = [f"missing: {', '.join(missing)}"] if missing else []
        differences += [f"unexpected: {', '.join(extra)}"] if extra else []
        raise ExchangeAssertionError(
            f"Response header {name!r}: expected {summary}, got {shown_header(name, actual)} "
            f"({'; '.join(differences)}).",
            exchange,
        )


def list_items(value: str) -> list[str]:
    """The items of a comma-separated header value, stripped, empty items dropped."""
    return [item.strip() for item in value.split(",") if item.strip()]
