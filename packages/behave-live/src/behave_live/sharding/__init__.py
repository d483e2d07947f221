"""Splitting a suite into shards by recorded durations, and merging the shards' JUnit reports."""

from __future__ import annotations

from behave_live.sharding.junit import JunitMerge, RecordedDurations, merge_junit, read_durations
from behave_live.sharding.partition import partition, weights_for
from behave_live.sharding.spec import ShardSpec

__all__ = [
    "JunitMerge",
    "RecordedDurations",
    "ShardSpec",
    "merge_junit",
    "partition",
    "read_durations",
    "weights_for",
]
