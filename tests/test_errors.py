"""Bad input gets the library's own error, with a message that says what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

import icor_extract
from icor_extract import (
    DecodingError,
    EmptyInputError,
    IcorExtractError,
    InputError,
    NoMemberTableError,
    NoTableError,
    OptionError,
    UnsupportedFormatError,
)


@pytest.mark.parametrize("text", ["", "   \n\t", b"", b"\xef\xbb\xbf  "])
def test_empty_input(text: str | bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        icor_extract.parse(text)


def test_no_table() -> None:
    with pytest.raises(NoTableError, match="no table"):
        icor_extract.parse("## 成员\n\njust text, no table\n")


def test_tables_without_member_columns() -> None:
    with pytest.raises(NoMemberTableError) as caught:
        icor_extract.parse("<table><tr><th>Year</th><th>Event</th></tr></table>")
    assert caught.value.headers == (("Year", "Event"),)
    assert isinstance(caught.value, NoTableError)


def test_invalid_utf8_is_reported_with_its_offset() -> None:
    data = "## 成员\n".encode() + b"\xff\xfe\xfa" + b"<table></table>"
    with pytest.raises(DecodingError) as caught:
        icor_extract.parse(data[:9] + b"\xc3\x28" + data[9:])
    assert caught.value.offset == 9
    assert "offset 9" in str(caught.value)


def test_replacement_only_when_asked() -> None:
    page = (
        "<table><tr><th>国家</th><th>政党</th></tr>"
        "<tr><td>印度</td><td>甲党\udcff</td></tr></table>"
    )
    data = page.encode("utf-8", "surrogateescape")
    with pytest.raises(DecodingError):
        icor_extract.parse(data)
    (member,) = icor_extract.parse(data, errors="replace")
    assert member.organization == "甲党\ufffd"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_byte_order_marks(encoding: str) -> None:
    page = "<table><tr><th>国家</th><th>政党</th></tr><tr><td>印度</td><td>甲党</td></tr></table>"
    (member,) = icor_extract.parse(page.encode(encoding))
    assert (member.organization, member.country_code) == ("甲党", "IN")


def test_unknown_format_and_variant() -> None:
    with pytest.raises(UnsupportedFormatError, match="unknown format 'pdf'"):
        icor_extract.parse("x", format="pdf")
    with pytest.raises(OptionError, match="unknown variant"):
        icor_extract.parse("x", variant="zh-yue")


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    with pytest.raises(InputError) as caught:
        icor_extract.read(missing)
    assert caught.value.source == str(missing)
    assert str(missing) in str(caught.value)


def test_not_text() -> None:
    with pytest.raises(InputError, match="expected str or bytes"):
        icor_extract.parse(12)  # type: ignore[arg-type]


def test_every_error_is_an_icor_extract_error() -> None:
    for error in (DecodingError, EmptyInputError, NoMemberTableError, UnsupportedFormatError):
        assert issubclass(error, IcorExtractError)


@pytest.mark.parametrize(
    "page",
    [
        b'<meta charset="base64"><table><tr><th>\xe5\x9b\xbd\xe5\xae\xb6</th></tr></table>',
        b'<meta charset="rot13"><table></table>',
    ],
)
def test_a_declared_non_text_codec_is_ignored(page: bytes) -> None:
    with pytest.raises(NoTableError):
        icor_extract.parse(page)


def test_bad_encoding_and_errors_options() -> None:
    with pytest.raises(DecodingError, match="unknown text encoding 'hex'"):
        icor_extract.parse(b"x", encoding="hex")
    with pytest.raises(OptionError, match="unknown errors='bogus'") as caught:
        icor_extract.parse(b"\xff", errors="bogus")
    assert caught.value.option == "errors"


def test_a_declared_utf16_without_bom_means_utf8() -> None:
    page = (
        '<meta charset="utf-16"><table><tr><th>国家</th><th>政党</th></tr>'
        "<tr><td>印度</td><td>甲党</td></tr></table>"
    )
    extraction = icor_extract.parse(page.encode("utf-8"))
    assert (extraction.encoding, extraction.members[0].country_code) == ("utf-8", "IN")


def test_lone_surrogates_are_bad_input_unless_replaced() -> None:
    page = (
        "<table><tr><th>国家</th><th>政党</th></tr>"
        "<tr><td>印度</td><td>甲党\ud800</td></tr></table>"
    )
    with pytest.raises(DecodingError, match="lone surrogate"):
        icor_extract.parse(page)
    (member,) = icor_extract.parse(page, errors="replace").members
    assert member.organization == "甲党\ufffd"
