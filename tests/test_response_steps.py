"""Every response assertion step fails on a wrong expectation, and says so usefully.

Each deliberately failing feature runs once (behave in a subprocess, as users run it); its
output is cut into one block per scenario, and each scenario's failure message must name
the path (where there is one), the expected value and the actual value - followed by the
request, the response and a curl command. Bad input in a feature must fail its step with a
message naming the problem, never with a traceback.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from behave.parser import parse_file
from behave.step_registry import registry

import behave_live.bdd.steps
from tests.behave_runs import ROOT, failing_feature, run_behave

HTTP = "response_http.feature"
JSON = "response_json.feature"
BAD_INPUT = "response_bad_input.feature"

# The modules whose steps this file answers for: every assertion step, and the polling steps.
RESPONSE_STEP_MODULES = {
    f"{behave_live.bdd.steps.__name__}.{name}"
    for name in (
        "response_steps",
        "negation_steps",
        "json_steps",
        "comparison_steps",
        "schema_steps",
        "retry_steps",
    )
}
PASSING_FEATURES = ROOT / "features" / "api" / "responses"

# scenario name -> fragments its failure summary must contain (path, expected, actual).
EXPECTED_FAILURES: dict[str, dict[str, list[str]]] = {
    HTTP: {
        "Status is not the one expected": ["Response status: expected 201, got 200."],
        "Status is not one of those expected": [
            "Response status: expected one of 201, 204, got 200."
        ],
        "Status is in another class": ["Response status: expected 4xx (client error), got 200."],
        "Header has another value": [
            "Response header 'Content-Language': expected 'fr', got 'en'."
        ],
        "Header does not contain the text": [
            "Response header 'Cache-Control': expected a value containing 'no-store', "
            "got 'public, max-age=300'."
        ],
        "Header to search is missing": [
            "Response header 'Cache-Control': expected a value containing 'no-store', but "
            "the response has no such header (it has: date, server, content-length, "
            "content-type)."
        ],
        "Header does not match the pattern": [
            "Response header 'X-Request-Id': expected a value matching the regular "
            "expression 'req-[0-9]+', got '",
        ],
        "Header that should be absent is there": [
            "Response header 'Content-Language': expected no such header, got 'en'."
        ],
        "Body is not the doc-string": [
            "first difference at line 1, column 8: expected 'Bob!\\nYou hav', got 'Ada!\\nYou hav'",
            "Expected:\n          Hello, Bob!\n          You have 3 new messages.",
            "Got:\n          Hello, Ada!\n          You have 3 new messages.",
        ],
        "Body is not the inline text": ["Response body: expected 'ping', got 'pong'"],
        "Body does not contain the doc-string": [
            "Expected to contain:\n          4 new messages",
            "Got:\n          Hello, Ada!",
        ],
        "Body does not contain the inline text": [
            "Response body: expected a text containing 'ping', got 'pong'."
        ],
        "Body does not match the doc-string pattern": [
            "expected a text matching the regular expression 'Goodbye, \\w+!.*' as a whole, "
            "got the text below.\n          Hello, Ada!",
        ],
        "Body does not match the inline pattern": [
            "expected a text matching the regular expression 'p[aeiu]ng' as a whole, got 'pong'."
        ],
        "Response is too slow": ["Response time: expected under 20 ms, got "],
        "Polled JSON value never comes": [
            'Waited until the JSON value at "$.state" is "ready", but it did not happen in 3 '
            "responses (the first request and 2 repeats, 1 ms apart):",
            'request: status 202, $.state = "pending"',
            'repeat 2: status 202, $.state = "pending"',
        ],
        "Status is the one it should not be": [
            "Response status: expected anything but 200, got 200."
        ],
        "Header is the value it should not be": [
            "Response header 'Content-Language': expected a value other than 'en', got 'en'."
        ],
        "Header contains the text it should not": [
            "Response header 'Cache-Control': expected a value not containing 'max-age', "
            "got 'public, max-age=300'."
        ],
        "Header to check against is missing": [
            "Response header 'Content-Language' is missing (the response has: date, server, "
            "content-length, content-type), so it cannot be checked to not be 'fr'; to check "
            'that a header is absent, write: the response header "Content-Language" should be '
            "absent."
        ],
        "Body contains the inline text it should not": [
            "Response body: expected a text not containing 'on', got 'pong'."
        ],
        "Body contains the doc-string it should not": [
            "Response body: expected a text not containing '3 new messages', got a text "
            "containing it at line 2, column 10."
        ],
        "Polled status never comes": [
            "Waited until the response status is 200, but it did not happen in 4 responses",
            "repeat 3: status 202",
        ],
    },
    JSON: {
        "JSON value is not the inline value": ["$.items[0].price: expected 35, got 34.5"],
        "JSON value is missing": [
            'The JSON value at $.items[0].colour: expected "red", but',
            "The deepest part that exists is $.items[0]",
        ],
        "JSON value is not the doc-string": [
            "The JSON value at $.discount is not the expected JSON.",
            "$.discount.percent: expected 20, got 10",
        ],
        "JSON response is not the doc-string": [
            "The JSON response is not the expected JSON.\n      3 mismatches:",
            '$.name: expected "Teapot", got "Cast-iron teapot"',
            "$.price: expected #string, got 34.5",
            '$.added_at: expected <absent>, got "2024-03-01T09:30:00Z"',
        ],
        "JSON response does not contain the doc-string": [
            "The JSON response does not contain the expected JSON.",
            '$.currency: expected "USD", got "EUR"',
        ],
        "JSON value does not contain the doc-string": [
            "$.items[1].stock.available: expected false, got true"
        ],
        "JSON response does not contain only the doc-string": [
            "The JSON response does not contain exactly the expected values.",
            "(expected 1 item, got 2)",
            '$[0]: expected <absent>, got {"id":"6f1c2a4e',
        ],
        "JSON value does not contain only the doc-string": [
            "The JSON selected by $.items[*].sku does not contain exactly the expected values.",
            '$.items[*].sku: expected an array containing "XYZ-999", '
            'got ["TEA-001","MUG-002","LMP-003"]',
            '$.items[1].sku: expected <absent>, got "MUG-002"',
        ],
        "JSON response contains none of the doc-string": [
            '$: expected any of {"sku":"XYZ-999","name":"Kettle"}, got {"id":'
        ],
        "JSON value contains none of the doc-string": [
            '$.tags: expected any of ["sale","clearance"], got ["kitchen","gift"]'
        ],
        "JSON response contains one of the unwanted values": [
            "The JSON response contains values it should not.",
            '$.sku: expected not "TEA-001", got "TEA-001"',
        ],
        "JSON value contains one of the unwanted values": [
            '$.tags[1]: expected no element matching "gift", got "gift"'
        ],
        "An element of the JSON response does not match": [
            "Not every element of the JSON response matches the expected JSON.",
            '$[1].discount: expected #null, got {"percent":10,',
        ],
        "An element of the JSON array does not match": [
            "$.items[0].price: expected #string, got 34.5",
            "$.items[1].price: expected #string, got 12.0",
            "$.items[2].price: expected #string, got 58.9",
        ],
        "The JSON response is an empty array for each": [
            "The JSON response: expected a non-empty array, got [].",
            "should match (or be empty):",
        ],
        "The JSON array is empty for each": [
            "The JSON value at $.items: expected a non-empty array, got []."
        ],
        "An element of the JSON response does not match, empty allowed": [
            '$[0].id: expected <absent>, got "6f1c2a4e-8b3d-4c5f-9a7e-1d2b3c4d5e6f"'
        ],
        "An element of the JSON array does not match, empty allowed": [
            '$.items[1].tags: expected ["#string","#string"], got ["kitchen"]',
            "$.items[1].tags[1]: expected #string, got <missing>",
        ],
        "An element of the JSON response does not contain": [
            "Not every element of the JSON response contains the expected JSON.",
            '$[1].tags: expected an array containing "gift", got ["kitchen"]',
        ],
        "An element of the JSON array does not contain": [
            "$.items[2].stock.available: expected true, got false"
        ],
        "An element of the JSON response does not contain, empty allowed": [
            "$[0].price: expected #string, got 34.5"
        ],
        "An element of the JSON array does not contain, empty allowed": [
            '$.items[1].discount: expected null, got {"percent":10,'
        ],
        "JSON value that should exist does not": [
            "The JSON value at $.items[0].stock.warehouse: expected it to exist, but",
            'The deepest part that exists is $.items[0].stock, an object with keys "available"',
        ],
        "JSON value that should not exist does": [
            "The JSON value at $.items[0].discount: expected it not to exist, got null at "
            "$.items[0].discount."
        ],
        "JSON values that should not exist do": [
            "The JSON selected by $.items[?@.price > 20].sku: expected nothing, got 2 values:",
            '$.items[0].sku: "TEA-001"',
            '$.items[2].sku: "LMP-003"',
        ],
        "JSON value has another length": ["$.items: expected length 4, got length 3: [{"],
        "JSON array does not contain the element": [
            '$.items[0].tags: expected an array containing "sale", got ["kitchen","gift"]'
        ],
        "JSON value to search is not an array": [
            '$.items[0].stock: expected an array containing "sale", got {"available":true,'
        ],
        "JSON value is the one it should not be": [
            '$.sku: expected anything but "TEA-001", got "TEA-001".'
        ],
        "JSON value to check against is missing": [
            '$.state is missing, so it cannot be checked to not be "done"; to check that it is '
            'absent, write: the JSON value at "$.state" should not exist. ',
            "the next step selects nothing there: $.state.",
        ],
        "JSON response contains what it should not": [
            'The JSON response contains what it should not: {"stock":{"available":true}}'
        ],
        "JSON value contains what it should not": [
            "The JSON value at $.items[1] contains what it should not: "
            '{"sku":"MUG-002","tags":["kitchen"]}'
        ],
        "JSON array contains elements it should not": [
            "The JSON value at $.items contains values it should not.\n      2 mismatches:",
            '$.items[0]: expected no element matching {"tags":["gift"]}, got {"id":',
            '$.items[2]: expected no element matching {"tags":["gift"]}, got {"id":',
        ],
        "JSON value is not greater than the bound": [
            "$.items[0].price: expected a number greater than 40, got 34.5."
        ],
        "JSON value to compare is not a number": [
            '$.query.price[0]: expected a number greater than 10, got the string "12".'
        ],
        "JSON value is not between the bounds": [
            "$.stock.quantity: expected a number between 1 and 100, got 140."
        ],
        "JSON array has too few elements": ["$.items: expected at least 4 elements, got 3: [{"],
        "Array markers and conditions fail element by element": [
            "2 mismatches:",
            "$.items[1].price: expected #? > 20, got 12.0",
            '$.items[1].tags: expected #[2] #string, got ["kitchen"] (expected 2 items, got 1)',
        ],
        "An array of values fails each condition at its own path": [
            "(closest is $.items[1]: $.items[1].price: expected #? < 10, got 12.0)"
        ],
        "JSON response does not match the inline schema": [
            "The JSON response does not match the schema.",
            '$.name: expected maxLength 5, got "Cast-iron teapot"',
            '$.price: expected type "integer", got 34.5',
        ],
        "JSON value does not match the inline schema": [
            "$.items[2].stock.quantity: expected minimum 1, got 0"
        ],
        "JSON response does not match the schema file": [
            "$: expected additionalProperties false, got {",
            "('added_at' is a required property)",
        ],
        "JSON value does not match the schema file": [
            "The JSON value at $.items[1].discount does not match the schema.",
            '$.items[1].discount: expected required ["catalog","currency",',
        ],
    },
    BAD_INPUT: {
        "Malformed expected JSON doc-string": [
            # Python's own wording and column (which 3.13 changed) follow; the kit's stay.
            "The expected JSON is not valid JSON: ",
            "at line 1, column ",
        ],
        "Missing expected JSON doc-string": [
            "The expected JSON belongs in a doc-string below the step"
        ],
        "Invalid JSONPath": ["Invalid JSONPath '$.items[': unbalanced brackets"],
        "JSONPath with a dash after a dot": [
            "Invalid JSONPath '$.headers.X-Trace': ",
            "Did you mean $.headers['X-Trace']? A name with a dash needs brackets and quotes",
        ],
        "Invalid condition in a marker": [
            "Marker '#? => 1': '=> 1' is not a condition: write an operator and a number "
            "('> 0', '>= 1', '< 10', '<= 5', '== 3', '!= 0') or 'between 1 and 5'"
        ],
        "A bound that is not a number": ["'three' is not a number: write one such as 3 or 2.5."],
        "Invalid regular expression for a header": [
            "The regular expression '[0-9a-f' for the header 'X-Request-Id' is invalid: "
            "unterminated character set"
        ],
        "Invalid regular expression for the body": [
            "The regular expression '(pong' for the response body is invalid: missing ),"
        ],
        "Invalid regular expression in a marker": [
            "Invalid regular expression '[A-Z' in marker '#regex [A-Z'"
        ],
        "Unknown fuzzy marker": [
            "Unknown fuzzy marker '#nubmer' (did you mean '#number'?) (at $.price"
        ],
        "Missing schema file": [
            "The JSON Schema file 'schemas/no_such_schema.json' does not exist: looked for "
        ],
        "Invalid JSON Schema": ["The JSON Schema is invalid at $.type:"],
        "Not a list of status codes": ["'OK' in '200, OK' is not an HTTP status code."],
        "Not a status class": ["6xx is not a status class: use 1xx to 5xx."],
        "Inline text and a doc-string": [
            "The step has its text inline and a doc-string below it: keep one of them"
        ],
        "A JSON step on a body that is not JSON": [
            "Expected a JSON response body, but it is not JSON (text/plain; charset=utf-8, "
            '4 bytes: "pong").'
        ],
        "Repeating a request zero times": ["Repeat a request from 1 to 1000 times, not 0 times."],
        "Checking a response before any request": [
            "No request has been sent in this scenario yet, so there is no response to check."
        ],
    },
}

_SCENARIO = re.compile(r"^  Scenario: (.+?)\s+# ", re.MULTILINE)
_FAILING_SUMMARY = "\nFailing scenarios:"


@cache
def failure_blocks(feature: str) -> dict[str, str]:
    """Run a failing feature once; return each scenario's output block by scenario name."""
    run = run_behave(failing_feature(feature))
    assert run.failed, run.output
    output = run.output
    end = output.find(_FAILING_SUMMARY)
    output = output if end == -1 else output[:end]
    starts = list(_SCENARIO.finditer(output))
    return {
        match.group(1): output[
            match.start() : starts[index + 1].start() if index + 1 < len(starts) else None
        ]
        for index, match in enumerate(starts)
    }


def summary_of(block: str) -> str:
    """The failure message of a scenario block, without the request/response that follow."""
    assert "ASSERT FAILED: " in block, block
    message = block[block.index("ASSERT FAILED: ") :]
    end = message.find("\n      Request:\n")
    return message if end == -1 else message[:end]


def failure_cases(expected: dict[str, dict[str, list[str]]]) -> list[object]:
    """One pytest case per (feature, scenario, message fragments) of ``expected``."""
    return [
        pytest.param(feature, scenario, fragments, id=f"{feature}: {scenario}")
        for feature, scenarios in expected.items()
        for scenario, fragments in scenarios.items()
    ]


def assert_fails_with(feature: str, scenario: str, fragments: list[str]) -> None:
    """The scenario failed with every fragment in its message, and without a traceback."""
    block = failure_blocks(feature)[scenario]
    summary = summary_of(block)

    for fragment in fragments:
        assert fragment in summary, f"{fragment!r} not in:\n{summary}"
    assert "Traceback" not in block


@pytest.mark.parametrize(("feature", "scenario", "fragments"), failure_cases(EXPECTED_FAILURES))
def test_the_scenario_fails_naming_expected_and_actual(
    feature: str, scenario: str, fragments: list[str]
) -> None:
    assert_fails_with(feature, scenario, fragments)


@pytest.mark.parametrize("feature", [HTTP, JSON])
def test_assertion_failures_show_request_response_and_curl(feature: str) -> None:
    for scenario, block in failure_blocks(feature).items():
        for section in (
            "Request:\n        GET http://127.0.0.1:",
            "Response:\n",
            "curl -i ",
            "http://127.0.0.1:",
        ):
            assert section in block, f"{scenario}: no {section!r} in\n{block}"


@pytest.mark.parametrize("feature", list(EXPECTED_FAILURES))
def test_every_scenario_of_the_feature_fails_and_is_checked_here(feature: str) -> None:
    blocks = failure_blocks(feature)

    assert set(blocks) == set(EXPECTED_FAILURES[feature])
    for scenario, block in blocks.items():
        assert "ASSERT FAILED: " in block, f"{scenario} did not fail:\n{block}"


def _used_steps(feature_files: list[Path]) -> set[str]:
    """The patterns of the registered steps the scenarios of ``feature_files`` use."""
    used: set[str] = set()
    for path in feature_files:
        feature = parse_file(str(path))
        for scenario in feature.walk_scenarios():
            for step in scenario.all_steps:
                definition = registry.find_step_definition(step)
                assert definition is not None, f"{path}: undefined step {step.name!r}"
                used.add(definition.pattern)
    return used


def _response_step_patterns() -> set[str]:
    patterns = {
        matcher.pattern
        for matchers in registry.steps.values()
        for matcher in matchers
        if getattr(matcher.func, "__module__", "") in RESPONSE_STEP_MODULES
    }
    assert len(patterns) > 40  # the registry is loaded
    return patterns


def test_every_assertion_step_has_a_deliberately_failing_scenario() -> None:
    used = _used_steps([ROOT / failing_feature(HTTP), ROOT / failing_feature(JSON)])

    assert _response_step_patterns() - used == set()


def test_every_response_step_is_used_in_a_passing_feature() -> None:
    used = _used_steps(sorted(PASSING_FEATURES.glob("*.feature")))

    assert _response_step_patterns() - used == set()


def test_the_response_features_pass() -> None:
    run = run_behave(str(PASSING_FEATURES.relative_to(ROOT)))

    assert not run.failed, run.output
    assert " 0 failed" in run.output
