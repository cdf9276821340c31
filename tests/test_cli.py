"""The command line: arguments, outputs, exit codes."""

from __future__ import annotations

import dataclasses
import io
import json
import sys
from pathlib import Path

import pytest
from wcwidth import wcswidth

import icor_extract
from icor_extract import Location, Member
from icor_extract.cli import EXIT_BUG, EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, main, parse_args

from .conftest import fixture_path, load_golden

GOLDEN = load_golden("icor.zh.expected.json")


def test_parse_args_defaults() -> None:
    options = parse_args([])
    assert (options.paths, options.output, options.input_format, options.variant) == (
        (),
        "table",
        "auto",
        "auto",
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
    fields = []  # the location is written flat: table, row, line
    for field in dataclasses.fields(Member):
        fields += (
            [f.name for f in dataclasses.fields(Location)]
            if field.name == "location"
            else [field.name]
        )
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


def _corpus(folder: Path, pages: int) -> None:
    seed = fixture_path("icor.zh.md").read_bytes()
    wikitext = fixture_path("icor.zh.wikitext").read_bytes()
    for number in range(pages):
        (folder / f"page{number:03}.md").write_bytes(seed)
    (folder / "later.wikitext").write_bytes(wikitext)
    (folder / "broken.html").write_text("<html><body>no table here</body></html>")


def test_batch_with_jobs_streams_csv_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    _corpus(folder, 5)
    output = tmp_path / "members.csv"
    code = main([str(folder), "--jobs", "2", "--format", "csv", "--output", str(output)])
    assert code == EXIT_PARTIAL
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("continent,")
    assert len(lines) == 1 + 5 * 52 + 57  # the wikitext: 55 in its table, 2 in its 前成员 list
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("icor-extract: error: ")
    assert "broken.html" in err[0]
    assert err[-1] == "icor-extract: 7 pages, 6 tables, 317 members, 1 failed"


def test_jobs_give_the_same_output_as_one_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _corpus(tmp_path, 3)
    assert main([str(tmp_path), "--format", "jsonl"]) == EXIT_PARTIAL
    single = capsys.readouterr().out
    assert main([str(tmp_path), "--format", "jsonl", "-j", "2"]) == EXIT_PARTIAL
    assert capsys.readouterr().out == single


def test_glob_chooses_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path, 2)
    assert main([str(tmp_path), "--glob", "*.wikitext", "--format", "jsonl"]) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == 57


def test_every_input_failing_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text("no table")
    (tmp_path / "b.md").write_text("")
    assert main([str(tmp_path)]) == EXIT_FAILED
    assert capsys.readouterr().err.count("icor-extract: error:") == 2


def test_an_internal_bug_exits_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("icor_extract.api.build_grid", broken)
    assert main([]) == EXIT_BUG
    err = capsys.readouterr().err
    assert err.startswith("icor-extract: internal error (a bug, please report it)")
    assert "ZeroDivisionError" in err


def test_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == EXIT_FAILED
    assert "no pages found" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    from icor_extract.cli import _Progress

    terminal = _Terminal()
    progress = _Progress(4, terminal)
    progress.update(2)
    progress.close()
    assert "[###############---------------] 2/4 pages" in terminal.getvalue()
    piped = io.StringIO()
    _Progress(4, piped).update(2)
    assert piped.getvalue() == ""


def test_read_takes_a_path_or_an_open_file() -> None:
    path = fixture_path("icor.zh.md")
    by_path = icor_extract.read(path)
    with path.open("rb") as binary:
        from_binary = icor_extract.read(binary)
    with path.open(encoding="utf-8") as text:
        from_text = icor_extract.read(text)
    assert from_binary.members == by_path.members
    assert from_text.members == by_path.members
    assert from_binary.source_name == str(path)
    assert (from_binary.encoding, from_text.encoding) == ("utf-8", None)


def test_example_is_the_bundled_icor_page() -> None:
    extraction = icor_extract.example()
    assert len(extraction.members) == 52
    assert extraction.source_name == "icor.zh.md"
    seed = icor_extract.read(fixture_path("icor.zh.md"))
    # the same members; only the page each knows differs: the bundled name, the fixture's path
    assert {m.page for m in extraction.members} == {"icor.zh.md"}
    assert {m.page for m in seed.members} == {str(fixture_path("icor.zh.md"))}
    assert [dataclasses.replace(m, page=None) for m in extraction.members] == [
        dataclasses.replace(m, page=None) for m in seed.members
    ]


def test_dir_shows_the_public_names_only() -> None:
    assert dir(icor_extract) == sorted(icor_extract.__all__)
    assert not {"logging", "version", "annotations"} & set(vars(icor_extract))


def test_a_text_file_that_is_not_its_encoding_is_a_decoding_error(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_bytes("<table><tr><td>甲</td></tr></table>".encode("gb18030"))
    with path.open(encoding="utf-8") as text, pytest.raises(icor_extract.DecodingError) as caught:
        icor_extract.read(text)
    assert caught.value.source == str(path)
    assert caught.value.encoding == "utf-8"
