"""CaseMonth: the statistics' cases per month stay exactly what the cases give, through
every write of the columns they read, and the rebuild counts them again."""

import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from meldpunt.accounts.models import User
from meldpunt.cases.case_months import (
    IN_TIME,
    LATE,
    PENDING,
    case_months_differing,
)
from meldpunt.cases.intake.services import urgency_raise
from meldpunt.cases.models import (
    Area,
    AssessmentConclusion,
    Case,
    CaseFigure,
    CaseKind,
    CaseMonth,
    Channel,
    ClosingReason,
    Outcome,
    Urgency,
)
from meldpunt.cases.services import (
    case_close,
    case_close_approve,
    case_close_refuse,
    case_create,
    case_record_assessment,
    case_reopen,
    case_set_kind,
    case_start_assessment,
    contact_add,
)
from meldpunt.reports.services import mailbox_reply
from tests.cases.conftest import all_at_once
from tests.reports.staff_helpers import make_report
from tests.skips import requires_postgresql

pytestmark = pytest.mark.django_db

# Tuesday 31 March 2026, 23:30 in Amsterdam: the case's month is March, not April.
END_OF_MARCH = datetime(2026, 3, 31, 21, 30, tzinfo=UTC)


def kept() -> dict[tuple[object, ...], int]:
    return {
        (row.month.isoformat(), row.municipality, row.figure, row.value): row.count
        for row in CaseMonth.objects.all()
    }


def test_a_new_case_counts_in_its_month_in_dutch_time(
    advisor: User, frozen_now: Callable[[datetime], None]
) -> None:
    frozen_now(END_OF_MARCH)
    case_create(by=advisor, kind=CaseKind.REPORT, municipality=Area.URK, urgency=Urgency.HIGH)

    assert kept() == {
        ("2026-03-01", Area.URK, CaseFigure.KIND, CaseKind.REPORT): 1,
        ("2026-03-01", Area.URK, CaseFigure.URGENCY, Urgency.HIGH): 1,
        ("2026-03-01", Area.URK, CaseFigure.ASSESSMENT, PENDING): 1,
    }


def test_every_change_moves_the_case_from_its_old_rows_to_its_new_ones(
    advisor: User, coordinator: User, frozen_now: Callable[[datetime], None]
) -> None:
    """Kind, urgency, assessment, a close request, its refusal, the close and the reopening:
    after each the rows are what counting the cases again gives."""
    frozen_now(END_OF_MARCH)
    case = case_create(by=advisor, kind=CaseKind.ADVICE, municipality=Area.ALMERE)
    other = case_create(by=advisor, kind=CaseKind.ADVICE, municipality=Area.ALMERE)
    case_set_kind(case=case, by=advisor, kind=CaseKind.REPORT, reason="Toch een melding")
    assert not case_months_differing()
    urgency_raise(case=case, urgency=Urgency.ACUTE, by=advisor)
    assert not case_months_differing()

    frozen_now(END_OF_MARCH + timedelta(days=10))  # after 5 working days
    case_start_assessment(case=case, by=advisor)
    case_record_assessment(
        case=case, by=advisor, conclusion=AssessmentConclusion.REPORT_ACCEPTED, note="Zorgen"
    )
    assert kept()[("2026-03-01", Area.ALMERE, CaseFigure.ASSESSMENT, LATE)] == 1
    assert ("2026-03-01", Area.ALMERE, CaseFigure.ASSESSMENT, PENDING) not in kept()

    reason, outcome = ClosingReason.ADVICE_GIVEN, Outcome.UNCLEAR
    case_close(case=other, by=advisor, reason=reason, outcome=outcome, confirm_open_tasks=True)
    case_close_refuse(case=other, by=coordinator, reason="Nog niet")
    assert not case_months_differing()
    case_close(case=other, by=advisor, reason=reason, outcome=outcome, confirm_open_tasks=True)
    case_close_approve(case=other, by=coordinator)
    assert kept()[("2026-04-01", Area.ALMERE, CaseFigure.OUTCOME, reason)] == 1
    case_reopen(case=other, by=coordinator)
    assert ("2026-04-01", Area.ALMERE, CaseFigure.OUTCOME, reason) not in kept()
    assert not case_months_differing()


def test_an_assessment_within_five_working_days_is_in_time(
    advisor: User, frozen_now: Callable[[datetime], None]
) -> None:
    frozen_now(END_OF_MARCH)
    case = case_create(by=advisor, kind=CaseKind.REPORT, municipality=Area.URK)
    case_start_assessment(case=case, by=advisor)
    frozen_now(END_OF_MARCH + timedelta(days=7))  # Tuesday 7 April: the fifth working day
    case_record_assessment(
        case=case, by=advisor, conclusion=AssessmentConclusion.REPORT_ACCEPTED, note="Zorgen"
    )
    assert kept()[("2026-03-01", Area.URK, CaseFigure.ASSESSMENT, IN_TIME)] == 1


def test_a_web_report_waits_for_its_first_response_in_tenths_of_hours(
    advisor: User, monkeypatch: pytest.MonkeyPatch, frozen_now: Callable[[datetime], None]
) -> None:
    frozen_now(END_OF_MARCH)
    case, mailbox, _code = make_report(with_file=False)
    month = case.created_at.astimezone(UTC).replace(day=1)
    assert (f"{month:%Y-%m}-01", case.municipality, CaseFigure.RESPONSE, "") in kept()

    frozen_now(END_OF_MARCH + timedelta(hours=2, minutes=20))
    mailbox_reply(case=case, mailbox=mailbox, by=advisor, text="Wij lezen mee")
    rows = kept()
    assert (f"{month:%Y-%m}-01", case.municipality, CaseFigure.RESPONSE, "2.3") in rows
    assert (f"{month:%Y-%m}-01", case.municipality, CaseFigure.RESPONSE, "") not in rows
    assert not case_months_differing()


def test_a_web_report_added_to_a_phoned_case_gives_it_a_first_response(
    advisor: User, frozen_now: Callable[[datetime], None]
) -> None:
    frozen_now(END_OF_MARCH)
    case = case_create(by=advisor, municipality=Area.URK)
    contact_add(case=case, by=advisor, channel=Channel.PHONE)
    assert CaseFigure.RESPONSE not in {key[2] for key in kept()}
    contact_add(case=case, by=None, channel=Channel.WEB_REPORT)
    assert kept()[("2026-03-01", Area.URK, CaseFigure.RESPONSE, "")] == 1
    assert not case_months_differing()


def test_a_write_that_fails_leaves_the_counts_as_they_were(
    advisor: User, frozen_now: Callable[[datetime], None]
) -> None:
    frozen_now(END_OF_MARCH)
    case = case_create(by=advisor, municipality=Area.URK)
    before = kept()
    with pytest.raises(RuntimeError), transaction.atomic():
        case_set_kind(case=case, by=advisor, kind=CaseKind.REPORT, reason="Toch een melding")
        raise RuntimeError
    assert kept() == before


def test_the_rebuild_counts_cases_written_around_the_services(
    advisor: User, frozen_now: Callable[[datetime], None]
) -> None:
    """``case_months_rebuild --check`` names a case written around the services; the
    rebuild counts it."""
    frozen_now(END_OF_MARCH)
    case_create(by=advisor, municipality=Area.URK)
    call_command("case_months_rebuild", "--check", stdout=io.StringIO())
    Case.objects.update(municipality=Area.DRONTEN)  # around the services
    with pytest.raises(CommandError, match=f"2026-03 {Area.DRONTEN} kind=advies"):
        call_command("case_months_rebuild", "--check")

    call_command("case_months_rebuild", stdout=io.StringIO())

    assert not case_months_differing()
    assert kept()[("2026-03-01", Area.DRONTEN, CaseFigure.KIND, CaseKind.ADVICE)] == 1


@pytest.mark.django_db(transaction=True)
@requires_postgresql("concurrent writers")
def test_writers_of_one_month_at_once_all_count(advisor: User) -> None:
    """Eight writers at the same time, each making cases of one month and turning the kind
    of half of them back and forth (the rows they share change in opposite directions),
    with a web report sent in each round (its audit entries join the chain at its end):
    no writer fails, and the rows are what the cases give."""

    def writer(n: int) -> None:
        for _round in range(3):
            case = case_create(by=advisor, kind=CaseKind.ADVICE, municipality=Area.URK)
            if n % 2:
                case_set_kind(case=case, by=advisor, kind=CaseKind.REPORT, reason="Melding")
                case_set_kind(case=case, by=advisor, kind=CaseKind.ADVICE, reason="Advies")
            else:
                case_set_kind(case=case, by=advisor, kind=CaseKind.REPORT, reason="Melding")
            make_report(with_file=False)

    all_at_once(writer)
    assert Case.objects.count() == 48
    assert not case_months_differing()
