"""LiveServers: an app that failed to start once is not started again."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from behave_live import ServerStartupError
from behave_live.server.pool import LiveServers
from behave_live.settings import KitSettings


@pytest.fixture
def import_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A module that fails on import and writes a line to the returned file each time."""
    log = tmp_path / "imports.log"
    (tmp_path / "bl_fails_once.py").write_text(
        f"with open({str(log)!r}, 'a') as log:\n"
        "    log.write('imported\\n')\n"
        "raise RuntimeError('no database')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    yield log
    sys.modules.pop("bl_fails_once", None)


def test_after_a_failed_start_every_later_one_fails_at_once_naming_the_first(
    import_log: Path,
) -> None:
    servers = LiveServers(KitSettings(app="bl_fails_once:app"))
    try:
        with pytest.raises(ServerStartupError) as first:
            servers.fresh("scenario 'One' (features/a.feature:3)")
        later = []
        for requester in ("scenario 'Two'", "scenario 'Three'"):
            with pytest.raises(ServerStartupError) as failure:
                servers.fresh(requester)
            later.append(str(failure.value))
        with pytest.raises(ServerStartupError) as shared:
            servers.shared("feature", lambda stop: None, "scenario 'Four'")
    finally:
        servers.close()

    assert "at bl_fails_once.py:3, in <module>" in str(first.value)
    expected = (
        "The app failed to start in scenario 'One' (features/a.feature:3); not retried: "
        "importing the app 'bl_fails_once:app' raised RuntimeError('no database') "
        "(bl_fails_once.py:3)"
    )
    assert [*later, str(shared.value)] == [expected] * 3
    assert import_log.read_text() == "imported\n"  # imported once, not three more times


def test_an_app_that_failed_the_isolation_check_is_reported_in_full_by_the_first_start(
    import_log: Path,
) -> None:
    # behave checks isolation in before_all: the import failure belongs to the first scenario.
    servers = LiveServers(KitSettings(app="bl_fails_once:app"))
    servers.check_isolation()
    with pytest.raises(ServerStartupError) as first:
        servers.fresh("scenario 'One'")
    with pytest.raises(ServerStartupError) as second:
        servers.fresh("scenario 'Two'")
    servers.check_isolation()
    servers.close()

    assert str(first.value).startswith(
        "Server did not start: importing the app 'bl_fails_once:app' raised "
        "RuntimeError('no database').\n  at bl_fails_once.py:3, in <module>:"
    )
    assert str(second.value).startswith("The app failed to start in scenario 'One'; not retried")
    assert import_log.read_text() == "imported\n"
