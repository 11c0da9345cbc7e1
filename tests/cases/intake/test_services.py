"""intake_save and quick_contact_record: all or nothing, and the draft goes with the save."""

from datetime import timedelta

import pytest

from meldpunt.accounts.models import User
from meldpunt.cases.intake import services as intake_services
from meldpunt.cases.intake.services import intake_save, quick_contact_record
from meldpunt.cases.models import Case, Contact, Disposition, IntakeDraft, Person, Urgency
from meldpunt.lib import clock

pytestmark = pytest.mark.django_db
CONTACT = {"summary": "Zorgen over de buren", "details": {"urgency": Urgency.NORMAL}}
NEW_CASE = {"kind": "advies", "urgency": Urgency.NORMAL, "exploitation": "unknown"}


def _draft(staff: User) -> IntakeDraft:
    return IntakeDraft.objects.create(
        staff=staff, started_at=clock.now(), updated_at=clock.now(), data={"summary": ["x"]}
    )


def test_a_failure_halfway_leaves_nothing_and_keeps_the_draft(
    advisor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing the victim fails, no case, contact or audit row remains and the draft stays."""
    draft = _draft(advisor)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(intake_services.Person.objects, "create", broken)
    with pytest.raises(RuntimeError):
        intake_save(
            by=advisor,
            contact=CONTACT,
            case=None,
            new_case=NEW_CASE,
            victim={"name": "X"},
            location=None,
            task=None,
            started_at=clock.now(),
            draft_id=draft.pk,
        )
    assert not Case.objects.exists() and not Contact.objects.exists()
    assert IntakeDraft.objects.filter(pk=draft.pk).exists()


def test_the_saved_duration_is_the_one_the_advisor_saw(advisor: User) -> None:
    """The contact records when the form opened and the duration given (the timer's), not
    the time since the form opened."""
    started = clock.now() - timedelta(minutes=4)
    case = intake_save(
        by=advisor,
        contact=CONTACT,
        case=None,
        new_case=NEW_CASE,
        victim=None,
        location=None,
        task=None,
        started_at=started,
        duration_seconds=95,
        draft_id=None,
    )
    contact = case.contacts.get()
    assert contact.started_at == started
    assert contact.duration_seconds == 95
    assert not Person.objects.exists()


def test_a_quick_contact_has_no_case_and_no_content(advisor: User, colleague: User) -> None:
    """A quick disposition is a phone contact with its plain columns only; drafts, the
    advisor's own or a colleague's, are left alone."""
    mine, theirs = _draft(advisor), _draft(colleague)
    started = clock.now()
    contact = quick_contact_record(
        by=advisor, disposition=Disposition.SILENT, started_at=started, duration_seconds=7
    )
    contact.refresh_from_db()
    assert contact.case is None
    assert (contact.channel, contact.disposition, contact.started_at) == (
        "phone",
        Disposition.SILENT,
        started,
    )
    assert (contact.duration_seconds, contact.staff) == (7, advisor)
    assert (contact.summary, contact.details, contact.indicators) == ("", {}, [])
    assert not Case.objects.exists()
    assert IntakeDraft.objects.filter(pk__in=[mine.pk, theirs.pk]).count() == 2
