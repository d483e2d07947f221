"""Steps about a response body as bytes: downloads, sizes, files.

Files are named relative to the features directory. A binary body is never dumped in a
failure: it is shown as its size, type, SHA-256 and first bytes in hex.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import step, then
from behave_live.http.byte_assertions import assert_body_is_file, assert_body_size
from behave_live.inputs.feature_files import FeatureFiles

register_type(**STEP_TYPES)


@then("the response body should be {size:d} bytes long")
def step_the_response_body_should_be_bytes_long(context: Any, size: int) -> None:
    """Check the size of the last response's body, in bytes.

    Example:
        Then the response body should be 1024 bytes long
    """
    assert_body_size(context.http.last_exchange, size)


@then('the response body should be the file "{name:Unquoted}"')
def step_the_response_body_should_be_the_file(context: Any, name: str) -> None:
    """Check that the last response's body is, byte for byte, a file under the features dir.

    On a mismatch the failure names both sizes and the first byte that differs.

    Example:
        Then the response body should be the file "data/report.pdf"
    """
    files = _feature_files(context)
    relative = context.variables.substitute(name)
    expected = files.read_bytes(relative, "expected file")
    assert_body_is_file(context.http.last_exchange, expected, files.path(relative))


@step('I save the response body to the file "{name:Unquoted}"')
def step_i_save_the_response_body_to_the_file(context: Any, name: str) -> None:
    """Write the last response's body, byte for byte, to a file under the features directory.

    Missing directories are created; a path leading outside the features directory is
    refused.

    Example:
        Given I send a GET request to "/downloads/report.pdf"
        When I save the response body to the file "downloads/report.pdf"
        Then the response body should be the file "downloads/report.pdf"
    """
    files = _feature_files(context)
    relative = context.variables.substitute(name)
    files.write_bytes(relative, context.http.last_response.content, "file to save")


def _feature_files(context: Any) -> FeatureFiles:
    return FeatureFiles.locate(context.config.base_dir, context.config.userdata.get("features_dir"))
