"""A chat the reporter ends (button or beacon) leaves no session and no session cookie."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("data", [{}, {"beacon": "1"}], ids=["button", "beacon"])
def test_ending_the_only_thing_in_the_session_removes_it(client, on_duty, data):  # type: ignore[no-untyped-def]
    """Start, then end: the session held only the chat, so it and its cookie go."""
    client.post(reverse("chat_public:start"), {"nickname": "Sam", "language": "nl"})
    assert client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post(reverse("chat_public:end"), data)
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
