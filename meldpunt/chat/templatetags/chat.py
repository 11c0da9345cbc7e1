from typing import Any

from django import template

from meldpunt.accounts.models import User
from meldpunt.cases.selectors import user_may_handle_cases
from meldpunt.chat.selectors import transcripts_for_case

register = template.Library()


@register.simple_tag
def chat_transcripts(case: Any, user: User) -> list[Any]:
    """The chats recorded on ``case``; the case page has already let ``user`` in."""
    if case is None or not user_may_handle_cases(user):
        return []
    return transcripts_for_case(case)
