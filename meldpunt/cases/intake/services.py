"""Writes of the phone intake: drafts while typing, and saving a call as a contact.

A draft (``IntakeDraft``, encrypted) holds the form as typed, so a closed tab or a
crash loses nothing. Saving the call deletes the draft in the same transaction as the
contact is written, so there is never both a saved call and its leftover draft.
"""

from datetime import datetime
from typing import Any

from django.db import transaction

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.cases.case_months import case_months_kept
from meldpunt.cases.contact_days import contact_days_recount, local_day
from meldpunt.cases.models import (
    Case,
    Channel,
    Contact,
    Disposition,
    IntakeDraft,
    Location,
    Person,
    PersonRole,
    Task,
    Urgency,
)
from meldpunt.cases.services import Related, case_create, check_due_date, contact_add
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


def urgency_raise(*, case: Case, urgency: str, by: User) -> None:
    """Take over ``urgency`` when it is higher than the case's; a lower one changes nothing."""
    if URGENCY_ORDER.index(Urgency(urgency)) > URGENCY_ORDER.index(Urgency(case.urgency)):
        case.urgency = urgency
        with case_months_kept(case.pk):
            case.save(update_fields=["urgency"])
        audit_record(
            actor=by, action="case.urgency", case=case, obj=case, detail={"urgency": urgency}
        )


def _title_from(summary: str) -> str:
    first_line = summary.strip().splitlines()[0] if summary.strip() else ""
    return first_line if len(first_line) <= 80 else first_line[:79].rstrip() + "…"


def victim_add(*, case: Case, contact: Contact, by: User, victim: dict[str, Any]) -> Person:
    """The possible victim named in a call or chat."""
    person = Person.objects.create(case=case, contact=contact, role=PersonRole.VICTIM, **victim)
    audit_record(actor=by, action="person.create", case=case, obj=person)
    return person


def contact_record(
    *,
    by: User,
    channel: str,
    contact: dict[str, Any],
    case: Case | None,
    new_case: dict[str, Any],
    victim: dict[str, Any] | None,
    location: dict[str, Any] | None = None,
    task: dict[str, Any] | None = None,
) -> tuple[Case, Contact]:
    """Save a call or chat as a contact on ``case``, or on a new case when ``case`` is None.

    ``new_case`` holds kind, urgency, exploitation and municipality for a new case; on an
    existing case only a higher urgency is taken over. The caller holds the transaction.
    """
    if case is None:
        case = case_create(by=by, title=_title_from(contact.get("summary", "")), **new_case)
    else:
        urgency_raise(case=case, urgency=new_case["urgency"], by=by)
    owner = case

    def add_related(saved: Contact) -> Related:
        """Victim, place and task, written before the case and contact are indexed."""
        persons, places, tasks = [], [], []
        if victim:
            persons.append(victim_add(case=owner, contact=saved, by=by, victim=victim))
        if location:
            places.append(Location.objects.create(case=owner, contact=saved, **location))
            audit_record(actor=by, action="location.create", case=owner, obj=places[0])
        if task:
            check_due_date(task["due_date"])
            tasks.append(
                Task.objects.create(case=owner, created_by=by, created_at=clock.now(), **task)
            )
            audit_record(actor=by, action="task.create", case=owner, obj=tasks[0])
        return Related(persons=persons, locations=places, tasks=tasks)

    saved = contact_add(case=case, by=by, channel=channel, add_related=add_related, **contact)
    return case, saved


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
    duration_seconds: int | None = None,
) -> Case:
    """Save a phone call as a contact on ``case``, or on a new case when ``case`` is None.

    ``duration_seconds`` is the length the advisor saw (the timer, or minutes typed);
    None when not known.
    """
    # Case, contact, people, place, task and the draft's removal land together or not at all.
    with transaction.atomic():
        case, _contact = contact_record(
            by=by,
            channel=Channel.PHONE,
            contact={
                **contact,
                "started_at": started_at,
                "duration_seconds": duration_seconds,
                "disposition": Disposition.COMPLETED,
            },
            case=case,
            new_case=new_case,
            victim=victim,
            location=location,
            task=task,
        )
        if draft_id is not None:
            IntakeDraft.objects.filter(pk=draft_id, staff=by).delete()
    return case


def quick_contact_record(
    *, by: User, disposition: str, started_at: datetime, duration_seconds: int | None
) -> Contact:
    """Log a silent, hung-up, abusive, test or wrong-number call in one step.

    The call counts in the statistics by its plain columns (channel, disposition, start,
    duration) and holds no content. It belongs to no case: no case number is used and it
    shows up in no search and no inbox. A draft of the call is left as it is.
    """
    # The contact and its audit entry are written together or not at all.
    with transaction.atomic():
        contact = Contact.objects.create(
            case=None,
            channel=Channel.PHONE,
            disposition=disposition,
            started_at=started_at,
            duration_seconds=duration_seconds,
            staff=by,
        )
        contact_days_recount(days=[local_day(contact.started_at)])
        audit_record(
            actor=by,
            action="contact.quick",
            obj=contact,
            detail={"channel": Channel.PHONE, "disposition": disposition},
        )
    return contact
