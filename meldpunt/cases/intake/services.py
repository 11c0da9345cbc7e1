"""Writes of the phone intake: drafts while typing, and saving a call as a contact.

A draft (``IntakeDraft``, encrypted) holds the form as typed, so a closed tab or a
crash loses nothing. Saving the call deletes the draft in the same transaction as the
contact is written, so there is never both a saved call and its leftover draft.
"""

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.cases.models import (
    Case,
    CaseKind,
    CaseStatus,
    Channel,
    ClosingReason,
    Contact,
    Disposition,
    Exploitation,
    IntakeDraft,
    Location,
    Person,
    PersonRole,
    Task,
    Urgency,
)
from meldpunt.cases.services import Related, case_create, contact_add
from meldpunt.lib import clock

URGENCY_ORDER = [Urgency.NORMAL, Urgency.HIGH, Urgency.ACUTE]
# Form fields that never belong in a draft: they are the draft's own bookkeeping.
NOT_IN_DRAFT = {"csrfmiddlewaretoken", "draft", "started"}


class DraftGone(Exception):
    """The draft was saved as a call or discarded meanwhile (for example in another tab)."""


def draft_data_from_post(post: Any) -> dict[str, list[str]]:
    """The typed form as stored in a draft: every field with all its values."""
    return {key: post.getlist(key) for key in post if key not in NOT_IN_DRAFT}


def draft_save(
    *, staff: User, draft_id: int | None, data: dict[str, list[str]], started_at: datetime
) -> IntakeDraft:
    """Create the draft on the first keystrokes, then keep it up to date.

    A draft id that no longer exists raises DraftGone instead of creating a new draft,
    so a late autosave cannot bring back a call that was just saved.
    """
    now = clock.now()
    if draft_id is None:
        return IntakeDraft.objects.create(
            staff=staff, started_at=started_at, updated_at=now, data=data
        )
    updated = IntakeDraft.objects.filter(pk=draft_id, staff=staff).update(data=data, updated_at=now)
    if not updated:
        raise DraftGone
    # What was just written, without reading it back and decrypting it again.
    return IntakeDraft(pk=draft_id, staff=staff, started_at=started_at, updated_at=now, data=data)


def draft_discard(*, staff: User, draft_id: int) -> None:
    IntakeDraft.objects.filter(pk=draft_id, staff=staff).delete()


def _duration(started_at: datetime) -> int:
    return max(0, int((clock.now() - started_at).total_seconds()))


def _raise_urgency(*, case: Case, urgency: str, by: User) -> None:
    if URGENCY_ORDER.index(Urgency(urgency)) > URGENCY_ORDER.index(Urgency(case.urgency)):
        case.urgency = urgency
        case.save(update_fields=["urgency"])
        audit_record(
            actor=by, action="case.urgency", case=case, obj=case, detail={"urgency": urgency}
        )


def _title_from(summary: str) -> str:
    first_line = summary.strip().splitlines()[0] if summary.strip() else ""
    return first_line if len(first_line) <= 80 else first_line[:79].rstrip() + "…"


def intake_save(
    *,
    by: User,
    contact: dict[str, Any],
    case: Case | None,
    new_case: dict[str, Any],
    victim: dict[str, Any] | None,
    location: dict[str, Any] | None,
    task: dict[str, Any] | None,
    started_at: datetime,
    draft_id: int | None,
) -> Case:
    """Save a phone call as a contact on ``case``, or on a new case when ``case`` is None.

    ``new_case`` holds kind, urgency, exploitation and municipality for a new case; on an
    existing case only a higher urgency is taken over.
    """
    # Case, contact, people, place, task and the draft's removal land together or not at all.
    with transaction.atomic():
        if case is None:
            case = case_create(by=by, title=_title_from(contact["summary"]), **new_case)
        else:
            _raise_urgency(case=case, urgency=new_case["urgency"], by=by)
        owner = case

        def add_related(saved: Contact) -> Related:
            """Victim, place and task, written before the case and contact are indexed."""
            persons, places, tasks = [], [], []
            if victim:
                persons.append(
                    Person.objects.create(
                        case=owner, contact=saved, role=PersonRole.VICTIM, **victim
                    )
                )
                audit_record(actor=by, action="person.create", case=owner, obj=persons[0])
            if location:
                places.append(Location.objects.create(case=owner, contact=saved, **location))
                audit_record(actor=by, action="location.create", case=owner, obj=places[0])
            if task:
                tasks.append(
                    Task.objects.create(case=owner, created_by=by, created_at=clock.now(), **task)
                )
                audit_record(actor=by, action="task.create", case=owner, obj=tasks[0])
            return Related(persons=persons, locations=places, tasks=tasks)

        contact_add(
            case=case,
            by=by,
            channel=Channel.PHONE,
            add_related=add_related,
            started_at=started_at,
            duration_seconds=_duration(started_at),
            disposition=Disposition.COMPLETED,
            **contact,
        )
        if draft_id is not None:
            IntakeDraft.objects.filter(pk=draft_id, staff=by).delete()
    return case


def quick_disposition_save(
    *, by: User, disposition: str, started_at: datetime, draft_id: int | None
) -> Contact:
    """Log a silent, hung-up, abusive, test or wrong-number call in one step.

    The call still counts in the statistics, so it becomes a contact. A contact needs a
    case; it gets a case of its own that is closed at once, so it never appears in
    anyone's inbox and never gets mixed up with a real situation. Whatever was already
    typed in the draft is kept as the contact's summary.
    """
    summary = ""
    # The draft is read and removed in the same transaction as the contact is written.
    with transaction.atomic():
        if draft_id is not None:
            draft = IntakeDraft.objects.filter(pk=draft_id, staff=by).first()
            if draft is not None:
                summary = "".join(draft.data.get("summary", [])).strip()
                draft.delete()
        now = clock.now()
        label = Disposition(disposition).label
        case = case_create(
            by=by,
            kind=CaseKind.ADVICE,
            title=_("Kort gesprek: %(disposition)s") % {"disposition": label},
            status=CaseStatus.CLOSED,
            closed_at=now,
            closing_reason=ClosingReason.OTHER,
            exploitation=Exploitation.NONE,
        )
        return contact_add(
            case=case,
            by=by,
            channel=Channel.PHONE,
            started_at=started_at,
            duration_seconds=_duration(started_at),
            disposition=disposition,
            summary=summary,
        )
