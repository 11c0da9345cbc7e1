"""Service figures on the dashboard: calls and chats per hour of the week, first response
to web reports, open cases and overdue tasks; for analysts and coordinators only."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from meldpunt.cases.models import CaseKind, CaseStatus, Disposition, Task
from meldpunt.chat.models import ChatSession
from meldpunt.privacy.purge import case_contents_remove
from meldpunt.stats.selectors import Scope
from meldpunt.stats.service import (
    assessed_in_time,
    chat_service,
    first_response,
    hour_of_week,
    workload,
)
from meldpunt.tally.models import ChatRefusal, ChatWait
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
    assert 'id="chat-wait-figure"' in html and 'id="assessed-figure"' in html
    html = verified_client(municipality_viewer).get(URL, {"jaar": 2025}).content.decode()
    assert "hour-of-week" not in html and "open-cases-figure" not in html
    assert "chat-wait-figure" not in html and "assessed-figure" not in html


def wait(day: int, minutes: float, *, answered: bool = True, month: int = 3) -> ChatWait:
    return ChatWait.objects.create(
        day=date(2025, month, day), hour=10, waited_seconds=int(minutes * 60), answered=answered
    )


def test_chat_waiting_time_share_answered_and_refusals() -> None:
    for minutes in (1, 2, 3, 4, 20):
        wait(3, minutes)
    wait(4, 9, answered=False)
    wait(4, 30, month=12)  # another quarter
    for reason, count in (("hours", 5), ("holiday", 1), ("no_advisor", 2), ("queue_full", 3)):
        ChatRefusal.objects.create(day=date(2025, 3, 4), hour=9, reason=reason, count=count)
    ChatRefusal.objects.create(day=date(2024, 3, 4), hour=9, reason="hours", count=50)
    result = chat_service(Scope(year=2025, quarter=1))
    assert (result.chats, result.answered, result.answered_share) == (6, 5, 83)
    assert (result.wait.median, result.wait.p90) == (3.0, 20.0)
    assert (result.refused_closed, result.refused_full) == (8, 3)


def test_no_chats_no_share() -> None:
    result = chat_service(Scope(year=2025))
    assert (result.chats, result.answered_share, result.wait.median) == (0, None, None)


def test_reports_assessed_within_five_working_days() -> None:
    """Made Tuesday 29 April 2025: 5 working days later is Wednesday 7 May (the weekend
    and Liberation Day, Monday 5 May, a public holiday in 2025, do not count)."""
    made = at(2025, 4, 29)
    for assessed in (at(2025, 4, 30), at(2025, 5, 2), at(2025, 5, 7, 17)):
        make_case(when=made, kind=CaseKind.REPORT, assessed_at=assessed)
    make_case(when=made, kind=CaseKind.REPORT, assessed_at=at(2025, 5, 8))
    make_case(when=made, kind=CaseKind.REPORT)
    make_case(when=made, kind=CaseKind.ADVICE, assessed_at=at(2025, 6, 1))
    result = assessed_in_time(Scope(year=2025))
    assert (result.reports, result.in_time, result.late, result.pending) == (5, 3, 1, 1)
    assert result.in_time_share == 75


def test_service_figures_do_not_change_when_content_is_purged() -> None:
    case = make_case(when=at(2025, 4, 1), kind=CaseKind.REPORT, assessed_at=at(2025, 4, 2))
    contact = make_contacts(1, when=at(2025, 4, 1), channel="chat", case=case)[0]
    ChatSession.objects.create(
        token_hash="x" * 64, created_at=at(2025, 4, 1), accepted_at=at(2025, 4, 1), contact=contact
    )
    wait(1, 2, month=4)
    before = (chat_service(Scope(year=2025)), assessed_in_time(Scope(year=2025)))
    case_contents_remove([case.pk])
    assert not ChatSession.objects.exists()
    assert (chat_service(Scope(year=2025)), assessed_in_time(Scope(year=2025))) == before
