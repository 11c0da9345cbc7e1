"""Quick dispositions (intake:quick): one button logs a short call as a contact."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.cases.intake.forms import sign_started
from meldpunt.cases.models import (
    Case,
    CaseStatus,
    Channel,
    ClosingReason,
    Contact,
    Disposition,
    IntakeDraft,
)
from meldpunt.lib import clock

pytestmark = pytest.mark.django_db
URL = reverse("intake:quick")


@pytest.fixture
def anna(advisor: User, verified_client: Callable[[User], Client]) -> Client:
    return verified_client(advisor)


@pytest.mark.parametrize(
    "disposition",
    [
        Disposition.SILENT,
        Disposition.HANG_UP,
        Disposition.ABUSIVE,
        Disposition.TEST,
        Disposition.WRONG_NUMBER,
    ],
)
def test_each_quick_disposition_logs_a_contact_on_a_closed_case(
    anna: Client, advisor: User, disposition: str
) -> None:
    """The call counts as a phone contact; its own case is closed at once, off every inbox."""
    response = anna.post(URL, {"disposition": disposition, "started": sign_started(clock.now())})
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:new")
    contact = Contact.objects.get()
    assert (contact.disposition, contact.channel, contact.staff) == (
        disposition,
        Channel.PHONE,
        advisor,
    )
    case = contact.case
    assert case.status == CaseStatus.CLOSED
    assert case.closing_reason == ClosingReason.OTHER
    assert case.closed_at is not None


def test_what_was_typed_is_kept_and_the_draft_removed(anna: Client, advisor: User) -> None:
    """If the caller hangs up mid-call, the drafted summary goes on the contact."""
    draft = IntakeDraft.objects.create(
        staff=advisor,
        started_at=clock.now(),
        updated_at=clock.now(),
        data={"summary": ["Beller noemde een adres in Urk"]},
    )
    anna.post(URL, {"disposition": Disposition.HANG_UP, "draft": str(draft.pk)})
    assert Contact.objects.get().summary == "Beller noemde een adres in Urk"
    assert not IntakeDraft.objects.exists()


def test_an_unknown_disposition_saves_nothing(anna: Client) -> None:
    """Only the five quick dispositions are accepted here."""
    response = anna.post(URL, {"disposition": Disposition.COMPLETED})
    assert response.status_code == 302
    assert not Case.objects.exists()


def test_get_is_not_allowed(anna: Client) -> None:
    assert anna.get(URL).status_code == 405


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_are_refused(
    role: str, request: pytest.FixtureRequest, verified_client: Callable[[User], Client]
) -> None:
    """Analysts, municipality viewers and administrators get 403 and nothing is saved."""
    client = verified_client(request.getfixturevalue(role))
    assert client.post(URL, {"disposition": Disposition.SILENT}).status_code == 403
    assert not Contact.objects.exists()


def test_anonymous_visitor_goes_to_login(client: Client, db: None) -> None:
    response = client.post(URL, {"disposition": Disposition.SILENT})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
