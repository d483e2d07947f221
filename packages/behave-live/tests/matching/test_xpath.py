from __future__ import annotations

import sys
from decimal import Decimal
from typing import Any

import pytest

from behave_live.errors import StepInputError
from behave_live.matching.xpath import XmlDocumentError, node_text, parse_xml, select, shown_node

DOCUMENT = b'<catalog><item sku="A">Tea <b>pot</b></item><item sku="B"/></catalog>'


def test_nodes_and_values_are_selected() -> None:
    root = parse_xml(DOCUMENT)

    assert select(root, "/catalog/item[1]/@sku") == ["A"]
    assert [node_text(item) for item in select(root, "//item")] == ["Tea pot", ""]
    assert node_text(select(root, "count(//item)")) == "2"


@pytest.mark.parametrize(
    ("value", "text"),
    [(True, "true"), (False, "false"), (3.0, "3"), (2.5, "2.5"), (Decimal("12.50"), "12.5")],
)
def test_values_are_written_as_xpath_writes_them(value: Any, text: str) -> None:
    assert node_text(value) == text


def test_a_node_is_shown_by_its_tag_and_attributes() -> None:
    item = select(parse_xml(DOCUMENT), "//item")[0]
    assert shown_node(item) == '<item sku="A">'
    assert shown_node("x" * 100, limit=10) == "'xxxxxxxx…"


def test_entities_are_refused() -> None:
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>'
    with pytest.raises(XmlDocumentError, match="declares entities or external references"):
        parse_xml(bomb)


def test_external_references_are_refused() -> None:
    external = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    with pytest.raises(XmlDocumentError, match="declares entities or external references"):
        parse_xml(external)


def test_malformed_xml_is_named() -> None:
    with pytest.raises(XmlDocumentError, match=r"it is not well-formed XML \(.*line 1"):
        parse_xml(b"<a><b></a>")


def test_an_invalid_xpath_is_a_step_input_error() -> None:
    with pytest.raises(StepInputError, match=r"Invalid XPath '//item\['"):
        select(parse_xml(DOCUMENT), "//item[")


def test_without_the_xml_extra_the_steps_say_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A None entry in sys.modules makes importing that module raise ImportError.
    for name in ("defusedxml", "defusedxml.ElementTree", "elementpath"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(StepInputError, match=r"pip install 'behave-live\[xml\]'"):
        parse_xml(DOCUMENT)


_MISSING_EXTRA = (
    "The XPath steps need the kit's xml extra (defusedxml and elementpath), which is not "
    "installed. Install it with: pip install 'behave-live[xml]' (or uv add "
    "'behave-live[xml]')."
)


def test_the_missing_extra_message_in_full_for_parsing_and_selecting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = parse_xml(DOCUMENT)
    for name in ("defusedxml", "defusedxml.ElementTree", "elementpath"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(StepInputError) as parsing:
        parse_xml(DOCUMENT)
    with pytest.raises(StepInputError) as selecting:
        select(root, "//item")
    assert str(parsing.value) == str(selecting.value) == _MISSING_EXTRA


def test_an_invalid_xpath_says_how_attributes_are_written() -> None:
    with pytest.raises(StepInputError) as error:
        select(parse_xml(DOCUMENT), "//item[")
    assert str(error.value).endswith(
        ". Check the brackets and quotes; attributes are @name, for example /catalog/item[1]/@sku."
    )


def test_a_refused_document_names_what_defusedxml_refused() -> None:
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with pytest.raises(XmlDocumentError) as error:
        parse_xml(bomb)
    assert str(error.value) == (
        "it declares entities or external references, which the kit refuses to expand or "
        "fetch (EntitiesForbidden)"
    )


def test_decimals_are_written_without_an_exponent() -> None:
    assert node_text(Decimal("1E+3")) == "1000"
    assert node_text(Decimal("0.000001")) == "0.000001"


def test_a_node_with_several_attributes_is_shown_whole_up_to_sixty_characters() -> None:
    root = parse_xml(b'<r><i a="1" b="2"/><j v="' + b"x" * 52 + b'"/></r>')
    assert shown_node(select(root, "//i")[0]) == '<i a="1" b="2">'
    sixty = select(root, "//j")[0]
    assert len(shown_node(sixty)) == 60
    assert shown_node(sixty) == '<j v="' + "x" * 52 + '">'
    assert shown_node("y" * 58) == "'" + "y" * 58 + "'"
    assert shown_node("y" * 59) == "'" + "y" * 58 + "…"
