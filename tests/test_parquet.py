"""Parquet: the documented schema, row groups, and the error when pyarrow is missing."""

from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import icor_extract
from icor_extract.adapters.parquet import ParquetWriter, arrow_schema
from icor_extract.cli import EXIT_FAILED, main
from icor_extract.errors import MissingDependencyError

from .conftest import fixture_path

ROOT = Path(__file__).resolve().parent.parent


def test_the_schema_is_the_one_documented() -> None:
    page = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    table = page[page.index("## Parquet") :]
    rows = re.findall(r"^\| `(\w+)` \| `([^`]+)` \| `([^`]+)` \|", table, re.MULTILINE)
    documented = [(name, arrow) for name, arrow, _ in rows]
    schema = arrow_schema()
    assert documented == [
        (field.name, str(field.type).replace(", ordered=0", "")) for field in schema
    ]


def test_row_groups_are_written_as_members_come() -> None:
    members = icor_extract.read(fixture_path("icor.zh.md")).members
    sink = io.BytesIO()
    with ParquetWriter(sink, row_group=20) as writer:
        writer.write(members[:15])
        writer.write(members[15:])  # 52 pending: one group of 52 now
        writer.write(members[:10])  # 10 left, written on close
    sink.seek(0)
    file = pq.ParquetFile(sink)
    assert [file.metadata.row_group(i).num_rows for i in range(file.num_row_groups)] == [52, 10]
    table = file.read()
    assert table.column("organization")[4].as_py() == "印度尼西亚革命者"
    assert table.column("page")[0].as_py() == str(fixture_path("icor.zh.md"))
    assert table.column("revision")[0].as_py() is None


def _without(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object) -> object:
        return None if name.partition(".")[0] == module else real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def test_parquet_without_pyarrow_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _without("pyarrow", monkeypatch)
    out = tmp_path / "members.parquet"
    assert main(["--format", "parquet", "-o", str(out)]) == EXIT_FAILED
    assert 'pip install "icor_extract[parquet]"' in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_dask_without_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import icor_extract.dask

    _without("dask", monkeypatch)
    with pytest.raises(MissingDependencyError) as caught:
        icor_extract.dask.read_pages([str(fixture_path("icor.zh.md"))])
    assert (caught.value.extra, caught.value.module) == ("dask", "dask.dataframe")
    assert isinstance(caught.value, ImportError)
