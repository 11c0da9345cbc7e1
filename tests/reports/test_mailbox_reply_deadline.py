"""A reporter's message in the mailbox is to be answered within 2 working days."""

from datetime import UTC, date, datetime

import pytest

from meldpunt.lib import clock
from meldpunt.reports.services import mailbox_post, mailbox_reply
from tests.reports.staff_helpers import make_report

pytestmark = pytest.mark.django_db

# Thursday 24 December 2026, 10:00 in Amsterdam: Christmas and the weekend follow.
CHRISTMAS_EVE = datetime(2026, 12, 24, 9, 0, tzinfo=UTC)


def at(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


def test_a_message_sets_the_deadline_and_a_later_one_keeps_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """24 December + 2 working days skips both Christmas days and the weekend: 29 December.
    A second message before any answer does not push the deadline back."""
    at(monkeypatch, CHRISTMAS_EVE)
    case, mailbox, _code = make_report(with_file=False)
    assert case.reply_due is None  # the web report itself has its own first-response time
    mailbox_post(mailbox=mailbox, text="Er is weer een busje geweest.", files=[])
    case.refresh_from_db()
    assert case.reply_due == date(2026, 12, 29)
    at(monkeypatch, datetime(2026, 12, 28, 9, 0, tzinfo=UTC))
    mailbox_post(mailbox=mailbox, text="En vandaag ook.", files=[])
    case.refresh_from_db()
    assert case.reply_due == date(2026, 12, 29)


@pytest.mark.parametrize("role", ["advisor", "coordinator"])
def test_a_staff_reply_clears_it_and_the_next_message_starts_a_new_one(
    role, request, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    at(monkeypatch, CHRISTMAS_EVE)
    case, mailbox, _code = make_report(with_file=False)
    mailbox_post(mailbox=mailbox, text="Vraag", files=[])
    case.refresh_from_db()
    mailbox_reply(case=case, mailbox=mailbox, by=request.getfixturevalue(role), text="Antwoord")
    case.refresh_from_db()
    assert case.reply_due is None
    at(monkeypatch, datetime(2027, 1, 4, 9, 0, tzinfo=UTC))  # Monday
    mailbox_post(mailbox=mailbox, text="Nog een vraag", files=[])
    case.refresh_from_db()
    assert case.reply_due == date(2027, 1, 6)


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer"])
def test_roles_without_case_access_cannot_clear_it_by_replying(
    role, request, verified_client
) -> None:  # type: ignore[no-untyped-def]
    """The reply page refuses them (403) and the deadline stays."""
    case, mailbox, _code = make_report(with_file=False)
    mailbox_post(mailbox=mailbox, text="Vraag", files=[])
    client = verified_client(request.getfixturevalue(role))
    response = client.post(
        f"/medewerkers/meldingen/{case.pk}/postbus/{mailbox.pk}/antwoord/", {"text": "x"}
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.reply_due is not None
