"""Examples that cannot drift: every ```python block of the README and docs runs here.

A ``print(...)  # expected`` line must print exactly what its comment says; a
comment on the line after a print continues the expectation (for dict output).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, str]]:
    found = []
    for document in DOCUMENTS:
        for number, match in enumerate(_BLOCK.finditer(document.read_text(encoding="utf-8"))):
            found.append((f"{document.relative_to(ROOT)}#{number}", match.group(1)))
    return found


def _expected_output(code: str) -> list[str]:
    expected = []
    lines = code.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("print(") and "#" in line:
            expected.append(line.split("#", 1)[1].strip())
        elif line.startswith("# ") and index and lines[index - 1].startswith("print("):
            expected.append(line[2:].strip())
    return expected


@pytest.mark.parametrize(("name", "code"), _blocks(), ids=[name for name, _ in _blocks()])
def test_example(name: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, name, "exec"), {"__name__": "__example__"})
    expected = _expected_output(code)
    if expected:
        assert output.getvalue().splitlines() == expected
    assert os.getcwd() == str(ROOT)
