# Two commands do everything on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DJANGO_DEBUG=1

.PHONY: run test lint format vendor messages check-migrations browser install bytecode clean bench

# uv, unlike pip, leaves the installed packages as sources unless told to compile them:
# every Python process would compile Django and the rest again when it starts (3.5 s
# instead of 1.1 s here, and the tests start many servers and commands).
$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip uv
	$(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PY) -e '.[dev]'
	touch $@

install: $(STAMP)

## bytecode: compile the project's own modules, which change between runs (only what
## changed is compiled again). Where the environment says not to write bytecode
## (PYTHONDONTWRITEBYTECODE, set on some CI machines) nothing else would.
bytecode: $(STAMP)
	@$(PY) -m compileall -q -j 0 config meldpunt tests bench scripts manage.py >/dev/null

## run: install, migrate, load demo data and serve on http://127.0.0.1:8000 (SQLite, in-memory layer)
run: $(STAMP) bytecode
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_demo
	$(DEV_ENV) $(PY) manage.py load_demo_cases
	@echo "Serving on http://$(HOST):$(PORT)/  (staff: http://$(HOST):$(PORT)/medewerkers/)"
	$(DEV_ENV) $(VENV)/bin/uvicorn config.asgi:application --host $(HOST) --port $(PORT) --no-access-log

## browser: Debian's Chromium for the browser tests (never a downloaded browser)
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## test: the whole suite, browser tests included; lists every skip and fails on one not for
## a missing service (tests/skips.py). Keep xdist's default distribution: pytest-django runs
## the transactional tests after the others, whose rows seeded by migrations (retention
## rules, job runs) a transactional test's flush removes; --dist loadfile breaks that order.
## TEST_WORKERS: xdist workers (2).
TEST_WORKERS ?= 2
test: $(STAMP) bytecode browser
	$(VENV)/bin/pytest -n $(TEST_WORKERS) -q -rs --durations=25

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check-migrations: $(STAMP)
	$(PY) manage.py makemigrations --check --dry-run --settings=config.test_settings

## vendor: refresh static/vendor from npm (needs Node; the result is committed)
vendor:
	bash scripts/vendor.sh

## messages: refresh the translation files of every language but Dutch, the source language
## (needs GNU gettext; the .mo files are committed)
messages: $(STAMP)
	$(PY) manage.py makemessages -l en -l pl -l ro -l bg -l uk -l ar --no-obsolete --ignore=.venv --ignore=var --ignore='static/vendor/*' --settings=config.test_settings
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var --settings=config.test_settings

## bench: where the benchmarks are (each is run on its own; figures in docs/PERFORMANCE.md)
bench: $(STAMP)
	@echo "See bench/README.md: each benchmark is run on its own, with the command given there."

clean:
	rm -rf $(VENV) var
