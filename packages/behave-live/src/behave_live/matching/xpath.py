"""XPath on XML documents, parsed safely: no entity expansion, no external fetches.

XML parsers expand entities (the "billion laughs" bomb) and may fetch external DTDs and
entities; a response under test is untrusted input. Documents are parsed with
``defusedxml``, which refuses entity declarations and external references, and XPath is
evaluated by ``elementpath`` (XPath 2.0) on the parsed tree.

Both come with the kit's ``xml`` extra and are imported only when an XPath is evaluated,
so projects that never check XML don't need them (or pay for importing them).
"""

from __future__ import annotations

import decimal
from typing import Any
from xml.etree.ElementTree import Element

from behave_live.errors import StepInputError

__all__ = ["XmlDocumentError", "node_text", "parse_xml", "select", "shown_node"]


class XmlDocumentError(ValueError):
    """The bytes are not a well-formed XML document, or one the kit refuses to parse."""


def parse_xml(content: bytes) -> Element:
    """Parse an XML document; entity declarations and external references are refused."""
    try:
        import defusedxml  # noqa: PLC0415 (the xml extra: imported when it is used)
        import defusedxml.ElementTree  # noqa: PLC0415
    except ImportError:
        raise _missing_extra() from None
    try:
        root: Element = defusedxml.ElementTree.fromstring(content)
    except defusedxml.DefusedXmlException as error:
        raise XmlDocumentError(
            f"it declares entities or external references, which the kit refuses to expand "
            f"or fetch ({type(error).__name__})"
        ) from None
    except SyntaxError as error:  # xml.etree.ElementTree.ParseError
        raise XmlDocumentError(f"it is not well-formed XML ({error})") from None
    return root


def select(root: Element, path: str) -> Any:
    """Evaluate an XPath 2.0 expression: a list of nodes, or one atomic value (a count)."""
    try:
        import elementpath  # noqa: PLC0415 (the xml extra: imported when it is used)
    except ImportError:
        raise _missing_extra() from None
    try:
        return elementpath.select(root, path)
    except elementpath.ElementPathError as error:
        raise StepInputError(
            f"Invalid XPath {path!r}: {error}. Check the brackets and quotes; "
            "attributes are @name, for example /catalog/item[1]/@sku."
        ) from None


def node_text(item: Any) -> str:
    """The string value of a selected item, as XPath's ``string()`` gives it.

    An element is the text of all its descendants; an attribute its value; numbers are
    written as XPath writes them (``3``, not ``3.0``) and booleans as ``true``/``false``.
    """
    if isinstance(item, Element):
        return "".join(item.itertext())
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, float) and item.is_integer():
        return str(int(item))
    if isinstance(item, decimal.Decimal):
        return format(item.normalize(), "f")
    return str(item)


def shown_node(item: Any, limit: int = 60) -> str:
    """A short rendering of a selected item for a message: ``<item sku="TEA-001">`` or text."""
    if isinstance(item, Element):
        attributes = "".join(f' {name}="{value}"' for name, value in item.attrib.items())
        shown = f"<{item.tag}{attributes}>"
    else:
        shown = repr(node_text(item))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _missing_extra() -> StepInputError:
    return StepInputError(
        "The XPath steps need the kit's xml extra (defusedxml and elementpath), which is "
        "not installed. Install it with: pip install 'behave-live[xml]' (or uv add "
        "'behave-live[xml]')."
    )
