"""Attachments for the HTML report: each HTTP exchange on the step that made it.

behave's own ``context.attach`` does not reach behave-html-pretty-formatter (it has no
``embedding`` method), so attachments go straight to every active formatter that offers
``embed(mime_type, data, caption)``. With no such formatter (a console run) nothing is
built, so plain runs pay nothing for the report.

A formatter that sets ``full_exchanges = True`` (the specification view) gets each exchange
whole; the others get it with long bodies cut short. Both are redacted alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from behave_live.http.exchange import Exchange

__all__ = ["SUMMARY_CAPTION", "SUMMARY_MEDIA_TYPE", "ReportAttachments"]

#: The media type of a summary: what the service answered, in the features' own words.
#: A type of its own lets a report for readers tell it from the raw exchanges; it is still
#: ``text/...``, so reports that know nothing of it show it as text.
SUMMARY_MEDIA_TYPE: Final = "text/x-behave-live-summary"
#: The caption a summary carries in reports that show captions.
SUMMARY_CAPTION: Final = "In words"


class ReportAttachments:
    """Attach text to the current step in the reports that accept attachments."""

    def __init__(self, formatters: Iterable[object]) -> None:
        self._targets = [
            formatter for formatter in formatters if callable(getattr(formatter, "embed", None))
        ]

    @classmethod
    def for_runner(cls, runner: Any) -> ReportAttachments:
        """The attachments for a behave runner's formatters (none if it has no formatters)."""
        return cls(getattr(runner, "formatters", None) or [])

    @property
    def enabled(self) -> bool:
        """True when some active formatter takes attachments."""
        return bool(self._targets)

    def attach_exchange(self, exchange: Exchange) -> None:
        """Attach an exchange: request, response and curl command, credentials redacted."""
        headline = exchange.headline()
        shown: dict[bool, str] = {}  # built once per length, only when some target wants it
        for target in self._targets:
            full = bool(getattr(target, "full_exchanges", False))
            if full not in shown:
                shown[full] = exchange.describe(full=full)
            target.embed("text/plain", shown[full], headline, False)  # type: ignore[attr-defined]

    def attach_summary(self, words: str) -> None:
        """Attach what the service answered, in plain words, to the current step.

        Domain steps call it so that a reader sees, under a "Then", what a person was told
        (``Bob was told: "Task 1 is at version 2, ..."``) without opening the raw exchange.
        """
        for target in self._targets:
            target.embed(SUMMARY_MEDIA_TYPE, words, SUMMARY_CAPTION, False)  # type: ignore[attr-defined]

    def attach_text(self, caption: str, text: str, *, fail_only: bool = False) -> None:
        """Attach preformatted ``text`` under ``caption``."""
        for target in self._targets:
            target.embed("text/plain", text, caption, fail_only)  # type: ignore[attr-defined]
