"""Split weighted items into shards of nearly equal total weight, the same way every time.

The greedy LPT rule (longest processing time first): take the items from the heaviest down
and give each to the lightest shard so far. Its worst case is 4/3 of the best split, and with
many items of varied weight (a test suite) it lands within a few percent of the ideal
``total / shards`` (tests/sharding/test_partition.py simulates 2,000 scenarios).

Every shard of a CI matrix computes the whole plan on its own machine and keeps its part, so
the plan must not depend on anything but the items and weights: ties are broken by the
items' own order (their keys sort), never by hash order or timing.
"""

from __future__ import annotations

import heapq
import statistics
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

__all__ = ["partition", "weights_for"]


class _Ordered(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


_K = TypeVar("_K", bound=_Ordered)


def partition(weights: Mapping[_K, float], shards: int) -> list[list[_K]]:
    """Split the keys of ``weights`` into ``shards`` lists (each sorted by key) by LPT.

    ``shards`` lists come back even when there are fewer items (some are then empty).
    Raises :class:`ValueError` for fewer than one shard or a negative weight.
    """
    if shards < 1:
        raise ValueError(f"cannot split into {shards} shards: at least 1 is needed")
    negative = [key for key, weight in weights.items() if weight < 0]
    if negative:
        raise ValueError(f"negative weight for {negative[0]!r}: durations are never negative")
    parts: list[list[_K]] = [[] for _ in range(shards)]
    # (load, shard number): the lightest shard first, the lower number on equal loads.
    loads = [(0.0, number) for number in range(shards)]
    for key in sorted(weights, key=lambda key: (-weights[key], key)):
        load, number = heapq.heappop(loads)
        parts[number].append(key)
        heapq.heappush(loads, (load + weights[key], number))
    return [sorted(part) for part in parts]


def weights_for(items: Iterable[_K], durations: Mapping[_K, float]) -> dict[_K, float]:
    """Weights for ``items``: the recorded duration, else the mean of the recorded ones.

    An item without a record (a scenario added since) weighs the mean of the records found
    among ``items``; with no record at all every item weighs 1, which splits by counts.
    """
    chosen = list(items)
    known = [durations[item] for item in chosen if item in durations]
    fill = statistics.fmean(known) if known else 1.0
    return {item: durations.get(item, fill) for item in chosen}
