"""A contract violation in pytest: the test's line and the message, no frames of the kit.

The request path (``HttpSession``), the plugin's listener and the check set
``__tracebackhide__``, so pytest's traceback starts and ends in the user's test.
"""

from __future__ import annotations

import pytest

_APP = """
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def task(request):
    return JSONResponse({"detail": "Not Found"}, status_code=404)


app = Starlette(routes=[Route("/tasks/1", task)])
"""

_DOCUMENT = """\
openapi: 3.1.0
info: {title: tasks, version: "1"}
paths:
  /tasks/1:
    get:
      responses:
        "200": {description: The task.}
"""

_TEST = """
def test_reading_a_task(http):
    http.get("/tasks/1")  # the user's line


def test_posting_a_task(http):
    http.request("GET", "/tasks/1")
"""


def test_the_traceback_shows_the_test_and_the_message_only(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(tasks_app=_APP, test_tasks=_TEST)
    pytester.path.joinpath("openapi.yaml").write_text(_DOCUMENT)
    pytester.makeini(
        "[pytest]\nbehave_live_app = tasks_app:app\nbehave_live_openapi = openapi.yaml\n"
        "behave_live_lifespan = off\n"
    )
    pytester.syspathinsert()

    # --tb=long: every frame pytest does not hide is shown, whatever its default chooses.
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--tb=long")

    result.assert_outcomes(failed=2)
    output = result.stdout.str()
    assert 'http.get("/tasks/1")  # the user\'s line' in output
    assert 'http.request("GET", "/tasks/1")' in output
    assert "response status: expected a documented status (200), got 404" in output
    kit_frames = [
        line
        for line in output.splitlines()
        if any(
            name in line for name in ("http/session.py", "pytest_plugin.py", "contract/check.py")
        )
    ]
    assert kit_frames == []
