"""The serving setup (quoteapi.worker on gunicorn), against the real server: gunicorn's own
errors come in the JSON envelope, and slow clients cannot starve the workers."""
import json
import os
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from quoteapi.worker import error_bytes


def _exchange(base: str, data: bytes, wait: float = 10) -> bytes:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(data)
        sock.settimeout(wait)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
        return received


def _json_error(answer: bytes) -> tuple[int, str]:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"content-type: application/json" in head.lower()
    return int(head.split(b" ")[1]), json.loads(body)["error"]["code"]


@pytest.mark.parametrize("request_bytes, status, code", [
    (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri_too_long"),
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: a\r\n" % i for i in range(150)) + b"\r\n",
     431, "headers_too_large"),
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n", 431, "headers_too_large"),
    (b"NOT HTTP AT ALL\r\n\r\n", 400, "bad_request"),
    (b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
     400, "bad_request"),
])
def test_gunicorns_own_errors_are_json(live_server, request_bytes, status, code):
    assert _json_error(_exchange(live_server, request_bytes)) == (status, code)


def test_error_bytes_are_a_complete_response():
    head, _, body = error_bytes(431, "Request Header Fields Too Large").partition(b"\r\n\r\n")
    assert int(dict(line.split(": ") for line in head.decode().split("\r\n")[1:])["Content-Length"]) == len(body)


@pytest.mark.slow
def test_slow_clients_cannot_starve_the_workers():
    """One worker with two threads, a read timeout of 2 s, four clients trickling their request
    head a byte at a time and one sending half a body: more attackers than threads. Each is cut
    with a 408 within the timeout (plus the main loop's second), and health checks are answered
    throughout: the first waits at most for two rounds of cuts, the others at most for one cut
    (one read timeout plus the main loop's second: on a loaded machine a check can land behind an
    attacker that is about to be cut, and waits 2.006 s; starved, it would wait rounds of cuts)."""
    from conftest import Server

    server = Server("gunicorn-slow-clients", WEB_CONCURRENCY="1", QUOTEAPI_THREADS="2", QUOTEAPI_READ_TIMEOUT="2")
    host, port = "127.0.0.1", server.port
    answers, held = [], []

    def trickle():
        sock = socket.create_connection((host, port))
        started = time.monotonic()
        try:
            for byte in b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n":
                sock.send(bytes([byte]))
                time.sleep(0.3)
        except OSError:
            pass  # cut by the server
        sock.settimeout(5)
        try:
            answers.append(sock.recv(4096))
        except OSError:
            answers.append(b"")
        held.append(time.monotonic() - started)
        sock.close()

    def slow_body():
        sock = socket.create_connection((host, port))
        sock.sendall(b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\n"
                     b"Content-Length: 500\r\n\r\nHe said")
        sock.settimeout(10)
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
        answers.append(answer)
        sock.close()

    try:
        attackers = [threading.Thread(target=trickle) for _ in range(4)] + [threading.Thread(target=slow_body)]
        for thread in attackers:
            thread.start()
        waits = []
        for _ in range(8):
            started = time.monotonic()
            assert urllib.request.urlopen(server.base + "/healthz", timeout=10).status == 200
            waits.append(time.monotonic() - started)
            time.sleep(0.5)
        for thread in attackers:
            thread.join()
        assert max(waits) < 2 * (2 + 1) and sorted(waits)[-2] < 2 + 1
        assert max(held) < 3 * (2 + 1)  # queued behind two rounds of attackers at most, then cut
        assert len(answers) == 5
        assert all(_json_error(answer) == (408, "request_timeout") for answer in answers)
    finally:
        server.stop()


@pytest.mark.slow
def test_a_long_analysis_is_answered_and_ends_its_connection(seed_text):
    """The read timeout is for a request arriving, not for the app's analysis: a request whose
    body is in and whose analysis outlasts the timeout is answered whole. Analyses end their
    connection (``Connection: close``) so that the next one may go to the other worker; other
    requests keep theirs."""
    import http.client

    from conftest import Server

    server = Server("gunicorn-long-analysis", WEB_CONCURRENCY="1", QUOTEAPI_READ_TIMEOUT="1")
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        conn.request("GET", "/healthz")
        health = conn.getresponse()
        assert health.status == 200 and health.getheader("Connection") != "close"
        health.read()
        long_text = "\n\n".join([seed_text] * 40)  # ~94,000 characters, a few seconds
        started = time.monotonic()
        conn.request("POST", "/v1/quotes", body=long_text.encode(), headers={"Content-Type": "text/plain"})
        first = conn.getresponse()
        assert first.status == 200 and first.getheader("Connection") == "close"
        assert len(json.loads(first.read())["quotes"]) >= 40
        assert time.monotonic() - started > 1 + 1  # longer than the read timeout and the check's second
        conn.close()
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        conn.request("POST", "/v1/quotes", body=json.dumps({"text": "“We won,” she said."}),
                     headers={"Content-Type": "application/json"})
        second = conn.getresponse()
        assert second.status == 200 and len(json.loads(second.read())["quotes"]) == 1
        conn.close()
    finally:
        server.stop()


def _private_mb(pid: int) -> float:
    """A process's private memory (what it alone holds: USS), from /proc."""
    fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/smaps_rollup").read().splitlines()[1:])
    return sum(int(fields[k].split()[0]) for k in ("Private_Clean", "Private_Dirty")) / 1024


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/smaps_rollup"), reason="needs Linux /proc")
def test_a_worker_gives_back_what_its_analyses_freed(seed_text):
    """glibc keeps freed memory for reuse: a worker that analysed long documents two at a time
    kept 185–240 MB of private memory once idle without the trim, 61–67 MB with it (four runs);
    with the load run's mix it kept 700–1,100 MB untrimmed."""
    from conftest import Server

    server = Server("gunicorn-trim", WEB_CONCURRENCY="1", QUOTEAPI_TRIM_SECONDS="1")
    try:
        long_text = "\n\n".join([seed_text] * 40).encode()
        statuses = []

        def post():
            request = urllib.request.Request(server.base + "/v1/quotes", data=long_text,
                                             headers={"Content-Type": "text/plain"})
            with urllib.request.urlopen(request, timeout=60) as answer:
                statuses.append(answer.status)

        worker = _children(server.proc.pid)[0]
        peak = 0.0
        for _ in range(2):  # two rounds of two at once: the worker's analysis slots
            clients = [threading.Thread(target=post) for _ in range(2)]
            for thread in clients:
                thread.start()
            while any(thread.is_alive() for thread in clients):
                peak = max(peak, _private_mb(worker))
                time.sleep(0.2)
        assert statuses == [200] * 4
        time.sleep(3)
        assert peak > 300  # the analyses did hold memory
        after = _private_mb(worker)
        assert after < 120, (peak, after)  # measured: 61–67 MB trimmed, 185–240 MB untrimmed
    finally:
        server.stop()
