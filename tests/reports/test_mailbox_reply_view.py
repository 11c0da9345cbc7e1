"""Staff reply in a mailbox: advisors and coordinators only, audited, first response set."""

import pytest
from django.test import Client

from meldpunt.audit.models import AuditEvent
from meldpunt.reports.models import MailboxMessage, MailboxSender
from tests.reports.staff_helpers import make_report

pytestmark = pytest.mark.django_db


def _url(case_id: int, mailbox_id: int) -> str:
    return f"/medewerkers/meldingen/{case_id}/postbus/{mailbox_id}/antwoord/"


def test_advisor_may_reply_and_first_response_is_recorded(advisor, verified_client) -> None:  # type: ignore[no-untyped-def]
    """Anna's reply is stored for the reporter, sets the first response and is audited
    without its text."""
    case, mailbox, _code = make_report()
    response = verified_client(advisor).post(
        _url(case.pk, mailbox.pk), {"text": "Wij pakken dit op."}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == f"/medewerkers/zaken/{case.pk}/#mailbox"
    message = MailboxMessage.objects.get()
    assert message.sender == MailboxSender.STAFF
    assert message.author == advisor
    case.refresh_from_db()
    assert case.responded_at == message.created_at
    assert case.needs_attention is False
    event = AuditEvent.objects.get(action="mailbox.reply")
    assert event.actor == advisor
    assert "Wij pakken" not in str(event.detail)


def test_second_reply_keeps_first_response_time(advisor, coordinator, verified_client) -> None:  # type: ignore[no-untyped-def]
    """Cor (coordinator) may reply too; the first response time stays the first one."""
    case, mailbox, _code = make_report()
    verified_client(advisor).post(_url(case.pk, mailbox.pk), {"text": "Een"})
    case.refresh_from_db()
    first = case.responded_at
    verified_client(coordinator).post(_url(case.pk, mailbox.pk), {"text": "Twee"})
    case.refresh_from_db()
    assert case.responded_at == first
    assert MailboxMessage.objects.count() == 2


def test_empty_reply_is_refused(advisor, verified_client) -> None:  # type: ignore[no-untyped-def]
    case, mailbox, _code = make_report()
    verified_client(advisor).post(_url(case.pk, mailbox.pk), {"text": ""})
    assert not MailboxMessage.objects.exists()


@pytest.mark.parametrize("who", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_get_403(who, request, verified_client) -> None:  # type: ignore[no-untyped-def]
    """Ali (analyst), Mia (municipality) and Ad (administrator) may not reply."""
    case, mailbox, _code = make_report()
    user = request.getfixturevalue(who)
    response = verified_client(user).post(_url(case.pk, mailbox.pk), {"text": "x"})
    assert response.status_code == 403
    assert not MailboxMessage.objects.exists()


def test_anonymous_goes_to_login() -> None:
    case, mailbox, _code = make_report()
    response = Client().post(_url(case.pk, mailbox.pk), {"text": "x"})
    assert response.status_code == 302
    assert "/medewerkers/" in response.headers["Location"]
    assert not MailboxMessage.objects.exists()


def test_mailbox_of_another_case_is_not_found(advisor, verified_client) -> None:  # type: ignore[no-untyped-def]
    case, _mailbox, _code = make_report()
    _other_case, other_mailbox, _other_code = make_report()
    response = verified_client(advisor).post(_url(case.pk, other_mailbox.pk), {"text": "x"})
    assert response.status_code == 404


def test_get_is_not_allowed(advisor, verified_client) -> None:  # type: ignore[no-untyped-def]
    case, mailbox, _code = make_report()
    assert verified_client(advisor).get(_url(case.pk, mailbox.pk)).status_code == 405
