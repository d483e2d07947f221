"""Shards of a small project: the listing, the parallel run and its merged report."""

from __future__ import annotations

import io
import subprocess
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest

from behave_live.cli import main
from behave_live.sharding.parallel import run_parallel

#: Where kit_testing (the test app) imports from, in the behave processes too.
_KIT_TESTS = Path(__file__).resolve().parent.parent

_SCENARIO = """
  Scenario: Health {number}
    When I send a GET request to "/health"
    Then the response status should be 200
"""

_SHARED = """@fixture.server.per_feature
Feature: Visits on one server
  Scenario: The first visit
    When I send a POST request to "/visits"
    Then the JSON value at "$.visits" should be 1

  Scenario: The second visit counts on the first
    When I send a POST request to "/visits"
    Then the JSON value at "$.visits" should be 2
"""

_OUTLINE = """Feature: Outlined
  Scenario Outline: Status <code>
    When I send a GET request to "/health"
    Then the response status should be <code>

    Examples:
      | code |
      | 200  |
      | 200  |
      | 200  |
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three features: independent scenarios, an outline, and two that share a server."""
    features = tmp_path / "features"
    (features / "steps").mkdir(parents=True)
    (features / "steps" / "http_steps.py").write_text("from behave_live.bdd.steps import *\n")
    (features / "environment.py").write_text(
        "from behave_live.bdd.hooks import before_all, before_scenario, before_tag  # noqa\n"
    )
    body = "".join(_SCENARIO.format(number=number) for number in range(5))
    (features / "health.feature").write_text(f"Feature: Health\n{body}")
    (features / "shared.feature").write_text(_SHARED)
    (features / "outlined.feature").write_text(_OUTLINE)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.behave]\npaths = ["features"]\nshow_skipped = false\n'
        '[tool.behave.userdata]\napp = "kit_testing.apps:create_app"\n'
        f"app_dir = {str(_KIT_TESTS)!r}\n"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _listing(spec: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["shard", spec]) == 0
    return capsys.readouterr().out.split()


def test_the_listings_of_all_shards_cover_each_scenario_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listings = [_listing(f"{index}/3", capsys) for index in (1, 2, 3)]

    every = Counter(location for listing in listings for location in listing)
    assert max(every.values()) == 1
    # The feature on a shared server is listed whole, in one shard only.
    assert every["features/shared.feature"] == 1
    scenario_lines = [loc for loc in every if loc.startswith("features/health.feature")]
    outline_lines = [loc for loc in every if loc.startswith("features/outlined.feature")]
    assert len(scenario_lines) in (1, 5)  # whole file, or each of its scenarios once
    assert len(outline_lines) in (1, 3)


def test_an_empty_shard_is_an_error_not_the_whole_suite(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["shard", "12/12"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        "behave-live shard: error: shard 12/12 has no scenarios: the suite has fewer parts "
        "than shards. Use fewer shards." in captured.err
    )


def test_a_parallel_run_merges_every_scenario_into_one_report(project: Path) -> None:
    printed = io.StringIO()

    status = run_parallel(
        2, ["--no-color", "-f", "progress"], junit_directory=project / "junit", out=printed
    )

    output = printed.getvalue()
    assert status == 0, output
    assert "=== shard 1/2: exit status 0" in output
    assert "=== shard 2/2: exit status 0" in output
    merged = ElementTree.parse(project / "junit" / "junit.xml").getroot()
    names = Counter(case.get("name") for case in merged.iter("testcase"))
    assert sum(names.values()) == 10
    assert names["The second visit counts on the first"] == 1
    # Each shard lists the other shard's scenarios as skipped: none of them is left.
    assert (merged.get("tests"), merged.get("skipped")) == ("10", "0")


def test_a_shard_left_with_nothing_to_run_reports_no_time_at_all(project: Path) -> None:
    ran = subprocess.run(
        [sys.executable, "-m", "behave", "-D", "shard=1/3", "--tags=@nothing", "--no-color"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "0 scenarios passed, 0 failed" in ran.stdout
    took = next(line for line in ran.stdout.splitlines() if line.startswith("Took "))
    assert took.startswith("Took 0min "), took
