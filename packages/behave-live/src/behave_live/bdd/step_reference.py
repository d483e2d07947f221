"""Generate the step reference (``docs/steps.md``) from behave's step registry.

The reference is built from the steps themselves - their patterns and docstrings - so it
cannot drift from the code unnoticed::

    uv run python -m behave_live.bdd.step_reference > docs/steps.md
    uv run python -m behave_live.bdd.step_reference --write docs/steps.md
    uv run python -m behave_live.bdd.step_reference --check docs/steps.md   # exit 1 when stale

Like the step modules, this tool imports behave: it reads behave's registry after
importing :mod:`behave_live.bdd.steps`, which registers every step of the kit.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

__all__ = ["StepDoc", "collect_steps", "main", "render_markdown", "stale_reason"]

STEP_PACKAGE: Final = "behave_live.bdd.steps"
REGENERATE: Final = "uv run python -m behave_live.bdd.step_reference --write docs/steps.md"

_KEYWORDS: Final = {"given": "Given", "when": "When", "then": "Then", "step": "Given/When/Then"}
_EXAMPLE_HEADING: Final = re.compile(r"Examples?:")


@dataclass(frozen=True)
class StepDoc:
    """One step function: where it lives, the phrases it answers to, and its docstring."""

    module: str
    line: int
    name: str
    phrases: tuple[str, ...]
    docstring: str

    @property
    def summary(self) -> str:
        """The first line of the docstring (empty when there is none)."""
        return self.docstring.split("\n", 1)[0].strip()

    @property
    def description(self) -> str:
        """The docstring between the summary and the ``Example:`` section."""
        body = self.docstring.split("\n", 1)[1] if "\n" in self.docstring else ""
        return _split_example(body)[0].strip()

    @property
    def example(self) -> str:
        """The Gherkin of the ``Example:`` section, dedented (empty when there is none)."""
        body = self.docstring.split("\n", 1)[1] if "\n" in self.docstring else ""
        return _split_example(body)[1]


def collect_steps(package: str = STEP_PACKAGE) -> list[StepDoc]:
    """Import ``package`` and return its registered steps, by module then source line.

    A function registered under several phrases (stacked decorators) is one entry, its
    phrases in the order they are written above the function.
    """
    importlib.import_module(package)
    from behave.step_registry import registry  # noqa: PLC0415 - behave only when asked

    found: dict[Callable[..., Any], list[tuple[int, str]]] = {}
    order = 0
    for step_type, matchers in registry.steps.items():
        for matcher in matchers:
            function = inspect.unwrap(matcher.func)
            if not function.__module__.startswith(f"{package}."):
                continue
            order += 1
            phrase = f"{_KEYWORDS.get(step_type, step_type.title())} {matcher.pattern}"
            found.setdefault(function, []).append((order, phrase))
    steps = [
        StepDoc(
            module=function.__module__,
            line=function.__code__.co_firstlineno,
            name=function.__name__,
            # Decorators apply bottom-up: the phrase written first is registered last.
            phrases=tuple(phrase for _, phrase in sorted(phrases, reverse=True)),
            docstring=inspect.cleandoc(function.__doc__ or ""),
        )
        for function, phrases in found.items()
    ]
    return sorted(steps, key=lambda step: (step.module, step.line))


def render_markdown(steps: Sequence[StepDoc], *, for_a_file: bool = True) -> str:
    """Render the step reference as Markdown, one section per step module.

    A reference written to a file says how it is made again; printed for a reader, it
    does not.
    """
    lines = ["# Step reference", ""]
    if for_a_file:
        lines += [
            f"<!-- Generated from the step registry by `{REGENERATE}`. Do not edit by hand. -->",
            "",
        ]
    lines += [
        f"Every step of the kit's library (`{STEP_PACKAGE}`), by module. Parameters are in "
        'braces: `"{path}"` is text between double quotes, `{status:d}` a whole number. '
        "Steps listed as Given/When/Then work after any keyword.",
        "",
    ]
    modules = sorted({step.module for step in steps})
    lines += [f"- [`{_short(module)}`](#{_anchor(_short(module))})" for module in modules]
    for module in modules:
        lines += ["", f"## {_short(module)}", ""]
        intro = _module_intro(module)
        if intro:
            lines += [intro, ""]
        for step in (step for step in steps if step.module == module):
            lines += _render_step(step)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the reference, write it to a file, or check that a file is up to date."""
    parser = argparse.ArgumentParser(
        prog="python -m behave_live.bdd.step_reference",
        description="Generate the Markdown step reference from behave's step registry.",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", metavar="FILE", help="write the reference to FILE")
    group.add_argument("--check", metavar="FILE", help="exit 1 if FILE is not up to date")
    options = parser.parse_args(argv)
    steps = collect_steps()
    text = render_markdown(steps)
    if options.write:
        Path(options.write).write_text(text, encoding="utf-8")
        return 0
    if options.check:
        problem = stale_reason(Path(options.check), text)
        if problem:
            print(problem, file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(render_markdown(steps, for_a_file=False))
    return 0


def stale_reason(path: Path, expected: str) -> str | None:
    """Say why ``path`` does not hold ``expected`` (and how to fix it), or None if it does."""
    if not path.is_file():
        return f"{path} does not exist. Generate it with: {REGENERATE}"
    actual = path.read_text(encoding="utf-8")
    if actual == expected:
        return None
    return (
        f"{path} is out of date with the registered steps (a step was added, removed or its "
        f"docstring changed). Regenerate it with: {REGENERATE}"
    )


def _render_step(step: StepDoc) -> list[str]:
    lines = [f"### {step.phrases[0]}", ""]
    if len(step.phrases) > 1:
        lines += ["Also written as:", ""]
        lines += [f"- `{phrase}`" for phrase in step.phrases[1:]]
        lines.append("")
    if step.summary:
        lines += [step.summary, ""]
    if step.description:
        lines += [step.description, ""]
    if step.example:
        lines += ["```gherkin", step.example, "```", ""]
    return lines


def _split_example(body: str) -> tuple[str, str]:
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if _EXAMPLE_HEADING.fullmatch(line.strip()):
            example = textwrap.dedent("\n".join(lines[index + 1 :])).strip("\n")
            return "\n".join(lines[:index]), example
    return body, ""


def _module_intro(module: str) -> str:
    doc = inspect.getdoc(sys.modules[module]) or ""
    return doc.split("\n\n", 1)[0].replace("\n", " ").strip()


def _short(module: str) -> str:
    return module.rsplit(".", 1)[-1]


def _anchor(heading: str) -> str:
    # GitHub's rule: lower case, spaces to hyphens, punctuation other than - and _ dropped.
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


if __name__ == "__main__":
    sys.exit(main())
