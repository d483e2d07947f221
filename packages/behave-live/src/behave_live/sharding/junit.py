"""JUnit XML of earlier runs: the durations that plan shards, and one report from many shards.

behave writes one file per feature (``--junit --junit-directory DIR``): a ``<testsuite>``
whose ``<testcase>`` elements are its scenarios, each with a ``classname`` (the feature
file and the feature's name), a ``name`` (the scenario's) and a ``time`` in seconds. When a
feature's scenarios are spread over several shards, every shard writes a file for it under
the same name: merging puts their test cases back into one suite.

The files come from the project's own runs (CI artifacts), so the standard library's
parser reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from behave_live.errors import ShardingError

__all__ = ["CaseKey", "JunitMerge", "RecordedDurations", "merge_junit", "read_durations"]

#: A test case as JUnit names it: (classname, name).
CaseKey = tuple[str, str]

_COUNTS = ("tests", "failures", "errors", "skipped")


@dataclass(frozen=True)
class RecordedDurations:
    """Seconds per test case, read from ``files`` JUnit files (0 when none were found)."""

    seconds: dict[CaseKey, float]
    files: int


@dataclass(frozen=True)
class JunitMerge:
    """What :func:`merge_junit` wrote: how many files it read, suites and test cases."""

    files: int
    suites: int
    tests: int
    failures: int
    errors: int
    skipped: int


def junit_files(sources: Iterable[Path]) -> list[Path]:
    """The ``*.xml`` files among ``sources`` (files, or folders searched recursively).

    Missing paths are left out; the order is the paths' own, so results repeat.
    """
    found: list[Path] = []
    for source in sources:
        if source.is_dir():
            found += sorted(path for path in source.rglob("*.xml") if path.is_file())
        elif source.is_file():
            found.append(source)
    return found


def read_durations(sources: Sequence[Path]) -> RecordedDurations:
    """Each passed or failed test case's duration in the JUnit files under ``sources``.

    Skipped cases record no real duration and are left out. When a case shows up in several
    files (shard folders and a merged report) the last file read wins. A path that does
    not exist yields nothing (the first run of a CI cache has no reports yet: the caller
    splits by counts); a file that is not JUnit XML raises :class:`ShardingError`.
    """
    seconds: dict[CaseKey, float] = {}
    files = junit_files(sources)
    for path in files:
        for case in _parse(path).iter("testcase"):
            if _skipped(case):
                continue
            key = (case.get("classname", ""), case.get("name", ""))
            try:
                seconds[key] = max(float(case.get("time", "")), 0.0)
            except ValueError:
                continue  # no time recorded: the case weighs the mean instead
    return RecordedDurations(seconds, len(files))


def merge_junit(sources: Sequence[Path], output: Path) -> JunitMerge:
    """Write the test suites of every JUnit file under ``sources`` into ``output``.

    Suites of the same name (one feature, run in parts by several shards) become one; the
    rest are kept as they are, sorted by name, under one ``<testsuites>`` root with the
    totals. Every shard's file lists the feature's scenarios that other shards ran as
    skipped: a test case with a real result replaces its skipped copies, so each scenario
    is counted once, and every count and time is worked out again from the test cases.
    ``output`` itself is never read back in.
    Raises :class:`ShardingError` when no JUnit file is found or one cannot be read.
    """
    target = output.resolve()
    files = [path for path in junit_files(sources) if path.resolve() != target]
    if not files:
        listed = ", ".join(str(source) for source in sources) or "(no path given)"
        raise ShardingError(
            f"No JUnit XML files in {listed}. Run each shard with behave --junit "
            "--junit-directory <folder of that shard>, then merge those folders."
        )
    merged: dict[str, ElementTree.Element] = {}
    cases: dict[str, dict[CaseKey, ElementTree.Element]] = {}
    for path in files:
        for suite in _suites(_parse(path)):
            name = suite.get("name", "")
            merged.setdefault(name, suite)
            _add_cases(cases.setdefault(name, {}), suite.findall("testcase"))
    suites = [_with_cases(merged[name], cases[name].values()) for name in sorted(merged)]
    root = ElementTree.Element("testsuites")
    root.extend(suites)
    totals = {count: sum(_count(suite, count) for suite in suites) for count in _COUNTS}
    for count, value in totals.items():
        root.set(count, str(value))
    root.set("time", _seconds(sum(_time(suite) for suite in suites)))
    output.parent.mkdir(parents=True, exist_ok=True)
    ElementTree.ElementTree(root).write(output, encoding="utf-8", xml_declaration=True)
    return JunitMerge(len(files), len(merged), *(totals[count] for count in _COUNTS))


def _parse(path: Path) -> ElementTree.Element:
    try:
        return ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as error:
        raise ShardingError(
            f"Cannot read the JUnit report {path}: {error}. Leave it out, or write it again "
            "with behave --junit."
        ) from None


def _suites(root: ElementTree.Element) -> list[ElementTree.Element]:
    if root.tag == "testsuite":
        return [root]
    if root.tag == "testsuites":
        return list(root.iter("testsuite"))
    return []


def _add_cases(
    into: dict[CaseKey, ElementTree.Element], cases: Iterable[ElementTree.Element]
) -> None:
    for case in cases:
        key = (case.get("classname", ""), case.get("name", ""))
        kept = into.get(key)
        # A skipped copy never hides a result; between two results, the later file wins.
        if kept is None or _skipped(kept) or not _skipped(case):
            into[key] = case


def _with_cases(
    suite: ElementTree.Element, cases: Iterable[ElementTree.Element]
) -> ElementTree.Element:
    merged = ElementTree.Element(suite.tag, dict(suite.attrib))
    merged.extend(child for child in suite if child.tag != "testcase")
    merged.extend(cases)
    found = merged.findall("testcase")
    merged.set("tests", str(len(found)))
    for count, tag in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
        merged.set(count, str(sum(case.find(tag) is not None for case in found)))
    merged.set("time", _seconds(sum(_time(case) for case in found)))
    return merged


def _skipped(case: ElementTree.Element) -> bool:
    return case.find("skipped") is not None


def _count(suite: ElementTree.Element, name: str) -> int:
    try:
        return int(suite.get(name, "0"))
    except ValueError:
        return 0


def _time(suite: ElementTree.Element) -> float:
    try:
        return float(suite.get("time", "0"))
    except ValueError:
        return 0.0


def _seconds(value: float) -> str:
    return f"{value:.6f}"
