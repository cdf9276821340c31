"""The documentation site cannot fall behind the code.

Each test reads a list from the code (rule names, note codes, CLI options, public names,
hostile-input cases) and checks that the page documenting it names every item, so that
adding a rule, an option or a public name without documenting it fails here.  The
notebook test executes docs/examples/icor-members.ipynb (the test extra installs what it needs).
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import get_args

import pytest

import icor_extract
from icor_extract import cli
from icor_extract.model import NoteCode, Rule

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "icor_extract"
DOCS = ROOT / "docs"
NOTEBOOK = DOCS / "examples" / "icor-members.ipynb"


def _page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _rule_names() -> set[str]:
    """Provenance rules, read from the enum the code uses."""
    return {rule.value for rule in Rule}


def _note_codes() -> set[str]:
    """Note codes, read from the enum the code uses."""
    return {code.value for code in NoteCode}


def _enum_uses(enum: type[StrEnum]) -> set[str]:
    """Members of ``enum`` the package's code uses (``Rule.CELL`` ...) outside the model package."""
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        if path.relative_to(SRC).parts[0] == "model":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == enum.__name__
            ):
                used.add(node.attr)
    return used


def test_every_rule_and_note_code_is_used_by_the_code() -> None:
    # an enum member nothing produces would be documented for nothing
    assert set(Rule.__members__) - _enum_uses(Rule) == set()
    assert set(NoteCode.__members__) - _enum_uses(NoteCode) == set()


def test_every_rule_is_described_on_the_repair_rules_page() -> None:
    page = _page("repair-rules.md")
    missing = sorted(rule for rule in _rule_names() if f"`{rule}`" not in page)
    assert not missing, f"rules missing from docs/repair-rules.md: {missing}"


def test_every_note_code_is_in_the_notes_table() -> None:
    page = _page("provenance.md")
    table = page[page.index("## Notes") :]
    missing = sorted(code for code in _note_codes() if f"| `{code}` |" not in table)
    assert not missing, f"note codes missing from the table in docs/provenance.md: {missing}"


def _help_options() -> set[str]:
    output = io.StringIO()
    with contextlib.redirect_stdout(output), pytest.raises(SystemExit):
        cli.parse_args(["--help"])
    return set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", output.getvalue())) - {"-h", "--help"}


def test_every_cli_option_is_documented() -> None:
    page = _page("cli.md")
    options = _help_options()
    assert {"--format", "--input-format", "--variant", "--encoding", "--glob"} <= options
    missing = sorted(option for option in options if f"`{option}" not in page)
    assert not missing, f"options missing from docs/cli.md: {missing}"


def test_exit_codes_are_documented() -> None:
    page = _page("cli.md")
    for code in (cli.EXIT_OK, cli.EXIT_PARTIAL, cli.EXIT_FAILED, cli.EXIT_BUG):
        assert f"\n| {code} | " in page


def test_cli_sample_output_is_what_the_cli_prints(capsys: pytest.CaptureFixture[str]) -> None:
    page = _page("cli.md")
    marker = "<!-- output: icor-extract -->\n```text\n"
    start = page.index(marker) + len(marker)
    sample = page[start : page.index("```", start)].splitlines()
    assert cli.main([]) == cli.EXIT_OK
    assert capsys.readouterr().out.splitlines()[: len(sample)] == sample


def test_every_public_name_is_on_the_api_page() -> None:
    page = _page("api.md")
    documented_in_text = {"__version__", "FORMATS", "VARIANTS", "Format", "Variant", "Errors"}
    missing = sorted(
        name
        for name in set(icor_extract.__all__) - documented_in_text
        if f"::: icor_extract.{name}\n" not in page
    )
    assert not missing, f"public names missing from docs/api.md: {missing}"
    assert repr(icor_extract.FORMATS) in page
    assert repr(icor_extract.VARIANTS) in page
    for alias in ("Format", "Variant", "Errors"):
        values = ", ".join(repr(value) for value in get_args(getattr(icor_extract, alias)))
        assert f"`icor_extract.{alias}` is `Literal[{values}]`" in page


def test_hostile_input_table_has_every_measured_case() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from hostile import CASES
    finally:
        sys.path.remove(str(ROOT / "tests"))
    page = _page("limitations.md")
    missing = sorted(name for name in CASES if f"\n| {name} | " not in page)
    assert not missing, f"hostile cases missing from docs/limitations.md: {missing}"


def test_notebook_is_stored_without_outputs() -> None:
    import nbformat  # the test extra installs it

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    stale = [
        number
        for number, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not stale, f"cells stored with outputs (the docs build runs them): {stale}"


@pytest.mark.slow
def test_notebook_runs_and_draws_the_chart() -> None:
    import nbclient  # the test extra installs these, and matplotlib and ipykernel
    import nbformat

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError if a cell fails
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    text = "".join(output.get("text", "") for output in outputs)
    assert "52 members, 0 rejected rows, 1 table" in text
    assert "15 members without a country" in text
    assert "ICOR: {'member': 52}" in text
    assert "5 joined" in text  # the section comparing the two versions
    assert "刚果革命组织  CD  country.other-source  {{flag|刚果民主共和国}}" in text
    assert any("image/png" in output.get("data", {}) for output in outputs)
