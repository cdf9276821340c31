"""Shared test helpers: fixture paths and the golden files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import icor_extract

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_path(name: str) -> Path:
    return FIXTURES / name


def load_golden(name: str) -> dict[str, Any]:
    with fixture_path(name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@pytest.fixture(scope="session")
def seed_text() -> str:
    return fixture_path("icor.zh.md").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_golden() -> dict[str, Any]:
    return load_golden("icor.zh.expected.json")


def spanned_provenance(path: Path, field: str, rule: str) -> list[list[Any]]:
    """The provenance of ``field`` given by ``rule`` to two or more members of ``path``'s
    page from one source cell (same row and column), grouped by that cell."""
    groups: dict[tuple[int | None, int | None], list[Any]] = {}
    for member in icor_extract.read(path).members:
        provenance = member.provenance_of(field)
        assert provenance is not None
        if provenance.rule == rule:
            groups.setdefault((provenance.row, provenance.column), []).append(provenance)
    return [values for values in groups.values() if len(values) > 1]
