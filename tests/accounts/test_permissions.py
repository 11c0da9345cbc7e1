"""Who may see case content behind ``staff_required(*CASE_ROLES)``, with named users."""

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from tests.accounts.conftest import verified
from tests.accounts.urls import CASE_CONTENT

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.accounts.urls")]


def test_advisor_with_second_factor_may_see_case_content(client: Client, advisor: User) -> None:
    """Anouk, an advisor who passed both factors, sees the page."""
    response = verified(client, advisor).get(reverse("protected"))
    assert response.status_code == 200
    assert response.content.decode() == CASE_CONTENT


def test_advisor_without_second_factor_is_sent_to_the_second_step(
    client: Client, advisor: User
) -> None:
    """Anouk logged in with only a password is sent to the code step, not to the content."""
    client.force_login(advisor)
    response = client.get(reverse("protected"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login") + "?next=")
    assert response.redirect_chain[-1][0] == reverse("accounts:verify")
    assert CASE_CONTENT not in response.content.decode()


@pytest.mark.parametrize("who", ["analyst", "municipality_viewer", "administrator"])
def test_other_roles_get_a_refusal_not_the_content(
    client: Client, who: str, request: pytest.FixtureRequest
) -> None:
    """Bram (analyst), Carla (municipality) and Daan (administrator) get 403 without content."""
    user = request.getfixturevalue(who)
    response = verified(client, user).get(reverse("protected"))
    assert response.status_code == 403
    assert CASE_CONTENT not in response.content.decode()
    assert "Geen toegang" in response.content.decode()


def test_anonymous_visitor_is_sent_to_login(client: Client) -> None:
    """Someone not logged in goes to the login page, with the page to return to."""
    response = client.get(reverse("protected"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=/test/zaak/"
