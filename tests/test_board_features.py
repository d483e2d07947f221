"""The stakeholder features of the task board: a fresh board per scenario, and clear failures.

The board features name people and teams exactly as they are written ("Alice", "Apollo"),
so each scenario needs a board of its own: their ``@fixture.server.per_scenario`` tag keeps
it so even when a run shares one server otherwise. The deliberately failing feature shows
what a stakeholder (and the developer after them) reads when the board misbehaves.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.behave_runs import ROOT, failing_feature, run_behave

BOARD_FEATURES = "features/board"
WRONG = "board_wrong_expectations.feature"
STEP_MODULES = sorted((ROOT / "steps").glob("board*_steps.py"))


def _failure(output: str) -> str:
    """The failure message of the only failing step, up to the request the kit appends."""
    start = output.index("ASSERT FAILED: ") + len("ASSERT FAILED: ")
    end = output.find("Request:", start)
    return output[start : end if end != -1 else None].strip()


def test_the_board_features_keep_a_fresh_board_per_scenario_when_the_run_shares_one() -> None:
    run = run_behave(BOARD_FEATURES, "-f", "null", "-D", "server_scope=run")

    assert not run.failed, run.output
    assert "0 failed" in run.output
    assert "scenarios passed" in run.output


def test_a_missing_task_names_what_was_expected_and_what_the_board_showed() -> None:
    run = run_behave(failing_feature(WRONG), "-n", "A task that was never added")

    assert run.failed
    assert "1 failed" in run.output
    assert _failure(run.output) == (
        "Bob should see 'Order new laptops' on the Apollo board, but the board shows Bob "
        "1 task: 'Renew the certificate'."
    )
    assert "GET http://127.0.0.1:" in run.output  # the request
    assert "/board/tasks" in run.output
    assert '"title": "Renew the certificate"' in run.output  # the response, pretty-printed
    assert "curl -i 'http://127.0.0.1:" in run.output  # (quoted: the URL has a query)
    assert "Authorization: <redacted>" in run.output  # the persona's token never shows
    assert '"created_by": "Alice"' in run.output  # the features' names, on the board too
    assert "Traceback" not in run.output


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        (
            "A wrong status",
            "The task 'Renew the certificate' should have the status 'done', but the board "
            "shows:\n        status: expected 'done', got 'todo'",
        ),
        (
            "A wrong detail on the board",
            "Bob should see 'Renew the certificate' on the Apollo board with the assignee Bob, "
            "but its assignee is none.",
        ),
        (
            "A refusal that does not come",
            "Alice should have been told the title is too long when trying to add a task with "
            'a title of 200 characters, but Alice was told: "Task 2 added".',
        ),
        (
            "A different refusal",
            "Alice should have been told the due date is not a date when trying to add a task "
            "with the status 'finished', but Alice was told: \"The status must be one of 'todo', "
            "'doing', 'done', not 'finished'\".",
        ),
        (
            "A wrong list",
            "Bob should see 2 tasks, in this order:",
        ),
        (
            "A change where none was expected",
            "The task 'Renew the certificate' should be unchanged after Bob tried to rename the "
            "task 'Renew the certificate' to 'Renewed', but it changed:\n"
            "        title: expected 'Renew the certificate', got 'Renewed'",
        ),
        (
            "Allowed where refusal was expected",
            "Bob should have been told the task belongs to another team when trying to look at "
            "the task 'Renew the certificate', but Bob was told: \"Here is task 1, 'Renew the "
            "certificate'\".",
        ),
        (
            "A wrong recognition",
            "The board should recognise Bob as a member of team Gemini, but the board knows "
            "them by:\n        team name: expected 'Gemini', got 'Apollo'",
        ),
        (
            "A set-up step the board refuses",
            "Bob could not give the task 'Renew the certificate' the assignee Carol: Bob was "
            "told: \"The assignee 'Carol' is not a member of team Apollo;",
        ),
    ],
)
def test_a_wrong_expectation_reads_in_the_features_words(scenario: str, expected: str) -> None:
    run = run_behave(failing_feature(WRONG), "-n", f"^{scenario}$")

    assert run.failed
    assert "1 failed" in run.output
    message = _failure(run.output)
    assert message.startswith(expected), message
    assert "Request:" in run.output
    assert "Response:" in run.output
    assert "Traceback" not in run.output


def test_a_list_that_differs_shows_both_lists_as_tables() -> None:
    run = run_behave(failing_feature(WRONG), "-n", "^A wrong list$")

    message = _failure(run.output)
    assert "| Renew the certificate | doing  |" in message  # what was expected
    assert "but the board shows Bob 1 task:" in message
    assert "| Renew the certificate | todo   |" in message  # what the board showed
    assert '$[0].status: expected "doing", got "todo"' in message


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        (
            "Not the last actor",
            "The last thing that happened was Bob's attempt to look at the task 'Renew the "
            "certificate', not something Alice did.",
        ),
        (
            "An unknown answer",
            "The board's steps do not know what it means to be told 'the sky is falling'. "
            "Known: the {field} is required;",
        ),
    ],
)
def test_a_mistake_in_the_feature_is_explained(scenario: str, expected: str) -> None:
    run = run_behave(failing_feature(WRONG), "-n", f"^{scenario}$")

    assert run.failed
    assert _failure(run.output).startswith(expected), run.output
    assert "Traceback" not in run.output


@pytest.mark.parametrize("module", STEP_MODULES, ids=lambda path: path.name)
def test_every_board_step_is_named_after_its_phrase_and_documented(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    steps = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any(
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Name)
            and decorator.func.id in {"given", "when", "then", "step"}
            for decorator in node.decorator_list
        )
    ]

    assert steps, f"{module.name} defines no steps"
    for function in steps:
        docstring = ast.get_docstring(function) or ""
        assert function.name.startswith("step_"), function.name
        assert docstring.splitlines()[0].endswith("."), f"{function.name}: one-line summary"
        assert "Example:" in docstring, f"{function.name}: needs an Example: section"
        example = docstring.split("Example:", 1)[1]
        assert re.search(r"^\s+(Given|When|Then|And) ", example, re.MULTILINE), function.name
