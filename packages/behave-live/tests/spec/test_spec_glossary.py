from __future__ import annotations

from pathlib import Path

import pytest

from behave_live.errors import SpecificationError
from behave_live.spec.glossary import GlossarySource, find_glossaries, github_slug

_GLOSSARY = """\
# Words of the board

The words the features use.

## Member

Someone who joined a team.

```
## not a term: inside a code block
```

## Opening a task

Reading it, and its *version*.
"""


def test_a_glossary_is_split_into_its_title_introduction_and_terms(tmp_path: Path) -> None:
    path = tmp_path / "glossary.md"
    path.write_text(_GLOSSARY)

    glossary = GlossarySource.read(path, "found beside the features")

    assert glossary.title == "Words of the board"
    assert glossary.intro == "The words the features use."
    assert [(term.name, term.slug) for term in glossary.terms] == [
        ("Member", "member"),
        ("Opening a task", "opening-a-task"),
    ]
    assert "## not a term" in glossary.terms[0].markdown
    assert glossary.terms[1].markdown == "Reading it, and its *version*."


def test_slugs_are_githubs() -> None:
    assert github_slug("Opening / saving") == "opening--saving"
    assert github_slug("Task's status") == "tasks-status"


def test_a_missing_glossary_names_the_file_the_setting_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(SpecificationError) as raised:
        GlossarySource.read(tmp_path / "nope.md", "spec_glossary in behave userdata")

    assert str(raised.value) == (
        f"The glossary {tmp_path / 'nope.md'} does not exist (spec_glossary in behave "
        "userdata). Write the path of a Markdown file with one '## Term' heading per word, "
        "relative to the directory behave runs in."
    )


def test_a_glossary_without_terms_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "glossary.md"
    path.write_text("# Glossary\n\nNothing yet.\n")

    with pytest.raises(SpecificationError, match="has no terms: write one '## Term' heading"):
        GlossarySource.read(path, "found beside the features")


def test_glossaries_are_found_beside_the_features_once_each(tmp_path: Path) -> None:
    (tmp_path / "board").mkdir()
    (tmp_path / "api").mkdir()
    (tmp_path / "board" / "glossary.md").write_text(_GLOSSARY)

    found = find_glossaries([tmp_path / "board", tmp_path / "api", tmp_path / "board"])

    assert found == [tmp_path / "board" / "glossary.md"]
