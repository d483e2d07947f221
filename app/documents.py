"""Endpoints that answer documents other than JSON: XML, and binary downloads.

* ``GET /documents/catalog.xml`` - the sample catalogue (see :mod:`app.response_samples`)
  as XML: ``<catalog><item sku="..">`` with a name, a price, tags, and a discount where
  there is one.
* ``GET /documents/entity.xml`` - XML that declares an entity, which a safe parser refuses.
* ``GET /documents/report.pdf`` - :data:`REPORT_PDF`, 1024 bytes of ``application/pdf``
  (``features/data/report.pdf`` holds the same bytes).
* ``GET /documents/blob`` - 300 bytes of ``application/octet-stream`` that are not text.
"""

from __future__ import annotations

from typing import Final
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from app.response_samples import CATALOG_ITEMS

__all__ = ["BLOB", "REPORT_PDF", "routes"]


def _report() -> bytes:
    # A PDF signature, then every byte value in turn: 1024 bytes that are not text.
    header = b"%PDF-1.4\n"
    return header + bytes(index % 256 for index in range(1024 - len(header)))


REPORT_PDF: Final = _report()
BLOB: Final = bytes((index * 7) % 256 for index in range(300))


async def catalog_xml(request: Request) -> Response:
    """Answer the catalogue as an XML document."""
    root = Element("catalog", {"name": "Spring collection", "currency": "EUR"})
    for item in CATALOG_ITEMS:
        node = SubElement(root, "item", {"sku": item["sku"]})
        SubElement(node, "name").text = item["name"]
        SubElement(node, "price").text = f"{item['price']:.2f}"
        tags = SubElement(node, "tags")
        for tag in item["tags"]:
            SubElement(tags, "tag").text = tag
        if item["discount"] is not None:
            SubElement(node, "discount", {"percent": str(item["discount"]["percent"])})
    indent(root)  # one element per line: readable when a failure shows the document
    document = tostring(root, encoding="utf-8", xml_declaration=True)
    return Response(document, media_type="application/xml")


async def entity_xml(request: Request) -> Response:
    """Answer XML that declares an entity (the seed of an entity-expansion bomb)."""
    document = b'<?xml version="1.0"?>\n<!DOCTYPE note [<!ENTITY who "Ada">]>\n<note>&who;</note>'
    return Response(document, media_type="application/xml")


async def report_pdf(request: Request) -> Response:
    """Answer the report as a PDF download."""
    return Response(
        REPORT_PDF,
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="report.pdf"'},
    )


async def blob(request: Request) -> Response:
    """Answer bytes that are not text."""
    return Response(BLOB, media_type="application/octet-stream")


routes: list[BaseRoute] = [
    Route("/documents/catalog.xml", catalog_xml, methods=["GET"]),
    Route("/documents/entity.xml", entity_xml, methods=["GET"]),
    Route("/documents/report.pdf", report_pdf, methods=["GET"]),
    Route("/documents/blob", blob, methods=["GET"]),
]
