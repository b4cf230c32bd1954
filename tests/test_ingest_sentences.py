"""Step 1 of the annotation pipeline: segments, their kinds and their exact offsets."""

from app.config import project_path
from app.ingest.sentences import claim_span, segment
from app.seeds.coverage import assertive_sentences
from app.seeds.parse import read_seeds

SEEDS = project_path("seeds")


def kinds(text: str, **kwargs: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in segment(text, **kwargs)]


def test_every_segment_is_an_exact_span_of_the_seeds() -> None:
    seed_set = read_seeds(SEEDS)
    for source in seed_set.rows["source"]:
        text = source["text"]
        for s in segment(text):
            piece = text[s.start : s.end]
            assert piece, (source["id"], s)
            assert piece == piece.strip(), (source["id"], s)


def test_declared_furniture_is_never_assertive() -> None:
    seed_set = read_seeds(SEEDS)
    for source in seed_set.rows["source"]:
        chrome = seed_set.furniture[source["id"]]
        for s in segment(source["text"]):
            if s.kind == "assertive":
                assert not any(c.start < s.end and s.start < c.end for c in chrome), (
                    source["id"],
                    source["text"][s.start : s.end],
                )


def test_assertive_sentences_agree_with_the_coverage_report() -> None:
    """The pipeline's sentences are (nearly) those an annotator must cover."""
    seed_set = read_seeds(SEEDS)
    for source in seed_set.rows["source"]:
        wanted = assertive_sentences(
            source["text"],
            furniture=seed_set.furniture[source["id"]],
            filler=seed_set.filler[source["id"]],
        )
        found = [s for s in segment(source["text"]) if s.kind == "assertive"]
        assert abs(len(found) - len(wanted)) <= 2, source["id"]


def test_astral_characters_shift_nothing() -> None:
    text = (
        "Intro line 👇\n\n👇👇 Kim Jong Un met Putin in Pyongyang.👇 "
        "Russia badly needs artillery shells. 🇰🇵 The end is near."
    )
    found = kinds(text)
    assert ("assertive", "Kim Jong Un met Putin in Pyongyang.") in found
    assert ("assertive", "Russia badly needs artillery shells.") in found
    assert ("assertive", "The end is near.") in found
    for s in segment(text):
        assert text[s.start : s.end] == text[s.start : s.end].strip()


def test_empty_text_and_text_without_sentences() -> None:
    assert segment("") == []
    assert segment("   \n\n \t") == []
    headings_only = "Menu\nHome\nWorld News\nPolitics\n"
    assert all(s.kind != "assertive" for s in segment(headings_only))


def test_furniture_bylines_and_datelines() -> None:
    text = (
        "Troops sent to the front\n"
        "By Jane Roe and John Doe\n"
        "Published 14 November 2024\n"
        "Advertisement\n"
        "SEOUL, Nov 14 (Newswire) - North Korea has sent troops to Russia, officials said.\n"
        "Share this article\n"
        "Sign up for our newsletter to get the day's top stories.\n"
        "Read More\n"
        "Kim Jong Un inspects a factory. (Photo by Someone/AFP via Getty Images)\n"
    )
    found = kinds(text)
    assert found[0] == ("title", "Troops sent to the front")
    furniture = [piece for kind, piece in found if kind == "furniture"]
    assert "By Jane Roe and John Doe" in furniture
    assert "Published 14 November 2024" in furniture
    assert "Advertisement" in furniture
    assert "SEOUL, Nov 14 (Newswire) - " in furniture
    assert "Share this article" in furniture
    assert "Sign up for our newsletter to get the day's top stories." in furniture
    assert "Read More" in furniture
    assert ("assertive", "North Korea has sent troops to Russia, officials said.") in found
    assert not any("Getty" in piece for kind, piece in found if kind == "assertive")


def test_wire_credits_notes_footnotes_and_agency_datelines() -> None:
    text = (
        "SEOUL, South Korea (AW) \u2014 North Korea has sent troops to Russia, officials said.\n"
        "Russia turned to the one supplier able to send shells.[1] In exchange, the North "
        "received food and fuel.\n"
        "Reports of misfires point to diminishing returns for Moscow.[2]\n"
        "(Additional reporting by Tom Hale in Washington; Editing by Clare Booth)\n"
        "Matthew Lee in Washington contributed to this report.\n"
        "The views expressed here are the authors\u2019 own.\n"
        "[1] Ministry of Defence, \u2018Update on Russian munitions\u2019, 14 February 2024.\n"
    )
    found = kinds(text)
    furniture = [piece for kind, piece in found if kind == "furniture"]
    assert "SEOUL, South Korea (AW) \u2014 " in furniture
    assert ("assertive", "North Korea has sent troops to Russia, officials said.") in found
    assert ("assertive", "Russia turned to the one supplier able to send shells.[1]") in found
    assert ("assertive", "In exchange, the North received food and fuel.") in found
    assert ("assertive", "Reports of misfires point to diminishing returns for Moscow.[2]") in found
    assert len(furniture) == 5
    assert not any("Ministry of Defence" in piece for kind, piece in found if kind != "furniture")


def test_headings_questions_fragments_and_filler() -> None:
    text = (
        "A Title Without a Stop\n"
        "Why Now? The Geopolitical Sweet Spot\n"
        "What does this mean for Seoul? Russia has signed a pact with North Korea.\n"
        "Yes indeed.\n"
        "So, grab your favorite beverage, settle in, and let's unravel this.\n"
        "Buckle up, because the implications of the pact are massive for the region.\n"
    )
    found = kinds(text)
    assert ("heading", "Why Now? The Geopolitical Sweet Spot") in found
    assert ("question", "What does this mean for Seoul?") in found
    assert ("assertive", "Russia has signed a pact with North Korea.") in found
    assert ("fragment", "Yes indeed.") in found
    assert (
        "filler",
        "So, grab your favorite beverage, settle in, and let's unravel this.",
    ) in found
    buckle = next(s for s in segment(text) if text[s.start : s.end].startswith("Buckle"))
    start, end = claim_span(text, buckle)
    assert text[start:end] == "the implications of the pact are massive for the region."


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "First line.\nThe U.S. and Mr. J. K. Smith met Gen. Park in Seoul on Jan. 5. They agreed."
    )
    found = [piece for kind, piece in kinds(text) if kind == "assertive"]
    assert "The U.S. and Mr. J. K. Smith met Gen. Park in Seoul on Jan. 5." in found
    assert "They agreed." not in found  # a fragment, like "First line."
    assert len(found) == 1


def test_hard_wrapped_paragraphs_are_joined() -> None:
    paragraph = (
        "North Korea has sent thousands of soldiers to Russia to fight in the\n"
        "Kursk region, according to officials in Seoul who briefed lawmakers on\n"
        "Thursday. The soldiers were given Russian uniforms and identity papers\n"
        "before they were sent to the front line near the border with Ukraine.\n"
    )
    text = "Report\n\n" + paragraph + "\n" + paragraph.replace("Thursday", "Friday")
    sentences = [piece for kind, piece in kinds(text) if kind == "assertive"]
    assert sentences[0].startswith("North Korea has sent thousands of soldiers")
    assert sentences[0].endswith("Thursday.")
    assert "\n" in sentences[0]  # a span of the text as it is, line breaks and all
