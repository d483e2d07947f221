"""One shard of the suite: the scenarios shard ``INDEX/TOTAL`` runs, the same on every machine.

The plan takes every scenario the run would run (each row of a Scenario Outline counts as
one), weighs it by its duration in the JUnit XML of an earlier run (``shard_durations``),
and splits the suite with :func:`behave_live.sharding.partition`. The scenarios of a
feature that shares a server between them stay together. A scenario is found in
JUnit by its feature's name and its own: behave names a test case
``<feature file>.<feature name>`` / ``<scenario name>``, and the file part depends on the
paths a run was given, so only the names are compared.

Two ways to use it:

- ``-D shard=2/4`` (:func:`keep_shard`, called by the ``before_all`` hook): the run leaves
  out the features without a scenario of its shard, and skips the other scenarios of the
  features it keeps (not shown with ``show_skipped = false``, as with ``behave file:line``);
- ``behave-live shard 2/4`` (:func:`shard_locations`): prints ``path`` or ``path:line``
  locations, for runners that take a list of scenarios.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from behave_live.errors import ShardingError
from behave_live.sharding.junit import RecordedDurations, read_durations
from behave_live.sharding.partition import partition, weights_for
from behave_live.sharding.spec import ShardSpec

__all__ = ["ShardPlan", "keep_shard", "plan_shard", "shard_locations"]

#: A scenario's place: (feature file as the run names it, line).
_Key = tuple[str, int]


@dataclass(frozen=True)
class ShardPlan:
    """The scenarios of one shard, and what the plan was based on."""

    spec: ShardSpec
    #: The chosen scenarios (behave model objects), in file and line order.
    scenarios: list[Any]
    #: How many scenarios the whole run has, and their weights' total.
    total_scenarios: int
    total_weight: float
    shard_weight: float
    #: How many scenarios had a recorded duration (0: split by counts).
    timed: int
    durations_source: str | None

    def describe(self) -> str:
        """One line for the log: the shard, its share, and what it was split by."""
        features = len({scenario.feature.filename for scenario in self.scenarios})
        if self.timed:
            basis = (
                f"split by the durations in {self.durations_source} ({self.timed} of "
                f"{self.total_scenarios} scenarios recorded): {self.shard_weight:.1f} s of "
                f"{self.total_weight:.1f} s"
            )
        else:
            source = f" in {self.durations_source}" if self.durations_source else ""
            basis = f"split by counts (no recorded durations{source})"
        return (
            f"behave-live: shard {self.spec}: {len(self.scenarios)} of "
            f"{self.total_scenarios} scenarios, in {features} feature(s); {basis}"
        )


def plan_shard(
    features: Sequence[Any],
    config: Any,
    spec: ShardSpec,
    durations_source: str | None,
    shares_server: Callable[[Any], bool] = lambda scenario: False,
) -> ShardPlan:
    """Plan shard ``spec`` of the scenarios of ``features`` that ``config`` would run.

    A feature with a scenario for which ``shares_server`` is true goes to one shard whole:
    scenarios on a shared server may count on the ones before them (a visit counter).
    """
    durations = (
        read_durations([Path(durations_source)]) if durations_source else RecordedDurations({}, 0)
    )
    scenarios = {
        _key(scenario): scenario
        for feature in features
        for scenario in feature.walk_scenarios()
        if scenario.should_run(config)
    }
    recorded = _recorded(scenarios, durations)
    weights = weights_for(scenarios, recorded)
    units: dict[_Key, list[_Key]] = defaultdict(list)
    whole = {
        key[0] for key, scenario in scenarios.items() if shares_server(scenario)
    }  # files to keep together
    for key in scenarios:
        units[(key[0], 0) if key[0] in whole else key].append(key)
    unit_weights = {unit: sum(weights[key] for key in keys) for unit, keys in units.items()}
    part = sorted(
        key for unit in partition(unit_weights, spec.total)[spec.index - 1] for key in units[unit]
    )
    return ShardPlan(
        spec=spec,
        scenarios=[scenarios[key] for key in part],
        total_scenarios=len(scenarios),
        total_weight=sum(weights.values()),
        shard_weight=sum(weights[key] for key in part),
        timed=len(recorded),
        durations_source=durations_source,
    )


def keep_shard(
    runner: Any,
    spec: ShardSpec,
    durations_source: str | None,
    shares_server: Callable[[Any], bool] = lambda scenario: False,
) -> ShardPlan:
    """Cut the run of ``runner`` (behave's, in ``before_all``) down to shard ``spec``.

    Features without a scenario of the shard are taken out of the run; the other
    scenarios of the features it keeps are marked skipped, as ``behave file:line`` does.
    """
    features = getattr(runner, "features", None)
    if not isinstance(features, list):
        raise ShardingError(
            "shard is set, but this behave runner has no list of features to cut down. "
            "Run the shard with behave's own runner (behave -D shard=2/4), or list its "
            "scenarios with: behave-live shard 2/4"
        )
    plan = plan_shard(features, runner.config, spec, durations_source, shares_server)
    chosen = {id(scenario) for scenario in plan.scenarios}
    kept = []
    for feature in features:
        mine = False
        for scenario in feature.walk_scenarios():
            if id(scenario) in chosen:
                mine = True
            elif scenario.should_run(runner.config):
                scenario.mark_skipped()
        if mine:
            kept.append(feature)
    # In place: behave's run loop iterates this very list once before_all returns.
    features[:] = kept
    if not kept:
        _start_the_summary_clock(runner)
    print(plan.describe(), file=sys.stderr)
    return plan


def _start_the_summary_clock(runner: Any) -> None:
    """Start behave's summary clock for a shard left with nothing to run.

    The summary reporter starts its clock on the first feature reported; with none, it
    would print the time since 1970 ("Took 29937096min").
    """
    for reporter in getattr(getattr(runner, "config", None), "reporters", None) or []:
        if getattr(reporter, "testrun_start_time", None) == 0:
            reporter.testrun_started()


def shard_locations(plan: ShardPlan, features: Sequence[Any], config: Any) -> list[str]:
    """``behave`` locations of the plan's scenarios: ``file`` when all of a file's run.

    Files come in order, and a file's lines together, as behave expects them.
    """
    by_file: dict[str, list[int]] = defaultdict(list)
    for scenario in plan.scenarios:
        by_file[scenario.feature.filename].append(scenario.line)
    runnable = {
        feature.filename: sum(1 for s in feature.walk_scenarios() if s.should_run(config))
        for feature in features
    }
    locations: list[str] = []
    for filename in sorted(by_file):
        lines = sorted(by_file[filename])
        if len(lines) == runnable.get(filename):
            locations.append(filename)
        else:
            locations += [f"{filename}:{line}" for line in lines]
    return locations


def _key(scenario: Any) -> _Key:
    return (Path(scenario.feature.filename).as_posix(), int(scenario.line))


def _recorded(scenarios: dict[_Key, Any], durations: RecordedDurations) -> dict[_Key, float]:
    """The recorded duration of each scenario found in ``durations``, by names."""
    by_name: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (classname, name), seconds in durations.seconds.items():
        by_name[name].append((classname, seconds))
    recorded: dict[_Key, float] = {}
    for key, scenario in scenarios.items():
        feature_name = scenario.feature.name
        for classname, seconds in by_name.get(scenario.name or "", ()):
            if classname == feature_name or classname.endswith(f".{feature_name}"):
                recorded[key] = seconds
                break
    return recorded
