"""Safe arithmetic on numbers and variables: what it computes, and everything it refuses."""

from __future__ import annotations

import pytest

from behave_live.errors import MismatchError, StepInputError
from behave_live.inputs.arithmetic import compute
from behave_live.inputs.variable_checks import assert_variable
from behave_live.inputs.variables import Variables


@pytest.fixture
def variables() -> Variables:
    saved = Variables({"limit": 50})
    for name, value in {"quota": 10, "used": 3, "name": "Ada", "count": "3", "a.b-c": 2}.items():
        saved.save(name, value)
    return saved


@pytest.mark.parametrize(
    ("expression", "result"),
    [
        ("${quota} - ${used}", 7),
        ("(${quota} + 1) * 2", 22),
        ("${quota} - ${used} - ${used}", 4),
        ("-${used} + +1", -2),
        ("6 / 2", 3),
        ("7 / 2", 3.5),
        ("1.5 * 2", 3.0),
        ("${a.b-c} * ${limit}", 100),
        ("1e3 + 0.5", 1000.5),
    ],
)
def test_arithmetic_is_computed(variables: Variables, expression: str, result: float) -> None:
    computed = compute(expression, variables)

    assert computed == result
    assert type(computed) is type(result)  # an exact division of whole numbers stays whole


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("2 ** 3", "'2 ** 3' is not allowed in arithmetic: use numbers, ${name} references"),
        ("1 + (${quota} % 3)", "'${quota} % 3' in '1 + (${quota} % 3)' is not allowed"),
        ("__import__('os').system('x')", "is not allowed in arithmetic"),
        ("quota - 1", "'quota' in 'quota - 1' is not allowed"),
        ("True + 1", "'True' in 'True + 1' is not allowed"),
        ("'a' * 3", "is not allowed"),
        ("_var_0 + 1", "is not an arithmetic expression"),
        ("1 +", "'1 +' is not an arithmetic expression"),
        ("$quota - 1", "has a '$' that does not start a ${name} reference"),
        ("1 / (${used} - 3)", "divides by zero"),
        ("1" + " + 1" * 200, "characters long: keep it under 500"),
    ],
)
def test_anything_but_arithmetic_is_refused(
    variables: Variables, expression: str, message: str
) -> None:
    with pytest.raises(StepInputError) as raised:
        compute(expression, variables)
    assert message in str(raised.value)


def test_a_variable_holding_text_is_not_a_number(variables: Variables) -> None:
    with pytest.raises(StepInputError) as raised:
        compute("10 - ${count}", variables)
    assert str(raised.value) == (
        "${count} in '10 - ${count}' is a string (\"3\"), not a number: arithmetic works on "
        "numbers only. Save the value from a JSON number, or set it as a number with: Given "
        'the variable "count" is 3'
    )


def test_an_unknown_variable_suggests_the_closest_name(variables: Variables) -> None:
    with pytest.raises(StepInputError, match=r"Unknown variable \$\{qouta\}\. Did you mean "):
        compute("${qouta} - 1", variables)


def test_an_unknown_variable_without_a_close_name_lists_them_all(variables: Variables) -> None:
    with pytest.raises(StepInputError) as raised:
        variables.substitute("/tasks/${zzz}")
    assert "Did you mean" not in str(raised.value)
    assert "Known variables: quota, used, name, count, a.b-c, limit." in str(raised.value)


def test_a_variable_is_checked_with_the_matching_engine(variables: Variables) -> None:
    variables.save("order", {"items": [{"price": 5}], "id": 7})
    assert_variable(variables, "quota", 10)
    assert_variable(variables, "quota", 10.0)
    assert_variable(variables, "order", {"items": "#[1]", "id": "#? > 0"})

    with pytest.raises(MismatchError) as raised:
        assert_variable(variables, "count", 3)
    assert (
        str(raised.value) == 'The variable ${count}: expected 3, got "3" (a string, not a number).'
    )

    with pytest.raises(MismatchError) as raised:
        assert_variable(variables, "order", {"items": [{"price": 4}], "id": 8})
    assert str(raised.value) == (
        "The variable ${order} is not the expected JSON.\n2 mismatches:\n"
        "  ${order}.items[0].price: expected 4, got 5\n  ${order}.id: expected 8, got 7"
    )


def test_checking_an_unknown_variable_suggests_one(variables: Variables) -> None:
    with pytest.raises(StepInputError, match=r"Did you mean \$\{quota\}\?"):
        assert_variable(variables, "quotta", 10)
