"""The advisor console page and the availability switch: advisors and coordinators only."""

import pytest
from django.urls import reverse

from meldpunt.chat.models import CannedResponse, ChatAgent

pytestmark = pytest.mark.django_db


def test_advisor_gets_the_console_with_canned_responses(verified_client, advisor, colleague):
    """Anna sees the console, her status, canned responses and colleagues to transfer to."""
    CannedResponse.objects.create(title="Welkom", text="Fijn dat u contact opneemt.")
    client = verified_client(advisor)
    response = client.get(reverse("chat:console"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "U staat op afwezig." in html
    assert "Welkom" in html
    assert "Fijn dat u contact opneemt." in html
    assert str(colleague) in html
    assert "<style" not in html
    assert "style=" not in html


def test_console_queries_do_not_grow_with_canned_responses(
    verified_client, advisor, django_assert_max_num_queries
):
    """A fixed number of queries, however many canned responses and colleagues there are."""
    client = verified_client(advisor)
    client.get(reverse("chat:console"))
    CannedResponse.objects.bulk_create(CannedResponse(title=f"t{i}", text="x") for i in range(20))
    with django_assert_max_num_queries(12):
        client.get(reverse("chat:console"))


def test_coordinator_may_use_the_console(verified_client, coordinator):
    """Cor, a coordinator, may chat too."""
    assert verified_client(coordinator).get(reverse("chat:console")).status_code == 200


@pytest.mark.parametrize("role_fixture", ["analyst", "municipality_viewer", "administrator"])
def test_other_roles_get_403(verified_client, request, role_fixture):
    """Analysts, municipality viewers and administrators get 403."""
    user = request.getfixturevalue(role_fixture)
    assert verified_client(user).get(reverse("chat:console")).status_code == 403


def test_anonymous_goes_to_login(client, db):
    """Not logged in: redirected to the login page."""
    response = client.get(reverse("chat:console"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_availability_and_capacity_are_saved(verified_client, advisor):
    """Anna sets herself available with room for three chats."""
    client = verified_client(advisor)
    response = client.post(reverse("chat:availability"), {"available": "on", "capacity": "3"})
    assert response.status_code == 302
    agent = ChatAgent.objects.get(user=advisor)
    assert (agent.available, agent.capacity) == (True, 3)
    client.post(reverse("chat:availability"), {"capacity": "3"})
    agent.refresh_from_db()
    assert not agent.available


def test_availability_refuses_an_impossible_capacity(verified_client, advisor):
    """Capacity 0 is refused with a message; nothing changes."""
    client = verified_client(advisor)
    client.post(reverse("chat:availability"), {"available": "on", "capacity": "0"})
    assert not ChatAgent.objects.filter(user=advisor, available=True).exists()


def test_analyst_may_not_set_availability(verified_client, analyst):
    """An analyst cannot put themselves on chat duty."""
    response = verified_client(analyst).post(
        reverse("chat:availability"), {"available": "on", "capacity": "2"}
    )
    assert response.status_code == 403
    assert not ChatAgent.objects.exists()
