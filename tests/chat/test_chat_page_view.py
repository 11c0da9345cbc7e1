"""The public chat page: kindly closed, the start form, or the person's own running chat."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from meldpunt.chat import services
from meldpunt.chat.auth import SESSION_TOKEN_KEY

pytestmark = pytest.mark.django_db

SUNDAY_10 = datetime(2026, 11, 29, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_closed_page_points_to_phone_and_report_form(client, freeze, office_hours):
    """Outside hours: closed, when it opens again, the 24/7 phone number and the report form."""
    freeze(SUNDAY_10)
    response = client.get(reverse("chat_public:chat"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="chat-closed"' in html
    assert "maandag 30 november om 09:00" in html
    assert "088 2220500" in html
    assert reverse("reports_public:start") in html
    assert "chat-start" not in html
    assert "no-store" in response.headers["Cache-Control"]


def test_closed_without_advisor(client, open_now, advisor):
    """Within hours but nobody available: says no advisor is free, offers no form."""
    response = client.get(reverse("chat_public:chat"))
    html = response.content.decode()
    assert "geen adviseur vrij" in html
    assert '<form method="post" action="' + reverse("chat_public:start") not in html


def test_open_page_shows_start_form_and_noscript_notice(client, on_duty):
    """Open: the start form (revealed by JavaScript) and a plain notice for no JavaScript."""
    response = client.get(reverse("chat_public:chat"))
    html = response.content.decode()
    assert reverse("chat_public:start") in html
    assert "<noscript>" in html
    assert "werkt alleen als JavaScript aan staat" in html


def test_running_chat_is_shown_again(client, on_duty):
    """A reporter with a running chat in the session gets the chat itself back."""
    chat, token = services.chat_start()
    session = client.session
    session[SESSION_TOKEN_KEY] = token
    session.save()
    html = client.get(reverse("chat_public:chat")).content.decode()
    assert f"/ws/chat/{chat.public_id.hex}/" in html
    assert token not in html
