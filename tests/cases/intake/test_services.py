"""intake_save and quick_disposition_save: all or nothing, and the draft goes with the save."""

from datetime import timedelta

import pytest

from meldpunt.accounts.models import User
from meldpunt.cases.intake import services as intake_services
from meldpunt.cases.intake.services import intake_save, quick_disposition_save
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


def test_duration_runs_from_the_start_of_the_call(advisor: User) -> None:
    """The contact records when the call started and how long it lasted."""
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
        draft_id=None,
    )
    contact = case.contacts.get()
    assert contact.started_at == started
    assert 240 <= contact.duration_seconds < 300
    assert not Person.objects.exists()


def test_quick_disposition_of_a_colleagues_draft_leaves_it_alone(
    advisor: User, colleague: User
) -> None:
    """Only one's own draft is read and removed."""
    theirs = _draft(colleague)
    contact = quick_disposition_save(
        by=advisor, disposition=Disposition.SILENT, started_at=clock.now(), draft_id=theirs.pk
    )
    assert contact.summary == ""
    assert IntakeDraft.objects.filter(pk=theirs.pk).exists()
