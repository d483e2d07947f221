"""What the specification view shows, as plain data: capabilities, rules, examples, steps.

Built from behave's own model after a run (:mod:`.gather`), rendered by :mod:`.render`.
Nothing here knows behave or HTML: statuses are words, descriptions are already-rendered
(and already-escaped) HTML fragments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

__all__ = [
    "Attachment",
    "Capability",
    "Example",
    "ExampleTable",
    "ExampleTableRow",
    "Glossary",
    "Rule",
    "Specification",
    "Status",
    "StepLine",
    "StepTable",
    "Term",
    "overall",
]

#: What became of an example: it passed, it failed (or could not run), or it did not run.
Status = Literal["passed", "failed", "not-run"]


def overall(statuses: Iterable[Status]) -> Status:
    """The status of a group: failed if any failed, passed if any passed, else not run."""
    seen = set(statuses)
    if "failed" in seen:
        return "failed"
    if "passed" in seen:
        return "passed"
    return "not-run"


@dataclass(frozen=True)
class Attachment:
    """A raw exchange (or other evidence) a step attached: a headline and the full text."""

    caption: str
    text: str


@dataclass(frozen=True)
class StepTable:
    """A step's data table."""

    headings: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class StepLine:
    """One step, in words, with what the person was told and the raw evidence."""

    keyword: str
    text: str
    status: Status
    table: StepTable | None = None
    doc_string: str | None = None
    error: str | None = None
    summaries: list[str] = field(default_factory=list)
    exchanges: list[Attachment] = field(default_factory=list)


@dataclass(frozen=True)
class ExampleTableRow:
    """One row of a scenario outline's Examples table, with the outcome of its run."""

    cells: list[str]
    status: Status
    summaries: list[str] = field(default_factory=list)
    exchanges: list[Attachment] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class ExampleTable:
    """An Examples table of a scenario outline."""

    name: str
    headings: list[str]
    rows: list[ExampleTableRow]


@dataclass(frozen=True)
class Example:
    """A scenario (or a scenario outline, shown once with its Examples tables)."""

    name: str
    anchor: str
    steps: list[StepLine]
    tables: list[ExampleTable] = field(default_factory=list)
    #: Why the example failed when no step of its own says it (a hook, the background).
    error: str | None = None
    own_status: Status | None = None
    #: A scenario outline: ``steps`` are its template, ``tables`` its rows' outcomes.
    is_outline: bool = False

    @property
    def status(self) -> Status:
        """The example's status (an outline's: that of its rows)."""
        if self.tables:
            return overall(row.status for table in self.tables for row in table.rows)
        return self.own_status or overall(step.status for step in self.steps)


@dataclass(frozen=True)
class Rule:
    """A rule of a capability and the examples that illustrate it.

    Examples outside any ``Rule:`` form a rule without a name.
    """

    name: str
    anchor: str
    description_html: str
    background: list[StepLine]
    examples: list[Example]

    @property
    def status(self) -> Status:
        """Failed if an example failed, passed if one passed, else not run."""
        return overall(example.status for example in self.examples)


@dataclass(frozen=True)
class Capability:
    """A feature: what the service does for someone, stated as rules."""

    name: str
    anchor: str
    description_html: str
    location: str
    background: list[StepLine]
    rules: list[Rule]

    @property
    def status(self) -> Status:
        """Failed if a rule failed, passed if one passed, else not run."""
        return overall(rule.status for rule in self.rules)

    def examples(self) -> list[Example]:
        """Every example of the capability, rule by rule."""
        return [example for rule in self.rules for example in rule.examples]


@dataclass(frozen=True)
class Term:
    """A word of the glossary and its definition (HTML)."""

    name: str
    anchor: str
    html: str


@dataclass(frozen=True)
class Glossary:
    """The words the features use, defined once."""

    title: str
    intro_html: str
    terms: list[Term]
    anchor: str


@dataclass(frozen=True)
class Specification:
    """The whole page: capabilities for readers, those for developers, the glossaries."""

    title: str
    ran_at: datetime
    for_readers: list[Capability]
    for_developers: list[Capability]
    glossaries: list[Glossary]
    #: Problems the page shows and the run printed (a link to a word the glossary lacks).
    warnings: list[str] = field(default_factory=list)

    def counts(self, capabilities: list[Capability]) -> dict[Status, int]:
        """How many examples passed, failed and did not run (an outline counts once per row)."""
        counts: dict[Status, int] = {"passed": 0, "failed": 0, "not-run": 0}
        for capability in capabilities:
            for example in capability.examples():
                if example.tables:
                    for table in example.tables:
                        for row in table.rows:
                            counts[row.status] += 1
                else:
                    counts[example.status] += 1
        return counts
