"""From behave's own model, after the run, to the specification's (:mod:`.model`).

behave keeps, on the features it ran, everything the page needs: rules, scenarios,
outlines with their Examples tables and the scenario built for each row, and every step's
status and error. Only the attachments come from elsewhere (:mod:`.evidence`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from behave_live.spec.evidence import Evidence
from behave_live.spec.glossary import GlossarySource
from behave_live.spec.markdown import LinkTargets, MarkdownRenderer
from behave_live.spec.model import (
    Capability,
    Example,
    ExampleTable,
    ExampleTableRow,
    Glossary,
    Rule,
    Specification,
    Status,
    StepLine,
    StepTable,
    Term,
)

__all__ = ["Anchors", "SpecificationBuilder", "status_of"]

Node = Any  # a behave model object: behave ships no type information

_STORY_CLAUSE = re.compile(r"\s*(as an? |i want|so that|in order to)", re.IGNORECASE)
_FAILED = {"failed", "error", "hook_error", "cleanup_error", "undefined", "pending", "pending_warn"}


def status_of(node: Node) -> Status:
    """A behave status in the page's words: passed, failed (or broken), or not run."""
    name = getattr(getattr(node, "status", None), "name", "untested")
    if name == "passed":
        return "passed"
    return "failed" if name in _FAILED else "not-run"


class Anchors:
    """Unique, readable ``id`` values for the page's sections."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def new(self, text: str, prefix: str = "") -> str:
        """An id made from ``text`` ("Two people editing" -> "two-people-editing"), unique."""
        base = prefix + (re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section")
        anchor, number = base, 2
        while anchor in self._used:
            anchor, number = f"{base}-{number}", number + 1
        self._used.add(anchor)
        return anchor


@dataclass(frozen=True)
class SpecificationBuilder:
    """Builds the :class:`Specification` of a run."""

    title: str
    ran_at: datetime
    #: The features for readers (files or folders); empty: every feature is for readers.
    for_readers: Sequence[Path]
    glossaries: Sequence[GlossarySource]
    evidence: Evidence

    def build(self, features: Iterable[Node]) -> Specification:
        """The page for ``features`` (behave Feature objects, after the run)."""
        anchors, targets = Anchors(), LinkTargets()
        term_anchors = self._point_links_at_glossaries(anchors, targets)
        renderer = MarkdownRenderer(targets)
        glossaries = [
            _glossary(source, term_anchors[index], renderer)
            for index, source in enumerate(self.glossaries)
        ]
        readers: list[Capability] = []
        developers: list[Capability] = []
        for feature in features:
            capability = _Capabilities(anchors, renderer, self.evidence).of(feature)
            (readers if self._is_for_readers(feature) else developers).append(capability)
        return Specification(
            self.title, self.ran_at, readers, developers, glossaries, list(targets.warnings)
        )

    def _point_links_at_glossaries(
        self, anchors: Anchors, targets: LinkTargets
    ) -> list[tuple[str, dict[str, str]]]:
        found: list[tuple[str, dict[str, str]]] = []
        for source in self.glossaries:
            top = anchors.new("glossary")  # "#glossary", "#glossary-member": short to share
            terms = {term.slug: anchors.new(term.slug, f"{top}-") for term in source.terms}
            targets.add_glossary(source.path, top, terms)
            found.append((top, terms))
        return found

    def _is_for_readers(self, feature: Node) -> bool:
        if not self.for_readers:
            return True
        path = Path(feature.filename).resolve()
        return any(path == chosen or chosen in path.parents for chosen in self.for_readers)


def _glossary(
    source: GlossarySource, ids: tuple[str, dict[str, str]], renderer: MarkdownRenderer
) -> Glossary:
    """A glossary with its ids made (before any link was rendered) and its Markdown rendered."""
    top, term_ids = ids
    terms = [
        Term(term.name, term_ids[term.slug], renderer.render(term.markdown, source=source.path))
        for term in source.terms
    ]
    intro = renderer.render(source.intro, source=source.path) if source.intro else ""
    return Glossary(source.title, intro, terms, top)


@dataclass(frozen=True)
class _Capabilities:
    anchors: Anchors
    renderer: MarkdownRenderer
    evidence: Evidence

    def of(self, feature: Node) -> Capability:
        source = Path(feature.filename)
        anchor = self.anchors.new(feature.name)  # first, so the feature gets the plain id
        rules: list[Rule] = []
        if feature.scenarios:  # examples outside any Rule: a rule without a name
            rules.append(self._rule(None, feature.scenarios, source, f"{feature.name} examples"))
        for rule in getattr(feature, "rules", None) or []:
            rules.append(self._rule(rule, rule.scenarios, source, rule.name))
        return Capability(
            name=feature.name,
            anchor=anchor,
            description_html=self._markdown(feature.description, source),
            location=str(feature.filename),
            background=_template_steps(feature.background),
            rules=rules,
        )

    def _rule(self, rule: Node, scenarios: list[Node], source: Path, anchor_text: str) -> Rule:
        """A behave Rule, or (``rule`` None) the examples outside any rule."""
        return Rule(
            name=rule.name if rule is not None else "",
            anchor=self.anchors.new(anchor_text),
            description_html=self._markdown(getattr(rule, "description", None), source),
            background=_template_steps(getattr(rule, "background", None)),
            examples=[self._example(scenario) for scenario in scenarios],
        )

    def _markdown(self, lines: list[str] | None, source: Path) -> str:
        text = "\n".join(_story_lines(lines or []))
        return self.renderer.render(text, source=source) if text.strip() else ""

    def _example(self, scenario: Node) -> Example:
        anchor = self.anchors.new(scenario.name, "example-")
        if getattr(scenario, "examples", None) is not None and hasattr(scenario, "scenarios"):
            return Example(
                scenario.name,
                anchor,
                _template_steps(scenario),
                tables=self._tables(scenario),
                is_outline=True,
            )
        return Example(
            scenario.name,
            anchor,
            [self._step(step) for step in scenario.steps],
            error=_why_failed_outside_steps(scenario),
            own_status=status_of(scenario),
        )

    def _tables(self, outline: Node) -> list[ExampleTable]:
        by_row = {id(getattr(run, "_row", None)): run for run in outline.scenarios}
        tables = []
        for examples in outline.examples:
            table = examples.table
            rows = [self._row(row, by_row.get(id(row))) for row in (table.rows if table else [])]
            headings = list(table.headings) if table else []
            tables.append(ExampleTable(examples.name or "", headings, rows))
        return tables

    def _row(self, row: Node, run: Node) -> ExampleTableRow:
        if run is None:  # a row behave did not build a scenario for
            return ExampleTableRow(list(row.cells), "not-run")
        steps = list(run.all_steps)
        failed = next((step for step in steps if status_of(step) == "failed"), None)
        error = (
            f"{failed.keyword} {failed.name}\n{failed.error_message or ''}".rstrip()
            if failed is not None
            else _why_failed_outside_steps(run)
        )
        summaries = [text for step in steps for text in self.evidence.of(step).summaries]
        exchanges = [
            shown
            for step in steps
            for shown in self.evidence.of(step).shown(status_of(step) == "failed")
        ]
        return ExampleTableRow(list(row.cells), status_of(run), summaries, exchanges, error)

    def _step(self, step: Node) -> StepLine:
        status = status_of(step)
        evidence = self.evidence.of(step)
        return StepLine(
            keyword=step.keyword,
            text=step.name,
            status=status,
            table=_table(step.table),
            doc_string=step.text,
            error=(step.error_message or "Failed.") if status == "failed" else None,
            summaries=list(evidence.summaries),
            exchanges=evidence.shown(status == "failed"),
        )


def _story_lines(lines: list[str]) -> list[str]:
    """A user story first keeps its lines as written ("As a", "I want", "So that").

    The opening paragraph, when it starts as a story does, gets Markdown's hard breaks;
    elsewhere a line break is soft, as in hard-wrapped prose.
    """
    kept = list(lines)
    if not kept or not _STORY_CLAUSE.match(kept[0]):
        return kept
    for index in range(len(kept) - 1):
        if not kept[index + 1].strip():
            break
        kept[index] = kept[index].rstrip() + "  "  # Markdown's hard break
    return kept


def _template_steps(owner: Node) -> list[StepLine]:
    """Steps as written (a background's, an outline's): words only, no outcome of their own."""
    if owner is None:
        return []
    return [
        StepLine(step.keyword, step.name, "not-run", _table(step.table), step.text)
        for step in owner.steps
    ]


def _table(table: Node) -> StepTable | None:
    if table is None:
        return None
    return StepTable(list(table.headings), [list(row.cells) for row in table.rows])


def _why_failed_outside_steps(scenario: Node) -> str | None:
    """A failed background step or hook, which the example's own steps do not show."""
    for step in getattr(scenario, "background_steps", None) or []:
        if status_of(step) == "failed":
            return f"{step.keyword} {step.name}\n{step.error_message or ''}".rstrip()
    if getattr(scenario, "hook_failed", False):
        return str(getattr(scenario, "error_message", None) or "A hook of the run failed.")
    return None
