"""A test skips itself only when a service it needs is missing; any other skip fails the run.

A test that skips because the page or the data was not as it expected never runs, and
nobody notices. So every skip goes through ``requires_postgresql``, ``requires_redis`` or
``skip_missing_service``, whose reasons begin with ``MISSING_SERVICE``; the run lists every
skip (``-rs``) and fails when a reason begins otherwise. Loaded by tests/conftest.py.
"""

import os
from typing import NoReturn

import pytest
from django.db import connection

MISSING_SERVICE = "missing service: "


def is_for_missing_service(reason: str) -> bool:
    """Whether a skip's reason is one the run accepts."""
    return reason.startswith(MISSING_SERVICE)


def requires_postgresql(why: str) -> pytest.MarkDecorator:
    """Skips the test on the embedded SQLite default; ``why`` says what it needs PostgreSQL for."""
    return pytest.mark.skipif(
        connection.vendor != "postgresql", reason=f"{MISSING_SERVICE}PostgreSQL ({why})"
    )


def requires_redis(why: str) -> pytest.MarkDecorator:
    """Skips the test without REDIS_URL; ``why`` says what it needs Redis for."""
    return pytest.mark.skipif(
        not os.environ.get("REDIS_URL"), reason=f"{MISSING_SERVICE}Redis ({why})"
    )


def skip_missing_service(service: str, why: str) -> NoReturn:
    """Skips from inside a test or fixture, when only there it shows that ``service`` is missing."""
    pytest.skip(f"{MISSING_SERVICE}{service} ({why})")


def _reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    # A skip's longrepr is (path, line, "Skipped: <reason>"); a list after xdist sent it.
    longrepr = report.longrepr
    if isinstance(longrepr, tuple | list) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


class SkipRule:
    """Collects the skips not for a missing service and fails the session on any."""

    def __init__(self) -> None:
        self.wrong: list[str] = []

    def _check(self, report: pytest.TestReport | pytest.CollectReport) -> None:
        if report.skipped and not hasattr(report, "wasxfail"):
            reason = _reason(report)
            if not is_for_missing_service(reason):
                self.wrong.append(f"{report.nodeid}: {reason}")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self._check(report)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        self._check(report)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.wrong and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if self.wrong:
            terminalreporter.section("skips not for a missing service (these fail the run)")
            for line in self.wrong:
                terminalreporter.line(line)


def pytest_configure(config: pytest.Config) -> None:
    # Under xdist the controller sees every worker's reports; a worker need not judge them.
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(SkipRule(), "meldpunt-skip-rule")
