"""Scenario variables: lookup order, plain and JSON substitution, and the error messages."""

from __future__ import annotations

import json
from typing import Any

import pytest

from behave_live.errors import StepInputError
from behave_live.inputs.variables import Variables
from behave_live.secrets import REDACTED, SecretValues

USERDATA = {"app": "shop.api:create_app", "limit": "10"}


@pytest.fixture
def variables() -> Variables:
    return Variables(USERDATA)


# -- lookup -------------------------------------------------------------------------------


def test_a_saved_value_is_found(variables: Variables) -> None:
    variables.save("task_id", 42)
    assert variables["task_id"] == 42
    assert "task_id" in variables


def test_userdata_is_the_fallback(variables: Variables) -> None:
    assert variables["app"] == "shop.api:create_app"
    assert "app" in variables


def test_a_saved_value_hides_userdata_of_the_same_name(variables: Variables) -> None:
    variables.save("app", "mine")
    assert variables["app"] == "mine"
    assert variables.known_names() == ["app", "limit"]


def test_known_names_list_saved_values_first(variables: Variables) -> None:
    variables.save("token", "t")
    variables["id"] = 1  # item assignment saves too
    assert variables.known_names() == ["token", "id", "app", "limit"]


def test_no_userdata_at_all() -> None:
    assert Variables().known_names() == []
    assert Variables(None).substitute("plain") == "plain"


@pytest.mark.parametrize("name", ["1st", "my name", "", "a/b", "${x}", "env:HOME"])
def test_a_name_that_cannot_be_referred_to_is_refused(variables: Variables, name: str) -> None:
    with pytest.raises(StepInputError, match="cannot be a variable name"):
        variables.save(name, "value")


@pytest.mark.parametrize("name", ["id", "_id", "task_id", "task.id", "task-id", "T2"])
def test_valid_names_can_be_saved_and_used(variables: Variables, name: str) -> None:
    variables.save(name, "v")
    assert variables.substitute(f"<${{{name}}}>") == "<v>"


# -- unknown names --------------------------------------------------------------------------


def test_an_unknown_name_is_an_error_naming_it_and_the_known_ones(variables: Variables) -> None:
    variables.save("person_id", 7)
    with pytest.raises(StepInputError) as raised:
        variables.substitute("/tasks/${task_id}")
    message = str(raised.value)
    assert message.startswith(
        "Unknown variable ${task_id}. Known variables: person_id, app, limit."
    )
    assert '"$.id" as "task_id"' in message
    assert "-D task_id=..." in message
    assert "\\${task_id}" in message


def test_an_unknown_name_says_where_it_was_used(variables: Variables) -> None:
    with pytest.raises(StepInputError, match=r"Unknown variable \$\{x\} \(in the path\)\. "):
        variables.substitute("/${x}", "in the path")


def test_no_known_names_says_so() -> None:
    with pytest.raises(StepInputError, match="Known variables: none yet"):
        Variables().substitute("${anything}")


def test_getitem_of_an_unknown_name_raises_the_same_message(variables: Variables) -> None:
    with pytest.raises(StepInputError, match=r"Unknown variable \$\{nope\}\. Known variables"):
        variables["nope"]


def test_an_unknown_name_is_a_step_failure_not_an_error() -> None:
    # StepInputError is an AssertionError: behave shows the message, without a traceback.
    with pytest.raises(AssertionError):
        Variables().substitute("${x}")


# -- plain substitution ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("abc", "/items/abc"),
        (42, "/items/42"),
        (1.5, "/items/1.5"),
        (True, "/items/true"),
        (None, "/items/null"),
        ([1, "a"], '/items/[1, "a"]'),
        ({"a": 1}, '/items/{"a": 1}'),
        ("Ünïcødé", "/items/Ünïcødé"),
    ],
)
def test_values_are_inserted_as_text(variables: Variables, value: Any, expected: str) -> None:
    variables.save("v", value)
    assert variables.substitute("/items/${v}") == expected


def test_several_references_and_spaces_inside_the_braces(variables: Variables) -> None:
    variables.save("a", "x")
    variables.save("b", 2)
    assert variables.substitute("${a}-${ b }-${a}") == "x-2-x"


def test_text_without_references_is_unchanged(variables: Variables) -> None:
    for text in ["", "plain", "$ 5", "{braces}", "$name", "a $ {b}", "price: $10"]:
        assert variables.substitute(text) == text


def test_a_value_is_not_substituted_again(variables: Variables) -> None:
    # A saved value that looks like a reference is data, not a template.
    variables.save("a", "${b}")
    assert variables.substitute("${a}") == "${b}"


def test_a_backslash_keeps_a_reference_literal(variables: Variables) -> None:
    assert variables.substitute("cost: \\${amount}") == "cost: ${amount}"
    assert variables.substitute("\\${app} is ${app}") == "${app} is shop.api:create_app"


@pytest.mark.parametrize(
    "text",
    ["${user name}", "${1st}", "${", "${app", "${}", "${ }", "${env:}", "x ${a/b} y"],
)
def test_a_malformed_reference_is_an_error(variables: Variables, text: str) -> None:
    with pytest.raises(StepInputError, match="is not a variable reference"):
        variables.substitute(text, "in the doc-string")


def test_a_malformed_reference_message_quotes_it_and_says_where(variables: Variables) -> None:
    with pytest.raises(StepInputError) as raised:
        variables.substitute('{"name": "${user name}"}', "in the JSON doc-string")
    assert str(raised.value).startswith(
        "'${user name}' (in the JSON doc-string) is not a variable reference:"
    )
    assert "write \\${ instead of ${" in str(raised.value)


# -- environment variables ----------------------------------------------------------------


def test_an_environment_variable_is_read(
    variables: Variables, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BEHAVE_LIVE_TEST_TOKEN", "s3cret")
    assert variables.substitute("Bearer ${env:BEHAVE_LIVE_TEST_TOKEN}") == "Bearer s3cret"


def test_an_empty_environment_variable_is_allowed(
    variables: Variables, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BEHAVE_LIVE_EMPTY", "")
    assert variables.substitute("[${env:BEHAVE_LIVE_EMPTY}]") == "[]"


def test_an_unset_environment_variable_is_an_error(
    variables: Variables, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BEHAVE_LIVE_UNSET", raising=False)
    with pytest.raises(StepInputError) as raised:
        variables.substitute("${env:BEHAVE_LIVE_UNSET}", "in the header X-Token")
    assert str(raised.value) == (
        "The environment variable 'BEHAVE_LIVE_UNSET' used as ${env:BEHAVE_LIVE_UNSET} "
        "(in the header X-Token) is not set. Set it before running behave "
        "(export BEHAVE_LIVE_UNSET=...)."
    )


def test_env_is_not_looked_up_in_saved_values(
    variables: Variables, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME_DIR_TEST", "from-env")
    variables.save("HOME_DIR_TEST", "saved")
    assert variables.substitute("${env:HOME_DIR_TEST} ${HOME_DIR_TEST}") == "from-env saved"


# -- JSON substitution ----------------------------------------------------------------------


def test_json_keeps_numbers_numbers_outside_strings(variables: Variables) -> None:
    variables.save("id", 42)
    text = variables.substitute_json('{"id": ${id}, "label": "item ${id}"}')
    assert json.loads(text) == {"id": 42, "label": "item 42"}


def test_json_userdata_text_outside_strings_is_json_text(variables: Variables) -> None:
    # -D limit=10 arrives as the text "10": bare, it becomes the number 10.
    assert json.loads(variables.substitute_json('{"limit": ${limit}}')) == {"limit": 10}


def test_json_a_bare_string_that_is_not_json_goes_in_as_a_json_string(
    variables: Variables,
) -> None:
    variables.save("name", "behave-live demo")
    variables.save("quote", 'say "hi"')
    text = variables.substitute_json('{"id": ${name}, "q": ${quote}, "in": "${name}"}')
    assert text == '{"id": "behave-live demo", "q": "say \\"hi\\"", "in": "behave-live demo"}'


@pytest.mark.parametrize(
    ("value", "document"),
    [
        ("10", 10),
        ("-2.5e3", -2500.0),
        ("true", True),
        ("null", None),
        ('["a", 1]', ["a", 1]),
        ('"quoted"', "quoted"),
        ("NaN", "NaN"),  # Python's json reads NaN; JSON has no such value
        ("", ""),
        ("007", "007"),
    ],
)
def test_json_a_bare_string_that_is_json_text_stays_that_json(
    variables: Variables, value: str, document: object
) -> None:
    variables.save("v", value)
    assert json.loads(variables.substitute_json('{"v": ${v}}')) == {"v": document}


def test_json_escapes_strings_inside_strings(variables: Variables) -> None:
    variables.save("name", 'Ada "the Countess" \\ Lovelace\nof Ockham')
    text = variables.substitute_json('{"name": "${name}"}')
    assert json.loads(text) == {"name": 'Ada "the Countess" \\ Lovelace\nof Ockham'}


def test_json_inserts_documents_outside_strings(variables: Variables) -> None:
    variables.save("user", {"id": 1, "tags": ["a"]})
    variables.save("flag", False)
    variables.save("nothing", None)
    text = variables.substitute_json('{"owner": ${user}, "on": ${flag}, "x": ${nothing}}')
    assert json.loads(text) == {"owner": {"id": 1, "tags": ["a"]}, "on": False, "x": None}


def test_json_inserts_documents_inside_strings_as_escaped_text(variables: Variables) -> None:
    variables.save("user", {"id": 1})
    assert json.loads(variables.substitute_json('["${user}"]')) == ['{"id": 1}']


def test_json_string_detection_handles_escaped_quotes(variables: Variables) -> None:
    variables.save("q", 'say "hi"')
    # The \" inside the first string must not end it: ${q} is still inside a string.
    text = variables.substitute_json('{"a": "x\\" ${q}", "b": 1}')
    assert json.loads(text) == {"a": 'x" say "hi"', "b": 1}


def test_json_literal_reference_in_a_string(variables: Variables) -> None:
    assert json.loads(variables.substitute_json('{"t": "\\${app}"}')) == {"t": "${app}"}


def test_json_unknown_variable_says_where(variables: Variables) -> None:
    with pytest.raises(StepInputError, match=r"\(in the JSON file data/x\.json\)"):
        variables.substitute_json('{"a": "${missing}"}', "in the JSON file data/x.json")


def test_json_environment_values_are_escaped_inside_strings(
    variables: Variables, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BEHAVE_LIVE_QUOTED", 'a"b')
    text = variables.substitute_json('{"v": "${env:BEHAVE_LIVE_QUOTED}"}')
    assert json.loads(text) == {"v": 'a"b'}


# -- the scanner, in corners -------------------------------------------------------------------


def test_text_after_an_escaped_reference_that_follows_a_real_one_is_kept(
    variables: Variables,
) -> None:
    variables.save("a", "1")

    assert variables.substitute("${a} and \\${b} tail") == "1 and ${b} tail"
    assert variables.substitute("${a}\\${a}${a}!") == "1${a}1!"


def test_json_substitutions_after_an_empty_string_land_in_the_right_place(
    variables: Variables,
) -> None:
    variables.save("name", 'say "hi"')
    variables.save("n", 5)

    template = '{"empty": "", "name": "${name}", "n": ${n}, "also": "", "end": "${n}"}'

    assert json.loads(variables.substitute_json(template)) == {
        "empty": "",
        "name": 'say "hi"',
        "n": 5,
        "also": "",
        "end": "5",
    }


# -- secrets ---------------------------------------------------------------------------------


def test_an_env_value_with_a_secret_looking_name_is_registered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SHOP_API_TOKEN", "tok-from-env")
    monkeypatch.setenv("SHOP_REGION", "eu-west-1")
    secrets = SecretValues()
    variables = Variables(secrets=secrets)

    assert variables.substitute("${env:SHOP_API_TOKEN} ${env:SHOP_REGION}") == (
        "tok-from-env eu-west-1"
    )
    assert "tok-from-env" in secrets
    assert "eu-west-1" not in secrets


def test_a_value_saved_under_a_secret_looking_name_is_registered() -> None:
    variables = Variables()
    variables.save("token", "tok-saved-1")
    variables.save("task_id", "task-77777")

    assert "tok-saved-1" in variables.secrets
    assert "task-77777" not in variables.secrets


def test_userdata_with_a_secret_looking_name_is_registered() -> None:
    variables = Variables({"api_token": "tok-userdata", "team": "apollo-team"})

    assert "tok-userdata" in variables.secrets
    assert "apollo-team" not in variables.secrets


def test_any_variable_can_be_marked_secret() -> None:
    variables = Variables({"invite": "inv-424242"})
    variables.mark_secret("invite")

    assert variables.secrets.mask("code inv-424242") == f"code {REDACTED}"


def test_marking_an_unknown_variable_says_which_exist() -> None:
    with pytest.raises(StepInputError, match=r"Unknown variable \$\{nope\}.*Known variables: x"):
        Variables({"x": 1}).mark_secret("nope")


# -- pinned in full -------------------------------------------------------------------------


def test_a_name_that_cannot_be_referred_to_is_refused_with_the_rule_and_an_example(
    variables: Variables,
) -> None:
    with pytest.raises(StepInputError) as raised:
        variables.save("my name", "v")

    assert str(raised.value) == (
        "'my name' cannot be a variable name: use a letter or _ followed by letters, "
        "digits, _, . or - (for example task_id)."
    )


def test_item_assignment_saves_the_value(variables: Variables) -> None:
    variables["task_id"] = 42

    assert variables["task_id"] == 42


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "/tasks/${limt}",
            "Unknown variable ${limt}. Did you mean ${limit}? Known variables: app, limit. "
            'Save a value first (for example: And I save the JSON value at "$.id" as "limt"), '
            "define it in [tool.behave.userdata] or with -D limt=..., or write \\${limt} for "
            "the literal text.",
        ),
        (
            "${user name}",
            "'${user name}' is not a variable reference: write ${name} (a letter or _, then "
            "letters, digits, _, . or -) or ${env:NAME}, and close it with }. For the literal "
            "text write \\${ instead of ${.",
        ),
    ],
)
def test_a_reference_error_message_in_full(variables: Variables, text: str, message: str) -> None:
    with pytest.raises(StepInputError) as raised:
        variables.substitute(text)

    assert str(raised.value) == message


def test_the_closest_of_several_close_names_is_the_one_guessed(variables: Variables) -> None:
    variables.save("task_ids", 1)
    variables.save("task_id", 2)
    with pytest.raises(StepInputError, match=r"Did you mean \$\{task_id\}\? Known"):
        variables.substitute("${task_i}")


# A reference with a space in its name, its "}" at index 39 (within 40 characters) or at 40.
_CLOSED_IN_TIME = "${a " + "x" * 35 + "}"
_CLOSED_TOO_LATE = "${a " + "x" * 36 + "} tail"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("a} ${user name", "'${user name'"),  # a "}" before the reference closes nothing
        ("${oops", "'${oops'"),  # never closed: quoted to the end
        (_CLOSED_IN_TIME, repr(_CLOSED_IN_TIME)),
        (_CLOSED_TOO_LATE, repr(_CLOSED_TOO_LATE[:40])),
    ],
)
def test_a_malformed_reference_is_quoted_up_to_its_brace_or_forty_characters(
    variables: Variables, text: str, quoted: str
) -> None:
    with pytest.raises(StepInputError) as raised:
        variables.substitute(text)

    assert str(raised.value).startswith(f"{quoted} is not a variable reference")


def test_non_ascii_text_is_inserted_as_it_is_written(variables: Variables) -> None:
    variables.save("name", "José")
    variables.save("person", {"name": "José"})

    assert variables.substitute("${person}") == '{"name": "José"}'
    assert variables.substitute_json('{"a": "${name}", "b": ${name}}') == (
        '{"a": "José", "b": "José"}'
    )


def test_json_a_document_that_is_one_string_keeps_the_value_inside_it(
    variables: Variables,
) -> None:
    variables.save("name", "ada")

    assert variables.substitute_json('"${name}"') == '"ada"'


def test_json_an_escaped_quote_right_before_the_closing_one_ends_the_string(
    variables: Variables,
) -> None:
    variables.save("name", "ada")

    assert json.loads(variables.substitute_json('["\\"", "${name}"]')) == ['"', "ada"]


def test_json_an_unterminated_string_still_gets_its_value_escaped(variables: Variables) -> None:
    # Not JSON either way: the parser that reads the result names the missing quote.
    variables.save("q", 'say "hi"')

    assert variables.substitute_json('{"a": "${q}') == '{"a": "say \\"hi\\"'


def test_an_env_secret_is_remembered_for_the_scenarios_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SHOP_API_TOKEN", "tok-from-env")
    remembered = SecretValues()
    Variables(remembered=remembered).substitute("${env:SHOP_API_TOKEN}")

    later = Variables(remembered=remembered)  # a later scenario that never reads it

    assert later.secrets.mask("echo: Bearer tok-from-env") == f"echo: Bearer {REDACTED}"


def test_a_value_saved_as_secret_is_registered_whatever_its_name() -> None:
    variables = Variables()
    variables.save("t", "tok-from-a-secret-key", secret=True)
    variables.save("n", "not-a-secret-value")

    assert "tok-from-a-secret-key" in variables.secrets
    assert "not-a-secret-value" not in variables.secrets
