"""What the reporter's session holds for the web report, and what ends with the session."""

from django.contrib.sessions.backends.base import SessionBase

from meldpunt.reports import services

SESSION_DRAFT = "report_draft"
SESSION_MAILBOX = "report_mailbox"
SESSION_SENT = "report_mailbox_sent"


def end_draft(session: SessionBase) -> None:
    """An unfinished report ends with the reporter's session (quick exit, idle, closing)."""
    token = session.get(SESSION_DRAFT)
    if token:
        services.draft_discard(token=token)
