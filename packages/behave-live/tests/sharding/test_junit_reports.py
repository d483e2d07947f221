"""JUnit XML: durations for the plan, and one merged report from the shards' folders."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from behave_live.errors import ShardingError
from behave_live.sharding.junit import merge_junit, read_durations


def _suite(name: str, cases: list[tuple[str, float, str]]) -> str:
    """A behave-like <testsuite>: cases of (name, seconds, status)."""
    rows = []
    for case, seconds, status in cases:
        inner = "<skipped />" if status == "skipped" else ""
        inner += '<failure message="no" />' if status == "failed" else ""
        rows.append(
            f'<testcase classname="{name}" name="{case}" status="{status}" '
            f'time="{seconds}">{inner}</testcase>'
        )
    failures = sum(status == "failed" for _, _, status in cases)
    skipped = sum(status == "skipped" for _, _, status in cases)
    total = sum(seconds for _, seconds, _ in cases)
    return (
        f'<?xml version="1.0" encoding="utf-8"?><testsuite name="{name}" tests="{len(cases)}" '
        f'errors="0" failures="{failures}" skipped="{skipped}" time="{total}">'
        f"{''.join(rows)}</testsuite>"
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_durations_are_read_per_case_and_skipped_cases_are_left_out(tmp_path: Path) -> None:
    _write(
        tmp_path / "junit" / "TESTS-tasks.xml",
        _suite("tasks.Tasks", [("Add", 0.5, "passed"), ("Skip", 0.0, "skipped")]),
    )
    _write(tmp_path / "junit" / "nested" / "TESTS-login.xml", _suite("login.Login", []))

    durations = read_durations([tmp_path / "junit", tmp_path / "missing"])

    assert durations.seconds == {("tasks.Tasks", "Add"): 0.5}
    assert durations.files == 2


def test_shards_of_one_feature_merge_into_one_suite(tmp_path: Path) -> None:
    _write(
        tmp_path / "shard-1" / "TESTS-tasks.xml",
        _suite("tasks.Tasks", [("Add", 0.5, "passed"), ("Edit", 0.25, "failed")]),
    )
    _write(tmp_path / "shard-2" / "TESTS-tasks.xml", _suite("tasks.Tasks", [("Drop", 1, "passed")]))
    _write(tmp_path / "shard-2" / "TESTS-login.xml", _suite("login.Login", [("In", 2, "passed")]))
    output = tmp_path / "junit.xml"

    merged = merge_junit([tmp_path / "shard-1", tmp_path / "shard-2"], output)

    assert (merged.files, merged.suites, merged.tests, merged.failures) == (3, 2, 4, 1)
    root = ElementTree.parse(output).getroot()
    assert root.tag == "testsuites"
    assert [suite.get("name") for suite in root] == ["login.Login", "tasks.Tasks"]
    tasks = root[1]
    assert [case.get("name") for case in tasks] == ["Add", "Edit", "Drop"]
    assert (tasks.get("tests"), tasks.get("failures"), tasks.get("time")) == ("3", "1", "1.750000")
    assert (root.get("tests"), root.get("failures")) == ("4", "1")


def test_the_merged_file_is_not_read_back_in(tmp_path: Path) -> None:
    _write(tmp_path / "TESTS-a.xml", _suite("a.A", [("One", 1, "passed")]))

    merge_junit([tmp_path], tmp_path / "junit.xml")
    again = merge_junit([tmp_path], tmp_path / "junit.xml")

    assert again.tests == 1


def test_no_reports_to_merge_says_how_to_make_them(tmp_path: Path) -> None:
    with pytest.raises(ShardingError) as raised:
        merge_junit([tmp_path], tmp_path / "out.xml")
    assert str(raised.value) == (
        f"No JUnit XML files in {tmp_path}. Run each shard with behave --junit "
        "--junit-directory <folder of that shard>, then merge those folders."
    )


def test_a_file_that_is_not_xml_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "TESTS-broken.xml"
    broken.write_text("<testsuite", encoding="utf-8")

    with pytest.raises(ShardingError, match=r"Cannot read the JUnit report .*TESTS-broken\.xml"):
        read_durations([tmp_path])


def test_a_scenario_another_shard_ran_counts_once_with_its_result(tmp_path: Path) -> None:
    # Each shard's file lists the feature's other scenarios as skipped.
    _write(
        tmp_path / "shard-1" / "TESTS-tasks.xml",
        _suite("tasks.Tasks", [("Add", 0.5, "passed"), ("Edit", 0, "skipped")]),
    )
    _write(
        tmp_path / "shard-2" / "TESTS-tasks.xml",
        _suite("tasks.Tasks", [("Add", 0, "skipped"), ("Edit", 0.25, "failed")]),
    )
    output = tmp_path / "junit.xml"

    merged = merge_junit([tmp_path / "shard-1", tmp_path / "shard-2"], output)

    assert (merged.tests, merged.failures, merged.skipped) == (2, 1, 0)
    tasks = ElementTree.parse(output).getroot()[0]
    assert [(case.get("name"), case.get("status")) for case in tasks] == [
        ("Add", "passed"),
        ("Edit", "failed"),
    ]
    assert (tasks.get("tests"), tasks.get("skipped"), tasks.get("time")) == ("2", "0", "0.750000")


def test_a_scenario_skipped_in_every_shard_stays_skipped_once(tmp_path: Path) -> None:
    for shard in ("shard-1", "shard-2"):
        _write(tmp_path / shard / "TESTS-tasks.xml", _suite("tasks.Tasks", [("Wip", 0, "skipped")]))

    merged = merge_junit([tmp_path], tmp_path / "junit.xml")

    assert (merged.tests, merged.skipped) == (1, 1)
