"""The kit's README says what ``behave-live init`` writes into environment.py, as it writes it."""

from __future__ import annotations

import re
from pathlib import Path

from behave_live.scaffold.templates import ENVIRONMENT_PY

KIT_README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_shows_the_hooks_init_writes() -> None:
    (import_line,) = [line for line in ENVIRONMENT_PY.splitlines() if line.startswith("from ")]
    readme = KIT_README.read_text(encoding="utf-8")
    assert f"`{import_line}`" in " ".join(readme.split()), import_line
    # Not described as something to add by hand: init already writes it.
    assert not re.search(r"may also take `after_all`", readme)
