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


class _FullFormatter(_RecordingFormatter):
    full_exchanges = True


class _Exchange:
    """Stands in for an Exchange: says which length it was asked for."""

    def headline(self) -> str:
        return "GET /long -> 200 OK (1.0 ms)"

    def describe(self, *, full: bool = False) -> str:
        return "whole" if full else "cut"


def test_formatters_that_ask_for_full_exchanges_get_them_and_the_others_get_them_cut() -> None:
    plain, full = _RecordingFormatter(), _FullFormatter()

    ReportAttachments([plain, full]).attach_exchange(_Exchange())  # type: ignore[arg-type]

    headline = "GET /long -> 200 OK (1.0 ms)"
    assert plain.embedded == [("text/plain", "cut", headline, False)]
    assert full.embedded == [("text/plain", "whole", headline, False)]
