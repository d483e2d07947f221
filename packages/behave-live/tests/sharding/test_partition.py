"""The LPT split: balanced on a large simulated suite, deterministic, counts without records."""

from __future__ import annotations

import random

import pytest

from behave_live.sharding.partition import partition, weights_for


def _synthetic_suite(size: int = 2000, seed: int = 20261210) -> dict[tuple[str, int], float]:
    """Scenario durations as suites have them: mostly short, a long tail (log-normal)."""
    rng = random.Random(seed)
    return {
        (f"features/area_{number % 40:02d}.feature", number): rng.lognormvariate(-4.0, 1.0)
        for number in range(size)
    }


@pytest.mark.parametrize("shards", [2, 4, 8, 16])
def test_the_slowest_shard_is_within_1_1x_of_the_ideal(shards: int) -> None:
    durations = _synthetic_suite()
    ideal = sum(durations.values()) / shards

    parts = partition(durations, shards)

    loads = [sum(durations[key] for key in part) for part in parts]
    assert max(loads) <= 1.1 * ideal, (shards, max(loads) / ideal)
    assert sorted(key for part in parts for key in part) == sorted(durations)


def test_the_split_is_the_same_every_time_and_whatever_the_input_order() -> None:
    durations = _synthetic_suite(300)
    shuffled = dict(random.Random(1).sample(sorted(durations.items()), len(durations)))

    assert partition(durations, 4) == partition(shuffled, 4)


def test_equal_weights_split_by_counts_in_key_order() -> None:
    weights = dict.fromkeys(range(10), 1.0)

    parts = partition(weights, 3)

    assert parts == [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]


def test_more_shards_than_items_leaves_some_empty() -> None:
    assert partition({"a": 1.0}, 3) == [["a"], [], []]


def test_unrecorded_items_weigh_the_mean_and_no_records_mean_counts() -> None:
    assert weights_for(["a", "b", "c"], {"a": 1.0, "b": 3.0}) == {"a": 1.0, "b": 3.0, "c": 2.0}
    assert weights_for(["a", "b"], {"z": 5.0}) == {"a": 1.0, "b": 1.0}


def test_bad_input_is_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="cannot split into 0 shards: at least 1 is needed"):
        partition({"a": 1.0}, 0)
    with pytest.raises(ValueError, match="negative weight for 'a'"):
        partition({"a": -1.0}, 2)
