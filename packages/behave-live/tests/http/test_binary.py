from __future__ import annotations

import hashlib

import pytest

from behave_live.http.binary import describe_bytes, hex_preview, is_binary
from behave_live.http.byte_assertions import first_difference
from behave_live.http.header_assertions import list_items


@pytest.mark.parametrize(
    ("content", "content_type", "binary"),
    [
        (b"\x00\x01", "text/plain", False),  # the server says text: shown as text
        (b"{}", "application/json; charset=utf-8", False),
        (b"<a/>", "application/xml", False),
        (b"<a/>", "application/atom+xml", False),
        (b"%PDF-1.4", "application/pdf", True),
        (b"abc", "application/octet-stream", True),
        (b"abc", "image/png", True),
        (b"hello\nworld\t!", "", False),
        (b"\x00\x01", "", True),
        (b"\xff\xfe", "", True),
        (b"--b\r\nfield\r\n--b--", "multipart/form-data; boundary=b", False),
        (b"--b\r\n\x00\x01\r\n--b--", "multipart/form-data; boundary=b", True),
    ],
)
def test_binary_is_told_from_text(content: bytes, content_type: str, binary: bool) -> None:
    assert is_binary(content, content_type) is binary


def test_bytes_are_described_by_size_type_hash_and_first_bytes() -> None:
    content = bytes(range(40))
    digest = hashlib.sha256(content).hexdigest()

    assert describe_bytes(content, "application/octet-stream; x=1") == (
        f"<40 bytes of application/octet-stream, sha256 {digest}>\n"
        f"first bytes: {' '.join(f'{byte:02x}' for byte in range(32))} …"
    )
    assert (
        describe_bytes(b"", "")
        == f"<0 bytes of unknown type, sha256 {hashlib.sha256().hexdigest()}>"
    )


def test_a_hex_preview_starts_where_asked() -> None:
    assert hex_preview(b"\x00\x01\x02", 1) == "01 02"
    assert hex_preview(b"\x00", 5) == ""


@pytest.mark.parametrize(
    ("expected", "actual", "offset"),
    [(b"abc", b"abd", 2), (b"abc", b"ab", 2), (b"ab", b"abc", 2), (b"x", b"y", 0)],
)
def test_the_first_difference_is_found(expected: bytes, actual: bytes, offset: int) -> None:
    assert first_difference(expected, actual) == offset


def test_header_list_items_are_stripped_and_empty_ones_dropped() -> None:
    assert list_items(" GET,POST , ,HEAD ") == ["GET", "POST", "HEAD"]
