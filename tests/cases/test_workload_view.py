"""Team workload at /medewerkers/zaken/team/: open cases per handler and status."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from meldpunt.cases.models import CaseKind
from meldpunt.cases.services import case_assign, case_start_assessment

pytestmark = pytest.mark.django_db
URL = reverse("cases:workload")
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def test_coordinator_sees_counts_per_advisor_and_status(
    advisor, colleague, coordinator, verified_client, make_case, frozen_now
):  # type: ignore[no-untyped-def]
    """Anna has one new and one overdue case in assessment, Bram none, one is unassigned."""
    frozen_now(NOW - timedelta(days=14))
    late = make_case(kind=CaseKind.REPORT)
    case_assign(case=late, advisor=advisor, by=advisor)
    case_start_assessment(case=late, by=advisor)
    frozen_now(NOW)
    case_assign(case=make_case(), advisor=advisor, by=advisor)
    make_case()
    rows = verified_client(coordinator).get(URL).context["rows"]
    by_handler = {row.handler: row for row in rows}
    assert by_handler[advisor].by_status == {"new": 1, "assessment": 1}
    assert by_handler[advisor].overdue == 1
    assert by_handler[colleague].open_total == 0
    assert by_handler[None].open_total == 1


@pytest.mark.parametrize("role", ["advisor", "analyst", "municipality_viewer", "administrator"])
def test_only_coordinators_see_team_workload(role, request, verified_client):  # type: ignore[no-untyped-def]
    """Everyone else gets 403."""
    assert verified_client(request.getfixturevalue(role)).get(URL).status_code == 403


def test_anonymous_visitor_is_sent_to_login(client):  # type: ignore[no-untyped-def]
    assert client.get(URL).status_code == 302
