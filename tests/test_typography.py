"""Typography: curly apostrophes read with a straight one's features, glued quotation marks split off."""
import pytest


@pytest.fixture(scope="module")
def nlp():
    from quoteapi.extract import load_pipeline

    return load_pipeline(learned=False)


def test_it_runs_before_the_tagger(nlp):
    assert nlp.pipe_names.index("straight_marks") < nlp.pipe_names.index("tok2vec")


@pytest.mark.parametrize("mark", ["'", "’"])
def test_a_plural_possessive_is_tagged_alike_with_either_apostrophe(nlp, mark):
    doc = nlp(f"Sanders{mark} campaign called the report a “rush to judgment,” because delegates can change.")
    assert [(t.text, t.tag_) for t in doc[:3]] == [("Sanders", "NNS"), (mark, "POS"), ("campaign", "NN")]


def test_the_text_and_offsets_are_left_as_written(nlp):
    text = "The Clintons’ foundation said it didn’t know."
    doc = nlp(text)
    assert doc.text == text and [t.idx for t in doc] == [t.idx for t in nlp.make_doc(text)]
    assert "’" in [t.text for t in doc] and "n’t" in [t.text for t in doc]


@pytest.mark.parametrize("text, content", [
    ("Many voters still say they don’t yet know enough about Sanders to form an opinion.",
     "they don’t yet know enough about Sanders to form an opinion"),  # was "they do"
    ("Guccifer questioned why he would do so if it wasn’t true.", "why he would do so if it wasn’t true"),
])
def test_a_curly_contraction_is_parsed_as_a_straight_one(nlp, text, content):
    doc = nlp(text)
    assert [[text[p.start:p.end] for p in q.parts] for q in doc._.quotes] == [[content]]
    straight = nlp(text.replace("’", "'"))
    assert [(t.tag_, t.dep_, t.head.i) for t in doc] == [(t.tag_, t.dep_, t.head.i) for t in straight]


def test_a_curly_contraction_has_the_straight_ones_part_of_speech_and_lemma(nlp):
    """The attribute ruler's rules for ``'s``, ``'re``, ``'ve``… hold for ``’s``, ``’re``, ``’ve``."""
    text = "It’s hard to know. They’re sure we’ve said we’ll go, and I’m told I’d like it. Let’s see."
    curly, straight = nlp(text), nlp(text.replace("’", "'"))
    pairs = [(c, s) for c, s in zip(curly, straight) if "’" in c.text]
    assert len(pairs) == 7
    assert [(c.pos_, c.lemma_) for c, _ in pairs] == [(s.pos_, s.lemma_) for _, s in pairs]
    assert [c.lemma_ for c, _ in pairs][:5] == ["be", "be", "have", "will", "be"]


def test_the_writers_remark_with_a_curly_its_names_no_speaker(nlp):
    """``It’s important to note that …``: *’s* is the copula of an expletive *it*, as ``It's`` is."""
    [q] = nlp("It’s important to note that the plan failed.")._.quotes
    assert q.speaker is None


@pytest.mark.parametrize("text, words", [
    ("“It is sad,”Clinton said.", ["sad", ",", "”", "Clinton"]),
    ('He said:"We will win."', ["said", ":", '"', "We"]),
    ("It was great.”The crowd cheered.", ["great", ".", "”", "The"]),
    ("the “deal”was bad", ["deal", "”", "was"]),
])
def test_a_quotation_mark_glued_to_a_word_is_a_word_of_its_own(nlp, text, words):
    tokens = [t.text for t in nlp.make_doc(text)]
    assert any(tokens[i:i + len(words)] == words for i in range(len(tokens)))


@pytest.mark.parametrize("text", ["U.S.-based", "e.g.", "3.5", "Sanders’ plan", "don't", "it’s", "a,b", '“deal” was bad'])
def test_other_words_keep_the_tokens_of_spacys_english_tokenizer(nlp, text):
    import spacy

    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in spacy.blank("en").make_doc(text)]


def test_a_quotation_glued_to_its_speaker_is_found(nlp):
    [q] = nlp("“I think it is sad,”Clinton said.")._.quotes
    assert (q.parts[0].text, q.speaker.text, q.cue.text) == ("I think it is sad,", "Clinton", "said")
