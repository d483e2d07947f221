"""The specification view in real behave runs: one page, organised by capability and rule."""

from __future__ import annotations

import html
import secrets
import textwrap
from pathlib import Path

import pytest
from conftest import BehaveProject
from spec_pages import sections

_APP = """
from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route


async def long(request):
    return PlainTextResponse("x" * 5000 + "THE-END")


async def me(request):
    # Echoes the credentials: the page must hide them all the same.
    return JSONResponse({"name": "Bob", "sent": request.headers.get("authorization", "")})


app = Starlette(routes=[Route("/long", long), Route("/me", me)])
"""

_READERS_FEATURE = """\
Feature: Keeping <b>tasks</b>
  As a [member](glossary.md#member) of a team
  I want to see my tasks
  <script>alert("no")</script>

  Background:
    Given I am authenticated with the bearer token "${token}"

  Rule: A member hears what the board answers
    A rule may explain itself in [words](glossary.md).

    Scenario: Bob asks for a long list
      When I send a GET request to "/long"
      Then Bob should be told "all is <well>"

    Scenario: Something that breaks
      When I send a GET request to "/me"
      Then the response status should be 418

    @later
    Scenario: Not yet done
      When I send a GET request to "/me"
      Then the response status should be 200

  Rule: Outlines are shown once
    Scenario Outline: Asking for a page
      When I send a GET request to "<path>"
      Then the response status should be <status>

      Examples:
        | path  | status |
        | /me   | 200    |
        | /gone | 200    |
"""

_DEVELOPERS_FEATURE = """\
Feature: Plain HTTP
  Scenario: The service answers
    When I send a GET request to "/me"
    Then the response status should be 200
"""

_GLOSSARY = """\
# Words of the board

## Member

Someone who joined a team; they hold a [token](#token).

## Token

What proves who you are.
"""

_DOMAIN_STEPS = """
from behave import then


@then('Bob should be told "{words}"')
def step_bob_should_be_told(context, words):
    context.live.report.attach_summary(f'Bob was told: "{words}"')
"""

_TOKEN = secrets.token_urlsafe(16)


def _project(root: Path) -> BehaveProject:
    """A project with a feature for readers, one for developers and a glossary."""
    for folder in ("board", "api", "steps"):
        (root / "features" / folder).mkdir(parents=True)
    (root / "features" / "environment.py").write_text(
        "from behave_live.bdd.hooks import before_all, before_scenario, before_tag  # noqa\n"
    )
    (root / "pyproject.toml").write_text(
        '[tool.behave.formatters]\nspec = "behave_live.spec:SpecificationFormatter"\n'
    )
    (root / "spec_app.py").write_text(_APP)
    project = BehaveProject(root)
    project.steps("from behave_live.bdd.steps import *  # noqa: F403\n")
    project.feature("board/tasks.feature", _READERS_FEATURE)
    project.feature("board/glossary.md", _GLOSSARY)
    project.feature("api/plain.feature", _DEVELOPERS_FEATURE)
    (root / "features" / "steps" / "domain_steps.py").write_text(textwrap.dedent(_DOMAIN_STEPS))
    return project


@pytest.fixture
def project(tmp_path: Path) -> BehaveProject:
    return _project(tmp_path)


def _page(project: BehaveProject, *settings: str) -> tuple[str, str]:
    defines = ["-D", "app=spec_app:app", "-D", f"token={_TOKEN}"]
    for setting in settings:
        defines += ["-D", setting]
    run = project.run(*defines, "--tags=not @later", "-f", "spec", "-o", "spec.html")
    assert run.returncode == 1, run.output  # one scenario and one outline row fail on purpose
    return (project.root / "spec.html").read_text(encoding="utf-8"), run.output


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One run's page, shared: every test below only reads it."""
    project = _project(tmp_path_factory.mktemp("spec"))
    return _page(project, "spec_for_readers=features/board", "spec_title=Board rules")[0]


def test_the_page_is_organised_by_capability_rule_and_example(page: str) -> None:
    found = sections(page)

    capability, developers = found["keeping-b-tasks-b"], found["plain-http"]
    assert capability.kind == "capability"
    assert found["a-member-hears-what-the-board-answers"].inside == ("keeping-b-tasks-b",)
    assert found["example-bob-asks-for-a-long-list"].inside == (
        "keeping-b-tasks-b",
        "a-member-hears-what-the-board-answers",
    )
    assert developers.inside == ("for-developers",)
    assert found["glossary"].kind == "glossary"
    assert "<title>Board rules</title>" in page
    assert "Checked against the running service on" in page


def test_examples_rules_and_features_show_their_status(page: str) -> None:
    found = sections(page)

    assert found["example-bob-asks-for-a-long-list"].status == "passed"
    assert found["example-something-that-breaks"].status == "failed"
    assert found["example-not-yet-done"].status == "not-run"
    assert found["a-member-hears-what-the-board-answers"].status == "failed"
    assert found["keeping-b-tasks-b"].status == "failed"
    assert found["plain-http"].status == "passed"
    failure = html.unescape(page).split('id="example-something-that-breaks"')[1]
    assert "Why it failed" in failure
    assert "Response status: expected 418, got 200." in failure.split("</article>")[0]


def test_an_outline_is_shown_once_with_its_rows_outcomes(page: str) -> None:
    found = sections(page)

    assert found["example-asking-for-a-page"].status == "failed"
    assert "-- @" not in page
    assert page.count('class="placeholder">&lt;path&gt;') == 1
    rows = page.split('<tr class="')[1:]
    assert [row.split('"')[0] for row in rows] == ["passed", "failed"]
    assert "/gone" in rows[1]
    assert "404 Not Found" in html.unescape(rows[1])  # the failing row's own evidence


def test_a_then_shows_what_the_person_was_told_and_the_exchange_in_full(page: str) -> None:
    text = html.unescape(page)

    assert '<blockquote class="told">Bob was told: &#34;all is &lt;well&gt;&#34;</blockquote>' in (
        page
    )
    assert "x" * 5000 + "THE-END" in text
    assert "more characters not shown" not in text
    assert '<details class="raw">' in page


def test_text_from_the_features_is_escaped_and_markdown_links_reach_the_glossary(
    page: str,
) -> None:
    assert "<b>tasks</b>" not in page
    assert "Keeping &lt;b&gt;tasks&lt;/b&gt;" in page
    assert "<script>alert" not in page
    assert 'As a <a href="#glossary-member">member</a> of a team<br />\nI want' in page
    assert '<a href="#glossary-member">member</a>' in page
    assert '<a href="#glossary">words</a>' in page
    assert '<a href="#glossary-token">token</a>' in page
    assert 'href="#glossary-token">Token</a>' in page  # the table of contents


def test_secrets_never_reach_the_page(page: str) -> None:
    assert _TOKEN not in page
    assert _TOKEN not in html.unescape(page)
    assert "Authorization: &lt;redacted&gt;" in page


def test_a_missing_glossary_stops_the_run_with_one_clear_sentence(
    project: BehaveProject,
) -> None:
    formatter = "behave_live.spec:SpecificationFormatter"
    run = project.run("-D", "spec_glossary=features/words.md", "-f", formatter, "-o", "spec.html")

    assert run.returncode != 0
    assert (
        "Specification view (-f spec): The glossary features/words.md does not exist "
        "(spec_glossary in behave userdata (from -D or [tool.behave.userdata]))."
    ) in run.output
    assert "Traceback" not in run.output
    assert not (project.root / "spec.html").exists()


def test_readers_naming_a_missing_folder_stop_the_run(project: BehaveProject) -> None:
    formatter = "behave_live.spec:SpecificationFormatter"
    run = project.run("-D", "spec_for_readers=features/bord", "-f", formatter, "-o", "spec.html")

    assert run.returncode != 0
    assert "spec_for_readers names features/bord, which does not exist" in run.output
    assert "Traceback" not in run.output


def test_without_readers_chosen_all_is_for_readers_and_a_bad_link_is_said(
    project: BehaveProject,
) -> None:
    feature = project.root / "features" / "board" / "tasks.feature"
    feature.write_text(feature.read_text().replace("glossary.md#member", "glossary.md#membr"))

    page, output = _page(project)

    assert 'id="for-developers"' not in page
    assert sections(page)["plain-http"].inside == ()
    assert "links to &#39;glossary.md#membr&#39;, but features/board/glossary.md" in page
    assert "Specification view: features/board/tasks.feature links to 'glossary.md#membr'" in (
        output
    )
