"""The task board's domain layer: the scenario's world, the board's words, its answers, checks.

Step modules in ``steps/`` parse their phrases and call in here:

- :func:`world_of` (``world.py``): the scenario's :class:`BoardWorld` - its people and their
  tokens (``world.token_of("Alice")``), its tasks by title, and every attempt's outcome. It
  is made by ``start_world`` from ``environment.py``'s ``before_scenario``.
- ``words.py``: the board's fields, described once, and the parse types of the steps.
- ``answers.py``: what a person can be told, as data, and how it reads in plain words.
- ``checks.py``: the Then steps' expectations; each attaches what the person saw
  (``world.tell(words)``) before it checks.
"""

from __future__ import annotations

from .world import BoardWorld, Outcome, Person, start_world, world_of

__all__ = ["BoardWorld", "Outcome", "Person", "start_world", "world_of"]
