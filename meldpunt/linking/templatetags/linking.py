"""Template tags of the linking app, for the case page (templates/linking/_related_cases.html)."""

from typing import Any

from django import template

from meldpunt.accounts.models import User
from meldpunt.cases.models import Case
from meldpunt.cases.selectors import user_may_handle_cases
from meldpunt.linking.selectors import related_cases as select_related_cases

register = template.Library()


@register.inclusion_tag("linking/_related_list.html")
def related_cases(case: Case, user: User) -> dict[str, Any]:
    """Other cases sharing an entity with ``case``; nothing at all for users without access."""
    if not user_may_handle_cases(user):
        return {"allowed": False}
    return {"allowed": True, "relations": select_related_cases(user=user, case=case)}
