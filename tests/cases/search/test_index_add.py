"""Writers that only add content index it without reading the case back (case_index_add,
index_new_contact). What they store must be exactly what a full reindex would make."""

from datetime import timedelta

import pytest

from meldpunt.accounts.models import User
from meldpunt.cases.intake.services import intake_save
from meldpunt.cases.models import Case, CaseSearchToken, Contact, LocationKind, Urgency
from meldpunt.cases.search.index import case_reindex
from meldpunt.cases.services import note_add
from meldpunt.lib import clock
from meldpunt.linking.models import EntityHash
from meldpunt.linking.services import index_contact
from meldpunt.reports.services import mailbox_post
from tests.reports.staff_helpers import make_report

pytestmark = pytest.mark.django_db

NEW_CASE = {"kind": "advies", "urgency": Urgency.NORMAL, "exploitation": "labour"}


def _tokens(case: Case) -> set[str]:
    return set(CaseSearchToken.objects.filter(case=case).values_list("token", flat=True))


def _hashes(contact: Contact) -> set[tuple[str, str]]:
    return set(EntityHash.objects.filter(contact=contact).values_list("kind", "digest"))


def assert_index_is_complete(case: Case) -> None:
    """A full reindex of the case and of each contact changes nothing."""
    tokens = _tokens(case)
    hashes = {contact.pk: _hashes(contact) for contact in case.contacts.all()}
    case_reindex(case=case)
    for contact in case.contacts.all():
        index_contact(contact=contact)
    assert tokens and _tokens(case) == tokens
    assert {contact.pk: _hashes(contact) for contact in case.contacts.all()} == hashes


def _call(advisor: User, case: Case | None, summary: str) -> Case:
    return intake_save(
        by=advisor,
        contact={"summary": summary, "details": {"urgency": Urgency.NORMAL}},
        case=case,
        new_case=NEW_CASE,
        victim={"name": "Piotr", "nationality": "Pools", "description": "Belt vanaf 0612345678"},
        location={
            "kind": LocationKind.WORKPLACE,
            "company_name": "Kas Groen BV",
            "address": "Tuinbouwweg 3",
            "postcode": "8251 AB",
            "kvk_number": "12345678",
        },
        task={"description": "Terugbellen over de kassen", "due_date": clock.today()},
        started_at=clock.now() - timedelta(minutes=5),
        draft_id=None,
    )


def test_a_web_report_is_indexed_as_a_full_reindex_would() -> None:
    """The submit adds the report, its people and places: nothing missing, nothing extra."""
    case, _mailbox, _code = make_report()
    assert case.persons.count() == 2 and case.locations.count() == 2
    assert_index_is_complete(case)


def test_a_phone_call_on_a_new_case_is_indexed_as_a_full_reindex_would(advisor: User) -> None:
    """The new case's title, the contact, the victim, the workplace and the task."""
    case = _call(advisor, None, "Mannen slapen in de kas, de baas heeft hun paspoort")
    assert case.tasks.count() == 1
    assert_index_is_complete(case)


def test_a_second_call_on_a_case_with_a_note_keeps_the_whole_index(advisor: User) -> None:
    """Adding to a case with other content keeps its old tokens and adds the new ones."""
    case = _call(advisor, None, "Eerste gesprek over de kwekerij")
    note_add(case=case, by=advisor, text="Wijkagent weet van een loods aan de haven")
    _call(advisor, case, "Tweede gesprek: nu ook een busje met kenteken VX-123-B")
    assert case.contacts.count() == 2
    assert_index_is_complete(case)


def test_a_mailbox_message_is_indexed_as_a_full_reindex_would(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    """The reporter's new message is searchable, and the rest of the case stays so."""
    case, mailbox, _code = make_report()
    with django_capture_on_commit_callbacks(execute=True):
        mailbox_post(mailbox=mailbox, text="Ze zijn verhuisd naar de loods", files=[])
    assert_index_is_complete(case)
