"""gunicorn settings shared by `make run`, the Procfile and `quoteapi serve`.

The app is preloaded so the spaCy model is loaded once in the master and shared by the
forked workers (copy-on-write). Everything can be overridden from the environment:
PORT (default 8000), HOST (default 0.0.0.0), WEB_CONCURRENCY (workers, default 2),
QUOTEAPI_TIMEOUT (seconds, default 60).
"""
import os

wsgi_app = "quoteapi.api:create_app()"
bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
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
