"""The WebSocket and event-stream steps in behave runs: what passes, and the pinned failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BehaveProject, BehaveRun

#: Where kit_testing (the test app, with its stream endpoints) imports from.
_KIT_TESTS = Path(__file__).resolve().parents[1]
APP = f"-Dapp_dir={_KIT_TESTS}"
_APP = ["-Dapp=kit_testing.apps:create_app"]

PASSING = """\
Feature: Streams that say what is expected
  Scenario: A text message comes back
    Given I open a WebSocket to "/ws/echo"
    When I send "hello" on the WebSocket
    Then the next message on the WebSocket should be "hello"

  Scenario: Two named connections, JSON with markers, a subprotocol
    Given I open a WebSocket "alice" to "/ws/echo" with the subprotocol "echo.v2, echo.v1"
    And I open a WebSocket "bob" to "/ws/echo"
    When I send this JSON on the WebSocket "alice":
      \"\"\"
      {"type": "say", "text": "hi", "tags": ["a"]}
      \"\"\"
    And I send "bye" on the WebSocket "bob"
    Then the next message on the WebSocket "alice" should be:
      \"\"\"
      {"type": "#string", "text": "hi", "tags": "#[] #string"}
      \"\"\"
    And the next message on the WebSocket "bob" should be "bye"
    And the subprotocol of the WebSocket "alice" should be "echo.v2"

  Scenario: Collected messages
    Given I open a WebSocket to "/ws/echo"
    When I send this JSON on the WebSocket:
      \"\"\"
      {"n": 1}
      \"\"\"
    And I send this JSON on the WebSocket:
      \"\"\"
      {"n": 2}
      \"\"\"
    And I collect 2 messages on the WebSocket
    Then the messages collected on the WebSocket should contain only:
      \"\"\"
      [{"n": 2}, {"n": 1}]
      \"\"\"
    And each message collected on the WebSocket should match:
      \"\"\"
      {"n": "#number"}
      \"\"\"

  Scenario: The server closes with a code and a reason
    Given I open a WebSocket to "/ws/echo"
    When I send "close 4001 go away" on the WebSocket
    Then the WebSocket should be closed with the code 4001 and the reason "go away"

  Scenario: The handshake carries the scenario's credentials and headers
    Given I am authenticated with the bearer token "s3cr3t-token"
    And the request header "X-Trace" is "abc"
    When I open a WebSocket to "/ws/headers"
    Then the next message on the WebSocket should contain:
      \"\"\"
      {"x-trace": "abc"}
      \"\"\"

  Scenario: Events, by count and by name
    When I read events from "/sse/ticks?n=3" until one named "tick"
    And I read 2 events from "/sse/ticks?n=3"
    Then the events read should be named "tick, tick"
    And the data of event 2 should be:
      \"\"\"
      {"n": 2}
      \"\"\"
    And the data of the events read should be:
      \"\"\"
      [{"n": 1}, {"n": "#number"}]
      \"\"\"
    And the response status should be 200
    And the response header "Content-Type" should contain "text/event-stream"

  Scenario: A chunked body, piece by piece
    When I send a GET request to "/chunks?count=3" and read the body as it streams
    Then the body should have been streamed in 3 chunks
    And chunk 2 of the body should be "part 2;"
    And the response body should be "part 1;part 2;part 3;"
"""


def _failures(run: BehaveRun) -> dict[str, str]:
    """Each failing scenario's message as behave printed it (after ASSERT FAILED), dedented."""
    failures: dict[str, str] = {}
    scenario = ""
    lines = run.output.splitlines()
    for index, line in enumerate(lines):
        if line.strip().startswith("Scenario: "):
            scenario = line.split("Scenario: ", 1)[1].split("#")[0].strip()
        if "ASSERT FAILED: " not in line:
            continue
        indent = line.index("ASSERT FAILED: ")
        message = [line[indent + len("ASSERT FAILED: ") :]]
        for following in lines[index + 1 :]:
            if not following.strip():
                break
            message.append(following[indent:])
        failures[scenario] = "\n".join(message)
    return failures


FAILING = """\
Feature: Streams that do not say what is expected
  Scenario: A wrong message
    Given I open a WebSocket "alice" to "/ws/echo"
    When I send this JSON on the WebSocket "alice":
      \"\"\"
      {"text": "hello", "n": 1}
      \"\"\"
    Then the next message on the WebSocket "alice" should be:
      \"\"\"
      {"text": "hi", "n": "#string"}
      \"\"\"

  Scenario: A silent server
    Given I open a WebSocket to "/ws/echo"
    When I send "hello" on the WebSocket
    Then the next message on the WebSocket should be "hello"
    And the next message on the WebSocket should be "again"

  Scenario: A server that hangs up
    Given I open a WebSocket "bob" to "/ws/echo"
    When I send "close 4002 bye" on the WebSocket "bob"
    Then the next message on the WebSocket "bob" should contain:
      \"\"\"
      {"type": "welcome"}
      \"\"\"

  Scenario: Too few events
    When I read 5 events from "/sse/ticks?n=2"

  Scenario: A stream that ends early
    When I read events from "/sse/ticks?n=2&end" until one named "done"

  Scenario: Fewer chunks
    When I send a GET request to "/chunks?count=2" and read the body as it streams
    Then the body should have been streamed in 3 chunks

  Scenario: A token echoed back
    Given I am authenticated with the bearer token "s3cr3t-token"
    And I open a WebSocket to "/ws/echo"
    When I send "s3cr3t-token" on the WebSocket
    Then the next message on the WebSocket should be "something else"
"""


LEAKS = """\
@fixture.server.per_feature
Feature: Connections end with their scenario
  Scenario: Connections left open by a failing scenario
    Given I open a WebSocket "alice" to "/ws/echo"
    And I open a WebSocket "bob" to "/ws/echo"
    When I send "hi" on the WebSocket "alice"
    Then the next message on the WebSocket "bob" should be "hi"

  Scenario: The next scenario on the same server finds none open
    When I send a GET request to "/ws/open"
    And I repeat the request until the JSON value at "$.open" is 0, at most 200 times every 5 ms
    Then the JSON value at "$.open" should be 0
"""


@pytest.fixture(scope="module")
def failures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One behave run of every failing scenario (a run costs seconds; the checks do not)."""
    root = tmp_path_factory.mktemp("failing_streams")
    (root / "features" / "steps").mkdir(parents=True)
    (root / "features" / "environment.py").write_text(
        "from behave_live.bdd.hooks import before_all, before_scenario, before_tag\n"
    )
    project = BehaveProject(root)
    project.steps("from behave_live.bdd.steps import *  # noqa: F403\n")
    project.feature("failing.feature", FAILING)
    project.feature("leaks.feature", LEAKS)
    run = project.run(APP, *_APP, "-D", "stream_timeout=0.3")
    assert "1 scenario passed, 8 failed" in run.output, run.output
    return _failures(run)


def test_the_stream_steps_pass_against_a_service_that_does_what_they_say(
    behave_project: BehaveProject,
) -> None:
    behave_project.feature("streams.feature", PASSING)

    run = behave_project.run(APP, *_APP)

    assert run.returncode == 0, run.output
    assert "7 scenarios passed, 0 failed" in run.output


def test_a_wrong_message_lists_every_mismatch_and_what_was_received(
    failures: dict[str, str],
) -> None:
    assert failures["A wrong message"] == (
        'The next message on the WebSocket "alice" (/ws/echo) is not the expected JSON.\n'
        "2 mismatches:\n"
        '  $.text: expected "hi", got "hello"\n'
        "  $.n: expected #string, got 1\n"
        "Received so far:\n"
        '  -> {"text": "hello", "n": 1}\n'
        '  <- {"text": "hello", "n": 1}'
    )


def test_a_message_that_never_comes_fails_at_the_timeout(failures: dict[str, str]) -> None:
    assert failures["A silent server"] == (
        "No message came on the WebSocket (/ws/echo) within 0.3 s; expected the text "
        "'again'. If the service is meant to take longer, raise stream_timeout "
        "(-D stream_timeout=10).\n"
        "Received so far:\n"
        "  -> hello\n"
        "  <- hello"
    )


def test_a_connection_closed_unexpectedly_says_how_it_was_closed(
    failures: dict[str, str],
) -> None:
    assert failures["A server that hangs up"] == (
        'The WebSocket "bob" (/ws/echo) was closed by the server with code 4002 ("bye") while '
        'waiting for the next message; expected JSON such as {"type":"welcome"}.\n'
        "Received so far:\n"
        "  -> close 4002 bye"
    )


def test_events_that_never_come_fail_at_the_timeout_listing_those_that_did(
    failures: dict[str, str],
) -> None:
    assert failures["Too few events"] == (
        "Waited for 5 events from GET /sse/ticks?n=2, but only 2 events came within 0.3 s. "
        "If the service is meant to take longer, raise stream_timeout (-D stream_timeout=10).\n"
        "Events read:\n"
        '  tick #1: {"n": 1}\n'
        '  tick #2: {"n": 2}'
    )


def test_a_stream_the_server_ends_early_says_so(failures: dict[str, str]) -> None:
    assert failures["A stream that ends early"] == (
        "Waited for an event named 'done' from GET /sse/ticks?n=2&end, but the server ended "
        'the stream after 2 events.\nEvents read:\n  tick #1: {"n": 1}\n  tick #2: {"n": 2}'
    )


def test_a_body_in_fewer_chunks_lists_those_that_came(failures: dict[str, str]) -> None:
    assert failures["Fewer chunks"] == (
        "The body came in 2 chunks, not 3:\n  1: b'part 1;'\n  2: b'part 2;'"
    )


def test_a_failure_never_shows_a_secret_the_connection_carried(failures: dict[str, str]) -> None:
    message = failures["A token echoed back"]

    assert "s3cr3t" not in message
    assert message.endswith("Received so far:\n  -> <redacted>\n  <- <redacted>")


def test_every_connection_is_closed_when_its_scenario_ends_even_a_failed_one(
    failures: dict[str, str],
) -> None:
    # The second scenario of leaks.feature, on the same server, found none open: it passed
    # (the fixture checks that exactly one scenario did), after the first one failed.
    assert failures["Connections left open by a failing scenario"].startswith(
        'No message came on the WebSocket "bob" (/ws/echo) within 0.3 s'
    )
    assert "The next scenario on the same server finds none open" not in failures
