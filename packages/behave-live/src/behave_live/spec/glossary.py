"""Glossaries: Markdown files with one ``## Term`` heading per word, read into terms.

A glossary is written for people browsing the repository too (GitHub shows it, and links
like ``glossary.md#token`` land on the word), so it is plain Markdown: an optional ``#``
title and introduction, then a second-level heading per term followed by its definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from behave_live.errors import SpecificationError

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["GLOSSARY_FILE", "GlossarySource", "TermSource", "find_glossaries", "github_slug"]

#: The file name looked for beside the features that ran.
GLOSSARY_FILE: Final = "glossary.md"

_NOT_IN_SLUG = re.compile(r"[^\w\- ]", re.UNICODE)


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to dashes."""
    return _NOT_IN_SLUG.sub("", heading.strip().lower()).replace(" ", "-")


@dataclass(frozen=True)
class TermSource:
    """One term as written: its heading, the heading's slug, and its Markdown definition."""

    name: str
    slug: str
    markdown: str


@dataclass(frozen=True)
class GlossarySource:
    """A glossary file, split into its title, introduction and terms (Markdown still)."""

    path: Path
    title: str
    intro: str
    terms: list[TermSource]

    @classmethod
    def read(cls, path: Path, setting: str) -> GlossarySource:
        """Read ``path``; a missing file or one without terms is a :class:`SpecificationError`.

        ``setting`` says, in the error, where the path came from.
        """
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise SpecificationError(
                f"The glossary {path} does not exist ({setting}). Write the path of a "
                f"Markdown file with one '## Term' heading per word, relative to the "
                f"directory behave runs in."
            ) from None
        except (OSError, UnicodeDecodeError) as error:
            raise SpecificationError(
                f"The glossary {path} cannot be read ({setting}): {error}."
            ) from None
        return cls._parse(path, text)

    @classmethod
    def _parse(cls, path: Path, text: str) -> GlossarySource:
        # Imported here: the formatter names the missing extra instead of an ImportError.
        from markdown_it import MarkdownIt  # noqa: PLC0415 (the spec extra)

        lines = text.splitlines()
        # The parser's own headings (with their line ranges), so that a "## " inside a code
        # block is not taken for a term.
        headings = _headings(MarkdownIt("commonmark").parse(text))
        terms_at = [(where, name) for tag, where, name in headings if tag == "h2"]
        if not terms_at:
            raise SpecificationError(
                f"The glossary {path} has no terms: write one '## Term' heading per word, "
                f"each followed by its definition."
            )
        title = next((name for tag, _, name in headings if tag == "h1"), "Glossary")
        first_term = terms_at[0][0][0]
        intro = "\n".join(
            line for number, line in enumerate(lines[:first_term]) if not _is_h1(headings, number)
        )
        terms: list[TermSource] = []
        for index, ((_, end), name) in enumerate(terms_at):
            stop = terms_at[index + 1][0][0] if index + 1 < len(terms_at) else len(lines)
            body = "\n".join(lines[end:stop]).strip()
            terms.append(TermSource(name, github_slug(name), body))
        return cls(path, title, intro.strip(), terms)


def find_glossaries(feature_dirs: Iterable[Path]) -> list[Path]:
    """The ``glossary.md`` files in the directories of the features that ran, each once."""
    found: list[Path] = []
    for directory in feature_dirs:
        candidate = directory / GLOSSARY_FILE
        if candidate.is_file() and candidate.resolve() not in {p.resolve() for p in found}:
            found.append(candidate)
    return found


_Heading = tuple[str, tuple[int, int], str]  # tag ("h2"), line range, text


def _headings(tokens: list[Token]) -> list[_Heading]:
    found: list[_Heading] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None:
            where = (token.map[0], token.map[1])
            found.append((token.tag, where, tokens[index + 1].content.strip()))
    return found


def _is_h1(headings: list[_Heading], number: int) -> bool:
    return any(tag == "h1" and where[0] <= number < where[1] for tag, where, _ in headings)
