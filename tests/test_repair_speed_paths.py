"""The repair stages' shortcuts give what the long way gives (speed round four)."""

from __future__ import annotations

import re

import pytest

import icor_extract
from icor_extract.geo.countries import Resolution, Status
from icor_extract.model import Rule
from icor_extract.readers.raw import RawCell
from icor_extract.repair.country_names import Hint, _hints_verdict, entry_verdict
from icor_extract.repair.nonmember import _TRAILING_REMARK, not_an_organization

from .conftest import fixture_path, spanned_provenance

# The placeholder check read the long way: the trailing remark taken off every text.
_PLACEHOLDER_TEXTS = [
    "独立人士 (Indrek Tarand)",
    "独立人士（Indrek Tarand）",
    "Independent (2 MEPs)",
    "独立人士（x）：",
    "来源：",
    "独立人士 (x) 党",
    "(x)",
    "（）",
    "无",
    "政党（马列）",
    "政党 (1990年)",
    "Sources",
    "independent)",
]


@pytest.mark.parametrize("text", _PLACEHOLDER_TEXTS)
def test_a_remark_is_only_taken_off_a_text_ending_with_a_bracket(text: str) -> None:
    stripped = text.strip()
    if not stripped.endswith((")", "）")):
        assert _TRAILING_REMARK.sub("", stripped) == stripped  # what the shortcut relies on
    bare = _TRAILING_REMARK.sub("", stripped).rstrip(":：").strip().casefold()
    placeholder = bare in {"独立人士", "independent", "来源", "无", "sources"}
    found = not_an_organization(RawCell(text=text))
    assert (found is not None and "is not an organization" in found[1]) is placeholder


_RESOLUTIONS = [
    Resolution(Status.COUNTRY, ("IN",), "印度"),
    Resolution(Status.NO_ISO_CODE, (), "Northern Cyprus"),
    Resolution(Status.AMBIGUOUS, ("CD", "CG"), "刚果"),
    Resolution(Status.FORMER, (), "Czechoslovakia"),
    Resolution(Status.NOT_A_COUNTRY, (), "新墨西哥"),
]


@pytest.mark.parametrize("resolution", _RESOLUTIONS, ids=lambda r: r.status.value)
def test_one_name_gives_the_verdict_of_the_general_rule(resolution: Resolution) -> None:
    """A name read twice takes the general rule and must decide as the one-name shortcut."""
    hint = Hint(Rule.COUNTRY_NAME, resolution.name, resolution, 3, 2)
    one, twice = entry_verdict([hint]), entry_verdict([hint, hint])
    assert (one.code, one.conflict) == (twice.code, twice.conflict)
    assert one.hints == (hint,)
    assert one.code == resolution.identity
    assert one == _hints_verdict([hint])


def test_no_name_gives_the_verdict_of_the_general_rule() -> None:
    assert entry_verdict([]) == _hints_verdict([])


def test_rows_under_one_rowspan_share_one_continent_value() -> None:
    shared = spanned_provenance(
        fixture_path("icor.zh.wikitext"), "continent", Rule.CONTINENT_ROWSPAN
    )
    assert shared
    for values in shared:
        assert all(value is values[0] for value in values)
        assert re.fullmatch(r"from row \d+", values[0].note)


def test_no_repair_stage_changes_a_value_after_it_is_built() -> None:
    """The per-row values are not frozen (for speed), and some are shared between rows
    (a lost column's value, a rowspan's continent): no stage or the records may assign
    to an attribute, which would change every row sharing the value."""
    import ast
    from pathlib import Path

    package = Path(icor_extract.__file__).parent
    modules = [*sorted((package / "repair").glob("*.py")), package / "records.py"]
    assigned = [
        f"{module.name}:{node.lineno}"
        for module in modules
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        for target in (
            node.targets if isinstance(node, ast.Assign)
            else [node.target] if isinstance(node, ast.AugAssign | ast.AnnAssign)
            else []
        )
        if isinstance(target, ast.Attribute)
    ]  # fmt: skip
    assert len(modules) > 10
    assert assigned == []


@pytest.mark.parametrize("page", ["icor.zh.md", "icor.zh.wikitext", "cwpi.zh.md"])
def test_a_table_past_its_plan_limit_is_planned_alike(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table keeps at most ``_TABLE_PLANS`` plans (found in review: the dict grew with its
    distinct rows); the rows past it are planned through ``plan_row``, to the same result."""
    from icor_extract.repair import realign

    path = fixture_path(page)
    expected = icor_extract.read(path)
    monkeypatch.setattr(realign, "_TABLE_PLANS", 1)
    assert icor_extract.read(path) == expected
