"""A behave formatter that records, for every step, the summaries attached to it.

It offers ``embed`` like the HTML formatters, so the kit's report attachments reach it; it
writes one JSON object per executed step (feature file, step type, text, status, and the
summaries in words) to its output. Used by test_board_summaries.py.
"""

from __future__ import annotations

import json
from typing import Any

from behave.formatter.base import Formatter

from behave_live.bdd.report import SUMMARY_MEDIA_TYPE

__all__ = ["SummaryRecorder"]


class SummaryRecorder(Formatter):  # type: ignore[misc]
    """Record each step's summaries (``-f tests.summary_recorder:SummaryRecorder -o FILE``)."""

    name = "summary-recorder"
    description = "Records the summaries attached to each step, as JSON lines."

    def __init__(self, stream_opener: Any, config: Any) -> None:
        super().__init__(stream_opener, config)
        self._summaries: list[str] = []
        self._records: list[dict[str, Any]] = []

    def embed(self, mime_type: str, data: Any, caption: str | None = None, *_: Any) -> None:
        """Keep a summary for the step that runs now; other attachments are not needed."""
        if mime_type == SUMMARY_MEDIA_TYPE:
            self._summaries.append(str(data))

    def result(self, step: Any) -> None:
        """Record the step that just ran, with the summaries it attached."""
        self._records.append(
            {
                "file": str(step.filename),
                "line": step.line,
                "type": step.step_type,
                "text": step.name,
                "status": step.status.name,
                "summaries": self._summaries,
            }
        )
        self._summaries = []

    def close(self) -> None:
        """Write every record, one JSON object a line."""
        stream = self.open()
        stream.write("".join(json.dumps(record) + "\n" for record in self._records))
        self.close_stream()
