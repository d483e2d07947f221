"""Values quoted in assertion summaries: credentials hidden, everything else shown as it is."""

from __future__ import annotations

from behave_live.http.shown_values import redact_mismatches, shown_json
from behave_live.matching import Mismatch
from behave_live.secrets import REDACTED


def test_a_long_value_is_cut_to_eighty_characters_by_default() -> None:
    shown = shown_json("$.note", "x" * 200)

    assert len(shown) == 80
    assert shown.endswith("…")


def test_a_value_is_cut_to_the_limit_asked_for() -> None:
    assert shown_json("$.note", "x" * 200, limit=10) == '"xxxxxxxx…'


def test_a_value_under_a_secret_path_is_hidden_and_its_reason_dropped() -> None:
    mismatch = Mismatch("$.token", '"expected-tok"', '"actual-tok"', "'actual-tok' is too short")

    assert redact_mismatches([mismatch]) == [Mismatch("$.token", '"expected-tok"', REDACTED, "")]


def test_a_missing_value_under_a_secret_path_is_still_shown_as_missing() -> None:
    mismatch = Mismatch("$.password", '"pw"', "<missing>")

    assert redact_mismatches([mismatch]) == [mismatch]


def test_secrets_nested_in_a_rendering_are_hidden_in_expected_actual_and_reason() -> None:
    nested = '{"name":"ada","password":"pw"}'
    hidden = f'{{"name":"ada","password":"{REDACTED}"}}'
    mismatch = Mismatch("$.user", nested, nested, f"not one of [{nested}]")

    assert redact_mismatches([mismatch]) == [
        Mismatch("$.user", hidden, hidden, f"not one of [{hidden}]")
    ]


def test_a_reason_without_secrets_is_kept() -> None:
    mismatch = Mismatch("$.name", '"ada"', '"bob"', "differs")

    assert redact_mismatches([mismatch]) == [mismatch]
