"""The traffic of `scripts/loadtest.py`: PolNeAR dev articles mixed with hostile requests.

Run by the driver (``locust -f scripts/locustfile.py --headless …``); usable alone against any
quoteapi: ``locust -f scripts/locustfile.py --host http://127.0.0.1:8000``.

- ``QUOTEAPI_LOAD_ARTICLES``: a JSONL file of articles (``text`` field), default PolNeAR dev;
- ``QUOTEAPI_LOAD_STATUS``: where to write the answers counted by kind of request and status;
- ``QUOTEAPI_API_KEY``: sent as a bearer token when set.

Every answer must be the API's JSON: a 2xx or 4xx, or a 503 ``over_time_budget``. Anything else
(another 5xx, an HTML page, a dropped connection) is a failure in locust's statistics.
"""
from __future__ import annotations

import json
import os
import random
from collections import Counter
from pathlib import Path

from locust import FastHttpUser, events, task

ARTICLES = Path(os.environ.get("QUOTEAPI_LOAD_ARTICLES",
                               Path(__file__).resolve().parents[2] / "shared/data/polnear/dev.jsonl"))
TEXTS = [json.loads(line)["text"] for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
SEED = TEXTS[0]
DEEP_JSON = ("[" * 100_000 + "]" * 100_000).encode()

# (name, content type, body): the hostile inputs of issue 10, each within the default limits.
HOSTILE = [
    ("quote-run-25k", "text/plain", b'"' * 25_000),
    ("quote-run-100k", "text/plain", b'"' * 100_000),
    ("curly-mix", "text/plain", ("“‘«„" * 20_000).encode()),
    ("unclosed-nested", "text/plain", ("“He said ‘she said “they said " * 3_000).encode()),
    ("said-that-sentence", "text/plain", ("Smith said that " * 6_000 + "it rained.").encode()),
    ("quote-said-repeated", "text/plain", ('"It is fine," Smith said, ' * 3_500).encode()),
    ("parentheses", "text/plain", b"(" * 30_000 + b"x" + b")" * 30_000),
    ("he-said-parens", "text/plain", ("( he said it was fine ) " * 4_000).encode()),
    ("emoji-100k", "text/plain", ("😀" * 100_000).encode()),
    ("many-speakers", "text/plain", " ".join(f"“We agree,” said Person{i} Name{i}." for i in range(2_500)).encode()),
    ("html-entities", "text/html", ("<p>Tom &amp; Jerry said that " + "&amp; " * 19_000 + "</p>").encode()),
    ("article-x16", "text/plain", (SEED + "\n\n") * max(1, min(16, 99_000 // (len(SEED) + 2)))),
    ("html-deep", "text/html", ("<div>" * 1_000 + "He said that it rained." + "</div>" * 1_000).encode()),
    ("html-unclosed-b", "text/html", b"<b>" * 30_000 + b"She said that it rained."),
    ("json-huge-number", "application/json", b'{"text": "a", "id": ' + b"9" * 5_000 + b"}"),
    ("json-deep", "application/json", DEEP_JSON),
    ("charset-punycode", "text/plain; charset=punycode", b"He said that it rained."),
    ("surrogate-id", "application/json", b'{"text": "He said so.", "id": "\\ud800"}'),
    ("binary", "text/plain", bytes(range(256)) * 100),
    ("empty", "application/json", b'{"text": ""}'),
]
HOSTILE = [(name, ctype, body.encode() if isinstance(body, str) else body) for name, ctype, body in HOSTILE]

answers: Counter = Counter()


class Newsroom(FastHttpUser):
    """A client that sends back to back (no think time): the concurrency is the number of users."""

    def _headers(self, content_type: str) -> dict:
        headers = {"Content-Type": content_type}
        if os.environ.get("QUOTEAPI_API_KEY"):
            headers["Authorization"] = f"Bearer {os.environ['QUOTEAPI_API_KEY']}"
        return headers

    def _post(self, kind: str, content_type: str, body: bytes, detail: str = "") -> None:
        with self.client.post("/v1/quotes", data=body, headers=self._headers(content_type), name=kind,
                              catch_response=True) as response:
            status = response.status_code
            answers[f"{detail or kind} {status}"] += 1
            if not status:
                response.failure("no answer (connection closed)")
                return
            try:
                error = response.json().get("error") if status >= 400 else None
            except Exception:
                response.failure(f"{status}: not JSON")
                return
            if status >= 500 and not (status == 503 and error and error.get("code") == "over_time_budget"):
                response.failure(f"{status}: {error}")
            else:
                response.success()

    @task(8)
    def article(self):
        self._post("article", "application/json", json.dumps({"text": random.choice(TEXTS)}).encode())

    @task(2)
    def hostile(self):
        name, content_type, body = random.choice(HOSTILE)
        self._post("hostile", content_type, body, detail=f"hostile:{name}")


@events.test_stop.add_listener
def _write_answers(environment, **kwargs):
    if os.environ.get("QUOTEAPI_LOAD_STATUS"):
        Path(os.environ["QUOTEAPI_LOAD_STATUS"]).write_text(json.dumps(answers, indent=1, sort_keys=True))
