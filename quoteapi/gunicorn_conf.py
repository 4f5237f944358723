"""gunicorn settings shared by `make run`, the Procfile and `quoteapi serve`
(``gunicorn -c python:quoteapi.gunicorn_conf``: they ship with the package).

The app is preloaded so the spaCy model is loaded once in the master and shared by the
forked workers (copy-on-write). Everything can be overridden from the environment:
HOST (default 127.0.0.1: set 0.0.0.0 to serve other machines, as the Procfile does), PORT
(default 8000), WEB_CONCURRENCY (workers, default 2), QUOTEAPI_THREADS (threads per worker,
default 32: most of them wait for a client or for one of the app's analysis slots,
QUOTEAPI_CONCURRENT_ANALYSES), QUOTEAPI_READ_TIMEOUT (seconds a request may take to arrive, default 10: see
:mod:`quoteapi.worker`), QUOTEAPI_TRIM_SECONDS (how often a worker returns freed memory, default 10), QUOTEAPI_TIMEOUT (seconds, default 60), QUOTEAPI_LOG_LEVEL.
"""
import os

import gunicorn.http.wsgi

wsgi_app = "quoteapi.api:create_app()"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# gunicorn's threaded worker, with a cut for slow clients and errors in JSON (quoteapi.worker).
worker_class = "quoteapi.worker.QuoteWorker"
threads = int(os.environ.get("QUOTEAPI_THREADS", "32"))
preload_app = True
timeout = int(os.environ.get("QUOTEAPI_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# A request body larger than the API's own limit is refused by Flask with a JSON 413;
# these only stop pathological request lines and headers.
limit_request_line = 8190
limit_request_fields = 100
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("QUOTEAPI_LOG_LEVEL", "info")
# The request id the app gives every response, so that a client's report finds its log line;
# never the body, and never a header that could carry a key.
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s'
# No server name and version in the Server header.
gunicorn.http.wsgi.SERVER = "quoteapi"


def pre_fork(server, worker):
    """Move everything the master loaded (the spaCy model above all) out of the garbage
    collector's reach before forking: otherwise the first collection in a worker touches every
    object and copy-on-write gives each worker its own copy of the model."""
    import gc

    gc.freeze()

