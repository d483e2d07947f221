"""Every "Then" of the board features says, in words, what the person was told or saw.

The board's domain steps attach a summary (``context.live.report.attach_summary``) to each
Then step; a recording formatter collects them from a real run of ``features/board``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.behave_runs import run_behave

# What a reader must never see: a namespaced name, the board's own field names, a cut text.
_NOT_FOR_READERS = re.compile(
    r"\b(Alice|Bob|Apollo)-[0-9a-f]{8}\b|due_date|created_by|updated_at|"
    r"more characters not shown|\.\.\.$"
)


@pytest.fixture(scope="module")
def steps(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    output = tmp_path_factory.mktemp("summaries") / "steps.jsonl"
    run = run_behave(
        "-f", "tests.summary_recorder:SummaryRecorder", "-o", str(output), "features/board"
    )
    assert not run.failed, run.output
    return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]


def test_every_then_of_the_board_features_says_what_the_person_was_told(
    steps: list[dict[str, Any]],
) -> None:
    thens = [step for step in steps if step["type"] == "then" and step["status"] != "skipped"]
    silent = [
        f"{Path(s['file']).name}:{s['line']} {s['text']}" for s in thens if not s["summaries"]
    ]

    assert len(thens) > 100
    assert silent == [], "Then steps without a summary:\n" + "\n".join(silent)


def test_summaries_use_the_features_names_and_are_never_cut(steps: list[dict[str, Any]]) -> None:
    summaries = [summary for step in steps for summary in step["summaries"]]
    wrong = [summary for summary in summaries if _NOT_FOR_READERS.search(summary)]

    assert summaries
    assert wrong == []


@pytest.mark.parametrize(
    ("then", "summary"),
    [
        (
            "Bob should be told someone else changed the task in the meantime",
            'Bob was told: "Task 1 is at version 2, but Bob\'s change was made on version 1"',
        ),
        ("Bob should be told the task is already done", 'Bob was told: "Task 1 is already done"'),
        (
            "Alice should be told the page size must be from 1 to 100",
            "Alice was told: \"The page size must be a whole number from 1 to 100, not '0'\"",
        ),
        (
            "Carol should be told the task belongs to another team",
            'Carol was told: "Task 1 belongs to another team"',
        ),
        (
            "Alice should be told the task does not exist",
            'Alice was told: "There is no task 1 on the board"',
        ),
        (
            "Bob should see these tasks:",
            "Bob saw 4 tasks: 'Renew the certificate' (status 'todo', assignee 'Alice', "
            "created by 'Alice'), 'Review the budget' (status 'doing', assignee 'Bob', "
            "created by 'Alice'), 'Water the plants' (status 'done', assignee 'Bob', created "
            "by 'Alice'), 'Book the venue' (status 'todo', assignee none, created by 'Alice'), "
            "of 4 tasks in all",
        ),
        (
            "the board should recognise Dana as a member of team Gemini",
            'Dana was told: "You are Dana, of team Gemini"',
        ),
    ],
)
def test_a_summary_says_what_the_person_was_told_in_the_features_words(
    steps: list[dict[str, Any]], then: str, summary: str
) -> None:
    said = [s for step in steps if step["text"] == then for s in step["summaries"]]

    assert summary in said, said
