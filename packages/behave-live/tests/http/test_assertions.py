"""The response assertions of the kit, called directly against the test app over real HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from behave_live import UvicornTestServer
from behave_live.errors import KitError, RequestFailedError, StepInputError
from behave_live.http.assertions import (
    ExchangeAssertionError,
    assert_body,
    assert_body_contains,
    assert_body_matches,
    assert_header,
    assert_header_absent,
    assert_header_contains,
    assert_header_matches,
    assert_response_time_under,
    assert_status,
    assert_status_class,
    assert_status_in,
    response_json,
)
from behave_live.http.exchange import Exchange
from behave_live.http.json_assertions import (
    assert_json,
    assert_json_absent,
    assert_json_array_contains,
    assert_json_exists,
    assert_json_length,
    assert_json_schema,
    assert_json_value,
    select,
)
from behave_live.http.retry import json_value_is, repeat_until, status_is
from behave_live.http.session import HttpSession
from behave_live.http.shown_values import is_secret_path
from behave_live.inputs.expectations import (
    expected_json_document,
    expected_json_literal,
    expected_text,
    json_file,
    regular_expression,
    status_class,
    status_codes,
)
from behave_live.inputs.feature_files import FeatureFiles
from behave_live.inputs.variables import Variables
from behave_live.matching import MISSING

# `http` and `live_server` come from the kit's pytest plugin, serving kit_testing's app.


def get(http: HttpSession, path: str) -> Exchange:
    http.get(path)
    return http.last_exchange


def summary(error: pytest.ExceptionInfo[ExchangeAssertionError]) -> str:
    return error.value.summary


# -- status -----------------------------------------------------------------------------------


def test_status_one_of_and_class(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog/items/NOPE-1")

    assert_status(exchange, 404)
    assert_status_in(exchange, (200, 404))
    assert_status_class(exchange, 4)
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_status_in(exchange, (200, 201))
    assert summary(failure) == "Response status: expected one of 200, 201, got 404."
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_status_class(exchange, 5)
    assert summary(failure) == "Response status: expected 5xx (server error), got 404."


def test_a_failure_message_ends_with_the_exchange(http: HttpSession) -> None:
    exchange = get(http, "/samples/ping")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_status(exchange, 500)
    message = str(failure.value)
    assert message.startswith("Response status: expected 500, got 200.\n\nRequest:\n")
    assert "Response:\n  200 OK" in message
    assert "Reproduce with:\n  curl -i http://127.0.0.1:" in message


# -- headers ----------------------------------------------------------------------------------


def test_header_checks_pass_on_the_catalogue(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    assert_header(exchange, "content-language", "en")  # names are case-insensitive
    assert_header_contains(exchange, "Cache-Control", "max-age=300")
    assert_header_matches(exchange, "X-Request-Id", r"[0-9a-f-]{36}")
    assert_header_absent(exchange, "X-Powered-By")


def test_a_header_regex_must_match_the_whole_value(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_header_matches(exchange, "Cache-Control", "public")
    assert (
        "expected a value matching the regular expression 'public', got 'public, max-age=300'"
        in (summary(failure))
    )


@pytest.mark.parametrize("check", [assert_header, assert_header_contains, assert_header_matches])
def test_a_missing_header_lists_the_headers_there_are(
    http: HttpSession, check: Callable[[Exchange, str, str], None]
) -> None:
    exchange = get(http, "/samples/ping")

    with pytest.raises(ExchangeAssertionError, match=r"no such header \(it has: date"):
        check(exchange, "ETag", "x")


def test_an_invalid_header_regex_is_a_step_input_error(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    with pytest.raises(StepInputError, match=r"The regular expression '\(' for the header"):
        assert_header_matches(exchange, "X-Request-Id", "(")


# -- body text --------------------------------------------------------------------------------


def test_body_checks_pass_on_the_greeting(http: HttpSession) -> None:
    exchange = get(http, "/samples/greeting?name=Ada")

    assert_body(exchange, "Hello, Ada!\nYou have 3 new messages.")
    assert_body_contains(exchange, "3 new")
    assert_body_matches(exchange, r"Hello, \w+!.*")  # . spans lines


def test_a_body_difference_is_located(http: HttpSession) -> None:
    exchange = get(http, "/samples/greeting?name=Ada")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_body(exchange, "Hello, Ada!\nYou have 4 new messages.")
    assert "first difference at line 2, column 10: expected '4 new messag', got '3 new messag'" in (
        summary(failure)
    )
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_body(exchange, "Hello, Ada!")
    assert "the body goes on after the expected text with '\\nYou have 3 '" in summary(failure)
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_body(exchange, "Hello, Ada!\nYou have 3 new messages. Bye.")
    assert "the body ends where the expected text goes on with ' Bye.'" in summary(failure)


def test_an_empty_body_is_shown_as_empty(http: HttpSession) -> None:
    http.head("/samples/ping")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_body_contains(http.last_exchange, "pong\nping")
    assert "Got:\n    (empty)" in summary(failure)


# -- response time ----------------------------------------------------------------------------


def test_response_time(http: HttpSession) -> None:
    exchange = get(http, "/slow?ms=30")

    assert_response_time_under(exchange, 5000)
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_response_time_under(exchange, 10)
    assert summary(failure).startswith("Response time: expected under 10 ms, got ")


# -- JSON -------------------------------------------------------------------------------------


def test_a_singular_path_selects_one_value_and_places_mismatches_there() -> None:
    selection = select({"items": [{"price": 1}]}, "items[0]")

    assert selection.singular
    assert selection.value == {"price": 1}
    assert selection.where == "$.items[0]"
    assert selection.subject == "The JSON value at $.items[0]"


def test_a_path_that_selects_nothing_is_missing() -> None:
    selection = select({"items": []}, "$.items[0]")

    assert selection.value is MISSING
    assert "The deepest part that exists is $.items, an empty array" in selection.not_found()


def test_a_wildcard_path_selects_an_array_of_values() -> None:
    selection = select({"items": [{"price": 1}, {"price": 2}]}, "$.items[*].price")

    assert not selection.singular
    assert selection.value == [1, 2]
    assert selection.subject == "The JSON selected by $.items[*].price"


def test_the_json_response_matches_in_every_mode(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    assert_json(exchange, {"currency": "EUR", "count": 3}, "contains")
    assert_json(exchange, ["gift", "kitchen"], "contains_only", path="$.items[0].tags")
    assert_json(exchange, ["sale", "gift"], "contains_any", path="$.items[0].tags")
    assert_json(exchange, ["sale"], "not_contains", path="$.items[0].tags")
    assert_json(exchange, "#number", "each", path="$.items[*].price")
    assert_json(exchange, {"stock": "#object"}, "each_contains", path="$.items")
    assert_json_value(exchange, "$.items[*].sku", ["TEA-001", "MUG-002", "LMP-003"])


def test_each_fails_on_an_empty_array_unless_allowed(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog?tag=garden")

    assert_json(exchange, {"sku": "#string"}, "each", path="$.items", allow_empty=True)
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json(exchange, {"sku": "#string"}, "each", path="$.items")
    assert summary(failure).startswith(
        "The JSON value at $.items: expected a non-empty array, got []."
    )


def test_each_on_a_wildcard_path_reports_each_value_where_it_is(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json(exchange, {"available": True}, "each", path="$.items[*].stock")
    assert summary(failure) == (
        "Not every element of the JSON selected by $.items[*].stock matches the expected "
        "JSON.\n4 mismatches:\n"
        "  $.items[0].stock.quantity: expected <absent>, got 12\n"
        "  $.items[1].stock.quantity: expected <absent>, got 140\n"
        "  $.items[2].stock.available: expected true, got false\n"
        "  $.items[2].stock.quantity: expected <absent>, got 0"
    )


def test_a_bad_marker_is_reported_before_the_response_is_read(http: HttpSession) -> None:
    exchange = get(http, "/samples/ping")  # not JSON: the marker is the first problem

    with pytest.raises(StepInputError, match="Unknown fuzzy marker '#strin'"):
        assert_json(exchange, {"name": "#strin"}, "contains")
    with pytest.raises(StepInputError, match="Invalid JSONPath"):
        assert_json_exists(exchange, "$[")


def test_a_body_that_is_not_json_says_what_it_is(http: HttpSession) -> None:
    exchange = get(http, "/samples/ping")

    with pytest.raises(ExchangeAssertionError) as failure:
        response_json(exchange)
    assert summary(failure) == (
        "Expected a JSON response body, but it is not JSON (text/plain; charset=utf-8, 4 bytes: "
        '"pong").'
    )


def test_exists_absent_and_length(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    assert_json_exists(exchange, "$.items[0].discount")  # null is there
    assert_json_exists(exchange, "$.items[?@.price > 50]")
    assert_json_absent(exchange, "$.items[3]")
    assert_json_absent(exchange, "$.items[?@.price > 100]")
    assert_json_length(exchange, "$.items", 3)
    assert_json_length(exchange, "$.items[0].stock", 2)  # members of an object
    assert_json_length(exchange, "$.currency", 3)  # characters of a string
    assert_json_length(exchange, "$.items[?@.stock.available == true]", 2)


def test_a_value_without_a_length_says_so(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_length(exchange, "$.count", 3)
    assert summary(failure) == (
        "$.count: expected an array, object or string of length 3, got 3, which has no length."
    )
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_length(exchange, "$.missing", 3)
    assert "JSONPath '$.missing' matched nothing" in summary(failure)


def test_an_array_contains_an_element_or_several(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    assert_json_array_contains(exchange, "$.items[0].tags", "gift")
    assert_json_array_contains(exchange, "$.items[0].tags", ["gift", "kitchen"])
    assert_json_array_contains(exchange, "$.items", {"sku": "LMP-003"})
    with pytest.raises(ExchangeAssertionError, match=r"JSONPath '\$.nope' matched nothing"):
        assert_json_array_contains(exchange, "$.nope", "gift")


def test_schema_mismatches_are_placed_in_the_response(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")
    schema = {"type": "object", "properties": {"quantity": {"type": "string"}}}

    assert_json_schema(exchange, {"type": "array"}, path="$.items")
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_schema(exchange, schema, path="$.items[1].stock")
    assert '$.items[1].stock.quantity: expected type "string", got 140' in summary(failure)
    with pytest.raises(ExchangeAssertionError) as failure:
        assert_json_schema(exchange, {"type": "string"}, path="$.items[*].sku.nope")
    assert summary(failure).startswith("The JSON selected by $.items[*].sku.nope does not")


def test_an_invalid_schema_is_an_expectation_error(http: HttpSession) -> None:
    exchange = get(http, "/samples/catalog")

    with pytest.raises(StepInputError, match="The JSON Schema is invalid"):
        assert_json_schema(exchange, {"type": 3})


# -- what features give -----------------------------------------------------------------------


def test_status_codes_and_classes_are_parsed() -> None:
    assert status_codes("200, 201 or 204") == (200, 201, 204)
    assert status_codes("404") == (404,)
    assert status_class("2xx") == 2
    with pytest.raises(StepInputError, match="'2000' in '200, 2000' is not an HTTP status code"):
        status_codes("200, 2000")
    with pytest.raises(StepInputError, match="List at least one status code"):
        status_codes(" , ")
    with pytest.raises(StepInputError, match="'6xx' is not a status class"):
        status_class("6xx")


def test_expected_text_comes_inline_or_from_the_doc_string() -> None:
    variables = Variables({"name": "Ada"})

    assert expected_text("Hi ${name}", None, variables) == "Hi Ada"
    assert expected_text(None, "Hi\n${name}", variables) == "Hi\nAda"
    with pytest.raises(StepInputError, match="expects text in a doc-string"):
        expected_text(None, None, variables)
    with pytest.raises(StepInputError, match="keep one of them"):
        expected_text("a", "b", variables)


def test_expected_json_substitutes_variables_keeping_their_types() -> None:
    variables = Variables({"id": 7, "name": 'Ada "the first"'})

    assert expected_json_document('{"id": ${id}, "name": "${name}"}', variables) == {
        "id": 7,
        "name": 'Ada "the first"',
    }
    assert expected_json_literal("${id}", variables) == 7
    with pytest.raises(StepInputError, match="belongs in a doc-string"):
        expected_json_document(None, variables)
    with pytest.raises(StepInputError, match="is not valid JSON"):
        expected_json_document("{", variables)


def test_a_bad_regular_expression_names_itself_and_its_use() -> None:
    with pytest.raises(StepInputError, match=r"The regular expression '\[' for the body"):
        regular_expression("[", "the body")


def test_json_files_are_read_from_the_features_directory(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "item.json").write_text('{"maxLength": ${limit}}', encoding="utf-8")
    (tmp_path / "schemas" / "broken.json").write_text("{", encoding="utf-8")
    files = FeatureFiles(tmp_path)
    variables = Variables({"limit": 3})

    assert json_file(files, "schemas/item.json", variables) == {"maxLength": 3}
    with pytest.raises(StepInputError, match=r"The JSON file 'schemas/nope\.json' does not exist"):
        json_file(files, "schemas/nope.json", variables)
    with pytest.raises(StepInputError, match=r"The JSON file 'schemas/broken\.json' is not valid"):
        json_file(files, "schemas/broken.json", variables)


# -- repeating a request ----------------------------------------------------------------------


def _poll(http: HttpSession, after: int) -> str:
    key = uuid.uuid4().hex  # a counter of its own on the shared server
    http.get(f"/samples/eventually-ready?after={after}&key={key}")
    return key


def test_repeating_stops_as_soon_as_the_condition_holds(http: HttpSession) -> None:
    _poll(http, after=3)
    waits: list[float] = []

    exchange = repeat_until(
        http, json_value_is("$.state", "ready"), attempts=5, interval_ms=20, sleep=waits.append
    )

    assert exchange.response.json()["calls"] == 3
    assert len(http.exchanges) == 3  # the first request and two repeats, all recorded
    assert http.last_exchange is exchange
    assert waits == [0.02, 0.02]


def test_every_repeat_goes_through_the_session_s_one_path(http: HttpSession) -> None:
    # Listeners (report attachments, the crash check) see every attempt, not only the first.
    seen: list[int] = []
    http.exchange_listeners.append(lambda exchange: seen.append(exchange.response.json()["calls"]))
    _poll(http, after=3)

    repeat_until(http, json_value_is("$.state", "ready"), attempts=5, interval_ms=0)

    assert seen == [1, 2, 3]


def test_a_repeat_that_gets_no_response_is_shown_to_the_failure_listeners(
    http: HttpSession, fresh_server: UvicornTestServer
) -> None:
    _poll(http, after=3)
    failures: list[str] = []
    http.failure_listeners.append(lambda failure: failures.append(str(failure)))
    fresh_server.stop()  # every repeat now finds nobody listening

    with pytest.raises(RequestFailedError, match=r"^Repeating the request failed: GET http"):
        repeat_until(http, status_is(200), attempts=2, interval_ms=0)

    [failure] = failures
    assert "/samples/eventually-ready" in failure


def test_a_condition_that_already_holds_sends_nothing(http: HttpSession) -> None:
    _poll(http, after=1)

    repeat_until(http, status_is(200), attempts=3, interval_ms=0)

    assert len(http.exchanges) == 1


def test_the_repeated_request_is_the_same_request(http: HttpSession) -> None:
    http.get("/samples/eventually-ready", params={"after": "2", "key": uuid.uuid4().hex})
    first = http.last_exchange.request

    repeat_until(http, status_is(200), attempts=3, interval_ms=0)

    again = http.last_exchange.request
    assert (again.method, again.url, again.body) == (first.method, first.url, first.body)
    assert dict(again.headers) == dict(first.headers)


def test_a_condition_that_never_holds_lists_every_attempt(http: HttpSession) -> None:
    _poll(http, after=10)

    with pytest.raises(ExchangeAssertionError) as failure:
        repeat_until(http, json_value_is("state", "#regex rea.*"), attempts=2, interval_ms=0)

    assert summary(failure).startswith(
        'Waited until the JSON value at "state" is "#regex rea.*", but it did not happen in 3 '
        "responses (the first request and 2 repeats, 0 ms apart):\n"
        '  request: status 202, $.state = "pending"\n'
        '  repeat 1: status 202, $.state = "pending"\n'
        '  repeat 2: status 202, $.state = "pending"\n'
    )
    assert failure.value.exchange is http.last_exchange


def test_a_bad_condition_fails_before_any_request(http: HttpSession) -> None:
    with pytest.raises(StepInputError, match="Unknown fuzzy marker"):
        json_value_is("$.state", "#readyy")
    with pytest.raises(StepInputError, match="Invalid JSONPath"):
        json_value_is("$.state[", "ready")


@pytest.mark.parametrize(("attempts", "interval_ms"), [(0, 10), (1001, 10), (3, -1), (3, 60_001)])
def test_the_bounds_of_repeating_are_checked(
    http: HttpSession, attempts: int, interval_ms: int
) -> None:
    _poll(http, after=5)

    with pytest.raises(StepInputError):
        repeat_until(http, status_is(200), attempts=attempts, interval_ms=interval_ms)


def test_repeating_needs_a_request_to_repeat(live_server: UvicornTestServer) -> None:
    with HttpSession(live_server.base_url) as fresh, pytest.raises(KitError, match="No request"):
        repeat_until(fresh, status_is(200), attempts=1, interval_ms=0)


# -- credentials ------------------------------------------------------------------------------

SECRETS = ("tok-s3cret", "pw-s3cret", "sess-s3cret")


async def _login(request: Request) -> Response:
    response = JSONResponse(
        {"token": "tok-s3cret", "user": {"name": "Ada", "password": "pw-s3cret"}, "id": 7},
        headers={"X-Auth-Token": "tok-s3cret"},
    )
    response.set_cookie("session", "sess-s3cret", secure=True)
    return response


@pytest.fixture(scope="module")
def login_server() -> Iterator[UvicornTestServer]:
    app = Starlette(routes=[Route("/login", _login, methods=["POST"])])
    with UvicornTestServer(app) as running:
        yield running


@pytest.fixture
def login(login_server: UvicornTestServer) -> Iterator[Exchange]:
    with HttpSession(login_server.base_url) as session:
        session.post("/login")
        yield session.last_exchange


@pytest.mark.parametrize(
    ("check", "shown"),
    [
        (lambda e: assert_header(e, "X-Auth-Token", "tok-other"), "got <redacted>"),
        (lambda e: assert_header_contains(e, "Set-Cookie", "HttpOnly"), "'session=<redacted>;"),
        (lambda e: assert_header_matches(e, "Set-Cookie", "x"), "'session=<redacted>;"),
        (lambda e: assert_header_absent(e, "X-Auth-Token"), "got <redacted>"),
        (lambda e: assert_json(e, {"token": "#number"}, "contains"), "$.token: expected #number"),
        (
            lambda e: assert_json_value(e, "$.token", "tok-other"),
            '$.token: expected "tok-other", got <redacted>',
        ),
        (
            lambda e: assert_json_value(e, "$.user", {"name": "Bob"}),
            "$.user.password: expected <absent>, got <redacted>",
        ),
        (
            lambda e: assert_json(e, {"user": "#string"}, "contains"),
            '$.user: expected #string, got {"name":"Ada","password":"<redacted>"}',
        ),
        (lambda e: assert_json_absent(e, "$.user"), '"password":"<redacted>"'),
        (lambda e: assert_json_absent(e, "$.token"), "got <redacted> at $.token"),
        (lambda e: assert_json_length(e, "$.user", 3), '"password":"<redacted>"'),
        (lambda e: assert_json_schema(e, {"maxLength": 2}, path="$.token"), "$.token: expected"),
        (lambda e: assert_body(e, "{}"), "<redacted>"),
        (lambda e: assert_body_contains(e, "Bob"), "<redacted>"),
        (lambda e: assert_body_matches(e, "Bob"), "<redacted>"),
    ],
)
def test_credentials_never_show_in_a_failure(
    login: Exchange, check: Callable[[Exchange], None], shown: str
) -> None:
    with pytest.raises(ExchangeAssertionError) as failure:
        check(login)

    assert shown in failure.value.summary
    for secret in SECRETS:
        assert secret not in str(failure.value)


def test_credentials_never_show_in_a_poll(login_server: UvicornTestServer) -> None:
    with HttpSession(login_server.base_url) as session:
        session.post("/login")
        with pytest.raises(ExchangeAssertionError) as failure:
            repeat_until(session, json_value_is("$.token", "x"), attempts=1, interval_ms=0)

    assert "$.token = <redacted>" in failure.value.summary
    assert "tok-s3cret" not in str(failure.value)


@pytest.mark.parametrize(
    ("path", "secret"),
    [
        ("$.token", True),
        ("$.user.password", True),
        ("$.auth['api-key'][0]", True),
        ("$.items[0].name", False),
        ("$['odd name']", False),
        ("$", False),
    ],
)
def test_secret_paths(path: str, secret: bool) -> None:
    assert is_secret_path(path) is secret
