"""Template tags of the privacy app for the case page (cases templates include
``privacy/_*.html``, so cases never imports this app)."""

from typing import Any

from django import template

from meldpunt.accounts.models import User
from meldpunt.cases.models import Case
from meldpunt.privacy.forms import HoldForm
from meldpunt.privacy.selectors import case_hold_state

register = template.Library()


@register.inclusion_tag("privacy/_case_hold.html")
def legal_hold_section(case: Case, user: User) -> dict[str, Any]:
    """The case's legal hold (or that its content was removed), and for a coordinator the
    form to place or release it. One query."""
    state = case_hold_state(case)
    return {
        "case": case,
        "hold": state.hold,
        "purged": state.purged,
        "may_change": user.is_coordinator,
        "form": HoldForm(),
    }
