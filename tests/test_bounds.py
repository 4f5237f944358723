"""The boundary stage on small documents: the variants the parse offers, and the choice among them."""
import pytest

from quoteapi.extract.bounds import choose, variant_features, variants
from quoteapi.extract.learned import MODEL_FILE, LinearModel


@pytest.fixture(scope="module")
def parse():
    from quoteapi.extract import load_pipeline

    nlp = load_pipeline(learned=False)
    return lambda text: nlp(text)


def _token(doc, text):
    return next(t for t in doc if t.text == text)


def _offered(predicate, content):
    return [(v.kind, " ".join(t.text for t in v.tokens)) for v in variants(predicate, content)]


def test_the_parse_offers_a_cut_at_a_trailing_relative_clause(parse):
    doc = parse("She criticized the plan, which was drafted in May.")
    plan = _token(doc, "plan")
    offered = _offered(_token(doc, "criticized"), list(plan.subtree))
    assert offered[0] == ("keep", "the plan , which was drafted in May")
    assert ("drop:relcl", "the plan") in offered


def test_the_parse_offers_the_predicates_next_dependents_and_its_object(parse):
    """``mocked [Romney] for not releasing …``: the preposition after the object may belong in;
    ``mocked Romney for [not releasing …]``: the object before the preposition may."""
    doc = parse("Reid mocked Romney for not releasing his tax returns.")
    mocked, romney = _token(doc, "mocked"), _token(doc, "Romney")
    assert _offered(mocked, [romney]) == [("keep", "Romney"),
                                          ("extend:prep", "Romney for not releasing his tax returns")]
    reasons = [t for t in doc if t.i > _token(doc, "for").i and not t.is_punct]
    assert ("object:dobj", "Romney for not releasing his tax returns") in _offered(mocked, reasons)


def test_the_chooser_sees_a_date_or_a_time_in_the_part_it_adds(parse):
    """``blasted [the proposal] on Monday``: when it was said, rarely what."""
    doc = parse("Republicans blasted the proposal on Monday.")
    blasted, proposal = _token(doc, "blasted"), _token(doc, "proposal")
    base = tuple(proposal.subtree)
    extended = next(v for v in variants(blasted, list(base)) if v.kind == "extend:prep")
    assert variant_features(blasted, "object", extended, base)["ktime=extend:prep|True"] == 1.0
    kept = variants(blasted, list(base))[0]
    assert not any(name.startswith("ktime") for name in variant_features(blasted, "object", kept, base))


def test_a_variant_never_takes_in_another_attribution(parse):
    """``She said [prices rose] and officials warned that …``: the warning is its own quote."""
    doc = parse("She said prices rose and officials warned that wages would fall.")
    content = [_token(doc, "prices"), _token(doc, "rose")]
    assert [kind for kind, _ in _offered(_token(doc, "said"), content)] == ["keep"]


def test_an_extension_takes_in_a_speech_verb_without_a_subject_of_its_own(parse):
    """``criticized [Mr. Rubio for failing to defend Latinos]``: what he is criticized for;
    ``said [prices rose], and officials warned …`` stays two attributions (above)."""
    doc = parse("They criticized Mr. Rubio for failing to defend Latinos.")
    criticized, rubio = _token(doc, "criticized"), _token(doc, "Rubio")
    assert ("extend:prep", "Mr. Rubio for failing to defend Latinos") in _offered(criticized, list(rubio.subtree))
    doc = parse("They criticized Mr. Rubio because officials warned that wages would fall.")
    criticized, rubio = _token(doc, "criticized"), _token(doc, "Rubio")
    assert [kind for kind, _ in _offered(criticized, list(rubio.subtree))] == ["keep"]


def _model(**weights):
    return LinearModel({k.replace("__", ":").replace("_eq_", "="): v for k, v in weights.items()})


def test_the_best_variant_wins_when_it_is_more_likely_right_than_wrong(parse):
    doc = parse("She criticized the plan, which was drafted in May.")
    criticized, content = _token(doc, "criticized"), list(_token(doc, "plan").subtree)
    cut = _model(**{"k_eq_drop__relcl": 2.0, "k_eq_keep": 0.0})
    assert " ".join(t.text for t in choose(criticized, "object", content, cut)) == "the plan"
    unsure = _model(bias=-3.0, **{"k_eq_drop__relcl": 2.8})  # 0.45 against 0.05: not enough
    assert choose(criticized, "object", content, unsure) == sorted(content, key=lambda t: t.i)
    assert choose(criticized, "object", content, None) == sorted(content, key=lambda t: t.i)


@pytest.mark.parametrize("text", [
    "She said the plan would fail and “nobody cares.”",
    "She said the plan would fail and ''nobody cares.''",  # NYT's marks: two apostrophes
    "She said the plan would fail and 'nobody cares.'",
])
def test_a_variant_never_cuts_a_quotation(parse, text):
    """``said [the plan would fail] and “nobody cares.”``: cutting the conjunct would take a
    quotation out of the content its marks put it in, so the content stays as read however the
    chooser leans — whichever marks set the quotation off."""
    doc = parse(text)
    said = _token(doc, "said")
    content = list(doc[said.i + 1 : _token(doc, "cares").i + 1])  # (as the clause is read: to its last word)
    assert [kind for kind, _ in _offered(said, content)] == ["keep"]
    cut = _model(**{"k_eq_drop__conj": 5.0})
    assert choose(said, "clause", content, cut) == content


def test_an_apostrophe_of_possession_is_no_quotation_mark(parse):
    """``… and the voters’ anger would grow``: a cut may take it."""
    doc = parse("She said the plan would fail and the voters’ anger would grow.")
    said = _token(doc, "said")
    content = [t for t in doc if t.i > said.i and t.text != "."]
    assert ("drop:conj", "the plan would fail") in _offered(said, content)


def test_a_content_with_a_whole_quotation_has_its_variants_too(parse):
    """``said [the plan was “a disaster,”] which angered the mayor``: a cut that leaves the
    quotation whole, closing mark and all, is offered and chosen like any other (PolNeAR train:
    for 77 of 1,043 quoted contents a variant is the gold content and the subtree is not)."""
    doc = parse("She said the plan was “a disaster,” which angered the mayor.")
    said = _token(doc, "said")
    content = [t for t in doc if t.i > said.i and t.text != "."]
    offered = _offered(said, content)
    assert ("drop:relcl", "the plan was “ a disaster , ”") in offered
    cut = _model(**{"k_eq_drop__relcl": 2.0})
    assert " ".join(t.text for t in choose(said, "clause", content, cut)) == "the plan was “ a disaster , ”"
    base = tuple(content)
    chosen = next(v for v in variants(said, content) if v.kind == "drop:relcl")
    assert variant_features(said, "clause", chosen, base)["kq=drop:relcl|True"] == 1.0


def test_an_addition_never_takes_in_a_quotation_mark(parse):
    """``called [the plan “a disaster”] for workers``: the words after may be added; a
    quotation after the content may not (the marks decide it)."""
    doc = parse("She called the plan “a disaster” for workers across the state.")
    called = _token(doc, "called")
    content = [t for t in doc if called.i < t.i <= _token(doc, "”").i]
    assert ("extend:prep", "the plan “ a disaster ” for workers across the state") in _offered(called, content)
    doc = parse("She criticized the plan for “failing workers.”")
    criticized, plan = _token(doc, "criticized"), _token(doc, "plan")
    assert [kind for kind, _ in _offered(criticized, list(plan.subtree))] == ["keep"]


def test_the_chooser_travels_in_the_model_file(tmp_path):
    model = LinearModel({"bias": -1.0, "lemma=say": 2.0}, 0.45, {"data": "x"}, boundary=LinearModel({"k=keep": 0.5}, meta={}))
    model.to_file(tmp_path / MODEL_FILE)
    back = LinearModel.from_file(tmp_path / MODEL_FILE)
    assert back == model and back.boundary.weights == {"k=keep": 0.5}


def test_the_shipped_model_has_its_chooser():
    from quoteapi.extract.learned import shipped_model

    model = shipped_model()
    assert model.boundary is not None and model.boundary.weights["k=keep"] != 0
