"""Name the line of the user's own code a startup failure came from, in the message itself.

A startup failure message that says "importing the app raised RuntimeError('boom')" leaves
the user hunting; behave shows no traceback of a hook error. So the message names the
innermost frame that belongs to the user: not the kit, not an installed package, not the
standard library - the line they have to fix.
"""

from __future__ import annotations

import linecache
import os
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, TracebackType

from behave_live.errors import ServerStartupError

__all__ = [
    "CodeLocation",
    "innermost_user_frame",
    "is_user_file",
    "startup_error",
    "user_frame_of_stack",
]

_KIT_DIR = str(Path(__file__).resolve().parent.parent)
_INSTALLED_MARKERS = (f"{os.sep}site-packages{os.sep}", f"{os.sep}dist-packages{os.sep}")


def _library_dirs() -> tuple[str, ...]:
    names = ("stdlib", "platstdlib", "purelib", "platlib")
    paths = {sysconfig.get_paths().get(name) for name in names}
    # A virtual environment's prefix differs from the base interpreter's stdlib.
    paths.add(os.path.dirname(os.__file__))
    return tuple(str(Path(path).resolve()) for path in paths if path)


_LIBRARY_DIRS = _library_dirs()


@dataclass(frozen=True)
class CodeLocation:
    """A line of the user's code: file, line number, function and the line's source."""

    filename: str
    lineno: int
    function: str
    source: str

    @property
    def where(self) -> str:
        """``path:line``, the path relative to the working directory when it is below it."""
        return f"{_display_path(self.filename)}:{self.lineno}"

    def describe(self, preposition: str = "at") -> str:
        """``  at path:line, in function:`` and the source line on the next, indented."""
        head = f"  {preposition} {self.where}, in {self.function}"
        return f"{head}:\n    {self.source}" if self.source else head


def startup_error(
    cause: str,
    fix: str,
    *,
    exc: BaseException | None = None,
    location: CodeLocation | None = None,
    headline: str = "Server did not start",
    preposition: str = "at",
) -> ServerStartupError:
    """A :class:`ServerStartupError`: headline and cause, the user's line (if any), the fix.

    The line is ``location``, else the innermost frame of the user's code in ``exc``.
    behave shows a hook error's message but not its traceback, so the line must be here.
    """
    if location is None and exc is not None:
        location = innermost_user_frame(exc)
    lines = [f"{headline}: {cause}."]
    summary = cause
    if location is not None:
        lines.append(location.describe(preposition))
        summary = f"{cause} ({location.where})"
    lines.append(fix)
    return ServerStartupError("\n".join(lines), summary=summary)


def is_user_file(filename: str) -> bool:
    """True for a file of the user's own code: not the kit, an installed package or stdlib."""
    if not filename or filename.startswith("<"):  # <frozen importlib._bootstrap>, <string>
        return False
    resolved = str(Path(filename).resolve())
    if resolved.startswith(_KIT_DIR + os.sep):
        return False
    if any(marker in resolved for marker in _INSTALLED_MARKERS):
        return False
    return not any(resolved.startswith(library + os.sep) for library in _LIBRARY_DIRS)


def innermost_user_frame(exc: BaseException) -> CodeLocation | None:
    """The innermost frame of the user's code in ``exc``'s traceback, else in its causes.

    A ``SyntaxError`` has no frame in the faulty file: its own file and line are used.
    """
    for error in _chain(exc):
        if isinstance(error, SyntaxError) and error.filename and is_user_file(error.filename):
            return _location(error.filename, error.lineno or 0, "<module>", error.text)
        found: CodeLocation | None = None
        for frame, lineno in _frames(error.__traceback__):
            if is_user_file(frame.f_code.co_filename):
                found = _location(frame.f_code.co_filename, lineno, frame.f_code.co_name)
        if found is not None:
            return found
    return None


def user_frame_of_stack(frame: FrameType | None) -> CodeLocation | None:
    """The innermost frame of the user's code in a live stack (``frame`` is the innermost)."""
    while frame is not None:
        if is_user_file(frame.f_code.co_filename):
            return _location(frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name)
        frame = frame.f_back
    return None


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, then what caused it (explicitly or while handling), without cycles."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _frames(traceback: TracebackType | None) -> Iterator[tuple[FrameType, int]]:
    while traceback is not None:
        yield traceback.tb_frame, traceback.tb_lineno
        traceback = traceback.tb_next


def _location(filename: str, lineno: int, function: str, text: str | None = None) -> CodeLocation:
    source = text if text is not None else linecache.getline(filename, lineno)
    return CodeLocation(filename, lineno, function, source.strip())


def _display_path(filename: str) -> str:
    path = Path(filename).resolve()
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:  # not below the working directory: the full path is clearer
        return str(path)
