"""A person's access and erasure request: a coordinator finds every case that mentions
them by name, phone number, e-mail or address through the blind indexes, exports it as
a printable page or PDF, and erases a case with a reason unless it is on legal hold.
Every step is audited, never with the words searched for. Nobody else may."""

from collections.abc import Callable

import pytest
from django.test import Client

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Case, Channel, Person
from meldpunt.cases.services import case_create, contact_add
from meldpunt.privacy.models import PurgedCase, PurgeReason
from meldpunt.privacy.services import hold_place
from tests.privacy.conftest import NAME

pytestmark = pytest.mark.django_db
URL = "/medewerkers/privacy/verzoek/"


@pytest.fixture
def other_case(advisor: User) -> Case:
    """A case about somebody else."""
    case = case_create(by=advisor)
    contact_add(
        case=case, by=advisor, channel=Channel.PHONE, summary="Pieter belt vanaf 0201234567."
    )
    return case


@pytest.mark.parametrize(
    "given",
    [
        {"name": NAME},
        {"phone": "+31 6 1234 5678"},
        {"address": "8251 AB 12"},
        {"name": "Onbekend", "phone": "06 12345678"},
    ],
)
def test_a_coordinator_finds_the_cases_of_a_person_with_their_content(
    given: dict[str, str],
    full_case: Callable[..., Case],
    other_case: Case,
    coordinator: User,
    verified_client: Callable[[User], Client],
) -> None:
    """However the phone number is written; the other person's case is not listed."""
    case = full_case()
    response = verified_client(coordinator).post(URL, given)
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 zaak gevonden" in page
    assert case.number in page and other_case.number not in page
    assert NAME in page
    assert response["Cache-Control"] == "no-store"
    search = AuditEvent.objects.get(action="privacy.search")
    assert search.detail == {"filters": sorted(given, key=list(given).index), "count": 1}
    assert AuditEvent.objects.filter(action="privacy.view", case=case).count() == 1
    assert NAME not in str(list(AuditEvent.objects.values_list("detail", flat=True)))


def test_the_form_asks_for_at_least_one_value(
    coordinator: User, verified_client: Callable[[User], Client]
) -> None:
    response = verified_client(coordinator).post(URL, {"name": "", "phone": ""})
    assert response.status_code == 400
    assert "Vul minstens één gegeven" in response.content.decode()
    assert not AuditEvent.objects.filter(action="privacy.search").exists()


def test_the_access_export_is_a_printable_page_and_a_pdf(
    full_case: Callable[..., Case], coordinator: User, verified_client: Callable[[User], Client]
) -> None:
    """Everything of the case is on the page; the PDF is made on the server; both audited."""
    case = full_case()
    client = verified_client(coordinator)
    page = client.post(f"{URL}inzage/", {"phone": "0612345678"}).content.decode()
    for text in (case.number, NAME, "Kerkweg 12", "Hier nog een foto", "Ik ben", "Werkplek van"):
        assert text in page
    response = client.post(f"{URL}inzage.pdf", {"phone": "0612345678"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(action="privacy.export", case=case).count() == 2


def test_a_coordinator_erases_a_case_with_a_reason(
    full_case: Callable[..., Case], coordinator: User, verified_client: Callable[[User], Client]
) -> None:
    """The content goes as in a purge; the case is no longer found; the reason is kept
    encrypted with the record, not in the audit log."""
    case = full_case()
    client = verified_client(coordinator)
    response = client.post(
        f"{URL}zaak/{case.pk}/wissen/", {"name": NAME, "reason": "Verzoek van betrokkene"}
    )
    assert response.status_code == 200
    assert "0 zaken gevonden" in response.content.decode()
    purged = PurgedCase.objects.get(case=case)
    assert purged.reason == PurgeReason.ERASURE and purged.note == "Verzoek van betrokkene"
    assert not Person.objects.filter(case=case).exists()
    assert AuditEvent.objects.filter(action="case.erase", case=case, actor=coordinator).exists()


def test_a_held_case_is_not_erased(
    full_case: Callable[..., Case], coordinator: User, verified_client: Callable[[User], Client]
) -> None:
    case = full_case()
    hold_place(case=case, by=coordinator, reason="Onderzoek")
    client = verified_client(coordinator)
    page = client.post(URL, {"name": NAME}).content.decode()
    assert "kan niet worden gewist" in page
    response = client.post(f"{URL}zaak/{case.pk}/wissen/", {"name": NAME, "reason": "Verzoek"})
    assert "juridische bewaarplicht" in response.content.decode()
    assert not PurgedCase.objects.exists()
    assert Person.objects.filter(case=case).exists()


def test_a_case_the_search_does_not_find_cannot_be_erased_through_it(
    full_case: Callable[..., Case],
    other_case: Case,
    coordinator: User,
    verified_client: Callable[[User], Client],
) -> None:
    """The erase address only takes a case of the person searched for (404 otherwise)."""
    full_case()
    response = verified_client(coordinator).post(
        f"{URL}zaak/{other_case.pk}/wissen/", {"name": NAME, "reason": "Verzoek"}
    )
    assert response.status_code == 404
    assert not PurgedCase.objects.exists()


@pytest.mark.parametrize("role", ["advisor", "analyst", "municipality_viewer", "administrator"])
def test_no_one_but_a_coordinator_handles_a_request(
    role: str,
    full_case: Callable[..., Case],
    request: pytest.FixtureRequest,
    verified_client: Callable[[User], Client],
) -> None:
    case = full_case()
    client = verified_client(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"name": NAME}).status_code == 403
    assert client.post(f"{URL}inzage/", {"name": NAME}).status_code == 403
    assert client.post(f"{URL}inzage.pdf", {"name": NAME}).status_code == 403
    erase = client.post(f"{URL}zaak/{case.pk}/wissen/", {"name": NAME, "reason": "x"})
    assert erase.status_code == 403
    assert not PurgedCase.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="privacy.").exists()
