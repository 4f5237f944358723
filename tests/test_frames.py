"""The frames stage on small documents: what one cue says, read off the parse."""
import pytest

from quoteapi.extract.frames import frames_in, reported_as_saying, reporting_passive


@pytest.fixture(scope="module")
def parse():
    from quoteapi.extract import load_pipeline

    nlp = load_pipeline(learned=False)
    return lambda text: nlp(text)


def _frames(doc):
    return [(" ".join(t.text for t in f.cue), [doc.text[s:e] for s, e in f.content], f.rule.value)
            for sent in doc.sents for f in frames_in(sent)]


def test_quoted_as_saying_reads_its_cue_from_the_passive_verb(parse):
    doc = parse("The general was quoted by state media as saying the army would withdraw.")
    saying = next(t for t in doc if t.text == "saying")
    assert reporting_passive(saying).text == "quoted" and reported_as_saying(reporting_passive(saying))
    assert _frames(doc) == [("quoted as saying", ["the army would withdraw"], "ccomp")]


@pytest.mark.parametrize("text", [
    "The figures were reported by the agency as final.",  # no speech participle
    "She was described as saying little.",  # "describe" is not a verb of reporting words
    "Critics cited the report as saying too little.",  # not a passive: the report is the source
])
def test_other_as_phrases_are_not_reported_speech(parse, text):
    doc = parse(text)
    assert not any(reported_as_saying(t) for t in doc)


@pytest.mark.parametrize("text, content", [
    ("He said the rent was fair and that Gonzalez had been offered a longer lease.",
     "the rent was fair and that Gonzalez had been offered a longer lease"),
    ("She warned that prices would rise and vowed to fight.", "prices would rise"),  # a second speech act
])
def test_a_conjoined_content_clause_is_not_a_speech_act_of_its_own(parse, text, content):
    doc = parse(text)
    assert _frames(doc)[0][1] == [content]


@pytest.mark.parametrize("text, content", [
    ("Trump tweeted in the early morning hours that Machado was disgusting.", "Machado was disgusting"),
    ("The senator said in a statement that the bill would pass.", "the bill would pass"),
    # the clause hung on the noun of the occasion as the noun's own
    ("The mayor's office said in a statement that the curfew had been lifted.", "the curfew had been lifted"),
    ("The agency said in a report that the outlook for banks was negative.", "the outlook for banks was negative"),
])
def test_a_that_clause_after_the_cues_prepositional_phrase_is_its_content(parse, text, content):
    """The parser may hang the clause on the phrase's noun as a relative clause or, for a noun
    of the occasion (``statement``, ``interview``), as the noun's clause."""
    assert _frames(parse(text))[0][1] == [content]


def test_a_sentence_the_parser_left_unattached_before_its_cue_is_the_content(parse):
    """The parser hangs ``Tickets`` on the cue as ``dep`` and ``sold`` on ``game``."""
    doc = parse("Tickets for the final home game sold out within minutes, the club confirmed.")
    assert _frames(doc) == [("confirmed", ["Tickets for the final home game sold out within minutes"], "ccomp")]


def test_a_nouns_own_clause_after_a_prepositional_content_stays_with_the_noun(parse):
    """``pointed to [reports that …]``: the reports are what she pointed to, not the clause alone."""
    assert _frames(parse("She pointed to reports that the vote was rigged.")) == [
        ("pointed", ["reports that the vote was rigged"], "prep")]


def test_words_between_a_closed_quotation_and_its_cue_are_not_content(parse):
    """The parser takes ``Tulsa`` for a verb of the quotation; ``,”`` ends the quoted sentence."""
    doc = parse("“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday.")
    assert _frames(doc)[0][1] == ["We will achieve justice in this case"]
    mixed = parse("The plan was “a disaster” for families, he said.")  # no ,” : the quotation goes on
    assert _frames(mixed)[0][1] == ["The plan was “a disaster” for families"]


@pytest.mark.parametrize("text, cues", [
    ("“Everybody should be believed,” she said, with a smile, as the crowd applauded.", ["said"]),
    ("The economy, as the minister noted, is growing fast.", ["noted"]),
    ("But as the minister noted, the economy is growing fast.", ["noted"]),  # after an opening "But"
])
def test_a_subordinate_clause_is_an_attribution_only_as_someone_said(parse, text, cues):
    """``…, as the crowd applauded`` says when; ``…, as the minister noted, …`` who said it."""
    assert [cue.split()[0] for cue, parts, _ in _frames(parse(text)) if parts] == cues


@pytest.mark.parametrize("text, subject", [
    ("The race appears to be closer in Ohio.", "The race"),  # a hedging verb (hedges.txt)
    ("The senator is expected to win the primary.", "The senator"),  # a passive before an infinitive
    ("The senator wants to win the primary.", None),  # the subject of a wish is its holder
    ("The senator seemed to tire.", "The senator"),
    ("The senator wanted a recount.", None),  # no infinitive, no hedge
])
def test_a_raised_subject_is_content_not_a_speaker(parse, text, subject):
    from quoteapi.extract.frames import raising

    doc = parse(text)
    found = [raising(t) for t in doc if raising(t) is not None]
    assert [" ".join(t.text for t in f.subtree) for f in found] == ([subject] if subject else [])


def test_a_hedge_reports_its_subject_and_infinitive_as_two_pieces(parse):
    doc = parse("The race appears to be closer in Ohio.")
    assert _frames(doc) == [("appears", ["The race", "to be closer in Ohio"], "xcomp")]


def test_a_hedge_reports_its_adjectival_complement(parse):
    doc = parse("Trump seemed equally unperturbed.")
    assert _frames(doc) == [("seemed", ["Trump", "equally unperturbed"], "xcomp")]


@pytest.mark.parametrize("text, titled", [
    ("Glenn Ellis Endorses Ted Cruz.", True),  # PolNeAR's titles end with a full stop
    ("Voters in the small town met the mayor on Monday.", False),
])
def test_title_case_is_read_whatever_ends_the_line(parse, text, titled):
    from quoteapi.extract.lines import title_cased

    assert title_cased(next(parse(text).sents)) is titled


@pytest.mark.parametrize("text, frames", [
    # the participle reports what the message says; the verb's object is not content beside it
    ("The senator posted a message saying the vote was rigged.", [("saying", ["the vote was rigged"])]),
    # without a reporting participle the verb's object stays its content
    ("The senator posted a message about the vote.", [("posted", ["a message about the vote"])]),
    # a document of others' that the verb comments on is its content (PolNeAR train: 3 of 3)
    ("She noted published reports alleging that he lied.", [("noted", ["published reports alleging that he lied"]),
                                                            ("alleging", ["he lied"])]),
    # a participle without a clause of its own leaves the message to the verb
    ("Trump posted a message on Twitter reading “Thank you Georgia” moments after polls closed.",
     [("posted", ["a message on Twitter reading “Thank you Georgia” moments after polls closed"])]),
])
def test_a_verbs_object_gives_way_to_the_participle_that_reports_it(parse, text, frames):
    found = [(cue, content) for cue, content, _ in _frames(parse(text)) if content]  # (not cues waiting for a quotation)
    assert found == frames


@pytest.mark.parametrize("text, content", [
    # a noun phrase the parser hung on the verb beside its object names the object
    ("Critics labelled the decision a disgrace.", "the decision a disgrace"),
    ("Trump branded North Korea an outlaw nation on Tuesday.", "North Korea an outlaw nation"),
    # a time after the object is when, not what
    ("The minister called the plan Tuesday.", "the plan"),
])
def test_a_noun_phrase_after_the_object_names_it(parse, text, content):
    assert [found for _, found, _ in _frames(parse(text)) if found] == [[content]]


@pytest.mark.parametrize("text, cue, content", [
    # the parser took the clause's subject for the verb's object: it is the clause's again
    ("Democratic leaders hoped the meeting, requested by Sanders, would be a moment of catharsis.", "hoped",
     "the meeting, requested by Sanders, would be a moment of catharsis"),
    # a clause with a subject of its own keeps to itself
    ("She told reporters the plan would fail.", "told", "the plan would fail"),
])
def test_a_clause_whose_subject_was_read_as_the_cues_object_gets_it_back(parse, text, cue, content):
    assert (cue, [content]) in [(c, found) for c, found, _ in _frames(parse(text))]


@pytest.mark.parametrize("text, content", [
    ("In a new Marist poll released Monday, 52 percent of residents oppose the stadium plan.",
     "52 percent of residents oppose the stadium plan"),
    ("The mayor leads her challenger by 11 points in the latest Marist survey.",
     "The mayor leads her challenger by 11 points"),
    ("The mayor trails by three points in the RealClearPolitics average of state polls.",
     "The mayor trails by three points"),
])
def test_a_poll_cited_with_in_reports_its_clause(parse, text, content):
    found = [f for f in _frames(parse(text)) if f[2] == "finding"]
    assert found == [("In" if text.startswith("In") else "in", [content], "finding")]


@pytest.mark.parametrize("text", [
    "The mayor, who leads in the polls, opened the new library.",  # a side remark
    "His support among women in the latest poll is a record low.",  # the phrase inside its clause
    "The council met in the wake of polls that showed the plan failing.",  # not "in a poll"
    "She spoke in the polling station.",
])
def test_other_in_phrases_report_no_finding(parse, text):
    assert not [f for f in _frames(parse(text)) if f[2] == "finding"]


@pytest.mark.parametrize("text, cue, content", [
    ("Democrats called for the senator to resign.", "called", "the senator to resign"),
    ("The union is calling for workers to strike on Monday.", "calling", "workers to strike on Monday"),
    ("The mayor asked for residents to stay indoors.", "asked", "residents to stay indoors"),
])
def test_for_read_as_the_mark_of_a_clause_opens_the_content(parse, text, cue, content):
    assert _frames(parse(text)) == [(cue, [content], "prep")]


def test_a_for_clause_after_a_verb_that_reports_nothing_is_no_content(parse):
    assert _frames(parse("He waited for the bus to arrive.")) == []


@pytest.mark.parametrize("text", [
    "Calio said on NBC’s “Meet the Press” that the industry was working hard.",
    "Calio said on NBC's \"Meet the Press\" that the industry was working hard.",
])
def test_a_programme_title_after_on_is_not_the_reported_clause(parse, text):
    assert _frames(parse(text)) == [("said", ["the industry was working hard"], "ccomp")]


@pytest.mark.parametrize("text", [
    "Asked whether he would run, Smith said no.",  # a cue that opens a sentence with no quotation
    "Notes filed Monday show “a clear pattern,” the lawyer said.",  # a noun, not a cue
])
def test_a_sentence_opening_word_without_a_speaker_and_quotation_after_it_is_no_inverted_lead(parse, text):
    from quoteapi.extract.frames import _inverted_lead

    doc = parse(text)
    assert _inverted_lead(doc[0]) is None


@pytest.mark.parametrize("text, content", [
    ("The senator is calling on Congress to act.", "Congress to act"),
    ("The group called on the mayor to resign.", "the mayor to resign"),
    ("She called on Tuesday to complain.", "to complain"),  # when, not whom
    # the parser's "on" a particle with the object under it
    ("Scott's family has called on police to release the videos.", "police to release the videos"),
])
def test_whom_a_call_is_on_is_the_subject_of_its_infinitive(parse, text, content):
    assert [f[1] for f in _frames(parse(text)) if f[0].startswith("call")] == [[content]]


@pytest.mark.parametrize("text, cue, content, rule", [
    # the parser gave the interrupting cue both subjects: the first is the interrupted sentence's
    ("Voters, Clinton suggested, don’t have to worry that big banks can influence politicians.", "suggested",
     ["Voters", "don’t have to worry that big banks can influence politicians"], "parataxis"),
    # a headline's attribution after a comma, its content a participle phrase the parser made a subject
    ("Daily walks linked to lower dementia risk, study finds", "finds", ["Daily walks linked to lower dementia risk"], "ccomp"),
])
def test_a_subject_the_parser_gave_the_cue_that_opens_the_sentence_it_interrupts(parse, text, cue, content, rule):
    doc = parse(text)
    assert [(c, r) for word, c, r in _frames(doc) if word == cue] == [(content, rule)]


@pytest.mark.parametrize("text, cue, content", [
    # an adverbial opening the interrupted sentence that the parser hung on the cue is the sentence's
    ("If she becomes president, Clinton suggested in a tweet, women won’t be punished for it.", "suggested",
     ["If she becomes president", "women won’t be punished for it"]),
    ("Instead, Trump told CNN, his policy would be to go after them.", "told",
     ["Instead", "his policy would be to go after them"]),
    # a past participle opening the sentence tells how the words came to be said
    ("Pressed on the issue, the senator said, the bill will pass.", "said", ["the bill will pass"]),
    # a present one may be the reported clause's subject
    ("Putting the show together, he said, allowed him to grow.", "said", ["Putting the show together", "allowed him to grow"]),
])
def test_what_opens_an_interrupted_sentence(parse, text, cue, content):
    assert [c for word, c, _ in _frames(parse(text)) if word == cue] == [content]


def test_a_second_subject_is_displaced_only_when_set_off_at_the_sentence_start(parse):
    from quoteapi.extract.frames import displaced_subject

    doc = parse("Voters, Clinton suggested, don’t have to worry.")
    assert displaced_subject(next(t for t in doc if t.text == "suggested")).text == "Voters"
    doc = parse("Clinton suggested voters don’t have to worry.")
    assert displaced_subject(next(t for t in doc if t.text == "suggested")) is None


@pytest.mark.parametrize("text, slot, piece", [
    ("Mr. Sanders is seen as empowering regular voters.", "prep:as", "Mr. Sanders"),
    ("Trump has been criticized by his rivals for failing to campaign.", "prep:for", "Trump"),
    ("The senator, who was named as a leader of the coalition, spoke.", "prep:as", "who"),  # pronouns too
    ("The memo was asked about at the briefing.", "prep:about", None),  # what was asked about only
    ("Trump was criticized by his rivals.", "prep:by", None),  # the agent
    ("His rivals criticized Trump for failing to campaign.", "prep:for", None),  # not a passive
    ("Mr. Sanders is seen as empowering regular voters.", "passive_subject", None),  # the subject is the content
])
def test_a_passives_prepositional_complement_takes_its_subject_as_a_piece(parse, text, slot, piece):
    """``[Mr. Sanders] is seen as [empowering …]``: PolNeAR marks the subject as a piece of the
    content (42 of 51 *as* complements of a passive on train)."""
    from quoteapi.extract.frames import passive_subject_piece

    doc = parse(text)
    verb = next(t for t in doc if t.lemma_ in {"see", "criticize", "name", "ask"})
    found = passive_subject_piece(verb, slot)
    assert (" ".join(t.text for t in found) if found else None) == piece


@pytest.mark.parametrize("text, piece", [
    ("He spoke of Florida, which he describes as his second home.", "which"),
    ("They had two children, whom they named Fred and Mary.", "whom"),
    ("The debate is infected with what he called tribalism.", None),  # a free relative's what
    ("It was a fire that the mayor described as an intentional act.", None),  # PolNeAR leaves *that* out
    ("He describes Florida as his second home.", None),  # the object after the cue is no piece
])
def test_a_relative_pronoun_object_before_the_cue_is_a_piece(parse, text, piece):
    """``Florida, [which] he describes as [his second home]``: what the object is called is the
    content, and the relative pronoun standing for the object a piece of it."""
    from quoteapi.extract.frames import fronted_object_piece

    doc = parse(text)
    verb = next(t for t in doc if t.lemma_ in {"describe", "name", "call"})
    found = fronted_object_piece(verb, [])
    assert (found[0].text if found else None) == piece


def test_a_relative_pronoun_object_makes_two_pieces_of_the_rules_content(parse):
    doc = parse("He spoke of Florida, which he describes as his second home.")
    assert [f for f in _frames(doc) if f[0] == "describes"] == [("describes", ["which", "his second home"], "prep")]



@pytest.mark.parametrize("text, parts", [
    ("He leads Sens. Ted Cruz and Marco Rubio, who many feel need a strong showing on Tuesday.",
     "who need a strong showing on Tuesday"),
    ("He leads Ted Cruz and Marco Rubio, who feel they need a strong showing on Tuesday.",
     "they need a strong showing on Tuesday"),  # who feels it
])
def test_a_relative_pronoun_the_parser_gave_the_cue_is_the_reported_clauses_subject(parse, text, parts):
    """``Cruz and Rubio, [who] many feel [need a strong showing]``: a relative pronoun the parser
    made a second subject of the cue is the subject its clause lacks (as one it made the
    object: ``the vote, [which] she has repeatedly said [was a mistake]``)."""
    from quoteapi.extract.predicates import candidates_in

    doc = parse(text)
    assert [" ".join(t.text for t in c.content) for c in candidates_in(doc[:])
            if c.predicate.lemma_ == "feel" and c.slot == "clause"] == [parts]


def test_a_hedge_coordinated_inside_a_content_stays_in_it(parse):
    """``show [that the figures are wrong and appear to be …]``: the hedge shares the clause's
    subject; it is no speech act of its own that would cut the content (``and vowed to …`` is)."""
    doc = parse("The records show that the figures are wrong and appear to be aimed at voters.")
    assert ("show", ["the figures are wrong and appear to be aimed at voters"], "ccomp") in _frames(doc)


@pytest.mark.parametrize("text, content", [
    # the parser splits one clause into two complements of the cue, the second right after the first
    ("The governor has argued that attempts to hack the system were made by people with ties to "
     "foreign intelligence.", "attempts to hack the system were made by people with ties to foreign intelligence"),
    ("The chief explained why being called a reformer is actually a burden.",
     "why being called a reformer is actually a burden"),
])
def test_a_clause_the_parser_split_in_two_is_one_content(parse, text, content):
    doc = parse(text)
    assert [f[1] for f in _frames(doc)] == [[content]]


def test_a_second_clause_after_a_conjunction_or_with_a_cue_of_its_own_is_not_the_first_ones_rest(parse):
    doc = parse("He said the report was accurate, and the board said it would act.")
    assert [f[1] for f in _frames(doc)] == [["the report was accurate"], ["it would act"]]


def test_a_that_the_parser_hung_on_the_clauses_auxiliary_still_marks_a_nouns_clause(parse):
    doc = parse("The senator expressed concern that the businessman was encouraging violence.")
    assert [f[1] for f in _frames(doc)] == [["the businessman was encouraging violence"]]


@pytest.mark.parametrize("text, frame", [
    ("In Bolton's view, the change would have a profound impact on the agency.",
     ("view", ["the change would have a profound impact on the agency"], "viewpoint")),
    ("The two candidates, in the eyes of most voters, have more deficiencies than strengths.",
     ("in the eyes of", ["The two candidates", "have more deficiencies than strengths"], "viewpoint")),
    ("By her own admission, the decision was a mistake.",
     ("own admission", ["the decision was a mistake"], "viewpoint")),
    ("He now has 739 delegates, by the Associated Press's count.",
     ("count", ["He now has 739 delegates"], "viewpoint")),
    ("To White House officials, it was a show of respect.", ("To", ["it was a show of respect"], "viewpoint")),
])
def test_a_phrase_naming_whose_view_a_clause_is_frames_that_clause(parse, text, frame):
    assert _frames(parse(text)) == [frame]


@pytest.mark.parametrize("text", [
    "She had tears in her eyes as she left the hall.",  # not set off: no one's view of a clause
    "In other words, the plan failed.",  # no holder
    "By some estimates, the plan would cost $2 trillion.",  # no holder
    "The river, in the view of the bridge, was wide.",  # a holder who cannot speak
    "He put it in his own words and left.",
    "To date, the plan has failed.",  # a time, not someone
    "To stop the senator, the party worked around the clock.",  # an aim
    "He sent the money to his mother, who spent it.",  # not opening the sentence
])
def test_other_phrases_with_those_nouns_frame_nothing(parse, text):
    assert not [f for f in _frames(parse(text)) if f[2] == "viewpoint"]


def test_a_viewpoint_gives_way_to_a_speech_act_inside_its_clause(parse):
    """``In his view, even as he accused …, Giuliani wouldn’t …``: the clause holds someone's
    speech act, whose attribution the view would swallow."""
    doc = parse("In his view, even as he accused the department of favoritism, the mayor stayed calm.")
    assert [f[2] for f in _frames(doc)] == ["prep"]


def test_a_sentences_participle_cues_are_read_once_for_the_rules_and_the_model(nlp):
    """The rules' frames and the model's candidates both leave nested participle cues out of a
    content; the cues found for the first are kept by sentence for the second."""
    from quoteapi.extract.frames import participle_cues
    from quoteapi.extract.predicates import candidates_in

    doc = nlp("The senator criticized the plan, adding that it would fail. Voters agreed.")
    first, second = doc.sents
    read: dict[int, set[int]] = {}
    found = participle_cues(first, read)
    assert {doc[i].text for i in found} == {"adding"} and read == {first.start: found}
    assert participle_cues(first, read) is found and participle_cues(first) == found
    criticized = [c for c in candidates_in(first, read=read) if c.predicate.text == "criticized"]
    assert criticized and all("adding" not in {t.text for t in c.content} for c in criticized)
    assert participle_cues(second, read) == set() and set(read) == {first.start, second.start}
