"""The logging configuration never writes the client's address (nor its user agent).

Requests for a page, a missing page and a failing view (the health check, made to
raise) run with a recognisable address
and user agent while every logger records at DEBUG level into the test and into the
configured console handler.
"""

import io
import logging
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client

from meldpunt.public import views

ADDRESS = "203.0.113.7"
AGENT = "Agent-Smith/7.0 (unique-test-agent)"


async def broken() -> list[str]:
    raise RuntimeError("this view fails on purpose")


@pytest.fixture
def console_output() -> Iterator[io.StringIO]:
    """What the configured console handler would write, at DEBUG level everywhere."""
    stream = io.StringIO()
    handlers = {
        handler
        for logger in (logging.getLogger(), *map(logging.getLogger, settings.LOGGING["loggers"]))
        for handler in logger.handlers
        if isinstance(handler, logging.StreamHandler)
    }
    assert handlers, "the LOGGING setting configures a console handler"
    old = {handler: handler.setStream(stream) for handler in handlers}
    yield stream
    for handler, previous in old.items():
        handler.setStream(previous)


@pytest.fixture
def everything_logged(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record of every logger, also those that do not propagate to the root."""
    names = ["", "django", *settings.LOGGING["loggers"]]
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        if caplog.handler not in logger.handlers and logger.propagate is False:
            logger.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.DEBUG)
    yield caplog
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)
        if logger is not logging.getLogger() and caplog.handler in logger.handlers:
            logger.removeHandler(caplog.handler)


@pytest.mark.django_db
def test_no_client_address_in_any_log_line(
    everything_logged: pytest.LogCaptureFixture,
    console_output: io.StringIO,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page, a 404 and a 500 are logged without the client's address or user agent."""
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT, raise_request_exception=False)
    client.get("/", HTTP_X_FORWARDED_FOR=ADDRESS)
    assert client.get("/bestaat-niet/").status_code == 404
    monkeypatch.setattr(views, "readiness_problems", broken)
    assert client.get("/readyz").status_code == 500

    records = everything_logged.records
    assert any(record.levelno >= logging.ERROR for record in records), "the 500 was logged"
    assert '"exc_type": "RuntimeError"' in console_output.getvalue()
    for text in (everything_logged.text, console_output.getvalue()):
        assert ADDRESS not in text
        assert AGENT not in text
    for record in records:
        assert ADDRESS not in record.getMessage()
        assert ADDRESS not in str(record.args)


def test_request_object_is_dropped_before_any_handler_formats_it() -> None:
    """Django attaches the request to error records; the filter removes it for every handler."""
    handler = settings.LOGGING["handlers"]["console"]
    assert "no_request" in handler["filters"]
    for name in ("django.request", "django.security"):
        assert settings.LOGGING["loggers"][name]["handlers"] == ["console"]


def test_server_access_logs_are_switched_off() -> None:
    """Uvicorn's access log and Django's dev server log carry client addresses: both are off."""
    for name in ("uvicorn.access", "django.server"):
        config = settings.LOGGING["loggers"][name]
        assert config["handlers"] == []
        assert config["propagate"] is False
    assert logging.getLogger("uvicorn.access").isEnabledFor(logging.INFO) is False
