from __future__ import annotations

import pytest

from behave_live.errors import SettingsError
from behave_live.settings import KitSettings


def test_defaults_are_a_fresh_server_per_scenario_on_loopback() -> None:
    settings = KitSettings.from_userdata({"app": "app:create_app"})

    assert settings.server_scope == "scenario"
    assert settings.host == "127.0.0.1"
    assert settings.base_url is None


def test_a_base_url_needs_no_app() -> None:
    settings = KitSettings.from_userdata({"base_url": "https://staging.example.com"})

    assert settings.app is None
    assert settings.base_url == "https://staging.example.com"


def test_no_app_and_no_base_url_says_how_to_choose_one() -> None:
    with pytest.raises(
        SettingsError, match=r"No app to test: set app = 'package.module:attribute'"
    ):
        KitSettings.from_userdata({})


def test_an_unknown_scope_lists_the_valid_ones() -> None:
    with pytest.raises(SettingsError, match="Use one of scenario, feature, run"):
        KitSettings.from_userdata({"app": "app:app", "server_scope": "module"})


@pytest.mark.parametrize("raw", ["soon", "0", "-1"])
def test_a_bad_timeout_is_named_with_an_example(raw: str) -> None:
    with pytest.raises(SettingsError, match=f"startup_timeout='{raw}' is not a positive number"):
        KitSettings.from_userdata({"app": "app:app", "startup_timeout": raw})


def test_timeouts_are_read_as_seconds() -> None:
    settings = KitSettings.from_userdata({"app": "app:app", "shutdown_timeout": "0.5"})

    assert settings.shutdown_timeout == 0.5


@pytest.mark.parametrize(("raw", "expected"), [("", True), ("false", False), ("Yes", True)])
def test_gc_freeze_is_a_yes_no_setting(raw: str, expected: bool) -> None:
    settings = KitSettings.from_userdata({"app": "app:app", "gc_freeze": raw})

    assert settings.freeze_startup_objects is expected


def test_a_bad_yes_no_value_says_which_values_work() -> None:
    with pytest.raises(SettingsError, match="gc_freeze='sometimes' is not a yes/no value"):
        KitSettings.from_userdata({"app": "app:app", "gc_freeze": "sometimes"})


@pytest.mark.parametrize(("raw", "expected"), [(None, "warn"), ("Reimport", "reimport")])
def test_isolation_defaults_to_warn(raw: str | None, expected: str) -> None:
    userdata = {"app": "app:app"} | ({"isolation": raw} if raw else {})

    assert KitSettings.from_userdata(userdata).isolation == expected


def test_an_unknown_isolation_lists_the_valid_ones() -> None:
    with pytest.raises(SettingsError) as failure:
        KitSettings.from_userdata({"app": "app:app", "isolation": "always"})

    assert str(failure.value) == (
        "Unknown isolation 'always' in behave userdata. Use one of warn, reimport, off: for "
        "example -D isolation=reimport."
    )
