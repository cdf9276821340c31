"""Shared test helpers: fixture paths and the golden files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

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
