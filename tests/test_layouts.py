"""Attributions made by layout (``quoteapi.extract.layouts``), on small articles."""
import pytest

from conftest import quotes_of
from quoteapi.extract.layouts import handle_signature_frames, interview_frames
from quoteapi.extract.vocab import QuoteType, Rule, SpeakerFrom

INTERVIEW = (
    "Q&A: The coach on the season\n\n"
    "Coach Dana Reyes spoke with the Herald after the final game.\n\n"
    "Q: How do you judge the season?\n\n"
    "A: We fell short. I take responsibility for that.\n\n"
    "The injuries hurt us, but that is no excuse.\n\n"
    "Q: Will you be back next year?\n\n"
    "A. That is up to the owners.\n"
)


def test_interview_answers_are_the_interviewees_words(nlp):
    found = [f for f in quotes_of(nlp, INTERVIEW) if f["quote"].rule == Rule.INTERVIEW]
    assert [(f["parts"], f["name"], f["cue"]) for f in found] == [
        (["We fell short. I take responsibility for that.", "The injuries hurt us, but that is no excuse."],
         "Dana Reyes", "A:"),
        (["That is up to the owners."], "Dana Reyes", "A."),
    ]
    assert all(f["type"] == QuoteType.DIRECT and f["quote"].speaker_from == SpeakerFrom.INTERVIEW for f in found)


def test_a_cue_inside_an_answer_is_the_interviewees_own_word():
    """As inside quotation marks: ``A: … I want to be.`` reports no wish of an "I"."""
    from quoteapi.extract import load_pipeline

    for learned in (False, True):
        found = quotes_of(load_pipeline(learned=learned), INTERVIEW.replace("the owners.", "the owners. I want to be."))
        assert {f["quote"].rule for f in found} == {Rule.INTERVIEW}


@pytest.mark.parametrize("text", [
    # one answer is no interview
    "Coach Dana Reyes spoke with the Herald.\n\nQ: How was it?\n\nA: We fell short.\n",
    # nobody named before the questions
    "Q: How was the season?\n\nA: We fell short.\n\nQ: And next year?\n\nA: We will see.\n",
    # a list, not an interview
    "Dana Reyes listed her options.\n\nA. Stay with the club.\n\nB. Leave for Denver.\n\nA. Retire.\n",
])
def test_no_interview_without_two_answers_a_question_and_a_person_before(nlp, text):
    assert interview_frames(nlp(text), text) == []


def test_a_post_signed_with_a_handle_is_its_authors(nlp):
    """An embedded tweet once its HTML is text: the paragraph, then ``— Name (@handle) date``."""
    text = ("Sen. Tom Hale defended his vote.\n\n"
            "Voting no on a bill that helps families is not a hard choice. It is the wrong one.\n\n"
            "— Ann Brook (@annbrook) March 4, 2024\n\n"
            "Hale did not respond.")
    found = [f for f in quotes_of(nlp, text) if f["quote"].rule == Rule.SIGNATURE]
    assert [(f["parts"], f["name"], f["type"]) for f in found] == [
        (["Voting no on a bill that helps families is not a hard choice. It is the wrong one."], "Ann Brook",
         QuoteType.DIRECT)]


def test_a_dash_and_a_name_without_a_handle_signs_nothing(nlp):
    text = "The vote was close.\n\n— Ann Brook, March 4, 2024\n"
    assert handle_signature_frames(nlp(text), text) == []


@pytest.mark.parametrize("text, speaker", [
    ("We checked the claim.\n\n“Almost all new income is going to the top 1 percent.”\n\n- Ann Brook.\n\n"
     "The senator relies on a study.", "Ann Brook"),
    ("“We will win this state and then we will win the whole thing.”\n\n— Tom Hale, Des Moines", "Tom Hale"),
])
def test_a_quotation_signed_on_the_line_below_is_the_signers(nlp, text, speaker):
    """As fact-checks set the claim they check: the paragraph, then a dash and who said it."""
    [q] = [f for f in quotes_of(nlp, text) if f["quote"].rule == Rule.SIGNATURE]
    assert (q["type"], q["speaker"]) == (QuoteType.DIRECT, speaker)


@pytest.mark.parametrize("text", [
    "He called a man in the crowd “my supporter.”\n\n- Reuters.",  # a quotation inside a sentence
    "“We will win this state and then we will win the whole thing.”\n\n- Reuters.",  # the article's credit line
])
def test_no_signature_below_a_quotation_inside_a_sentence_or_from_a_wire_credit(nlp, text):
    assert not [f for f in quotes_of(nlp, text) if f["quote"].rule == Rule.SIGNATURE]
