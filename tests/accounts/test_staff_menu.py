"""The staff menu shows each role the pages it may open, and every link in it opens.

The advisor's menu has the chat console with the number of chats waiting, counted in one
query; analysts and municipality viewers never see a case page in it."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.chat import services as chat_services

pytestmark = pytest.mark.django_db

NAV = re.compile(r'<nav class="site-nav"[^>]*>(.*?)</nav>', re.S)
LINK = re.compile(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.S)
CASE_PAGES = ("/medewerkers/zaken/", "/medewerkers/telefoon/", "/medewerkers/chat/")


def menu(client: Client) -> dict[str, str]:
    """The menu's links on the security page (open to every role): url → text."""
    page = client.get(reverse("accounts:security")).content.decode()
    found = NAV.search(page)
    assert found, "no staff menu on the page"
    links = LINK.findall(found.group(1))
    return {url: " ".join(re.sub(r"<[^>]+>", "", text).split()) for url, text in links}


def assert_all_open(client: Client, links: dict[str, str]) -> None:
    for url in links:
        assert client.get(url).status_code == 200, url


def test_advisor_sees_the_chat_console_with_the_number_waiting(advisor: User, verified_client):
    chat_services.chat_start(nickname="een")
    chat_services.chat_start(nickname="twee")
    client = verified_client(advisor)
    links = menu(client)
    assert links[reverse("chat:console")] == "Chat (2 wachtend)"
    assert reverse("cases:inbox") in links
    assert reverse("cases:workload") not in links
    assert reverse("admin:index") not in links
    assert_all_open(client, links)


def test_the_waiting_count_is_one_query(advisor: User, verified_client):
    client = verified_client(advisor)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("accounts:security"))
    chat_queries = [q["sql"] for q in queries if "chat_chatsession" in q["sql"]]
    assert len(chat_queries) == 1


def test_coordinator_sees_the_coordinators_pages(coordinator: User, verified_client):
    client = verified_client(coordinator)
    links = menu(client)
    for name in ("cases:inbox", "chat:console", "cases:workload", "cases:audit", "linking:signals"):
        assert reverse(name) in links, name
    assert reverse("admin:index") not in links
    assert_all_open(client, links)


@pytest.mark.parametrize("role_fixture", ["analyst", "municipality_viewer"])
def test_statistics_roles_see_no_case_page(role_fixture: str, request, verified_client):
    client = verified_client(request.getfixturevalue(role_fixture))
    links = menu(client)
    assert links, "an empty menu"
    assert not [url for url in links if url.startswith(CASE_PAGES)]
    assert_all_open(client, links)


def test_administrator_sees_the_admin_and_no_case_page(administrator: User, verified_client):
    client = verified_client(administrator)
    links = menu(client)
    assert reverse("admin:index") in links
    assert not [url for url in links if url.startswith(CASE_PAGES)]
    assert_all_open(client, links)


def test_the_site_name_leads_each_role_to_a_page_it_may_open(analyst: User, verified_client):
    client = verified_client(analyst)
    response = client.get(reverse("accounts:security"))
    assert f'href="{reverse("accounts:home")}"' in response.content.decode()
    assert client.get(reverse("accounts:home"), follow=True).status_code == 200
