"""Turn what the user gave as "the app" into an ASGI application object."""

from __future__ import annotations

import difflib
import functools
import importlib
import inspect
import os
import pkgutil
import sys
from collections.abc import Callable
from typing import Any

from behave_live.errors import ServerStartupError
from behave_live.server.reimport import forget_package
from behave_live.server.user_code import is_user_file, startup_error

__all__ = ["AppSpec", "add_app_dir", "is_factory", "load_app", "resolve_app"]

#: An ASGI app, an import string "package.module:attribute", or a zero-argument factory.
AppSpec = Any


def load_app(
    spec: AppSpec,
    *,
    factory: bool | None = None,
    app_dir: str | None = None,
    reimport: bool = False,
) -> Callable[..., Any]:
    """Resolve ``spec`` into an ASGI application.

    ``factory=None`` detects factories: a callable that needs no positional argument
    cannot be an ASGI app (those take ``scope, receive, send``), so it is called.
    ``app_dir`` is put on ``sys.path`` before an import string is imported (see
    :func:`add_app_dir`). ``reimport=True`` imports an import string's package afresh (see
    :func:`resolve_app`). Raises :class:`ServerStartupError` with a message that says how
    to fix the spec, naming the line of the user's code that failed.
    """
    if isinstance(spec, str) and app_dir is not None:
        add_app_dir(app_dir)
    target = resolve_app(spec, reimport=reimport)
    if not callable(target):
        raise ServerStartupError(
            f"Server did not start: the app {spec!r} is a {type(target).__name__}, not an ASGI "
            "application. Give an ASGI app, a factory that returns one, or an import string "
            "'package.module:attribute' naming either."
        )
    if is_factory(target, factory):
        return _call_factory(spec, target)
    if reimport and not isinstance(spec, str):
        raise ServerStartupError(
            f"Server did not start: isolation = 'reimport' needs the app as an import string "
            f"('package.module:attribute'), but got the object {spec!r}, which cannot be "
            "imported again. Give the import string, or a factory that builds a new app."
        )
    return target  # type: ignore[no-any-return]


def add_app_dir(app_dir: str) -> None:
    """Put ``app_dir`` (relative to the working directory) first on ``sys.path``, once.

    Like uvicorn's ``--app-dir``. Nothing changes when the directory is on the path already
    (under any spelling, "" meaning the working directory), so repeated calls cost nothing.
    """
    global _app_dir_on_path  # noqa: PLW0603 - a memo of the last answer
    # A fresh server per scenario asks hundreds of times: while sys.path is unchanged, the
    # answer is too, without resolving the directory or any entry again.
    # (The working directory too: relative entries, "" among them, resolve against it.)
    asked = (os.getcwd(), app_dir, tuple(sys.path))
    if _app_dir_on_path == asked:
        return
    directory = os.path.abspath(app_dir)
    if not os.path.isdir(directory):
        # Otherwise the import fails later, advising an app_dir that was given.
        raise ServerStartupError(
            f"Server did not start: app_dir {app_dir!r} is not a directory (looked for "
            f"{directory}). Give the directory that holds the app's package or module, "
            "relative to where behave or pytest runs (for example app_dir=src)."
        )
    if directory not in (os.path.abspath(entry or os.curdir) for entry in sys.path):
        sys.path.insert(0, directory)
    _app_dir_on_path = (asked[0], app_dir, tuple(sys.path))


_app_dir_on_path: tuple[str, str, tuple[str, ...]] | None = None


def resolve_app(spec: AppSpec, *, reimport: bool = False) -> Any:
    """What ``spec`` names: the object an import string points at, else ``spec`` itself.

    Imports are cached: a fresh server per scenario resolves the same string hundreds of
    times. ``reimport=True`` first forgets the app's top-level package (its modules run
    again, with fresh globals) and replaces the cached result.
    """
    if not isinstance(spec, str):
        return spec
    if reimport:
        forget_package(spec)
        _import.cache_clear()  # the cached object belongs to the modules just forgotten
    return _import(spec)


def is_factory(target: Any, factory: bool | None = None) -> bool:
    """True when ``target`` is to be called to build the app (``factory=None``: detect it)."""
    if factory is not None:
        return factory
    return callable(target) and _takes_no_arguments(target)


@functools.lru_cache(maxsize=32)
def _import(import_string: str) -> Any:
    # (Failures are not cached: lru_cache keeps only results.)
    module_name, colon, attribute = import_string.partition(":")
    if colon and attribute and (file_like := _file_path_as_module(module_name)):
        inside_src = file_like.removeprefix("src.") if file_like.startswith("src.") else ""
        fixed = f"{inside_src or file_like}:{attribute}"
        where = " with app_dir=src" if inside_src else ""
        raise ServerStartupError(
            f"Server did not start: the app {import_string!r} names a file, not a module. "
            f"Write it as an import string, with dots and without .py: {fixed!r}{where}."
        )
    if not colon or not module_name or not attribute or module_name.startswith("."):
        raise ServerStartupError(
            f"Server did not start: the app {import_string!r} is not an import string. Write "
            "it as 'package.module:attribute' (for example 'app:create_app')."
        )
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name is None or _is_module_or_parent(exc.name, module_name):
            raise _not_found(import_string, exc.name or module_name, str(exc)) from None
        raise _missing_dependency(import_string, exc) from exc
    except Exception as exc:
        # The module exists but raised while being imported: show the user's own error.
        raise startup_error(
            f"importing the app {import_string!r} raised {exc!r}",
            "Fix the error there.",
            exc=exc,
        ) from exc
    target: Any = module
    for depth, part in enumerate(attribute.split(".")):
        try:
            target = getattr(target, part)
        except AttributeError:
            owner = ".".join([module_name, *attribute.split(".")[:depth]])
            raise _no_attribute(import_string, owner, part, target) from None
    return target


def _file_path_as_module(module_name: str) -> str | None:
    """``shop/main.py`` as the module name ``shop.main``; None for a module name."""
    if "/" not in module_name and "\\" not in module_name and not module_name.endswith(".py"):
        return None
    path = module_name.removesuffix(".py").replace("\\", "/").removeprefix("./").strip("/")
    return path.replace("/", ".")


def _is_module_or_parent(missing: str, module_name: str) -> bool:
    return module_name == missing or module_name.startswith(missing + ".")


def _not_found(import_string: str, missing: str, reason: str) -> ServerStartupError:
    """The app's module (or a package on its way) does not exist: say where it was looked for."""
    first = (
        f"Server did not start: could not import the app {import_string!r}: {reason.rstrip('.')}."
    )
    parent, _, leaf = missing.rpartition(".")
    if parent:
        return ServerStartupError(f"{first}\n{_no_submodule(import_string, parent, leaf)}")
    return ServerStartupError(f"{first}\n{_not_on_path(import_string, missing)}")


def closest_import_string(import_string: str, missing: str) -> str | None:
    """``import_string`` with the missing module ``missing`` spelt as one that exists, if any.

    ``missing`` is the name a ModuleNotFoundError reports: a package's module
    ("service.mian" -> "service.main:app") or a top-level package in the user's directories.
    """
    parent, _, leaf = missing.rpartition(".")
    if parent:
        close = difflib.get_close_matches(leaf, _modules_of(parent), n=1, cutoff=0.6)
        if not close:
            return None
        module_name, _, attribute = import_string.partition(":")
        fixed = module_name.replace(f"{parent}.{leaf}", f"{parent}.{close[0]}", 1)
        return f"{fixed}:{attribute}"
    on_path = {os.path.abspath(entry or os.curdir) for entry in sys.path}
    user_dirs = [entry for entry in on_path if is_user_file(os.path.join(entry, "_.py"))]
    names = {module.name for module in pkgutil.iter_modules(user_dirs)}
    close = difflib.get_close_matches(missing, sorted(names), n=1, cutoff=0.6)
    return close[0] + import_string[len(missing) :] if close else None


def _package_path(parent: str) -> list[str]:
    return list(getattr(sys.modules.get(parent), "__path__", None) or [])


def _modules_of(parent: str) -> list[str]:
    return sorted(module.name for module in pkgutil.iter_modules(_package_path(parent)))


def _no_submodule(import_string: str, parent: str, leaf: str) -> str:
    """The package exists but has no such module: suggest the closest of its modules."""
    search = _package_path(parent)
    where = f" ({os.path.relpath(search[0])})" if search else ""
    sentence = f"The package {parent!r}{where} has no module {leaf!r}"
    fixed = closest_import_string(import_string, f"{parent}.{leaf}")
    if fixed:
        return f"{sentence}: did you mean {fixed!r}?"
    shown = ", ".join(_modules_of(parent)) or "none"
    return f"{sentence}; its modules: {shown}."


def _not_on_path(import_string: str, top: str) -> str:
    """No directory on sys.path holds the top-level package: name where it is, or app_dir."""
    how = "UvicornTestServer(..., app_dir=...); in behave or pytest, the app_dir setting"
    cwd = os.getcwd()
    on_path = {os.path.abspath(entry or os.curdir) for entry in sys.path}
    if _holds(cwd, top) and cwd not in on_path:
        return (
            f"{top!r} is in the working directory {cwd}, but that directory is not on "
            "sys.path (Python puts a script's own directory there, not the working "
            f"directory). Pass app_dir={cwd!r} ({how})."
        )
    fixed = closest_import_string(import_string, top)
    if fixed:
        return f"No directory on sys.path holds {top!r}: did you mean {fixed!r}?"
    return (
        f"No directory on sys.path holds a module or package {top!r}. Pass app_dir naming "
        f"the directory that holds {top}/ or {top}.py ({how})."
    )


def _holds(directory: str, name: str) -> bool:
    return os.path.isdir(os.path.join(directory, name)) or os.path.isfile(
        os.path.join(directory, f"{name}.py")
    )


def _missing_dependency(import_string: str, exc: ModuleNotFoundError) -> ServerStartupError:
    """The app's module exists but imports something that does not: name both."""
    missing = str(exc.name)
    importer = _importing_module(exc) or import_string.partition(":")[0]
    app_package = import_string.partition(".")[0].partition(":")[0]
    if missing.partition(".")[0] == app_package:
        # A module of the app's own package: a typo or a file not written yet.
        return startup_error(
            f"{importer} imports {missing!r}, which does not exist",
            "Fix that import, or add the missing module.",
            exc=exc,
        )
    distribution = missing.partition(".")[0]
    return startup_error(
        f"{importer} imports {missing!r}, which is not installed",
        f"Install it: pip install {distribution} (or add the package that provides "
        f"{distribution!r} to your project's dependencies), or fix that import.",
        exc=exc,
    )


def _importing_module(exc: BaseException) -> str | None:
    """The name of the innermost user module in ``exc``'s traceback (who did the import)."""
    name: str | None = None
    frames = exc.__traceback__
    while frames is not None:
        if is_user_file(frames.tb_frame.f_code.co_filename):
            name = frames.tb_frame.f_globals.get("__name__", name)
        frames = frames.tb_next
    return name


def _no_attribute(import_string: str, owner: str, name: str, target: Any) -> ServerStartupError:
    known = [known for known in dir(target) if not known.startswith("_")]
    close = difflib.get_close_matches(name, known, n=3)
    hint = f" Did you mean {' or '.join(repr(match) for match in close)}?" if close else ""
    where = getattr(target, "__file__", None)
    in_file = f" ({os.path.relpath(where)})" if isinstance(where, str) else ""
    return ServerStartupError(
        f"Server did not start: the app {import_string!r} names {name!r}, but {owner!r}"
        f"{in_file} has no attribute {name!r}.{hint}"
    )


def _call_factory(spec: AppSpec, factory: Callable[[], Any]) -> Callable[..., Any]:
    try:
        app = factory()
    except Exception as exc:
        raise startup_error(
            f"the app factory {_name(spec)} raised {exc!r}", "Fix the factory.", exc=exc
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
