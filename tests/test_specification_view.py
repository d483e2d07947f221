"""The specification view of the board, as readers get it: generated, then opened in Chromium.

The page is written by the one documented command (``-f spec``) for ``features/board``;
Chromium renders it and every feature, rule and example of the board must be in the
rendered page. The screenshot in the README comes from here:
``BEHAVE_LIVE_WRITE_SCREENSHOTS=1 uv run pytest tests/test_specification_view.py``
writes ``docs/specification.png``.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path

import pytest
from behave.parser import parse_file

from tests.behave_runs import ROOT, run_behave
from tests.chromium import Chromium, find_chromium

BOARD = ROOT / "features" / "board"
SCREENSHOT = ROOT / "docs" / "specification.png"
_PNG = b"\x89PNG\r\n\x1a\n"


def _board() -> list[object]:
    """The board's features, read with behave's own parser."""
    return [parse_file(str(path)) for path in sorted(BOARD.glob("*.feature"))]


def _names() -> tuple[list[str], list[str], list[str]]:
    """Every feature, rule and scenario (or outline) name of the board."""
    features = _board()
    rules = [rule.name for feature in features for rule in feature.rules]  # type: ignore[attr-defined]
    scenarios = [
        scenario.name
        for feature in features
        for container in [feature, *feature.rules]  # type: ignore[attr-defined]
        for scenario in container.scenarios
    ]
    return [feature.name for feature in features], rules, scenarios  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The specification of the board, written by the README's command."""
    path = tmp_path_factory.mktemp("specification") / "specification.html"
    run = run_behave("features/board", "-f", "spec", "-o", str(path))
    assert not run.failed, run.output
    return path


def _text(markup: str) -> str:
    """The text of an HTML document (tags dropped, entities decoded, spaces collapsed)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_the_page_holds_every_capability_rule_and_example_of_the_board(page: Path) -> None:
    markup = page.read_text(encoding="utf-8")
    text = _text(markup)
    features, rules, scenarios = _names()

    missing = [name for name in [*features, *rules, *scenarios] if name not in text]
    assert not missing, f"not in the specification: {missing}"
    assert "-- @" not in text  # outlines are shown once, with their Examples tables
    assert "more characters not shown" not in text
    assert 'id="for-developers"' not in markup  # only the board was asked for
    # People and teams as the features name them: "Alice", never a run's "Alice-dce102be".
    assert re.findall(r"\b[A-Z][a-z]+-[0-9a-f]{6,}\b", html.unescape(markup)) == []


def test_a_glossary_beside_the_board_is_in_the_table_of_contents(page: Path) -> None:
    if not (BOARD / "glossary.md").exists():
        pytest.skip("features/board/glossary.md does not exist (yet)")
    markup = page.read_text(encoding="utf-8")
    contents = markup.split('<nav class="toc"')[1].split("</nav>")[0]

    assert 'href="#glossary"' in contents
    assert 'class="warning"' not in markup  # no link to a word the glossary lacks


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Chromium:
    binary = find_chromium()
    if binary is None:
        pytest.skip(
            "no Chromium found (looked for chromium, chromium-browser, google-chrome and "
            "$CHROMIUM): install it (apt-get install chromium) to check the page in a browser"
        )
    return Chromium(binary, tmp_path_factory.mktemp("chromium-profile"))


def test_chromium_renders_every_board_rule_and_saves_a_screenshot(
    page: Path, chromium: Chromium, tmp_path: Path
) -> None:
    dom = chromium.dom(page.as_uri())
    features, rules, scenarios = _names()

    assert 'class="scripted"' in dom, "the page's script did not run in Chromium"
    text = _text(dom)
    missing = [name for name in [*features, *rules, *scenarios] if name not in text]
    assert not missing, f"not in the page Chromium rendered: {missing}"

    shot = tmp_path / "specification.png"
    chromium.screenshot(page.as_uri(), shot, 1400, 1000)
    assert shot.read_bytes().startswith(_PNG)
    assert shot.stat().st_size > 20_000  # a page, not a blank window
    if os.environ.get("BEHAVE_LIVE_WRITE_SCREENSHOTS") == "1":
        shutil.copyfile(shot, SCREENSHOT)


def test_a_search_in_the_address_hides_the_examples_that_do_not_match(
    page: Path, chromium: Chromium
) -> None:
    _, _, scenarios = _names()
    wanted = scenarios[0]

    dom = chromium.dom(f"{page.as_uri()}?q={wanted.replace(' ', '+')}")

    examples = re.findall(r'<article class="example[^"]*"[^>]*>', dom)
    shown = [tag for tag in examples if " hidden" not in tag]
    assert examples, "no example in the page Chromium rendered"
    assert shown, "no example left visible by the search"
    assert len(shown) < len(examples), "the search hid nothing"
