"""Chats whose reporter left more than ten minutes ago end; a recent leaver can still resume."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from meldpunt.chat import services
from meldpunt.chat.models import ChatState, EndedBy
from meldpunt.chat.selectors import access_chat_for_token
from meldpunt.lib.access import AccessDenied
from tests.chat.conftest import TUESDAY_10

pytestmark = pytest.mark.django_db


def test_reporter_gone_eleven_minutes_ends_the_chat(on_duty, freeze):
    """Left 11 minutes ago: the token no longer opens the chat and the command ends it."""
    chat, token = services.chat_start()
    services.reporter_left(chat=chat)
    freeze(TUESDAY_10 + timedelta(minutes=11))
    with pytest.raises(AccessDenied):
        access_chat_for_token(token)
    call_command("chat_expire")
    chat.refresh_from_db()
    assert chat.status == ChatState.ENDED
    assert chat.ended_by == EndedBy.TIMEOUT


def test_reporter_gone_five_minutes_can_resume(on_duty, freeze):
    """Left 5 minutes ago (a reload, a tunnel): the same chat is still there."""
    chat, token = services.chat_start()
    services.reporter_left(chat=chat)
    freeze(TUESDAY_10 + timedelta(minutes=5))
    assert access_chat_for_token(token) == chat
    assert services.chats_expire() == 0
