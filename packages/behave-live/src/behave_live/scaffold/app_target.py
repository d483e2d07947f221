"""Parse ``--app "package.module:attribute"`` and import it from the project's directory."""

from __future__ import annotations

import difflib
import importlib
import inspect
import re
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from behave_live.errors import ScaffoldError
from behave_live.server.app_loading import closest_import_string

__all__ = ["AppTarget", "import_app_target", "parse_app_target"]

_DOTTED = r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*"
_SPEC = re.compile(rf"(?P<module>{_DOTTED}):(?P<attribute>{_DOTTED})")


@dataclass(frozen=True)
class AppTarget:
    """Where the app lives: ``module`` and ``attribute`` of ``"module:attribute"``."""

    module: str
    attribute: str

    @property
    def spec(self) -> str:
        """The import string, as written into the settings."""
        return f"{self.module}:{self.attribute}"


def parse_app_target(text: str) -> AppTarget:
    """Check the shape of an ``--app`` value; a clear :class:`ScaffoldError` if it is wrong."""
    match = _SPEC.fullmatch(text.strip())
    if match is None:
        raise ScaffoldError(
            f"--app {text!r} is not an import string. Write it as 'package.module:attribute', "
            "naming your ASGI app or a factory that returns one, for example "
            "--app service.main:app or --app service.main:create_app."
        )
    return AppTarget(match["module"], match["attribute"])


def import_app_target(target: AppTarget, project_dir: Path) -> Any:
    """Import the object ``target`` names, with ``project_dir`` first on ``sys.path``.

    A console script does not put the current directory on ``sys.path`` (``python -m``
    does), so the project's own packages are importable only once it is added.
    """
    root = str(project_dir.resolve())
    if root not in sys.path:
        sys.path.insert(0, root)
    try:
        module = importlib.import_module(target.module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and not _is_part_of(exc.name, target.module):
            raise _raised_while_importing(target, exc) from exc
        fixed = closest_import_string(target.spec, exc.name or target.module)
        advice = (
            f"Did you mean --app {fixed}?"
            if fixed
            else "Run behave-live init from the directory that holds the package (or pass "
            "--dir), and check the spelling of --app."
        )
        raise ScaffoldError(
            f"Cannot import the app {target.spec!r}: there is no module {target.module!r} "
            f"in {root} ({exc}). {advice}"
        ) from None
    except Exception as exc:
        raise _raised_while_importing(target, exc) from exc
    found: Any = module
    for part in target.attribute.split("."):
        if not hasattr(found, part):
            names = _candidates(module)
            close = difflib.get_close_matches(target.attribute, names, n=1)
            guess = f" Did you mean --app {target.module}:{close[0]}?" if close else ""
            raise ScaffoldError(
                f"Cannot import the app {target.spec!r}: module {target.module!r} "
                f"({module.__file__}) has no attribute {target.attribute!r}.{guess} "
                f"The apps and factories it defines: {', '.join(names) or '(none)'}."
            )
        found = getattr(found, part)
    return found


def _candidates(module: Any) -> list[str]:
    """The public names of ``module`` that could be an app or a factory.

    Callables of its own (an app is a callable object), leaving out modules and what it
    imports.
    """
    own: list[str] = []
    for name, value in vars(module).items():
        if name.startswith("_") or inspect.ismodule(value) or not callable(value):
            continue
        defined = inspect.isfunction(value) or inspect.isclass(value)
        if defined and getattr(value, "__module__", None) != module.__name__:
            continue  # imported: FastAPI, Depends, json.dumps...
        own.append(name)
    return sorted(own)


def _is_part_of(missing: str, module: str) -> bool:
    """True when the missing module is ``module`` itself or one of its parent packages."""
    return module == missing or module.startswith(missing + ".")


def _raised_while_importing(target: AppTarget, exc: BaseException) -> ScaffoldError:
    # The user's module exists but failed: show their traceback, without the frames of
    # the kit and of importlib that lead to it.
    frames = [
        frame
        for frame in traceback.extract_tb(exc.__traceback__)
        if frame.filename != __file__
        and not frame.filename.startswith("<frozen")
        and "importlib" not in Path(frame.filename).parts
    ]
    details = (
        "Traceback (most recent call last):\n"
        + "".join(traceback.format_list(frames))
        + "".join(traceback.format_exception_only(type(exc), exc))
    )
    return ScaffoldError(
        f"Cannot import the app {target.spec!r}: importing {target.module!r} raised "
        f"{exc!r}. Fix that error in your module and run init again.\n\n{details.rstrip()}"
    )
