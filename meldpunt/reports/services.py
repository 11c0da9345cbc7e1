"""Writes of the reports app: drafts, the final submit, mailbox messages and replies."""

import logging
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_deferred, audit_record
from meldpunt.cases.case_months import case_months_kept
from meldpunt.cases.models import (
    Case,
    CaseKind,
    Channel,
    Contact,
    Location,
    LocationKind,
    Person,
    PersonRole,
)
from meldpunt.cases.search.index import case_index_add, case_reindex
from meldpunt.cases.services import Related, case_create, case_number_assign, contact_add
from meldpunt.cases.urgency import urgency_from_answers
from meldpunt.lib import clock
from meldpunt.lib.crypto import encrypt_bytes
from meldpunt.reports.forms import WISH_REPORT
from meldpunt.reports.models import Attachment, Mailbox, MailboxMessage, MailboxSender, ReportDraft
from meldpunt.reports.receipts import code_for_draft, generate_code, hash_code
from meldpunt.reports.selectors import coordinator_emails
from meldpunt.reports.uploads import CleanFile

logger = logging.getLogger(__name__)

ATTACHMENT_PURPOSE = "reports.Attachment.data"
TITLE_LENGTH = 80
# An urgent web report (cases.urgency) is answered within a day instead of
# MELDPUNT_FIRST_RESPONSE_DAYS.
URGENT_RESPONSE = timedelta(days=1)

# The answers that go into the contact's encrypted details, in the order staff read them.
DETAIL_KEYS = (
    "wish",
    "when",
    "place",
    "address",
    "workplace",
    "victim_count",
    "minors",
    "victim_age",
    "concerns",
    "victim_origin",
    "perpetrators",
    "phone_numbers",
    "licence_plates",
    "addresses",
    "company_names",
    "websites",
    "contact_preference",
)


@dataclass(frozen=True)
class Submitted:
    case: Case
    mailbox: Mailbox
    code: str


def draft_start() -> ReportDraft:
    """A new, empty draft that expires after MELDPUNT_REPORT_DRAFT_HOURS."""
    now = clock.now()
    return ReportDraft.objects.create(
        token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + timedelta(hours=settings.MELDPUNT_REPORT_DRAFT_HOURS),
        data={},
    )


def draft_save_step(*, draft: ReportDraft, step: str, raw: dict[str, str | list[str]]) -> None:
    """Keep what was typed in one step, valid or not, so nothing is lost."""
    draft.data[step] = raw
    draft.save(update_fields=["data"])


class MailboxExists(Exception):
    """This contact has a mailbox already; its code was shown once and cannot be shown again."""


def _attachment(*, clean: CleanFile, **links: Any) -> Attachment:
    return Attachment(
        content_type=clean.content_type,
        size=len(clean.data),
        created_at=clock.now(),
        name=clean.name,
        data=encrypt_bytes(clean.data, purpose=ATTACHMENT_PURPOSE),
        **links,
    )


def draft_change_files(
    *,
    draft: ReportDraft,
    remove_ids: Collection[int] = (),
    files: list[CleanFile],
    tried: int = 0,
) -> None:
    """Remove the files the reporter ticked, add the new ones and count the tries.

    The new files were checked against the room the kept files leave. The update of the
    draft comes first: its row lock makes two requests for one draft take turns here, so
    together they never pass the maximum.
    """
    with transaction.atomic():
        ReportDraft.objects.filter(pk=draft.pk).update(files_tried=F("files_tried") + tried)
        Attachment.objects.filter(draft=draft, pk__in=remove_ids).delete()
        room = settings.MELDPUNT_ATTACHMENT_MAX_FILES - draft.attachments.count()
        Attachment.objects.bulk_create(
            [_attachment(clean=f, draft=draft) for f in files[: max(room, 0)]]
        )


def draft_discard(*, token: str) -> None:
    """Delete a draft and its files at once: its reporter left (quick exit, idle session)."""
    ReportDraft.objects.filter(token=token).delete()


def _attach_draft_files(*, draft: ReportDraft, case: Case) -> None:
    Attachment.objects.filter(draft=draft).update(case=case, draft=None)


def _title(description: str) -> str:
    line = " ".join(description.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1] + "…"


def _add_people_and_places(
    contact: Contact, *, answers: dict[str, Any], minors: bool | None
) -> Related:
    """The possible victim, the perpetrators and the places of a web report."""
    people = [
        {
            "role": PersonRole.VICTIM,
            "is_minor": minors,
            "age": answers.get("victim_age", ""),
            "nationality": answers.get("victim_origin", ""),
        }
    ]
    if answers.get("perpetrators"):
        people.append({"role": PersonRole.PERPETRATOR, "description": answers["perpetrators"]})
    places = []
    if answers.get("address") or answers.get("place"):
        places.append({"kind": LocationKind.OTHER, "address": answers.get("address", "")})
    if answers.get("workplace"):
        places.append({"kind": LocationKind.WORKPLACE, "company_name": answers["workplace"]})
    own = {"case": contact.case, "contact": contact}
    where = {"municipality": answers["municipality"], "place": answers.get("place", "")}
    return Related(
        persons=Person.objects.bulk_create([Person(**own, **fields) for fields in people]),
        locations=Location.objects.bulk_create(
            [Location(**own, **where, **fields) for fields in places]
        ),
    )


def report_submit(
    *, draft: ReportDraft, answers: dict[str, Any], language: str = settings.LANGUAGE_CODE
) -> Submitted:
    """Store a complete web report as a new case with its contact, people, places and files.

    ``language`` is the reporter's: the language of the pages the report was made on.
    The receipt code follows from the draft's token (``receipts.code_for_draft``).

    ``answers`` holds the cleaned data of every step. The reporter chose advies or melding
    (a melding gets its assessment deadline); the urgency follows from the answers by the
    rules of cases.urgency. The first response is due after MELDPUNT_FIRST_RESPONSE_DAYS,
    for an urgent report after URGENT_RESPONSE.
    """
    now = clock.now()
    code = code_for_draft(draft.token)
    code_hash = hash_code(code)
    preference = answers["contact_preference"]
    callback = {"phone": answers.get("phone", ""), "email": answers.get("email", "")}.get(
        preference, ""
    )
    verdict = urgency_from_answers(answers)
    minors = {"yes": True, "no": False}.get(answers["minors"])
    if any(reason.rule == "minor" for reason in verdict.reasons):
        minors = True
    respond_within = (
        URGENT_RESPONSE
        if verdict.is_urgent
        else timedelta(days=settings.MELDPUNT_FIRST_RESPONSE_DAYS)
    )
    # The whole report is stored or nothing: a half report would be a case without its files.
    # Its audit entries join the audit chain at the end, so other audited work does not
    # wait for the whole submit (the chain's end stays locked until the commit).
    with transaction.atomic(), audit_deferred():
        case = case_create(
            by=None,
            number_later=True,
            kind=CaseKind.REPORT if answers["wish"] == WISH_REPORT else CaseKind.ADVICE,
            urgency=verdict.urgency,
            municipality=answers["municipality"],
            exploitation=answers["exploitation"],
            title=_title(answers["description"]),
            created_at=now,
            response_due=now + respond_within,
            needs_attention=True,
        )
        contact = contact_add(
            case=case,
            by=None,
            channel=Channel.WEB_REPORT,
            at=now,
            add_related=partial(_add_people_and_places, answers=answers, minors=minors),
            reporter_role=answers["reporter_role"],
            language=language,
            anonymous=preference == "anonymous",
            callback_allowed=preference != "anonymous",
            how_heard=answers["how_heard"],
            municipality=answers["municipality"],
            exploitation=answers["exploitation"],
            callback_details=callback,
            summary=answers["description"],
            details={key: answers.get(key, "") for key in DETAIL_KEYS},
        )
        mailbox = Mailbox.objects.create(
            case=case, contact=contact, code_hash=code_hash, created_at=now
        )
        _attach_draft_files(draft=draft, case=case)
        draft.delete()
        # Last, so concurrent reports wait for the number counter only briefly.
        case_number_assign(case)
    return Submitted(case=case, mailbox=mailbox, code=code)


def mailbox_open_for_contact(*, contact: Contact) -> tuple[Mailbox, str]:
    """A mailbox for a contact that did not come in by web form (a chat that goes on by mail).

    The receipt code is returned once and stored only as its keyed, slow hash. A contact
    has at most one mailbox: asking twice raises MailboxExists. A quick disposition has no
    case and so no mailbox.
    """
    case = contact.case
    if case is None:
        raise ValueError("a contact without a case has no mailbox")
    if Mailbox.objects.filter(contact=contact).exists():
        raise MailboxExists
    code = generate_code()
    mailbox = Mailbox.objects.create(
        case=case, contact=contact, code_hash=hash_code(code), created_at=clock.now()
    )
    audit_record(actor=None, action="mailbox.create", case=case, obj=mailbox)
    return mailbox, code


def mailbox_seen(*, mailbox: Mailbox) -> None:
    mailbox.last_seen = clock.now()
    mailbox.save(update_fields=["last_seen"])


def _case_link(case: Case) -> str:
    """The case page at the site's own address (MELDPUNT_SITE_URL)."""
    return settings.MELDPUNT_SITE_URL + reverse("cases:detail", args=[case.pk])


def _notify_new_message(case_id: int) -> None:
    """Tell who must act that a message waits, and nothing else: no content, no code.

    The case's advisor gets a bare notice. A case without an (active) advisor would leave
    the message unseen, so every active coordinator is told instead, with a link to the
    case so that one of them can take it up or hand it out.
    """
    case = Case.objects.select_related("assigned_to").get(pk=case_id)
    advisor = case.assigned_to
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Nieuw bericht in Meldpunt")
        if advisor is not None and advisor.is_active:
            body = gettext("Er staat een nieuw bericht klaar in Meldpunt.")
            recipients = [advisor.email] if advisor.email else []
        else:
            body = gettext(
                "Er staat een nieuw bericht klaar in Meldpunt, bij een zaak zonder adviseur. "
                "Bekijk de zaak: %(link)s"
            ) % {"link": _case_link(case)}
            recipients = coordinator_emails()
    try:
        send_mass_mail([(subject, body, None, [address]) for address in recipients])
    except OSError:
        logger.warning("A notification e-mail could not be sent.")


def mailbox_post(
    *,
    mailbox: Mailbox,
    text: str,
    files: list[CleanFile],
    language: str = settings.LANGUAGE_CODE,
) -> MailboxMessage:
    """A message from the reporter: stored with its files, the case marked, staff told.
    ``language`` is that of the mailbox page it was written on."""
    case = mailbox.case
    now = clock.now()
    # Message, files and the contact that marks the case belong together.
    with transaction.atomic():
        message = MailboxMessage.objects.create(
            mailbox=mailbox,
            sender=MailboxSender.REPORTER,
            created_at=now,
            text=text,
            language=language,
        )
        Attachment.objects.bulk_create(
            [_attachment(clean=f, case=case, message=message) for f in files]
        )
        contact_add(
            case=case,
            by=None,
            channel=Channel.MAILBOX,
            language=language,
            details={"mailbox_message": message.pk},
        )
        case_index_add(case=case, texts=[text])
        mailbox.last_seen = now
        mailbox.save(update_fields=["last_seen"])
        transaction.on_commit(lambda: _notify_new_message(case.pk))
    return message


def mailbox_reply(*, case: Case, mailbox: Mailbox, by: User, text: str) -> MailboxMessage:
    """A reply from staff that the reporter reads in the mailbox.

    ``case`` must come from ``access_case``; the first reply sets the case's first
    response time, and a reply clears the case's new-message mark and reply deadline.
    """
    if mailbox.case_id != case.pk:
        raise ValueError("mailbox does not belong to this case")
    now = clock.now()
    # The message, the case's response time and the audit entry are one change.
    with transaction.atomic():
        message = MailboxMessage.objects.create(
            mailbox=mailbox, sender=MailboxSender.STAFF, author=by, created_at=now, text=text
        )
        update = ["updated_at", "needs_attention", "reply_due"]
        case.updated_at = now
        case.needs_attention = False
        case.reply_due = None  # the reporter's messages are answered
        if case.responded_at is None:
            case.responded_at = now
            update.append("responded_at")
        with case_months_kept(case.pk):
            case.save(update_fields=update)
        audit_record(
            actor=by,
            action="mailbox.reply",
            case=case,
            obj=message,
            detail={"mailbox": mailbox.pk},
        )
        case_reindex(case=case)
    return message
