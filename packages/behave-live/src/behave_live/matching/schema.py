"""JSON Schema validation via ``jsonschema``, reporting every error as a :class:`Mismatch`.

``jsonschema`` is imported on the first validation, not with the kit: it is the largest
import of the steps (~45 ms), and most runs check no schema.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from behave_live.errors import StepInputError
from behave_live.matching._formats import is_datetime
from behave_live.matching._paths import location_path
from behave_live.matching.describe import describe
from behave_live.matching.mismatch import Mismatch

if TYPE_CHECKING:
    import jsonschema
    from jsonschema.protocols import Validator

__all__ = ["validate_schema"]


def validate_schema(instance: Any, schema: Any) -> list[Mismatch]:
    """Return one mismatch per JSON Schema error in ``instance``, sorted by path.

    The validator follows the schema's ``$schema`` (Draft 2020-12 when absent) and checks
    ``format``. Each mismatch reads like
    ``$.age: expected minimum 0, got -1 (-1 is less than the minimum of 0)``.
    Raises :class:`StepInputError` when the schema itself is invalid.
    """
    validator = _validator(schema)
    errors = sorted(
        validator.iter_errors(instance),
        # Keys are tagged by type so int indexes and str keys never get compared.
        key=lambda error: (
            [(isinstance(part, str), str(part)) for part in error.absolute_path],
            str(error.validator),
            error.message,
        ),
    )
    return [
        Mismatch(
            location_path(error.absolute_path),
            f"{error.validator} {describe(error.validator_value, limit=60)}",
            describe(error.instance),
            error.message,
        )
        for error in errors
    ]


def _validator(schema: Any) -> Validator:
    import jsonschema  # noqa: PLC0415 (imported when a schema is checked: see the docstring)
    from jsonschema.validators import validator_for  # noqa: PLC0415

    if not isinstance(schema, (dict, bool)):
        raise StepInputError(
            f"A JSON Schema must be an object or a boolean, got {describe(schema)}."
        )
    cls = validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        # Typed as dict-only by types-jsonschema, but boolean schemas are valid JSON Schema.
        cls.check_schema(schema)  # type: ignore[arg-type]
    except jsonschema.SchemaError as error:
        where = location_path(error.absolute_path)
        raise StepInputError(
            f"The JSON Schema is invalid at {where}: {error.message}. Fix the schema; it is "
            f"checked against {cls.__name__}'s metaschema (set $schema to choose a draft)."
        ) from None
    return cls(schema, format_checker=_format_checker(cls))


@cache
def _format_checker(cls: type[Validator]) -> jsonschema.FormatChecker:
    # Cached per draft; built by an undecorated function, which mutation testing reaches.
    return _new_format_checker(cls)


def _new_format_checker(cls: type[Validator]) -> jsonschema.FormatChecker:
    import jsonschema  # noqa: PLC0415 (see _validator)

    # A copy: registering a format on the draft's shared checker would leak into every user.
    checker = jsonschema.FormatChecker()
    checker.checkers = dict(cls.FORMAT_CHECKER.checkers)
    # jsonschema only checks "date-time" when the optional rfc3339-validator is installed,
    # and silently passes otherwise; the kit's own RFC 3339 check closes that gap, and is
    # used either way so that a schema means the same with or without that package.
    checker.checks("date-time")(lambda value: not isinstance(value, str) or is_datetime(value))
    return checker
