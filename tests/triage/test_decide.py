"""triage_decide: an advisor's accept or dismiss is kept; accepting changes the contact."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.contact_days import contact_days_differing
from meldpunt.cases.models import ContactDay, ContactFigure
from meldpunt.triage.models import TriageDecision
from meldpunt.triage.services import triage_decide
from meldpunt.triage.taxonomy import taxonomy
from tests.triage.factories import case_with_contact

pytestmark = pytest.mark.django_db

SUMMARY = "Zijn paspoort is afgepakt door de baas."


def test_accepting_an_indicator_adds_it_to_the_contact(advisor) -> None:
    """Accept: a decision with the taxonomy version, and the indicator on the contact once."""
    case, contact = case_with_contact(by=advisor, summary=SUMMARY)
    for _ in range(2):
        decision = triage_decide(
            case=case, contact=contact, item="gen.documents_retained", accepted=True, by=advisor
        )
    contact.refresh_from_db()
    assert contact.indicators == ["gen.documents_retained"]
    assert decision.decision == "accepted"
    assert decision.suggested is True
    assert decision.taxonomy_version == taxonomy().version
    assert decision.by == advisor


def test_dismissing_changes_nothing_but_the_record(advisor) -> None:
    """Dismiss: a decision is kept and the contact's signals stay as they were."""
    case, contact = case_with_contact(by=advisor, summary=SUMMARY)
    triage_decide(case=case, contact=contact, item="gen.threats", accepted=False, by=advisor)
    contact.refresh_from_db()
    assert contact.indicators == []
    assert TriageDecision.objects.get().decision == "dismissed"


def test_accepting_a_form_sets_the_contacts_form(advisor) -> None:
    """Accepting form:labour sets the contact's form of exploitation."""
    case, contact = case_with_contact(by=advisor, summary=SUMMARY)
    triage_decide(case=case, contact=contact, item="form:labour", accepted=True, by=advisor)
    contact.refresh_from_db()
    assert contact.exploitation == "labour"


def test_accepting_a_form_counts_the_contact_under_it_in_the_statistics(advisor) -> None:
    """The statistics' count per form of exploitation moves with the contact, at once."""
    case, contact = case_with_contact(by=advisor, summary=SUMMARY)
    triage_decide(case=case, contact=contact, item="form:labour", accepted=True, by=advisor)
    assert not contact_days_differing()
    counted = ContactDay.objects.get(figure=ContactFigure.EXPLOITATION)
    assert (counted.value, counted.count) == ("labour", 1)


def test_audit_entry_holds_no_content(advisor) -> None:
    """The audit entry names the item and decision, never the text."""
    case, contact = case_with_contact(by=advisor, summary=SUMMARY)
    triage_decide(case=case, contact=contact, item="gen.threats", accepted=False, by=advisor)
    event = AuditEvent.objects.get(action="triage.decide")
    assert event.detail == {"item": "gen.threats", "decision": "dismissed", "suggested": True}
    assert "paspoort" not in str(event.detail)


def test_unknown_items_and_foreign_contacts_are_refused(advisor) -> None:
    """An id outside the taxonomy, or a contact of another case, is a validation error."""
    case, contact = case_with_contact(by=advisor, summary=SUMMARY)
    other_case, _ = case_with_contact(by=advisor, summary="")
    with pytest.raises(ValidationError):
        triage_decide(case=case, contact=contact, item="gen.nonsense", accepted=True, by=advisor)
    with pytest.raises(ValidationError):
        triage_decide(
            case=other_case, contact=contact, item="gen.threats", accepted=True, by=advisor
        )
    assert not TriageDecision.objects.exists()


@pytest.mark.parametrize("who", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_may_not_decide(advisor, who, request) -> None:
    """Analysts, municipalities and administrators get PermissionDenied."""
    case, contact = case_with_contact(by=advisor, summary=SUMMARY)
    with pytest.raises(PermissionDenied):
        triage_decide(
            case=case,
            contact=contact,
            item="gen.threats",
            accepted=True,
            by=request.getfixturevalue(who),
        )
