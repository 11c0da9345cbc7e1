"""Writes to cases and contacts, shared by phone intake, web reports and chat."""

from typing import Any

from django.db import transaction

from meldpunt.cases.audit import audit_record
from meldpunt.cases.models import Case, CaseKind, CaseNumberSequence, Channel, Contact
from meldpunt.cases.search import case_reindex
from meldpunt.lib import clock
from meldpunt.lib.workdays import add_working_days

ASSESSMENT_WORKING_DAYS = 5


def _next_case_number(year: int) -> str:
    """Year and a running number, e.g. 2026-00042. Called inside the creating transaction.

    The counter row is locked, so concurrent intakes wait for each other here.
    """
    CaseNumberSequence.objects.get_or_create(year=year)
    counter = CaseNumberSequence.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{year}-{counter.last:05d}"


def case_create(*, by: Any, kind: str = CaseKind.ADVICE, **fields: Any) -> Case:
    """Open a new case. A melding gets its assessment deadline of 5 working days."""
    now = clock.now()
    # The number is read and written in one transaction so two intakes never share one.
    with transaction.atomic():
        case = Case.objects.create(
            number=_next_case_number(now.year),
            kind=kind,
            created_at=now,
            updated_at=now,
            assessment_due=(
                add_working_days(now.date(), ASSESSMENT_WORKING_DAYS)
                if kind == CaseKind.REPORT
                else None
            ),
            **fields,
        )
        audit_record(actor=by, action="case.create", case=case, obj=case, detail={"kind": kind})
    return case


def contact_add(*, case: Case, by: Any, channel: str, **fields: Any) -> Contact:
    """Attach a contact to a case and note on the case that something happened."""
    now = clock.now()
    with transaction.atomic():
        contact = Contact.objects.create(
            case=case,
            channel=channel,
            started_at=fields.pop("started_at", now),
            staff=by if getattr(by, "is_authenticated", False) else None,
            **fields,
        )
        case.updated_at = now
        update = ["updated_at"]
        if channel in {Channel.WEB_REPORT, Channel.MAILBOX}:
            case.needs_attention = True
            update.append("needs_attention")
        case.save(update_fields=update)
        audit_record(
            actor=by, action="contact.create", case=case, obj=contact, detail={"channel": channel}
        )
        case_reindex(case=case)
    return contact
