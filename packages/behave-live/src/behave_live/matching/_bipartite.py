"""Maximum bipartite matching, for comparing arrays whose order does not matter.

Greedy pairing is not enough once fuzzy markers are involved: with expected
``["#string", "a"]`` and actual ``["a", "b"]``, pairing ``#string`` with ``"a"`` first leaves
``"a"`` unmatched although a perfect pairing exists. Augmenting paths find it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

__all__ = ["maximum_matching"]


def maximum_matching(edges: Sequence[Sequence[int]]) -> dict[int, int]:
    """Return a maximum matching ``{left: right}``; ``edges[left]`` lists compatible rights.

    Lefts are tried in order and rights scanned in order, so equal inputs always give the
    same pairing (messages must be deterministic). Breadth-first search keeps it iterative:
    long arrays must not hit Python's recursion limit.
    """
    left_to_right: dict[int, int] = {}
    right_to_left: dict[int, int] = {}
    for start in range(len(edges)):
        reached_from: dict[int, int] = {}  # right -> the left that reached it
        queue = deque([start])
        free_right: int | None = None
        while queue and free_right is None:
            left = queue.popleft()
            for right in edges[left]:
                if right in reached_from:
                    continue
                reached_from[right] = left
                if right not in right_to_left:
                    free_right = right
                    break
                # The left holding this right: queued once, since each right is reached
                # once and each left holds one right (`start` holds none yet).
                queue.append(right_to_left[right])
        # Flip the alternating path back to `start`: each left takes the right that reached it.
        cursor = free_right
        while cursor is not None:
            left = reached_from[cursor]
            previous = left_to_right.get(left)  # None at `start`, which ends the path
            left_to_right[left] = cursor
            right_to_left[cursor] = left
            cursor = previous
    return left_to_right
