"""The reference case: the seed article through the API, against ../shared/data/seed_gold.json."""
import hashlib

import pytest

PUNCT = " \t\n.,;:“”\"‘’'"


def _trim(s):
    return s.strip(PUNCT)


@pytest.fixture(scope="module")
def response(app, seed_text):
    r = app.test_client().post("/v1/quotes", data=seed_text.encode(), content_type="text/plain")
    assert r.status_code == 200
    return r.get_json()


def _trimmed_span(text, start, end):
    """(start, end) once edge punctuation and blanks are trimmed: where the words are."""
    while start < end and text[start] in PUNCT:
        start += 1
    while end > start and text[end - 1] in PUNCT:
        end -= 1
    return start, end


def _match(response, gold):
    """The returned quote whose content is the gold content, edges trimmed."""
    want = _trim(gold["content"])
    for q in response["quotes"]:
        if _trim(q["text"]) == want:
            return q
    return None


def test_seed_file_is_the_annotated_one(seed_text, seed_gold):
    assert hashlib.sha256(seed_text.encode()).hexdigest() == seed_gold["text_sha256"]


def test_every_required_quote(response, seed_gold, seed_text):
    required = [g for g in seed_gold["quotes"] if g["required"]]
    assert required
    for gold in required:
        q = _match(response, gold)
        assert q is not None, f"missed: {gold['content']!r}"
        assert q["type"] == gold["type"], gold["content"]
        assert _trimmed_span(seed_text, q["start"], q["end"]) == \
            _trimmed_span(seed_text, gold["content_start"], gold["content_end"]), gold["content"]
        assert q["cue"]["text"] == gold["cue"] and q["cue"]["start"] == gold["cue_start"]
        speaker = q["speaker"]
        assert speaker is not None
        assert (speaker["start"], speaker["end"]) == (gold["speaker_start"], gold["speaker_end"]) or \
            seed_text[speaker["start"]:speaker["end"]] in gold["speaker"]
        if gold["speaker_name"] is not None:
            assert speaker["name"] == gold["speaker_name"], gold["content"]
        if "speaker_title" in gold:
            assert speaker["title"] == gold["speaker_title"], gold["content"]
        if "speaker_affiliation" in gold:
            assert speaker["affiliation"] == gold["speaker_affiliation"], gold["content"]
        if "outlet" in gold:
            assert q["outlet"] == {"name": gold["outlet"], "start": gold["outlet_start"], "end": gold["outlet_end"]}


def test_blinken_emphasized_carries_the_outlet(response):
    [q] = [q for q in response["quotes"] if q["cue"] and q["cue"]["text"] == "emphasized"]
    assert q["speaker"]["name"] == "Antony Blinken"
    assert q["outlet"]["name"] == "Radio France International"


def test_nothing_from_not_quote_sentences(response, seed_gold, seed_text):
    for sentence in seed_gold["not_quotes"]:
        start = seed_text.index(sentence)
        end = start + len(sentence)
        inside = [q for q in response["quotes"] if q["start"] < end and start < q["end"]]
        assert inside == [], sentence


def test_speakers(response, seed_gold):
    by_name = {s["name"]: s for s in response["speakers"]}
    for gold in seed_gold["speakers"]:
        speaker = by_name[gold["name"]]
        assert speaker["title"] == gold["title"]
        if "affiliation" in gold:
            assert speaker["affiliation"] == gold["affiliation"]
        assert {m["text"] for m in speaker["mentions"]} >= set(gold["mentions"]) - {"she"}
        for qid in speaker["quotes"]:
            [q] = [q for q in response["quotes"] if q["id"] == qid]
            assert q["speaker"]["entity"] == speaker["id"]
