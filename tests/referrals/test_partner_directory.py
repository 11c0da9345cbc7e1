"""The partner directory: seeded by migration, filtered for advisors, managed in the admin."""

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.referrals.models import Partner

from .conftest import seed_partners

pytestmark = pytest.mark.django_db
URL = "/medewerkers/partners/"
PARTNER_ADMIN = "/beheer-partners/referrals/partner/"


def names(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [partner.name for partner in response.context["partners"]]


def test_url_name_is_referrals_partners() -> None:
    assert reverse("referrals:partners") == URL


def test_the_partners_of_the_domain_notes_are_seeded() -> None:
    """By a data migration, with the numbers from the domain notes; seeding twice adds
    nothing."""
    Partner.objects.all().delete()
    seed_partners()
    seed_partners()
    phones = dict(Partner.objects.values_list("name", "phone"))
    assert phones["Nederlandse Arbeidsinspectie"] == "0800-5151"
    assert phones["Meld Misdaad Anoniem"] == "0800-7000"
    assert phones["Veilig Thuis"] == "0800-2000"
    assert phones["Politie"] == "0900-8844"
    assert {"CoMensha", "Fier / CKM", "Politie – AVIM (mensenhandel)"} <= set(phones)
    assert Partner.objects.count() == len(phones)


@pytest.mark.parametrize("role", ["advisor", "coordinator"])
def test_advisors_and_coordinators_look_partners_up(role, request, verified_client):  # type: ignore[no-untyped-def]
    response = verified_client(request.getfixturevalue(role)).get(URL)
    assert response.status_code == 200
    assert "Nederlandse Arbeidsinspectie" in names(response)


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_other_roles_may_not_open_the_directory(role, request, verified_client):  # type: ignore[no-untyped-def]
    assert verified_client(request.getfixturevalue(role)).get(URL).status_code == 403


def test_filter_by_form_of_exploitation_and_municipality(advisor, verified_client):  # type: ignore[no-untyped-def]
    """A partner for one form only is left out for another form; partners without a form
    or municipality list serve all; inactive partners are never listed."""
    Partner.objects.create(name="Alleen Urk", kind="shelter", municipalities=["GM0184"])
    Partner.objects.create(name="Oud", kind="other", active=False)
    client = verified_client(advisor)
    sexual = names(client.get(URL, {"exploitation": "sexual"}))
    assert "Fier / CKM" in sexual
    assert "Nederlandse Arbeidsinspectie" not in sexual
    assert "Politie" in sexual
    labour = names(client.get(URL, {"exploitation": "labour", "municipality": "GM0034"}))
    assert labour[0] == "Nederlandse Arbeidsinspectie"  # for this form only: first
    assert "Alleen Urk" not in labour
    assert "Alleen Urk" in names(client.get(URL, {"municipality": "GM0184"}))
    assert "Oud" not in names(client.get(URL))


@pytest.mark.parametrize("role", ["coordinator", "administrator"])
def test_coordinators_and_administrators_manage_partners_in_the_admin(
    role, request, verified_client
):  # type: ignore[no-untyped-def]
    client = verified_client(request.getfixturevalue(role))
    assert client.get(PARTNER_ADMIN).status_code == 200
    response = client.post(
        f"{PARTNER_ADMIN}add/",
        {
            "name": "Juridisch Loket",
            "kind": "legal_aid",
            "phone": "0900-8020",
            "exploitation_forms": ["labour"],
            "municipalities": [],
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert Partner.objects.get(name="Juridisch Loket").exploitation_forms == ["labour"]


def test_the_partner_admin_holds_nothing_else(coordinator, verified_client):  # type: ignore[no-untyped-def]
    """A coordinator reaches partners only: not staff accounts, in neither admin."""
    client = verified_client(coordinator)
    assert client.get("/beheer-partners/accounts/user/").status_code == 404
    assert client.get("/beheer/accounts/user/", follow=True).status_code == 403


def test_partners_are_not_deleted_but_switched_off(coordinator, verified_client):  # type: ignore[no-untyped-def]
    """Referrals keep pointing at their partner."""
    partner = Partner.objects.get(name="Veilig Thuis")
    response = verified_client(coordinator).post(
        f"{PARTNER_ADMIN}{partner.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert Partner.objects.filter(pk=partner.pk).exists()


@pytest.mark.parametrize("role", ["advisor", "analyst", "municipality_viewer"])
def test_other_roles_may_not_manage_partners(role, request, verified_client):  # type: ignore[no-untyped-def]
    response = verified_client(request.getfixturevalue(role)).get(PARTNER_ADMIN)
    assert response.status_code in {302, 403}
    assert Client().get(PARTNER_ADMIN).status_code == 302


@pytest.mark.parametrize("page", ["cases:inbox", "intake:new", "chat:console"])
def test_the_directory_is_one_link_away_from_case_intake_and_chat(page, advisor, verified_client):  # type: ignore[no-untyped-def]
    """From the phone intake and the chat console it opens in a new tab, so the call's
    form and the chat's connection stay as they are."""
    html = verified_client(advisor).get(reverse(page)).content.decode()
    assert f'href="{URL}"' in html
    if page != "cases:inbox":
        assert f'href="{URL}" target="_blank" rel="noopener"' in html
