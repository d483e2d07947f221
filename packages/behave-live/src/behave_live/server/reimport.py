"""Forget the app's own package, so that importing it again gives fresh module globals.

``isolation = "reimport"`` exists for apps written as a module-level object
(``app = Starlette(...)`` in ``pkg/main.py``): a fresh server serving that object would share
its module's state with every other scenario. Removing the package from ``sys.modules``
makes the next import execute its modules again.

Only the user's own top-level package is forgotten - never the kit, a third-party package
or the standard library: re-executing code that is installed would reset state that other
code relies on (registries, caches, C extensions that cannot be loaded twice), so such a
package is refused with a message. What is installed in *editable* mode lives in the
user's source tree and counts as the user's.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys

from behave_live.errors import ServerStartupError
from behave_live.server.user_code import is_user_file

__all__ = ["forget_package"]

_KIT_PACKAGE = __name__.partition(".")[0]
# Origins of modules compiled into the interpreter: never the user's.
_INTERPRETER = ("built-in", "frozen")


def forget_package(import_string: str) -> None:
    """Remove the top-level package of ``import_string``'s module, and its submodules.

    Raises :class:`ServerStartupError` when that package is the kit, or is not the user's own
    code (installed in site-packages, or part of the standard library).
    """
    module_name = import_string.partition(":")[0]
    package = module_name.partition(".")[0]
    if not package:
        return  # a malformed import string: importing it reports the problem
    _refuse_foreign(import_string, package)
    prefix = package + "."
    for name in [name for name in sys.modules if name == package or name.startswith(prefix)]:
        del sys.modules[name]


def _refuse_foreign(import_string: str, package: str) -> None:
    origin = _origin(package)
    if package != _KIT_PACKAGE:
        if origin is None:
            return  # no such package: the import that follows reports it
        if origin not in _INTERPRETER and is_user_file(origin):
            return
    where = f", from {origin}" if origin else ""
    raise ServerStartupError(
        f"Server did not start: isolation = 'reimport' re-imports only your own code, but the "
        f"app {import_string!r} belongs to the package {package!r}{where}, which is not part of "
        "your project. Give a factory that builds a new app instead "
        "(app = 'package.module:create_app'), or set isolation = 'warn'.",
        summary=f"isolation = 'reimport' refuses to re-import the installed package {package!r}",
    )


def _origin(package: str) -> str | None:
    """The file (or folder) the package is imported from, without importing it."""
    module = sys.modules.get(package)
    spec = module.__spec__ if module is not None else _find_spec(package)
    if spec is None:
        return None
    if spec.origin and spec.origin not in _INTERPRETER:
        return spec.origin
    locations = list(spec.submodule_search_locations or [])
    if locations:
        return str(locations[0])  # a namespace package: its first folder
    return spec.origin  # "built-in" or "frozen": part of the interpreter


def _find_spec(package: str) -> importlib.machinery.ModuleSpec | None:
    try:
        return importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
