"""Country and continent names from CLDR and ISO 3166: what they decide, and what they must not."""

from __future__ import annotations

import pytest

from icor_extract.geo.continents import continent_code
from icor_extract.geo.countries import Status, country_index
from icor_extract.geo.flags import resolve_flag


@pytest.mark.parametrize(
    ("name", "status", "codes"),
    [
        ("印度", Status.COUNTRY, ("IN",)),
        ("印度尼西亚", Status.COUNTRY, ("ID",)),
        ("印尼", Status.COUNTRY, ("ID",)),  # CLDR zh_Hant, iso-codes zh_HK
        ("多米尼加共和国", Status.COUNTRY, ("DO",)),
        ("刚果民主共和国", Status.COUNTRY, ("CD",)),
        ("北马其顿", Status.COUNTRY, ("MK",)),
        ("塞爾維亞", Status.COUNTRY, ("RS",)),
        ("Netherlands", Status.COUNTRY, ("NL",)),
        ("刚果", Status.AMBIGUOUS, ("CD", "CG")),
        ("Congo", Status.AMBIGUOUS, ("CD", "CG")),
        ("Korea", Status.AMBIGUOUS, ("KP", "KR")),
        ("捷克斯洛伐克", Status.FORMER, ()),
        ("南斯拉夫", Status.FORMER, ()),
        ("科索沃", Status.NO_ISO_CODE, ()),
        ("欧盟", Status.NOT_A_COUNTRY, ()),
        ("里昂", Status.UNKNOWN, ()),
        ("苏格兰", Status.UNKNOWN, ()),
        ("德意志", Status.UNKNOWN, ()),  # part of today's 德意志联邦共和国, not a former state
    ],
)
def test_resolve(name: str, status: Status, codes: tuple[str, ...]) -> None:
    resolution = country_index().resolve(name)
    assert (resolution.status, resolution.codes) == (status, codes)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("印度尼西亚革命者", [("印度尼西亚", "ID")]),  # longest match, not 印度
        ("布尔什维克党（北库尔德斯坦－土耳其）", [("土耳其", "TR")]),
        ("捷克斯洛伐克共产党", [("捷克斯洛伐克", None)]),  # not 捷克 + 斯洛伐克
        ("Communist Party of Nigeria", [("Nigeria", "NG")]),  # not Niger
        ("Nigerian Workers", []),  # Latin names must stand as words
        ("里昂共产主义团结", []),
    ],
)
def test_find_in_text(text: str, found: list[tuple[str, str | None]]) -> None:
    matches = country_index().find(text)
    assert [(m.text, m.resolution.code) for m in matches] == found


@pytest.mark.parametrize(
    ("variant", "name"), [("zh-hans", "塞尔维亚"), ("zh-hant", "塞爾維亞"), ("en", "Serbia")]
)
def test_display_name_follows_the_variant(variant: str, name: str) -> None:
    assert country_index().display_name("RS", variant) == name


@pytest.mark.parametrize(
    ("name", "code"),
    [("亚洲", "AS"), ("亞洲", "AS"), ("欧洲", "EU"), ("非洲", "AF"), ("北美洲", "NA"),
     ("南美洲", "SA"), ("大洋洲", "OC"), ("南极洲", "AN"), ("Europe", "EU"), ("美洲", None),
     ("中国", None)],
)  # fmt: skip
def test_continent_code(name: str, code: str | None) -> None:
    assert continent_code(name) == code


@pytest.mark.parametrize(
    ("kind", "value", "code"),
    [("code", "IND", "IN"), ("template", "印度", "IN"), ("image", "the Netherlands", "NL"),
     ("template", "India", "IN"), ("code", "XYZ", None)],
)  # fmt: skip
def test_resolve_flag(kind: str, value: str, code: str | None) -> None:
    assert resolve_flag(kind, value).code == code


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("北爱尔兰共产党", [("北爱尔兰", None)]),  # not Ireland
        ("Communist Party of Northern Ireland", [("Northern Ireland", None)]),
        ("新墨西哥共产主义者联盟", [("新墨西哥", None)]),  # ISO 3166-2 US-NM, not Mexico
        ("New Jersey Workers", [("New Jersey", None)]),  # not Jersey
        ("西澳大利亚共产党", [("西澳大利亚", "AU")]),  # a place of the country it names
        ("南朝鲜民族民主战线", [("南朝鲜", "KR")]),  # not North Korea
    ],
)
def test_places_inside_countries_block_the_shorter_name(
    text: str, found: list[tuple[str, str | None]]
) -> None:
    matches = country_index().find(text)
    assert [(m.text, m.resolution.code) for m in matches] == found


@pytest.mark.parametrize(("name", "code"), [("中东", None), ("南美", "SA"), ("澳洲", "OC")])
def test_region_names_cldr_lacks(name: str, code: str | None) -> None:
    from icor_extract.geo.continents import is_continent_name

    assert is_continent_name(name)
    assert continent_code(name) == code


def test_every_code_file_target_is_a_known_code() -> None:
    # the sourced code files may only point at ISO 3166-1/-2/-3 codes or a listed state
    import pycountry

    from icor_extract.geo.codes import CODE_FILES
    from icor_extract.geo.tsv import data_rows

    alpha2 = {country.alpha_2 for country in pycountry.countries}
    former = {country.alpha_4 for country in pycountry.historic_countries}
    parts = {place.code for place in pycountry.subdivisions}
    no_iso = {row[0] for row in data_rows("no_iso_states.tsv")}
    for file_name in CODE_FILES:
        for code, target, name, *_ in data_rows(file_name):
            assert code.isupper(), (file_name, code)
            assert code.isalpha(), (file_name, code)
            known = target in alpha2 | former | parts | {"EU"} or (
                target == "-" and name in no_iso
            )
            assert known, (file_name, code, target)


@pytest.mark.parametrize(
    ("name", "code"),
    [("多米尼加", "DO"), ("多明尼加", "DO"), ("多米尼克", "DM"), ("波黑", "BA"),
     ("不列颠", "GB"), ("不列顛", "GB"), ("马其顿", "MK"), ("馬其頓", "MK"),
     ("象牙海岸", "CI"), ("几内亚比绍", "GW")],
)  # fmt: skip
def test_names_zh_wiki_uses(name: str, code: str) -> None:
    assert country_index().resolve(name).codes == (code,)
