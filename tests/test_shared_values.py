"""Equal values a large table repeats are one object: a row holds references, not copies.

Issue 15 ("a row three times lighter"): what is shared here is immutable and
equal by value, so the output is the same; these tests fail when a stage
goes back to building a copy per row.
"""

from __future__ import annotations

from icor_extract.geo.countries import country_index


def test_a_name_written_alike_in_several_texts_is_one_string() -> None:
    texts = ["印度共产党", "印度人民党", "Communist Party of India", "India", "INDIA"]
    found = country_index().find_each(texts)
    chinese = [matches[0].text for matches in found[:2]]
    latin = [matches[0].text for matches in found[2:4]]
    assert chinese == ["印度", "印度"]
    assert chinese[0] is chinese[1]
    assert latin == ["India", "India"]
    assert latin[0] is latin[1]
    assert found[4][0].text == "INDIA"  # written otherwise: its own text
