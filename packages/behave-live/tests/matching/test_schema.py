"""JSON Schema validation: all errors, with paths; invalid schemas; drafts; formats."""

from __future__ import annotations

import subprocess
import sys

import pytest

from behave_live.matching import StepInputError, validate_schema

SCHEMA = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {
        "id": {"type": "integer", "minimum": 1},
        "name": {"type": "string"},
        "email": {"type": "string", "format": "email"},
        "created": {"type": "string", "format": "date-time"},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": False,
}


def test_valid_instance_has_no_mismatches() -> None:
    instance = {
        "id": 1,
        "name": "a",
        "email": "a@example.com",
        "created": "2024-01-01T00:00:00Z",
        "tags": [],
    }
    assert validate_schema(instance, SCHEMA) == []


def test_every_error_is_listed_with_its_path() -> None:
    instance = {"id": 0, "email": "nope", "created": "yesterday", "tags": ["a", 2, 3], "x": 1}
    mismatches = validate_schema(instance, SCHEMA)
    assert [str(m) for m in mismatches] == [
        "$: expected additionalProperties false, got "
        '{"id":0,"email":"nope","created":"yesterday","tags":["a",2,3],"x":1} '
        "(Additional properties are not allowed ('x' was unexpected))",
        '$: expected required ["id","name"], got '
        '{"id":0,"email":"nope","created":"yesterday","tags":["a",2,3],"x":1} '
        "('name' is a required property)",
        '$.created: expected format "date-time", got "yesterday" '
        "('yesterday' is not a 'date-time')",
        "$.email: expected format \"email\", got \"nope\" ('nope' is not a 'email')",
        "$.id: expected minimum 1, got 0 (0 is less than the minimum of 1)",
        "$.tags[1]: expected type \"string\", got 2 (2 is not of type 'string')",
        "$.tags[2]: expected type \"string\", got 3 (3 is not of type 'string')",
    ]


def test_date_time_format_is_checked_even_without_optional_dependencies() -> None:
    assert (
        len(validate_schema({"id": 1, "name": "a", "created": "2024-02-30T00:00:00Z"}, SCHEMA)) == 1
    )


def test_schema_draft_follows_dollar_schema() -> None:
    # Draft 4's exclusiveMaximum is a boolean modifier; in 2020-12 it is a number.
    draft4 = {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "maximum": 5,
        "exclusiveMaximum": True,
    }
    assert len(validate_schema(5, draft4)) == 1
    assert validate_schema(4, draft4) == []
    with pytest.raises(StepInputError):
        validate_schema(5, {"maximum": 5, "exclusiveMaximum": True})


def test_boolean_schemas() -> None:
    assert validate_schema({"any": 1}, True) == []
    assert len(validate_schema(1, False)) == 1


def test_invalid_schema_raises_naming_the_problem() -> None:
    with pytest.raises(StepInputError) as raised:
        validate_schema({}, {"type": "strng"})
    message = str(raised.value)
    assert "The JSON Schema is invalid at $.type" in message
    assert "'strng'" in message


def test_schema_must_be_an_object() -> None:
    with pytest.raises(StepInputError, match="must be an object or a boolean, got"):
        validate_schema({}, "[1]")


def test_importing_the_steps_leaves_jsonschema_unimported() -> None:
    # A fresh interpreter: this one imported jsonschema already (the tests above).
    code = (
        "import sys, behave_live.bdd.steps\n"
        "loaded = sorted(n for n in sys.modules if n.partition('.')[0] == 'jsonschema')\n"
        "print(loaded)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert completed.stdout.strip() == "[]", "jsonschema is imported with the steps again"
