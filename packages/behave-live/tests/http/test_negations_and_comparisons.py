"""Negated and numeric assertions against the demo app: they pass, fail, never pass vacuously."""

from __future__ import annotations

import pytest

from behave_live.errors import ExchangeAssertionError, StepInputError
from behave_live.http.exchange import Exchange
from behave_live.http.json_comparisons import assert_json_count, assert_json_number
from behave_live.http.negations import (
    assert_body_not_contains,
    assert_header_not,
    assert_header_not_contains,
    assert_json_array_not_contains,
    assert_json_not_contains,
    assert_json_value_not,
    assert_status_not,
)
from behave_live.http.session import HttpSession
from behave_live.matching.conditions import Condition, parse_condition


def get(http: HttpSession, path: str) -> Exchange:
    http.get(path)
    return http.last_exchange


def summary(error: pytest.ExceptionInfo[ExchangeAssertionError]) -> str:
    return error.value.summary


def test_negations_pass_when_the_value_is_another(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    assert_status_not(exchange, 500)
    assert_header_not(exchange, "content-language", "fr")
    assert_header_not_contains(exchange, "Cache-Control", "no-store")
    assert_body_not_contains(exchange, "Traceback")
    assert_json_value_not(exchange, "$.currency", "USD")
    assert_json_value_not(exchange, "$.count", "3")  # the string is not the number
    assert_json_not_contains(exchange, "$.items[0]", {"sku": "TEA-001", "price": 1})
    assert_json_array_not_contains(exchange, "$.items[0].tags", "sale")


def test_negations_fail_when_the_value_is_the_unwanted_one(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_status_not(exchange, 200)
    assert summary(failure) == "Response status: expected anything but 200, got 200."
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_value_not(exchange, "$.items[0].price", "#number")
    assert summary(failure) == "$.items[0].price: expected anything but #number, got 34.5."
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_array_not_contains(exchange, "$.items[*].tags[*]", "gift")
    assert summary(failure) == (
        "The JSON selected by $.items[*].tags[*] contains values it should not.\n2 mismatches:\n"
        '  $.items[0].tags[1]: expected no element matching "gift", got "gift"\n'
        '  $.items[2].tags[1]: expected no element matching "gift", got "gift"'
    )


def test_a_missing_value_never_passes_a_negation(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_value_not(exchange, "$.state", "done")
    assert summary(failure).startswith(
        '$.state is missing, so it cannot be checked to not be "done"; to check that it is '
        'absent, write: the JSON value at "$.state" should not exist. JSONPath'
    )
    with pytest.raises(ExchangeAssertionError, match="is missing, so it cannot be checked"):
        assert_json_not_contains(exchange, "$.items[5]", {"a": 1})
    with pytest.raises(ExchangeAssertionError, match="is missing, so it cannot be checked"):
        assert_json_array_not_contains(exchange, "$.tags", "x")
    with pytest.raises(ExchangeAssertionError, match=r"'ETag' is missing .* cannot be checked"):
        assert_header_not_contains(exchange, "ETag", "x")


def test_an_array_check_on_something_else_says_so(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_array_not_contains(exchange, "$.count", 3)
    assert summary(failure) == (
        "$.count: expected an array not containing 3, got 3, which is not an array."
    )


def test_a_bad_marker_is_reported_before_the_response(http: HttpSession) -> None:
    exchange = get(http, "/samples/ping")  # not JSON: the marker error still comes first

    with pytest.raises(StepInputError, match="Unknown fuzzy marker '#nmber'"):
        assert_json_value_not(exchange, "$.x", "#nmber")


def test_numbers_within_bounds(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    assert_json_number(exchange, "$.items[0].price", parse_condition("> 34"))
    assert_json_number(exchange, "$.count", parse_condition("between 3 and 3"))
    assert_json_count(exchange, "$.items", Condition(">=", (3,)))
    assert_json_count(exchange, "$.items[?@.price > 100]", Condition("<=", (0,)))
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_number(exchange, "$.items[1].price", parse_condition(">= 12.5"))
    assert summary(failure) == "$.items[1].price: expected a number at least 12.5, got 12.0."


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("$.currency", '$.currency: expected a number greater than 1, got the string "EUR".'),
        ("$.items[0].discount", "$.items[0].discount: expected a number greater than 1, got null."),
        (
            "$.items[0].stock",
            '$.items[0].stock: expected a number greater than 1, got the object {"',
        ),
        ("$.items[*].price", "$.items[*].price: expected a number greater than 1, got the array ["),
        ("$.nope", "The JSON value at $.nope: expected a number greater than 1, but JSONPath"),
    ],
)
def test_a_comparison_says_what_it_got_instead_of_a_number(
    http: HttpSession, path: str, message: str
) -> None:
    exchange = get(http, "/samples/catalog")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_number(exchange, path, parse_condition("> 1"))
    assert summary(failure).startswith(message)


def test_a_count_of_something_else_says_so(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_count(exchange, "$.currency", Condition(">=", (1,)))
    assert summary(failure) == (
        '$.currency: expected an array of at least 1 element, got the string "EUR", which is '
        "not an array."
    )
