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
