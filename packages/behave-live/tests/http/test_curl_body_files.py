"""Body files of curl lines: private to their owner, per user, and not kept forever."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
import requests

from behave_live.http import curl
from behave_live.http.curl import KEPT_FOR, curl_command, default_body_dir

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _large_request() -> requests.PreparedRequest:
    return requests.Request(
        "POST",
        "http://127.0.0.1:9/items",
        data=b"x" * 10_000,
        headers={"Content-Type": "text/plain"},
    ).prepare()


def test_the_default_folder_is_per_user() -> None:
    folder = default_body_dir()

    assert folder.name.startswith("behave-live-bodies-")
    assert folder.name != "behave-live-bodies-"


def test_body_files_and_their_folder_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "bodies"

    command = curl_command(_large_request(), followed_redirects=False, body_dir=folder)

    (written,) = folder.iterdir()
    assert f"@{written}" in command.line
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_files_older_than_a_day_are_removed_when_the_folder_is_next_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(curl, "_PRUNED", set())
    folder = tmp_path / "bodies"
    folder.mkdir()
    stale, fresh = folder / "stale.txt", folder / "fresh.txt"
    for path in (stale, fresh):
        path.write_text("old body")
    long_ago = time.time() - KEPT_FOR - 60
    os.utime(stale, (long_ago, long_ago))

    curl_command(_large_request(), followed_redirects=False, body_dir=folder)

    assert not stale.exists()
    assert fresh.exists()
    assert len(list(folder.iterdir())) == 2
