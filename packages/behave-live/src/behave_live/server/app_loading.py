"""Turn what the user gave as "the app" into an ASGI application object."""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from typing import Any

from uvicorn.importer import ImportFromStringError, import_from_string

from behave_live.errors import ServerStartupError

__all__ = ["AppSpec", "add_app_dir", "load_app"]

#: An ASGI app, an import string "package.module:attribute", or a zero-argument factory.
AppSpec = Any


def load_app(
    spec: AppSpec, *, factory: bool | None = None, app_dir: str | None = None
) -> Callable[..., Any]:
    """Resolve ``spec`` into an ASGI application.

    ``factory=None`` detects factories: a callable that needs no positional argument
    cannot be an ASGI app (those take ``scope, receive, send``), so it is called.
    ``app_dir`` is put on ``sys.path`` before an import string is imported (see
    :func:`add_app_dir`). Raises :class:`ServerStartupError` with a message that says how to
    fix the spec.
    """
    if isinstance(spec, str) and app_dir is not None:
        add_app_dir(app_dir)
    target = _import(spec) if isinstance(spec, str) else spec
    if not callable(target):
        raise ServerStartupError(
            f"Server did not start: the app {spec!r} is a {type(target).__name__}, not an ASGI "
            "application. Give an ASGI app, a factory that returns one, or an import string "
            "'package.module:attribute' naming either."
        )
    if factory is True or (factory is None and _takes_no_arguments(target)):
        return _call_factory(spec, target)
    return target  # type: ignore[no-any-return]


def add_app_dir(app_dir: str) -> None:
    """Put ``app_dir`` (relative to the working directory) first on ``sys.path``, once.

    Like uvicorn's ``--app-dir``. Nothing changes when the directory is on the path already
    (under any spelling, "" meaning the working directory), so repeated calls cost nothing.
    """
    directory = os.path.abspath(app_dir)
    if directory not in (os.path.abspath(entry or os.curdir) for entry in sys.path):
        sys.path.insert(0, directory)


@functools.lru_cache(maxsize=32)
def _import(import_string: str) -> Any:
    # Cached: a fresh server per scenario resolves the same string hundreds of times, and
    # a module's attribute does not change under a running test suite. (Failures are not
    # cached: lru_cache keeps only results.)
    try:
        return import_from_string(import_string)
    except (ImportFromStringError, ModuleNotFoundError) as exc:
        # uvicorn re-raises ModuleNotFoundError for a missing parent package ("nope" of
        # "nope.mod"): for the user both mean the import string points nowhere.
        raise ServerStartupError(
            f"Server did not start: could not import the app {import_string!r}: "
            f"{str(exc).rstrip('.')}. "
            "Write it as 'package.module:attribute' (for example 'app:create_app'), with the "
            f"package importable from {os.getcwd()}."
        ) from None
    except Exception as exc:
        # The module exists but raised while being imported: show the user's own error.
        raise ServerStartupError(
            f"Server did not start: importing the app {import_string!r} raised {exc!r}. "
            "Fix the error in that module (its traceback is chained below)."
        ) from exc


def _call_factory(spec: AppSpec, factory: Callable[[], Any]) -> Callable[..., Any]:
    try:
        app = factory()
    except Exception as exc:
        raise ServerStartupError(
            f"Server did not start: the app factory {_name(spec)} raised {exc!r}. "
            "Fix the factory (its traceback is chained below)."
        ) from exc
    if not callable(app):
        raise ServerStartupError(
            f"Server did not start: the app factory {_name(spec)} returned "
            f"{type(app).__name__} {app!r}, not an ASGI application."
        )
    return app  # type: ignore[no-any-return]


def _takes_no_arguments(candidate: Callable[..., Any]) -> bool:
    try:
        return _signature_needs_no_arguments(candidate)
    except TypeError:  # unhashable callable: not cacheable, inspect it every time
        return _signature_needs_no_arguments.__wrapped__(candidate)


@functools.lru_cache(maxsize=32)
def _signature_needs_no_arguments(candidate: Callable[..., Any]) -> bool:
    try:
        signature = inspect.signature(candidate)
    except (TypeError, ValueError):  # builtins without a signature: not a factory
        return False
    return not any(
        parameter.default is inspect.Parameter.empty
        and parameter.kind
        in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        for parameter in signature.parameters.values()
    )


def _name(spec: AppSpec) -> str:
    if isinstance(spec, str):
        return repr(spec)
    return repr(getattr(spec, "__qualname__", spec))
