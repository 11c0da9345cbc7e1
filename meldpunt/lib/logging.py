"""Logging filters that keep client data out of log lines."""

import logging


class DropRequestFilter(logging.Filter):
    """Removes the request object Django attaches to records.

    A handler or formatter that renders the request (for example an e-mail
    handler) would otherwise print the client's address and headers.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            del record.request
        return True
