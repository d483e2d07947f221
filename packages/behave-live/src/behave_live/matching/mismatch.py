"""One difference between an actual document and its expectation, and how to list many."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Mismatch", "format_mismatches"]


@dataclass(frozen=True)
class Mismatch:
    """A single difference, located by a JSONPath such as ``$.items[2].price``.

    ``expected`` and ``actual`` are already rendered for people (``#number``, ``"12"``,
    ``<missing>``, ``<absent>``) so a mismatch can be shown without the documents at hand.
    """

    path: str
    expected: str
    actual: str
    reason: str = ""

    def __str__(self) -> str:
        text = f"{self.path}: expected {self.expected}, got {self.actual}"
        return f"{text} ({self.reason})" if self.reason else text


def format_mismatches(mismatches: Sequence[Mismatch], limit: int = 50) -> str:
    """Return a header line (``3 mismatches:``) and one indented line per mismatch.

    Past ``limit`` lines the rest is summarised as ``... and N more`` so a huge diff cannot
    drown the report; the count in the header is always the full count.
    """
    count = len(mismatches)
    if count == 0:
        return "no mismatches"
    header = "1 mismatch:" if count == 1 else f"{count} mismatches:"
    lines = [header, *(f"  {mismatch}" for mismatch in mismatches[:limit])]
    if count > limit:
        lines.append(f"  ... and {count - limit} more")
    return "\n".join(lines)
