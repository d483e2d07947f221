"""Keep a failed scenario's server running until the user presses Enter, for the curl replay.

The "Reproduce with" curl line of a failure points at the scenario's server, which
normally stops as the scenario ends. With ``keep_failed_server`` on, the kit stops there
instead, says the server's URL, and waits for Enter. Never in CI (``CI`` set) and never
without a terminal to press Enter in: there the setting is ignored with a note, once per
run, rather than hanging the run.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable

__all__ = ["FailedServerHold"]

# Values of CI that mean "not in CI" (some tools export CI=false).
_NOT_CI = frozenset({"", "0", "false", "no"})


class FailedServerHold:
    """Decides whether to hold a failed scenario's server, and holds it (one per run)."""

    def __init__(
        self,
        enabled: bool,
        *,
        environ: dict[str, str] | None = None,
        interactive: Callable[[], bool] | None = None,
        write: Callable[[str], None] | None = None,
        read: Callable[[], str] | None = None,
    ) -> None:
        self.enabled = enabled
        self._environ = environ if environ is not None else dict(os.environ)
        self._interactive = interactive or _stdin_is_a_terminal
        # The real terminal, not behave's captured stdout: the user must see it now.
        self._write = write or _write_to_terminal
        self._read = read or sys.stdin.readline
        self._noted = False

    def hold(self, scenario: str, url: str, curl_line: str | None = None) -> bool:
        """Wait for Enter with the server at ``url`` still running; False if not allowed.

        ``curl_line`` (the scenario's last request) is printed with the prompt: a formatter
        that reports failures only at the end of the run (``progress``) would otherwise
        show it after the wait.
        """
        if not self.enabled:
            return False
        refusal = self._refusal()
        if refusal is not None:
            if not self._noted:
                self._write(f"keep_failed_server is ignored: {refusal}.\n")
                self._noted = True
            return False
        replay = f"Its last request, to replay:\n  {curl_line}\n" if curl_line else ""
        self._write(
            f"\nScenario {scenario} failed. Its server is still running at {url} - the "
            f"failure's curl line reaches it.\n{replay}Press Enter to stop it and go on... "
        )
        # stdin closed while waiting: stop waiting. (Ctrl+C goes on up: it stops the run.)
        with contextlib.suppress(EOFError):
            self._read()
        return True

    def _refusal(self) -> str | None:
        ci = self._environ.get("CI", "")
        if ci.strip().lower() not in _NOT_CI:
            return f"CI is set (CI={ci}), where nobody can press Enter"
        if not self._interactive():
            return "stdin is not a terminal, so nobody can press Enter"
        return None


def _stdin_is_a_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # stdin closed
        return False


def _write_to_terminal(text: str) -> None:
    stream = sys.__stderr__ or sys.stderr
    stream.write(text)
    stream.flush()
