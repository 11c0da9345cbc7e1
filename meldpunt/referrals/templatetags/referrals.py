"""Template tags of the referrals app, for the case page and the inbox (cases templates
include ``referrals/_*.html``, so cases never imports this app)."""

from typing import Any

from django import template

from meldpunt.accounts.models import User
from meldpunt.cases.models import Case
from meldpunt.cases.selectors import user_may_handle_cases
from meldpunt.referrals.selectors import (
    INBOX_LIMIT,
    awaiting_feedback,
    case_referrals,
    case_victims,
    referral_timelines,
)
from meldpunt.referrals.services import case_may_be_referred

register = template.Library()


@register.filter
def may_refer(case: Case) -> bool:
    return case_may_be_referred(case)


@register.inclusion_tag("referrals/_section.html")
def referrals_section(case: Case, user: User) -> dict[str, Any]:
    """The case's referrals, each with its timeline, and its possible victims' registration.

    Three queries whatever the number of referrals; nothing for users without case access.
    """
    if not user_may_handle_cases(user):
        return {"allowed": False}
    referrals = case_referrals(case)
    timelines = referral_timelines(case)
    return {
        "allowed": True,
        "case": case,
        "rows": [(referral, timelines.get(referral.pk, [])) for referral in referrals],
        "victims": case_victims(case),
    }


@register.inclusion_tag("referrals/_inbox_section.html")
def referrals_awaiting_feedback(user: User) -> dict[str, Any]:
    """Referrals past their feedback date: case number, partner and date only."""
    if not user_may_handle_cases(user):
        return {"allowed": False}
    late = list(awaiting_feedback()[: INBOX_LIMIT + 1])
    return {"allowed": True, "late": late[:INBOX_LIMIT], "more": len(late) > INBOX_LIMIT}
