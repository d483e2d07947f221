"""Attachments reach every formatter that takes them, and only those."""

from __future__ import annotations

from typing import Any

from behave_live.bdd.report import SUMMARY_CAPTION, SUMMARY_MEDIA_TYPE, ReportAttachments


class _RecordingFormatter:
    def __init__(self) -> None:
        self.embedded: list[tuple[Any, ...]] = []

    def embed(self, *args: Any) -> None:
        self.embedded.append(args)


def test_a_summary_is_embedded_with_its_own_media_type_and_caption() -> None:
    formatter = _RecordingFormatter()
    attachments = ReportAttachments([formatter, object()])

    attachments.attach_summary('Bob was told: "Task 1 is at version 2"')

    assert formatter.embedded == [
        (SUMMARY_MEDIA_TYPE, 'Bob was told: "Task 1 is at version 2"', SUMMARY_CAPTION, False)
    ]
    assert SUMMARY_MEDIA_TYPE.startswith("text/")


def test_without_a_formatter_that_embeds_nothing_is_attached_and_it_says_so() -> None:
    attachments = ReportAttachments([object()])

    attachments.attach_summary("ignored")

    assert attachments.enabled is False
