"""Adapters: DataFrame dtypes, CSV and the notebook view."""

from __future__ import annotations

import pandas as pd
import pytest

import icor_extract
from icor_extract import Extraction

from .conftest import fixture_path


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return icor_extract.read(fixture_path("icor.zh.md"))


def test_dataframe_dtypes(extraction: Extraction) -> None:
    frame = extraction.to_dataframe()
    assert len(frame) == 52
    assert str(frame["organization"].dtype) == "string"
    assert str(frame["joined"].dtype) == "Int64"
    assert isinstance(frame["continent_code"].dtype, pd.CategoricalDtype)
    assert frame["country_code"].isna().sum() == 15
    assert frame.loc[frame["organization"] == "劳动党", "country_code"].item() == "RS"


def test_dataframe_counts(extraction: Extraction) -> None:
    frame = extraction.to_dataframe()
    counts = frame.groupby("continent_code", observed=True).size().to_dict()
    assert counts == {"AF": 6, "AS": 14, "EU": 21, "NA": 4, "SA": 7}
    assert frame["joined"].min() == 2010
    assert frame["joined"].max() == 2018


def test_empty_dataframe_keeps_columns_and_dtypes() -> None:
    frame = Extraction().to_dataframe()
    assert frame.empty
    assert str(frame["joined"].dtype) == "Int64"


def test_html_repr_marks_inferred_values(extraction: Extraction) -> None:
    page = extraction._repr_html_()
    assert page.count("<tr>") == 53
    assert "<i>印度尼西亚</i>" in page  # inferred from the name: italic
    assert 'title="country.ambiguous' in page


def test_dataframe_with_provenance_has_rule_and_evidence_per_field(extraction: Extraction) -> None:
    frame = extraction.to_dataframe(provenance=True)
    plain = extraction.to_dataframe()
    assert list(frame.columns[: len(plain.columns)]) == list(plain.columns)
    for field in ("organization", "country", "continent", "joined", "link"):
        assert f"{field}_rule" in frame.columns
        assert f"{field}_evidence" in frame.columns
    first = frame.iloc[0]  # row 2 of the page: 阿富汗马列主义组织, 2010年, its country cell lost
    assert (first["joined_rule"], first["joined_evidence"]) == ("realign.shift", "2010年")
    assert (first["link_rule"], first["link_evidence"]) == ("link", "阿富汗马列主义组织")
    assert (first["country_rule"], first["country_evidence"]) == ("country.name", "阿富汗")
    indonesia = frame[frame["organization"] == "印度尼西亚革命者"].iloc[0]
    assert indonesia["link_rule"] == "link.none"
    assert pd.isna(indonesia["link_evidence"]) or indonesia["link_evidence"] == ""
    assert isinstance(frame["country_rule"].dtype, pd.CategoricalDtype)


def test_csv_table_and_dataframe_share_the_schema(extraction: Extraction) -> None:
    from icor_extract.adapters.schema import FLAT_COLUMNS
    from icor_extract.adapters.text import to_csv, to_table

    assert to_csv(extraction.members).splitlines()[0].split(",") == list(FLAT_COLUMNS)
    assert list(extraction.to_dataframe().columns) == list(FLAT_COLUMNS)
    assert to_table(extraction.members).split()[:5] == [
        "continent", "country", "code", "organization", "joined",
    ]  # fmt: skip
