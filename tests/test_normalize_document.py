"""normalize_document's check for control characters gives what removing them gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from icor_extract.readers.cell_text import has_controls, remove_controls
from icor_extract.readers.decode import normalize_document


def test_every_control_character_is_latin_1() -> None:
    # the short cut looks at Latin-1 characters only
    beyond = "".join(chr(code) for code in range(256, 0x110000) if not 0xD800 <= code < 0xE000)
    assert not has_controls(beyond)
    assert not has_controls("\ud800\udfff")


@given(st.text(alphabet=st.characters(max_codepoint=0x3FF)) | st.text())
def test_the_short_cut_gives_what_removing_controls_gives(text: str) -> None:
    expected = remove_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    assert normalize_document(text) == expected


def test_each_latin_1_character_alone() -> None:
    for code in range(256):
        text = f"国{chr(code)}a"
        expected = remove_controls(text.replace("\r", "\n"))
        assert normalize_document(text) == expected, hex(code)
