"""Markdown to HTML for the page: feature descriptions and glossary definitions.

markdown-it-py renders CommonMark with raw HTML switched off (a ``<script>`` in a feature's
description is shown as text). Links to a glossary file (``[token](glossary.md#token)``, as
GitHub follows them) are pointed at the glossary's section of the page instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["LinkTargets", "MarkdownRenderer"]


class LinkTargets:
    """Where links to glossary files point in the page; links to missing words are noted."""

    def __init__(self) -> None:
        self._glossaries: dict[Path, tuple[str, dict[str, str], str]] = {}
        #: A sentence per link to a word that no glossary defines.
        self.warnings: list[str] = []

    def add_glossary(self, path: Path, anchor: str, terms: dict[str, str]) -> None:
        """Point links to ``path`` at ``anchor``, and to ``path#slug`` at ``terms[slug]``."""
        self._glossaries[path.resolve()] = (anchor, terms, str(path))

    def rewrite(self, href: str, source: Path) -> str:
        """The href a link written in ``source`` gets in the page (unchanged if not a glossary).

        A fragment alone (``#status``) refers to ``source`` itself: a glossary linking to
        its own words.
        """
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        target = (source.parent / unquote(parts.path)).resolve() if parts.path else source.resolve()
        glossary = self._glossaries.get(target)
        if glossary is None:
            return href
        anchor, terms, shown = glossary
        if not parts.fragment:
            return f"#{anchor}"
        slug = unquote(parts.fragment).lower()
        if slug in terms:
            return f"#{terms[slug]}"
        self.warnings.append(
            f"{source} links to '{href}', but {shown} has no '## ' heading with that anchor; "
            f"its words are: {', '.join(sorted(terms)) or '(none)'}. Fix the link or add the word."
        )
        return f"#{anchor}"


class MarkdownRenderer:
    """Render Markdown as safe HTML, with links to glossaries pointed into the page."""

    def __init__(self, targets: LinkTargets) -> None:
        # Imported here: the formatter names the missing extra instead of an ImportError.
        from markdown_it import MarkdownIt  # noqa: PLC0415 (the spec extra)

        # Soft line breaks stay soft: glossaries and descriptions are hard-wrapped prose.
        self._markdown: MarkdownIt = MarkdownIt("commonmark", {"html": False}).enable("table")
        self._targets = targets

    def render(self, text: str, *, source: Path) -> str:
        """The HTML of ``text``, written in the file ``source`` (relative links start there)."""
        env: dict[str, object] = {}
        tokens = self._markdown.parse(text, env)
        for token in tokens:
            for child in token.children or []:
                href = child.attrGet("href") if child.type == "link_open" else None
                if isinstance(href, str):
                    child.attrSet("href", self._targets.rewrite(href, source))
        html: str = self._markdown.renderer.render(tokens, self._markdown.options, env)
        return html
