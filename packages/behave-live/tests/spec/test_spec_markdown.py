from __future__ import annotations

from pathlib import Path

from behave_live.spec.markdown import LinkTargets, MarkdownRenderer


def _renderer(tmp_path: Path) -> tuple[MarkdownRenderer, LinkTargets]:
    targets = LinkTargets()
    targets.add_glossary(tmp_path / "glossary.md", "glossary", {"token": "glossary-token"})
    return MarkdownRenderer(targets), targets


def test_links_to_the_glossary_point_into_the_page(tmp_path: Path) -> None:
    renderer, targets = _renderer(tmp_path)

    html = renderer.render(
        "A [token](glossary.md#token), the [words](./glossary.md) and [elsewhere](other.md#x).",
        source=tmp_path / "access.feature",
    )

    assert '<a href="#glossary-token">token</a>' in html
    assert '<a href="#glossary">words</a>' in html
    assert '<a href="other.md#x">elsewhere</a>' in html
    assert targets.warnings == []


def test_a_glossary_links_to_its_own_words_by_fragment(tmp_path: Path) -> None:
    renderer, _ = _renderer(tmp_path)

    html = renderer.render("See [token](#token).", source=tmp_path / "glossary.md")

    assert '<a href="#glossary-token">token</a>' in html


def test_a_link_to_a_word_the_glossary_lacks_is_noted(tmp_path: Path) -> None:
    renderer, targets = _renderer(tmp_path)

    html = renderer.render("A [tokn](glossary.md#tokn).", source=tmp_path / "a.feature")

    assert '<a href="#glossary">tokn</a>' in html
    assert targets.warnings == [
        f"{tmp_path / 'a.feature'} links to 'glossary.md#tokn', but {tmp_path / 'glossary.md'} "
        "has no '## ' heading with that anchor; its words are: token. Fix the link or add "
        "the word."
    ]


def test_raw_html_in_markdown_is_shown_as_text(tmp_path: Path) -> None:
    renderer, _ = _renderer(tmp_path)

    html = renderer.render(
        "As a <b>member</b>\n<script>alert(1)</script>", source=tmp_path / "a.feature"
    )

    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "As a &lt;b&gt;member&lt;/b&gt;\n&lt;script&gt;" in html
