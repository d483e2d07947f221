"""The README's table of settings, generated from :data:`behave_live.settings.SETTINGS`.

The table sits between two marker comments in a Markdown file; ``--write`` replaces what is
between them, ``--check`` fails when it is stale (a test does the same).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from behave_live.settings import PYTEST_INI, SETTINGS, UVICORN_PREFIX

__all__ = ["BEGIN", "END", "REGENERATE", "main", "render_table", "stale_reason", "with_table"]

BEGIN: Final = "<!-- settings table: generated from behave_live.settings, do not edit -->"
END: Final = "<!-- end of settings table -->"
REGENERATE: Final = (
    "uv run python -m behave_live.settings_reference --write README.md "
    "packages/behave-live/README.md"
)


def render_table() -> str:
    """The Markdown table of every setting, one row each, plus ``uvicorn.<option>``."""
    lines = [
        "| userdata / `-D` | pytest ini | default | what it does |",
        "|---|---|---|---|",
    ]
    for setting in SETTINGS:
        ini = f"`{PYTEST_INI.key(setting.name)}`" if setting.pytest else "-"
        lines.append(
            f"| `{setting.name}` | {ini} | {setting.describe_default()} | {setting.help} |"
        )
    lines.append(
        f"| `{UVICORN_PREFIX}<option>` | `{PYTEST_INI.key('uvicorn')}` (lines `option=value`) "
        "| uvicorn's | Any `uvicorn.Config` option that text can set (`uvicorn.http=h11`, "
        "`uvicorn.timeout_keep_alive=5`), read as the type uvicorn declares. Options that "
        "cannot work in an in-process test server are refused: `workers`, `reload*`, "
        "`ssl_*` (servers speak plain HTTP), `limit_max_requests`, `uds`, `fd`. |"
    )
    return "\n".join(lines) + "\n"


def with_table(text: str, source: str = "the file") -> str:
    """``text`` with the part between the markers replaced by the current table."""
    start = text.find(BEGIN)
    end = text.find(END)
    if start < 0 or end < start:
        raise ValueError(
            f"{source} has no settings table markers: put {BEGIN!r} and {END!r} on lines "
            "of their own where the table goes."
        )
    return f"{text[: start + len(BEGIN)]}\n{render_table()}{text[end:]}"


def stale_reason(path: Path) -> str | None:
    """Say why the table in ``path`` is out of date (and how to fix it), or None if it is not."""
    text = path.read_text(encoding="utf-8")
    try:
        expected = with_table(text, str(path))
    except ValueError as error:
        return str(error)
    if text == expected:
        return None
    return (
        f"The settings table in {path} is out of date with behave_live.settings (a setting "
        f"was added, removed or its help changed). Regenerate it with: {REGENERATE}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table, write it into files, or check that files hold the current one."""
    parser = argparse.ArgumentParser(
        prog="python -m behave_live.settings_reference",
        description="Generate the Markdown table of the kit's settings.",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", metavar="FILE", nargs="+", help="update the table in FILE")
    group.add_argument("--check", metavar="FILE", nargs="+", help="exit 1 if FILE is stale")
    options = parser.parse_args(argv)
    if options.write:
        for name in options.write:
            path = Path(name)
            path.write_text(with_table(path.read_text(encoding="utf-8"), name), encoding="utf-8")
        return 0
    if options.check:
        problems = [problem for name in options.check if (problem := stale_reason(Path(name)))]
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    sys.stdout.write(render_table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
