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
# An unquoted value in a written step (200, 2.5, -1, true, null): a placeholder's place.
_LITERAL: Final = re.compile(r"(?<![\w.$])(?:-?\d+(?:\.\d+)?|true|false|null)(?![\w.])")
# Words people write for the library's word: compared as the same word.
_SYNONYMS: Final = {
    "code": "status",
    "equal": "be",
    "equals": "be",
    "contains": "contain",
    "has": "have",
    "sent": "send",
    "post": "send",
}
# How alike a step and a pattern must be to be suggested (0 to 1, see _similarity).
_CUTOFF: Final = 0.6


def closest_steps(text: str, step_registry: Any = registry, limit: int = 3) -> list[str]:
    """The registered step phrases closest to ``text`` (a step without its keyword).

    Phrases come with their keyword and their placeholders (``{path}``), best first. Values
    (quoted text, numbers) and placeholders compare as alike, word synonyms ("code" for
    "status") as the same word, and the score weighs whole words as much as letters.
    """
    phrases: dict[str, str] = {}
    for step_type, matchers in step_registry.steps.items():
        for matcher in matchers:
            keyword = _KEYWORDS.get(step_type, step_type.title())
            phrase = f"{keyword} {_TYPE.sub(_placeholder, matcher.pattern)}"
            for shape in _pattern_shapes(matcher.pattern):
                phrases.setdefault(shape, phrase)
    written = _shape(text, written=True)
    best: dict[str, float] = {}  # phrase -> its best score over its shapes
    for shape, phrase in phrases.items():
        best[phrase] = max(best.get(phrase, 0.0), _similarity(written, shape))
    ranked = sorted(best.items(), key=lambda pair: -pair[1])
    return [phrase for phrase, score in ranked[:limit] if score >= _CUTOFF]


def _pattern_shapes(pattern: str) -> list[str]:
    # A comparison placeholder stands for its words ("at least"): one shape for each.
    typed = [match for match in _TYPE.finditer(pattern) if match.group(2) == "Comparison"]
    if not typed:
        return [_shape(pattern)]
    return [_shape(pattern.replace(typed[0].group(0), words)) for words in COMPARISONS]


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


def _shape(text: str, *, written: bool = False) -> str:
    # Compare the words, not the values: "$.price", 200 and "{path}" all become "…".
    shape = _PLACEHOLDER.sub("…", _QUOTED.sub('"…"', text))
    if written:
        shape = _LITERAL.sub("…", shape)
    words = [_SYNONYMS.get(word, word) for word in shape.lower().split()]
    return " ".join(words)


def _similarity(written: str, pattern: str) -> float:
    """0 to 1: the mean of word-level and letter-level likeness.

    Letters alone rank "response body should be" above "response status should be" for
    "response code should be": one wrong word weighs as a few letters. Words alone miss
    typos ("shuold"). Together, a typo costs little and a different word costs a word.
    """
    words = difflib.SequenceMatcher(None, written.split(), pattern.split()).ratio()
    letters = difflib.SequenceMatcher(None, written, pattern).ratio()
    return (words + letters) / 2
