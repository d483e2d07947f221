"""Headless Chromium from the command line: the DOM after scripts ran, and screenshots."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

__all__ = ["BROWSERS", "Chromium", "find_chromium"]

#: The names a Chromium goes by (Debian's package, upstream's, Chrome).
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# A browser that hangs must not hang the suite: loading one local file takes about a second.
_TIMEOUT = 60.0


def find_chromium() -> str | None:
    """The path of a Chromium on PATH (or in $CHROMIUM), or None."""
    named = os.environ.get("CHROMIUM")
    if named:
        return shutil.which(named) or named
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


class Chromium:
    """One headless browser binary, run once per page, each time with a fresh profile."""

    def __init__(self, binary: str, profile: Path) -> None:
        self._binary = binary
        self._profile = profile

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [
            self._binary,
            "--headless",
            # Containers and CI often run as root, where Chromium's sandbox cannot start.
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={self._profile}",
            *args,
        ]
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=_TIMEOUT, check=False
        )
        assert completed.returncode == 0, (
            f"{' '.join(command)} exited with {completed.returncode}:\n{completed.stderr}"
        )
        return completed

    def dom(self, url: str) -> str:
        """The page's DOM, serialised after its scripts ran."""
        return self._run("--dump-dom", url).stdout

    def screenshot(self, url: str, path: Path, width: int, height: int) -> None:
        """Save a PNG of the top of the page, ``width`` x ``height`` CSS pixels."""
        self._run(f"--screenshot={path}", f"--window-size={width},{height}", url)
        assert path.exists(), f"Chromium wrote no screenshot at {path}"
