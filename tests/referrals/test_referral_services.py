"""Referral services: what is shared, on what basis, the case status, follow-up, audit."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import CaseStatus, Task
from meldpunt.cases.services import case_close
from meldpunt.referrals.models import Partner, Referral, ReferralStatus
from meldpunt.referrals.services import (
    Consent,
    referral_create,
    referral_record_feedback,
    referral_set_status,
)

from .conftest import ADDRESS, COMPANY, REPORTER_PHONE, SUMMARY, VICTIM_NAME, keys, spoken_consent

pytestmark = pytest.mark.django_db


def refer(case, by, partner, *names: str, **extra):  # type: ignore[no-untyped-def]
    return referral_create(
        case=case,
        by=by,
        partner=partner,
        reason=extra.pop("reason", "Signalen van arbeidsuitbuiting."),
        urgency="high",
        shared_fields=keys(case, *names),
        consent=extra.pop("consent", None) or spoken_consent(),
        **extra,
    )


def test_only_the_chosen_fields_are_shared(advisor, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    """The workplace and the summary are shared; the victim's name and the reporter's
    phone number, not chosen, are not in what the partner gets."""
    referral = refer(
        labour_case, advisor, inspectorate, "workplace.address", "workplace.company", "summary"
    )
    values = [item["value"] for item in referral.shared]
    assert SUMMARY in values
    assert any(ADDRESS in value for value in values)
    assert any(COMPANY in value for value in values)
    shared = str(referral.shared)
    assert VICTIM_NAME not in shared
    assert REPORTER_PHONE not in shared
    assert referral.shared_fields == keys(
        labour_case, "summary", "workplace.address", "workplace.company"
    )


def test_nothing_is_shared_unless_chosen(advisor, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    referral = refer(labour_case, advisor, inspectorate)
    assert referral.shared == []
    assert referral.shared_fields == []


def test_a_field_of_another_case_is_refused(advisor, make_labour_case, inspectorate):  # type: ignore[no-untyped-def]
    """Keys are checked against the case: an id from another case cannot leak its content."""
    case, other = make_labour_case(), make_labour_case()
    with pytest.raises(ValidationError):
        referral_create(
            case=case,
            by=advisor,
            partner=inspectorate,
            reason="x",
            urgency="normal",
            shared_fields=keys(other, "summary"),
            consent=spoken_consent(),
        )
    assert not Referral.objects.exists()


def test_first_referral_moves_the_case_to_referred_and_more_may_follow(  # type: ignore[no-untyped-def]
    advisor, labour_case, inspectorate
):
    """The case goes to referred once; a second referral to another partner is possible."""
    first = refer(labour_case, advisor, inspectorate, "summary")
    labour_case.refresh_from_db()
    assert labour_case.status == CaseStatus.REFERRED
    police = Partner.objects.get(name="Politie")
    second = refer(labour_case, advisor, police, "workplace.address")
    assert (first.reference, second.reference) == (
        f"{labour_case.number}-D1",
        f"{labour_case.number}-D2",
    )
    moves = AuditEvent.objects.filter(case=labour_case, action="case.status", detail__to="referred")
    assert moves.count() == 1


def test_a_new_or_closed_case_is_not_referred(advisor, coordinator, make_labour_case, inspectorate):  # type: ignore[no-untyped-def]
    new = make_labour_case(assess=False)
    with pytest.raises(ValidationError):
        refer(new, advisor, inspectorate)
    closed = make_labour_case()
    case_close(case=closed, by=coordinator, reason="other", outcome="unclear")
    with pytest.raises(ValidationError):
        refer(closed, advisor, inspectorate)
    assert not Referral.objects.exists()


def test_consent_needs_who_how_and_when(advisor, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        refer(labour_case, advisor, inspectorate, consent=Consent(given=True))
    assert set(refused.value.message_dict) == {"consent_by", "consent_how", "consent_at"}


def test_without_consent_a_legal_ground_is_required(advisor, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    """No consent and no ground: refused. "Other" needs an explanation; acute danger does not."""
    with pytest.raises(ValidationError):
        refer(labour_case, advisor, inspectorate, consent=Consent(given=False))
    with pytest.raises(ValidationError):
        refer(
            labour_case, advisor, inspectorate, consent=Consent(given=False, legal_ground="other")
        )
    with pytest.raises(ValidationError):
        refer(
            labour_case,
            advisor,
            inspectorate,
            consent=Consent(given=False, legal_ground="not_recorded"),
        )
    referral = refer(
        labour_case,
        advisor,
        inspectorate,
        consent=Consent(given=False, legal_ground="danger_to_life"),
    )
    assert (referral.consent_given, referral.legal_ground) == (False, "danger_to_life")


def test_an_inactive_partner_is_refused(advisor, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    inspectorate.active = False
    inspectorate.save()
    with pytest.raises(ValidationError):
        refer(labour_case, advisor, inspectorate)


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_may_not_refer(role, request, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        refer(labour_case, request.getfixturevalue(role), inspectorate)


def test_follow_up_task_after_ten_working_days(advisor, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    referral = refer(labour_case, advisor, inspectorate)
    task = Task.objects.get(case=labour_case)
    assert referral.follow_up_task == task
    assert task.due_date == referral.feedback_due
    assert referral.reference in task.description
    assert task.assignee == advisor


def test_no_follow_up_task_when_not_asked(advisor, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    refer(labour_case, advisor, inspectorate, follow_up=False)
    assert not Task.objects.filter(case=labour_case).exists()


def test_audit_holds_field_keys_and_ids_never_content(advisor, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    refer(labour_case, advisor, inspectorate, "summary", "victim.name", reason="Geheime reden")
    event = AuditEvent.objects.get(case=labour_case, action="referral.create")
    assert event.detail["fields"] == ", ".join(keys(labour_case, "summary", "victim.name"))
    assert event.detail["partner"] == inspectorate.pk
    assert event.detail["consent"] == "phone"
    dump = str(list(AuditEvent.objects.values_list("detail", flat=True)))
    for secret in (SUMMARY, VICTIM_NAME, "Geheime reden"):
        assert secret not in dump


def test_status_and_feedback_are_recorded_with_dates(advisor, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    """Received, accepted, then feedback: each with its day; the feedback is encrypted."""
    referral = refer(labour_case, advisor, inspectorate)
    today = timezone.localdate(referral.referred_at)
    referral_set_status(referral=referral, by=advisor, status="received", on=today)
    referral_set_status(referral=referral, by=advisor, status="accepted", on=today)
    referral_record_feedback(
        referral=referral, by=advisor, text="Inspectie is langs geweest.", on=today
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.FEEDBACK
    assert [u.status for u in referral.updates.all()] == [
        "sent",
        "received",
        "accepted",
        "feedback",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT feedback FROM referrals_referral WHERE id = %s", [referral.pk])
        raw = cursor.fetchone()[0]
    assert "Inspectie" not in raw
    assert referral.feedback == "Inspectie is langs geweest."
    assert list(
        AuditEvent.objects.filter(case=labour_case, object_type="referral")
        .order_by("id")
        .values_list("action", flat=True)
    ) == [
        "referral.create",
        "referral.status",
        "referral.status",
        "referral.status",
        "referral.feedback",
    ]


def test_status_dates_in_the_future_or_before_the_referral_are_refused(
    advisor, labour_case, inspectorate
):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    referral = refer(labour_case, advisor, inspectorate)
    today = timezone.localdate(referral.referred_at)
    for day in (today + timedelta(days=1), today - timedelta(days=1)):
        with pytest.raises(ValidationError):
            referral_set_status(referral=referral, by=advisor, status="received", on=day)
    with pytest.raises(ValidationError):
        referral_set_status(referral=referral, by=advisor, status="feedback", on=today)


def test_after_feedback_the_status_stays(advisor, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    """Feedback ends the wait; going back to "accepted" would put it in the inbox again."""
    referral = refer(labour_case, advisor, inspectorate)
    today = timezone.localdate(referral.referred_at)
    referral_record_feedback(referral=referral, by=advisor, text="Klaar.", on=today)
    with pytest.raises(ValidationError):
        referral_set_status(referral=referral, by=advisor, status="accepted", on=today)
