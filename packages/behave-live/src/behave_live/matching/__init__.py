"""JSON matching for API tests: Karate-style modes and fuzzy markers, JSONPath, JSON Schema.

Pure Python with no behave or HTTP imports, so behave steps and pytest share it.
"""

from __future__ import annotations

from behave_live.errors import (
    AmbiguousPath,
    MismatchError,
    PathNotFound,
    StepInputError,
)
from behave_live.matching._paths import location_path
from behave_live.matching._values import MISSING
from behave_live.matching.describe import describe
from behave_live.matching.jsonpath import (
    CompiledPath,
    Node,
    compile_path,
    query,
    query_nodes,
    query_one,
    query_one_node,
    query_one_or_missing,
)
from behave_live.matching.markers import MARKER_NAMES, literal
from behave_live.matching.match import MATCH_MODES, MatchMode, assert_match, match
from behave_live.matching.mismatch import Mismatch, format_mismatches
from behave_live.matching.schema import validate_schema

__all__ = [
    "MARKER_NAMES",
    "MATCH_MODES",
    "MISSING",
    "AmbiguousPath",
    "CompiledPath",
    "MatchMode",
    "Mismatch",
    "MismatchError",
    "Node",
    "PathNotFound",
    "StepInputError",
    "assert_match",
    "compile_path",
    "describe",
    "format_mismatches",
    "literal",
    "location_path",
    "match",
    "query",
    "query_nodes",
    "query_one",
    "query_one_node",
    "query_one_or_missing",
    "validate_schema",
]
