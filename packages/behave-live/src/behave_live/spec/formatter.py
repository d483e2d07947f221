"""The behave formatter that writes the specification view: ``-f spec -o specification.html``.

It listens to the run like any formatter, keeps the features behave hands it, and files each
attachment (``embed``) under the step running at the time. When the run ends it builds the
page from behave's own model (:mod:`.gather`) and writes it in one go.

Settings (userdata, ``-D``): ``spec_for_readers`` (which features readers get),
``spec_glossary`` (the glossaries, else ``glossary.md`` beside the features) and
``spec_title``.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ClassVar, NoReturn

from behave.formatter.base import Formatter

from behave_live.errors import KitError, SpecificationError
from behave_live.settings import BEHAVE_USERDATA, KitSettings, classify
from behave_live.spec.evidence import Evidence
from behave_live.spec.gather import SpecificationBuilder
from behave_live.spec.glossary import GlossarySource, find_glossaries
from behave_live.spec.render import render_page

__all__ = ["SpecificationFormatter"]

Node = Any  # a behave model object: behave ships no type information


class SpecificationFormatter(Formatter):  # type: ignore[misc]  # behave is untyped
    """Writes one self-contained HTML page: the features as a specification for readers."""

    name = "spec"
    description = "Specification for readers: one HTML page of rules, examples and glossary."
    #: Exchanges come whole, not cut short (see behave_live.bdd.report).
    full_exchanges: ClassVar[bool] = True

    def __init__(self, stream_opener: Any, config: Any) -> None:
        super().__init__(stream_opener, config)
        try:
            _require_the_extra()
            settings = KitSettings.read(
                classify(getattr(config, "userdata", None) or {})[0], BEHAVE_USERDATA
            )
            self._for_readers = _existing_paths(settings.spec_for_readers)
            # Named glossaries are read now, so a wrong path stops the run before it starts.
            self._named_glossaries = [
                GlossarySource.read(Path(path), _NAMED) for path in settings.spec_glossary
            ]
        except KitError as error:
            _stop(error)
        self._title = settings.spec_title
        self._started = datetime.now(timezone.utc)
        self._features: list[Node] = []
        self._evidence = Evidence()
        self._scheduled: list[Node] = []
        self._owner: Node = None

    # -- the run, as behave reports it

    def feature(self, feature: Node) -> None:
        """Keep the feature: after the run it holds every outcome."""
        self._features.append(feature)

    def scenario(self, scenario: Node) -> None:
        """Attachments from now on (the scenario's hooks) belong to the scenario."""
        self._scheduled = []
        self._owner = scenario

    def step(self, step: Node) -> None:
        """A step of the scenario, announced (in order) before any of them runs."""
        self._scheduled.append(step)

    def match(self, match: Node) -> None:
        """The next announced step is about to run: attachments now belong to it."""
        del match
        if self._scheduled:
            self._owner = self._scheduled.pop(0)

    def embed(
        self, mime_type: str, data: str | bytes, caption: str = "", fail_only: bool = False
    ) -> None:
        """File an attachment under the step that is running (the scenario before its steps)."""
        if self._owner is None:
            return
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
        self._evidence.file(self._owner).add(mime_type, text, caption, fail_only)

    def close(self) -> None:
        """Build the page from the run and write it."""
        try:
            glossaries = self._glossaries()
        except KitError as error:
            _stop(error)
        specification = SpecificationBuilder(
            self._title, self._started, self._for_readers, glossaries, self._evidence
        ).build(self._features)
        for warning in specification.warnings:
            print(f"Specification view: {warning}", file=sys.stderr)
        stream = self.open()
        stream.write(render_page(specification))
        self.close_stream()

    def _glossaries(self) -> list[GlossarySource]:
        if self._named_glossaries:
            return self._named_glossaries
        directories = [Path(feature.filename).parent for feature in self._features]
        return [
            GlossarySource.read(path, "found beside the features")
            for path in find_glossaries(directories)
        ]


#: The modules the page needs (the ``spec`` extra), by the distribution that provides them.
_EXTRA_MODULES = {"jinja2": "Jinja2", "markupsafe": "MarkupSafe", "markdown_it": "markdown-it-py"}


def _require_the_extra() -> None:
    """Raise :class:`SpecificationError` naming what is missing unless the extra is installed.

    Checked when the formatter starts, before any scenario runs: the page is written only
    at the end, and an ImportError there would come after the whole run.
    """
    missing = [
        f"{module} ({distribution})"
        for module, distribution in _EXTRA_MODULES.items()
        if importlib.util.find_spec(module) is None
    ]
    if missing:
        several = len(missing) > 1
        raise SpecificationError(
            f"The module{'s' if several else ''} {', '.join(missing)} "
            f"{'are' if several else 'is'} not installed: install the kit's `spec` extra with "
            'pip install "behave-live[spec]" (or uv add --dev "behave-live[spec]").'
        )


_NAMED = "spec_glossary in behave userdata (from -D or [tool.behave.userdata])"


def _stop(error: KitError) -> NoReturn:
    """End the run with the message alone: a setting to fix is no crash of the kit."""
    raise SystemExit(f"Specification view (-f spec): {error}") from None


def _existing_paths(paths: tuple[str, ...]) -> list[Path]:
    """``spec_for_readers`` as resolved paths; one that does not exist is a clear error."""
    resolved = []
    for path in paths:
        candidate = Path(path)
        if not candidate.exists():
            raise SpecificationError(
                f"spec_for_readers names {path}, which does not exist (in behave userdata, "
                f"from -D or [tool.behave.userdata]). Write the features' folders or files "
                f"readers get, separated by commas and relative to the directory behave runs "
                f"in, e.g. -D spec_for_readers=features/board."
            )
        resolved.append(candidate.resolve())
    return resolved
