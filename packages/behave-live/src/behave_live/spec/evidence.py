"""What steps attached while they ran: summaries in words, raw exchanges, failure notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from behave_live.bdd.report import SUMMARY_MEDIA_TYPE
from behave_live.spec.model import Attachment

__all__ = ["Evidence", "StepEvidence"]


@dataclass
class StepEvidence:
    """The attachments of one step, sorted by kind."""

    summaries: list[str] = field(default_factory=list)
    exchanges: list[Attachment] = field(default_factory=list)
    #: Shown only when the step failed (``embed(..., fail_only=True)``).
    on_failure: list[Attachment] = field(default_factory=list)

    def add(self, media_type: str, text: str, caption: str, fail_only: bool) -> None:
        """File one attachment by its media type."""
        if media_type == SUMMARY_MEDIA_TYPE:
            self.summaries.append(text)
        elif fail_only:
            self.on_failure.append(Attachment(caption, text))
        else:
            self.exchanges.append(Attachment(caption, text))

    def shown(self, failed: bool) -> list[Attachment]:
        """The raw attachments a reader can open: failure notes only if the step failed."""
        return [*self.exchanges, *self.on_failure] if failed else list(self.exchanges)


class Evidence:
    """Attachments by the step (or scenario) they were made under, found by identity.

    behave's step objects are neither hashable by value nor stable in name (outline rows
    repeat a text), so the object itself is the key; the run keeps every step alive.
    """

    def __init__(self) -> None:
        self._by_owner: dict[int, StepEvidence] = {}

    def of(self, owner: object) -> StepEvidence:
        """The evidence filed under ``owner`` (empty if none)."""
        return self._by_owner.get(id(owner)) or StepEvidence()

    def file(self, owner: object) -> StepEvidence:
        """The evidence of ``owner``, created on first use, to add to."""
        return self._by_owner.setdefault(id(owner), StepEvidence())
