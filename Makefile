# Two entry points: `make run` (the dashboard on the bundled data) and `make test`
# (ruff + the whole pytest suite, browser tests included). Both bootstrap what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt | sha1sum | cut -c1-12)
DASK_STAMP := $(VENV)/.dask-$(shell cat requirements-dask.txt | sha1sum | cut -c1-12)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8501
# The dashboard listens on this machine only; HOST=0.0.0.0 serves the network.
HOST ?= 127.0.0.1
# Server processes: more than one are served behind HAProxy (scripts/workers.py).
WORKERS ?= 1

.PHONY: run test lint chromium haproxy bench clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# The optional Dask engine: installed for the tests, so that it is tested on every run.
$(DASK_STAMP): requirements-dask.txt $(STAMP)
	$(PY) -m pip install --quiet -r requirements-dask.txt
	rm -f $(VENV)/.dask-*
	touch $(DASK_STAMP)

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

haproxy:
	@command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q haproxy; }

ifeq ($(WORKERS),1)
run: $(STAMP)
	$(PY) -m streamlit run app.py --server.address $(HOST) --server.port $(PORT)
else
run: $(STAMP) haproxy
	$(PY) scripts/workers.py --workers $(WORKERS) --host $(HOST) --port $(PORT)
endif

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: $(STAMP) $(DASK_STAMP) chromium haproxy lint
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/run.py $(or $(ARGS),--1k)

clean:
	rm -rf .cache .pytest_cache screenshots
