"""Service figures on the dashboard: calls and chats per hour of the week, first response
to web reports, open cases and overdue tasks; for analysts and coordinators only."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from meldpunt.cases.models import CaseStatus, Disposition, Task
from meldpunt.stats.selectors import Scope
from meldpunt.stats.service import first_response, hour_of_week, workload
from tests.stats.factories import at, make_case, make_contacts

pytestmark = pytest.mark.django_db

URL = reverse("stats:dashboard")


def test_calls_and_chats_per_weekday_and_hour_quick_ones_included() -> None:
    """Monday 10 February 2025, 10:00 Dutch time: 2 calls (one silent) and a chat; a web
    report and a test call are not counted."""
    make_contacts(1, when=at(2025, 2, 10, 10))
    make_contacts(1, when=at(2025, 2, 10, 10), disposition=Disposition.SILENT)
    make_contacts(1, when=at(2025, 2, 10, 10), channel="chat")
    make_contacts(1, when=at(2025, 2, 10, 10), channel="web_report")
    make_contacts(1, when=at(2025, 2, 11, 23), disposition=Disposition.TEST)
    table = hour_of_week(Scope(year=2025))
    monday = table.body[0]
    assert monday.cells[10].value == 3
    assert monday.total.value == 3
    assert table.total_row.total.value == 3


def test_first_response_median_and_p90_in_hours() -> None:
    for hours in (1, 2, 3, 4, 50):
        case = make_case(when=at(2025, 3), responded_at=at(2025, 3) + timedelta(hours=hours))
        make_contacts(1, when=at(2025, 3), channel="web_report", case=case)
    waiting = make_case(when=at(2025, 3))
    make_contacts(2, when=at(2025, 3), channel="web_report", case=waiting)
    phoned = make_case(when=at(2025, 3), responded_at=at(2025, 3) + timedelta(hours=99))
    make_contacts(1, when=at(2025, 3), case=phoned)
    result = first_response(Scope(year=2025))
    assert (result.count, result.median, result.p90, result.waiting) == (5, 3.0, 50.0, 1)


def test_open_cases_and_overdue_tasks_today(advisor) -> None:
    open_case = make_case(when=at(2025, 3))
    make_case(when=at(2025, 3), status=CaseStatus.CLOSED)
    for due, done in (
        (date(2025, 4, 1), None),
        (date(2025, 4, 30), None),
        (date(2025, 4, 1), at(2025, 4)),
    ):
        Task.objects.create(
            case=open_case,
            created_by=advisor,
            due_date=due,
            done_at=done,
            created_at=at(2025, 3),
            description="Geheim",
        )
    result = workload(Scope(year=2025), date(2025, 4, 15))
    assert (result.open_cases, result.overdue_tasks) == (1, 1)


def test_analyst_sees_service_figures_viewer_does_not(
    analyst, municipality_viewer, verified_client
) -> None:
    make_contacts(3, when=at(2025, 2, 10, 10))
    html = verified_client(analyst).get(URL, {"jaar": 2025}).content.decode()
    assert 'id="hour-of-week-title"' in html and 'id="open-cases-figure"' in html
    html = verified_client(municipality_viewer).get(URL, {"jaar": 2025}).content.decode()
    assert "hour-of-week" not in html and "open-cases-figure" not in html
