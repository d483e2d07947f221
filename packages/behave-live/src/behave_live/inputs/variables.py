r"""Scenario variables: ``${name}`` in paths, tables, doc-strings and files.

``${name}`` looks in the values saved during the scenario, then in the user's own userdata
values (kit settings are not variables: see ``behave_live.settings.classify``);
``${env:NAME}`` reads an environment variable. An unknown name is an error that names it
and lists the known ones - never an empty string that lets a scenario pass by accident.
``\${name}`` stands for the literal text ``${name}``, and a ``${`` that does not start a
well-formed reference is an error too, so a typo such as ``${user id}`` cannot slip through.

Secrets: a value read with ``${env:NAME}`` whose name looks secret (``API_TOKEN``,
``DB_PASSWORD``, ``STRIPE_KEY``), a value saved under a secret-looking name
(``token``, ``refresh_token``), a userdata value with such a name, and a variable marked
with :meth:`Variables.mark_secret` are registered with the scenario's
:class:`~behave_live.secrets.SecretValues`, and hidden wherever they appear.

Two ways to insert values:

- :meth:`Variables.substitute` for plain text (paths, header values, table cells, raw
  bodies): strings go in as they are, other values as JSON text (``42``, ``true``).
- :meth:`Variables.substitute_json` for JSON documents (doc-strings, JSON files): inside a
  JSON string a value is escaped, so ``"${name}"`` stays valid JSON whatever the name holds;
  outside strings a value is JSON text, so ``{"id": ${id}}`` keeps a number a number, and a
  string that is not JSON text goes in as a JSON string (``{"id": "behave-live demo"}``).
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Callable, Mapping
from typing import Any

from behave_live.errors import StepInputError
from behave_live.secrets import SecretValues, is_secret_name

__all__ = ["NAME_PATTERN", "Variables"]

# What a variable may be called: a letter or _, then letters, digits, _, . and -.
NAME_PATTERN = r"[A-Za-z_][\w.-]*"
_NAME = re.compile(rf"{NAME_PATTERN}\Z")

# Where a reference may start: "${", or "\${" which keeps the text literal.
_OPENING = re.compile(r"\\?\$\{")
# A whole reference, matched at an opening: ${name}, ${ name }, ${env:NAME}.
_REFERENCE = re.compile(rf"\$\{{\s*(?:(env):)?({NAME_PATTERN})\s*\}}")

# How much of a malformed reference an error message quotes.
_QUOTED = 40


class Variables:
    """Values saved during one scenario, with the user's userdata values as a read-only fallback.

    ``userdata`` holds only the user's own values (``user_variables`` of
    :mod:`behave_live.settings` leaves out the kit's settings and behave's ``behave.*``).
    ``secrets`` is the scenario's registry of secret values (shared with its HTTP session).
    ``remembered`` is the run's registry of secrets read from the environment: every
    scenario hides them from its start, so a token one scenario read with ``${env:NAME}``
    stays hidden when a later one meets it (echoed back by the app, say) without reading it.
    """

    def __init__(
        self,
        userdata: Mapping[str, Any] | None = None,
        secrets: SecretValues | None = None,
        remembered: SecretValues | None = None,
    ) -> None:
        self._saved: dict[str, Any] = {}
        self._userdata: Mapping[str, Any] = dict(userdata or {})
        self.secrets = secrets if secrets is not None else SecretValues()
        self._remembered = remembered
        if remembered is not None:
            self.secrets.include(remembered)
        for name, value in self._userdata.items():
            if is_secret_name(name):
                self.secrets.add(value)

    def save(self, name: str, value: Any, *, secret: bool = False) -> None:
        """Remember ``value`` as ``${name}`` for the rest of the scenario.

        A saved value hides a userdata value of the same name. Names follow
        :data:`NAME_PATTERN`, so that every saved value can be referred to. A value saved
        under a secret-looking name (``token``, ``api_key``), or with ``secret`` (it came
        from a secret-looking JSON key or header), is registered as a secret.
        """
        if not _NAME.match(name):
            raise StepInputError(
                f"{name!r} cannot be a variable name: use a letter or _ followed by letters, "
                "digits, _, . or - (for example task_id)."
            )
        if secret or is_secret_name(name):
            self.secrets.add(value)
        self._saved[name] = value

    def mark_secret(self, name: str) -> None:
        """Treat the value of ``${name}`` as a secret: hidden wherever it appears from now on."""
        self.secrets.add(self._value(name, None))

    def __setitem__(self, name: str, value: Any) -> None:
        self.save(name, value)

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

    def substitute(self, text: str, where: str | None = None) -> str:
        """Replace each ``${name}`` / ``${env:NAME}`` in ``text`` by its value.

        Strings are inserted as they are; numbers, booleans, null, arrays and objects as JSON
        text (``42``, ``true``, ``{"a": 1}``). ``where`` ("in the JSON file data/x.json")
        is added to error messages.
        """
        return self._substitute(text, where, lambda _position, value: _as_text(value))

    def substitute_json(self, text: str, where: str | None = None) -> str:
        """Replace the references in a JSON document so that it stays valid JSON.

        Inside a JSON string the value's text is escaped (quotes, backslashes, newlines);
        outside strings it is inserted as JSON text - so ``${limit}`` from ``-D limit=10``
        becomes the number 10, a string that is not JSON text (``behave-live demo``) becomes
        a JSON string, and ``"${name}"`` is always a string.
        """
        inside = _string_ranges(text)

        def insert(position: int, value: Any) -> str:
            if any(start < position < end for start, end in inside):
                return _json_text(_as_text(value))[1:-1]
            return _as_json(value)

        return self._substitute(text, where, insert)

    def _substitute(self, text: str, where: str | None, insert: Callable[[int, Any], str]) -> str:
        pieces: list[str] = []
        done = 0
        for opening in _OPENING.finditer(text):
            # No opening can start inside a reference already replaced: a reference's name
            # holds no "$" or "{", and finditer's matches do not overlap.
            start = opening.start()
            if opening.group().startswith("\\"):  # \${...}: keep "${" literally
                pieces += [text[done:start], "${"]
                done = opening.end()
                continue
            reference = _REFERENCE.match(text, start)
            if reference is None:
                raise StepInputError(self._malformed_message(text, start, where))
            source, name = reference.groups()
            value = self._env(name, where) if source == "env" else self._value(name, where)
            pieces += [text[done:start], insert(start, value)]
            done = reference.end()
        pieces.append(text[done:])
        return "".join(pieces)

    def _value(self, name: str, where: str | None) -> Any:
        if name not in self:
            raise StepInputError(self._unknown_message(name, where))
        return self[name]

    def _env(self, name: str, where: str | None) -> str:
        try:
            value = os.environ[name]
        except KeyError:
            raise StepInputError(
                f"The environment variable {name!r} used as ${{env:{name}}}{_in(where)} is not "
                f"set. Set it before running behave (export {name}=...)."
            ) from None
        if is_secret_name(name):
            self.secrets.add(value)
            if self._remembered is not None:
                self._remembered.add(value)
        return value

    def _unknown_message(self, name: str, where: str | None = None) -> str:
        names = self.known_names()
        known = ", ".join(names) or "none yet"
        # A typo is the likeliest cause, so the closest name comes before the whole list.
        closest = difflib.get_close_matches(name, names)  # best first: only [0] is shown
        guess = f" Did you mean ${{{closest[0]}}}?" if closest else ""
        return (
            f"Unknown variable ${{{name}}}{_in(where)}.{guess} Known variables: {known}. "
            "Save a value first "
            f'(for example: And I save the JSON value at "$.id" as "{name}"), define it '
            f"in [tool.behave.userdata] or with -D {name}=..., or write \\${{{name}}} for the "
            "literal text."
        )

    @staticmethod
    def _malformed_message(text: str, start: int, where: str | None) -> str:
        end = text.find("}", start)
        fragment = text[start : end + 1] if 0 <= end < start + _QUOTED else text[start:][:_QUOTED]
        return (
            f"{fragment!r}{_in(where)} is not a variable reference: write ${{name}} (a letter "
            "or _, then letters, digits, _, . or -) or ${env:NAME}, and close it with }. For "
            "the literal text write \\${ instead of ${."
        )


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else _json_text(value)


def _as_json(value: Any) -> str:
    # A string that is JSON text (-D limit=10 arrives as "10") goes in as that JSON; any
    # other string as a JSON string, so {"id": ${name}} stays valid JSON.
    if isinstance(value, str) and not _is_json_text(value):
        return _json_text(value)
    return _as_text(value)


def _json_text(value: Any) -> str:
    # Non-ASCII text stays as it is written (José, not Jos\u00e9): still valid JSON.
    return json.dumps(value, ensure_ascii=False)


def _is_json_text(text: str) -> bool:
    try:
        json.loads(text, parse_constant=_refuse)
    except ValueError:
        return False
    return True


def _refuse(constant: str) -> Any:
    # NaN and Infinity are not JSON, though Python's json reads them (the message is unused).
    raise ValueError


def _in(where: str | None) -> str:
    return "" if where is None else f" ({where})"


def _string_ranges(text: str) -> list[tuple[int, int]]:
    """The (opening quote, closing quote) positions of the JSON strings in ``text``.

    A lenient scan, not a parser: the text may hold references outside strings, so it is
    not JSON yet. A backslash skips the next character, as it does in JSON strings.
    """
    ranges: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    while position < length:
        if text[position] == '"':
            start = position
            position += 1
            while position < length and text[position] != '"':
                position += 2 if text[position] == "\\" else 1
            ranges.append((start, position))
        position += 1
    return ranges
