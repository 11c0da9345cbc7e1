"""The inbox shows when a reporter's mailbox message must be answered, and when it is late."""

from datetime import UTC, date, datetime, timedelta

import pytest

from meldpunt.cases.models import Channel
from meldpunt.cases.services import contact_add

pytestmark = pytest.mark.django_db
URL = "/medewerkers/zaken/"

# Friday 4 December 2026, 10:00 in Amsterdam.
FRIDAY = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def rows(response, key: str):  # type: ignore[no-untyped-def]
    return next(s for s in response.context["sections"] if s.key == key).rows


@pytest.mark.parametrize("role", ["advisor", "coordinator"])
def test_the_deadline_is_shown_and_marked_when_passed(
    role, request, verified_client, make_case, frozen_now
):  # type: ignore[no-untyped-def]
    """Friday's message is due Tuesday; on Wednesday the case is in "Te laat", marked so."""
    frozen_now(FRIDAY)
    case = make_case()
    contact_add(case=case, by=None, channel=Channel.MAILBOX, details={"mailbox_message": 1})
    case.refresh_from_db()
    assert case.reply_due == date(2026, 12, 8)
    user = request.getfixturevalue(role)
    response = verified_client(user).get(URL)
    html = response.content.decode()
    assert "bericht beantwoorden uiterlijk di 8 december" in html
    assert [row.case for row in rows(response, "overdue")] == []
    frozen_now(FRIDAY + timedelta(days=5))
    client = verified_client(user)  # a new login: the staff session has ended meanwhile
    response = client.get(URL)
    (late,) = rows(response, "overdue")
    assert (late.case, late.overdue, late.reply_overdue) == (case, True, True)
    html = response.content.decode()
    assert "<strong>te laat</strong>: bericht beantwoorden uiterlijk di 8 december" in html
    page = client.get(f"{URL}{case.pk}/").content.decode()
    assert "Bericht beantwoorden uiterlijk" in page


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer"])
def test_roles_without_case_access_do_not_see_the_inbox(role, request, verified_client) -> None:  # type: ignore[no-untyped-def]
    assert verified_client(request.getfixturevalue(role)).get(URL).status_code == 403
