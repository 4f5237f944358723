"""The extractor's work grows in step with the text: as many steps per character for a long
article as for a short one, and for one overlong sentence as for a short one (issues: archives at
scale; no request can take the service down). Work is counted, not timed: every Python call and
generator step the ``quotes`` component makes on an already parsed document."""
import sys

import pytest

from quoteapi.extract.lines import LONG_SENTENCE_TOKENS


def _steps(nlp, text: str) -> int:
    """Python calls (generator steps included) the quotes component makes on *text*'s parse."""
    with nlp.select_pipes(disable=["quotes"]):
        doc = nlp(text)
    component = nlp.get_pipe("quotes")
    component(doc)  # once before counting: caches that fill on first use are not the text's work
    with nlp.select_pipes(disable=["quotes"]):
        doc = nlp(text)
    steps = 0

    def count(frame, event, arg):
        nonlocal steps
        if event == "call":
            steps += 1

    sys.setprofile(count)
    try:
        component(doc)
    finally:
        sys.setprofile(None)
    return steps


def _growth(nlp, unit: str, small: int, large: int) -> float:
    """How much more work *large* copies of *unit* take than *small* copies, per copy."""
    return _steps(nlp, unit * large) / _steps(nlp, unit * small) / (large / small)


def test_a_long_article_costs_the_same_per_character_as_a_short_one(nlp, seed_text):
    # The seed article 2 and 10 times over (4,600 and 23,000 characters): the same work per copy.
    assert _growth(nlp, seed_text + "\n\n", 2, 10) < 1.1


@pytest.mark.parametrize("unit", [
    "Smith said that ",                      # one sentence of reported speech inside reported speech
    "“He said ‘she said “they said ",        # unclosed nested quotations, one sentence
    "“We will win,” Smith said, ",           # one sentence of attributed quotations
    "( he said ",
], ids=["said-that", "nested-marks", "quote-said", "brackets"])
def test_one_overlong_sentence_costs_no_more_per_word_than_a_short_one(nlp, unit):
    # Both sizes are many capped sentences long (LONG_SENTENCE_TOKENS), so the work per copy is
    # about flat from one to the other (before the cap and the indexes: 3.7 times more per copy
    # at four times the size, for a scan of the whole sentence or document per frame or per quote).
    tokens = len(unit.split()) + unit.count(",") + unit.count("“") + unit.count("‘")
    small = 4 * LONG_SENTENCE_TOKENS // tokens
    growth = _growth(nlp, unit, small, 3 * small)
    assert growth < 1.2


def test_long_sentences_ends_a_run_at_its_next_full_stop_then_anyway(nlp, monkeypatch):
    """The stage on its own, with a cap of 4: after 4 tokens the next full stop ends the sentence
    (not one inside a quotation), after 8 the next token starts one; short sentences are left to
    the parser."""
    from quoteapi.extract import lines

    short = nlp.make_doc("We won. They lost. It rained.")
    lines.long_sentences(short)
    assert not any(t.is_sent_start for t in short[1:])
    monkeypatch.setattr(lines, "LONG_SENTENCE_TOKENS", 4)
    doc = nlp.make_doc("a b . c d e f . g “h i.” j k l m n o p q r s t u v w x")
    lines.long_sentences(doc)
    starts = [t for t in doc if t.is_sent_start and t.i > 0]
    # The full stop after "b" comes too soon; the one after "f" ends the sentence; the one
    # inside the quotation does not; 8 tokens after "g" the next one starts a sentence anyway.
    g = starts[0]
    assert g.text == "g"
    assert starts[1].i == g.i + 9 and all(t.i > g.i + 8 for t in starts[1:])

