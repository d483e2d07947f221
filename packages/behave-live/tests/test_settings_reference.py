"""The generated table of settings: complete, and up to date in the kit's README."""

from __future__ import annotations

from pathlib import Path

import pytest

from behave_live.settings import SETTINGS
from behave_live.settings_reference import (
    BEGIN,
    END,
    main,
    render_table,
    stale_reason,
    with_table,
)

KIT_README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_kit_readme_table_is_up_to_date() -> None:
    assert stale_reason(KIT_README) is None


def test_every_setting_has_a_row_with_its_default_and_help() -> None:
    table = render_table()

    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in table
        assert setting.help in table
    assert "| `lifespan` | `behave_live_lifespan` | `on` |" in table
    assert "| `server_scope` | - | `scenario` |" in table
    assert "| `uvicorn.<option>` | `behave_live_uvicorn` (lines `option=value`) |" in table


def test_a_stale_table_is_found_and_rewritten(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{BEGIN}\n| old |\n{END}\n\nAfter.\n")

    assert "The settings table in " in (stale_reason(readme) or "")
    assert main(["--check", str(readme)]) == 1
    assert main(["--write", str(readme)]) == 0
    assert readme.read_text() == f"# Title\n\n{BEGIN}\n{render_table()}{END}\n\nAfter.\n"
    assert main(["--check", str(readme)]) == 0


def test_a_file_without_markers_says_where_the_table_goes() -> None:
    with pytest.raises(ValueError, match=r"notes\.md has no settings table markers: put"):
        with_table("# Notes\n", "notes.md")
