"""Feature-file text to values: variables, expected values, request bodies, tables, files.

Everything a step receives from a feature file (a doc-string, a table, a quoted value, a
file name) is turned into Python values here, and every mistake in it raises
:class:`~behave_live.errors.StepInputError` naming the problem. Knows nothing of HTTP,
servers or behave.
"""

from __future__ import annotations

from behave_live.inputs.feature_files import FeatureFiles
from behave_live.inputs.variables import Variables

__all__ = ["FeatureFiles", "Variables"]
