"""What went over a connection, frame by frame, and how it is shown: short, secrets masked."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from behave_live.secrets import SecretValues

__all__ = ["Direction", "Frame", "describe_frames"]

Direction = Literal["sent", "received"]

#: Characters of one frame shown in a message; a longer frame is cut with "...".
_FRAME_LIMIT: Final = 300
#: Frames shown in a message: the latest ones (a long conversation keeps its end).
_SHOWN_FRAMES: Final = 20
_ARROWS: Final = {"sent": "->", "received": "<-"}


@dataclass(frozen=True)
class Frame:
    """One message sent or received on a WebSocket (text, or bytes for a binary frame)."""

    direction: Direction
    data: str | bytes
    at: float = field(default_factory=time.monotonic)

    @property
    def is_text(self) -> bool:
        """True for a text frame."""
        return isinstance(self.data, str)

    def shown(self, secrets: SecretValues, limit: int = _FRAME_LIMIT) -> str:
        """The frame on one line, ``-> {"text": "hi"}``, masked and cut at ``limit``."""
        if isinstance(self.data, bytes):
            body = f"<binary, {len(self.data)} bytes>"
        else:
            body = secrets.mask(self.data).replace("\n", "\\n")
            if len(body) > limit:
                body = body[:limit] + "..."
        return f"{_ARROWS[self.direction]} {body}"


def describe_frames(frames: Sequence[Frame], secrets: SecretValues) -> str:
    """Every frame so far, one per line (the latest ones when there are many)."""
    if not frames:
        return "  (nothing)"
    shown = frames[-_SHOWN_FRAMES:]
    lines = [f"  {frame.shown(secrets)}" for frame in shown]
    if len(frames) > len(shown):
        lines.insert(0, f"  ... {len(frames) - len(shown)} earlier frames")
    return "\n".join(lines)
