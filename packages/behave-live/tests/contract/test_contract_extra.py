"""Without the ``openapi`` extra, the ``openapi`` setting stops the run before any scenario.

The check happens when the settings are read (behave's ``before_all``, the pytest fixture),
whether the document is a file or the one the app serves, and names both install commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import BehaveProject

from behave_live.contract import ContractProvider
from behave_live.errors import SettingsError

MESSAGE = (
    "The OpenAPI contract check (the openapi setting) needs openapi-core, which comes with "
    'the kit\'s `openapi` extra: pip install "behave-live[openapi]" (or uv add --dev '
    '"behave-live[openapi]"), or remove the openapi setting.'
)
# Loaded by Python at start-up from the project folder (on PYTHONPATH): openapi-core is
# then not importable, as without the extra.
_WITHOUT_OPENAPI_CORE = "import sys\nsys.modules['openapi_core'] = None\n"

_FEATURE = """\
Feature: Health
  Scenario: The service answers
    When I send a GET request to "/health"
    Then the response status should be 200
"""


@pytest.mark.parametrize("openapi", ["app", "openapi.yaml"])
def test_the_provider_needs_the_extra_whatever_the_document(
    openapi: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "openapi.yaml").write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\n")
    monkeypatch.setitem(sys.modules, "openapi_core", None)  # import openapi_core fails

    with pytest.raises(SettingsError) as caught:
        ContractProvider(openapi, "/openapi.json")

    assert str(caught.value) == MESSAGE


def test_behave_stops_before_any_scenario(behave_project: BehaveProject) -> None:
    (behave_project.root / "sitecustomize.py").write_text(_WITHOUT_OPENAPI_CORE)
    behave_project.feature("health.feature", _FEATURE)

    run = behave_project.run("-D", "app=kit_testing.apps:create_app", "-D", "openapi=app")

    assert run.returncode != 0
    assert MESSAGE in run.output
    assert "The service answers" not in run.output  # no scenario started
    assert "Traceback" not in run.output


def test_pytest_fails_at_fixture_setup_before_the_test_runs(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openapi_core", None)
    pytester.makeini(
        "[pytest]\nbehave_live_app = kit_testing.apps:create_app\nbehave_live_openapi = app\n"
    )
    pytester.makepyfile(
        test_health="def test_health(http):\n    raise AssertionError('the test body ran')\n"
    )

    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")

    result.assert_outcomes(errors=1)
    assert MESSAGE in result.stdout.str()
    assert "the test body ran" not in result.stdout.str()
