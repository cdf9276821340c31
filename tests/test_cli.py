"""The command line: arguments, outputs, exit codes."""

from __future__ import annotations

import dataclasses
import io
import json
import sys
from pathlib import Path

import pytest
from wcwidth import wcswidth

from icor_extract import Member
from icor_extract.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, main, parse_args

from .conftest import fixture_path, load_golden

GOLDEN = load_golden("icor.zh.expected.json")


def test_parse_args_defaults() -> None:
    options = parse_args([])
    assert (options.paths, options.output, options.input_format, options.variant) == (
        (),
        "table",
        "auto",
        "zh-hans",
    )


def test_parse_args_rejects_unknown_format() -> None:
    with pytest.raises(SystemExit) as caught:
        parse_args(["--format", "xml"])
    assert caught.value.code == 2


def test_no_arguments_prints_the_bundled_page_as_a_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 + 52
    assert lines[2].split() == ["亚洲", "阿富汗", "AF", "阿富汗马列主义组织", "2010"]
    # the organization column starts at the same display column on every row
    starts = {
        wcswidth(line[: line.index(org)])
        for line, org in zip(lines[2:], (e["organization"] for e in GOLDEN["members"]), strict=True)
    }
    assert len(starts) == 1


def test_json_keys_are_exactly_the_member_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "json"]) == EXIT_OK
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 52
    fields = [field.name for field in dataclasses.fields(Member)]
    assert all(list(record) == fields for record in records)
    assert records[4]["organization"] == "印度尼西亚革命者"
    assert records[4]["country_code"] == "ID"
    assert records[4]["provenance"]["country"]["rule"] == "country.name"


def test_jsonl_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(fixture_path("icor.zh.md"))
    assert main([path, "--format", "jsonl"]) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == 52
    assert main([path, "--format", "csv"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("continent,continent_code,country,country_code,organization,joined")
    assert lines[1].startswith("亚洲,AS,阿富汗,AF,阿富汗马列主义组织,2010,")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = fixture_path("icor.zh.md").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["-", "--format", "jsonl"]) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == 52


def test_error_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")
    assert main([str(empty)]) == EXIT_FAILED
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("icor-extract: error: ")
    assert "Traceback" not in captured.err


def test_folder_with_a_broken_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.md").write_bytes(fixture_path("icor.zh.md").read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "broken.md").write_bytes(b"\xff\xfe\x00broken")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    assert main([str(tmp_path), "--format", "jsonl"]) == EXIT_PARTIAL
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 52
    assert "broken.md" in captured.err
