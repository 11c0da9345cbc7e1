"""The inbox at /medewerkers/zaken/: who may see it, what is in each section, query count."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldpunt.cases.models import CaseKind, Channel, Urgency
from meldpunt.cases.services import case_assign, case_close, contact_add

from .conftest import SUMMARY

pytestmark = pytest.mark.django_db
URL = "/medewerkers/zaken/"

# Monday 7 December 2026, 03:00 at night (Amsterdam is UTC+1 then).
NIGHT = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


def section(response, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    found = next(s for s in response.context["sections"] if s.key == key)
    return [row.case.number for row in found.rows]


def test_url_name_is_cases_inbox() -> None:
    """Other apps link to the inbox by name."""
    assert reverse("cases:inbox") == URL


def test_advisor_sees_each_case_in_the_right_sections(
    advisor, colleague, verified_client, make_case, frozen_now
):  # type: ignore[no-untyped-def]
    """Mine, unassigned, due soon, overdue and new messages each hold the right cases."""
    frozen_now(NIGHT - timedelta(days=8))
    late = make_case(kind=CaseKind.REPORT)
    frozen_now(NIGHT - timedelta(days=6))
    soon = make_case(kind=CaseKind.REPORT)
    frozen_now(NIGHT)
    mine = make_case()
    case_assign(case=mine, advisor=advisor, by=advisor)
    theirs = make_case()
    case_assign(case=theirs, advisor=colleague, by=colleague)
    web = make_case()
    contact_add(case=web, by=None, channel=Channel.WEB_REPORT, summary="x")

    response = verified_client(advisor).get(URL)

    assert response.status_code == 200
    assert section(response, "overdue") == [late.number]
    assert section(response, "due_soon") == [soon.number]
    assert section(response, "mine") == [mine.number]
    assert theirs.number not in section(response, "unassigned")
    assert set(section(response, "unassigned")) == {late.number, soon.number, web.number}
    assert section(response, "attention") == [web.number]


def test_overdue_cases_stand_out_in_text_not_only_colour(
    advisor, verified_client, make_case, frozen_now
):  # type: ignore[no-untyped-def]
    """An overdue row says "Te laat" in words and carries the overdue class."""
    frozen_now(NIGHT - timedelta(days=10))
    make_case(kind=CaseKind.REPORT)
    frozen_now(NIGHT)
    html = verified_client(advisor).get(URL).content.decode()
    assert "case-row--overdue" in html
    assert "Te laat" in html


def test_a_late_first_response_counts_as_overdue(advisor, verified_client, make_case, frozen_now):  # type: ignore[no-untyped-def]
    """A web report whose first response is past due and not given is overdue."""
    frozen_now(NIGHT)
    case = make_case(response_due=NIGHT - timedelta(hours=1))
    answered = make_case(response_due=NIGHT - timedelta(hours=1), responded_at=NIGHT)
    response = verified_client(advisor).get(URL)
    assert section(response, "overdue") == [case.number]
    assert answered.number not in section(response, "overdue")


def test_the_inbox_shows_no_case_content(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Listing cases is not a view of their content: no summary, no audit entry per case."""
    make_case(title="Loods Kerkweg")
    html = verified_client(advisor).get(URL).content.decode()
    assert SUMMARY not in html
    assert "Loods Kerkweg" not in html


def test_more_cases_do_not_mean_more_queries(
    advisor, verified_client, make_case, django_assert_num_queries
):  # type: ignore[no-untyped-def]
    """One query per section (five), and the same total for 2 cases as for 12."""
    client = verified_client(advisor)
    for _ in range(2):
        case_assign(case=make_case(kind=CaseKind.REPORT), advisor=advisor, by=advisor)
    client.get(URL)  # the first request of a session also writes the session
    with CaptureQueriesContext(connection) as baseline:
        client.get(URL)
    case_queries = [q for q in baseline.captured_queries if 'FROM "cases_case"' in q["sql"]]
    assert len(case_queries) == 5
    for _ in range(10):
        case_assign(case=make_case(kind=CaseKind.REPORT), advisor=advisor, by=advisor)
    with django_assert_num_queries(len(baseline)):
        client.get(URL)


def test_coordinator_may_see_the_inbox(coordinator, verified_client):  # type: ignore[no-untyped-def]
    """Coordinators work cases too, and get links to workload and audit log."""
    response = verified_client(coordinator).get(URL)
    assert response.status_code == 200
    assert reverse("cases:audit").encode() in response.content


def test_coordinator_sees_close_requests_to_approve(
    advisor, coordinator, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """An advisor's close request waits in the coordinator's inbox, not in the advisor's."""
    case = make_case()
    case_close(case=case, by=advisor, reason="advice_given", outcome="unclear")
    assert section(verified_client(coordinator).get(URL), "close_requests") == [case.number]
    keys = [s.key for s in verified_client(advisor).get(URL).context["sections"]]
    assert "close_requests" not in keys


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_are_refused(role, request, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Analysts, municipality viewers and administrators get 403 and no case numbers."""
    case = make_case()
    response = verified_client(request.getfixturevalue(role)).get(URL)
    assert response.status_code == 403
    assert case.number.encode() not in response.content


def test_anonymous_visitor_is_sent_to_login(client):  # type: ignore[no-untyped-def]
    """Without a login the inbox redirects to the login page."""
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_password_alone_is_not_enough(advisor, client):  # type: ignore[no-untyped-def]
    """Logged in without the second factor still goes to login."""
    client.force_login(advisor)
    response = client.get(URL)
    assert response.status_code == 302


def test_urgent_cases_come_first_then_the_earliest_deadline(
    advisor, verified_client, make_case, frozen_now
):  # type: ignore[no-untyped-def]
    """An urgent advies goes above a melding due earlier; a case without a deadline is last."""
    frozen_now(NIGHT - timedelta(days=3))
    early = make_case(kind=CaseKind.REPORT)
    frozen_now(NIGHT)
    no_deadline = make_case()
    later = make_case(kind=CaseKind.REPORT)
    urgent = make_case(urgency=Urgency.HIGH)
    acute = make_case(urgency=Urgency.ACUTE)

    response = verified_client(advisor).get(URL)

    assert section(response, "unassigned") == [
        acute.number,
        urgent.number,
        early.number,
        later.number,
        no_deadline.number,
    ]
