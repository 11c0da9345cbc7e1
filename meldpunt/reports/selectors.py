"""Reads of the reports app.

A reporter reaches a mailbox only with its receipt code (``access_mailbox_for_receipt``),
then through their session (``access_mailbox_for_session``), and a file only through
that mailbox (``access_attachment_for_mailbox``); staff reach mailboxes and files only
within a case from ``access_case`` (``access_mailbox``, ``access_attachment``).
The contract these follow is in meldpunt/lib/access.py.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from meldpunt.accounts.models import Role, User
from meldpunt.cases.models import Case, CaseStatus, Channel, Contact
from meldpunt.cases.selectors import granted, require_case_handler
from meldpunt.lib import clock
from meldpunt.lib.access import AccessDenied
from meldpunt.reports.models import Attachment, Mailbox, MailboxMessage, ReportDraft
from meldpunt.reports.receipts import code_for_draft, hash_code, normalise_code

# What a reporter reads about their report, in plain words.
PUBLIC_STATUS: dict[str, StrPromise] = {
    CaseStatus.NEW: _("Ontvangen. Wij gaan uw melding bekijken."),
    CaseStatus.ASSESSMENT: _("Wij beoordelen uw melding."),
    CaseStatus.IN_PROGRESS: _("Wij zijn met uw melding bezig."),
    CaseStatus.REFERRED: _("Wij zijn met uw melding bezig."),
    CaseStatus.CLOSED: _("Afgesloten. Wij doen niets meer met deze melding."),
}

_WITHOUT_DATA = Attachment.objects.defer("data")


def access_mailbox_for_receipt(code: str) -> Mailbox:
    """The mailbox of a receipt code; AccessDenied for a code that opens none. Not audited."""
    digits = normalise_code(code)
    mailbox = (
        Mailbox.objects.select_related("case").filter(code_hash=hash_code(digits)).first()
        if digits is not None
        else None
    )
    if mailbox is None:
        raise AccessDenied
    return mailbox


def access_mailbox_for_session(opened: dict[str, Any] | None) -> Mailbox:
    """The mailbox a reporter opened earlier in this browser session; not audited.

    ``opened`` is what the session holds (the mailbox id and when it was last seen).
    AccessDenied without one, when it has been idle too long, or when it is gone.
    """
    if not opened or clock.now().timestamp() - opened["seen"] > (
        settings.MELDPUNT_MAILBOX_IDLE_SECONDS
    ):
        raise AccessDenied
    mailbox = Mailbox.objects.select_related("case").filter(pk=opened["id"]).first()
    if mailbox is None:
        raise AccessDenied
    return mailbox


def access_attachment_for_mailbox(mailbox: Mailbox | None, attachment_id: int) -> Attachment:
    """A file in the thread of ``mailbox`` (from ``access_mailbox_for_session``; None when
    the session has none); not audited.

    The one way in to a file for reporters: without an open mailbox, or for a file of
    another mailbox (even one on the same case) or of the report itself: AccessDenied.
    """
    attachment = (
        Attachment.objects.filter(message__mailbox=mailbox, pk=attachment_id).first()
        if mailbox is not None
        else None
    )
    if attachment is None:
        raise AccessDenied
    return attachment


def get_draft(token: str) -> ReportDraft | None:
    """The reporter's draft if it has not expired."""
    if not token:
        return None
    return ReportDraft.objects.filter(token=token, expires_at__gt=clock.now()).first()


def sent_report_code(token: str) -> str | None:
    """The receipt code of the report already sent from the draft with this token, or None.

    For a browser whose Send stored the report but never got the answer: its session
    still holds the token of the draft, which the submit deleted.
    """
    if not token:
        return None
    code = code_for_draft(token)
    return code if Mailbox.objects.filter(code_hash=hash_code(code)).exists() else None


def draft_files(draft: ReportDraft | None) -> list[Attachment]:
    if draft is None:
        return []
    return list(_WITHOUT_DATA.filter(draft=draft))


def draft_file_tries_left(draft: ReportDraft | None) -> int:
    """How many more files may be checked for this draft: twice the most it may keep."""
    tried = draft.files_tried if draft else 0
    return max(0, 2 * settings.MELDPUNT_ATTACHMENT_MAX_FILES - tried)


def public_status(case: Case) -> str:
    return str(PUBLIC_STATUS.get(case.status, PUBLIC_STATUS[CaseStatus.NEW]))


def mailbox_from_chat(mailbox: Mailbox) -> bool:
    """Was the mailbox opened with a code the reporter got in a chat (not a web report)?"""
    return (
        mailbox.contact_id is not None
        and Contact.objects.filter(pk=mailbox.contact_id, channel=Channel.CHAT).exists()
    )


def reporter_thread(mailbox: Mailbox) -> list[MailboxMessage]:
    """The mailbox's messages for the reporter: their own and staff replies, nothing else."""
    return list(mailbox.messages.prefetch_related(Prefetch("attachments", queryset=_WITHOUT_DATA)))


@dataclass(frozen=True)
class MailboxPanel:
    """One mailbox as staff see it on the case page."""

    mailbox: Mailbox
    messages: list[MailboxMessage]


def case_mailboxes(case: Case) -> list[MailboxPanel]:
    """Every mailbox of a case with its thread; ``case`` comes from ``access_case``."""
    mailboxes = case.mailboxes.select_related("contact").prefetch_related(
        Prefetch(
            "messages",
            queryset=MailboxMessage.objects.select_related("author").prefetch_related(
                Prefetch("attachments", queryset=_WITHOUT_DATA)
            ),
        )
    )
    return [MailboxPanel(mailbox=m, messages=list(m.messages.all())) for m in mailboxes]


def case_report_files(case: Case) -> list[Attachment]:
    """Files sent with the web report itself (not with a later message)."""
    return list(_WITHOUT_DATA.filter(case=case, message__isnull=True))


def access_mailbox(user: User, mailbox_id: int, *, case: Case, audit: str | None) -> Mailbox:
    """A mailbox of ``case`` (from ``access_case``), for advisors and coordinators;
    AccessDenied for a mailbox of another case."""
    require_case_handler(user)
    mailbox = case.mailboxes.filter(pk=mailbox_id).first()
    return granted(user, mailbox, audit=audit, case=case)


def access_attachment(
    user: User, attachment_id: int, *, case: Case, audit: str | None
) -> Attachment:
    """A file of ``case`` (from ``access_case``) with its content, for advisors and
    coordinators; AccessDenied for a file of another case."""
    require_case_handler(user)
    attachment = Attachment.objects.filter(case=case, pk=attachment_id).first()
    return granted(user, attachment, audit=audit, case=case)


def mailbox_texts(case: Case) -> Iterable[str]:
    """The text of every mailbox message of a case, for the case search index."""
    for message in MailboxMessage.objects.filter(mailbox__case=case):
        yield message.text


def coordinator_emails() -> list[str]:
    """Where a notice goes when a case has nobody on it: every active coordinator."""
    return list(
        User.objects.filter(is_active=True, role=Role.COORDINATOR)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )


def reports_last_hour() -> list[tuple[dict[str, str], float]]:
    """For /metrics: contacts made by web report and by mailbox message in the last hour."""
    since = clock.now() - timedelta(hours=1)
    counts = dict(
        Contact.objects.filter(
            channel__in=[Channel.WEB_REPORT, Channel.MAILBOX], started_at__gte=since
        )
        .values_list("channel")
        .annotate(n=Count("pk"))
        .values_list("channel", "n")
    )
    return [
        ({"channel": str(channel)}, float(counts.get(channel, 0)))
        for channel in (Channel.WEB_REPORT, Channel.MAILBOX)
    ]
