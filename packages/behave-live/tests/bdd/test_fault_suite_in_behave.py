"""The fault suite in behave: each fault an app can commit fails its scenario, visibly.

Every test runs behave on a throwaway project against one of ``faulty_apps`` (in tests/data),
with the console formatter, the HTML report and JUnit XML all on, and checks that the
fault and the app's own traceback reach all three - never a silent pass.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from conftest import TEST_DATA, BehaveProject

_FORMATTERS = (
    "[behave.formatters]\nhtml-pretty = behave_html_pretty_formatter:PrettyHTMLFormatter\n"
)


@dataclass(frozen=True)
class Outcome:
    """A behave run's console output, HTML report and JUnit XML, and its exit status."""

    returncode: int
    console: str
    html: str
    junit: str


def _run(project: BehaveProject, app: str, feature: str, *args: str) -> Outcome:
    (project.root / "behave.ini").write_text(_FORMATTERS)
    project.feature("faults.feature", feature)
    report = project.root / "report.html"
    junit = project.root / "junit"
    run = project.run(
        f"-Dapp=faulty_apps:{app}",
        "-f",
        "html-pretty",
        "-o",
        str(report),
        "-f",
        "plain",
        "--junit",
        "--junit-directory",
        str(junit),
        *args,
    )
    return Outcome(
        run.returncode,
        run.output,
        html.unescape(report.read_text(encoding="utf-8")),
        html.unescape(
            "".join(path.read_text(encoding="utf-8") for path in sorted(junit.glob("*.xml")))
        ),
    )


def _line_of(code: str) -> int:
    lines = (TEST_DATA / "faulty_apps.py").read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.strip() == code)


def _assert_everywhere(outcome: Outcome, *texts: str) -> None:
    for channel in ("console", "html", "junit"):
        shown = getattr(outcome, channel)
        for text in texts:
            assert text in shown, f"{text!r} is missing from the {channel}:\n{shown[-3000:]}"


LATE_CRASH = """\
Feature: A crash after the response
  Scenario: The background task crashes 3 s after the response
    When I send a GET request to "/late"
    Then the response status should be 200

  Scenario: The next scenario is not blamed
    When I send a GET request to "/health"
    Then the response status should be 200
"""


def test_a_background_crash_3_s_after_the_response_fails_its_scenario(
    behave_project: BehaveProject,
) -> None:
    outcome = _run(behave_project, "late_crash_app", LATE_CRASH)

    assert outcome.returncode == 1
    _assert_everywhere(
        outcome,
        "FAILED AFTER THE STEPS: The app failed after the scenario's steps: GET /late raised "
        "RuntimeError('crashed 3 s after answering')",
        'raise RuntimeError("crashed 3 s after answering")',  # the app's own traceback
    )
    assert "1 scenario passed, 0 failed, 1 cleanup_error" in outcome.console
    assert "features/faults.feature:2  The background task crashes 3 s after the response" in (
        outcome.console
    )


def test_a_late_crash_on_a_feature_s_shared_server_fails_the_scenario_it_happened_in(
    behave_project: BehaveProject,
) -> None:
    shared = LATE_CRASH.replace("Feature:", "@fixture.server.per_feature\nFeature:")
    outcome = _run(behave_project, "late_crash_app", shared)

    assert outcome.returncode == 1
    _assert_everywhere(outcome, "GET /late raised RuntimeError('crashed 3 s after answering')")
    errored = outcome.console.split("Errored scenarios:")[1].split("\n\n")[0]
    assert "The background task crashes 3 s after the response" in errored
    assert "The next scenario is not blamed" not in errored


SHUTDOWN_CRASH = """\
Feature: A lifespan shutdown that raises
  Scenario: The app stops with an error
    When I send a GET request to "/health"
    Then the response status should be 200
"""


def test_a_failing_lifespan_shutdown_fails_the_scenario(behave_project: BehaveProject) -> None:
    outcome = _run(behave_project, "shutdown_crash_app", SHUTDOWN_CRASH)

    assert outcome.returncode == 1
    _assert_everywhere(
        outcome,
        "the app's lifespan shutdown raised "
        "RuntimeError('the lifespan shutdown failed on purpose')",
        'raise RuntimeError("the lifespan shutdown failed on purpose")',
    )


def test_a_failing_lifespan_shutdown_of_a_feature_s_server_fails_its_last_scenario(
    behave_project: BehaveProject,
) -> None:
    shared = SHUTDOWN_CRASH.replace("Feature:", "@fixture.server.per_feature\nFeature:")
    outcome = _run(behave_project, "shutdown_crash_app", shared)

    assert outcome.returncode == 1
    _assert_everywhere(outcome, "RuntimeError('the lifespan shutdown failed on purpose')")
    assert "0 scenarios passed, 1 failed" in outcome.console


STREAM = """\
Feature: A streaming response that dies midway
  Scenario: The stream breaks after its first chunk
    When I send a GET request to "/stream"
"""


def test_a_stream_cut_short_fails_the_step_with_the_server_s_traceback(
    behave_project: BehaveProject,
) -> None:
    outcome = _run(behave_project, "streaming_crash_app", STREAM)

    assert outcome.returncode == 1
    _assert_everywhere(
        outcome,
        "/stream failed: ChunkedEncodingError",
        "The server recorded why:\n"
        "  GET /stream raised RuntimeError('the stream broke on purpose')",
    )
    assert 'raise RuntimeError("the stream broke on purpose")' in outcome.console
    assert "Server traceback" in outcome.html  # attached to the step, too


HANG = """\
Feature: A handler that never returns
  Scenario: The request times out
    Given requests time out after 300 ms
    When I send a GET request to "/hang"
"""


def test_a_handler_that_never_returns_fails_the_step_saying_where_it_waits(
    behave_project: BehaveProject,
) -> None:
    outcome = _run(behave_project, "hanging_app", HANG, "-D", "shutdown_timeout=0.5")

    assert outcome.returncode == 1
    _assert_everywhere(outcome, "/hang failed: no response within the 300 ms timeout")
    waiting = re.search(
        r"The app is still working on: GET /hang \(waiting at (\S+), in hang\)", outcome.console
    )
    assert waiting is not None, outcome.console[-3000:]
    assert waiting.group(1).endswith(f"faulty_apps.py:{_line_of('await asyncio.Event().wait()')}")
    # And the stop, which had to cancel it, says so rather than passing over it.
    assert "the app was still busy 0.5 s after the server was asked to stop" in outcome.console


DISCONNECT = """\
Feature: A client that gives up
  Scenario: The client disconnects before the answer
    Given requests time out after 100 ms
    When I send a GET request to "/slow"

  Scenario: The server carries on
    When I send a GET request to "/health"
    Then the response status should be 200
"""


def test_a_client_that_disconnects_fails_only_its_own_step(
    behave_project: BehaveProject,
) -> None:
    outcome = _run(behave_project, "hanging_app", DISCONNECT)

    assert outcome.returncode == 1
    _assert_everywhere(outcome, "/slow failed: no response within the 100 ms timeout")
    assert "1 scenario passed, 1 failed, 0 skipped" in outcome.console
    assert "unhandled exception" not in outcome.console  # answering a gone client is no crash


REPEAT = """\
Feature: A job polled until ready
  Scenario: The job crashes on the third call
    When I send a GET request to "/job"
    And I repeat the request until the response status is 200, at most 3 times every 0 ms
"""


def test_a_crash_on_a_repeated_request_fails_the_repeat_step_with_every_attempt_reported(
    behave_project: BehaveProject,
) -> None:
    outcome = _run(behave_project, "flaky_job_app", REPEAT)

    assert outcome.returncode == 1
    _assert_everywhere(
        outcome,
        "The server raised an unhandled exception while answering GET",
        "RuntimeError('the job crashed on call 3')",
    )
    failed_step = re.search(r"And I repeat the request until .* \.\.\. failed", outcome.console)
    assert failed_step is not None, outcome.console[-3000:]
    assert 'raise RuntimeError(f"the job crashed on call {calls}")' in outcome.console
    # The first request and both repeats, each attached to the report.
    assert outcome.html.count("GET /job -> 503") == 2
    assert outcome.html.count("GET /job -> 500") == 1
