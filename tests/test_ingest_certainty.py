"""Hedges as news and analysis write them (seeds/ANNOTATION_GUIDE.md, certainty)."""

import pytest

from app.ingest.certainty import certainty


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A submarine propulsion deal cannot be ruled out.", "possible"),
        ("Moscow did not rule out military-technical cooperation with the DPRK.", "possible"),
        ("There is the possibility of intelligence sharing.", "possible"),
        ("Indeed, the arrangement arguably suits China.", "probable"),
        ("Chinese officials are reported to be uneasy about it.", "probable"),
        ("Stocks were exhausted, according to Western estimates.", "probable"),
        ("My guess is that Xi Jinping will remind both men who pays.", "probable"),
        ("Nuclear cooperation is the line we expect Moscow not to cross.", "probable"),
        ("I'd bet money they were careful not to provoke Beijing.", "probable"),
        ("There is little reason to think this one will last.", "probable"),
        ("But Beijing is understood to be uneasy.", "probable"),
        ("The DPRK has received, in all probability, technical assistance.", "probable"),
        ("The money is almost certainly being poured into its nuclear program.", "probable"),
    ],
)
def test_hedges_of_other_publishers(sentence: str, expected: str) -> None:
    assert certainty(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # an adjective of a noun, not a hedge on the claim
        "Beyond the battlefield, there are other potential benefits for Russia.",
        "The estimate was published on Tuesday by the ministry.",
        # what someone was unable to do, not a possibility
        "Kim is getting something he could never buy on the open market.",
        "The deployment showed that Putin could no longer fight the war alone.",
    ],
)
def test_plain_sentences_stay_certain(sentence: str) -> None:
    assert certainty(sentence)[0] == "certain"
