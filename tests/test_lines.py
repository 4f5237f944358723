"""Sentence boundaries set before the parser (``quoteapi.extract.lines``)."""


def test_no_sentence_starts_right_after_a_word_within_a_line(nlp):
    """``Study finds link …⏎⏎People who eat …``: the parser made ``People`` a sentence of its
    own; a line break starts one, a word in mid-line never ends one."""
    doc = nlp("Study finds link between diet and mood\n\nPeople who eat large amounts of processed food "
              "may be at higher risk of depression, according to a study.")
    starts = [t.text for t in doc if t.is_sent_start and not t.is_space]
    assert starts == ["Study", "People"]
    quote = doc._.quotes[0]
    assert doc.text[quote.parts[0].start:].startswith("People who eat")


def test_a_closing_quotation_mark_stays_with_its_sentence(nlp):
    """``… environment.”⏎⏎The company said …``: the parser made the closing mark a sentence
    of its own, and ``the company`` lost the company named two sentences before."""
    text = ("Amazon spokesman Brad Glasser declined to comment. In a memo, Andy Jassy wrote that the company "
            "faced \"an unusual environment.\"\n\nThe company said it expected growth to slow.")
    doc = nlp(text)
    assert [s.text.strip()[:11] for s in doc.sents] == ["Amazon spok", "In a memo, ", "The company"]
    assert [q.entity.name for q in doc._.quotes if q.speaker.text == "The company"] == ["Amazon"]
