from django import template

from meldpunt.accounts.models import User
from meldpunt.cases.models import Case
from meldpunt.cases.selectors import user_may_handle_cases
from meldpunt.chat.models import ChatMessage, ChatSession
from meldpunt.chat.selectors import transcripts_for_case

register = template.Library()


@register.simple_tag
def chat_transcripts(case: Case | None, user: User) -> list[tuple[ChatSession, list[ChatMessage]]]:
    """The chats recorded on ``case``; the case page has already let ``user`` in."""
    if case is None or not user_may_handle_cases(user):
        return []
    return transcripts_for_case(case)
