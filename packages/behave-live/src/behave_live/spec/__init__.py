"""The specification view: the features and their latest run as one HTML page for readers.

``behave -f behave_live.spec:SpecificationFormatter -o specification.html`` (or ``-f spec``
with the formatter registered in ``[tool.behave.formatters]``). Needs the ``spec`` extra
(Jinja2, markdown-it-py).

- :mod:`.model` what the page shows, as plain data
- :mod:`.gather` behave's model after the run -> :mod:`.model`
- :mod:`.evidence` the attachments steps made, by step
- :mod:`.glossary`, :mod:`.markdown` glossaries and Markdown, links into the page
- :mod:`.render` the page: Jinja2, inline style and script
- :mod:`.formatter` the behave formatter
"""

from __future__ import annotations

from behave_live.spec.formatter import SpecificationFormatter

__all__ = ["SpecificationFormatter"]
