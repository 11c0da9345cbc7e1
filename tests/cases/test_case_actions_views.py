"""The buttons and forms on the case page: plain POST and redirect, errors keep the input."""

import pytest
from django.urls import reverse
from django.utils import timezone

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import CaseKind, CaseStatus, Channel, Note, Task
from meldpunt.cases.services import case_close, contact_add, task_add

pytestmark = pytest.mark.django_db


def action(case, name: str, *args: int) -> str:  # type: ignore[no-untyped-def]
    return reverse(f"cases:{name}", args=[case.pk, *args])


def test_advisor_takes_a_case_and_starts_the_assessment(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Each button redirects back to the case page, with the change made."""
    case = make_case(kind=CaseKind.REPORT)
    client = verified_client(advisor)
    response = client.post(action(case, "assign_me"))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    client.post(action(case, "start_assessment"))
    case.refresh_from_db()
    assert case.assigned_to == advisor
    assert case.status == CaseStatus.ASSESSMENT
    assert not AuditEvent.objects.filter(case=case, action="case.view").exists()


def test_a_refused_transition_comes_back_as_a_dutch_message(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Progressing a new melding is refused and the page says why."""
    case = make_case(kind=CaseKind.REPORT)
    response = verified_client(advisor).post(action(case, "progress"), follow=True)
    assert "Een melding moet eerst beoordeeld worden." in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW


def test_closing_without_reason_shows_errors_and_keeps_the_typed_note(
    coordinator, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """Missing reason and outcome: 400, a message at each field, the note text kept."""
    case = make_case()
    response = verified_client(coordinator).post(
        action(case, "close"), {"reason": "", "outcome": "", "note": "Melder wil geen hulp"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies een reden om te sluiten." in html
    assert "Kies een uitkomst." in html
    assert "Melder wil geen hulp" in html
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW


def test_htmx_gets_the_error_page_with_status_200(coordinator, verified_client, make_case):  # type: ignore[no-untyped-def]
    """htmx only swaps successful responses, so a boosted form gets its errors with 200."""
    case = make_case()
    response = verified_client(coordinator).post(
        action(case, "close"), {"reason": ""}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response["HX-Push-Url"] == "false"
    assert "Kies een reden om te sluiten." in response.content.decode()


def test_advisor_close_becomes_a_request_that_a_coordinator_approves(
    advisor, coordinator, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """The advisor's form asks; the coordinator's button closes."""
    case = make_case()
    verified_client(advisor).post(
        action(case, "close"), {"reason": "advice_given", "outcome": "unclear", "note": ""}
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW
    assert case.close_requested_by == advisor
    page = verified_client(coordinator).get(reverse("cases:detail", args=[case.pk]))
    assert "Sluiten goedkeuren" in page.content.decode()
    verified_client(coordinator).post(action(case, "close_approve"))
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED


def test_only_coordinators_assign_approve_and_reopen(
    advisor, colleague, coordinator, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """An advisor posting to a coordinator action gets 403 and nothing changes."""
    case = make_case()
    client = verified_client(advisor)
    assert client.post(action(case, "assign"), {"advisor": colleague.pk}).status_code == 403
    case_close(case=case, by=coordinator, reason="other", outcome="unclear")
    assert client.post(action(case, "reopen")).status_code == 403
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.assigned_to is None


def test_coordinator_assigns_a_colleague(coordinator, colleague, verified_client, make_case):  # type: ignore[no-untyped-def]
    """The coordinator picks a colleague from the list."""
    case = make_case()
    verified_client(coordinator).post(action(case, "assign"), {"advisor": colleague.pk})
    case.refresh_from_db()
    assert case.assigned_to == colleague


def test_kind_note_and_task_forms(advisor, colleague, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Each form saves and redirects; the stored texts are those typed."""
    case = make_case()
    client = verified_client(advisor)
    kind = {"kind": "melding", "reason": "Melder wil actie"}
    assert client.post(action(case, "set_kind"), kind).status_code == 302
    client.post(action(case, "start_assessment"))
    client.post(action(case, "note_add"), {"text": "Melder is gerustgesteld"})
    client.post(
        action(case, "task_add"),
        {"description": "Terugbellen", "due_date": "2026-12-10", "assignee": colleague.pk},
    )
    case.refresh_from_db()
    assert case.kind == CaseKind.REPORT
    assert case.status == CaseStatus.ASSESSMENT
    assert sorted(n.text for n in Note.objects.filter(case=case)) == [
        "Melder is gerustgesteld",
        "Soort gewijzigd van advies naar melding. Reden: Melder wil actie",
    ]
    task = Task.objects.get(case=case)
    assert (task.description, task.assignee) == ("Terugbellen", colleague)


def test_a_bad_task_date_is_explained_and_the_description_kept(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """A date that is not a date gets a Dutch message; nothing is saved."""
    case = make_case()
    response = verified_client(advisor).post(
        action(case, "task_add"), {"description": "Politie bellen", "due_date": "morgen"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een datum in als dag-maand-jaar" in html
    assert "Politie bellen" in html
    assert not Task.objects.exists()


def test_task_done_only_for_a_task_of_this_case(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """A task id from another case is not found; the own task is ticked off."""
    case, other = make_case(), make_case()
    task = task_add(case=other, by=advisor, description="x", due_date=timezone.localdate())
    client = verified_client(advisor)
    assert client.post(action(case, "task_done", task.pk)).status_code == 404
    client.post(action(other, "task_done", task.pk))
    task.refresh_from_db()
    assert task.done_at is not None


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_cannot_act(role, request, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Every action refuses analysts, municipality viewers and administrators with 403."""
    case = make_case()
    client = verified_client(request.getfixturevalue(role))
    assert client.post(action(case, "start_assessment")).status_code == 403
    assert client.post(action(case, "note_add"), {"text": "x"}).status_code == 403
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW
    assert not Note.objects.exists()


def test_anonymous_post_is_sent_to_login(client, make_case):  # type: ignore[no-untyped-def]
    """Without a login an action redirects to login and changes nothing."""
    case = make_case()
    response = client.post(action(case, "start_assessment"))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW


def test_actions_need_post(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """A link or prefetch can never change a case."""
    case = make_case()
    assert verified_client(advisor).get(action(case, "start_assessment")).status_code == 405
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW


def test_a_new_message_mark_is_cleared_once_read(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """A web report marks the case; "Gelezen" clears the mark and is audited."""
    case = make_case()
    contact_add(case=case, by=None, channel=Channel.WEB_REPORT, summary="x")
    client = verified_client(advisor)
    assert "Er is een nieuw bericht" in client.get(action(case, "detail")).content.decode()
    client.post(action(case, "mark_seen"))
    case.refresh_from_db()
    assert case.needs_attention is False
    assert AuditEvent.objects.filter(case=case, action="case.seen", actor=advisor).exists()


def test_notes_can_still_be_added_to_a_closed_case(
    advisor, coordinator, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """Something heard after closing still gets written down."""
    case = make_case()
    case_close(case=case, by=coordinator, reason="other", outcome="unclear")
    verified_client(advisor).post(action(case, "note_add"), {"text": "Melder belde nog"})
    assert Note.objects.filter(case=case).count() == 1


def test_a_kind_change_without_reason_is_refused_at_the_field(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """400 with the message at the reason; the kind stays and nothing is noted."""
    case = make_case()
    response = verified_client(advisor).post(action(case, "set_kind"), {"kind": "melding"})
    assert response.status_code == 400
    assert "Schrijf op waarom de soort verandert." in response.content.decode()
    case.refresh_from_db()
    assert case.kind == CaseKind.ADVICE
    assert not Note.objects.filter(case=case).exists()
