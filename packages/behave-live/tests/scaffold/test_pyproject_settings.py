"""Adding the kit's settings to a pyproject.toml: appended or inserted, never overwritten."""

from __future__ import annotations

import sys

import pytest

from behave_live.errors import ScaffoldError
from behave_live.scaffold.project import kit_settings
from behave_live.scaffold.pyproject import add_settings

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

SETTINGS = kit_settings("service.main:app")


def test_missing_tables_are_appended_and_the_rest_is_kept_byte_for_byte() -> None:
    original = '[project]\nname = "service"  # mine\n\n[tool.ruff]\nline-length = 90\n'

    edit = add_settings(original, SETTINGS, filename="pyproject.toml")

    assert edit.text.startswith(original)
    document = tomllib.loads(edit.text)
    assert document["tool"]["behave"] == {
        "paths": ["features"],
        "formatters": {"html-pretty": "behave_html_pretty_formatter:PrettyHTMLFormatter"},
        "userdata": {"app": "service.main:app"},
    }
    assert document["tool"]["pytest"]["ini_options"] == {
        "behave_live_app": "service.main:app",
        "pythonpath": ["."],
    }


def test_a_missing_key_goes_under_the_existing_header() -> None:
    original = '[tool.behave.userdata]\nserver_scope = "run"  # keep\n'

    edit = add_settings(original, SETTINGS, filename="pyproject.toml")

    assert edit.text.startswith(
        '[tool.behave.userdata]\napp = "service.main:app"\nserver_scope = "run"  # keep\n'
    )
    assert "[tool.behave.userdata] app" in edit.added
    # [tool.behave] exists implicitly: behave's default paths (features) are left to it.
    assert "[tool.behave] paths" not in edit.added


def test_settings_already_in_place_are_reported_as_kept() -> None:
    first = add_settings("", SETTINGS, filename="pyproject.toml")

    second = add_settings(first.text, SETTINGS, filename="pyproject.toml")

    assert second.text == first.text
    assert not second.changed
    assert len(second.kept) == len(SETTINGS)


def test_conflicting_values_are_refused_all_at_once() -> None:
    original = '[tool.behave]\npaths = ["specs"]\n\n[tool.behave.userdata]\napp = "other:app"\n'

    with pytest.raises(ScaffoldError) as raised:
        add_settings(original, SETTINGS, filename="pyproject.toml")

    message = str(raised.value)
    assert "so nothing was changed" in message
    assert "[tool.behave] paths is ['specs']; the kit needs 'paths = [\"features\"]'" in message
    assert "[tool.behave.userdata] app is 'other:app'" in message


def test_a_table_written_inline_is_not_edited_by_guesswork() -> None:
    original = '[tool.behave]\nuserdata = { server_scope = "run" }\n'

    with pytest.raises(ScaffoldError, match=r"add 'app = \"service.main:app\"' yourself"):
        add_settings(original, SETTINGS, filename="pyproject.toml")


def test_invalid_toml_is_named() -> None:
    with pytest.raises(ScaffoldError, match=r"pyproject.toml is not valid TOML .*fix it"):
        add_settings("[tool\n", SETTINGS, filename="pyproject.toml")
