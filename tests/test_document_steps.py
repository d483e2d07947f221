"""Redirects, header lists, bytes, XML and method steps fail on a wrong expectation, clearly.

Each deliberately failing feature runs once; each scenario's failure message is pinned.
Binary bodies must never be dumped, a followed redirect must show the request the step
sent and the whole chain, and bad input must fail as a sentence without a traceback.
"""

from __future__ import annotations

import re

import pytest
from behave.model import Step
from behave.step_registry import registry

import behave_live.bdd.steps  # noqa: F401 - registers the steps
from tests.behave_runs import ROOT
from tests.test_response_steps import assert_fails_with, failure_blocks, failure_cases

DOCUMENTS = "response_documents.feature"
BAD_INPUT = "documents_bad_input.feature"
FEATURES = ROOT / "features"

EXPECTED_FAILURES: dict[str, dict[str, list[str]]] = {
    DOCUMENTS: {
        "A followed redirect does not end where expected": [
            "Response status: expected 301, got 200."
        ],
        "A header that should be there is missing": [
            "Response header 'X-Trace': expected it to be there, but the response has no such "
            "header (it has: date, server, content-length, content-type)."
        ],
        "A header that should not be there is": [
            "Response header 'X-Trace': expected no such header, got 'trace-0001'."
        ],
        "A list-valued header holds other items": [
            "Response header 'Allow': expected the list 'GET, POST' in any order, got "
            "'OPTIONS, GET, HEAD' (missing: POST; unexpected: OPTIONS, HEAD)."
        ],
        "The body has another size": ["Response body: expected 1000 bytes, got 1024 bytes."],
        "The download differs from the file": [
            f"Response body: expected the 1024 bytes of the file "
            f"{FEATURES / 'data' / 'report_corrupted.pdf'}, got 1024 bytes (they first differ "
            "at byte 700: expected 0x4c, got 0xb3).",
            "file from byte 692: ab ac ad ae af b0 b1 b2 4c b4",
            "body from byte 692: ab ac ad ae af b0 b1 b2 b3 b4",
            "file sha256: ",
        ],
        "A binary body is described, not dumped": [
            "Got:\n          <300 bytes of application/octet-stream, sha256 9a76b8af8f16f19d",
            "first bytes: 00 07 0e 15 1c 23",
        ],
        "An XPath value is another": [
            "XPath /catalog/item[1]/@sku: expected 'TEA-999', got 'TEA-001'."
        ],
        "An XPath value selects nothing": [
            "XPath /catalog/item[9]/@sku: expected 'TEA-001', but it selects nothing."
        ],
        "An XPath value selects several nodes": [
            "XPath /catalog/item/@sku: expected 'TEA-001', but it selects 3 nodes: 'TEA-001', "
            "'MUG-002', 'LMP-003'. Make it select one, for example (/catalog/item/@sku)[1]."
        ],
        "An XPath selects another number of nodes": [
            'XPath /catalog/item: expected 4 nodes, got 3: <item sku="TEA-001">, '
            '<item sku="MUG-002">, <item sku="LMP-003">.'
        ],
        "An XPath selects another number of nodes than one": [
            "XPath /catalog/item[tags/tag = 'gift']: expected 1 node, got 2: "
        ],
        "An XPath that should exist does not": [
            "XPath /catalog/item[@sku='TEA-001']/discount: expected it to select a node, but "
            "it selects nothing."
        ],
        "An XPath that should not exist does": [
            "XPath /catalog/item/discount: expected it to select nothing, but it selects 1 "
            'node: <discount percent="10">.'
        ],
        "An XML document that declares an entity is refused": [
            "Expected an XML response body (application/xml, 78 bytes), but it declares "
            "entities or external references, which the kit refuses to expand or fetch "
            "(EntitiesForbidden)."
        ],
        "An XPath on a body that is not XML": [
            "Expected an XML response body (application/json, ",
            "but it is not well-formed XML (not well-formed (invalid token): line 1, column 0).",
        ],
    },
    BAD_INPUT: {
        "A method that is not a token": [
            "'GE(T' is not an HTTP method: a method is one word of letters, digits and "
            "!#$%&'*+-.^_`|~ (an RFC 9110 token), such as GET, PROPFIND or M-SEARCH."
        ],
        "A body file that does not exist": [
            "The body file 'data/no-such-order.xml' does not exist: looked for "
            f"{FEATURES / 'data' / 'no-such-order.xml'}."
        ],
        "An empty content type for a body file": [
            'The content type is empty: give one such as "application/xml", or leave it out '
            "to take it from the file's extension."
        ],
        "Saving a download outside the features directory": [
            f"The file to save '../escaped-report.pdf' would be written to "
            f"{ROOT / 'escaped-report.pdf'}, outside the features directory {FEATURES}."
        ],
        "An expected file that does not exist": [
            "The expected file 'data/no-such-report.pdf' does not exist: looked for "
        ],
        "An empty list of expected header values": [
            "The expected list for the header 'Allow' is empty: give its items separated by "
            'commas, such as "GET, POST".'
        ],
        "An invalid XPath": [
            "Invalid XPath '/catalog/item[': ",
            "Check the brackets and quotes; attributes are @name",
        ],
        "Counting the nodes of a computed value": [
            "The XPath count(/catalog/item) computes the value '3', not a set of nodes, so it "
            "cannot select 3 nodes. To check a computed value write: Then the XPath "
            '"count(/catalog/item)" should be "..."'
        ],
        "Query parameters without a table": [
            "The step needs a table of query parameters below it, for example:"
        ],
    },
}


@pytest.mark.parametrize(("feature", "scenario", "fragments"), failure_cases(EXPECTED_FAILURES))
def test_the_scenario_fails_with_its_message(
    feature: str, scenario: str, fragments: list[str]
) -> None:
    assert_fails_with(feature, scenario, fragments)


@pytest.mark.parametrize("feature", list(EXPECTED_FAILURES))
def test_every_scenario_of_the_feature_fails_and_is_checked_here(feature: str) -> None:
    blocks = failure_blocks(feature)

    assert set(blocks) == set(EXPECTED_FAILURES[feature])
    for scenario, block in blocks.items():
        assert "ASSERT FAILED: " in block, f"{scenario} did not fail:\n{block}"


def test_a_followed_redirect_shows_the_request_sent_and_the_chain() -> None:
    block = failure_blocks(DOCUMENTS)["A followed redirect does not end where expected"]

    assert re.search(r"Request:\n +GET http://127\.0\.0\.1:\d+/redirects/moved\n", block), block
    assert (
        "Redirects followed:\n        GET /redirects/moved -> 301 Location: /redirects/old -> "
        "GET /redirects/old -> 302 Location: /redirects/new -> GET /redirects/new -> 200\n"
    ) in block
    assert "curl -i -L http://127.0.0.1:" in block


def test_binary_bodies_are_never_dumped() -> None:
    blocks = failure_blocks(DOCUMENTS)
    scenarios = ("The download differs from the file", "A binary body is described, not dumped")
    for scenario in scenarios:
        block = blocks[scenario]
        assert "bytes of application/" in block, block
        # Decoded binary shows as replacement characters and control bytes.
        assert "\ufffd" not in block, block
        assert "\x00" not in block, block
        assert len(block) < 3000, block


def test_an_xpath_failure_shows_the_document() -> None:
    block = failure_blocks(DOCUMENTS)["An XPath value is another"]

    assert '<item sku="TEA-001">' in block.split("Response:")[1]


REQUEST_SHAPING_STEPS = [
    'the request header "X-Trace" is "abc"',
    "the request headers are:",
    'every request has the header "Accept" with "text/plain"',
    'I am authenticated with the bearer token "tok"',
    'I am authenticated as "ada" with password "pw"',
    'the cookie "theme" is "dark"',
    'the base path is "/api"',
    "requests time out after 200 ms",
    "redirects are not followed",
    "the query parameters are:",
]


@pytest.mark.parametrize("keyword", ["given", "when", "then"])
@pytest.mark.parametrize("text", REQUEST_SHAPING_STEPS)
def test_request_shaping_steps_read_after_any_keyword(keyword: str, text: str) -> None:
    # `And I am authenticated ...` after a When is a "when" step: it must still match.
    step = Step("x.feature", 1, keyword.capitalize(), keyword, text)

    assert registry.find_step_definition(step) is not None, f"{keyword}: {text}"
