"""SIGINT and SIGTERM mid-run: a clean end within 2 s, nothing left behind, reports written.

Each test runs behave as a user would, on a feature whose first scenario holds (in a request,
or in its server's lifespan startup, after the app's scratch file exists). The app
writes to a named pipe when it gets there; the test sends the signal then - no guessing.
"""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.behave_runs import ROOT
from tests.interrupt_app import HOLD_AT_ENV, MARKER_ENV

FEATURE = "tests/interrupt_features/interrupted_run.feature"
EXPECTED_STATUS = {signal.SIGINT: 130, signal.SIGTERM: 143}
# The bound from signal to exit (the run itself ends in well under 0.1 s here).
EXIT_WITHIN = 2.0
# Hang guard: how long behave may take to reach the holding point.
REACH_WITHIN = 60.0


@dataclass(frozen=True)
class InterruptedRun:
    returncode: int
    output: str
    took: float
    marker: str
    temp_dir: Path
    report: Path
    junit_dir: Path


def _interrupt(tmp_path: Path, signum: signal.Signals, hold_at: str) -> InterruptedRun:
    temp_dir, junit_dir, report = tmp_path / "tmp", tmp_path / "junit", tmp_path / "report.html"
    temp_dir.mkdir()
    marker = tmp_path / "marker"
    os.mkfifo(marker)
    reader = os.open(marker, os.O_RDONLY | os.O_NONBLOCK)  # before the app writes to it
    env = {
        **os.environ,
        "TMPDIR": str(temp_dir),  # the app's scratch file goes here
        MARKER_ENV: str(marker),
        HOLD_AT_ENV: hold_at,
        "PYTHONFAULTHANDLER": "1",
    }
    command = [
        sys.executable, "-m", "behave", "--no-color", "--no-capture",
        "-D", "app=tests.interrupt_app:create_app",
        "-f", "html-pretty", "-o", str(report), "-f", "plain",
        "--junit", "--junit-directory", str(junit_dir),
        FEATURE,
    ]  # fmt: skip
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as behave:
        try:
            readable, _, _ = select.select([reader], [], [], REACH_WITHIN)
            assert readable, f"behave never reached the holding point ({hold_at})"
            reached = os.read(reader, 100).decode()
            began = time.monotonic()
            behave.send_signal(signum)
            try:
                output, _ = behave.communicate(timeout=EXIT_WITHIN)
            except subprocess.TimeoutExpired:
                behave.send_signal(signal.SIGABRT)
                pytest.fail(
                    f"behave still ran {EXIT_WITHIN} s after {signum.name}:\n"
                    + behave.communicate()[0]
                )
            took = time.monotonic() - began
        finally:
            os.close(reader)
            if behave.poll() is None:
                behave.kill()
    return InterruptedRun(behave.returncode, output, took, reached, temp_dir, report, junit_dir)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("hold_at", ["request", "startup"])
def test_an_interrupted_run_ends_cleanly(
    tmp_path: Path, signum: signal.Signals, hold_at: str
) -> None:
    run = _interrupt(tmp_path, signum, hold_at)

    assert run.marker.startswith(hold_at)
    assert run.returncode == EXPECTED_STATUS[signum], run.output
    assert run.took < EXIT_WITHIN
    assert list(run.temp_dir.iterdir()) == [], "the app's scratch file was left behind"
    assert "Traceback" not in run.output, run.output
    assert "CancelledError" not in run.output, run.output
    assert f"Interrupted by {signum.name}: servers stopped, reports written;" in run.output
    assert "ABORTED: By user." in run.output
    assert "0 scenarios passed" in run.output  # the second scenario never ran
    # The reports of what ran: JUnit parses; the HTML report says it was interrupted.
    (junit,) = run.junit_dir.glob("*.xml")
    suite = ElementTree.parse(junit).getroot()
    assert suite.get("errors") == "1"
    html = run.report.read_text(encoding="utf-8")
    assert f"<title>Task board: acceptance report (interrupted by {signum.name})</title>" in html
    assert f"The run was interrupted by {signum.name} here" in html


def test_the_held_server_no_longer_listens_after_the_interruption(tmp_path: Path) -> None:
    run = _interrupt(tmp_path, signal.SIGTERM, "request")

    port = int(run.marker.split()[1])
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
