"""The command line under attack (issue 13): output files, special inputs, signals, workers."""

from __future__ import annotations

import multiprocessing
import os
import stat
import sys
from pathlib import Path

import pytest

from icor_extract import Location, Member
from icor_extract.adapters.text import to_table
from icor_extract.cli import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    Options,
    PageResult,
    main,
    run_page,
)
from icor_extract.output_file import replacing

from .conftest import fixture_path

SEED = fixture_path("icor.zh.md").read_text(encoding="utf-8")


def _page(folder: Path, name: str = "page.md", text: str = SEED) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _one_error_line(err: str) -> str:
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# 2. -o never destroys data


def test_the_output_cannot_be_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _page(tmp_path)
    assert main(["-o", str(page), str(page)]) == EXIT_FAILED
    err = _one_error_line(capsys.readouterr().err)
    assert "is the input" in err
    assert page.read_text(encoding="utf-8") == SEED


def test_every_input_failing_keeps_the_old_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _page(tmp_path, "broken.md", "no table here")
    output = _page(tmp_path, "members.csv", "old content\n")
    assert main(["-f", "csv", "-o", str(output), str(broken)]) == EXIT_FAILED
    assert output.read_text(encoding="utf-8") == "old content\n"
    assert "members.csv not written: every input failed" in capsys.readouterr().err
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, RuntimeError])
def test_an_interrupted_or_crashed_run_keeps_the_old_output(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    interruption: type[BaseException],
) -> None:
    pages = [_page(tmp_path, f"p{i}.md") for i in range(3)]
    output = _page(tmp_path, "members.json", "[]\n")
    from icor_extract import cli

    real = cli.run_page

    def stop_at_the_last(path: str | None, options: Options) -> PageResult:
        if path == str(pages[-1]):
            raise interruption()
        return real(path, options)

    monkeypatch.setattr(cli, "run_page", stop_at_the_last)
    code = main(["-f", "jsonl", "-o", str(output), *map(str, pages)])
    err = _one_error_line(capsys.readouterr().err)
    assert output.read_text(encoding="utf-8") == "[]\n"
    assert _leftovers(tmp_path) == []
    if interruption is KeyboardInterrupt:
        assert code == EXIT_INTERRUPTED
        assert err == f"icor-extract: interrupted; {output} not written\n"
    else:
        assert code == 3


def test_a_new_output_gets_the_usual_permissions(tmp_path: Path) -> None:
    page = _page(tmp_path)
    output = tmp_path / "members.csv"
    assert main(["-f", "csv", "-o", str(output), str(page)]) == EXIT_OK
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(output.stat().st_mode) == 0o666 & ~umask
    assert len(output.read_text(encoding="utf-8").splitlines()) == 53


def _write_then_fail(target: Path) -> None:
    with replacing(target) as pending:
        assert pending.file is not None
        pending.file.write("half")
        raise ValueError("half-written")


def test_replacing_commits_only_at_the_end(tmp_path: Path) -> None:
    target = _page(tmp_path, "out.txt", "old")
    target.chmod(0o640)
    with replacing(target) as pending:
        assert pending.file is not None
        pending.file.write("new")
        assert target.read_text() == "old"  # nothing under the final name yet
        assert pending.temp.parent == tmp_path
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    with pytest.raises(ValueError, match="half-written"):
        _write_then_fail(target)
    assert target.read_text() == "new"
    with replacing(target) as pending:
        pending.abandon()
    with replacing(target, open_file=False) as pending:  # a writer that wants a path
        pending.temp.write_bytes(b"bytes")
    assert target.read_text() == "bytes"
    assert _leftovers(tmp_path) == []


def test_replacing_writes_a_device_directly() -> None:
    with replacing("/dev/null") as pending:
        assert not pending.atomic
        assert pending.file is not None
        pending.file.write("gone")


# 3. A lost worker fails its page, not the batch


_KILLED: list[str] = []  # the page whose worker dies (set before the workers fork)


def _killing_run_page(path: str | None, options: Options) -> PageResult:
    """run_page, but the worker reading the page in _KILLED dies (module-level: picklable)."""
    if path in _KILLED:
        os._exit(9)  # as the kernel's OOM killer would end it
    return run_page(path, options)


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the workers must see the patch"
)
def test_a_lost_worker_fails_only_its_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = [_page(tmp_path, f"p{i}.md") for i in range(5)]
    _KILLED[:] = [str(pages[2])]
    from icor_extract import cli

    monkeypatch.setattr(cli, "run_page", _killing_run_page)
    try:
        code = main(["-j", "2", "-f", "csv", *map(str, pages)])
    finally:
        _KILLED.clear()
    captured = capsys.readouterr()
    assert code == EXIT_PARTIAL
    assert len(captured.out.splitlines()) == 1 + 4 * 52
    errors = [line for line in captured.err.splitlines() if "error" in line]
    assert errors == [
        f"icor-extract: error: {pages[2]}: the worker process reading this page was lost "
        "(out of memory?)"
    ]


def test_memory_error_is_a_failed_page_not_a_bug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from icor_extract import cli

    def no_memory(path: str | None, options: Options) -> object:
        raise MemoryError

    monkeypatch.setattr(cli, "_extract", no_memory)
    assert main([str(_page(tmp_path))]) == EXIT_FAILED
    err = _one_error_line(capsys.readouterr().err)
    assert "not enough memory" in err
    assert "bug" not in err


# 5. Special files


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_special_files_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], special: str
) -> None:
    if special == "fifo":
        special = str(tmp_path / "fifo")
        os.mkfifo(special)
    assert main([special]) == EXIT_FAILED
    assert "give a regular file" in _one_error_line(capsys.readouterr().err)


def test_max_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _page(tmp_path)
    assert main(["--max-bytes", "1K", str(page)]) == EXIT_FAILED
    assert "larger than the limit of 1,024 bytes" in _one_error_line(capsys.readouterr().err)
    assert main(["--max-bytes", "1M", "-f", "csv", str(page)]) == EXIT_OK
    capsys.readouterr()
    with pytest.raises(SystemExit) as caught:
        main(["--max-bytes", "lots", str(page)])
    assert caught.value.code == EXIT_FAILED
    assert "not a size: 'lots'" in _one_error_line(capsys.readouterr().err)


# 6. Terminal injection


def test_the_table_shows_control_characters_escaped() -> None:
    member = Member(
        organization="甲党\x1b]0;owned\x07\x1b[2J\x9b31m",
        country=None,
        country_code=None,
        continent=None,
        continent_code=None,
        joined=None,
        link=None,
        section="成员\r",
        location=Location(table=0, row=1),
    )
    table = to_table([member])
    assert not any((ord(char) < 32 and char != "\n") or 127 <= ord(char) < 160 for char in table)
    assert "甲党\\x1b]0;owned\\x07\\x1b[2J\\x9b31m" in table


def test_a_page_cannot_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page(
        tmp_path, text=SEED.replace("阿富汗马列主义组织</a>", "阿富汗\x1b[2J马列主义组织</a>")
    )
    assert main([str(page)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "阿富汗[2J马列主义组织" in out  # the escape character removed, the rest is text


# 8. CLI reporting


def test_a_glob_outside_the_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--glob", "/etc/*", str(tmp_path)]) == EXIT_FAILED
    assert "--glob '/etc/*'" in _one_error_line(capsys.readouterr().err)


def test_a_closed_stdout_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    assert main([str(_page(tmp_path))]) == EXIT_FAILED
    assert "standard output is closed" in _one_error_line(capsys.readouterr().err)


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--bogus"])
    assert caught.value.code == EXIT_FAILED
    err = _one_error_line(capsys.readouterr().err)
    assert err.startswith("icor-extract: error: unrecognized arguments: --bogus")
