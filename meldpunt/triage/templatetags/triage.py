"""Template tags of the triage app: the case page panel (templates/triage/_case_panel.html)
and the suggestions for a chat transcript (the page that records a chat in a case)."""

from typing import Any

from django import template

from meldpunt.accounts.models import User
from meldpunt.cases.models import Case
from meldpunt.cases.selectors import user_may_handle_cases
from meldpunt.triage.models import Decision, TriageDecision
from meldpunt.triage.presenters import checklist, present
from meldpunt.triage.suggest import suggest

register = template.Library()


@register.inclusion_tag("triage/_panel.html", takes_context=True)
def triage_panel(context: template.Context, case: Case, user: User) -> dict[str, Any]:
    """Suggestions per contact summary of ``case``, with the decisions already taken.

    Each contact also gets the full checklist, so an advisor can add a signal the rules
    did not see. On the case page the contacts come with the page's ``detail``; elsewhere
    they cost one query. The decisions are one query. Nothing for users without case
    access.
    """
    if not user_may_handle_cases(user):
        return {"panels": None}
    detail = context.get("detail")
    contacts = (
        detail.contacts
        if detail is not None
        else list(
            case.contacts.defer("advice_given", "action_taken", "callback_details", "details")
        )
    )
    decided: dict[int, dict[str, str]] = {}
    rows = TriageDecision.objects.filter(case=case).order_by("at", "id")
    for contact_id, item, decision in rows.values_list("contact_id", "item", "decision"):
        decided.setdefault(contact_id, {})[item] = decision
    panels = []
    for contact in contacts:
        # Signals ticked elsewhere (the intake checklist) count as accepted.
        decisions: dict[str, str] = {item: Decision.ACCEPTED for item in contact.indicators}
        decisions |= decided.get(contact.pk, {})
        summary = contact.summary.strip()
        result = present(summary, suggest(summary), decisions) if summary else None
        panels.append(
            {
                "contact": contact,
                "result": result,
                "checklist": checklist(contact.indicators),
            }
        )
    return {
        "panels": panels,
        "case": case,
        "user": user,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("triage/_checklist.html")
def indicator_checklist(
    selected: list[str] | None = None, name: str = "indicators"
) -> dict[str, Any]:
    """The indicator checklist as checkboxes grouped by form, for intake and chat forms.

    ``{% load triage %}{% indicator_checklist form.indicators.value %}`` renders inputs
    named ``indicators`` (the field the suggestion fragment's "Overnemen" buttons tick).
    """
    return {"groups": checklist(list(selected or [])), "name": name}


@register.inclusion_tag("triage/_chat_suggestions.html")
def chat_suggestions(messages: list[Any], user: User) -> dict[str, Any]:
    """Suggestions for what the chatter wrote (``sender == "reporter"``), one message per
    line so every message is read in its own language. Nothing for users without case
    access; the text is never logged or stored."""
    if not user_may_handle_cases(user):
        return {"result": None}
    text = "\n".join(m.body for m in messages if m.sender == "reporter" and m.body.strip())
    return {"result": present(text, suggest(text)) if text else None}
