"""The people of one scenario: their tokens, their teams, and the names the board knows them by.

Features say "Alice" and "Apollo". On a shared or deployed board every scenario registers an
Alice, and names are unique board-wide, so the cast gives each scenario its own namespace:
"Alice" becomes ``Alice-1a2b3c4d`` and "Apollo" ``Apollo-1a2b3c4d`` on the board, and the
suffix comes off again whenever the board's answers are shown or compared. The feature text
never sees it.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from behave_live.errors import StepInputError

__all__ = ["NEWCOMER", "Cast", "Member"]

#: How the features refer to someone who joins without a name of their own in the cast.
NEWCOMER = "the newcomer"


@dataclass
class Member:
    """Someone in the scenario: ``team`` is the team word they joined ("Apollo"), if any.

    ``token`` is None for someone who has not joined the board (they send no token at all).
    """

    persona: str
    token: str | None
    team: str | None = None


class Cast:
    """Everyone a scenario has introduced, and the namespace of the scenario's names."""

    def __init__(self, scenario_id: str | None = None) -> None:
        # 8 hex digits: unique enough for every scenario ever run against one board, and
        # short enough that "Alice-1a2b3c4d" stays far below the board's 50 characters.
        self.scenario_id = scenario_id or uuid.uuid4().hex[:8]
        self._members: dict[str, Member] = {}

    @property
    def suffix(self) -> str:
        """What this scenario appends to every name it sends: ``-1a2b3c4d``."""
        return f"-{self.scenario_id}"

    # -- names ------------------------------------------------------------------------------

    def board_name(self, word: str) -> str:
        """The name the board knows a person or a team by: "Alice" -> ``Alice-1a2b3c4d``."""
        return f"{word}{self.suffix}"

    def shown(self, name: str | None) -> str | None:
        """A name from the board as the features say it: ``Alice-1a2b3c4d`` -> "Alice"."""
        if name is not None and name.lower().endswith(self.suffix.lower()):
            return name[: -len(self.suffix)]
        return name

    def made_up_name(self, length: int) -> str:
        """A name of exactly ``length`` characters that no other scenario uses (from 8 up)."""
        return (self.scenario_id + "x" * length)[:length]

    # -- people -----------------------------------------------------------------------------

    def join(self, persona: str, team: str | None, token: str) -> Member:
        """Remember that ``persona`` joined ``team`` and holds ``token``."""
        member = Member(persona, token, team)
        self._members[persona.lower()] = member
        return member

    def add_outsider(self, persona: str, *, made_up_token: bool = False) -> Member:
        """Introduce someone who has not joined: no token, or one the board never gave out."""
        token = secrets.token_urlsafe(32) if made_up_token else None
        member = Member(persona, token)
        self._members[persona.lower()] = member
        return member

    def member(self, persona: str) -> Member:
        """The person called ``persona``, or an error saying how to introduce them."""
        member = self._members.get(persona.lower())
        if member is None:
            known = ", ".join(sorted(m.persona for m in self._members.values())) or "nobody yet"
            raise StepInputError(
                f"Nobody called {persona} is in this scenario (known: {known}). Introduce "
                f"them first, for example with: Given {persona} is a member of team Apollo "
                f"- or: Given {persona} has not joined the board"
            )
        return member

    def token(self, persona: str) -> str | None:
        """The token ``persona`` sends (None: they send none)."""
        return self.member(persona).token

    def check_board(self, persona: str, team: str) -> None:
        """Fail if ``persona`` is known to be in another team than ``team``.

        The board always shows a member the board of their own team; a step that says
        "Carol looks at the Apollo board" while Carol is in Gemini is a mistake in the
        feature, not something the board could do.
        """
        member = self.member(persona)
        if member.team is not None and member.team.lower() != team.lower():
            raise StepInputError(
                f"{persona} is a member of team {member.team}, so the board shows "
                f"{persona} the {member.team} board, never the {team} board. Say "
                f"'the {member.team} board' in this step."
            )
