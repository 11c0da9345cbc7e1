"""The referrals app's access functions: advisors and coordinators reach a referral and a
possible victim; other roles get the same AccessDenied as for an unknown id."""

import pytest

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Case, PersonRole
from meldpunt.lib.access import AccessDenied
from meldpunt.referrals.models import Partner, Referral
from meldpunt.referrals.selectors import access_referral, access_victim
from meldpunt.referrals.services import referral_create
from tests.referrals.conftest import keys, spoken_consent
from tests.triage.factories import verified

pytestmark = pytest.mark.django_db


def _referral(case: Case, partner: Partner, by: User) -> Referral:
    return referral_create(
        case=case,
        by=by,
        partner=partner,
        reason="Arbeidsuitbuiting in een kas",
        urgency=case.urgency,
        shared_fields=keys(case, "workplace.company"),
        consent=spoken_consent(),
        follow_up=True,
    )


def test_access_referral_lets_advisors_in_and_refuses_other_roles(
    advisor: User, coordinator: User, analyst: User, labour_case: Case, inspectorate: Partner
) -> None:
    """Anna (advisor) and Cor (coordinator) get the referral, with the named entry; Ali
    (analyst) gets AccessDenied, as Anna does for an unknown id."""
    referral = _referral(labour_case, inspectorate, advisor)
    for user in (advisor, coordinator):
        assert access_referral(verified(user), referral.pk, audit="referral.view") == referral
    assert AuditEvent.objects.filter(action="referral.view").count() == 2
    with pytest.raises(AccessDenied):
        access_referral(verified(analyst), referral.pk, audit="referral.view")
    with pytest.raises(AccessDenied):
        access_referral(verified(advisor), referral.pk + 1000, audit=None)
    assert AuditEvent.objects.filter(action="referral.view").count() == 2


def test_access_victim_gives_possible_victims_only(
    advisor: User, municipality_viewer: User, labour_case: Case
) -> None:
    """Anna gets the possible victim; the reporter on the same case is no victim, and Mia
    (municipality) gets nobody: the same AccessDenied."""
    victim = labour_case.persons.get(role=PersonRole.VICTIM)
    reporter = labour_case.persons.get(role=PersonRole.REPORTER)
    assert access_victim(verified(advisor), victim.pk, audit=None) == victim
    with pytest.raises(AccessDenied):
        access_victim(verified(advisor), reporter.pk, audit=None)
    with pytest.raises(AccessDenied):
        access_victim(verified(municipality_viewer), victim.pk, audit=None)
