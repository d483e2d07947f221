"""The live board's features in the HTML report: what each person saw, in words, and the frames."""

from __future__ import annotations

import html
from pathlib import Path

from tests.behave_runs import run_behave

FEATURES = ("features/board/live_updates.feature", "features/board/catching_up.feature")


def test_every_then_says_what_the_person_saw_and_the_frames_are_attached(
    tmp_path: Path,
) -> None:
    report = tmp_path / "report.html"

    run = run_behave(*FEATURES, "-f", "html-pretty", "-o", str(report))

    assert not run.failed, run.output
    text = html.unescape(report.read_text(encoding="utf-8"))
    for words in (
        "Bob saw 'Renew the certificate' appear on the board, added by Alice.",
        "Bob saw 'Renew the certificate' marked as done by Alice.",
        "Bob heard Alice say 'Lunch at noon?'.",
        "Victor was turned away from the live board: This request needs an API token",
        "Bob read:\n    Alice added 'Renew the certificate'\n"
        "    Alice completed 'Renew the certificate'",
        "Bob read no activity.",
    ):
        assert words in text, f"missing from the report: {words}"
    assert 'the WebSocket "Bob" (/board/live): received' in text
    assert '<- {"type":"task-added","task":{' in text  # the frame itself, as it came
