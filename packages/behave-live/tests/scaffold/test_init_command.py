"""``behave-live init`` on a small project: files written or kept, errors that say what to do."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from behave_live.cli import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

_SERVICE = """
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def secret(request):
    return JSONResponse({"detail": "no token"}, status_code=401)


async def items(request):
    return JSONResponse([])


def create_app():
    return Starlette(routes=[Route("/secret", secret), Route("/items", items)])


no_get_routes = Starlette(routes=[Route("/items", items, methods=["POST"])])
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    package = tmp_path / "initdemo"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "main.py").write_text(_SERVICE)
    (package / "broken.py").write_text("raise RuntimeError('DATABASE_URL is not set')\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delenv("UV", raising=False)  # these tests may themselves run under uv run
    yield tmp_path
    for name in [name for name in sys.modules if name.startswith("initdemo")]:
        del sys.modules[name]


def test_init_writes_the_files_and_the_example_uses_a_route_that_answers(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--app", "initdemo.main:create_app"]) == 0

    out = capsys.readouterr().out
    environment = (project / "environment.py").read_text()
    assert "from behave_live.bdd.hooks import after_all, before_all" in environment
    assert "from behave_live.bdd.steps import *" in (project / "steps/http_steps.py").read_text()
    feature = (project / "features/smoke.feature").read_text()
    # /secret answers 401: the example requests /items, which answered 200.
    assert 'When I send a GET request to "/items"' in feature
    assert "Then the response status should be 2xx" in feature
    assert feature.splitlines()[1].strip().startswith("As a")
    assert 'app = "initdemo.main:create_app"' in (project / "pyproject.toml").read_text()
    assert "wrote  features/smoke.feature" in out
    assert "checked GET /items on a live server: 200" in out
    assert "  behave " in out
    assert "  pytest " in out
    assert "uv run" not in out


def test_run_through_uv_the_next_commands_say_uv_run(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UV", "/usr/local/bin/uv")  # what uv sets for the commands it runs

    assert main(["init", "--app", "initdemo.main:create_app"]) == 0

    out = capsys.readouterr().out
    assert "  uv run behave " in out
    assert "  uv run pytest " in out


def test_without_a_route_that_answers_2xx_the_example_checks_the_server_answers(
    project: Path,
) -> None:
    assert main(["init", "--app", "initdemo.main:no_get_routes"]) == 0

    feature = (project / "features/smoke.feature").read_text()
    assert "Scenario: The server answers" in feature
    assert 'When I send a GET request to "/"' in feature
    assert "Then the response status should be 4xx" in feature


def test_existing_files_are_kept(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "environment.py").write_text("# mine\n")

    assert main(["init", "--app", "initdemo.main:create_app"]) == 0

    assert (project / "environment.py").read_text() == "# mine\n"
    assert "kept   environment.py (already there)" in capsys.readouterr().out


def test_conflicting_settings_stop_init_before_anything_is_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text('[tool.behave.userdata]\napp = "other:app"\n')

    assert main(["init", "--app", "initdemo.main:create_app"]) == 1

    assert "[tool.behave.userdata] app is 'other:app'" in capsys.readouterr().err
    assert not (project / "environment.py").exists()


@pytest.mark.parametrize(
    ("app", "message"),
    [
        ("initdemo", "--app 'initdemo' is not an import string. Write it as"),
        ("nothere.main:app", "there is no module 'nothere.main' in"),
        ("initdemo.mian:create_app", "Did you mean --app initdemo.main:create_app?"),
        (
            "initdemo.main:create_ap",
            "has no attribute 'create_ap'. Did you mean --app initdemo.main:create_app? The "
            "apps and factories it defines: create_app, items, no_get_routes, secret.",
        ),
        (
            "initdemo.broken:app",
            "importing 'initdemo.broken' raised RuntimeError('DATABASE_URL is not set')",
        ),
    ],
)
def test_a_bad_app_is_named_with_the_fix(
    project: Path, capsys: pytest.CaptureFixture[str], app: str, message: str
) -> None:
    assert main(["init", "--app", app]) == 1

    err = capsys.readouterr().err
    assert err.startswith("behave-live init: error: ")
    assert message in err
    assert not (project / "environment.py").exists()


def test_the_users_traceback_is_shown_without_the_kits_frames(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init", "--app", "initdemo.broken:app"])

    err = capsys.readouterr().err
    assert 'initdemo/broken.py", line 1, in <module>' in err
    assert "app_target.py" not in err


def test_an_unwritable_directory_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tests may run as root, whom permissions do not stop: ask os.access to say no.
    monkeypatch.setattr("behave_live.scaffold.project.os.access", lambda *args: False)

    assert main(["init", "--app", "initdemo.main:create_app"]) == 1

    assert "permission denied" in capsys.readouterr().err


def test_a_missing_directory_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--app", "initdemo.main:app", "--dir", "nowhere"]) == 1

    assert "nowhere is not a directory: pass --dir the path of your project" in (
        capsys.readouterr().err
    )


def test_help_names_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])

    assert "behave-live init --app package.module:app" in capsys.readouterr().out


_NEEDS_A_DATABASE = """
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


@asynccontextmanager
async def lifespan(app):
    raise RuntimeError("DATABASE_URL is not set")
    yield


async def health(request):
    return PlainTextResponse("ok")


app = Starlette(routes=[Route("/health", health)], lifespan=lifespan)
"""


def test_an_app_whose_lifespan_cannot_start_here_is_set_up_with_lifespan_off(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "initdemo" / "needs_db.py").write_text(_NEEDS_A_DATABASE)

    assert main(["init", "--app", "initdemo.needs_db:app"]) == 1
    assert "lifespan startup failed" in capsys.readouterr().err
    assert main(["init", "--app", "initdemo.needs_db:app", "--lifespan", "off"]) == 0

    pyproject = tomllib.loads((project / "pyproject.toml").read_text())
    assert pyproject["tool"]["behave"]["userdata"]["lifespan"] == "off"
    assert pyproject["tool"]["pytest"]["ini_options"]["behave_live_lifespan"] == "off"
    assert '"/health"' in (project / "features/smoke.feature").read_text()
