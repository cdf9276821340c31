"""A dump in, one table out: the CLI (CSV, Parquet) and icor_extract.dask give each page's members.

The dump is built from the fixtures, with a page of another namespace, a
redirect, a page whose only table is not a member table and a page without
tables.  Every route must give the same rows as reading the member pages one
by one with ``parse(text, format="wikitext", source=title)``, each row with
its page, page id, revision and timestamp; the member counts and
organizations are those of the hand-written golden files.
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pandas as pd
import pytest

import icor_extract
from icor_extract import Member
from icor_extract.adapters.dataframe import members_to_dataframe
from icor_extract.cli import EXIT_BUG, EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL, main
from icor_extract.errors import InputError

from .conftest import fixture_path, load_golden
from .dumps import Page, write_dump


def _text(name: str) -> str:
    return fixture_path(name).read_text(encoding="utf-8")


ICOR = "革命政党和组织国际协调"
CWPI = "共产党和工人党倡议"
HANDWRITTEN = "ICOR（手写）"
MEMBER_PAGES = [
    Page(title=ICOR, text=_text("icor.zh.wikitext"), page_id=10, revision=100),
    Page(title="Wikipedia:沙盒", text=_text("icor.zh.wikitext"), page_id=11, revision=101,
         namespace=4),
    Page(title="ICOR", text="#REDIRECT [[革命政党和组织国际协调]]", page_id=12, revision=102,
         redirect=ICOR),
    Page(title=CWPI, text=_text("cwpi.zh.wikitext"), page_id=13, revision=103,
         timestamp="2023-01-02T03:04:05Z"),
    Page(title="歐洲人民黨", text=_text("epp.seats.zh.wikitext"), page_id=14, revision=104),
    Page(title="无表格", text=_text("icor.zh.wikitext").split("{|")[0], page_id=15, revision=105),
    Page(title=HANDWRITTEN, text=_text("icor.handwritten.wikitext"), page_id=16, revision=106),
]  # fmt: skip
ARTICLES_WITH_MEMBERS = [MEMBER_PAGES[0], MEMBER_PAGES[3], MEMBER_PAGES[6]]


def _expected() -> list[Member]:
    """The members of each article, read one page at a time, with the dump's page facts."""
    members = []
    for page in ARTICLES_WITH_MEMBERS:
        for member in icor_extract.parse(page.text, format="wikitext", source=page.title):
            members.append(
                dataclasses.replace(
                    member, page_id=page.page_id, revision=page.revision, timestamp=page.timestamp
                )
            )
    return members


EXPECTED = _expected()


def test_the_expected_rows_are_the_golden_members() -> None:
    """The reference the routes are compared with is itself checked against the goldens."""
    by_page: dict[str, list[Member]] = {}
    for member in EXPECTED:
        by_page.setdefault(member.page or "", []).append(member)
    goldens = {  # ICOR's wikitext: the table's members, then its 前成员 list's
        ICOR: ["icor.zh.wikitext.expected.json", "icor.zh.wikitext.lists.expected.json"],
        CWPI: ["cwpi.zh.wikitext.expected.json"],
        HANDWRITTEN: ["icor.zh.expected.json"],
    }
    assert list(by_page) == [ICOR, CWPI, HANDWRITTEN]
    for title, names in goldens.items():
        assert [m.organization for m in by_page[title]] == [
            entry["organization"] for name in names for entry in load_golden(name)["members"]
        ]
    assert {(m.page, m.page_id, m.revision) for m in EXPECTED} == {
        (ICOR, 10, 100),
        (CWPI, 13, 103),
        (HANDWRITTEN, 16, 106),
    }


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_dump(tmp_path_factory.mktemp("dump") / "zhwiki.xml.bz2", MEMBER_PAGES)


@pytest.fixture(scope="module")
def multistream(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dump") / "zhwiki-multistream.xml.bz2"
    return write_dump(path, MEMBER_PAGES, per_stream=1)


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_csv_from_a_dump(dump: Path, tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "members.csv"
    assert main([str(dump), "--format", "csv", "-o", str(out), "--jobs", jobs]) == EXIT_OK
    rows = _csv_rows(out.read_text(encoding="utf-8"))
    expected = _csv_rows(icor_extract.adapters.text.to_csv(EXPECTED))
    assert rows == expected
    assert (rows[0]["page"], rows[0]["page_id"], rows[0]["revision"]) == (ICOR, "10", "100")
    assert rows[0]["timestamp"] == "2024-05-01T12:00:00Z"
    assert rows[0]["organization"] == "阿富汗马列主义组织"


def test_cli_parquet_from_a_dump(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "members.parquet"
    assert main([str(dump), "--format", "parquet", "-o", str(out)]) == EXIT_OK
    frame = pd.read_parquet(out)
    pd.testing.assert_frame_equal(
        frame, members_to_dataframe(EXPECTED), check_dtype=False, check_categorical=False
    )
    assert frame.loc[0, "timestamp"] == pd.Timestamp("2024-05-01T12:00:00Z")


def test_cli_title_filter_and_namespaces(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "members.csv"
    assert main([str(dump), "-f", "csv", "-o", str(out), "--title", "^共产"]) == EXIT_OK
    assert {row["page"] for row in _csv_rows(out.read_text("utf-8"))} == {CWPI}
    assert main([str(dump), "-f", "csv", "-o", str(out), "--namespace", "4"]) == EXIT_OK
    assert {row["page"] for row in _csv_rows(out.read_text("utf-8"))} == {"Wikipedia:沙盒"}


def test_cli_table_shows_the_page_when_several_pages_are_read(
    dump: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(dump)]) == EXIT_OK
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    titles = lines[0].split()
    assert titles[:5] == ["continent", "country", "code", "organization", "joined"]
    assert titles[-1] == "page"
    assert lines[2].split()[-1] == ICOR
    assert lines[-1].split()[-1] == HANDWRITTEN
    assert "5 pages, 4 tables, 144 members, 0 failed" in captured.err


@pytest.mark.slow
def test_dask_on_a_local_cluster_of_two_workers(multistream: Path) -> None:
    distributed = pytest.importorskip("distributed")
    import icor_extract.dask

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        frame = icor_extract.dask.read_dump(multistream, blocksize=4096)
        assert frame.npartitions > 2
        persisted = client.persist(frame)
        distributed.wait(persisted)
        held = client.who_has(persisted)
        got = persisted.compute().reset_index(drop=True)
    workers = {worker for holders in held.values() for worker in holders}
    assert len(workers) == 2  # both workers read pages
    pd.testing.assert_frame_equal(got, members_to_dataframe(EXPECTED), check_categorical=False)


@pytest.mark.slow
def test_dask_read_pages_gives_each_file_as_its_page() -> None:
    import icor_extract.dask

    names = [str(fixture_path(n)) for n in ("icor.zh.md", "epp.seats.zh.wikitext", "cwpi.zh.md")]
    frame = icor_extract.dask.read_pages(names, batch=2)
    assert frame.npartitions == 2
    got = frame.compute(scheduler="sync")
    expected = [m for n in (names[0], names[2]) for m in icor_extract.read(n).members]
    pd.testing.assert_frame_equal(
        got.reset_index(drop=True), members_to_dataframe(expected), check_categorical=False
    )
    assert list(got["page"].unique()) == [names[0], names[2]]


def test_a_page_that_fails_is_named_and_the_others_are_written(
    dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = icor_extract.corpus.parse

    def failing(text: str, **options: object) -> icor_extract.Extraction:
        if options.get("source") == CWPI:
            raise InputError("the page nests markup too deeply to read", source=CWPI)
        return real(text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(icor_extract.corpus, "parse", failing)
    out = tmp_path / "members.csv"
    assert main([str(dump), "-f", "csv", "-o", str(out)]) == EXIT_PARTIAL
    assert f"error: {CWPI}: the page nests markup" in capsys.readouterr().err
    rows = _csv_rows(out.read_text("utf-8"))
    assert [row["page"] for row in rows] == [m.page for m in EXPECTED if m.page != CWPI]


@pytest.mark.parametrize("output", ["csv", "parquet"])
def test_a_bug_on_a_page_leaves_no_output_and_names_the_page(
    dump: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    output: str,
) -> None:
    real = icor_extract.api._extract

    def broken(text: str, chosen: str, variant: str, source: str | None) -> object:
        if source == CWPI:
            raise ZeroDivisionError("a planted bug")
        return real(text, chosen, variant, source)

    monkeypatch.setattr(icor_extract.api, "_extract", broken)
    out = tmp_path / f"members.{output}"
    out.write_text("the previous run's output")
    assert main([str(dump), "-f", output, "-o", str(out)]) == EXIT_BUG
    err = capsys.readouterr().err
    assert f"{CWPI}: a bug in icor_extract (ZeroDivisionError: a planted bug)" in err
    assert out.read_text() == "the previous run's output"  # left as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


def test_ctrl_c_leaves_no_output(
    dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = icor_extract.cli.run_page
    seen: list[object] = []

    def interrupted(item: object, options: icor_extract.cli.Options) -> object:
        seen.append(item)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(item, options)  # type: ignore[arg-type]

    monkeypatch.setattr(icor_extract.cli, "run_page", interrupted)
    out = tmp_path / "members.parquet"
    assert main([str(dump), "-f", "parquet", "-o", str(out)]) == EXIT_INTERRUPTED
    assert "interrupted" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_real_ctrl_c_leaves_no_output(tmp_path: Path, jobs: str) -> None:
    """SIGINT to the whole process group, as a terminal sends it, in the middle of a run."""
    import os
    import signal
    import subprocess
    import sys
    import time

    # enough pages that even a fast, quiet machine is still reading when the signal comes
    many = [dataclasses.replace(MEMBER_PAGES[0], page_id=n, revision=n) for n in range(1, 30000)]
    dump = write_dump(tmp_path / "big.xml", many)
    out = tmp_path / "out" / "members.parquet"
    out.parent.mkdir()
    command = [sys.executable, "-m", "icor_extract.cli", str(dump), "-f", "parquet", "-o"]
    process = subprocess.Popen(
        [*command, str(out), "-j", jobs], stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not any(out.parent.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # some pages read
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == EXIT_INTERRUPTED
    assert f"interrupted; {out} not written" in err
    assert list(out.parent.iterdir()) == []
