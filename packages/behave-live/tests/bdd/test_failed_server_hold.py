"""keep_failed_server: a failed scenario's server waits for Enter, never in CI or without a TTY."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import TEST_DATA, BehaveProject

from behave_live.bdd.failed_server_hold import FailedServerHold
from behave_live.settings import BEHAVE_USERDATA, KitSettings


class Terminal:
    """What the hold wrote, and how often it waited for Enter."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.reads = 0

    def write(self, text: str) -> None:
        self.written.append(text)

    def read(self) -> str:
        self.reads += 1
        return "\n"


def _hold(
    terminal: Terminal, *, enabled: bool = True, ci: str | None = None, tty: bool = True
) -> FailedServerHold:
    return FailedServerHold(
        enabled,
        environ={} if ci is None else {"CI": ci},
        interactive=lambda: tty,
        write=terminal.write,
        read=terminal.read,
    )


def test_it_is_off_by_default() -> None:
    assert KitSettings().keep_failed_server is False
    assert KitSettings.read({"keep_failed_server": "true"}, BEHAVE_USERDATA).keep_failed_server


def test_off_it_neither_waits_nor_says_anything() -> None:
    terminal = Terminal()

    assert _hold(terminal, enabled=False).hold("'x'", "http://127.0.0.1:1") is False
    assert terminal.written == []
    assert terminal.reads == 0


def test_on_it_says_the_url_and_waits_for_enter() -> None:
    terminal = Terminal()

    assert _hold(terminal).hold("'Pay' (f.feature:3)", "http://127.0.0.1:4321") is True
    assert terminal.reads == 1
    assert "Scenario 'Pay' (f.feature:3) failed." in terminal.written[0]
    assert "still running at http://127.0.0.1:4321" in terminal.written[0]
    assert "Press Enter to stop it and go on" in terminal.written[0]
    assert "to replay" not in terminal.written[0]


def test_the_prompt_carries_the_curl_line_of_the_last_request() -> None:
    terminal = Terminal()
    line = "curl -sS -X POST http://127.0.0.1:4321/pay"

    assert _hold(terminal).hold("'Pay' (f.feature:3)", "http://127.0.0.1:4321", line) is True
    assert f"Its last request, to replay:\n  {line}\nPress Enter" in terminal.written[0]


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_in_ci_it_is_ignored_with_one_note(ci: str) -> None:
    terminal = Terminal()
    hold = _hold(terminal, ci=ci)

    assert hold.hold("'a'", "http://127.0.0.1:1") is False
    assert hold.hold("'b'", "http://127.0.0.1:2") is False
    assert terminal.reads == 0
    assert terminal.written == [
        f"keep_failed_server is ignored: CI is set (CI={ci}), where nobody can press Enter.\n"
    ]


@pytest.mark.parametrize("ci", ["", "false", "0"])
def test_ci_set_to_false_is_not_ci(ci: str) -> None:
    terminal = Terminal()

    assert _hold(terminal, ci=ci).hold("'a'", "http://127.0.0.1:1") is True


def test_without_a_terminal_it_is_ignored_with_a_note() -> None:
    terminal = Terminal()

    assert _hold(terminal, tty=False).hold("'a'", "http://127.0.0.1:1") is False
    assert terminal.written == [
        "keep_failed_server is ignored: stdin is not a terminal, so nobody can press Enter.\n"
    ]


def test_a_closed_stdin_ends_the_wait() -> None:
    def closed() -> str:
        raise EOFError

    hold = FailedServerHold(
        True, environ={}, interactive=lambda: True, write=lambda _text: None, read=closed
    )

    assert hold.hold("'a'", "http://127.0.0.1:1") is True


FEATURE = """\
Feature: Replay
  Scenario: Fails
    When I send a GET request to "/health"
    Then the response status should be 201
"""


APP = """\
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

app = Starlette(routes=[Route("/health", lambda request: PlainTextResponse("ok"))])
"""


@pytest.mark.parametrize(
    ("ci", "note"),
    [
        ("true", "keep_failed_server is ignored: CI is set (CI=true)"),
        ("", "keep_failed_server is ignored: stdin is not a terminal"),
    ],
)
def test_a_behave_run_that_cannot_wait_says_why_and_goes_on(
    behave_project: BehaveProject, ci: str, note: str
) -> None:
    behave_project.feature("replay.feature", FEATURE)
    (behave_project.root / "replay_app.py").write_text(APP)
    python_path = [str(behave_project.root), str(TEST_DATA), os.environ.get("PYTHONPATH", "")]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, python_path))}
    environment["CI"] = ci
    settings = ["-D", "app=replay_app:app", "-D", "keep_failed_server=true"]
    completed = subprocess.run(
        [sys.executable, "-m", "behave", "--no-color", *settings, "features"],
        cwd=behave_project.root,
        env=environment,
        stdin=subprocess.DEVNULL,  # never a terminal: the run must not wait
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    output = completed.stdout + completed.stderr
    assert completed.returncode == 1, output
    assert note in output
    assert "Press Enter" not in output
