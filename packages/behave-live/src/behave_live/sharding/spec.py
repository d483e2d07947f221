"""Which shard of how many: ``2/4`` is the second of four (counted from 1, like CI systems)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ShardSpec"]

_SHAPE = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*\Z")


@dataclass(frozen=True)
class ShardSpec:
    """Shard ``index`` of ``total``, with ``1 <= index <= total``."""

    index: int
    total: int

    @classmethod
    def parse(cls, text: str) -> ShardSpec:
        """Read ``"2/4"``; raises :class:`ValueError` with the reason in words."""
        shape = _SHAPE.match(text)
        if shape is None:
            raise ValueError(
                f"is not a shard: write INDEX/TOTAL, such as 2/4 for the second of four "
                f"(got {text!r})"
            )
        index, total = int(shape.group(1)), int(shape.group(2))
        if total < 1 or not 1 <= index <= total:
            raise ValueError(
                f"names shard {index} of {total}: the index counts from 1 up to the total "
                f"(1/{max(total, 1)} ... {max(total, 1)}/{max(total, 1)})"
            )
        return cls(index, total)

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"
