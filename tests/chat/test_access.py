"""The chat's access functions: the advisor who has a chat, or a coordinator, reaches it;
the reporter reaches their own chat with the token in their session. Everyone else gets
the same AccessDenied as for a chat that does not exist."""

from datetime import timedelta

import pytest

from meldpunt.accounts.models import User
from meldpunt.chat import services
from meldpunt.chat.models import ChatSession, EndedBy
from meldpunt.chat.selectors import (
    access_chat,
    access_chat_by_public_id,
    access_chat_for_token,
)
from meldpunt.lib.access import AccessDenied
from tests.chat.conftest import TUESDAY_10

pytestmark = pytest.mark.django_db


@pytest.fixture
def annas_chat(on_duty: User) -> ChatSession:
    """A chat that Anna (on duty) took."""
    chat, _token = services.chat_start(nickname="Sam")
    services.chat_accept_next(user=on_duty)
    chat.refresh_from_db()
    return chat


def test_access_chat_lets_in_the_advisor_who_has_it_and_coordinators(
    on_duty: User, coordinator: User, colleague: User, analyst: User, annas_chat: ChatSession
) -> None:
    """Anna (who took it) and Cor (coordinator) get the chat, by id and by public id; Bram
    (a colleague who did not have it) and Ali (analyst) get AccessDenied, as Anna does
    for a chat that does not exist."""
    public_id = annas_chat.public_id.hex
    for user in (on_duty, coordinator):
        assert access_chat(user, annas_chat.pk, audit=None) == annas_chat
        assert access_chat_by_public_id(user, public_id, audit=None) == annas_chat
    for user in (colleague, analyst):
        with pytest.raises(AccessDenied):
            access_chat(user, annas_chat.pk, audit=None)
        with pytest.raises(AccessDenied):
            access_chat_by_public_id(user, public_id, audit=None)
    with pytest.raises(AccessDenied):
        access_chat(on_duty, annas_chat.pk + 1000, audit=None)


def test_access_chat_for_token_gives_the_reporter_their_own_chat_only(
    on_duty: User, freeze
) -> None:  # type: ignore[no-untyped-def]
    """Sam's token reaches Sam's chat; Kim's token (another reporter) does not reach it by
    its public id, a stranger without a token gets nothing, and an ended chat is gone:
    all the same AccessDenied."""
    sams, sam_token = services.chat_start(nickname="Sam")
    kims, kim_token = services.chat_start(nickname="Kim")
    assert access_chat_for_token(sam_token) == sams
    assert access_chat_for_token(sam_token, public_id=sams.public_id.hex) == sams
    with pytest.raises(AccessDenied):
        access_chat_for_token(kim_token, public_id=sams.public_id.hex)
    for token in (None, "", "not-a-token"):
        with pytest.raises(AccessDenied):
            access_chat_for_token(token)
    services.chat_end(chat=kims, ended_by=EndedBy.REPORTER)
    with pytest.raises(AccessDenied):
        access_chat_for_token(kim_token)
    services.reporter_left(chat=sams)
    freeze(TUESDAY_10 + timedelta(minutes=11))
    with pytest.raises(AccessDenied):
        access_chat_for_token(sam_token)
