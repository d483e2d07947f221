"""``uvicorn.<option>`` settings: checked against ``uvicorn.Config`` and read as its types.

The option names and types come from ``uvicorn.Config.__init__`` itself, so whatever the
installed uvicorn accepts can be set, and a misspelt name fails before any server starts.
Options that cannot work for an in-process test server (workers, the reloader, TLS) are
refused with the reason, rather than accepted and ignored.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, Union, get_args, get_origin

import uvicorn
from uvicorn.config import LOG_LEVELS

from behave_live._setting_values import BadValue, flag
from behave_live.errors import ServerStartupError

__all__ = [
    "KIT_OWNED",
    "NOT_FOR_TEST_SERVERS",
    "PREFIX",
    "UnknownOption",
    "check_keywords",
    "example_value",
    "option_names",
    "read_option",
]

#: Userdata keys with this prefix are options for uvicorn.Config.
PREFIX = "uvicorn."

#: Config parameters the kit sets itself, each with what to do instead.
KIT_OWNED: dict[str, str] = {
    "app": "use the setting app instead",
    "app_dir": "use the setting app_dir instead",
    "factory": "use the setting app (a factory is recognised by itself)",
    "host": "use the setting host instead",
    "port": "every server gets a free port of its own",
    "uds": "the kit binds a TCP socket of its own for every server",
    "fd": "the kit binds a TCP socket of its own for every server",
    "lifespan": "use the setting lifespan instead",
    "timeout_graceful_shutdown": "use the setting shutdown_timeout instead",
}

_RELOADER = "there is no reloader: restart the run instead"
_TLS = (
    "test servers serve plain HTTP (base_url is http://...), so the steps could not talk "
    "to a TLS socket; test TLS against a deployed server with base_url=https://..."
)
_RUN_BY_SCENARIO = "the kit stops a server when its scenario, feature or run ends"

#: Config parameters of uvicorn's process management, TLS or lifetime that would be accepted
#: and silently do nothing (or break every request) in an in-process test server.
NOT_FOR_TEST_SERVERS: dict[str, str] = {
    "workers": "each server is one worker, on a thread of the test run",
    "timeout_worker_healthcheck": "the kit runs no worker processes",
    "timeout_notify": "the kit runs no worker processes",
    "reload": _RELOADER,
    "reload_dirs": _RELOADER,
    "reload_delay": _RELOADER,
    "reload_includes": _RELOADER,
    "reload_excludes": _RELOADER,
    "limit_max_requests": _RUN_BY_SCENARIO,
    "limit_max_requests_jitter": _RUN_BY_SCENARIO,
    "ssl_keyfile": _TLS,
    "ssl_certfile": _TLS,
    "ssl_keyfile_password": _TLS,
    "ssl_version": _TLS,
    "ssl_cert_reqs": _TLS,
    "ssl_ca_certs": _TLS,
    "ssl_ciphers": _TLS,
}

_NONE = ("none", "null")
# Config parameters the kit passes itself on every start: given again, Config gets two values.
_PASSED_BY_KIT: dict[str, str] = {"interface": "the kit serves every app as ASGI 3"}


class UnknownOption(LookupError):
    """A ``uvicorn.<name>`` that ``uvicorn.Config`` does not take; the message says why."""


@functools.cache
def _hints() -> dict[str, Any]:
    parameters = inspect.signature(uvicorn.Config.__init__).parameters
    hints = typing.get_type_hints(uvicorn.Config.__init__)
    return {name: hints.get(name, Any) for name in parameters if name != "self"}


def option_names() -> list[str]:
    """The uvicorn.Config options a ``uvicorn.<name>`` setting may name, as text can set them."""
    refused = KIT_OWNED.keys() | NOT_FOR_TEST_SERVERS.keys()
    return [name for name, hint in _hints().items() if name not in refused and _readable(hint)]


def read_option(name: str, raw: str) -> Any:
    """The value of ``uvicorn.<name>`` from its text, as the type uvicorn.Config declares.

    Raises :class:`UnknownOption` for a name uvicorn does not take (or the kit sets itself)
    and :class:`BadValue` for text that is not of the option's type.
    """
    if name in KIT_OWNED:
        raise UnknownOption(f"is set by the kit itself: {KIT_OWNED[name]}")
    if name in NOT_FOR_TEST_SERVERS:
        raise UnknownOption(
            f"does not apply to a test server, which runs in-process: {NOT_FOR_TEST_SERVERS[name]}"
        )
    hint = _hints().get(name)
    if hint is not None and not _readable(hint):
        raise UnknownOption(
            "cannot be written as text (uvicorn.Config takes objects for it): pass it in "
            f"code, UvicornTestServer(app, {name}=...)"
        )
    if hint is None:
        close = difflib.get_close_matches(name, option_names(), n=1, cutoff=0.6)
        hint_text = f"did you mean '{PREFIX}{close[0]}'? " if close else ""
        raise UnknownOption(
            f"is not an option of uvicorn.Config: {hint_text}The options are "
            f"{', '.join(option_names())}"
        )
    value = _coerce(hint, raw)
    if name == "log_level" and isinstance(value, str):
        _check_log_level(value)
    return value


def _check_log_level(value: str) -> None:
    """Fail for a level name uvicorn would look up only when a server starts (KeyError)."""
    if value.lower() in LOG_LEVELS:
        return
    close = difflib.get_close_matches(value.lower(), list(LOG_LEVELS), n=1)
    guess = f"did you mean {close[0]!r}? It " if close else ""
    raise BadValue(
        f"is not a log level uvicorn knows: {guess}should be one of {', '.join(LOG_LEVELS)} "
        "(or a number)"
    )


def check_keywords(options: Mapping[str, Any]) -> None:
    """Fail with :class:`ServerStartupError` unless uvicorn.Config takes every option given.

    For options given in code, ``UvicornTestServer(app, **options)``: uvicorn would raise
    a bare TypeError for an unknown one, and ignore some the kit replaces (``uds``).
    """
    for name in options:
        owned = KIT_OWNED.get(name) or _PASSED_BY_KIT.get(name)
        if owned is not None:
            raise ServerStartupError(
                f"Server did not start: the uvicorn option {name!r} "
                f"(UvicornTestServer(..., {name}=...)) is set by the kit itself: {owned}."
            )
        if name not in _hints():
            raise ServerStartupError(
                f"Server did not start: {name!r} (UvicornTestServer(..., {name}=...)) is not an "
                f"option of uvicorn.Config. {_close_to(name)}"
            )


def _close_to(name: str) -> str:
    known = [known for known in _hints() if known not in KIT_OWNED and known not in _PASSED_BY_KIT]
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    if close:
        return f"Did you mean {' or '.join(repr(option) for option in close)}?"
    return f"The options are {', '.join(known)}."


def _alternatives(hint: Any) -> tuple[Any, ...]:
    if get_origin(hint) in (Union, types.UnionType):
        return tuple(alternative for arg in get_args(hint) for alternative in _alternatives(arg))
    return (hint,)


def example_value(name: str) -> str:
    """The default of uvicorn's option ``name`` as text, or "..." when it has no short text."""
    default = inspect.signature(uvicorn.Config.__init__).parameters[name].default
    if isinstance(default, bool):
        return "true" if default else "false"
    if isinstance(default, (int, float)) or (isinstance(default, str) and default):
        return str(default)
    return "..."


def _readable(hint: Any) -> bool:
    # None alone does not count: an option that takes a callable or None is not for text.
    return any(
        _from_text(alternative) and alternative is not type(None)
        for alternative in _alternatives(hint)
    )


def _from_text(alternative: Any) -> bool:
    # Callables, classes, dicts and lists of tuples cannot be written as one text value.
    return alternative in (str, int, float, bool, type(None)) or get_origin(alternative) is Literal


def _coerce(hint: Any, raw: str) -> Any:
    alternatives = _alternatives(hint)
    value = raw.strip()
    if type(None) in alternatives and value.lower() in _NONE:
        return None
    if bool in alternatives:
        return flag(value)
    literals = [
        option for alt in alternatives if get_origin(alt) is Literal for option in get_args(alt)
    ]
    if str in alternatives and literals and value not in literals and ":" not in value:
        # Literal choices next to str (uvicorn's "h11" | "httptools" | "module:Class"): a
        # name that is neither would only fail when a server starts, as an import error.
        close = difflib.get_close_matches(value, [str(option) for option in literals], n=1)
        guess = f"did you mean {close[0]!r}? It " if close else ""
        raise BadValue(
            f"is not a name uvicorn knows: {guess}should be one of "
            f"{', '.join(str(option) for option in literals)}, or an import string "
            "'module:Class'"
        )
    if str in alternatives:
        return value if int not in alternatives or not _is_int(value) else int(value)
    if int in alternatives and _is_int(value):
        return int(value)
    if float in alternatives:
        try:
            return float(value)
        except ValueError:
            pass
    if value in literals:
        return value
    raise BadValue(f"is not {_describe(alternatives, literals)}")


def _is_int(value: str) -> bool:
    try:
        int(value)
    except ValueError:
        return False
    return True


def _describe(alternatives: tuple[Any, ...], literals: list[Any]) -> str:
    words: list[str] = []
    if int in alternatives:
        words.append("a whole number")
    if float in alternatives:
        words.append("a number")
    if literals:
        words.append("one of " + ", ".join(str(option) for option in literals))
    if type(None) in alternatives:
        words.append("none")
    return " or ".join(words)
