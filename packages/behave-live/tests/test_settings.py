"""The settings table, its parser, and every error message it gives."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import pytest

from behave_live.errors import ServerStartupError, SettingsError
from behave_live.server.app_loading import add_app_dir
from behave_live.settings import (
    BEHAVE_USERDATA,
    PYTEST_INI,
    SETTINGS,
    KitSettings,
    classify,
    unknown_ini_option_message,
    user_variables,
)

WHERE = "in behave userdata (from -D or [tool.behave.userdata])"


def _read(**userdata: str) -> KitSettings:
    return KitSettings.from_userdata({"app": "shop.api:app", **userdata})


def _error(**userdata: str) -> str:
    with pytest.raises(SettingsError) as caught:
        _read(**userdata)
    return str(caught.value)


# -- the table ------------------------------------------------------------------------------


def test_the_table_and_the_settings_object_name_the_same_settings() -> None:
    fields = {field.name: field.default for field in dataclasses.fields(KitSettings)}
    fields.pop("uvicorn_options")

    assert fields == {setting.name: setting.default for setting in SETTINGS}


def test_every_example_in_the_table_is_a_valid_value() -> None:
    for setting in SETTINGS:
        assert setting.parse(setting.example) is not None, setting.name


def test_defaults_are_a_fresh_server_per_scenario_on_loopback() -> None:
    settings = KitSettings.from_userdata({"app": "shop.api:create_app"})

    assert settings == KitSettings(app="shop.api:create_app")
    assert settings.server_scope == "scenario"
    assert settings.host == "127.0.0.1"
    assert settings.lifespan == "on"
    assert settings.app_dir == "."
    assert settings.base_url is None
    assert settings.features_dir is None
    assert settings.uvicorn_options == {}


def test_each_setting_is_read_from_its_text() -> None:
    settings = _read(
        app_dir="src",
        server_scope="Feature",
        host="::1",
        startup_timeout="10",
        shutdown_timeout="0.5",
        lifespan="off",
        gc_freeze="no",
        features_dir="specs",
    )

    assert settings == KitSettings(
        app="shop.api:app",
        app_dir="src",
        server_scope="feature",
        host="::1",
        startup_timeout=10.0,
        shutdown_timeout=0.5,
        lifespan="off",
        gc_freeze=False,
        features_dir="specs",
    )


def test_toml_numbers_and_booleans_are_read_as_their_text() -> None:
    settings = KitSettings.from_userdata({"app": "a:b", "startup_timeout": 7, "gc_freeze": False})

    assert settings.startup_timeout == 7.0
    assert settings.gc_freeze is False


def test_an_empty_value_keeps_the_default() -> None:
    assert _read(host=" ", lifespan="") == KitSettings(app="shop.api:app")


def test_a_base_url_needs_no_app() -> None:
    settings = KitSettings.from_userdata({"base_url": "https://staging.example.com/"})

    assert settings.app is None
    assert settings.base_url == "https://staging.example.com"


def test_a_base_url_must_be_http() -> None:
    assert _error(base_url="staging.example.com") == (
        f"base_url='staging.example.com' {WHERE} is not an http:// or https:// URL. Write for "
        "example -D base_url=https://staging.example.com."
    )


def test_no_app_and_no_base_url_says_how_to_choose_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.behave]\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SettingsError) as error:
        KitSettings.from_userdata({})
    assert str(error.value) == (
        "No app to test: no app was found in [tool.behave.userdata]. behave reads "
        f"pyproject.toml from the current directory only, and {tmp_path.resolve()}"
        f"{os.sep}pyproject.toml sets no app in it: run behave from the project root, or set "
        "app = 'package.module:attribute' (an ASGI app or a factory) in "
        "[tool.behave.userdata] of pyproject.toml, or -D app=..., or point the features at a "
        "running server with -D base_url=https://..."
    )


def test_an_empty_app_given_with_d_says_so_rather_than_blaming_the_file() -> None:
    with pytest.raises(SettingsError) as error:
        KitSettings.from_userdata({"app": ""})
    assert str(error.value) == (
        f"app is empty {WHERE}: name the app under test, app = 'package.module:attribute' "
        "(an ASGI app or a factory), or leave out -D app= to use the one in "
        "[tool.behave.userdata]."
    )


def test_run_from_inside_features_the_error_names_the_project_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.behave.userdata]\napp = "svc.main:app"\n')
    (tmp_path / "features").mkdir()
    monkeypatch.chdir(tmp_path / "features")
    with pytest.raises(SettingsError) as error:
        KitSettings.from_userdata({})
    root = tmp_path.resolve()
    assert (
        f"behave reads pyproject.toml from the current directory only, and {root}{os.sep}"
        f"features has no pyproject.toml: run behave from {root}, or set app = "
    ) in str(error.value)


def test_an_unknown_scope_lists_the_valid_ones() -> None:
    assert _error(server_scope="module") == (
        f"server_scope='module' {WHERE} is not one of scenario, feature, run. Write for "
        "example -D server_scope=feature."
    )


def test_an_unknown_lifespan_mode_lists_the_valid_ones() -> None:
    assert _error(lifespan="maybe") == (
        f"lifespan='maybe' {WHERE} is not one of on, off, auto. Write for example -D lifespan=off."
    )


# -- timeouts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("soon", "is not a number of seconds"),
        ("nan", "is not a finite number of seconds"),
        ("inf", "is not a finite number of seconds"),
        ("-inf", "is not a finite number of seconds"),
        ("0", "is not more than 0 seconds"),
        ("-1", "is not more than 0 seconds"),
        (
            "3600.5",
            "is more than an hour (3600 s): a server that needs that long to start or stop is "
            "stuck, and the run would wait for it instead of failing",
        ),
    ],
)
def test_a_bad_timeout_says_why_with_an_example(raw: str, reason: str) -> None:
    assert _error(startup_timeout=raw) == (
        f"startup_timeout={raw!r} {WHERE} {reason}. Write for example -D startup_timeout=5."
    )


def test_an_hour_is_the_longest_timeout() -> None:
    assert _read(shutdown_timeout="3600").shutdown_timeout == 3600.0


# -- flags ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("", True), ("false", False), ("Yes", True), ("off", False), ("1", True), ("0", False)],
)
def test_gc_freeze_is_a_yes_no_setting(raw: str, expected: bool) -> None:
    assert _read(gc_freeze=raw).gc_freeze is expected


def test_a_bad_yes_no_value_says_which_values_work() -> None:
    assert _error(gc_freeze="sometimes") == (
        f"gc_freeze='sometimes' {WHERE} is not a yes/no value (true/false, yes/no, on/off, "
        "1/0). Write for example -D gc_freeze=false."
    )


# -- uvicorn options ------------------------------------------------------------------------


def test_uvicorn_options_are_read_as_the_types_uvicorn_declares() -> None:
    settings = _read(
        **{
            "uvicorn.http": "h11",
            "uvicorn.ws": "none",
            "uvicorn.timeout_keep_alive": "7",
            "uvicorn.limit_concurrency": "none",
            "uvicorn.ws_ping_interval": "2.5",
            "uvicorn.server_header": "false",
            "uvicorn.log_level": "debug",
        }
    )

    assert settings.uvicorn_options == {
        "http": "h11",
        "ws": "none",
        "timeout_keep_alive": 7,
        "limit_concurrency": None,
        "ws_ping_interval": 2.5,
        "server_header": False,
        "log_level": "debug",
    }


def test_an_unknown_uvicorn_option_suggests_the_right_one() -> None:
    message = _error(**{"uvicorn.timeout_keepalive": "5"})

    # The list that follows is uvicorn's own, and changes between its versions.
    assert message.startswith(
        f"uvicorn.timeout_keepalive {WHERE} is not an option of uvicorn.Config: did you mean "
        "'uvicorn.timeout_keep_alive'? The options are loop, http, "
    )


def test_a_uvicorn_option_of_the_wrong_type_shows_an_example() -> None:
    assert _error(**{"uvicorn.timeout_keep_alive": "soon"}) == (
        f"uvicorn.timeout_keep_alive='soon' {WHERE} is not a whole number, as uvicorn.Config "
        "wants for timeout_keep_alive. Write for example -D uvicorn.timeout_keep_alive=5."
    )


@pytest.mark.parametrize(
    ("option", "instead"),
    [
        ("lifespan", "use the setting lifespan instead"),
        ("port", "every server gets a free port of its own"),
        ("timeout_graceful_shutdown", "use the setting shutdown_timeout instead"),
    ],
)
def test_uvicorn_options_the_kit_sets_say_what_to_use(option: str, instead: str) -> None:
    assert _error(**{f"uvicorn.{option}": "1"}) == (
        f"uvicorn.{option} {WHERE} is set by the kit itself: {instead}."
    )


@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [
        (
            "workers",
            "4",
            "each server is one worker, on a thread of the test run",
        ),
        (
            "reload",
            "true",
            "there is no reloader: restart the run instead",
        ),
        (
            "ssl_certfile",
            "cert.pem",
            "test servers serve plain HTTP (base_url is http://...), so the steps could not "
            "talk to a TLS socket; test TLS against a deployed server with base_url=https://...",
        ),
    ],
)
def test_uvicorn_options_that_do_nothing_in_process_are_refused(
    option: str, value: str, reason: str
) -> None:
    # Accepted, they would be silently ignored (workers, reload) or break every request (TLS).
    assert _error(**{f"uvicorn.{option}": value}) == (
        f"uvicorn.{option} {WHERE} does not apply to a test server, which runs in-process: "
        f"{reason}."
    )


def test_refused_uvicorn_options_are_not_listed_as_options() -> None:
    listed = _error(**{"uvicorn.worker": "2"}).partition("The options are ")[2]
    assert "timeout_keep_alive" in listed
    assert not {"workers", "reload", "ssl_certfile"} & set(listed.rstrip(".").split(", "))


def test_a_uvicorn_option_that_takes_objects_says_to_pass_it_in_code() -> None:
    assert _error(**{"uvicorn.headers": "x"}) == (
        f"uvicorn.headers {WHERE} cannot be written as text (uvicorn.Config takes objects for "
        "it): pass it in code, UvicornTestServer(app, headers=...)."
    )


# -- settings or variables ------------------------------------------------------------------

_SETTINGS_LIST = (
    "The settings are: app, app_dir, server_scope, host, base_url, startup_timeout, "
    "shutdown_timeout, lifespan, isolation, gc_freeze, features_dir, stream_timeout, shard, "
    "shard_durations, keep_failed_server, spec_for_readers, spec_glossary, spec_title, openapi, "
    "openapi_url, "
    "uvicorn.<option>."
)


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("lifespn", "lifespan"),
        ("startup_timout", "startup_timeout"),
        ("server-scope", "server_scope"),
        ("Host", "host"),
        ("uvicorn_http", "uvicorn.http"),
        ("uvicron.http", "uvicorn.http"),
    ],
)
def test_a_misspelt_setting_fails_with_did_you_mean(key: str, meant: str) -> None:
    assert _error(**{key: "off"}) == (
        f"Unknown setting '{key}' in behave userdata (from -D or [tool.behave.userdata]): did "
        f"you mean '{meant}'? If it is a variable of your own, name it var.{key} "
        f"(-D var.{key}=...; scenarios still write ${{{key}}}). {_SETTINGS_LIST}"
    )


def test_other_keys_are_variables_and_settings_are_not() -> None:
    userdata = {
        "app": "shop.api:app",
        "lifespan": "off",
        "uvicorn.http": "h11",
        "behave.formatter.html-pretty.title_string": "Report",
        "token": "t",
        "person_id": "7",
    }

    assert user_variables(userdata) == {"token": "t", "person_id": "7"}


def test_the_var_prefix_makes_any_name_a_variable() -> None:
    userdata = {"var.lifespn": "x", "var.app": "mine", "var.token": "var", "token": "plain"}

    settings, variables = classify(userdata)

    assert settings == {}
    assert variables == {"lifespn": "x", "app": "mine", "token": "var"}


def test_read_refuses_a_name_that_is_no_setting() -> None:
    with pytest.raises(SettingsError) as caught:
        KitSettings.read({"lifespn": "off"}, PYTEST_INI)

    assert str(caught.value) == (
        "Unknown setting 'lifespn' in the pytest ini options ([tool.pytest.ini_options] or -o): "
        f"did you mean 'lifespan'? {_SETTINGS_LIST}"
    )


def test_pytest_messages_use_the_ini_option_names() -> None:
    with pytest.raises(SettingsError) as caught:
        KitSettings.read({"lifespan": "maybe"}, PYTEST_INI)

    assert str(caught.value) == (
        "behave_live_lifespan='maybe' in the pytest ini options ([tool.pytest.ini_options] or "
        '-o) is not one of on, off, auto. Write for example behave_live_lifespan = "off".'
    )
    assert BEHAVE_USERDATA.example("lifespan", "off") == "-D lifespan=off"


# -- app_dir --------------------------------------------------------------------------------


def test_the_app_dir_goes_first_on_sys_path_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "path", ["/somewhere"])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()

    add_app_dir("src")
    add_app_dir(str(tmp_path / "src"))

    assert sys.path == [str(tmp_path / "src"), "/somewhere"]


def test_an_app_dir_that_is_no_directory_fails_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path_before = list(sys.path)

    with pytest.raises(ServerStartupError) as caught:
        add_app_dir("srcx")

    assert str(caught.value) == (
        f"Server did not start: app_dir 'srcx' is not a directory (looked for {tmp_path / 'srcx'}"
        "). Give the directory that holds the app's package or module, relative to where "
        "behave or pytest runs (for example app_dir=src)."
    )
    assert sys.path == path_before


def test_the_working_directory_is_not_added_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "path", ["", "/somewhere"])
    monkeypatch.chdir(tmp_path)

    add_app_dir(".")

    assert sys.path == ["", "/somewhere"]


def test_an_app_dir_taken_off_sys_path_is_put_back_by_the_next_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "path", ["/somewhere"])
    monkeypatch.chdir(tmp_path)
    add_app_dir(".")  # remembered as on the path

    sys.path.remove(str(tmp_path))
    add_app_dir(".")

    assert sys.path == [str(tmp_path), "/somewhere"]


def test_a_relative_entry_is_resolved_again_in_another_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "other").mkdir()
    monkeypatch.setattr(sys, "path", [""])
    monkeypatch.chdir(tmp_path)
    add_app_dir(str(tmp_path))  # "" is the working directory: nothing to add

    monkeypatch.chdir(tmp_path / "other")
    add_app_dir(str(tmp_path))

    assert sys.path == [str(tmp_path), ""]


@pytest.mark.parametrize(("raw", "expected"), [(None, "warn"), ("Reimport", "reimport")])
def test_isolation_defaults_to_warn(raw: str | None, expected: str) -> None:
    settings = _read(**({"isolation": raw} if raw else {}))

    assert settings.isolation == expected


def test_an_unknown_isolation_lists_the_valid_ones() -> None:
    message = _error(isolation="always")

    assert message.startswith(f"isolation='always' {WHERE} is not one of warn, reimport, off")


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("behave_live_lifespn", ": did you mean 'behave_live_lifespan'?"),
        ("behave_live_startup_timout", ": did you mean 'behave_live_startup_timeout'?"),
        ("behave_live_uvicorn_http", ": did you mean a line http=... of behave_live_uvicorn?"),
        (
            "behave_live_server_scope",
            ": 'server_scope' is a behave setting only (in [tool.behave.userdata]), not read "
            "by the pytest fixtures.",
        ),
        ("behave_live_colour", "."),
    ],
)
def test_an_unknown_ini_option_is_named_with_the_setting_it_resembles(key: str, meant: str) -> None:
    assert unknown_ini_option_message(key) == (
        f"Unknown setting '{key}' in the pytest ini options ([tool.pytest.ini_options] or -o)"
        f"{meant} The settings are: behave_live_app, behave_live_app_dir, behave_live_host, "
        "behave_live_startup_timeout, behave_live_shutdown_timeout, behave_live_lifespan, "
        "behave_live_isolation, behave_live_openapi, behave_live_openapi_url, "
        "behave_live_uvicorn."
    )


def test_the_openapi_settings_are_read() -> None:
    settings = KitSettings.read(
        {"openapi": "app", "openapi_url": "/api/openapi.json"}, BEHAVE_USERDATA
    )

    assert (settings.openapi, settings.openapi_url) == ("app", "/api/openapi.json")
    assert KitSettings().openapi is None  # off by default
    assert KitSettings().openapi_url == "/openapi.json"


def test_an_openapi_url_must_be_a_path_on_the_server() -> None:
    with pytest.raises(SettingsError) as caught:
        KitSettings.read({"openapi_url": "openapi.json"}, BEHAVE_USERDATA)

    assert str(caught.value) == (
        "openapi_url='openapi.json' in behave userdata (from -D or [tool.behave.userdata]) "
        "is not a path on the server (one that starts with /). Write for example "
        "-D openapi_url=/api/openapi.json."
    )


def test_a_uvicorn_choice_that_is_no_name_uvicorn_knows_fails_before_any_server_starts() -> None:
    message = _error(**{"uvicorn.http": "h12"})

    # The names between are uvicorn's own, and change between its versions.
    assert message.startswith(
        f"uvicorn.http='h12' {WHERE} is not a name uvicorn knows: did you mean 'h11'? It "
        "should be one of auto, h11, httptools"
    ), message
    assert message.endswith(
        ", or an import string 'module:Class', as uvicorn.Config wants for http. "
        "Write for example -D uvicorn.http=auto."
    ), message


def test_a_uvicorn_log_level_uvicorn_does_not_know_fails_before_any_server_starts() -> None:
    message = _error(**{"uvicorn.log_level": "warnin"})

    assert message.startswith(
        f"uvicorn.log_level='warnin' {WHERE} is not a log level uvicorn knows: did you mean "
        "'warning'? It should be one of critical, error, warning, info, debug, trace (or a "
        "number)"
    ), message


def test_a_uvicorn_log_level_may_be_a_name_in_any_case_or_a_number() -> None:
    assert _read(**{"uvicorn.log_level": "DEBUG"}).uvicorn_options == {"log_level": "DEBUG"}
    assert _read(**{"uvicorn.log_level": "10"}).uvicorn_options == {"log_level": 10}


def test_a_uvicorn_choice_may_be_an_import_string() -> None:
    settings = _read(**{"uvicorn.http": "my_protocols:Http"})

    assert settings.uvicorn_options == {"http": "my_protocols:Http"}


def test_var_and_uvicorn_tables_from_toml_read_as_their_dotted_keys() -> None:
    # [tool.behave.userdata] with bare dotted keys: var.region = "eu", uvicorn.http = "h11".
    userdata = {"var": {"region": "eu"}, "uvicorn": {"http": "h11"}, "limits": {"max": 3}}

    settings, variables = classify(userdata)

    assert settings == {"uvicorn.http": "h11"}
    assert variables == {"region": "eu", "limits": {"max": 3}}  # another table stays whole
