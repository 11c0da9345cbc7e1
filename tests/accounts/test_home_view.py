"""Where a role lands after login: advisors and coordinators at the inbox, administrators
in the admin, analysts and municipality viewers on the statistics dashboard."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role_fixture", "landing"),
    [
        ("advisor", "cases:inbox"),
        ("coordinator", "cases:inbox"),
        ("administrator", "admin:index"),
        ("analyst", "stats:dashboard"),
        ("municipality_viewer", "stats:dashboard"),
    ],
)
def test_each_role_is_sent_to_its_start_page(
    role_fixture: str, landing: str, request, verified_client
):
    client = verified_client(request.getfixturevalue(role_fixture))
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse(landing)


def test_municipality_viewer_lands_on_their_own_figures(municipality_viewer, verified_client):
    """After the redirect the viewer reads their municipality's name, not the whole region."""
    page = verified_client(municipality_viewer).get(reverse("accounts:home"), follow=True)
    html = page.content.decode()
    assert "Cijfers van Almere" in html
    assert "U ziet hier nooit een zaak" in html
