"""The generated step reference: complete, documented, and up to date in docs/steps.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from behave.step_registry import registry

from behave_live.bdd.step_reference import (
    REGENERATE,
    StepDoc,
    collect_steps,
    main,
    render_markdown,
    stale_reason,
)
from tests.behave_runs import ROOT

DOCS = ROOT / "docs" / "steps.md"
STEPS = collect_steps()
_GHERKIN_LINE = re.compile(
    r'\s*($|Given |When |Then |And |But |\* |"""|\||#|@|'
    r"(Feature|Background|Rule|Scenario|Scenario Outline|Examples):)"
)


def test_docs_steps_md_is_up_to_date() -> None:
    problem = stale_reason(DOCS, render_markdown(STEPS))

    assert problem is None, problem


def test_the_kit_registers_steps_from_every_step_module() -> None:
    modules = {step.module.rsplit(".", 1)[-1] for step in STEPS}

    assert {"response_steps", "json_steps", "schema_steps", "retry_steps"} <= modules
    assert len(STEPS) > 20


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.name)
def test_every_step_has_a_summary_and_a_gherkin_example(step: StepDoc) -> None:
    assert step.name.startswith("step_"), f"{step.name}: name step functions after their phrase"
    assert step.summary.endswith("."), f"{step.name}: the docstring needs a one-line summary"
    assert "Example:" in step.docstring or "Examples:" in step.docstring, (
        f"{step.name} in {step.module}: the docstring needs an Example: section"
    )
    lines = step.example.splitlines()
    assert lines, f"{step.name}: the Example: section is empty"
    for line in lines:
        assert _GHERKIN_LINE.match(line) or line.startswith("    "), (
            f"{step.name}: {line!r} in the example is not Gherkin"
        )


_STEP_LINE = re.compile(r"(Given|When|Then|And|But|\*) (.+)")


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.name)
def test_every_example_step_is_a_registered_step(step: StepDoc) -> None:
    matchers = [matcher for matchers in registry.steps.values() for matcher in matchers]
    in_doc_string = False
    for line in step.example.splitlines():
        text = line.strip()
        if text == '"""':
            in_doc_string = not in_doc_string
        found = _STEP_LINE.fullmatch(text)
        if in_doc_string or found is None:
            continue
        assert any(matcher.match(found.group(2)) for matcher in matchers), (
            f"{step.name}: the example step {text!r} matches no registered step"
        )


def test_a_function_with_several_phrases_lists_them_as_written() -> None:
    json_response = next(step for step in STEPS if step.name == "step_the_json_response_should_be")

    assert json_response.phrases == (
        "Then the JSON response should be:",
        'Then the JSON value at "{path}" should be:',
    )


def test_the_markdown_has_every_phrase_summary_and_example() -> None:
    text = render_markdown(STEPS)

    for step in STEPS:
        assert f"### {step.phrases[0]}\n" in text
        for phrase in step.phrases[1:]:
            assert f"- `{phrase}`" in text
        assert step.summary in text
        assert step.example in text
    assert text.count("```gherkin") == len(STEPS)


def test_the_markdown_is_stable() -> None:
    assert render_markdown(collect_steps()) == render_markdown(STEPS)


def test_check_fails_on_a_stale_file_and_says_how_to_regenerate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "steps.md"
    stale.write_text("# Step reference\n", encoding="utf-8")

    assert main(["--check", str(stale)]) == 1
    assert REGENERATE in capsys.readouterr().err
    assert main(["--check", str(tmp_path / "missing.md")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_write_then_check_passes(tmp_path: Path) -> None:
    target = tmp_path / "steps.md"

    assert main(["--write", str(target)]) == 0
    assert main(["--check", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == render_markdown(STEPS)


def test_without_options_it_prints_the_reference(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    printed = capsys.readouterr().out
    assert printed == render_markdown(STEPS, for_a_file=False)
    # A reader of the printed reference has no file to regenerate.
    assert "Do not edit by hand" not in printed
    assert "Do not edit by hand" in render_markdown(STEPS)
