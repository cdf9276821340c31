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
