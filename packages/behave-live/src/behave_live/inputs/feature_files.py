"""Files that feature files refer to (bodies, uploads, downloads), under the features directory.

A step names a file relative to the features directory - ``data/person.json`` is
``features/data/person.json`` - so features read the same wherever behave is started from.
A missing file is an error that names the full path that was tried. Files a step writes
(a saved download) must stay inside the features directory.
"""

from __future__ import annotations

from pathlib import Path

from behave_live.errors import StepInputError

__all__ = ["FeatureFiles"]

_DEFAULT_DIRECTORY = "features"


class FeatureFiles:
    """The files under one features directory, read for steps."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory).resolve()

    @classmethod
    def locate(cls, base_dir: str | Path | None, configured: str | None = None) -> FeatureFiles:
        """Find the features directory of a behave run.

        ``configured`` (the ``features_dir`` setting, relative to the working directory) wins.
        Otherwise it is the ``features`` directory inside behave's base directory (the one
        holding ``steps/``, when ``steps/`` sits next to ``features/``), or the base directory
        itself (when ``steps/`` sits inside ``features/``, behave's default layout).
        """
        if configured:
            return cls(configured)
        base = Path(base_dir) if base_dir is not None else Path.cwd()
        nested = base / _DEFAULT_DIRECTORY
        return cls(nested if nested.is_dir() else base)

    def path(self, relative: str, what: str = "file") -> Path:
        """The absolute path of an existing file; an error naming the path tried otherwise."""
        if not relative.strip():
            raise StepInputError(
                f"The {what} name is empty: give a path relative to the features directory "
                f"{self.directory}, such as data/person.json."
            )
        path = (self.directory / relative).resolve()
        if not path.exists():
            raise StepInputError(
                f"The {what} {relative!r} does not exist: looked for {path}. Paths are "
                f"relative to the features directory {self.directory}; check the spelling, "
                "or set features_dir in [tool.behave.userdata] if the files live elsewhere."
            )
        if not path.is_file():
            raise StepInputError(f"The {what} {relative!r} is not a file: {path} is a directory.")
        return path

    def read_bytes(self, relative: str, what: str = "file") -> bytes:
        """The content of a file, byte for byte."""
        path = self.path(relative, what)
        try:
            return path.read_bytes()
        except OSError as error:
            raise StepInputError(f"The {what} {path} cannot be read: {error.strerror}.") from None

    def read_text(self, relative: str, what: str = "file") -> str:
        """The content of a UTF-8 text file."""
        data = self.read_bytes(relative, what)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise StepInputError(
                f"The {what} {self.path(relative, what)} is not UTF-8 text (byte "
                f"{error.start} is {data[error.start : error.start + 1]!r}). Save it as UTF-8."
            ) from None

    def write_bytes(self, relative: str, content: bytes, what: str = "file") -> Path:
        """Write ``content`` to a file under the features directory; return its path.

        Missing parent directories are created. A path that leads outside the features
        directory (absolute, or through ``..``) is refused: a step must not overwrite files
        elsewhere on the machine.
        """
        if not relative.strip():
            raise StepInputError(
                f"The {what} name is empty: give a path relative to the features directory "
                f"{self.directory}, such as downloads/report.pdf."
            )
        path = (self.directory / relative).resolve()
        if not path.is_relative_to(self.directory):
            raise StepInputError(
                f"The {what} {relative!r} would be written to {path}, outside the features "
                f"directory {self.directory}. Give a path inside it, such as downloads/x.bin."
            )
        if path.is_dir():
            raise StepInputError(f"The {what} {relative!r} is a directory: {path}.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        except OSError as error:
            raise StepInputError(
                f"The {what} {path} cannot be written: {error.strerror}."
            ) from None
        return path
