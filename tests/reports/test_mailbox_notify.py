"""Who is e-mailed when a reporter writes in the mailbox: the advisor, else the coordinators."""

import pytest
from django.core import mail
from django.test import Client

from meldpunt.accounts.models import Role, User
from meldpunt.cases.models import Case
from meldpunt.reports.models import MailboxMessage
from meldpunt.reports.services import mailbox_post
from tests.conftest import make_staff
from tests.reports.staff_helpers import make_report

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Ze zijn vannacht verhuisd naar de loods aan de Havenweg."


@pytest.fixture
def staff(advisor: User, coordinator: User) -> dict[str, User]:
    """Anna (advisor) and Cor (coordinator) with e-mail; Carla, a coordinator who has left;
    Dirk, a second coordinator; Ali, an analyst."""
    for user, address in ((advisor, "anna@example.org"), (coordinator, "cor@example.org")):
        user.email = address
        user.save()
    left = make_staff("carla", Role.COORDINATOR, email="carla@example.org", is_active=False)
    second = make_staff("dirk", Role.COORDINATOR, email="dirk@example.org")
    analyst = make_staff("ali", Role.ANALYST, email="ali@example.org")
    return {"advisor": advisor, "left": left, "second": second, "analyst": analyst}


def _post(case: Case, django_capture_on_commit_callbacks) -> MailboxMessage:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        return mailbox_post(mailbox=case.mailboxes.get(), text=SECRET_TEXT, files=[])


def _all_text(message: mail.EmailMessage) -> str:
    return message.subject + message.body + "".join(str(a) for a in message.attachments)


def test_unassigned_case_mails_every_active_coordinator_not_the_advisor(
    staff, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    """Nobody has the case: Cor and Dirk each get a notice with a link to the case; Anna,
    Carla (no longer active) and Ali (analyst) get nothing."""
    case, _mailbox, code = make_report(with_file=False)
    _post(case, django_capture_on_commit_callbacks)
    assert sorted(address for m in mail.outbox for address in m.to) == [
        "cor@example.org",
        "dirk@example.org",
    ]
    for sent in mail.outbox:
        assert len(sent.to) == 1
        assert sent.subject == "Nieuw bericht in Meldpunt"
        assert f"https://testserver/medewerkers/zaken/{case.pk}/" in sent.body
        text = _all_text(sent)
        assert "Havenweg" not in text
        assert "loods" not in text
        assert code not in text
        assert case.number not in text
        assert case.title not in text


def test_link_in_the_notice_opens_the_case_for_a_coordinator(
    staff, coordinator, verified_client, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    """The link leads to the case page, which Cor reaches after logging in as usual."""
    case, _mailbox, _code = make_report(with_file=False)
    _post(case, django_capture_on_commit_callbacks)
    path = f"/medewerkers/zaken/{case.pk}/"
    assert path in mail.outbox[0].body
    assert verified_client(coordinator).get(path).status_code == 200
    assert Client().get(path).status_code == 302


def test_assigned_case_mails_only_the_advisor(staff, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    """Anna has the case: only Anna hears of it, with a bare notice (no content, no link)."""
    case, _mailbox, code = make_report(with_file=False)
    case.assigned_to = staff["advisor"]
    case.save()
    _post(case, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    sent = mail.outbox[0]
    assert sent.body.strip() == "Er staat een nieuw bericht klaar in Meldpunt."
    assert "Havenweg" not in _all_text(sent)
    assert code not in _all_text(sent)


def test_case_of_an_advisor_who_left_goes_to_the_coordinators(
    staff, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    """Anna's account is switched off: the message would go unseen, so the coordinators hear."""
    advisor = staff["advisor"]
    case, _mailbox, _code = make_report(with_file=False)
    case.assigned_to = advisor
    case.save()
    advisor.is_active = False
    advisor.save()
    _post(case, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["cor@example.org", "dirk@example.org"]


def test_no_coordinator_with_an_address_sends_nothing(
    coordinator, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    """A coordinator without an e-mail address is skipped; nothing fails."""
    case, _mailbox, _code = make_report(with_file=False)
    _post(case, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert MailboxMessage.objects.count() == 1
