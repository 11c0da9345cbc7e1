"""The cases app's access functions: who gets a case, a contact or an intake draft, and
that everyone else gets the same AccessDenied as for an id that does not exist."""

from collections.abc import Callable

import pytest

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Case, IntakeDraft
from meldpunt.cases.selectors import access_case, access_contact, access_intake_draft
from meldpunt.lib import clock
from meldpunt.lib.access import AccessDenied
from tests.triage.factories import verified

pytestmark = pytest.mark.django_db


def _draft(staff: User) -> IntakeDraft:
    return IntakeDraft.objects.create(
        staff=staff, started_at=clock.now(), updated_at=clock.now(), data={}
    )


@pytest.mark.parametrize("who", ["advisor", "coordinator"])
def test_access_case_lets_advisors_and_coordinators_in_and_writes_the_named_entry(
    who: str, request: pytest.FixtureRequest, make_case: Callable[..., Case]
) -> None:
    """Anna (advisor) and Cor (coordinator) get the case; ``audit`` is written, None is not."""
    user = verified(request.getfixturevalue(who))
    case = make_case()
    assert access_case(user, case.pk, audit=None) == case
    assert not AuditEvent.objects.filter(action="case.view").exists()
    assert access_case(user, case.pk, audit="case.view") == case
    assert AuditEvent.objects.filter(action="case.view", actor=user, case=case).count() == 1


@pytest.mark.parametrize("who", ["analyst", "municipality_viewer", "administrator"])
def test_access_case_refuses_other_roles_as_an_unknown_case(
    who: str, request: pytest.FixtureRequest, advisor: User, make_case: Callable[..., Case]
) -> None:
    """Ali, Mia and Ad get AccessDenied, as Anna does for a case that does not exist; no
    entry is written for a refusal."""
    case = make_case()
    with pytest.raises(AccessDenied):
        access_case(verified(request.getfixturevalue(who)), case.pk, audit="case.view")
    with pytest.raises(AccessDenied):
        access_case(verified(advisor), case.pk + 1000, audit="case.view")
    assert not AuditEvent.objects.filter(action="case.view").exists()


def test_access_contact_gives_a_contact_of_the_case_only(
    advisor: User, analyst: User, make_case: Callable[..., Case]
) -> None:
    """Anna gets a contact of the case she opened; a contact of another case, and Ali
    (analyst) for this one, get AccessDenied."""
    case, other = make_case(), make_case()
    contact = case.contacts.get()
    assert access_contact(verified(advisor), contact.pk, case=case, audit=None) == contact
    with pytest.raises(AccessDenied):
        access_contact(verified(advisor), other.contacts.get().pk, case=case, audit=None)
    with pytest.raises(AccessDenied):
        access_contact(verified(analyst), contact.pk, case=case, audit=None)


def test_access_intake_draft_gives_only_ones_own_draft(
    advisor: User, colleague: User, analyst: User
) -> None:
    """Anna gets her own draft; Bram (her colleague) and Ali (analyst) get AccessDenied, as
    for a draft that is gone."""
    draft = _draft(advisor)
    assert access_intake_draft(verified(advisor), draft.pk, audit=None) == draft
    for stranger in (colleague, analyst):
        with pytest.raises(AccessDenied):
            access_intake_draft(verified(stranger), draft.pk, audit=None)
    with pytest.raises(AccessDenied):
        access_intake_draft(verified(advisor), draft.pk + 1000, audit=None)
