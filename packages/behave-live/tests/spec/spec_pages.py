"""Reading a specification page back in tests: its sections, their ids, classes and statuses."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Section", "sections"]

_SECTIONS = {"section", "article"}


@dataclass(frozen=True)
class Section:
    """A section (capability, rule, glossary) or article (example) of the page."""

    id: str
    kind: str
    status: str
    #: The ids of the sections it sits in, outermost first.
    inside: tuple[str, ...]


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[Section] = []
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SECTIONS:
            return
        values = dict(attrs)
        ident = values.get("id")
        if ident:
            kind = (values.get("class") or "").split()[0] if values.get("class") else tag
            inside = tuple(name for name in self._open if name)
            self.found.append(Section(ident, kind, values.get("data-status") or "", inside))
        self._open.append(ident)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SECTIONS and self._open:
            self._open.pop()


def sections(page: str) -> dict[str, Section]:
    """Every section and article of ``page`` that has an id, by id."""
    outline = _Outline()
    outline.feed(page)
    return {section.id: section for section in outline.found}
