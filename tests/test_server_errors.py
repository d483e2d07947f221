"""An unhandled exception in the app fails the scenario, with the server's traceback shown."""

from __future__ import annotations

import html
from pathlib import Path

from tests.behave_runs import failing_feature, run_behave

CRASH = failing_feature("server_crash.feature")


def test_a_crash_fails_the_scenario_and_shows_the_server_traceback() -> None:
    run = run_behave(CRASH)

    assert run.failed
    assert "1 scenario passed, 1 failed" in run.output.replace("scenarios", "scenario")
    assert "The server raised an unhandled exception while answering GET" in run.output
    assert "RuntimeError('the board crashed on purpose')" in run.output
    assert "Server traceback:" in run.output
    assert "Traceback (most recent call last):" in run.output  # the app's, not the kit's
    assert 'raise RuntimeError("the board crashed on purpose")' in run.output
    assert "tag it @expect_server_error" in run.output
    # What the server logged reaches behave's captured output too.
    assert "Exception in ASGI application" in run.output
    assert "GET /board/crash failed with RuntimeError" in run.output  # the app's own log line


def test_the_crash_and_its_traceback_are_in_the_html_report(tmp_path: Path) -> None:
    report = tmp_path / "report.html"

    run = run_behave(CRASH, "-f", "html-pretty", "-o", str(report))

    assert run.failed
    text = html.unescape(report.read_text(encoding="utf-8"))
    assert "Server traceback" in text
    assert "RuntimeError: the board crashed on purpose" in text
    assert "GET /board/crash -&gt; 500" in text or "GET /board/crash -> 500" in text
