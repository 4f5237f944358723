# gunicorn reads ./gunicorn.conf.py when started without -c: the package's settings.
from quoteapi.gunicorn_conf import *  # noqa: F401,F403
