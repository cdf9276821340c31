"""``icor-extract diff OLD NEW`` and ``icor-extract PAGE --fill-from OTHER``."""

from __future__ import annotations

import csv
import io
import json

import pytest

from icor_extract import cli
from icor_extract.cli_diff import parse_diff_args

from .conftest import fixture_path

SEED, LATER = str(fixture_path("icor.zh.md")), str(fixture_path("icor.zh.wikitext"))


def test_diff_arguments() -> None:
    options = parse_diff_args(["a.md", "b.wikitext", "--format", "json"])
    assert (options.old, options.new, options.output) == ("a.md", "b.wikitext", "json")
    with pytest.raises(SystemExit):
        parse_diff_args(["only-one.md"])
    with pytest.raises(SystemExit):
        parse_diff_args(["a", "b", "--format", "xml"])


def test_diff_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["diff", SEED, LATER]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "5 joined" in out.splitlines()[0]
    assert "  renamed: 抵抗－劳动运动 -> 抵抗－劳动党  [match.similar]" in out


def test_diff_as_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["diff", SEED, LATER, "--format", "csv"]) == cli.EXIT_OK
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    joined = [row["new_organization"] for row in rows if row["kind"] == "joined"]
    assert joined == [
        "土耳其共产党/马列",
        "喀麦隆人民联盟－全国争取创建民主宣言",
        "科特迪瓦无产阶级共产党",
        "肯尼亚共产党",
        "澳大利亚共产党（马列）",
    ]
    (word_order,) = [row for row in rows if row["kind"] == "renamed" and row["new_row"] == "48"]
    assert (word_order["before"], word_order["after"]) == (
        "海地新共产党（马列）",
        "新海地共产党（马列）",
    )


def test_diff_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["diff", LATER, SEED, "-f", "json"]) == cli.EXIT_OK
    document = json.loads(capsys.readouterr().out)
    assert document["old"].endswith("icor.zh.wikitext")
    assert document["ambiguous"] == []
    kinds = [event["kind"] for event in document["events"]]
    assert kinds.count("left") == 5  # the other way round, the five that joined have left


def test_diff_reads_one_side_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with open(LATER, "rb") as later:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(later.read())))
    assert cli.main(["diff", SEED, "-", "-f", "json"]) == cli.EXIT_OK
    document = json.loads(capsys.readouterr().out)
    assert document["new"] == "<stdin>"
    assert [event["kind"] for event in document["events"]].count("joined") == 5
    with pytest.raises(SystemExit):
        parse_diff_args(["-", "-"])


def test_diff_of_a_missing_page_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["diff", SEED, "no/such/page.md"]) == cli.EXIT_FAILED
    assert "icor-extract: error:" in capsys.readouterr().err


def test_fill_from(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([SEED, "--fill-from", LATER, "--format", "json"]) == cli.EXIT_OK
    members = json.loads(capsys.readouterr().out)
    assert len(members) == 52
    (congo,) = [m for m in members if m["organization"] == "刚果革命组织"]
    assert congo["country_code"] == "CD"
    assert congo["provenance"]["country"]["rule"] == "country.other-source"


def test_fill_from_an_unreadable_page_fails_the_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([SEED, "--fill-from", "no/such/page.md"]) == cli.EXIT_FAILED
    assert "no/such/page.md" in capsys.readouterr().err
