"""The house keeps its shape: data flows one way, read -> grid -> repair -> records -> adapters.

Every ``icor_extract`` import in the package is checked against the layer of the module
that makes it.  A module may import its own layer, the layers to its left, and the shared
vocabulary (``model``, ``errors``); ``model`` and ``errors`` import nothing of the package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "icor_extract"

#: each layer and the layers it may import (besides itself)
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "errors": set(),
    "readers": {"model", "errors"},
    "grid": {"model", "errors", "readers"},
    "geo": {"model", "errors"},
    "repair": {"model", "errors", "readers", "grid", "geo"},
    "records": {"model", "errors", "readers", "grid", "geo", "repair"},
    "adapters": {"model", "errors"},
    # files in and out: regular files within a size limit; output replaced whole or not at all
    "input_file": {"model", "errors"},
    "output_file": {"model", "errors"},
    # the options parse and read accept, checked before any stage runs
    "options": {"model", "errors", "readers"},
    "api": {
        "model",
        "errors",
        "readers",
        "grid",
        "geo",
        "repair",
        "records",
        "input_file",
        "options",
    },
    # two extractions in, changes out: beside the adapters, after the records
    "versions": {"model", "errors"},
    "cli": {
        "model",
        "errors",
        "api",
        "adapters",
        "__init__",
        "input_file",
        "output_file",
        "corpus",
        "dump",
        "cli_diff",
        "cli_args",
        "cli_output",
    },
    # the command's arguments, and the writing of what its pages gave
    "cli_args": {"model", "errors", "api", "__init__", "input_file"},
    "cli_output": {"model", "errors", "adapters", "output_file", "cli_args"},
    "cli_diff": {"model", "errors", "api", "input_file", "versions"},
    # corpus scale (issue 14): dumps are a container of pages, read before any stage; the
    # pre-check runs the first stages on part of a page; corpus and dask run api per page
    "dump": {"model", "errors"},
    "precheck": {"model", "errors", "readers", "grid", "repair"},
    "corpus": {"model", "errors", "api", "dump", "precheck"},
    "dask": {"model", "errors", "adapters", "corpus", "dump"},
    "__init__": {"model", "errors", "api", "versions"},
}
#: imports made inside a function on purpose, with the reason
LAZY_EXCEPTIONS = {
    # Extraction.to_dataframe / _repr_html_ are conveniences on the result; pandas and the
    # adapter are imported only when they are called, so model imports nothing at load time.
    ("model", "adapters"),
    # Extraction.fill_from likewise: matching and its dependencies load when it is called.
    ("model", "versions"),
}


def _layer(module: str) -> str:
    """``icor_extract.repair.country`` -> ``repair``; ``icor_extract`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path) -> str:
    relative = path.relative_to(SRC.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported icor_extract module, made at module level) for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            if name == "icor_extract" or name.startswith("icor_extract."):
                found.append((name, id(node) in top))
    return found


MODULES = sorted(SRC.rglob("*.py"))


def test_every_layer_is_known() -> None:
    layers = {_layer(_module_name(path)) for path in MODULES}
    assert layers == set(ALLOWED), "a new top-level module needs its place in ALLOWED"


def _violations(importer: str, imports: list[tuple[str, bool]]) -> list[str]:
    wrong = []
    for imported, at_top in imports:
        target = _layer(imported)
        if target == importer or target in ALLOWED[importer]:
            continue
        if not at_top and (importer, target) in LAZY_EXCEPTIONS:
            continue
        wrong.append(imported)
    return wrong


@pytest.mark.parametrize("path", MODULES, ids=[_module_name(p) for p in MODULES])
def test_imports_go_one_way(path: Path) -> None:
    importer = _layer(_module_name(path))
    wrong = _violations(importer, _imports(path))
    assert not wrong, f"{_module_name(path)} ({importer}) must not import {wrong}"


def test_the_checker_sees_a_wrong_import(tmp_path: Path) -> None:
    # the checker itself must be able to fail
    source = tmp_path / "bad.py"
    source.write_text(
        "from icor_extract.adapters.text import to_csv\n"
        "def f():\n    import icor_extract.repair.country\n",
        encoding="utf-8",
    )
    found = _imports(source)
    assert found == [("icor_extract.adapters.text", True), ("icor_extract.repair.country", False)]
    assert _violations("repair", found) == ["icor_extract.adapters.text"]
    assert _violations("readers", found) == [name for name, _ in found]
    assert _violations("model", [("icor_extract.adapters.dataframe", False)]) == []
    assert _violations("model", [("icor_extract.adapters.dataframe", True)]) != []
