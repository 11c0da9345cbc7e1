"""Log lines as JSON, with a request id, and filters that keep client data out of them."""

import json
import logging
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime


class DropRequestFilter(logging.Filter):
    """Removes the request object Django attaches to records.

    A handler or formatter that renders the request (for example an e-mail
    handler) would otherwise print the client's address and headers.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            del record.request
        return True


# The id of the request being served, in every log line written while it is served.
request_id: ContextVar[str] = ContextVar("request_id", default="")

# Fields a log call may add with ``extra=``; anything else stays out of the line.
EXTRA_FIELDS = ("event", "view", "method", "status", "duration_ms", "job", "check", "exc_type")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and the allowed
    extra fields. An exception is given by its type and where it happened, never by its
    message, which may quote a value from the database."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": self._message(record),
        }
        if rid := request_id.get():
            line["request_id"] = rid
        for name in EXTRA_FIELDS:
            if name in record.__dict__:
                line[name] = record.__dict__[name]
        if record.exc_info and record.exc_info[0] is not None:
            line["exc_type"] = record.exc_info[0].__name__
            line["stack"] = [
                f"{frame.filename}:{frame.lineno} {frame.name}"
                for frame in traceback.extract_tb(record.exc_info[2])
            ]
        return json.dumps(line, ensure_ascii=False)

    def _message(self, record: logging.LogRecord) -> str:
        if record.name.startswith("django.request") or record.name.startswith("django.security"):
            # Their messages quote the path (with ids) and sometimes the reason.
            return f"{record.levelname.lower()}: {getattr(record, 'status_code', '')}".rstrip(": ")
        return record.getMessage()
