"""Legal hold on the case page: a coordinator places it with a reason and releases it,
audited and shown on the case page; nobody else may."""

from collections.abc import Callable

import pytest
from django.test import Client

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Case
from meldpunt.privacy.models import LegalHold
from meldpunt.privacy.services import case_erase

pytestmark = pytest.mark.django_db


def place_url(case: Case) -> str:
    return f"/medewerkers/privacy/zaak/{case.pk}/bewaarplicht/"


def test_a_coordinator_places_and_releases_a_hold_shown_on_the_case_page(
    full_case: Callable[..., Case],
    coordinator: User,
    verified_client: Callable[[User], Client],
) -> None:
    """The hold, its reason and who placed it are on the case page; both steps audited."""
    case = full_case()
    client = verified_client(coordinator)
    response = client.post(place_url(case), {"reason": "Onderzoek door de politie"})
    assert response.status_code == 302
    hold = LegalHold.objects.get(case=case)
    assert hold.placed_by == coordinator and hold.reason == "Onderzoek door de politie"
    page = client.get(f"/medewerkers/zaken/{case.pk}/").content.decode()
    assert "Juridische bewaarplicht" in page
    assert "Onderzoek door de politie" in page
    assert "Bewaarplicht opheffen" in page

    client.post(f"/medewerkers/privacy/zaak/{case.pk}/bewaarplicht/opheffen/")
    hold.refresh_from_db()
    assert hold.released_by == coordinator and hold.released_at is not None
    actions = list(
        AuditEvent.objects.filter(case=case, action__startswith="case.hold")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == ["case.hold", "case.hold_release"]
    assert "Onderzoek" not in str(AuditEvent.objects.filter(case=case).values_list("detail"))


def test_a_hold_needs_a_reason_and_is_placed_once(
    full_case: Callable[..., Case],
    coordinator: User,
    verified_client: Callable[[User], Client],
) -> None:
    case = full_case()
    client = verified_client(coordinator)
    client.post(place_url(case), {"reason": " "})
    assert not LegalHold.objects.exists()
    client.post(place_url(case), {"reason": "Klacht"})
    client.post(place_url(case), {"reason": "Nog een"})
    assert LegalHold.objects.count() == 1


@pytest.mark.parametrize("role", ["advisor", "analyst", "municipality_viewer", "administrator"])
def test_no_one_but_a_coordinator_places_or_releases_a_hold(
    role: str,
    full_case: Callable[..., Case],
    request: pytest.FixtureRequest,
    verified_client: Callable[[User], Client],
) -> None:
    """Advisors see the hold but not the buttons; other roles get 403."""
    case = full_case()
    client = verified_client(request.getfixturevalue(role))
    assert client.post(place_url(case), {"reason": "x"}).status_code == 403
    assert client.post(place_url(case) + "opheffen/").status_code == 403
    assert not LegalHold.objects.exists()
    if role == "advisor":
        page = client.get(f"/medewerkers/zaken/{case.pk}/").content.decode()
        assert "Juridische bewaarplicht" in page
        assert "Bewaarplicht plaatsen" not in page


def test_a_purged_case_page_says_its_content_was_removed(
    full_case: Callable[..., Case],
    coordinator: User,
    verified_client: Callable[[User], Client],
) -> None:
    """The case page still opens after a purge, shows the statistics and says why the rest
    is gone; a hold can no longer be placed."""
    case = full_case()
    case_erase(case=case, by=coordinator, reason="Verzoek")
    client = verified_client(coordinator)
    page = client.get(f"/medewerkers/zaken/{case.pk}/").content.decode()
    assert "verzoek om verwijdering (AVG)" in page
    assert "Bewaarplicht plaatsen" not in page
    client.post(place_url(case), {"reason": "Te laat"})
    assert not LegalHold.objects.exists()
