"""Where a role lands after login: advisors and coordinators at the inbox, administrators
in the admin; analysts and municipality viewers, until the statistics exist, on a page
that says what they will see there and that they never see a case."""

import pytest
from django.urls import reverse

from meldpunt.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role_fixture", "landing"),
    [("advisor", "cases:inbox"), ("coordinator", "cases:inbox"), ("administrator", "admin:index")],
)
def test_case_and_admin_roles_are_sent_on(
    role_fixture: str, landing: str, request, verified_client
):
    client = verified_client(request.getfixturevalue(role_fixture))
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse(landing)


def test_analyst_reads_what_the_role_will_see(analyst: User, verified_client):
    page = verified_client(analyst).get(reverse("accounts:home")).content.decode()
    assert "Cijfers van het meldpunt" in page
    assert "uit welke gemeenten" in page
    assert "U ziet nooit een zaak" in page
    assert "De cijfers zijn er nog niet" in page


def test_municipality_viewer_reads_about_their_own_municipality(
    municipality_viewer: User, verified_client
):
    page = verified_client(municipality_viewer).get(reverse("accounts:home")).content.decode()
    assert "de cijfers over uw gemeente, Almere" in page
    assert "U ziet nooit een zaak" in page
    assert "Welkom" not in page
