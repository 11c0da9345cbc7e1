"""A chat keeps the reporter's language: from the URL unless they chose one; staff see it
by its Dutch name in the queue, and canned responses in that language come first."""

import pytest

from meldpunt.chat import selectors
from meldpunt.chat.models import CannedResponse, ChatSession

pytestmark = pytest.mark.django_db


def test_chat_started_on_a_polish_page_is_polish(client, on_duty):  # type: ignore[no-untyped-def]
    page = client.get("/pl/chat/")
    assert '<option value="pl" lang="pl" selected>' in page.content.decode()
    response = client.post("/pl/chat/starten/", {"nickname": "Ola"})
    assert response.headers["Location"] == "/pl/chat/"
    assert ChatSession.objects.get().language == "pl"


def test_a_chosen_language_wins_over_the_page(client, on_duty):  # type: ignore[no-untyped-def]
    client.post("/en/chat/starten/", {"language": "uk"})
    assert ChatSession.objects.get().language == "uk"


def test_queue_names_the_language_in_dutch(client, on_duty):  # type: ignore[no-untyped-def]
    client.post("/ro/chat/starten/", {})
    (entry,) = selectors.queue()
    assert (entry["language"], entry["language_name"]) == ("ro", "Roemeens")


def test_console_marks_each_canned_response_with_its_language(advisor, verified_client):  # type: ignore[no-untyped-def]
    CannedResponse.objects.create(title="Welkom", text="Welkom bij de chat.", language="nl")
    CannedResponse.objects.create(title="Witamy", text="Witamy na czacie.", language="pl")
    html = verified_client(advisor).get("/medewerkers/chat/").content.decode()
    assert 'data-language="pl">Witamy (Pools)</option>' in html
    assert 'data-language="nl">Welkom (Nederlands)</option>' in html
