"""Four shards of the suite, run one after the other as CI machines would: together they run
every scenario exactly once, and their merged JUnit report holds all of them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

from behave.configuration import Configuration
from behave.runner_util import collect_feature_locations, parse_features

from behave_live.cli import main
from tests.behave_runs import run_behave

# The domain features: a quarter of them per shard keeps the four runs to a few seconds.
PATHS = ["features/board"]
SHARDS = 4


def _expected_scenarios() -> Counter[str]:
    config = Configuration(command_args=list(PATHS))
    features = parse_features(collect_feature_locations(config.paths))
    return Counter(
        scenario.name
        for feature in features
        for scenario in feature.walk_scenarios()
        if scenario.should_run(config)
    )


def _cases(folder: Path) -> Counter[str]:
    return Counter(
        case.get("name", "")
        for path in folder.rglob("*.xml")
        for case in ElementTree.parse(path).getroot().iter("testcase")
    )


def test_four_shards_run_every_scenario_once_and_merge_into_one_report(tmp_path: Path) -> None:
    for index in range(1, SHARDS + 1):
        run = run_behave(
            "-f", "null", "-D", f"shard={index}/{SHARDS}", "--junit",
            "--junit-directory", str(tmp_path / f"shard-{index}"), *PATHS,
        )  # fmt: skip
        assert not run.failed, run.output
        assert f"behave-live: shard {index}/{SHARDS}: " in run.output

    expected = _expected_scenarios()
    ran = _cases(tmp_path)
    assert ran == expected  # each scenario once: none twice, none left out
    assert all(_cases(tmp_path / f"shard-{index}") for index in range(1, SHARDS + 1))

    merged = tmp_path / "junit.xml"
    assert main(["merge-junit", str(tmp_path), "-o", str(merged)]) == 0
    assert (
        Counter(
            case.get("name", "") for case in ElementTree.parse(merged).getroot().iter("testcase")
        )
        == expected
    )
