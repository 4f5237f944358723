"""The gunicorn worker quoteapi is served with: gunicorn's threaded worker (``gthread``) and
two things a public API needs that it does not do by itself.

- **Slow clients cannot hold the workers.** gunicorn hands a connection to a thread as soon
  as its first byte arrives, and the thread then waits for the rest of the request with no
  limit. Here a request that has not arrived whole within ``QUOTEAPI_READ_TIMEOUT`` seconds
  (default 10) is cut: while its head is still coming the client gets a JSON 408 and the
  connection is closed; while the app is reading its body, reading is shut and the app
  answers the JSON 408 itself (:mod:`quoteapi.api.payload`). Once the body is in, the
  request is the app's: an analysis may take its whole time budget and the connection stays
  open for the client's next request. The main thread of each worker
  checks every second, so a trickling client holds a thread for at most the timeout plus a
  second, and the other threads (``QUOTEAPI_THREADS``, default 32 per worker) keep serving.
- **Memory follows the documents in flight.** A worker uses 2 malloc arenas (see
  :func:`tune_malloc`), and glibc keeps what a large document's analysis
  freed for later use, so a worker's resident memory climbs to its largest moment and stays
  there; every ``QUOTEAPI_TRIM_SECONDS`` (default 10, 0 for never) the main thread calls
  ``malloc_trim`` and the freed pages go back to the system (nothing happens on other C
  libraries).
- **Analyses are spread over the workers**: a request to ``/v1/quotes`` (or its batch) is
  answered with ``Connection: close``, so that no client stays pinned to one busy worker.
- **Every error is JSON.** A request line or header too large (414, 431), a malformed
  request (400) and a crash outside the app (500) are answered in the API's envelope
  ``{"error": {"code", "message"}}``, not gunicorn's HTML page. gunicorn still decides the
  status and writes its log lines.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import socket
import threading
import time

from gunicorn import util
from gunicorn.http.body import ChunkedReader, EOFReader, LengthReader
from gunicorn.workers.gthread import ThreadWorker

READ_TIMEOUT = float(os.environ.get("QUOTEAPI_READ_TIMEOUT", "10"))
#: Analyses end their connection: a keep-alive client stays with the worker that accepted it, and
#: in a load run all four clients of the soak stayed on one worker while the other idled (half the
#: throughput). A new connection per analysis goes to whichever worker accepts first, and a busy
#: worker's main thread is the slower to; a handshake costs little next to an analysis.
ANALYSIS_PATH = "/v1/quotes"
#: Every so many seconds the worker hands the memory its analyses freed back to the system.
TRIM_SECONDS = float(os.environ.get("QUOTEAPI_TRIM_SECONDS", "10"))

#: gunicorn's statuses, as the API's error codes and messages (never the request's own bytes).
ERRORS = {
    400: ("bad_request", "The request is not valid HTTP."),
    408: ("request_timeout", "The request did not arrive within {timeout:g} s."),
    414: ("uri_too_long", "The request line is too long."),
    417: ("expectation_failed", "The Expect header cannot be met."),
    431: ("headers_too_large", "The request has too many headers or a header too large."),
    500: ("internal", "Internal error; it has been logged."),
    501: ("not_implemented", "The transfer coding is not supported."),
}


def error_bytes(status: int, reason: str) -> bytes:
    """A complete HTTP/1.1 error response in the API's JSON envelope.

    >>> error_bytes(414, "URI Too Long").split(b"\\r\\n")[0]
    b'HTTP/1.1 414 URI Too Long'
    """
    code, message = ERRORS.get(status, ERRORS[400] if status < 500 else ERRORS[500])
    body = json.dumps({"error": {"code": code, "message": message.format(timeout=READ_TIMEOUT)}}).encode()
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nServer: quoteapi\r\n\r\n")
    return head.encode("latin-1") + body


M_ARENA_MAX = -8  # glibc's mallopt parameter


def glibc():
    """The C library when it is glibc (it has ``malloc_trim`` and ``mallopt``), else None."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except OSError:
        return None


def tune_malloc(libc) -> None:
    """Few malloc arenas in a worker: glibc gives each of the worker's threads an arena of its own
    (up to 8 per core) and keeps what each one freed, so with 32 threads taking turns at large
    documents a worker grew past 4 GB in 5 rounds of 16 clients; with 2 arenas it stayed near
    1.1 GB (measured in one run, same traffic). ``MALLOC_ARENA_MAX`` in the environment wins.
    Called before the worker starts its threads."""
    if libc is not None and "MALLOC_ARENA_MAX" not in os.environ:
        libc.mallopt(M_ARENA_MAX, 2)


def body_arrived(req) -> bool:
    """Whether gunicorn has read the whole body of *req* off the socket (an unknown kind of
    body counts as still arriving: the cut stays on)."""
    reader = getattr(getattr(req, "body", None), "reader", None)
    if isinstance(reader, LengthReader):
        return reader.length == 0
    if isinstance(reader, ChunkedReader):
        return reader.parser is None
    if isinstance(reader, EOFReader):
        return reader.finished
    return False


class _Capture:
    """Stands in for the client socket while gunicorn writes its HTML error page: only the
    status line is kept."""

    def __init__(self):
        self.data = b""

    def gettimeout(self):
        return 0.0

    def sendall(self, data: bytes) -> None:
        self.data += data

    def status(self) -> tuple[int, str]:
        line = self.data.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
        try:
            return int(line[1]), line[2] if len(line) > 2 else ""
        except (IndexError, ValueError):
            return 500, "Internal Server Error"


class QuoteWorker(ThreadWorker):
    """``worker_class = "quoteapi.worker.QuoteWorker"`` (see :mod:`quoteapi.gunicorn_conf`)."""

    def init_process(self):
        self._lock = threading.Lock()
        # connection → [deadline, phase: "head" | "app", the request once its head is read]
        self._arriving: dict[object, list] = {}
        libc = glibc()
        tune_malloc(libc)
        self._trim = libc.malloc_trim if libc is not None and TRIM_SECONDS > 0 else None
        self._next_trim = time.monotonic() + TRIM_SECONDS
        super().init_process()

    def notify(self):
        """The main loop's heartbeat (about once a second): also where freed memory is returned."""
        super().notify()
        if self._trim is not None and time.monotonic() >= self._next_trim:
            self._trim(0)
            self._next_trim = time.monotonic() + TRIM_SECONDS

    # -- slow clients ---------------------------------------------------------------------
    def handle(self, conn):
        with self._lock:
            self._arriving[conn] = [time.monotonic() + READ_TIMEOUT, "head", None]
        try:
            return super().handle(conn)
        finally:
            with self._lock:
                self._arriving.pop(conn, None)

    def handle_request(self, req, conn):
        with self._lock:
            if conn in self._arriving:
                self._arriving[conn][1:] = ["app", req]
        if req.method == "POST" and req.path.startswith(ANALYSIS_PATH):
            req.must_close = True  # answered with "Connection: close" (see ANALYSIS_PATH)
        return super().handle_request(req, conn)

    def murder_pending(self):
        super().murder_pending()
        now = time.monotonic()
        with self._lock:
            # A request whose body has arrived is the app's to answer, however long it analyses:
            # cutting its reading side would lose the connection's next request.
            done = [conn for conn, (_, phase, req) in self._arriving.items() if phase == "app" and body_arrived(req)]
            for conn in done:
                del self._arriving[conn]
            late = [(conn, phase) for conn, (deadline, phase, _) in self._arriving.items() if deadline < now]
            for conn, _ in late:
                del self._arriving[conn]
        for conn, phase in late:
            self._cut(conn, phase)

    def _cut(self, conn, phase: str) -> None:
        try:
            if phase == "head":
                self.log.info("request from %s not arrived within %g s: 408", conn.client[0] if conn.client else "?",
                              READ_TIMEOUT)
                try:  # without waiting, and without making the socket non-blocking under its thread
                    conn.sock.send(error_bytes(408, "Request Timeout"), socket.MSG_DONTWAIT)
                except (OSError, ValueError):  # ValueError: a TLS socket takes no flags
                    pass
                conn.sock.shutdown(socket.SHUT_RDWR)
            else:  # the app may be reading the body, or past it: reading stops, answering does not
                conn.sock.shutdown(socket.SHUT_RD)
        except OSError:
            pass  # already closed by its thread

    # -- errors in JSON ---------------------------------------------------------------------
    def handle_error(self, req, client, addr, exc):
        captured = _Capture()
        super().handle_error(req, captured, addr, exc)  # gunicorn's status choice and log lines
        status, reason = captured.status()
        try:
            util.write_nonblock(client, error_bytes(status, reason))
        except Exception:
            self.log.debug("Failed to send error message.")
