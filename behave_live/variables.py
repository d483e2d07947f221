"""Scenario variables: ``${name}`` in paths, tables, doc-strings and files.

``${name}`` looks in the values saved during the scenario, then in behave's userdata;
``${env:NAME}`` reads an environment variable. An unknown name is an error that names it
and lists the known ones - never an empty string that lets a scenario pass by accident.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from typing import Any

from behave_live.errors import StepInputError

__all__ = ["Variables"]

# ${name} or ${env:NAME}; a backslash before the dollar keeps the text literal: \${name}.
_REFERENCE = re.compile(r"(\\?)\$\{\s*(?:(env):)?([A-Za-z_][\w.-]*)\s*\}")


class Variables:
    """Values saved during one scenario, with behave's userdata as a read-only fallback."""

    def __init__(self, userdata: Mapping[str, Any] | None = None) -> None:
        self._saved: dict[str, Any] = {}
        self._userdata: Mapping[str, Any] = userdata or {}

    def __setitem__(self, name: str, value: Any) -> None:
        self._saved[name] = value

    def __getitem__(self, name: str) -> Any:
        if name in self._saved:
            return self._saved[name]
        if name in self._userdata:
            return self._userdata[name]
        raise StepInputError(self._unknown_message(name))

    def __contains__(self, name: object) -> bool:
        return name in self._saved or name in self._userdata

    def known_names(self) -> list[str]:
        """Every name ``${...}`` can use right now: saved values first, then userdata."""
        return [*self._saved, *(name for name in self._userdata if name not in self._saved)]

    def substitute(self, text: str) -> str:
        """Replace each ``${name}`` / ``${env:NAME}`` in ``text`` by its value.

        Strings are inserted as they are (so ``"${name}"`` in JSON stays a string); numbers,
        booleans, null, arrays and objects are inserted as JSON (so ``{"id": ${id}}`` keeps
        a number a number).
        """
        return _REFERENCE.sub(self._replacement, text)

    def _replacement(self, reference: re.Match[str]) -> str:
        escaped, source, name = reference.groups()
        if escaped:
            return reference.group(0)[1:]
        if source == "env":
            try:
                return os.environ[name]
            except KeyError:
                raise StepInputError(
                    f"The environment variable {name!r} used as ${{env:{name}}} is not set. "
                    f"Set it before running behave (export {name}=...)."
                ) from None
        value = self[name]
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def _unknown_message(self, name: str) -> str:
        known = ", ".join(self.known_names()) or "none yet"
        return (
            f"Unknown variable ${{{name}}}. Known variables: {known}. Save a value first "
            f'(for example: When I save the JSON value at "$.id" as "{name}"), define it '
            f"in [tool.behave.userdata] or with -D {name}=..., or write \\${{{name}}} for the "
            "literal text."
        )
