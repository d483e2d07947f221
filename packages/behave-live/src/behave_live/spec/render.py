"""The page itself: the specification rendered with Jinja2 into one self-contained HTML file.

Autoescaping is on, so every text from the features and the run (step text, errors,
exchanges) is escaped; only the Markdown fragments, already safe (:mod:`.markdown`), are
inserted as HTML. The style sheet and the script are inlined: the file opens from the file
system, offline, and can be mailed around.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from behave_live.spec.model import Specification, Status

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

__all__ = ["render_page"]

_PLACEHOLDER = re.compile(r"&lt;([^&<>]+?)&gt;")
# Values written in quotes in a step ('Renew the certificate', "doing"), once escaped.
_QUOTED = re.compile(r"&#39;(.*?)&#39;|&#34;(.*?)&#34;")

_STATUS_WORDS: dict[Status, str] = {
    "passed": "Works",
    "failed": "Broken",
    "not-run": "Not run",
}


def _step_text(text: str) -> Markup:
    """Step text, escaped, with quoted values and outline placeholders set apart."""
    from markupsafe import Markup, escape  # noqa: PLC0415 (the spec extra)

    shown = str(escape(text))
    shown = _PLACEHOLDER.sub(r'<span class="placeholder">&lt;\1&gt;</span>', shown)
    shown = _QUOTED.sub(
        lambda found: f'<span class="value">{found.group(0)}</span>',
        shown,
    )
    return Markup(shown)  # built from escaped text only


def _when(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y} at {moment:%H:%M} {moment.tzname() or ''}".strip()


def _environment() -> Environment:
    # Imported here, like MarkupSafe above: the formatter names a missing extra itself.
    from jinja2 import Environment, PackageLoader, select_autoescape  # noqa: PLC0415 (the spec extra)

    environment = Environment(
        loader=PackageLoader("behave_live.spec", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["step_text"] = _step_text
    environment.globals["status_words"] = _STATUS_WORDS
    return environment


def render_page(specification: Specification) -> str:
    """The HTML of the whole page."""
    template = _environment().get_template("specification.html.j2")
    return template.render(
        spec=specification,
        ran_at=_when(specification.ran_at),
        readers=specification.counts(specification.for_readers),
        developers=specification.counts(specification.for_developers),
    )
