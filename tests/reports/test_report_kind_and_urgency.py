"""The web report asks advies or melding, and its answers set the urgency (cases.urgency)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import Client

from meldpunt.cases.models import Case, CaseKind, Person, PersonRole, Urgency
from meldpunt.lib import clock
from tests.reports.conftest import ANSWERS, fill_report, submit

pytestmark = pytest.mark.django_db

# Thursday 23 April 2026, noon in Amsterdam: 5 working days on is Friday 1 May (King's Day
# on Monday 27 April is skipped), the next working day is Friday 24 April.
THURSDAY = datetime(2026, 4, 23, 10, 0, tzinfo=UTC)

SIXTEEN = {
    **ANSWERS,
    "wat": {
        "description": "Een meisje van 16 wordt na school opgehaald en moet met mannen mee.",
        "exploitation": "sexual",
        "wish": "report",
    },
    "personen": {**ANSWERS["personen"], "victim_count": "1", "minors": "yes", "victim_age": "16"},
}


@pytest.fixture(autouse=True)
def thursday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: THURSDAY)


def test_advice_keeps_the_first_response_deadline_and_no_assessment(reporter: Client) -> None:
    """A reporter who wants advice gets an advies with the usual 7 days for a response."""
    fill_report(reporter)
    submit(reporter)
    case = Case.objects.get()
    assert (case.kind, case.urgency) == (CaseKind.ADVICE, Urgency.NORMAL)
    assert case.assessment_due is None
    assert case.response_due == THURSDAY + timedelta(days=7)


def test_a_melding_is_assessed_within_five_working_days(reporter: Client) -> None:
    """A reporter who wants the meldpunt to act makes a melding with its assessment deadline."""
    answers = {**ANSWERS, "wat": {**ANSWERS["wat"], "wish": "report"}}
    fill_report(reporter, answers=answers)
    submit(reporter)
    case = Case.objects.get()
    assert (case.kind, case.urgency) == (CaseKind.REPORT, Urgency.NORMAL)
    assert case.assessment_due == date(2026, 5, 1)
    assert case.contacts.get().details["wish"] == "report"


def test_the_sixteen_year_old_is_an_urgent_melding_with_short_deadlines(reporter: Client) -> None:
    """Children "yes" and age 16: urgent, assessed the next working day, answered in a day."""
    fill_report(reporter, answers=SIXTEEN)
    submit(reporter)
    case = Case.objects.get()
    assert (case.kind, case.urgency) == (CaseKind.REPORT, Urgency.HIGH)
    assert case.exploitation == "sexual"
    assert case.assessment_due == date(2026, 4, 24)
    assert case.response_due == THURSDAY + timedelta(days=1)
    assert Person.objects.get(role=PersonRole.VICTIM).is_minor is True


def test_an_age_under_18_marks_the_victim_minor_when_children_was_unknown(
    reporter: Client,
) -> None:
    """The age written wins over "don't know": the victim is stored as a minor."""
    answers = {
        **ANSWERS,
        "personen": {**ANSWERS["personen"], "minors": "unknown", "victim_age": "15"},
    }
    fill_report(reporter, answers=answers)
    submit(reporter)
    assert Case.objects.get().urgency == Urgency.HIGH
    assert Person.objects.get(role=PersonRole.VICTIM).is_minor is True


@pytest.mark.parametrize(
    ("step", "answer"),
    [
        ("waar", {"when": "ongoing"}),
        ("personen", {"victim_count": "6+"}),
        ("personen", {"concerns": ["danger"]}),
        ("personen", {"concerns": ["documents"]}),
    ],
)
def test_each_structured_answer_that_calls_for_it_makes_the_report_urgent(
    reporter: Client, step: str, answer: dict[str, str | list[str]]
) -> None:
    """Happening now, more than five victims, danger and documents taken each give urgency."""
    fill_report(reporter, answers={**ANSWERS, step: {**ANSWERS[step], **answer}})
    submit(reporter)
    assert Case.objects.get().urgency == Urgency.HIGH


def test_both_concerns_are_kept_in_the_draft_and_the_contact(reporter: Client) -> None:
    """Ticking two boxes keeps both: on the step after Back, on the check page, in the contact."""
    answers = {
        **ANSWERS,
        "personen": {**ANSWERS["personen"], "concerns": ["danger", "documents"]},
    }
    fill_report(reporter, answers=answers)
    step = reporter.get("/melden/stap/personen/").content.decode()
    assert step.count("checked") == 2 + 2  # both boxes, and the two radio answers
    check = reporter.get("/melden/controleren/").content.decode()
    assert (
        "Iemand is in gevaar of wordt bedreigd, Iemand moest zijn paspoort of ID-kaart afgeven"
        in check
    )
    submit(reporter)
    assert Case.objects.get().contacts.get().details["concerns"] == ["danger", "documents"]


def test_the_check_page_shows_what_the_reporter_wants(reporter: Client) -> None:
    """The answer to advies or melding is on the check page in the reporter's words."""
    answers = {**ANSWERS, "wat": {**ANSWERS["wat"], "wish": "report"}}
    fill_report(reporter, answers=answers)
    html = reporter.get("/melden/controleren/").content.decode()
    assert "Wat wilt u van het Meldpunt?" in html
    assert "Ik wil dat het Meldpunt er iets mee doet. Dit heet een melding." in html


def test_without_an_answer_to_advice_or_melding_the_step_explains(reporter: Client) -> None:
    """The question is required; the error is at the field, the typed text is kept."""
    wat = {key: value for key, value in ANSWERS["wat"].items() if key != "wish"}
    response = reporter.post("/melden/stap/wat/", {**wat, "action": "next"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_wish_error"' in html
    assert "Kies een van de mogelijkheden." in html
    assert "nagelstudio" in html


def test_the_case_page_shows_the_answer_and_why_it_is_urgent(
    reporter: Client,
    advisor,
    verified_client,  # type: ignore[no-untyped-def]
) -> None:
    """The advisor reads the reporter's choice and the urgency reasons on the case page."""
    fill_report(reporter, answers=SIXTEEN)
    submit(reporter)
    case = Case.objects.get()
    html = verified_client(advisor).get(f"/medewerkers/zaken/{case.pk}/").content.decode()
    assert "Ik wil dat het Meldpunt er iets mee doet. Dit heet een melding." in html
    assert "urgent: minderjarige (16 jaar) betrokken" in html
