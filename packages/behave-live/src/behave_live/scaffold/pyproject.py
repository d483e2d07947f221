"""Add the kit's settings to a pyproject.toml, leaving every other byte as the user wrote it.

No round-trip TOML library: a table that does not exist yet is appended as text; a key
missing from an existing table goes on the line after that table's header. The result is
parsed again and checked before anything is written. A value the user already set
differently is a conflict: init refuses and names it, rather than overwrite it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from behave_live.errors import ScaffoldError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    # (Not installed where the checks run on 3.11+, hence the ignore for mypy's 3.10 view.)
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["PyprojectEdit", "Setting", "add_settings", "is_features_dir"]

TomlValue = str | list[str]


@dataclass(frozen=True)
class Setting:
    """One key the kit needs: where it goes, its value, and which existing values are fine."""

    table: tuple[str, ...]
    key: str
    value: TomlValue
    #: Is the value the user already set acceptable? (Default: only the same value.)
    accepts: Callable[[Any], bool] | None = None
    #: Leave an existing table without this key alone (the tool's default is what we want).
    only_in_new_table: bool = False

    @property
    def name(self) -> str:
        """``[tool.behave.userdata] app``, as shown to the user."""
        return f"[{'.'.join(self.table)}] {self.key}"

    def line(self) -> str:
        """The TOML line that sets it."""
        return f"{_key(self.key)} = {_toml(self.value)}"

    def is_accepted(self, existing: Any) -> bool:
        """True when the value already in the file will do."""
        return self.accepts(existing) if self.accepts is not None else existing == self.value


@dataclass
class PyprojectEdit:
    """The new text and what changed: settings added, settings found already in place."""

    text: str
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when anything was added."""
        return bool(self.added)


def is_features_dir(paths: Any) -> bool:
    """True when behave's ``paths`` setting includes ``features``."""
    entries = [paths] if isinstance(paths, str) else paths
    return isinstance(entries, list) and any(
        isinstance(entry, str) and PurePosixPath(entry).parts == ("features",) for entry in entries
    )


def add_settings(text: str, settings: Sequence[Setting], *, filename: str) -> PyprojectEdit:
    """Return ``text`` with ``settings`` added; raise :class:`ScaffoldError` on a conflict."""
    document = _parse(text, filename)
    edit = PyprojectEdit(text)
    conflicts: list[str] = []
    insertions: list[tuple[int, str]] = []  # (index of the header line, line to insert)
    new_tables: dict[tuple[str, ...], list[str]] = {}
    lines = text.splitlines(keepends=True)
    for setting in settings:
        table = _lookup(document, setting.table)
        if table is None:
            new_tables.setdefault(setting.table, []).append(setting.line())
            edit.added.append(setting.name)
        elif not isinstance(table, dict):
            conflicts.append(f"{'.'.join(setting.table)} is not a table in {filename}")
        elif setting.key in table:
            if setting.is_accepted(table[setting.key]):
                edit.kept.append(setting.name)
            else:
                conflicts.append(
                    f"{setting.name} is {table[setting.key]!r}; the kit needs {setting.line()!r}"
                )
        elif not setting.only_in_new_table:
            header = _header_line(lines, setting.table)
            if header is None:
                conflicts.append(
                    f"{setting.name} is missing, and the table is not written as a "
                    f"[{'.'.join(setting.table)}] header that init can add to: add "
                    f"{setting.line()!r} yourself"
                )
            else:
                insertions.append((header, setting.line()))
                edit.added.append(setting.name)
    if conflicts:
        raise ScaffoldError(
            f"{filename} already has behave or pytest settings that differ from what init "
            "would write, so nothing was changed:\n"
            + "\n".join(f"  - {conflict}" for conflict in conflicts)
            + "\nChange or remove them, then run init again (or set the project up by hand "
            "as the README shows)."
        )
    for header, line in sorted(insertions, reverse=True):
        lines.insert(header + 1, line + "\n")
    new_text = "".join(lines)
    if new_tables:
        new_text = new_text.rstrip("\n") + "\n" if new_text.strip() else ""
        blocks = [
            f"[{'.'.join(table)}]\n" + "".join(f"{line}\n" for line in table_lines)
            for table, table_lines in new_tables.items()
        ]
        new_text += ("\n" if new_text else "") + "\n".join(blocks)
    edit.text = new_text
    _check(new_text, settings, filename)
    return edit


def _parse(text: str, filename: str) -> dict[str, Any]:
    try:
        document: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScaffoldError(
            f"{filename} is not valid TOML ({exc}); fix it, then run init again."
        ) from None
    return document


def _lookup(document: dict[str, Any], table: tuple[str, ...]) -> Any:
    found: Any = document
    for part in table:
        if not isinstance(found, dict) or part not in found:
            return None
        found = found[part]
    return found


def _header_line(lines: list[str], table: tuple[str, ...]) -> int | None:
    parts = r"\s*\.\s*".join(rf"(?:{re.escape(part)}|\"{re.escape(part)}\")" for part in table)
    header = re.compile(rf"\s*\[\s*{parts}\s*\]\s*(?:#.*)?")
    for index, line in enumerate(lines):
        if header.fullmatch(line.rstrip("\r\n")):
            return index
    return None


def _check(text: str, settings: Sequence[Setting], filename: str) -> None:
    # A guard against an edit that reads back differently: never write a broken file.
    document = _parse(text, filename)
    for setting in settings:
        table = _lookup(document, setting.table)
        if isinstance(table, dict) and setting.key in table:
            if setting.is_accepted(table[setting.key]):
                continue
        elif setting.only_in_new_table and isinstance(table, dict):
            continue
        raise ScaffoldError(
            f"init could not add {setting.line()!r} to {setting.name.split(']')[0]}] of "
            f"{filename} safely, so nothing was changed; add it yourself."
        )


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml(key)


def _toml(value: TomlValue) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
