"""Quotation-mark pairing, on the string alone."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteapi.extract.marks import MarkIndex, find_quote_spans


def texts(t):
    return [s.text(t) for s in find_quote_spans(t)]


def test_straight_and_curly_double_quotes():
    assert texts('"Yes," he said. “No,” she said.') == ["Yes,", "No,"]


def test_guillemets_and_german_marks():
    assert texts("«Non», dit-il.") == ["Non"]
    assert texts("„Wir schaffen das“, sagte sie.") == ["Wir schaffen das"]


def test_curly_single_quotes_apart_from_apostrophes():
    t = "The voters’ choice, she called it ‘a historic mistake’, isn’t final."
    assert texts(t) == ["a historic mistake"]
    assert texts("Don’t stop the ’90s rock’n’roll.") == []


def test_straight_single_quotes_apart_from_apostrophes():
    assert texts("It's the 'best deal ever' for the farmers' union.") == ["best deal ever"]


def test_single_quotes_nested_in_double_belong_to_the_outer_quote():
    t = "“He told me ‘never again’ twice,” she said."
    assert texts(t) == ["He told me ‘never again’ twice,"]


def test_quotes_of_the_other_style_nest():
    assert texts('"He read the question: “Do you agree?” and waited," she said.') == [
        "He read the question: “Do you agree?” and waited,"]
    assert texts('“They shouted "stop" twice,” she said.') == ['They shouted "stop" twice,']


def test_two_apostrophes_as_a_double_quote():
    t = "''It's anti-reform,'' said Mr. Holtz-Eakin. ''They're more detailed.''"
    assert texts(t) == ["It's anti-reform,", "They're more detailed."]
    [first, _] = find_quote_spans(t)
    assert (first.mark_start, first.mark_end) == (0, 21)


def test_quote_running_over_paragraphs():
    t = "“First paragraph of the quote.\n\n“Second paragraph.\n\n“Last one,” she said."
    [span] = find_quote_spans(t)
    assert [t[s:e] for s, e in span.parts] == ["First paragraph of the quote.", "Second paragraph.", "Last one,"]


def test_unclosed_quote_is_dropped_not_extended():
    t = "“This never closes.\n\nA new paragraph with no mark. “Real,” she said."
    assert texts(t) == ["Real,"]


def test_interrupted_quote_gives_two_spans():
    assert texts("“A,” he said, “B.”") == ["A,", "B."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", "\n", ".", ",", "'", '"', "“", "”", "‘", "’", "«", "»", "„", "don't"]), max_size=40).map("".join))
def test_any_arrangement_of_marks_pairs_without_error(t):
    spans = find_quote_spans(t)
    last = -1
    for span in spans:
        assert 0 <= span.mark_start < span.start <= span.end < span.mark_end <= len(t)
        for s, e in span.parts:
            assert s < e and s >= last
            last = e


_MARKED_TEXT = st.lists(st.sampled_from(["a", "b", " ", "\n", "\n\n", ".", ",", "'", '"', "“", "”", "‘", "’", "«", "»",
                                          "„", "''", "don't"]), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MARKED_TEXT, st.integers(0, 70), st.integers(0, 70))
def test_mark_index_answers_as_a_scan_of_every_quotation_would(t, a, b):
    """The bisecting index over the quotations gives the same answers as looking at each one:
    which requires the quotations to come in order and never to overlap."""
    spans = find_quote_spans(t)
    for q, r in zip(spans, spans[1:]):
        assert q.mark_end <= r.mark_start
    marks = MarkIndex(spans)
    start, end = min(a, b), max(a, b)
    holding = [i for i, q in enumerate(spans) if q.mark_start <= a < q.mark_end]
    assert marks.holding(a) == (holding[0] if holding else None)
    assert marks.inside(a) == any(q.mark_start < a < q.mark_end for q in spans)
    assert list(marks.meeting(start, end)) == [i for i, q in enumerate(spans) if q.mark_start < end and start < q.mark_end]
    before = [i for i, q in enumerate(spans) if q.mark_end <= a]
    assert marks.last_before(a) == (before[-1] if before else None)
    after = [i for i, q in enumerate(spans) if q.mark_start >= a]
    assert marks.first_after(a) == (after[0] if after else None)


@pytest.mark.parametrize("text, quotes", [
    ('“It is bad,” he said. “He is doing what he needs to."', ["It is bad,", "He is doing what he needs to."]),
    ('“Deals are no requirement," Ellis said, adding they were handed out "like candy."',
     ["Deals are no requirement,", "like candy."]),
    # an even number of straight marks is a quotation nested in the curly one, which goes on
    ('“He called it "a disaster" and left.\n\n“Then he came back.”', ['He called it "a disaster" and left.\n\n“Then he came back.']),
    # closed by a straight mark although a curly one closes later: the styles are mixed
    ('“Our roads are crumbling," she said. "Families endure blackouts.”',
     ["Our roads are crumbling,", "Families endure blackouts."]),
    ('“She called it "crazy," and left,” he said.', ['She called it "crazy," and left,']),
])
def test_a_curly_quotation_closed_by_a_straight_mark(text, quotes):
    assert [q.text(text) for q in find_quote_spans(text)] == quotes


@pytest.mark.parametrize("text, quotes", [
    ("Getty.\n\n”Fear. I am truly afraid.” ― Adriana Rodarte", ["Fear. I am truly afraid."]),
    ("unwilling to let policy aides ”get close to Ben” on security", ["get close to Ben"]),
    # a closing mark after a word or a digit still closes, or stays stray
    ("“Yes,” he said. It was a 12” pipe.", ["Yes,"]),
    ("“It is done ”now,” she said.", ["It is done"]),
])
def test_a_closing_curly_mark_typed_where_a_quotation_opens(text, quotes):
    assert [q.text(text) for q in find_quote_spans(text)] == quotes


@pytest.mark.parametrize("text, quotes", [
    # a curly quotation nested in one of the same style is part of it
    ("“I’d rather live in what he calls “hell” than live with him.” ― Ana Ruiz",
     ["I’d rather live in what he calls “hell” than live with him."]),
    # unless the outer mark never closes: then what it held stands on its own
    ("“This never closes. “Real,” she said.", ["Real,"]),
    # an opening mark typed after a word closes
    ("a website called “Cape Breton Wins“ that pitches the island.\n\n“Hi there!” it reads.",
     ["Cape Breton Wins", "Hi there!"]),
    ("“Yes,“ he said. “No.”", ["Yes,", "No."]),
])
def test_curly_quotations_of_the_same_style(text, quotes):
    assert [q.text(text) for q in find_quote_spans(text)] == quotes
