"""Help for undefined steps: the closest steps that do exist ("did you mean ...").

behave lists the undefined steps and prints a snippet to implement each one - which is
rarely what is wanted when the step was just misspelt (``should be greater 10`` for
``should be greater than 10``). :func:`suggest_undefined_steps`, called from ``after_all``,
prints for each undefined step the registered steps it is closest to, beside the snippets.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterable
from typing import Any, Final, TextIO

from behave.step_registry import registry

from behave_live.bdd.step_types import COMPARISONS

__all__ = ["closest_steps", "suggest_undefined_steps"]

_KEYWORDS: Final = {"given": "Given", "when": "When", "then": "Then", "step": "Given"}
# What a pattern's placeholder looks like, {path} or {status:d}, and a quoted value.
_PLACEHOLDER: Final = re.compile(r"\{[^{}]*\}")
_TYPE: Final = re.compile(r"\{(\w+):(\w+)\}")
_QUOTED: Final = re.compile(r'"[^"]*"')
# How alike a step and a pattern must be to be suggested (difflib ratio, 0 to 1).
_CUTOFF: Final = 0.6


def closest_steps(text: str, step_registry: Any = registry, limit: int = 3) -> list[str]:
    """The registered step phrases closest to ``text`` (a step without its keyword).

    Phrases come with their keyword and their placeholders (``{path}``), best first.
    """
    phrases: dict[str, str] = {}
    for step_type, matchers in step_registry.steps.items():
        for matcher in matchers:
            keyword = _KEYWORDS.get(step_type, step_type.title())
            pattern = _TYPE.sub(_placeholder, matcher.pattern)
            phrases.setdefault(_shape(matcher.pattern), f"{keyword} {pattern}")
    shapes = difflib.get_close_matches(_shape(text), list(phrases), n=limit, cutoff=_CUTOFF)
    return [phrases[shape] for shape in shapes]


def suggest_undefined_steps(context: Any, stream: TextIO | None = None) -> None:
    """Print the closest existing steps for every undefined step of the run (``after_all``).

    Written to the real standard error, where behave prints its snippets, because behave
    captures (and hides) what hooks print.
    """
    runner = getattr(context, "_runner", None)
    undefined: Iterable[Any] = getattr(runner, "undefined_steps", None) or []
    # The runner's own registry: the steps it loaded, whichever registry object that is.
    step_registry = getattr(runner, "step_registry", None) or registry
    lines: list[str] = []
    seen: set[str] = set()
    for step in undefined:
        written = f"{step.keyword} {step.name}"
        if step.name in seen:
            continue
        seen.add(step.name)
        suggestions = closest_steps(step.name, step_registry)
        if suggestions:
            lines.append(f"Undefined step: {written}\n  Did you mean:")
            lines += [f"    {phrase}" for phrase in suggestions]
        else:
            lines.append(f"Undefined step: {written}\n  No step of the library is close to it.")
    if not lines:
        return
    out = stream or sys.__stderr__ or sys.stderr
    out.write("\n" + "\n".join(lines) + "\n")
    out.flush()


def _placeholder(typed: re.Match[str]) -> str:
    # {status:d} reads as {status}; a comparison shows the words it takes.
    name, kind = typed.group(1), typed.group(2)
    return "/".join(COMPARISONS) if kind == "Comparison" else f"{{{name}}}"


def _shape(text: str) -> str:
    # Compare the words, not the values: "$.price" and "{path}" both become "…".
    return _PLACEHOLDER.sub("…", _QUOTED.sub('"…"', text))
